//! The links users write in front matter and registries (`links:`, an event's
//! `url:`, a speaker's `photo:` and `links:`): validated when they are read, so
//! that nothing but a web address, a `mailto:` address or a path in the site ever
//! reaches an `href`, a `src`, a feed or a calendar.

use std::fmt;

/// A validated link: `https://…`, `http://…`, `mailto:…`, a protocol-relative
/// `//host/…`, or a path in the site (`/docs/a.pdf`, `img/b.jpg`, `#part`).
/// Spaces and the characters URLs may not hold are percent-encoded; control
/// characters and every other scheme are errors.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Link(String);

/// Why a text is not a link (or not a base URL), and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl LinkError {
    pub(crate) fn new(message: impl Into<String>, help: impl Into<String>) -> LinkError {
        LinkError {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for LinkError {
    /// The message, then the help after [`crate::diag::HELP_SEPARATOR`], which the
    /// YAML reader turns into the diagnostic's help line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}{}",
            self.message,
            crate::diag::HELP_SEPARATOR,
            self.help
        )
    }
}

impl std::error::Error for LinkError {}

const LINK_HELP: &str = "write a web address (https://…), a mailto: address, or a path in the site such as /docs/outcome.pdf";

impl Link {
    /// Validates `input` as a link.
    pub fn parse(input: &str) -> Result<Link, LinkError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(LinkError::new("the link is empty", LINK_HELP));
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            return Err(LinkError::new(
                format!(
                    "the link `{}` contains a control character (U+{:04X})",
                    text.escape_debug(),
                    u32::from(c)
                ),
                "write the link on one line, without line breaks or tabs",
            ));
        }
        if let Some(scheme) = scheme(text) {
            match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" => {
                    let rest = &text[scheme.len() + 1..];
                    let host = rest.strip_prefix("//").map(|r| {
                        let end = r.find(['/', '?', '#']).unwrap_or(r.len());
                        &r[..end]
                    });
                    if host.is_none_or(str::is_empty) {
                        return Err(LinkError::new(
                            format!("the link `{text}` has no host"),
                            "write the whole address, e.g. https://www.itu.int/…",
                        ));
                    }
                }
                "mailto" if text.len() > "mailto:".len() => {}
                _ => {
                    return Err(LinkError::new(
                        format!("`{scheme}:` links are not allowed (in `{text}`)"),
                        LINK_HELP,
                    ));
                }
            }
        }
        Ok(Link(encode(text)))
    }

    /// The link text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file in the site this link names, as a path under the site's root
    /// (`img/a b.jpg` for `/img/a%20b.jpg`); `None` for an address elsewhere (a scheme,
    /// `//host`) or a fragment.
    pub fn site_path(&self) -> Option<String> {
        let s = self.0.as_str();
        if scheme(s).is_some() || s.starts_with("//") || s.starts_with('#') {
            return None;
        }
        let path = s
            .split(['?', '#'])
            .next()
            .unwrap_or(s)
            .trim_start_matches('/');
        // Percent-decoding: `encode` wrote every byte that needed it as %XX.
        let mut bytes = Vec::with_capacity(path.len());
        let mut rest = path.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            let hex = |h: u8| char::from(h).to_digit(16);
            match (b, tail) {
                (b'%', [h, l, more @ ..]) if hex(*h).is_some() && hex(*l).is_some() => {
                    bytes.push(((hex(*h).unwrap_or(0) << 4) | hex(*l).unwrap_or(0)) as u8);
                    rest = more;
                }
                _ => {
                    bytes.push(b);
                    rest = tail;
                }
            }
        }
        Some(String::from_utf8_lossy(&bytes).into_owned()).filter(|p| !p.is_empty())
    }

    /// Whether this is a `mailto:` address (not a place to fetch an image from).
    pub fn is_mailto(&self) -> bool {
        self.0
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Link {
    /// Validated while deserializing, so a bad link is reported at its own line and column.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Link, D::Error> {
        let s = String::deserialize(d)?;
        Link::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The scheme of `text` (`https` of `https://…`), when it starts with one: letters,
/// digits, `+`, `-`, `.` before a colon that comes before any `/`, `?` or `#`.
pub(super) fn scheme(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let candidate = &text[..colon];
    let valid = candidate
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(candidate)
}

/// Percent-encodes the characters a URL may not hold as they are (a space in a file
/// name, a quote); everything else, non-ASCII letters included, stays.
pub(super) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_mail_and_site_paths_pass() {
        for ok in [
            "https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/183",
            "HTTP://example.org",
            "mailto:wsis@itu.int",
            "//cdn.example.org/a.jpg",
            "/docs/outcome.pdf",
            "img/photo.jpg",
            "#summary",
            "docs/a:b.pdf",
            "https://例え.jp/パス",
        ] {
            assert_eq!(Link::parse(ok).map(|l| l.0), Ok(ok.to_string()), "{ok}");
        }
        assert_eq!(
            Link::parse(" docs/Outcome Document \"final\".pdf ").map(|l| l.0),
            Ok("docs/Outcome%20Document%20%22final%22.pdf".to_string())
        );
    }

    #[test]
    fn a_site_path_is_the_file_it_names_and_addresses_elsewhere_have_none() {
        let path = |t: &str| Link::parse(t).ok().and_then(|l| l.site_path());
        assert_eq!(path("/img/a b.jpg").as_deref(), Some("img/a b.jpg"));
        assert_eq!(path("img/zhào.png?v=2").as_deref(), Some("img/zhào.png"));
        assert_eq!(path("https://example.org/a.jpg"), None);
        assert_eq!(path("//cdn.example.org/a.jpg"), None);
        assert_eq!(path("#top"), None);
    }

    #[test]
    fn scripts_other_schemes_and_broken_text_are_errors() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "vbscript:x",
            "data:text/html,<b>x</b>",
            "data:image/png;base64,xx",
            "file:///etc/passwd",
            "https://",
            "https:/x",
            "mailto:",
            "",
            "https://example.org/a\nSet-Cookie: x",
            "/a\u{7}b",
        ] {
            let e = Link::parse(bad).expect_err(bad);
            assert!(!e.help.is_empty(), "{bad}");
        }
    }

    #[test]
    fn an_error_carries_its_help_after_the_separator() {
        let e = Link::parse("javascript:x").expect_err("script");
        let text = e.to_string();
        let (message, help) = text
            .split_once(crate::diag::HELP_SEPARATOR)
            .expect("separator");
        assert_eq!(
            message,
            "`javascript:` links are not allowed (in `javascript:x`)"
        );
        assert_eq!(help, LINK_HELP);
    }
}
