//! A scorer for a folder of real documents (`raw/*.txt`) and their answer keys
//! (`gold/*.yaml`, one record per session, several as a YAML stream), with the
//! rules of the shared corpus's `score.py` (read its docstring): each document is
//! imported as `proceedings import --dry-run` would (read, parsed, written as
//! session files) and the front matters are compared with the keys.
//!
//! - people: names folded (NFKD, no marks, lower case, letters and digits only);
//! - affiliation: for each person found in both, role + organization joined,
//!   token overlap (Jaccard) >= 0.5;
//! - countries: ISO codes of each person's country and the record's countries;
//! - sdgs, action lines ("C7 E-health" style): sets, pooled over a file's sessions;
//! - title and date: for single-session files only, title folded equal or one
//!   containing the other (or both empty), ISO date equal;
//! - sessions: the number of sessions equals the number of records.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proceedings::import::{Context, emit, parse, read_input};
use proceedings::taxonomy::Country;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `score.py`'s `fold`.
pub(super) fn fold(s: &str) -> String {
    let lower: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    let kept = |c: char| {
        c.is_ascii_digit()
            || c.is_ascii_lowercase()
            || ('\u{0400}'..='\u{04ff}').contains(&c)
            || ('\u{0600}'..='\u{06ff}').contains(&c)
            || ('\u{4e00}'..='\u{9fff}').contains(&c)
    };
    let mut out = String::new();
    let mut gap = false;
    for c in lower.chars() {
        if kept(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// An ISO alpha-2 code for a country name, as `score.py`'s `code` (unknown names
/// keep their folded text, so two spellings of one unknown name still match).
fn code(name: &str) -> Option<String> {
    let key = fold(name);
    if key.is_empty() {
        return None;
    }
    Some(match name.parse::<Country>() {
        Ok(c) => c.iso2().to_string(),
        Err(_) => format!("?{key}"),
    })
}

/// `score.py`'s `line_code`: "C7. ICT applications … — E-health" -> "C7 E-health".
fn line_code(a: &str) -> String {
    let t: String = fold(a).chars().filter(|c| *c != ' ').collect();
    let Some(rest) = t.strip_prefix('c') else {
        return t;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return t;
    }
    let after = &rest[digits.len()..];
    let after = after.strip_prefix('e').unwrap_or(after);
    if digits != "7" || after.is_empty() {
        return format!("C{digits}");
    }
    for sub in [
        "government",
        "business",
        "learning",
        "health",
        "employment",
        "environment",
        "agriculture",
        "science",
    ] {
        if after.contains(sub) {
            return format!("C7 E-{sub}");
        }
    }
    "C7".into()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// A person: name, role + organization tokens, country code.
struct Person {
    affiliation: BTreeSet<String>,
}

#[derive(Default)]
struct Pooled {
    people: BTreeMap<String, Person>,
    countries: BTreeSet<String>,
    sdgs: BTreeSet<String>,
    lines: BTreeSet<String>,
}

fn pool(records: &[Value]) -> Pooled {
    let mut p = Pooled::default();
    for r in records {
        for key in ["moderators", "speakers"] {
            for person in r.get(key).and_then(Value::as_array).into_iter().flatten() {
                let (name, role, org, country) = match person {
                    Value::Object(m) => (
                        m.get("name").map(text).unwrap_or_default(),
                        m.get("role").map(text).unwrap_or_default(),
                        m.get("organization").map(text).unwrap_or_default(),
                        m.get("country").map(text),
                    ),
                    v => (text(v), String::new(), String::new(), None),
                };
                if name.is_empty() {
                    continue;
                }
                let affiliation = fold(&format!("{role} {org}"))
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                p.people
                    .entry(fold(&name))
                    .or_insert(Person { affiliation });
                if let Some(c) = country.as_deref().and_then(code) {
                    p.countries.insert(c);
                }
            }
        }
        for c in r
            .get("countries")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(c) = code(&text(c)) {
                p.countries.insert(c);
            }
        }
        for g in r
            .get("sdgs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let t = text(g);
            let digits: String = t
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse::<u8>() {
                p.sdgs.insert(n.to_string());
            }
        }
        for a in r
            .get("action_lines")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            p.lines.insert(line_code(&text(a)));
        }
    }
    p
}

/// The front matters of the session files an import writes.
fn imported(raw: &Path) -> Vec<Value> {
    let Ok((input, _)) = read_input(raw) else {
        return Vec::new();
    };
    parse(&input, &Context::default())
        .iter()
        .filter_map(|s| {
            let file = emit::session_file(s, &raw.display().to_string());
            let yaml = file.strip_prefix("---\n")?.split("\n---\n").next()?;
            serde_saphyr::from_str::<Value>(yaml).ok()
        })
        .collect()
}

/// Hits, found and expected of one field.
#[derive(Default, Clone, Copy)]
struct Tally {
    hit: usize,
    found: usize,
    expected: usize,
}

impl Tally {
    fn add(&mut self, got: &BTreeSet<String>, want: &BTreeSet<String>) {
        self.hit += got.intersection(want).count();
        self.found += got.len();
        self.expected += want.len();
    }

    /// Precision (1 when nothing was found).
    pub(crate) fn precision(self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.hit as f64 / self.found as f64
        }
    }

    /// Recall (1 when nothing was expected).
    pub(crate) fn recall(self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.hit as f64 / self.expected as f64
        }
    }
}

