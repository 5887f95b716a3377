//! A session's typed links: recordings, documents and slides (`recording:`,
//! `documents:`, `slides:`), each with a label, and a recording's duration and
//! the service it is on (YouTube, UN Web TV), which pages name beside the link.
//! Recordings are links, never embedded players: a page stays light and loads
//! nothing from another site.

use std::fmt;
use std::str::FromStr;

use crate::url::Link;

/// What a typed link leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MaterialKind {
    /// A video or audio recording.
    Recording,
    /// A document: outcome document, report, statement.
    Document,
    /// Presentation slides.
    Slides,
}

impl MaterialKind {
    /// The label of a link written without one.
    pub fn default_label(self) -> &'static str {
        match self {
            MaterialKind::Recording => "Recording",
            MaterialKind::Document => "Document",
            MaterialKind::Slides => "Slides",
        }
    }
}

/// One typed link of a session.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Material {
    /// Recording, document or slides.
    pub kind: MaterialKind,
    /// Link text.
    pub label: String,
    /// Target.
    pub url: Link,
    /// How long it runs (a recording's length).
    pub duration: Option<Duration>,
}

impl Material {
    /// The service a recording is on, when it is one readers know by name.
    pub fn provider(&self) -> Option<&'static str> {
        provider(self.url.as_str())
    }
}

/// The video service of `url`: "YouTube" or "UN Web TV".
pub fn provider(url: &str) -> Option<&'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    match host {
        "youtube.com" | "m.youtube.com" | "youtu.be" | "youtube-nocookie.com" => Some("YouTube"),
        "webtv.un.org" | "media.un.org" => Some("UN Web TV"),
        _ => None,
    }
}

/// A length of time in whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration(pub u32);

impl FromStr for Duration {
    type Err = ();

    /// "1:32:10", "32:10" (minutes and seconds), "PT1H32M10S", "92 min", "1 h 32 min",
    /// "1h32m", "45 minutes", "90 s".
    fn from_str(s: &str) -> Result<Duration, ()> {
        let t = s.trim();
        if t.contains(':') {
            return clock(t);
        }
        if let Some(iso) = t.strip_prefix("PT").or_else(|| t.strip_prefix("pt")) {
            return units(iso);
        }
        units(t)
    }
}

/// "1:32:10" or "32:10".
fn clock(t: &str) -> Result<Duration, ()> {
    let parts: Vec<&str> = t.split(':').map(str::trim).collect();
    let num = |p: &str| -> Result<u32, ()> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        p.parse().map_err(|_| ())
    };
    let (h, m, sec) = match parts.as_slice() {
        [m, sec] => (0, num(m)?, num(sec)?),
        [h, m, sec] => (num(h)?, num(m)?, num(sec)?),
        _ => return Err(()),
    };
    if sec >= 60 || (parts.len() == 3 && m >= 60) {
        return Err(());
    }
    seconds(h, m, sec)
}

/// Numbers with units: "1 h 32 min", "1h32m10s", "92 minutes", "1H32M" (ISO's part after PT).
fn units(t: &str) -> Result<Duration, ()> {
    let (mut h, mut m, mut sec) = (0u32, 0u32, 0u32);
    let mut rest = t.trim();
    let mut any = false;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(());
        }
        let n: u32 = rest[..digits].parse().map_err(|_| ())?;
        rest = rest[digits..].trim_start();
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = rest[..unit_len].to_ascii_lowercase();
        rest = rest[unit_len..].trim_start();
        let slot = match unit.as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => &mut h,
            "m" | "min" | "mins" | "minute" | "minutes" => &mut m,
            "s" | "sec" | "secs" | "second" | "seconds" => &mut sec,
            _ => return Err(()),
        };
        *slot = slot.checked_add(n).ok_or(())?;
        any = true;
    }
    if !any {
        return Err(());
    }
    seconds(h, m, sec)
}

