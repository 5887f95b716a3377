//! `proceedings import`: session documents as secretariats receive them (web
//! pages, programmes, outcome documents, reports, articles, pasted from Word or
//! PDF) turned into session files.
//!
//! There is no list of document shapes: every text is read as blocks, and each
//! piece is recognised wherever it stands. The steps, in order: [`mod@markup`]
//! turns HTML source into text and `clean` normalises it (NFC, no control
//! characters, bullets tamed); `lines` makes logical lines (markers split off,
//! hard wraps joined); `sessions` finds where one session ends and the next
//! begins; `reader` reads a session's lines — labels in the vocabulary of
//! `labels` and `label_table`, unlabelled pieces by their shape (`shapes`),
//! person entries and blocks in `entries` (split by `person`, countries by
//! `places`), goal and action-line lists in `codes`, prose introductions in
//! `prose` (with `names`), dates in `when`, the Markdown body in `body` — and
//! `finish` chooses title (`header`), event (`event`) and date, keeps one entry
//! per person (`roster`) and writes the doubts as notes. [`emit`] writes the
//! session file text (front matter + Markdown, the notes as YAML comments),
//! [`mod@report`] the JSON report, and [`mod@write`] checks that each file builds
//! and puts it on disk, never overwriting without `force`.
//!
//! Everything here is heuristics over the country table, the honorifics of
//! [`crate::model::parse_name`] and word lists (`words`); `tests/it/import.rs`
//! measures precision and recall on synthetic fixtures and on the shared corpus
//! of real documents.

mod body;
mod clean;
mod codes;
pub mod emit;
mod entries;
mod event;
mod finish;
mod header;
mod input;
mod label_table;
mod labels;
mod lines;
pub mod markup;
mod names;
mod person;
mod places;
mod prose;
mod reader;
pub mod report;
mod roster;
mod sessions;
mod shapes;
mod when;
mod words;
pub mod write;

use crate::taxonomy::{ActionLine, Country, CountryAliases, Sdg};

pub use input::{InputError, read_text};
pub use report::{Certainty, Sure};
pub use write::{
    ImportError, ImportOptions, Imported, import_files, read_input, site_context, validate,
};

/// How a person was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Found {
    /// Under a label ("Panellists:") or with a part marker ("(Moderator)").
    #[default]
    Label,
    /// By the layout of an unlabelled list (honorific, name printed twice, one
    /// field per line).
    Layout,
    /// Introduced in running text.
    Prose,
}

/// A person as the importer understood them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedPerson {
    /// The name, without honorific.
    pub name: String,
    /// "Ms.", "H.E. Mr.", "Prof. Dr." …
    pub honorific: Option<String>,
    /// Role title, e.g. "Deputy Minister of ICT".
    pub role: Option<String>,
    /// Organization, as written.
    pub organization: Option<String>,
    /// Country, from the person's own descriptor.
    pub country: Option<Country>,
    /// The country was read inside an organization's or role's name ("Government
    /// of Japan", "Minister of Bangladesh"), not given on its own.
    pub country_inferred: bool,
    /// How the person was found.
    pub found: Found,
}

/// One session read from the input, ready to be written.
#[derive(Clone, Debug, Default)]
pub struct ImportedSession {
    /// The session title (empty only when the input had none; then a note says so).
    pub title: String,
    /// Event id or name.
    pub event: Option<String>,
    /// Session type slug ("outcome-document").
    pub kind: Option<String>,
    /// Day of the session.
    pub date: Option<jiff::civil::Date>,
    /// "10:00-10:45".
    pub time: Option<String>,
    /// "UTC+02:00".
    pub timezone: Option<String>,
    /// Organizing bodies.
    pub organizers: Vec<String>,
    /// (label, url).
    pub links: Vec<(String, String)>,
    /// Moderators.
    pub moderators: Vec<ImportedPerson>,
    /// Speakers and panellists.
    pub speakers: Vec<ImportedPerson>,
    /// Free topics.
    pub topics: Vec<String>,
    /// SDGs, in input order, without repeats.
    pub sdgs: Vec<Sdg>,
    /// Action lines, in input order, without repeats.
    pub action_lines: Vec<ActionLine>,
    /// The Markdown body.
    pub body: String,
    /// What the importer was unsure of, one line each: written as YAML comments
    /// at the top of the file and summarised on the terminal.
    pub notes: Vec<String>,
    /// How sure the importer is of each part.
    pub certainty: Certainty,
}

impl ImportedSession {
    /// Adds an SDG unless it is already listed.
    fn add_sdg(&mut self, sdg: Sdg) {
        if !self.sdgs.contains(&sdg) {
            self.sdgs.push(sdg);
        }
    }

    /// Adds an action line unless it is already listed.
    fn add_action_line(&mut self, line: ActionLine) {
        if !self.action_lines.contains(&line) {
            self.action_lines.push(line);
        }
    }
}

/// An event the site knows (from `data/events.yaml`), for guessing a session's event and date.
#[derive(Clone, Debug)]
pub struct KnownEvent {
    /// The id sessions use.
    pub id: String,
    /// The display name, e.g. "ITU Virtual Digital World 2020".
    pub name: String,
    /// First day.
    pub start: Option<jiff::civil::Date>,
}

/// What parsing needs to know besides the text.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// `--event`: wins over anything guessed.
    pub event: Option<String>,
    /// The site's events.
    pub events: Vec<KnownEvent>,
    /// The site's country aliases (built-in table plus `data/countries.yaml`).
    pub countries: CountryAliases,
}

/// Reads one input text and returns its sessions (a page may list several).
/// Never panics; what it could not read becomes a note on the session. A text
/// with no lines at all gives no session.
pub fn parse(text: &str, cx: &Context) -> Vec<ImportedSession> {
    let text = clean::normalize(&markup::to_text(text));
    let lines = lines::read(&text);
    let plan = sessions::split(&lines);
    let press = sessions::is_press(&lines);
    let speech = sessions::is_speech(&lines);
    let joined = |ls: &[lines::Line]| {
        ls.iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let doc_event =
        event::of_text(&joined(&lines[plan.preamble.clone()])).or_else(|| event::of_text(&text));
    let count = plan.segments.len();
    let days = sessions::day_headings(&lines);
    plan.segments
        .iter()
        .enumerate()
        .map(|(k, seg)| {
            let own = &lines[seg.lines.clone()];
            let at_end = seg.lines.end == lines.len();
            let (s, found) = reader::read(own, cx, press, at_end);
            let shared = finish::Shared {
                event: doc_event.clone(),
                day: days.get(seg.lines.start).copied().flatten(),
                title: seg.title.clone(),
                head: seg.head.map(|h| lines[h].text.clone()),
                last: k + 1 == count && at_end,
                press,
                speech,
            };
            finish::session(s, found, &shared, &joined(own), cx)
        })
        .collect()
}
