//! The *write* stage: put the rendered site on disk atomically.
//!
//! Files stream into a staging folder beside the output as they are rendered;
//! the staging folder replaces the old output only once the build is complete. A failed build therefore leaves
//! the previous site exactly as it was, and nothing outside the output folder
//! is ever touched.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::error::BuildError;

mod output;
mod stale;
mod swap;

use swap::IN_PLACE_PREFIX;

pub(crate) use output::MARKER_TEXT;
pub use output::{MARKER, Output, Swap};

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written.
    pub files: usize,
    /// HTML pages among them.
    pub pages: usize,
    /// Bytes written.
    pub bytes: u64,
    /// What the user should know about how the output was replaced.
    pub notices: Vec<String>,
}

/// Receives the site's files as they are rendered, from any thread.
pub trait Sink: Sync {
    /// Stores one file at `path` (relative, `/`-separated); a later `put` of the same path wins.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError>;
}

/// Discards everything: for validating a site without writing it.
impl Sink for () {
    fn put(&self, _: &str, _: &[u8]) -> Result<(), BuildError> {
        Ok(())
    }
}

/// Files rendered into memory, in the order they were put (a later put of a path
/// wins): what `serve` publishes from, and what a caller that wants the files collects.
#[derive(Default)]
pub(crate) struct Memory(Mutex<Vec<(String, Vec<u8>)>>);

impl Memory {
    /// The files put so far, as (path, bytes).
    pub(crate) fn into_files(self) -> Vec<(String, Vec<u8>)> {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), bytes.to_vec()));
        Ok(())
    }
}

/// A staging folder for the new site. Files stream into it as pages are rendered
/// (nothing is held in memory); [`Staging::commit`] puts it in place of the output,
/// and dropping it uncommitted removes it, leaving the previous output untouched.
pub struct Staging {
    out: Output,
    swap: Swap,
    dir: PathBuf,
    /// Folders already created, so each `put` costs one write, not a walk up the tree.
    created: Mutex<HashSet<PathBuf>>,
    /// Paths written so far, so a replaced file is counted once (a set, not a stat per file).
    written: Mutex<HashSet<String>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
}

impl Staging {
    /// Prepares the staging folder for `out`: `.NAME.staging-PID` beside it, or inside
    /// it when the folder beside it cannot be used (see [`Swap`]). Staging folders
    /// that killed builds left behind are removed first.
    pub fn new(out: &Output) -> Result<Staging, BuildError> {
        let pid = std::process::id();
        let (parent, name) = out.beside();
        let mut swap = Swap::InPlace;
        let mut dir = out.real.join(format!("{IN_PLACE_PREFIX}staging-{pid}"));
        if out.can_swap_atomically() {
            stale::remove_left_over(&parent, &name);
            let beside = parent.join(format!(".{name}.staging-{pid}"));
            match create_marked(&beside) {
                Ok(()) => {
                    swap = Swap::Atomic;
                    dir = beside;
                }
                // A parent we may not write to: stage inside the output instead.
                Err(e) if out.exists && cannot_write(&e) => {}
                Err(e) => return Err(BuildError::io(&beside, e)),
            }
        }
        if swap == Swap::InPlace {
            if dir.exists() {
                fs::remove_dir_all(&dir).map_err(|e| BuildError::io(&dir, e))?;
            }
            create_marked(&dir).map_err(|e| BuildError::io(&dir, e))?;
        }
        Ok(Staging {
            out: out.clone(),
            swap,
            created: Mutex::new(HashSet::from([dir.clone()])),
            written: Mutex::new(HashSet::new()),
            dir,
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        })
    }

    /// Puts the new site in place of the output. On an error the previous output is
    /// as it was (in an atomic swap always; in place, as far as moving entries back
    /// allows, which the error then says).
    pub fn commit(mut self) -> Result<WriteStats, BuildError> {
        let mut notices = Vec::new();
        match self.swap {
            Swap::Atomic => swap_atomically(&self.dir, &self.out, &mut notices)?,
            Swap::InPlace => {
                swap::in_place(&self.dir, &self.out.real, &mut notices)?;
                notices.push(format!(
                    "{} is on another file system than the folder it is in, or that folder is not writable: the new site was moved in entry by entry, not swapped in one step",
                    self.out.named.display()
                ));
            }
        }
        self.committed = true;
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            notices,
        })
    }
}

