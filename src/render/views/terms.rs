//! Views of events, people, countries and the A–Z's letters, as their pages and
//! the lists that link them show them.

use super::*;

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
