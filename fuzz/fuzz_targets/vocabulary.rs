//! Any text as an SDG, an action line, a country, a person's name or a slug: no panic,
//! and what parses is consistent (slugs are URL-safe, parsed values round-trip).
#![no_main]

use libfuzzer_sys::fuzz_target;
use proceedings::taxonomy::{ActionLine, Country, Sdg};
use proceedings::url::Slug;

fuzz_target!(|text: &str| {
    if let Ok(g) = text.parse::<Sdg>() {
        assert_eq!(g.number().to_string().parse::<Sdg>(), Ok(g));
    }
    if let Ok(a) = text.parse::<ActionLine>() {
        assert_eq!(a.slug().parse::<ActionLine>(), Ok(a));
    }
    if let Ok(c) = text.parse::<Country>() {
        assert_eq!(c.name().parse::<Country>(), Ok(c));
    }
    let name = proceedings::model::parse_name(text);
    assert_eq!(proceedings::model::parse_name(&name.name).name, name.name, "normalising twice changes nothing");
    if let Some(slug) = Slug::from_text(text) {
        assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        assert_eq!(Slug::parse_exact(slug.as_str()).as_ref(), Some(&slug));
    }
});
