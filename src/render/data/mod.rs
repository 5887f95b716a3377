//! The data exports under `/data/`: the whole model as JSON for other sites and
//! researchers. One export per kind of thing (an index file and its parts),
//! cross-referenced by id (the same ids as
//! the URLs: `/speakers/<id>/` is the speaker whose `id` is `<id>`).
//!
//! The shape is a public contract, documented field by field in `docs/data.md`
//! and checked against it by `tests/it/data.rs`. Any change that removes or
//! retypes a field bumps [`SCHEMA_VERSION`]; adding a field does not.

use rayon::prelude::*;
use serde::Serialize;

use super::Output;
use super::views::Views;
use crate::error::BuildError;
use crate::model::{PersonId, SessionId};
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::write::Sink;

mod parts;

/// Version of the export format, written into every file as `schema_version`.
pub const SCHEMA_VERSION: u32 = 5;

/// Every file of `/data/`: the nine exports, each an index and its parts (schema 3,
/// [`parts`]), so that no file grows with the site. The sessions' bodies are an
/// export of their own (schema 4), apart from `sessions.json` (at 10 000 sessions it
/// held 100 MB with the bodies and 21 MB without), and in parts rather than a file
/// per session (schema 2), which took a 4 KiB block each on disk at least.
pub(crate) fn exports(views: &Views<'_>, sink: &dyn Sink) -> Result<(), BuildError> {
    let base_url = views.site.base.full();
    let link = |path: &str| views.url(path);
    let header = |name| parts::Header {
        name,
        base_url: &base_url,
        link: &link,
    };
    let limit = parts::PART_BYTES;
    let bodies: Vec<BodyRecord<'_>> = (views.site.sessions.iter())
        .map(|s| BodyRecord {
            id: s.slug.as_str(),
            body: &s.body,
        })
        .collect();
    let put = &mut |o: Output| sink.put(&o.path, &o.bytes);
    let placed = parts::split_into(&header("bodies"), &bodies, parts::BODY_PART_BYTES, put)?;
    let body_parts: Vec<String> = (1..=placed.last().copied().unwrap_or(0))
        .map(|n| views.url(&crate::routes::data_part("bodies", n)))
        .collect();
    let body_part = |i: usize| body_parts[placed[i] - 1].clone();
    let exports: [&(dyn Fn() -> Result<Vec<Output>, BuildError> + Sync); 8] = [
        &|| parts::split(&header("sessions"), &sessions(views, &body_part), limit),
        &|| parts::split(&header("speakers"), &speakers(views), limit),
        &|| parts::split(&header("countries"), &countries(views), limit),
        &|| parts::split(&header("sdgs"), &sdgs(views), limit),
        &|| parts::split(&header("action-lines"), &action_lines(views), limit),
        &|| parts::split(&header("events"), &events(views), limit),
        &|| parts::split(&header("topics"), &topics(views), limit),
        &|| parts::split(&header("organizations"), &organizations(views), limit),
    ];
    exports.par_iter().try_for_each(|export| {
        export()?
            .iter()
            .try_for_each(|o| sink.put(&o.path, &o.bytes))
    })
}

/// A session's Markdown body as written, in `bodies.json`.
#[derive(Serialize)]
struct BodyRecord<'a> {
    id: &'a str,
    body: &'a str,
}

#[derive(Serialize)]
struct SessionRecord<'a> {
    id: &'a str,
    url: String,
    title: &'a str,
    event: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    date: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    timezone: Option<&'a str>,
    organizers: &'a [String],
    links: Vec<LinkRecord<'a>>,
    participants: Vec<ParticipantRecord<'a>>,
    topics: Vec<&'a str>,
    sdgs: Vec<u8>,
    action_lines: Vec<String>,
    summary: Option<&'a str>,
    /// The part of `bodies.json` that holds the session's body.
    body_part: String,
    /// Left out when the session names none, as `materials` when it has none: most
    /// sessions have neither, and every byte here is paid per session.
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    materials: Vec<MaterialRecord<'a>>,
}

#[derive(Serialize)]
struct MaterialRecord<'a> {
    kind: crate::model::MaterialKind,
    label: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<String>,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    label: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct ParticipantRecord<'a> {
    speaker: &'a str,
    role: crate::model::Role,
    honorific: Option<&'a str>,
    title: Option<&'a str>,
    organization: Option<&'a str>,
    /// Left out when `organization` names no organization of the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    organization_id: Option<&'a str>,
    country: Option<&'static str>,
}

