//! The live site's folder on disk, updated in place: only files whose bytes changed
//! are written, and files a rebuild no longer makes are deleted, so an edit touches
//! a handful of files, not the whole site.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::BuildError;
use crate::write::WriteStats;

/// Which part of the build made a file. A rebuild replaces one part at a time, and
/// "gone" means gone from that part (a page no longer made, a stale search chunk).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    /// HTML pages.
    Pages,
    /// Feeds, calendars, sitemap, robots.txt, `.nojekyll`, the output marker.
    Meta,
    /// `cite.bib` and `cite.json` of each session.
    Cite,
    /// The search index and the data exports.
    Exports,
    /// Theme assets and the site's `static/` folder.
    Assets,
    /// Redirect pages at old URLs.
    Redirects,
}

struct Entry {
    hash: u64,
    len: u64,
    part: Part,
}

/// The served folder and what was last written to it.
pub(crate) struct Mirror {
    dir: PathBuf,
    /// Every file written, by path (hashed fast: ten thousand sessions make 60 000).
    files: FxHashMap<String, Entry>,
    /// What `files` hold, kept up to date as they change (counting them on every
    /// update would cost a millisecond per 60 000 files).
    stats: WriteStats,
    /// Set by [`Mirror::close`]: nothing is written any more.
    closed: bool,
    /// Held while derived files are written without the mirror's lock
    /// ([`Mirror::replace_unlocked`]), and by anyone else replacing them.
    derived_gate: Arc<Mutex<()>>,
}

/// Files with the hash of their bytes.
type Batch = Vec<(String, Vec<u8>, u64)>;

fn hashed(files: Vec<(String, Vec<u8>)>) -> Batch {
    let with_hash = |(path, bytes): (String, Vec<u8>)| {
        let h = hash(&bytes);
        (path, bytes, h)
    };
    files.into_iter().map(with_hash).collect()
}

