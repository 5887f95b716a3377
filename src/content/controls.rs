//! Control characters in a site's text files, removed as they are read.
//!
//! Text pasted from word processors and terminals brings characters that have no
//! place on a page: C0 controls (U+0001, a vertical tab U+000B for Word's line break,
//! an escape U+001B), DEL (U+007F) and the C1 controls (U+0080–U+009F). HTML parsers
//! report them as errors, XML 1.0 forbids most of them (a feed or sitemap with one is
//! not well-formed), and raw in YAML they stop the parser. Each is a warning at its
//! file:line:column, and the text goes on without it: the line-breaking ones (vertical
//! tab, form feed, next line) become a space so that words stay apart, the others go.
//!
//! Two ways in: written raw anywhere in a file, and written as an escape in a YAML
//! double-quoted value (`"pasted\vfrom"`, `"\x01"`, `"\u0007"`), which only the YAML
//! parser turns into the character. Tab, newline and carriage return are text.

use std::borrow::Cow;
use std::path::Path;

use super::yaml::{Origin, quoted};
use crate::diag::{Diagnostic, Location};

/// Warnings given for one file before the rest are counted in a last one.
const MAX_WARNINGS: usize = 5;

/// Whether `c` is a control character that output must not carry.
pub(crate) fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// What stands in place of a control character: a space for those that break lines.
fn replacement(c: char) -> Option<char> {
    matches!(c, '\u{b}' | '\u{c}' | '\u{85}').then_some(' ')
}

/// `text` without control characters (see [`replacement`]); borrowed when it has none.
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| {
                if is_control(c) {
                    replacement(c)
                } else {
                    Some(c)
                }
            })
            .collect(),
    )
}

/// The name of a control character in a warning: "U+000B".
fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Collects the warnings of one file, the first few with their position.
struct Findings<'f> {
    file: &'f Path,
    warnings: Vec<Diagnostic>,
    count: usize,
}

impl Findings<'_> {
    fn found(&mut self, location: Location, what: String) {
        self.count += 1;
        if self.count <= MAX_WARNINGS {
            self.warnings.push(
                Diagnostic::warning(self.file, Some(location), format!("{what} removed"))
                    .with_help("delete it: control characters are invisible and break HTML and XML readers (text pasted from a word processor or a terminal brings them)"),
            );
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        if self.count > MAX_WARNINGS {
            self.warnings.push(Diagnostic::warning(
                self.file,
                None,
                format!(
                    "{} more control characters removed",
                    self.count - MAX_WARNINGS
                ),
            ));
        }
        self.warnings
    }
}

/// The position of byte `at` of `text`.
pub(crate) fn location_of(text: &str, at: usize) -> Location {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        offset: Some(at),
    }
}

/// A text file without its raw control characters, with a warning for each.
pub(crate) fn scrub_raw<'t>(text: &'t str, file: &Path) -> (Cow<'t, str>, Vec<Diagnostic>) {
    // Every control character is below U+00A0, so its UTF-8 starts below 0xC3.
    if !text
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') || b == 0x7f || b == 0xc2)
    {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut findings = Findings {
        file,
        warnings: Vec::new(),
        count: 0,
    };
    for (at, c) in text.char_indices().filter(|(_, c)| is_control(*c)) {
        findings.found(
            location_of(text, at),
            format!("control character {}", code(c)),
        );
    }
    (strip(text), findings.finish())
}

/// YAML text (starting at `origin` in its file) with every double-quoted value that
/// holds a control character written again without it, and a warning for each.
/// The rewritten value keeps the lines it spanned, so later positions stay true.
pub(crate) fn scrub_escapes<'t>(
    yaml: &'t str,
    file: &Path,
    origin: Origin,
) -> (Cow<'t, str>, Vec<Diagnostic>) {
    use granit_parser::{Event, Parser, ScalarStyle};
    // Only an escape makes a control character in a valid YAML text.
    if !yaml.contains('\\') {
        return (Cow::Borrowed(yaml), Vec::new());
    }
    let mut findings = Findings {
        file,
        warnings: Vec::new(),
        count: 0,
    };
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for result in Parser::new_from_str(yaml) {
        // A syntax error is the deserializer's to report.
        let Ok((event, span)) = result else { break };
        let Event::Scalar(value, ScalarStyle::DoubleQuoted, _, _) = &event else {
            continue;
        };
        let Some(c) = value.chars().find(|c| is_control(*c)) else {
            continue;
        };
        let (Some(start), Some(end)) = (span.start.byte_offset(), span.end.byte_offset()) else {
            continue;
        };
        let Some(written) = yaml.get(start..end) else {
            continue;
        };
        let mut at = location_of(yaml, start);
        at.line += origin.lines;
        at.offset = at.offset.map(|o| o + origin.bytes);
        findings.found(at, format!("control character {} (a YAML escape)", code(c)));
        edits.push((start..end, same_lines(&quoted(&strip(value)), written)));
    }
    if edits.is_empty() {
        return (Cow::Borrowed(yaml), findings.finish());
    }
    let mut out = String::with_capacity(yaml.len());
    let mut last = 0;
    for (range, text) in edits {
        out.push_str(&yaml[last..range.start]);
        out.push_str(&text);
        last = range.end;
    }
    out.push_str(&yaml[last..]);
    (Cow::Owned(out), findings.finish())
}

