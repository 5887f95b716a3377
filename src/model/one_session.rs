//! Resolving one edited session again, on its own, against the rest of a resolved site.
//!
//! [`resolve`](super::resolve) settles each person's slug, name and honorific, and each
//! topic's and unregistered event's name, from every session, in path order. An edit of
//! one session that keeps its slug and draft state ([`super::same_frame`]) can change
//! only the people, topics and event that session names before or after the edit, and
//! only through its entries. [`resolve_one`] works those out from the entries alone,
//! with the other sessions that name them (the sessions that show a renamed person,
//! topic or event change too: [`SessionEdit::also`]). It gives up (the caller then resolves
//! the whole site) where a slug could differ from a full resolve's: a slug that is not
//! simply the person's identity (a "name-2" slug depends on who came first), or a new
//! person's identity that is already someone's slug.
//!
//! The names themselves come from the rules the full resolve uses: [`Naming`] for
//! people, and the first spelling in path order (`topic_name`, `event_name`) for topics
//! and events; only the choice of entries (those of the sessions that name them) is
//! this module's. Why a tier of its own: resolving, indexing and diffing the whole site
//! again from memory takes 260–380 ms at 10 000 sessions (measured with `serve -v`),
//! this path 50–80 ms for the whole update.
//!
//! People, topics and events that lose their last session stay in the site without
//! sessions, as registry people without sessions do: no page, list or file shows them
//! (the registry's events are shown without sessions; others are not).

use super::person::Naming;
use super::{
    Event, EventId, Lookup, Memo, Person, PersonId, Session, SessionId, SessionResolver, Site,
    Topic, TopicId,
};
use crate::content::SessionSource;
use crate::diag::Diagnostics;
use crate::url::Slug;

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

/// The site an edited session is resolved again against, as it was before the edit.
pub struct SiteBefore<'a> {
    /// The resolved site.
    pub site: &'a Site,
    /// The site's session sources, in path order, as they were resolved (the edited
    /// session's too).
    pub sources: &'a [SessionSource],
    /// A person's sessions, in any order (the index knows them).
    pub sessions_of: &'a dyn Fn(PersonId) -> Vec<SessionId>,
    /// A topic's sessions, in any order.
    pub topic_sessions: &'a dyn Fn(TopicId) -> Vec<SessionId>,
    /// An event's sessions, in any order.
    pub event_sessions: &'a dyn Fn(EventId) -> Vec<SessionId>,
}

impl SiteBefore<'_> {
    /// The source `site.sessions[id]` was resolved from; `None` for a session no source
    /// gave (the [`Session::absent`] standing where a new file's session goes).
    fn source_of(&self, id: SessionId) -> Option<&SessionSource> {
        let file = &self.site.sessions[id.index()].file;
        let at = (self.sources).binary_search_by(|s| s.file.cmp(file)).ok()?;
        Some(&self.sources[at])
    }
}

/// Resolves `src`, the new version of `rest.site.sessions[id]`, on its own: its names
/// are found in `lookup` (the tables of the last full resolve). For a new file,
/// `rest.site.sessions[id]` is a [`Session::absent`] put where it goes in path order.
/// `None` when only resolving the whole site gives the right result (see the module's
/// documentation), or when another session has the slug (the full resolve reports it).
pub fn resolve_one(
    src: &SessionSource,
    id: SessionId,
    rest: &SiteBefore<'_>,
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
        memo,
    };
    lookup.fresh.clear();
    lookup.fresh_topics.clear();
    lookup.fresh_events.clear();
    let session = r.slug(src).map(|slug| r.session(src, slug, &mut *lookup));
    lookup.countries = countries;
    let session = session?;
    let site = rest.site;
    let mut others = (site.sessions.iter().enumerate()).filter(|&(i, _)| i != id.index());
    if others.any(|(_, s)| s.slug == session.slug) {
        return None;
    }
    changes(session, src, id, rest, lookup, memo)
}

/// What taking `rest.site.sessions[id]` out of the site (its file was deleted) does to
/// people, topics and events, as [`resolve_one`] for an edit; the session of the result
/// is [`Session::absent`], to take out once the index has been patched for it.
pub fn resolve_without(
    id: SessionId,
    rest: &SiteBefore<'_>,
    lookup: &mut Lookup,
    memo: &mut Memo,
) -> Option<SessionEdit> {
    lookup.fresh.clear();
    lookup.fresh_topics.clear();
    lookup.fresh_events.clear();
    let old = &rest.site.sessions[id.index()];
    let session = Session::absent(old.slug.clone(), old.file.clone());
    let src = SessionSource::absent(old.file.clone());
    changes(session, &src, id, rest, lookup, memo)
}

