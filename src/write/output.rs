//! The output folder: which folders a build may replace, and how.
//!
//! A build replaces its output folder as a whole, so it must be sure the folder is
//! its own: an existing folder that is not empty must carry the [`MARKER`] that every
//! build writes (or `--force` must be given). Folders that hold the site's input are
//! refused whatever the flags. A symbolic link to a folder is followed: the folder it
//! points to is replaced and the link stays.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::SitePaths;
use crate::error::BuildError;

/// The file every build writes at the top of its output, so that a later build knows
/// the folder is one it may replace.
pub const MARKER: &str = ".proceedings-output";

/// What the marker file says to someone who finds it.
pub(crate) const MARKER_TEXT: &str =
    "This folder was written by `proceedings build`; the next build replaces all of it.\n";

/// How the new site replaces the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swap {
    /// Staged beside the output, then renamed into place: all or nothing.
    Atomic,
    /// Staged inside the output and moved in entry by entry, because the folder
    /// beside it cannot be used (the output is a mount point, or its parent is not
    /// writable). A failure part-way is rolled back where it can be, but the swap is
    /// not one step.
    InPlace,
}

/// A checked output folder.
#[derive(Clone, Debug)]
pub struct Output {
    /// The folder as the user named it.
    pub named: PathBuf,
    /// The folder that is written: `named`, or where it links to.
    pub real: PathBuf,
    /// Whether `real` exists now.
    pub exists: bool,
}

impl Output {
    /// Checks that `out` may be replaced by a build of the site at `paths`.
    /// `force` allows replacing a non-empty folder that no build wrote.
    pub fn prepare(paths: &SitePaths, out: &Path, force: bool) -> Result<Output, BuildError> {
        let real = follow_link(out)?;
        check_not_input(paths, out, &real)?;
        let exists = match fs::metadata(&real) {
            Ok(m) if m.is_dir() => true,
            Ok(_) => return Err(unsafe_output(out, "it is a file, not a folder".into())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => return Err(BuildError::io(&real, e)),
        };
        if exists {
            if fs::metadata(&real).is_ok_and(|m| m.permissions().readonly()) {
                return Err(BuildError::ReadOnlyOutput(out.to_path_buf()));
            }
            if !force && !is_ours(&real)? {
                return Err(BuildError::NotAnOutput {
                    path: out.to_path_buf(),
                    contents: describe_contents(&real)?,
                });
            }
        }
        Ok(Output {
            named: out.to_path_buf(),
            real,
            exists,
        })
    }

    /// The folder the staging folder goes in for an atomic swap, and the output's
    /// name, for naming it.
    pub(crate) fn beside(&self) -> (PathBuf, String) {
        let parent = match self.real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = self.real.file_name().map_or_else(
            || "public".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        (parent, name)
    }

    /// Whether a rename from beside the output into it can work: same file system.
    pub(crate) fn can_swap_atomically(&self) -> bool {
        if !self.exists {
            return true;
        }
        same_file_system(&self.real, &self.beside().0)
    }
}

/// `out` itself, or the folder it links to when it is a symbolic link (a chain of
/// links is followed to its end). A link to nothing is an error: the build would
/// otherwise replace the link with a folder.
fn follow_link(out: &Path) -> Result<PathBuf, BuildError> {
    match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(out) {
            Ok(target) => Ok(target),
            Err(_) => Err(unsafe_output(
                out,
                "it is a symbolic link to something that does not exist".into(),
            )),
        },
        _ => Ok(out.to_path_buf()),
    }
}

fn unsafe_output(path: &Path, reason: String) -> BuildError {
    BuildError::UnsafeOutput {
        path: path.to_path_buf(),
        reason,
    }
}

/// Refuses output folders that would overwrite or delete the site's input.
fn check_not_input(paths: &SitePaths, out: &Path, real: &Path) -> Result<(), BuildError> {
    let root = canonical(&paths.root);
    let out_c = canonical(real);
    let refuse = |reason: &str| Err(unsafe_output(out, reason.to_string()));
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
    Ok(())
}

/// Whether a build wrote `dir`: it is empty, carries the marker, or has the layout
/// of an output written before the marker existed (`.nojekyll`, `404.html` and
/// `data/sessions.json` together, which no hand-made folder has by chance).
pub(crate) fn is_ours(dir: &Path) -> Result<bool, BuildError> {
    let mut entries = fs::read_dir(dir).map_err(|e| BuildError::io(dir, e))?;
    if entries.next().is_none() {
        return Ok(true);
    }
    if dir.join(MARKER).is_file() {
        return Ok(true);
    }
    let legacy = [".nojekyll", "404.html", "data/sessions.json"];
    Ok(legacy.iter().all(|f| dir.join(f).is_file()))
}

/// "holds .git/, src/, thesis.tex and 3 more": what a folder the build will not
/// replace contains, so the user sees at once whether it matters.
fn describe_contents(dir: &Path) -> Result<String, BuildError> {
    const SHOWN: usize = 5;
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| BuildError::io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| {
            let mut name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                name.push('/');
            }
            name
        })
        .collect();
    // Version control first: it is what a user would least want to lose.
    names.sort_by_key(|n| (!n.starts_with(".git"), n.clone()));
    let total = names.len();
    names.truncate(SHOWN);
    let mut text = names.join(", ");
    if total > SHOWN {
        text.push_str(&format!(" and {} more", total - SHOWN));
    }
    Ok(text)
}

