//! A session file: the `---` front matter split from the Markdown body (with
//! the offsets that make YAML positions file positions), and its raw shape.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

use super::yaml::{self, Origin};
use crate::diag::{Diagnostic, Location};

/// Front matter exactly as written in a session file. Vocabulary values (SDGs,
/// action lines) are parsed here so that a bad one is reported at its position.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SessionFrontMatter {
    /// Session title (the one required key).
    pub title: Spanned<String>,
    /// URL slug; defaults to the file name.
    pub slug: Option<Spanned<String>>,
    /// An id in `data/events.yaml`, or a plain event name.
    pub event: Option<Spanned<String>>,
    /// Session type: roundtable, panel, workshop, outcome-document, keynote, …
    #[serde(rename = "type")]
    pub kind: Option<Spanned<String>>,
    /// Day of the session, YYYY-MM-DD.
    pub date: Option<Spanned<String>>,
    /// "10:00-10:45" or "10:00".
    pub time: Option<Spanned<String>>,
    /// "UTC+02:00", "+02:00", "UTC" or an IANA name such as "Europe/Zurich".
    pub timezone: Option<Spanned<String>>,
    /// Organizing bodies, as written.
    #[serde(default)]
    pub organizers: Vec<String>,
    /// Related links.
    #[serde(default)]
    pub links: Vec<LinkRecord>,
    /// Where in the venue: "Room K", "Popov Room, ITU Tower".
    pub room: Option<Spanned<String>>,
    /// The recording(s) of the session: a link, or a list of them.
    #[serde(default)]
    pub recording: Materials,
    /// Documents of the session (outcome document, report, …): a link or a list.
    #[serde(default)]
    pub documents: Materials,
    /// Presentation slides: a link or a list.
    #[serde(default)]
    pub slides: Materials,
    /// Moderators: a name, or a map with name, honorific, role, organization, country.
    #[serde(default)]
    pub moderators: Vec<Spanned<PersonRef>>,
    /// Speakers and panellists, same shape as moderators.
    #[serde(default)]
    pub speakers: Vec<Spanned<PersonRef>>,
    /// Free topics; case and spacing variants merge.
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    /// Sustainable Development Goals, as written ("4", "SDG 4", "Goal 4: …"). Read as
    /// text and parsed when the session is resolved, so that every bad value of a file
    /// is reported, not only the first (deserializing stops at its first error).
    #[serde(default)]
    pub sdgs: Vec<Spanned<String>>,
    /// WSIS Action Lines, as written ("C1", "C7 E-health", …); parsed like `sdgs`.
    #[serde(default)]
    pub action_lines: Vec<Spanned<String>>,
    /// One or two sentences for cards, feeds and search results.
    pub summary: Option<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Old addresses of the page (an old slug, or a path such as `/2019/old/`), which
    /// redirect to it.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

/// A link with a label.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LinkRecord {
    /// Text of the link.
    pub label: String,
    /// Target: a web address, `mailto:` or a site path, validated as it is read.
    pub url: Spanned<crate::url::Link>,
}

/// A recording, document or slides as written: a bare link, or a map with `url` and
/// optional `label` and `duration` ("1:32:10", "45 min", "PT1H32M").
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MaterialRecord {
    /// Target, validated as it is read.
    pub url: Spanned<crate::url::Link>,
    /// Text of the link; each kind has a default ("Recording", "Slides", …).
    pub label: Option<String>,
    /// How long it runs, as written; parsed when the session is resolved.
    pub duration: Option<Spanned<String>>,
}

/// `recording:`, `documents:` or `slides:`: one [`MaterialRecord`] or a list of them.
/// A hand-written visitor, as for [`PersonRef`], keeps the positions inside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Materials(pub Vec<MaterialRecord>);

impl<'de> Deserialize<'de> for Materials {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaterialsVisitor).map(Materials)
    }
}

/// One entry of a material list: a link or a map.
struct MaterialRef(MaterialRecord);

impl<'de> Deserialize<'de> for MaterialRef {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaterialVisitor).map(MaterialRef)
    }
}

struct MaterialsVisitor;

