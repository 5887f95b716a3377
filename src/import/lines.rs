//! A document as the importer reads it: logical lines, each with its list
//! marker split off and the number of blank lines before it. Hard-wrapped
//! paragraphs (PDF text, e-mail) are joined back into one line, and a marker
//! alone on its line ("-" then the item on the next line, as WSIS pages print
//! their lists) marks the line after it.

use super::clean::list_item;

/// How a list item was marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// "-", "•", "o", …
    Bullet,
    /// "1.", "01.", "(a)", …
    Number,
    /// "☐": in outcome documents, a group heading.
    Checkbox,
}

/// One logical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The text, trimmed, without its list marker; Chinese punctuation spaced as
    /// the readers split (see `spaced_cjk`).
    pub text: String,
    /// The text as the session's body keeps it (Chinese punctuation as written).
    pub written: String,
    /// The list marker, when the line is a list item.
    pub item: Option<Marker>,
    /// Blank lines just before it.
    pub gap: usize,
    /// Leading spaces of the first physical line.
    pub indent: usize,
}

impl Line {
    /// Whether the line is a list item.
    pub(crate) fn is_item(&self) -> bool {
        self.item.is_some()
    }
}

/// Splits a normalised text into logical lines.
pub(crate) fn read(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut gap = 0usize;
    let mut pending: Option<Marker> = None;
    for raw in text.lines() {
        let trimmed = raw.trim();
        let parsed = list_item(trimmed);
        if trimmed.is_empty() {
            gap += 1;
            continue;
        }
        if let Some(item) = parsed.as_ref().filter(|i| i.text.is_empty()) {
            // A lone marker: the item text is on the next line.
            pending = Some(marker(item));
            continue;
        }
        let (text, item) = match &parsed {
            Some(i) => (i.text, Some(marker(i))),
            None => (trimmed, pending),
        };
        pending = None;
        if gap == 0 && item.is_none() {
            if let Some(prev) = out.last_mut() {
                if continues(&prev.text, text) {
                    prev.text.push(' ');
                    prev.text.push_str(&spaced_cjk(text));
                    prev.written.push(' ');
                    prev.written.push_str(text);
                    continue;
                }
            }
        }
        let indent = raw.len() - raw.trim_start().len();
        // "Opening ceremonySpeakers: …": the heading and the label are two lines.
        let (text, item, first_gap) = match super::labels::glued_label(text) {
            Some(cut) => {
                out.push(Line {
                    text: spaced_dash(&spaced_cjk(&text[..cut])),
                    written: spaced_dash(&text[..cut]),
                    item,
                    gap,
                    indent,
                });
                (&text[cut..], None, 0)
            }
            None => (text, item, gap),
        };
        out.push(Line {
            text: spaced_dash(&spaced_cjk(text)),
            written: spaced_dash(text),
            item,
            gap: first_gap,
            indent,
        });
        gap = 0;
    }
    out
}

/// Chinese and Japanese punctuation as the readers split on: "国际电联：Tomas
/// Lamanauskas，副秘书长" -> "国际电联: Tomas Lamanauskas, 副秘书长" (full-width
/// colons, commas, semicolons and brackets; an ASCII one glued to the next word).
/// Lines without ideographs, and a time's colon ("10:00"), stay as written.
fn spaced_cjk(text: &str) -> String {
    let ideograph = super::clean::is_ideograph;
    if !text.chars().any(ideograph) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (k, &c) in chars.iter().enumerate() {
        let next = chars.get(k + 1).copied();
        let glued = next.is_some_and(|n| !n.is_whitespace());
        match c {
            '：' | '，' | '；' => {
                out.push(match c {
                    '：' => ':',
                    '，' => ',',
                    _ => ';',
                });
                if glued {
                    out.push(' ');
                }
            }
            '（' => out.push_str(" ("),
            '(' if k > 0 && ideograph(chars[k - 1]) => out.push_str(" ("),
            '）' => out.push(')'),
            ':' | ',' | ';'
                if glued
                    && !(k > 0
                        && chars[k - 1].is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit())) =>
            {
                out.push(c);
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// "Bruno SALGUES- Director of Studies": a separating dash glued to the word before
/// it is spaced like the others ("Bruno SALGUES - Director …"); a hyphen inside a
/// word ("Bogdan-Martin", "e- learning") stays.
fn spaced_dash(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let glued = c == '-'
            && k > 0
            && chars[k - 1].is_alphabetic()
            && chars.get(k + 1) == Some(&' ')
            && chars.get(k + 2).is_some_and(|n| n.is_uppercase());
        if glued {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn marker(item: &super::clean::Item<'_>) -> Marker {
    if item.checkbox {
        Marker::Checkbox
    } else if item.numbered {
        Marker::Number
    } else {
        Marker::Bullet
    }
}

/// Whether `next` continues the hard-wrapped line `prev`: a long line that does
/// not end a sentence or a field, followed by one that starts in lower case.
fn continues(prev: &str, next: &str) -> bool {
    prev.chars().count() >= 45
        && !prev.ends_with(['.', '!', '?', ':', ';', '”', '"'])
        && next.chars().next().is_some_and(char::is_lowercase)
        && !prev.contains(" | ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_punctuation_is_spaced_as_the_readers_split() {
        let lines = read(
            "1. 开幕致辞(协办方):\n电联：Ana Lima 女士，副主任\n时间：10:00，日内瓦\nAt 10:00,Geneva\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "开幕致辞 (协办方):",
                "电联: Ana Lima 女士, 副主任",
                "时间: 10:00, 日内瓦",
                "At 10:00,Geneva"
            ]
        );
        // The body keeps the punctuation as written.
        assert_eq!(lines[1].written, "电联：Ana Lima 女士，副主任");
    }

    #[test]
    fn a_label_glued_to_a_heading_starts_its_own_line() {
        let lines = read("Opening ceremonySpeakers: Ann Lee\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Opening ceremony", "Speakers: Ann Lee"]);
        assert_eq!(lines[1].gap, 0);
    }

    #[test]
    fn a_glued_separating_dash_is_spaced() {
        assert_eq!(
            spaced_dash("Rosa LIND- Adviser - Harbour Office"),
            "Rosa LIND - Adviser - Harbour Office"
        );
        assert_eq!(
            spaced_dash("Doreen Bogdan-Martin, e- learning"),
            "Doreen Bogdan-Martin, e- learning"
        );
    }

    use super::*;

    #[test]
    fn lone_markers_mark_the_next_line_and_wraps_are_joined() {
        let lines = read(
            "Objectives\n-\nIdentify the factors\n-\nShare practices\n\n\
             This will be a moderated session with representatives of the regional\n\
             meetings held in 2010.\n  • Ms. Ana Lima, Director",
        );
        let texts: Vec<(&str, bool, usize)> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.is_item(), l.gap))
            .collect();
        assert_eq!(
            texts,
            [
                ("Objectives", false, 0),
                ("Identify the factors", true, 0),
                ("Share practices", true, 0),
                (
                    "This will be a moderated session with representatives of the regional meetings held in 2010.",
                    false,
                    1
                ),
                ("Ms. Ana Lima, Director", true, 0),
            ]
        );
        assert_eq!(lines[4].indent, 2);
    }
}
