//! The *render* stage: (site, index, theme) -> every output file, handed to a
//! [`Sink`] as soon as it is rendered (the write stage's staging folder), so a
//! large site is never held in memory. No reads; the sink does all writing.

pub(crate) mod bidi;
pub mod book;
mod calendar;
pub mod cite;
mod contrast;
pub mod data;
mod feeds;
pub mod jsonld;
pub mod markdown;
pub mod organizations;
pub(crate) mod pages;
pub mod programme;
mod redirects;
pub mod search;
pub mod theme;
pub mod views;

use std::collections::HashSet;

use rayon::prelude::*;

use crate::error::BuildError;
use crate::index::Index;
use crate::model::{SessionId, Site};
use crate::write::Sink;
pub use markdown::ThemeIds;
pub use pages::{Fingerprint, ListKey, PageSet, Selection, SpeakerPages, fingerprint};
pub(crate) use pages::{SPEAKERS_ON_ONE_PAGE, render as pages, session_cards, session_pages};
pub(crate) use redirects::pages as redirect_pages;
pub use theme::Theme;
use views::Views;

/// One generated file that is not a page (feeds, sitemap, robots.txt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators ("sessions/x/index.html").
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Renders every page, feed and meta file of the site into `sink`, as each is ready.
pub fn site(
    site: &Site,
    index: &Index,
    theme: &Theme,
    progress: &dyn crate::Progress,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let views = Views {
        site,
        index,
        theme_ids: &theme.ids,
    };
    let all: Vec<SessionId> = (0..site.sessions.len())
        .map(SessionId::from_index)
        .collect();
    // Two branches that both threads share: the pages (cards first), and the files
    // that do not need the list of pages (the search index, mostly one thread's
    // work, the exports, citations, feeds and calendars). What lists the pages
    // (the sitemap, redirects that must not hide one) comes after.
    let (page_paths, rest) = rayon::join(
        || {
            let cards = pages::session_cards(&views, theme, &all)?;
            pages::render(&views, theme, &cards, None, progress, sink)
        },
        || {
            derived(&views, sink)?;
            cite_files(&views, &all, sink)?;
            feeds_and_calendars(&views, None, sink)
        },
    );
    let page_paths = page_paths?;
    rest?;
    for o in redirects::pages(site, &page_paths)? {
        sink.put(&o.path, &o.bytes)?;
    }
    for o in site_files(&views, &page_paths, None) {
        sink.put(&o.path, &o.bytes)?;
    }
    Ok(())
}

/// The files that list the whole site but are cheap to make: feeds, robots.txt,
/// calendars, the sitemap (of `page_paths`), `.nojekyll` and the marker that tells
/// later builds the folder is theirs to replace.
pub(crate) fn meta(views: &Views<'_>, page_paths: &[String]) -> Result<Vec<Output>, BuildError> {
    meta_of(views, page_paths, None)
}

/// Which of the [`meta`] files a live rebuild makes again.
pub(crate) struct MetaSelection<'a> {
    /// Folders of the pages whose feeds and calendars to make ("" for the site feed).
    pub dirs: &'a HashSet<String>,
    /// Whether to make the sitemap (the set of pages changed).
    pub sitemap: bool,
    /// The people among whom the speakers of `dirs` are: those of the lists that
    /// changed, so that tens of thousands of others are not asked about.
    pub people: &'a [crate::model::PersonId],
}

/// The feeds, calendars and sitemap of `only` (all when `None`); when all, also
/// robots.txt, `.nojekyll` and the output marker.
pub(crate) fn meta_of(
    views: &Views<'_>,
    page_paths: &[String],
    only: Option<&MetaSelection<'_>>,
) -> Result<Vec<Output>, BuildError> {
    let files = crate::write::Memory::default();
    feeds_and_calendars(views, only, &files)?;
    let mut meta: Vec<Output> = (files.into_files().into_iter())
        .map(|(path, bytes)| Output { path, bytes })
        .collect();
    meta.extend(site_files(views, page_paths, only));
    Ok(meta)
}

