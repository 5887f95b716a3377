//! The user documentation is tested: every fenced block of `docs/*.md` is either
//! run or explicitly marked as a sample. The block's info string says what it is:
//!
//! - `md session` — a complete session file, built as `sessions/example.md` of a
//!   minimal site; the build must succeed without warnings. With `warns` it must
//!   warn, and a `text warning` block right after it gives the first line of stderr.
//! - `md session-error` — a session file that must fail; the `text error` block
//!   right after it gives the first line of stderr (and any `help:` line in it
//!   must appear in stderr too).
//! - `yaml proceedings.yaml`, `yaml data/events.yaml`, `yaml data/speakers.yaml`,
//!   `yaml data/countries.yaml`, `yaml data/organizations.yaml` — written to that path of a minimal site with one
//!   valid session; the build must succeed (without warnings unless `warns`).
//! - `html templates/NAME.html` — a template override in a copy of the
//!   `cross/basic` fixture; the build must succeed.
//! - `sh` — every line starting with `proceedings ` runs, in order, in one fresh
//!   temporary folder per block, and must exit 0 (non-zero when the line ends
//!   with `# fails`). A pipe or redirection ends the command: `proceedings man |
//!   man -l -` runs `proceedings man`. Other lines (`cargo install`, `git push`) are
//!   not run.
//! - `yaml workflow` — a GitHub Actions workflow: valid YAML that uses the three
//!   official Pages actions and gives Pages rights to the deploy job only.
//! - `text` — an output sample, not run.
//!
//! Any other info string fails, with the file and line of the block.

use std::path::{Path, PathBuf};
use std::process::Output;

use rayon::prelude::*;

use crate::SiteTest;

/// `proceedings.yaml` of the minimal site: a host, so the build has nothing to warn about.
const MINIMAL_CONFIG: &str = "title: Docs example\nbase_url: https://example.org/\n";

/// `data/events.yaml` of the minimal site: the event the examples name.
const MINIMAL_EVENTS: &str = "\
- id: wsis-forum-2024
  name: WSIS Forum 2024
  start: 2024-05-27
  end: 2024-05-31
  location: Geneva, Switzerland
";

/// The one valid session of a minimal site whose example is a site file.
const MINIMAL_SESSION: &str = "\
---
title: Example session
event: wsis-forum-2024
speakers:
  - {name: Ana Lima, country: Brazil}
---
Text.
";

/// Site files a `yaml …` block may replace.
const SITE_FILES: [&str; 5] = [
    "proceedings.yaml",
    "data/events.yaml",
    "data/speakers.yaml",
    "data/countries.yaml",
    "data/organizations.yaml",
];

/// One fenced block of a documentation file.
#[derive(Clone, Debug)]
struct Block {
    /// `docs/NAME.md`.
    file: String,
    /// 1-based line of the opening fence.
    line: usize,
    /// The words of the info string.
    info: Vec<String>,
    /// The content between the fences.
    text: String,
    /// Lines between the end of the previous block and this one that are not blank.
    prose_before: bool,
}

impl Block {
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    fn has(&self, word: &str) -> bool {
        self.info.iter().any(|w| w == word)
    }
}

/// What the test does with a block.
#[derive(Debug)]
enum Check {
    /// Build a session file; `expect` is the first line of a warning, when given.
    Session { warns: bool, expect: Option<String> },
    /// Build a session file that must fail with this first line and these help lines.
    SessionError { first: String, helps: Vec<String> },
    /// Build a site with this file replaced.
    SiteFile {
        path: String,
        warns: bool,
        expect: Option<String>,
    },
    /// Build `cross/basic` with this template.
    Template { name: String },
    /// Run the `proceedings` lines.
    Shell,
    /// Parse a workflow.
    Workflow,
}

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

