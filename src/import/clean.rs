//! Taming pasted text: Unicode normalisation, invisible and control characters,
//! and the many bullets Word and PDF exports use.

use unicode_normalization::UnicodeNormalization;

/// Windows-1252 characters at 0x80..=0x9F (the rest of the range is Latin-1).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The text of an input file, and how it was decoded when not UTF-8: Word saves
/// "Unicode text" as UTF-16 and "plain text" on Windows as Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let utf16 = |le: bool| -> String {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xff, 0xfe, ..] => (utf16(true), Some("UTF-16")),
        [0xfe, 0xff, ..] => (utf16(false), Some("UTF-16")),
        _ => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252[usize::from(b - 0x80)],
                    b => char::from(b),
                })
                .collect();
            (text, Some("Windows-1252"))
        }
    }
}

/// NFC, `\n` line ends, no control or invisible characters, no-break spaces as spaces.
/// Whatever survives can be written into YAML and Markdown.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // What a saved web page keeps of an address hidden from spam robots ends the
    // entry it closed: IGF pages run their speakers together, one hidden address each.
    let text = text
        .replace(" [email protected] ", "\n")
        .replace("[email protected]", "\n");
    text.nfc()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2002}'..='\u{200a}' => Some(' '),
            '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
            // Zero-width and byte-order marks, bidi controls: invisible, and they break matching.
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' => None,
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => None,
            c if c.is_control() => None,
            // Private-use characters are Word's symbol-font bullets.
            '\u{e000}'..='\u{f8ff}' => Some('•'),
            c => Some(c),
        })
        .collect()
}

/// A Chinese character (CJK Unified Ideographs), which Chinese writes without spaces.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

/// A Chinese character or Japanese kana: text that counts words in characters.
pub(crate) fn is_ideograph(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3040}'..='\u{30ff}')
}

/// Latin letters for their Cyrillic and Greek look-alikes ("С7", "Gоal 4"), which
/// PDF exports mix into codes. Only for codes and labels: names keep their letters.
pub(crate) fn fold_lookalikes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'А' | 'Α' => 'A',
            'В' | 'Β' => 'B',
            'С' | 'Ϲ' => 'C',
            'Е' | 'Ε' => 'E',
            'Н' | 'Η' => 'H',
            'І' | 'Ι' => 'I',
            'К' | 'Κ' => 'K',
            'М' | 'Μ' => 'M',
            'О' | 'Ο' => 'O',
            'Р' | 'Ρ' => 'P',
            'Т' | 'Τ' => 'T',
            'Х' | 'Χ' => 'X',
            'а' => 'a',
            'с' | 'ϲ' => 'c',
            'е' => 'e',
            'і' => 'i',
            'о' | 'ο' => 'o',
            'р' | 'ρ' => 'p',
            'х' => 'x',
            'у' => 'y',
            'ѕ' => 's',
            c => c,
        })
        .collect()
}

/// Characters that start a list item in pasted text.
const BULLETS: &[char] = &[
    '-', '•', '◦', '▪', '▫', '■', '□', '☐', '☑', '☒', '●', '○', '◆', '◇', '➢', '➤', '►', '▶', '✓',
    '✔', '*', '·', '–', '—',
];

/// A list item's marker and its text: "- x", "• x", "01. x", "1) x", "(a) x".
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// The marker was a check box (☐): in outcome documents, a group heading.
    pub checkbox: bool,
    /// Whether the item is numbered.
    pub numbered: bool,
    /// The text after the marker (may be empty: a stray bullet).
    pub text: &'a str,
}

/// Splits a list marker off `line`; `None` when the line is not a list item.
/// Markers may repeat ("- - x") and a bare marker is an empty item.
pub(crate) fn list_item(line: &str) -> Option<Item<'_>> {
    let mut rest = line.trim();
    let mut item = Item {
        checkbox: false,
        numbered: false,
        text: rest,
    };
    let mut any = false;
    loop {
        if let Some(c) = rest.chars().next().filter(|c| BULLETS.contains(c)) {
            let after = &rest[c.len_utf8()..];
            // "-5%" or "*emphasis*" are text, not markers: a marker stands alone, except
            // that "•Text" and "-Dr. Name" lost their space in the export.
            let glued = !c.is_ascii() && c != '–' && c != '—'
                || (c == '-' && after.chars().next().is_some_and(char::is_uppercase));
            if !(after.is_empty() || after.starts_with(' ') || glued) {
                break;
            }
            item.checkbox |= matches!(c, '☐' | '□' | '☑' | '☒');
            rest = after.trim_start();
            any = true;
            continue;
        }
        if let Some(after) = letter_bullet(rest) {
            rest = after.trim_start();
            any = true;
            continue;
        }
        if let Some(after) = numbered_marker(rest) {
            item.numbered = true;
            rest = after.trim_start();
            any = true;
            continue;
        }
        break;
    }
    any.then(|| Item {
        text: rest.trim(),
        ..item
    })
}