/// The feeds and calendars of `only` (all when `None`), made in parallel.
fn feeds_and_calendars(
    views: &Views<'_>,
    only: Option<&MetaSelection<'_>>,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let site = views.site;
    let wanted = |dir: &str| only.is_none_or(|o| o.dirs.contains(dir));
    let mut rank = vec![0u32; site.sessions.len()];
    for (r, id) in views.index.chronological.iter().enumerate() {
        rank[id.index()] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    let people = only.map(|o| o.people);
    let feeds: Vec<feeds::Feed<'_>> = feeds::all(views, &wanted, people);
    feeds.par_iter().try_for_each(|f| {
        let o = feeds::atom(views, f, &rank);
        sink.put(&o.path, &o.bytes)
    })?;
    for o in calendar::all(views, &wanted) {
        sink.put(&o.path, &o.bytes)?;
    }
    Ok(())
}

/// The files about the site as a whole: the sitemap of `page_paths` (when `only` asks
/// for it) and, in a full build, robots.txt, `.nojekyll` and the output marker.
fn site_files(
    views: &Views<'_>,
    page_paths: &[String],
    only: Option<&MetaSelection<'_>>,
) -> Vec<Output> {
    let site = views.site;
    let mut files = Vec::new();
    // Sitemaps need absolute URLs: without a host there is none to give.
    if site.base.has_origin() && only.is_none_or(|o| o.sitemap) {
        let listed: Vec<&str> = page_paths
            .iter()
            .map(String::as_str)
            .filter(|p| *p != "404.html")
            .collect();
        files.extend(feeds::sitemaps(site, &listed));
    }
    if only.is_none() {
        files.push(feeds::robots(site));
        files.push(Output {
            path: ".nojekyll".into(),
            bytes: Vec::new(),
        });
        files.push(Output {
            path: crate::write::MARKER.into(),
            bytes: crate::write::MARKER_TEXT.as_bytes().to_vec(),
        });
    }
    files
}

/// The files every session's text goes into, slow to make for a large site: the
/// search index and the data exports.
pub(crate) fn derived(views: &Views<'_>, sink: &dyn Sink) -> Result<(), BuildError> {
    search::index(views, sink)?;
    data::exports(views, sink)
}

/// The theme's assets and the resized speaker photos, then the site's `static/`
/// files (which win over generated files of the same path: a custom robots.txt, a
/// CNAME).
pub(crate) fn assets(
    paths: &crate::content::SitePaths,
    theme: &Theme,
    photos: &crate::photos::Photos,
) -> Result<Vec<Output>, BuildError> {
    let mut files: Vec<Output> = theme
        .assets
        .iter()
        .map(|(p, b)| Output {
            path: p.to_string_lossy().replace('\\', "/"),
            bytes: b.to_vec(),
        })
        .collect();
    files.extend(photos.files().map(|(path, bytes)| Output {
        path: path.to_string(),
        bytes: bytes.to_vec(),
    }));
    for (p, b) in theme::read_files(paths, &paths.static_files, theme::Hidden::Keep)? {
        files.push(Output {
            path: p.to_string_lossy().replace('\\', "/"),
            bytes: b,
        });
    }
    Ok(files)
}

/// The files beside each page of `ids`: its citation (`cite.bib`, `cite.json`) and,
/// for a dated session, its calendar entry (`session.ics`).
pub(crate) fn cite_files(
    views: &Views<'_>,
    ids: &[SessionId],
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    ids.par_iter().try_for_each(|id| {
        let s = &views.site.sessions[id.index()];
        (cite::files(views, s).iter())
            .chain(&calendar::session_calendar(views, s))
            .try_for_each(|o| sink.put(&o.path, &o.bytes))
    })
}

/// Escapes text for HTML and XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`. Runs of characters that need no escaping are
/// copied at once: most text has none.
pub fn escape_into(out: &mut String, text: &str) {
    // Bytes that may start something to replace or drop (0xEF starts U+FFFE and U+FFFF).
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0xEF) || b < 0x20;
    if !text.bytes().any(special) {
        out.push_str(text);
        return;
    }
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            // Characters XML 1.0 forbids (C0 controls but tab, newline and return;
            // U+FFFE, U+FFFF): text pasted from office software carries some, and a
            // single one makes a feed unreadable. They are dropped.
            c if (c.is_control() && !matches!(c, '\t' | '\n' | '\r') && (c as u32) < 0x20)
                || c == '\u{FFFE}'
                || c == '\u{FFFF}' =>
            {
                ""
            }
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        plain = i + c.len_utf8();
    }
    out.push_str(&text[plain..]);
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_replaces_specials_drops_forbidden_characters_and_keeps_the_rest() {
        assert_eq!(
            escape("Ana & \"Bo\" <x> 'y'"),
            "Ana &amp; &quot;Bo&quot; &lt;x&gt; &#39;y&#39;"
        );
        assert_eq!(escape("Hùng\u{1}\u{FFFE}\tNăm\u{FFFF}"), "Hùng\tNăm");
        assert_eq!(escape("plain text"), "plain text");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape(""), "");
    }
}
