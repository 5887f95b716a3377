//! Which pages an edit of session files changes, from the site before and after.
//!
//! A session's card and page show the session and the names of its people, event
//! and topics. So the sessions to re-render ("dirty") are those of the edited files
//! plus every session that names a person, event or topic whose own data changed
//! (a new first spelling, a slug taken over). Every list holding a dirty session, before
//! or after, is looked at, and so are the lists of people whose session count changed
//! (countries list their people with counts): when what a list shows besides its
//! sessions ([`context`], the fingerprint of what the build renders them from) is
//! unchanged, only its pages whose sessions moved or are dirty are re-rendered (and its
//! first page, when only what that page adds changed); otherwise all of them.
//!
//! [`diff`] compares two resolved sites. [`before`] and [`after`] serve one session
//! resolved on its own ([`crate::model::resolve_one`]): ids stay the same (new people,
//! topics and events get new ones; a deleted session's successors move down one:
//! [`Before::without`]), so only the lists that session was or is in need comparing,
//! with the countries of people who joined or left it, and the lists of the other
//! sessions that show what it renamed ([`crate::model::SessionEdit::also`]).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::Hash;
use std::path::Path;

use super::Built;
use crate::model::{PersonId, Session, SessionId, Site};
use crate::render::views::Views;
use crate::render::{Fingerprint, ListKey, PageSet, Selection, SpeakerPages};
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// What to re-render after an edit, in terms of the new site.
pub(super) struct Change {
    /// Pages to render.
    pub selection: Selection,
    /// Sessions whose cards (and citation files) must be rendered again.
    pub cards: Vec<SessionId>,
    /// Folders of lists that are gone (an event no session names any more), whose
    /// feeds and calendars go with them.
    pub gone: Vec<String>,
    /// Whether sessions may have gone (their citation files go with them).
    pub sessions_gone: bool,
    /// The slugs of the sessions whose related sessions the edit may have changed, as
    /// the index before it saw them ([`crate::index::Index::related_reach`] of the
    /// changed sessions); those the index after it sees are added when publishing.
    /// `None`: look at every session.
    pub related_before: Option<Vec<crate::url::Slug>>,
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
    /// By id: only `data/organizations.yaml` makes organizations, and an edit of it
    /// rebuilds everything, so ids are the same in both sites.
    Organization(crate::model::OrgId),
}

impl Term {
    /// The term of a list of `site`; none for the list of all sessions.
    fn of(site: &Site, key: ListKey) -> Option<Term> {
        Some(match key {
            ListKey::Sessions => return None,
            ListKey::Event(e) => Term::Event(site.events[e.index()].slug.clone()),
            ListKey::Speaker(p) => Term::Speaker(site.people[p.index()].slug.clone()),
            ListKey::Country(c) => Term::Country(c),
            ListKey::Sdg(g) => Term::Sdg(g),
            ListKey::ActionLine(a) => Term::ActionLine(a),
            ListKey::Topic(t) => Term::Topic(site.topics[t.index()].slug.clone()),
            ListKey::Organization(o) => Term::Organization(o),
        })
    }
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
                // And on those of their organizations.
                let orgs = &built.index.person_organization_ids[i];
                terms.extend(orgs.iter().map(|&o| Term::Organization(o)));
                // Their namesakes' pages name them with what their sessions say.
                let namesakes = built.site.people[i].namesakes.iter();
                let slugs = namesakes.filter_map(|n| built.site.people.get(n.index()));
                terms.extend(slugs.map(|p| Term::Speaker(p.slug.clone())));
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
    let mut lists: rustc_hash::FxHashMap<ListKey, PageSet> = rustc_hash::FxHashMap::default();
    let mut co_speakers: HashSet<ListKey> = HashSet::new();
    for t in &terms {
        let Some(key) = after.key(t) else {
            continue;
        };
        let (was, is) = (before.list(t), after.list(t));
        if co_speakers_changed(was.as_ref().map(|l| &l.1), is.as_ref().map(|l| &l.1)) {
            co_speakers.insert(key);
        }
        lists.insert(key, list_pages(was, is, &dirty_slugs));
    }
    let per_page = new.site.config.sessions_per_page.max(1);
    lists.insert(
        ListKey::Sessions,
        changed_pages(&before.sessions(), &after.sessions(), &dirty_slugs, |i| {
            i / per_page + 1
        }),
    );
    let selection = Selection {
        sessions: dirty_new.iter().copied().collect(),
        lists,
        co_speakers,
        indexes: true,
        speakers: SpeakerPages::All,
    };
    let mut cards: Vec<SessionId> = dirty_new.into_iter().collect();
    cards.sort();
    let gone = terms
        .iter()
        .filter(|t| after.key(t).is_none())
        .filter_map(|t| Some(before.key(t)?.dir(&old.site)))
        .collect();
    Change {
        selection,
        cards,
        gone,
        sessions_gone: true,
        related_before: None,
    }
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

