//! The template contract: serialisable views of the model, one per thing a
//! template shows. Every URL in a view is root-absolute and includes the base path.
//! `docs/` and the snapshot tests describe these fields for theme authors.

use crate::{photos, routes};
use serde::Serialize;

use crate::index::Index;
use crate::model::{Event, Participation, Person, Session, Site, Topic};
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// A link: text and URL.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct LinkView {
    /// Link text.
    pub label: String,
    /// Target.
    pub url: String,
}

impl LinkView {
    /// A link a user wrote, a site path under the base path.
    pub(crate) fn of(l: &crate::content::LinkRecord, base: &crate::url::BaseUrl) -> LinkView {
        LinkView {
            label: l.label.clone(),
            url: base.site_link(&l.url.value),
        }
    }

    /// A link to another site, made by us (an identifier's record).
    fn external(label: &str, url: String) -> LinkView {
        LinkView {
            label: label.to_string(),
            url,
        }
    }
}

/// A term with a count, for index pages and tag lists.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct TermView {
    /// Display name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Number of sessions (or shared sessions, for co-speakers).
    pub count: usize,
}

/// An SDG with its official data.
#[derive(Clone, Debug, Serialize)]
pub struct SdgView {
    /// 1..=17.
    pub number: u8,
    /// "Quality Education".
    pub short_name: &'static str,
    /// Official title.
    pub title: &'static str,
    /// "#C5192D".
    pub colour: &'static str,
    /// Whether the colour needs dark text for contrast.
    pub dark_text: bool,
    /// Its page.
    pub url: String,
    /// Sessions tagged with it; left out where a session lists its own goals, so a
    /// session's page does not change when another session is tagged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

/// An action line.
#[derive(Clone, Debug, Serialize)]
pub struct ActionLineView {
    /// "C7 E-health".
    pub label: String,
    /// "C7".
    pub code: String,
    /// Official title.
    pub title: String,
    /// Its page.
    pub url: String,
    /// Sessions tagged with it (for C7: with it or any sub-line); left out where a
    /// session lists its own action lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// Sub-lines (C7 only).
    pub children: Vec<ActionLineView>,
}

/// A person as one session lists them.
#[derive(Clone, Debug, Serialize)]
pub struct ParticipantView {
    /// Name without honorific.
    pub name: String,
    /// "Prof. Dr.", when given.
    pub honorific: Option<String>,
    /// Speaker page.
    pub url: String,
    /// Role title in this session.
    pub title: Option<String>,
    /// Organization in this session.
    pub organization: Option<String>,
    /// That organization's page, when `data/organizations.yaml` knows it.
    pub organization_url: Option<String>,
    /// Country in this session.
    pub country: Option<LinkView>,
    /// "Moderator" or "Speaker".
    pub role: &'static str,
}

/// Everything a session page or card shows.
#[derive(Clone, Debug, Serialize)]
pub struct SessionView {
    /// Title.
    pub title: String,
    /// Its page.
    pub url: String,
    /// The event.
    pub event: Option<LinkView>,
    /// Type label ("Outcome document").
    pub kind: Option<String>,
    /// "2024-05-30".
    pub date_iso: Option<String>,
    /// "30 May 2024".
    pub date: Option<String>,
    /// "10:00–10:45".
    pub time: Option<String>,
    /// "UTC+02:00".
    pub timezone: Option<String>,
    /// Organizers.
    pub organizers: Vec<String>,
    /// Related links.
    pub links: Vec<LinkView>,
    /// Room.
    pub room: Option<String>,
    /// Recordings, documents and slides.
    pub materials: Vec<MaterialView>,
    /// Moderators.
    pub moderators: Vec<ParticipantView>,
    /// Speakers.
    pub speakers: Vec<ParticipantView>,
    /// Countries of the participants, A–Z.
    pub countries: Vec<LinkView>,
    /// Topics.
    pub topics: Vec<LinkView>,
    /// SDGs.
    pub sdgs: Vec<SdgView>,
    /// Action lines.
    pub action_lines: Vec<ActionLineView>,
    /// Summary.
    pub summary: Option<String>,
}

/// A recording, document or slides: a link with what it is.
#[derive(Clone, Debug, Serialize)]
pub struct MaterialView {
    /// "recording", "document" or "slides".
    pub kind: crate::model::MaterialKind,
    /// Link text.
    pub label: String,
    /// Target.
    pub url: String,
    /// "YouTube", "UN Web TV".
    pub provider: Option<&'static str>,
    /// "1 h 32 min".
    pub duration: Option<String>,
}

/// A related session on a session page, with what it shares.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct RelatedView {
    /// Its title.
    pub title: String,
    /// Its page.
    pub url: String,
    /// "30 May 2024".
    pub date: Option<String>,
    /// What both sessions have: names of people, topics and the event, "SDG 4", "C7".
    pub shared: Vec<String>,
}

