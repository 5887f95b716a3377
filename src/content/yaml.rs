//! YAML parsing with real positions: serde-saphyr errors turned into
//! diagnostics that name the file, the line and column in that file, and a fix.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{Location as YamlLocation, MessageFormatter, UserMessageFormatter};

use crate::diag::{Diagnostic, HELP_SEPARATOR, Location, nearest};

/// Where a YAML text sits inside its file, so positions can be made file-relative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Lines before the YAML's first line (1 for front matter after `---`).
    pub lines: usize,
    /// Bytes before the YAML's first byte.
    pub bytes: usize,
}

impl Origin {
    /// Converts a position inside the YAML text to one inside the file.
    pub(crate) fn locate(self, loc: YamlLocation) -> Option<Location> {
        let line = usize::try_from(loc.line()).ok()?;
        let column = usize::try_from(loc.column()).ok()?;
        if line == 0 {
            return None;
        }
        let offset = loc
            .span()
            .byte_offset()
            .and_then(|b| usize::try_from(b).ok())
            .map(|b| b + self.bytes);
        Some(Location {
            line: line + self.lines,
            column: column.max(1),
            offset,
        })
    }
}

/// Strips a UTF-8 byte-order mark, returning the text and where it starts.
pub(crate) fn strip_bom(text: &str) -> (&str, Origin) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, Origin { lines: 0, bytes: 3 }),
        None => (text, Origin::default()),
    }
}

/// Parses `text` as `T`, or returns the one diagnostic that says where and why it failed.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    origin: Origin,
) -> Result<T, Diagnostic> {
    if let Some(d) = tab_indentation(text, file, origin) {
        return Err(d);
    }
    if let Some(d) = explicit_tag(text, file, origin) {
        return Err(d);
    }
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| {
        let location = e.location().and_then(|l| origin.locate(l));
        let message = UserMessageFormatter
            .format_message(e.without_snippet())
            .into_owned();
        // Our own types say how to fix a value after HELP_SEPARATOR.
        match message.split_once(HELP_SEPARATOR) {
            Some((message, help)) => Diagnostic::error(file, location, message).with_help(help),
            None => explain(Diagnostic::error(file, location, message)),
        }
    })
}

/// How every YAML file of a site is read: tags the parser does not know (`!evil`,
/// `!!python/str`) are errors rather than silently dropped.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        reject_unsupported_tags: true,
    }
}

/// The first explicit tag other than `!!str` in `text`. serde-saphyr rejects tags
/// it does not know, but `!!binary` would turn base64 into text without a word,
/// and no key of a site takes a tagged value. Skipped when there is no `!` at all.
fn explicit_tag(text: &str, file: &Path, origin: Origin) -> Option<Diagnostic> {
    use granit_parser::{Event, Parser};
    if !text.contains('!') {
        return None;
    }
    for result in Parser::new_from_str(text) {
        // A syntax error is the deserializer's to report, with its own message.
        let (event, span) = result.ok()?;
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.as_deref(),
            _ => None,
        };
        let Some(tag) = tag.filter(|t| t.core_suffix() != Some("str")) else {
            continue;
        };
        // The event starts at the value; the tag is the `!…` word before it.
        let value = span.start.byte_offset().unwrap_or(0).min(text.len());
        let line_start = text[..value].rfind('\n').map_or(0, |i| i + 1);
        let before = text.get(line_start..value).unwrap_or("");
        let at = before.rfind('!').map_or(before.len(), |bang| {
            before[..bang]
                .rfind(|c: char| c.is_whitespace() || matches!(c, '[' | '{' | ','))
                .map_or(0, |i| i + 1)
        });
        let location = Location {
            line: span.start.line() + origin.lines,
            column: before[..at].chars().count() + 1,
            offset: Some(line_start + at + origin.bytes),
        };
        let written = format!("{}{}", tag.original_handle(), tag.suffix());
        return Some(
            Diagnostic::error(
                file,
                Some(location),
                format!("the YAML tag `{written}` is not allowed"),
            )
            .with_help(
                "remove the tag and write the value as plain text (quote it if it starts with `!`)",
            ),
        );
    }
    None
}

/// YAML forbids tabs for indentation, and the parser reports it far from the tab; point at it.
fn tab_indentation(text: &str, file: &Path, origin: Origin) -> Option<Diagnostic> {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(col) = line[..indent].find('\t') {
            let location = Location {
                line: i + 1 + origin.lines,
                column: col + 1,
                offset: Some(origin.bytes + offset + col),
            };
            return Some(
                Diagnostic::error(file, Some(location), "a tab is used for indentation").with_help(
                    "YAML allows only spaces for indentation: replace the tab with spaces",
                ),
            );
        }
        offset += line.len();
    }
    None
}

/// The parser's limits, said as what they mean for a file (serde-saphyr's budget
/// breaches arrive as `Nodes { nodes: 250001 }`).
fn limit_breached(msg: &str) -> Option<String> {
    if msg == "recursion limit exceeded" {
        return Some("the YAML is nested too deeply for the parser".into());
    }
    let detail = msg.strip_prefix("YAML document too large or too complex")?;
    let what = [
        ("Nodes", "it holds more than 250 000 values"),
        ("Depth", "it nests lists and maps more than 64 levels deep"),
        ("ScalarBytes", "its values hold more than 64 MiB of text"),
        ("Events", "it holds more than a million YAML items"),
        (
            "AliasAnchorRatio",
            "its aliases repeat anchors too many times",
        ),
        ("Aliases", "it uses more than 50 000 aliases"),
        ("Anchors", "it defines more than 50 000 anchors"),
        ("Documents", "it holds more than 1 024 YAML documents"),
        ("InputBytes", "it is larger than 256 MiB"),
    ]
    .iter()
    .find(|(key, _)| detail.contains(key))
    .map_or("its aliases expand to too much", |(_, what)| what);
    Some(format!(
        "the YAML is too large or too complex to read: {what}"
    ))
}

