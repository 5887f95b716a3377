//! The session's date among a document's free lines: a date line (one with a time
//! first, or "held on …"), never a deadline's, a posting's or a press dateline's.

use super::super::when::{Day, find_day, find_time, find_timezone, is_when_line, spans_days};
use super::Free;
use super::furniture::is_mail_header;

/// Words that say a date is not the session's.
const OTHER_DATES: &[&str] = &[
    "deadline",
    "posted",
    "published",
    "updated",
    "submitted",
    "submission",
    "register",
    "registration",
    "copyright",
    "©",
    "apply",
    "until",
    "as of",
    "last modified",
    "issued",
];

/// Whether a press item reports the session as happening on its own day ("… opened
/// this morning", "today", "esta mañana", "aujourd'hui"): then its dateline is the
/// session's date.
pub(crate) fn reports_today(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        " today",
        "this morning",
        "this afternoon",
        "esta mañana",
        "esta tarde",
        " hoy",
        "aujourd'hui",
        "aujourd’hui",
        "ce matin",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether the story names its dateline's day again as when things happened ("Mexico
/// City, 13 May 2019 … this Monday, 13 May, the school opened"): then the dateline is
/// the session's date too.
pub(crate) fn dateline_recurs(free: &[Free]) -> bool {
    let Some((at, line)) = (free.iter().enumerate()).find_map(|(k, f)| {
        find_day(&f.text)
            .filter(|d| d.year.is_some())
            .map(|d| (k, d))
    }) else {
        return false;
    };
    free.iter().enumerate().any(|(k, f)| {
        k != at
            && find_day(&f.text).is_some_and(|d| {
                d.month == line.month
                    && d.day == line.day
                    && d.year.is_none_or(|y| Some(y) == line.year)
            })
    })
}

/// " date 2020-07-06 Date: 8 July 2020": where a line holds a labelled date after
/// other text, the labelled one is the session's; the part of the line to read.
fn date_part(text: &str) -> &str {
    let lower = text.to_lowercase();
    ["date:", "date :", "fecha:", "fecha :"]
        .iter()
        .filter_map(|k| lower.rfind(k).map(|at| at + k.len()))
        .max()
        .filter(|&at| at < text.len() && lower.len() == text.len())
        .and_then(|at| text.get(at..))
        .filter(|rest| find_day(rest).is_some())
        .unwrap_or(text)
}

/// Verbs that say when a session happened: "was held on 14 May", "took place on".
const HELD_ON: &[&str] = &[
    "was held on ",
    "were held on ",
    "took place on ",
    "will be held on ",
    "will take place on ",
    "is held on ",
    "takes place on ",
    "s'est tenue le ",
    "s’est tenue le ",
    "a eu lieu le ",
    "se celebró el ",
    "tuvo lugar el ",
];

/// Whether a sentence says, with a whole day, when its subject happened ("The
/// ceremony was held on 14 May 2012"), not a range of days.
fn held_on(text: &str) -> bool {
    let lower = text.to_lowercase();
    HELD_ON.iter().any(|v| {
        lower.find(v).is_some_and(|at| {
            let after: String = lower[at + v.len()..].chars().take(40).collect();
            find_day(&after).is_some_and(|d| d.year.is_some()) && !spans_days(&after)
        })
    })
}

/// Whether a line's first words are a whole date: "16 September 2010 - …",
/// "Tuesday, 17 May 2011, …".
fn opens_with_full_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    let head = words.join(" ");
    find_day(&head).is_some_and(|d| d.year.is_some())
        && words
            .iter()
            .take(2)
            .any(|w| w.trim_end_matches(',').chars().all(|c| c.is_ascii_digit()))
}

/// The date line of a session: a labelled date first, else a line that is only a
/// date and time, else a short line with a date and a time. Returns the day, the
/// time range and the zone written with it.
pub(crate) fn date(free: &[Free], press: bool) -> Option<(Day, Option<String>, Option<String>)> {
    let usable = |f: &&Free| {
        let text = date_part(&f.text);
        let lower = text.to_lowercase();
        !OTHER_DATES.iter().any(|w| lower.contains(w))
            && !is_mail_header(text)
            && !spans_days(text)
            && find_day(text).is_some()
    };
    let ranked = |f: &Free| -> u8 {
        let t = &f.text;
        let when = is_when_line(t);
        let time = find_time(t).is_some();
        // A WSIS page's header line starts with the date, then runs on (room, track…).
        let opens: String = t.chars().take(32).collect();
        let short = t.split_whitespace().count() <= 30 || find_day(&opens).is_some();
        let dateline = press && !time;
        // "On 14 May 2013, more than 50 ministers …": a report's opening sentence.
        // "Ginebra, 16 de mayo de 2011 – …": a dateline opening a paragraph.
        let opening: String = t.chars().take(40).collect();
        let place_first = opening.split_once(", ").is_some_and(|(place, rest)| {
            place.split_whitespace().count() <= 3
                && place.starts_with(char::is_uppercase)
                && rest.starts_with(|c: char| c.is_ascii_digit())
        });
        let on_day = (["On ", "El ", "Le "].iter().any(|p| t.starts_with(p)) || place_first)
            && find_day(&opening).is_some();
        // "The Prize Ceremony was held on 14 May 2012 during …": the text says when
        // the session happened, above a page's posting date.
        let held = held_on(t);
        // "16 September 2010 - A Other on Regional …": a line that opens with a
        // whole date (day, month and year), then runs on.
        let opens_dated = opens_with_full_date(t);
        match (when, time, short) {
            _ if held => 4,
            _ if dateline => 0,
            _ if on_day && !when => 1,
            (false, false, true) if opens_dated => 2,
            (true, true, _) => 5,
            (true, false, _) => 3,
            (false, true, true) => 2,
            // "… organized for after the Opening Ceremony on Tuesday, 20 March, 11:30 AM
            // -12:15 PM, Room 18 …": a weekday's date and a time in a long sentence.
            (false, true, false) if find_day(t).is_some_and(|d| d.weekday.is_some()) => 1,
            (false, false, true) if t.split_whitespace().count() <= 8 => 1,
            _ => 0,
        }
    };
    let best = free
        .iter()
        .filter(usable)
        .filter(|f| ranked(f) > 0)
        .max_by_key(|f| (ranked(f), std::cmp::Reverse(f.index)))?;
    let day = find_day(date_part(&best.text))?;
    // Date, time and zone each on their own line, just after one another.
    let near: Vec<&Free> = free
        .iter()
        .filter(|f| f.index > best.index && f.index <= best.index + 4 && is_when_line(&f.text))
        .collect();
    let time = find_time(&best.text).or_else(|| near.iter().find_map(|f| find_time(&f.text)));
    let zone =
        find_timezone(&best.text).or_else(|| near.iter().find_map(|f| find_timezone(&f.text)));
    Some((day, time, zone))
}