/// Every `docs/*.md`, sorted, as (display name, text).
fn doc_files() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(docs_dir())
        .expect("docs/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = format!("docs/{}", p.file_name().expect("name").to_string_lossy());
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// An open fence: its line, indentation, length, info words and content so far.
struct Open {
    line: usize,
    indent: usize,
    ticks: usize,
    info: Vec<String>,
    body: String,
}

/// The fenced blocks of one file. A fence is three or more backticks, indented or not
/// (blocks inside list items count too); it closes at a line of at least as many
/// backticks and nothing else. The opening fence's indentation is removed from the
/// content. Tilde fences are refused, so that no block escapes the checks.
fn blocks(file: &str, text: &str) -> Result<Vec<Block>, String> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut prose_before = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        match &mut open {
            None if ticks >= 3 => {
                open = Some(Open {
                    line: i + 1,
                    indent,
                    ticks,
                    info: trimmed[ticks..]
                        .split_whitespace()
                        .map(String::from)
                        .collect(),
                    body: String::new(),
                });
            }
            None if trimmed.starts_with("~~~") => {
                return Err(format!("{file}:{}: use a backtick fence, not `~~~`", i + 1));
            }
            None => prose_before |= !line.trim().is_empty(),
            Some(o) => {
                if ticks >= o.ticks && trimmed.trim_end().len() == ticks {
                    out.push(Block {
                        file: file.to_string(),
                        line: o.line,
                        info: std::mem::take(&mut o.info),
                        text: std::mem::take(&mut o.body),
                        prose_before,
                    });
                    open = None;
                    prose_before = false;
                } else {
                    let strip = line.len() - line.trim_start_matches(' ').len();
                    o.body.push_str(&line[strip.min(o.indent)..]);
                    o.body.push('\n');
                }
            }
        }
    }
    match open {
        Some(o) => Err(format!("{file}:{}: the block is never closed", o.line)),
        None => Ok(out),
    }
}

/// The block right after `blocks[i]`, when it is a `text KIND` block with only blank lines between.
fn sample_after<'b>(blocks: &'b [Block], i: usize, kind: &str) -> Option<&'b Block> {
    blocks
        .get(i + 1)
        .filter(|b| !b.prose_before && b.info.first().is_some_and(|w| w == "text") && b.has(kind))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

/// Decides what to do with every block; blocks that cannot be checked are errors.
fn plan(all: &[Block]) -> (Vec<(Block, Check)>, Vec<String>) {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    let mut consumed = vec![false; all.len()];
    for (i, b) in all.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let words: Vec<&str> = b.info.iter().map(String::as_str).collect();
        let warns = b.has("warns");
        let warning = || {
            sample_after(all, i, "warning")
                .filter(|_| warns)
                .map(|s| first_line(&s.text))
        };
        let check = match words.as_slice() {
            ["md", "session", ..] => Check::Session {
                warns,
                expect: warning(),
            },
            ["md", "session-error", ..] => match sample_after(all, i, "error") {
                Some(sample) => Check::SessionError {
                    first: first_line(&sample.text),
                    helps: sample
                        .text
                        .lines()
                        .filter(|l| l.trim_start().starts_with("help:"))
                        .map(String::from)
                        .collect(),
                },
                None => {
                    errors.push(format!(
                        "{}: a `md session-error` block must be followed by a `text error` block",
                        b.at()
                    ));
                    continue;
                }
            },
            ["yaml", "workflow", ..] => Check::Workflow,
            ["yaml", path, ..] if SITE_FILES.contains(path) => Check::SiteFile {
                path: (*path).to_string(),
                warns,
                expect: warning(),
            },
            ["html", path, ..] if path.starts_with("templates/") && path.ends_with(".html") => {
                Check::Template {
                    name: path["templates/".len()..].to_string(),
                }
            }
            ["sh"] => Check::Shell,
            ["text", "error", ..] => {
                errors.push(format!(
                    "{}: a `text error` block must follow a `md session-error` block",
                    b.at()
                ));
                continue;
            }
            ["text", "warning", ..] => {
                errors.push(format!(
                    "{}: a `text warning` block must follow a block marked `warns`",
                    b.at()
                ));
                continue;
            }
            ["text", ..] => continue,
            _ => {
                errors.push(format!(
                    "{}: unknown info string `{}`: mark the block as one of the kinds in \
                     tests/it/docs.rs, or as `text`",
                    b.at(),
                    b.info.join(" ")
                ));
                continue;
            }
        };
        let sample_kind = match &check {
            Check::SessionError { .. } => Some("error"),
            Check::Session {
                expect: Some(_), ..
            }
            | Check::SiteFile {
                expect: Some(_), ..
            } => Some("warning"),
            _ => None,
        };
        if sample_kind.is_some() {
            consumed[i + 1] = true;
        }
        checks.push((b.clone(), check));
    }
    (checks, errors)
}

