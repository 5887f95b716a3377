//! The live site of `serve --watch` against full builds: after every kind of edit,
//! the folder `Live` keeps up to date must hold exactly what `build` makes from the
//! same files, byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proceedings::BuildOptions;
use proceedings::live::{Live, Scope};

const BASE: &str = "https://example.org/";

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under dir");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

struct Fixture {
    _dir: tempfile::TempDir,
    site: PathBuf,
    live: Live,
    edits: usize,
}

impl Fixture {
    fn new(sessions: usize) -> Fixture {
        Fixture::with(|site| crate::browser::corpus::write(site, sessions))
    }

    /// A site of `files` (path under the site, text) with a minimal configuration.
    fn of(files: &[(&str, &str)]) -> Fixture {
        Fixture::with(|site| {
            let config = ("proceedings.yaml", "title: \"Small\"\n");
            for (path, text) in files.iter().chain([&config]) {
                let path = site.join(path);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(path, text).expect("write");
            }
        })
    }

    fn with(write: impl FnOnce(&Path)) -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = std::fs::canonicalize(dir.path())
            .expect("canonical")
            .join("site");
        write(&site);
        let options = BuildOptions {
            site: site.clone(),
            out: Some(dir.path().join("live")),
            base_url: Some(BASE.into()),
            drafts: false,
            force: false,
        };
        let (live, _) = Live::open(&options).expect("first build");
        Fixture {
            _dir: dir,
            site,
            live,
            edits: 0,
        }
    }

    fn session(&self, n: usize) -> PathBuf {
        let name = format!("s{n:05}.md");
        walkdir::WalkDir::new(self.site.join("sessions"))
            .into_iter()
            .map(|e| e.expect("walk").into_path())
            .find(|p| p.file_name().is_some_and(|f| f == name.as_str()))
            .expect("session file")
    }

    fn read(&self, n: usize) -> String {
        std::fs::read_to_string(self.session(n)).expect("read")
    }

    /// Applies `change` to files, updates the live site with `paths`, and checks it.
    fn update(&mut self, what: &str, paths: Vec<PathBuf>, scope: Scope) {
        self.edits += 1;
        let updated = self
            .live
            .update(&paths)
            .unwrap_or_else(|e| panic!("{what}: update failed: {e}"));
        assert_eq!(updated.scope, scope, "{what}");
        self.live.exports().run().expect("derived files");
        self.same_as_build(what);
    }

    fn same_as_build(&self, what: &str) {
        let full = self
            .site
            .parent()
            .expect("parent")
            .join(format!("full-{}", self.edits));
        proceedings::build(&BuildOptions {
            site: self.site.clone(),
            out: Some(full.clone()),
            base_url: Some(BASE.into()),
            drafts: false,
            force: false,
        })
        .expect("full build");
        let (live, full) = (tree(&self.live.out_dir()), tree(&full));
        let differ: Vec<&String> = full
            .keys()
            .chain(live.keys())
            .filter(|p| live.get(*p) != full.get(*p))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(
            differ.is_empty(),
            "{what}: the live site differs from a full build in {} files, e.g. {:?}",
            differ.len(),
            &differ[..differ.len().min(8)]
        );
    }

    fn edit(&mut self, n: usize, what: &str, scope: Scope, f: impl Fn(&str) -> String) {
        let path = self.session(n);
        let text = f(&self.read(n));
        std::fs::write(&path, text).expect("write");
        self.update(what, vec![path], scope);
    }
}

