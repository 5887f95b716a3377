//! Which pages an edit of session files changes, from the site before and after.
//!
//! A session's card and page show the session and the names of its people, event
//! and topics. So the sessions to re-render ("dirty") are those of the edited files
//! plus every session that names a person, event or topic whose own data changed
//! (a new first spelling, a slug taken over). Every list holding a dirty session, before
//! or after, is re-rendered (its counts and neighbours may have moved), and so are the
//! lists of people whose session count changed: countries list their people with
//! counts. The list of all sessions is the one list long enough to matter: only its
//! pages whose sessions changed are re-rendered.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

use super::Built;
use crate::model::{Session, SessionId, Site};
use crate::render::views::Views;
use crate::render::{ListKey, PageSet, Selection};
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// What to re-render after an edit, in terms of the new site.
pub(super) struct Change {
    /// Pages to render.
    pub selection: Selection,
    /// Sessions whose cards (and citation files) must be rendered again.
    pub cards: Vec<SessionId>,
}

/// A list, named so that it can be found in both sites (ids may shift).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Term {
    Event(Slug),
    Speaker(Slug),
    Country(Country),
    Sdg(Sdg),
    ActionLine(ActionLine),
    Topic(Slug),
}

pub(super) fn diff(old: &Built, new: &Built, files: &HashSet<&Path>) -> Change {
    let people = changed_slugs(&old.site.people, &new.site.people, |p| &p.slug);
    let events = changed_slugs(&old.site.events, &new.site.events, |e| &e.slug);
    let topics = changed_slugs(&old.site.topics, &new.site.topics, |t| &t.slug);
    let dirty_new = dirty(new, files, &people, &events, &topics);
    let dirty_old = dirty(old, files, &people, &events, &topics);

    let mut terms: HashSet<Term> = HashSet::new();
    for (built, ids) in [(old, &dirty_old), (new, &dirty_new)] {
        for &id in ids {
            terms_of(&built.site, &built.site.sessions[id.index()], &mut terms);
        }
    }
    terms.extend(people.iter().cloned().map(Term::Speaker));
    terms.extend(events.iter().cloned().map(Term::Event));
    terms.extend(topics.iter().cloned().map(Term::Topic));
    // A person's session count shows on the pages of their countries.
    let speakers: Vec<Slug> = terms
        .iter()
        .filter_map(|t| match t {
            Term::Speaker(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for built in [old, new] {
        let by_slug: HashMap<&Slug, usize> = built
            .site
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.slug, i))
            .collect();
        for s in &speakers {
            if let Some(&i) = by_slug.get(s) {
                let countries = &built.index.person_countries[i];
                terms.extend(countries.iter().map(|&c| Term::Country(c)));
            }
        }
    }
    // A sub-line's page shows its parent's count, and the parent's its sub-lines'.
    let parents: Vec<ActionLine> = terms
        .iter()
        .filter_map(|t| match t {
            Term::ActionLine(a) => Some(a.parent().unwrap_or(*a)),
            _ => None,
        })
        .collect();
    for p in parents {
        terms.insert(Term::ActionLine(p));
        terms.extend(p.children().into_iter().map(Term::ActionLine));
    }

    let dirty_slugs: HashSet<&Slug> = dirty_new
        .iter()
        .map(|id| &new.site.sessions[id.index()].slug)
        .collect();
    let (before, after) = (Lists::new(old), Lists::new(new));
    let mut lists: HashMap<ListKey, PageSet> = terms
        .iter()
        .filter_map(|t| {
            let key = after.key(t)?;
            Some((key, pages(&before, &after, t, &dirty_slugs)))
        })
        .collect();
    lists.insert(
        ListKey::Sessions,
        changed_pages(
            &before.sessions(),
            &after.sessions(),
            &dirty_slugs,
            new.site.config.sessions_per_page,
        ),
    );
    let selection = Selection {
        sessions: dirty_new.iter().copied().collect(),
        lists,
        indexes: true,
    };
    let mut cards: Vec<SessionId> = dirty_new.into_iter().collect();
    cards.sort();
    Change { selection, cards }
}

/// The lists of one site, found by term.
struct Lists<'a> {
    built: &'a Built,
    people: HashMap<&'a Slug, usize>,
    events: HashMap<&'a Slug, usize>,
    topics: HashMap<&'a Slug, usize>,
}

