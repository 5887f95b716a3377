//! Machine-readable outputs: `sitemap.xml`, the Atom `feed.xml` and `robots.txt`.
//! Written directly (no templates): their formats are fixed by their specs.
//! Dates come from the content, never from the clock, so builds are reproducible.

use std::fmt::Write as _;

use super::views::Views;
use super::{Output, escape};
use crate::model::Site;

/// Entries in the site feed.
const FEED_ENTRIES: usize = 50;

/// `sitemap.xml`: every HTML page, by absolute URL.
pub(crate) fn sitemap(site: &Site, page_paths: &[&str]) -> Output {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<&str> = page_paths
        .iter()
        .copied()
        .filter(|p| p.ends_with(".html"))
        .collect();
    paths.sort_unstable();
    for p in paths {
        let site_path = p.strip_suffix("index.html").unwrap_or(p);
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc></url>",
            escape(&site.base.absolute(site_path))
        );
    }
    xml.push_str("</urlset>\n");
    Output {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}

/// `feed.xml`: the newest sessions as an Atom feed (RFC 4287).
pub(crate) fn atom(views: &Views<'_>) -> Output {
    let site = views.site;
    let newest: Vec<_> = views
        .index
        .chronological
        .iter()
        .take(FEED_ENTRIES)
        .map(|id| &site.sessions[id.index()])
        .collect();
    let stamp = |d: Option<jiff::civil::Date>| {
        d.map_or_else(
            || "1970-01-01T00:00:00Z".to_string(),
            |d| format!("{d}T00:00:00Z"),
        )
    };
    let updated = stamp(newest.iter().filter_map(|s| s.date).max());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <id>{id}</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n  <updated>{updated}</updated>\n  <author><name>{title}</name></author>\n",
        lang = escape(&site.config.language),
        title = escape(&site.config.title),
        id = escape(&atom_id(site, "")),
        home = escape(&site.base.absolute("")),
        feed = escape(&site.base.absolute("feed.xml")),
    );
    if let Some(d) = &site.config.description {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", escape(d));
    }
    for s in newest {
        let path = format!("sessions/{}/", s.slug);
        let url = site.base.absolute(&path);
        let _ = write!(
            xml,
            "  <entry>\n    <title>{}</title>\n    <id>{id}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    <updated>{}</updated>\n",
            escape(&s.title),
            stamp(s.date),
            url = escape(&url),
            id = escape(&atom_id(site, &path)),
        );
        if let Some(summary) = &s.summary {
            let _ = writeln!(xml, "    <summary>{}</summary>", escape(summary));
        }
        for t in &s.topics {
            let _ = writeln!(
                xml,
                "    <category term=\"{}\"/>",
                escape(&site.topics[t.index()].name)
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Output {
        path: "feed.xml".into(),
        bytes: xml.into_bytes(),
    }
}

/// An Atom id must be an absolute IRI: the page's URL when the base URL has a host,
/// otherwise a URN made of the site path.
fn atom_id(site: &Site, path: &str) -> String {
    if site.base.has_origin() {
        site.base.absolute(path)
    } else {
        format!("urn:proceedings:{}", site.base.page(path))
    }
}

/// `robots.txt`: everything may be crawled; points at the sitemap.
pub(crate) fn robots(site: &Site) -> Output {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if site.base.has_origin() {
        let _ = writeln!(text, "Sitemap: {}", site.base.absolute("sitemap.xml"));
    }
    Output {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}