    fn key(&self, term: &Term) -> Option<ListKey> {
        use crate::model::{EventId, PersonId, TopicId};
        Some(match term {
            Term::Event(s) => ListKey::Event(EventId::from_index(*self.events.get(s)?)),
            Term::Speaker(s) => ListKey::Speaker(PersonId::from_index(*self.people.get(s)?)),
            Term::Topic(s) => ListKey::Topic(TopicId::from_index(*self.topics.get(s)?)),
            Term::Organization(o) => {
                let known = o.index() < self.built.site.organizations.len();
                known.then_some(ListKey::Organization(*o))?
            }
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
    /// term the site lacks.
    fn list(&self, term: &Term) -> Option<(Vec<&'a Slug>, Fingerprint)> {
        let (ids, context) = shown(self.built, self.key(term)?)?;
        Some((self.slugs(&ids), context))
    }
}

/// What a list's pages show: its sessions and the hash of its [`context`]; `None` when
/// the site lacks the list.
fn shown(built: &Built, key: ListKey) -> Option<Shown> {
    Some((
        built.index.sessions_of(key)?.into_owned(),
        context(built, key)?,
    ))
}

/// What a list's pages show besides their cards ([`crate::render::fingerprint`]), in
/// `built`; `None` when the site lacks the list.
fn context(built: &Built, key: ListKey) -> Option<Fingerprint> {
    // The theme's ids only keep body ids clear of the theme's: they never change under
    // serve, so the fingerprint can do without them.
    let views = Views {
        site: &built.site,
        index: &built.index,
        theme_ids: crate::render::ThemeIds::none(),
    };
    crate::render::fingerprint(&views, key)
}

/// The pages of a list to render, from its sessions and [`context`] before and after:
/// when what every page shows is the same (where its pages start included), those
/// whose sessions moved or changed, and the first page if what it shows besides
/// changed; all of them otherwise.
fn list_pages<T: Eq + Hash>(
    before: Option<(Vec<T>, Fingerprint)>,
    after: Option<(Vec<T>, Fingerprint)>,
    dirty: &HashSet<T>,
) -> PageSet {
    match (before, after) {
        (Some((old, a)), Some((new, b))) if a.every_page == b.every_page => {
            let mut pages = changed_pages(&old, &new, dirty, |i| b.page_of(i));
            if let PageSet::Some(pages) = &mut pages {
                if a.first_page != b.first_page {
                    pages.insert(1);
                }
            }
            pages
        }
        _ => PageSet::All,
    }
}

/// Whether a list's co-speakers page is to be rendered, from its [`context`] before and
/// after: when it has one after, and what it shows is not what it showed before.
fn co_speakers_changed(before: Option<&Fingerprint>, after: Option<&Fingerprint>) -> bool {
    let after = after.and_then(|f| f.co_speakers_page);
    after.is_some() && before.and_then(|f| f.co_speakers_page) != after
}

/// The lists an edit of one session can change, as they were before it (ids are the
/// same before and after; new people, topics and events have none before).
pub(super) struct Before {
    lists: Vec<(ListKey, Option<Shown>)>,
    /// Other sessions that show what the edit renamed.
    also: Vec<SessionId>,
    /// The people whose entry in the speakers index may change (they joined or left the
    /// session, or were renamed), with their initial if they were in the index.
    speakers: Vec<(PersonId, Option<char>)>,
    /// The sessions whose related sessions the edit may change, by slug, as the index
    /// before the edit sees them (set by the caller, which holds that index).
    pub related: Vec<Slug>,
}

/// A list's sessions and the hash of its [`context`]: what its pages show.
type Shown = (Vec<SessionId>, Fingerprint);

/// Call before the edit, with the session as it was (`old`) and as it will be (`new`),
/// the people the edit renames, and the other sessions that show what it renames.
pub(super) fn before(
    built: &Built,
    old: &Session,
    new: &Session,
    renamed: &[PersonId],
    also: &[SessionId],
) -> Before {
    let mut keys: HashSet<ListKey> = HashSet::from([ListKey::Sessions]);
    let others = also.iter().map(|s| &built.site.sessions[s.index()]);
    for s in [old, new].into_iter().chain(others) {
        keys.extend(lists_of(s));
    }
    // Someone who joins or leaves the session has a new number of sessions, which the
    // pages of all their countries show (those of this session are in already).
    let has = |s: &Session, p| s.participants.iter().any(|x| x.person == p);
    // The A–Z shows each person's first title, organization and country.
    let described = |s: &Session, p| {
        (s.participants.iter())
            .find(|x| x.person == p)
            .map(|x| (x.title.clone(), x.organization.clone(), x.country))
    };
    let mut speakers: Vec<(PersonId, Option<char>)> = Vec::new();
    let moved = (old.participants.iter().chain(&new.participants))
        .map(|x| x.person)
        .filter(|&p| has(old, p) != has(new, p) || described(old, p) != described(new, p))
        .chain(renamed.iter().copied());
    for p in moved {
        if speakers.iter().any(|&(q, _)| q == p) {
            continue;
        }
        if let Some(countries) = built.index.person_countries.get(p.index()) {
            keys.extend(countries.iter().map(|&c| ListKey::Country(c)));
        }
        if let Some(orgs) = built.index.person_organization_ids.get(p.index()) {
            keys.extend(orgs.iter().map(|&o| ListKey::Organization(o)));
        }
        speakers.push((p, initial_in_index(built, p)));
    }
    keys.extend(namesakes_of(built, &keys));
    let lists = keys
        .into_iter()
        .map(|key| (key, shown(built, key)))
        .collect();
    Before {
        lists,
        also: also.to_vec(),
        speakers,
        related: Vec::new(),
    }
}

/// The speaker lists of the namesakes of the people among `keys`: a person's page
/// names their namesakes with what their sessions say.
fn namesakes_of(built: &Built, keys: &HashSet<ListKey>) -> Vec<ListKey> {
    (keys.iter())
        .filter_map(|k| match k {
            ListKey::Speaker(p) => built.site.people.get(p.index()),
            _ => None,
        })
        .flat_map(|p| p.namesakes.iter().map(|&n| ListKey::Speaker(n)))
        .collect()
}

/// A person's initial, if they are in the speakers index (they have sessions).
fn initial_in_index(built: &Built, p: PersonId) -> Option<char> {
    let sessions = built.index.by_person.get(p.index())?;
    (!sessions.is_empty()).then(|| built.index.initial_of(p))
}

/// The pages of the speakers index that change when `moved` people (with their initial
/// before, if they were in it) are as `built` now has them: the index and the letters
/// they left and joined; every letter when a letter came or went or the A–Z was split
/// or joined (every letter page lists the letters).
fn speaker_pages(built: &Built, moved: &[(PersonId, Option<char>)]) -> SpeakerPages {
    if moved.is_empty() {
        return SpeakerPages::None;
    }
    let mut letters: BTreeSet<char> = BTreeSet::new();
    let mut counts: HashMap<char, i64> = HashMap::new();
    for &(p, was) in moved {
        let is = initial_in_index(built, p);
        for (letter, by) in [(was, -1), (is, 1)] {
            if let Some(letter) = letter {
                letters.insert(letter);
                *counts.entry(letter).or_default() += by;
            }
        }
    }
    let az = &built.index.speakers_az;
    let split = |n: i64| n > i64::try_from(crate::render::SPEAKERS_ON_ONE_PAGE).unwrap_or(i64::MAX);
    let now = i64::try_from(az.len()).unwrap_or(i64::MAX);
    if split(now) != split(now - counts.values().sum::<i64>()) {
        return SpeakerPages::All;
    }
    for (&letter, &by) in &counts {
        let under = people_under(built, letter);
        if by != 0 && (under == 0) != (under - by == 0) {
            return SpeakerPages::All;
        }
    }
    SpeakerPages::Letters(letters)
}

/// How many people of the speakers index are under `letter`.
fn people_under(built: &Built, letter: char) -> i64 {
    let index = &built.index;
    // The index runs letter by letter, "#" last: a letter's people are one stretch of it.
    let group = |p: &PersonId| {
        let l = index.initial_of(*p);
        (l == '#', l)
    };
    let az = &index.speakers_az;
    let start = az.partition_point(|p| group(p) < (letter == '#', letter));
    let end = az.partition_point(|p| group(p) <= (letter == '#', letter));
    i64::try_from(end - start).unwrap_or(i64::MAX)
}

impl Before {
    /// The lists as they were, in terms of the site once session `id` is taken out
    /// (sessions after it move down one): it stands for a session the site no longer has.
    pub(super) fn without(mut self, id: SessionId) -> Before {
        // An id no list of the new site holds: lists that had the session differ in
        // length, as they should (every page shows the length).
        let gone = SessionId(u32::MAX);
        let renumber = |s: &mut SessionId| {
            *s = match (*s).cmp(&id) {
                std::cmp::Ordering::Less => *s,
                std::cmp::Ordering::Equal => gone,
                std::cmp::Ordering::Greater => SessionId(s.0 - 1),
            }
        };
        for (ids, _) in self
            .lists
            .iter_mut()
            .filter_map(|(_, shown)| shown.as_mut())
        {
            ids.iter_mut().for_each(renumber);
        }
        self.also.iter_mut().for_each(renumber);
        self
    }
}

/// The pages to render after the edit that [`before`] saw coming: of session `id`, or
/// (`None`) of a session taken out.
pub(super) fn after(before: Before, built: &Built, id: Option<SessionId>) -> Change {
    let dirty: HashSet<SessionId> = id.into_iter().chain(before.also).collect();
    let mut cards: Vec<SessionId> = dirty.iter().copied().collect();
    cards.sort_unstable();
    let mut co_speakers: HashSet<ListKey> = HashSet::new();
    let mut lists: rustc_hash::FxHashMap<ListKey, PageSet> = rustc_hash::FxHashMap::default();
    for (key, old) in before.lists {
        let new = shown(built, key);
        if co_speakers_changed(old.as_ref().map(|l| &l.1), new.as_ref().map(|l| &l.1)) {
            co_speakers.insert(key);
        }
        lists.insert(key, list_pages(old, new, &dirty));
    }
    Change {
        selection: Selection {
            sessions: dirty,
            lists,
            co_speakers,
            indexes: true,
            speakers: speaker_pages(built, &before.speakers),
        },
        cards,
        gone: Vec::new(),
        sessions_gone: id.is_none(),
        related_before: Some(before.related),
    }
}

/// The lists whose pages show session `s`: those it is in ([`crate::index::lists`]),
/// and the sub-lines of its action lines' parents (a parent's page shows its
/// sub-lines' counts, and theirs the parent's).
fn lists_of(s: &Session) -> Vec<ListKey> {
    let mut keys: Vec<ListKey> = crate::index::lists(s).collect();
    for &a in &s.action_lines {
        let parent = a.parent().unwrap_or(a);
        keys.extend(parent.children().into_iter().map(ListKey::ActionLine));
    }
    keys
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

/// The lists `s` is in ([`crate::index::lists`]), named by slug.
fn terms_of(site: &Site, s: &Session, terms: &mut HashSet<Term>) {
    terms.extend(crate::index::lists(s).filter_map(|key| Term::of(site, key)));
}

/// Pages of a list that change: all of them when its length changed (every page shows
/// it), otherwise those where the order moved or a dirty session sits (`page_of` a
/// position in the list is the page that shows it).
fn changed_pages<T: Eq + Hash>(
    before: &[T],
    after: &[T],
    dirty: &HashSet<T>,
    page_of: impl Fn(usize) -> usize,
) -> PageSet {
    if before.len() != after.len() {
        return PageSet::All;
    }
    let pages = after
        .iter()
        .zip(before)
        .enumerate()
        .filter(|(_, (a, b))| a != b || dirty.contains(a))
        .map(|(i, _)| page_of(i))
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

#[cfg(test)]
mod tests;
