//! The home page, the session pages and their list, and the event pages.

use crate::routes::{self, Section};
use tera::Context;

use super::{Lazy, ListKey, Pages};
use crate::model::SessionId;
use crate::render::views::TermView;
use crate::render::views::Views;
use crate::taxonomy::Sdg;

impl Pages<'_, '_> {
    pub(super) fn home(&mut self) {
        let (views, site, index) = (self.views, self.views.site, self.views.index);
        self.paths.push(routes::INDEX.into());
        if !self.wants_indexes() {
            return;
        }
        let latest =
            &index.chronological[..index.chronological.len().min(site.config.latest_sessions)];
        let events = self.event_list();
        let figures = [
            ("sessions", index.chronological.len(), "sessions/"),
            ("speakers", index.speakers_az.len(), Section::Speakers.dir()),
            (
                "countries",
                index.by_country.len(),
                Section::Countries.dir(),
            ),
            ("SDGs", index.sdgs_in_use(), Section::Sdgs.dir()),
            (
                "action lines",
                index.action_lines_in_use(),
                Section::ActionLines.dir(),
            ),
            ("topics", index.topics_az.len(), Section::Topics.dir()),
            ("events", events.len(), Section::Events.dir()),
            (
                "organizations",
                site.organizations.len(),
                Section::Organizations.dir(),
            ),
        ]
        .into_iter()
        .filter(|(_, _, path)| {
            *path != Section::Organizations.dir() || !site.organizations.is_empty()
        })
        .map(|(name, count, path)| TermView {
            name: name.to_string(),
            url: views.url(path),
            count,
        })
        .collect::<Vec<_>>();
        let mut ctx = Context::new();
        ctx.insert("latest", &self.cards_of(latest));
        ctx.insert("events", &events);
        ctx.insert("figures", &figures);
        ctx.insert(
            "sdgs",
            &Sdg::all().map(|g| views.sdg(g)).collect::<Vec<_>>(),
        );
        let meta = self.meta(
            &site.config.title,
            site.config.description.clone(),
            routes::INDEX,
            Some(Section::Home),
            None,
        );
        self.jobs.push(super::Job {
            template: "index.html",
            path: routes::INDEX.into(),
            meta,
            context: ctx,
            cards: Vec::new(),
            lazy: None,
        });
    }

    pub(super) fn sessions(&mut self) {
        let views = self.views;
        self.list(ListKey::Sessions);
        for (i, s) in views.site.sessions.iter().enumerate() {
            self.session(SessionId::from_index(i), s);
        }
    }

    /// Adds the page of session `id`, showing `s`.
    pub(super) fn session(&mut self, id: SessionId, s: &crate::model::Session) {
        let path = crate::routes::page_file(&crate::routes::session(&s.slug));
        self.paths.push(path.clone());
        if !self.wants_session(id) {
            return;
        }
        let source = self.views.site.sources.relative(&s.file);
        let meta = self.meta(
            &s.title,
            s.summary.clone(),
            &path,
            Some(Section::Sessions),
            source,
        );
        self.jobs.push(super::Job {
            template: "session.html",
            path,
            meta,
            context: Context::new(),
            cards: Vec::new(),
            lazy: Some(Lazy::Session(id)),
        });
    }

    fn event_list(&self) -> Vec<crate::render::views::EventView> {
        let v = self.views;
        v.index
            .events_newest_first(v.site)
            .into_iter()
            .map(|id| v.event(id, false))
            .collect()
    }

    pub(super) fn events(&mut self) {
        let views = self.views;
        let mut ctx = Context::new();
        ctx.insert("events", &self.event_list());
        let path = routes::page_file(Section::Events.dir());
        self.single("events.html", &path, "Events", Some(Section::Events), ctx);
        for id in views.index.events_newest_first(views.site) {
            self.list(ListKey::Event(id));
            self.book(id);
        }
    }

    /// Adds the book of event `id`: rendered with its programme's pages, whose
    /// sessions it shows in full.
    pub(super) fn book(&mut self, id: crate::model::EventId) {
        let Some(e) = self.views.site.events.get(id.index()) else {
            return;
        };
        if self.views.site.config.book != crate::content::config::Book::Html {
            return;
        }
        let path = routes::page_file(&routes::event_book(&e.slug));
        self.paths.push(path.clone());
        if !self.wants_list(ListKey::Event(id)) {
            return;
        }
        let title = format!("{}: the proceedings", e.name);
        let description = Some(format!(
            "Every session of {} in one page, for reading through and for print.",
            e.name
        ));
        let meta = self.meta(&title, description, &path, Some(Section::Events), None);
        self.jobs.push(super::Job {
            template: "book.html",
            path,
            meta,
            context: Context::new(),
            cards: Vec::new(),
            lazy: Some(Lazy::Book(id)),
        });
    }
}

/// A session page's own context: the session and its rendered body.
pub(super) fn session_context(
    views: &Views<'_>,
    id: SessionId,
    s: &crate::model::Session,
    ctx: &mut Context,
) {
    ctx.insert("session", &views.session(s));
    ctx.insert("related", &views.related(id));
    ctx.insert("programme", &views.neighbours(id));
    ctx.insert("when", &crate::render::programme::instants(s));
    let calendar = s
        .date
        .map(|_| views.url(&routes::session_calendar(&s.slug)));
    ctx.insert("calendar", &calendar);
    ctx.insert("body", &views.markdown(&s.body));
    ctx.insert("cite", &crate::render::cite::citation(views, s));
    ctx.insert("jsonld", &crate::render::jsonld::session(views, s));
}
