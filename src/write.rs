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

use crate::content::SitePaths;
use crate::error::BuildError;

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written.
    pub files: usize,
    /// HTML pages among them.
    pub pages: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Refuses output folders that would overwrite or delete the site's input.
pub fn check_output_dir(paths: &SitePaths, out: &Path) -> Result<(), BuildError> {
    let root = canonical(&paths.root);
    let out_c = canonical(out);
    let refuse = |reason| {
        Err(BuildError::UnsafeOutput {
            path: out.to_path_buf(),
            reason,
        })
    };
    if out_c == root {
        return refuse("it is the site folder itself; build into a sub-folder such as public/");
    }
    if root.starts_with(&out_c) {
        return refuse("it contains the site folder, which the build would replace");
    }
    let inputs = [
        &paths.config,
        &paths.sessions,
        &paths.data,
        &paths.static_files,
        &paths.templates,
        &paths.themes,
    ];
    for input in inputs.map(|p| canonical(p)) {
        if out_c.starts_with(&input) {
            return refuse(
                "it is inside one of the site's input folders (sessions, data, static, templates, themes)",
            );
        }
        if input.starts_with(&out_c) {
            return refuse(
                "it contains one of the site's input folders, which the build would replace",
            );
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse("it is a file, not a folder");
    }
    Ok(())
}

/// Canonical form of a path that may not exist yet: its nearest existing ancestor, canonicalised, plus the rest.
fn canonical(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut c = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for part in rest.iter().rev() {
        c.push(part);
    }
    c
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

/// A staging folder beside the output. Files stream into it as pages are rendered
/// (nothing is held in memory); [`Staging::commit`] swaps it into place, and
/// dropping it uncommitted removes it, leaving the previous output untouched.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
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
    /// Prepares `.NAME.staging-PID` beside `out`.
    pub fn new(out: &Path) -> Result<Staging, BuildError> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out.file_name().map_or_else(
            || "public".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        for leftover in [&dir, &old] {
            if leftover.exists() {
                fs::remove_dir_all(leftover).map_err(|e| BuildError::io(leftover, e))?;
            }
        }
        fs::create_dir_all(&dir).map_err(|e| BuildError::io(&dir, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            created: Mutex::new(HashSet::from([dir.clone()])),
            written: Mutex::new(HashSet::new()),
            dir,
            old,
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        })
    }

    /// Replaces the output with the staging folder; the previous output is kept until the new one is in place.
    pub fn commit(mut self) -> Result<WriteStats, BuildError> {
        if self.out.exists() {
            fs::rename(&self.out, &self.old).map_err(|e| BuildError::io(&self.out, e))?;
            if let Err(e) = fs::rename(&self.dir, &self.out) {
                // Put the previous site back before reporting.
                let _ = fs::rename(&self.old, &self.out);
                return Err(BuildError::io(&self.out, e));
            }
            remove_tree(&self.old)?;
        } else {
            fs::rename(&self.dir, &self.out).map_err(|e| BuildError::io(&self.out, e))?;
        }
        self.committed = true;
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
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

/// Removes a finished-with folder, its top-level entries in parallel (tens of thousands of files).
fn remove_tree(dir: &Path) -> Result<(), BuildError> {
    let entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| BuildError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.par_iter().try_for_each(|p| {
        let r = if p.is_dir() {
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

    fn stage(out: &Path, files: &[(&str, &str)]) -> Staging {
        let staging = Staging::new(out).expect("staging");
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

    #[test]
    fn output_folders_that_hold_input_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = SitePaths::new(dir.path());
        fs::create_dir_all(&paths.sessions).expect("mkdir");
        assert!(check_output_dir(&paths, dir.path()).is_err());
        assert!(check_output_dir(&paths, dir.path().parent().expect("parent")).is_err());
        assert!(check_output_dir(&paths, &paths.sessions.join("out")).is_err());
        // A Hugo-style layout keeps sessions in content/sessions/: content/ holds input.
        let hugo = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(hugo.path().join("content/sessions")).expect("mkdir");
        let hugo_paths = SitePaths::new(hugo.path());
        assert!(check_output_dir(&hugo_paths, &hugo.path().join("content")).is_err());
        assert!(check_output_dir(&paths, &dir.path().join("public")).is_ok());
    }
}
