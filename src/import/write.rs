//! Where imported sessions go and how they get there: one file per session,
//! named by the slug of its title, in `--into` or `sessions/<event>/`; nothing
//! is written when any target exists (unless `force`), and every file is checked
//! to parse as a session file before it is written.

use std::collections::HashSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{Context, ImportedSession, InputError, KnownEvent, emit, input};
use crate::content::{self, CountryAliasRecords, EventRecord, SitePaths};
use crate::diag::Diagnostics;
use crate::taxonomy::CountryAliases;
use crate::url::Slug;

/// What `proceedings import` is asked for.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The site folder (its `data/` guides event and country guesses).
    pub site: PathBuf,
    /// Folder for the new files; default `SITE/sessions/<event>/`, or `SITE/sessions/` without an event.
    pub into: Option<PathBuf>,
    /// Event id for every imported session.
    pub event: Option<String>,
    /// Print instead of writing.
    pub dry_run: bool,
    /// Overwrite existing files.
    pub force: bool,
}

/// One session imported (or, in a dry run, that would be).
#[derive(Clone, Debug)]
pub struct Imported {
    /// The input file.
    pub source: PathBuf,
    /// The session file's path.
    pub path: PathBuf,
    /// The session file's text.
    pub text: String,
    /// What was read.
    pub session: ImportedSession,
}

/// Why an import could not be done.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// An input could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The input.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// An input could not be read as text (a scanned PDF, an old .doc, a damaged file…).
    #[error("{}: {source}", path.display())]
    Input {
        /// The input.
        path: PathBuf,
        /// What is wrong, and how to fix it ([`InputError::help`]).
        source: InputError,
    },
    /// `--event` is not an id.
    #[error("`{0}` is not an event id: ids are lower-case letters, digits and hyphens")]
    BadEvent(String),
    /// Targets exist and `force` was not given; nothing was written.
    #[error("{} already exist(s); nothing was written (use --force to overwrite)", list(.0))]
    Exists(Vec<PathBuf>),
    /// Writing failed.
    #[error("{}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// `--into` names a folder outside the site's sessions folder.
    #[error("{} is outside the site's sessions folder ({}): no build would ever read the files imported there", into.display(), sessions.display())]
    OutsideSessions {
        /// The folder given.
        into: PathBuf,
        /// The site's sessions folder.
        sessions: PathBuf,
    },
    /// The importer made a file that does not parse: a bug, reported rather than written.
    #[error("{}: the imported file does not parse ({message}); please report this with the input", path.display())]
    Invalid {
        /// The file it would have written.
        path: PathBuf,
        /// The parse error.
        message: String,
    },
}

