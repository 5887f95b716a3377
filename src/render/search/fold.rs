//! How text becomes search terms. `themes/default/static/assets/search.js` does the
//! same to queries, so both sides must change together (a unit test here and the
//! search test in `tests/it/exports.rs` hold them to it).
//!
//! Lower case; compatibility decomposition (NFKD) with the marks dropped, so "ó" is
//! "o" and "ﬁ" is "fi"; a few letters that do not decompose are spelled out ("ł" is
//! "l", "ß" is "ss"); then every run of letters and digits is a term. So
//! "Wiewiórowski" is `wiewiorowski` and "Côte d'Ivoire" is `cote`, `d`, `ivoire`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Letters that NFKD leaves alone, with their plain spelling (the JS side has the same table).
const SPELLED: [(char, &str); 11] = [
    ('ł', "l"),
    ('ø', "o"),
    ('đ', "d"),
    ('ð', "d"),
    ('þ', "th"),
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ı', "i"),
    ('ħ', "h"),
    // Final sigma: JS lower-cases a word-final Σ to ς, Rust (per character) to σ.
    ('ς', "σ"),
];

/// Terms longer than this are not terms but blobs (base64, hashes, minified code):
/// they are skipped, on both sides, so no chunk or manifest entry grows with them.
pub(super) const MAX_TERM_CHARS: usize = 64;

/// Calls `term` with every search term of `text`, in order.
pub fn terms(text: &str, mut term: impl FnMut(&str)) {
    let mut current = String::new();
    let mut emit = |current: &mut String| {
        if current.chars().count() <= MAX_TERM_CHARS {
            term(current);
        }
        current.clear();
    };
    let mut push = |c: char, current: &mut String| {
        if c.is_alphanumeric() {
            current.push(c);
        } else if !current.is_empty() {
            emit(current);
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut current);
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some((_, spelled)) = SPELLED.iter().find(|(l, _)| *l == lower) {
                for s in spelled.chars() {
                    push(s, &mut current);
                }
                continue;
            }
            for d in std::iter::once(lower).nfkd() {
                if !is_combining_mark(d) {
                    // NFKD can produce capitals ("ℌ" -> "H"): fold again.
                    for l in d.to_lowercase() {
                        push(l, &mut current);
                    }
                }
            }
        }
    }
    if !current.is_empty() {
        emit(&mut current);
    }
}

/// The terms of `text`, collected (for tests and short texts).
pub fn term_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    terms(text, |t| out.push(t.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_fold_away() {
        assert_eq!(
            term_list("Wojciech WIEWIÓROWSKI"),
            ["wojciech", "wiewiorowski"]
        );
        assert_eq!(term_list("Côte d’Ivoire"), ["cote", "d", "ivoire"]);
        assert_eq!(term_list("cote d'ivoire"), ["cote", "d", "ivoire"]);
        assert_eq!(term_list("Phạm Minh Chính"), ["pham", "minh", "chinh"]);
        assert_eq!(term_list("Łódź, Straße"), ["lodz", "strasse"]);
        assert_eq!(
            term_list("quantum-safe ﬁles 5G"),
            ["quantum", "safe", "files", "5g"]
        );
        assert_eq!(term_list("Türkiye"), ["turkiye"]);
        assert_eq!(term_list("  ,;  "), Vec::<String>::new());
        // Scripts without case or accents pass through as words.
        assert_eq!(term_list("Москва 東京"), ["москва", "東京"]);
        // Σ at the end of a word is σ whichever side lower-cases it.
        assert_eq!(term_list("ΟΔΥΣΣΕΥΣ οδυσσευς"), ["οδυσσευσ", "οδυσσευσ"]);
        let blob = "x".repeat(MAX_TERM_CHARS + 1);
        assert_eq!(term_list(&format!("a {blob} b")), ["a", "b"]);
    }
}
