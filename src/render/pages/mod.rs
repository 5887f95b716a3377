//! Enumerates every page of the site (DESIGN §5) and renders it with Tera.
//!
//! Each session's card is rendered once and reused by every list that shows
//! it; long lists are paginated (`…/page/2/`). Pages are enumerated on one thread
//! and rendered by the others as they come, each handed to the sink when done.

mod lists;
mod organizations;
mod sessions;
mod speaker;
mod terms;

pub use lists::{Fingerprint, fingerprint};

pub(crate) use terms::SPEAKERS_ON_ONE_PAGE;

use std::collections::{BTreeSet, HashSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use tera::Context;

use super::theme::Theme;
use super::views::Views;
pub use crate::index::ListKey;

use crate::error::BuildError;
use crate::model::SessionId;
use crate::routes::{self, Section};
use crate::write::Sink;

impl ListKey {
    /// The folder of the list's first page, e.g. "sdgs/4/".
    pub fn dir(self, site: &crate::model::Site) -> String {
        match self {
            ListKey::Sessions => routes::Section::Sessions.dir().into(),
            ListKey::Event(e) => routes::event(&site.events[e.index()].slug),
            ListKey::Speaker(p) => routes::speaker(&site.people[p.index()].slug),
            ListKey::Country(c) => routes::country(c),
            ListKey::Sdg(g) => routes::sdg(g),
            ListKey::ActionLine(a) => routes::action_line(a),
            ListKey::Topic(t) => routes::topic(&site.topics[t.index()].slug),
            ListKey::Organization(o) => routes::organization(&site.organizations.get(o).slug),
        }
    }
}

/// Which pages of a list to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageSet {
    /// Every page.
    All,
    /// These page numbers (1 is the first page).
    Some(BTreeSet<usize>),
}

/// The pages a live rebuild renders; the others are known to be unchanged.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Session pages.
    pub sessions: HashSet<SessionId>,
    /// Pages of session lists.
    pub lists: FxHashMap<ListKey, PageSet>,
    /// Speaker lists whose co-speakers page is rendered (`speakers/<slug>/co-speakers/`).
    pub co_speakers: HashSet<ListKey>,
    /// The home page, the section indexes, search and 404.
    pub indexes: bool,
    /// The speakers index and its A–Z letter pages (with `indexes`): they change only
    /// when people, their names or their numbers of sessions do.
    pub speakers: SpeakerPages,
}

/// Which pages of the speakers index to render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SpeakerPages {
    /// None of them.
    #[default]
    None,
    /// The index, and the letter pages of these initials ([`crate::index::initial`]).
    Letters(BTreeSet<char>),
    /// The index and every letter page.
    All,
}

/// Site-wide values every template receives as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    base: &'a str,
    /// Whether the base URL has a host, so absolute URLs (og:url) can be given.
    absolute: bool,
    /// The theme's card image (`assets/card.png`, 1200×630), absolute: the default `og:image`.
    image: String,
    home: String,
    assets: String,
    feed: String,
    nav: Vec<NavItem>,
    /// Each section's index page by key ("events", "action_lines", …), for templates.
    urls: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: &'static str,
    url: String,
}

/// What every page says about itself, as `page`.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: Option<String>,
    url: String,
    canonical: String,
    section: Option<Section>,
    /// The page's own Atom feed (events, SDGs, action lines), besides the site's.
    feed: Option<String>,
    /// The file the page is made from, relative to the site folder (`sessions/x.md`,
    /// `data/speakers.yaml`); none for pages made from many.
    source: Option<String>,
    /// Where a reader suggests a fix to that file (`edit_url` with its path), when set.
    edit_url: Option<String>,
}

/// Links between the pages of a paginated list, as `pager`.
#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: Option<String>,
    current: bool,
    /// Pages were skipped before this one (show an ellipsis).
    gap_before: bool,
}

/// One page to render: template, output path, and its own context.
struct Job {
    template: &'static str,
    path: String,
    meta: PageMeta,
    context: Context,
    /// The sessions whose cards the page lists. Cards are put into the context only
    /// when the page is rendered, so tens of thousands of waiting pages hold ids, not HTML.
    cards: Vec<SessionId>,
    /// The heavy part of the context, built only when the page is rendered.
    lazy: Option<Lazy>,
}

/// Context that is large per page (a session's body, a speaker's co-speakers), so it is
/// built in the render loop rather than held for every waiting page.
#[derive(Clone, Copy)]
enum Lazy {
    Session(SessionId),
    Speaker(crate::model::PersonId),
    /// A speaker's co-speakers page: everyone they shared the stage with.
    CoSpeakers(crate::model::PersonId),
    /// An event's book: every session of it in full.
    Book(crate::model::EventId),
}

