//! One session file edited, added or deleted, resolved on its own
//! ([`model::resolve_one`], [`model::resolve_without`]) and put into the site and the
//! index in place; the pages that show it are then rendered as after any update.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::{Live, Scope, Updated, diff};
use crate::BuildError;
use crate::content::SessionSource;
use crate::diag::Diagnostics;
use crate::model::{self, PersonId, SessionId};

/// What happened to the one session file of an update ([`Live::one_file`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Edited,
    Added,
    Deleted,
}

/// What [`Live::put_in`] replaced: people, topics and events by index, the session, and
/// what it wrote.
struct Replaced {
    admitted: model::Admitted,
    people: Vec<(usize, model::Person)>,
    topics: Vec<(usize, model::Topic)>,
    events: Vec<(usize, model::Event)>,
    session: model::Session,
}

impl Live {
    /// One session file edited (keeping its slug and draft state), added or deleted: the
    /// session is resolved on its own ([`model::resolve_one`],
    /// [`model::resolve_without`]) and the index patched (for a new file, an absent
    /// session first takes its place in path order; a deleted file's is taken out after),
    /// which costs about the same for ten sessions or ten thousand; then the pages that
    /// show it, or what it renamed, are rendered. `None` when the change is not of that
    /// kind (a full resolve is needed); the site is then as it was.
    pub(super) fn one_file(
        &mut self,
        file: &Path,
        source: Option<&SessionSource>,
        start: Instant,
    ) -> Option<Result<Updated, BuildError>> {
        let by_file = |f: &Path| f.cmp(file);
        let at = (self.sources.sessions).binary_search_by(|s| by_file(&s.file));
        // Sessions are in path order; a draft is not among them (and stays out).
        let in_site = (self.built.site.sessions).binary_search_by(|s| by_file(&s.file));
        let kind = match (at, source) {
            (Ok(at), Some(new)) => {
                let old = &self.sources.sessions[at].front;
                (model::same_frame(old, &new.front) && in_site.is_ok()).then_some(Kind::Edited)
            }
            (Err(_), Some(new)) => {
                let shown = !new.front.draft || self.options.drafts;
                (shown && in_site.is_err()).then_some(Kind::Added)
            }
            (Ok(_), None) => in_site.is_ok().then_some(Kind::Deleted),
            (Err(_), None) => None,
        }?;
        let (Ok(at) | Err(at)) = at;
        let id = SessionId::from_index(in_site.unwrap_or_else(|i| i));
        let mut clock = crate::pipeline::Stopwatch::start();
        let mut diags = Diagnostics::new();
        if kind == Kind::Added {
            let slug = crate::url::Slug::from_text(&source?.stem)?;
            let absent = model::Session::absent(slug, file.to_path_buf());
            self.insert_absent(id, absent, String::new());
        }
        let again = self.resolve_one(id, source, &mut diags);
        diags.sort();
        if again.is_none() || diags.has_errors() {
            if kind == Kind::Added {
                self.remove_absent(id);
            }
            // `None` (a full resolve is needed) stays `None`; errors are the update's.
            return again.map(|_| Err(BuildError::Content(diags)));
        }
        let again = again?;
        clock.lap("resolve");
        let (before, replaced) = self.put_in(id, again);
        let (before, taken) = match kind {
            Kind::Deleted => (before.without(id), Some(self.remove_absent(id))),
            Kind::Edited | Kind::Added => (before, None),
        };
        clock.lap("index");
        let change = diff::after(before, &self.built, taken.is_none().then_some(id));
        clock.lap("diff");
        let built = self.built.clone();
        let cards = std::mem::take(&mut self.cards);
        let published = self.publish(&built, cards, &change, &mut clock);
        drop(built);
        match published {
            Ok((cards, published)) => {
                self.cards = cards;
                match source {
                    Some(new) if kind == Kind::Edited => self.sources.sessions[at] = new.clone(),
                    Some(new) => self.sources.sessions.insert(at, new.clone()),
                    None => drop(self.sources.sessions.remove(at)),
                }
                let mut warnings: Diagnostics = Diagnostics::new();
                for d in self.warnings.iter().filter(|d| d.file != file) {
                    warnings.push(d.clone());
                }
                warnings.extend(diags);
                warnings.sort();
                self.warnings = warnings;
                Some(Ok(self.published(Scope::Session, published, start, clock)))
            }
            Err((cards, e)) => {
                // Undone in the opposite order: a deleted session's absent stand-in goes
                // back in before the session replaces it; a new one's goes after.
                self.cards = cards;
                if let Some((absent, card)) = taken {
                    self.insert_absent(id, absent, card);
                }
                self.put_back(id, replaced);
                if kind == Kind::Added {
                    self.remove_absent(id);
                }
                Some(Err(e))
            }
        }
    }

