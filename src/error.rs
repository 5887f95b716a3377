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
    /// The folder has neither `proceedings.yaml` nor a sessions folder.
    #[error("{0} is not a site: it has neither proceedings.yaml nor a sessions/ folder")]
    NotASite(PathBuf),
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
        reason: String,
    },
    /// The output folder is not empty and no build wrote it.
    #[error(
        "refusing to replace {path}: it is not empty and no build wrote it (it holds {contents})"
    )]
    NotAnOutput {
        /// The output folder asked for.
        path: PathBuf,
        /// What is in it, for the message.
        contents: String,
    },
    /// The output folder is read-only.
    #[error("refusing to replace {0}: the folder is read-only")]
    ReadOnlyOutput(PathBuf),
    /// The new site could not be put in place, nor the old one put back.
    #[error(
        "could not put the new site in place of {out} ({source}), nor the previous one back: it is now at {previous}"
    )]
    SwapFailed {
        /// The output folder.
        out: PathBuf,
        /// Where the previous output is now.
        previous: PathBuf,
        /// Why the swap failed.
        source: std::io::Error,
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
    /// How to fix it, for the line after the message (content errors carry their own).
    pub fn help(&self) -> Option<String> {
        let text = match self {
            BuildError::Content(_) => return None,
            BuildError::MissingSite(_) => {
                "pass the folder that holds proceedings.yaml and sessions/ (`proceedings init DIR` makes a new one)"
            }
            BuildError::NotASite(_) => {
                "pass the site folder (the one that holds sessions/), or make one here with `proceedings init .`"
            }
            BuildError::MissingTheme(_) => {
                "create the theme folder, or set `theme: default` in proceedings.yaml"
            }
            BuildError::Template(_) => "fix the template at the place named above",
            BuildError::Export(_) => "report this as a bug, with the session files involved",
            BuildError::UnsafeOutput { .. } => {
                "choose an output folder outside the site's input, such as SITE/public (--out DIR)"
            }
            BuildError::NotAnOutput { .. } => {
                "choose a new or empty folder with --out, or pass --force to replace everything in this one"
            }
            BuildError::ReadOnlyOutput(_) => {
                "make it writable (chmod -R u+w), or choose another folder with --out"
            }
            BuildError::SwapFailed { .. } => {
                "move the previous site back by hand if you need it, fix the cause and build again"
            }
            BuildError::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::PermissionDenied => {
                    "check the permissions of that file or folder, or choose another --out"
                }
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    "free some disk space and build again"
                }
                std::io::ErrorKind::ReadOnlyFilesystem => {
                    "the file system is mounted read-only: choose another folder with --out"
                }
                _ => "check that the path exists and is accessible, then build again",
            },
        };
        Some(text.to_string())
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> BuildError {
        BuildError::Io {
            path: path.into(),
            source,
        }
    }
}