/// Replaces the line starting with `key:` (front matter) by `line`.
fn set(text: &str, key: &str, line: &str) -> String {
    text.lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn every_kind_of_edit_leaves_the_live_site_equal_to_a_full_build() {
    let mut t = Fixture::new(60);
    t.edit(3, "body", Scope::Bodies, |s| {
        format!("{s}\nA new paragraph.\n")
    });
    t.edit(3, "title", Scope::Session, |s| {
        set(s, "title:", "title: \"Renamed session\"")
    });
    t.edit(4, "date", Scope::Session, |s| {
        set(s, "date:", "date: 2031-01-01")
    });
    t.edit(14, "time", Scope::Session, |s| {
        set(s, "time:", "time: \"06:00-06:30\"")
    });
    t.edit(15, "no date", Scope::Session, |s| {
        set(&set(s, "date:", "# no date"), "time:", "# no time")
    });
    t.edit(16, "summary", Scope::Session, |s| {
        set(s, "summary:", "summary: \"A new summary.\"")
    });
    // A speaker now represents another country, with another title and organization.
    t.edit(17, "country, role and organization", Scope::Session, |s| {
        let at = s.find("country: \"").expect("country") + "country: \"".len();
        let end = at + s[at..].find('"').expect("end");
        let s = format!("{}Viet Nam{}", &s[..at], &s[end..]);
        let s = s.replacen("role: \"", "role: \"Acting ", 1);
        s.replacen("organization: \"", "organization: \"New ", 1)
    });
    // The moderators become speakers: the same people in the same order, other roles.
    t.edit(18, "moderators become speakers", Scope::Session, |s| {
        s.replacen("speakers:\n", "", 1)
            .replacen("moderators:\n", "speakers:\n", 1)
    });
    t.edit(19, "only goals", Scope::Session, |s| {
        set(
            &set(s, "sdgs:", "sdgs: [1, 5, 16]"),
            "action_lines:",
            "action_lines: [\"C7 E-science\"]",
        )
    });
    t.edit(5, "speakers", Scope::Session, |s| {
        let speakers =
            "speakers:\n  - {name: \"Zoë Newcomer\", country: \"Kenya\"}\n  - \"Dr. Ana Other\"";
        let start = s.find("speakers:").expect("speakers");
        let end = s[start..].find("topics:").expect("topics") + start;
        format!("{}{speakers}\n{}", &s[..start], &s[end..])
    });
    // Someone known with a country elsewhere joins without one: their count changes on
    // their country's page, which this session does not name.
    let known = {
        let s = t.read(1);
        let at = s.find("  - {name: \"").expect("moderator") + "  - {name: \"".len();
        let name = &s[at..at + s[at..].find('"').expect("end")];
        proceedings::model::parse_name(name).name
    };
    t.edit(
        13,
        "a known person without a country",
        Scope::Session,
        |s| s.replacen("speakers:\n", &format!("speakers:\n  - \"{known}\"\n"), 1),
    );
    t.edit(6, "goals and lines", Scope::Session, |s| {
        let s = set(s, "sdgs:", "sdgs: [3, 17]");
        set(
            &s,
            "action_lines:",
            "action_lines: [\"C7 E-health\", \"C1\"]",
        )
    });
    // An event of its own: added, spelled otherwise, joined by others, left, gone and
    // back. (Session 8's file comes first in path order, then 7's, then 9's.)
    let event = |name: &'static str| move |s: &str| set(s, "event:", &format!("event: {name}"));
    t.edit(
        7,
        "a new event",
        Scope::Session,
        event("\"A Brand New Summit\""),
    );
    let summit = t
        .live
        .out_dir()
        .join("events/a-brand-new-summit/index.html");
    assert!(summit.exists());
    let spelled = event("\"A brand new  SUMMIT\"");
    t.edit(
        7,
        "the new event spelled otherwise",
        Scope::Session,
        spelled,
    );
    let joins = event("a-brand-new-summit");
    t.edit(
        9,
        "a later session joins the new event",
        Scope::Session,
        joins,
    );
    let first = event("\"A BRAND NEW SUMMIT\"");
    t.edit(
        8,
        "an earlier session names it first",
        Scope::Session,
        first,
    );
    let back = event("\"Digital World 2021\"");
    t.edit(8, "the earlier session leaves it", Scope::Session, back);
    let back = event("\"IGF Village 2025\"");
    t.edit(9, "the later session leaves it", Scope::Session, back);
    let registered = event("\"WSIS Forum 2024\"");
    t.edit(7, "a registered event by name", Scope::Session, registered);
    assert!(!summit.exists(), "an event without sessions has no page");
    let again = event("\"a brand new summit\"");
    t.edit(7, "the new event back", Scope::Session, again);
    assert!(summit.exists());
    // Session 4 names "Digital World 2021" first, then 8; 4 leaves it for the summit,
    // which it now names first: both events are renamed.
    let lower = event("\"digital world 2021\"");
    t.edit(8, "an event spelled otherwise", Scope::Session, lower);
    let both = event("\"A Brand New Summit\"");
    t.edit(4, "two events renamed", Scope::Session, both);
    t.edit(
        7,
        "a registered event by id",
        Scope::Session,
        event("wsis-forum-2023"),
    );
    t.edit(8, "topics", Scope::Session, |s| {
        set(
            s,
            "topics:",
            "topics: [\"Quantum Policy\", \"cybersecurity\"]",
        )
    });
    // A topic of its own: added, spelled otherwise, then dropped.
    let own = |spelling: &'static str| {
        move |s: &str| s.replacen("topics: [", &format!("topics: [\"{spelling}\", "), 1)
    };
    let original = t.read(20);
    t.edit(20, "a new topic", Scope::Session, own("Space Law"));
    let topic_page = t.live.out_dir().join("topics/space-law/index.html");
    assert!(topic_page.exists());
    t.edit(
        20,
        "the new topic spelled otherwise",
        Scope::Session,
        |_| own("space  LAW")(&original),
    );
    t.edit(20, "the new topic dropped", Scope::Session, |_| {
        original.clone()
    });
    assert!(!topic_page.exists());
    t.edit(
        9,
        "moderator spelled with an honorific",
        Scope::Session,
        |s| {
            let at = s.find("  - {name: \"").expect("moderator") + "  - {name: \"".len();
            format!("{}Prof. Dr. {}", &s[..at], &s[at..])
        },
    );

    // A new file, a deleted one, a renamed one.
    let new = t.session(10).with_file_name("s99999.md");
    let text = set(&t.read(10), "title:", "title: \"A brand new session\"");
    std::fs::write(&new, text).expect("new");
    t.update("new file", vec![new.clone()], Scope::Session);
    std::fs::remove_file(&new).expect("rm");
    t.update("deleted file", vec![new], Scope::Session);
    // Before every other file (all sessions move up one), with people, a topic and an
    // event of its own: a known person or topic could now be named by this file's
    // spelling, which other sessions show (the whole site is then resolved again).
    let first = t.site.join("sessions/a-first.md");
    let text = t.read(10);
    let (start, end) = (text.find("moderators:"), text.find("topics:"));
    let (start, end) = (start.expect("moderators"), end.expect("topics"));
    let people = "moderators: [\"Ada Firstcomer\"]\nspeakers: [Ben Firstcomer]\n";
    let text = format!("{}{people}{}", &text[..start], &text[end..]);
    let text = set(&text, "topics:", "topics: [\"First Things\"]");
    std::fs::write(&first, set(&text, "event:", "event: \"First Summit\"")).expect("new");
    t.update("a new first file", vec![first.clone()], Scope::Session);
    assert!(
        t.live
            .out_dir()
            .join("speakers/ada-firstcomer/index.html")
            .exists()
    );
    std::fs::remove_file(&first).expect("rm");
    t.update("the first file deleted", vec![first], Scope::Session);
    let old = t.session(11);
    let renamed = old.with_file_name("s11111.md");
    std::fs::rename(&old, &renamed).expect("mv");
    t.update("renamed file", vec![old, renamed], Scope::Sessions);

    // A session whose people appear nowhere else disappears with them.
    let lonely = t.session(12);
    let text = t.read(12);
    let start = text.find("moderators:").expect("moderators");
    let end = text.find("topics:").expect("topics");
    let text = format!(
        "{}moderators: [\"Only Once\"]\nspeakers: [\"Nobody Else\"]\n{}",
        &text[..start],
        &text[end..]
    );
    std::fs::write(&lonely, text).expect("write");
    t.update("lonely people", vec![lonely.clone()], Scope::Session);
    // People no other session names can be renamed, leave and come back on the
    // one-session path.
    t.edit(
        12,
        "a lonely person spelled otherwise",
        Scope::Session,
        |s| s.replace("\"Nobody Else\"", "\"NOBODY ELSE\""),
    );
    t.edit(
        12,
        "a lonely person gone, another come",
        Scope::Session,
        |s| s.replace("\"Only Once\"", "\"Dr. Somebody New\""),
    );
    let page = |slug: &str| t.live.out_dir().join(format!("speakers/{slug}/index.html"));
    assert!(!page("only-once").exists() && page("somebody-new").exists());
    t.edit(12, "a lonely person back", Scope::Session, |s| {
        s.replace(
            "\"Dr. Somebody New\"",
            "{name: \"Only Once\", honorific: \"Ms.\"}",
        )
    });
    std::fs::remove_file(&lonely).expect("rm");
    t.update("lonely people gone", vec![lonely], Scope::Session);
    assert!(
        !t.live
            .out_dir()
            .join("speakers/only-once/index.html")
            .exists()
    );
}

