//! The proceedings book of an event and "Suggest a fix" links (#23 items 1 and 4):
//! the book holds the event's sessions in the programme's order with indexes whose
//! links land inside it; `edit_url` links each session and registry speaker to the
//! file it is made from.

use std::collections::HashSet;

use crate::{SiteTest, main_of};

fn built() -> SiteTest {
    let t = SiteTest::new("book/forum");
    t.build(&["--base-url", "https://example.org/sub/"]);
    t
}

/// The values of `attr="…"` in `html`, in order.
fn values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pattern = format!(" {attr}=\"");
    html.match_indices(&pattern)
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("attribute ends")]
        })
        .collect()
}

/// The session pages an event's programme links, in its order, over all its pages.
fn programme(t: &SiteTest, event: &str) -> Vec<String> {
    let mut order = Vec::new();
    let mut n = 1;
    loop {
        let page = if n == 1 {
            format!("events/{event}/index.html")
        } else {
            format!("events/{event}/page/{n}/index.html")
        };
        if !t.exists(&page) {
            return order;
        }
        let html = t.read(&page);
        for line in main_of(&html)
            .lines()
            .filter(|l| l.contains("class=\"slot-time\""))
        {
            order.extend(values(line, "href").first().map(|h| h.to_string()));
        }
        n += 1;
    }
}

#[test]
fn the_book_holds_the_events_sessions_in_programme_order() {
    let t = built();
    let book = t.read("events/forum-2030/book/index.html");
    let main = main_of(&book);
    // The sessions' "Session page" links, in the book's order, are the programme's.
    let in_book: Vec<String> = main
        .split("<section class=\"book-session\"")
        .skip(1)
        .map(|s| {
            let meta = &s[s.find("<p class=\"meta\">").expect("meta")..];
            let meta = &meta[..meta.find("</p>").expect("meta ends")];
            values(meta, "href")
                .last()
                .expect("session link")
                .to_string()
        })
        .collect();
    let expected = programme(&t, "forum-2030");
    assert_eq!(expected.len(), 4, "the fixture's programme: {expected:?}");
    assert_eq!(in_book, expected);
    assert_eq!(
        expected[..2],
        [
            "/sub/sessions/b-early/".to_string(),
            "/sub/sessions/a-late/".to_string()
        ]
    );
    // The other event's session is not in this book.
    assert!(!main.contains("Talk at another event"));
    // The cover: name, dates, place; each session: its time and zone, type, people
    // with role, organization and country, goals and action lines by name, the body.
    for part in [
        "<h1>Forum 2030</h1>",
        "1–3 May 2030 · Nowhere City, Freedonia",
        "16:30–17:00 (UTC+02:00)",
        "2 · Panel",
        "Director, Open Data Office, <a href=\"/sub/countries/br/\">Brazil</a>",
        "SDG 9: Industry, Innovation and Infrastructure",
        "C7 E-health: ICT applications: benefits in all aspects of life — E-health",
        "The late talk agreed on one thing.",
        "Time to be announced.",
    ] {
        assert!(main.contains(part), "`{part}` not in the book:\n{main}");
    }
}

