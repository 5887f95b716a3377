//! Labels: "Moderator:", "Speakers / panellists", "Palabras de apertura:",
//! "Session's link to WSIS Action Lines", "Moderator:Marcus" — what a line
//! announces for the lines after it, in any case, punctuation and plural, with
//! the value written after the colon. The vocabulary is in [`super::label_table`].

use super::clean::fold_lookalikes;
use super::label_table::{EXACT, LABEL_FILLERS, SECTION_STARTS, STEMS};

/// Which list of a session a person goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    /// Moderators, chairs, facilitators.
    Moderator,
    /// Speakers, panellists, keynotes, remarks.
    Speaker,
}

/// What a label opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The session title.
    Title,
    /// Date and time.
    Date,
    /// Room or venue (not kept).
    Venue,
    /// The session's web page.
    Link,
    /// The event's name.
    Event,
    /// People of one part.
    People(Part),
    /// Names that are not the session's speakers: organizers, proposers,
    /// contacts, rapporteurs, authors (organizing bodies are kept as organizers).
    NotPeople,
    /// The organization of the person next to it ("Organizational Affiliation:").
    Affiliation,
    /// The country of the person next to it.
    Country,
    /// A person's name, in a form of one field per line.
    Name,
    /// Free topics.
    Topics,
    /// WSIS action lines.
    ActionLines,
    /// Sustainable Development Goals.
    Sdgs,
    /// A free section of the body: its heading.
    Section(String),
}

/// A label found on a line, and the text after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    /// What it opens.
    pub field: Field,
    /// The value written after the colon ("" when the line is only the label).
    pub value: &'a str,
    /// The label's own words, as written.
    pub key: &'a str,
}

/// The label a line starts with. `None` for lines that only look like one:
/// "Goal 4: Quality education", a sentence with a colon, an unknown heading
/// without a colon.
pub(crate) fn label(line: &str) -> Option<Label<'_>> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(l) = by_label(t) {
        return Some(l);
    }
    let colon = t.find([':', '：']);
    let (key, value) = match colon {
        Some(i) => (
            &t[..i],
            t[i..]
                .trim_start_matches([':', '：'])
                .trim_start_matches([' ', '-'])
                .trim()
                // "Session title: |": a form's empty cell.
                .trim_matches(['|', ' ']),
        ),
        None => (t, ""),
    };
    if key.chars().count() > 70 || key.split_whitespace().count() > 8 {
        return section(t, colon.is_some(), value);
    }
    let norm = normalise(key);
    // "Welcome Remarks by IGF-USA Organizers:": the label before who gives it.
    let before_by = || {
        key.split_once(" by ")
            .filter(|_| colon.is_some())
            .and_then(|(head, _)| known(&normalise(head), true))
    };
    // "I - INTRODUCTION - Co-moderators": an outline heading that ends in a label
    // of people (one that is a label even without a colon, never "Panel").
    let last_part = || {
        (colon.is_none() && t.contains(" - "))
            .then(|| t.rsplit(" - ").next())
            .flatten()
            .and_then(|tail| known(&normalise(tail), false))
            .filter(|f| matches!(f, Field::People(_)))
    };
    let field = known(&norm, colon.is_some())
        .or_else(|| colon.and_then(|_| numbered(&norm)))
        .or_else(before_by)
        .or_else(last_part);
    if let Some(field) = field {
        return Some(Label {
            field,
            value,
            key: key.trim(),
        });
    }
    section(t, colon.is_some(), value)
}