#[test]
fn a_bad_edit_changes_nothing_and_its_fix_is_picked_up_with_later_edits() {
    let mut t = Fixture::new(12);
    let before = tree(&t.live.out_dir());
    let broken = t.session(2);
    let good = t.read(2);
    std::fs::write(&broken, good.replacen("title:", "title: [unclosed", 1)).expect("break");
    let err = t
        .live
        .update(std::slice::from_ref(&broken))
        .expect_err("bad YAML fails");
    let proceedings::BuildError::Content(diags) = err else {
        panic!("a content error, not {err}");
    };
    let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|d| d.contains("s00002.md:")), "{text:?}");
    assert_eq!(tree(&t.live.out_dir()), before, "nothing written");
    // Another file changes while the broken one is still broken: still an error.
    let other = t.session(3);
    std::fs::write(&other, format!("{}\nMore.\n", t.read(3))).expect("edit");
    assert!(
        t.live.update(std::slice::from_ref(&other)).is_err(),
        "the broken file is remembered"
    );
    std::fs::write(&broken, good.replacen("title: \"", "title: \"Fixed: ", 1)).expect("fix");
    t.update("fixed", vec![broken], Scope::Sessions);
}

/// Someone renamed by an edit of a session that does not give their country moves
/// among that country's people, and their other sessions show the new name.
#[test]
fn a_rename_reaches_the_other_sessions_and_countries_of_the_person() {
    let session =
        |people: &str| format!("---\ntitle: \"A session\"\nspeakers: {people}\n---\nText.\n");
    let (a, b) = (
        session("[Ana Lima]"),
        session("[{name: Ana-Lima, country: FR}]"),
    );
    let (c, d) = (
        session("[{name: Ana Kern, country: FR}]"),
        session("[Ana-Lima]"),
    );
    let mut t = Fixture::of(&[
        ("sessions/a.md", &a),
        ("sessions/b.md", &b),
        ("sessions/c.md", &c),
        ("sessions/d.md", &d),
    ]);
    let fr =
        |t: &Fixture| std::fs::read_to_string(t.live.out_dir().join("countries/fr/index.html"));
    let at = |page: &str, name: &str| page.find(name).expect(name);
    let page = fr(&t).expect("fr");
    // A–Z by family name: "Ana-Lima" is one word, sorted as a whole.
    assert!(
        at(&page, "Ana-Lima") < at(&page, "Ana Kern"),
        "A–Z by sort key"
    );
    let d_file = t.site.join("sessions/d.md");
    std::fs::write(&d_file, session("[Ana Lima]")).expect("edit");
    t.update("respelled", vec![d_file], Scope::Session);
    let page = fr(&t).expect("fr");
    assert!(at(&page, "Ana Kern") < at(&page, "Ana Lima"), "moved");
}

