//! Machine-readable outputs: `sitemap.xml`, the Atom feeds (the site's `feed.xml`
//! and one per event, SDG, action line, speaker and country) and `robots.txt`.
//! Written directly (no templates): their formats are fixed by their specs.
//! Dates come from the content, never from the clock, so builds are reproducible.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::index::ListKey;
use crate::routes;

use super::views::Views;
use super::{Output, escape};
use crate::model::{SessionId, Site};
use crate::taxonomy::{ActionLine, Sdg};

/// Entries in the site feed.
const FEED_ENTRIES: usize = 50;

/// The most URLs one sitemap file may list (the sitemap protocol's limit).
const SITEMAP_URLS: usize = 50_000;

/// `sitemap.xml`: every HTML page, by absolute URL, in the order the site is made
/// (home, sessions, events, …; each list A–Z or newest first), which is as stable as a
/// sorted one and costs no sort of tens of thousands of paths on every change.
/// Past 50 000 pages, `sitemap.xml` is a sitemap index of parts of 50 000 each.
pub(crate) fn sitemaps(site: &Site, page_paths: &[&str]) -> Vec<Output> {
    sitemaps_of(site, page_paths, SITEMAP_URLS)
}

fn sitemaps_of(site: &Site, page_paths: &[&str], per_file: usize) -> Vec<Output> {
    let paths: Vec<&str> = (page_paths.iter().copied())
        .filter(|p| p.ends_with(".html"))
        .collect();
    let prefix = escape(&site.base.absolute(""));
    if paths.len() <= per_file {
        return vec![urlset(routes::SITEMAP.into(), &paths, &prefix)];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut out = Vec::new();
    for (n, part) in paths.chunks(per_file.max(1)).enumerate() {
        let path = routes::sitemap_part(n + 1);
        let _ = writeln!(index, "<sitemap><loc>{prefix}{path}</loc></sitemap>");
        out.push(urlset(path, part, &prefix));
    }
    index.push_str("</sitemapindex>\n");
    out.push(Output {
        path: routes::SITEMAP.into(),
        bytes: index.into_bytes(),
    });
    out
}

/// One sitemap file listing `paths` under `prefix` (the site's absolute URL).
fn urlset(path: String, paths: &[&str], prefix: &str) -> Output {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // Written piece by piece: a large site lists tens of thousands of pages, and `serve`
    // writes the sitemap again whenever pages come or go.
    xml.reserve(paths.len() * (prefix.len() + 40));
    for p in paths {
        let site_path = routes::page_dir(p);
        xml.push_str("<url><loc>");
        xml.push_str(prefix);
        crate::render::escape_into(&mut xml, site_path.trim_start_matches('/'));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Output {
        path,
        bytes: xml.into_bytes(),
    }
}

/// One Atom feed: where it goes, what it is called, and the sessions it draws from.
pub(crate) struct Feed<'s> {
    /// Output path, e.g. "sdgs/4/feed.xml".
    pub path: String,
    /// The HTML page the feed belongs to, e.g. "sdgs/4/".
    pub page: String,
    /// Feed title (the site title is prepended).
    pub title: Option<String>,
    /// Its sessions, in any order: the feed takes the newest.
    pub sessions: Cow<'s, [SessionId]>,
}

impl<'s> Feed<'s> {
    /// The feed of the page `page` (a folder), in that folder.
    fn beside(page: String, title: String, sessions: Cow<'s, [SessionId]>) -> Feed<'s> {
        Feed {
            path: routes::feed(&page),
            page,
            title: Some(title),
            sessions,
        }
    }
}

/// The feeds of the site whose page folder is `wanted`, of: the site feed, then one per
/// event, SDG, action line, speaker and country (those with sessions); speakers only
/// among `people` when given.
/// Feed paths sit beside the pages they follow, so readers find them from the page.
pub(crate) fn all<'s>(
    views: &Views<'s>,
    wanted: &dyn Fn(&str) -> bool,
    people: Option<&[crate::model::PersonId]>,
) -> Vec<Feed<'s>> {
    let (site, index) = (views.site, views.index);
    let mut feeds = vec![Feed {
        path: routes::feed(routes::HOME),
        page: String::new(),
        title: None,
        sessions: Cow::Borrowed(&index.chronological),
    }];
    for e in index.events_newest_first(site) {
        let sessions = &index.by_event[e.index()];
        let e = &site.events[e.index()];
        feeds.push(Feed::beside(
            routes::event(&e.slug),
            e.name.clone(),
            Cow::Borrowed(sessions),
        ));
    }
    for g in Sdg::all() {
        let title = format!("SDG {}: {}", g.number(), g.short_name());
        feeds.push(Feed::beside(
            routes::sdg(g),
            title,
            Cow::Borrowed(index.sdg_sessions(g)),
        ));
    }
    for a in ActionLine::all() {
        let sessions = Cow::Borrowed(index.action_line_sessions(a));
        feeds.push(Feed::beside(routes::action_line(a), a.label(), sessions));
    }
    // A reader follows a person or a country as they follow a goal.
    // Tens of thousands on a large site, of which `serve` wants a few.
    let speakers = people.unwrap_or(&index.speakers_az);
    // Those of the A–Z: the people with sessions.
    let speaking = |p: &&crate::model::PersonId| index.list_len(ListKey::Speaker(**p)) > 0;
    for &p in speakers.iter().filter(speaking) {
        let person = &site.people[p.index()];
        let page = routes::speaker(&person.slug);
        if !wanted(&page) {
            continue;
        }
        let sessions = index.sessions_of(ListKey::Speaker(p)).unwrap_or_default();
        feeds.push(Feed::beside(page, person.name.clone(), sessions));
    }
    for (&c, entry) in &index.by_country {
        let sessions = Cow::Borrowed(entry.sessions.as_slice());
        feeds.push(Feed::beside(
            routes::country(c),
            c.name().to_string(),
            sessions,
        ));
    }
    feeds.retain(|f| wanted(&f.page));
    feeds
}

