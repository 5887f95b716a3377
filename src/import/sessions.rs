//! Where one session ends and the next begins when a page lists several: a
//! "Categories" line before each highlights article, a "Session Outcome Document"
//! heading before each outcome document, time-slot headings ("10.30 – 11.00:
//! Opening", "10:00 - 10:45Opening Keynotes"), or title lines followed by their
//! time ("Defending Our Voice" / "9:00-9:45 AM CEST"). A programme's breaks are
//! boundaries but not sessions; a session's own agenda with sub-times, inside
//! the time its header gives, is not split.

use std::ops::Range;

use super::lines::Line;
use super::when::{find_time, is_when_line};

mod kind;
mod numbered;
mod rooms;
pub(crate) use kind::{is_press, is_speech};
mod slot;

/// One session's lines, and the title its head gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Its lines.
    pub lines: Range<usize>,
    /// The title written on its head line after the time ("10:00 - 10:45Opening
    /// Keynotes" -> "Opening Keynotes"), or the head line itself.
    pub title: Option<String>,
    /// Index of the head line (a title line), when the split found one.
    pub head: Option<usize>,
}

/// How a text divides into sessions: the lines before the first session (a
/// page's header, shared by all) and each session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The lines before the first session (empty for a single session).
    pub preamble: Range<usize>,
    /// The sessions, at least one when there are lines.
    pub segments: Vec<Segment>,
}

/// Titles of programme items that are not sessions.
const BREAKS: &[&str] = &[
    "break",
    "coffee",
    "lunch",
    "dinner",
    "reception",
    "registration",
    "networking",
    "photo",
    "end of day",
    "pause",
    "almuerzo",
    "déjeuner",
    "refreshment",
];

/// Whether a segment's title names a break.
pub(crate) fn is_break(title: &str) -> bool {
    // "Breakthrough Teams" is a session; "Breakfast", "Coffee break" are not.
    let lower = title.to_lowercase().replace("breakthrough", "");
    lower.split_whitespace().count() <= 8 && BREAKS.iter().any(|b| lower.contains(b))
}

/// Splits `lines` into sessions.
pub(crate) fn split(lines: &[Line]) -> Plan {
    let whole = |lines: &[Line]| Plan {
        preamble: 0..0,
        segments: vec![Segment {
            lines: 0..lines.len(),
            title: None,
            head: None,
        }],
    };
    if lines.is_empty() {
        return Plan {
            preamble: 0..0,
            segments: Vec::new(),
        };
    }
    // Highlights articles: each starts after a "Categories" line.
    // (A "Categories" list in a page's sidebar is no article: a highlights header follows.)
    let articles: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].text == "Categories"
                && lines
                    .get(i + 1)
                    .is_some_and(|n| super::header::is_highlights_header(&n.text))
        })
        .collect();
    if !articles.is_empty() {
        return from_starts(
            lines,
            &articles
                .iter()
                .map(|&i| (i + 1, None, None))
                .collect::<Vec<_>>(),
            |_, _| true,
        );
    }
    // Outcome documents: each starts at its template heading (or the event line above it).
    let outcome: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = lines[i].text.to_lowercase();
            l.contains("session outcome document") && l.chars().count() <= 80
        })
        .collect();
    if outcome.len() >= 2 {
        let starts: Vec<(usize, Option<String>, Option<usize>)> = outcome
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let above = i
                    .checked_sub(1)
                    .filter(|&j| k > 0 && is_event_line(&lines[j].text));
                (above.unwrap_or(i), None, None)
            })
            .collect();
        let mut plan = from_starts(lines, &starts, |_, _| true);
        plan.preamble = 0..0;
        if let Some(first) = plan.segments.first_mut() {
            first.lines.start = 0;
        }
        return plan;
    }
    // Timed heads must show a session after them (a programme's breaks and notes do
    // not); code-led and field-led heads are sessions by their own shape.
    let mut heads = heads(lines);
    let mut timed = true;
    // Sessions under one time slot, each with its room, outnumber the slots.
    let by_room = rooms::room_heads(lines);
    if by_room.len() > heads.len() {
        heads = by_room;
        timed = false;
    }
    if heads.len() < 2 {
        heads = code_heads(lines);
        timed = false;
    }
    if heads.len() < 2 {
        heads = label_heads(lines);
    }
    if heads.len() < 2 {
        heads = numbered::numbered_heads(lines);
    }
    if heads.len() < 2 {
        heads = slot::trailer_heads(lines);
        timed = false;
    }
    if heads.len() < 2 || inside_header_time(lines, &heads) {
        return whole(lines);
    }
    // A slot whose title is a session type ("09.00-10.00 Opening ceremony") is a
    // session even with nothing under it.
    // So is a slot whose title says what kind of session it is ("IGF 2024 Opening
    // Ceremony", "Lightning Talk #2 …"), as a listing prints them above their times.
    let kind = |t: &str| {
        super::header::is_generic(t) || names_a_session(t) || t.to_lowercase().contains("ceremony")
    };
    // A slot with its title where the text stops (a page cut off by whoever stored
    // it) is a session whose details were lost, not a break.
    let cut_short = |seg: &Range<usize>| seg.end == lines.len() && seg.len() <= 3;
    let plan = from_starts(lines, &heads, |seg, title| {
        !timed
            || has_substance(lines, seg)
            || title.is_some_and(kind)
            || (title.is_some() && cut_short(seg))
    });
    if plan.segments.len() >= 2 {
        plan
    } else {
        whole(lines)
    }
}

