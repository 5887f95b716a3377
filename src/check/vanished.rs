//! URLs of the previous build that the next one would lose: read from the sitemap
//! the previous build left in its output folder, compared with every file the new
//! build makes (pages and redirects alike).

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use crate::error::BuildError;
use crate::routes;
use crate::url::BaseUrl;
use crate::write::Sink;

/// A sink that passes files on and remembers their paths.
pub(super) struct Recorder<'a> {
    inner: &'a dyn Sink,
    paths: Mutex<HashSet<String>>,
}

impl<'a> Recorder<'a> {
    pub(super) fn new(inner: &'a dyn Sink) -> Self {
        Recorder {
            inner,
            paths: Mutex::default(),
        }
    }

    pub(super) fn into_paths(self) -> HashSet<String> {
        self.paths
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for Recorder<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError> {
        self.paths
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string());
        self.inner.put(path, bytes)
    }
}

/// What became of the previous build's URLs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Vanished {
    /// The previous build's URLs that nothing in the new build answers, in sitemap order.
    pub urls: Vec<String>,
    /// Set when the previous sitemap lists URLs of another base URL (the site moved):
    /// then each of its URLs is gone, and listing them says nothing more.
    pub moved_from: Option<String>,
}

/// The URLs listed in `previous`'s sitemap (and the parts of its sitemap index) that
/// the files `made` do not answer. No sitemap (a first build, or a build without a
/// host in its base URL) means nothing to compare with.
pub(super) fn vanished(previous: &Path, base: &BaseUrl, made: &HashSet<String>) -> Vanished {
    let Some(urls) = previous_urls(previous) else {
        return Vanished::default();
    };
    let root = base.absolute("");
    let mut out = Vanished::default();
    for url in urls {
        let Some(path) = url.strip_prefix(&root) else {
            out.moved_from.get_or_insert(url);
            continue;
        };
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}{}", routes::INDEX)
        } else {
            path.to_string()
        };
        if !made.contains(&file) {
            out.urls.push(url);
        }
    }
    if out.moved_from.is_some() {
        out.urls.clear();
    }
    out
}

/// Every `<loc>` of the sitemap in `dir`, through its index when it is one; `None`
/// without a readable sitemap.
fn previous_urls(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(routes::SITEMAP)).ok()?;
    let locs = locs(&text);
    if !text.contains("<sitemapindex") {
        return Some(locs);
    }
    let mut urls = Vec::new();
    for part in locs {
        // Only the build's own parts, read from beside the index: never a path the
        // index names elsewhere.
        let name = part.rsplit('/').next().unwrap_or_default();
        if routes::is_sitemap_part(name)
            && let Ok(t) = std::fs::read_to_string(dir.join(name))
        {
            urls.extend(self::locs(&t));
        }
    }
    Some(urls)
}

/// The text of each `<loc>` element, with XML's predefined entities decoded.
fn locs(xml: &str) -> Vec<String> {
    xml.split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>"))
        .map(|(loc, _)| {
            loc.trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(paths: &[&str]) -> HashSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    fn sitemap(dir: &Path, name: &str, tag: &str, locs: &[&str]) {
        let body: String = locs
            .iter()
            .map(|l| format!("<url><loc>{l}</loc></url>\n"))
            .collect();
        let xml = format!("<?xml version=\"1.0\"?>\n<{tag}>\n{body}</{tag}>\n");
        std::fs::write(dir.join(name), xml).expect("write");
    }

    #[test]
    fn urls_nothing_answers_any_more_are_listed_in_sitemap_order() {
        let dir = tempfile::tempdir().expect("tmp");
        let base = BaseUrl::parse("https://example.org/pr/").expect("base");
        sitemap(
            dir.path(),
            "sitemap.xml",
            "urlset",
            &[
                "https://example.org/pr/",
                "https://example.org/pr/sessions/old/",
                "https://example.org/pr/sessions/kept/",
                "https://example.org/pr/speakers/a&amp;b/",
            ],
        );
        let now = made(&["index.html", "sessions/kept/index.html"]);
        let v = vanished(dir.path(), &base, &now);
        assert_eq!(
            v.urls,
            [
                "https://example.org/pr/sessions/old/",
                "https://example.org/pr/speakers/a&b/"
            ]
        );
        assert_eq!(v.moved_from, None);
        // A redirect at the old address answers it.
        let with_alias = made(&[
            "index.html",
            "sessions/kept/index.html",
            "sessions/old/index.html",
            "speakers/a&b/index.html",
        ]);
        assert_eq!(
            vanished(dir.path(), &base, &with_alias),
            Vanished::default()
        );
    }

    #[test]
    fn a_sitemap_index_is_followed_to_its_parts_beside_it_only() {
        let dir = tempfile::tempdir().expect("tmp");
        let base = BaseUrl::parse("https://example.org/").expect("base");
        sitemap(
            dir.path(),
            "sitemap.xml",
            "sitemapindex",
            &[
                "https://example.org/sitemap-1.xml",
                "https://example.org/../../etc/passwd",
            ],
        );
        sitemap(
            dir.path(),
            "sitemap-1.xml",
            "urlset",
            &["https://example.org/sessions/a/"],
        );
        let v = vanished(dir.path(), &base, &made(&[]));
        assert_eq!(v.urls, ["https://example.org/sessions/a/"]);
    }

    #[test]
    fn a_moved_site_is_said_once_and_no_sitemap_says_nothing() {
        let dir = tempfile::tempdir().expect("tmp");
        let base = BaseUrl::parse("https://new.example/").expect("base");
        assert_eq!(vanished(dir.path(), &base, &made(&[])), Vanished::default());
        sitemap(
            dir.path(),
            "sitemap.xml",
            "urlset",
            &["https://old.example/a/", "https://old.example/b/"],
        );
        let v = vanished(dir.path(), &base, &made(&[]));
        assert!(v.urls.is_empty());
        assert_eq!(v.moved_from.as_deref(), Some("https://old.example/a/"));
    }
}
