//! The *load* stage: read a site folder into raw, position-carrying sources.
//!
//! 1. read `proceedings.yaml` ([`SiteConfig`]);
//! 2. walk `sessions/` (sorted; hidden entries and `_`-prefixed section pages such as
//!    Hugo's `_index.md` skipped; symlink loops reported);
//! 3. read and split every `.md` file, parse its front matter (in parallel);
//! 4. read the optional registries in `data/` (events, speakers, countries, organizations).
//!
//! Problems go into [`Diagnostics`]; a file that fails is left out and the rest goes on.

pub(crate) mod body;
pub mod config;
pub(crate) mod controls;
pub(crate) mod files;
pub mod front_matter;
pub mod registry;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::content::config::SiteConfig;
use crate::diag::{Diagnostic, Diagnostics, Location};
pub use front_matter::{
    LinkRecord, MaterialRecord, Materials, PersonEntry, PersonRef, SessionFrontMatter,
};
pub use registry::{
    Attendance, CountryAliasRecords, EventRecord, OrganizationRecord, SpeakerRecord,
};

/// Where the parts of a site live.
#[derive(Clone, Debug)]
pub struct SitePaths {
    /// The site folder, as the user named it (diagnostics show paths under it).
    pub root: PathBuf,
    /// `proceedings.yaml`.
    pub config: PathBuf,
    /// The session files: `sessions/`, or `content/sessions/` in a Hugo-style layout.
    pub sessions: PathBuf,
    /// `data/`.
    pub data: PathBuf,
    /// `static/`, copied verbatim.
    pub static_files: PathBuf,
    /// `templates/`, overriding theme templates by name.
    pub templates: PathBuf,
    /// `themes/`, for themes other than the embedded default.
    pub themes: PathBuf,
    /// The site folder with every link resolved: no input is read from outside it.
    pub real_root: PathBuf,
}

impl SitePaths {
    /// The standard layout under `root`.
    pub fn new(root: &Path) -> SitePaths {
        // "sessions/a.md" reads better in diagnostics than "./sessions/a.md".
        let base = if root == Path::new(".") {
            Path::new("")
        } else {
            root
        };
        let sessions = base.join("sessions");
        // Corpora made for Hugo (and by the benchmark generator) keep sessions in content/sessions/.
        let hugo_style = base.join("content").join("sessions");
        let sessions = if !sessions.exists() && hugo_style.is_dir() {
            hugo_style
        } else {
            sessions
        };
        SitePaths {
            config: base.join("proceedings.yaml"),
            sessions,
            data: base.join("data"),
            static_files: base.join("static"),
            templates: base.join("templates"),
            themes: base.join("themes"),
            real_root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            root: root.to_path_buf(),
        }
    }
}

/// One session file, read and parsed.
#[derive(Clone, Debug)]
pub struct SessionSource {
    /// Path as shown in diagnostics (site folder + relative path).
    pub file: PathBuf,
    /// The file name without `.md`: the default slug.
    pub stem: String,
    /// Parsed front matter.
    pub front: SessionFrontMatter,
    /// The Markdown body (shared with the resolved session).
    pub body: std::sync::Arc<str>,
    /// What reading the file found and mended (control characters removed), reported
    /// when the session is resolved.
    pub warnings: Vec<Diagnostic>,
}

/// Everything the load stage read.
#[derive(Clone, Debug)]
pub struct Sources {
    /// Site configuration.
    pub config: SiteConfig,
    /// Session files that parsed, in path order.
    pub sessions: Vec<SessionSource>,
    /// `data/events.yaml`, with its path.
    pub events: Vec<EventRecord>,
    /// `data/speakers.yaml`.
    pub speakers: Vec<SpeakerRecord>,
    /// `data/countries.yaml`.
    pub country_aliases: CountryAliasRecords,
    /// `data/organizations.yaml`.
    pub organizations: Vec<OrganizationRecord>,
    /// Paths of the registry files, for diagnostics.
    pub events_file: PathBuf,
    /// Path of `data/speakers.yaml`.
    pub speakers_file: PathBuf,
    /// Path of `data/countries.yaml`.
    pub countries_file: PathBuf,
    /// Path of `data/organizations.yaml`.
    pub organizations_file: PathBuf,
}

/// Reads the whole site. Never fails as a whole: every problem is a diagnostic.
pub fn load(paths: &SitePaths, diags: &mut Diagnostics) -> Sources {
    let config = match read_optional(paths, &paths.config, diags) {
        Some(text) => SiteConfig::parse(&text, &paths.config).unwrap_or_else(|d| {
            diags.push(d);
            SiteConfig::default()
        }),
        None => SiteConfig::default(),
    };
    let files = session_files(paths, diags);
    let results: Vec<Result<SessionSource, Diagnostic>> =
        files.par_iter().map(|f| load_session(f)).collect();
    let mut sessions = Vec::with_capacity(results.len());
    for r in results {
        match r {
            // Its warnings stay with it: resolving reports them (see `SessionSource`).
            Ok(s) => sessions.push(s),
            Err(d) => diags.push(d),
        }
    }
    let events_file = paths.data.join("events.yaml");
    let speakers_file = paths.data.join("speakers.yaml");
    let countries_file = paths.data.join("countries.yaml");
    let organizations_file = paths.data.join("organizations.yaml");
    Sources {
        config,
        sessions,
        events: read_registry(paths, &events_file, diags).unwrap_or_default(),
        speakers: read_registry(paths, &speakers_file, diags).unwrap_or_default(),
        country_aliases: read_registry(paths, &countries_file, diags).unwrap_or_default(),
        organizations: read_registry(paths, &organizations_file, diags).unwrap_or_default(),
        events_file,
        speakers_file,
        countries_file,
        organizations_file,
    }
}