/// Builds URLs and views for one site.
pub struct Views<'a> {
    /// The site.
    pub site: &'a Site,
    /// Its index.
    pub index: &'a Index,
    /// The theme's ids, which Markdown rendered here keeps clear of.
    pub theme_ids: &'a super::markdown::ThemeIds,
}

/// "30 May 2024".
pub fn human_date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// "20–22 October 2020": a range of days written once where day, month or year repeat
/// ("30 September – 2 October 2020", "30 December 2020 – 2 January 2021"); one day
/// when there is no end or it is the start.
pub fn date_range(start: jiff::civil::Date, end: Option<jiff::civil::Date>) -> String {
    match end {
        Some(end) if end > start => {
            if (start.year(), start.month()) == (end.year(), end.month()) {
                format!("{}\u{2013}{}", start.day(), human_date(end))
            } else if start.year() == end.year() {
                format!("{} \u{2013} {}", start.strftime("%-d %B"), human_date(end))
            } else {
                format!("{} \u{2013} {}", human_date(start), human_date(end))
            }
        }
        _ => human_date(start),
    }
}

impl<'a> Views<'a> {
    /// Markdown to HTML with this site's options.
    pub fn markdown(&self, md: &str) -> String {
        self.markdown_in(md, None)
    }

    /// [`Views::markdown`] of a body that is one part of a longer page: its ids start
    /// with `prefix` and its headings go one level further down.
    pub fn markdown_part(&self, md: &str, prefix: &str) -> String {
        self.markdown_in(md, Some(prefix))
    }

    fn markdown_in(&self, md: &str, part: Option<&str>) -> String {
        let options = super::markdown::MarkdownOptions {
            base_path: self.site.base.path(),
            unsafe_html: self.site.config.markdown.unsafe_html,
            theme_ids: self.theme_ids,
            part,
        };
        super::markdown::to_html(md, &options)
    }

    /// URL of a site path.
    pub fn url(&self, path: &str) -> String {
        self.site.base.page(path)
    }

    /// A session page URL.
    pub fn session_url(&self, s: &Session) -> String {
        self.url(&routes::session(&s.slug))
    }

    /// A speaker page URL.
    pub fn person_url(&self, p: &Person) -> String {
        self.url(&routes::speaker(&p.slug))
    }

    /// An event page URL.
    pub fn event_url(&self, e: &Event) -> String {
        self.url(&routes::event(&e.slug))
    }

    /// A topic page URL.
    pub fn topic_url(&self, t: &Topic) -> String {
        self.url(&routes::topic(&t.slug))
    }

    /// A country page URL.
    pub fn country_url(&self, c: Country) -> String {
        self.url(&routes::country(c))
    }

    /// An SDG page URL.
    pub fn sdg_url(&self, g: Sdg) -> String {
        self.url(&routes::sdg(g))
    }

    /// An action-line page URL.
    pub fn action_line_url(&self, a: ActionLine) -> String {
        self.url(&routes::action_line(a))
    }

    /// A country as a link.
    pub fn country(&self, c: Country) -> LinkView {
        LinkView {
            label: c.name().to_string(),
            url: self.country_url(c),
        }
    }

    /// An SDG with its count.
    pub fn sdg(&self, g: Sdg) -> SdgView {
        SdgView {
            count: Some(self.index.sdg_sessions(g).len()),
            ..Views::sdg_tag(g, self.sdg_url(g))
        }
    }

    /// An SDG as a session lists it: without the site-wide count.
    fn sdg_tag(g: Sdg, url: String) -> SdgView {
        SdgView {
            number: g.number(),
            short_name: g.short_name(),
            title: g.title(),
            colour: g.colour(),
            dark_text: g.text_is_dark(),
            url,
            count: None,
        }
    }

