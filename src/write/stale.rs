//! Staging folders that killed builds left behind (a 10 000-session build stages
//! about 1.4 GB): found by name beside the output, removed only when they carry the
//! build's marker and the process that made them is gone.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::output::is_ours;

/// Without a process table to ask, a folder this old counts as abandoned.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Removes `.NAME.staging-PID` and `.NAME.old-PID` folders in `parent` whose process
/// has ended. Best effort: what cannot be removed stays for the next build.
pub(super) fn remove_left_over(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(pid) = left_over_pid(&file_name.to_string_lossy(), name) else {
            continue;
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if pid == own || !is_dir || process_may_run(pid, &path) {
            continue;
        }
        if is_ours(&path).unwrap_or(false) {
            let _ = super::remove_tree(&path);
        }
    }
}

/// The process id in `.NAME.staging-PID` or `.NAME.old-PID`.
fn left_over_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let pid = rest
        .strip_prefix(".staging-")
        .or_else(|| rest.strip_prefix(".old-"))?;
    pid.parse().ok()
}

/// Whether process `pid` may still be building into `path`.
fn process_may_run(pid: u32, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|a| a < ABANDONED_AFTER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{MARKER, MARKER_TEXT};

    #[test]
    fn names_of_left_over_folders() {
        assert_eq!(left_over_pid(".public.staging-42", "public"), Some(42));
        assert_eq!(left_over_pid(".public.old-7", "public"), Some(7));
        assert_eq!(left_over_pid(".public.staging-x", "public"), None);
        assert_eq!(left_over_pid(".other.staging-42", "public"), None);
        assert_eq!(left_over_pid("public", "public"), None);
    }

    #[test]
    fn only_marked_folders_of_ended_processes_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        // No process has a pid this high (the kernel's maximum is 4 194 304).
        let dead = dir.path().join(".public.staging-4294967000");
        fs::create_dir_all(dead.join("sessions")).expect("mkdir");
        fs::write(dead.join(MARKER), MARKER_TEXT).expect("marker");
        let unmarked = dir.path().join(".public.old-4294967001");
        fs::create_dir_all(&unmarked).expect("mkdir");
        fs::write(unmarked.join("notes.txt"), "mine").expect("write");
        let running = dir
            .path()
            .join(format!(".public.staging-{}", std::process::id()));
        fs::create_dir_all(&running).expect("mkdir");
        remove_left_over(dir.path(), "public");
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists(), "abandoned staging folder removed");
        }
        assert!(
            unmarked.join("notes.txt").exists(),
            "a folder without the marker stays"
        );
        assert!(running.exists(), "our own folder stays");
    }
}
