//! Any text as an import input: reading it must never panic, and every session
//! file made from it must parse and resolve without errors (what `proceedings import`
//! writes builds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use proceedings::import::{Context, emit, parse, validate};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let sessions = parse(text, &Context::default());
    for s in &sessions {
        let file = emit::session_file(s, "fuzz.txt");
        if let Err(e) = validate(&file, Path::new("sessions/imported.md")) {
            panic!("imported file does not build: {e}\n{file}");
        }
    }
});