    /// An action line with its count and (for C7) its sub-lines.
    pub fn action_line(&self, a: ActionLine) -> ActionLineView {
        self.action_line_with(a, true)
    }

    /// An action line, with or without the site-wide counts (a session's own list has none).
    fn action_line_with(&self, a: ActionLine, counts: bool) -> ActionLineView {
        ActionLineView {
            label: a.label(),
            code: a.code(),
            title: a.title(),
            url: self.action_line_url(a),
            count: counts.then(|| self.index.action_line_sessions(a).len()),
            children: a
                .children()
                .into_iter()
                .map(|c| self.action_line_with(c, counts))
                .collect(),
        }
    }

    fn participant(&self, p: &Participation) -> ParticipantView {
        let person = &self.site.people[p.person.index()];
        ParticipantView {
            name: person.name.clone(),
            honorific: p.honorific.clone(),
            url: self.person_url(person),
            title: p.title.clone(),
            organization: p.organization.clone(),
            organization_url: (p.organization_id)
                .map(|o| self.organization_url(self.site.organizations.get(o))),
            country: p.country.map(|c| self.country(c)),
            role: p.role.label(),
        }
    }

    /// The sessions related to session `id` ([`Index::related`]), as its page shows them.
    pub fn related(&self, id: crate::model::SessionId) -> Vec<RelatedView> {
        use crate::index::ListKey;
        let site = self.site;
        (self.index.related(site, id).into_iter())
            .map(|r| {
                let s = &site.sessions[r.session.index()];
                let shared = (r.shared.iter())
                    .filter_map(|&k| match k {
                        ListKey::Speaker(p) => Some(site.people[p.index()].name.clone()),
                        ListKey::Topic(t) => Some(site.topics[t.index()].name.clone()),
                        ListKey::Event(e) => Some(site.events[e.index()].name.clone()),
                        ListKey::Sdg(g) => Some(format!("SDG {}", g.number())),
                        ListKey::ActionLine(a) => Some(a.label()),
                        ListKey::Sessions | ListKey::Country(_) | ListKey::Organization(_) => None,
                    })
                    .collect();
                RelatedView {
                    title: s.title.clone(),
                    url: self.session_url(s),
                    date: s.date.map(human_date),
                    shared,
                }
            })
            .collect()
    }

    /// A fingerprint of what each session page shows of other sessions (its related
    /// sessions, and its neighbours in the programme: [`Views::neighbours`]), by slug:
    /// `serve` re-renders the pages whose fingerprint an edit changed, so that what
    /// decides is the very view the page is rendered from.
    /// Of `only` when given (ids of this site), else of every session.
    pub fn related_prints(
        &self,
        only: Option<&[crate::model::SessionId]>,
    ) -> rustc_hash::FxHashMap<crate::url::Slug, u64> {
        use crate::model::SessionId;
        use rayon::prelude::*;
        use std::hash::{Hash, Hasher};
        let print = |id: SessionId| {
            let mut h = rustc_hash::FxHasher::default();
            self.related(id).hash(&mut h);
            self.neighbours(id).hash(&mut h);
            (self.site.sessions[id.index()].slug.clone(), h.finish())
        };
        match only {
            Some(ids) => ids.par_iter().map(|&id| print(id)).collect(),
            None => (0..self.site.sessions.len())
                .into_par_iter()
                .map(|i| print(SessionId::from_index(i)))
                .collect(),
        }
    }

