//! A speaker's pages: their own page, with their sessions as cards (a few) or grouped
//! by year and event (many), and the page of everyone they shared the stage with.
//!
//! What these pages show besides the cards is made here ([`speaker_context`],
//! [`co_speakers_page`]) and nowhere else: the build renders from it and `serve`
//! hashes it ([`super::fingerprint`]) to tell whether the pages changed, each page on
//! its own (a retitled session changes its speakers' pages, never their co-speakers').

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;
use serde::Serialize;
use tera::Context;

use super::lists::PageData;
use super::{Job, Lazy, ListKey, Pages};
use crate::model::{EventId, PersonId};
use crate::render::views::{TermView, Views};
use crate::routes::{self, Section};

/// Up to this many sessions, a speaker page shows each as a card (date, type, event,
/// summary, people): a few cards read well and say more. Past it, a compact list
/// grouped by year and event (title, date, role), as ACL Anthology author pages do,
/// on one page however many there are.
pub(crate) const SESSIONS_AS_CARDS: usize = 5;

/// Co-speakers shown on a speaker page (the busiest speakers share the stage with
/// hundreds); the others are on the co-speakers page ([`routes::speaker_co_speakers`]).
pub(crate) const CO_SPEAKERS_SHOWN: usize = 40;

/// A speaker's co-speakers with the number of sessions shared, most shared first
/// ([`crate::index::Index::co_speakers`]): ranked once for both of their pages.
pub(super) type CoSpeakers = [(PersonId, u32)];

/// What a speaker's co-speakers page shows: the co-speakers their own page does not
/// (it shows the [`CO_SPEAKERS_SHOWN`] who shared the most), most shared first. Kept
/// as ids, made into views only when rendered: a fingerprint ([`CoSpeakersPage::hash`])
/// hashes what each entry is made of ([`Views::person_term_parts`]) without making it,
/// as a busy speaker has hundreds.
#[derive(Clone, Debug)]
pub(super) struct CoSpeakersPage<'c> {
    /// The speaker's name.
    name: String,
    /// The speaker's own page.
    speaker_url: String,
    /// The co-speakers past those of the speaker's own page, each with the number of
    /// sessions shared.
    co_speakers: &'c CoSpeakers,
    /// How many co-speakers the speaker's own page shows.
    shown: usize,
    /// How many co-speakers the speaker has in all.
    total: usize,
}

impl CoSpeakersPage<'_> {
    /// Puts what the page shows into a template's context, one value per field.
    pub(super) fn apply(&self, views: &Views<'_>, ctx: &mut Context) {
        let listed: Vec<TermView> = (self.co_speakers.iter())
            .map(|&(q, n)| co_speaker(views, q, n))
            .collect();
        ctx.insert("name", &self.name);
        ctx.insert("speaker_url", &self.speaker_url);
        ctx.insert("co_speakers", &listed);
        ctx.insert("shown", &self.shown);
        ctx.insert("total", &self.total);
    }

    /// Hashes what [`CoSpeakersPage::apply`] puts into the context.
    pub(super) fn hash(&self, views: &Views<'_>, h: &mut impl Hasher) {
        (&self.name, &self.speaker_url, self.shown, self.total).hash(h);
        for &(q, n) in self.co_speakers {
            (views.person_term_parts(q), n).hash(h);
        }
    }
}

/// One year of a busy speaker's sessions, newest first; undated sessions last.
#[derive(Clone, Debug, Serialize)]
pub(super) struct YearView {
    /// "2025", or "Undated".
    pub(super) label: String,
    /// Fragment id of its heading ("year-2025", "year-undated").
    pub(super) id: String,
    /// Sessions in the year.
    pub(super) count: usize,
    /// The year's sessions by event, the event of the newest session first.
    pub(super) events: Vec<EventGroupView>,
}

/// A busy speaker's sessions at one event in one year.
#[derive(Clone, Debug, Serialize)]
pub(super) struct EventGroupView {
    /// The event's name, or "Other sessions" for sessions of no event.
    pub(super) name: String,
    /// The event's page, if the sessions have an event.
    pub(super) url: Option<String>,
    /// Sessions in the group.
    pub(super) count: usize,
    /// The sessions, newest first.
    pub(super) sessions: Vec<SessionRowView>,
}

/// A session as one line of a busy speaker's list.
#[derive(Clone, Debug, Serialize)]
pub(super) struct SessionRowView {
    /// Its title.
    pub(super) title: String,
    /// Its page.
    pub(super) url: String,
    /// "2025-07-11".
    pub(super) date_iso: Option<String>,
    /// "11 July": the year is the group's.
    pub(super) date: Option<String>,
    /// "Moderator" or "Speaker".
    pub(super) role: &'static str,
}

/// Whether person `p`'s page lists their sessions by year and event rather than as cards.
pub(super) fn is_grouped(views: &Views<'_>, p: PersonId) -> bool {
    views.index.list_len(ListKey::Speaker(p)) > SESSIONS_AS_CARDS
}