/// A fresh, empty temporary folder, run like a fixture site.
fn empty_site() -> SiteTest {
    SiteTest {
        dir: tempfile::tempdir().expect("tempdir"),
    }
}

/// The minimal site: a config with a host, one event, and `session` as its only session.
fn minimal_site(session: &str) -> SiteTest {
    let t = empty_site();
    t.write("proceedings.yaml", MINIMAL_CONFIG);
    t.write("data/events.yaml", MINIMAL_EVENTS);
    t.write("sessions/example.md", session);
    t
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Checks that a build succeeded, and warned exactly when it should have.
fn built(out: &Output, warns: bool, expect: Option<&String>) -> Result<(), String> {
    let err = stderr(out);
    if !out.status.success() {
        return Err(format!("the build failed:\n{err}"));
    }
    let warned = err.lines().any(|l| l.contains(": warning: "));
    if warned && !warns {
        return Err(format!(
            "the build warned (mark the block `warns` if that is the point):\n{err}"
        ));
    }
    if warns && !warned {
        return Err(format!(
            "the block is marked `warns` but the build did not warn:\n{err}"
        ));
    }
    match expect {
        Some(line) if first_line(&err) != *line => Err(format!(
            "the first line of stderr is\n  {}\nnot, as the docs say,\n  {line}",
            first_line(&err)
        )),
        _ => Ok(()),
    }
}

/// Splits a shell line into words: whitespace separates, double quotes group, an
/// unquoted `#` after a space starts a comment, and an unquoted `|` or `>` ends the
/// command (`proceedings man | man -l -` runs `proceedings man`). Returns the words
/// and the comment.
fn shell_words(line: &str) -> (Vec<String>, String) {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '#' if !quoted && !in_word => return (words, line[i + 1..].trim().to_string()),
            // The output goes to a file or another program: run the `proceedings` part.
            '|' | '>' if !quoted => {
                let comment = line[i..].split_once(" #").map_or("", |(_, c)| c);
                if in_word {
                    words.push(word);
                }
                return (words, comment.trim().to_string());
            }
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    (words, String::new())
}

/// Runs the `proceedings` lines of a shell block in one fresh folder.
fn run_shell(block: &Block) -> Result<(), String> {
    let t = empty_site();
    let mut problems = Vec::new();
    for (n, line) in block.text.lines().enumerate() {
        if !line.starts_with("proceedings ") {
            continue;
        }
        let (words, comment) = shell_words(line);
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let fails = comment == "fails";
        let out = t.run(&args);
        if out.status.success() == fails {
            let expected = if fails { "fail" } else { "succeed" };
            problems.push(format!(
                "line {}: `{line}` should {expected} but exited with {:?}:\n{}",
                block.line + 1 + n,
                out.status.code(),
                stderr(&out)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Every `uses:` of every step of every job, with the job's name.
fn workflow_uses(workflow: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(jobs) = workflow.get("jobs").and_then(|j| j.as_object()) {
        for (name, job) in jobs {
            let steps = job.get("steps").and_then(|s| s.as_array());
            for step in steps.into_iter().flatten() {
                if let Some(uses) = step.get("uses").and_then(|u| u.as_str()) {
                    out.push((name.clone(), uses.to_string()));
                }
            }
        }
    }
    out
}

fn check_workflow(text: &str) -> Result<(), String> {
    let workflow: serde_json::Value =
        serde_saphyr::from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    let uses = workflow_uses(&workflow);
    let job_of = |action: &str| {
        uses.iter()
            .find(|(_, u)| u.starts_with(&format!("{action}@")))
            .map(|(job, _)| job.clone())
    };
    let mut problems = Vec::new();
    for action in [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ] {
        if job_of(action).is_none() {
            problems.push(format!("it does not use {action}"));
        }
    }
    if !text.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\"") {
        problems.push(
            "it does not build with --base-url \"${{ steps.pages.outputs.base_url }}/\"".into(),
        );
    }
    let jobs = workflow.get("jobs").and_then(|j| j.as_object());
    for (name, job) in jobs.into_iter().flatten() {
        let perms = job.get("permissions");
        let grants = |key: &str| {
            perms
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_str())
                .is_some_and(|v| v == "write")
        };
        let deploys = job_of("actions/deploy-pages").as_deref() == Some(name.as_str());
        if deploys && !(grants("pages") && grants("id-token")) {
            problems.push(format!(
                "the deploy job `{name}` lacks `pages: write` and `id-token: write`"
            ));
        }
        if !deploys && (grants("pages") || grants("id-token")) {
            problems.push(format!("job `{name}` does not deploy but has Pages rights"));
        }
    }
    if workflow.get("permissions").is_some() {
        problems.push("rights belong to the jobs, not to the whole workflow".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn run_check(block: &Block, check: &Check) -> Result<(), String> {
    match check {
        Check::Session { warns, expect } => {
            let t = minimal_site(&block.text);
            built(&t.run(&["build"]), *warns, expect.as_ref())
        }
        Check::SessionError { first, helps } => {
            let t = minimal_site(&block.text);
            let out = t.run(&["build"]);
            let err = stderr(&out);
            if out.status.success() {
                return Err(format!("the build should fail but succeeded:\n{err}"));
            }
            if first_line(&err) != *first {
                return Err(format!(
                    "the first line of stderr is\n  {}\nnot, as the docs say,\n  {first}",
                    first_line(&err)
                ));
            }
            match helps.iter().find(|h| !err.contains(h.as_str())) {
                Some(h) => Err(format!("stderr has no line\n  {h}\nin:\n{err}")),
                None => Ok(()),
            }
        }
        Check::SiteFile {
            path,
            warns,
            expect,
        } => {
            let t = minimal_site(MINIMAL_SESSION);
            t.write(path, &block.text);
            // A photo the example names by its path in the site is a file the reader
            // has put in static/ (the docs say so): give it one.
            for line in block.text.lines() {
                if let Some(photo) = line.trim().strip_prefix("photo: ") {
                    if !photo.contains("://") {
                        let file = t.root().join("static").join(photo.trim_start_matches('/'));
                        std::fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
                        image::RgbImage::new(8, 8).save(&file).expect("an image");
                    }
                }
            }
            built(&t.run(&["build"]), *warns, expect.as_ref())
        }
        Check::Template { name } => {
            let t = SiteTest::new("cross/basic");
            t.write(&format!("templates/{name}"), &block.text);
            built(&t.run(&["build"]), false, None)
        }
        Check::Shell => run_shell(block),
        Check::Workflow => check_workflow(&block.text),
    }
}

/// Every block of every doc, with the problems of reading and planning them.
fn all_checks() -> (Vec<(Block, Check)>, Vec<String>) {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in doc_files() {
        match blocks(&name, &text) {
            Ok(bs) => {
                let (c, e) = plan(&bs);
                checks.extend(c);
                errors.extend(e);
            }
            Err(e) => errors.push(e),
        }
    }
    (checks, errors)
}

#[test]
fn every_fenced_block_in_the_docs_is_exercised_or_marked_as_text() {
    let (checks, errors) = all_checks();
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
    assert!(!checks.is_empty(), "the docs have examples");
}

#[test]
fn every_example_in_the_docs_works() {
    let (checks, _) = all_checks();
    // In document order: rayon's collect keeps the order of the blocks.
    let failures: Vec<String> = checks
        .par_iter()
        .filter_map(|(block, check)| {
            run_check(block, check)
                .err()
                .map(|e| format!("{}: `{}` block: {e}", block.at(), block.info.join(" ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} example(s) of the docs fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The text of one doc.
fn doc(name: &str) -> String {
    let path = docs_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keys a strict YAML reader knows, read from its own "known keys" hint.
fn known_keys(file: &str, text: &str) -> Vec<String> {
    let t = minimal_site(MINIMAL_SESSION);
    t.write(file, text);
    let err = stderr(&t.run(&["build"]));
    let list = err
        .split("known keys: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{file}: no list of known keys in:\n{err}"));
    let list = list.lines().next().unwrap_or("").trim_end_matches(')');
    list.split(", ").map(|k| k.trim().to_string()).collect()
}

#[test]
fn every_key_the_readers_accept_is_documented() {
    let content = doc("content.md");
    let session = |fm: &str| format!("---\ntitle: x\n{fm}\n---\n");
    let cases = [
        ("session", "sessions/example.md", session("zzz: 1")),
        (
            "person",
            "sessions/example.md",
            session("speakers: [{name: x, zzz: 1}]"),
        ),
        (
            "link",
            "sessions/example.md",
            session("links: [{label: x, url: y, zzz: 1}]"),
        ),
        (
            "config",
            "proceedings.yaml",
            "title: x\nzzz: 1\n".to_string(),
        ),
        (
            "event",
            "data/events.yaml",
            "- {id: x, name: y, zzz: 1}\n".to_string(),
        ),
        (
            "speaker",
            "data/speakers.yaml",
            "- {name: y, zzz: 1}\n".to_string(),
        ),
        (
            "organization",
            "data/organizations.yaml",
            "- {id: x, name: y, zzz: 1}\n".to_string(),
        ),
    ];
    let mut missing = Vec::new();
    for (what, file, text) in cases {
        for key in known_keys(file, &text) {
            if !content.contains(&format!("`{key}`")) {
                missing.push(format!("{what} key `{key}`"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/content.md does not mention: {}",
        missing.join(", ")
    );
}

#[test]
fn every_template_of_the_default_theme_is_documented() {
    let theming = doc("theming.md");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).expect("templates") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !theming.contains(&format!("### `{name}`")) {
            missing.push(name);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "docs/theming.md has no `### `NAME`` section for: {}",
        missing.join(", ")
    );
}

/// Subcommands and long flags listed by `proceedings [COMMAND…] --help`.
fn help_of(path: &[&str]) -> (Vec<String>, Vec<String>) {
    let t = empty_site();
    let mut args = path.to_vec();
    args.push("--help");
    let out = t.run(&args);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut commands = Vec::new();
    let mut flags = Vec::new();
    let mut in_commands = false;
    for line in text.lines() {
        if line.ends_with(':') && !line.starts_with(' ') {
            in_commands = line == "Commands:";
            continue;
        }
        let first = line.split_whitespace().next().unwrap_or("");
        if in_commands && line.starts_with("  ") && !first.is_empty() && first != "help" {
            commands.push(first.to_string());
        }
        for word in line.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']') {
            let flag: String = word
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if flag.starts_with("--") && flag.len() > 2 && flag != "--help" && flag != "--version" {
                flags.push(flag);
            }
        }
    }
    (commands, flags)
}

#[test]
fn every_command_and_flag_of_the_binary_is_documented() {
    let cli = doc("cli.md");
    let mut missing = Vec::new();
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = queue.pop() {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        let (commands, flags) = help_of(&words);
        let name = std::iter::once("proceedings")
            .chain(words.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        if !path.is_empty() && !cli.contains(&name) {
            missing.push(format!("command `{name}`"));
        }
        for flag in flags {
            if !cli.contains(&flag) {
                missing.push(format!("flag {flag} of `{name}`"));
            }
        }
        for c in commands {
            let mut sub = path.clone();
            sub.push(c);
            queue.push(sub);
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "docs/cli.md does not mention: {}",
        missing.join(", ")
    );
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The lines of a Markdown file outside fenced blocks, numbered from 1, with inline
/// code spans removed.
fn prose_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut fence = 0;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        if ticks >= 3 && fence == 0 {
            fence = ticks;
            continue;
        }
        if fence > 0 {
            if ticks >= fence && trimmed.trim_end().len() == ticks {
                fence = 0;
            }
            continue;
        }
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(k, _)| k % 2 == 0)
            .map(|(_, part)| part)
            .collect();
        out.push((i + 1, prose));
    }
    out
}

/// The anchors of a Markdown file's headings.
fn anchors(text: &str) -> Vec<String> {
    let mut fence = 0;
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        if ticks >= 3 && fence == 0 {
            fence = ticks;
        } else if fence > 0 && ticks >= fence && trimmed.trim_end().len() == ticks {
            fence = 0;
        } else if fence == 0 && line.starts_with('#') {
            out.push(anchor(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn every_link_between_the_docs_resolves() {
    let files = doc_files();
    let mut broken = Vec::new();
    for (name, text) in &files {
        for (n, line) in prose_lines(text) {
            for part in line.split("](").skip(1) {
                let target = part.split(')').next().unwrap_or("");
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
                let doc_text = if path.is_empty() {
                    Some(text)
                } else {
                    files
                        .iter()
                        .find(|(other, _)| other.as_str() == format!("docs/{path}"))
                        .map(|(_, t)| t)
                };
                let ok = doc_text.is_some_and(|t| {
                    fragment.is_empty() || anchors(t).iter().any(|a| a == fragment)
                });
                if !ok {
                    broken.push(format!("{name}:{n}: ({target})"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
