//! The in-place swap, for an output folder that cannot be replaced by one rename
//! (a mount point, or a folder whose parent is not writable): the old entries are
//! moved into a folder inside the output, the staged ones up into the output, then
//! the old ones are removed. Each step is undone on failure.

use std::fs;
use std::path::{Path, PathBuf};

use super::output::MARKER;
use crate::error::BuildError;

/// Names inside the output that the in-place swap uses for itself.
pub(super) const IN_PLACE_PREFIX: &str = ".proceedings-";

/// Replaces the entries of `out` with those of `staged` (a folder inside `out`).
pub(super) fn in_place(
    staged: &Path,
    out: &Path,
    notices: &mut Vec<String>,
) -> Result<(), BuildError> {
    let old = out.join(format!("{IN_PLACE_PREFIX}old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| BuildError::io(&old, e))?;
    }
    fs::create_dir(&old).map_err(|e| BuildError::io(&old, e))?;
    let previous: Vec<PathBuf> = entries(out)?
        .into_iter()
        .filter(|p| p != staged && p != &old)
        .collect();
    if let Err(e) = move_all(&previous, &old) {
        let _ = move_back(&old, out);
        let _ = fs::remove_dir(&old);
        return Err(e);
    }
    let new = entries(staged)?;
    if let Err(e) = move_all(&new, out) {
        // Undo: the new entries back into staging, the old ones back into place.
        let undone = move_named(&new, out, staged).and_then(|()| move_back(&old, out));
        return match undone {
            Ok(()) => {
                let _ = fs::remove_dir(&old);
                Err(e)
            }
            Err(_) => Err(BuildError::SwapFailed {
                out: out.to_path_buf(),
                previous: old,
                source: std::io::Error::other(e.to_string()),
            }),
        };
    }
    let _ = fs::remove_dir(staged);
    if let Err(e) = super::remove_tree(&old) {
        notices.push(format!(
            "the previous output, moved to {}, could not be removed ({e}); delete it yourself",
            old.display()
        ));
    }
    Ok(())
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
    let read = fs::read_dir(dir).map_err(|e| BuildError::io(dir, e))?;
    read.map(|e| e.map(|e| e.path()).map_err(|e| BuildError::io(dir, e)))
        .collect()
}

/// Moves each path into `into`, keeping its name; stops at the first failure.
fn move_all(paths: &[PathBuf], into: &Path) -> Result<(), BuildError> {
    for p in paths {
        let Some(name) = p.file_name() else { continue };
        // The marker is staged too; the old one simply goes with the old entries.
        let target = into.join(name);
        if name == MARKER && target.exists() {
            fs::remove_file(&target).map_err(|e| BuildError::io(&target, e))?;
        }
        fs::rename(p, &target).map_err(|e| BuildError::io(p, e))?;
    }
    Ok(())
}

/// Moves the entries named like `paths` from `from` back into `into`, where they exist.
fn move_named(paths: &[PathBuf], from: &Path, into: &Path) -> Result<(), BuildError> {
    for p in paths {
        let Some(name) = p.file_name() else { continue };
        let here = from.join(name);
        if here.exists() {
            fs::rename(&here, into.join(name)).map_err(|e| BuildError::io(&here, e))?;
        }
    }
    Ok(())
}

/// Moves everything in `old` back into `out`.
fn move_back(old: &Path, out: &Path) -> Result<(), BuildError> {
    move_all(&entries(old)?, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).expect("inside");
                let text = fs::read_to_string(e.path()).expect("read");
                (rel.to_string_lossy().into_owned(), text)
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn entries_are_replaced_and_nothing_of_ours_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path();
        fs::create_dir_all(out.join("a")).expect("mkdir");
        fs::write(out.join("a/index.html"), "old").expect("write");
        fs::write(out.join("gone.txt"), "old").expect("write");
        let staged = out.join(".proceedings-staging-1");
        fs::create_dir_all(staged.join("a")).expect("mkdir");
        fs::write(staged.join("a/index.html"), "new").expect("write");
        let mut notices = Vec::new();
        in_place(&staged, out, &mut notices).expect("swap");
        assert_eq!(tree(out), vec![("a/index.html".into(), "new".into())]);
        assert!(notices.is_empty());
    }
}