impl<'a> Lists<'a> {
    fn new(built: &'a Built) -> Lists<'a> {
        let site = &built.site;
        Lists {
            built,
            people: site
                .people
                .iter()
                .enumerate()
                .map(|(i, p)| (&p.slug, i))
                .collect(),
            events: site
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| (&e.slug, i))
                .collect(),
            topics: site
                .topics
                .iter()
                .enumerate()
                .map(|(i, t)| (&t.slug, i))
                .collect(),
        }
    }

    fn views(&self) -> Views<'a> {
        Views {
            site: &self.built.site,
            index: &self.built.index,
        }
    }

    fn key(&self, term: &Term) -> Option<ListKey> {
        use crate::model::{EventId, PersonId, TopicId};
        Some(match term {
            Term::Event(s) => ListKey::Event(EventId::from_index(*self.events.get(s)?)),
            Term::Speaker(s) => ListKey::Speaker(PersonId::from_index(*self.people.get(s)?)),
            Term::Topic(s) => ListKey::Topic(TopicId::from_index(*self.topics.get(s)?)),
            Term::Country(c) => ListKey::Country(*c),
            Term::Sdg(g) => ListKey::Sdg(*g),
            Term::ActionLine(a) => ListKey::ActionLine(*a),
        })
    }

    fn slugs(&self, ids: &[SessionId]) -> Vec<&'a Slug> {
        let site = &self.built.site;
        ids.iter()
            .map(|id| &site.sessions[id.index()].slug)
            .collect()
    }

    fn sessions(&self) -> Vec<&'a Slug> {
        self.slugs(&self.built.index.chronological)
    }

    /// A term's sessions, and a hash of everything else its pages show; `None` for a
    /// speaker (their page shows too much to compare) and for a term the site lacks.
    fn list(&self, term: &Term) -> Option<(Vec<&'a Slug>, u64)> {
        let (views, index) = (self.views(), &self.built.index);
        let (ids, context): (&[SessionId], serde_json::Value) = match self.key(term)? {
            ListKey::Sdg(g) => {
                let lines: Vec<(String, u32)> = index.sdg_action_lines[usize::from(g.number() - 1)]
                    .iter()
                    .map(|&(a, n)| (a.label(), n))
                    .collect();
                (
                    index.sdg_sessions(g),
                    serde_json::json!([views.sdg(g), lines]),
                )
            }
            ListKey::ActionLine(a) => (
                index.action_line_sessions(a),
                serde_json::json!([
                    views.action_line(a),
                    a.parent().map(|p| views.action_line(p))
                ]),
            ),
            ListKey::Topic(t) => (
                &index.by_topic[t.index()],
                serde_json::json!(self.built.site.topics[t.index()].name),
            ),
            ListKey::Event(e) => (
                &index.by_event[e.index()],
                serde_json::json!([
                    views.event(e, true),
                    crate::render::jsonld::event(&views, &self.built.site.events[e.index()])
                ]),
            ),
            ListKey::Country(_) | ListKey::Speaker(_) | ListKey::Sessions => return None,
        };
        let mut h = rustc_hash::FxHasher::default();
        context.to_string().hash(&mut h);
        Some((self.slugs(ids), h.finish()))
    }
}

/// The pages of a term's list to render: those that changed, when the list's own
/// context did not; all of them otherwise.
fn pages(before: &Lists<'_>, after: &Lists<'_>, term: &Term, dirty: &HashSet<&Slug>) -> PageSet {
    match (before.list(term), after.list(term)) {
        (Some((old, a)), Some((new, b))) if a == b => {
            let per_page = after.built.site.config.sessions_per_page;
            changed_pages(&old, &new, dirty, per_page)
        }
        _ => PageSet::All,
    }
}

