//! How to cite a session: BibTeX, CSL-JSON (what Zotero, Pandoc and citeproc read)
//! and a plain-text reference, shown on the session page and written beside it as
//! `cite.bib` and `cite.json`; plus the Google Scholar / Highwire `citation_*` facts.
//!
//! Authors are the session's participants, moderators first. Names are kept whole
//! (braced in BibTeX, `literal` in CSL) because no rule splits "Phạm Minh Chính"
//! or "Houlin Zhao" into given and family names correctly for every culture.

use serde::Serialize;

use super::Output;
use super::bidi::isolated;
use super::views::Views;
use crate::model::Session;

/// Authors named in the plain-text reference before "et al.".
const PLAIN_AUTHORS: usize = 3;

/// A session's citation in every format, for the session page (`cite`).
#[derive(Clone, Debug, Serialize)]
pub struct CitationView {
    /// "Zhao, H., … (2024). Title. In Event. URL".
    pub text: String,
    /// A BibTeX entry.
    pub bibtex: String,
    /// CSL-JSON (an array with one item), pretty-printed.
    pub csl_json: String,
    /// `cite.bib` beside the page.
    pub bib_url: String,
    /// `cite.json` beside the page.
    pub json_url: String,
    /// Facts for `<meta name="citation_…">` tags.
    pub meta: ScholarMeta,
}

/// The Highwire Press tags Google Scholar reads.
#[derive(Clone, Debug, Serialize)]
pub struct ScholarMeta {
    /// citation_title.
    pub title: String,
    /// citation_author, one tag each.
    pub authors: Vec<String>,
    /// citation_publication_date, "2024/05/30" (or "2024").
    pub date: Option<String>,
    /// citation_conference_title.
    pub conference: Option<String>,
    /// citation_publisher: the site's title.
    pub publisher: String,
    /// citation_abstract_html_url: the page's absolute URL, when the site has a host.
    pub url: Option<String>,
}

/// Everything a citation is made of, gathered once.
struct Facts<'a> {
    id: &'a str,
    title: &'a str,
    authors: Vec<&'a str>,
    /// Each author's ORCID iD as a URL, beside `authors`.
    orcids: Vec<Option<String>>,
    organizers: &'a [String],
    event: Option<&'a str>,
    location: Option<&'a str>,
    date: Option<jiff::civil::Date>,
    url: String,
    summary: Option<&'a str>,
    publisher: &'a str,
}

fn facts<'a>(views: &Views<'a>, s: &'a Session) -> Facts<'a> {
    let site = views.site;
    let event = s.event.map(|e| &site.events[e.index()]);
    Facts {
        id: s.slug.as_str(),
        title: &s.title,
        authors: s
            .participants
            .iter()
            .map(|p| site.people[p.person.index()].name.as_str())
            .collect(),
        orcids: (s.participants.iter())
            .map(|p| {
                site.people[p.person.index()]
                    .orcid
                    .as_ref()
                    .map(|o| o.url())
            })
            .collect(),
        organizers: &s.organizers,
        event: event.map(|e| e.name.as_str()),
        location: event.and_then(|e| e.location.as_deref()),
        date: s.date,
        url: site.base.absolute(&crate::routes::session(&s.slug)),
        summary: s.summary.as_deref(),
        publisher: &site.config.title,
    }
}

/// The citation of a session in every format.
pub fn citation(views: &Views<'_>, s: &Session) -> CitationView {
    let f = facts(views, s);
    CitationView {
        text: plain(&f),
        bibtex: bibtex(&f),
        csl_json: serde_json::to_string_pretty(&[csl(&f)]).unwrap_or_default(),
        bib_url: views.url(&crate::routes::cite_bib(&s.slug)),
        json_url: views.url(&crate::routes::cite_json(&s.slug)),
        meta: ScholarMeta {
            title: s.title.clone(),
            authors: creators(&f).iter().map(|a| (*a).to_string()).collect(),
            date: f.date.map(|d| d.strftime("%Y/%m/%d").to_string()),
            conference: f.event.map(str::to_string),
            publisher: f.publisher.to_string(),
            url: views.site.base.has_origin().then(|| f.url.clone()),
        },
    }
}

/// `cite.bib` and `cite.json` of every session.
pub(crate) fn files(views: &Views<'_>, s: &Session) -> [Output; 2] {
    let f = facts(views, s);
    [
        Output {
            path: crate::routes::cite_bib(&s.slug),
            bytes: bibtex(&f).into_bytes(),
        },
        Output {
            path: crate::routes::cite_json(&s.slug),
            bytes: serde_json::to_vec_pretty(&[csl(&f)]).unwrap_or_default(),
        },
    ]
}

