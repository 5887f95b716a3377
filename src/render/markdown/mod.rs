//! Markdown to HTML: pulldown-cmark with tables, footnotes, smart punctuation
//! and heading ids, plus syntect highlighting of fenced code as CSS classes.
//! Raw HTML is sanitised with ammonia unless the site opts out, and links with
//! script schemes are dropped. Pure: text in, HTML out, no templates and no I/O.

mod ids;

use std::sync::LazyLock;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

pub use ids::ThemeIds;

/// CSS classes of highlighted code are prefixed so they cannot clash with the theme's.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Loaded on the first fenced block with a language, then shared by all threads.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

fn parser_options() -> Options {
    crate::content::body::markdown_options()
}

/// Renders Markdown to HTML. Headings get ids (explicit `{#id}` or slugged text,
/// unique within the document); fenced code with a known language is highlighted.
/// Headings move down a level when the body uses `#`, so the page title stays the only `<h1>`.
/// Root-absolute links and images (`/sessions/x/`) get the site's base path (`/repo/`).
pub fn to_html(markdown: &str, options: &MarkdownOptions<'_>) -> String {
    // Session bodies are checked when read; a bio or an event description nested
    // past the limit is shown as text rather than fed to the sanitiser.
    if !options.unsafe_html && crate::content::body::too_deep_at(markdown).is_some() {
        return format!("<p>{}</p>", super::escape(markdown));
    }
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    let has_raw_html = events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let events = drop_script_links(events);
    let events = ids::footnotes_apart(ids::add_heading_ids(events, options.theme_ids));
    let events = match options.part {
        Some(prefix) => ids::prefixed(events, prefix),
        None => events,
    };
    let events = rebase_links(
        shift_headings(events, options.part.is_some()),
        options.base_path,
    );
    let events = highlight_code(events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    // Only raw HTML can smuggle scripts in: Markdown alone renders to safe HTML, so the
    // (comparatively slow) sanitiser runs only for bodies that contain some.
    if has_raw_html && !options.unsafe_html {
        out = options.theme_ids.sanitise(&out);
    }
    // A reference such as `&#1;` decodes to a control character, which HTML parsers
    // report and XML forbids; loading warned about it where it was written.
    match crate::content::controls::strip(&out) {
        std::borrow::Cow::Owned(clean) => clean,
        std::borrow::Cow::Borrowed(_) => out,
    }
}

/// The words of a Markdown text without markup, for search indexes: text and code,
/// a space at every block or line break, raw HTML left out.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// How one site renders Markdown.
#[derive(Clone, Copy, Debug)]
pub struct MarkdownOptions<'a> {
    /// The site's base path, prefixed to root-absolute links ("/repo/").
    pub base_path: &'a str,
    /// Keep raw HTML as written (`markdown: {unsafe_html: true}`).
    pub unsafe_html: bool,
    /// The ids of the theme's pages, which the body's ids must not take.
    pub theme_ids: &'a ThemeIds,
    /// Rendered as one part of a longer page (a session in its event's book), under a
    /// heading of its own: every id and `#fragment` link starts with this prefix, and
    /// headings go one level further down.
    pub part: Option<&'a str>,
}

/// Removes links whose target is a script (`[x](javascript:…)`); their text stays.
fn drop_script_links(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut dropped = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        match &e {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let bad = crate::url::is_script_url(dest_url);
                dropped.push(bad);
                if !bad {
                    out.push(e);
                }
            }
            Event::End(TagEnd::Link) => {
                if !dropped.pop().unwrap_or(false) {
                    out.push(e);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if crate::url::is_script_url(dest_url) => {}
            _ => out.push(e),
        }
    }
    out
}

/// Prefixes root-absolute link and image targets with the base path, so
/// `[x](/sessions/y/)` keeps working when the site lives under `/repo/`.
fn rebase_links<'a>(mut events: Vec<Event<'a>>, base_path: &str) -> Vec<Event<'a>> {
    if base_path == "/" {
        return events;
    }
    for e in &mut events {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = e {
            if let Some(rest) = dest_url.strip_prefix('/').filter(|r| !r.starts_with('/')) {
                *dest_url = CowStr::from(format!("{base_path}{rest}"));
            }
        }
    }
    events
}

/// The page title is the only `<h1>`: body headings start at `<h2>` (at `<h3>` in a
/// part of a longer page, `in_part`).
fn shift_headings(mut events: Vec<Event<'_>>, in_part: bool) -> Vec<Event<'_>> {
    let down = |l: HeadingLevel| match l {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    let has_h1 = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let steps = usize::from(has_h1) + usize::from(in_part);
    if steps > 0 {
        for e in &mut events {
            match e {
                Event::Start(Tag::Heading { level, .. }) | Event::End(TagEnd::Heading(level)) => {
                    for _ in 0..steps {
                        *level = down(*level);
                    }
                }
                _ => {}
            }
        }
    }
    events
}

fn highlight_code(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut code: Option<(String, String)> = None;
    for e in events {
        match e {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if !lang.trim().is_empty() =>
            {
                let lang = lang
                    .split([' ', ',', '{'])
                    .next()
                    .unwrap_or_default()
                    .to_string();
                code = Some((lang, String::new()));
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, buf)) = code.as_mut() {
                    buf.push_str(&t);
                }
            }
            // Wide tables scroll inside their own box on phones, and stay tables for screen readers.
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::from("<div class=\"table-wrap\">")));
                out.push(e);
            }
            Event::End(TagEnd::Table) => {
                out.push(e);
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::End(TagEnd::CodeBlock) if code.is_some() => {
                let (lang, text) = code.take().unwrap_or_default();
                out.push(Event::Html(CowStr::from(highlight(&lang, &text))));
            }
            other => out.push(other),
        }
    }
    out
}