/// Slugs of things added, removed, or whose data differ.
fn changed_slugs<T: PartialEq>(old: &[T], new: &[T], slug: impl Fn(&T) -> &Slug) -> HashSet<Slug> {
    let before: HashMap<&Slug, &T> = old.iter().map(|x| (slug(x), x)).collect();
    let after: HashMap<&Slug, &T> = new.iter().map(|x| (slug(x), x)).collect();
    let mut changed: HashSet<Slug> = HashSet::new();
    for (s, x) in &after {
        if before.get(s) != Some(x) {
            changed.insert((*s).clone());
        }
    }
    for s in before.keys().filter(|s| !after.contains_key(*s)) {
        changed.insert((*s).clone());
    }
    changed
}

/// Sessions of `built` from the edited files or naming a changed person, event or topic.
fn dirty(
    built: &Built,
    files: &HashSet<&Path>,
    people: &HashSet<Slug>,
    events: &HashSet<Slug>,
    topics: &HashSet<Slug>,
) -> BTreeSet<SessionId> {
    let site = &built.site;
    let mut ids: BTreeSet<SessionId> = site
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| files.contains(s.file.as_path()))
        .map(|(i, _)| SessionId::from_index(i))
        .collect();
    for (i, p) in site.people.iter().enumerate() {
        if people.contains(&p.slug) {
            ids.extend(built.index.by_person[i].iter().map(|a| a.0));
        }
    }
    for (i, e) in site.events.iter().enumerate() {
        if events.contains(&e.slug) {
            ids.extend(built.index.by_event[i].iter().copied());
        }
    }
    for (i, t) in site.topics.iter().enumerate() {
        if topics.contains(&t.slug) {
            ids.extend(built.index.by_topic[i].iter().copied());
        }
    }
    ids
}

fn terms_of(site: &Site, s: &Session, terms: &mut HashSet<Term>) {
    if let Some(e) = s.event {
        terms.insert(Term::Event(site.events[e.index()].slug.clone()));
    }
    for p in &s.participants {
        terms.insert(Term::Speaker(site.people[p.person.index()].slug.clone()));
        terms.extend(p.country.map(Term::Country));
    }
    terms.extend(s.sdgs.iter().map(|&g| Term::Sdg(g)));
    terms.extend(s.action_lines.iter().map(|&a| Term::ActionLine(a)));
    for t in &s.topics {
        terms.insert(Term::Topic(site.topics[t.index()].slug.clone()));
    }
}

/// Pages of a list that change: all of them when its length changed (every page shows
/// it), otherwise those where the order moved or a dirty session sits.
fn changed_pages(
    before: &[&Slug],
    after: &[&Slug],
    dirty: &HashSet<&Slug>,
    per_page: usize,
) -> PageSet {
    if before.len() != after.len() {
        return PageSet::All;
    }
    let per_page = per_page.max(1);
    let pages = after
        .iter()
        .zip(before)
        .enumerate()
        .filter(|(_, (a, b))| a != b || dirty.contains(*a))
        .map(|(i, _)| i / per_page + 1)
        .collect();
    PageSet::Some(pages)
}

/// The cards of the new site, carried over from the old one by slug; `fresh` ones
/// (about to be rendered again) and new sessions start empty.
pub(super) fn carry_cards(
    old: &Built,
    new: &Built,
    cards: &[String],
    fresh: &[SessionId],
) -> Vec<String> {
    let before: HashMap<&Slug, usize> = old
        .site
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.slug, i))
        .collect();
    let fresh: HashSet<SessionId> = fresh.iter().copied().collect();
    new.site
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if fresh.contains(&SessionId::from_index(i)) {
                return String::new();
            }
            before
                .get(&s.slug)
                .and_then(|&j| cards.get(j))
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}