/// Labels that end in "by" and need no colon: "Moderated by Ana Lima", "Co-facilitated
/// by A and B", "Chaired by …", "Organized by …".
const BY_LABELS: &[(&str, Field)] = &[
    ("moderated by", Field::People(Part::Moderator)),
    ("co-moderated by", Field::People(Part::Moderator)),
    ("chaired by", Field::People(Part::Moderator)),
    ("co-chaired by", Field::People(Part::Moderator)),
    ("facilitated by", Field::People(Part::Moderator)),
    ("co-facilitated by", Field::People(Part::Moderator)),
    ("moderado por", Field::People(Part::Moderator)),
    ("moderada por", Field::People(Part::Moderator)),
    ("modéré par", Field::People(Part::Moderator)),
    ("modérée par", Field::People(Part::Moderator)),
    ("organized by", Field::NotPeople),
    ("organised by", Field::NotPeople),
    ("co-organized by", Field::NotPeople),
    ("hosted by", Field::NotPeople),
    ("presented by", Field::People(Part::Speaker)),
    ("speech by", Field::People(Part::Speaker)),
    ("speech from", Field::People(Part::Speaker)),
    ("address by", Field::People(Part::Speaker)),
    ("remarks by", Field::People(Part::Speaker)),
    ("opening remarks by", Field::People(Part::Speaker)),
    ("statement by", Field::People(Part::Speaker)),
    ("message from", Field::People(Part::Speaker)),
    ("video message from", Field::People(Part::Speaker)),
    ("keynote by", Field::People(Part::Speaker)),
    ("discours de", Field::People(Part::Speaker)),
    ("allocution de", Field::People(Part::Speaker)),
    ("discurso de", Field::People(Part::Speaker)),
];

fn by_label(t: &str) -> Option<Label<'_>> {
    BY_LABELS.iter().find_map(|(prefix, field)| {
        let head = t.get(..prefix.len())?;
        let rest = &t[prefix.len()..];
        let value = rest.trim_start_matches([':', ' ']).trim();
        (head.to_lowercase() == *prefix && rest.starts_with([' ', ':']) && !value.is_empty()).then(
            || Label {
                field: field.clone(),
                value,
                key: head,
            },
        )
    })
}

/// A section heading: a short line ending with a colon, or a template heading.
fn section<'a>(t: &'a str, had_colon: bool, value: &'a str) -> Option<Label<'a>> {
    let lower = fold_lookalikes(t).to_lowercase();
    let ends_colon = t.ends_with(':') && value.is_empty();
    let template = SECTION_STARTS.iter().any(|s| lower.starts_with(s)) && t.chars().count() <= 120;
    let heading =
        (ends_colon && t.chars().count() <= 200) || (template && (!had_colon || value.is_empty()));
    heading.then(|| Label {
        field: Field::Section(t.trim_end_matches(':').trim().to_string()),
        value: "",
        key: t.trim_end_matches(':').trim(),
    })
}

/// Lower case, look-alikes folded, "(s)" as "s", no trailing punctuation, one space,
/// and no trailing parenthesis ("Speakers (in order of intervention)").
fn normalise(key: &str) -> String {
    let key = key.trim();
    // Look-alike letters are folded only in a key with Latin letters ("Mоderator" from a
    // PDF): a Russian label ("Модератор") keeps its own letters.
    let key = if key.chars().any(|c| c.is_ascii_alphabetic()) {
        fold_lookalikes(key)
    } else {
        key.to_string()
    };
    let mut norm = key
        .to_lowercase()
        .replace("(s)", "s")
        .replace(['’', '‘'], "'")
        .replace(['–', '—'], "-");
    if let (Some(open), true) = (norm.find(" ("), norm.ends_with(')')) {
        norm.truncate(open);
    }
    let norm =
        norm.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '-' | '*' | '#' | '•'));
    norm.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Speaker 1", "Organizer 2": a numbered field of a form, for people only ("SDG 11"
/// is a goal, not a label).
fn numbered(norm: &str) -> Option<Field> {
    let (head, n) = norm.rsplit_once(' ')?;
    if !n.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    known(head, true).filter(|f| matches!(f, Field::People(_) | Field::NotPeople | Field::Name))
}