/// Segments from start lines; `keep` drops segments that are no sessions (breaks).
fn from_starts(
    lines: &[Line],
    starts: &[(usize, Option<String>, Option<usize>)],
    keep: impl Fn(&Range<usize>, Option<&str>) -> bool,
) -> Plan {
    let mut segments = Vec::new();
    for (k, (start, title, head)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        let range = *start..end.max(*start);
        if title.as_deref().is_some_and(is_break) || !keep(&range, title.as_deref()) {
            continue;
        }
        segments.push(Segment {
            lines: range,
            title: title.clone(),
            head: *head,
        });
    }
    Plan {
        preamble: 0..starts.first().map_or(0, |s| s.0),
        segments,
    }
}

/// A short line naming an event and a year ("WSIS Forum 2025").
pub(crate) fn is_event_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    !words.is_empty()
        && words.len() <= 6
        && (lower.contains("forum") || lower.contains("summit") || lower.contains("event"))
        && words
            .iter()
            .any(|w| w.len() == 4 && w.parse::<u16>().is_ok())
}

/// The text after a time range that opens a line: "10.30 – 11.00: Opening" ->
/// "Opening"; "10:00 - 10:45Opening Keynotes" -> "Opening Keynotes".
fn after_time(text: &str) -> Option<&str> {
    let t = text.trim_start();
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start: String = t.chars().take(24).collect();
    find_time(&start)?;
    // Skip the time characters: digits, separators, "h", spaces, dashes, AM/PM.
    let mut end = 0;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() || matches!(c, ':' | '.' | ' ' | '-' | '–' | '—' | '−' | 'h' | '|')
        {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    // "5 June 2023 @ 9:30 AM": a date first, the time later; no slot.
    find_time(&t[..end])?;
    let rest = t[end..].trim_start_matches([':', ' ', '|', '-']).trim();
    let rest = ["AM ", "PM ", "am ", "pm "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    // "13:00–14:00 CEST (UTC+02:00), Wednesday, 1 July 2020": a date line, not a slot.
    let zone = ["CEST", "CET", "UTC", "GMT", "("]
        .iter()
        .any(|z| rest.starts_with(z));
    // "9:30 AM – 12:00 PM EDT New York | 15:30 – 18:00 CEST Geneva": one slot in several
    // zones, a time line, not a session.
    let again = find_time(rest).is_some();
    (!zone && !again && super::when::find_day(rest).is_none()).then_some(rest)
}

/// Whether a line can be a session's title: a few words, not a sentence, a
/// label, a date or a person.
fn title_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (2..=25).contains(&words)
        && !t.ends_with(['.', ',', ';'])
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"')
        && !is_when_line(t)
        && super::labels::label(t).is_none_or(|l| match l.field {
            super::labels::Field::Section(_) => !t.ends_with(':'),
            // "Keynote: Machines that learn" is a title, not a label with a person.
            super::labels::Field::People(_) => {
                !l.value.is_empty()
                    && super::entries::entry(l.value, &crate::taxonomy::CountryAliases::new())
                        .is_err()
            }
            _ => false,
        })
        && crate::model::parse_name(t).honorific.is_none()
        && !super::header::is_generic(t)
        && !(words <= 3
            && t.split_whitespace()
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())))
}

