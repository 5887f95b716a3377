//! Resolving one edited session again, on its own, against the rest of a resolved site.
//!
//! [`resolve`](super::resolve) settles each person's slug, name and honorific, and each
//! topic's and unregistered event's name, from every session, in path order. An edit of
//! one session that keeps its slug and draft state ([`super::same_frame`]) can change
//! only the people, topics and event that session names before or after the edit, and
//! only through what it writes of them. [`resolve_one`] resolves the session as the full
//! resolve does (the same [`SessionResolver`], finding names in the last full resolve's
//! tables, [`Lookup`]), puts what it writes in place of what it wrote
//! ([`SiteSpellings::replace`](super::spellings::SiteSpellings::replace)) and names again,
//! with the functions the full resolve names everyone with, those whose spellings
//! differ; the other sessions that show a renamed person, topic or event change too
//! ([`SessionEdit::also`]). It gives up (the caller then resolves the whole site) where
//! a slug could differ from a full resolve's: a slug that is not simply the person's
//! identity (a "name-2" slug depends on who came first), or a new person's identity
//! that is already someone's slug.
//!
//! Why a tier of its own: resolving, indexing and diffing the whole site again from
//! memory takes 190–380 ms at 10 000 sessions (the index alone 40–100 ms; measured with
//! `serve -v`), this path under 10 ms of the whole update.
//!
//! People, topics and events that lose their last session stay in the site without
//! sessions, as registry people without sessions do: no page, list or file shows them
//! (the registry's events are shown without sessions; others are not).

use super::spellings::{Changed, Spellings};
use super::{
    Event, EventId, Lookup, Memo, Person, PersonId, Session, SessionId, SessionResolver, Site,
    Topic, TopicId,
};
use crate::content::SessionSource;
use crate::diag::Diagnostics;
use crate::url::Slug;
use std::path::Path;

/// A session resolved again, with what its edit does to the site's people and topics.
#[derive(Debug)]
pub struct SessionEdit {
    /// The session as it now is.
    pub session: Session,
    /// People no session named before, to append to the site's people (the session
    /// gives them the next ids).
    pub added: Vec<Person>,
    /// People whose name or honorific the edit changed.
    pub renamed: Vec<(PersonId, Person)>,
    /// The other sessions that show someone, a topic or an event the edit renamed, in
    /// path order: their pages and cards change too.
    pub also: Vec<SessionId>,
    /// The identities of `added`, for [`Lookup::admit`].
    pub(super) fresh: Vec<Slug>,
    /// What the session now writes (`None` once its file is deleted), for [`Lookup::admit`].
    pub(super) spellings: Option<Spellings>,
    /// Topics no session named before, to append to the site's topics.
    pub added_topics: Vec<Topic>,
    /// Topics whose name the edit changed.
    pub renamed_topics: Vec<(TopicId, Topic)>,
    /// The event, when no session named it before (it takes the next id).
    pub added_event: Option<Event>,
    /// Events outside the registry whose name the edit changed: the one the session
    /// left (when it named it first) and the one it joined (when it now names it first).
    pub renamed_events: Vec<(EventId, Event)>,
}

/// Resolves `src`, the new version of `site.sessions[id]`, on its own: its names are
/// found in `lookup` (the tables of the last full resolve). For a new file,
/// `site.sessions[id]` is a [`Session::absent`] put where it goes in path order.
/// `None` when only resolving the whole site gives the right result (see the module's
/// documentation), or when another session has the slug (the full resolve reports it).
pub fn resolve_one(
    src: &SessionSource,
    id: SessionId,
    site: &Site,
    lookup: &mut Lookup,
    diags: &mut Diagnostics,
    memo: &mut Memo,
) -> Option<SessionEdit> {
    // The resolver reads the countries while `lookup` answers names: take them out meanwhile.
    let countries = std::mem::take(&mut lookup.countries);
    let mut r = SessionResolver {
        file: &src.file,
        diags,
        countries: &countries,
        organizations: &site.organizations,
        found_orgs: &mut Default::default(),
        memo,
    };
    lookup.fresh.clear();
    lookup.fresh_topics.clear();
    lookup.fresh_events.clear();
    let resolved = r.slug(src).map(|slug| r.session(src, slug, &mut *lookup));
    lookup.countries = countries;
    let (session, spellings) = resolved?;
    let mut others = (site.sessions.iter().enumerate()).filter(|&(i, _)| i != id.index());
    if others.any(|(_, s)| s.slug == session.slug) {
        return None;
    }
    changes(session, Some(spellings), site, lookup)
}

/// What taking `site.sessions[id]` out of the site (its file was deleted) does to
/// people, topics and events, as [`resolve_one`] for an edit; the session of the result
/// is [`Session::absent`], to take out once the index has been patched for it.
pub fn resolve_without(id: SessionId, site: &Site, lookup: &mut Lookup) -> Option<SessionEdit> {
    lookup.fresh.clear();
    lookup.fresh_topics.clear();
    lookup.fresh_events.clear();
    let old = &site.sessions[id.index()];
    let session = Session::absent(old.slug.clone(), old.file.clone());
    changes(session, None, site, lookup)
}

/// What `session`, writing `spellings`, changes by replacing the site's session of
/// its file: worked out with its spellings in place of the old ones, which are put
/// back after ([`Lookup::admit`] takes the new ones in for good).
fn changes(
    session: Session,
    spellings: Option<Spellings>,
    site: &Site,
    lookup: &mut Lookup,
) -> Option<SessionEdit> {
    let file = session.file.clone();
    let old = lookup.spellings.replace(&file, spellings);
    let edit = renames(session, old.as_ref(), &file, site, lookup);
    let spellings = lookup.spellings.replace(&file, old);
    let mut edit = edit?;
    edit.spellings = spellings;
    edit.fresh = std::mem::take(&mut lookup.fresh);
    edit.also.sort_unstable();
    edit.also.dedup();
    Some(edit)
}

