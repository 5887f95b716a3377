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
    // An event whose sessions are all undated still has a dated feed, with no entry.
    let xml = t.read("sdgs/1/feed.xml");
    assert!(
        xml.contains("<updated>2024-05-28T00:00:00Z</updated>"),
        "{xml}"
    );
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
