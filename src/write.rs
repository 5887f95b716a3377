//! The *write* stage: put the rendered site on disk atomically.
//!
//! Everything is written into a staging folder beside the output, which
//! replaces the old output only once complete. A failed build therefore leaves
//! the previous site exactly as it was, and nothing outside the output folder
//! is ever touched.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::SitePaths;
use crate::error::BuildError;
use crate::render::Output;

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written.
    pub files: usize,
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

/// Writes `outputs` (later entries win on equal paths) as the new content of `out`.
pub fn commit(
    outputs: Vec<Output>,
    out: &Path,
    progress: &dyn crate::Progress,
) -> Result<WriteStats, BuildError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    fs::create_dir_all(&parent).map_err(|e| BuildError::io(parent.clone(), e))?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let result = write_all(outputs, &staging, progress)
        .and_then(|stats| swap(&staging, out, &parent, &name).map(|()| stats));
    if result.is_err() && staging.exists() {
        // Best effort: the staging folder is ours; the previous output was not touched.
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(
    outputs: Vec<Output>,
    staging: &Path,
    progress: &dyn crate::Progress,
) -> Result<WriteStats, BuildError> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(|e| BuildError::io(staging.to_path_buf(), e))?;
    }
    let files: BTreeMap<String, Vec<u8>> = outputs.into_iter().map(|o| (o.path, o.bytes)).collect();
    let dirs: BTreeSet<PathBuf> = files
        .keys()
        .filter_map(|p| Path::new(p).parent().map(|d| staging.join(d)))
        .chain(std::iter::once(staging.to_path_buf()))
        .collect();
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| BuildError::io(d.clone(), e))?;
    }
    let bytes = files.values().map(|b| b.len() as u64).sum();
    progress.stage("write", files.len());
    files.par_iter().try_for_each(|(path, content)| {
        progress.advance(1);
        let target = staging.join(path);
        fs::write(&target, content).map_err(|e| BuildError::io(target, e))
    })?;
    Ok(WriteStats {
        files: files.len(),
        bytes,
    })
}

/// Moves the finished staging folder into place, keeping the old output until it is.
fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), BuildError> {
    if !out.exists() {
        return fs::rename(staging, out).map_err(|e| BuildError::io(out.to_path_buf(), e));
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| BuildError::io(old.clone(), e))?;
    }
    fs::rename(out, &old).map_err(|e| BuildError::io(out.to_path_buf(), e))?;
    if let Err(e) = fs::rename(staging, out) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&old, out);
        return Err(BuildError::io(out.to_path_buf(), e));
    }
    fs::remove_dir_all(&old).map_err(|e| BuildError::io(old, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn commit_replaces_the_whole_output() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        commit(
            vec![out("a/index.html", "one"), out("stale.txt", "x")],
            &target,
            &(),
        )
        .expect("first");
        let stats = commit(vec![out("a/index.html", "two")], &target, &()).expect("second");
        assert_eq!(stats.files, 1);
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).expect("read"),
            "two"
        );
        assert!(!target.join("stale.txt").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "no staging or old folders left behind");
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