impl<'de> Visitor<'de> for MaterialsVisitor {
    type Value = Vec<MaterialRecord>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a link, a map with url, label and duration, or a list of them")
    }

    fn visit_str<E: de::Error>(self, url: &str) -> Result<Self::Value, E> {
        MaterialVisitor.visit_str(url).map(|m| vec![m])
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        MaterialVisitor.visit_map(map).map(|m| vec![m])
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(MaterialRef(m)) = seq.next_element()? {
            out.push(m);
        }
        Ok(out)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

struct MaterialVisitor;

impl<'de> Visitor<'de> for MaterialVisitor {
    type Value = MaterialRecord;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a link, or a map with url, label and duration")
    }

    fn visit_str<E: de::Error>(self, url: &str) -> Result<MaterialRecord, E> {
        let link = crate::url::Link::parse(url).map_err(E::custom)?;
        let unknown = serde_saphyr::Location::UNKNOWN;
        Ok(MaterialRecord {
            url: Spanned::new(link, unknown, unknown),
            label: None,
            duration: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MaterialRecord, A::Error> {
        MaterialRecord::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

/// One person as a session lists them.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// The person's id in `data/speakers.yaml` (`wang-wei-itu`): names one of several
    /// people who share a name. With an id, `name` may be left out.
    pub id: Option<Spanned<String>>,
    /// Full name; honorifics in it are recognised and moved out.
    #[serde(default)]
    pub name: String,
    /// "Ms.", "H.E.", "Prof. Dr.", …
    pub honorific: Option<String>,
    /// Role title in this session, e.g. "Minister of Information and Communication".
    pub role: Option<String>,
    /// Organization, as written.
    pub organization: Option<String>,
    /// Country, any accepted spelling; resolved later against the country registry.
    pub country: Option<Spanned<String>>,
}

/// A person as listed: a bare name or a map. A hand-written visitor keeps the
/// inner positions that `#[serde(untagged)]` would lose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRef(pub PersonEntry);

impl<'de> Deserialize<'de> for PersonRef {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PersonVisitor).map(PersonRef)
    }
}

struct PersonVisitor;

impl<'de> Visitor<'de> for PersonVisitor {
    type Value = PersonEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name, or a map with name, id, honorific, role, organization and country")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<PersonEntry, E> {
        Ok(PersonEntry {
            name: name.to_string(),
            ..PersonEntry::default()
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PersonEntry, A::Error> {
        PersonEntry::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

/// A session file split into its two parts.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// Where the YAML starts in the file.
    pub origin: Origin,
    /// The Markdown after the closing fence.
    pub body: &'a str,
}

/// Splits `---` front matter from the body. Accepts a BOM, CRLF line ends and
/// `...` as the closing fence.
pub(crate) fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text_after_bom = &text[bom..];
    if text_after_bom.trim().is_empty() {
        return Err(
            Diagnostic::error(file, Some(Location::START), "the file is empty").with_help(
                "a session starts with front matter: a line `---`, `title: …`, and a closing `---`",
            ),
        );
    }
    let first_end = text_after_bom
        .find('\n')
        .map_or(text_after_bom.len(), |i| i + 1);
    if text_after_bom[..first_end].trim_end() != "---" {
        return Err(Diagnostic::error(
            file,
            Some(Location::START),
            "no front matter: the file does not start with `---`",
        )
        .with_help("start the file with a line `---`, then `title: …`, then a closing `---`"));
    }
    let yaml_start = bom + first_end;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                origin: Origin {
                    lines: 1,
                    bytes: yaml_start,
                },
                body: &text[pos + line.len()..],
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error(
        file,
        Some(Location::START),
        "the front matter is not closed",
    )
    .with_help("add a line `---` after the last front-matter key, before the Markdown body"))
}

/// Parses the front matter of a split session file.
pub(crate) fn parse(split: &Split<'_>, file: &Path) -> Result<SessionFrontMatter, Diagnostic> {
    if split.yaml.trim().is_empty() {
        return Err(
            Diagnostic::error(file, Some(Location::START), "the front matter is empty")
                .with_help("add at least `title: …` between the `---` lines"),
        );
    }
    yaml::parse(split.yaml, file, split.origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Result<SessionFrontMatter, Diagnostic> {
        let file = Path::new("s.md");
        split(text, file).and_then(|s| parse(&s, file))
    }

    fn err_at(text: &str) -> (usize, usize, String) {
        let d = fm(text).expect_err("should fail");
        let l = d.location.expect("has a location");
        (l.line, l.column, d.message)
    }

    #[test]
    fn splits_with_bom_and_crlf() {
        let s = split(
            "\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n",
            Path::new("s.md"),
        )
        .expect("splits");
        assert_eq!(s.yaml, "title: x\r\n");
        assert_eq!(s.body, "body\r\n");
        assert_eq!(s.origin.bytes, 8);
        assert_eq!(
            fm("\u{feff}---\r\ntitle: x\r\n---\r\n")
                .expect("parses")
                .title
                .value,
            "x"
        );
    }

    #[test]
    fn sdgs_and_action_lines_are_read_as_written_with_their_positions() {
        // Parsing them is the model's (which reports every bad value of a file).
        let f = fm("---\ntitle: x\nsdgs: [4, 18]\naction_lines:\n  - C4\n  - C12\n---\n")
            .expect("parses");
        let values: Vec<&str> = f.sdgs.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, ["4", "18"]);
        assert_eq!(f.action_lines[1].value, "C12");
        assert_eq!(f.sdgs[1].referenced.line(), 2);
    }

    #[test]
    fn people_are_names_or_maps_with_positions() {
        let f =
            fm("---\ntitle: x\nspeakers:\n  - Ana Lima\n  - {name: Bo, country: Viet Nam}\n---\n")
                .expect("parses");
        assert_eq!(f.speakers[0].value.0.name, "Ana Lima");
        assert_eq!(f.speakers[1].referenced.line(), 4);
        let country = f.speakers[1].value.0.country.as_ref().expect("country");
        assert_eq!(
            (country.value.as_str(), country.referenced.line()),
            ("Viet Nam", 4)
        );
        let (line, _, msg) = err_at("---\ntitle: x\nspeakers:\n  - {name: Bo, org: X}\n---\n");
        assert_eq!(line, 4);
        assert!(msg.contains("org"), "{msg}");
    }

    #[test]
    fn missing_fences_and_empty_files_are_errors() {
        assert_eq!(err_at("").2, "the file is empty");
        assert!(err_at("title: x\n").2.starts_with("no front matter"));
        assert_eq!(
            err_at("---\ntitle: x\n").2,
            "the front matter is not closed"
        );
        assert_eq!(err_at("---\n---\n").2, "the front matter is empty");
        assert_eq!(
            err_at("---\nsummary: y\n---\n").2,
            "missing required key `title`"
        );
    }
}
