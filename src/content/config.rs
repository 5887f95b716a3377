//! `proceedings.yaml`: the site's configuration, strict about unknown keys.

use std::path::Path;

use serde::{Deserialize, Deserializer, de};

use crate::content::yaml;
use crate::diag::{Diagnostic, HELP_SEPARATOR};
use crate::url::{BaseUrl, EditUrl};

/// The site configuration as written in `proceedings.yaml`. Every key is optional.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    /// Site title, shown in the header and the feed.
    pub title: String,
    /// One sentence for the home page, feeds and meta description.
    pub description: Option<String>,
    /// Where the site is published, e.g. `https://org.github.io/repo/`. A sub-path is honoured everywhere.
    pub base_url: BaseUrl,
    /// Language of the content (a well-formed BCP 47 tag), for `<html lang>` and the feed.
    #[serde(deserialize_with = "language_tag")]
    pub language: String,
    /// Theme name: "default" (embedded) or a folder `themes/NAME/` in the site.
    #[serde(deserialize_with = "theme_name")]
    pub theme: String,
    /// Sessions per page on event, speaker, country, SDG, action-line and topic pages (at least 1).
    #[serde(deserialize_with = "at_least_one")]
    pub sessions_per_page: usize,
    /// Sessions listed under "Latest sessions" on the home page.
    pub latest_sessions: usize,
    /// How Markdown bodies are rendered.
    pub markdown: MarkdownConfig,
    /// Where a reader suggests a fix: an address with `{path}`, the page's source file
    /// in the site folder (`https://github.com/ORG/REPO/edit/main/{path}`).
    pub edit_url: Option<EditUrl>,
    /// Whether each event gets its proceedings book, `/events/<id>/book/`.
    pub book: Book,
}

/// The `book:` key: which proceedings books the build writes. Off unless asked for:
/// a book repeats every body of its event, so it adds about a fifth to a site's bytes
/// and build time, and an event of thousands of sessions makes a page of tens of MB.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Book {
    /// No book.
    #[default]
    None,
    /// One HTML page per event, for reading through and for print.
    Html,
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
            base_url: BaseUrl::default(),
            language: "en".to_string(),
            theme: "default".to_string(),
            sessions_per_page: 50,
            latest_sessions: 12,
            markdown: MarkdownConfig::default(),
            edit_url: None,
            book: Book::None,
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
        yaml::parse(text, file, origin)
    }
}

/// A serde error with its help, split again by the YAML reader.
fn invalid<E: de::Error>(message: String, help: &str) -> E {
    E::custom(format!("{message}{HELP_SEPARATOR}{help}"))
}

fn language_tag<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let tag = String::deserialize(d)?;
    if is_well_formed_bcp47(&tag) {
        Ok(tag)
    } else {
        Err(invalid(
            format!("`{}` is not a language tag", tag.escape_debug()),
            "write a BCP 47 tag such as en, fr, ar, zh-Hans, es-419 or pt-BR",
        ))
    }
}

fn theme_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let name = String::deserialize(d)?;
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(name)
    } else {
        Err(invalid(
            format!("`{}` is not a theme name", name.escape_debug()),
            "write `default`, or the name of a folder in themes/ (letters, digits, - and _ only)",
        ))
    }
}

fn at_least_one<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    match usize::deserialize(d)? {
        0 => Err(invalid(
            "`sessions_per_page` must be at least 1".to_string(),
            "write a number of sessions per page such as 50",
        )),
        n => Ok(n),
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646, section 2.1):
/// language (with extended subtags), script, region, variants, extensions and a
/// private-use part, in that order; or a private-use tag alone (`x-…`). The
/// language must have two or three letters: the registry holds no longer ones, so
/// "english" is a mistake rather than a tag.
pub(crate) fn is_well_formed_bcp47(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let mut i = 0;
    let private = |i: usize| parts.len() > i + 1 && parts[i + 1..].iter().all(|p| alnum(p, 1, 8));
    if parts[0].eq_ignore_ascii_case("x") {
        return private(0);
    }
    if !alpha(parts[0], 2, 3) {
        return false;
    }
    i += 1;
    // Up to three extended language subtags.
    let mut ext = 0;
    while i < parts.len() && ext < 3 && alpha(parts[i], 3, 3) {
        i += 1;
        ext += 1;
    }
    if i < parts.len() && alpha(parts[i], 4, 4) {
        i += 1;
    }
    let region =
        |s: &str| alpha(s, 2, 2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()));
    if i < parts.len() && region(parts[i]) {
        i += 1;
    }
    let variant = |s: &str| {
        alnum(s, 5, 8) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit() && alnum(s, 4, 4))
    };
    while i < parts.len() && variant(parts[i]) {
        i += 1;
    }
    while i < parts.len() && parts[i].len() == 1 && !parts[i].eq_ignore_ascii_case("x") {
        if !alnum(parts[i], 1, 1) {
            return false;
        }
        let start = i + 1;
        i = start;
        while i < parts.len() && alnum(parts[i], 2, 8) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i < parts.len() && parts[i].eq_ignore_ascii_case("x") {
        return private(i);
    }
    i == parts.len()
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
    fn language_tags_are_checked_for_form() {
        for ok in [
            "en",
            "fr",
            "ar",
            "zh-Hans",
            "zh-Hant-TW",
            "es-419",
            "pt-BR",
            "sr-Latn-RS",
            "de-CH-1996",
            "en-US-x-twain",
            "x-private",
            "zh-yue-HK",
            "en-a-bbb-x-a-ccc",
        ] {
            assert!(is_well_formed_bcp47(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english language",
            "english",
            "en_US",
            "en-",
            "-en",
            "en--US",
            "123",
            "en-a",
            "x",
            "fr-FR-x",
        ] {
            assert!(!is_well_formed_bcp47(bad), "{bad}");
        }
    }

    #[test]
    fn bad_values_are_errors_at_their_position_with_help() {
        for (text, line_col) in [
            ("title: X\nsessions_per_page: 0\n", (2, 20)),
            ("language: english\n", (1, 11)),
            ("theme: ../../etc\n", (1, 8)),
            ("base_url: \"javascript:alert(1)//\"\n", (1, 11)),
            ("base_url: example.org/repo\n", (1, 11)),
            (
                "title: X\nedit_url: \"https://github.com/o/r/edit/main/\"\n",
                (2, 11),
            ),
            ("edit_url: ftp://example.org/{path}\n", (1, 11)),
        ] {
            let d = SiteConfig::parse(text, Path::new("p.yaml")).expect_err(text);
            assert_eq!(
                d.location.map(|l| (l.line, l.column)),
                Some(line_col),
                "{text}: {d}"
            );
            assert!(d.help.is_some(), "{text}");
        }
    }

    #[test]
    fn the_book_is_off_unless_asked_for() {
        let parse = |t: &str| SiteConfig::parse(t, Path::new("p.yaml"));
        assert_eq!(parse("title: X\n").expect("valid").book, Book::None);
        assert_eq!(parse("book: html\n").expect("valid").book, Book::Html);
        let d = parse("title: X\nbook: epub\n").expect_err("no such book");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((2, 7)), "{d}");
    }

    #[test]
    fn an_edit_url_is_kept_as_a_pattern() {
        let c = SiteConfig::parse(
            "edit_url: \"https://github.com/o/r/edit/main/{path}\"\n",
            Path::new("p.yaml"),
        )
        .expect("valid");
        assert_eq!(
            c.edit_url.map(|e| e.of("sessions/a.md")),
            Some("https://github.com/o/r/edit/main/sessions/a.md".to_string())
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
