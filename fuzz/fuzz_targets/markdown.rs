//! Any text as a Markdown body (a session's, a bio, an event description): rendering
//! never panics, and with raw HTML sanitised no script survives and no id of the
//! theme's is taken.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proceedings::render::ThemeIds;
use proceedings::render::markdown::{MarkdownOptions, plain_text, to_html};
use std::sync::LazyLock;

static IDS: LazyLock<ThemeIds> =
    LazyLock::new(|| ThemeIds::from_templates(["<main id=\"main\"><p id=\"cite-{{ k }}\">"]));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = MarkdownOptions {
        base_path: "/repo/",
        unsafe_html: false,
        theme_ids: &IDS,
        part: None,
    };
    let html = to_html(text, &options);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script survived: {html}");
    assert!(!lower.contains("id=\"main\""), "the theme's id was taken: {html}");
    let _ = plain_text(text);
});
