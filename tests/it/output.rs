//! The output folder: feeds, sitemap, static files, overrides, sub-paths, atomic swap.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::{SiteTest, main_of};

/// Parses XML fully and returns the text of every `<loc>` or `<id>`.
fn xml_texts(xml: &str, tag: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == tag => inside = true,
            Event::Text(t) if inside => out.push(t.decode().expect("utf-8").into_owned()),
            Event::End(_) => inside = false,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn sitemap_feed_robots_nojekyll_and_static_files_are_written() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    let locs = xml_texts(&t.read("sitemap.xml"), b"loc");
    assert!(locs.contains(&"https://example.org/sessions/opening/".to_string()));
    assert!(locs.iter().all(|l| l.starts_with("https://example.org/")));
    let ids = xml_texts(&t.read("feed.xml"), b"id");
    assert_eq!(
        ids.first().map(String::as_str),
        Some("https://example.org/")
    );
    assert!(ids.contains(&"https://example.org/sessions/health-panel/".to_string()));
    assert!(
        t.read("robots.txt")
            .contains("Sitemap: https://example.org/sitemap.xml")
    );
    assert!(t.exists(".nojekyll") && t.exists("404.html") && t.exists("assets/style.css"));
    assert_eq!(t.read("CNAME").trim(), "proceedings.example.org");
}

#[test]
fn every_link_carries_the_sub_path_and_resolves() {
    let t = SiteTest::new("cross/basic");
    t.build(&["--base-url", "https://org.github.io/repo/"]);
    let page = t.read("sessions/opening/index.html");
    assert!(page.contains("href=\"/repo/speakers/ana-lima/\""));
    assert!(page.contains("href=\"/repo/assets/style.css\""));
    assert!(
        !page.contains("href=\"/speakers/"),
        "no link escapes the sub-path"
    );
    assert!(
        t.read("404.html").contains("href=\"/repo/sessions/\""),
        "the 404 page works at any depth"
    );
    let check = t.run(&[
        "check",
        "--base-url",
        "https://org.github.io/repo/",
        "--out",
        "public",
    ]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && stdout.contains(": 0 broken"),
        "{stdout}"
    );
}

#[test]
fn check_reports_a_broken_link_and_fails() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    std::fs::remove_dir_all(t.root().join("public/speakers/bo-chen")).expect("rm");
    let check = t.run(&["check", "--out", "public"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!check.status.success());
    assert!(
        stderr.contains("broken link \"/speakers/bo-chen/\""),
        "{stderr}"
    );
}

#[test]
fn site_templates_override_the_theme_by_name() {
    let t = SiteTest::new("overrides/templates");
    t.build(&[]);
    let page = t.read("sessions/a/index.html");
    assert!(main_of(&page).contains("<h1 class=\"custom\">CUSTOM Overridden</h1>"));
    assert!(
        page.contains("Skip to content"),
        "the theme's base.html still wraps it"
    );
}

/// The theming guide's recipe: a `base.html` that adds to the `head` block reaches
/// every page, session pages included (their own `head` block calls `super()`).
#[test]
fn a_base_html_that_adds_to_the_head_reaches_every_page() {
    let t = SiteTest::new("cross/basic");
    t.write(
        "templates/base.html",
        "{% extends \"default/base.html\" %}\n{% block head %}<link rel=\"stylesheet\" href=\"{{ site.assets }}custom.css\">{% endblock head %}\n",
    );
    t.build(&[]);
    for page in [
        "index.html",
        "sessions/opening/index.html",
        "speakers/ana-lima/index.html",
        "events/forum-2024/index.html",
    ] {
        let html = t.read(page);
        assert!(
            html.contains("assets/custom.css\">"),
            "{page}: no custom.css"
        );
    }
    let session = t.read("sessions/opening/index.html");
    assert!(
        session.contains("citation_title"),
        "the session's own head stays"
    );
}

#[test]
fn builds_are_byte_identical_from_run_to_run() {
    let t = SiteTest::new("cross/basic");
    t.build(&["--out", "one"]);
    t.build(&["--out", "two"]);
    let list = |d: &str| {
        let mut v: Vec<_> = walk(&t.root().join(d))
            .into_iter()
            .map(|p| {
                (
                    p.0.strip_prefix(t.root().join(d))
                        .expect("prefix")
                        .to_path_buf(),
                    p.1,
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(list("one"), list("two"));
}

fn walk(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            let bytes = std::fs::read(&p).expect("read");
            out.push((p, bytes));
        }
    }
    out
}

#[test]
fn an_output_folder_that_holds_the_site_is_refused() {
    let t = SiteTest::new("cross/basic");
    for out in [".", "..", "sessions/out"] {
        let r = t.run(&["build", "--out", out]);
        assert!(!r.status.success(), "{out}");
        assert!(
            String::from_utf8_lossy(&r.stderr).contains("refusing to write"),
            "{out}"
        );
    }
    assert!(
        t.root().join("sessions/forum-2024/opening.md").exists(),
        "nothing was deleted"
    );
}

#[test]
fn every_example_site_builds_without_warnings() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in std::fs::read_dir(&examples).expect("examples/") {
        let site = entry.expect("entry").path();
        if !site.join("proceedings.yaml").exists() {
            continue;
        }
        let out = tempfile::tempdir().expect("tempdir");
        let r = assert_cmd::Command::cargo_bin("proceedings")
            .expect("binary")
            .arg("build")
            .arg(&site)
            .arg("--out")
            .arg(out.path())
            .output()
            .expect("runs");
        assert!(
            r.status.success(),
            "{}: {}",
            site.display(),
            String::from_utf8_lossy(&r.stderr)
        );
        assert!(
            r.stderr.is_empty(),
            "{}: {}",
            site.display(),
            String::from_utf8_lossy(&r.stderr)
        );
    }
}