/// A time slot's item that names only a session type ("Opening ceremony", "Closing
/// session", "Introduction"): a session of the programme, when it is not a break.
fn slot_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = text.trim().to_lowercase();
    (((2..=6).contains(&words) && super::header::is_generic(text))
        || PROGRAMME_ITEMS.contains(&lower.as_str()))
        && text.starts_with(char::is_uppercase)
        && !is_break(text)
}

/// One-word items of a programme's time slots, in the languages of the documents.
#[rustfmt::skip]
const PROGRAMME_ITEMS: &[&str] = &[
    "introduction", "welcome", "opening", "closing", "conclusion", "conclusions", "keynote",
    "bienvenue", "ouverture", "clôture", "introducción", "bienvenida", "apertura", "clausura",
    "conclusiones",
];

/// The head lines of sessions: (first line, title, title line).
fn heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = &lines[i].text;
        // "10.30 – 11.00: Opening and Setting the Scene"; "09.00-10.00 Opening ceremony"
        // (a bare session type is a programme's item too).
        if let Some(rest) = after_time(t).filter(|r| title_like(r) || slot_title(r)) {
            out.push((i, Some(rest.to_string()), Some(i)));
            i += 1;
            continue;
        }
        // "09:30 GMT+03" then the title; an organizer's line or a type label ("Open
        // Forum:") may stand between them.
        if is_when_line(t) && find_time(t).is_some() && super::when::find_day(t).is_none() {
            if let Some((at, title)) = slot::title_after_time(lines, i) {
                out.push((i, Some(title), Some(at)));
                i = at + 1;
                continue;
            }
        }
        // A title, maybe on two lines ("Shaping Our Commons:" / "Voices from the South"), then its time.
        let next = lines.get(i + 1);
        let two = next.is_some_and(|n| {
            n.gap == 0
                && !n.is_item()
                && title_like(&n.text)
                && (t.ends_with(':') || t.len() < 40)
                && title_like(t.trim_end_matches(':'))
        });
        if (title_like(t) || two) && !lines[i].is_item() {
            let at = if two { i + 2 } else { i + 1 };
            if lines
                .get(at)
                .is_some_and(|w| is_when_line(&w.text) && find_time(&w.text).is_some())
            {
                let title = if two {
                    format!("{} {}", t, lines[i + 1].text)
                } else {
                    t.clone()
                };
                out.push((i, Some(title), Some(i)));
                i = at + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Sessions listed by their action lines: "C3 & C7: Open access to science",
/// "C9: Community media", each with its own lines after it.
fn code_heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    (0..lines.len())
        .filter_map(|i| {
            let (_, title) = super::codes::led_by_codes(&lines[i].text)?;
            let title = title.trim_end_matches(['.', ';']);
            title_like(title.split(" (").next().unwrap_or(title))
                .then(|| (i, Some(title.to_string()), Some(i)))
        })
        .collect()
}

/// Sessions without times, each a title line followed at once by its fields
/// ("Moderator:", "Organizer:", "Speakers:"). A title here names a kind of session
/// ("Lightning Session: …", "WS #211 …", "Open Forum #12: …") and is no descriptor:
/// at most one comma, no role words, no stakeholder group, not a person.
fn label_heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    use super::labels::{Field, label};
    (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let (l, next) = (&lines[i], &lines[i + 1]);
            let fields = matches!(
                label(&next.text).map(|lb| lb.field),
                Some(Field::People(_) | Field::NotPeople)
            );
            fields
                && !l.is_item()
                && (i == 0 || l.gap > 0)
                && title_like(&l.text)
                && l.text.matches(',').count() <= 1
                && names_a_session(&l.text)
                && !super::person::is_role(&l.text)
                && super::entries::entry(&l.text, &crate::taxonomy::CountryAliases::new()).is_err()
        })
        .map(|i| (i, Some(lines[i].text.clone()), Some(i)))
        .collect()
}