impl ImportError {
    /// How to fix it, when there is something to say.
    pub fn help(&self) -> Option<String> {
        match self {
            ImportError::OutsideSessions { sessions, .. } => Some(format!(
                "pass --into a folder inside {} (or leave --into out: the default is sessions/<event>/), \
                 or --site the site whose sessions folder it is in",
                sessions.display()
            )),
            ImportError::Exists(_) => {
                Some("use --force to overwrite, or --dry-run to see the files".into())
            }
            ImportError::Input { source, .. } => Some(source.help().into()),
            ImportError::BadEvent(_) => {
                Some("write the id as in data/events.yaml, e.g. wsis-forum-2025".into())
            }
            _ => None,
        }
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The events and country aliases of the site, for guessing; a broken registry
/// is the build's to report, so here it only means no guesses from it.
pub fn site_context(site: &Path, event: Option<String>) -> Context {
    let paths = SitePaths::new(site);
    let mut diags = Diagnostics::new();
    let events: Vec<EventRecord> =
        content::read_registry(&paths, &paths.data.join("events.yaml"), &mut diags)
            .unwrap_or_default();
    let records: CountryAliasRecords =
        content::read_registry(&paths, &paths.data.join("countries.yaml"), &mut diags)
            .unwrap_or_default();
    let mut countries = CountryAliases::new();
    for (alias, code) in &records {
        let _ = countries.insert(alias, &code.value);
    }
    Context {
        event,
        events: events
            .into_iter()
            .map(|e| KnownEvent {
                id: e.id.value,
                name: e.name,
                start: e.start.and_then(|d| d.value.parse().ok()),
            })
            .collect(),
        countries,
    }
}

/// Reads every input, makes one session file per session, and writes them
/// (unless `dry_run`). Nothing is written if any target exists without `force`.
pub fn import_files(files: &[PathBuf], opts: &ImportOptions) -> Result<Vec<Imported>, ImportError> {
    if let Some(e) = &opts.event {
        if Slug::parse_exact(e).is_none() {
            return Err(ImportError::BadEvent(e.clone()));
        }
    }
    if let Some(into) = &opts.into {
        check_into(into, &opts.site)?;
    }
    let cx = site_context(&opts.site, opts.event.clone());
    let mut out = Vec::new();
    let mut taken: HashSet<PathBuf> = HashSet::new();
    let elsewhere = site_slugs(&opts.site);
    for file in files {
        let (text, notes) = read_input(file)?;
        let mut sessions = super::parse(&text, &cx);
        for s in &mut sessions {
            s.notes.extend(notes.iter().cloned());
        }
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for session in sessions {
            let dir = target_dir(opts, session.event.as_deref());
            let slug = Slug::from_text(&session.title)
                .or_else(|| Slug::from_text(&stem))
                .map_or_else(
                    || "imported-session".to_string(),
                    |s| s.as_str().to_string(),
                );
            let path = free_path(&dir, &slug, &mut taken, &elsewhere);
            let text = emit::session_file(&session, &file.display().to_string());
            if let Err(message) = validate(&text, &path) {
                return Err(ImportError::Invalid { path, message });
            }
            out.push(Imported {
                source: file.clone(),
                path,
                text,
                session,
            });
        }
    }
    if opts.dry_run {
        return Ok(out);
    }
    if !opts.force {
        let existing: Vec<PathBuf> = out
            .iter()
            .filter(|i| i.path.exists())
            .map(|i| i.path.clone())
            .collect();
        if !existing.is_empty() {
            return Err(ImportError::Exists(existing));
        }
    }
    for i in &out {
        write_file(&i.path, &i.text, opts.force)?;
    }
    Ok(out)
}

/// An input file's text as the importer reads it (see the `input` module), with the notes
/// on how it was read (format, encoding) for the review comments.
pub fn read_input(file: &Path) -> Result<(String, Vec<String>), ImportError> {
    let bytes = fs::read(file).map_err(|source| ImportError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let document = input::document_text(file, &bytes).map_err(|source| ImportError::Input {
        path: file.to_path_buf(),
        source,
    })?;
    let notes = document.notes();
    Ok((document.text, notes))
}

/// `--into` must be inside the site's sessions folder, where the build reads.
fn check_into(into: &Path, site: &Path) -> Result<(), ImportError> {
    let sessions = SitePaths::new(site).sessions;
    let (a, b) = (absolute(into), absolute(&sessions));
    if a.starts_with(&b) {
        Ok(())
    } else {
        Err(ImportError::OutsideSessions {
            into: into.to_path_buf(),
            sessions,
        })
    }
}

/// `path` made absolute and resolved as far as it exists (symbolic links, `..`),
/// so that two spellings of one folder compare equal.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // The longest existing ancestor, canonicalised, plus the rest.
    let mut existing = joined.as_path();
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                if *part == ".." {
                    out.pop();
                } else if *part != "." {
                    out.push(part);
                }
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return joined,
        }
    }
}

/// Checks that a session file parses and resolves without errors on its own, as
/// the build will see it: the importer's promise that what it writes builds.
pub fn validate(text: &str, path: &Path) -> Result<(), String> {
    let (front, body) = content::parse_session(text, path).map_err(|d| d.message)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sources = content::Sources {
        config: crate::content::config::SiteConfig::default(),
        sessions: vec![content::SessionSource {
            file: path.to_path_buf(),
            stem,
            front,
            body: body.into(),
            warnings: Vec::new(),
        }],
        events: Vec::new(),
        speakers: Vec::new(),
        country_aliases: CountryAliasRecords::default(),
        organizations: Vec::new(),
        events_file: PathBuf::new(),
        speakers_file: PathBuf::new(),
        countries_file: PathBuf::new(),
        organizations_file: PathBuf::new(),
    };
    let mut diags = Diagnostics::new();
    crate::model::resolve(
        &sources,
        crate::model::ResolveOptions { drafts: true },
        &mut diags,
    );
    match diags.iter().find(|d| d.is_error()) {
        Some(d) => Err(d.message.clone()),
        None => Ok(()),
    }
}

