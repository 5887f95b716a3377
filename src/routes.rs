//! Where everything lives in the output: one function per page and file kind, so
//! that a URL is spelled in one place (DESIGN.md §5 is the contract). Every path is
//! relative to the site's root and has no leading slash; folders end with `/`.
//! [`crate::url::BaseUrl`] turns them into links.

use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// The home page.
pub const HOME: &str = "";
/// The page a server answers when nothing else matches.
pub const NOT_FOUND: &str = "404.html";
/// The sitemap; on a site with more pages than one sitemap may list, the sitemap
/// index that lists the [`sitemap_part`]s.
pub const SITEMAP: &str = "sitemap.xml";

/// Part `n` (from 1) of a sitemap too large for one file. At the root: a sitemap may
/// list only URLs at or below its own folder.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// Whether `path` is a [`sitemap_part`].
pub fn is_sitemap_part(path: &str) -> bool {
    (path
        .strip_prefix("sitemap-")
        .and_then(|p| p.strip_suffix(".xml")))
    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
/// The crawler rules.
pub const ROBOTS: &str = "robots.txt";
/// Tells GitHub Pages not to run Jekyll.
pub const NOJEKYLL: &str = ".nojekyll";
/// The file a folder's page is in.
pub const INDEX: &str = "index.html";

/// The sections of the site; every page but the 404 belongs to one (templates see
/// its key as `page.section`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The home page.
    Home,
    /// All sessions, newest first.
    Sessions,
    /// Events.
    Events,
    /// The speakers' A–Z.
    Speakers,
    /// Countries.
    Countries,
    /// The 17 goals.
    Sdgs,
    /// WSIS Action Lines.
    ActionLines,
    /// Topics.
    Topics,
    /// The organizations of `data/organizations.yaml`.
    Organizations,
    /// Full-text search.
    Search,
}

impl Section {
    /// The sections in the navigation, in its order. [`Section::Organizations`] is not
    /// among them: a ninth item wraps the menu onto another line on a phone, which
    /// pushes a session's body below the first screen; the home page and every
    /// linked organization lead to its index instead.
    pub const NAV: [Section; 8] = [
        Section::Sessions,
        Section::Events,
        Section::Speakers,
        Section::Countries,
        Section::Sdgs,
        Section::ActionLines,
        Section::Topics,
        Section::Search,
    ];

    /// The section's folder ("action-lines/").
    pub fn dir(self) -> &'static str {
        match self {
            Section::Home => HOME,
            Section::Sessions => "sessions/",
            Section::Events => "events/",
            Section::Speakers => "speakers/",
            Section::Countries => "countries/",
            Section::Sdgs => "sdgs/",
            Section::ActionLines => "action-lines/",
            Section::Topics => "topics/",
            Section::Organizations => "organizations/",
            Section::Search => "search/",
        }
    }

    /// The key templates know it by (`page.section`, `site.urls.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Home => "home",
            Section::Sessions => "sessions",
            Section::Events => "events",
            Section::Speakers => "speakers",
            Section::Countries => "countries",
            Section::Sdgs => "sdgs",
            Section::ActionLines => "action_lines",
            Section::Topics => "topics",
            Section::Organizations => "organizations",
            Section::Search => "search",
        }
    }

    /// Its name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Sessions => "Sessions",
            Section::Events => "Events",
            Section::Speakers => "Speakers",
            Section::Countries => "Countries",
            Section::Sdgs => "SDGs",
            Section::ActionLines => "Action Lines",
            Section::Topics => "Topics",
            Section::Organizations => "Organizations",
            Section::Search => "Search",
        }
    }
}

