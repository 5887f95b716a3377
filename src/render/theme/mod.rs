//! Themes: the default theme embedded in the binary, a site's own theme in
//! `themes/NAME/`, and per-template overrides from the site's `templates/`.
//!
//! Lookup order for a template name: `templates/NAME` of the site, then the
//! selected theme, then the embedded default (Tera fallback prefixes).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use tera::Tera;

mod errors;

use crate::content::SitePaths;
use crate::error::BuildError;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled into the binary so an installed `proceedings` works anywhere.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "components.html",
    "index.html",
    "session.html",
    "sessions.html",
    "event.html",
    "events.html",
    "speaker.html",
    "speaker_co_speakers.html",
    "speakers.html",
    "speakers_letter.html",
    "country.html",
    "countries.html",
    "sdg.html",
    "sdgs.html",
    "action_line.html",
    "action_lines.html",
    "topic.html",
    "topics.html",
    "organization.html",
    "organizations.html",
    "404.html",
    "search.html",
    "session_card.html",
    "participant.html",
    "book.html",
);

/// The site path of the theme's card image, every page's default `og:image`.
pub(crate) const CARD_IMAGE: &str = "assets/card.png";

/// The default theme's static assets, by output path.
const DEFAULT_ASSETS: &[(&str, &[u8])] = &[
    (
        "assets/style.css",
        include_bytes!("../../../themes/default/static/assets/style.css"),
    ),
    (
        "assets/syntax.css",
        include_bytes!("../../../themes/default/static/assets/syntax.css"),
    ),
    (
        "assets/book.css",
        include_bytes!("../../../themes/default/static/assets/book.css"),
    ),
    (
        "assets/cite.js",
        include_bytes!("../../../themes/default/static/assets/cite.js"),
    ),
    (
        "assets/search.js",
        include_bytes!("../../../themes/default/static/assets/search.js"),
    ),
    (
        "assets/people.js",
        include_bytes!("../../../themes/default/static/assets/people.js"),
    ),
    // The default `og:image` (OpenGraph wants a raster image; 1200×630 is the size
    // link previews crop to). Drawn from `themes/default/card.svg`, the favicon's mark
    // on the theme's blue, with `chromium --headless --screenshot --window-size=1200,630`.
    (
        CARD_IMAGE,
        include_bytes!("../../../themes/default/static/assets/card.png"),
    ),
    // Without an icon of its own, a browser asks for /favicon.ico at the root
    // of the host, which is outside the site under a sub-path and 404s.
    (
        "assets/favicon.svg",
        include_bytes!("../../../themes/default/static/assets/favicon.svg"),
    ),
];

/// Compiled templates plus the static files the theme ships.
pub struct Theme {
    /// The template engine, with every template compiled.
    pub tera: Tera,
    /// Theme assets to copy: (output path, bytes).
    pub assets: Vec<(PathBuf, Cow<'static, [u8]>)>,
    /// The ids its templates use, which no body may take.
    pub ids: super::markdown::ThemeIds,
    /// The site's `templates/`, for naming the file of a template error.
    site_templates: PathBuf,
    /// The selected theme's `templates/`, when it is not the default.
    theme_templates: Option<PathBuf>,
}

const DEFAULT_PREFIX: &str = "default/";
const THEME_PREFIX: &str = "theme/";

impl Theme {
    /// Loads the theme named in the config and the site's template overrides.
    pub fn load(paths: &SitePaths, theme_name: &str) -> Result<Theme, BuildError> {
        let mut tera = Tera::new();
        tera.register_filter("bdi", super::bidi::filter);
        tera.set_fallback_prefixes([THEME_PREFIX, DEFAULT_PREFIX])
            .map_err(|e| BuildError::Template(e.to_string()))?;
        let mut theme_templates = None;
        let mut templates: Vec<(String, Cow<'static, str>)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (format!("{DEFAULT_PREFIX}{n}"), Cow::Borrowed(*t)))
            .collect();
        let mut assets: Vec<(PathBuf, Cow<'static, [u8]>)> = DEFAULT_ASSETS
            .iter()
            .map(|(p, b)| (PathBuf::from(p), Cow::Borrowed(*b)))
            .collect();
        if theme_name != "default" {
            let dir = paths.themes.join(theme_name);
            if !dir.is_dir() {
                return Err(BuildError::MissingTheme(dir));
            }
            templates.extend(read_templates(paths, &dir.join("templates"), THEME_PREFIX)?);
            theme_templates = Some(dir.join("templates"));
            for (path, bytes) in read_files(paths, &dir.join("static"), Hidden::Keep)? {
                assets.retain(|(p, _)| p != &path);
                assets.push((path, Cow::Owned(bytes)));
            }
        }
        templates.extend(read_templates(paths, &paths.templates, "")?);
        let ids =
            super::markdown::ThemeIds::from_templates(templates.iter().map(|(_, t)| t.as_ref()));
        let mut theme = Theme {
            tera,
            assets,
            ids,
            site_templates: paths.templates.clone(),
            theme_templates,
        };
        let added =
            (theme.tera).add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_ref())));
        if let Err(e) = added {
            return Err(theme.error(&e, None));
        }
        Ok(theme)
    }
}

/// Every `.html`/`.xml`/`.txt` template under `dir`, named by its relative path with `prefix`.
fn read_templates(
    paths: &SitePaths,
    dir: &Path,
    prefix: &str,
) -> Result<Vec<(String, Cow<'static, str>)>, BuildError> {
    let mut out = Vec::new();
    for (rel, bytes) in read_files(paths, dir, Hidden::Skip)? {
        let name = rel.to_string_lossy().replace('\\', "/");
        let text = String::from_utf8(bytes).map_err(|_| {
            BuildError::Template(format!("{}: not valid UTF-8", dir.join(&rel).display()))
        })?;
        out.push((format!("{prefix}{name}"), Cow::Owned(text)));
    }
    Ok(out)
}

/// Which files [`read_files`] leaves out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hidden {
    /// Skip every dot-file and dot-folder (templates).
    Skip,
    /// Copy dot-files such as `.well-known/`, but not version-control or OS clutter (static files).
    Keep,
}

fn is_clutter(name: &str, hidden: Hidden) -> bool {
    match hidden {
        Hidden::Skip => name.starts_with('.'),
        Hidden::Keep => {
            matches!(name, ".git" | ".hg" | ".svn" | ".DS_Store") || name.ends_with('~')
        }
    }
}

/// Every file under `dir` (sorted), with its path relative to `dir`. Links that
/// lead outside the site are errors (`content::files`), never read.
pub(crate) fn read_files(
    paths: &SitePaths,
    dir: &Path,
    hidden: Hidden,
) -> Result<Vec<(PathBuf, Vec<u8>)>, BuildError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut diags = crate::diag::Diagnostics::new();
    let files = crate::content::files::walk(paths, dir, |n| !is_clutter(n, hidden), &mut diags);
    if !diags.is_empty() {
        return Err(BuildError::Content(diags));
    }
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| BuildError::io(&file, e))?;
        let rel = file.strip_prefix(dir).unwrap_or(&file).to_path_buf();
        out.push((rel, bytes));
    }
    Ok(out)
}
