//! The bundled `proceedings/` site: one end-to-end smoke test of real cross-links.

use assert_cmd::Command;

#[test]
fn the_bundled_site_builds_with_real_cross_links_and_no_broken_links() {
    let out = tempfile::tempdir().expect("tempdir");
    let site = concat!(env!("CARGO_MANIFEST_DIR"), "/proceedings");
    let result = Command::cargo_bin("proceedings")
        .expect("binary")
        .args(["build", site, "--out"])
        .arg(out.path())
        .args(["--base-url", "https://example.org/sub/path/"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(stdout.starts_with("built 4 sessions, "), "{stdout}");
    let read = |p: &str| {
        std::fs::read_to_string(out.path().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
    };

    let hung = read("speakers/nguyen-manh-hung/index.html");
    assert!(
        hung.contains("/sub/path/sessions/ministerial-roundtable-3-digital-technologies-covid-19/"),
        "Hung links the roundtable"
    );

    let vn = read("countries/vn/index.html");
    for name in [
        "Nguyen Manh Hung",
        "Nguyen Huy Dung",
        "Tien Minh Hoang",
        "Phan Tam",
    ] {
        assert!(vn.contains(name), "Viet Nam lists {name}");
    }
    assert!(
        vn.contains("cybersecurity-privacy-solutions") && vn.contains("ministerial-roundtable-3"),
        "both articles"
    );

    let health = read("action-lines/c7-e-health/index.html");
    assert!(health.contains("/sub/path/sessions/ict-peace-prosperity-security-iot/"));

    let sdg5 = read("sdgs/5/index.html");
    assert!(sdg5.contains("Gender Equality") && sdg5.contains("No session yet."));

    let check = Command::cargo_bin("proceedings")
        .expect("binary")
        .args([
            "check",
            site,
            "--base-url",
            "https://example.org/sub/path/",
            "--out",
        ])
        .arg(out.path())
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && report.contains(": 0 broken"),
        "{report}{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// The text of an HTML page with its tags removed (a tag stands for nothing, so
/// `1<span class="visually-hidden"> session</span>` reads "1 session", as a screen
/// reader says it).
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Count words after a number, in a page's text: ("1", "sessions") for "… 1 sessions".
fn counted_words(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| !w[0].is_empty() && w[0].chars().all(|c| c.is_ascii_digit()))
        .map(|w| {
            let unit = w[1].trim_end_matches([',', '.', ':', ')']);
            (w[0].to_string(), unit.to_string())
        })
        .collect()
}

#[test]
fn counts_agree_with_their_units_in_visible_and_screen_reader_text() {
    let out = tempfile::tempdir().expect("tempdir");
    let site = concat!(env!("CARGO_MANIFEST_DIR"), "/proceedings");
    let result = Command::cargo_bin("proceedings")
        .expect("binary")
        .args(["build", site, "--quiet", "--out"])
        .arg(out.path())
        .output()
        .expect("runs");
    assert!(result.status.success());
    let singular = [("sessions", "session"), ("people", "person")];
    let (mut ones, mut wrong) = (0, Vec::new());
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).expect("page");
        for (n, unit) in counted_words(&text_of(&html)) {
            for (many, one) in singular {
                let expected = if n == "1" { one } else { many };
                if (unit == many || unit == one) && unit != expected {
                    wrong.push(format!("{}: {n} {unit}", entry.path().display()));
                }
                if n == "1" && unit == one {
                    ones += 1;
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The bundled site has goals and action lines of one session: the check saw some.
    assert!(ones > 0, "no count of one found");
}

#[test]
fn counted_words_reads_numbers_before_units() {
    assert_eq!(
        counted_words(&text_of("<p>3<span> sessions</span>, 1 person.</p>")),
        [
            ("3".into(), "sessions".into()),
            ("1".into(), "person".into())
        ]
    );
}