impl serde::Serialize for Section {
    /// As its [`Section::key`].
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

fn folder(section: Section, name: &str) -> String {
    [section.dir(), name, "/"].concat()
}

/// A session's page: `sessions/<slug>/`.
pub fn session(slug: &Slug) -> String {
    folder(Section::Sessions, slug.as_str())
}

/// A speaker's page: `speakers/<slug>/`.
pub fn speaker(slug: &Slug) -> String {
    folder(Section::Speakers, slug.as_str())
}

/// Everyone a speaker shared the stage with: `speakers/<slug>/co-speakers/`.
pub fn speaker_co_speakers(slug: &Slug) -> String {
    [speaker(slug).as_str(), "co-speakers/"].concat()
}

/// An event's page: `events/<id>/`.
pub fn event(slug: &Slug) -> String {
    folder(Section::Events, slug.as_str())
}

/// A topic's page: `topics/<slug>/`.
pub fn topic(slug: &Slug) -> String {
    folder(Section::Topics, slug.as_str())
}

/// An organization's page: `organizations/<id>/`.
pub fn organization(slug: &Slug) -> String {
    folder(Section::Organizations, slug.as_str())
}

/// A country's page: `countries/<iso2>/`.
pub fn country(c: Country) -> String {
    folder(Section::Countries, c.slug())
}

/// A goal's page: `sdgs/<n>/`.
pub fn sdg(g: Sdg) -> String {
    folder(Section::Sdgs, &g.number().to_string())
}

/// An action line's page: `action-lines/<code>/`.
pub fn action_line(a: ActionLine) -> String {
    folder(Section::ActionLines, &a.slug())
}

/// The A–Z page of one letter, when the index is split: `speakers/a-z/<letter>/`
/// ("other" for names that start with no letter).
pub fn speakers_letter(letter: char) -> String {
    [Section::Speakers.dir(), "a-z/", &letter_name(letter), "/"].concat()
}

/// A letter of the A–Z as it is written in paths and ids ("a", "other").
pub fn letter_name(letter: char) -> String {
    if letter == '#' {
        "other".to_string()
    } else {
        letter.to_ascii_lowercase().to_string()
    }
}

/// Page `n` of the list whose first page is at `dir`: `dir` itself, then `dir/page/n/`.
pub fn list_page(dir: &str, n: usize) -> String {
    if n <= 1 {
        dir.to_string()
    } else {
        format!("{dir}page/{n}/")
    }
}

/// The first page's folder of the page at `dir` (`topics/iot/page/2/` -> `topics/iot/`).
pub fn first_page(dir: &str) -> &str {
    match dir.find("/page/") {
        Some(i) => &dir[..=i],
        None => dir,
    }
}

/// The file of the page at folder `dir`: `dir/index.html`.
pub fn page_file(dir: &str) -> String {
    [dir, INDEX].concat()
}

/// The folder of the page in `file` (`a/index.html` -> `a/`).
pub fn page_dir(file: &str) -> &str {
    file.strip_suffix(INDEX).unwrap_or(file)
}

/// The Atom feed of the page at `dir` ("" for the site's own).
pub fn feed(dir: &str) -> String {
    [dir, "feed.xml"].concat()
}

/// An event's programme as a calendar: `events/<id>/sessions.ics`.
pub fn event_calendar(slug: &Slug) -> String {
    [event(slug).as_str(), "sessions.ics"].concat()
}

/// An event's proceedings book, all its sessions on one page: `events/<id>/book/`.
pub fn event_book(slug: &Slug) -> String {
    [event(slug).as_str(), "book/"].concat()
}

/// A session's citation in BibTeX: `sessions/<slug>/cite.bib`.
pub fn cite_bib(slug: &Slug) -> String {
    [session(slug).as_str(), "cite.bib"].concat()
}

/// A session's citation in CSL JSON: `sessions/<slug>/cite.json`.
pub fn cite_json(slug: &Slug) -> String {
    [session(slug).as_str(), "cite.json"].concat()
}

/// A session's own calendar entry: `sessions/<slug>/session.ics`.
pub fn session_calendar(slug: &Slug) -> String {
    [session(slug).as_str(), "session.ics"].concat()
}

/// A speaker photo resized to `size` pixels square, named by a hash of the original:
/// `photos/<key>-<size>.jpg`.
pub fn photo(key: &str, size: u32) -> String {
    format!("photos/{key}-{size}.jpg")
}

/// A data export: `data/<name>.json`.
pub fn data(name: &str) -> String {
    format!("data/{name}.json")
}

/// Part `n` (from 1) of a data export, listed by its index [`data`], gzipped JSON:
/// `data/<name>/<n>.json.gz`.
pub fn data_part(name: &str, n: usize) -> String {
    format!("data/{name}/{n}.json.gz")
}

/// A chunk of the search index's documents: `search/docs/<n>.json`.
pub fn search_docs(n: usize) -> String {
    format!("search/docs/{n}.json")
}

/// A chunk of one search filter's values: `search/filters/<id>/<n>.json`.
pub fn search_filter(id: &str, n: usize) -> String {
    format!("search/filters/{id}/{n}.json")
}

/// A chunk of the search index's terms: `search/terms/<n>.json`.
pub fn search_terms(n: usize) -> String {
    format!("search/terms/{n}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_page_has_its_documented_place() {
        let slug = Slug::parse_exact("ict-peace").expect("slug");
        assert_eq!(session(&slug), "sessions/ict-peace/");
        assert_eq!(speaker(&slug), "speakers/ict-peace/");
        assert_eq!(event_calendar(&slug), "events/ict-peace/sessions.ics");
        assert_eq!(event_book(&slug), "events/ict-peace/book/");
        assert_eq!(cite_bib(&slug), "sessions/ict-peace/cite.bib");
        assert_eq!(session_calendar(&slug), "sessions/ict-peace/session.ics");
        assert_eq!(sdg(Sdg::new(4).expect("goal")), "sdgs/4/");
        assert_eq!(speakers_letter('Z'), "speakers/a-z/z/");
        assert_eq!(speakers_letter('#'), "speakers/a-z/other/");
        assert_eq!(list_page("topics/iot/", 1), "topics/iot/");
        assert_eq!(list_page("topics/iot/", 3), "topics/iot/page/3/");
        assert_eq!(first_page("topics/iot/page/3/"), "topics/iot/");
        assert_eq!(page_file(HOME), "index.html");
        assert_eq!(page_dir("a/index.html"), "a/");
        assert_eq!(feed(""), "feed.xml");
    }
}