    /// The full view of a session.
    pub fn session(&self, s: &Session) -> SessionView {
        // Every field named, so that a new one is a compile error here until the page
        // says what it shows of it (the body is rendered apart; `file` and `slug` only
        // make the URL; old URLs are redirect pages of their own).
        let Session {
            slug: _,
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
        } = s;
        let (moderators, speakers): (Vec<_>, Vec<_>) = participants
            .iter()
            .partition(|p| p.role == crate::model::Role::Moderator);
        let mut countries: Vec<Country> = participants.iter().filter_map(|p| p.country).collect();
        countries.sort_by_key(|c| crate::index::sort_key(c.name()));
        countries.dedup();
        SessionView {
            title: title.clone(),
            url: self.session_url(s),
            event: event.map(|e| {
                let e = &self.site.events[e.index()];
                LinkView {
                    label: e.name.clone(),
                    url: self.event_url(e),
                }
            }),
            kind: kind.as_ref().map(|k| k.label()),
            date_iso: date.map(|d| d.to_string()),
            date: date.map(human_date),
            time: time.map(|t| t.to_string()),
            timezone: timezone.clone(),
            organizers: organizers.clone(),
            links: links
                .iter()
                .map(|l| LinkView::of(l, &self.site.base))
                .collect(),
            room: room.clone(),
            materials: (materials.iter())
                .map(|m| MaterialView {
                    kind: m.kind,
                    label: m.label.clone(),
                    url: self.site.base.site_link(&m.url),
                    provider: m.provider(),
                    duration: m.duration.map(|d| d.to_string()),
                })
                .collect(),
            moderators: moderators
                .into_iter()
                .map(|p| self.participant(p))
                .collect(),
            speakers: speakers.into_iter().map(|p| self.participant(p)).collect(),
            countries: countries.into_iter().map(|c| self.country(c)).collect(),
            topics: topics
                .iter()
                .map(|t| {
                    let t = &self.site.topics[t.index()];
                    LinkView {
                        label: t.name.clone(),
                        url: self.topic_url(t),
                    }
                })
                .collect(),
            sdgs: sdgs
                .iter()
                .map(|&g| Views::sdg_tag(g, self.sdg_url(g)))
                .collect(),
            action_lines: action_lines
                .iter()
                .map(|&a| self.action_line_with(a, false))
                .collect(),
            summary: summary.clone(),
        }
    }
}

/// An event as lists show it.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    /// Display name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Number of sessions.
    pub count: usize,
    /// "27 May 2024".
    pub start: Option<String>,
    /// "31 May 2024".
    pub end: Option<String>,
    /// The dates as one range: "27–31 May 2024", "30 September – 2 October 2020".
    pub dates: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// The event's own site.
    pub website: Option<String>,
    /// Description, rendered from Markdown.
    pub description: Option<String>,
    /// Session types with their counts ("Panel", 12).
    pub kinds: Vec<TermView>,
    /// The programme as an iCalendar file, when a session has a date.
    pub calendar: Option<String>,
}

/// A speaker page's facts.
#[derive(Clone, Debug, Serialize)]
pub struct PersonView {
    /// Name without honorific.
    pub name: String,
    /// Honorific.
    pub honorific: Option<String>,
    /// Bio, rendered from Markdown.
    pub bio: Option<String>,
    /// Photo URL (the site's own photo at [`crate::photos::SHOWN`] pixels).
    pub photo: Option<String>,
    /// The site's own photo at 1× and 2×, for `srcset`.
    pub photo_srcset: Option<String>,
    /// The photo's absolute URL, for `og:image` (a full URL when the site has a host;
    /// the site's own photo at [`crate::photos::PREVIEW`] pixels).
    pub photo_absolute: Option<String>,
    /// The width and height of `photo_absolute`, when known (the site's own photo).
    pub photo_preview_size: Option<u32>,
    /// The name's initials ("AL"), shown where there is no photo.
    pub initials: String,
    /// Links.
    pub links: Vec<LinkView>,
    /// ORCID iD: `label` the iD, `url` its record.
    pub orcid: Option<LinkView>,
    /// Wikidata item: `label` the Q-id, `url` its page.
    pub wikidata: Option<LinkView>,
    /// Role titles held across sessions.
    pub titles: Vec<String>,
    /// Organizations across sessions.
    pub organizations: Vec<String>,
    /// The same, each linked to its page when `data/organizations.yaml` knows it.
    pub organization_links: Vec<crate::render::organizations::NamedOrganization>,
    /// Countries across sessions.
    pub countries: Vec<LinkView>,
    /// Sessions moderated.
    pub moderated: usize,
    /// Other people with the same name: `label` the name with what tells them apart.
    pub namesakes: Vec<LinkView>,
}

/// A row of the countries index.
#[derive(Clone, Debug, Serialize)]
pub struct CountryRowView {
    /// Display name.
    pub name: &'static str,
    /// ISO alpha-2 code.
    pub code: &'static str,
    /// Its page.
    pub url: String,
    /// People who represented it.
    pub speakers: usize,
    /// Sessions with at least one of them.
    pub sessions: usize,
}

