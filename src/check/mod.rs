//! `proceedings check`: validate the content, then check every internal link
//! (and `#fragment`) of the built site.

mod html;
mod link_targets;
pub mod links;
pub mod organizations;
pub mod people;
mod vanished;

use std::path::{Path, PathBuf};

pub use links::{BrokenLink, BrokenReason, LinkReport, check_links};
pub use vanished::Vanished;

use crate::diag::Diagnostics;
use crate::{BuildError, BuildOptions};

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Sessions validated.
    pub sessions: usize,
    /// Content warnings.
    pub warnings: Diagnostics,
    /// The link check.
    pub links: LinkReport,
    /// The folder whose links were checked, when it outlives the check (`--out`).
    pub checked: Option<PathBuf>,
    /// The URLs of the previous build (the sitemap in the output folder, or in `--out`)
    /// that this one would lose.
    pub vanished: Vanished,
}

/// Validates the site's content (the whole pipeline short of writing), then checks the
/// links of `built` when given, else of a fresh build in a temporary folder that is removed after.
pub fn check_site(options: &BuildOptions, built: Option<&Path>) -> Result<CheckReport, BuildError> {
    let tmp = std::env::temp_dir().join(format!("proceedings-check-{}", std::process::id()));
    let (rendered, dir, made) = match built {
        // Validate only; the links are those of the existing build.
        Some(dir) => {
            let made = vanished::Recorder::new(&());
            let rendered = crate::render(options, &(), &made)?;
            (rendered, dir.to_path_buf(), made.into_paths())
        }
        None => {
            let paths = crate::content::SitePaths::new(&options.site);
            // The folder is ours (named after this process): replace whatever is there.
            let output = crate::write::Output::prepare(&paths, &tmp, true)?;
            let staging = crate::write::Staging::new(&output)?;
            let made = vanished::Recorder::new(&staging);
            let rendered = crate::render(options, &(), &made)?;
            let made = made.into_paths();
            staging.commit()?;
            (rendered, tmp.clone(), made)
        }
    };
    // The previous build: the folder checked, or the one `build` would replace.
    let previous = built.map_or_else(|| options.out_dir(), Path::to_path_buf);
    let vanished = vanished::vanished(&previous, &rendered.site.base, &made);
    let base = &rendered.site.base;
    // Links are checked against the full base URL; a path-only base gets a placeholder host.
    let site_url = if base.has_origin() {
        base.full()
    } else {
        format!("http://localhost{}", base.path())
    };
    let links = check_links(&dir, &site_url).map_err(|e| BuildError::io(&dir, e));
    if built.is_none() {
        // Best effort: the folder is ours and temporary.
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(CheckReport {
        sessions: rendered.site.sessions.len(),
        warnings: rendered.warnings,
        links: links?,
        checked: built.map(Path::to_path_buf),
        vanished,
    })
}

/// What `check --people` found.
#[derive(Debug)]
pub struct PeopleReport {
    /// People with sessions.
    pub people: usize,
    /// Content warnings.
    pub warnings: Diagnostics,
    /// Probable duplicates.
    pub duplicates: Vec<people::Duplicate>,
    /// Probable duplicates among the organizations no registry entry names.
    pub organizations: Vec<organizations::OrgDuplicate>,
}

/// Validates the site's content and lists probable duplicates among its people
/// ([`people::duplicates`]) and organizations ([`organizations::duplicates`]); nothing
/// is rendered.
pub fn check_people(options: &BuildOptions) -> Result<PeopleReport, BuildError> {
    let p = crate::pipeline::prepare(options, &mut crate::pipeline::Stopwatch::start())?;
    Ok(PeopleReport {
        people: p.index.speakers_az.len(),
        duplicates: people::duplicates(&p.site, &p.index),
        organizations: organizations::duplicates(&p.site),
        warnings: p.warnings,
    })
}
