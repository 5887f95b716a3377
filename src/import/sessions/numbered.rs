//! Sessions as a numbered list of titles, each followed by its own lines: "1)
//! High-level Opening Segment" / "Ana Lima" / "Harbour Labs - Kenya" / "2) Panel on
//! …". A numbered agenda of one session ("1. Welcome", "2. Keynote", …) has its items
//! side by side and no person under them, and is not split.

use super::super::lines::{Line, Marker};
use super::super::names::valid_list_name;
use super::title_like;
use crate::taxonomy::CountryAliases;

/// Lines a session between two numbered titles may hold: a few people, a note.
const MOST_LINES: usize = 8;

/// The numbered titles that start sessions: (first line, title, title line).
pub(super) fn numbered_heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].item == Some(Marker::Number))
        .collect();
    // Most items read as titles of their own (a long one may run past a title's
    // length, one may be a bare type): an agenda's "Opening remarks", "Keynote",
    // "Panel discussion" are parts of one session, with their speakers under them.
    let titles = heads
        .iter()
        .filter(|&&i| title_like(&lines[i].text))
        .count();
    if heads.len() < 2 || titles * 3 < heads.len() * 2 {
        return Vec::new();
    }
    let aliases = CountryAliases::new();
    let mut with_person = 0;
    for (k, &i) in heads.iter().enumerate() {
        let end = heads.get(k + 1).copied().unwrap_or(lines.len());
        let body = &lines[i + 1..end];
        let last = k + 1 == heads.len();
        if body.is_empty() || (!last && body.len() > MOST_LINES) {
            return Vec::new();
        }
        // The person line under the title: a name alone ("Ana Lima (respondent)").
        with_person += usize::from(body.iter().take(MOST_LINES).any(|l| {
            let name = l.text.split(" (").next().unwrap_or(&l.text);
            let words: Vec<&str> = name.split_whitespace().collect();
            (2..=5).contains(&words.len()) && valid_list_name(&words, &aliases).is_some()
        }));
    }
    if with_person * 2 < heads.len() {
        return Vec::new();
    }
    heads
        .into_iter()
        .map(|i| (i, Some(lines[i].text.clone()), Some(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::read;

    fn titles(text: &str) -> Vec<String> {
        numbered_heads(&read(text))
            .into_iter()
            .filter_map(|h| h.1)
            .collect()
    }

    #[test]
    fn numbered_titles_with_a_person_under_each_are_sessions() {
        let text = "The chair chose these speakers:\n\
                    1) Opening Segment of the Day\nAna Lima\nHarbour Labs - Kenya\n\
                    2) Panel on River Data\nBo Chen (respondent)\nDelta Institute - Chile\n\
                    3) Dialogue with the Harbour Towns\nEve Stone\nPort Council - Peru\n\
                    More about the day is online.\n";
        assert_eq!(
            titles(text),
            [
                "Opening Segment of the Day",
                "Panel on River Data",
                "Dialogue with the Harbour Towns"
            ]
        );
    }

    #[test]
    fn a_numbered_agenda_of_one_session_is_not_split() {
        // Session types with a speaker under each: one session's running order.
        assert!(titles("1. Opening remarks\nAna Lima\n2. Keynote\nBo Chen\n3. Panel discussion\nEve Stone\n").is_empty());
        // Items side by side.
        assert!(titles("Agenda\n1. Welcome and opening words\n2. Keynote on river data\n3. Questions from the floor\n").is_empty());
        // Prose under each item, no person.
        assert!(
            titles("1. Opening of the meeting\nThe chair opens the meeting.\n2. Adoption of the agenda\nThe agenda is adopted.\n")
                .is_empty()
        );
    }
}