/// One initial letter of the speakers A–Z.
#[derive(Clone, Debug, Serialize)]
pub struct LetterView {
    /// "A", or "#" for names that start with no letter.
    pub letter: String,
    /// Fragment id on the index page ("letter-a").
    pub id: String,
    /// People under this letter.
    pub count: usize,
    /// The letter's own page, when the A–Z is split by letter.
    pub url: Option<String>,
    /// The people, when they are listed on the index page itself.
    pub people: Vec<PersonEntryView>,
}

/// A person in the speakers A–Z: a link, their number of sessions, and what they are
/// ("Minister, Ministry of ICT, Kenya": their first title, organization and country).
#[derive(Clone, Debug, Serialize)]
pub struct PersonEntryView {
    /// Display name.
    pub name: String,
    /// Their page.
    pub url: String,
    /// Number of sessions.
    pub count: usize,
    /// First title, organization and country, those there are, joined by commas.
    pub detail: Option<String>,
}

/// A letter in the navigation of a letter page: no counts, so that a letter page
/// changes only when its own people do (or letters come or go).
#[derive(Clone, Debug, Serialize)]
pub struct LetterLink {
    /// "A", or "#".
    pub letter: String,
    /// Fragment id on the index page ("letter-a").
    pub id: String,
    /// The letter's own page.
    pub url: Option<String>,
}

impl From<&LetterView> for LetterLink {
    fn from(l: &LetterView) -> Self {
        LetterLink {
            letter: l.letter.clone(),
            id: l.id.clone(),
            url: l.url.clone(),
        }
    }
}