impl Lazy {
    /// Adds the heavy context; a session of `edited` is shown as given rather than as
    /// the site holds it.
    fn fill(
        self,
        views: &Views<'_>,
        edited: &[(SessionId, &crate::model::Session)],
        ctx: &mut Context,
    ) {
        match self {
            Lazy::Session(id) => {
                let s = (edited.iter())
                    .find(|(e, _)| *e == id)
                    .map_or(&views.site.sessions[id.index()], |(_, s)| *s);
                sessions::session_context(views, id, s, ctx);
            }
            Lazy::Speaker(id) => {
                let mut data = lists::PageData::default();
                let co = views.index.co_speakers(views.site, id);
                speaker::speaker_context(views, id, &co, &mut data);
                data.apply(ctx);
            }
            Lazy::CoSpeakers(id) => {
                let co = views.index.co_speakers(views.site, id);
                if let Some(page) = speaker::co_speakers_page(views, id, &co) {
                    page.apply(views, ctx);
                }
            }
            Lazy::Book(id) => {
                ctx.insert("book", &crate::render::book::view(views, id, edited));
            }
        }
    }
}

/// Shared state of the page builders: the views and every session's rendered card.
struct Pages<'v, 'a> {
    views: &'v Views<'a>,
    cards: &'v [String],
    jobs: Queue<'v>,
    /// What to render; `None` renders everything.
    select: Option<&'v Selection>,
    /// Every page of the site, rendered or not (for the sitemap and to delete gone pages).
    paths: Vec<String>,
}

/// Renders the pages of the site that `select` names (all when `None`), with every
/// session's card already rendered in `cards`; returns the paths of all pages.
pub(crate) fn render(
    views: &Views<'_>,
    theme: &Theme,
    cards: &[String],
    select: Option<&Selection>,
    progress: &dyn crate::Progress,
    sink: &dyn Sink,
) -> Result<Vec<String>, BuildError> {
    let mut base = Context::new();
    base.insert("site", &site_view(views));
    progress.stage("render", 0);
    // Pages are enumerated on a thread of their own and rendered by the pool as they
    // come: waiting pages hold their contexts, so only a bounded number ever wait
    // (at 10 000 sessions, holding all 38 000 cost 190 MB). The enumeration must not
    // use rayon itself: the pool's threads may all be waiting on this queue.
    let (send, receive) = std::sync::mpsc::sync_channel(QUEUED_PAGES);
    std::thread::scope(|scope| {
        let enumerate = scope.spawn(move || {
            let mut pages = Pages {
                views,
                cards,
                jobs: Queue::Sent { send, progress },
                select,
                paths: Vec::new(),
            };
            pages.all();
            pages.paths
        });
        let rendered = receive.into_iter().par_bridge().try_for_each(|job: Job| {
            let path = job.path.clone();
            let html = render_job(views, theme, cards, &base, job, &[])?;
            progress.advance(1);
            sink.put(&path, html.as_bytes())
        });
        // The receiver is gone once rendering stops, so on an error the
        // enumeration stops at its next page.
        let paths = enumerate
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        rendered.map(|()| paths)
    })
}

/// Pages enumerated but not yet rendered, at most: enough to keep every thread busy.
const QUEUED_PAGES: usize = 256;

/// Where enumerated pages go: held for the caller, or sent to the renderers.
enum Queue<'p> {
    Held(Vec<Job>),
    Sent {
        send: std::sync::mpsc::SyncSender<Job>,
        progress: &'p dyn crate::Progress,
    },
}

impl Queue<'_> {
    fn push(&mut self, job: Job) {
        match self {
            Queue::Held(jobs) => jobs.push(job),
            Queue::Sent { send, progress } => {
                // A failed send means rendering stopped on an error, which it reports.
                if send.send(job).is_ok() {
                    progress.found(1);
                }
            }
        }
    }

    fn pop(&mut self) -> Option<Job> {
        match self {
            Queue::Held(jobs) => jobs.pop(),
            Queue::Sent { .. } => None,
        }
    }
}

/// Renders the pages of `sessions` as given, rather than as the site holds them, and
/// the books of their events: a live rebuild after an edit of session bodies, which
/// nothing else shows.
pub(crate) fn session_pages(
    views: &Views<'_>,
    theme: &Theme,
    sessions: &[(SessionId, &crate::model::Session)],
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let mut pages = Pages {
        views,
        cards: &[],
        jobs: Queue::Held(Vec::new()),
        select: None,
        paths: Vec::new(),
    };
    let mut base = Context::new();
    base.insert("site", &site_view(views));
    let mut events = Vec::new();
    for &(id, session) in sessions {
        pages.session(id, session);
        events.extend(session.event.filter(|e| !events.contains(e)));
    }
    for e in events {
        pages.book(e);
    }
    while let Some(job) = pages.jobs.pop() {
        let path = job.path.clone();
        let html = render_job(views, theme, &[], &base, job, sessions)?;
        sink.put(&path, html.as_bytes())?;
    }
    Ok(())
}

