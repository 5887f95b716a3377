//! Bad input: every error names file:line:column, all errors come together,
//! the exit code is non-zero, and the previous output stays byte-identical.

use crate::SiteTest;

/// (fixture, expected first line of the report, expected help fragment).
const CASES: &[(&str, &str, &str)] = &[
    (
        "unknown-key",
        "sessions/a.md:3:1: error: unknown key `titel`",
        "did you mean `title`?",
    ),
    (
        "sdg-18",
        "sessions/a.md:3:11: error: \"18\" is not a Sustainable Development Goal",
        "",
    ),
    (
        "action-line",
        "sessions/a.md:5:5: error: \"C12 Space\" is not a WSIS Action Line",
        "",
    ),
    (
        "bad-recording",
        "sessions/a.md:3:18: error: `javascript:` links are not allowed",
        "a path in the site such as /docs/outcome.pdf",
    ),
    (
        "bad-slides",
        "sessions/a.md:5:5: error: `javascript:` links are not allowed",
        "",
    ),
    (
        "bad-duration",
        "sessions/a.md:5:13: error: `a while` is not a duration",
        "\"1:32:10\", \"45 min\"",
    ),
    (
        "missing-title",
        "sessions/a.md:2:1: error: missing required key `title`",
        "add `title: …`",
    ),
    (
        "bad-date",
        "sessions/a.md:3:7: error: `2024-13-45` is not a date",
        "YYYY-MM-DD",
    ),
    (
        "no-front-matter",
        "sessions/a.md:1:1: error: no front matter",
        "start the file with a line `---`",
    ),
    (
        "unclosed",
        "sessions/a.md:1:1: error: the front matter is not closed",
        "add a line `---`",
    ),
    (
        "tab",
        "sessions/a.md:4:1: error: a tab is used for indentation",
        "only spaces",
    ),
    (
        "empty-name",
        "sessions/a.md:4:5: error: a person without a name",
        "needs `name: …`",
    ),
    (
        "bad-slug",
        "sessions/a.md:3:7: error: `../../etc` is not a valid slug",
        "e.g. `etc`",
    ),
    ("wrong-type", "sessions/a.md:3:11: error: ", "takes a list"),
    (
        "utf8",
        "sessions/a.md:4:4: error: the file is not valid UTF-8",
        "UTF-8",
    ),
    (
        "config-key",
        "proceedings.yaml:2:1: error: unknown key `base_ulr`",
        "did you mean `base_url`?",
    ),
    (
        "empty-file",
        "sessions/a.md:1:1: error: the file is empty",
        "a session starts with front matter",
    ),
    (
        "honorific-only",
        "sessions/a.md:3:12: error: a person without a name",
        "needs `name: …`",
    ),
    (
        "reserved-slug",
        "sessions/page.md:1:1: error: the slug `page` is reserved for the site's own pages",
        "add `slug: …`",
    ),
    (
        "wrong-sdg-type",
        "sessions/a.md:3:7: error: expected sequence start",
        "takes a list",
    ),
    // Every URL-valued input goes through one validated type (url::Link, url::BaseUrl).
    (
        "script-link",
        "sessions/a.md:4:25: error: `javascript:` links are not allowed (in `javascript:alert(1)`)",
        "write a web address (https://…)",
    ),
    (
        "link-data-url",
        "sessions/a.md:4:26: error: `data:` links are not allowed",
        "a path in the site",
    ),
    (
        "event-url-script",
        "data/events.yaml:3:8: error: `JaVaScRiPt:` links are not allowed",
        "write a web address",
    ),
    (
        "orcid-checksum",
        "data/speakers.yaml:2:10: error: `0000-0002-1825-0098` has the check digit 8",
        "copy the iD from the person's ORCID record",
    ),
    (
        "photo-script",
        "data/speakers.yaml:2:10: error: `javascript:` links are not allowed",
        "write a web address",
    ),
    (
        "photo-mailto",
        "data/speakers.yaml:2:10: error: the photo `mailto:ann@example.org` is a mail address",
        "the address of an image",
    ),
    (
        "speaker-link-script",
        "data/speakers.yaml:3:26: error: `vbscript:` links are not allowed",
        "write a web address",
    ),
    (
        "base-url-script",
        "proceedings.yaml:2:11: error: base_url `javascript:alert(1)//` is not a web address (`javascript:`)",
        "e.g. https://org.github.io/repo/",
    ),
    (
        "base-url-newline",
        "proceedings.yaml:2:11: error: base_url `https://example.org/a\\nDisallow: /` contains a control character (U+000A)",
        "e.g. https://org.github.io/repo/",
    ),
    (
        "base-url-query",
        "proceedings.yaml:2:11: error: base_url `https://example.org/?utm=1` has a query or a fragment",
        "remove everything from the `?`",
    ),
    (
        "base-url-no-scheme",
        "proceedings.yaml:2:11: error: base_url `example.org/repo` has no scheme",
        "did you mean `https://example.org/repo/`?",
    ),
    (
        "edit-url",
        "proceedings.yaml:2:11: error: `edit_url` has no `{path}`",
        "put `{path}` where the file's path in the site goes",
    ),
    (
        "language",
        "proceedings.yaml:2:11: error: `english` is not a language tag",
        "such as en, fr, ar",
    ),
    (
        "sessions-per-page-zero",
        "proceedings.yaml:2:20: error: `sessions_per_page` must be at least 1",
        "such as 50",
    ),
    (
        "theme-escape",
        "proceedings.yaml:2:8: error: `../../etc` is not a theme name",
        "the name of a folder in themes/",
    ),
    (
        "event-typo",
        "sessions/a.md:3:8: error: there is no event `wsis-2099` in data/events.yaml",
        "did you mean `wsis-2024`?",
    ),
    (
        "event-ends-first",
        "data/events.yaml:4:8: error: the event ends (2024-05-27) before it starts (2024-05-30)",
        "swap `start:` and `end:`",
    ),
    (
        "yaml-tag",
        "sessions/a.md:2:8: error: the YAML tag `!!binary` is not allowed",
        "remove the tag",
    ),
    (
        "yaml-tag-python",
        "sessions/a.md:3:10: error: the YAML tag `!!python/str` is not allowed",
        "remove the tag",
    ),
    (
        "sdg-float",
        "sessions/a.md:3:8: error: \"4.5\" is not a Sustainable Development Goal",
        "goals are numbered 1 to 17",
    ),
    (
        "template-syntax",
        "templates/session.html:3:7: error: found `%}` but expected one of",
        "every {{ … }} and {% … %} must be complete",
    ),
    (
        "template-variable",
        "templates/session.html:3:4: error: variable `nosuch` is not defined",
        "guard it",
    ),
    (
        "body-too-deep",
        "sessions/a.md:6:1: error: the body nests lists, quotes and HTML elements more than 128 levels deep",
        "close the elements that are left open",
    ),
    (
        "duplicate-slug",
        "sessions/two/same.md:1:1: error: two sessions have the slug `same`",
        "sessions/one/same.md",
    ),
    (
        "homonym-plain",
        "sessions/a.md:5:5: error: `Wang Wei` may be any of 2 people in data/speakers.yaml: `wang-wei-cn` (China), `wang-wei-itu` (ITU)",
        "add `id: wang-wei-cn`",
    ),
    (
        "speaker-id-unknown",
        "sessions/a.md:4:10: error: there is no speaker `wang-wei-it` in data/speakers.yaml",
        "did you mean `wang-wei-itu`?",
    ),
    (
        "alias-escape",
        "sessions/a.md:3:22: error: the alias `/2019/../../outside/` has a `.` or `..` part",
        "an old path of this site",
    ),
    (
        "alias-taken",
        "sessions/b.md:4:5: error: the alias /sessions/a/ is already a page of the site",
        "remove this alias",
    ),
    (
        "homonym-no-id",
        "data/speakers.yaml:3:9: error: the name or alias `Wang Wei` is already used by another speaker",
        "give each an `id:` of its own",
    ),
    (
        "organization-clash",
        "data/organizations.yaml:6:13: error: `ieu` already names the organization `union` (at data/organizations.yaml:3:12)",
        "remove it from one of the two entries",
    ),
];

