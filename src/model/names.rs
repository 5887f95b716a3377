//! How the names a session writes (people, event, topics) become ids.
//!
//! Resolving the whole site interns them ([`Interner`]): the first session to
//! name someone creates them, and the order of sessions decides ids and slugs (display
//! names come from [`SiteSpellings`]). Resolving one edited session again against a
//! site that is otherwise unchanged looks them up ([`Lookup`]), and gives people,
//! topics and events it has not met the next free ids; [`super::resolve_one`] then
//! works out what the edit changes.

use rustc_hash::{FxHashMap, FxHashSet};

use super::event::{EventsBuilder, NoEvent, TopicsBuilder, new_event};
use super::namesakes::Namesakes;
use super::person::PeopleBuilder;
use super::spellings::{SiteSpellings, Spellings};
use super::{EventId, Person, TopicId};
use crate::content::SessionFrontMatter;
use crate::model::{Event, Topic};
use crate::taxonomy::CountryAliases;
use crate::url::Slug;

/// Turns a session's names into ids.
pub(super) trait Names {
    /// The person of identity `key`.
    fn person(&mut self, key: &Slug) -> usize;
    /// The registry's ids and shared names, which find a person before the name does.
    fn namesakes(&self) -> &Namesakes;
    /// The event a session names by id or name.
    fn event(&mut self, name: &str) -> Result<EventId, NoEvent>;
    /// The topic of `name`; `None` when it has no letters or digits.
    fn topic(&mut self, name: &str) -> Option<TopicId>;
}

/// Interns names while the whole site is resolved.
pub(super) struct Interner {
    pub(super) people: PeopleBuilder,
    pub(super) events: EventsBuilder,
    pub(super) topics: TopicsBuilder,
}

impl Names for Interner {
    fn person(&mut self, key: &Slug) -> usize {
        self.people.intern(key)
    }

    fn namesakes(&self) -> &Namesakes {
        &self.people.namesakes
    }

    fn event(&mut self, name: &str) -> Result<EventId, NoEvent> {
        self.events.resolve(name)
    }

    fn topic(&mut self, name: &str) -> Option<TopicId> {
        self.topics.intern(name)
    }
}

impl Interner {
    /// The people, events and topics, named by what the sessions write (`spellings`),
    /// with the lookup tables that found them.
    pub(super) fn finish(
        mut self,
        countries: CountryAliases,
        spellings: SiteSpellings,
    ) -> (Vec<Person>, Vec<Event>, Vec<Topic>, Lookup) {
        let identities = self.people.take_identities();
        let slugs = self.people.take_slugs();
        let registered = self.people.take_registered();
        let (mut people, namesakes) = self.people.finish();
        for (i, person) in people.iter_mut().enumerate() {
            spellings.naming(i, registered.get(&i)).name(person);
        }
        let topic_slugs = self.topics.take_slugs();
        let topics = self.topics.finish(&spellings);
        let event_keys = self.events.take_keys();
        let event_registry = self.events.take_registry();
        let events = self.events.finish(&spellings);
        let lookup = Lookup {
            spellings,
            countries,
            people: identities,
            namesakes,
            slugs,
            registered,
            count: people.len(),
            fresh: Vec::new(),
            events: event_keys,
            event_registry,
            event_count: events.len(),
            fresh_events: Vec::new(),
            topics: topic_slugs,
            topic_count: topics.len(),
            fresh_topics: Vec::new(),
        };
        (people, events, topics, lookup)
    }
}

/// The names of a resolved site, to resolve one session again without the others.
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    pub(super) countries: CountryAliases,
    /// What each session writes of people, topics and events.
    pub(super) spellings: SiteSpellings,
    /// Each identity (names and registry aliases), with the person it belongs to.
    people: FxHashMap<Slug, usize>,
    /// The registry's ids and shared names.
    pub(super) namesakes: Namesakes,
    /// The slugs of people's pages.
    pub(super) slugs: FxHashSet<Slug>,
    /// The registry's people, with the honorific the registry gives them.
    pub(super) registered: FxHashMap<usize, Option<String>>,
    /// How many people the site has.
    pub(super) count: usize,
    /// Identities no one has, met while resolving a session again: people `count`,
    /// `count + 1`, … if the session is kept ([`Lookup::admit`]).
    pub(super) fresh: Vec<Slug>,
    /// Event ids (and names of sessions' own events), then registry display names.
    events: (FxHashMap<Slug, usize>, FxHashMap<Slug, usize>),
    /// The ids of `data/events.yaml`, for [`new_event`].
    event_registry: Vec<Slug>,
    /// How many events the site has.
    pub(super) event_count: usize,
    /// Events no one has, met while resolving a session again, as `fresh` for people.
    pub(super) fresh_events: Vec<Slug>,
    topics: FxHashMap<Slug, usize>,
    /// How many topics the site has.
    pub(super) topic_count: usize,
    /// Topics no one has, met while resolving a session again, as `fresh` for people.
    pub(super) fresh_topics: Vec<Slug>,
}

