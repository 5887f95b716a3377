//! `proceedings check`: validate the content, then check every internal link
//! (and `#fragment`) of the built site.

mod html;
mod link_targets;
pub mod links;

use std::path::{Path, PathBuf};

pub use links::{BrokenLink, BrokenReason, LinkReport, check_links};

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
}

/// Validates the site's content (the whole pipeline short of writing), then checks the
/// links of `built` when given, else of a fresh build in a temporary folder that is removed after.
pub fn check_site(options: &BuildOptions, built: Option<&Path>) -> Result<CheckReport, BuildError> {
    let tmp = std::env::temp_dir().join(format!("proceedings-check-{}", std::process::id()));
    let (rendered, dir) = match built {
        // Validate only; the links are those of the existing build.
        Some(dir) => (crate::render(options, &(), &())?, dir.to_path_buf()),
        None => {
            let paths = crate::content::SitePaths::new(&options.site);
            // The folder is ours (named after this process): replace whatever is there.
            let output = crate::write::Output::prepare(&paths, &tmp, true)?;
            let staging = crate::write::Staging::new(&output)?;
            let rendered = crate::render(options, &(), &staging)?;
            staging.commit()?;
            (rendered, tmp.clone())
        }
    };
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
    })
}
