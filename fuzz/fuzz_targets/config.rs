//! Any bytes as `proceedings.yaml`: parsing returns a configuration or a diagnostic,
//! never panics, and a diagnostic's line lies in the file and has a help line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proceedings::content::config::SiteConfig;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(d) = SiteConfig::parse(text, Path::new("proceedings.yaml")) {
        assert!(d.help.is_some(), "an error without help: {d}");
        if let Some(loc) = d.location {
            let lines = text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
            assert!(loc.line >= 1 && loc.line <= lines, "{d} (file has {lines} lines)");
        }
    }
});
