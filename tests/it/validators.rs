//! What outside validators check (#20 item 7), on a fixture site made of the inputs
//! that reach each mechanism: sessions with no people, no date, a plain event, an
//! online event, control characters and bidirectional overrides. Each check is the
//! rule the validator applies (pybtex, feedparser, html5lib, extruct with Google's
//! event requirements, OpenGraph), written here so it runs without Python.

use crate::SiteTest;

fn built() -> SiteTest {
    let t = SiteTest::new("validators/site");
    t.build(&[]);
    t
}

/// The text between `<tag>` and `</tag>` of each `<tag>` element in `xml`.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        let j = after.find(&close).expect("closed element");
        out.push(&after[..j]);
        rest = &after[j..];
    }
    out
}

#[test]
fn every_citation_has_the_fields_its_bibtex_type_requires() {
    let t = built();
    for slug in [
        "nobody",
        "nobody-undated",
        "undated-people",
        "plain-event",
        "online",
    ] {
        let text = t.read(&format!("sessions/{slug}/cite.bib"));
        let bib = biblatex::Bibliography::parse(&text).expect("BibTeX");
        let entry = bib.get(slug).expect("entry keyed by the slug");
        let has = |f: &str| entry.fields.contains_key(f);
        // What pybtex's and BibTeX's standard styles refuse or warn about.
        assert!(has("author") || has("key"), "{slug}: cannot sort:\n{text}");
        match entry.entry_type.to_string().as_str() {
            "inproceedings" => {
                for f in ["author", "title", "booktitle", "year"] {
                    assert!(has(f), "{slug}: @inproceedings without {f}:\n{text}");
                }
            }
            "misc" => {}
            other => panic!("{slug}: unexpected type {other}"),
        }
    }
    let nobody = t.read("sessions/nobody/cite.bib");
    assert!(nobody.starts_with("@misc{nobody,"), "{nobody}");
    assert!(nobody.contains("organization = {Probe site}"), "{nobody}");
}

#[test]
fn feeds_leave_undated_sessions_out_and_never_say_1970() {
    let t = built();
    for feed in [
        "feed.xml",
        "events/geneva-2024/feed.xml",
        "events/plain-event-name/feed.xml",
    ] {
        let xml = t.read(feed);
        assert!(!xml.contains("1970"), "{feed}: epoch date:\n{xml}");
        let entries = elements(&xml, "entry");
        for e in &entries {
            assert!(!e.contains("Undated"), "{feed}: an undated session:\n{e}");
            let updated = elements(e, "updated");
            assert_eq!(updated.len(), 1, "{feed}: one <updated> per entry:\n{e}");
            assert!(updated[0].len() == 20 && updated[0].ends_with('Z'), "{e}");
        }
        assert!(!entries.is_empty(), "{feed}: the dated sessions are there");
    }
    // A feed with no dated session has no entry (Atom still wants its `updated`).
    let xml = t.read("sdgs/1/feed.xml");
    assert!(!xml.contains("<entry>"), "{xml}");
}

/// Every file of the built site, as bytes, with its path under `public/`.
fn all_files(dir: &std::path::Path, under: &str, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        let name = format!("{under}{}", p.file_name().expect("name").to_string_lossy());
        if p.is_dir() {
            all_files(&p, &format!("{name}/"), out);
        } else {
            out.push((name, std::fs::read(&p).expect("read")));
        }
    }
}

#[test]
fn control_characters_are_warnings_at_their_position_and_never_reach_the_output() {
    let t = SiteTest::new("validators/site");
    let out = t.run(&["build"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in [
        // Escapes in double-quoted YAML values, at the value.
        "sessions/controls.md:2:8: warning: control character U+0001 (a YAML escape) removed",
        "sessions/controls.md:3:10: warning: control character U+000B (a YAML escape) removed",
        "sessions/controls.md:4:12: warning: control character U+0001 (a YAML escape) removed",
        // Raw in the body, at the character.
        "sessions/controls.md:7:15: warning: control character U+0001 removed",
        "sessions/controls.md:7:33: warning: control character U+001B removed",
        // A character reference in the body.
        "sessions/controls.md:9:13: warning: a character reference to a control character removed",
    ] {
        assert!(stderr.contains(line), "no `{line}` in:\n{stderr}");
    }
    let mut files = Vec::new();
    all_files(&t.root().join("public"), "", &mut files);
    let control = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}');
    for (name, bytes) in &files {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let bad = text.char_indices().find(|(_, c)| control(*c));
            assert!(bad.is_none(), "{name}: control character at byte {bad:?}");
        }
    }
    let page = t.read("sessions/controls/index.html");
    // Word's line break (a vertical tab) keeps the words apart.
    assert!(page.contains("Pasted from"), "summary mended");
    assert!(page.contains("Bob Smith"), "speaker name mended");
}

