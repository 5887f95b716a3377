//! A title without what is not its own: a mailing list's tags, rooms, times, days
//! and codes around it, a workshop number, a file's extension, a site after " | ".

use super::super::event;
use super::super::when::{find_day, find_time};
use super::{is_generic, is_room};

/// A part of a transcript's or a listing's heading that only places the session: the
/// event alone ("IGF 2019"), its day ("Day 3"), a session's code ("DC", "OF #33").
fn is_programme_part(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let day = words.len() == 2
        && words[0].eq_ignore_ascii_case("day")
        && words[1].chars().all(|c| c.is_ascii_digit());
    let event_only = event::find(p).is_some_and(|e| e.name.len() + 3 >= p.len());
    let code = matches!(p, "DC" | "OF" | "WS" | "NRI" | "NRIs" | "BPF")
        || (without_session_code(&format!("{p} x")) == "x");
    day || event_only || code
}

/// `text` without a leading session code: "OF #33 ", "WS #12 ", "Event #59 ", "Open
/// Forum #100 ", "Lightning Talk #2 ".
fn without_session_code(text: &str) -> &str {
    for kind in [
        "OF",
        "WS",
        "Event",
        "Open Forum",
        "Lightning Talk",
        "Town Hall",
        "DC",
    ] {
        let Some(rest) = text.strip_prefix(kind) else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('#') else {
            continue;
        };
        let rest = rest.trim_start();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && rest[digits..].starts_with(' ') && !rest[digits..].trim().is_empty() {
            return rest[digits..].trim_start();
        }
    }
    text
}

/// A title without what is not its own: rooms and times ("Main Hall - 9:30-12:30 (3
/// Hours) - Focus Session: X" -> "Focus Session: X"), a workshop number
/// ("(WS186)", "WS #446"), a site or event after " | ".
pub(crate) fn clean(text: &str) -> String {
    let mut t = text.trim().trim_end_matches(':').trim().to_string();
    // A mailing list's subject: "[Wg-strategy] Re: Session proposal".
    loop {
        let before = t.clone();
        if let Some(rest) = t.strip_prefix('[').and_then(|r| r.split_once(']')) {
            if rest.0.chars().count() <= 30 && !rest.1.trim().is_empty() {
                t = rest.1.trim().to_string();
            }
        }
        for p in ["Re:", "RE:", "Fwd:", "FW:", "Fw:", "AW:", "Aw:"] {
            if let Some(rest) = t.strip_prefix(p) {
                t = rest.trim().to_string();
            }
        }
        if t == before {
            break;
        }
    }
    // " | " parts: keep the longest that is not an event or a session type.
    if t.contains(" | ") {
        let parts: Vec<&str> = t.split(" | ").map(str::trim).collect();
        let own: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !is_generic(p) && event::find(p).is_none_or(|e| e.name.len() + 3 < p.len()))
            .collect();
        if let Some(best) = own.iter().max_by_key(|p| p.len()) {
            t = (*best).to_string();
        }
    }
    // " - " (or " – ") parts that are rooms, times, days of the event, the event, a
    // session's code or a transcript's state: "IGF 2019 – Day 3 – Convention Hall II –
    // DC – Joint Efforts to achieve the SDGs", "… – RAW".
    if let Some(sep) = [" - ", " – "].into_iter().find(|sep| t.contains(sep)) {
        let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
        // Only from either end: the parts left stand together as written.
        let placing = |p: &&str| {
            is_room(p)
                || (find_time(p).is_some() || find_day(p).is_some())
                    && p.split_whitespace().count() <= 5
                || [
                    "raw",
                    "finished",
                    "transcript",
                    "live",
                    "recording",
                    "captioning",
                ]
                .contains(&p.to_lowercase().as_str())
                // (The event, a day or a code only in a heading of three parts or
                // more: "WSIS Forum 2019 – Outcome Document" names a page, not a session.)
                || (parts.len() >= 3 && is_programme_part(p))
        };
        let first = parts.iter().position(|p| !placing(p));
        let last = parts.iter().rposition(|p| !placing(p));
        if let (Some(a), Some(b)) = (first, last) {
            if b + 1 - a < parts.len() {
                t = parts[a..=b].join(sep);
            }
        }
    }
    // "Session report: Connecting the unconnected": the kind of page before its title.
    for prefix in [
        "session report:",
        "report:",
        "session summary:",
        "summary:",
        "highlights:",
    ] {
        let head = t.get(..prefix.len()).map(str::to_lowercase);
        if head.as_deref() == Some(prefix) && t[prefix.len()..].trim().chars().count() >= 8 {
            t = t[prefix.len()..].trim().to_string();
            break;
        }
    }
    // A file's name as its title: "… beyond 2025.rtf".
    let lower = t.to_ascii_lowercase();
    if let Some(ext) = [
        ".rtf", ".docx", ".doc", ".pdf", ".odt", ".txt", ".html", ".htm",
    ]
    .iter()
    .find(|e| lower.ends_with(**e) && t.len() > e.len() + 3)
    {
        t.truncate(t.len() - ext.len());
    }
    // "IGF 2020 WS #174 IT for …": the event, then the session's number, before the
    // title.
    if let Some(e) = event::find(&t).filter(|e| t.starts_with(&e.name)) {
        let rest = t[e.name.len()..].trim_start();
        if without_session_code(rest) != rest {
            t = rest.to_string();
        }
    }
    // "OF #33 WSIS Action Lines …", "Event #59 NRIs …": a session's number first.
    t = without_session_code(&t).to_string();
    // "Open access to data (11.05.2010, Room 3)": a trailing date or room.
    if let Some(open) = t.rfind(" (").filter(|_| t.ends_with(')')) {
        let inner = &t[open + 2..t.len() - 1];
        if find_day(inner).is_some() || find_time(inner).is_some() || inner.split(',').any(is_room)
        {
            t.truncate(open);
        }
    }
    // Workshop numbers.
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut skip = 0;
    for (k, w) in words.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let bare = w.trim_matches(|c: char| matches!(c, '(' | ')'));
        let ws_code = bare.len() > 2
            && bare.starts_with("WS")
            && bare[2..].chars().all(|c| c.is_ascii_digit());
        if ws_code {
            continue;
        }
        if k == 0 && *w == "WS" && words.get(1).is_some_and(|n| n.starts_with('#')) {
            skip = 1;
            continue;
        }
        out.push(w);
    }
    let t = out
        .join(" ")
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .to_string();
    unquoted(&t).unwrap_or(t)
}

/// A title written wholly inside one pair of quotes ("“Rivers of data – one
/// basin?”"), without them; `None` when the quotes are only part of it.
fn unquoted(t: &str) -> Option<String> {
    let pairs = [('"', '"'), ('“', '”'), ('«', '»'), ('„', '“')];
    let (open, close) = pairs
        .iter()
        .find(|(o, c)| t.starts_with(*o) && t.ends_with(*c) && t.chars().count() > 2)?;
    let inner = t[open.len_utf8()..t.len() - close.len_utf8()].trim();
    (!inner.contains([*open, *close, '"', '“', '”'])).then(|| inner.to_string())
}
