//! Slugs and site URLs: the one place where sub-path correctness lives.
//!
//! Every link the site writes is root-absolute and includes the base path
//! (`/sub/path/speakers/x/`), so pages work at any depth, the 404 page too.

use std::fmt;

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

/// The site's base URL split into what links need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host without a trailing slash (`https://org.github.io`), or "" for a bare path.
    origin: String,
    /// The path, always starting and ending with "/" ("/repo/").
    path: String,
}

impl BaseUrl {
    /// Parses `https://org.github.io/repo`, `https://example.org/`, `/sub/` or "".
    pub fn parse(input: &str) -> BaseUrl {
        let input = input.trim();
        let (origin, path) = match input.find("://") {
            Some(i) => {
                let after = &input[i + 3..];
                let cut = after.find('/').map_or(input.len(), |p| i + 3 + p);
                (&input[..cut], &input[cut..])
            }
            None => ("", input),
        };
        let trimmed = path.trim_matches('/');
        let path = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        };
        BaseUrl {
            origin: origin.to_string(),
            path,
        }
    }

    /// The path prefix every internal link starts with ("/" or "/repo/").
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The full base URL (`https://org.github.io/repo/`), or the path when no host is known.
    pub fn full(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }

    /// Whether a host is known, so feeds and sitemaps can hold absolute URLs.
    pub fn has_origin(&self) -> bool {
        !self.origin.is_empty()
    }

    /// Root-absolute link to a site path: `page("speakers/x/")` -> "/repo/speakers/x/".
    pub fn page(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// A link a user wrote in data (a photo, a link): URLs with a scheme stay as they are;
    /// anything else is a path in the site ("img/a.jpg", "/img/a.jpg") and gets the base path.
    pub fn site_link(&self, link: &str) -> String {
        let has_scheme = link.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if has_scheme || link.starts_with("//") || link.starts_with('#') {
            link.to_string()
        } else {
            self.page(link)
        }
    }

    /// Absolute URL of a site path, for feeds, sitemaps and canonical links.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.page(site_path))
    }
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

    #[test]
    fn base_urls_keep_the_sub_path() {
        let b = BaseUrl::parse("https://example.org/sub/path");
        assert_eq!(b.path(), "/sub/path/");
        assert_eq!(b.page("speakers/x/"), "/sub/path/speakers/x/");
        assert_eq!(
            b.absolute("/feed.xml"),
            "https://example.org/sub/path/feed.xml"
        );
        assert_eq!(BaseUrl::parse("https://example.org").path(), "/");
        assert_eq!(BaseUrl::parse("").page("a/"), "/a/");
        assert!(!BaseUrl::parse("/x/").has_origin());
        assert_eq!(b.site_link("img/a.jpg"), "/sub/path/img/a.jpg");
        assert_eq!(b.site_link("/img/a.jpg"), "/sub/path/img/a.jpg");
        assert_eq!(b.site_link("https://x.org/a.jpg"), "https://x.org/a.jpg");
        assert_eq!(
            b.site_link("data:image/png;base64,xx"),
            "data:image/png;base64,xx"
        );
    }
}
