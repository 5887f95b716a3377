//! YAML parsing with real positions: serde-saphyr errors turned into
//! diagnostics that name the file, the line and column in that file, and a fix.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{Location as YamlLocation, MessageFormatter, UserMessageFormatter};

use crate::diag::{Diagnostic, Location, nearest};

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
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let location = e.location().and_then(|l| origin.locate(l));
        let message = UserMessageFormatter
            .format_message(e.without_snippet())
            .into_owned();
        explain(Diagnostic::error(file, location, message))
    })
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

/// Adds a hint to the parser's most common messages.
fn explain(d: Diagnostic) -> Diagnostic {
    let msg = d.message.clone();
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
    if msg.contains("expected sequence start") {
        return d.with_help("this key takes a list: write `[a, b]`, or one `- item` per line");
    }
    if msg.contains("duplicate mapping key") {
        return d.with_help("each key may appear once: remove or merge the repeated one");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only the parse result matters here")]
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