fn seconds(h: u32, m: u32, s: u32) -> Result<Duration, ()> {
    let total = h
        .checked_mul(3600)
        .and_then(|h| m.checked_mul(60).and_then(|m| h.checked_add(m)))
        .and_then(|hm| hm.checked_add(s))
        .ok_or(())?;
    if total == 0 {
        return Err(());
    }
    Ok(Duration(total))
}

impl fmt::Display for Duration {
    /// "1 h 32 min", "45 min", "2 h", "50 s" (seconds only under a minute).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.0 / 3600, (self.0 % 3600) / 60);
        match (h, m) {
            (0, 0) => write!(f, "{} s", self.0),
            (0, m) => write!(f, "{m} min"),
            (h, 0) => write!(f, "{h} h"),
            (h, m) => write!(f, "{h} h {m} min"),
        }
    }
}

impl Duration {
    /// ISO 8601 ("PT1H32M10S"), for machine-readable outputs.
    pub fn iso(&self) -> String {
        let (h, m, s) = (self.0 / 3600, (self.0 % 3600) / 60, self.0 % 60);
        let mut out = String::from("PT");
        for (n, unit) in [(h, 'H'), (m, 'M'), (s, 'S')] {
            if n > 0 {
                out.push_str(&format!("{n}{unit}"));
            }
        }
        out
    }
}

impl super::SessionResolver<'_> {
    /// The session's recordings, documents and slides; a bad duration is an error at
    /// its position.
    pub(super) fn materials(&mut self, fm: &crate::content::SessionFrontMatter) -> Vec<Material> {
        let mut out = Vec::new();
        for (kind, list) in [
            (MaterialKind::Recording, &fm.recording),
            (MaterialKind::Document, &fm.documents),
            (MaterialKind::Slides, &fm.slides),
        ] {
            for m in &list.0 {
                let duration = m.duration.as_ref().and_then(|d| {
                    let parsed = d.value.parse::<Duration>().ok();
                    if parsed.is_none() {
                        self.error(
                            d,
                            format!("`{}` is not a duration", d.value),
                            "write it as \"1:32:10\", \"45 min\", \"1 h 32 min\" or \"PT1H32M\"",
                        );
                    }
                    parsed
                });
                let label = m.label.as_deref().map(str::trim).filter(|l| !l.is_empty());
                out.push(Material {
                    kind,
                    label: label.unwrap_or(kind.default_label()).to_string(),
                    url: m.url.value.clone(),
                    duration,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_clocks_units_and_iso() {
        let d = |s: &str| s.parse::<Duration>().map(|d| d.0);
        assert_eq!(d("1:32:10"), Ok(5530));
        assert_eq!(d("32:10"), Ok(1930));
        assert_eq!(d("PT1H32M"), Ok(5520));
        assert_eq!(d("92 min"), Ok(5520));
        assert_eq!(d("1 h 32 min"), Ok(5520));
        assert_eq!(d("1h32m10s"), Ok(5530));
        assert_eq!(d("45 minutes"), Ok(2700));
        for bad in [
            "", "soon", "1:60:00", "10:75", "0 min", "PT", "1:2:3:4", "5 days", "-3 min",
        ] {
            assert!(bad.parse::<Duration>().is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_show_hours_and_minutes() {
        assert_eq!(Duration(5530).to_string(), "1 h 32 min");
        assert_eq!(Duration(2700).to_string(), "45 min");
        assert_eq!(Duration(7200).to_string(), "2 h");
        assert_eq!(Duration(50).to_string(), "50 s");
        assert_eq!(Duration(5530).iso(), "PT1H32M10S");
    }

    #[test]
    fn youtube_and_un_web_tv_are_named() {
        assert_eq!(
            provider("https://www.youtube.com/watch?v=abc"),
            Some("YouTube")
        );
        assert_eq!(provider("https://youtu.be/abc"), Some("YouTube"));
        assert_eq!(
            provider("https://webtv.un.org/en/asset/k1x/k1x2"),
            Some("UN Web TV")
        );
        assert_eq!(provider("https://example.org/youtube.com"), None);
        assert_eq!(provider("/media/recording.mp4"), None);
    }
}
