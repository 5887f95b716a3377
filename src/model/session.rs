//! A session as the site knows it: typed, resolved, ready to index and render.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use jiff::civil::{Date, Time};

use super::{EventId, PersonId, TopicId};
use crate::content::LinkRecord;
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// One session: a roundtable, panel, workshop, outcome document, …
#[derive(Clone, Debug)]
pub struct Session {
    /// URL slug: `/sessions/<slug>/`.
    pub slug: Slug,
    /// The source file, for diagnostics.
    pub file: PathBuf,
    /// Title.
    pub title: String,
    /// The event it belongs to.
    pub event: Option<EventId>,
    /// Its type.
    pub kind: Option<SessionKind>,
    /// Its day.
    pub date: Option<Date>,
    /// Start and end time, local to `timezone`.
    pub time: Option<TimeRange>,
    /// The time zone as written ("UTC+02:00").
    pub timezone: Option<String>,
    /// Organizing bodies.
    pub organizers: Vec<String>,
    /// The registry's organization each of `organizers` names, if it names one.
    pub organizer_ids: Vec<Option<super::OrgId>>,
    /// Related links.
    pub links: Vec<LinkRecord>,
    /// Where in the venue ("Room K").
    pub room: Option<String>,
    /// Recordings, then documents, then slides, each in the order written.
    pub materials: Vec<super::Material>,
    /// Moderators and speakers, in the order the file lists them (moderators first):
    /// one entry per person (a second listing is a warning and left out).
    pub participants: Vec<Participation>,
    /// Topics.
    pub topics: Vec<TopicId>,
    /// SDGs, sorted and without repeats.
    pub sdgs: Vec<Sdg>,
    /// Action lines, in official order, without repeats.
    pub action_lines: Vec<ActionLine>,
    /// Short summary for cards and feeds.
    pub summary: Option<String>,
    /// Markdown body (shared with the source it came from).
    pub body: std::sync::Arc<str>,
    /// Old addresses that redirect to the page (`aliases:`).
    pub old_urls: Vec<super::OldUrl>,
}

/// Someone's part in one session: the person plus what the session says about them.
#[derive(Clone, Debug)]
pub struct Participation {
    /// Who.
    pub person: PersonId,
    /// Moderator or speaker.
    pub role: Role,
    /// Honorific as written in this session.
    pub honorific: Option<String>,
    /// Role title at the time, e.g. "Minister of Information and Communication".
    pub title: Option<String>,
    /// Organization at the time, as written.
    pub organization: Option<String>,
    /// The registry's organization that `organization` names, if it names one.
    pub organization_id: Option<super::OrgId>,
    /// Country at the time.
    pub country: Option<Country>,
}

/// What someone did in a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Chaired the session.
    Moderator,
    /// Spoke or sat on the panel.
    Speaker,
}

impl Role {
    /// "Moderator" / "Speaker".
    pub fn label(self) -> &'static str {
        match self {
            Role::Moderator => "Moderator",
            Role::Speaker => "Speaker",
        }
    }
}

/// The type of a session. Known types have a fixed label; others keep their own slug.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SessionKind {
    /// roundtable
    Roundtable,
    /// panel
    Panel,
    /// workshop
    Workshop,
    /// outcome-document
    OutcomeDocument,
    /// keynote
    Keynote,
    /// high-level-dialogue
    HighLevelDialogue,
    /// exhibition
    Exhibition,
    /// plenary
    Plenary,
    /// Any other type, by its slug ("hackathon").
    Other(Slug),
}

const KNOWN_KINDS: [(SessionKind, &str, &str); 8] = [
    (SessionKind::Roundtable, "roundtable", "Roundtable"),
    (SessionKind::Panel, "panel", "Panel"),
    (SessionKind::Workshop, "workshop", "Workshop"),
    (
        SessionKind::OutcomeDocument,
        "outcome-document",
        "Outcome document",
    ),
    (SessionKind::Keynote, "keynote", "Keynote"),
    (
        SessionKind::HighLevelDialogue,
        "high-level-dialogue",
        "High-level dialogue",
    ),
    (SessionKind::Exhibition, "exhibition", "Exhibition"),
    (SessionKind::Plenary, "plenary", "Plenary"),
];

impl SessionKind {
    /// The slug: "outcome-document".
    pub fn slug(&self) -> &str {
        match self {
            SessionKind::Other(s) => s.as_str(),
            known => KNOWN_KINDS
                .iter()
                .find(|k| &k.0 == known)
                .map_or("", |k| k.1),
        }
    }

