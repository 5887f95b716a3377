//! The preview's copy of the site on disk, updated in place: a rebuild renders
//! into memory, then writes only the files whose bytes changed and deletes the
//! ones that are gone, so an edit touches tens of files, not the whole site.
//! Nothing is written when the build fails, so the last good site stays served.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use crate::write::{Sink, WriteStats};
use crate::{BuildError, BuildOptions, BuildReport};

/// Collects rendered files in memory; a later put of the same path wins.
#[derive(Default)]
struct Memory(Mutex<HashMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// The served folder and what was last written to it.
pub(super) struct Mirror {
    dir: PathBuf,
    hashes: HashMap<String, u64>,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Mirror {
    pub(super) fn new(dir: &Path) -> Mirror {
        Mirror {
            dir: dir.to_path_buf(),
            hashes: HashMap::new(),
        }
    }

    /// Builds `options` and brings the folder up to date. On error nothing is touched.
    pub(super) fn update(&mut self, options: &BuildOptions) -> Result<BuildReport, BuildError> {
        let start = Instant::now();
        let memory = Memory::default();
        let rendered = crate::render(options, &(), &memory)?;
        let files = memory
            .0
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let mut next = HashMap::with_capacity(files.len());
        let mut stats = WriteStats::default();
        for (path, bytes) in &files {
            let h = hash(bytes);
            if self.hashes.get(path) != Some(&h) {
                let target = self.dir.join(path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| BuildError::io(parent, e))?;
                }
                std::fs::write(&target, bytes).map_err(|e| BuildError::io(&target, e))?;
            }
            stats.files += 1;
            stats.pages += usize::from(path.ends_with(".html"));
            stats.bytes += bytes.len() as u64;
            next.insert(path.clone(), h);
        }
        for gone in self.hashes.keys().filter(|p| !next.contains_key(*p)) {
            // Best effort: a page of a deleted session or speaker; a failure only leaves a stale page.
            let _ = std::fs::remove_file(self.dir.join(gone));
        }
        self.hashes = next;
        let mut report = crate::report(
            &rendered.site,
            &rendered.index,
            rendered.warnings,
            stats,
            start.elapsed(),
            &self.dir,
        );
        report.timings = rendered.timings;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_files_are_written_and_gone_ones_removed() {
        let site = tempfile::tempdir().expect("site");
        let out = tempfile::tempdir().expect("out");
        std::fs::create_dir_all(site.path().join("sessions")).expect("mkdir");
        std::fs::write(
            site.path().join("sessions/a.md"),
            "---\ntitle: A\nspeakers: [Ana Lima]\n---\n",
        )
        .expect("a");
        std::fs::write(site.path().join("sessions/b.md"), "---\ntitle: B\n---\n").expect("b");
        let options = BuildOptions {
            site: site.path().to_path_buf(),
            base_url: Some("http://127.0.0.1:1111/".into()),
            ..Default::default()
        };
        let mut mirror = Mirror::new(out.path());
        mirror.update(&options).expect("first");
        let css = out.path().join("assets/style.css");
        let stamp = |p: &Path| {
            std::fs::metadata(p)
                .and_then(|m| m.modified())
                .expect("mtime")
        };
        let before = stamp(&css);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(site.path().join("sessions/a.md")).expect("rm");
        mirror.update(&options).expect("second");
        assert_eq!(stamp(&css), before, "unchanged files are not rewritten");
        assert!(!out.path().join("sessions/a/index.html").exists());
        assert!(!out.path().join("speakers/ana-lima/index.html").exists());
        assert!(out.path().join("sessions/b/index.html").exists());
    }
}
