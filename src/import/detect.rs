//! Which shape a text has, and where one outcome document ends and the next
//! begins when a secretariat pastes several into one file.

use super::Shape;

/// Outcome documents carry the template's labels; anything else is read as prose.
pub(crate) fn shape(text: &str) -> Shape {
    let lower = text.to_lowercase();
    let outcome_marks = [
        "panellists:",
        "panelists:",
        "wsis action lines",
        "sustainable development goals",
        "key issues discussed",
        "moderator:",
        "moderators:",
    ];
    let marks = outcome_marks.iter().filter(|m| lower.contains(*m)).count();
    let articles = text.lines().filter(|l| l.trim() == "Categories").count();
    if lower.contains("session outcome document") || (marks >= 2 && articles == 0) {
        Shape::Outcome
    } else {
        Shape::Highlights
    }
}

/// Whether a line is the template's heading ("Session Outcome Document", also
/// "WSIS Forum 2024 — Session Outcome Document").
fn is_heading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.contains("session outcome document") && lower.chars().count() <= 80
}

/// A short line naming an event and a year ("WSIS Forum 2025"), which may stand above the heading.
pub(crate) fn is_event_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    !words.is_empty()
        && words.len() <= 6
        && (lower.contains("forum") || lower.contains("summit"))
        && words
            .iter()
            .any(|w| w.len() == 4 && w.parse::<u16>().is_ok())
}

/// The outcome documents of a text: split at every template heading after the first.
pub(crate) fn outcome_documents(text: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    let mut prev_line: Option<(usize, &str)> = None;
    for line in text.split_inclusive('\n') {
        if is_heading(line) {
            // An event line just above the heading belongs to this document.
            let start = match prev_line {
                Some((at, prev)) if is_event_line(prev) => at,
                _ => offset,
            };
            starts.push(start);
        }
        if !line.trim().is_empty() {
            prev_line = Some((offset, line));
        }
        offset += line.len();
    }
    if starts.len() <= 1 {
        return vec![text];
    }
    starts[0] = 0;
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| &text[s..starts.get(k + 1).copied().unwrap_or(text.len())])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_outcome_documents_in_one_file_are_split() {
        let text = "Session Outcome Document\n\nFirst\n\nPanellists:\n- Ms. A B, Director\n\n\
                    WSIS Forum 2025\nSession Outcome Document\n\nSecond\n";
        let docs = outcome_documents(text);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].contains("First") && !docs[0].contains("WSIS Forum 2025"));
        assert!(docs[1].starts_with("WSIS Forum 2025\n") && docs[1].contains("Second"));
        assert_eq!(outcome_documents("no heading"), ["no heading"]);
    }

    #[test]
    fn shapes_are_told_apart_by_the_template_labels() {
        assert_eq!(shape("Session Outcome Document\nTitle"), Shape::Outcome);
        assert_eq!(shape("Moderator: X\nPanelists: Y"), Shape::Outcome);
        assert_eq!(
            shape("Categories\n2020 Daily Highlights Day 3\nTitle"),
            Shape::Highlights
        );
        assert_eq!(shape("Just prose."), Shape::Highlights);
    }
}
