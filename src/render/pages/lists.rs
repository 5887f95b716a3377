//! What each list page shows besides the cards of its sessions, in one function per
//! kind of list ([`list_page`]). The build renders from it, and `serve` hashes the same
//! value ([`fingerprint`]) to tell whether a list's pages changed: a template that
//! shows more of a list needs its data here, and then changes the fingerprint too.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use tera::Context;

use super::{Lazy, ListKey};
use crate::model::{PersonId, SessionId};
use crate::render::programme;
use crate::render::views::{CountryRowView, TermView, Views};
use crate::routes::Section;

/// A list's pages, less their cards and pagination.
pub(super) struct ListPage<'v> {
    /// The template of every page.
    pub template: &'static str,
    /// The page title (later pages add "page N of M").
    pub title: String,
    /// The page description, for its metadata.
    pub description: Option<String>,
    /// The section of the site it belongs to.
    pub section: Option<Section>,
    /// The sessions, in the list's order.
    pub sessions: Cow<'v, [SessionId]>,
    /// The sessions of each page ([`page_ranges`]).
    pub pages: Vec<Range<usize>>,
    /// What every page shows besides the cards.
    pub context: PageData,
    /// The people the first page lists (a country's), shown as [`Views::person_term`]:
    /// kept as ids, as a country may have thousands, so that a fingerprint hashes what
    /// each entry is made of without making it.
    pub first_page_people: Option<&'v [PersonId]>,
    /// The heavy part of the context, built when each page is rendered.
    pub lazy: Option<Lazy>,
    /// Whether the pages show their sessions as cards; a busy speaker's page lists
    /// them in its own context instead ([`super::speaker::is_grouped`]).
    pub cards: bool,
    /// The file the pages are made from, relative to the site folder: the registry
    /// that lists the speaker or the event, if one does.
    pub source: Option<String>,
}

/// The list `key` of the site `views` shows; `None` when the site lacks it.
pub(super) fn list_page<'v>(views: &'v Views<'_>, key: ListKey) -> Option<ListPage<'v>> {
    let (site, index) = (views.site, views.index);
    let sessions = index.sessions_of(key)?;
    let mut page = ListPage {
        template: "sessions.html",
        title: String::new(),
        description: None,
        section: None,
        pages: page_ranges(views, key),
        sessions,
        context: PageData::default(),
        first_page_people: None,
        lazy: None,
        source: None,
        cards: true,
    };
    match key {
        ListKey::Sessions => {
            page.title = "All sessions".into();
            page.section = Some(Section::Sessions);
        }
        ListKey::Event(id) => {
            let e = site.events.get(id.index())?;
            page.template = "event.html";
            page.title = e.name.clone();
            page.section = Some(Section::Events);
            page.context.insert("event", &views.event(id, true));
            page.context
                .insert("jsonld", &crate::render::jsonld::event(views, id));
            if site.config.book == crate::content::config::Book::Html {
                page.context
                    .insert("book_url", &views.url(&crate::routes::event_book(&e.slug)));
            }
            page.source = (e.registered)
                .then(|| site.sources.relative(&site.sources.events))
                .flatten();
            // Every page lists every day with the page it is on: a day that moves to
            // another page changes all of them.
            let dir = key.dir(site);
            let nav = programme::day_nav(views, &dir, &page.sessions, &page.pages);
            page.context.insert("programme_days", &nav);
        }
        ListKey::Speaker(p) => {
            let person = site.people.get(p.index())?;
            page.template = "speaker.html";
            page.title = person.name.clone();
            page.section = Some(Section::Speakers);
            page.lazy = Some(Lazy::Speaker(p));
            page.cards = !super::speaker::is_grouped(views, p);
            page.source = (person.registered)
                .then(|| site.sources.relative(&site.sources.speakers))
                .flatten();
        }
        ListKey::Country(c) => {
            let entry = index.by_country.get(&c)?;
            page.template = "country.html";
            page.title = c.name().to_string();
            page.section = Some(Section::Countries);
            page.context.insert("country", &country_row(views, c));
            // The country's people are listed once, on its first page.
            page.first_page_people = Some(&entry.people);
        }
        ListKey::Sdg(g) => {
            let co_lines: Vec<TermView> = index.sdg_action_lines[usize::from(g.number() - 1)]
                .iter()
                .map(|&(a, n)| TermView {
                    name: a.label(),
                    url: views.action_line_url(a),
                    count: n as usize,
                })
                .collect();
            page.template = "sdg.html";
            page.title = format!("SDG {}: {}", g.number(), g.short_name());
            page.description = Some(g.title().to_string());
            page.section = Some(Section::Sdgs);
            page.context.insert("sdg", &views.sdg(g));
            page.context.insert("action_lines", &co_lines);
        }
        ListKey::ActionLine(a) => {
            page.template = "action_line.html";
            page.title = format!("{}: {}", a.label(), a.title());
            page.section = Some(Section::ActionLines);
            page.context.insert("action_line", &views.action_line(a));
            page.context
                .insert("parent", &a.parent().map(|p| views.action_line(p)));
        }
        ListKey::Topic(id) => {
            let t = site.topics.get(id.index())?;
            page.template = "topic.html";
            page.title = t.name.clone();
            page.section = Some(Section::Topics);
            let view = TermView {
                name: t.name.clone(),
                url: views.topic_url(t),
                count: page.sessions.len(),
            };
            page.context.insert("topic", &view);
        }
        ListKey::Organization(id) => {
            let o = site.organizations.all().get(id.index())?;
            page.template = "organization.html";
            page.title = o.name.clone();
            page.section = Some(Section::Organizations);
            page.context.insert("organization", &views.organization(id));
            page.first_page_people = Some(&index.organization_people[id.index()]);
            page.source = site.sources.relative(&site.sources.organizations);
        }
    }
    Some(page)
}

