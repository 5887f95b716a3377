//! The ids a body may use. A session page holds the theme's ids (`main`, the skip
//! link's target; `cite-…`, the copy buttons' targets) and the body's (headings,
//! footnotes, raw HTML): they must never meet, or the skip link and the buttons
//! jump to the body. The theme's ids are read from its templates, so a theme of a
//! site's own is covered too.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use rustc_hash::FxHashMap;

use crate::url::Slug;

/// The ids of a theme's templates: exact ones (`id="main"`) and the fixed starts
/// of computed ones (`id="cite-{{ kind }}"` reserves `cite-`).
#[derive(Debug, Default)]
pub struct ThemeIds {
    taken: Arc<Taken>,
    /// Built on the first body with raw HTML.
    sanitiser: OnceLock<ammonia::Builder<'static>>,
}

#[derive(Debug, Default)]
struct Taken {
    exact: HashSet<String>,
    prefixes: Vec<String>,
}

impl Taken {
    fn contains(&self, id: &str) -> bool {
        self.exact.contains(id) || self.prefixes.iter().any(|p| id.starts_with(p.as_str()))
    }
}

/// What a raw-HTML id that the theme uses becomes: kept, but out of the way.
const RAW_PREFIX: &str = "user-";

/// What footnote labels become: `[^main]` must not make `id="main"`.
const FOOTNOTE_PREFIX: &str = "fn-";

impl ThemeIds {
    /// The ids written in `templates` (`id="…"` or `id='…'`).
    pub fn from_templates<'a>(templates: impl IntoIterator<Item = &'a str>) -> ThemeIds {
        let mut taken = Taken::default();
        for text in templates {
            let mut rest = text;
            while let Some(at) = rest.find("id=") {
                rest = &rest[at + 3..];
                let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let value = &rest[1..];
                let end = value.find(quote).unwrap_or(value.len());
                let id = &value[..end];
                match id.find("{{").or_else(|| id.find("{%")) {
                    Some(0) => {}
                    Some(cut) => taken.prefixes.push(id[..cut].to_string()),
                    None if !id.is_empty() => {
                        taken.exact.insert(id.to_string());
                    }
                    None => {}
                }
                rest = &value[end..];
            }
        }
        taken.prefixes.sort();
        taken.prefixes.dedup();
        ThemeIds {
            taken: Arc::new(taken),
            sanitiser: OnceLock::new(),
        }
    }

    /// No ids at all: for views that never render Markdown (the search index and the
    /// data exports, made off the reload path without the theme).
    pub fn none() -> &'static ThemeIds {
        static NONE: std::sync::LazyLock<ThemeIds> = std::sync::LazyLock::new(ThemeIds::default);
        &NONE
    }

    /// Whether the theme uses `id` (or ids that start like it).
    pub fn is_taken(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// Sanitises rendered HTML: ammonia's safe defaults, plus the ids and classes our
    /// own renderer writes; a raw-HTML id the theme uses gets a prefix.
    pub(super) fn sanitise(&self, html: &str) -> String {
        let sanitiser = self.sanitiser.get_or_init(|| {
            let taken = Arc::clone(&self.taken);
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["id", "class"])
                .link_rel(None)
                .attribute_filter(move |_, attribute, value| {
                    if attribute == "id" && taken.contains(value) {
                        Some(format!("{RAW_PREFIX}{value}").into())
                    } else {
                        Some(value.into())
                    }
                });
            b
        });
        sanitiser.clean(html).to_string()
    }
}

/// Gives every heading an id: its `{#id}` or the slug of its text, made unique in
/// the body and kept clear of the theme's ids. Linear: each base remembers the
/// next number to try.
pub(super) fn add_heading_ids<'a>(mut events: Vec<Event<'a>>, theme: &ThemeIds) -> Vec<Event<'a>> {
    let mut used: HashSet<String> = HashSet::new();
    let mut next: FxHashMap<String, usize> = FxHashMap::default();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| {
                Slug::from_text(&text).map_or_else(|| "section".to_string(), |s| s.to_string())
            });
            let id = unique_id(base, theme, &mut used, &mut next);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = id.map(CowStr::from);
            }
            i = j;
        }
        i += 1;
    }
    events
}

/// Most numbers tried for one base before the heading goes without an id (only a
/// theme that reserves the start of every candidate gets there).
const MAX_TRIES: usize = 10_000;

/// `base`, or `base-2`, `base-3`, … : the first id neither the body nor the theme
/// has. A base the theme reserves by its start (`cite-` of `cite-{{ kind }}`) takes
/// an `h-` first, since numbering it would never leave the reserved range.
fn unique_id(
    base: String,
    theme: &ThemeIds,
    used: &mut HashSet<String>,
    next: &mut FxHashMap<String, usize>,
) -> Option<String> {
    let base = if theme
        .taken
        .prefixes
        .iter()
        .any(|p| base.starts_with(p.as_str()))
    {
        format!("h-{base}")
    } else {
        base
    };
    let free = |c: &str, used: &HashSet<String>| !used.contains(c) && !theme.is_taken(c);
    let mut candidate = base.clone();
    if !free(&candidate, used) {
        let n = next.entry(base.clone()).or_insert(2);
        let mut tries = 0;
        loop {
            candidate = format!("{base}-{n}");
            *n += 1;
            tries += 1;
            if free(&candidate, used) {
                break;
            }
            if tries >= MAX_TRIES {
                return None;
            }
        }
    }
    used.insert(candidate.clone());
    Some(candidate)
}

/// Puts footnote labels in a namespace of their own, so `[^main]` makes
/// `id="fn-main"`, never an id of the theme's or a heading's.
pub(super) fn footnotes_apart(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    for e in &mut events {
        match e {
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = CowStr::from(format!("{FOOTNOTE_PREFIX}{label}"));
            }
            _ => {}
        }
    }
    events
}