/// Random single-file changes (edits, new and deleted files) to a small site whose
/// sessions spell the same people, topics and events in different ways, with drafts,
/// `slug:`s, registry people and events: after each, the live site equals a full build.
#[test]
fn random_single_file_changes_equal_full_builds() {
    use crate::browser::corpus::Rng;
    const EVENTS: [&str; 9] = [
        "IGF 2025",
        "igf 2025",
        "IGF-2025",
        "WSIS Forum 2024",
        "wsis-forum-2024",
        "Summit A",
        "summit  a",
        "Zeta Meet",
        "",
    ];
    const TOPICS: [&str; 5] = ["AI", "ai", "Space Law", "space law", "Data Governance"];
    const PEOPLE: [&str; 9] = [
        "{name: Ana Lima, country: FR}",
        "ana lima",
        "Dr. Ana Lima",
        "Ben Okafor",
        "{name: Prof. Ben Okafor, country: KE}",
        "B. Okafor",
        "{name: Zoe Ng, country: SG}",
        "zoe ng",
        "Chen Wei",
    ];
    const DATES: [&str; 4] = ["", "2024-05-01", "2025-06-02", "2023-01-01"];
    const FILES: [&str; 7] = ["a", "b", "x/c", "x/d", "e", "x-y/f", "g"];
    let session = |r: &mut Rng, name: &str| {
        let mut s = format!(
            "---\ntitle: \"{}\"\n",
            r.pick(&["Opening", "Panel", "Closing"])
        );
        if r.below(8) == 0 {
            s += "draft: true\n";
        }
        if r.below(8) == 0 {
            s += &format!("slug: own-{}\n", name.replace('/', "-"));
        }
        for (key, value) in [("event", *r.pick(&EVENTS)), ("date", *r.pick(&DATES))] {
            if !value.is_empty() {
                s += &format!("{key}: \"{value}\"\n");
            }
        }
        let people: Vec<&str> = (0..=r.below(3)).map(|_| *r.pick(&PEOPLE)).collect();
        let topics: Vec<String> = (0..r.below(3))
            .map(|_| format!("\"{}\"", r.pick(&TOPICS)))
            .collect();
        s + &format!(
            "speakers: [{}]\ntopics: [{}]\n---\nBody.\n",
            people.join(", "),
            topics.join(", ")
        )
    };
    // Seed 22 found an edit that renamed two events (the one left, the one joined).
    for seed in [1, 2, 3, 22] {
        let mut r = Rng(seed);
        let mut present: Vec<&str> = FILES[..4].to_vec();
        let texts: Vec<(String, String)> = (present.iter())
            .map(|n| (format!("sessions/{n}.md"), session(&mut r, n)))
            .collect();
        let mut files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let events = "- id: wsis-forum-2024\n  name: WSIS Forum 2024\n- id: quiet\n  name: Quiet\n";
        files.push(("data/events.yaml", events));
        files.push((
            "data/speakers.yaml",
            "- name: Ben Okafor\n  aliases: [B. Okafor]\n",
        ));
        let mut t = Fixture::of(&files);
        for step in 0..30 {
            let free: Vec<&str> = FILES
                .iter()
                .copied()
                .filter(|n| !present.contains(n))
                .collect();
            let (what, n) = match r.below(3) {
                0 if !free.is_empty() => ("new", *r.pick(&free)),
                1 if present.len() > 1 => ("deleted", present[r.below(present.len())]),
                _ => ("edited", present[r.below(present.len())]),
            };
            let path = t.site.join(format!("sessions/{n}.md"));
            let text = session(&mut r, n);
            if what == "deleted" {
                present.retain(|p| *p != n);
                std::fs::remove_file(&path).expect("rm");
            } else {
                if !present.contains(&n) {
                    present.push(n);
                }
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, &text).expect("write");
            }
            let what = format!("seed {seed}, step {step}: {n} {what}\n{text}");
            t.edits += 1;
            t.live
                .update(std::slice::from_ref(&path))
                .unwrap_or_else(|e| panic!("{what}: update failed: {e}"));
            t.live.exports().run().expect("derived files");
            t.same_as_build(&what);
        }
    }
}

/// A write that fails while a file is added or deleted leaves the site in memory as it
/// was: once writing works again, the same change goes through.
#[test]
fn a_failed_write_undoes_a_new_or_deleted_file() {
    let mut t = Fixture::new(12);
    let home = t.live.out_dir().join("index.html");
    // The home page changes with every new or deleted session: a folder in its place
    // makes the update fail.
    let block = || {
        std::fs::remove_file(&home).expect("rm home");
        std::fs::create_dir(&home).expect("mkdir");
    };
    let text = t.read(4);
    let (start, end) = (text.find("moderators:"), text.find("topics:"));
    let (start, end) = (start.expect("moderators"), end.expect("topics"));
    let people = "moderators: [\"Ada Firstcomer\"]\nspeakers: [Ben Firstcomer]\n";
    let text = format!("{}{people}{}", &text[..start], &text[end..]);
    let new = t.session(4).with_file_name("s00004-b.md");
    std::fs::write(&new, set(&text, "topics:", "topics: [\"First Things\"]")).expect("new");
    block();
    let paths = vec![new.clone()];
    assert!(t.live.update(&paths).is_err(), "the write fails");
    std::fs::remove_dir(&home).expect("unblock");
    t.update("new file, written at last", paths.clone(), Scope::Session);
    std::fs::remove_file(&new).expect("rm");
    block();
    assert!(t.live.update(&paths).is_err(), "the write fails");
    std::fs::remove_dir(&home).expect("unblock");
    t.update("deleted file, written at last", paths, Scope::Session);
}