impl Lookup {
    /// The person of an identity, among the site's people and the fresh ones.
    pub(super) fn id_of(&self, key: &Slug) -> Option<usize> {
        self.people.get(key).copied().or_else(|| {
            let at = self.fresh.iter().position(|k| k == key)?;
            Some(self.count + at)
        })
    }

    /// The topic of a slug, among the site's topics and the fresh ones.
    pub(super) fn topic_of(&self, key: &Slug) -> Option<usize> {
        self.topics.get(key).copied().or_else(|| {
            let at = self.fresh_topics.iter().position(|k| k == key)?;
            Some(self.topic_count + at)
        })
    }

    /// The event of a name, among the site's events and the fresh ones.
    fn event_of(&self, name: &str) -> Option<usize> {
        let key = Slug::from_text(name)?;
        let (by_key, by_name) = &self.events;
        by_key
            .get(&key)
            .or_else(|| by_name.get(&key))
            .copied()
            .or_else(|| {
                let at = self.fresh_events.iter().position(|k| *k == key)?;
                Some(self.event_count + at)
            })
    }

    /// Takes in the people, topics and event a session resolved again brought (the site
    /// has them now), and what the session writes; returns what it wrote before, to
    /// [`Lookup::restore`] should the edit be undone (the people, topics and events stay).
    pub fn admit(&mut self, again: &mut super::SessionEdit) -> Admitted {
        let file = again.session.file.clone();
        let before = self.spellings.replace(&file, again.spellings.take());
        let admitted = Admitted { file, before };
        for (key, person) in again.fresh.iter().zip(&again.added) {
            self.people.insert(key.clone(), self.count);
            self.slugs.insert(person.slug.clone());
            self.count += 1;
        }
        for topic in &again.added_topics {
            self.topics.insert(topic.slug.clone(), self.topic_count);
            self.topic_count += 1;
        }
        if let Some(event) = &again.added_event {
            self.events.0.insert(event.slug.clone(), self.event_count);
            self.event_count += 1;
        }
        admitted
    }

    /// Undoes what [`Lookup::admit`] did to what a session writes.
    pub fn restore(&mut self, admitted: Admitted) {
        self.spellings.replace(&admitted.file, admitted.before);
    }
}

/// What a session wrote before an edit was admitted ([`Lookup::admit`]).
#[derive(Debug)]
pub struct Admitted {
    file: std::path::PathBuf,
    before: Option<Spellings>,
}

impl Names for Lookup {
    fn person(&mut self, key: &Slug) -> usize {
        if let Some(found) = self.id_of(key) {
            return found;
        }
        self.fresh.push(key.clone());
        self.count + self.fresh.len() - 1
    }

    fn namesakes(&self) -> &Namesakes {
        &self.namesakes
    }

    fn event(&mut self, name: &str) -> Result<EventId, NoEvent> {
        if let Some(found) = self.event_of(name) {
            return Ok(EventId::from_index(found));
        }
        let key = Slug::from_text(name).ok_or(NoEvent::Empty)?;
        new_event(name, &self.event_registry)?;
        self.fresh_events.push(key);
        Ok(EventId::from_index(
            self.event_count + self.fresh_events.len() - 1,
        ))
    }

    fn topic(&mut self, name: &str) -> Option<TopicId> {
        let key = Slug::from_text(name)?;
        let found = self.topic_of(&key).unwrap_or_else(|| {
            self.fresh_topics.push(key);
            self.topic_count + self.fresh_topics.len() - 1
        });
        Some(TopicId::from_index(found))
    }
}

/// Whether two versions of a session's front matter give the same slug and draft
/// state: then the session keeps its place among the others.
pub fn same_frame(a: &SessionFrontMatter, b: &SessionFrontMatter) -> bool {
    a.draft == b.draft && a.slug.as_ref().map(|s| &s.value) == b.slug.as_ref().map(|s| &s.value)
}