/// Labels that, without a colon, are headings as often as labels ("Opening
/// Ceremony", "Panel", "Title"): they count only with one.
const NEEDS_COLON: &[&str] = &[
    "opening",
    "closing",
    "opening ceremony",
    "closing ceremony",
    "opening session",
    "panel",
    "participants",
    "ministers",
    "участники",
    "дата",
    "время",
    "место",
    "зал",
    "название",
    "страна",
    "المشاركون",
    "التاريخ",
    "الوقت",
    "المكان",
    "البلد",
    "الدولة",
    "العنوان",
    "日期",
    "时间",
    "地点",
    "国家",
    "标题",
    "嘉宾",
    "主持",
    "致辞",
    "keynote",
    "title",
    "name",
    "link",
    "url",
    "event",
    "country",
    "host",
    "hosts",
    "team",
    "organization",
    "organisation",
    "company",
    "institution",
    "when",
    "where",
    "place",
    "day",
    "schedule",
    "time",
    "targets",
    "ods",
    "odd",
    "als",
    "mc",
    "author",
    "authors",
    "sender",
    "contact",
    "speech",
    "location",
    "background",
    "summary",
    "agenda",
];

fn known(norm: &str, had_colon: bool) -> Option<Field> {
    let exact = |k: &str| {
        EXACT
            .iter()
            .find(|(names, _)| names.contains(&k) || names.contains(&k.trim_end_matches('s')))
            .map(|(_, f)| f.clone())
    };
    let allowed = |k: &str| had_colon || !NEEDS_COLON.contains(&k);
    if let Some(f) = exact(norm).filter(|_| allowed(norm)) {
        return Some(f);
    }
    // "Confirmed speakers", "Our Moderator": filler words in front.
    // In any order: "High-Level Track Facilitator", "Session Lead Moderator".
    let mut stripped = norm;
    while let Some(rest) = LABEL_FILLERS.iter().find_map(|f| {
        (stripped.strip_prefix(f))
            .filter(|r| r.starts_with(' '))
            .map(str::trim_start)
    }) {
        stripped = rest;
    }
    if stripped != norm {
        if let Some(f) = exact(stripped).filter(|_| allowed(stripped)) {
            return Some(f);
        }
    }
    // "Speakers/Panelists", "Moderator & Chair": each alternative is a label ("Paul
    // Mitchell, Chair, Harbour Board" is a person with a role).
    let alternatives: Vec<&str> = norm.split(['/', '&', ',']).map(str::trim).collect();
    if alternatives.len() > 1 {
        let fields: Vec<Field> = alternatives.iter().filter_map(|a| exact(a)).collect();
        if fields.len() < alternatives.len() {
            return None;
        }
        if let Some(first) = fields.first() {
            if fields.iter().all(|f| f == first) {
                return Some(first.clone());
            }
        }
    }
    // Stems: only before a colon, for short keys made of label words, so that neither a
    // sentence ("Sessions organized during the week:") nor "Ms. Ana Lima, Chair, Acme"
    // is ever a label; the stem must be in the key's first or last word(s).
    let words: Vec<&str> = norm.split_whitespace().collect();
    if !had_colon || words.len() > 6 || !label_like(norm) {
        return None;
    }
    let n_first = |s: &str| words[..s.split_whitespace().count().min(words.len())].join(" ");
    let n_last =
        |s: &str| words[words.len().saturating_sub(s.split_whitespace().count())..].join(" ");
    STEMS
        .iter()
        .find(|(stems, field)| {
            stems.iter().any(|s| match field {
                // "Speakers at the summit included:": a people label may run on.
                Field::People(_) => {
                    n_first(s).contains(s) || (words.len() <= 4 && n_last(s).contains(s))
                }
                _ => words.len() <= 4 && (n_first(s).contains(s) || n_last(s).contains(s)),
            })
        })
        .map(|(_, f)| f.clone())
}