#[test]
fn static_config_and_template_changes_rebuild_what_they_must() {
    let mut t = Fixture::new(8);
    let css = t.site.join("static/assets/custom.css");
    std::fs::create_dir_all(css.parent().expect("parent")).expect("mkdir");
    std::fs::write(&css, "body { color: black }").expect("css");
    t.update("new static file", vec![css.clone()], Scope::Full);
    std::fs::write(&css, "body { color: navy }").expect("css");
    t.update("changed static file", vec![css], Scope::Static);
    let config = t.site.join("proceedings.yaml");
    let text = std::fs::read_to_string(&config).expect("config");
    std::fs::write(
        &config,
        text.replace("Generated proceedings", "Renamed proceedings"),
    )
    .expect("config");
    t.update("config", vec![config], Scope::Full);
}

/// A session to edit, and how.
type Edit<'a> = (usize, &'a dyn Fn(&str) -> String);

/// The one-session path's parts on their own: a session resolved again by lookup and
/// the index patched for it equal the site resolved and the index built afresh.
#[test]
fn a_session_resolved_again_and_a_patched_index_equal_a_fresh_resolve_and_build() {
    use proceedings::content::{self, SitePaths};
    use proceedings::diag::Diagnostics;
    use proceedings::index::{Index, SortKeys};
    use proceedings::model::{self, Memo, ResolveOptions};

    let t = Fixture::new(40);
    let paths = SitePaths::new(&t.site);
    let resolve = || {
        let mut diags = Diagnostics::new();
        let sources = content::load(&paths, &mut diags);
        let options = ResolveOptions::default();
        let (site, lookup) =
            model::resolve_with(&sources, options, &mut diags, &mut Memo::default());
        assert!(!diags.has_errors(), "{diags:?}");
        (sources, site, lookup)
    };
    let (_, mut site, mut lookup) = resolve();
    let mut keys = SortKeys::default();
    let mut index = Index::build_with(&site, &mut keys);
    let edits: [Edit<'_>; 6] = [
        (2, &|s| set(s, "date:", "date: 2001-01-01")),
        (3, &|s| {
            set(&set(s, "date:", "# no date"), "time:", "# no time")
        }),
        (4, &|s| {
            set(
                &set(s, "sdgs:", "sdgs: [2, 9]"),
                "action_lines:",
                "action_lines: [\"C7 E-health\"]",
            )
        }),
        (5, &|s| {
            let at = s.find("country: \"").expect("country") + "country: \"".len();
            let end = at + s[at..].find('"').expect("end");
            format!("{}Kenya{}", &s[..at], &s[end..])
        }),
        (6, &|s| {
            s.replacen("speakers:\n", "", 1)
                .replacen("moderators:\n", "speakers:\n", 1)
        }),
        (7, &|s| set(s, "event:", "event: \"WSIS Forum 2024\"")),
    ];
    for (n, edit) in edits {
        std::fs::write(t.session(n), edit(&t.read(n))).expect("edit");
        let (sources, fresh, _) = resolve();
        let file = t.session(n);
        let source = (sources.sessions.iter())
            .find(|s| s.file == file)
            .expect("source");
        let id = (site.sessions.iter())
            .position(|s| s.file == file)
            .map(|i| proceedings::model::SessionId(u32::try_from(i).expect("small")))
            .expect("in the site");
        let mut diags = Diagnostics::new();
        let mut memo = Memo::default();
        let mut again = model::resolve_one(source, id, &site, &mut lookup, &mut diags, &mut memo)
            .expect("same names");
        lookup.admit(&mut again);
        assert!(again.added.is_empty() && again.renamed.is_empty());
        assert!(again.added_topics.is_empty() && again.renamed_topics.is_empty());
        assert!(again.added_event.is_none() && again.renamed_events.is_empty());
        let old = std::mem::replace(&mut site.sessions[id.index()], again.session);
        index.patch(&site, id, &old, &mut keys);
        assert_eq!(
            format!("{:?}", site.sessions),
            format!("{:?}", fresh.sessions),
            "edit of s{n}"
        );
        assert_eq!(
            format!("{index:?}"),
            format!("{:?}", Index::build(&fresh)),
            "edit of s{n}"
        );
    }
}

/// Above 1 500 speakers the A–Z has a page per letter; a one-session edit re-renders the
/// letters whose people changed, or all of them when a letter came or went (every
/// letter page links to every letter).
#[test]
fn speaker_letter_pages_follow_people_edits() {
    let mut t = Fixture::new(1000);
    let page = |t: &Fixture, letter: &str| {
        let path = format!("speakers/a-z/{letter}/index.html");
        t.live.out_dir().join(path).exists()
    };
    assert!(!page(&t, "other"));
    let add = |name: &'static str| {
        move |s: &str| s.replacen("speakers:\n", &format!("speakers:\n  - \"{name}\"\n"), 1)
    };
    let original = t.read(3);
    t.edit(
        3,
        "one more under Q",
        Scope::Session,
        add("Quentin Quarrie"),
    );
    t.edit(3, "another under Q instead", Scope::Session, |_| {
        add("Nora Quigley")(&original)
    });
    t.edit(3, "a new letter", Scope::Session, |_| {
        add("9Lives")(&original)
    });
    assert!(page(&t, "other"));
    t.edit(3, "the letter gone", Scope::Session, |_| original.clone());
    assert!(!page(&t, "other"));
}