/// What `session` adds and renames (the people, topics and events whose spellings in
/// its `file` differ from `old`; `lookup` holds the new ones), and the other sessions
/// that show it.
fn renames(
    session: Session,
    old: Option<&Spellings>,
    file: &Path,
    site: &Site,
    lookup: &Lookup,
) -> Option<SessionEdit> {
    let all = &lookup.spellings;
    let changed = Changed::between(old, all.of(file));
    // The other sessions that name someone, by id (sessions are in path order).
    let ids = |files: &mut dyn Iterator<Item = &Path>| -> Vec<SessionId> {
        let others = files.filter(|&f| f != file);
        let at = |f: &Path| (site.sessions).binary_search_by(|s| s.file.as_path().cmp(f));
        others
            .filter_map(|f| at(f).ok().map(SessionId::from_index))
            .collect()
    };
    let mut r = SessionEdit {
        session,
        added: Vec::new(),
        renamed: Vec::new(),
        also: Vec::new(),
        fresh: Vec::new(),
        spellings: None,
        added_topics: Vec::new(),
        renamed_topics: Vec::new(),
        added_event: None,
        renamed_events: Vec::new(),
    };
    for p in changed.people() {
        let registered = lookup.registered.get(&p);
        let naming = all.naming(p, registered);
        let Some(before) = site.people.get(p) else {
            // Someone new: named by this session alone, under their identity.
            let key = &lookup.fresh[p - site.people.len()];
            if lookup.slugs.contains(key) {
                return None;
            }
            naming.spelled()?;
            let mut person = Person::named(key.clone(), String::new(), None);
            naming.name(&mut person);
            r.added.push(person);
            continue;
        };
        if registered.is_none() {
            // The slug of someone not in the registry is their identity, unless another
            // took it first ("name-2"); and a slug like "name-2" may be what someone
            // named "name" would take if this person came later or went. Either depends
            // on who comes first, which only a full resolve knows.
            let plain = Slug::from_text(&before.name).as_ref() == Some(&before.slug)
                && !contested(&before.slug, site, lookup);
            if !plain {
                return None;
            }
            if naming.spelled().is_none() {
                // Gone from the last session: left as they were, without sessions.
                continue;
            }
        }
        let mut person = before.clone();
        naming.name(&mut person);
        if person != *before {
            // Their other sessions show the change.
            r.also.extend(ids(&mut all.person_files(p)));
            r.renamed.push((PersonId::from_index(p), person));
        }
    }
    // New people take the ids the lookup gave them, in the order it met them.
    (r.added).sort_by_key(|person| lookup.fresh.iter().position(|k| *k == person.slug));
    for t in changed.topics() {
        let topic = |slug, name| Topic { slug, name };
        let fresh = &lookup.fresh_topics;
        match named_again(&site.topics, t, all.topic(t), fresh, topic, |t| &mut t.name) {
            Again::New(topic) => r.added_topics.push(topic),
            Again::Renamed(topic) => {
                r.also.extend(ids(&mut all.topic_files(t)));
                r.renamed_topics.push((TopicId::from_index(t), topic));
            }
            Again::Same => {}
        }
    }
    // New topics take the ids the lookup gave them, in the order it met them.
    (r.added_topics).sort_by_key(|t: &Topic| lookup.topic_of(&t.slug));
    for e in changed.events() {
        if site.events.get(e).is_some_and(|e| e.registered) {
            continue;
        }
        let (fresh, new) = (&lookup.fresh_events, Event::unregistered);
        match named_again(&site.events, e, all.event(e), fresh, new, |e| &mut e.name) {
            Again::New(event) => r.added_event = Some(event),
            Again::Renamed(event) => {
                r.also.extend(ids(&mut all.event_files(e)));
                r.renamed_events.push((EventId::from_index(e), event));
            }
            Again::Same => {}
        }
    }
    Some(r)
}

/// What naming a topic or an event again does.
enum Again<T> {
    /// Nothing: the name is the same, or no session names it any more (it is left as
    /// it was, without sessions, and not shown).
    Same,
    /// It is new (no session named it before).
    New(T),
    /// It takes another name.
    Renamed(T),
}

/// Item `i` of `items` (topics or events) named `name`; one past the end is new, and
/// `fresh` holds the slugs of those.
fn named_again<T: Clone>(
    items: &[T],
    i: usize,
    name: Option<String>,
    fresh: &[Slug],
    new: impl Fn(Slug, String) -> T,
    name_of: fn(&mut T) -> &mut String,
) -> Again<T> {
    let Some(name) = name else {
        return Again::Same;
    };
    let Some(item) = items.get(i) else {
        return Again::New(new(fresh[i - items.len()].clone(), name));
    };
    let mut item = item.clone();
    if *name_of(&mut item) == name {
        return Again::Same;
    }
    *name_of(&mut item) = name;
    Again::Renamed(item)
}

/// Whether a slug is one that someone else, numbered around it, may want: it reads
/// "name-2" and the person called "name" has a numbered slug ([`Slug::numbered`]).
fn contested(slug: &Slug, site: &Site, lookup: &Lookup) -> bool {
    let Some((base, n)) = slug.as_str().rsplit_once('-') else {
        return false;
    };
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    Slug::parse_exact(base)
        .and_then(|base| Some((lookup.id_of(&base)?, base)))
        .is_some_and(|(z, base)| site.people.get(z).is_none_or(|p| p.slug != base))
}

#[cfg(test)]
mod tests;
