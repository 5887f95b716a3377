use super::*;
use crate::check::html::{decode_entities, scan_html, srcset_urls};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

const SITE: &str = "https://org.github.io/repo/";

/// A throwaway output folder under the system temp dir, removed on drop.
/// (std only, so the tests need no dev-dependency.)
struct TempSite {
    root: PathBuf,
}

impl TempSite {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "proceedings-links-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            name
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).expect("create temp site");
        TempSite { root }
    }

    fn file(&self, rel: &str, body: impl AsRef<[u8]>) -> &Self {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(path, body).expect("write file");
        self
    }

    fn check(&self) -> LinkReport {
        check_links(&self.root, SITE).expect("check links")
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn page(body: &str) -> String {
    format!("<!doctype html><html><head><title>t</title></head><body>{body}</body></html>")
}

/// (page, target, reason) triples, easy to compare.
fn broken(report: &LinkReport) -> Vec<(String, String, BrokenReason)> {
    report
        .broken
        .iter()
        .map(|b| {
            (
                b.page.to_string_lossy().replace('\\', "/"),
                b.target.clone(),
                b.reason.clone(),
            )
        })
        .collect()
}

fn one(page: &str, target: &str, reason: BrokenReason) -> (String, String, BrokenReason) {
    (page.to_owned(), target.to_owned(), reason)
}

#[test]
fn relative_and_root_absolute_links_resolve_under_a_sub_path() {
    let site = TempSite::new("resolve");
    site.file(
        "index.html",
        page(
            r#"<a href="/repo/speakers/x/">a</a> <a href="speakers/x/">b</a>
            <a href="./">c</a> <a href="/repo/">d</a> <a href="/repo">e</a>
            <a href="speakers/x/index.html">f</a> <a href="/repo/speakers">g</a>
            <a href="">h</a> <a href="?lang=fr">i</a>
            <link rel="stylesheet" href="/repo/style.css">"#,
        ),
    )
    .file(
        "speakers/x/index.html",
        page(
            r#"<a href="../../">a</a> <a href="../">b</a> <a href="../../style.css">c</a>
            <a href="./">d</a> <a href="../x/">e</a> <a href="../../index.html">f</a>
            <a href="/repo/speakers/">g</a> <img src="photo.jpg">"#,
        ),
    )
    .file("speakers/index.html", page(""))
    .file("speakers/x/photo.jpg", "jpg")
    .file("style.css", "body{}");
    let report = site.check();
    assert_eq!(broken(&report), vec![]);
    assert_eq!(report.pages, 3);
    assert_eq!(report.links, 18);
}

#[test]
fn a_missing_page_is_reported_as_missing_file() {
    let site = TempSite::new("missing");
    site.file(
        "index.html",
        page(r#"<a href="/repo/nope/">x</a><a href="gone.html">y</a><a href="a/">z</a>"#),
    )
    .file("a/index.html", page(""));
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![
            one("index.html", "/repo/nope/", BrokenReason::MissingFile),
            one("index.html", "gone.html", BrokenReason::MissingFile),
        ]
    );
    assert_eq!(report.links, 3);
}

#[test]
fn a_missing_fragment_is_reported_and_a_present_one_is_not() {
    let site = TempSite::new("fragment");
    site.file(
        "index.html",
        page(
            r##"<section id=local></section>
            <a href="/repo/a/#here">1</a> <a href="/repo/a/#nowhere">2</a>
            <a href="#local">3</a> <a href="#absent">4</a> <a href="#">5</a>
            <a href="#top">6</a> <a href="a/#here">7</a> <a href="a/index.html#here">8</a>"##,
        ),
    )
    .file("a/index.html", page(r#"<h2 id="here">Here</h2>"#));
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![
            one("index.html", "#absent", BrokenReason::MissingFragment),
            one(
                "index.html",
                "/repo/a/#nowhere",
                BrokenReason::MissingFragment
            ),
        ]
    );
    assert_eq!(report.links, 8);
}

#[test]
fn a_missing_fragment_shared_by_several_pages_is_reported_on_each() {
    let site = TempSite::new("shared");
    let nav = page(r##"<a href="/repo/a/#here">ok</a><a href="/repo/a/#gone">x</a>"##);
    site.file("a/index.html", page(r#"<h2 id="here"></h2>"#))
        .file("b/index.html", &nav)
        .file("c/index.html", &nav);
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![
            one(
                "b/index.html",
                "/repo/a/#gone",
                BrokenReason::MissingFragment
            ),
            one(
                "c/index.html",
                "/repo/a/#gone",
                BrokenReason::MissingFragment
            ),
        ]
    );
    assert_eq!(report.links, 4);
}

#[test]
fn a_name_on_anchors_is_a_fragment_target_but_name_on_other_elements_is_not() {
    let site = TempSite::new("aname");
    site.file(
        "index.html",
        page(r##"<a name="old"></a><input name="q"><a href="#old">1</a><a href="#q">2</a>"##),
    );
    assert_eq!(
        broken(&site.check()),
        vec![one("index.html", "#q", BrokenReason::MissingFragment)]
    );
}

#[test]
fn links_inside_comments_scripts_and_styles_are_ignored() {
    let site = TempSite::new("comments");
    site.file(
        "index.html",
        r#"<!doctype html><html><head><title><a href="/repo/in-title/"></title>
        <!-- 1 > 0, so <a href="/repo/in-comment/"> is text -->
        <!--> <a href="/repo/ok/">after an empty comment</a>
        <script src="/repo/app.js">
          const s = '<a href="/repo/in-script/">'; // </scripts> is not the end
        </SCRIPT >
        <style>/* <a href="/repo/in-style/"> */ a { color: red }</style>
        <textarea><img src="in-textarea.png"></textarea>
        </head><body></body></html>"#,
    )
    .file("app.js", "")
    .file("ok/index.html", "");
    let report = site.check();
    assert_eq!(broken(&report), vec![]);
    assert_eq!(report.links, 2);
}

#[test]
fn external_links_are_skipped_and_not_counted() {
    let site = TempSite::new("external");
    site.file(
        "index.html",
        page(
            r#"<a href="https://other.org/x">1</a> <a href="mailto:a@b.c">2</a>
            <a href="tel:+41000">3</a> <a href="javascript:void(0)">4</a>
            <img src="data:image/png;base64,AAAA"> <script src="//cdn.example.com/x.js"></script>
            <a href="https://org.github.io/otherrepo/">5</a> <a href="ftp://org.github.io/repo/x">6</a>
            <a href="/repo/">internal</a>"#,
        ),
    );
    let report = site.check();
    assert_eq!(broken(&report), vec![]);
    assert_eq!(report.links, 1);
}

#[test]
fn full_urls_on_the_site_are_internal_whatever_the_scheme_or_trailing_slash() {
    let site = TempSite::new("fullurl");
    site.file(
        "index.html",
        page(
            r#"<a href="http://org.github.io/repo/a/">1</a> <a href="https://ORG.github.io/repo">2</a>
            <a href="https://org.github.io/repo/missing/">3</a> <a href="//org.github.io/repo/a/">4</a>
            <link rel="canonical" href="https://org.github.io:443/repo/">"#,
        ),
    )
    .file("a/index.html", page(""));
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![one(
            "index.html",
            "https://org.github.io/repo/missing/",
            BrokenReason::MissingFile
        )]
    );
    assert_eq!(report.links, 5);
}

#[test]
fn dot_dot_above_the_site_root_is_outside_site() {
    let site = TempSite::new("dotdot");
    site.file(
        "index.html",
        page(r#"<a href="../x/">1</a><a href="/repo/../x">2</a>"#),
    )
    .file(
        "a/index.html",
        page(r#"<a href="../">ok</a><a href="../../repo/a/">3</a><a href="../%2e%2e/">4</a>"#),
    );
    assert_eq!(
        broken(&site.check()),
        vec![
            one("a/index.html", "../%2e%2e/", BrokenReason::OutsideSite),
            one("a/index.html", "../../repo/a/", BrokenReason::OutsideSite),
            one("index.html", "../x/", BrokenReason::OutsideSite),
            one("index.html", "/repo/../x", BrokenReason::OutsideSite),
        ]
    );
}

#[test]
fn dot_dot_above_the_root_is_outside_site_with_a_root_base_url_too() {
    let site = TempSite::new("dotdotroot");
    site.file(
        "a/index.html",
        page(r#"<a href="../../a/">x</a><a href="../a/">ok</a>"#),
    );
    let report = check_links(&site.root, "https://example.com").expect("check links");
    assert_eq!(
        broken(&report),
        vec![one("a/index.html", "../../a/", BrokenReason::OutsideSite)]
    );
}

#[test]
fn a_root_absolute_link_outside_the_base_path_is_outside_site() {
    let site = TempSite::new("outside");
    site.file(
        "index.html",
        page(r#"<a href="/speakers/x/">1</a><a href="/repository/">2</a>"#),
    )
    .file("speakers/x/index.html", page(""));
    assert_eq!(
        broken(&site.check()),
        vec![
            one("index.html", "/repository/", BrokenReason::OutsideSite),
            one("index.html", "/speakers/x/", BrokenReason::OutsideSite),
        ]
    );
}

#[test]
fn percent_encoded_unicode_paths_resolve() {
    let site = TempSite::new("percent");
    site.file(
        "index.html",
        page(
            r#"<a href="/repo/speakers/jos%C3%A9/">1</a> <a href="speakers/josé/">2</a>
            <a href="files/a%20b.pdf">3</a> <a href="/repo/speakers/jos%C3%A8/">4</a>"#,
        ),
    )
    .file("speakers/josé/index.html", page(""))
    .file("files/a b.pdf", "pdf");
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![one(
            "index.html",
            "/repo/speakers/jos%C3%A8/",
            BrokenReason::MissingFile
        )]
    );
    assert_eq!(report.links, 4);
}

#[test]
fn entity_encoded_ampersands_in_a_query_are_fine_and_decoded() {
    let site = TempSite::new("entities");
    site.file(
        "index.html",
        page(
            r#"<a href="/repo/a/?q=1&amp;r=2#sec">1</a> <a href="b.html?x&amp;y">2</a>
            <a href="&#x2F;repo&#47;a/#s&#101;c">3</a> <a href="/repo/missing/?a=1&amp;b=2">4</a>"#,
        ),
    )
    .file("a/index.html", page(r#"<p id="sec"></p>"#))
    .file("b.html", page(""));
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![one(
            "index.html",
            "/repo/missing/?a=1&b=2",
            BrokenReason::MissingFile
        )]
    );
    assert_eq!(report.links, 4);
}

#[test]
fn unquoted_single_quoted_and_oddly_spaced_attributes_are_read() {
    let site = TempSite::new("quotes");
    site.file(
        "index.html",
        page(
            r#"<a href=/repo/missing1/>1</a> <a HREF = 'missing2.html' >2</a>
            <IMG SRC=missing3.png alt=x> <div ID='anchor'></div> <a href=#anchor>ok</a>
            <a
              href
              =
              "missing4.html">4</a>"#,
        ),
    );
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![
            one("index.html", "/repo/missing1/", BrokenReason::MissingFile),
            one("index.html", "missing2.html", BrokenReason::MissingFile),
            one("index.html", "missing3.png", BrokenReason::MissingFile),
            one("index.html", "missing4.html", BrokenReason::MissingFile),
        ]
    );
    assert_eq!(report.links, 5);
}

#[test]
fn srcset_with_several_candidates_checks_each() {
    let site = TempSite::new("srcset");
    site.file(
        "index.html",
        page(
            r#"<picture><source srcset="c.png">
            <img srcset="a.png 1x, /repo/b.png 2x,
              missing.png 3x" src="a.png"></picture>
            <img srcset="data:image/png;base64,AAAA 1x, a.png 480w" sizes="(max-width: 600px) 480px">"#,
        ),
    )
    .file("a.png", "")
    .file("b.png", "")
    .file("c.png", "");
    let report = site.check();
    assert_eq!(
        broken(&report),
        vec![one("index.html", "missing.png", BrokenReason::MissingFile)]
    );
    assert_eq!(report.links, 6);
}

#[test]
fn a_link_to_a_folder_without_index_html_is_missing_file() {
    let site = TempSite::new("folder");
    site.file(
        "index.html",
        page(r#"<a href="empty/">1</a><a href="/repo/empty">2</a><a href="empty/data.json">3</a>"#),
    )
    .file("empty/data.json", "{}");
    assert_eq!(
        broken(&site.check()),
        vec![
            one("index.html", "/repo/empty", BrokenReason::MissingFile),
            one("index.html", "empty/", BrokenReason::MissingFile),
        ]
    );
}

#[test]
fn fragments_on_non_html_targets_are_not_checked() {
    let site = TempSite::new("nonhtml");
    site.file(
        "index.html",
        page(r#"<a href="feed.xml#x">1</a><svg><use href="/repo/icons.svg#nope"></use></svg>"#),
    )
    .file("feed.xml", "<rss/>")
    .file("icons.svg", "<svg/>");
    let report = site.check();
    assert_eq!(broken(&report), vec![]);
    assert_eq!(report.links, 2);
}

#[test]
fn repeated_links_are_counted_each_time_but_reported_once() {
    let site = TempSite::new("repeat");
    site.file(
        "index.html",
        page(r#"<a href="/repo/x/">1</a><a href="/repo/x/">2</a><a href="/repo/x/">3</a>"#),
    );
    let report = site.check();
    assert_eq!(report.links, 3);
    assert_eq!(
        broken(&report),
        vec![one("index.html", "/repo/x/", BrokenReason::MissingFile)]
    );
}

#[test]
fn broken_links_are_sorted_by_page_then_target() {
    let site = TempSite::new("sorted");
    site.file(
        "b/index.html",
        page(r#"<a href="z.html">z</a><a href="a.html">a</a>"#),
    )
    .file(
        "a/index.html",
        page(r#"<a href="y.html">y</a><a href="b.html">b</a>"#),
    );
    assert_eq!(
        broken(&site.check()),
        vec![
            one("a/index.html", "b.html", BrokenReason::MissingFile),
            one("a/index.html", "y.html", BrokenReason::MissingFile),
            one("b/index.html", "a.html", BrokenReason::MissingFile),
            one("b/index.html", "z.html", BrokenReason::MissingFile),
        ]
    );
}

#[test]
fn non_utf8_pages_are_read_lossily_and_still_checked() {
    let site = TempSite::new("bytes");
    site.file(
        "index.html",
        b"<p>\xff\xfe</p><a href=\"/repo/\xe9t\xe9/\">x</a><a id=\"\xc3\">",
    )
    .file("ok.html", page("<a href=\"index.html\">"));
    let report = site.check();
    assert_eq!(report.pages, 2);
    assert_eq!(
        broken(&report),
        vec![one(
            "index.html",
            "/repo/\u{FFFD}t\u{FFFD}/",
            BrokenReason::MissingFile
        )]
    );
}

#[test]
fn the_scanner_survives_truncated_and_garbage_input() {
    let doc = r##"<!doctype html><!-- c --><a href='x' id=y name="z"><script>if (a<b) "</scr"</script>
        <img srcset="a 1x, b 2x (" src=&#x;&amp><p =x></p><a href="#y"<title>&#99999999999;</ti"##;
    for end in 0..=doc.len() {
        if let Some(prefix) = doc.get(..end) {
            let _ = scan_html(prefix);
            let _ = decode_entities(prefix);
            let _ = srcset_urls(prefix);
        }
    }
    // Pseudo-random soup of the bytes that drive the tokenizer.
    let alphabet = b"<>\"'=/!- ab&#;x\xc3\xa9\t";
    let mut state: u32 = 12345;
    for _ in 0..3000 {
        let mut soup = Vec::with_capacity(48);
        for _ in 0..48 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            soup.push(alphabet[(state >> 16) as usize % alphabet.len()]);
        }
        let text = String::from_utf8_lossy(&soup);
        let found = scan_html(&text);
        let site = Site::parse(SITE);
        let index = FileIndex {
            files: HashSet::new(),
            dirs: HashSet::new(),
            pages: Vec::new(),
        };
        for url in &found.urls {
            let _ = site.resolve(&index, &["a"], "a/index.html", url);
        }
    }
    let found = scan_html(r#"<a href="x"><a href='y'"#);
    assert_eq!(found.urls, vec!["x", "y"]);
}

#[test]
fn a_missing_output_folder_is_an_error() {
    let site = TempSite::new("gone");
    let missing = site.root.join("does-not-exist");
    assert!(check_links(&missing, SITE).is_err());
}

#[test]
fn entities_decode_named_numeric_and_legacy_references() {
    assert_eq!(
        decode_entities("a&amp;b&quot;&#39;&#x27;&lt;&gt;"),
        "a&b\"''<>"
    );
    assert_eq!(decode_entities("?a=1&ampb=2&amp=3"), "?a=1&ampb=2&amp=3");
    assert_eq!(
        decode_entities("&amp x &#65 &#0; &#xD800; &unknown;"),
        "& x A \u{FFFD} \u{FFFD} &unknown;"
    );
    assert!(matches!(decode_entities("plain"), Cow::Borrowed("plain")));
}

#[test]
fn srcset_candidates_are_split_on_commas_between_urls_only() {
    assert_eq!(
        srcset_urls(" a.png 1x,b.png 2x , c.png, data:x,y 3x"),
        vec!["a.png", "b.png", "c.png", "data:x,y"]
    );
    assert_eq!(srcset_urls("a.png (1,2), b.png"), vec!["a.png", "b.png"]);
}

#[test]
fn percent_decoding_keeps_malformed_escapes() {
    assert_eq!(percent_decode("jos%C3%A9%20x"), "josé x");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz%4"), "%zz%4");
}
