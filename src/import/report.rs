//! The review aid as data: per input file, what was found and how sure the
//! importer is of it (`proceedings import --report json`).

use serde::Serialize;

use super::{Found, Imported, ImportedPerson};

/// How sure the importer is of one part of a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sure {
    /// Nothing was found.
    #[default]
    None,
    /// Guessed: from running text, counted from other facts.
    Low,
    /// Read from the layout (a title line, a date line, an unlabelled list).
    Medium,
    /// Written under a label or in an unambiguous form.
    High,
}

/// How sure the importer is of each part of a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Certainty {
    /// The title.
    pub title: Sure,
    /// The date.
    pub date: Sure,
    /// The people (the least sure way any of them was found).
    pub people: Sure,
    /// SDGs and action lines.
    pub codes: Sure,
}

/// One person in the report.
#[derive(Debug, Serialize)]
pub struct PersonReport<'a> {
    /// Name without honorific.
    pub name: &'a str,
    /// Role, when read.
    pub role: Option<&'a str>,
    /// Organization, when read.
    pub organization: Option<&'a str>,
    /// Country name, when read.
    pub country: Option<&'a str>,
    /// The country was inferred from an organization's or role's name.
    pub country_inferred: bool,
    /// How the person was found.
    pub found: Found,
}

/// One session in the report.
#[derive(Debug, Serialize)]
pub struct SessionReport<'a> {
    /// The session file's path.
    pub path: String,
    /// Title ("" when none was found).
    pub title: &'a str,
    /// Event id or name.
    pub event: Option<&'a str>,
    /// "YYYY-MM-DD".
    pub date: Option<String>,
    /// "HH:MM-HH:MM".
    pub time: Option<&'a str>,
    /// Moderators.
    pub moderators: Vec<PersonReport<'a>>,
    /// Speakers.
    pub speakers: Vec<PersonReport<'a>>,
    /// Goal numbers.
    pub sdgs: Vec<u8>,
    /// Action-line labels ("C7 E-health").
    pub action_lines: Vec<String>,
    /// How sure the importer is of each part.
    pub certainty: Certainty,
    /// What to check.
    pub notes: &'a [String],
}

/// One input file in the report.
#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    /// The input file.
    pub input: String,
    /// Its sessions.
    pub sessions: Vec<SessionReport<'a>>,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Per input file, in the order given.
    pub files: Vec<FileReport<'a>>,
    /// Sessions imported.
    pub sessions: usize,
    /// Notes to check, over all sessions.
    pub notes: usize,
    /// Files were written (false for a dry run).
    pub written: bool,
}

fn person(p: &ImportedPerson) -> PersonReport<'_> {
    PersonReport {
        name: &p.name,
        role: p.role.as_deref(),
        organization: p.organization.as_deref(),
        country: p.country.map(|c| c.name()),
        country_inferred: p.country_inferred,
        found: p.found,
    }
}

/// The report of an import: `inputs` in the order given (files that gave no
/// session are listed with none), `imported` as [`super::import_files`] returned.
pub fn build<'a>(
    inputs: &[std::path::PathBuf],
    imported: &'a [Imported],
    written: bool,
) -> Report<'a> {
    let files = inputs
        .iter()
        .map(|input| FileReport {
            input: input.display().to_string(),
            sessions: imported
                .iter()
                .filter(|i| &i.source == input)
                .map(|i| {
                    let s = &i.session;
                    SessionReport {
                        path: i.path.display().to_string(),
                        title: &s.title,
                        event: s.event.as_deref(),
                        date: s.date.map(|d| d.to_string()),
                        time: s.time.as_deref(),
                        moderators: s.moderators.iter().map(person).collect(),
                        speakers: s.speakers.iter().map(person).collect(),
                        sdgs: s.sdgs.iter().map(|g| g.number()).collect(),
                        action_lines: s.action_lines.iter().map(|a| a.label()).collect(),
                        certainty: s.certainty,
                        notes: &s.notes,
                    }
                })
                .collect(),
        })
        .collect();
    Report {
        files,
        sessions: imported.len(),
        notes: imported.iter().map(|i| i.session.notes.len()).sum(),
        written,
    }
}