    /// Puts a session resolved on its own into the site and the index, with the people,
    /// topics and event it adds or renames; returns the lists as they were, and what it
    /// replaced.
    fn put_in(&mut self, id: SessionId, mut again: model::SessionEdit) -> (diff::Before, Replaced) {
        // New people, topics and events join the site for good: should rendering fail,
        // they stay, without sessions (nothing shows them).
        let admitted = self.lookup.admit(&mut again);
        // Copies the site only while a derived job is reading it.
        let built = Arc::make_mut(&mut self.built);
        built.apply(std::mem::take(&mut self.bodies));
        let ids: Vec<PersonId> = again.renamed.iter().map(|(p, _)| *p).collect();
        let old = &built.site.sessions[id.index()];
        // Who showed this session (or those it renames) among their related sessions.
        let related_before: Vec<crate::url::Slug> = (std::iter::once(id)
            .chain(again.also.iter().copied()))
        .flat_map(|d| built.index.related_reach(&built.site, d))
        .map(|r| built.site.sessions[r.index()].slug.clone())
        .collect();
        let mut before = diff::before(built, old, &again.session, &ids, &again.also);
        before.related = related_before;
        built.site.people.extend(again.added);
        built.site.topics.extend(again.added_topics);
        built.site.events.extend(again.added_event);
        let people = (again.renamed.into_iter()).map(|(p, person)| (p.index(), person));
        let topics = (again.renamed_topics.into_iter()).map(|(t, topic)| (t.index(), topic));
        let events = (again.renamed_events.into_iter()).map(|(e, event)| (e.index(), event));
        let replaced = Replaced {
            admitted,
            people: swap_in(&mut built.site.people, people.collect()),
            topics: swap_in(&mut built.site.topics, topics.collect()),
            events: swap_in(&mut built.site.events, events.collect()),
            session: std::mem::replace(&mut built.site.sessions[id.index()], again.session),
        };
        built
            .index
            .patch(&built.site, id, &replaced.session, &mut self.keys);
        (before, replaced)
    }

    /// Undoes [`Live::put_in`].
    fn put_back(&mut self, id: SessionId, replaced: Replaced) {
        self.lookup.restore(replaced.admitted);
        let built = Arc::make_mut(&mut self.built);
        swap_in(&mut built.site.people, replaced.people);
        swap_in(&mut built.site.topics, replaced.topics);
        swap_in(&mut built.site.events, replaced.events);
        let new = std::mem::replace(&mut built.site.sessions[id.index()], replaced.session);
        built.index.patch(&built.site, id, &new, &mut self.keys);
    }

    /// Puts an absent session ([`model::Session::absent`]) at `id`, with `card`; the
    /// sessions from `id` on move up one.
    fn insert_absent(&mut self, id: SessionId, absent: model::Session, card: String) {
        let built = Arc::make_mut(&mut self.built);
        // Bodies kept aside are by id: they go in before ids move.
        built.apply(std::mem::take(&mut self.bodies));
        built.index.insert_session(id, self.keys.get(&absent.title));
        built.site.sessions.insert(id.index(), absent);
        self.cards.insert(id.index(), card);
    }

    /// Takes the absent session at `id` out, with its card; the sessions after it move
    /// down one.
    fn remove_absent(&mut self, id: SessionId) -> (model::Session, String) {
        let built = Arc::make_mut(&mut self.built);
        built.apply(std::mem::take(&mut self.bodies));
        built.index.remove_session(id);
        let absent = built.site.sessions.remove(id.index());
        (absent, self.cards.remove(id.index()))
    }

    /// Resolves the new version of session `id` (`None`: its file was deleted) on its own.
    fn resolve_one(
        &mut self,
        id: SessionId,
        source: Option<&SessionSource>,
        diags: &mut Diagnostics,
    ) -> Option<model::SessionEdit> {
        let (site, lookup, memo) = (&self.built.site, &mut self.lookup, &mut self.memo);
        match source {
            Some(source) => model::resolve_one(source, id, site, lookup, diags, memo),
            None => model::resolve_without(id, site, lookup),
        }
    }
}

/// Puts each `(index, value)` into `list`; returns what they replaced, which undoes it.
fn swap_in<T>(list: &mut [T], entries: Vec<(usize, T)>) -> Vec<(usize, T)> {
    let swap = |(i, value)| (i, std::mem::replace(&mut list[i], value));
    entries.into_iter().map(swap).collect()
}