#[test]
fn the_books_ids_are_unique_and_its_fragment_links_land_inside_it() {
    let t = built();
    let book = t.read("events/forum-2030/book/index.html");
    let ids = values(&book, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    let fragments: Vec<&str> = values(&book, "href")
        .into_iter()
        .filter_map(|h| h.strip_prefix('#'))
        .collect();
    // The contents (4 sessions, 2 indexes), each body's footnotes and its own link.
    assert!(fragments.len() >= 10, "{fragments:?}");
    for f in &fragments {
        assert!(unique.contains(f), "#{f} has no target in the book");
    }
    // Two sessions with an "Outcomes" heading and a footnote 1: one id each.
    assert!(unique.contains("s--a-late--outcomes") && unique.contains("s--b-early--outcomes"));
    assert!(book.contains("href=\"#s--a-late--outcomes\">the outcomes</a>"));
}

#[test]
fn the_indexes_point_back_to_each_persons_and_countrys_sessions() {
    let t = built();
    let book = t.read("events/forum-2030/book/index.html");
    let index = |id: &str| {
        let at = book
            .find(&format!("<h2 id=\"{id}\">"))
            .expect("index heading");
        let rest = &book[at..];
        rest[..rest.find("</section>").expect("section ends")].to_string()
    };
    let entry = |index: &str, name: &str| -> Vec<String> {
        let line = index
            .lines()
            .find(|l| l.contains(&format!(">{name}</a>")))
            .unwrap_or_else(|| panic!("{name} not in\n{index}"));
        values(line, "href").iter().map(|h| h.to_string()).collect()
    };
    let speakers = index("book--speakers");
    // A–Z by family name, accents aside: Ångström, Chen, Lima.
    let order: Vec<usize> = ["Zoë Ångström", "Bo Chen", "Ana Lima"]
        .iter()
        .map(|n| speakers.find(n).expect("listed"))
        .collect();
    assert!(order.is_sorted(), "{speakers}");
    assert_eq!(
        entry(&speakers, "Ana Lima"),
        ["/sub/speakers/ana-lima/", "#s--a-late", "#s--c-second"]
    );
    assert_eq!(
        entry(&speakers, "Bo Chen"),
        ["/sub/speakers/bo-chen/", "#s--b-early", "#s--a-late"]
    );
    assert!(!speakers.contains("Carl Other"));
    let countries = index("book--countries");
    assert_eq!(
        entry(&countries, "Brazil"),
        ["/sub/countries/br/", "#s--a-late", "#s--c-second"]
    );
    assert_eq!(
        entry(&countries, "Norway"),
        ["/sub/countries/no/", "#s--b-early"]
    );
}

#[test]
fn the_event_page_links_its_book_and_the_sitemap_lists_it() {
    let t = built();
    let event = t.read("events/forum-2030/index.html");
    assert!(event.contains("href=\"/sub/events/forum-2030/book/\""));
    let sitemap = t.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/sub/events/forum-2030/book/</loc>"));
    assert!(t.exists("events/other-meeting-2031/book/index.html"));
    let out = t.run(&["check", "--base-url", "https://example.org/sub/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn edit_links_point_at_the_session_file_and_the_speakers_registry() {
    let t = built();
    let edit = "https://github.com/org/repo/edit/main/";
    let link = |page: &str| -> Option<String> {
        let html = t.read(page);
        let at = html.find("<p class=\"edit-link\">")?;
        values(&html[at..], "href").first().map(|h| h.to_string())
    };
    assert_eq!(
        link("sessions/c-second/index.html"),
        Some(format!("{edit}sessions/day-2/c-second.md"))
    );
    assert_eq!(
        link("sessions/a-late/index.html"),
        Some(format!("{edit}sessions/a-late.md"))
    );
    assert_eq!(
        link("speakers/ana-lima/index.html"),
        Some(format!("{edit}data/speakers.yaml"))
    );
    // Bo Chen is in no registry: nothing to edit but the sessions.
    assert_eq!(link("speakers/bo-chen/index.html"), None);
    // The book is made from many files: no link of its own.
    assert_eq!(link("events/forum-2030/book/index.html"), None);
}

#[test]
fn without_edit_url_no_page_has_an_edit_link() {
    let t = SiteTest::new("programme/forum");
    t.build(&[]);
    for entry in walkdir::WalkDir::new(t.root().join("public")) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).expect("read");
            assert!(
                !html.contains("Suggest a fix"),
                "{}",
                entry.path().display()
            );
        }
    }
}

#[test]
fn templates_see_the_source_path_relative_to_the_site_folder() {
    let t = SiteTest::new("book/hugo");
    t.build(&[]);
    let session = t.read("sessions/a-talk/index.html");
    assert!(
        session.contains(
            "source=[content/sessions/a talk.md] edit=[https://git.example.org/site/-/edit/main/content/sessions/a%20talk.md?ref=fix]"
        ),
        "{session}"
    );
    assert!(t.read("speakers/dee-ray/index.html").contains("no source"));
    assert!(
        t.read("events/meet-2030/index.html")
            .contains("source=[data/events.yaml]"),
        "a registry event's pages are made from data/events.yaml"
    );
    assert!(
        t.read("events/unlisted-meeting/index.html")
            .contains("no source")
    );
}

#[test]
fn without_book_html_no_book_is_written_or_linked() {
    let t = SiteTest::new("book/forum");
    let config = std::fs::read_to_string(t.root().join("proceedings.yaml"))
        .expect("config")
        .replace("book: html\n", "");
    t.write("proceedings.yaml", &config);
    t.build(&["--base-url", "https://example.org/sub/"]);
    let events: Vec<_> = std::fs::read_dir(t.root().join("public/events"))
        .expect("events")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    assert!(!events.is_empty());
    for e in events {
        assert!(!e.path().join("book").exists(), "{:?}", e.path());
        let html = std::fs::read_to_string(e.path().join("index.html")).expect("event page");
        assert!(!html.contains("/book/"), "{:?} links a book", e.path());
    }
    assert!(!t.read("sitemap.xml").contains("/book/"));
}
