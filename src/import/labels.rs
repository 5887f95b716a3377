//! The labels of the outcome-document template in the wordings secretariats use
//! ("Panellists", "Speakers (in order of intervention)", "Moderator(s)", "Related
//! SDGs", any case, Cyrillic look-alikes), and the headings of its free sections.

use super::clean::{fold_lookalikes, list_item};

/// What a label line opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The session title.
    Title,
    /// Organizing bodies.
    Organizers,
    /// Date and time (either or both).
    Date,
    /// The session's web page.
    Link,
    /// Moderators, chairs, facilitators.
    Moderators,
    /// Panellists and speakers.
    Speakers,
    /// Free topics.
    Topics,
    /// WSIS action lines.
    ActionLines,
    /// Sustainable Development Goals.
    Sdgs,
    /// A free section: its heading.
    Section(String),
}

/// Label spellings, lower case, "(s)" and the colon removed.
#[rustfmt::skip]
const LABELS: &[(&[&str], Field)] = &[
    (&[
        "title", "session title"
    ], Field::Title),
    (&[
        "organizer", "organizers", "organiser", "organisers", "organized by", "organised by",
        "organizing entity", "organizing entities", "organising entity", "host", "hosts"
    ], Field::Organizers),
    (&[
        "date", "time", "date and time", "date & time", "date/time", "when"
    ], Field::Date),
    (&[
        "session page", "session link", "link", "url", "session url", "website", "web page"
    ], Field::Link),
    (&[
        "moderator", "moderators", "moderated by", "chair", "chairs", "chaired by",
        "facilitator", "facilitators", "co-moderators", "co-moderator", "moderator/chair"
    ], Field::Moderators),
    (&[
        "panellists", "panelists", "panellist", "panelist", "speakers", "speaker", "panel",
        "discussants", "presenters", "speakers/panellists", "speakers and panellists",
        "list of speakers", "panel members"
    ], Field::Speakers),
    (&[
        "topics", "topic", "thematic areas", "themes", "keywords", "tags", "main topics"
    ], Field::Topics),
    (&[
        "wsis action lines", "action lines", "related wsis action lines",
        "related action lines", "wsis action line", "action line", "relevant wsis action lines"
    ], Field::ActionLines),
    (&[
        "sustainable development goals", "sdgs", "related sdgs", "sdg", "relevant sdgs",
        "sustainable development goals (sdgs)", "related sustainable development goals"
    ], Field::Sdgs),
];

/// Starts of the template's free sections, which some copies write without a colon.
#[rustfmt::skip]
const SECTION_STARTS: &[&str] = &[
    "key issues", "tangible outcomes", "actionable plan", "suggestions for thematic",
    "towards wsis", "key recommendations", "main outcomes", "summary",
];

/// The field a line opens, and the value written after its label on the same line.
/// Look-alike letters are folded for matching the label only: the value keeps its own.
pub(crate) fn label(line: &str) -> Option<(Field, &str)> {
    let t = line.trim();
    if list_item(t).is_some() || t.is_empty() {
        return None;
    }
    let (key, value) = t.split_once(':').unwrap_or((t, ""));
    let mut norm = fold_lookalikes(key.trim())
        .to_lowercase()
        .replace("(s)", "s")
        .replace("  ", " ");
    // "Speakers (in order of intervention)": the parenthesis says nothing about the field.
    if let (Some(open), true) = (norm.find(" ("), norm.ends_with(')')) {
        norm.truncate(open);
    }
    let norm = norm.trim_end_matches(['.', ' ']);
    if key.chars().count() <= 60 {
        // "Speakers/Panelists", "Moderator & Chair": any one of the spellings.
        let alternatives = std::iter::once(norm).chain(norm.split(['/', '&', ',']).map(str::trim));
        for alt in alternatives {
            for (names, field) in LABELS {
                if names.contains(&alt) || names.contains(&alt.trim_end_matches('s')) {
                    return Some((field.clone(), value.trim()));
                }
            }
        }
    }
    let lower = fold_lookalikes(t).to_lowercase();
    // A free section's heading ends with a colon; the template's own headings may lack it,
    // but then they are short (a paragraph that starts "Summary of …" is no heading).
    let section = (t.ends_with(':') && t.chars().count() <= 300)
        || (SECTION_STARTS.iter().any(|s| lower.starts_with(s)) && t.chars().count() <= 120);
    section.then(|| {
        (
            Field::Section(t.trim_end_matches(':').trim().to_string()),
            "",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_other_templates_wordings() {
        assert_eq!(label("Moderator(s):").map(|l| l.0), Some(Field::Moderators));
        assert_eq!(label("Panelists:").map(|l| l.0), Some(Field::Speakers));
        assert_eq!(
            label("Speakers/Panelists:").map(|l| l.0),
            Some(Field::Speakers)
        );
        assert_eq!(
            label("Sustainable Development Goals").map(|l| l.0),
            Some(Field::Sdgs)
        );
        assert_eq!(
            label("Topics: AI, Ethics"),
            Some((Field::Topics, "AI, Ethics"))
        );
        assert_eq!(
            label("Key Issues discussed:").map(|l| l.0),
            Some(Field::Section("Key Issues discussed".into()))
        );
        assert_eq!(label("- C1. The role of governments"), None);
        assert_eq!(label("Goal 4: Ensure inclusive"), None);
        assert_eq!(
            label("WSIS Асtion Linеs:").map(|l| l.0),
            Some(Field::ActionLines)
        );
    }
}