/// Writes `files` under `dir`, in parallel (each write is a few system calls, and an
/// edit writes dozens of files); `known` paths need no folder made.
fn write_out(
    dir: &Path,
    files: &Batch,
    known: impl Fn(&str) -> bool + Sync,
) -> Result<(), BuildError> {
    files.par_iter().try_for_each(|(path, bytes, _)| {
        let target = dir.join(path);
        if !known(path)
            && let Some(parent) = target.parent()
        {
            std::fs::create_dir_all(parent).map_err(|e| BuildError::io(parent, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| BuildError::io(&target, e))
    })
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    bytes.hash(&mut h);
    h.finish()
}

impl Mirror {
    pub(crate) fn new(dir: &Path) -> Mirror {
        Mirror {
            dir: dir.to_path_buf(),
            files: FxHashMap::default(),
            stats: WriteStats::default(),
            closed: false,
            derived_gate: Arc::default(),
        }
    }

    /// Deletes the folder and ignores every later write: the server is stopping, and a
    /// rebuild still under way must not bring the folder back.
    pub(crate) fn close(&mut self) {
        self.closed = true;
        self.files.clear();
        self.stats = WriteStats::default();
        // Best effort: the folder is ours and temporary.
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    /// The folder.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the files of `part` whose bytes changed; returns how many were written.
    pub(crate) fn put(
        &mut self,
        part: Part,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<usize, BuildError> {
        if self.closed {
            return Ok(0);
        }
        let changed = self.changed(part, hashed(files));
        let result = write_out(&self.dir, &changed, |p| self.files.contains_key(p));
        self.record(part, changed, result)
    }

    /// The files of `part` whose bytes differ from what the folder holds (a file of the
    /// site's static/ folder wins over a generated one of the same path).
    fn changed(&self, part: Part, files: Batch) -> Batch {
        let keep =
            |e: &Entry, h: u64| e.hash == h || (e.part == Part::Assets && part != Part::Assets);
        (files.into_iter())
            .filter(|(path, _, h)| !self.files.get(path).is_some_and(|e| keep(e, *h)))
            .collect()
    }

    /// Takes note of `written` files of `part` once `result` says they were written;
    /// returns how many. After an error, some were written and some not: none is known
    /// any more, so all are written next time.
    fn record(
        &mut self,
        part: Part,
        written: Batch,
        result: Result<(), BuildError>,
    ) -> Result<usize, BuildError> {
        if let Err(e) = result {
            self.forget(&written);
            return Err(e);
        }
        let n = written.len();
        for (path, bytes, hash) in written {
            let len = bytes.len() as u64;
            self.count(&path, len, true);
            if let Some(old) = self.files.insert(path.clone(), Entry { hash, len, part }) {
                self.count(&path, old.len, false);
            }
        }
        Ok(n)
    }

    /// The gate to hold while replacing derived files (take it before the mirror's lock).
    pub(crate) fn derived_gate(&self) -> Arc<Mutex<()>> {
        self.derived_gate.clone()
    }

    /// Forgets what was written to `files`' paths, so that they are all written next time.
    fn forget(&mut self, files: &Batch) {
        for (path, _, _) in files {
            if let Some(old) = self.files.remove(path) {
                self.count(path, old.len, false);
            }
        }
    }

    /// Replaces `part` with `files` as [`Mirror::replace`] does, but writes them without
    /// holding `mirror`'s lock (the search index and exports weigh a hundred megabytes
    /// on a large site: an edit's update must not wait for them), and only if `current`
    /// holds when it starts; returns how many files were written. Holds the derived gate
    /// meanwhile, so no one else replaces these files under it.
    pub(crate) fn replace_unlocked(
        mirror: &Mutex<Mirror>,
        part: Part,
        files: Vec<(String, Vec<u8>)>,
        current: impl Fn() -> bool,
    ) -> Result<usize, BuildError> {
        let lock = || mirror.lock().unwrap_or_else(PoisonError::into_inner);
        let gate = lock().derived_gate();
        let _writing = gate.lock().unwrap_or_else(PoisonError::into_inner);
        let keep: FxHashSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
        let files = hashed(files);
        let (dir, changed) = {
            let m = lock();
            if m.closed || !current() {
                return Ok(0);
            }
            (m.dir.clone(), m.changed(part, files))
        };
        // New folders are made as needed (a few: this is not the reload path).
        let result = write_out(&dir, &changed, |_| false);
        let mut m = lock();
        if m.closed {
            // The server stopped meanwhile: what was just written goes too.
            let _ = std::fs::remove_dir_all(&dir);
            return Ok(0);
        }
        // Recorded even if a newer state came meanwhile: the folder holds these now, and
        // that state's own job (or rebuild, which waits for the gate) follows.
        let written = m.record(part, changed, result)?;
        m.retain(part, |p| keep.contains(p));
        Ok(written)
    }

    /// Deletes the files of `part` that `keep` does not name; returns how many.
    pub(crate) fn retain(&mut self, part: Part, keep: impl Fn(&str) -> bool) -> usize {
        let gone: Vec<String> = self
            .files
            .iter()
            .filter(|(path, e)| e.part == part && !keep(path))
            .map(|(path, _)| path.clone())
            .collect();
        self.remove(part, &gone)
    }

    /// Deletes the files of `part` among `paths`; returns how many.
    pub(crate) fn remove(&mut self, part: Part, paths: &[impl AsRef<str>]) -> usize {
        let mut removed = 0;
        for path in paths.iter().map(AsRef::as_ref) {
            if self.files.get(path).is_none_or(|e| e.part != part) {
                continue;
            }
            // Best effort: a page of a deleted session or speaker; a failure only leaves a stale file.
            let file = self.dir.join(path);
            let _ = std::fs::remove_file(&file);
            // Its folders go too once empty (`remove_dir` refuses any other), so that
            // a page that went is not still listed as a folder.
            for dir in file.ancestors().skip(1).take_while(|d| *d != self.dir) {
                if std::fs::remove_dir(dir).is_err() {
                    break;
                }
            }
            if let Some(old) = self.files.remove(path) {
                self.count(path, old.len, false);
                removed += 1;
            }
        }
        removed
    }

    /// Replaces `part` with `files`: changed files written, the part's other files deleted.
    pub(crate) fn replace(
        &mut self,
        part: Part,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<usize, BuildError> {
        let keep: FxHashSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
        let written = self.put(part, files)?;
        self.retain(part, |p| keep.contains(p));
        Ok(written)
    }

    /// The paths of `part`.
    pub(crate) fn paths(&self, part: Part) -> std::collections::HashSet<&str> {
        self.files
            .iter()
            .filter(|(_, e)| e.part == part)
            .map(|(p, _)| p.as_str())
            .collect()
    }

    /// What the folder holds.
    pub(crate) fn stats(&self) -> WriteStats {
        self.stats.clone()
    }

    /// Counts a file of `len` bytes in (`added`) or out of the stats.
    fn count(&mut self, path: &str, len: u64, added: bool) {
        let pages = usize::from(path.ends_with(".html"));
        if added {
            self.stats.files += 1;
            self.stats.pages += pages;
            self.stats.bytes += len;
        } else {
            self.stats.files -= 1;
            self.stats.pages -= pages;
            self.stats.bytes -= len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter()
            .map(|(p, b)| ((*p).to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn only_changed_files_are_written_and_gone_ones_removed_per_part() {
        let out = tempfile::tempdir().expect("out");
        let mut m = Mirror::new(out.path());
        let first = files(&[("a/index.html", "a"), ("b/index.html", "b")]);
        assert_eq!(m.replace(Part::Pages, first).expect("first"), 2);
        m.replace(Part::Meta, files(&[("feed.xml", "f")]))
            .expect("meta");
        let again = files(&[("a/index.html", "a"), ("c/index.html", "c")]);
        assert_eq!(m.replace(Part::Pages, again).expect("second"), 1);
        assert!(
            !out.path().join("b").exists(),
            "gone page and its folder deleted"
        );
        assert!(out.path().join("a").exists(), "folders still in use kept");
        assert!(
            out.path().join("feed.xml").exists(),
            "other parts untouched"
        );
        let stats = |files, pages, bytes| WriteStats {
            files,
            pages,
            bytes,
            notices: Vec::new(),
        };
        assert_eq!(m.stats(), stats(3, 2, 3));
        m.put(Part::Pages, files(&[("a/index.html", "longer")]))
            .expect("rewrite");
        assert_eq!(m.stats(), stats(3, 2, 8));
        assert_eq!(m.retain(Part::Pages, |p| p.starts_with('a')), 1);
        assert!(!out.path().join("c/index.html").exists());
        assert_eq!(m.stats(), stats(2, 1, 7));
    }

    #[test]
    fn derived_files_are_replaced_outside_the_lock_only_while_current_and_open() {
        let out = tempfile::tempdir().expect("out");
        let dir = out.path().join("site");
        let m = Mutex::new(Mirror::new(&dir));
        let put = |list: &[(&str, &str)], current: bool| {
            Mirror::replace_unlocked(&m, Part::Exports, files(list), || current).expect("put")
        };
        assert_eq!(
            put(&[("search/a.json", "a"), ("data/x.json", "x")], true),
            2
        );
        // A state superseded before the job writes changes nothing.
        assert_eq!(put(&[("search/b.json", "b")], false), 0);
        assert!(dir.join("search/a.json").exists() && !dir.join("search/b.json").exists());
        // Unchanged files are not written again; files no longer made go.
        assert_eq!(put(&[("search/a.json", "a")], true), 0);
        assert!(!dir.join("data/x.json").exists());
        assert_eq!(m.lock().expect("lock").stats().files, 1);
        // Once the server stopped, nothing brings the folder back.
        m.lock().expect("lock").close();
        assert_eq!(put(&[("search/c.json", "c")], true), 0);
        assert!(!dir.exists());
    }
}
