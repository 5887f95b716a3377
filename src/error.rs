//! Fatal operational errors: the build could not run at all (as opposed to
//! content problems, which are [`crate::diag::Diagnostic`]s).

use std::path::PathBuf;

use crate::diag::Diagnostics;

/// Why a build stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors; all of them are here.
    #[error("the site has {} error(s)", .0.error_count())]
    Content(Diagnostics),
    /// The site folder does not exist.
    #[error("no site at {0}: the folder does not exist")]
    MissingSite(PathBuf),
    /// `theme:` names a folder that is not there.
    #[error("theme folder {0} does not exist")]
    MissingTheme(PathBuf),
    /// A template failed to compile or render.
    #[error("template error: {0}")]
    Template(String),
    /// A data export could not be serialised.
    #[error("data export {0}")]
    Export(String),
    /// The output folder would destroy input.
    #[error("refusing to write to {path}: {reason}")]
    UnsafeOutput {
        /// The output folder asked for.
        path: PathBuf,
        /// Why it is refused.
        reason: &'static str,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl BuildError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> BuildError {
        BuildError::Io {
            path: path.into(),
            source,
        }
    }
}