/// The sessions' records; `body_part(i)` is the part of `bodies.json` that holds the
/// body of the `i`-th.
fn sessions<'a>(views: &Views<'a>, body_part: &dyn Fn(usize) -> String) -> Vec<SessionRecord<'a>> {
    let site = views.site;
    (site.sessions.iter().enumerate())
        .map(|(i, s)| {
            // Every field named, so that a new one is a compile error here until the
            // export says what it does with it (`file` is the source's path: not exported;
            // the body is in `bodies.json`, made in `exports`; old URLs are redirects).
            let crate::model::Session {
                slug,
                file: _,
                title,
                event,
                kind,
                date,
                time,
                timezone,
                organizers,
                links,
                room,
                materials,
                participants,
                topics,
                sdgs,
                action_lines,
                summary,
                body: _,
                old_urls: _,
                organizer_ids: _,
            } = s;
            SessionRecord {
                id: slug.as_str(),
                url: views.session_url(s),
                title,
                event: event.map(|e| site.events[e.index()].slug.as_str()),
                kind: kind.as_ref().map(|k| k.slug()),
                date: date.map(|d| d.to_string()),
                start_time: time.map(|t| t.start.strftime("%H:%M").to_string()),
                end_time: time
                    .and_then(|t| t.end)
                    .map(|t| t.strftime("%H:%M").to_string()),
                timezone: timezone.as_deref(),
                organizers,
                links: links
                    .iter()
                    .map(|l| LinkRecord {
                        label: &l.label,
                        url: l.url.value.as_str(),
                    })
                    .collect(),
                participants: participants
                    .iter()
                    .map(|p| ParticipantRecord {
                        speaker: site.people[p.person.index()].slug.as_str(),
                        role: p.role,
                        honorific: p.honorific.as_deref(),
                        title: p.title.as_deref(),
                        organization: p.organization.as_deref(),
                        organization_id: (p.organization_id)
                            .map(|o| site.organizations.get(o).slug.as_str()),
                        country: p.country.map(Country::slug),
                    })
                    .collect(),
                topics: topics
                    .iter()
                    .map(|t| site.topics[t.index()].slug.as_str())
                    .collect(),
                sdgs: sdgs.iter().map(|g| g.number()).collect(),
                action_lines: action_lines.iter().map(|a| a.slug()).collect(),
                summary: summary.as_deref(),
                body_part: body_part(i),
                room: room.as_deref(),
                materials: (materials.iter())
                    .map(|m| MaterialRecord {
                        kind: m.kind,
                        label: &m.label,
                        url: m.url.as_str(),
                        duration: m.duration.map(|d| d.iso()),
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct SpeakerRecord<'a> {
    id: &'a str,
    url: String,
    name: &'a str,
    honorific: Option<&'a str>,
    bio: Option<&'a str>,
    photo: Option<String>,
    links: Vec<LinkRecord<'a>>,
    orcid: Option<&'a str>,
    wikidata: Option<&'a str>,
    titles: &'a [String],
    organizations: &'a [String],
    /// Left out when none is in the registry of organizations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organization_ids: Vec<&'a str>,
    countries: Vec<&'static str>,
}

fn speakers<'a>(views: &Views<'a>) -> Vec<SpeakerRecord<'a>> {
    let (site, index) = (views.site, views.index);
    index
        .speakers_az
        .iter()
        .map(|&id: &PersonId| {
            let (p, i) = (&site.people[id.index()], id.index());
            SpeakerRecord {
                id: p.slug.as_str(),
                url: views.person_url(p),
                name: &p.name,
                honorific: p.honorific.as_deref(),
                bio: p.bio.as_deref(),
                photo: p.photo.as_ref().map(|u| site.base.site_link(u)),
                links: p
                    .links
                    .iter()
                    .map(|l| LinkRecord {
                        label: &l.label,
                        url: l.url.value.as_str(),
                    })
                    .collect(),
                orcid: p.orcid.as_ref().map(|o| o.as_str()),
                wikidata: p.wikidata.as_ref().map(|w| w.as_str()),
                titles: &index.person_titles[i],
                organizations: &index.person_organizations[i],
                organization_ids: (index.person_organization_ids[i].iter())
                    .map(|&o| site.organizations.get(o).slug.as_str())
                    .collect(),
                countries: index.person_countries[i].iter().map(|c| c.slug()).collect(),
            }
        })
        .collect()
}

fn session_id<'a>(views: &Views<'a>, id: SessionId) -> &'a str {
    views.site.sessions[id.index()].slug.as_str()
}