impl Views<'_> {
    /// An event with its counts; `full` adds the description and session types.
    pub fn event(&self, id: crate::model::EventId, full: bool) -> EventView {
        let e = &self.site.events[id.index()];
        let sessions = &self.index.by_event[id.index()];
        let mut kinds: Vec<TermView> = Vec::new();
        if full {
            for s in sessions {
                let label = self.site.sessions[s.index()]
                    .kind
                    .as_ref()
                    .map_or_else(|| "Unspecified type".to_string(), |k| k.label());
                match kinds.iter_mut().find(|k| k.name == label) {
                    Some(k) => k.count += 1,
                    None => kinds.push(TermView {
                        name: label,
                        url: String::new(),
                        count: 1,
                    }),
                }
            }
            kinds.sort_by(|a, b| a.name.cmp(&b.name));
        }
        EventView {
            name: e.name.clone(),
            url: self.event_url(e),
            count: sessions.len(),
            start: e.start.map(human_date),
            end: e.end.map(human_date),
            // An event not in data/events.yaml runs from its first session's day to
            // its last's (the programme is in day order, undated last).
            dates: match e.start {
                Some(start) => Some(date_range(start, e.end)),
                None => self
                    .first_and_last_day(sessions)
                    .map(|(a, b)| date_range(a, Some(b))),
            },
            location: e.location.clone(),
            website: e.url.as_ref().map(|u| self.site.base.site_link(u)),
            description: e
                .description
                .as_deref()
                .filter(|_| full)
                .map(|md| self.markdown(md)),
            kinds,
            calendar: (self.site.any_dated(sessions))
                .then(|| self.url(&routes::event_calendar(&e.slug))),
        }
    }

    /// The first and last day of sessions in programme order.
    fn first_and_last_day(
        &self,
        sessions: &[crate::model::SessionId],
    ) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
        let day = |s: &crate::model::SessionId| self.site.sessions[s.index()].date;
        Some((
            sessions.iter().find_map(day)?,
            sessions.iter().rev().find_map(day)?,
        ))
    }

    /// A speaker page's facts.
    pub fn person(&self, id: crate::model::PersonId) -> PersonView {
        let (p, i) = (&self.site.people[id.index()], id.index());
        PersonView {
            name: p.name.clone(),
            honorific: p.honorific.clone(),
            bio: p.bio.as_deref().map(|md| self.markdown(md)),
            photo: p.photo.as_ref().map(|u| match self.site.photos.get(u) {
                Some(r) => self.site.base.page(&r.path(photos::SHOWN)),
                None => self.site.base.site_link(u),
            }),
            photo_srcset: (p.photo.as_ref())
                .and_then(|u| self.site.photos.get(u))
                .map(|r| {
                    let at = |s: u32| self.site.base.page(&r.path(s));
                    format!("{} 1x, {} 2x", at(photos::SHOWN), at(2 * photos::SHOWN))
                }),
            photo_absolute: p.photo.as_ref().map(|u| match self.site.photos.get(u) {
                Some(r) => self.site.base.absolute(&r.path(photos::PREVIEW)),
                None => self.site.base.absolute_link(u),
            }),
            photo_preview_size: (p.photo.as_ref())
                .and_then(|u| self.site.photos.get(u))
                .map(|_| photos::PREVIEW),
            initials: photos::initials(&p.name),
            links: p
                .links
                .iter()
                .map(|l| LinkView::of(l, &self.site.base))
                .collect(),
            orcid: (p.orcid.as_ref()).map(|o| LinkView::external(o.as_str(), o.url())),
            wikidata: (p.wikidata.as_ref()).map(|w| LinkView::external(w.as_str(), w.url())),
            titles: self.index.person_titles[i].clone(),
            organizations: self.index.person_organizations[i].clone(),
            organization_links: (self.index.person_organizations[i].iter())
                .map(|o| self.named_organization(o))
                .collect(),
            countries: self.index.person_countries[i]
                .iter()
                .map(|&c| self.country(c))
                .collect(),
            moderated: self.index.by_person[i]
                .iter()
                .filter(|a| a.1 == crate::model::Role::Moderator)
                .count(),
            namesakes: p.namesakes.iter().map(|&n| self.namesake(n)).collect(),
        }
    }

    /// A person who shares a name, as a link that says who they are ("Wang Wei
    /// (ITU, China)"), from what their sessions say.
    fn namesake(&self, id: crate::model::PersonId) -> LinkView {
        let (p, i) = (&self.site.people[id.index()], id.index());
        let mut marks: Vec<&str> = Vec::new();
        marks.extend(
            self.index.person_organizations[i]
                .first()
                .map(String::as_str),
        );
        marks.extend(self.index.person_countries[i].first().map(|c| c.name()));
        let label = if marks.is_empty() {
            p.name.clone()
        } else {
            format!("{} ({})", p.name, marks.join(", "))
        };
        LinkView {
            label,
            url: self.url(&routes::speaker(&p.slug)),
        }
    }

    /// A person as a link with their number of sessions.
    pub fn person_term(&self, id: crate::model::PersonId) -> TermView {
        let (name, slug, count) = self.person_term_parts(id);
        TermView {
            name: name.to_string(),
            url: self.url(&routes::speaker(slug)),
            count,
        }
    }

    /// A person as the speakers A–Z shows them.
    pub fn person_entry(&self, id: crate::model::PersonId) -> PersonEntryView {
        let TermView { name, url, count } = self.person_term(id);
        let i = id.index();
        let ix = self.index;
        let parts: Vec<&str> = [
            ix.person_titles[i].first().map(String::as_str),
            ix.person_organizations[i].first().map(String::as_str),
            ix.person_countries[i].first().map(|c| c.name()),
        ]
        .into_iter()
        .flatten()
        .collect();
        PersonEntryView {
            name,
            url,
            count,
            detail: (!parts.is_empty()).then(|| parts.join(", ")),
        }
    }

    /// What a person's [`TermView`] is made of: name, slug and session count.
    pub fn person_term_parts(&self, id: crate::model::PersonId) -> (&str, &Slug, usize) {
        let p = &self.site.people[id.index()];
        (&p.name, &p.slug, self.index.by_person[id.index()].len())
    }
}

#[cfg(test)]
mod tests {
    use super::date_range;
    use jiff::civil::date;

    #[test]
    fn date_ranges_write_what_repeats_once() {
        let d = |m, day| date(2020, m, day);
        assert_eq!(
            date_range(d(10, 20), Some(d(10, 22))),
            "20\u{2013}22 October 2020"
        );
        assert_eq!(
            date_range(d(9, 30), Some(d(10, 2))),
            "30 September \u{2013} 2 October 2020"
        );
        assert_eq!(
            date_range(d(12, 30), Some(date(2021, 1, 2))),
            "30 December 2020 \u{2013} 2 January 2021"
        );
        assert_eq!(date_range(d(10, 20), Some(d(10, 20))), "20 October 2020");
        assert_eq!(date_range(d(10, 20), None), "20 October 2020");
    }
}
