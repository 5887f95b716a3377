//! Resolving one edited session again, on its own, against the rest of a resolved site.
//!
//! [`resolve`](super::resolve) settles each person's slug, name and honorific, and each
//! topic's and unregistered event's name, from every session, in path order. An edit of
//! one session that keeps its slug and draft state ([`super::same_frame`]) can change
//! only the people, topics and event that session names before or after the edit, and
//! only through its entries. [`resolve_again`] works those out from the entries alone,
//! with the other sessions that name them (the sessions that show a renamed person,
//! topic or event change too: [`Again::also`]). It gives up (the caller then resolves
//! the whole site) where a slug could differ from a full resolve's: a slug that is not
//! simply the person's identity (a "name-2" slug depends on who came first), or a new
//! person's identity that is already someone's slug.
//!
//! People, topics and events that lose their last session stay in the site without
//! sessions, as registry people without sessions do: no page, list or file shows them
//! (the registry's events are shown without sessions; others are not).

use super::person::best_spelling;
use super::{
    Event, EventId, Lookup, Memo, Person, PersonId, Session, SessionId, SessionResolver, Site,
    Topic, TopicId,
};
use crate::content::SessionSource;
use crate::diag::Diagnostics;
use crate::url::Slug;

/// A session resolved again, with what its edit does to the site's people and topics.
#[derive(Debug)]
pub struct Again {
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
pub struct Rest<'a> {
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

impl Rest<'_> {
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
pub fn resolve_again(
    src: &SessionSource,
    id: SessionId,
    rest: &Rest<'_>,
    lookup: &mut Lookup,
    diags: &mut Diagnostics,
    memo: &mut Memo,
) -> Option<Again> {
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
/// people, topics and events, as [`resolve_again`] for an edit; the session of the result
/// is [`Session::absent`], to take out once the index has been patched for it.
pub fn resolve_without(
    id: SessionId,
    rest: &Rest<'_>,
    lookup: &mut Lookup,
    memo: &mut Memo,
) -> Option<Again> {
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
    rest: &Rest<'_>,
    lookup: &mut Lookup,
    memo: &mut Memo,
) -> Option<Again> {
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
        let (mut spellings, mut honorific) =
            (Vec::<(String, u32)>::new(), registered.cloned().flatten());
        for &sid in sessions {
            let source = if sid == id { src } else { rest.source_of(sid)? };
            for (name, written) in entries(source, p, lookup, memo) {
                match spellings.iter_mut().find(|(s, _)| *s == name) {
                    Some((_, n)) => *n += 1,
                    None => spellings.push((name, 1)),
                }
                honorific = honorific.or(written);
            }
        }
        let best = best_spelling(&spellings).map(str::to_string);
        let Some(person) = site.people.get(p.index()) else {
            // Someone new: named by this session alone, under their identity.
            let key = &lookup.fresh[p.index() - site.people.len()];
            if lookup.slugs.contains(key) {
                return None;
            }
            added.push(Person {
                slug: key.clone(),
                name: best?,
                honorific,
                bio: None,
                photo: None,
                links: Vec::new(),
            });
            continue;
        };
        if registered.is_none() {
            // The slug of someone not in the registry is their identity, unless another
            // took it first ("name-2"); and a slug like "name-2" may be what someone
            // named "name" would take if this person came later or went. Either depends
            // on who comes first, which only a full resolve knows.
            let plain = Slug::from_text(&person.name).as_ref() == Some(&person.slug)
                && !contested(&person.slug, site, lookup);
            if !plain {
                return None;
            }
            if best.is_none() {
                // Gone from the last session: left as they were, without sessions.
                continue;
            }
        }
        let name = match registered {
            Some(_) => person.name.clone(),
            None => best?,
        };
        if name != person.name || honorific != person.honorific {
            // Their other sessions show the change.
            also.extend(sessions.iter().filter(|&&s| s != id));
            let person = Person {
                name,
                honorific,
                ..person.clone()
            };
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
    Some(Again {
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
    rest: &Rest<'_>,
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
    rest: &Rest<'_>,
    lookup: &Lookup,
    also: &mut Vec<SessionId>,
) -> Option<EventChange> {
    let site = rest.site;
    let spelling = |source: &SessionSource| {
        let written = source.front.event.as_ref()?;
        Some(written.value.trim().to_string())
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
        if key.as_ref().and_then(|k| lookup.id_of(k)) == Some(p.index()) {
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
mod tests {
    use super::*;
    use crate::content::{self, SitePaths};
    use crate::model::{ResolveOptions, resolve_with};

    /// A site of `sessions` (file stem, people as a YAML list) and a speakers registry.
    fn site(dir: &std::path::Path, sessions: &[(&str, &str)], registry: &str) {
        std::fs::create_dir_all(dir.join("sessions")).expect("mkdir");
        std::fs::create_dir_all(dir.join("data")).expect("mkdir");
        std::fs::write(dir.join("data/speakers.yaml"), registry).expect("registry");
        for (stem, people) in sessions {
            let text = format!("---\ntitle: \"{stem}\"\nspeakers: {people}\n---\nBody.\n");
            std::fs::write(dir.join(format!("sessions/{stem}.md")), text).expect("session");
        }
    }

    /// Builds a site, edits the people of one session, resolves that session again,
    /// and returns the result with the site a full resolve of the edited files gives.
    fn edit(
        sessions: &[(&str, &str)],
        registry: &str,
        (stem, people): (&str, &str),
    ) -> (Option<Again>, Site) {
        let dir = tempfile::tempdir().expect("tempdir");
        site(dir.path(), sessions, registry);
        let paths = SitePaths::new(dir.path());
        let resolve = || {
            let mut diags = Diagnostics::new();
            let sources = content::load(&paths, &mut diags);
            let options = ResolveOptions::default();
            let (site, lookup) = resolve_with(&sources, options, &mut diags, &mut Memo::default());
            assert!(!diags.has_errors(), "{diags:?}");
            (sources, site, lookup)
        };
        let (sources_before, before, mut lookup) = resolve();
        site(dir.path(), &[(stem, people)], registry);
        let (sources, after, _) = resolve();
        let at = (sources.sessions.iter())
            .position(|s| s.stem == stem)
            .expect("edited");
        let id = SessionId::from_index(at);
        let mut diags = Diagnostics::new();
        let sessions_of = |p: PersonId| {
            let ids = (0..before.sessions.len()).map(SessionId::from_index);
            ids.filter(|s| {
                let participants = &before.sessions[s.index()].participants;
                participants.iter().any(|x| x.person == p)
            })
            .collect()
        };
        let topic_sessions = |t: TopicId| {
            let ids = (0..before.sessions.len()).map(SessionId::from_index);
            ids.filter(|s| before.sessions[s.index()].topics.contains(&t))
                .collect()
        };
        let event_sessions = |e: EventId| {
            let ids = (0..before.sessions.len()).map(SessionId::from_index);
            ids.filter(|s| before.sessions[s.index()].event == Some(e))
                .collect()
        };
        let rest = Rest {
            site: &before,
            sources: &sources_before.sessions,
            sessions_of: &sessions_of,
            topic_sessions: &topic_sessions,
            event_sessions: &event_sessions,
        };
        let again = resolve_again(
            &sources.sessions[at],
            id,
            &rest,
            &mut lookup,
            &mut diags,
            &mut Memo::default(),
        );
        (again, after)
    }

    /// The item of `items` with slug `slug`.
    fn by_slug<'a, T>(items: &'a [T], slug: &str, of: impl Fn(&T) -> &Slug) -> &'a T {
        (items.iter())
            .find(|x| of(x).as_str() == slug)
            .unwrap_or_else(|| panic!("no {slug}"))
    }

    /// A person of a fully resolved site, by slug.
    fn person<'a>(site: &'a Site, slug: &str) -> &'a Person {
        by_slug(&site.people, slug, |p| &p.slug)
    }

    #[test]
    fn someone_new_is_added_under_their_identity() {
        let (again, full) = edit(
            &[("a", "[Ana Lima, Ben Okafor]"), ("b", "[Ben Okafor]")],
            "",
            ("a", "[Ana Lima, \"Dr. Chen Wei\"]"),
        );
        let again = again.expect("one-session edit");
        assert_eq!(again.added, [person(&full, "chen-wei").clone()]);
        assert_eq!(again.added[0].honorific.as_deref(), Some("Dr."));
        assert!(again.renamed.is_empty());
    }

    #[test]
    fn the_same_people_change_nothing() {
        let (again, _) = edit(
            &[("a", "[Ana Lima, Ben Okafor]")],
            "",
            ("a", "[Ben Okafor, Ana Lima]"),
        );
        let again = again.expect("one-session edit");
        assert!(again.added.is_empty() && again.renamed.is_empty());
    }

    #[test]
    fn someone_named_here_alone_is_renamed_and_may_leave() {
        let sessions = [("a", "[ana lima, Ben Okafor]"), ("b", "[Ben Okafor]")];
        let (again, full) = edit(&sessions, "", ("a", "[\"Prof. ANA Lima\", Ben Okafor]"));
        let again = again.expect("one-session edit");
        let renamed: Vec<&Person> = again.renamed.iter().map(|(_, p)| p).collect();
        assert_eq!(renamed, [person(&full, "ana-lima")]);
        assert_eq!(renamed[0].name, "ANA Lima");

        let (again, _) = edit(&sessions, "", ("a", "[Ben Okafor]"));
        let again = again.expect("one-session edit");
        assert!(again.added.is_empty() && again.renamed.is_empty());
    }

    /// The one person `again` renames, and the other sessions it shows (by file stem).
    fn renamed_one<'a>(again: &'a Again, full: &Site) -> (&'a Person, Vec<String>) {
        let [(_, person)] = again.renamed.as_slice() else {
            panic!("one renamed: {:?}", again.renamed);
        };
        let stems = (again.also.iter())
            .map(|s| full.sessions[s.index()].slug.to_string())
            .collect();
        (person, stems)
    }

    #[test]
    fn someone_named_elsewhere_too_is_renamed_with_their_other_sessions() {
        let sessions = [
            ("a", "[ana lima]"),
            ("b", "[ana lima]"),
            ("c", "[Ben Okafor]"),
        ];
        // Spelled "Ana Lima" once and "ana lima" once, the capitals win.
        let (again, full) = edit(&sessions, "", ("a", "[Ana Lima]"));
        let again = again.expect("one-session edit");
        let (renamed, also) = renamed_one(&again, &full);
        assert_eq!(renamed, person(&full, "ana-lima"));
        assert_eq!(
            (renamed.name.as_str(), also),
            ("Ana Lima", vec!["b".to_string()])
        );
        // The first honorific written (in path order) is the one shown.
        let (again, full) = edit(&sessions, "", ("a", "[\"Dr. ana lima\"]"));
        let again = again.expect("one-session edit");
        let (renamed, also) = renamed_one(&again, &full);
        assert_eq!(renamed, person(&full, "ana-lima"));
        assert_eq!(
            (renamed.honorific.as_deref(), also),
            (Some("Dr."), vec!["b".to_string()])
        );
        // Written in the later session, it is the first all the same.
        let (again, full) = edit(&sessions, "", ("b", "[\"Dr. ana lima\"]"));
        let again = again.expect("one-session edit");
        let (renamed, also) = renamed_one(&again, &full);
        assert_eq!(
            (renamed.honorific.as_deref(), also),
            (Some("Dr."), vec!["a".to_string()])
        );
        // Someone joining as they are spelled everywhere renames no one.
        let (again, _) = edit(&sessions, "", ("b", "[ana lima, Ben Okafor]"));
        let again = again.expect("one-session edit");
        assert!(again.renamed.is_empty() && again.also.is_empty());
    }

    #[test]
    fn slugs_someone_else_decides_need_a_full_resolve() {
        // The registry gives "ana-lima" to someone else: a new Ana Lima would be "ana-lima-2".
        let registry = "- id: ana-lima\n  name: Ana Maria Lima\n";
        let (again, full) = edit(&[("a", "[Ben Okafor]")], registry, ("a", "[Ana Lima]"));
        assert!(again.is_none());
        assert_eq!(person(&full, "ana-lima-2").name, "Ana Lima");
        // Who gets "ana-lima-2" depends on who comes first.
        let sessions = [("a", "[Ana Lima]"), ("b", "[Ben Okafor]")];
        let (again, _) = edit(&sessions, registry, ("a", "[Ben Okafor]"));
        assert!(again.is_none());
        // "Ana Lima 2" came first and took "ana-lima-2": Ana Lima was numbered around her.
        let sessions = [("a", "[Ana Lima 2]"), ("b", "[Ana Lima]")];
        let (again, full) = edit(&sessions, registry, ("a", "[Ben Okafor]"));
        assert!(again.is_none());
        assert_eq!(person(&full, "ana-lima-2").name, "Ana Lima");
        // Slugs that merely end in digits are their own.
        let sessions = [("a", "[Speaker 1, Ben Okafor]"), ("b", "[Ben Okafor]")];
        let (again, _) = edit(&sessions, registry, ("a", "[Speaker 2, Ben Okafor]"));
        assert!(again.is_some());
    }

    /// [`edit`] for sessions with one speaker, and front matter that `with` makes of
    /// the given text.
    fn edit_with(
        sessions: &[(&str, &str)],
        edited: (&str, &str),
        with: impl Fn(&str) -> String,
    ) -> (Option<Again>, Site) {
        let with = |text: &str| format!("[Ana Lima]\n{}", with(text));
        let sessions: Vec<(&str, String)> = sessions.iter().map(|(s, t)| (*s, with(t))).collect();
        let sessions: Vec<(&str, &str)> = sessions.iter().map(|(s, t)| (*s, t.as_str())).collect();
        edit(&sessions, "", (edited.0, &with(edited.1)))
    }

    /// [`edit`] for topics: sessions with a speaker and the given topics.
    fn edit_topics(sessions: &[(&str, &str)], edited: (&str, &str)) -> (Option<Again>, Site) {
        edit_with(sessions, edited, |topics| format!("topics: {topics}"))
    }

    /// A topic of a fully resolved site, by slug.
    fn topic<'a>(site: &'a Site, slug: &str) -> &'a Topic {
        by_slug(&site.topics, slug, |t| &t.slug)
    }

    #[test]
    fn topics_come_and_are_renamed_where_this_session_alone_names_them() {
        let sessions = [("a", "[AI, Quantum Policy]"), ("b", "[AI]")];
        let (again, full) = edit_topics(&sessions, ("a", "[AI, Space Law]"));
        let again = again.expect("one-session edit");
        assert_eq!(again.added_topics, [topic(&full, "space-law").clone()]);
        let (again, full) = edit_topics(&sessions, ("a", "[AI, \"quantum   POLICY\"]"));
        let again = again.expect("one-session edit");
        let renamed: Vec<&Topic> = again.renamed_topics.iter().map(|(_, t)| t).collect();
        assert_eq!(renamed, [topic(&full, "quantum-policy")]);
        assert_eq!(renamed[0].name, "quantum POLICY");
    }

    #[test]
    fn a_topic_named_first_here_and_elsewhere_too_is_renamed_with_its_other_sessions() {
        let sessions = [("a", "[AI]"), ("b", "[AI]")];
        let (again, full) = edit_topics(&sessions, ("a", "[ai]"));
        let again = again.expect("one-session edit");
        assert_eq!(again.renamed_topics.len(), 1);
        assert_eq!(&again.renamed_topics[0].1, topic(&full, "ai"));
        assert_eq!(topic(&full, "ai").name, "ai");
        assert_eq!(again.also, [SessionId(1)]);
        // Named after someone else's spelling: nothing changes.
        let (again, _) = edit_topics(&sessions, ("b", "[ai]"));
        let again = again.expect("one-session edit");
        assert!(again.renamed_topics.is_empty());
    }

    /// [`edit`] for events: sessions with a speaker and the given event.
    fn edit_event(sessions: &[(&str, &str)], edited: (&str, &str)) -> (Option<Again>, Site) {
        edit_with(sessions, edited, |event| format!("event: \"{event}\""))
    }

    /// An event of a fully resolved site, by slug.
    fn event<'a>(site: &'a Site, slug: &str) -> &'a Event {
        by_slug(&site.events, slug, |e| &e.slug)
    }

    #[test]
    fn events_come_and_are_renamed_where_this_session_alone_names_them() {
        let sessions = [("a", "IGF 2025"), ("b", "IGF 2025"), ("c", "WSIS Forum")];
        // Another known event: nothing to add or rename, whoever named it first.
        for stem in ["a", "c"] {
            let other = if stem == "a" {
                "WSIS Forum"
            } else {
                "igf 2025"
            };
            let (again, _) = edit_event(&sessions, (stem, other));
            let again = again.expect("one-session edit");
            assert!(again.added_event.is_none() && again.renamed_events.is_empty());
        }
        let (again, full) = edit_event(&sessions, ("c", "AI for Good"));
        let again = again.expect("one-session edit");
        assert_eq!(
            again.added_event.as_ref(),
            Some(event(&full, "ai-for-good"))
        );
        let (again, full) = edit_event(&sessions, ("c", "wsis  forum "));
        let again = again.expect("one-session edit");
        let [(_, renamed)] = again.renamed_events.as_slice() else {
            panic!("one renamed: {:?}", again.renamed_events);
        };
        assert_eq!(renamed, event(&full, "wsis-forum"));
        assert_eq!(renamed.name, "wsis  forum");
    }

    #[test]
    fn an_event_named_first_here_and_elsewhere_too_is_renamed_with_its_other_sessions() {
        let sessions = [("a", "IGF 2025"), ("b", "igf-2025")];
        // Leaving it: the next session's spelling names it.
        let (again, full) = edit_event(&sessions, ("a", "WSIS Forum"));
        let again = again.expect("one-session edit");
        let [(_, renamed)] = again.renamed_events.as_slice() else {
            panic!("one renamed: {:?}", again.renamed_events);
        };
        assert_eq!(renamed, event(&full, "igf-2025"));
        assert_eq!(renamed.name, "igf-2025");
        assert_eq!(again.also, [SessionId(1)]);
        let (again, full) = edit_event(&sessions, ("a", "IGF-2025"));
        let again = again.expect("one-session edit");
        let [(_, renamed)] = again.renamed_events.as_slice() else {
            panic!("one renamed: {:?}", again.renamed_events);
        };
        assert_eq!(renamed, event(&full, "igf-2025"));
        // Named after someone else's spelling: nothing changes.
        let (again, _) = edit_event(&sessions, ("b", "Igf 2025"));
        let again = again.expect("one-session edit");
        assert!(again.renamed_events.is_empty());
    }

    #[test]
    fn an_edit_may_rename_the_event_it_leaves_and_the_one_it_joins() {
        let sessions = [("a", "IGF 2025"), ("b", "IGF-2025"), ("d", "Summit A")];
        let (again, full) = edit_event(&sessions, ("a", "summit  a"));
        let again = again.expect("one-session edit");
        let mut renamed: Vec<&Event> = again.renamed_events.iter().map(|(_, e)| e).collect();
        renamed.sort_by_key(|e| e.slug.clone());
        assert_eq!(
            renamed,
            [event(&full, "igf-2025"), event(&full, "summit-a")]
        );
        assert_eq!(
            (renamed[0].name.as_str(), renamed[1].name.as_str()),
            ("IGF-2025", "summit  a")
        );
        assert_eq!(again.also, [SessionId(1), SessionId(2)]);
    }

    #[test]
    fn registry_people_keep_their_name_and_take_a_written_honorific() {
        let registry = "- name: Houlin Zhao\n  aliases: [Zhao Houlin]\n";
        let (again, full) = edit(
            &[("a", "[Ben Okafor]")],
            registry,
            ("a", "[\"Dr. Zhao Houlin\", Ben Okafor]"),
        );
        let again = again.expect("one-session edit");
        let renamed: Vec<&Person> = again.renamed.iter().map(|(_, p)| p).collect();
        assert_eq!(renamed, [person(&full, "houlin-zhao")]);
        assert_eq!(renamed[0].name, "Houlin Zhao");
        assert_eq!(renamed[0].honorific.as_deref(), Some("Dr."));
    }
}
