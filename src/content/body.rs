//! Limits on a session's Markdown body, checked as it is read so that a hostile
//! body is an error at its position rather than a build that never ends: the HTML
//! sanitiser (html5ever) spends time in proportion to the nesting depth for every
//! element, so a body of 100 000 nested `<div>`s would take minutes.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser};

use crate::diag::{Diagnostic, Location};

/// How session bodies are parsed, here and when they are rendered.
pub(crate) fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_GFM
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Deepest nesting of lists, quotes and HTML elements in a body that holds raw HTML
/// (a body without raw HTML is never sanitised, and nests as deep as it likes).
pub(crate) const MAX_NESTING: usize = 128;

/// Elements without an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// An error when the body (which starts at byte `start` of `text`) nests deeper than
/// [`MAX_NESTING`] and holds raw HTML.
pub(crate) fn check(text: &str, start: usize, file: &Path) -> Result<(), Diagnostic> {
    match too_deep_at(&text[start..]) {
        Some(at) => Err(too_deep(text, start + at, file)),
        None => Ok(()),
    }
}

/// Where a Markdown text that holds raw HTML first nests deeper than [`MAX_NESTING`].
pub(crate) fn too_deep_at(body: &str) -> Option<usize> {
    if !body.contains('<') {
        return None;
    }
    let mut markdown_depth: usize = 0;
    let mut html_depth: usize = 0;
    let mut raw = false;
    let mut deepest: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match &event {
            Event::Start(_) => markdown_depth += 1,
            Event::End(_) => markdown_depth = markdown_depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                raw = true;
                let (after, max) = tag_depth(html, html_depth);
                if deepest.is_none() && markdown_depth + max > MAX_NESTING {
                    deepest = Some(range.start);
                }
                html_depth = after;
            }
            _ => {}
        }
        if deepest.is_none() && markdown_depth + html_depth > MAX_NESTING {
            deepest = Some(range.start);
        }
    }
    deepest.filter(|_| raw)
}

/// The element depth after the tags of `html`, from `depth`, and the deepest on the way.
fn tag_depth(html: &str, mut depth: usize) -> (usize, usize) {
    let mut max = depth;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let self_closing = rest[..end].ends_with('/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    (depth, max)
}

/// Warnings for the character references in a body (which starts at byte `start` of
/// `text`) that stand for control characters (`&#1;`, `&#x7f;`): Markdown turns them
/// into the character, which the page then leaves out (see `content::controls`).
pub(crate) fn control_references(text: &str, start: usize, file: &Path) -> Vec<Diagnostic> {
    use super::controls::{is_control, location_of};
    let body = &text[start..];
    if !body.contains("&#") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        let hit = match &event {
            Event::Text(t) => t.chars().any(is_control),
            Event::Html(_) | Event::InlineHtml(_) => body[range.clone()]
                .match_indices("&#")
                .any(|(i, _)| reference_is_control(&body[range.start + i + 2..])),
            _ => false,
        };
        if hit && found.len() < 5 {
            found.push(
                Diagnostic::warning(
                    file,
                    Some(location_of(text, start + range.start)),
                    "a character reference to a control character removed",
                )
                .with_help("delete the reference: control characters are invisible and break HTML and XML readers"),
            );
        }
    }
    found
}

/// Whether the text after `&#` is a reference to a control character ("1;", "x7F;").
fn reference_is_control(after: &str) -> bool {
    let Some((digits, _)) = after.split_once(';') else {
        return false;
    };
    let number = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => digits.parse(),
    };
    number
        .ok()
        .and_then(char::from_u32)
        .is_some_and(super::controls::is_control)
}

fn too_deep(text: &str, offset: usize, file: &Path) -> Diagnostic {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let location = Location {
        line,
        column,
        offset: Some(offset),
    };
    Diagnostic::error(
        file,
        Some(location),
        format!(
            "the body nests lists, quotes and HTML elements more than {MAX_NESTING} levels deep"
        ),
    )
    .with_help(
        "close the elements that are left open, or flatten the nesting: no page needs it this deep",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_body(body: &str) -> Result<(), Diagnostic> {
        let text = format!("---\ntitle: x\n---\n{body}");
        check(&text, 17, Path::new("a.md"))
    }

    #[test]
    fn references_to_control_characters_are_warnings_where_they_are() {
        let text = "---\ntitle: x\n---\nok &#65; &#x41;\n\nbad &#1; `&#1;` <b>&#x7F;</b>\n";
        let start = text.find("ok").expect("body");
        let found = control_references(text, start, Path::new("s.md"));
        let at: Vec<(usize, usize)> = (found.iter())
            .map(|d| d.location.map(|l| (l.line, l.column)).expect("located"))
            .collect();
        // The code span shows the reference as text: nothing is removed there.
        assert_eq!(at, [(6, 5), (6, 20)]);
        assert!(control_references("&#65; &#x20;", 0, Path::new("s.md")).is_empty());
    }

    #[test]
    fn deep_raw_html_is_an_error_at_the_first_level_too_many() {
        let body = format!("Intro\n\n{}x{}", "<div>".repeat(200), "</div>".repeat(200));
        let d = check_body(&body).expect_err("too deep");
        assert_eq!(d.location.map(|l| l.line), Some(6), "{d}");
        assert!(d.help.is_some());
    }

    #[test]
    fn closed_void_and_shallow_html_pass() {
        let many = "<p>a<br><img src=x><b>b</b></p>\n".repeat(10_000);
        assert!(check_body(&many).is_ok());
        assert!(check_body(&format!("{}x", "<br/>".repeat(1000))).is_ok());
        // Deep Markdown without raw HTML is never sanitised: no limit.
        assert!(check_body(&format!("{} x < y", ">".repeat(500))).is_ok());
    }

    #[test]
    fn deep_markdown_with_some_raw_html_is_an_error() {
        let body = format!("<b>x</b>\n\n{} quote", ">".repeat(300));
        assert!(check_body(&body).is_err());
    }
}
