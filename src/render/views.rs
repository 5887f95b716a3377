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
    /// Each of `organizers`, with the URL of its organization's page ("" for one no
    /// entry of `data/organizations.yaml` names).
    pub organizer_links: Vec<LinkView>,
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
            organizer_ids,
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
            organizer_links: (organizers.iter().zip(organizer_ids))
                .map(|(name, id)| LinkView {
                    label: name.clone(),
                    url: id.map_or_else(String::new, |o| {
                        self.organization_url(self.site.organizations.get(o))
                    }),
                })
                .collect(),
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

mod terms;
pub use terms::{CountryRowView, EventView, LetterLink, LetterView, PersonEntryView, PersonView};

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