/// A speaker page's own context: the person's facts, their sessions grouped by year
/// and event when there are many ([`YearView`]; empty otherwise), and their first
/// co-speakers (of `co`, all of them ranked) with the address of the page that lists
/// the others.
pub(super) fn speaker_context(views: &Views<'_>, p: PersonId, co: &CoSpeakers, ctx: &mut PageData) {
    let shown: Vec<TermView> = (co.iter().take(CO_SPEAKERS_SHOWN))
        .map(|&(q, n)| co_speaker(views, q, n))
        .collect();
    ctx.insert("person", &views.person(p));
    ctx.insert("jsonld", &crate::render::jsonld::person(views, p));
    ctx.insert("co_speakers", &shown);
    ctx.insert("co_speakers_total", &co.len());
    let all = has_co_speakers_page(co.len()).then(|| co_speakers_url(views, p));
    ctx.insert("co_speakers_url", &all);
    let years = if is_grouped(views, p) {
        years(views, p)
    } else {
        Vec::new()
    };
    ctx.insert("years", &years);
}

/// Whether a speaker with `total` co-speakers has a co-speakers page: when their own
/// page cannot show them all.
fn has_co_speakers_page(total: usize) -> bool {
    total > CO_SPEAKERS_SHOWN
}

/// What person `p`'s co-speakers page shows, from `co` (all of them, ranked); `None`
/// when they have no such page.
pub(super) fn co_speakers_page<'c>(
    views: &Views<'_>,
    p: PersonId,
    co: &'c CoSpeakers,
) -> Option<CoSpeakersPage<'c>> {
    if !has_co_speakers_page(co.len()) {
        return None;
    }
    let person = &views.site.people[p.index()];
    Some(CoSpeakersPage {
        name: person.name.clone(),
        speaker_url: views.person_url(person),
        co_speakers: co.get(CO_SPEAKERS_SHOWN..).unwrap_or_default(),
        shown: CO_SPEAKERS_SHOWN,
        total: co.len(),
    })
}

fn co_speaker(views: &Views<'_>, q: PersonId, shared: u32) -> TermView {
    TermView {
        count: shared as usize,
        ..views.person_term(q)
    }
}

fn co_speakers_url(views: &Views<'_>, p: PersonId) -> String {
    views.url(&routes::speaker_co_speakers(
        &views.site.people[p.index()].slug,
    ))
}

/// Person `p`'s sessions by year, then event: their list is newest first (undated
/// last), so each year is one run of it; within a year, events in order of their
/// newest session. Linear in the number of sessions.
fn years(views: &Views<'_>, p: PersonId) -> Vec<YearView> {
    let site = views.site;
    let mut years: Vec<YearView> = Vec::new();
    let mut events: FxHashMap<Option<EventId>, usize> = FxHashMap::default();
    for &(sid, role) in views.index.by_person.get(p.index()).into_iter().flatten() {
        let s = &site.sessions[sid.index()];
        let year = s.date.map(|d| d.year());
        let label = year.map_or_else(|| "Undated".to_string(), |y| y.to_string());
        if years.last().is_none_or(|y| y.label != label) {
            years.push(YearView {
                id: format!("year-{}", label.to_lowercase()),
                label,
                count: 0,
                events: Vec::new(),
            });
            events.clear();
        }
        let Some(year) = years.last_mut() else {
            continue;
        };
        year.count += 1;
        let group = *events.entry(s.event).or_insert_with(|| {
            let (name, url) = match s.event {
                Some(e) => {
                    let e = &site.events[e.index()];
                    (e.name.clone(), Some(views.event_url(e)))
                }
                None => ("Other sessions".to_string(), None),
            };
            year.events.push(EventGroupView {
                name,
                url,
                count: 0,
                sessions: Vec::new(),
            });
            year.events.len() - 1
        });
        let group = &mut year.events[group];
        group.count += 1;
        group.sessions.push(SessionRowView {
            title: s.title.clone(),
            url: views.session_url(s),
            date_iso: s.date.map(|d| d.to_string()),
            date: s.date.map(|d| d.strftime("%-d %B").to_string()),
            role: role.label(),
        });
    }
    years
}

impl Pages<'_, '_> {
    /// Adds the co-speakers page of speaker list `key`, when the person has more
    /// co-speakers than their page shows: to the paths always, as a job when `wanted`
    /// (what it shows has a fingerprint of its own: [`super::Fingerprint::co_speakers_page`]).
    pub(super) fn co_speakers_page(&mut self, key: ListKey, wanted: bool) {
        let ListKey::Speaker(p) = key else {
            return;
        };
        let views = self.views;
        let Some(person) = views.site.people.get(p.index()) else {
            return;
        };
        if !has_co_speakers_page(views.index.co_speaker_count(p)) {
            return;
        }
        let path = routes::page_file(&routes::speaker_co_speakers(&person.slug));
        self.paths.push(path.clone());
        if !wanted {
            return;
        }
        let title = format!("{}: shared the stage with", person.name);
        let meta = self.meta(&title, None, &path, Some(Section::Speakers), None);
        self.jobs.push(Job {
            template: "speaker_co_speakers.html",
            path,
            meta,
            context: Context::new(),
            cards: Vec::new(),
            lazy: Some(Lazy::CoSpeakers(p)),
        });
    }
}