/// The sessions of each page of list `key`: an event's pages hold whole days
/// ([`programme::day_pages`]), a speaker's all their sessions on one page (a few
/// cards, or a compact list by year: [`super::speaker`]), other lists
/// `sessions_per_page` each.
pub(super) fn page_ranges(views: &Views<'_>, key: ListKey) -> Vec<Range<usize>> {
    let per_page = views.site.config.sessions_per_page;
    match key {
        ListKey::Event(_) => match views.index.sessions_of(key) {
            Some(sessions) => {
                programme::day_pages(&programme::event_days(views, &sessions), per_page)
            }
            None => programme::even_pages(0, per_page),
        },
        ListKey::Speaker(_) => {
            let len = views.index.list_len(key);
            programme::even_pages(len, len)
        }
        _ => programme::even_pages(views.index.list_len(key), per_page),
    }
}

/// A value shown beside each card of list `key`, under a name, one per session of the
/// list: a speaker's role in each session, an event session's row in the programme
/// (its day, time, type and room). These belong to the session, whose pages are
/// rendered again when it changes, so fingerprints leave them out.
pub(super) fn per_item(
    views: &Views<'_>,
    key: ListKey,
    sessions: &[SessionId],
) -> Option<(&'static str, Vec<serde_json::Value>)> {
    // A value that does not serialize (none of these can fail) is shown as null.
    fn value<T: serde::Serialize>(v: &T) -> serde_json::Value {
        serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
    }
    match key {
        ListKey::Event(_) => Some((
            "slots",
            (programme::slots(views, sessions).iter())
                .map(value)
                .collect(),
        )),
        ListKey::Speaker(p) => {
            let roles = views.index.by_person.get(p.index())?.iter();
            Some(("roles", roles.map(|a| value(&a.1.label())).collect()))
        }
        // The list is grouped by event: each card says its event, for a heading where
        // a new one starts.
        ListKey::Organization(_) => {
            let event = |s: &SessionId| {
                let e = views.site.sessions[s.index()].event?;
                Some(views.event_url(&views.site.events[e.index()]))
                    .map(|url| (views.site.events[e.index()].name.clone(), url))
            };
            let events = sessions.iter().map(|s| match event(s) {
                Some((label, url)) => value(&crate::render::views::LinkView { label, url }),
                None => serde_json::Value::Null,
            });
            Some(("events", events.collect()))
        }
        _ => None,
    }
}