/// One page: the site-wide context, the job's own, its cards and its lazy part
/// (with the sessions of `edited` as given).
fn render_job(
    views: &Views<'_>,
    theme: &Theme,
    cards: &[String],
    base: &Context,
    job: Job,
    edited: &[(SessionId, &crate::model::Session)],
) -> Result<String, BuildError> {
    let mut ctx = base.clone();
    ctx.extend(job.context);
    ctx.insert("page", &job.meta);
    if !job.cards.is_empty() {
        ctx.insert("cards", &cards_of(cards, &job.cards));
    }
    if let Some(lazy) = job.lazy {
        lazy.fill(views, edited, &mut ctx);
    }
    theme
        .tera
        .render(job.template, &ctx)
        .map_err(|e| theme.error(&e, Some(job.template)))
}

fn site_view<'a>(views: &'a Views<'_>) -> SiteView<'a> {
    let c = &views.site.config;
    SiteView {
        title: &c.title,
        description: c.description.as_deref(),
        language: &c.language,
        base: views.site.base.path(),
        absolute: views.site.base.has_origin(),
        image: views.site.base.absolute(crate::render::theme::CARD_IMAGE),
        home: views.url(""),
        assets: views.url("assets/"),
        feed: views.url(&routes::feed(routes::HOME)),
        nav: Section::NAV
            .iter()
            .map(|&section| NavItem {
                key: section.key(),
                label: section.label(),
                url: views.url(section.dir()),
            })
            .collect(),
        // The organizations' index exists only with data/organizations.yaml.
        urls: (Section::NAV.iter())
            .chain((!views.site.organizations.is_empty()).then_some(&Section::Organizations))
            .map(|&section| (section.key(), views.url(section.dir())))
            .collect(),
    }
}

/// The cards of `ids`, each rendered once and reused by every list that shows it.
pub(crate) fn session_cards(
    views: &Views<'_>,
    theme: &Theme,
    ids: &[SessionId],
) -> Result<Vec<String>, BuildError> {
    ids.par_iter()
        .map(|id| {
            let s = &views.site.sessions[id.index()];
            let mut ctx = Context::new();
            ctx.insert("session", &views.session(s));
            theme
                .tera
                .render("session_card.html", &ctx)
                .map_err(|e| theme.error(&e, Some("session_card.html")))
        })
        .collect()
}

fn cards_of<'c>(cards: &'c [String], ids: &[SessionId]) -> Vec<&'c str> {
    ids.iter().map(|s| cards[s.index()].as_str()).collect()
}

impl Pages<'_, '_> {
    /// Enumerates every page of the site.
    fn all(&mut self) {
        self.home();
        self.sessions();
        self.events();
        self.speakers();
        self.countries();
        self.sdgs();
        self.action_lines();
        self.topics();
        self.organizations();
        let mut search = Context::new();
        search.insert("index", &self.views.url(Section::Search.dir()));
        self.single(
            "search.html",
            &routes::page_file(Section::Search.dir()),
            "Search",
            Some(Section::Search),
            search,
        );
        self.single(
            "404.html",
            routes::NOT_FOUND,
            "Page not found",
            None,
            Context::new(),
        );
    }

    /// Whether any page of `key` is to be rendered.
    fn wants_list(&self, key: ListKey) -> bool {
        self.select.is_none_or(|s| s.lists.contains_key(&key))
    }

    fn wants_page(&self, key: ListKey, n: usize) -> bool {
        self.select.is_none_or(|s| match s.lists.get(&key) {
            Some(PageSet::All) => true,
            Some(PageSet::Some(pages)) => pages.contains(&n),
            None => false,
        })
    }

    fn wants_co_speakers(&self, key: ListKey) -> bool {
        self.select.is_none_or(|s| s.co_speakers.contains(&key))
    }

    fn wants_indexes(&self) -> bool {
        self.select.is_none_or(|s| s.indexes)
    }

    fn wants_speakers_index(&self) -> bool {
        self.select
            .is_none_or(|s| s.indexes && s.speakers != SpeakerPages::None)
    }

    fn wants_speakers_letter(&self, letter: char) -> bool {
        self.select.is_none_or(|s| {
            s.indexes
                && match &s.speakers {
                    SpeakerPages::None => false,
                    SpeakerPages::Letters(letters) => letters.contains(&letter),
                    SpeakerPages::All => true,
                }
        })
    }

    fn wants_session(&self, id: SessionId) -> bool {
        self.select.is_none_or(|s| s.sessions.contains(&id))
    }

