//! Redirect pages for old URLs ([`OldUrl`]): a small HTML page at the old address that
//! sends readers (meta refresh) and search engines (`rel=canonical`) to the page.
//! They are not pages of the site: no sitemap, feed or search lists them.

use std::collections::{HashMap, HashSet};

use super::{Output, escape};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::BuildError;
use crate::model::{Claim, OldUrl, Site};
use crate::routes;

/// One old URL and the page it now leads to.
struct Redirect<'a> {
    old: &'a OldUrl,
    /// The page's site path ("sessions/new/").
    to: String,
    /// The page's title, for the link.
    title: &'a str,
}

/// The redirect pages of `site`, whose pages are `page_paths`. A written alias that
/// would take the place of a page or of another alias is an error at the alias; a
/// spelling's old page is left out when anything else claims its path.
pub(crate) fn pages(site: &Site, page_paths: &[String]) -> Result<Vec<Output>, BuildError> {
    let wanted = all(site);
    if wanted.is_empty() {
        // Most sites: no set of the pages to make on every edit of a large one.
        return Ok(Vec::new());
    }
    let pages: HashSet<&str> = page_paths.iter().map(String::as_str).collect();
    let mut written: HashMap<&str, &Redirect<'_>> = HashMap::new();
    let mut diags = Diagnostics::default();
    for r in wanted.iter().filter(|r| r.old.is_written()) {
        let Claim::Written { file, at } = &r.old.claim else {
            continue;
        };
        let path = r.old.path.as_str();
        let clash = if display_path(path) == r.to {
            Some("the page's own address".to_string())
        } else if pages.contains(path) {
            Some("already a page of the site".to_string())
        } else {
            written.get(path).map(|other| match &other.old.claim {
                Claim::Written { file, at } => {
                    let line = at.map_or(String::new(), |l| format!(":{}", l.line));
                    format!("already another alias ({}{line})", file.display())
                }
                Claim::Spelling => "already another alias".to_string(),
            })
        };
        match clash {
            Some(what) => diags.push(
                Diagnostic::error(
                    file,
                    *at,
                    format!("the alias /{} is {what}", display_path(path)),
                )
                .with_help("remove this alias, or the other claim to that address"),
            ),
            None => {
                written.insert(path, r);
            }
        }
    }
    if diags.error_count() > 0 {
        return Err(BuildError::Content(diags));
    }
    let mut spelled: HashMap<&str, Option<&Redirect<'_>>> = HashMap::new();
    for r in wanted.iter().filter(|r| !r.old.is_written()) {
        let path = r.old.path.as_str();
        if !pages.contains(path) && !written.contains_key(path) {
            // Two people's spellings with one page: neither gets it.
            spelled
                .entry(path)
                .and_modify(|e| *e = None)
                .or_insert(Some(r));
        }
    }
    let mut out: Vec<Output> = written
        .into_values()
        .chain(spelled.into_values().flatten())
        .map(|r| page(site, r))
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Every old URL of the site's sessions and people.
fn all(site: &Site) -> Vec<Redirect<'_>> {
    let sessions = site.sessions.iter().flat_map(|s| {
        s.old_urls.iter().map(move |old| Redirect {
            old,
            to: routes::session(&s.slug),
            title: &s.title,
        })
    });
    let people = site.people.iter().flat_map(|p| {
        p.old_urls.iter().map(move |old| Redirect {
            old,
            to: routes::speaker(&p.slug),
            title: &p.name,
        })
    });
    sessions.chain(people).collect()
}

/// "sessions/x/index.html" as the address readers know: "sessions/x/".
fn display_path(path: &str) -> &str {
    path.strip_suffix(routes::INDEX).unwrap_or(path)
}

fn page(site: &Site, r: &Redirect<'_>) -> Output {
    let to = escape(&site.base.absolute(&r.to));
    let title = escape(r.title);
    let lang = escape(&site.config.language);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{to}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n\
         <body>\n<p>This page has moved to <a href=\"{to}\">{title}</a>.</p>\n</body>\n</html>\n"
    );
    Output {
        path: r.old.path.clone(),
        bytes: html.into_bytes(),
    }
}