/// The people, topics and event that `session`, resolved from `src`, changes by
/// replacing `rest.site.sessions[id]`.
fn changes(
    session: Session,
    src: &SessionSource,
    id: SessionId,
    rest: &SiteBefore<'_>,
    lookup: &mut Lookup,
    memo: &mut Memo,
) -> Option<SessionEdit> {
    let site = rest.site;
    // Only people whose entries in this session changed can change: they joined, left,
    // or are spelled or addressed otherwise. (Then so might their first appearance.)
    let old = &site.sessions[id.index()];
    let absent;
    let old_source = match rest.source_of(id) {
        Some(source) => source,
        None => {
            absent = SessionSource::absent(old.file.clone());
            &absent
        }
    };
    let mut affected: Vec<PersonId> = Vec::new();
    for p in old.participants.iter().chain(&session.participants) {
        let p = p.person;
        if !affected.contains(&p)
            && entries(old_source, p, lookup, memo) != entries(src, p, lookup, memo)
        {
            affected.push(p);
        }
    }
    let in_session = |s: &Session, p: PersonId| s.participants.iter().any(|x| x.person == p);

    // Each affected person's sessions, in path order (the order of ids).
    let sessions: Vec<Vec<SessionId>> = (affected.iter())
        .map(|&p| {
            let mut ids: Vec<SessionId> = (rest.sessions_of)(p);
            ids.retain(|&s| s != id);
            if in_session(&session, p) {
                ids.push(id);
            }
            ids.sort_unstable();
            ids
        })
        .collect();

    let mut added: Vec<Person> = Vec::new();
    let mut renamed: Vec<(PersonId, Person)> = Vec::new();
    let mut also: Vec<SessionId> = Vec::new();
    for (&p, sessions) in affected.iter().zip(&sessions) {
        let registered = lookup.registered.get(&p.index());
        let mut naming = match registered {
            Some(honorific) => Naming::registered(honorific.clone()),
            None => Naming::unregistered(),
        };
        for &sid in sessions {
            let source = if sid == id { src } else { rest.source_of(sid)? };
            for (name, written) in entries(source, p, lookup, memo) {
                naming.write(&name, written.as_deref());
            }
        }
        let Some(before) = site.people.get(p.index()) else {
            // Someone new: named by this session alone, under their identity.
            let key = &lookup.fresh[p.index() - site.people.len()];
            if lookup.slugs.contains(key) {
                return None;
            }
            let mut person = Person::named(key.clone(), naming.spelled()?.to_string(), None);
            naming.name(&mut person);
            added.push(person);
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
            also.extend(sessions.iter().filter(|&&s| s != id));
            renamed.push((p, person));
        }
    }
    // New people take the ids the lookup gave them, in the order it met them.
    added.sort_by_key(|person| lookup.fresh.iter().position(|k| *k == person.slug));
    let (added_topics, renamed_topics) =
        topics_again(&session, id, old_source, src, rest, lookup, &mut also)?;
    let (added_event, renamed_events) =
        event_again(&session, id, old_source, src, rest, lookup, &mut also)?;
    also.sort_unstable();
    also.dedup();
    Some(SessionEdit {
        also,
        fresh: std::mem::take(&mut lookup.fresh),
        session,
        added,
        renamed,
        added_topics,
        renamed_topics,
        added_event,
        renamed_events,
    })
}

/// Topics added, and topics renamed with their new data.
type TopicChanges = (Vec<Topic>, Vec<(TopicId, Topic)>);