/// The JSON-LD object of a page.
fn jsonld(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("JSON-LD") + open.len();
    let end = start + page[start..].find("</script>").expect("closed");
    serde_json::from_str(&page[start..end]).expect("JSON")
}

/// The `content` of `<meta property="NAME">` tags of a page.
fn meta<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let tag = format!("<meta property=\"{name}\" content=\"");
    page.match_indices(&tag)
        .map(|(i, _)| {
            let rest = &page[i + tag.len()..];
            &rest[..rest.find('"').expect("closed")]
        })
        .collect()
}

#[test]
fn every_page_has_an_absolute_og_image_and_a_speaker_page_their_photo() {
    let t = built();
    let mut files = Vec::new();
    all_files(&t.root().join("public"), "", &mut files);
    let pages: Vec<_> = files.iter().filter(|(n, _)| n.ends_with(".html")).collect();
    assert!(pages.len() > 40, "{}", pages.len());
    for (name, bytes) in pages {
        let page = std::str::from_utf8(bytes).expect("UTF-8");
        let images = meta(page, "og:image");
        assert_eq!(images.len(), 1, "{name}: one og:image: {images:?}");
        assert!(
            images[0].starts_with("https://example.org/sub/"),
            "{name}: og:image is an absolute URL under the base: {}",
            images[0]
        );
    }
    let home = t.read("index.html");
    assert_eq!(
        meta(&home, "og:image"),
        ["https://example.org/sub/assets/card.png"]
    );
    let card = std::fs::read(t.root().join("public/assets/card.png")).expect("the card");
    assert_eq!(&card[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) = (&card[16..20], &card[20..24]);
    assert_eq!(
        (w, h),
        (&1200u32.to_be_bytes()[..], &630u32.to_be_bytes()[..])
    );
    // A speaker's own photo, resized for link previews, with its size.
    let ana = t.read("speakers/ana-lima/index.html");
    let photo = meta(&ana, "og:image");
    assert!(
        photo.len() == 1
            && photo[0].starts_with("https://example.org/sub/photos/")
            && photo[0].ends_with("-400.jpg"),
        "{photo:?}"
    );
    assert_eq!(meta(&ana, "og:image:width"), ["400"]);
    assert_eq!(meta(&ana, "og:image:height"), ["400"]);
}

#[test]
fn a_site_without_a_host_gives_no_relative_og_image() {
    let t = SiteTest::new("validators/site");
    t.build(&["--base-url", "/sub/"]);
    let home = t.read("index.html");
    assert!(
        meta(&home, "og:image").is_empty(),
        "og:image must be absolute"
    );
}

#[test]
fn events_in_json_ld_have_what_google_requires_where_it_is_known() {
    let t = built();
    // An event only sessions name runs over its sessions' days.
    let plain = jsonld(&t.read("events/plain-event-name/index.html"));
    assert_eq!(plain["@type"], "Event");
    assert_eq!(plain["startDate"], "2023-03-02");
    // A time with its zone is written with the offset.
    let talk = jsonld(&t.read("sessions/plain-event/index.html"));
    assert_eq!(talk["startDate"], "2023-03-02T10:00:00+01:00");
    assert_eq!(talk["endDate"], "2023-03-02T11:00:00+01:00");
    // A session of a registered event is where its event is.
    let geneva = jsonld(&t.read("sessions/nobody/index.html"));
    assert_eq!(geneva["location"]["@type"], "Place");
    assert_eq!(geneva["location"]["address"], "Geneva, Switzerland");
    assert_eq!(
        geneva["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    // An online event has a virtual location with a URL.
    for page in [
        "sessions/online/index.html",
        "events/online-2020/index.html",
    ] {
        let online = jsonld(&t.read(page));
        assert_eq!(online["location"]["@type"], "VirtualLocation", "{page}");
        assert_eq!(
            online["location"]["url"], "https://example.net/online/",
            "{page}"
        );
        assert_eq!(
            online["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode",
            "{page}"
        );
    }
    let event = jsonld(&t.read("events/geneva-2024/index.html"));
    assert_eq!(event["startDate"], "2024-05-27");
    assert_eq!(event["endDate"], "2024-05-31");
    assert_eq!(event["location"]["@type"], "Place");
}

/// Block elements: a direction override does not reach past the block it is in.
const BLOCKS: [&str; 9] = ["<h1", "<h2", "<h3", "<p", "<li", "<dd", "<dt", "<td", "<th"];

/// Whether the text node `body[start..end]` is all the text of a heading (a title
/// alone in its `<h1>`–`<h3>`): only opening tags between the heading's start and
/// it, only closing tags after it. A list or a paragraph may join several values in
/// one text node, so only headings count.
fn alone_in_its_heading(body: &str, start: usize, end: usize) -> bool {
    let before = &body[..start];
    let Some(block) = BLOCKS.iter().filter_map(|b| before.rfind(b)).max() else {
        return false;
    };
    if !before[block..].starts_with("<h") {
        return false;
    }
    let only_tags = |s: &str, closing: bool| {
        let mut rest = s;
        while let Some(r) = rest.strip_prefix('<') {
            if r.starts_with('/') != closing {
                return false;
            }
            let Some(end) = r.find('>') else { return false };
            rest = &r[end + 1..];
        }
        rest.is_empty()
    };
    let after = &body[end..];
    let block_end = BLOCKS
        .iter()
        .filter_map(|b| after.find(&format!("</{}", &b[1..])))
        .min()
        .unwrap_or(after.len());
    let close = after[block_end..]
        .find('>')
        .map_or(after.len(), |i| block_end + i + 1);
    only_tags(&before[block..], false) && only_tags(&after[..close], true)
}

/// Where in `html` (outside `<head>` and scripts) a direction override (U+202A–U+202E)
/// stands in text that is not isolated: the tag right before the text must open a
/// `<bdi>` or an element with `dir="auto"`, the text must be between U+2068 and U+2069,
/// or be all the text of a heading that holds only a title.
fn unisolated_overrides(html: &str) -> Vec<String> {
    let body = &html[html.find("<body").expect("<body>")..];
    let mut bad = Vec::new();
    for (i, c) in body.char_indices() {
        if !('\u{202a}'..='\u{202e}').contains(&c) {
            continue;
        }
        let before = &body[..i];
        let tag_end = before.rfind('>').expect("inside an element");
        let tag_start = before[..tag_end].rfind('<').expect("a tag");
        let tag = &before[tag_start..=tag_end];
        let text = &before[tag_end + 1..];
        if tag.starts_with("<script") {
            continue;
        }
        let text_end = i + body[i..].find('<').unwrap_or(body.len() - i);
        let isolated = tag == "<bdi>"
            || (!tag.starts_with("</") && tag.contains("dir=\"auto\""))
            || text.contains('\u{2068}')
            || alone_in_its_heading(body, tag_end + 1, text_end);
        if !isolated {
            bad.push(format!(
                "{tag}{}",
                &body[tag_end + 1..(i + 12).min(body.len())]
            ));
        }
    }
    bad
}

#[test]
fn names_and_titles_with_direction_overrides_are_isolated_wherever_they_are_shown() {
    let t = built();
    let mut files = Vec::new();
    all_files(&t.root().join("public"), "", &mut files);
    let mut pages_with_override = 0;
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        let page = std::str::from_utf8(bytes).expect("UTF-8");
        if page.contains('\u{202e}') {
            pages_with_override += 1;
        }
        let bad = unisolated_overrides(page);
        assert!(bad.is_empty(), "{name}: not isolated: {bad:?}");
    }
    // The session page, its speaker's, the lists, the cards: the check saw them.
    assert!(pages_with_override >= 5, "{pages_with_override}");
    // A name in another script sits in its own <bdi> on a card.
    let home = t.read("index.html");
    assert!(home.contains("<bdi>محمد علي</bdi>"), "card names isolated");
}

#[test]
fn the_override_check_fails_on_text_that_is_not_isolated() {
    let page = "<body><p>Name \u{202e}evil, <bdi>ok \u{202e}</bdi></p><p dir=\"auto\">\u{202e}x</p>\
        <h3 class=\"t\"><a href=\"/x/\">alone \u{202e}</a></h3>\
        <p><a href=\"/y/\">not \u{202e}alone</a> 5</p><p><b>x</b> <a>\u{202e}y</a></p>\
        <p class=\"card-people\">Ann \u{202e}x, Bo</p></body>";
    let bad = unisolated_overrides(page);
    assert_eq!(bad.len(), 4, "{bad:?}");
    assert!(bad[3].starts_with("<p class=\"card-people\">"), "{bad:?}");
    assert!(bad[0].starts_with("<p>Name"), "{bad:?}");
    assert!(bad[1].starts_with("<a href=\"/y/\">not"), "{bad:?}");
    assert!(bad[2].starts_with("<a>"), "{bad:?}");
}
