//! Printing to the terminal. Everything printed passes through [`safe`], so that
//! control characters in content or file names (an OSC 52 clipboard write, a
//! cleared screen, a carriage return that forges a diagnostic line, a bidi
//! override that reorders one) are shown as `\u{…}` escapes instead of acting on
//! the terminal, with or without colours. The `say!` and `tell!` macros are the
//! only ways the binary prints; clippy's print lints hold everything else to them.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every character that could act on a terminal escaped: C0 controls
/// but newline and tab, DEL, C1 controls, and the Unicode bidi embedding, override
/// and isolate controls.
pub(crate) fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether printing `c` raw could change what the terminal shows or does.
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Prints a line to stdout, made [`safe`].
macro_rules! say {
    ($($arg:tt)*) => {{
        #[allow(clippy::print_stdout, reason = "the one place that prints to stdout")]
        {
            println!("{}", $crate::cli::term::safe(&format!($($arg)*)));
        }
    }};
}

/// Prints a line to stderr, made [`safe`].
macro_rules! tell {
    ($($arg:tt)*) => {{
        #[allow(clippy::print_stderr, reason = "the one place that prints to stderr")]
        {
            eprintln!("{}", $crate::cli::term::safe(&format!($($arg)*)));
        }
    }};
}

pub(crate) use {say, tell};

/// Prints JSON to stdout. serde_json escapes C0 controls already; the characters
/// it leaves raw that could still act on a terminal (DEL, C1, bidi controls) can
/// only sit inside strings, where a `\uXXXX` escape keeps the JSON the same value.
pub(crate) fn say_json(json: &str) {
    let out = json_safe(json);
    #[allow(clippy::print_stdout, reason = "escaped by json_safe")]
    {
        println!("{out}");
    }
}

/// `json` with the characters [`say_json`] must not print raw as `\uXXXX` escapes.
fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints text that is already safe and may carry the report's own colours (the
/// source excerpt, whose source text was made safe before it was rendered).
pub(crate) fn tell_rendered(text: &str) {
    #[allow(clippy::print_stderr, reason = "rendered from safe text only")]
    {
        eprintln!("{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_plain_text_borrowed() {
        assert!(matches!(safe("Café, 北京\n\tok"), Cow::Borrowed(_)));
        assert_eq!(
            safe("a\u{1b}]52;c;SGVsbG8=\u{7}b"),
            "a\\u{1b}]52;c;SGVsbG8=\\u{7}b"
        );
        assert_eq!(
            safe("x\rsessions/a.md:1:1: error"),
            "x\\u{d}sessions/a.md:1:1: error"
        );
        assert_eq!(safe("\u{9b}2J \u{7f}"), "\\u{9b}2J \\u{7f}");
        assert_eq!(safe("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn json_keeps_its_value_with_bidi_controls_escaped() {
        let raw = serde_json::to_string(&"a\u{202e}b\u{1b}").expect("json");
        let out = json_safe(&raw);
        assert_eq!(out, "\"a\\u202eb\\u001b\"");
        let back: String = serde_json::from_str(&out).expect("still json");
        assert_eq!(back, "a\u{202e}b\u{1b}");
    }
}