fn session_ids<'a>(views: &Views<'a>, ids: &[SessionId]) -> Vec<&'a str> {
    ids.iter().map(|&s| session_id(views, s)).collect()
}

#[derive(Serialize)]
struct CountryRecord {
    id: &'static str,
    code: String,
    name: &'static str,
    url: String,
}

fn countries(views: &Views<'_>) -> Vec<CountryRecord> {
    views
        .index
        .by_country
        .keys()
        .map(|&c| CountryRecord {
            id: c.slug(),
            code: c.iso2().to_ascii_uppercase(),
            name: c.name(),
            url: views.country_url(c),
        })
        .collect()
}

#[derive(Serialize)]
struct SdgRecord {
    id: u8,
    url: String,
    short_name: &'static str,
    title: &'static str,
    colour: &'static str,
}

fn sdgs(views: &Views<'_>) -> Vec<SdgRecord> {
    Sdg::all()
        .map(|g| SdgRecord {
            id: g.number(),
            url: views.sdg_url(g),
            short_name: g.short_name(),
            title: g.title(),
            colour: g.colour(),
        })
        .collect()
}

#[derive(Serialize)]
struct ActionLineRecord {
    id: String,
    url: String,
    code: String,
    label: String,
    title: String,
    parent: Option<String>,
}

fn action_lines(views: &Views<'_>) -> Vec<ActionLineRecord> {
    ActionLine::all()
        .map(|a| ActionLineRecord {
            id: a.slug(),
            url: views.action_line_url(a),
            code: a.code(),
            label: a.label(),
            title: a.title(),
            parent: a.parent().map(ActionLine::slug),
        })
        .collect()
}

#[derive(Serialize)]
struct EventRecord<'a> {
    id: &'a str,
    url: String,
    name: &'a str,
    start: Option<String>,
    end: Option<String>,
    location: Option<&'a str>,
    website: Option<&'a str>,
    description: Option<&'a str>,
    calendar: Option<String>,
    sessions: Vec<&'a str>,
}

fn events<'a>(views: &Views<'a>) -> Vec<EventRecord<'a>> {
    (views.index.events_newest_first(views.site).into_iter())
        .map(|e| {
            (
                &views.site.events[e.index()],
                &views.index.by_event[e.index()],
            )
        })
        .map(|(e, sessions)| EventRecord {
            id: e.slug.as_str(),
            url: views.event_url(e),
            name: &e.name,
            start: e.start.map(|d| d.to_string()),
            end: e.end.map(|d| d.to_string()),
            location: e.location.as_deref(),
            website: e.url.as_ref().map(|u| u.as_str()),
            description: e.description.as_deref(),
            calendar: (views.site.any_dated(sessions))
                .then(|| views.url(&crate::routes::event_calendar(&e.slug))),
            sessions: session_ids(views, sessions),
        })
        .collect()
}

#[derive(Serialize)]
struct TopicRecord<'a> {
    id: &'a str,
    url: String,
    name: &'a str,
}

fn topics<'a>(views: &Views<'a>) -> Vec<TopicRecord<'a>> {
    views
        .index
        .topics_az
        .iter()
        .map(|t| {
            let topic = &views.site.topics[t.index()];
            TopicRecord {
                id: topic.slug.as_str(),
                url: views.topic_url(topic),
                name: &topic.name,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct OrganizationRecord<'a> {
    id: &'a str,
    url: String,
    name: &'a str,
    acronym: Option<&'a str>,
    aliases: &'a [String],
    country: Option<&'static str>,
    website: Option<&'a str>,
    parent: Option<&'a str>,
}

/// The organizations of `data/organizations.yaml`, in its order (none without it).
fn organizations<'a>(views: &Views<'a>) -> Vec<OrganizationRecord<'a>> {
    let orgs = &views.site.organizations;
    (orgs.all().iter())
        .map(|o| OrganizationRecord {
            id: o.slug.as_str(),
            url: views.organization_url(o),
            name: &o.name,
            acronym: o.acronym.as_deref(),
            aliases: &o.aliases,
            country: o.country.map(Country::slug),
            website: o.url.as_ref().map(|u| u.as_str()),
            parent: o.parent.map(|p| orgs.get(p).slug.as_str()),
        })
        .collect()
}
