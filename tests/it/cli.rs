//! The user's journey on the command line: init, new, completions, man pages,
//! quiet and verbose output, and the GitHub Pages workflows.

use assert_cmd::Command;

fn proceedings(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("proceedings")
        .expect("binary")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn init_makes_a_site_that_builds_at_once_and_refuses_a_non_empty_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = proceedings(dir.path(), &["init", "site", "--title", "Forum: 2026"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for f in [
        "proceedings.yaml",
        "data/events.yaml",
        ".github/workflows/pages.yml",
    ] {
        assert!(dir.path().join("site").join(f).exists(), "{f}");
    }
    let build = proceedings(dir.path(), &["build", "site"]);
    assert!(
        build.status.success() && build.stderr.is_empty(),
        "{}",
        text(&build.stderr)
    );
    assert!(text(&build.stdout).starts_with("built 2 sessions"));
    let home = std::fs::read_to_string(dir.path().join("site/public/index.html")).expect("home");
    assert!(home.contains("<title>Forum: 2026</title>"));
    let again = proceedings(dir.path(), &["init", "site"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("is not empty"));
}

#[test]
fn new_session_writes_a_template_that_builds_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(proceedings(dir.path(), &["init", "."]).status.success());
    let args = [
        "new",
        "session",
        "Youth and AI",
        "--event",
        "my-forum-2026",
        "--type",
        "workshop",
        "--date",
        "2026-03-04",
    ];
    let out = proceedings(dir.path(), &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "sessions/my-forum-2026/youth-and-ai.md"
    );
    let build = proceedings(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    let page = std::fs::read_to_string(dir.path().join("public/sessions/youth-and-ai/index.html"))
        .expect("page");
    assert!(
        page.contains("Youth and AI") && page.contains("Workshop") && page.contains("4 March 2026")
    );
    let again = proceedings(dir.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
}

#[test]
fn completions_and_man_pages_come_from_the_command_definition() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = proceedings(dir.path(), &["completions", shell]);
        assert!(
            out.status.success() && text(&out.stdout).contains("build"),
            "{shell}"
        );
    }
    let man = proceedings(dir.path(), &["man"]);
    assert!(text(&man.stdout).contains(".TH proceedings 1"));
    assert!(
        proceedings(dir.path(), &["man", "--out", "man"])
            .status
            .success()
    );
    assert!(dir.path().join("man/proceedings-build.1").exists());
}

#[test]
fn quiet_prints_nothing_verbose_prints_stage_timings_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(proceedings(dir.path(), &["init", "."]).status.success());
    let quiet = proceedings(dir.path(), &["build", "--quiet"]);
    assert!(quiet.status.success() && quiet.stdout.is_empty() && quiet.stderr.is_empty());
    let verbose = proceedings(dir.path(), &["-v", "build"]);
    // The stages docs/cli.md names, in order.
    let stages = text(&verbose.stderr);
    let line = stages
        .lines()
        .find(|l| l.starts_with("stages: "))
        .expect("stages");
    let names: Vec<&str> = (line["stages: ".len()..].split(", "))
        .map(|s| s.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["load", "resolve", "photos", "index", "render", "swap"],
        "{stages}"
    );
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md"))
        .expect("docs/cli.md");
    assert!(
        doc.contains("(`load`, `resolve`, `photos`, `index`, `render`, `swap`"),
        "docs/cli.md names the stages -v prints"
    );
    // A failed build with --quiet still shows the warnings beside the errors.
    std::fs::write(
        dir.path().join("sessions/bad.md"),
        "---\ntitle: B\nsdgs: [18]\nspeakers: [{name: A B, country: Atlantis}]\n---\n",
    )
    .expect("write");
    let failed = proceedings(dir.path(), &["build", "--quiet"]);
    let err = text(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        err.contains("error: \"18\"") && err.contains("warning: unknown country"),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("sessions/bad.md")).expect("remove");
    assert_eq!(
        proceedings(dir.path(), &["build", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );
    for cmd in ["build", "check", "init", "new", "completions", "man"] {
        let help = proceedings(dir.path(), &[cmd, "--help"]);
        assert!(
            help.status.success() && text(&help.stdout).contains("Usage:"),
            "{cmd}"
        );
    }
}

/// A workflow file as JSON, with the checks GitHub Pages deployments need.
fn check_pages_workflow(path: &str) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let yaml = std::fs::read_to_string(&file).expect("workflow");
    let wf: serde_json::Value = serde_saphyr::from_str(&yaml).expect("valid YAML");
    let steps = |job: &str| {
        wf["jobs"][job]["steps"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let uses = |job: &str| {
        steps(job)
            .iter()
            .filter_map(|s| s["uses"].as_str().map(String::from))
            .collect::<Vec<_>>()
    };
    let build = uses("build");
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/configure-pages@v5")),
        "{path}: {build:?}"
    );
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@v4")),
        "{path}: {build:?}"
    );
    assert!(
        uses("deploy")
            .iter()
            .any(|u| u.starts_with("actions/deploy-pages@v5")),
        "{path}"
    );
    let runs: String = steps("build")
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(
        runs.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""),
        "{path}: {runs}"
    );
    assert_eq!(
        wf["jobs"]["deploy"]["permissions"]["pages"], "write",
        "{path}"
    );
    assert_eq!(
        wf["jobs"]["deploy"]["permissions"]["id-token"], "write",
        "{path}"
    );
    assert!(
        wf["jobs"]["build"]["permissions"]["pages"].is_null(),
        "{path}: only deploy may write Pages"
    );
}

#[test]
fn the_pages_workflows_use_the_official_actions_with_least_privilege() {
    check_pages_workflow(".github/workflows/pages.yml");
    check_pages_workflow("examples/github-pages/.github/workflows/pages.yml");
}