    /// Records the pages of a list that is not rendered this time.
    fn skip_list(&mut self, dir: &str, pages: usize) {
        self.paths.push(routes::page_file(dir));
        for n in 2..=pages {
            self.paths
                .push(routes::page_file(&routes::list_page(dir, n)));
        }
    }

    /// What the page at `path` says about itself; `source` is the file it is made
    /// from, relative to the site folder.
    fn meta(
        &self,
        title: &str,
        description: Option<String>,
        path: &str,
        section: Option<Section>,
        source: Option<String>,
    ) -> PageMeta {
        let site_path = routes::page_dir(path);
        let dir = routes::first_page(site_path);
        let edit = self.views.site.config.edit_url.as_ref();
        PageMeta {
            title: title.to_string(),
            description,
            url: self.views.url(site_path),
            canonical: self.views.site.base.absolute(site_path),
            section,
            feed: super::feeds::feed_of(dir).map(|f| self.views.url(&f)),
            edit_url: edit.zip(source.as_deref()).map(|(e, s)| e.of(s)),
            source,
        }
    }

    /// Adds one page at `path` (e.g. "speakers/index.html").
    fn single(
        &mut self,
        template: &'static str,
        path: &str,
        title: &str,
        section: Option<Section>,
        context: Context,
    ) {
        self.paths.push(path.to_string());
        if !self.wants_indexes() {
            return;
        }
        let meta = self.meta(title, None, path, section, None);
        self.jobs.push(Job {
            template,
            path: path.to_string(),
            meta,
            context,
            cards: Vec::new(),
            lazy: None,
        });
    }

    fn cards_of(&self, ids: &[SessionId]) -> Vec<&str> {
        cards_of(self.cards, ids)
    }

    /// Adds the pages of list `key` ([`lists::list_page`]), each with `cards`,
    /// `sessions_total` and `pager`: every page to the paths, those `select` wants as jobs.
    fn list(&mut self, key: ListKey) {
        let views = self.views;
        let dir = key.dir(views.site);
        // Only the paths of a list `select` does not want: `serve` renders a few lists
        // of thousands, so their contexts are not made.
        if !self.wants_list(key) {
            self.skip_list(&dir, lists::page_ranges(views, key).len());
            self.co_speakers_page(key, self.wants_co_speakers(key));
            return;
        }
        let Some(list) = lists::list_page(views, key) else {
            return;
        };
        // A list that shows no cards (a busy speaker's) needs nothing beside them.
        let per_item = (list.cards)
            .then(|| lists::per_item(views, key, &list.sessions))
            .flatten();
        let total = list.pages.len();
        let dir = &dir;
        let page_path = |n: usize| routes::list_page(dir, n);
        for n in 1..=total {
            let path = routes::page_file(&page_path(n));
            self.paths.push(path.clone());
            if !self.wants_page(key, n) {
                continue;
            }
            let range = list.pages[n - 1].clone();
            let chunk = &list.sessions[range.clone()];
            let pager = Pager {
                current: n,
                total,
                prev: (n > 1).then(|| views.url(&page_path(n - 1))),
                next: (n < total).then(|| views.url(&page_path(n + 1))),
                pages: (1..=total)
                    .filter(|&k| k == 1 || k == total || k.abs_diff(n) <= 2)
                    .map(|k| PageLink {
                        number: k,
                        url: (k != n).then(|| views.url(&page_path(k))),
                        current: k == n,
                        gap_before: false,
                    })
                    .collect(),
            };
            let mut pager = pager;
            let mut previous = 0;
            for link in &mut pager.pages {
                link.gap_before = previous > 0 && link.number > previous + 1;
                previous = link.number;
            }
            let mut ctx = Context::new();
            list.context.apply(&mut ctx);
            if let (1, Some(people)) = (n, list.first_page_people) {
                let people: Vec<_> = people.iter().map(|&p| views.person_term(p)).collect();
                ctx.insert("people", &people);
            }
            if let Some((name, items)) = &per_item {
                ctx.insert(*name, &items[range]);
            }
            // An empty list still needs `cards` for its template; a full one gets them at render time.
            if chunk.is_empty() || !list.cards {
                ctx.insert("cards", &Vec::<&str>::new());
            }
            ctx.insert("sessions_total", &list.sessions.len());
            ctx.insert("pager", &pager);
            let title = if n == 1 {
                list.title.clone()
            } else {
                format!("{} (page {n} of {total})", list.title)
            };
            let meta = self.meta(
                &title,
                list.description.clone(),
                &path,
                list.section,
                list.source.clone(),
            );
            self.jobs.push(Job {
                template: list.template,
                path,
                meta,
                context: ctx,
                cards: if list.cards {
                    chunk.to_vec()
                } else {
                    Vec::new()
                },
                lazy: list.lazy,
            });
        }
        self.co_speakers_page(key, self.wants_co_speakers(key));
    }
}
