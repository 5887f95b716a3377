//! The people of `data/speakers.yaml`, checked and added before any session names them.

use std::path::Path;

use serde_saphyr::Spanned;

use super::old_urls;
use super::person::{Clash, Marks, PeopleBuilder, parse_name};
use super::{Orcid, Person, Wikidata, locate};
use crate::content::{Sources, SpeakerRecord};
use crate::diag::{Diagnostic, Diagnostics};
use crate::routes::Section;
use crate::taxonomy::{Country, CountryAliases};
use crate::url::{Link, Slug};

/// A speaker's photo: any link but a mail address (validated as it was read).
fn photo(file: &Path, rec: &SpeakerRecord, diags: &mut Diagnostics) -> Option<Link> {
    let photo = rec.photo.as_ref()?;
    if photo.value.is_mailto() {
        diags.push(
            Diagnostic::error(
                file,
                locate(photo),
                format!("the photo `{}` is a mail address", photo.value),
            )
            .with_help(
                "write the address of an image (https://…) or its path in the site (img/name.jpg)",
            ),
        );
        return None;
    }
    Some(photo.value.clone())
}

/// A registry person's `orcid:`, checked; a bad one is an error at its position.
fn orcid(file: &Path, rec: &SpeakerRecord, diags: &mut Diagnostics) -> Option<Orcid> {
    let written = rec.orcid.as_ref()?;
    Orcid::parse(&written.value)
        .map_err(|e| {
            let d = Diagnostic::error(file, locate(written), format!("`{}` {e}", written.value));
            diags.push(d.with_help(
                "copy the iD from the person's ORCID record, e.g. `orcid: 0000-0002-1825-0097`",
            ));
        })
        .ok()
}

/// A registry person's `wikidata:`, checked.
fn wikidata(file: &Path, rec: &SpeakerRecord, diags: &mut Diagnostics) -> Option<Wikidata> {
    let written = rec.wikidata.as_ref()?;
    let parsed = Wikidata::parse(&written.value);
    if parsed.is_none() {
        let d = Diagnostic::error(
            file,
            locate(written),
            format!("`{}` is not a Wikidata item id", written.value),
        );
        diags.push(d.with_help("write the item's Q-number, e.g. `wikidata: Q42`"));
    }
    parsed
}

/// Adds the people of `data/speakers.yaml`, with their aliases.
pub(super) fn register_speakers(
    sources: &Sources,
    countries: &CountryAliases,
    organizations: &super::Organizations,
    people: &mut PeopleBuilder,
    diags: &mut Diagnostics,
) {
    let file = &sources.speakers_file;
    for rec in &sources.speakers {
        let parsed = parse_name(&rec.name.value);
        let slug = match &rec.id {
            Some(id) => Slug::parse_exact(&id.value).ok_or_else(|| {
                Diagnostic::error(
                    file,
                    locate(id),
                    format!("`{}` is not a valid speaker id", id.value),
                )
                .with_help("ids are lower-case letters, digits and hyphens, e.g. `houlin-zhao`")
            }),
            None => Slug::from_text(&parsed.name).ok_or_else(|| {
                Diagnostic::error(file, locate(&rec.name), "the speaker's name is empty")
                    .with_help("write the person's full name")
            }),
        };
        let slug = match slug {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let mut person = Person {
            slug,
            name: parsed.name,
            honorific: rec.honorific.clone().or(parsed.honorific),
            bio: rec.bio.clone(),
            photo: photo(file, rec, diags),
            links: rec.links.clone(),
            orcid: orcid(file, rec, diags),
            wikidata: wikidata(file, rec, diags),
            namesakes: Vec::new(),
            old_urls: Vec::new(),
            organization: (rec.organization.as_deref()).and_then(|o| organizations.find(o)),
            registered: true,
            sort_name: (rec.sort_name.as_deref())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        };
        let marks = Marks {
            own_id: rec.id.is_some(),
            organization: (rec.organization.as_deref())
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string),
            country: country(file, rec.country.as_ref(), countries, diags),
        };
        // An alias starting with `/` is an old path of the page; any other is a spelling.
        let (paths, spellings): (Vec<_>, Vec<_>) =
            (rec.aliases.iter()).partition(|a| a.value.trim_start().starts_with('/'));
        let aliases: Vec<String> = spellings.iter().map(|a| a.value.clone()).collect();
        let paths: Vec<Spanned<String>> = paths.into_iter().cloned().collect();
        let mut old = old_urls::written(&paths, Section::Speakers, file, locate, diags);
        old.extend(old_urls::spellings(
            &person.slug,
            std::iter::once(rec.name.value.as_str()).chain(aliases.iter().map(String::as_str)),
        ));
        person.old_urls = old;
        match people.add_registered(person, &aliases, marks) {
            Ok(_) => {}
            Err(Clash::Name(n)) => diags.push(
                Diagnostic::error(
                    file,
                    locate(&rec.name),
                    format!("the name or alias `{n}` is already used by another speaker"),
                )
                .with_help("merge the two entries if they are one person; if they are two people with one name, give each an `id:` of its own (and an `organization:` or `country:` that tells them apart)"),
            ),
            Err(Clash::Slug(s)) => diags.push(
                Diagnostic::error(
                    file,
                    locate(&rec.name),
                    format!("the speaker id `{s}` is used twice"),
                )
                .with_help("give one of them a different `id:`"),
            ),
        }
    }
}

/// A registry entry's `country:` (a person's, an organization's), resolved; an
/// unknown one is a warning, as in sessions.
pub(super) fn country(
    file: &Path,
    written: Option<&Spanned<String>>,
    countries: &CountryAliases,
    diags: &mut Diagnostics,
) -> Option<Country> {
    let written = written?;
    countries
        .resolve(&written.value)
        .map_err(|e| {
            let help = match e.suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => "use the country's ISO 3166 or UN name, or map this spelling in data/countries.yaml".to_string(),
            };
            let message = format!("unknown country `{}`: it is left out", written.value);
            diags.push(Diagnostic::warning(file, locate(written), message).with_help(help));
        })
        .ok()
}
