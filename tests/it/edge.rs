//! Edge cases found in review: odd names, repeated people, site paths under a
//! sub-path, dot-files in static/, programme order, pagination, path-only base URLs.

use crate::{SiteTest, main_of};

fn site() -> SiteTest {
    let t = SiteTest::new("edge/people");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("sessions/a.md:5:"), "{stderr}");
    assert!(
        stderr.contains("warning: `Ana Lima` is listed twice in this session"),
        "{stderr}"
    );
    t
}

#[test]
fn names_group_under_one_initial_each_with_unique_ids() {
    let t = site();
    let az = main_of(&t.read("speakers/index.html")).to_string();
    assert_eq!(az.matches("id=\"letter-a\"").count(), 1, "{az}");
    assert_eq!(az.matches("id=\"letter-other\"").count(), 1, "{az}");
    let a = az.find("id=\"letter-a\"").expect("A");
    let other = az.find("id=\"letter-other\"").expect("#");
    assert!(a < other, "# comes after the letters");
    assert!(az[a..other].contains("Ali Ahmed") && az[a..other].contains("Abe Zee"));
}

#[test]
fn an_explicit_honorific_reaches_the_speaker_page() {
    let t = site();
    let zoe = main_of(&t.read("speakers/zoe-park/index.html")).to_string();
    assert!(
        zoe.contains("<span class=\"honorific\">Dr.</span> Zoe Park"),
        "{zoe}"
    );
}

#[test]
fn site_paths_in_data_and_bodies_get_the_base_path() {
    let t = site();
    let ana = t.read("speakers/ana-lima/index.html");
    // The speaker page shows the photo resized (see photos.rs), the body links the file.
    assert!(ana.contains("src=\"/repo/photos/"), "photo");
    let alpha = t.read("sessions/a/index.html");
    assert!(
        alpha.contains("href=\"/repo/sessions/b/\"") && alpha.contains("src=\"/repo/img/ana.png\"")
    );
    assert!(
        t.exists(".well-known/security.txt"),
        "dot-folders of static/ are copied"
    );
    let check = t.run(&["check", "--out", "public"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn a_programme_runs_by_day_with_undated_sessions_last_and_pages_link_each_other() {
    let t = site();
    // One session per page: Gamma (27 May), Alpha (28 May), Beta (no date).
    assert!(main_of(&t.read("events/forum/index.html")).contains("Gamma"));
    assert!(main_of(&t.read("events/forum/page/2/index.html")).contains("Alpha"));
    let last = t.read("events/forum/page/3/index.html");
    assert!(main_of(&last).contains("Beta") && last.contains("Date to be announced"));
    assert!(last.contains("rel=\"prev\"") && last.contains("href=\"/repo/events/forum/\""));
}

#[test]
fn a_base_url_without_host_warns_and_writes_no_sitemap() {
    let t = SiteTest::new("warnings/no-host");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert!(
        stderr.contains("proceedings.yaml: warning: base_url `/sub/` has no host"),
        "{stderr}"
    );
    assert!(!t.exists("sitemap.xml"));
    assert!(!t.read("robots.txt").contains("Sitemap"));
    assert!(
        t.read("feed.xml")
            .contains("<id>urn:proceedings:/sub/</id>")
    );
    assert!(
        t.read("sessions/a/index.html")
            .contains("href=\"/sub/speakers/\"")
    );
}

/// A tag's text outside quotes (element and attribute names) and its quoted values.
fn split_attributes(tag: &str) -> (String, Vec<String>) {
    let (mut names, mut values, mut quote, mut value) =
        (String::new(), Vec::new(), None, String::new());
    for c in tag.chars() {
        match quote {
            Some(q) if c == q => {
                values.push(std::mem::take(&mut value));
                quote = None;
            }
            Some(_) => value.push(c),
            None if c == '"' || c == '\'' => quote = Some(c),
            None => names.push(if c == '=' { ' ' } else { c }),
        }
    }
    (names, values)
}

/// Checks the theme's own scripts and returns the page without them: JSON-LD must parse
/// and hold no `<` (so nothing in it can close the element); other scripts are the
/// theme's and must carry none of the content's `alert(…)`.
fn scripts_checked_and_removed(path: &std::path::Path, html: &str) -> String {
    let shown = path.display();
    let mut rest = html;
    let mut out = String::new();
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let open_end = after.find('>').expect("script tag ends") + 1;
        let close = after.find("</script>").expect("script element closes");
        let (open, content) = (&after[..open_end], &after[open_end..close]);
        if open.contains("application/ld+json") {
            assert!(
                !content.contains('<'),
                "{shown}: JSON-LD holds `<`: {content}"
            );
            serde_json::from_str::<serde_json::Value>(content)
                .unwrap_or_else(|e| panic!("{shown}: JSON-LD does not parse: {e}"));
        } else {
            assert!(
                !content.contains("alert"),
                "{shown}: injected script: {content}"
            );
        }
        rest = &after[close + "</script>".len()..];
    }
    out.push_str(rest);
    out
}

/// A calendar parses as iCalendar, its lines are folded, and its texts are escaped.
fn check_calendar(path: &std::path::Path, text: &str) {
    let shown = path.display();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{shown}: unfolded line: {line}");
    }
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser
        .next()
        .expect("one calendar")
        .unwrap_or_else(|e| panic!("{shown} is not iCalendar: {e}"));
    assert!(
        !calendar.events.is_empty(),
        "{shown}: the dated session is in its event's calendar"
    );
}

/// Every file of a built site, as text.
fn all_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push((
                p.clone(),
                String::from_utf8_lossy(&std::fs::read(&p).expect("read")).into_owned(),
            ));
        }
    }
    out
}