/// The feed path of a page folder ("sdgs/4/" or "sdgs/4" -> "sdgs/4/feed.xml"), when it has one.
pub(crate) fn feed_of(dir: &str) -> Option<String> {
    let dir = dir.trim_end_matches('/');
    let mut parts = dir.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        // The speakers' A–Z letter pages are under speakers/a-z/: no feed of their own.
        (Some("speakers"), Some("a-z"), None) => None,
        (Some("events" | "sdgs" | "action-lines" | "speakers" | "countries"), Some(_), None) => {
            Some(routes::feed(&format!("{dir}/")))
        }
        _ => None,
    }
}

/// Renders one feed as Atom (RFC 4287), newest sessions first.
/// `rank` is each session's position in the site's chronological order.
pub(crate) fn atom(views: &Views<'_>, feed: &Feed<'_>, rank: &[u32]) -> Output {
    let site = views.site;
    // An Atom entry must say when it was updated, and an undated session has no
    // honest answer (a file's modification time changes with every checkout): it
    // stays out of the feeds, which follow what is new.
    let mut ids: Vec<SessionId> = (feed.sessions.iter().copied())
        .filter(|id| site.sessions[id.index()].date.is_some())
        .collect();
    ids.sort_unstable_by_key(|id| rank[id.index()]);
    ids.truncate(FEED_ENTRIES);
    let newest: Vec<_> = ids.iter().map(|id| &site.sessions[id.index()]).collect();
    let stamp = |d: jiff::civil::Date| format!("{d}T00:00:00Z");
    // Atom requires a feed's `updated`; a feed with no dated entry (an SDG no session
    // has yet) says the epoch, which readers show as "never". Not the site's newest
    // date: every empty feed would change with any session's, which `serve` would
    // have to follow.
    let updated = (newest.iter().filter_map(|s| s.date).max())
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), stamp);
    let title = match &feed.title {
        Some(t) => format!("{} · {t}", site.config.title),
        None => site.config.title.clone(),
    };
    // One element a line, without indentation, and the links without what RFC 4287
    // implies (`rel="alternate"` is the default; `type` only advises): there is a feed
    // per speaker, 22 574 of them at 10 000 sessions.
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<title>{title}</title>\n<id>{id}</id>\n<link href=\"{home}\"/>\n<link rel=\"self\" href=\"{self_url}\"/>\n<updated>{updated}</updated>\n<author><name>{author}</name></author>\n",
        lang = escape(&site.config.language),
        title = escape(&title),
        author = escape(&site.config.title),
        id = escape(&atom_id(site, &feed.page)),
        home = escape(&site.base.absolute(&feed.page)),
        self_url = escape(&site.base.absolute(&feed.path)),
    );
    if let (None, Some(d)) = (&feed.title, &site.config.description) {
        let _ = writeln!(xml, "<subtitle>{}</subtitle>", escape(d));
    }
    for s in newest {
        let path = routes::session(&s.slug);
        let url = site.base.absolute(&path);
        let _ = write!(
            xml,
            "<entry>\n<title>{}</title>\n<id>{id}</id>\n<link href=\"{url}\"/>\n<updated>{}</updated>\n",
            escape(&s.title),
            s.date.map(stamp).unwrap_or_default(),
            url = escape(&url),
            id = escape(&atom_id(site, &path)),
        );
        if let Some(summary) = &s.summary {
            let _ = writeln!(xml, "<summary>{}</summary>", escape(summary));
        }
        for t in &s.topics {
            let _ = writeln!(
                xml,
                "<category term=\"{}\"/>",
                escape(&site.topics[t.index()].name)
            );
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    Output {
        path: feed.path.clone(),
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
        let _ = writeln!(text, "Sitemap: {}", site.base.absolute(routes::SITEMAP));
    }
    Output {
        path: routes::ROBOTS.into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::config::SiteConfig;
    use crate::model::Session;
    use crate::url::{BaseUrl, Slug};

    fn site(slugs: &[&str]) -> Site {
        let sessions = (slugs.iter())
            .filter_map(|s| Slug::parse_exact(s))
            .map(|slug| {
                let mut s = Session::absent(slug, "s.md".into());
                s.date = "2024-05-30".parse().ok();
                s
            })
            .collect();
        Site {
            config: SiteConfig::default(),
            base: BaseUrl::parse("https://example.org/pr/").expect("a valid base URL"),
            sessions,
            people: Vec::new(),
            events: Vec::new(),
            topics: Vec::new(),
            organizations: Default::default(),
            sources: Default::default(),
            photos: Default::default(),
        }
    }

    fn locs(xml: &[u8]) -> Vec<String> {
        let xml = String::from_utf8_lossy(xml);
        (xml.split("<loc>").skip(1))
            .filter_map(|l| l.split_once("</loc>").map(|(loc, _)| loc.to_string()))
            .collect()
    }

    #[test]
    fn a_small_site_has_one_sitemap() {
        let site = site(&["a"]);
        let out = sitemaps_of(&site, &["index.html", "sessions/a/index.html", "x.json"], 2);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].path, routes::SITEMAP);
        let xml = String::from_utf8_lossy(&out[0].bytes);
        assert!(xml.contains("<urlset"), "{xml}");
        assert_eq!(
            locs(&out[0].bytes),
            [
                "https://example.org/pr/",
                "https://example.org/pr/sessions/a/"
            ]
        );
    }

    /// The rules of the sitemap protocol's schemas (sitemap.xsd, siteindex.xsd 0.9) that
    /// a generated file can break: the root element in the protocol's namespace; each
    /// entry (`url` or `sitemap`) holding one `loc`, an absolute http(s) URL of at most
    /// 2 048 characters; at most 50 000 entries and 50 MB per file. Returns the locs.
    fn schema_locs(xml: &[u8], root: &[u8], entry: &[u8]) -> Vec<String> {
        use quick_xml::events::Event;
        assert!(xml.len() <= 50 * 1024 * 1024, "over 50 MB");
        let mut reader = quick_xml::Reader::from_reader(xml);
        let (mut path, mut out): (Vec<Vec<u8>>, Vec<String>) = (Vec::new(), Vec::new());
        let mut entries = 0;
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf).expect("well-formed XML") {
                Event::Start(e) => {
                    let name = e.name().as_ref().to_vec();
                    match path.len() {
                        0 => {
                            assert_eq!(name, root);
                            let ns = e.try_get_attribute("xmlns").expect("attr").expect("xmlns");
                            assert_eq!(&*ns.value, b"http://www.sitemaps.org/schemas/sitemap/0.9");
                        }
                        1 => assert_eq!(name, entry),
                        2 => assert_eq!(name, b"loc"),
                        _ => panic!("unexpected nesting"),
                    }
                    path.push(name);
                }
                Event::Text(t) if path.len() == 3 => {
                    let loc = t.decode().expect("utf-8").into_owned();
                    assert!(
                        loc.starts_with("https://") || loc.starts_with("http://"),
                        "{loc}"
                    );
                    assert!(loc.len() <= 2048, "{loc}");
                    out.push(loc);
                }
                Event::End(_) => {
                    if path.len() == 2 {
                        // Each entry has exactly one loc.
                        entries += 1;
                        assert_eq!(out.len(), entries, "an entry without one loc");
                    }
                    path.pop();
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert!(out.len() <= SITEMAP_URLS, "{} entries", out.len());
        out
    }

    #[test]
    fn a_site_of_60_000_pages_gets_an_index_and_parts_that_keep_the_schema_rules() {
        let site = site(&[]);
        let pages: Vec<String> = (0..60_000)
            .map(|n| format!("sessions/s{n}/index.html"))
            .collect();
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let out = sitemaps(&site, &pages);
        let (index, parts) = out.split_last().expect("files");
        assert_eq!(index.path, routes::SITEMAP);
        let part_urls = schema_locs(&index.bytes, b"sitemapindex", b"sitemap");
        assert_eq!(
            part_urls,
            [
                "https://example.org/pr/sitemap-1.xml",
                "https://example.org/pr/sitemap-2.xml"
            ]
        );
        let mut listed = 0;
        for (part, url) in parts.iter().zip(&part_urls) {
            assert!(url.ends_with(&part.path));
            listed += schema_locs(&part.bytes, b"urlset", b"url").len();
        }
        assert_eq!(listed, 60_000);
    }

    #[test]
    fn a_large_site_gets_a_sitemap_index_of_parts_at_the_root() {
        let site = site(&[]);
        let pages: Vec<String> = (0..5).map(|n| format!("p{n}/index.html")).collect();
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let out = sitemaps_of(&site, &pages, 2);
        let paths: Vec<&str> = out.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let index = &out[3];
        assert!(String::from_utf8_lossy(&index.bytes).contains("<sitemapindex"));
        assert_eq!(
            locs(&index.bytes),
            (1..=3)
                .map(|n| format!("https://example.org/pr/sitemap-{n}.xml"))
                .collect::<Vec<_>>()
        );
        let listed: Vec<String> = out[..3].iter().flat_map(|o| locs(&o.bytes)).collect();
        let expected: Vec<String> = (0..5)
            .map(|n| format!("https://example.org/pr/p{n}/"))
            .collect();
        assert_eq!(listed, expected);
        assert!(out[..3].iter().all(|o| locs(&o.bytes).len() <= 2));
        assert!(paths[..3].iter().all(|p| routes::is_sitemap_part(p)));
        assert!(
            !routes::is_sitemap_part("sitemap.xml") && !routes::is_sitemap_part("sitemap-.xml")
        );
    }
}
