//! Property tests: slugs and name normalisation hold their promises for any input.

use proceedings::model::{identity, parse_name};
use proceedings::url::Slug;
use proptest::prelude::*;

/// Names as they arrive: letters of many scripts, honorifics, punctuation, odd spacing.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[A-Za-zÀ-ɏ]{1,10}",
            "[Ѐ-ӿ]{1,8}",
            "[一-鿿]{1,3}",
            Just("Dr.".to_string()),
            Just("H.E.".to_string()),
            Just("Prof.".to_string()),
            "[ ,;.'’\\-\\t]{1,3}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #[test]
    fn slugs_are_url_safe_non_empty_and_stable(text in "\\PC{0,40}") {
        if let Some(slug) = Slug::from_text(&text) {
            let s = slug.as_str();
            prop_assert!(!s.is_empty());
            prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s}");
            prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{s}");
            let again = Slug::from_text(s);
            prop_assert_eq!(again.as_ref(), Some(&slug), "slugging a slug changes nothing");
            let exact = Slug::parse_exact(s);
            prop_assert_eq!(exact.as_ref(), Some(&slug));
        } else {
            prop_assert!(!deunicode::deunicode(&text).chars().any(|c| c.is_ascii_alphanumeric()));
        }
    }

    #[test]
    fn name_normalisation_is_idempotent_and_identity_stable(raw in name()) {
        let once = parse_name(&raw);
        let twice = parse_name(&once.name);
        prop_assert_eq!(&twice.name, &once.name);
        prop_assert!(twice.honorific.is_none(), "no honorific survives the first pass: {:?}", once.name);
        prop_assert_eq!(identity(&raw), identity(&once.name));
        prop_assert_eq!(once.name.trim(), once.name.as_str());
        prop_assert!(!once.name.contains("  "));
    }
}
