//! Any bytes as a session file: splitting and parsing the front matter must return
//! a result or a diagnostic, never panic, and a diagnostic's position must lie in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(d) = proceedings::content::parse_session(text, Path::new("f.md")) {
        if let Some(loc) = d.location {
            // YAML counts a lone CR as a line break too (so do editors).
            let lines = text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
            assert!(loc.line >= 1 && loc.line <= lines, "{d} (file has {lines} lines)");
        }
    }
});
