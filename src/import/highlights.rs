//! "Daily Highlights" articles: a "Categories" line, a header ("2020 Daily
//! Highlights Day 3"), a title, then prose with speakers introduced inline.
//! A file may hold several articles; each becomes a session.

use std::collections::HashMap;

use super::emit::escape_line;
use super::prose::{self, Found};
use super::{Context, ImportedPerson, ImportedSession, KnownEvent};
use crate::model::identity;
use crate::url::Slug;

/// Splits `text` into articles and reads each.
pub(crate) fn parse(text: &str, cx: &Context) -> Vec<ImportedSession> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "Categories")
        .map(|(i, _)| i + 1)
        .collect();
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    if starts.is_empty() {
        bounds.push((0, lines.len()));
    } else {
        for (k, &s) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(lines.len(), |&n| n - 1);
            bounds.push((s, end));
        }
    }
    bounds
        .into_iter()
        .map(|(s, e)| article(&lines[s..e], cx))
        .filter(|a| !(a.title.is_empty() && a.body.is_empty()))
        .collect()
}

/// The header line: "2020 Daily Highlights Day 3" -> (year, day).
fn header(line: &str) -> Option<(Option<i16>, Option<i8>)> {
    let lower = line.to_lowercase();
    if !lower.contains("highlights") && !lower.contains("day ") {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let year = words
        .iter()
        .filter_map(|w| w.parse::<i16>().ok())
        .find(|y| (1990..=2100).contains(y));
    let day = words
        .windows(2)
        .find(|w| w[0].eq_ignore_ascii_case("day"))
        .and_then(|w| w[1].parse::<i8>().ok())
        .filter(|d| (1..=31).contains(d));
    Some((year, day))
}

fn article(lines: &[&str], cx: &Context) -> ImportedSession {
    let mut session = ImportedSession::default();
    let mut paragraphs = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .peekable();
    let mut year_day = None;
    if let Some(first) = paragraphs.peek() {
        if let Some(h) = header(first) {
            year_day = Some(h);
            paragraphs.next();
        }
    }
    match paragraphs.next() {
        Some(t) => session.title = t.to_string(),
        None => session.notes.push("no title: the article is empty".into()),
    }
    let paragraphs: Vec<&str> = paragraphs.collect();
    event_and_date(&mut session, &paragraphs, year_day, cx);
    session.kind = kind_of(&session.title);

    let mut people: Vec<Found> = Vec::new();
    let mut seen: HashMap<Slug, usize> = HashMap::new();
    let mut body = String::new();
    for p in &paragraphs {
        if is_heading(p) {
            body.push_str(&format!("## {}\n\n", escape_line(p)));
            continue;
        }
        body.push_str(&escape_line(p));
        body.push_str("\n\n");
        for f in prose::introductions(p, &cx.countries) {
            let Some(id) = identity(&f.person.name) else {
                continue;
            };
            match seen.get(&id) {
                Some(&k) => merge(&mut people[k], f),
                None => {
                    seen.insert(id, people.len());
                    people.push(f);
                }
            }
        }
    }
    session.body = body.trim_end().to_string() + "\n";
    for f in people {
        if f.guessed {
            let context = f
                .person
                .role
                .as_deref()
                .or(f.person.organization.as_deref())
                .unwrap_or("");
            session.notes.push(format!(
                "speaker {:?} was found next to a speech verb ({context:?}), without a full introduction: check",
                f.person.name,
            ));
        }
        if f.moderator {
            session.moderators.push(f.person);
        } else {
            session.speakers.push(f.person);
        }
    }
    if session.moderators.is_empty() && session.speakers.is_empty() {
        if !paragraphs.is_empty() {
            session
                .notes
                .push("no speakers found in the text: add them if there were any".into());
        }
    } else {
        session.notes.push(
            "speakers were read from prose: check each name, role, organization and country".into(),
        );
    }
    if let Some(last) = paragraphs.last().filter(|l| !is_heading(l)) {
        session.notes.extend(super::clean::cut_off_note(
            last,
            &['.', '!', '?', '"', '”', ')'],
        ));
    }
    session
}

/// A later mention may say what the first did not (a country, a moderator cue).
fn merge(first: &mut Found, later: Found) {
    first.moderator |= later.moderator;
    first.guessed &= later.guessed;
    let p: &mut ImportedPerson = &mut first.person;
    let l = later.person;
    if p.country.is_none() {
        p.country = l.country;
    }
    if p.honorific.is_none() {
        p.honorific = l.honorific;
    }
    if p.organization.is_none() && p.role.is_none() {
        p.role = l.role;
        p.organization = l.organization;
    }
}

/// A short line without sentence punctuation: a sub-heading of the article.
fn is_heading(p: &str) -> bool {
    p.chars().count() <= 90
        && p.split_whitespace().count() >= 1
        && !p.ends_with(['.', ',', ':', ';', '"', '”', '’'])
        && !p.starts_with(['“', '"', '‘'])
        && p.chars().next().is_some_and(char::is_uppercase)
}

/// The session type a title names ("Ministerial Roundtable 3" -> roundtable).
pub(crate) fn kind_of(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    [
        ("roundtable", "roundtable"),
        ("round table", "roundtable"),
        ("workshop", "workshop"),
        ("keynote", "keynote"),
        ("plenary", "plenary"),
        ("high-level dialogue", "high-level-dialogue"),
        ("exhibition", "exhibition"),
        ("panel", "panel"),
    ]
    .iter()
    .find(|(k, _)| lower.contains(k))
    .map(|(_, slug)| (*slug).to_string())
}

/// `--event`, else a known event named in the text; the date from its first day and "Day N".
fn event_and_date(
    session: &mut ImportedSession,
    paragraphs: &[&str],
    year_day: Option<(Option<i16>, Option<i8>)>,
    cx: &Context,
) {
    let text = paragraphs.join("\n").to_lowercase();
    let named: Option<&KnownEvent> = cx
        .events
        .iter()
        .find(|e| !e.name.trim().is_empty() && text.contains(&e.name.to_lowercase()));
    let known = match &cx.event {
        Some(id) => cx.events.iter().find(|e| &e.id == id),
        None => named,
    };
    session.event = cx.event.clone().or_else(|| named.map(|e| e.id.clone()));
    if session.event.is_none() {
        session
            .notes
            .push("no event: pass --event ID, or add the event to data/events.yaml".into());
    } else if cx.event.is_none() {
        session.notes.push(format!(
            "event {:?} was guessed from its name in the text",
            session.event.as_deref().unwrap_or("")
        ));
    }
    let Some((year, Some(day))) = year_day else {
        session
            .notes
            .push("no date: the header names no day".into());
        return;
    };
    let date = known.and_then(|e| e.start).and_then(|start| {
        let year_ok = year.is_none_or(|y| y == start.year());
        year_ok
            .then(|| {
                start
                    .checked_add(jiff::Span::new().days(i64::from(day) - 1))
                    .ok()
            })
            .flatten()
    });
    match date {
        Some(d) => session.date = Some(d),
        None => session.notes.push(format!(
            "no date: the header says day {day}, but the event's first day is unknown"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_give_year_and_day() {
        assert_eq!(
            header("2020 Daily Highlights Day 3"),
            Some((Some(2020), Some(3)))
        );
        assert_eq!(header("Ministerial Roundtable 3: The role"), None);
    }

    #[test]
    fn short_lines_without_punctuation_are_headings() {
        assert!(is_heading("What’s behind the increase in cyberattacks?"));
        assert!(is_heading("Closing thoughts"));
        assert!(!is_heading(
            "“We need to learn from the pandemic,” said Sim."
        ));
    }
}
