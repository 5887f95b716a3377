//! Nothing lost, nothing leaked: the output folder is replaced only when it is
//! the build's own, all or nothing; files outside the site are never read.

use std::fs;
use std::path::Path;

use crate::SiteTest;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its bytes, sorted.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_folder_no_build_wrote_is_never_replaced_without_force() {
    let t = SiteTest::new("cross/basic");
    t.write("thesis/.git/HEAD", "ref: refs/heads/main\n");
    t.write("thesis/src/chapter1.tex", "\\chapter{One}\n");
    t.write("thesis/thesis.tex", "\\documentclass{book}\n");
    let before = snapshot(&t.root().join("thesis"));
    let out = t.run(&["build", "--out", "thesis"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("refusing to replace thesis: it is not empty and no build wrote it (it holds .git/, src/, thesis.tex)"),
        "{err}"
    );
    assert!(err.contains("help: ") && err.contains("--force"), "{err}");
    assert_eq!(snapshot(&t.root().join("thesis")), before, "untouched");
    assert!(leftovers(t.root()).is_empty());
    // With --force the user asked for it.
    t.build(&["--out", "thesis", "--force"]);
    assert!(t.root().join("thesis/index.html").exists());
    assert!(!t.root().join("thesis/.git").exists());
    // From then on the folder is the build's own: no flag needed.
    t.build(&["--out", "thesis"]);
}

#[test]
fn every_build_marks_its_output_and_an_empty_folder_is_fine() {
    let t = SiteTest::new("cross/basic");
    fs::create_dir(t.root().join("empty")).expect("mkdir");
    t.build(&["--out", "empty"]);
    assert!(t.root().join("empty/.proceedings-output").is_file());
    t.build(&[]);
    assert!(t.exists(".proceedings-output"));
}

#[test]
fn a_read_only_output_folder_is_left_as_it_was() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    let public = t.root().join("public");
    let before = snapshot(&public);
    let mode = |m| std::os::unix::fs::PermissionsExt::from_mode(m);
    fs::set_permissions(&public, mode(0o555)).expect("chmod");
    t.write("sessions/forum-2024/new.md", "---\ntitle: New\n---\n");
    let out = t.run(&["build"]);
    fs::set_permissions(&public, mode(0o755)).expect("chmod back");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the folder is read-only"), "{err}");
    assert_eq!(snapshot(&public), before);
    assert!(leftovers(t.root()).is_empty(), "{:?}", leftovers(t.root()));
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_replaces_the_folder_it_points_to() {
    let t = SiteTest::new("cross/basic");
    let www = tempfile::tempdir().expect("tempdir");
    let target = www.path().join("site");
    fs::create_dir(&target).expect("mkdir");
    std::os::unix::fs::symlink(&target, t.root().join("public")).expect("link");
    t.build(&[]);
    assert!(
        fs::symlink_metadata(t.root().join("public"))
            .expect("meta")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(target.join("index.html").is_file());
    let before = snapshot(&target);
    // A failed build changes nothing, through the link or beside it.
    t.write(
        "sessions/forum-2024/opening.md",
        "---\ntitle: Broken\nsdgs: [99]\n---\n",
    );
    let out = t.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(&target), before);
    assert!(leftovers(www.path()).is_empty());
    assert!(leftovers(t.root()).is_empty());
}

#[test]
fn staging_folders_of_killed_builds_are_removed_and_others_kept() {
    let t = SiteTest::new("cross/basic");
    // A build killed mid-way: its staging folder carries the marker; its process is gone.
    t.write(".public.staging-4294967000/.proceedings-output", "x");
    t.write(".public.staging-4294967000/sessions/a/index.html", "x");
    t.write(".public.old-4294967001/notes.txt", "not a build's");
    t.build(&[]);
    if Path::new("/proc/self").exists() {
        assert!(!t.root().join(".public.staging-4294967000").exists());
    }
    assert!(t.root().join(".public.old-4294967001/notes.txt").exists());
}

#[test]
fn a_folder_that_is_not_a_site_is_refused_and_nothing_is_written_into_it() {
    let t = SiteTest::new("cross/basic");
    for folder in ["sessions", "sessions/forum-2024"] {
        let out = t.run(&["build", folder]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{folder}: {err}");
        assert!(err.contains("is not a site"), "{err}");
        assert!(err.contains("help: "), "{err}");
        assert!(!t.root().join(folder).join("public").exists());
    }
    fs::create_dir(t.root().join("empty")).expect("mkdir");
    assert_eq!(t.run(&["build", "empty"]).status.code(), Some(1));
    assert!(!t.root().join("empty/public").exists());
}

/// A folder outside the site with a secret in it.
#[cfg(unix)]
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("secret.txt"), "TOP-SECRET-LINE\n").expect("write");
    fs::write(
        dir.path().join("session.md"),
        "TOP-SECRET-LINE\n---\ntitle: x\n---\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("speakers.yaml"),
        "- name: TOP-SECRET-LINE\n",
    )
    .expect("write");
    fs::create_dir(dir.path().join("folder")).expect("mkdir");
    fs::write(dir.path().join("folder/inner.txt"), "TOP-SECRET-LINE\n").expect("write");
    dir
}