/// Renames the output aside, the staging folder into its place, then removes the old one.
fn swap_atomically(
    staged: &Path,
    out: &Output,
    notices: &mut Vec<String>,
) -> Result<(), BuildError> {
    let real = &out.real;
    if !real.exists() {
        return fs::rename(staged, real).map_err(|e| BuildError::io(real, e));
    }
    let (parent, name) = out.beside();
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    fs::rename(real, &old).map_err(|e| BuildError::io(real, e))?;
    if let Err(e) = fs::rename(staged, real) {
        // Put the previous site back before reporting.
        return match fs::rename(&old, real) {
            Ok(()) => Err(BuildError::io(real, e)),
            Err(_) => Err(BuildError::SwapFailed {
                out: out.named.clone(),
                previous: old,
                source: e,
            }),
        };
    }
    // The new site is in place: the build succeeded, whatever happens to the old one.
    if let Err(e) = remove_tree(&old) {
        notices.push(format!(
            "the previous output, moved to {}, could not be removed ({e}); the next build removes it, or delete it yourself",
            old.display()
        ));
    }
    Ok(())
}

/// Whether an error means "not allowed to write here" rather than a real failure.
fn cannot_write(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Creates a staging folder with the marker in it from the start, so that a build
/// killed mid-way leaves a folder the next build knows it may remove.
fn create_marked(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    fs::write(dir.join(MARKER), MARKER_TEXT)
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError> {
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            let known = self
                .created
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(parent);
            if !known {
                fs::create_dir_all(parent).map_err(|e| BuildError::io(parent, e))?;
                self.created
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(parent.to_path_buf());
            }
        }
        // A later put of the same path (static/ over a generated file) replaces it; count it once.
        let new = self
            .written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string());
        fs::write(&target, bytes).map_err(|e| BuildError::io(&target, e))?;
        if new {
            self.files.fetch_add(1, Ordering::Relaxed);
            if path.ends_with(".html") {
                self.pages.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: the staging folder is ours; the previous output was never touched.
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes a finished-with folder (links in it are removed, never followed), its top-level entries in parallel (tens of thousands of files).
pub(crate) fn remove_tree(dir: &Path) -> Result<(), BuildError> {
    let entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| BuildError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.par_iter().try_for_each(|p| {
        // Never through a link: a link someone put in the old output goes, not what it points to.
        let r = if fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
            fs::remove_dir_all(p)
        } else {
            fs::remove_file(p)
        };
        r.map_err(|e| BuildError::io(p, e))
    })?;
    fs::remove_dir(dir).map_err(|e| BuildError::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::SitePaths;

    fn stage(out: &Path, files: &[(&str, &str)]) -> Staging {
        let site = SitePaths::new(Path::new("/nonexistent-site"));
        let output = Output::prepare(&site, out, false).expect("output");
        let staging = Staging::new(&output).expect("staging");
        for (path, text) in files {
            staging.put(path, text.as_bytes()).expect("put");
        }
        staging
    }

    #[test]
    fn commit_replaces_the_whole_output() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        stage(&target, &[("a/index.html", "one"), ("stale.txt", "x")])
            .commit()
            .expect("first");
        let stats = stage(
            &target,
            &[("a/index.html", "two"), ("a/index.html", "three")],
        )
        .commit()
        .expect("second");
        assert_eq!((stats.files, stats.pages), (1, 1));
        assert!(
            target.join(MARKER).is_file(),
            "the output is marked as ours"
        );
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).expect("read"),
            "three"
        );
        assert!(!target.join("stale.txt").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "no staging or old folders left behind");
    }

    #[test]
    fn an_abandoned_staging_folder_leaves_the_output_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        stage(&target, &[("index.html", "old")])
            .commit()
            .expect("first");
        drop(stage(&target, &[("index.html", "new")]));
        assert_eq!(
            fs::read_to_string(target.join("index.html")).expect("read"),
            "old"
        );
        assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 1);
    }
}