/// Every `.md` file under the sessions folder, sorted; hidden files and folders skipped.
fn session_files(paths: &SitePaths, diags: &mut Diagnostics) -> Vec<PathBuf> {
    if !paths.sessions.is_dir() {
        diags.push(
            Diagnostic::warning(&paths.sessions, None, "there is no sessions folder: the site has no sessions")
                .with_help("create it and add one Markdown file per session (`proceedings new session \"Title\"`)"),
        );
        return Vec::new();
    }
    let not_hidden = |name: &str| !name.starts_with('.');
    let mut files = files::walk(paths, &paths.sessions, not_hidden, diags);
    files.retain(|f| is_markdown(f));
    files
}

/// What to do about a file that exists but cannot be read.
pub(crate) const UNREADABLE_HELP: &str = "make it readable by the user running proceedings (check its permissions, or a link that points nowhere), or remove it";

/// A session file: `.md`/`.markdown`, not a Hugo/Zola section page (`_index.md`).
pub(crate) fn is_markdown(path: &Path) -> bool {
    let section_page = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('_'));
    !section_page
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Reads, splits and parses one session file.
pub(crate) fn load_session(file: &Path) -> Result<SessionSource, Diagnostic> {
    let text = read_text(file)?;
    let (text, warnings) = scrub_session(&text, file);
    let (front, body) = parse_session(&text, file)?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(SessionSource {
        file: file.to_path_buf(),
        stem,
        body: std::sync::Arc::from(body),
        front,
        warnings,
    })
}

/// A session file's text without control characters: raw ones anywhere, and those
/// written as escapes in its front matter; with a warning at each.
fn scrub_session<'t>(text: &'t str, file: &Path) -> (std::borrow::Cow<'t, str>, Vec<Diagnostic>) {
    let (text, mut warnings) = controls::scrub_raw(text, file);
    let Ok(split) = front_matter::split(&text, file) else {
        // Not a session file: parsing says why.
        return (text, warnings);
    };
    let (yaml, found) = controls::scrub_escapes(split.yaml, file, split.origin);
    warnings.extend(found);
    let yaml_end = split.origin.bytes + split.yaml.len();
    let body_len = split.body.len();
    let text = match yaml {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(yaml) => std::borrow::Cow::Owned(format!(
            "{}{yaml}{}",
            &text[..split.origin.bytes],
            &text[yaml_end..]
        )),
    };
    warnings.extend(body::control_references(&text, text.len() - body_len, file));
    (text, warnings)
}

/// Splits and parses the text of a session file: its front matter and Markdown body.
/// `file` names the file in diagnostics. (Also the entry point of the fuzz target.)
pub fn parse_session<'t>(
    text: &'t str,
    file: &Path,
) -> Result<(SessionFrontMatter, &'t str), Diagnostic> {
    let split = front_matter::split(text, file)?;
    let front = front_matter::parse(&split, file)?;
    // The body runs to the end of the file.
    let start = text.len() - split.body.len();
    body::check(text, start, file)?;
    Ok((front, split.body))
}

/// Reads a UTF-8 file; invalid bytes are an error at their position.
pub(crate) fn read_text(file: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(file).map_err(|e| {
        Diagnostic::error(file, None, format!("cannot read the file: {e}"))
            .with_help(UNREADABLE_HELP)
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let location = Location {
            line,
            column,
            offset: Some(good.len()),
        };
        Diagnostic::error(file, Some(location), "the file is not valid UTF-8")
            .with_help("save the file as UTF-8 (most editors: \"Save with encoding\")")
    })
}

/// Reads a file of the site that may be absent.
fn read_optional(paths: &SitePaths, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    if !file.exists() {
        return None;
    }
    let text = files::check_inside(paths, file)
        .and_then(|()| read_text(file))
        .map_err(|d| diags.push(d))
        .ok()?;
    let (clean, raw) = controls::scrub_raw(&text, file);
    let (bare, origin) = yaml::strip_bom(&clean);
    let (yaml, escaped) = controls::scrub_escapes(bare, file, origin);
    raw.into_iter().chain(escaped).for_each(|w| diags.push(w));
    Some(match (&clean, yaml) {
        (std::borrow::Cow::Borrowed(_), std::borrow::Cow::Borrowed(_)) => text,
        (_, yaml) => format!("{}{yaml}", &clean[..origin.bytes]),
    })
}

/// Reads and parses an optional YAML registry.
pub(crate) fn read_registry<T: DeserializeOwned>(
    paths: &SitePaths,
    file: &Path,
    diags: &mut Diagnostics,
) -> Option<T> {
    let text = read_optional(paths, file, diags)?;
    let (text, origin) = yaml::strip_bom(&text);
    if text.trim().is_empty() {
        return None;
    }
    yaml::parse(text, file, origin)
        .map_err(|d| diags.push(d))
        .ok()
}
