//! A saved web page as text. html5ever (already built for ammonia) parses it as a
//! browser would, implied and unclosed tags included; the walk keeps the page's
//! content and its block structure and drops the rest:
//!
//! - the content is `<main>` (or `role="main"`), else a lone `<article>`, else `<body>`;
//! - dropped: scripts, styles, forms, `<nav>`, `<aside>`, site `<header>`/`<footer>`
//!   (not those inside an article or section), hidden elements (`hidden`,
//!   `aria-hidden`, `display:none`), landmark roles other than main, and
//!   elements whose class or id names boilerplate (cookie banners, breadcrumbs,
//!   menus, share buttons);
//! - kept: headings and paragraphs as blocks, `<br>` as a line break, list items
//!   as "- " / "1. " (an `<ol>`'s `start` and `value` respected), table rows as
//!   "a | b" lines (paragraphs inside a cell joined by "; "), image `alt` text.
//!
//! The charset comes from a byte-order mark, else a `<meta charset>` in the first
//! kilobyte (decoded with encoding_rs), else UTF-8 with the Windows-1252 fallback
//! of plain text.

use std::rc::Rc;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::blocks::Blocks;
use super::{Document, Format, InputError};

/// Below this depth nesting is read as flat text: the walk recurses, and a page of
/// ten thousand nested `<div>`s must not overflow the stack.
const MAX_DEPTH: usize = 200;

/// Whether text content starts like an HTML document.
pub(super) fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        let skip = if rest.starts_with(b"<?") {
            find(rest, b"?>").map(|i| i + 2)
        } else if rest.starts_with(b"<!--") {
            find(rest, b"-->").map(|i| i + 3)
        } else {
            break;
        };
        match skip {
            Some(i) => rest = &rest[i..],
            None => return false,
        }
    }
    let head: Vec<u8> = rest.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads a page: decode, parse, walk the content.
pub(super) fn read(bytes: &[u8]) -> Result<Document, InputError> {
    let (text, encoding) = decode(bytes);
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(text.as_str());
    let root = content_root(&dom.document).unwrap_or_else(|| dom.document.clone());
    let mut out = Blocks::new();
    Walk::default().node(&root, &mut out, 0);
    let text = out.finish();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Document {
        text,
        format: Format::Html,
        encoding,
    })
}

/// The page's text and the encoding it was read in, when not UTF-8.
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (
            text.into_owned(),
            (enc != encoding_rs::UTF_8).then(|| enc.name()),
        );
    }
    if std::str::from_utf8(bytes).is_err() {
        if let Some(enc) = declared_charset(bytes).filter(|e| *e != encoding_rs::UTF_8) {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return (text.into_owned(), Some(enc.name()));
        }
    }
    // Valid UTF-8 is read as UTF-8 whatever the page declares: a page that is
    // valid UTF-8 and really in another encoding is all but unheard of.
    super::super::clean::decode(bytes)
}

/// The encoding a `<meta charset=…>` or `content="…; charset=…"` names in the first kilobyte.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = find(&head, b"charset=")? + b"charset=".len();
    let label: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'' || b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// `<main>` or `role="main"`, else the one `<article>`; `None` means the whole document.
fn content_root(document: &Handle) -> Option<Handle> {
    let mut articles = Vec::new();
    let mut stack = vec![document.clone()];
    while let Some(node) = stack.pop() {
        if let Some(name) = element_name(&node) {
            if name == "main" || attr(&node, "role").as_deref() == Some("main") {
                return Some(node);
            }
            if name == "article" {
                articles.push(node.clone());
            }
            if is_dropped(&node, name, true) {
                continue;
            }
        }
        // Reversed so that the first child is visited first.
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    (articles.len() == 1).then(|| articles.remove(0))
}

fn element_name(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

fn attr(node: &Handle, key: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == key)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// Elements that never hold the page's content.
const NEVER_CONTENT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "input", "label", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu",
    "video", "audio", "map",
];

/// Landmark roles that are not content.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Class or id words that mark boilerplate, matched against the parts of a
/// token split at `-` and `_` ("cookie-banner", "site_footer"): these as the start
/// of a part ("cookiebanner", "breadcrumbs")…
const BOILERPLATE_PREFIXES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "newsletter",
    "navbar",
    "navigation",
    "skiplink",
    "masthead",
];

/// …these only as a whole part, since they start ordinary words ("shared", "modality")…
const BOILERPLATE_PARTS: &[&str] = &[
    "nav", "menu", "menubar", "share", "sharing", "social", "footer", "modal", "popup",
];

/// …and these phrases anywhere in the token.
const BOILERPLATE_PHRASES: &[&str] = &[
    "skip-link",
    "skip-to",
    "site-header",
    "sr-only",
    "visually-hidden",
    "screen-reader",
];

fn is_boilerplate_token(token: &str) -> bool {
    BOILERPLATE_PHRASES.iter().any(|p| token.contains(p))
        || token.split(['-', '_']).any(|part| {
            BOILERPLATE_PARTS.contains(&part)
                || BOILERPLATE_PREFIXES.iter().any(|w| part.starts_with(w))
        })
}

