//! `proceedings import`: session text as secretariats receive it (pasted from
//! Word or PDF) turned into session files.
//!
//! The steps, in order: `clean` decodes and normalises the text (NFC, no
//! control characters, bullets tamed); `detect` tells the shapes apart and
//! splits files that hold several documents; `outcome` reads the WSIS
//! "Session Outcome Document" template (its labels in `labels`, its sections
//! become Markdown in `body`) and `highlights` reads "Daily Highlights" articles, whose speakers
//! `prose` finds in running text (with `names`); both read a person's
//! introduction with `person` (using the word lists of `words` and the date
//! forms of `when`). [`emit`] writes the session file text (front matter +
//! Markdown, the importer's doubts as YAML comments) and [`mod@write`] checks that
//! it builds and puts it on disk, never overwriting without `force`.
//!
//! Everything here is heuristics over the country table, the honorifics of
//! [`crate::model::parse_name`] and word lists; `tests/it/import.rs` measures
//! precision and recall on hand-answered fixtures.

mod body;
mod clean;
mod detect;
pub mod emit;
mod highlights;
mod input;
mod labels;
mod names;
mod outcome;
mod person;
mod prose;
mod when;
mod words;
pub mod write;

use crate::taxonomy::{ActionLine, Country, CountryAliases, Sdg};

pub use input::{InputError, read_text};
pub use write::{ImportError, ImportOptions, Imported, import_files, site_context, validate};

/// The two shapes real input takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// A WSIS Forum "Session Outcome Document" (a fixed template of labelled fields).
    Outcome,
    /// A "Daily Highlights" article: speakers introduced inline in prose.
    Highlights,
}

impl Shape {
    /// "outcome" or "highlights".
    pub fn name(self) -> &'static str {
        match self {
            Shape::Outcome => "outcome",
            Shape::Highlights => "highlights",
        }
    }
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
    /// Country, when one of the introduction's parts is a known country.
    pub country: Option<Country>,
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

/// Reads one input text: detects its shape and returns its sessions (a file may
/// hold several highlights articles or outcome documents). Never panics; what it
/// could not read becomes a note on the session.
pub fn parse(text: &str, cx: &Context) -> (Shape, Vec<ImportedSession>) {
    let text = clean::normalize(text);
    let shape = detect::shape(&text);
    let sessions = match shape {
        Shape::Outcome => detect::outcome_documents(&text)
            .into_iter()
            .map(|doc| outcome::parse(doc, cx))
            .collect(),
        Shape::Highlights => highlights::parse(&text, cx),
    };
    (shape, sessions)
}