/// Whether a title names its kind of session ("Workshop", "WS #12", "Open Forum").
fn names_a_session(title: &str) -> bool {
    let lower = title.to_lowercase();
    let stakeholder = [
        "civil society",
        "technical community",
        "private sector",
        "group",
        "government",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let kind = [
        "session",
        "workshop",
        "ws ",
        "ws#",
        "forum",
        "lightning",
        "panel",
        "roundtable",
        "dialogue",
        "talk",
        "launch",
        "town hall",
        "#",
        "keynote",
        "plenary",
        "meeting",
        "webinar",
        "hackathon",
    ]
    .iter()
    .any(|w| lower.contains(w));
    kind && !stakeholder
}

/// Whether every head's time lies inside the time range a single session's
/// header gives ("Session 139 … 09:00–10:00" and its agenda "09:00–09:05 Welcome").
fn inside_header_time(lines: &[Line], heads: &[(usize, Option<String>, Option<usize>)]) -> bool {
    // The session's own header: a line with a date and a time range, before the slots.
    let slots: Vec<usize> = heads
        .iter()
        .filter(|(i, _, t)| *t == Some(*i) && after_time(&lines[*i].text).is_some())
        .map(|h| h.0)
        .collect();
    let Some(&first) = slots.first() else {
        return false;
    };
    let header = lines[..first].iter().find_map(|l| {
        super::when::find_day(&l.text)
            .and(find_time(&l.text))
            .filter(|t| t.contains('-'))
    });
    let Some(range) = header else { return false };
    let (from, to) = range.split_once('-').unwrap_or((&range, &range));
    slots.iter().all(|i| {
        find_time(&lines[*i].text).is_some_and(|t| {
            let start = t.split('-').next().unwrap_or("");
            start >= from && start <= to
        })
    })
}

/// Whether a segment holds a session: people, a people label, or a description
/// (a sentence), and not only a break.
fn has_substance(lines: &[Line], seg: &Range<usize>) -> bool {
    // "Conclusion de la matinée par Cédric O", "Keynote by Ana Lima": the head names
    // its speaker.
    let by_line = lines.get(seg.start).is_some_and(|l| {
        [" by ", " par ", " por "].iter().any(|w| {
            l.text.split_once(w).is_some_and(|(_, who)| {
                let words: Vec<&str> = who.split_whitespace().collect();
                (2..=5).contains(&words.len())
                    && words.iter().all(|w| w.starts_with(char::is_uppercase))
            })
        })
    });
    by_line
        || lines[seg.clone()].iter().skip(1).any(|l| {
            let t = &l.text;
            let lower = t.to_lowercase();
            [
            "moderat",
            "speaker",
            "panel",
            "facilitat",
            "chair",
            "keynote",
            "presenter",
            // A workshop under a slot: "Atelier « … »", "Workshop 1: …".
            "workshop",
            "atelier",
            "taller",
        ]
        .iter()
        .any(|w| lower.contains(w))
            || matches!(
                super::labels::label(t).map(|l| l.field),
                Some(super::labels::Field::People(_))
            )
            || slot::is_organizer_line(t)
            || crate::model::parse_name(t).honorific.is_some()
            || (t.split_whitespace().count() >= 10 && t.contains(' '))
            // "Aline Moreau (Agence Régionale) et Paul Vidal (Réseau Sud)": people with
            // their descriptors.
            || super::entries::split_people(t, &crate::taxonomy::CountryAliases::new())
                .iter()
                .any(|p| {
                    super::entries::entry(p, &crate::taxonomy::CountryAliases::new()).is_ok_and(
                        |e| e.person.organization.is_some() || e.person.role.is_some(),
                    )
                })
        })
}

/// For each line, the last day heading above it (a programme's "8 July 2025": a
/// line that is only a date), in one pass.
pub(crate) fn day_headings(lines: &[Line]) -> Vec<Option<super::when::Day>> {
    let mut out = Vec::with_capacity(lines.len() + 1);
    let mut last = None;
    for l in lines {
        out.push(last);
        if is_when_line(&l.text) {
            if let Some(d) = super::when::find_day(&l.text) {
                last = Some(d);
            }
        }
    }
    out.push(last);
    out
}

#[cfg(test)]
mod tests;