#[test]
fn hostile_names_titles_and_bodies_are_inert_everywhere() {
    let t = SiteTest::new("edge/hostile");
    t.build(&[]);
    for (path, text) in all_files(&t.root().join("public")) {
        let shown = path.display();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "json" => {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{shown} is not JSON: {e}"));
            }
            "ics" => check_calendar(&path, &text),
            "bib" => {
                let bib = biblatex::Bibliography::parse(&text)
                    .unwrap_or_else(|e| panic!("{shown} is not BibTeX: {e}"));
                assert_eq!(bib.len(), 1, "{shown}: one entry, not split by the title");
                let entry = bib.iter().next().expect("entry");
                // The title's "}}, note = {x" stays inside the title.
                assert!(
                    !entry.fields.contains_key("note"),
                    "{shown}: a field was injected"
                );
            }
            _ => {}
        }
        let text = if ext == "html" {
            scripts_checked_and_removed(&path, &text)
        } else {
            text
        };
        // Only real markup matters (escaped text is inert): look inside every tag.
        // Scripts were checked and removed above, so any script tag or handler left is injected.
        let is_xml = ext == "xml";
        for tag in text
            .split('<')
            .skip(1)
            .filter(|_| !is_xml && ext == "html")
            .map(|t| t.split('>').next().unwrap_or_default())
        {
            let tag = tag.to_ascii_lowercase();
            assert!(!tag.starts_with("script"), "{shown}: <{tag}>");
            let (names, values) = split_attributes(&tag);
            assert!(
                !names.split_whitespace().any(|n| n.starts_with("on")),
                "{shown}: <{tag}>"
            );
            // Meta values are text (og:title may quote a title), never followed as links.
            assert!(
                tag.starts_with("meta")
                    || !values
                        .iter()
                        .any(|v| v.trim_start().starts_with("javascript:")),
                "{shown}: <{tag}>"
            );
        }
        if path.extension().is_some_and(|e| e == "xml") {
            // quick-xml does not check characters: XML 1.0 forbids most C0 controls.
            assert!(
                !text
                    .chars()
                    .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
                "{shown}: a control character XML forbids"
            );
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{shown} is not well-formed XML: {e}"),
                }
            }
        }
    }
    let page = t.read("sessions/x/index.html");
    assert!(
        page.contains("&lt;&#x2F;title&gt;&lt;script&gt;")
            || page.contains("&lt;/title&gt;&lt;script&gt;"),
        "the title is shown as text"
    );
    assert!(
        t.read("feed.xml").contains("]]&gt;"),
        "]]> is escaped in the feed"
    );
}