/// The topics `session` (the new version of `rest.site.sessions[id]`, from `src`; `old`
/// is the source it replaces) brings or renames. A topic is named by its first spelling
/// in path order, so only topics this session names (or named) first can change name;
/// the other sessions that name such a topic go into `also`.
fn topics_again(
    session: &Session,
    id: SessionId,
    old: &SessionSource,
    src: &SessionSource,
    rest: &SiteBefore<'_>,
    lookup: &Lookup,
    also: &mut Vec<SessionId>,
) -> Option<TopicChanges> {
    let site = rest.site;
    let spelling = |source: &SessionSource, t: TopicId| {
        let named = |n: &&serde_saphyr::Spanned<String>| {
            Slug::from_text(&n.value).and_then(|k| lookup.topic_of(&k)) == Some(t.index())
        };
        (source.front.topics.iter().find(named)).map(|n| super::event::topic_name(&n.value))
    };
    let (mut added, mut renamed) = (Vec::new(), Vec::new());
    let old_topics = &site.sessions[id.index()].topics;
    let mut seen: Vec<TopicId> = Vec::new();
    for &t in old_topics.iter().chain(&session.topics) {
        if seen.contains(&t) || spelling(old, t) == spelling(src, t) {
            continue;
        }
        seen.push(t);
        let mut ids: Vec<SessionId> = (rest.topic_sessions)(t);
        ids.retain(|&s| s != id);
        if session.topics.contains(&t) {
            ids.push(id);
        }
        let Some(&first) = ids.iter().min() else {
            // Named by no session any more: left as it was, without sessions.
            continue;
        };
        let source = if first == id {
            src
        } else {
            rest.source_of(first)?
        };
        let name = spelling(source, t)?;
        let Some(topic) = site.topics.get(t.index()) else {
            let slug = lookup.fresh_topics[t.index() - site.topics.len()].clone();
            added.push(Topic { slug, name });
            continue;
        };
        if name != topic.name {
            also.extend(ids.iter().filter(|&&s| s != id));
            let topic = Topic {
                name,
                ..topic.clone()
            };
            renamed.push((t, topic));
        }
    }
    // New topics take the ids the lookup gave them, in the order it met them.
    added.sort_by_key(|t: &Topic| lookup.topic_of(&t.slug));
    Some((added, renamed))
}

/// The event added, and the events renamed with their new data.
type EventChange = (Option<Event>, Vec<(EventId, Event)>);

/// The event `session` (the new version of `rest.site.sessions[id]`, from `src`; `old`
/// is the source it replaces) brings or renames. Registry events keep their data; any
/// other event is named by its first spelling in path order: as for topics, the other
/// sessions of one the edit renames go into `also`.
fn event_again(
    session: &Session,
    id: SessionId,
    old: &SessionSource,
    src: &SessionSource,
    rest: &SiteBefore<'_>,
    lookup: &Lookup,
    also: &mut Vec<SessionId>,
) -> Option<EventChange> {
    let site = rest.site;
    let spelling = |source: &SessionSource| {
        let written = source.front.event.as_ref()?;
        Some(super::event::event_name(&written.value))
    };
    let before = site.sessions[id.index()].event;
    if before == session.event && spelling(old) == spelling(src) {
        return Some((None, Vec::new()));
    }
    let (mut added, mut renamed) = (None, Vec::new());
    let after = session.event.filter(|&e| Some(e) != before);
    for e in [before, after].into_iter().flatten() {
        if site.events.get(e.index()).is_some_and(|e| e.registered) {
            continue;
        }
        let mut ids: Vec<SessionId> = (rest.event_sessions)(e);
        ids.retain(|&s| s != id);
        if session.event == Some(e) {
            ids.push(id);
        }
        let Some(&first) = ids.iter().min() else {
            // Named by no session any more: left without sessions, and not shown.
            continue;
        };
        let source = if first == id {
            src
        } else {
            rest.source_of(first)?
        };
        let name = spelling(source)?;
        let Some(event) = site.events.get(e.index()) else {
            let slug = lookup.fresh_events[e.index() - site.events.len()].clone();
            added = Some(Event::unregistered(slug, name));
            continue;
        };
        if name != event.name {
            also.extend(ids.iter().filter(|&&s| s != id));
            let event = Event {
                name,
                ..event.clone()
            };
            renamed.push((e, event));
        }
    }
    Some((added, renamed))
}

/// The entries of `source` that name person `p`: each spelling, with the honorific
/// it gives.
fn entries(
    source: &SessionSource,
    p: PersonId,
    lookup: &Lookup,
    memo: &mut Memo,
) -> Vec<(String, Option<String>)> {
    let front = &source.front;
    let mut found = Vec::new();
    for entry in front.moderators.iter().chain(&front.speakers) {
        let e = &entry.value.0;
        let (parsed, key) = memo.name(&e.name);
        // The rule the resolve follows: an id or a shared name first, then the name.
        let who = match lookup.namesakes.pick(e, key.as_ref(), &lookup.countries) {
            Ok(Some(i)) => Some(i),
            Ok(None) => key.as_ref().and_then(|k| lookup.id_of(k)),
            Err(_) => None,
        };
        if who == Some(p.index()) {
            found.push((parsed.name.clone(), super::written_honorific(e, parsed)));
        }
    }
    found
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
