//! The optional registries in `data/`: events, speakers and country aliases,
//! as raw records. Resolving them against sessions is the model's job.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::front_matter::LinkRecord;

/// One entry of `data/events.yaml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// The id sessions use in `event:`; also the URL slug (`/events/<id>/`).
    pub id: Spanned<String>,
    /// Display name, e.g. "WSIS Forum 2024".
    pub name: String,
    /// First day, YYYY-MM-DD.
    pub start: Option<Spanned<String>>,
    /// Last day, YYYY-MM-DD.
    pub end: Option<Spanned<String>>,
    /// Where it took place ("Geneva, Switzerland", "Online").
    pub location: Option<String>,
    /// How people attended: `in-person`, `online` or `mixed` (guessed from
    /// `location` when absent: "Online …" or "Virtual …" is online).
    pub attendance: Option<Attendance>,
    /// The event's own web page.
    pub url: Option<crate::url::Link>,
    /// A paragraph of Markdown about the event.
    pub description: Option<String>,
}

/// How an event was attended (schema.org's `eventAttendanceMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attendance {
    /// At a place.
    InPerson,
    /// Online only.
    Online,
    /// At a place and online.
    Mixed,
}

/// One entry of `data/speakers.yaml`: merges name variants and adds a bio.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerRecord {
    /// URL slug for the speaker page; defaults to the slug of the name.
    pub id: Option<Spanned<String>>,
    /// The name to display.
    pub name: Spanned<String>,
    /// Other spellings that mean this person ("Nguyễn Mạnh Hùng", "H. Zhao").
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Honorific shown before the name when a session gives none.
    pub honorific: Option<String>,
    /// A paragraph of Markdown.
    pub bio: Option<String>,
    /// Photo URL or site path.
    pub photo: Option<Spanned<crate::url::Link>>,
    /// Links (personal page, organization page, …).
    #[serde(default)]
    pub links: Vec<LinkRecord>,
    /// ORCID iD, `0000-0002-1825-0097` (checked when the site is resolved).
    pub orcid: Option<Spanned<String>>,
    /// Wikidata item, `Q42`.
    pub wikidata: Option<Spanned<String>>,
    /// The person's organization: tells apart people who share a name, when a
    /// session names them by name and organization.
    pub organization: Option<String>,
    /// The person's country, any accepted spelling: tells apart people who share a
    /// name, as `organization` does.
    pub country: Option<Spanned<String>>,
    /// What the speakers A–Z sorts the person by, family name first ("Zhao Houlin"),
    /// when the rule of [`crate::index::family_first`] gets their name wrong.
    pub sort_name: Option<String>,
}

/// `data/countries.yaml`: extra spellings mapped to ISO codes ("Kosova": XK is not ISO; "Holland": NL).
pub type CountryAliasRecords = BTreeMap<String, Spanned<String>>;

/// One entry of `data/organizations.yaml`: an organization sessions name by its name,
/// acronym or an alias, with a page of its own.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationRecord {
    /// The page's slug (`/organizations/<id>/`): lower-case letters, digits, hyphens.
    pub id: Spanned<String>,
    /// The full name, e.g. "International Telecommunication Union".
    pub name: Spanned<String>,
    /// The short form sessions also write, e.g. "ITU".
    pub acronym: Option<Spanned<String>>,
    /// Other names that mean this organization ("Union internationale des télécommunications").
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Where it is based, any accepted spelling of a country.
    pub country: Option<Spanned<String>>,
    /// Its own web site.
    pub url: Option<crate::url::Link>,
    /// The `id` of the organization it is part of (a ministry's government, a
    /// bureau's union).
    pub parent: Option<Spanned<String>>,
}
