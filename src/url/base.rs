//! The site's base URL (`base_url:` or `--base-url`): validated once, split into
//! the origin and the path every link needs.

use super::link::{LinkError, encode, scheme};

/// The site's base URL split into what links need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host without a trailing slash (`https://org.github.io`), or "" for a bare path.
    origin: String,
    /// The path, always starting and ending with "/" ("/repo/").
    path: String,
}

impl Default for BaseUrl {
    /// `/`: links from the root of whatever host serves the site.
    fn default() -> BaseUrl {
        BaseUrl {
            origin: String::new(),
            path: "/".to_string(),
        }
    }
}

const BASE_HELP: &str = "write the address the site is published at, e.g. https://org.github.io/repo/, or a path such as /repo/";

impl BaseUrl {
    /// Parses `https://org.github.io/repo`, `https://example.org/`, `/sub/` or "".
    /// Only http and https addresses with a host, or bare paths, are base URLs: no
    /// other scheme, no query, fragment, user name, space or control character,
    /// since the base URL is written into every page, the sitemap, robots.txt, the
    /// feeds and the calendars.
    pub fn parse(input: &str) -> Result<BaseUrl, LinkError> {
        let input = input.trim();
        if let Some(c) = input.chars().find(|c| c.is_control() || c.is_whitespace()) {
            return Err(LinkError::new(
                format!(
                    "base_url `{}` contains {}",
                    input.escape_debug(),
                    if c.is_whitespace() && !c.is_control() {
                        "a space".to_string()
                    } else {
                        format!("a control character (U+{:04X})", u32::from(c))
                    }
                ),
                BASE_HELP,
            ));
        }
        if input.contains(['?', '#']) {
            return Err(LinkError::new(
                format!("base_url `{input}` has a query or a fragment"),
                "remove everything from the `?` or `#` on: the base URL is the folder the site is published in",
            ));
        }
        let (origin, path) = match input.find("://") {
            Some(i) => {
                let scheme = input[..i].to_ascii_lowercase();
                if scheme != "http" && scheme != "https" {
                    return Err(not_web(input, &input[..i]));
                }
                let after = &input[i + 3..];
                let cut = after.find('/').unwrap_or(after.len());
                let host = &after[..cut];
                check_host(input, host)?;
                (format!("{scheme}://{}", host.to_lowercase()), &after[cut..])
            }
            None if input.starts_with("//") => {
                return Err(LinkError::new(
                    format!("base_url `{input}` has no scheme"),
                    format!("write https:{input}"),
                ));
            }
            None if input.is_empty() || input.starts_with('/') => (String::new(), input),
            None => {
                if let Some(s) = scheme(input) {
                    return Err(not_web(input, s));
                }
                return Err(LinkError::new(
                    format!("base_url `{input}` has no scheme"),
                    format!(
                        "did you mean `https://{}/`? (a path alone starts with /)",
                        input.trim_end_matches('/')
                    ),
                ));
            }
        };
        let trimmed = path.trim_matches('/');
        let path = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{}/", encode(trimmed))
        };
        Ok(BaseUrl { origin, path })
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

    /// A link a user wrote (a photo, a link): addresses with a scheme, protocol-relative
    /// ones and fragments stay as they are; a path in the site ("img/a.jpg",
    /// "/img/a.jpg") gets the base path.
    pub fn site_link(&self, link: &super::Link) -> String {
        let link = link.as_str();
        if scheme(link).is_some() || link.starts_with("//") || link.starts_with('#') {
            link.to_string()
        } else {
            self.page(link)
        }
    }

    /// Absolute URL of a site path, for feeds, sitemaps and canonical links.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.page(site_path))
    }

    /// A link from content made absolute when a host is known (OpenGraph and
    /// schema.org want full URLs): a site path gets the origin and base path, a URL
    /// with a scheme stays as it is, and without a host the link is root-absolute.
    pub fn absolute_link(&self, link: &super::Link) -> String {
        let local = self.site_link(link);
        if local.starts_with('/') && !local.starts_with("//") {
            format!("{}{local}", self.origin)
        } else {
            local
        }
    }
}

impl<'de> serde::Deserialize<'de> for BaseUrl {
    /// Validated while deserializing, so a bad base URL is reported at its line and column.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<BaseUrl, D::Error> {
        let s = String::deserialize(d)?;
        BaseUrl::parse(&s).map_err(serde::de::Error::custom)
    }
}

fn not_web(input: &str, scheme: &str) -> LinkError {
    LinkError::new(
        format!("base_url `{input}` is not a web address (`{scheme}:`)"),
        BASE_HELP,
    )
}

/// A host name or address with an optional port; no user name, nothing empty.
fn check_host(input: &str, host: &str) -> Result<(), LinkError> {
    let (name, port) = match host.rsplit_once(':') {
        Some((n, _)) if !n.ends_with(']') && n.contains(':') => (host, None),
        Some((n, p)) => (n, Some(p)),
        None => (host, None),
    };
    let bad_port = port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()));
    let ipv6 = name.starts_with('[') && name.ends_with(']');
    let bad_name = name.is_empty()
        || (!ipv6
            && !name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.'));
    if host.contains('@') || bad_port || bad_name {
        return Err(LinkError::new(
            format!("base_url `{input}` has no valid host (`{host}`)"),
            BASE_HELP,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::Link;

    fn parse(s: &str) -> BaseUrl {
        BaseUrl::parse(s).expect(s)
    }

    #[test]
    fn base_urls_keep_the_sub_path() {
        let b = parse("https://example.org/sub/path");
        assert_eq!(b.path(), "/sub/path/");
        assert_eq!(b.page("speakers/x/"), "/sub/path/speakers/x/");
        assert_eq!(
            b.absolute("/feed.xml"),
            "https://example.org/sub/path/feed.xml"
        );
        assert_eq!(parse("https://example.org").path(), "/");
        assert_eq!(parse("").page("a/"), "/a/");
        assert!(!parse("/x/").has_origin());
        let link = |s: &str| b.site_link(&Link::parse(s).expect(s));
        assert_eq!(link("img/a.jpg"), "/sub/path/img/a.jpg");
        assert_eq!(link("/img/a.jpg"), "/sub/path/img/a.jpg");
        assert_eq!(link("https://x.org/a.jpg"), "https://x.org/a.jpg");
        assert_eq!(link("mailto:a@b.org"), "mailto:a@b.org");
    }

    #[test]
    fn only_web_addresses_and_paths_are_base_urls() {
        assert_eq!(
            parse("HTTPS://Example.org:8080/Repo").full(),
            "https://example.org:8080/Repo/"
        );
        assert_eq!(parse("http://[::1]:1111/").full(), "http://[::1]:1111/");
        assert_eq!(parse(""), BaseUrl::default());
        for bad in [
            "javascript:alert(1)//",
            "javascript://x/%0aalert(1)",
            "ftp://example.org/",
            "example.org/repo",
            "//example.org/",
            "https://example.org/?q=1",
            "https://example.org/#top",
            "https://example.org/a\nDisallow: /",
            "https://example.org/a b/",
            "https://user@example.org/",
            "https:///path",
            "https://example.org:x/",
        ] {
            let e = BaseUrl::parse(bad).expect_err(bad);
            assert!(!e.help.is_empty(), "{bad}");
        }
        let e = BaseUrl::parse("example.org/repo").expect_err("no scheme");
        assert!(e.help.contains("https://example.org/repo/"), "{}", e.help);
    }
}