#[cfg(unix)]
#[test]
fn links_that_leave_the_site_are_refused_for_every_kind_of_input() {
    use std::os::unix::fs::symlink;
    let secret = outside();
    let o = secret.path();
    // (link in the site, target outside it)
    let cases = [
        ("static/passwd", o.join("secret.txt")),
        ("static/elsewhere", o.join("folder")),
        ("static/environ", "/proc/self/environ".into()),
        ("sessions/forum-2024/linked.md", o.join("session.md")),
        ("data/speakers.yaml", o.join("speakers.yaml")),
        ("templates/session.html", o.join("secret.txt")),
    ];
    for (link, target) in &cases {
        let t = SiteTest::new("cross/basic");
        let at = t.root().join(link);
        fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
        let _ = fs::remove_file(&at);
        symlink(target, &at).expect("link");
        let out = t.run(&["build"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{link}: {err}");
        assert!(
            err.contains(&format!(
                "{link}: error: this leads outside the site through a symbolic link"
            )),
            "{link}: {err}"
        );
        assert!(
            err.contains("help: files outside the site folder are never read"),
            "{link}"
        );
        assert!(
            !err.contains("TOP-SECRET-LINE"),
            "{link}: the file was read: {err}"
        );
        assert!(!t.exists("index.html"), "{link}: nothing published");
    }
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_site_are_followed() {
    use std::os::unix::fs::symlink;
    let t = SiteTest::new("cross/basic");
    t.write("shared/logo.txt", "logo");
    symlink(t.root().join("shared"), t.root().join("static/shared")).expect("link");
    symlink(
        t.root().join("sessions/forum-2024/opening.md"),
        t.root().join("sessions/opening-again.md"),
    )
    .expect("link");
    let out = t.run(&["build"]);
    // The second link is a second session with the same slug: an error about the
    // content, not about the link.
    let err = stderr(&out);
    assert!(!err.contains("outside the site"), "{err}");
    fs::remove_file(t.root().join("sessions/opening-again.md")).expect("rm");
    t.build(&[]);
    assert_eq!(t.read("shared/logo.txt"), "logo");
}

#[test]
fn errors_and_warnings_past_column_65535_are_reported_without_a_panic() {
    let t = SiteTest::new("cross/basic");
    let many = "1, ".repeat(25_000);
    t.write(
        "sessions/forum-2024/wide.md",
        &format!("---\ntitle: Wide\nsdgs: [{many}99]\n---\n"),
    );
    let out = t.run(&["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sessions/forum-2024/wide.md:3:75008: error:"),
        "{}",
        &err[..err.len().min(500)]
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.lines().all(|l| l.chars().count() < 1000),
        "excerpt lines are cut"
    );
    // A warning that far right, on a site that builds: exit 0, the site written.
    let pad = "x".repeat(70_000);
    t.write(
        "sessions/forum-2024/wide.md",
        &format!("---\ntitle: Wide\nspeakers:\n  - {{name: Ann Lee, role: \"{pad}\", country: Atlantis}}\n---\n"),
    );
    let out = t.run(&["build"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{}", &err[..err.len().min(500)]);
    assert!(
        err.contains("warning: unknown country `Atlantis`"),
        "{}",
        &err[..err.len().min(500)]
    );
    assert!(t.exists("sessions/wide/index.html"));
}

#[test]
fn control_characters_in_content_and_file_names_never_reach_the_terminal() {
    let t = SiteTest::new("cross/basic");
    // An OSC 52 clipboard write, a screen clear and a forged diagnostic line.
    let evil = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\rsessions/ok.md:1:1: error: forged\u{9b}";
    t.write(
        &format!("sessions/forum-2024/x{}.md", "\u{1b}[31m"),
        &format!("---\ntitle: T\n{evil}: 1\ncountry{evil}: x\n---\n"),
    );
    // The same in a value, through YAML's own escapes: a warning that quotes it.
    t.write(
        "sessions/forum-2024/warn.md",
        "---\ntitle: W\nspeakers:\n  - {name: Bo Li, country: \"Atl\\e]52;c;ZXZpbA==\\a\\e[2J\\rforged\"}\n---\n",
    );
    let out = t.run(&["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for bad in ['\u{1b}', '\u{7}', '\r', '\u{9b}'] {
        assert!(!err.contains(bad), "{bad:?} printed raw:\n{err:?}");
    }
    assert!(err.contains("\\u{1b}"), "shown escaped: {err}");
    // Read, the value loses its control characters (a warning says so), and what is
    // left is still quoted escaped.
    assert!(
        err.contains("warn.md:4:28: warning: control character U+001B (a YAML escape) removed"),
        "{err}"
    );
    assert!(
        err.contains("warning: unknown country `Atl]52;c;ZXZpbA==[2J\\u{d}forged`"),
        "{err}"
    );
}