    /// The label: "Outcome document"; for other types the slug with spaces, capitalised.
    pub fn label(&self) -> String {
        match self {
            SessionKind::Other(s) => {
                let words = s.as_str().replace('-', " ");
                let mut chars = words.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            known => KNOWN_KINDS
                .iter()
                .find(|k| &k.0 == known)
                .map_or(String::new(), |k| k.2.to_string()),
        }
    }
}

impl FromStr for SessionKind {
    type Err = ();

    /// Any text with letters: "Panel", "outcome document", "High-Level Dialogue", "hackathon".
    fn from_str(s: &str) -> Result<SessionKind, ()> {
        let slug = Slug::from_text(s).ok_or(())?;
        Ok(KNOWN_KINDS
            .iter()
            .find(|k| k.1 == slug.as_str())
            .map_or(SessionKind::Other(slug), |k| k.0.clone()))
    }
}

/// A start time and an optional end time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// Start.
    pub start: Time,
    /// End, when given.
    pub end: Option<Time>,
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start.strftime("%H:%M"))?;
        if let Some(end) = self.end {
            write!(f, "–{}", end.strftime("%H:%M"))?;
        }
        Ok(())
    }
}

impl FromStr for TimeRange {
    type Err = String;

    /// "10:00-10:45", "10:00–10:45", "10:00 - 10:45", "9:30", "10.00-10.45".
    fn from_str(s: &str) -> Result<TimeRange, String> {
        let norm = s.replace(['–', '—'], "-").replace('.', ":");
        let mut parts = norm.splitn(2, '-').map(str::trim);
        let parse = |t: &str| -> Result<Time, String> {
            let (h, m) = t
                .split_once(':')
                .ok_or_else(|| format!("{t:?} is not a time"))?;
            let h: i8 = h
                .trim()
                .parse()
                .map_err(|_| format!("{t:?} is not a time"))?;
            let m: i8 = m
                .trim()
                .parse()
                .map_err(|_| format!("{t:?} is not a time"))?;
            Time::new(h, m, 0, 0).map_err(|_| format!("{t:?} is not a time of day"))
        };
        let start = parse(parts.next().unwrap_or_default())?;
        let end = parts.next().map(parse).transpose()?;
        if end.is_some_and(|e| e < start) {
            return Err(format!("{s:?} ends before it starts"));
        }
        Ok(TimeRange { start, end })
    }
}

/// Parses a time-zone label: "UTC", "UTC+02:00", "GMT+2", "+02:00", or an IANA name
/// ("Europe/Zurich"). Offsets become fixed zones; names use the tz database compiled into the binary, so a build gives the same times on every machine.
pub fn parse_timezone(s: &str) -> Option<jiff::tz::TimeZone> {
    let t = s.trim();
    let offset = t
        .strip_prefix("UTC")
        .or_else(|| t.strip_prefix("GMT"))
        .unwrap_or(t)
        .trim();
    if offset.is_empty() {
        return Some(jiff::tz::TimeZone::UTC);
    }
    if let Some((sign, rest)) = offset
        .strip_prefix('+')
        .map(|r| (1, r))
        .or_else(|| offset.strip_prefix(['-', '−']).map(|r| (-1, r)))
    {
        let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
        // "UTC+-05:00" is a typo, not UTC−5: the digits must be digits.
        if !h.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m) = (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?);
        if h > 14 || !(0..60).contains(&m) {
            return None;
        }
        let seconds = sign * (h * 3600 + m * 60);
        return jiff::tz::Offset::from_seconds(seconds)
            .ok()
            .map(jiff::tz::TimeZone::fixed);
    }
    // The bundled database, not the host's: the same site gives the same UTC times (and
    // builds at all) on a slim CI image without tzdata.
    static BUNDLED: std::sync::LazyLock<jiff::tz::TimeZoneDatabase> =
        std::sync::LazyLock::new(jiff::tz::TimeZoneDatabase::bundled);
    BUNDLED.get(t).ok()
}

/// Checks a time-zone label (see [`parse_timezone`]).
pub(crate) fn is_valid_timezone(s: &str) -> bool {
    parse_timezone(s).is_some()
}

/// When a session happens, as precisely as its file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// A day without a time.
    Day(Date),
    /// A local time with no time zone (a "floating" time).
    Local(jiff::civil::DateTime, Option<jiff::civil::DateTime>),
    /// Instants: the time and its zone are known.
    Exact(jiff::Timestamp, Option<jiff::Timestamp>),
}