/// The figures of one scoring run.
#[derive(Default)]
pub(super) struct Scores {
    people: Tally,
    countries: Tally,
    sdgs: Tally,
    lines: Tally,
    affiliation: (usize, usize),
    title: usize,
    date: usize,
    singles: usize,
    sessions: usize,
    /// Files scored.
    pub files: usize,
}

impl Scores {
    /// People precision and recall.
    pub(super) fn people(&self) -> (f64, f64) {
        (self.people.precision(), self.people.recall())
    }
    /// Countries precision and recall.
    pub(super) fn countries(&self) -> (f64, f64) {
        (self.countries.precision(), self.countries.recall())
    }
    /// SDG and action-line recall.
    pub(super) fn codes_recall(&self) -> (f64, f64) {
        (self.sdgs.recall(), self.lines.recall())
    }
    /// Share of people found in both whose role + organization agree.
    pub(super) fn affiliation(&self) -> f64 {
        if self.affiliation.1 == 0 {
            1.0
        } else {
            self.affiliation.0 as f64 / self.affiliation.1 as f64
        }
    }
    /// Titles right, dates right, single-session files, files with the right number of sessions.
    pub(super) fn headers(&self) -> (usize, usize, usize, usize) {
        (self.title, self.date, self.singles, self.sessions)
    }

    /// One Markdown row per field (precision, recall, right/found/expected), then
    /// affiliation, titles, dates and session counts; `half` names the rows.
    pub(super) fn table(&self, half: &str) -> String {
        let mut out = Vec::new();
        for (name, t) in [
            ("people", self.people),
            ("countries", self.countries),
            ("sdgs", self.sdgs),
            ("action_lines", self.lines),
        ] {
            out.push(format!(
                "| {half} | {name} | {:.2} | {:.2} | {}/{}/{} |",
                t.precision(),
                t.recall(),
                t.hit,
                t.found,
                t.expected
            ));
        }
        out.push(format!(
            "| {half} | affiliation | | {:.2} | {}/{} |",
            self.affiliation(),
            self.affiliation.0,
            self.affiliation.1
        ));
        for (name, right, of) in [
            ("title", self.title, self.singles),
            ("date", self.date, self.singles),
            ("sessions", self.sessions, self.files),
        ] {
            out.push(format!("| {half} | {name} | | | {right}/{of} |"));
        }
        out.join("\n")
    }