/// Word's symbol-font bullets pasted as letters: "o Ms. X", "§ Text", "Ø Text".
/// Only before a capital or a digit, so "o" the word is not taken for one.
fn letter_bullet(s: &str) -> Option<&str> {
    let c = s.chars().next()?;
    if !matches!(c, 'o' | '§' | 'Ø' | 'ü' | 'Ÿ' | 'v' | 'q' | 'Ü') {
        return None;
    }
    let after = s[c.len_utf8()..].strip_prefix(' ')?;
    after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
        .then_some(after)
}

/// "01. ", "1) ", "(3) ", "a) ": the text after the marker.
fn numbered_marker(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('(').unwrap_or(s);
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    let head = if digits > 0 && digits <= 3 {
        digits
    } else {
        // One letter: "a) " (but not "A. Name", an initial).
        let c = inner.chars().next()?;
        if !c.is_ascii_lowercase() {
            return None;
        }
        1
    };
    let after = &inner[head..];
    let after = after
        .strip_prefix(')')
        .or_else(|| (digits > 0).then(|| after.strip_prefix('.')).flatten())?;
    (after.is_empty() || after.starts_with(' ')).then_some(after)
}

/// A note when `last` (the text's last line or paragraph) does not end in one of
/// `endings`: the input was probably cut off. It quotes the last 30 characters.
pub(crate) fn cut_off_note(last: &str, endings: &[char]) -> Option<String> {
    if last.ends_with(endings) {
        return None;
    }
    let start = last.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    Some(format!("the text seems cut off after {:?}", &last[start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_that_stops_mid_sentence_gets_a_note_quoting_its_end() {
        let endings = ['.', '!', '?'];
        assert_eq!(cut_off_note("It ended.", &endings), None);
        assert_eq!(
            cut_off_note("Ministers agreed that the next steps would be", &endings).as_deref(),
            Some("the text seems cut off after \"d that the next steps would be\"")
        );
        assert_eq!(
            cut_off_note("Wiewiórowski", &endings).as_deref(),
            Some("the text seems cut off after \"Wiewiórowski\"")
        );
    }

    #[test]
    fn a_hidden_address_ends_its_entry() {
        assert_eq!(
            normalize("Ann Lee - Acme, Kenya [email protected] Bo Chen - Beta"),
            "Ann Lee - Acme, Kenya\nBo Chen - Beta"
        );
    }

    #[test]
    fn markers_of_every_kind_are_split_off() {
        for (line, text, numbered, checkbox) in [
            ("- C1. The role", "C1. The role", false, false),
            (" • Amb. X", "Amb. X", false, false),
            ("01. Ms. Cristina Bueti", "Ms. Cristina Bueti", true, false),
            ("1) Mr. X", "Mr. X", true, false),
            ("(2) Mr. X", "Mr. X", true, false),
            ("☐ Prioritize:", "Prioritize:", false, true),
            ("- - Mr. Y", "Mr. Y", false, false),
            ("-", "", false, false),
            (
                "-Dr. Albert Antwi-Boasiako",
                "Dr. Albert Antwi-Boasiako",
                false,
                false,
            ),
            ("•Text", "Text", false, false),
            (
                "o Ms. Chloé Lefèvre, Officer",
                "Ms. Chloé Lefèvre, Officer",
                false,
                false,
            ),
            ("§ Goal 5: Achieve", "Goal 5: Achieve", false, false),
        ] {
            let item = list_item(line).expect(line);
            assert_eq!(
                (item.text, item.numbered, item.checkbox),
                (text, numbered, checkbox),
                "{line}"
            );
        }
        for not in [
            "-5% growth",
            "A. Name",
            "Goal 4: x",
            "2024 was",
            "*bold*",
            "o the other hand",
        ] {
            assert_eq!(list_item(not), None, "{not}");
        }
    }

    #[test]
    fn word_encodings_are_decoded() {
        assert_eq!(decode("Phạm".as_bytes()), ("Phạm".to_string(), None));
        assert_eq!(
            decode(b"\x93Caf\xe9\x94 \x96 x"),
            ("“Café” – x".to_string(), Some("Windows-1252"))
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Chính".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), ("Chính".to_string(), Some("UTF-16")));
    }

    #[test]
    fn look_alike_letters_fold_to_latin() {
        assert_eq!(fold_lookalikes("С7 Gоal 4 SDG"), "C7 Goal 4 SDG");
        assert_eq!(fold_lookalikes("Phạm Чингиз"), "Phạm Чингиз");
    }

    #[test]
    fn control_and_invisible_characters_are_removed() {
        assert_eq!(
            normalize("a\u{200b}b\u{0}c\r\nd\u{a0}e\u{feff}"),
            "abc\nd e"
        );
    }
}