/// Whether a key reads as a label: letters, no digits, no sentence verbs, no
/// comma or honorific (a person's introduction).
fn label_like(norm: &str) -> bool {
    !norm.chars().any(|c| c.is_ascii_digit() || c == ',')
        && crate::model::parse_name(norm).honorific.is_none()
        && !norm
            .split_whitespace()
            .any(|w| ["is", "are", "was", "will", "were", "has", "have", "said"].contains(&w))
}

/// Splits a line that runs several labels together ("Moderator: X  Panelists:
/// A, B", "Speakers: Moderator:") at every later people label; the first piece
/// is the line up to the second label.
pub(crate) fn split_inline(line: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    let bytes = line.as_bytes();
    for (i, _) in line.match_indices(':') {
        // The label is the one to three words before the colon.
        let before = &line[..i];
        let start = before
            .char_indices()
            .rev()
            .filter(|&(_, c)| c == ' ')
            .map(|(k, _)| k + 1)
            .take(3)
            .collect::<Vec<_>>();
        for &s in &start {
            if s <= *cuts.last().unwrap_or(&0) {
                continue;
            }
            let key = &line[s..i];
            let norm = normalise(key);
            if matches!(
                known(&norm, true),
                Some(Field::People(_) | Field::NotPeople)
            ) && key.chars().next().is_some_and(char::is_uppercase)
                && s >= 2
                && bytes.get(s - 1) == Some(&b' ')
            {
                cuts.push(s);
                break;
            }
        }
    }
    cuts.push(line.len());
    cuts.windows(2)
        .map(|w| line[w[0]..w[1]].trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where a people label glued to the word before it starts: text copied from a web
/// page loses the break between a heading and the next block ("Opening
/// ceremonySpeakers:", "Церемония открытияУчастники:").
pub(crate) fn glued_label(line: &str) -> Option<usize> {
    line.match_indices([':', '：'])
        .find_map(|(colon, _)| glued_before(line, colon))
}

fn glued_before(line: &str, colon: usize) -> Option<usize> {
    let word_start = line[..colon].rfind(' ').map_or(0, |k| k + 1);
    let word = &line[word_start..colon];
    let mut prev_lower = false;
    for (k, c) in word.char_indices() {
        // A short piece is a name's prefix ("McAdam", "DeSantis"), not a heading's end.
        if prev_lower && c.is_uppercase() && word[..k].chars().count() >= 4 {
            let key = &word[k..];
            return matches!(
                known(&normalise(key), true),
                Some(Field::People(_) | Field::NotPeople)
            )
            .then_some(word_start + k);
        }
        prev_lower = c.is_lowercase();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> Option<Field> {
        label(s).map(|l| l.field)
    }

    #[test]
    fn labels_in_many_wordings_and_languages() {
        use Field::*;
        use Part::*;
        for (line, want) in [
            ("Moderator(s):", People(Moderator)),
            ("Panelists:", People(Speaker)),
            ("Speakers/Panelists:", People(Speaker)),
            ("Speakers / panellists", People(Speaker)),
            ("Interactive Moderator: Mr X", People(Moderator)),
            ("High-Level Track Facilitator:", People(Moderator)),
            ("Moderated by", People(Moderator)),
            ("Keynote speakers", People(Speaker)),
            ("Opening Remarks:", People(Speaker)),
            ("Welcoming remarks", People(Speaker)),
            ("Intervenants :", People(Speaker)),
            ("Modérateur :", People(Moderator)),
            ("Ponentes:", People(Speaker)),
            ("Moderador:", People(Moderator)),
            ("Palabras de apertura: X", People(Speaker)),
            ("Session's link to WSIS Action Lines", ActionLines),
            ("Link to WSIS Action Lines:", ActionLines),
            ("Sustainable Development Goals", Sdgs),
            ("Related SDGs: SDG 9", Sdgs),
            ("Proposer's Name: Ms. X", NotPeople),
            ("Rapporteur", NotPeople),
            ("Moderator and Organizer: A (main)", NotPeople),
            ("Organizational Affiliation: Ministry", Affiliation),
            ("SPEAKERS (in order of intervention):", People(Speaker)),
            ("WSIS Асtion Linеs:", ActionLines),
            ("Online moderator: Y", People(Moderator)),
            ("Speaker 1: Ivan Petrov, Civil Society", People(Speaker)),
            ("Organizer 2: Technical Community", NotPeople),
        ] {
            assert_eq!(field(line), Some(want), "{line}");
        }
        assert_eq!(
            label("Topics: AI, Ethics").map(|l| (l.field, l.value)),
            Some((Topics, "AI, Ethics"))
        );
        assert_eq!(
            label("Moderator:Marcus Lee").map(|l| l.value),
            Some("Marcus Lee")
        );
        assert_eq!(
            label("Co-facilitated by Ben Keller and Mei Wong").map(|l| (l.field, l.value)),
            Some((People(Moderator), "Ben Keller and Mei Wong"))
        );
        assert_eq!(field("Moderated by"), Some(People(Moderator)));
    }

    #[test]
    fn what_only_looks_like_a_label_is_not_one() {
        for line in [
            "- C1. The role of governments",
            "Goal 4: Ensure inclusive",
            "Opening Ceremony",
            "The panel is moderated by experts: see below",
            "Mr. Houlin Zhao, Secretary-General, ITU",
            "Title",
        ] {
            assert!(
                !matches!(field(line), Some(f) if !matches!(f, Field::Section(_))),
                "{line}: {:?}",
                field(line)
            );
        }
        assert_eq!(
            field("Key Issues discussed:"),
            Some(Field::Section("Key Issues discussed".into()))
        );
    }

    #[test]
    fn several_labels_on_one_line_are_split() {
        assert_eq!(
            split_inline("Moderator: Ann Lee  Panelists: Bo Chen (Gov), Di Das (CS)"),
            [
                "Moderator: Ann Lee",
                "Panelists: Bo Chen (Gov), Di Das (CS)"
            ]
        );
        assert_eq!(
            split_inline("Speakers: Moderator:"),
            ["Speakers:", "Moderator:"]
        );
        assert_eq!(
            split_inline("Ms. A B, Director: Policy"),
            ["Ms. A B, Director: Policy"]
        );
    }

    #[test]
    fn labels_in_russian_arabic_and_chinese() {
        use Field::*;
        use Part::*;
        for (line, want) in [
            ("Модератор:", People(Moderator)),
            ("Модераторы сессии:", People(Moderator)),
            ("Спикеры:", People(Speaker)),
            ("Участники:", People(Speaker)),
            ("Организаторы:", NotPeople),
            ("Дата и время:", Date),
            ("مدير الجلسة:", People(Moderator)),
            ("المتحدثون:", People(Speaker)),
            ("主持人：", People(Moderator)),
            ("发言嘉宾：", People(Speaker)),
            ("可持续发展目标：", Sdgs),
        ] {
            assert_eq!(field(line), Some(want), "{line}");
        }
        // Without a colon, a word that is as often a heading stays text.
        assert_eq!(field("Участники"), None);
        // A Latin label with a Cyrillic look-alike letter is still read.
        assert_eq!(field("Mоderator:"), Some(People(Moderator)));
    }

    #[test]
    fn a_label_glued_to_the_heading_before_it_is_found() {
        assert_eq!(glued_label("Closing plenarySpeakers: Ann Lee"), Some(15));
        assert_eq!(
            glued_label("Круглый столУчастники:"),
            Some("Круглый стол".len())
        );
        // Camel case that is not a label, a name's prefix, a plain label: none.
        assert_eq!(glued_label("Note on eHealth: a plan"), None);
        assert_eq!(glued_label("McSpeakers: x"), None);
        assert_eq!(glued_label("Speakers: Ann Lee"), None);
    }
}