/// The names that stand as authors: participants, else the organizers.
fn creators<'a>(f: &'a Facts<'_>) -> Vec<&'a str> {
    if f.authors.is_empty() {
        f.organizers.iter().map(String::as_str).collect()
    } else {
        f.authors.clone()
    }
}

fn plain(f: &Facts<'_>) -> String {
    let names: Vec<std::borrow::Cow<'_, str>> = creators(f).into_iter().map(isolated).collect();
    let mut out = String::new();
    if !names.is_empty() {
        let shown = &names[..names.len().min(PLAIN_AUTHORS)];
        out.push_str(&shown.join(", "));
        if names.len() > PLAIN_AUTHORS {
            out.push_str(", et al.");
        }
        out.push(' ');
    }
    match f.date {
        Some(d) => out.push_str(&format!("({}). ", d.year())),
        None => out.push_str("(n.d.). "),
    }
    // A title that ends in its own punctuation ("What is AI?") gets no extra period.
    out.push_str(&isolated(f.title.trim_end_matches('.')));
    if !f.title.ends_with(['?', '!']) {
        out.push('.');
    }
    out.push(' ');
    let mut place: Vec<String> = Vec::new();
    if let Some(e) = f.event {
        place.push(format!("In {}", isolated(e)));
    }
    if let Some(l) = f.location {
        place.push(l.to_string());
    }
    if let Some(d) = f.date {
        place.push(super::views::human_date(d));
    }
    if !place.is_empty() {
        out.push_str(&place.join(", "));
        out.push_str(". ");
    }
    out.push_str(f.publisher);
    out.push_str(". ");
    out.push_str(&f.url);
    out
}

