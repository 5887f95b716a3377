//! Slugs, the site's base URL and the links users write: the one place where
//! sub-path correctness and URL validation live.
//!
//! Every link the site writes is root-absolute and includes the base path
//! (`/sub/path/speakers/x/`), so pages work at any depth, the 404 page too.

use std::fmt;

mod base;
mod edit;
mod link;

pub use base::BaseUrl;
pub use edit::EditUrl;
pub use link::{Link, LinkError};

/// Longest slug, in bytes (all ASCII).
pub const MAX_SLUG_LEN: usize = 120;

/// A URL-safe identifier: lower-case ASCII letters, digits and single hyphens.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Transliterates (deunicode) and hyphenates any text: "Nguyễn Mạnh Hùng" -> "nguyen-manh-hung".
    /// Returns `None` when nothing URL-safe is left (e.g. only punctuation).
    pub fn from_text(text: &str) -> Option<Slug> {
        let mut out = String::with_capacity(text.len());
        let mut pending_dash = false;
        for c in deunicode::deunicode(text).chars() {
            if c.is_ascii_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(c.to_ascii_lowercase());
            } else if c != '\'' && c != '’' {
                // Apostrophes join ("O'Brien" -> "obrien"); everything else separates.
                pending_dash = true;
            }
        }
        // A slug becomes a folder name: keep it well under file-system limits (255 bytes),
        // cutting at a word boundary.
        if out.len() > MAX_SLUG_LEN {
            let cut = out[..MAX_SLUG_LEN]
                .rfind('-')
                .filter(|&i| i > 0)
                .unwrap_or(MAX_SLUG_LEN);
            out.truncate(cut);
        }
        (!out.is_empty()).then_some(Slug(out))
    }

    /// Accepts `text` only when it already is a valid slug (for explicit `slug:` keys).
    pub fn parse_exact(text: &str) -> Option<Slug> {
        let valid = !text.is_empty()
            && text.len() <= MAX_SLUG_LEN
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        valid.then(|| Slug(text.to_string()))
    }

    /// This slug with `-n` appended ("ana-lima-2"), the base cut short when needed so
    /// that the result still fits [`MAX_SLUG_LEN`] (and differs from the slug).
    pub fn numbered(&self, n: usize) -> Slug {
        let suffix = format!("-{n}");
        let keep = self.0.len().min(MAX_SLUG_LEN.saturating_sub(suffix.len()));
        // Slugs are ASCII: any byte index is a character boundary.
        let base = self.0[..keep].trim_end_matches('-');
        Slug(format!("{base}{suffix}"))
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a link target runs code when followed (`javascript:`, `vbscript:`,
/// `data:text/html`), whatever its case, spaces or control characters.
pub fn is_script_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|s| compact.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_transliterate_and_hyphenate() {
        let s = |t: &str| Slug::from_text(t).map(|s| s.0);
        assert_eq!(s("Nguyễn Mạnh Hùng").as_deref(), Some("nguyen-manh-hung"));
        assert_eq!(
            s("  Wojciech Wiewiórowski ").as_deref(),
            Some("wojciech-wiewiorowski")
        );
        assert_eq!(s("Tohfa - E – Ayub").as_deref(), Some("tohfa-e-ayub"));
        assert_eq!(s("Côte d'Ivoire").as_deref(), Some("cote-divoire"));
        assert_eq!(s("../etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(s("—").as_deref(), None);
        // Found by the `vocabulary` fuzz target: long slugs are cut at a word boundary,
        // and a cut slug is still a valid slug.
        let long = s(&"word ".repeat(100)).expect("slug");
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
        assert!(Slug::parse_exact(&long).is_some());
        let numbered = Slug::parse_exact(&long).map(|s| s.numbered(12));
        assert!(
            numbered
                .is_some_and(|s| s.as_str().len() <= MAX_SLUG_LEN && s.as_str().ends_with("-12"))
        );
        assert!(Slug::parse_exact(&"f".repeat(130)).is_none());
        assert_eq!(s(&"f".repeat(130)).map(|x| x.len()), Some(MAX_SLUG_LEN));
    }

    #[test]
    fn explicit_slugs_must_be_clean() {
        assert!(Slug::parse_exact("ict-peace-iot-2024").is_some());
        for bad in ["", "../x", "a/b", "A", "a b", "-a", "a--b", "é"] {
            assert!(Slug::parse_exact(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn script_urls_are_recognised_in_any_disguise() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "vbscript:x",
            "data:text/html,<b>",
        ] {
            assert!(is_script_url(bad), "{bad:?}");
        }
        for ok in [
            "https://e.org/javascript:",
            "/sessions/x/",
            "mailto:a@b.org",
            "data:image/png;base64,x",
        ] {
            assert!(!is_script_url(ok), "{ok:?}");
        }
    }
}
