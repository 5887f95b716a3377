//! Reading the site's files without leaving the site: the one rule for symbolic
//! links, for every kind of input (sessions, registries, the config, templates,
//! themes, `static/`). A link is followed when it leads to something inside the site
//! folder and refused with an error when it leads outside, so that a link to
//! `/etc/passwd` or a folder elsewhere is never read, shown in an error excerpt or
//! published.

use std::fs;
use std::path::{Path, PathBuf};

use super::SitePaths;
use crate::diag::{Diagnostic, Diagnostics};

/// What to do about a link that leaves the site.
const OUTSIDE_HELP: &str = "files outside the site folder are never read or published: copy what you need into the site, or point the link at something inside it";

/// An error when `path`, with every link in it followed, leads outside the site.
/// A path that cannot be resolved (missing, a dangling link) passes: reading it
/// reports the real problem.
pub(crate) fn check_inside(paths: &SitePaths, path: &Path) -> Result<(), Diagnostic> {
    match fs::canonicalize(path) {
        Ok(real) if !real.starts_with(&paths.real_root) => Err(Diagnostic::error(
            path,
            None,
            format!(
                "this leads outside the site through a symbolic link (to {})",
                real.display()
            ),
        )
        .with_help(OUTSIDE_HELP)),
        _ => Ok(()),
    }
}

/// Every file under `dir` that `keep` accepts (by file or folder name; the folder
/// itself is always walked), sorted by path. Links inside the site are followed;
/// links that lead outside it, and loops, are reported and skipped.
pub(crate) fn walk(
    paths: &SitePaths,
    dir: &Path,
    keep: impl Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    if let Err(d) = check_inside(paths, dir) {
        diags.push(d);
        return Vec::new();
    }
    let mut files = Vec::new();
    let mut entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || keep(&e.file_name().to_string_lossy()));
    while let Some(entry) = entries.next() {
        match entry {
            Ok(e) => {
                // Below a followed link every path runs through it; only links themselves
                // can lead elsewhere.
                if e.path_is_symlink()
                    && let Err(d) = check_inside(paths, e.path())
                {
                    diags.push(d);
                    if e.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                    continue;
                }
                if e.file_type().is_file() {
                    files.push(e.into_path());
                }
            }
            Err(e) => diags.push(walk_error(dir, &e)),
        }
    }
    files
}

fn walk_error(dir: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().unwrap_or(dir).to_path_buf();
    match e.loop_ancestor() {
        Some(ancestor) => Diagnostic::error(
            &path,
            None,
            format!(
                "symbolic link loop: this folder leads back to {}",
                ancestor.display()
            ),
        )
        .with_help("remove the link, or point it outside its own ancestors"),
        None => {
            let reason = e
                .io_error()
                .map_or_else(|| e.to_string(), ToString::to_string);
            Diagnostic::error(&path, None, format!("cannot read: {reason}"))
                .with_help(super::UNREADABLE_HELP)
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_are_followed_and_links_outside_refused() {
        let outside = tempfile::tempdir().expect("tempdir");
        fs::write(
            outside.path().join("secret.md"),
            "---\ntitle: secret\n---\n",
        )
        .expect("write");
        fs::create_dir(outside.path().join("folder")).expect("mkdir");
        fs::write(outside.path().join("folder/b.md"), "x").expect("write");
        let site = tempfile::tempdir().expect("tempdir");
        let paths = SitePaths::new(site.path());
        fs::create_dir_all(paths.sessions.join("real")).expect("mkdir");
        fs::write(paths.sessions.join("real/a.md"), "x").expect("write");
        symlink(paths.sessions.join("real"), paths.sessions.join("alias")).expect("link");
        symlink(
            outside.path().join("secret.md"),
            paths.sessions.join("s.md"),
        )
        .expect("link");
        symlink(outside.path().join("folder"), paths.sessions.join("f")).expect("link");
        let mut diags = Diagnostics::new();
        let files = walk(&paths, &paths.sessions, |_| true, &mut diags);
        let names: Vec<String> = files
            .iter()
            .map(|f| {
                f.strip_prefix(&paths.sessions)
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["alias/a.md", "real/a.md"]);
        let refused: Vec<String> = diags.iter().map(|d| d.file.display().to_string()).collect();
        assert_eq!(refused.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.message.contains("outside the site")));
    }

    #[test]
    fn a_folder_that_is_itself_a_link_outside_is_refused() {
        let outside = tempfile::tempdir().expect("tempdir");
        fs::write(outside.path().join("a.md"), "x").expect("write");
        let site = tempfile::tempdir().expect("tempdir");
        symlink(outside.path(), site.path().join("sessions")).expect("link");
        let paths = SitePaths::new(site.path());
        let mut diags = Diagnostics::new();
        assert!(walk(&paths, &paths.sessions, |_| true, &mut diags).is_empty());
        assert_eq!(diags.error_count(), 1);
    }
}
