//! `edit_url:` of `proceedings.yaml`: where a reader suggests a fix to a page's
//! source file, as a pattern with `{path}` (the file's path in the site folder).

use super::LinkError;

/// The placeholder a pattern must hold.
const PLACEHOLDER: &str = "{path}";

/// A checked `edit_url`: an `http(s)` address with `{path}` in it, such as
/// `https://github.com/ORG/REPO/edit/main/{path}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditUrl(String);

impl EditUrl {
    /// Checks a pattern: a web address (`http://` or `https://` and a host) that holds `{path}`.
    pub fn parse(text: &str) -> Result<EditUrl, LinkError> {
        let text = text.trim();
        let rest = ["https://", "http://"]
            .iter()
            .find_map(|scheme| {
                (text.len() >= scheme.len() && text[..scheme.len()].eq_ignore_ascii_case(scheme))
                    .then(|| &text[scheme.len()..])
            })
            .ok_or_else(|| {
                LinkError::new(
                    format!("`edit_url` must be a web address (http or https), not `{}`", text.escape_debug()),
                    "write the address of the page that edits a file, e.g. \"https://github.com/ORG/REPO/edit/main/{path}\"",
                )
            })?;
        if rest.is_empty() || rest.starts_with(['/', '{']) {
            return Err(LinkError::new(
                format!("`edit_url` has no host: `{}`", text.escape_debug()),
                "write the host after the scheme, e.g. \"https://github.com/ORG/REPO/edit/main/{path}\"",
            ));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(LinkError::new(
                format!("`edit_url` holds a space: `{}`", text.escape_debug()),
                "write the address without spaces; `{path}` stands for the file's path",
            ));
        }
        if !text.contains(PLACEHOLDER) {
            return Err(LinkError::new(
                format!(
                    "`edit_url` has no `{PLACEHOLDER}`: `{}`",
                    text.escape_debug()
                ),
                "put `{path}` where the file's path in the site goes, e.g. \"https://github.com/ORG/REPO/edit/main/{path}\"",
            ));
        }
        Ok(EditUrl(text.to_string()))
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address that edits `path` (a path in the site folder, `/`-separated,
    /// such as `sessions/x.md`): every `{path}` replaced by it, each segment
    /// percent-encoded where a URL path may not hold the character as it is.
    pub fn of(&self, path: &str) -> String {
        let encoded: Vec<String> = path.split('/').map(encode_segment).collect();
        self.0.replace(PLACEHOLDER, &encoded.join("/"))
    }
}

/// A path segment with what would end or break it encoded (`?`, `#`, `%`, spaces, quotes).
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        if c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '?' | '#' | '%'
            )
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl<'de> serde::Deserialize<'de> for EditUrl {
    /// Checked while deserializing, so a bad pattern is reported at its line and column.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EditUrl, D::Error> {
        let s = String::deserialize(d)?;
        EditUrl::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_fills_in_the_path_encoded() {
        let e = EditUrl::parse("https://github.com/org/repo/edit/main/{path}").expect("valid");
        assert_eq!(
            e.of("content/sessions/x.md"),
            "https://github.com/org/repo/edit/main/content/sessions/x.md"
        );
        assert_eq!(
            e.of("sessions/Día 1/a#b?.md"),
            "https://github.com/org/repo/edit/main/sessions/Día%201/a%23b%3F.md"
        );
        let twice = EditUrl::parse("http://git.example.org/{path}?from={path}").expect("valid");
        assert_eq!(twice.of("a.md"), "http://git.example.org/a.md?from=a.md");
    }

    #[test]
    fn patterns_without_placeholder_host_or_web_scheme_are_refused() {
        for bad in [
            "https://github.com/org/repo/edit/main/",
            "ftp://example.org/{path}",
            "github.com/org/repo/{path}",
            "javascript:alert('{path}')",
            "https://{path}",
            "https:///{path}",
            "https://example.org/a b/{path}",
            "",
        ] {
            let e = EditUrl::parse(bad).expect_err(bad);
            assert!(!e.help.is_empty(), "{bad}");
        }
    }
}