#[cfg(unix)]
fn same_file_system(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file_system(_: &Path, _: &Path) -> bool {
    // No cheap way to tell; a failed rename falls back to the in-place swap.
    true
}

/// Canonical form of a path that may not exist yet: its nearest existing ancestor,
/// canonicalised, plus the rest.
pub(crate) fn canonical(path: &Path) -> PathBuf {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, SitePaths) {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = SitePaths::new(dir.path());
        fs::create_dir_all(&paths.sessions).expect("mkdir");
        (dir, paths)
    }

    #[test]
    fn output_folders_that_hold_input_are_refused() {
        let (dir, paths) = site();
        let prepare = |out: &Path| Output::prepare(&paths, out, true);
        assert!(prepare(dir.path()).is_err());
        assert!(prepare(dir.path().parent().expect("parent")).is_err());
        assert!(prepare(&paths.sessions.join("out")).is_err());
        // A Hugo-style layout keeps sessions in content/sessions/: content/ holds input.
        let hugo = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(hugo.path().join("content/sessions")).expect("mkdir");
        let hugo_paths = SitePaths::new(hugo.path());
        assert!(Output::prepare(&hugo_paths, &hugo.path().join("content"), true).is_err());
        assert!(prepare(&dir.path().join("public")).is_ok());
    }

    #[test]
    fn a_folder_no_build_wrote_is_refused_and_described() {
        let (dir, paths) = site();
        let thesis = dir.path().join("thesis");
        fs::create_dir_all(thesis.join(".git")).expect("mkdir");
        fs::create_dir_all(thesis.join("src")).expect("mkdir");
        fs::write(thesis.join("thesis.tex"), "x").expect("write");
        let err = Output::prepare(&paths, &thesis, false).expect_err("refused");
        assert!(
            matches!(&err, BuildError::NotAnOutput { contents, .. } if contents == ".git/, src/, thesis.tex"),
            "{err:?}"
        );
        assert!(Output::prepare(&paths, &thesis, true).is_ok(), "--force");
        fs::write(thesis.join(MARKER), MARKER_TEXT).expect("marker");
        assert!(Output::prepare(&paths, &thesis, false).is_ok(), "marked");
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).expect("mkdir");
        assert!(Output::prepare(&paths, &empty, false).is_ok());
    }

    #[test]
    fn many_entries_are_counted_not_listed() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..8 {
            fs::write(dir.path().join(format!("f{i}")), "").expect("write");
        }
        assert_eq!(
            describe_contents(dir.path()).expect("ls"),
            "f0, f1, f2, f3, f4 and 3 more"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_a_dangling_one_refused() {
        let (dir, paths) = site();
        let target = dir.path().join("www");
        fs::create_dir(&target).expect("mkdir");
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        let out = Output::prepare(&paths, &link, false).expect("ok");
        assert_eq!(out.real, fs::canonicalize(&target).expect("canon"));
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("link");
        assert!(Output::prepare(&paths, &dangling, false).is_err());
        // A link into the site's input is input.
        let into_sessions = dir.path().join("out2");
        std::os::unix::fs::symlink(&paths.sessions, &into_sessions).expect("link");
        assert!(Output::prepare(&paths, &into_sessions, true).is_err());
    }
}