/// Two registry people share a name: edits that move a session from one to the other,
/// or that change the country telling them apart, reach both pages.
#[test]
fn namesake_edits_reach_both_people_like_a_full_build() {
    let registry = "- id: wang-wei-cn\n  name: Wang Wei\n  country: China\n\
                    - id: wang-wei-itu\n  name: Wang Wei\n  organization: ITU\n";
    let session = |who: &str| format!("---\ntitle: \"A session\"\nspeakers: [{who}]\n---\nText.\n");
    let mut t = Fixture::of(&[
        ("data/speakers.yaml", registry),
        ("sessions/a.md", &session("{name: Wang Wei, country: CN}")),
        ("sessions/b.md", &session("{id: wang-wei-itu}")),
    ]);
    let a = t.site.join("sessions/a.md");
    std::fs::write(&a, session("{name: Wang Wei, organization: ITU}")).expect("edit");
    t.update("to the other namesake", vec![a.clone()], Scope::Session);
    std::fs::write(&a, session("{id: wang-wei-cn, country: Japan}")).expect("edit");
    t.update("back, with a country", vec![a.clone()], Scope::Session);
    std::fs::write(&a, session("{name: Ana Lima}")).expect("edit");
    t.update("to someone else", vec![a], Scope::Session);
}

/// An alias added, changed or dropped in a session, or in the registry, makes and
/// removes redirect pages as a full build does; a renamed file keeps its old address.
#[test]
fn alias_edits_make_and_remove_redirects_like_a_full_build() {
    let session = |aliases: &str| {
        format!(
            "---\ntitle: \"A session\"\naliases: [{aliases}]\nspeakers: [Zhao Houlin]\n---\nText.\n"
        )
    };
    let mut t = Fixture::of(&[
        ("data/speakers.yaml", "- name: Houlin Zhao\n"),
        ("sessions/a.md", &session("old-a")),
        ("sessions/b.md", &session("")),
    ]);
    let a = t.site.join("sessions/a.md");
    std::fs::write(&a, session("old-a, /2019/a/")).expect("edit");
    t.update("a path added", vec![a.clone()], Scope::Session);
    std::fs::write(&a, session("/2019/a/")).expect("edit");
    t.update("a slug dropped", vec![a.clone()], Scope::Session);
    let renamed = t.site.join("sessions/c.md");
    std::fs::rename(&a, &renamed).expect("rename");
    std::fs::write(&renamed, session("a, /2019/a/")).expect("edit");
    t.update(
        "renamed, its old slug kept",
        vec![a, renamed],
        Scope::Sessions,
    );
    let registry = t.site.join("data/speakers.yaml");
    std::fs::write(
        &registry,
        "- name: Houlin Zhao\n  aliases: [Zhao Houlin, /people/zhao/]\n",
    )
    .expect("edit");
    t.update("a spelling merged", vec![registry], Scope::Full);
}

/// A control character typed into a session while `serve --watch` runs is a warning
/// at its position, as in a build, and the page is written without it.
#[test]
fn an_edit_with_a_control_character_warns_and_the_page_is_clean() {
    let mut t = Fixture::new(3);
    let path = t.session(1);
    let text = t.read(1);
    std::fs::write(&path, format!("{text}\nPasted\u{b}text.\n")).expect("edit");
    let updated = t.live.update(std::slice::from_ref(&path)).expect("update");
    let warnings: Vec<String> = updated
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("s00001.md:") && w.contains("U+000B")),
        "{warnings:?}"
    );
    t.live.exports().run().expect("derived files");
    t.same_as_build("control character");
}

#[test]
fn a_new_session_changes_its_neighbours_previous_and_next_links() {
    let session = |title: &str, time: &str| {
        format!(
            "---\ntitle: \"{title}\"\nevent: \"Forum 2030\"\ndate: 2030-05-02\ntime: \"{time}\"\n---\nText.\n"
        )
    };
    let mut t = Fixture::of(&[
        ("sessions/a.md", &session("Morning talk", "09:00-10:00")),
        ("sessions/c.md", &session("Evening talk", "17:00-18:00")),
    ]);
    let page = |t: &Fixture, slug: &str| {
        let path = t.live.out_dir().join(format!("sessions/{slug}/index.html"));
        std::fs::read_to_string(path).expect("session page")
    };
    let link = |rel: &str, slug: &str| format!("<a rel=\"{rel}\" href=\"/sessions/{slug}/\">");
    assert!(page(&t, "a").contains(&link("next", "c")), "a, then c");
    // A session between them is the next of the first and the previous of the last.
    let b = t.site.join("sessions/b.md");
    std::fs::write(&b, session("Noon talk", "12:00-13:00")).expect("write");
    t.update("a session between two", vec![b.clone()], Scope::Session);
    assert!(page(&t, "a").contains(&link("next", "b")), "a, then b");
    assert!(page(&t, "c").contains(&link("prev", "b")), "b, then c");
    // Earlier than both, it has no previous one, and the first has it as its own.
    std::fs::write(&b, session("Breakfast talk", "08:00-08:45")).expect("write");
    t.update("moved before the first", vec![b.clone()], Scope::Session);
    assert!(!page(&t, "b").contains("rel=\"prev\""), "b is first");
    assert!(page(&t, "a").contains(&link("prev", "b")), "b, then a");
    assert!(
        page(&t, "c").contains(&link("prev", "a")),
        "a, then c again"
    );
    std::fs::remove_file(&b).expect("rm");
    t.update("deleted", vec![b], Scope::Session);
    assert!(!page(&t, "a").contains("rel=\"prev\""), "a is first again");
}