/// Whether an element and everything in it is left out. `top` is true outside
/// any article or section, where `<header>` and `<footer>` belong to the site.
fn is_dropped(node: &Handle, name: &str, top: bool) -> bool {
    if NEVER_CONTENT.contains(&name) || (top && matches!(name, "header" | "footer")) {
        return true;
    }
    if attr(node, "hidden").is_some() || attr(node, "aria-hidden").as_deref() == Some("true") {
        return true;
    }
    if let Some(style) = attr(node, "style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if attr(node, "role").is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim())) {
        return true;
    }
    let names = format!(
        "{} {}",
        attr(node, "class").unwrap_or_default(),
        attr(node, "id").unwrap_or_default()
    )
    .to_lowercase();
    names.split_whitespace().any(is_boilerplate_token)
}

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "hr",
    "details",
    "summary",
    "center",
    "caption",
    "fieldset",
    "legend",
    "body",
    "html",
];

/// Where the walk is.
#[derive(Clone, Copy, Default)]
struct Walk {
    /// Inside an article, section or main: `<header>`/`<footer>` are the article's.
    in_section: bool,
    /// Inside `<pre>`: line ends are kept.
    in_pre: bool,
}

impl Walk {
    fn node(self, node: &Handle, out: &mut Blocks, depth: usize) {
        if depth > MAX_DEPTH {
            flat_text(node, out);
            return;
        }
        match &node.data {
            NodeData::Text { contents } => {
                let text = contents.borrow();
                if self.in_pre {
                    for (i, line) in text.split('\n').enumerate() {
                        if i > 0 {
                            out.line_break();
                        }
                        out.text(line);
                    }
                } else {
                    out.text(&text);
                }
            }
            NodeData::Document => self.children(node, out, depth),
            NodeData::Element { .. } => self.element(node, out, depth),
            _ => {}
        }
    }

    fn children(self, node: &Handle, out: &mut Blocks, depth: usize) {
        for child in node.children.borrow().iter() {
            self.node(child, out, depth + 1);
        }
    }

    fn element(mut self, node: &Handle, out: &mut Blocks, depth: usize) {
        let Some(name) = element_name(node) else {
            return;
        };
        // The content root itself is never dropped (a `<main class="page-menu">` is still main).
        if depth > 0 && is_dropped(node, name, !self.in_section) {
            return;
        }
        match name {
            "br" => out.line_break(),
            "img" => {
                if let Some(alt) = attr(node, "alt") {
                    out.space();
                    out.text(&alt);
                    out.space();
                }
            }
            "td" | "th" => {
                // A cell outside a row (broken markup): its text as a block.
                out.end_block();
                self.children(node, out, depth);
                out.end_block();
            }
            "li" => {
                out.start_item(item_number(node));
                self.children(node, out, depth);
                out.end_block();
            }
            "table" => self.table(node, out, depth),
            _ => {
                let block = BLOCKS.contains(&name);
                if matches!(name, "article" | "section" | "main") {
                    self.in_section = true;
                }
                if name == "pre" {
                    self.in_pre = true;
                }
                if block {
                    out.end_block();
                }
                self.children(node, out, depth);
                if block {
                    out.end_block();
                }
            }
        }
    }

    /// Rows as "a | b" lines; a table used for page layout (a cell holding a table or
    /// several blocks) is read as the blocks of its cells instead.
    fn table(self, node: &Handle, out: &mut Blocks, depth: usize) {
        out.end_block();
        let mut rows: Vec<Vec<Blocks>> = Vec::new();
        let mut layout = false;
        for row in descendants_named(node, "tr") {
            let mut cells = Vec::new();
            for cell in row.children.borrow().iter() {
                if matches!(element_name(cell), Some("td" | "th")) {
                    let mut b = Blocks::new();
                    self.children(cell, &mut b, depth + 1);
                    layout |= b.block_count() > 3 || !descendants_named(cell, "table").is_empty();
                    cells.push(b);
                }
            }
            rows.push(cells);
        }
        for cells in rows {
            if layout {
                for cell in cells {
                    out.append(cell);
                }
            } else {
                let texts: Vec<String> = cells.into_iter().map(Blocks::into_cell).collect();
                out.row(&texts);
            }
        }
    }
}

/// An `<li>`'s number inside an `<ol>` (its `value`, else the list's `start` plus
/// its place); `None` in a `<ul>` or anywhere else.
fn item_number(li: &Handle) -> Option<u32> {
    if let Some(v) = attr(li, "value").and_then(|v| v.trim().parse().ok()) {
        return Some(v);
    }
    let parent = li.parent.take();
    li.parent.set(parent.clone());
    let list = parent.and_then(|p| p.upgrade())?;
    if element_name(&list) != Some("ol") {
        return None;
    }
    let start: u32 = attr(&list, "start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    let before = list
        .children
        .borrow()
        .iter()
        .take_while(|c| !Rc::ptr_eq(c, li))
        .filter(|c| element_name(c) == Some("li"))
        .count();
    Some(start.saturating_add(u32::try_from(before).unwrap_or(u32::MAX)))
}

/// The elements named `name` inside `node`, in document order, not looking inside
/// nested tables (their rows are theirs).
fn descendants_named(node: &Handle, name: &str) -> Vec<Handle> {
    let mut found = Vec::new();
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(n) = stack.pop() {
        let el = element_name(&n);
        if el == Some(name) {
            found.push(n.clone());
            continue;
        }
        if el == Some("table") {
            continue;
        }
        stack.extend(n.children.borrow().iter().rev().cloned());
    }
    found
}

/// All text under `node` as running text, without recursion.
fn flat_text(node: &Handle, out: &mut Blocks) {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => out.text(&contents.borrow()),
            NodeData::Element { .. } => {
                if element_name(&n).is_some_and(|name| is_dropped(&n, name, false)) {
                    continue;
                }
                out.space();
                stack.extend(n.children.borrow().iter().rev().cloned());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