impl Session {
    /// A session with nothing in it: what `serve` puts where a new file's session goes
    /// before resolving it, and where a deleted file's was before taking it out.
    pub fn absent(slug: Slug, file: PathBuf) -> Session {
        Session {
            slug,
            file,
            title: String::new(),
            event: None,
            kind: None,
            date: None,
            time: None,
            timezone: None,
            organizers: Vec::new(),
            organizer_ids: Vec::new(),
            links: Vec::new(),
            room: None,
            materials: Vec::new(),
            participants: Vec::new(),
            topics: Vec::new(),
            sdgs: Vec::new(),
            action_lines: Vec::new(),
            summary: None,
            body: std::sync::Arc::from(""),
            old_urls: Vec::new(),
        }
    }

    /// The session's start (and end), from `date`, `time` and `timezone`; `None` without a date.
    /// An end before the start never happens: [`TimeRange`] rejects it.
    pub fn when(&self) -> Option<When> {
        let date = self.date?;
        let Some(time) = self.time else {
            return Some(When::Day(date));
        };
        let start = date.to_datetime(time.start);
        let end = time.end.map(|t| date.to_datetime(t));
        let zone = self.timezone.as_deref().and_then(parse_timezone);
        Some(match zone {
            Some(tz) => {
                let instant =
                    |dt: jiff::civil::DateTime| tz.to_ambiguous_timestamp(dt).compatible().ok();
                match instant(start) {
                    Some(s) => When::Exact(s, end.and_then(instant)),
                    None => When::Local(start, end),
                }
            }
            None => When::Local(start, end),
        })
    }
}

#[cfg(test)]
impl Session {
    /// A session with nothing but a slug, for tests to fill in.
    pub(crate) fn empty_for_tests() -> Session {
        Session {
            title: "Test".into(),
            ..Session::absent(
                Slug::from_text("test").expect("slug"),
                PathBuf::from("test.md"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_ranges_parse_common_spellings() {
        for s in ["10:00-10:45", "10:00–10:45", "10:00 - 10:45", "10.00-10.45"] {
            assert_eq!(
                s.parse::<TimeRange>().map(|t| t.to_string()),
                Ok("10:00–10:45".into()),
                "{s}"
            );
        }
        assert_eq!(
            "9:30".parse::<TimeRange>().map(|t| t.to_string()),
            Ok("09:30".into())
        );
        for bad in ["25:00", "ten", "11:00-10:00", ""] {
            assert!(bad.parse::<TimeRange>().is_err(), "{bad}");
        }
    }

    #[test]
    fn timezones_accept_offsets_and_names() {
        for ok in ["UTC", "UTC+02:00", "GMT+2", "+05:30", "UTC-03:00"] {
            assert!(is_valid_timezone(ok), "{ok}");
        }
        for bad in [
            "UTC+25:00",
            "Mars/Olympus",
            "+ab",
            "UTC+-05:00",
            "UTC--2",
            "+",
        ] {
            assert!(!is_valid_timezone(bad), "{bad}");
        }
    }

    #[test]
    fn times_with_a_zone_become_instants() {
        let mut s = Session {
            date: Some(jiff::civil::date(2024, 5, 30)),
            time: "10:00-10:45".parse().ok(),
            timezone: Some("UTC+02:00".into()),
            ..Session::empty_for_tests()
        };
        let utc = |t: &str| t.parse::<jiff::Timestamp>().expect("timestamp");
        assert_eq!(
            s.when(),
            Some(When::Exact(
                utc("2024-05-30T08:00:00Z"),
                Some(utc("2024-05-30T08:45:00Z"))
            ))
        );
        s.timezone = Some("GMT-3".into());
        assert_eq!(
            s.when(),
            Some(When::Exact(
                utc("2024-05-30T13:00:00Z"),
                Some(utc("2024-05-30T13:45:00Z"))
            ))
        );
        s.timezone = None;
        assert!(matches!(s.when(), Some(When::Local(..))));
        s.time = None;
        assert_eq!(s.when(), Some(When::Day(jiff::civil::date(2024, 5, 30))));
        s.date = None;
        assert_eq!(s.when(), None);
    }

    #[test]
    fn known_kinds_have_labels_and_others_keep_their_slug() {
        assert_eq!(
            "Outcome Document".parse::<SessionKind>(),
            Ok(SessionKind::OutcomeDocument)
        );
        assert_eq!(SessionKind::OutcomeDocument.label(), "Outcome document");
        let other: SessionKind = "fireside chat".parse().expect("any words");
        assert_eq!(
            (other.slug(), other.label().as_str()),
            ("fireside-chat", "Fireside chat")
        );
        assert!("—".parse::<SessionKind>().is_err());
    }
}