/// Escapes text for a braced BibTeX value: LaTeX specials get backslashes and
/// braces stay balanced, so no title can end the field or the entry early.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            // Not `\{`: BibTeX counts braces even after a backslash, so an escaped
            // brace would still end the field. These commands have balanced braces.
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The BibTeX entry type of a session. `@inproceedings` requires author, title,
/// booktitle and year (BibTeX's standard styles warn and pybtex refuses to format
/// without them), so a session that lacks people or a date is a `@misc`, whose
/// fields are all optional.
fn bibtex_kind(f: &Facts<'_>) -> &'static str {
    if f.event.is_some() && f.date.is_some() && !creators(f).is_empty() {
        "inproceedings"
    } else {
        "misc"
    }
}

fn bibtex(f: &Facts<'_>) -> String {
    let kind = bibtex_kind(f);
    let mut fields: Vec<(&str, String)> = Vec::new();
    let names = creators(f);
    if !names.is_empty() {
        // Double braces keep each name whole: BibTeX would otherwise guess a surname.
        let joined: Vec<String> = names.iter().map(|n| format!("{{{}}}", tex(n))).collect();
        fields.push(("author", joined.join(" and ")));
    } else {
        // With no author, BibTeX's styles sort and label by `key` ("to sort, need
        // author or key" otherwise); the site stands as the responsible organization.
        fields.push(("key", tex(f.event.unwrap_or(f.publisher))));
        fields.push(("organization", tex(f.publisher)));
    }
    fields.push(("title", format!("{{{}}}", tex(f.title))));
    if let Some(e) = f.event {
        // `@misc` has no booktitle: the event is where it was "published".
        let field = if kind == "misc" {
            "howpublished"
        } else {
            "booktitle"
        };
        fields.push((field, tex(e)));
    }
    if let Some(d) = f.date {
        fields.push(("year", d.year().to_string()));
        fields.push(("month", d.strftime("%b").to_string().to_lowercase()));
        fields.push(("date", d.to_string()));
    }
    if let Some(l) = f.location {
        fields.push(("address", tex(l)));
    }
    fields.push(("publisher", tex(f.publisher)));
    fields.push(("url", f.url.clone()));
    if let Some(s) = f.summary {
        fields.push(("abstract", tex(s)));
    }
    let mut out = format!("@{kind}{{{},\n", f.id);
    for (name, value) in fields {
        // `month` takes a macro (jan, feb, …) unbraced; everything else is braced.
        if name == "month" {
            out.push_str(&format!("  {name} = {value},\n"));
        } else {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
    }
    out.push_str("}\n");
    out
}

/// One CSL-JSON item (the Citation Style Language's input format).
#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName<'a>>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(rename = "event-title", skip_serializing_if = "Option::is_none")]
    event_title: Option<&'a str>,
    #[serde(rename = "event-place", skip_serializing_if = "Option::is_none")]
    event_place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    publisher: &'a str,
    #[serde(rename = "URL")]
    url: &'a str,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct CslName<'a> {
    literal: &'a str,
    /// CSL 1.0 has no ORCID field for names: an extra key, which processors ignore.
    #[serde(rename = "ORCID", skip_serializing_if = "Option::is_none")]
    orcid: Option<&'a str>,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [[i16; 3]; 1],
}

fn csl<'a>(f: &'a Facts<'a>) -> CslItem<'a> {
    CslItem {
        id: f.id,
        kind: if f.event.is_some() {
            "paper-conference"
        } else {
            "speech"
        },
        title: f.title,
        author: (creators(f).into_iter().enumerate())
            .map(|(i, literal)| CslName {
                literal,
                orcid: f.orcids.get(i).and_then(|o| o.as_deref()),
            })
            .collect(),
        container_title: f.event,
        event_title: f.event,
        event_place: f.location,
        issued: f.date.map(|d| CslDate {
            date_parts: [[d.year(), i16::from(d.month()), i16::from(d.day())]],
        }),
        publisher: f.publisher,
        url: &f.url,
        summary: f.summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(authors: Vec<&'a str>, event: Option<&'a str>, dated: bool) -> Facts<'a> {
        Facts {
            id: "x",
            title: "A title",
            orcids: vec![None; authors.len()],
            authors,
            organizers: &[],
            event,
            location: None,
            date: dated.then(|| jiff::civil::date(2024, 5, 30)),
            url: "https://example.org/sessions/x/".into(),
            summary: None,
            publisher: "Site",
        }
    }

    /// The fields a BibTeX entry has, by name.
    fn field_names(entry: &str) -> Vec<&str> {
        entry
            .lines()
            .filter_map(|l| l.trim().split_once(" = ").map(|(n, _)| n))
            .collect()
    }

    #[test]
    fn every_entry_has_what_its_type_requires() {
        // BibTeX's standard styles: @inproceedings needs author, title, booktitle and
        // year; any entry needs author or key to sort.
        for authors in [vec![], vec!["Ana Lima"]] {
            for event in [None, Some("Forum")] {
                for dated in [false, true] {
                    let entry = bibtex(&facts(authors.clone(), event, dated));
                    let names = field_names(&entry);
                    let has = |n: &str| names.contains(&n);
                    assert!(has("author") || has("key"), "{entry}");
                    if entry.starts_with("@inproceedings") {
                        for n in ["author", "title", "booktitle", "year"] {
                            assert!(has(n), "{n} missing:\n{entry}");
                        }
                    } else {
                        assert!(entry.starts_with("@misc"), "{entry}");
                        assert!(!has("booktitle"), "{entry}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_session_without_people_is_misc_with_a_key_and_the_site_as_organization() {
        let entry = bibtex(&facts(vec![], Some("Forum"), true));
        assert!(entry.starts_with("@misc{x,"), "{entry}");
        assert!(entry.contains("  key = {Forum},\n"), "{entry}");
        assert!(entry.contains("  organization = {Site},\n"), "{entry}");
        assert!(entry.contains("  howpublished = {Forum},\n"), "{entry}");
        assert!(!entry.contains("author"), "{entry}");
        let full = bibtex(&facts(vec!["Ana Lima"], Some("Forum"), true));
        assert!(full.starts_with("@inproceedings{x,"), "{full}");
        assert!(full.contains("  booktitle = {Forum},\n"), "{full}");
    }

    #[test]
    fn right_to_left_names_and_overrides_are_isolated_in_the_plain_reference() {
        let mut f = facts(vec!["\u{5d0}\u{5d1} \u{202e}evil", "Ana Lima"], None, true);
        f.title = "Plain title";
        let text = plain(&f);
        assert!(
            text.starts_with(
                "\u{2068}\u{5d0}\u{5d1} \u{202e}evil\u{2069}, Ana Lima (2024). Plain title."
            ),
            "{text:?}"
        );
        // Left-to-right text gets no invisible characters.
        let ltr = plain(&facts(vec!["Ana Lima"], Some("Forum"), true));
        assert!(!ltr.chars().any(crate::render::bidi::is_bidi), "{ltr:?}");
    }

    #[test]
    fn tex_escapes_specials_and_keeps_braces_balanced() {
        assert_eq!(tex("R&D 100% $5 #1 a_b"), "R\\&D 100\\% \\$5 \\#1 a\\_b");
        // No brace survives, so the text cannot close the field or the entry.
        let hostile = tex("}}, evil = {x");
        assert_eq!(
            hostile,
            "\\textbraceright{}\\textbraceright{}, evil = \\textbraceleft{}x"
        );
        let depth = hostile.chars().try_fold(0i32, |d, c| {
            let d = d + i32::from(c == '{') - i32::from(c == '}');
            (d >= 0).then_some(d)
        });
        assert_eq!(depth, Some(0), "braces stay balanced at every point");
        assert_eq!(
            tex("a\\b ~^"),
            "a\\textbackslash{}b \\textasciitilde{}\\textasciicircum{}"
        );
    }
}
