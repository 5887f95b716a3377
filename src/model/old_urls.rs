//! Old addresses of a page: the `aliases:` of a session, and the old slugs and paths of
//! a registry person. The site keeps answering each with a redirect to the page, so a
//! renamed file or a merged spelling does not break the links and citations to it.

use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::routes::{self, Section};
use crate::url::Slug;

/// A site path that once showed a page and now redirects to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OldUrl {
    /// The redirect's output file, relative to the site root ("sessions/old/index.html").
    pub path: String,
    /// Who asked for it.
    pub claim: Claim,
}

/// Why a page has an old URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Written in `aliases:`: it must not take the place of a page or of another alias.
    Written {
        /// The file with the alias.
        file: PathBuf,
        /// Where in it.
        at: Option<Location>,
    },
    /// The slug of a registry spelling that is not the person's own ("Zhao Houlin"
    /// merged into "Houlin Zhao"): kept only while no page or written alias needs it.
    Spelling,
}

impl OldUrl {
    /// Whether a written alias asked for it.
    pub fn is_written(&self) -> bool {
        matches!(self.claim, Claim::Written { .. })
    }
}

/// Reads the `aliases:` of a page in `section`, reporting bad ones into `diags`.
/// `locate` turns a value's span into a file position.
pub(super) fn written(
    aliases: &[Spanned<String>],
    section: Section,
    file: &Path,
    locate: impl Fn(&Spanned<String>) -> Option<Location>,
    diags: &mut Diagnostics,
) -> Vec<OldUrl> {
    let mut out: Vec<OldUrl> = Vec::new();
    for a in aliases {
        let at = locate(a);
        match parse(&a.value, section) {
            Ok(path) if out.iter().any(|o| o.path == path) => {}
            Ok(path) => out.push(OldUrl {
                path,
                claim: Claim::Written {
                    file: file.to_path_buf(),
                    at,
                },
            }),
            Err(why) => diags.push(
                Diagnostic::error(file, at, format!("the alias `{}` {why}", a.value))
                    .with_help(format!(
                        "write an old slug (`old-name`, meaning /{}old-name/) or an old path of this site (`/2019/old-name/`, `/old/page.html`)",
                        section.dir()
                    )),
            ),
        }
    }
    out
}

/// The output file an alias names: a bare slug is a page of `section`, a path starting
/// with `/` is a folder (or `.html` page) under the site root. Every segment is plain
/// URL text: never `.` or `..`, so no alias leads outside the output folder.
pub(crate) fn parse(alias: &str, section: Section) -> Result<String, &'static str> {
    let alias = alias.trim();
    let Some(path) = alias.strip_prefix('/') else {
        let slug = Slug::parse_exact(alias).ok_or(
            "is neither a slug (lower-case letters, digits, hyphens) nor a path starting with `/`",
        )?;
        return Ok([section.dir(), slug.as_str(), "/", routes::INDEX].concat());
    };
    let folder = path.is_empty() || path.ends_with('/');
    let segments: Vec<&str> = path.strip_suffix('/').unwrap_or(path).split('/').collect();
    if path.is_empty() {
        return Err("is the home page");
    }
    for s in &segments {
        if s.is_empty() {
            return Err("has an empty part (`//`)");
        }
        if *s == "." || *s == ".." {
            return Err("has a `.` or `..` part");
        }
        if !s
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
        {
            return Err(
                "has characters other than letters, digits and `-_.~` (write the path decoded, without `?` or `#`)",
            );
        }
    }
    let last = segments.last().copied().unwrap_or_default();
    if folder {
        return Ok(format!("{path}{}", routes::INDEX));
    }
    let lower = last.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Ok(path.to_string());
    }
    if last.contains('.') {
        return Err("names a file that is not a page: only folders and `.html` pages can redirect");
    }
    Ok(format!("{path}/{}", routes::INDEX))
}

/// The old URLs of a registry person's other spellings: the page each would have had
/// before the spellings were merged.
pub(super) fn spellings<'a>(own: &Slug, spellings: impl Iterator<Item = &'a str>) -> Vec<OldUrl> {
    let mut out: Vec<OldUrl> = Vec::new();
    for s in spellings {
        let Some(slug) = Slug::from_text(&super::parse_name(s).name) else {
            continue;
        };
        let path = routes::speaker(&slug) + routes::INDEX;
        if slug != *own && !out.iter().any(|o| o.path == path) {
            out.push(OldUrl {
                path,
                claim: Claim::Spelling,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_paths_name_files_inside_the_site() {
        let s = Section::Sessions;
        assert_eq!(
            parse("old-name", s).as_deref(),
            Ok("sessions/old-name/index.html")
        );
        assert_eq!(
            parse("old-name", Section::Speakers).as_deref(),
            Ok("speakers/old-name/index.html")
        );
        assert_eq!(parse(" /2019/x/ ", s).as_deref(), Ok("2019/x/index.html"));
        assert_eq!(parse("/2019/x", s).as_deref(), Ok("2019/x/index.html"));
        assert_eq!(parse("/old/page.html", s).as_deref(), Ok("old/page.html"));
        assert_eq!(
            parse("/Ünïcode/Seite/", s).as_deref(),
            Ok("Ünïcode/Seite/index.html")
        );
    }

    #[test]
    fn no_alias_reaches_outside_the_output_or_a_non_page() {
        let s = Section::Sessions;
        for bad in [
            "",
            "/",
            "Old Name",
            "/../x/",
            "/a/../../x/",
            "/./x/",
            "/a//b/",
            "/a\\..\\b/",
            "/x?y=1",
            "/x#top",
            "/feed.xml",
            "/a b/",
            "../x",
            "/%2e%2e/x/",
        ] {
            assert!(parse(bad, s).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn spellings_give_the_pages_they_would_have_had_but_the_own_one() {
        let own = Slug::from_text("Houlin Zhao").expect("slug");
        let urls = spellings(
            &own,
            ["Zhao Houlin", "Houlin ZHAO", "Dr. Zhao Houlin"].into_iter(),
        );
        let paths: Vec<&str> = urls.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["speakers/zhao-houlin/index.html"]);
        assert!(!urls[0].is_written());
    }
}
