//! `/events/<id>/sessions.ics`: each event's programme as an iCalendar file
//! (RFC 5545) that delegates subscribe to or import; `/sessions/<slug>/session.ics`:
//! one session's entry, to add it alone.
//!
//! Times with a zone are written in UTC ("10:00-10:45" at "UTC+02:00" is
//! 08:00Z-08:45Z); times without a zone stay floating local times; sessions
//! without a time are all-day entries. UIDs are made of the session's slug, so a
//! re-published calendar updates entries instead of duplicating them. Nothing
//! comes from the clock: DTSTAMP is the session's own day, so builds are reproducible.

use super::Output;
use super::views::Views;
use crate::model::{Event, Session, SessionId, When};
use crate::routes;

/// One calendar per event that has a dated session (a calendar must hold an entry).
pub(crate) fn all(views: &Views<'_>, wanted: &dyn Fn(&str) -> bool) -> Vec<Output> {
    (views.index.events_newest_first(views.site).into_iter())
        .map(|e| {
            (
                &views.site.events[e.index()],
                &views.index.by_event[e.index()],
            )
        })
        .filter(|(e, _)| wanted(&routes::event(&e.slug)))
        .filter(|(_, sessions)| views.site.any_dated(sessions))
        .map(|(e, sessions)| event_calendar(views, e, sessions))
        .collect()
}

fn event_calendar(views: &Views<'_>, event: &Event, sessions: &[SessionId]) -> Output {
    let site = views.site;
    let mut ics = Ics::begin(&event.name);
    for id in sessions {
        ics.entry(views, &site.sessions[id.index()], Some(event));
    }
    Output {
        path: routes::event_calendar(&event.slug),
        bytes: ics.end(),
    }
}

/// `/sessions/<slug>/session.ics`: one session's entry, for a dated session.
pub(crate) fn session_calendar(views: &Views<'_>, s: &Session) -> Option<Output> {
    s.date?;
    let event = s.event.map(|e| &views.site.events[e.index()]);
    let mut ics = Ics::begin(&s.title);
    ics.entry(views, s, event);
    Some(Output {
        path: routes::session_calendar(&s.slug),
        bytes: ics.end(),
    })
}

/// UIDs must be globally unique: the site's host (and path) makes them so; without
/// one, the site's title stands in. Session slugs are unique within a site.
fn uid_domain(views: &Views<'_>) -> String {
    let site = views.site;
    let full = site.base.full();
    match full.split_once("://") {
        Some((_, rest)) => rest.trim_end_matches('/').to_string(),
        None => crate::url::Slug::from_text(&site.config.title)
            .map_or_else(|| "proceedings".to_string(), |s| s.to_string()),
    }
}

/// Where: the event's location, after the room when the session names one.
fn location(s: &Session, event: Option<&Event>) -> Option<String> {
    let place = event.and_then(|e| e.location.as_deref());
    match (s.room.as_deref(), place) {
        (Some(room), Some(place)) => Some(format!("{room}, {place}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_string()),
        (None, None) => None,
    }
}

fn compact_date(d: jiff::civil::Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT values.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines with CRLF endings, folded at 75 octets (§3.1) without splitting a character.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    /// A calendar named `name`, up to its first entry.
    fn begin(name: &str) -> Ics {
        let mut ics = Ics::default();
        ics.line("BEGIN:VCALENDAR");
        ics.line("VERSION:2.0");
        ics.line(concat!(
            "PRODID:-//proceedings//proceedings ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ));
        ics.line("CALSCALE:GREGORIAN");
        ics.line("METHOD:PUBLISH");
        ics.property("X-WR-CALNAME", &text(name));
        ics
    }

    /// The calendar's bytes.
    fn end(mut self) -> Vec<u8> {
        self.line("END:VCALENDAR");
        self.out.into_bytes()
    }

    /// The entry of session `s` of `event`; nothing for an undated session.
    fn entry(&mut self, views: &Views<'_>, s: &Session, event: Option<&Event>) {
        let site = views.site;
        let (Some(when), Some(day)) = (s.when(), s.date) else {
            return;
        };
        self.line("BEGIN:VEVENT");
        self.property("UID", &text(&format!("{}@{}", s.slug, uid_domain(views))));
        self.line(&format!("DTSTAMP:{}T000000Z", compact_date(day)));
        match when {
            When::Day(d) => {
                self.line(&format!("DTSTART;VALUE=DATE:{}", compact_date(d)));
                let next = d.tomorrow().unwrap_or(d);
                self.line(&format!("DTEND;VALUE=DATE:{}", compact_date(next)));
            }
            When::Local(start, end) => {
                self.line(&format!("DTSTART:{}", start.strftime("%Y%m%dT%H%M%S")));
                // DTEND must be later than DTSTART (§3.8.2.2); "10:00-10:00" has none.
                if let Some(end) = end.filter(|e| *e > start) {
                    self.line(&format!("DTEND:{}", end.strftime("%Y%m%dT%H%M%S")));
                }
            }
            When::Exact(start, end) => {
                self.line(&format!("DTSTART:{}", start.strftime("%Y%m%dT%H%M%SZ")));
                // A clock change can put the local end before the start in UTC.
                if let Some(end) = end.filter(|e| *e > start) {
                    self.line(&format!("DTEND:{}", end.strftime("%Y%m%dT%H%M%SZ")));
                }
            }
        }
        self.property("SUMMARY", &text(&s.title));
        let url = site.base.absolute(&routes::session(&s.slug));
        let mut description = s.summary.clone().unwrap_or_default();
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&url);
        self.property("DESCRIPTION", &text(&description));
        if let Some(location) = location(s, event) {
            self.property("LOCATION", &text(&location));
        }
        if site.base.has_origin() {
            self.property("URL;VALUE=URI", &url);
        }
        self.line("END:VEVENT");
    }

    fn property(&mut self, name: &str, escaped_value: &str) {
        self.line(&format!("{name}:{escaped_value}"));
    }

    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.out.push_str("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                width = 1;
            }
            self.out.push(c);
            width += len;
        }
        self.out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let mut ics = Ics::default();
        ics.property("SUMMARY", &"é".repeat(100));
        for line in ics.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
    }
}
