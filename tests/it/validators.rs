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
    for feed in ["feed.xml", "events/geneva-2024/feed.xml", "events/plain-event-name/feed.xml"] {
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
    // An event whose sessions are all undated still has a dated feed, with no entry.
    let xml = t.read("sdgs/1/feed.xml");
    assert!(xml.contains("<updated>2024-05-28T00:00:00Z</updated>"), "{xml}");
}