#[test]
fn each_bad_input_is_reported_with_its_position_and_a_hint() {
    for (case, first_line, help) in CASES {
        let t = SiteTest::new(&format!("invalid/{case}"));
        let out = t.run(&["build"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{case}: exit code\n{stderr}");
        assert!(
            stderr.starts_with(first_line),
            "{case}: expected `{first_line}`, got:\n{stderr}"
        );
        assert!(
            stderr.contains(help),
            "{case}: expected help `{help}` in:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{case}");
        // Every error says how to fix it.
        let errors = stderr.lines().filter(|l| l.contains(": error: ")).count();
        let helps = stderr.lines().filter(|l| l.starts_with("  help: ")).count();
        assert!(helps >= errors, "{case}: an error without help:\n{stderr}");
        assert!(!t.exists("index.html"), "{case}: nothing was written");
    }
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let t = SiteTest::new("invalid/many-errors");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("sessions/a.md:3:8: error: \"0\" is not a Sustainable Development Goal"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sessions/b.md:3:1: error: unknown key `colour`"),
        "{stderr}"
    );
    assert!(stderr.contains("failed with 2 error(s)"), "{stderr}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    let before = t.read("sessions/opening/index.html");
    let home = t.read("index.html");
    t.write(
        "sessions/forum-2024/opening.md",
        "---\ntitle: Broken\nsdgs: [99]\n---\n",
    );
    let out = t.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(t.read("sessions/opening/index.html"), before);
    assert_eq!(t.read("index.html"), home);
    let leftovers: Vec<_> = std::fs::read_dir(t.root())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left behind");
}

#[test]
fn an_unknown_country_is_a_warning_naming_file_and_line() {
    let t = SiteTest::new("warnings/unknown-country");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("sessions/a.md:4:30: warning: unknown country `Vietnma`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `Viet Nam`?"), "{stderr}");
    assert!(t.exists("speakers/bo-chen/index.html"));
}

#[test]
fn two_site_aliases_that_match_alike_but_name_two_countries_are_a_warning() {
    // #22: a spelling that names two countries is never taken silently. "Congo"
    // and "congo" fold alike; "Holland" and "holland" name one country (NL, NLD).
    let t = SiteTest::new("warnings/country-alias-twice");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "data/countries.yaml:2:8: warning: `congo` names CG here, but another entry \
             that matches it names CD: `congo` is read as CG"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(t.exists("countries/cg/index.html"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let t = SiteTest::new("cross/basic");
    std::os::unix::fs::symlink("..", t.root().join("sessions/forum-2024/loop")).expect("symlink");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
}

#[test]
fn an_unreadable_session_file_is_an_error_with_a_hint() {
    let t = SiteTest::new("cross/basic");
    // Root reads any file whatever its mode, so a link that points nowhere stands in for an
    // unreadable file everywhere; without root, a file with no read permission is tried too.
    std::os::unix::fs::symlink("nowhere.md", t.root().join("sessions/ghost.md")).expect("symlink");
    let mut expected = vec!["sessions/ghost.md: error: cannot read"];
    let locked = t.root().join("sessions/locked.md");
    let is_root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(true);
    if !is_root {
        std::fs::write(&locked, "---\ntitle: Locked\n---\n").expect("write");
        std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
            .expect("chmod");
        expected.push("sessions/locked.md: error: cannot read the file");
    }
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for line in expected {
        assert!(stderr.contains(line), "missing `{line}` in:\n{stderr}");
    }
    assert!(stderr.contains("help: make it readable"), "{stderr}");
    assert!(!t.exists("index.html"), "nothing is written");
}

#[test]
fn a_bad_base_url_on_the_command_line_is_an_error_that_names_the_flag() {
    let t = SiteTest::new("cross/basic");
    for bad in [
        "javascript:alert(1)//",
        "https://x.org/\nSitemap: evil",
        "example.org",
    ] {
        let out = t.run(&["build", "--base-url", bad]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bad}: {stderr}");
        assert!(
            stderr.starts_with("--base-url: error: base_url `"),
            "{stderr}"
        );
        assert!(stderr.contains("  help: "), "{stderr}");
        assert!(!t.exists("index.html"));
    }
}

#[test]
fn a_missing_site_folder_is_a_clear_error() {
    let t = SiteTest::new("cross/basic");
    let out = t.run(&["build", "no-such-site"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no site at no-such-site"));
}

#[test]
fn unusual_but_valid_files_build() {
    let t = SiteTest::new("warnings/no-host");
    // A BOM and CRLF line ends, a name with spaces and Unicode, front matter only.
    t.write(
        "sessions/Réunion de clôture.md",
        "\u{feff}---\r\ntitle: Clôture\r\ndate: 2024-05-31\r\n---\r\nBody.\r\n",
    );
    t.write(
        "sessions/only-front-matter.md",
        "---\ntitle: Only front matter\n---\n",
    );
    // A 10 MB body and a session with 5 000 speakers.
    let body = "A long paragraph of proceedings text. ".repeat(10 * 1024 * 1024 / 38);
    t.write(
        "sessions/huge.md",
        &format!("---\ntitle: Huge\n---\n{body}\n"),
    );
    let speakers: String = (0..5000)
        .map(|i| format!("  - Speaker Number{i}\n"))
        .collect();
    t.write(
        "sessions/crowd.md",
        &format!("---\ntitle: Crowd\nspeakers:\n{speakers}---\n"),
    );
    let out = t.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        t.read("sessions/reunion-de-cloture/index.html")
            .contains("Clôture")
    );
    assert!(t.exists("sessions/only-front-matter/index.html"));
    assert!(t.read("sessions/huge/index.html").len() > 10_000_000);
    assert!(t.exists("speakers/speaker-number4999/index.html"));
}

/// Every bad goal and action line of a file is reported, each at its position, not
/// only the first (#20 item 8).
#[test]
fn every_bad_sdg_and_action_line_of_a_file_is_reported() {
    let t = SiteTest::new("invalid/sdg-18");
    t.write(
        "sessions/a.md",
        "---\ntitle: A\nsdgs: [18, 4, \"Goal 19\"]\naction_lines: [C99, C1, C12]\n---\n",
    );
    let out = t.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for line in [
        "sessions/a.md:3:8: error: \"18\" is not a Sustainable Development Goal",
        "sessions/a.md:3:15: error: \"Goal 19\" is not a Sustainable Development Goal",
        "sessions/a.md:4:16: error: \"C99\" is not a WSIS Action Line",
        "sessions/a.md:4:25: error: \"C12\" is not a WSIS Action Line",
        "the build failed with 4 error(s)",
    ] {
        assert!(err.contains(line), "no `{line}` in:\n{err}");
    }
}
