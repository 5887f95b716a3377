//! `proceedings import`: accuracy against hand-written answers, and every
//! imported file building into a site.
//!
//! Each `tests/fixtures/import/**/NAME.txt` has a `NAME.expected.yaml` listing,
//! per session, the people (name and, where the text gives one, country and
//! part), SDGs, action lines and, where given, the date. `cargo test --test it
//! import_accuracy -- --nocapture` prints precision and recall per field and
//! family, for the fixtures the importer was first tuned on, the held-out ones in
//! `heldout/`, and `layouts/`: one synthetic document per layout of the real
//! ones (issue 18). `shared_corpus_scores_stay_above_their_floors` scores the
//! real documents of `../shared/import-corpus` with the rules of its `score.py`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proceedings::import::{Context, ImportedSession, parse};
use proceedings::model::identity;
use proceedings::taxonomy::{ActionLine, Country, Sdg};
use proceedings::url::Slug;
use serde::Deserialize;

use crate::SiteTest;

mod score;

#[derive(Deserialize)]
struct Expected {
    shape: String,
    sessions: Vec<ExpectedSession>,
}

#[derive(Deserialize)]
struct ExpectedSession {
    title: String,
    /// Checked when given.
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    people: Vec<ExpectedPerson>,
    #[serde(default)]
    sdgs: Vec<u8>,
    #[serde(default)]
    action_lines: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedPerson {
    name: String,
    country: Option<String>,
    /// "moderator" or "speaker"; checked when given.
    #[serde(default)]
    part: Option<String>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// The `.txt` fixtures of a folder that have an answer file.
fn cases(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| {
            let answer = p.with_extension("expected.yaml");
            answer.exists().then_some((p, answer))
        })
        .collect();
    out.sort();
    out
}

/// True/false positives and misses of one field.
#[derive(Default, Clone, Copy)]
struct Score {
    hit: usize,
    extra: usize,
    missed: usize,
}

impl Score {
    fn add<T: Ord + Clone + std::fmt::Debug>(
        &mut self,
        got: &BTreeSet<T>,
        want: &BTreeSet<T>,
        what: &str,
        log: &mut Vec<String>,
    ) {
        for g in got {
            if want.contains(g) {
                self.hit += 1;
            } else {
                self.extra += 1;
                log.push(format!("  extra {what}: {g:?}"));
            }
        }
        for w in want.difference(got) {
            self.missed += 1;
            log.push(format!("  missed {what}: {w:?}"));
        }
    }
    fn precision(self) -> f64 {
        ratio(self.hit, self.hit + self.extra)
    }
    fn recall(self) -> f64 {
        ratio(self.hit, self.hit + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

const FIELDS: [&str; 6] = [
    "people",
    "countries",
    "sdgs",
    "action lines",
    "parts",
    "dates",
];

type Sets = [BTreeSet<String>; 6];

fn id(name: &str) -> Option<String> {
    identity(name).map(|i| i.as_str().to_string())
}

/// What the importer found; parts and dates only where the answer gives them.
fn actual_sets(s: &ImportedSession, e: Option<&ExpectedSession>) -> Sets {
    let people = s.moderators.iter().chain(&s.speakers);
    let with_part: BTreeSet<String> = e
        .map(|e| {
            e.people
                .iter()
                .filter(|p| p.part.is_some())
                .filter_map(|p| id(&p.name))
                .collect()
        })
        .unwrap_or_default();
    let parts = s
        .moderators
        .iter()
        .map(|p| (p, "moderator"))
        .chain(s.speakers.iter().map(|p| (p, "speaker")))
        .filter_map(|(p, part)| {
            Some(format!(
                "{} {part}",
                id(&p.name).filter(|i| with_part.contains(i))?
            ))
        })
        .collect();
    let dates = match (e, s.date) {
        (Some(e), Some(d)) if e.date.is_some() => BTreeSet::from([d.to_string()]),
        _ => BTreeSet::new(),
    };
    [
        people.clone().filter_map(|p| id(&p.name)).collect(),
        people
            .filter_map(|p| Some(format!("{} {}", id(&p.name)?, p.country?.iso2())))
            .collect(),
        s.sdgs.iter().map(|g| g.number().to_string()).collect(),
        s.action_lines.iter().map(|a| a.label()).collect(),
        parts,
        dates,
    ]
}

fn expected_sets(e: &ExpectedSession) -> Sets {
    let country = |c: &str| {
        c.parse::<Country>()
            .unwrap_or_else(|_| panic!("answer country {c}"))
    };
    [
        e.people.iter().filter_map(|p| id(&p.name)).collect(),
        e.people
            .iter()
            .filter_map(|p| {
                Some(format!(
                    "{} {}",
                    id(&p.name)?,
                    country(p.country.as_deref()?).iso2()
                ))
            })
            .collect(),
        e.sdgs
            .iter()
            .map(|&n| Sdg::new(n).expect("answer SDG").number().to_string())
            .collect(),
        e.action_lines
            .iter()
            .map(|a| a.parse::<ActionLine>().expect("answer action line").label())
            .collect(),
        e.people
            .iter()
            .filter_map(|p| Some(format!("{} {}", id(&p.name)?, p.part.as_deref()?)))
            .collect(),
        e.date.iter().cloned().collect(),
    ]
}

/// Scores per (set, shape) and field; the log lists every miss.
fn score(
    dir: &Path,
    scores: &mut BTreeMap<(String, String), [Score; 6]>,
    set: &str,
    log: &mut Vec<String>,
) {
    for (input, answer) in cases(dir) {
        let text = std::fs::read_to_string(&input).expect("input");
        let expected: Expected =
            serde_saphyr::from_str(&std::fs::read_to_string(&answer).expect("answer"))
                .expect("answer parses");
        // `shape` in an answer file names the fixture's family (outcome documents or
        // highlights articles); the importer itself knows no shapes.
        let sessions = parse(&text, &Context::default());
        log.push(format!("{}:", input.display()));
        let entry = scores
            .entry((set.to_string(), expected.shape.clone()))
            .or_default();
        // A session without a title is written as "Untitled session".
        let key = |t: &str| {
            Slug::from_text(if t.is_empty() { "Untitled session" } else { t })
                .map(|s| s.as_str().to_string())
        };
        for e in &expected.sessions {
            let got = sessions.iter().find(|s| key(&s.title) == key(&e.title));
            if got.is_none() {
                log.push(format!("  missing session {:?}", e.title));
            }
            let got_sets = got.map(|s| actual_sets(s, Some(e))).unwrap_or_default();
            let want_sets = expected_sets(e);
            for k in 0..FIELDS.len() {
                entry[k].add(&got_sets[k], &want_sets[k], FIELDS[k], log);
            }
        }
        for s in &sessions {
            if !expected
                .sessions
                .iter()
                .any(|e| key(&e.title) == key(&s.title))
            {
                log.push(format!("  unexpected session {:?}", s.title));
                let sets = actual_sets(s, None);
                for k in 0..FIELDS.len() {
                    entry[k].add(&sets[k], &BTreeSet::new(), FIELDS[k], log);
                }
            }
        }
    }
}

#[test]
fn import_accuracy() {
    let mut scores = BTreeMap::new();
    let mut log = Vec::new();
    score(&fixtures_dir(), &mut scores, "fixtures", &mut log);
    score(
        &fixtures_dir().join("heldout"),
        &mut scores,
        "held-out",
        &mut log,
    );
    score(
        &fixtures_dir().join("layouts"),
        &mut scores,
        "layouts",
        &mut log,
    );
    println!("{}", log.join("\n"));
    println!("\n| set | shape | field | precision | recall | found/expected |");
    println!("|---|---|---|---|---|---|");
    for ((set, shape), fields) in &scores {
        for (k, s) in fields.iter().enumerate() {
            if fields[k].hit + fields[k].extra + fields[k].missed == 0 {
                continue;
            }
            println!(
                "| {set} | {shape} | {} | {:.3} | {:.3} | {}/{} |",
                FIELDS[k],
                s.precision(),
                s.recall(),
                s.hit,
                s.hit + s.missed
            );
        }
    }
    // The targets of issue #6, on the fixtures and the held-out documents alike; the
    // layouts of issue 18 (one synthetic document per layout of real ones) must be
    // read whole.
    for ((set, shape), fields) in &scores {
        let targets: &[(usize, f64)] = match shape.as_str() {
            "outcome" => &[(0, 0.95), (2, 0.95), (3, 0.95)],
            "layouts" => &[
                (0, 0.95),
                (1, 0.95),
                (2, 0.95),
                (3, 0.95),
                (4, 0.95),
                (5, 0.95),
            ],
            _ => &[(0, 0.85)],
        };
        for &(k, min) in targets {
            let s = fields[k];
            assert!(
                s.precision() >= min && s.recall() >= min,
                "{set} {shape} {}: precision {:.3}, recall {:.3} (target {min})",
                FIELDS[k],
                s.precision(),
                s.recall()
            );
        }
    }
}

/// All fixtures, imported by the binary into a fresh site.
fn imported_site() -> SiteTest {
    let mut inputs = Vec::new();
    for dir in [
        fixtures_dir(),
        fixtures_dir().join("heldout"),
        fixtures_dir().join("layouts"),
    ] {
        inputs.extend(cases(&dir).into_iter().map(|(input, _)| input));
    }
    import_into_basic(&inputs)
}

/// `inputs`, imported by the binary into a copy of the `cross/basic` site (which has
/// its own events and speakers).
fn import_into_basic(inputs: &[PathBuf]) -> SiteTest {
    let site = SiteTest::new("cross/basic");
    let mut args = vec!["import".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = site.run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    site
}

#[test]
fn every_imported_file_builds_without_errors() {
    let site = imported_site();
    let report = proceedings::build(&proceedings::BuildOptions {
        site: site.root().to_path_buf(),
        ..Default::default()
    });
    let report = match report {
        Ok(r) => r,
        Err(e) => panic!("imported site does not build: {e:?}"),
    };
    assert!(report.sessions >= 9, "{} sessions", report.sessions);
    let html = site.read("sessions/open-data-for-climate-resilience/index.html");
    assert!(html.contains("Ahmet Yılmaz"), "{}", crate::main_of(&html));
}

#[test]
fn import_never_overwrites_without_force_and_dry_run_writes_nothing() {
    let site = SiteTest::new("cross/basic");
    let input = fixtures_dir().join("outcome-bullets.txt");
    let input = input.to_str().expect("utf-8 path");
    let dry = site.run(&["import", "--dry-run", "--event", "wsis-forum-2024", input]);
    assert!(dry.status.success());
    let stdout = String::from_utf8_lossy(&dry.stdout);
    assert!(
        stdout.contains("title: Bridging the Digital Divide through Community Networks"),
        "{stdout}"
    );
    let target =
        "sessions/wsis-forum-2024/bridging-the-digital-divide-through-community-networks.md";
    assert!(
        !site.root().join(target).exists(),
        "a dry run wrote {target}"
    );

    assert!(
        site.run(&["import", "--event", "wsis-forum-2024", input])
            .status
            .success()
    );
    let first = std::fs::read_to_string(site.root().join(target)).expect("written");
    assert!(
        first.starts_with("---\n# Imported by `proceedings import`"),
        "{first}"
    );
    // A document with doubts (an empty item, a goal without its title) lists them as comments.
    let messy = fixtures_dir().join("outcome-messy.txt");
    let doubts = site.run(&["import", "--dry-run", messy.to_str().expect("utf-8 path")]);
    let doubts = String::from_utf8_lossy(&doubts.stdout);
    assert!(
        doubts.contains("\n#   - "),
        "notes are listed as comments: {doubts}"
    );

    std::fs::write(site.root().join(target), "edited").expect("edit");
    let again = site.run(&["import", "--event", "wsis-forum-2024", input]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exist"));
    assert_eq!(
        std::fs::read_to_string(site.root().join(target)).expect("kept"),
        "edited"
    );

    let forced = site.run(&["import", "--force", "--event", "wsis-forum-2024", input]);
    assert!(forced.status.success());
    assert_eq!(
        std::fs::read_to_string(site.root().join(target)).expect("rewritten"),
        first
    );

    // Another folder: the slug is taken by the first import, so the file gets another.
    let into = site.run(&["import", "--into", "sessions/other", input]);
    assert!(into.status.success());
    assert!(
        site.root()
            .join("sessions/other/bridging-the-digital-divide-through-community-networks-2.md")
            .exists()
    );
    site.build(&[]);
}

#[test]
fn outcome_sections_become_headings_with_their_lists() {
    let text = std::fs::read_to_string(fixtures_dir().join("outcome-seed.txt")).expect("seed");
    let sessions = parse(&text, &Context::default());
    let body = &sessions[0].body;
    assert!(
        body.contains("## Key Issues discussed\n\n- This session focused"),
        "{body}"
    );
    assert!(
        body.contains("- Prioritize Global Cybersecurity:\n  - Foster international"),
        "{body}"
    );
    assert!(!body.contains('☐'), "{body}");
    let s = &sessions[0];
    assert_eq!(s.time.as_deref(), Some("10:00-10:45"));
    assert_eq!(s.timezone.as_deref(), Some("UTC+02:00"));
    assert_eq!(s.moderators[0].honorific.as_deref(), Some("Engr."));
    assert_eq!(s.speakers[1].honorific.as_deref(), Some("Prof. Dr."));
}

/// The shared corpus of real documents (third-party text, kept outside the repository).
fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/import-corpus");
    if dir.join("raw").is_dir() && dir.join("gold").is_dir() {
        return Some(dir);
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "CI=true but the shared import corpus is missing at {}",
        dir.display()
    );
    println!("skipped: no shared import corpus at {}", dir.display());
    None
}

/// Every real document of the shared corpus, imported into a site that has its own
/// events, gives files that build: the importer writes only what the build accepts
/// (an event written like an id the registry lacks was an error: "wtpf-13").
#[test]
fn the_shared_corpus_imported_into_a_site_with_events_builds() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut raws: Vec<PathBuf> = std::fs::read_dir(corpus.join("raw"))
        .expect("raw/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    raws.sort();
    let site = import_into_basic(&raws);
    let built = site.run(&["build"]);
    assert!(
        built.status.success(),
        "the imported corpus does not build:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );
}

/// `cargo test --test it shared_corpus -- --nocapture` prints the figures of both
/// halves of the shared corpus, as `score.py` would (its rules are in `score.rs`);
/// `IMPORT_SCORE_VERBOSE=1` adds a line per file of the tuning half. The floors are
/// what the importer reached when this test was written: a change that loses
/// accuracy on real documents fails here.
#[test]
fn shared_corpus_scores_stay_above_their_floors() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let verbose = std::env::var("IMPORT_SCORE_VERBOSE").is_ok();
    // Odd-numbered files tune the importer; even-numbered ones are held out.
    let tuning = score::score(
        &corpus,
        |n| n % 2 == 1,
        |line| {
            if verbose {
                println!("{line}");
            }
        },
    );
    let held_out = score::score(&corpus, |n| n % 2 == 0, |_| {});
    println!("tuning:   {}", tuning.line());
    println!("held-out: {}", held_out.line());
    println!("\n| half | field | precision | recall | right/found/expected |");
    println!("|---|---|---|---|---|");
    println!("{}", tuning.table("tuning"));
    println!("{}", held_out.table("held-out"));
    for (half, s, floors) in [
        ("tuning", &tuning, TUNING_FLOORS),
        ("held-out", &held_out, HELD_OUT_FLOORS),
    ] {
        let (pp, pr) = s.people();
        let (cp, cr) = s.countries();
        let (sr, lr) = s.codes_recall();
        let (title, date, _, sessions) = s.headers();
        let got = [pp, pr, cp, cr, sr, lr, s.affiliation()];
        let names = [
            "people P",
            "people R",
            "countries P",
            "countries R",
            "SDG R",
            "action lines R",
            "affiliation",
        ];
        for ((name, value), floor) in names.iter().zip(got).zip(floors.0) {
            assert!(
                value >= floor,
                "{half} {name}: {value:.3} is below its floor {floor}"
            );
        }
        for (name, value, floor) in [
            ("title", title, floors.1[0]),
            ("date", date, floors.1[1]),
            ("sessions", sessions, floors.1[2]),
        ] {
            assert!(
                value >= floor,
                "{half} {name}: {value} right, below its floor {floor}"
            );
        }
    }
}

/// Floors: people P and R, countries P and R, SDG R, action-line R, affiliation;
/// then titles, dates and session counts right.
type Floors = ([f64; 7], [usize; 3]);
const TUNING_FLOORS: Floors = ([0.99, 0.96, 0.99, 0.99, 0.99, 0.99, 0.93], [18, 20, 21]);
// Held-out affiliation 0.91: the right affiliations stayed as many (34) while one
// more held-out person was found (people R 0.72 -> 0.74), whose descriptor the key
// reads otherwise; the ratio fell, the count did not.
const HELD_OUT_FLOORS: Floors = ([0.92, 0.72, 0.98, 0.60, 0.99, 0.99, 0.91], [5, 12, 16]);

#[test]
fn issue_17_import_into_a_folder_no_build_reads_is_refused() {
    let site = SiteTest::new("cross/basic");
    let input = fixtures_dir().join("outcome-bullets.txt");
    let outside = tempfile::tempdir().expect("tempdir");
    let out = site.run(&[
        "import",
        "--into",
        outside.path().to_str().expect("utf-8 path"),
        input.to_str().expect("utf-8 path"),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("outside the site's sessions folder"),
        "{stderr}"
    );
    assert!(stderr.contains("no build would ever read"), "{stderr}");
    assert!(stderr.contains("\nhelp: "), "{stderr}");
    assert_eq!(std::fs::read_dir(outside.path()).expect("dir").count(), 0);
    // A spelling of the sessions folder that leaves and comes back is inside it.
    let back = site.run(&[
        "import",
        "--dry-run",
        "--into",
        "sessions/../sessions/new",
        input.to_str().expect("utf-8 path"),
    ]);
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
}

#[test]
fn report_json_lists_per_input_file_what_was_found_and_how_sure() {
    let site = SiteTest::new("cross/basic");
    let a = fixtures_dir().join("layouts/agenda-one-field-per-line.txt");
    let b = fixtures_dir().join("layouts/blog-moderated-by.txt");
    let out = site.run(&[
        "import",
        "--dry-run",
        "--report",
        "json",
        a.to_str().expect("utf-8 path"),
        b.to_str().expect("utf-8 path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["sessions"].as_array().map(Vec::len), Some(2));
    let first = &files[0]["sessions"][0];
    assert_eq!(first["title"], "Community Networks for Mountain Villages");
    assert_eq!(first["date"], "2024-02-15");
    assert_eq!(first["moderators"][0]["name"], "Irina Volkova");
    assert_eq!(first["moderators"][0]["found"], "label");
    assert_eq!(first["certainty"]["people"], "high");
    assert_eq!(first["action_lines"][2], "C7 E-agriculture");
    assert_eq!(report["written"], false);
    assert!(first["notes"].as_array().is_some_and(|n| !n.is_empty()));
}

#[test]
fn control_characters_in_what_import_prints_are_escaped() {
    let site = SiteTest::new("cross/basic");
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("evil\u{1b}[31m.txt");
    std::fs::write(
        &input,
        "Session title\n\nModerator: Ana Lima, Director, Orbis Union\n",
    )
    .expect("write");
    let out = site.run(&["import", "--dry-run", input.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.contains('\u{1b}'),
            "a raw escape reached the terminal: {text:?}"
        );
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}"));
}

/// Saved web pages, Word documents and PDFs import like text: the title and the
/// speakers come through; a scan says what to do instead.
#[test]
fn html_docx_and_pdf_inputs_import_like_text() {
    let site = SiteTest::new("cross/basic");
    let formats = fixtures_dir().join("formats");
    let cases = [
        (
            "session-page.html",
            "Resilient Connectivity for Small Island States",
            "Ingrid Solberg",
        ),
        (
            "outcome.docx",
            "Open Data Platforms for Disaster Early Warning",
            "Sofia Lindqvist",
        ),
        (
            "outcome.pdf",
            "Open Data Platforms for Disaster Early Warning",
            "Kwame Asante",
        ),
    ];
    // Without the `pdf` feature a PDF is an error of its own (tested in the library).
    let cases = cases
        .into_iter()
        .filter(|(file, _, _)| cfg!(feature = "pdf") || !file.ends_with(".pdf"));
    for (file, title, speaker) in cases {
        let input = formats.join(file);
        let out = site.run(&["import", "--dry-run", input.to_str().expect("utf-8 path")]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{file}: {stderr}");
        assert!(
            stdout.contains(&format!("title: {title}")),
            "{file}:\n{stdout}"
        );
        assert!(stdout.contains(speaker), "{file}: no {speaker}:\n{stdout}");
        assert!(
            stdout.contains("#   - read from"),
            "{file}: no note on the format:\n{stdout}"
        );
    }
    let errors = [
        ("scanned.pdf", "no text layer"),
        ("outcome-protected.pdf", "encrypted"),
    ];
    for (file, what) in errors.into_iter().filter(|_| cfg!(feature = "pdf")) {
        let input = formats.join(file);
        let out = site.run(&["import", "--dry-run", input.to_str().expect("utf-8 path")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file} imported");
        assert!(stderr.contains(what), "{file}: {stderr}");
        assert!(
            stderr.contains("\nhelp: "),
            "{file}: no help line: {stderr}"
        );
    }
}
