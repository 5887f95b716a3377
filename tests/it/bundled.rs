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