/// A country's row in the countries index, and its own page's heading.
pub(super) fn country_row(views: &Views<'_>, c: crate::taxonomy::Country) -> CountryRowView {
    let entry = views.index.by_country.get(&c);
    CountryRowView {
        name: c.name(),
        code: c.iso2(),
        url: views.country_url(c),
        speakers: entry.map_or(0, |e| e.people.len()),
        sessions: entry.map_or(0, |e| e.sessions.len()),
    }
}

/// Hashes of what a list's pages show besides their sessions' cards: of what every
/// page shows, and of what the first page shows besides; and where its pages start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Of the title, description and context of every page, the heavy part included,
    /// and of where each page starts.
    pub every_page: u64,
    /// Of the first page's own context.
    pub first_page: u64,
    /// The position in the list of each page's first session: an event's pages hold whole days.
    pub page_starts: Vec<usize>,
    /// Of what a speaker's co-speakers page shows, when they have one: it changes with
    /// their co-speakers, not with their sessions' titles or dates.
    pub co_speakers_page: Option<u64>,
}

impl Fingerprint {
    /// The page (1 is the first) that shows the list's session at position `i`.
    pub fn page_of(&self, i: usize) -> usize {
        self.page_starts.partition_point(|&s| s <= i).max(1)
    }
}

/// Named values for a page's template, kept as JSON (whose maps are ordered) so that
/// equal data always hashes alike; tera's own maps hash in no fixed order.
#[derive(Clone, Debug, Default)]
pub(super) struct PageData(Vec<(&'static str, serde_json::Value)>);

impl PageData {
    /// Adds `value` under `key`. A value that does not serialize (none of the views
    /// can fail) is shown as null rather than stopping the build.
    pub(super) fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
        self.0.push((key, value));
    }

    /// Puts every value into a template's context.
    pub(super) fn apply(&self, ctx: &mut Context) {
        for (key, value) in &self.0 {
            ctx.insert(*key, value);
        }
    }

    fn hash(&self, h: &mut impl Hasher) {
        for (key, value) in &self.0 {
            key.hash(h);
            value.to_string().hash(h);
        }
    }
}

/// The [`Fingerprint`] of list `key`; `None` when the site lacks it. The values beside
/// each card (a speaker's roles, an event's days) are left out.
pub fn fingerprint(views: &Views<'_>, key: ListKey) -> Option<Fingerprint> {
    let page = list_page(views, key)?;
    let mut context = page.context;
    let hash = |parts: &dyn Fn(&mut rustc_hash::FxHasher)| {
        let mut h = rustc_hash::FxHasher::default();
        parts(&mut h);
        h.finish()
    };
    let mut co_speakers_page = None;
    if let Some(Lazy::Speaker(p)) = page.lazy {
        let co = views.index.co_speakers(views.site, p);
        super::speaker::speaker_context(views, p, &co, &mut context);
        co_speakers_page = super::speaker::co_speakers_page(views, p, &co)
            .map(|page| hash(&|h| page.hash(views, h)));
    }
    let page_starts: Vec<usize> = page.pages.iter().map(|p| p.start).collect();
    Some(Fingerprint {
        every_page: hash(&|h| {
            (page.template, &page.title, &page.description, page.section).hash(h);
            page.cards.hash(h);
            page.source.hash(h);
            page_starts.hash(h);
            context.hash(h);
        }),
        first_page: hash(&|h| {
            for &p in page.first_page_people.unwrap_or_default() {
                views.person_term_parts(p).hash(h);
            }
        }),
        page_starts,
        co_speakers_page,
    })
}
