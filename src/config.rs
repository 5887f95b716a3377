//! `proceedings.yaml`: the site's configuration, strict about unknown keys.

use std::path::Path;

use serde::Deserialize;

use crate::content::yaml;
use crate::diag::Diagnostic;

/// The site configuration as written in `proceedings.yaml`. Every key is optional.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    /// Site title, shown in the header and the feed.
    pub title: String,
    /// One sentence for the home page, feeds and meta description.
    pub description: Option<String>,
    /// Where the site is published, e.g. `https://org.github.io/repo/`. A sub-path is honoured everywhere.
    pub base_url: String,
    /// Language of the content (BCP 47), for `<html lang>` and the feed.
    pub language: String,
    /// Theme name: "default" (embedded) or a folder `themes/NAME/` in the site.
    pub theme: String,
    /// Sessions per page on event, speaker, country, SDG, action-line and topic pages.
    pub sessions_per_page: usize,
    /// Sessions listed under "Latest sessions" on the home page.
    pub latest_sessions: usize,
    /// How Markdown bodies are rendered.
    pub markdown: MarkdownConfig,
}

/// The `markdown:` section of `proceedings.yaml`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Keep raw HTML in bodies as written. Off by default: raw HTML is sanitised
    /// (scripts, event handlers and `javascript:` links removed), as Hugo does.
    pub unsafe_html: bool,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Proceedings".to_string(),
            description: None,
            base_url: "/".to_string(),
            language: "en".to_string(),
            theme: "default".to_string(),
            sessions_per_page: 50,
            latest_sessions: 12,
            markdown: MarkdownConfig::default(),
        }
    }
}

impl SiteConfig {
    /// Parses the text of `proceedings.yaml`; `file` is the name used in diagnostics.
    pub fn parse(text: &str, file: &Path) -> Result<SiteConfig, Diagnostic> {
        let (text, origin) = yaml::strip_bom(text);
        if text.trim().is_empty() {
            return Ok(SiteConfig::default());
        }
        let config: SiteConfig = yaml::parse(text, file, origin)?;
        if config.sessions_per_page == 0 {
            return Err(Diagnostic::error(
                file,
                None,
                "`sessions_per_page` must be at least 1",
            ));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_config_is_all_defaults() {
        assert_eq!(
            SiteConfig::parse("", Path::new("p.yaml")),
            Ok(SiteConfig::default())
        );
    }

    #[test]
    fn a_misspelt_key_is_an_error_with_a_suggestion() {
        let d =
            SiteConfig::parse("title: X\nbase_ulr: /x/\n", Path::new("p.yaml")).expect_err("typo");
        assert_eq!(
            d.to_string().lines().next(),
            Some("p.yaml:2:1: error: unknown key `base_ulr`")
        );
        assert!(d.help.is_some_and(|h| h.contains("`base_url`")));
    }
}
