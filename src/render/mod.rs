//! The *render* stage: (site, index, theme) -> every output file, in memory.
//! Pure: no reads, no writes; the write stage puts the result on disk.

mod feeds;
pub mod markdown;
mod pages;
pub mod theme;
pub mod views;

use crate::error::BuildError;
use crate::index::Index;
use crate::model::Site;
pub use theme::Theme;
use views::Views;

/// One file of the built site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators ("sessions/x/index.html").
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Renders every page, feed and meta file of the site.
pub fn site(
    site: &Site,
    index: &Index,
    theme: &Theme,
    progress: &dyn crate::Progress,
) -> Result<Vec<Output>, BuildError> {
    let views = Views { site, index };
    let mut outputs = pages::render(&views, theme, progress)?;
    let page_paths: Vec<&str> = outputs
        .iter()
        .map(|o| o.path.as_str())
        .filter(|p| *p != "404.html")
        .collect();
    // Sitemaps need absolute URLs: without a host there is none to give.
    if site.base.has_origin() {
        outputs.push(feeds::sitemap(site, &page_paths));
    }
    outputs.push(feeds::atom(&views));
    outputs.push(feeds::robots(site));
    outputs.push(Output {
        path: ".nojekyll".into(),
        bytes: Vec::new(),
    });
    Ok(outputs)
}

/// Escapes text for HTML and XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