/// One highlighted `<pre>`; unknown languages are escaped as plain code.
fn highlight(lang: &str, code: &str) -> String {
    let class = class_name(lang);
    let Some(syntax) = SYNTAXES.find_syntax_by_token(lang) else {
        return plain(&class, code);
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        // An error here means a broken grammar, not bad input; fall back to plain text.
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return plain(&class, code);
        }
    }
    format!(
        "<pre class=\"hl-code\"><code class=\"language-{class}\">{}</code></pre>\n",
        generator.finalize()
    )
}

fn plain(class: &str, code: &str) -> String {
    format!(
        "<pre><code class=\"language-{class}\">{}</code></pre>\n",
        super::escape(code)
    )
}

fn class_name(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '+')
        .collect()
}

/// The stylesheet for highlighted code: a light theme, and a dark one under
/// `prefers-color-scheme: dark`, each with its colours raised to WCAG AA
/// contrast (see `contrast`). The default theme ships its output as
/// `assets/syntax.css` (kept in sync by a test), so builds never load theme data.
pub fn syntax_css() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::css_for_theme_with_class_style;
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| {
                let readable = super::contrast::readable_theme(t.clone());
                css_for_theme_with_class_style(&readable, CLASS_STYLE).ok()
            })
            .unwrap_or_default()
    };
    format!(
        "/* Generated by proceedings::render::markdown::syntax_css(): InspiredGitHub, base16-ocean.dark, colours raised to WCAG AA contrast. */\n{}\n@media (prefers-color-scheme: dark) {{\n{}}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let text = plain_text("# Title\n\nSome *bold* `code` and <b>html</b>.\n\n- one\n- two");
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "Title", "Some", "bold", "code", "and", "html.", "one", "two"
            ]
        );
    }

    #[test]
    fn the_shipped_syntax_css_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/static/assets/syntax.css"
        );
        let expected = syntax_css();
        if std::env::var_os("UPDATE_SYNTAX_CSS").is_some() {
            std::fs::write(path, &expected).expect("write syntax.css");
        }
        let shipped = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            shipped == expected,
            "themes/default/static/assets/syntax.css is stale: rerun with UPDATE_SYNTAX_CSS=1"
        );
    }

    fn options(base_path: &str, unsafe_html: bool) -> MarkdownOptions<'_> {
        static IDS: LazyLock<ThemeIds> = LazyLock::new(|| {
            ThemeIds::from_templates(["<main id=\"main\">", "<p id=\"cite-{{ x }}\">"])
        });
        MarkdownOptions {
            base_path,
            unsafe_html,
            theme_ids: &IDS,
            part: None,
        }
    }

    fn to_html_test(md: &str) -> String {
        to_html(md, &options("/", false))
    }

    #[test]
    fn raw_html_is_sanitised_unless_the_site_opts_out() {
        let md = "Hi <script>alert(1)</script><b onclick=\"x()\">bold</b> <a href=\"javascript:alert(2)\">a</a>\n\n[md](javascript:alert(3)) [ok](https://e.org/)\n\n<div id=\"keep\" class=\"c\">x</div>\n";
        let safe = to_html_test(md);
        for bad in ["<script", "onclick", "javascript:"] {
            assert!(!safe.contains(bad), "{bad} in {safe}");
        }
        assert!(
            safe.contains("<b>bold</b>")
                && safe.contains("href=\"https://e.org/\"")
                && safe.contains("id=\"keep\""),
            "{safe}"
        );
        assert!(safe.contains("md"), "the text of a dropped link stays");
        let raw = to_html(md, &options("/", true));
        assert!(raw.contains("<script>alert(1)</script>"), "{raw}");
        assert!(
            !raw.contains("javascript:alert(3)"),
            "Markdown script links are dropped either way"
        );
    }

    #[test]
    fn root_absolute_links_get_the_base_path() {
        let html = to_html(
            "[a](/sessions/x/) [b](//cdn.example/x) [c](https://e.org/) [d](../y/) ![i](/img/p.png)",
            &options("/repo/", false),
        );
        assert!(html.contains("href=\"/repo/sessions/x/\""), "{html}");
        assert!(
            html.contains("href=\"//cdn.example/x\"") && html.contains("href=\"https://e.org/\""),
            "{html}"
        );
        assert!(
            html.contains("href=\"../y/\"") && html.contains("src=\"/repo/img/p.png\""),
            "{html}"
        );
    }

    #[test]
    fn tables_footnotes_and_smart_punctuation() {
        let html = to_html_test(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nSaid \"hi\" -- once.[^1]\n\n[^1]: A note.\n",
        );
        assert!(html.contains("<div class=\"table-wrap\"><table>"), "{html}");
        assert!(html.contains("“hi”") && html.contains("–"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn headings_get_unique_ids_and_start_at_h2() {
        let html = to_html_test("# Key issues\n\n## Key issues\n\n### Custom {#mine}\n");
        assert!(html.contains("<h2 id=\"key-issues\">"), "{html}");
        assert!(html.contains("<h3 id=\"key-issues-2\">"), "{html}");
        assert!(html.contains("<h4 id=\"mine\">"), "{html}");
    }

    #[test]
    fn fenced_code_is_highlighted_with_classes() {
        let html = to_html_test("```rust\nfn main() {}\n```\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        let plain = to_html_test("```nosuchlang\n<b>\n```\n");
        assert!(plain.contains("&lt;b&gt;"), "{plain}");
    }
}