fn target_dir(opts: &ImportOptions, event: Option<&str>) -> PathBuf {
    if let Some(into) = &opts.into {
        return into.clone();
    }
    // "sessions/x.md" reads better than "./sessions/x.md" in the printed path.
    let site = if opts.site == Path::new(".") {
        Path::new("")
    } else {
        opts.site.as_path()
    };
    let mut dir = site.join("sessions");
    if let Some(id) = event.and_then(|e| Slug::parse_exact(e).or_else(|| Slug::from_text(e))) {
        dir.push(id.as_str());
    }
    dir
}

/// The site's session files by slug (their file stem), to avoid a slug two sessions would share.
fn site_slugs(site: &Path) -> Vec<(String, PathBuf)> {
    let root = SitePaths::new(site).sessions;
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "markdown")
        })
        .filter_map(|e| {
            let stem = Slug::from_text(&e.path().file_stem()?.to_string_lossy())?;
            Some((stem.as_str().to_string(), e.path().to_path_buf()))
        })
        .collect()
}

/// `dir/slug.md`, or `dir/slug-2.md` … when this import already uses that name, the
/// slug is reserved ("page"), or another session of the site has it. The same path
/// is not "another session": that is the file `--force` overwrites.
fn free_path(
    dir: &Path,
    slug: &str,
    taken: &mut HashSet<PathBuf>,
    elsewhere: &[(String, PathBuf)],
) -> PathBuf {
    let clashes = |candidate: &str, path: &Path, taken: &HashSet<PathBuf>| {
        taken.contains(path)
            || candidate == "page"
            || elsewhere
                .iter()
                .any(|(s, p)| s == candidate && !same_file(p, path))
    };
    let mut candidate = slug.to_string();
    let mut path = dir.join(format!("{candidate}.md"));
    let mut n = 2;
    while clashes(&candidate, &path, taken) {
        candidate = format!("{slug}-{n}");
        path = dir.join(format!("{candidate}.md"));
        n += 1;
    }
    taken.insert(path.clone());
    path
}

/// Whether two paths name one file (either may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn write_file(path: &Path, text: &str, force: bool) -> Result<(), ImportError> {
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| ImportError::Write { path: p, source }
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(err(dir))?;
    }
    let mut open = fs::OpenOptions::new();
    open.write(true);
    if force {
        open.create(true).truncate(true);
    } else {
        // create_new: a file that appeared since the check is still never overwritten.
        open.create_new(true);
    }
    let mut f = open.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => ImportError::Exists(vec![path.to_path_buf()]),
        _ => ImportError::Write {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    f.write_all(text.as_bytes()).map_err(err(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Context, emit, parse};

    /// Pieces of both shapes, shuffled: whatever comes out must build.
    const PIECES: &str = "(Session Outcome Document|Categories|2020 Daily Highlights Day 3|\
        Moderator:|Panellists:|Topics:|WSIS Action Lines:|Sustainable Development Goals|\
        Key Issues discussed:|☐ |- |• |01\\. |Goal 1[0-9]: x|С7\\. E-health|C1[0-2]|\
        Ms\\. [A-Z][a-zà-ỹ]+ [A-Z][a-z]+, |Director, |Ministry of ICT, |Viet Nam|\
        \\(Islamic Republic of\\)|said |moderated by |30th May 2024: 10:00-10:45 \\(UTC\\+02:00\\)|\
        https://www\\.itu\\.int/net4/wsis/forum/2024/x|page|# |> |---|\"|: |\n|\n\n|, |\\. |\\PC){0,80}";

    proptest::proptest! {
        #[test]
        fn any_text_imports_into_files_that_build(text in PIECES) {
            let sessions = parse(&text, &Context::default());
            for s in &sessions {
                let file = emit::session_file(s, "input.txt");
                let checked = validate(&file, Path::new("sessions/x.md"));
                proptest::prop_assert!(checked.is_ok(), "{:?}\n{}", checked, file);
            }
        }
    }

    #[test]
    fn a_slug_other_sessions_have_or_page_gets_a_number() {
        let mut taken = HashSet::new();
        let elsewhere = vec![("panel".to_string(), PathBuf::from("sessions/a/panel.md"))];
        let dir = Path::new("sessions/b");
        assert_eq!(
            free_path(dir, "panel", &mut taken, &elsewhere),
            dir.join("panel-2.md")
        );
        assert_eq!(
            free_path(dir, "page", &mut taken, &elsewhere),
            dir.join("page-2.md")
        );
        assert_eq!(
            free_path(dir, "other", &mut taken, &elsewhere),
            dir.join("other.md")
        );
        assert_eq!(
            free_path(dir, "other", &mut taken, &elsewhere),
            dir.join("other-2.md")
        );
    }
}
