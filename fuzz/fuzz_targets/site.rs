//! Any bytes as a whole small site: the input is cut at NUL bytes into
//! `proceedings.yaml`, `data/events.yaml`, `data/speakers.yaml`,
//! `data/countries.yaml` and session files, written to a temporary folder, and
//! loaded, resolved, indexed and rendered (into nothing). Nothing may panic, and
//! every error must name a file of the site and carry a help line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proceedings::{BuildError, BuildOptions};
use std::fs;

const FILES: [&str; 4] = [
    "proceedings.yaml",
    "data/events.yaml",
    "data/speakers.yaml",
    "data/countries.yaml",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scratch = if std::path::Path::new("/dev/shm").is_dir() { "/dev/shm" } else { "/tmp" };
    let Ok(dir) = tempfile::Builder::new().prefix("fuzz-site-").tempdir_in(scratch) else {
        return;
    };
    let site = dir.path();
    let _ = fs::create_dir_all(site.join("data"));
    let _ = fs::create_dir_all(site.join("sessions"));
    for (i, part) in text.split('\0').enumerate() {
        let path = match FILES.get(i) {
            Some(f) => site.join(f),
            None => site.join(format!("sessions/s{i}.md")),
        };
        let _ = fs::write(path, part);
    }
    let options = BuildOptions {
        site: site.to_path_buf(),
        ..BuildOptions::default()
    };
    match proceedings::render(&options, &(), &()) {
        Ok(_) => {}
        Err(BuildError::Content(diags)) => {
            for d in &diags {
                assert!(d.help.is_some(), "an error without help: {d}");
                assert!(d.file.starts_with(site) || d.file.starts_with("--base-url"), "{d}");
            }
        }
        Err(e) => assert!(e.help().is_some(), "{e}"),
    }
});
