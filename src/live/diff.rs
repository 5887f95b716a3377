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
use std::path::Path;

use super::Built;
use crate::model::{Session, SessionId, Site};
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

    let mut selection = Selection {
        sessions: dirty_new.iter().copied().collect(),
        lists: terms
            .iter()
            .filter_map(|t| list_key(&new.site, t))
            .map(|k| (k, PageSet::All))
            .collect(),
        indexes: true,
    };
    let dirty_slugs: HashSet<&Slug> = dirty_new
        .iter()
        .map(|id| &new.site.sessions[id.index()].slug)
        .collect();
    selection.lists.insert(
        ListKey::Sessions,
        chronological_pages(old, new, &dirty_slugs),
    );
    let mut cards: Vec<SessionId> = dirty_new.into_iter().collect();
    cards.sort();
    Change { selection, cards }
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

/// The list of the new site a term names, if it still has one.
fn list_key(site: &Site, term: &Term) -> Option<ListKey> {
    use crate::model::{EventId, PersonId, TopicId};
    Some(match term {
        Term::Event(s) => ListKey::Event(EventId::from_index(
            site.events.iter().position(|e| &e.slug == s)?,
        )),
        Term::Speaker(s) => ListKey::Speaker(PersonId::from_index(
            site.people.iter().position(|p| &p.slug == s)?,
        )),
        Term::Topic(s) => ListKey::Topic(TopicId::from_index(
            site.topics.iter().position(|t| &t.slug == s)?,
        )),
        Term::Country(c) => ListKey::Country(*c),
        Term::Sdg(g) => ListKey::Sdg(*g),
        Term::ActionLine(a) => ListKey::ActionLine(*a),
    })
}

/// Pages of the all-sessions list that change: all of them when the number of sessions
/// changed (every page shows it), otherwise those where the order moved or a dirty
/// session sits.
fn chronological_pages(old: &Built, new: &Built, dirty: &HashSet<&Slug>) -> PageSet {
    let slugs = |b: &Built| -> Vec<Slug> {
        b.index
            .chronological
            .iter()
            .map(|id| b.site.sessions[id.index()].slug.clone())
            .collect()
    };
    let (before, after) = (slugs(old), slugs(new));
    if before.len() != after.len() {
        return PageSet::All;
    }
    let per_page = new.site.config.sessions_per_page.max(1);
    let pages = after
        .iter()
        .zip(&before)
        .enumerate()
        .filter(|(_, (a, b))| a != b || dirty.contains(a))
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