/// Adds a hint to the parser's most common messages.
fn explain(d: Diagnostic) -> Diagnostic {
    let msg = d.message.clone();
    if let Some(message) = limit_breached(&msg) {
        return Diagnostic { message, ..d }.with_help(
            "a session file describes one session: shorten the runaway list or nesting, and write values out instead of repeating aliases",
        );
    }
    if msg.starts_with("cannot deserialize tagged scalar") {
        return d.with_help("remove the YAML tag and write the value as plain text");
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .split_once("expected one of ")
            .or_else(|| expected.split_once("expected "))
            .map(|(_, list)| list.split(", ").map(|k| k.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = match nearest(key, known.iter().copied()) {
            Some(k) => format!("did you mean `{k}`? (known keys: {})", known.join(", ")),
            None => format!(
                "remove it, or use one of the known keys: {}",
                known.join(", ")
            ),
        };
        return Diagnostic {
            message: format!("unknown key `{key}`"),
            ..d
        }
        .with_help(help);
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return Diagnostic {
            message: format!("missing required key `{key}`"),
            ..d
        }
        .with_help(format!("add `{key}: …` to the front matter"));
    }
    if msg.contains("duplicate mapping key") {
        return d.with_help("each key may appear once: remove or merge the repeated one");
    }
    let help = [
        ("mapping values are not allowed", "a value that holds `: ` must be quoted: write `key: \"a: b\"`; or check the indentation of this line"),
        ("did not find expected key", "check the indentation: keys of one map start in the same column, list items with `- ` under their key"),
        ("expected string scalar", "this key takes text: write one value (quote it if it starts with [, {, & or *)"),
        ("invalid boolean", "write `true` or `false`"),
        ("unclosed quote", "close the quote on the same value: `\"…\"` or `'…'`"),
        ("unexpected character", "quote the value: plain YAML values cannot start with @, `, %, | or >"),
        ("reference to unknown value", "an `*alias` needs an `&anchor` above it: write the value out instead"),
        ("invalid type", "write the kind of value this key takes (see docs/content.md)"),
        ("expected sequence start", "this key takes a list: write `[a, b]`, or one `- item` per line"),
    ]
    .iter()
    .find(|(key, _)| msg.contains(key))
    .map_or(
        "fix the YAML at this position; docs/content.md shows every key with an example",
        |(_, help)| *help,
    );
    d.with_help(help)
}

/// Whether `c` may stand as it is in a YAML double-quoted scalar that `new session`
/// and `import` write: YAML's printable set (YAML 1.2, 5.1) less the line and paragraph
/// separators and the byte-order mark, which some readers take as breaks.
pub(crate) fn is_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `text` as a YAML double-quoted scalar: quotes, backslashes, newlines and tabs
/// escaped, and every character [`is_printable`] refuses as a `\uXXXX` escape.
pub(crate) fn quoted(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_printable(c) => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only the parse result matters for `speakers`")]
    struct Doc {
        title: String,
        #[serde(default)]
        speakers: Vec<String>,
    }

    fn err(text: &str) -> Diagnostic {
        let origin = Origin { lines: 1, bytes: 4 };
        parse::<Doc>(text, Path::new("a.md"), origin).expect_err("should fail")
    }

    #[test]
    fn unknown_key_names_the_key_and_suggests_the_nearest() {
        let d = err("title: x\ntitel: y\n");
        assert_eq!(d.message, "unknown key `titel`");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((3, 1)));
        assert!(
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean `title`?")),
            "{d}"
        );
    }

    #[test]
    fn tags_are_errors_where_they_are_written() {
        for (text, col) in [
            ("title: !!binary aGVsbG8=\n", 8),
            ("title: !evil x\n", 8),
            ("title: x\nspeakers: !!python/object:os.system [a]\n", 11),
            ("title: !!int 4\n", 8),
        ] {
            let d = err(text);
            assert!(d.message.starts_with("the YAML tag `"), "{text}: {d}");
            let line = if text.contains("speakers") { 3 } else { 2 };
            assert_eq!(
                d.location.map(|l| (l.line, l.column)),
                Some((line, col)),
                "{text}: {d}"
            );
        }
        let ok: Doc = parse(
            "title: !!str Hello!\n",
            Path::new("a.md"),
            Origin::default(),
        )
        .expect("!!str");
        assert_eq!(ok.title, "Hello!");
    }

    #[test]
    fn the_parser_limits_read_as_sentences_with_help() {
        let many = format!("title: x\nspeakers: [{}]\n", vec!["a"; 300_000].join(","));
        let deep = format!(
            "title: x\nspeakers: {}{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        for text in [many, deep] {
            let d = err(&text);
            assert!(d.message.starts_with("the YAML is"), "{}", d.message);
            assert!(!d.message.contains('{'), "{}", d.message);
            assert!(d.help.is_some());
        }
    }

    #[test]
    fn tabs_are_reported_where_they_are() {
        let d = err("title: x\nspeakers:\n\t- a\n");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((4, 1)));
    }

    #[test]
    fn a_scalar_where_a_list_belongs_gets_a_hint() {
        let d = err("title: x\nspeakers: \"x\"\n");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((3, 11)));
        assert!(d.help.is_some());
    }
}