/// A one-line double-quoted YAML value spread over as many lines as `written`:
/// an escaped line break (`\` at a line's end) adds nothing to the value, and each
/// line keeps the indentation it had.
fn same_lines(quoted: &str, written: &str) -> String {
    let mut lines = written.split('\n').skip(1).peekable();
    if lines.peek().is_none() {
        return quoted.to_string();
    }
    let mut out = quoted.strip_suffix('"').unwrap_or(quoted).to_string();
    for line in lines {
        out.push_str("\\\n");
        out.push_str(&line[..line.len() - line.trim_start_matches([' ', '\t']).len()]);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> &'static Path {
        Path::new("s.md")
    }

    #[test]
    fn raw_controls_are_removed_with_their_positions() {
        let (text, warnings) = scrub_raw("a\u{1}b\nc\u{b}d \u{7f}\u{9b}é\t\r\n", file());
        assert_eq!(text, "ab\nc d é\t\r\n");
        let at: Vec<(usize, usize)> = (warnings.iter())
            .map(|w| w.location.map(|l| (l.line, l.column)).expect("located"))
            .collect();
        assert_eq!(at, [(1, 2), (2, 2), (2, 5), (2, 6)]);
        assert!(warnings[0].message.contains("U+0001"), "{:?}", warnings[0]);
        assert!(warnings[3].message.contains("U+009B"), "{:?}", warnings[3]);
    }

    #[test]
    fn clean_text_is_borrowed_and_gives_no_warning() {
        let (text, warnings) = scrub_raw("Zoë — 東京\t\n", file());
        assert!(matches!(text, Cow::Borrowed(_)) && warnings.is_empty());
        let (yaml, warnings) =
            scrub_escapes("title: \"a \\\" b \\t\"\n", file(), Origin::default());
        assert!(matches!(yaml, Cow::Borrowed(_)) && warnings.is_empty());
    }

    #[test]
    fn many_controls_give_a_few_warnings_and_a_count() {
        let (_, warnings) = scrub_raw(&"\u{1}".repeat(9), file());
        assert_eq!(warnings.len(), MAX_WARNINGS + 1);
        assert!(warnings[MAX_WARNINGS].message.starts_with("4 more"));
    }

    #[test]
    fn yaml_escapes_are_removed_and_positions_after_them_stay() {
        let origin = Origin { lines: 1, bytes: 4 };
        let yaml = "title: \"Pasted\\vfrom\\u0007x\"\nspeakers: [\"Bob \\x01\n  Smith\", Ann]\nsdgs: [1]\n";
        let (clean, warnings) = scrub_escapes(yaml, file(), origin);
        assert_eq!(
            clean,
            "title: \"Pasted fromx\"\nspeakers: [\"Bob  Smith\\\n  \", Ann]\nsdgs: [1]\n"
        );
        #[derive(serde::Deserialize)]
        struct Front {
            title: String,
            speakers: Vec<String>,
            sdgs: Vec<u8>,
        }
        let front: Front = serde_saphyr::from_str(&clean).expect("still YAML");
        assert_eq!(front.title, "Pasted fromx");
        assert_eq!(front.speakers, ["Bob  Smith", "Ann"]);
        assert_eq!(front.sdgs, [1]);
        let at: Vec<(usize, usize)> = (warnings.iter())
            .map(|w| w.location.map(|l| (l.line, l.column)).expect("located"))
            .collect();
        assert_eq!(at, [(2, 8), (3, 12)]);
        assert!(warnings[0].message.contains("U+000B"), "{:?}", warnings[0]);
        assert_eq!(clean.lines().count(), yaml.lines().count());
    }
}