    /// The summary line, as `score.py` prints it.
    pub(super) fn line(&self) -> String {
        let f = |name: &str, t: Tally| format!("{name} P={:.2} R={:.2}", t.precision(), t.recall());
        format!(
            "overall ({} files): {}; {}; {}; {}; affiliation={:.2}; title={}/{} date={}/{} sessions={}/{}",
            self.files,
            f("people", self.people),
            f("countries", self.countries),
            f("sdgs", self.sdgs),
            f("action_lines", self.lines),
            self.affiliation(),
            self.title,
            self.singles,
            self.date,
            self.singles,
            self.sessions,
            self.files
        )
    }
}

/// Scores the files of `corpus/raw` whose number (the two digits the name starts
/// with) `pick` accepts. `each` receives one line per file (`score.py --verbose`'s).
pub(super) fn score(
    corpus: &Path,
    pick: impl Fn(u32) -> bool,
    mut each: impl FnMut(String),
) -> Scores {
    let mut scores = Scores::default();
    let mut names: Vec<_> = std::fs::read_dir(corpus.join("raw"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    for raw in names {
        let stem = raw
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let number: Option<u32> = stem.get(..2).and_then(|n| n.parse().ok());
        let gold_path = corpus.join("gold").join(format!("{stem}.yaml"));
        if !number.is_some_and(&pick) || !gold_path.exists() {
            continue;
        }
        let gold_text = std::fs::read_to_string(&gold_path).unwrap_or_default();
        let gold: Vec<Value> = serde_saphyr::from_multiple::<Value>(&gold_text)
            .unwrap_or_default()
            .into_iter()
            .filter(Value::is_object)
            .collect();
        let got = imported(&raw);
        scores.files += 1;
        let (p, g) = (pool(&got), pool(&gold));
        let people = |x: &Pooled| x.people.keys().cloned().collect::<BTreeSet<_>>();
        let (pp, gp) = (people(&p), people(&g));
        scores.people.add(&pp, &gp);
        scores.countries.add(&p.countries, &g.countries);
        scores.sdgs.add(&p.sdgs, &g.sdgs);
        scores.lines.add(&p.lines, &g.lines);
        for n in pp.intersection(&gp) {
            let (a, b) = (&p.people[n].affiliation, &g.people[n].affiliation);
            if !b.is_empty() {
                scores.affiliation.1 += 1;
                let union = a.union(b).count();
                if !a.is_empty() && a.intersection(b).count() * 2 >= union {
                    scores.affiliation.0 += 1;
                }
            }
        }
        scores.sessions += usize::from(got.len() == gold.len());
        if gold.len() == 1 {
            scores.singles += 1;
            let gt = gold[0]
                .get("title")
                .map(text)
                .map(|t| fold(&t))
                .unwrap_or_default();
            let pt = (got.len() == 1).then(|| {
                got[0]
                    .get("title")
                    .map(text)
                    .map(|t| fold(&t))
                    .unwrap_or_default()
            });
            let right = match &pt {
                Some(pt) => {
                    gt == *pt
                        || (!gt.is_empty()
                            && !pt.is_empty()
                            && (gt.contains(pt.as_str()) || pt.contains(gt.as_str())))
                }
                None => false,
            };
            scores.title += usize::from(right);
            let gd = gold[0].get("date").map(text).unwrap_or_default();
            let pd = if got.len() == 1 {
                got[0].get("date").map(text).unwrap_or_default()
            } else {
                "-".into()
            };
            scores.date += usize::from(gd == pd);
        }
        let counts = |t: Tally| format!("{}/{}/{}", t.hit, t.found, t.expected);
        let mut one = Tally::default();
        one.add(&pp, &gp);
        let mut c = Tally::default();
        c.add(&p.countries, &g.countries);
        let mut s = Tally::default();
        s.add(&p.sdgs, &g.sdgs);
        let mut l = Tally::default();
        l.add(&p.lines, &g.lines);
        each(format!(
            "{stem:50} sessions={}/{} people={} countries={} sdgs={} action_lines={}",
            got.len(),
            gold.len(),
            counts(one),
            counts(c),
            counts(s),
            counts(l)
        ));
    }
    scores
}