/// Puts every id of a body, and every link to one, under `prefix`: the body is one
/// of several on a page (the sessions of a book), whose ids must not meet.
pub(super) fn prefixed<'a>(mut events: Vec<Event<'a>>, prefix: &str) -> Vec<Event<'a>> {
    for e in &mut events {
        match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                *id = CowStr::from(format!("{prefix}{id}"));
            }
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = CowStr::from(format!("{prefix}{label}"));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(fragment) = dest_url.strip_prefix('#').filter(|f| !f.is_empty()) {
                    *dest_url = CowStr::from(format!("#{prefix}{fragment}"));
                }
            }
            // `<a id="note">`, `<a href="#note">` written as HTML in the body.
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(moved) = prefix_raw(html, prefix) {
                    *html = CowStr::from(moved);
                }
            }
            _ => {}
        }
    }
    events
}

/// `html` with its `id="…"` values and `href="#…"` fragments under `prefix`; `None`
/// when it has neither.
fn prefix_raw(html: &str, prefix: &str) -> Option<String> {
    // ASCII lower case keeps every byte where it was: positions carry over.
    let lower = html.to_ascii_lowercase();
    let mut cuts: Vec<usize> = Vec::new();
    for attr in ["id=\"", "id='", "href=\"#", "href='#"] {
        for (at, _) in lower.match_indices(attr) {
            // A whole attribute name: "data-id=" or "valid=" is something else.
            let whole = lower[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_whitespace());
            let value = at + attr.len();
            if whole && !html[value..].starts_with(prefix) {
                cuts.push(value);
            }
        }
    }
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_unstable();
    let mut out = String::with_capacity(html.len() + cuts.len() * prefix.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&html[from..cut]);
        out.push_str(prefix);
        from = cut;
    }
    out.push_str(&html[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::{MarkdownOptions, to_html};
    use super::*;

    fn ids() -> ThemeIds {
        ThemeIds::from_templates([
            "<a href=\"#main\">skip</a><main id=\"main\">",
            "<pre id='cite-{{ kind }}'></pre><h2 id=\"{{ g.id }}\">",
        ])
    }

    fn html(md: &str) -> String {
        let theme_ids = ids();
        let options = MarkdownOptions {
            base_path: "/",
            unsafe_html: false,
            theme_ids: &theme_ids,
            part: None,
        };
        to_html(md, &options)
    }

    #[test]
    fn a_part_of_a_longer_page_has_its_ids_and_fragment_links_under_its_prefix() {
        let theme_ids = ids();
        let options = MarkdownOptions {
            base_path: "/",
            unsafe_html: false,
            theme_ids: &theme_ids,
            part: Some("s--a--"),
        };
        let out = to_html(
            "## Aims\n\nSee [aims](#aims) and [elsewhere](/x/#aims).[^1]\n\n[^1]: Note.\n",
            &options,
        );
        assert!(out.contains("<h3 id=\"s--a--aims\">"), "{out}");
        assert!(out.contains("href=\"#s--a--aims\""), "{out}");
        assert!(out.contains("href=\"/x/#aims\""), "{out}");
        assert!(
            out.contains("id=\"s--a--fn-1\"") && out.contains("href=\"#s--a--fn-1\""),
            "{out}"
        );
        // A body with its own `#` title goes down two levels: below the part's heading.
        let out = to_html("# Title\n\n## Sub\n", &options);
        assert!(
            out.contains("<h3 id=\"s--a--title\">") && out.contains("<h4 "),
            "{out}"
        );
        // Ids and fragment links written as HTML go under the prefix too.
        let out = to_html(
            "<a id=\"note\"></a> See <a href=\"#note\">the note</a>, <span data-id=\"x\">x</span>.\n",
            &options,
        );
        assert!(
            out.contains("id=\"s--a--note\"") && out.contains("href=\"#s--a--note\""),
            "{out}"
        );
        assert!(!out.contains("s--a--x"), "{out}");
    }

    #[test]
    fn the_themes_ids_are_read_from_its_templates() {
        let ids = ids();
        assert!(ids.is_taken("main") && ids.is_taken("cite-text"));
        assert!(!ids.is_taken("mainly") && !ids.is_taken("letter-a"));
    }

    #[test]
    fn headings_footnotes_and_raw_html_never_take_the_themes_ids() {
        let out = html(
            "# Main\n\n## Cite {#cite-text}\n\nA note.[^main]\n\n[^main]: Text.\n\n<div id=\"main\">raw</div>\n",
        );
        assert!(out.contains("<h2 id=\"main-2\">"), "{out}");
        assert!(out.contains("<h3 id=\"h-cite-text\">"), "{out}");
        assert!(
            out.contains("id=\"fn-main\"") && out.contains("href=\"#fn-main\""),
            "{out}"
        );
        assert!(out.contains("<div id=\"user-main\">"), "{out}");
        assert!(!out.contains("id=\"main\""), "{out}");
    }

    #[test]
    fn a_theme_that_reserves_every_start_leaves_headings_without_ids() {
        let greedy = ThemeIds::from_templates(["<p id=\"h{{ x }}\"><p id=\"s{{ x }}\">"]);
        let events: Vec<Event<'_>> = pulldown_cmark::Parser::new("## Same\n").collect();
        let out = add_heading_ids(events, &greedy);
        assert!(
            out.iter()
                .any(|e| matches!(e, Event::Start(Tag::Heading { id: None, .. })))
        );
    }

    #[test]
    fn many_headings_with_one_title_are_numbered_in_linear_time() {
        let md = "## Same\n\n".repeat(20_000);
        let out = html(&md);
        assert!(out.contains("id=\"same-20000\""));
    }
}