#[test]
fn edits_that_move_days_between_an_event_s_pages_equal_full_builds() {
    // Three sessions to a page, in whole days: a day of one session, a day of three
    // and a day of one are three pages, where three to a page regardless of days
    // would be two.
    let session = |title: &str, date: &str, time: &str| {
        format!(
            "---\ntitle: \"{title}\"\nevent: \"Forum 2031\"\ndate: {date}\ntime: \"{time}\"\n---\nText.\n"
        )
    };
    let mut t = Fixture::with(|site| {
        let files = [
            (
                "proceedings.yaml",
                "title: \"Paged\"\nsessions_per_page: 3\n".to_string(),
            ),
            ("sessions/a.md", session("A", "2031-03-01", "09:00")),
            ("sessions/b.md", session("B", "2031-03-02", "09:00")),
            ("sessions/c.md", session("C", "2031-03-02", "10:00")),
            ("sessions/d.md", session("D", "2031-03-02", "11:00")),
            ("sessions/e.md", session("E", "2031-03-03", "09:00")),
        ];
        for (path, text) in files {
            let path = site.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
    });
    let page = |t: &Fixture, n: usize| {
        let dir = if n == 1 {
            String::new()
        } else {
            format!("page/{n}/")
        };
        std::fs::read_to_string(
            t.live
                .out_dir()
                .join(format!("events/forum-2031/{dir}index.html")),
        )
        .ok()
    };
    assert!(page(&t, 2).is_some_and(|p| p.contains("id=\"day-2031-03-02\"")));
    let write = |t: &Fixture, name: &str, text: String| {
        let path = t.site.join("sessions").join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    // B, second in the list, is on page 2: a new title re-renders that page.
    let b = write(&t, "b.md", session("B renamed", "2031-03-02", "09:00"));
    t.update(
        "the first session of a page renamed",
        vec![b],
        Scope::Session,
    );
    assert!(page(&t, 2).is_some_and(|p| p.contains("B renamed")));
    // The last day grows; then B moves to it, and the first two days share page 1.
    let f = write(&t, "f.md", session("F", "2031-03-03", "10:00"));
    t.update("a day grows", vec![f], Scope::Session);
    let b = write(&t, "b.md", session("B renamed", "2031-03-03", "08:00"));
    t.update("a session changes day", vec![b], Scope::Session);
    assert!(page(&t, 3).is_none(), "two pages now");
    assert!(page(&t, 1).is_some_and(|p| p.contains("id=\"day-2031-03-02\"")));
    // Only its time changes: the pages stay.
    let c = write(&t, "c.md", session("C", "2031-03-02", "12:00"));
    t.update("a time within a day", vec![c], Scope::Session);
    let d = t.site.join("sessions/d.md");
    std::fs::remove_file(&d).expect("rm");
    t.update("a day shrinks", vec![d], Scope::Session);
}

/// A busy speaker's page lists their sessions by year and event, and links the page of
/// all their co-speakers when there are more than it shows: edits of a session's title,
/// date and event, and of who is in it, reach both pages (and make or remove the
/// co-speakers page) as a full build would.
#[test]
fn edits_reach_a_busy_speaker_s_grouped_sessions_and_co_speakers_page() {
    let session = |n: usize, event: &str, date: &str, extra: &str| {
        format!(
            "---\ntitle: \"Talk {n}\"\nevent: {event}\ndate: {date}\nspeakers: [Busy Person, Guest{n} Visitor{extra}]\n---\nText.\n"
        )
    };
    let files: Vec<(String, String)> = (0..6)
        .map(|n| {
            let event = if n % 2 == 0 { "Forum" } else { "Summit" };
            let file = format!("sessions/t{n}.md");
            (
                file,
                session(n, event, &format!("202{}-05-0{}", n % 3, n + 1), ""),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let mut t = Fixture::of(&refs);
    let page = |t: &Fixture, path: &str| t.live.out_dir().join(path).exists();
    let write = |t: &mut Fixture, n: usize, text: String, what: &str| {
        let path = t.site.join(format!("sessions/t{n}.md"));
        std::fs::write(&path, text).expect("write");
        t.update(what, vec![path], Scope::Session);
    };
    write(
        &mut t,
        1,
        session(1, "Summit", "2020-05-02", "").replace("Talk 1", "Renamed"),
        "title",
    );
    write(
        &mut t,
        2,
        session(2, "Summit", "2020-05-03", ""),
        "event and year",
    );
    let crowd: String = (0..45).map(|i| format!(", Crowd{i:02} Member")).collect();
    write(
        &mut t,
        3,
        session(3, "Forum", "2021-05-04", &crowd),
        "many co-speakers",
    );
    assert!(page(&t, "speakers/busy-person/co-speakers/index.html"));
    write(
        &mut t,
        3,
        session(3, "Forum", "2021-05-04", ""),
        "few co-speakers again",
    );
    assert!(!page(&t, "speakers/busy-person/co-speakers/index.html"));
    let without = "---\ntitle: \"Talk 4\"\nspeakers: [Guest4 Visitor]\n---\nText.\n";
    write(&mut t, 4, without.to_string(), "five sessions: cards");
}

/// A `sort_name:` added to or changed in `data/speakers.yaml` moves the person in the
/// A–Z, their countries' lists and their co-speakers' lists, as a full build would.
#[test]
fn sort_name_edits_move_a_person_like_a_full_build() {
    let session = |people: &str| {
        format!("---\ntitle: \"A session\"\nevent: Forum\nspeakers: {people}\n---\nText.\n")
    };
    let mut t = Fixture::of(&[
        ("data/speakers.yaml", "- name: Zhao Houlin\n"),
        (
            "sessions/a.md",
            &session("[{name: Zhao Houlin, country: CN}, {name: Ana Lima, country: CN}]"),
        ),
        ("sessions/b.md", &session("[Zhao Houlin, Bo Young]")),
    ]);
    let registry = t.site.join("data/speakers.yaml");
    let az = |t: &Fixture| {
        std::fs::read_to_string(t.live.out_dir().join("speakers/index.html")).expect("az")
    };
    let at = |page: &str, name: &str| page.find(name).expect(name);
    assert!(
        at(&az(&t), "Zhao Houlin") < at(&az(&t), "Ana Lima"),
        "under H"
    );
    std::fs::write(&registry, "- name: Zhao Houlin\n  sort_name: Zhao Houlin\n").expect("edit");
    t.update("a sort name", vec![registry.clone()], Scope::Full);
    assert!(
        at(&az(&t), "Ana Lima") < at(&az(&t), "Zhao Houlin"),
        "under Z"
    );
    std::fs::write(&registry, "- name: Zhao Houlin\n  sort_name: Aaa\n").expect("edit");
    t.update("another sort name", vec![registry], Scope::Full);
}

/// Organizations follow session edits as a full build does: a speaker who starts or
/// stops speaking for one, a spelling that moves them to another, a session that
/// leaves; an edit of `data/organizations.yaml` rebuilds everything.
#[test]
fn organization_edits_reach_their_pages_like_a_full_build() {
    let registry = "- id: union\n  name: International Example Union\n  acronym: IEU\n\
                    - id: sector\n  name: IEU Sector\n  parent: union\n";
    let session = |title: &str, who: &str| {
        format!("---\ntitle: \"{title}\"\ndate: 2026-05-04\nspeakers: [{who}]\n---\nText.\n")
    };
    let mut t = Fixture::of(&[
        ("data/organizations.yaml", registry),
        (
            "sessions/a.md",
            &session("A", "{name: Ana Lima, organization: IEU}"),
        ),
        (
            "sessions/b.md",
            &session(
                "B",
                "{name: Bo Chen, organization: International Example Union (IEU)}",
            ),
        ),
    ]);
    let a = t.site.join("sessions/a.md");
    std::fs::write(
        &a,
        session("A", "{name: Ana Lima, organization: IEU Sector}"),
    )
    .expect("edit");
    t.update("to the sector", vec![a.clone()], Scope::Session);
    std::fs::write(
        &a,
        session("A", "{name: Ana Lima, organization: Kituo Foundation}"),
    )
    .expect("edit");
    t.update("to an unknown one", vec![a.clone()], Scope::Session);
    std::fs::write(
        &a,
        session(
            "A",
            "{name: Ana Lima, organization: ieu}, {name: Cy Dee, organization: IEU}",
        ),
    )
    .expect("edit");
    t.update("back, with someone new", vec![a.clone()], Scope::Session);
    let c = t.site.join("sessions/c.md");
    std::fs::write(
        &c,
        session("C", "{name: Bo Chen, organization: IEU Sector}"),
    )
    .expect("new");
    t.update("a new session", vec![c.clone()], Scope::Session);
    // An organizer the registry names lists the session on its page, and then not.
    std::fs::write(
        &c,
        "---\ntitle: \"C\"\ndate: 2026-05-04\norganizers: [IEU Sector]\n---\nText.\n",
    )
    .expect("edit");
    t.update("organized by the sector", vec![c.clone()], Scope::Session);
    std::fs::write(
        &c,
        "---\ntitle: \"C\"\ndate: 2026-05-04\norganizers: [Kituo Foundation]\n---\nText.\n",
    )
    .expect("edit");
    t.update(
        "organized by an unknown one",
        vec![c.clone()],
        Scope::Session,
    );
    std::fs::remove_file(&c).expect("rm");
    t.update("the new session gone", vec![c], Scope::Session);
    // Two files at once: the site is resolved again and `diff` finds the pages.
    let b = t.site.join("sessions/b.md");
    std::fs::write(
        &a,
        session("A", "{name: Ana Lima, organization: IEU Sector}"),
    )
    .expect("edit");
    std::fs::write(
        &b,
        session("B", "{name: Bo Chen}, {name: Cy Dee, organization: IEU}"),
    )
    .expect("edit");
    t.update("two files", vec![a, b], Scope::Sessions);
    let orgs = t.site.join("data/organizations.yaml");
    std::fs::write(
        &orgs,
        format!("{registry}- id: kituo\n  name: Kituo Foundation\n"),
    )
    .expect("edit");
    t.update("the registry", vec![orgs], Scope::Full);
}
