//! How the names a session writes (people, event, topics) become ids.
//!
//! Resolving the whole site interns them ([`Interner`]): the first session to
//! name someone creates them, and the order of sessions decides ids, slugs and
//! display names. Resolving one edited session again against a site that is
//! otherwise unchanged only looks them up ([`Lookup`]); that is exact when the
//! edit left the session's names as they were ([`same_names`]).

use rustc_hash::FxHashMap;

use super::event::{EventsBuilder, TopicsBuilder};
use super::person::PeopleBuilder;
use super::{EventId, Person, TopicId};
use crate::content::SessionFrontMatter;
use crate::model::{Event, Topic};
use crate::taxonomy::CountryAliases;
use crate::url::Slug;

/// Turns a session's names into ids.
pub(super) trait Names {
    /// The person of identity `key`, written `name` with `honorific`.
    fn person(&mut self, key: &Slug, name: &str, honorific: Option<&str>) -> Option<usize>;
    /// The event a session names by id or name; `None` when the name is empty.
    fn event(&mut self, name: &str) -> Option<EventId>;
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
    fn person(&mut self, key: &Slug, name: &str, honorific: Option<&str>) -> Option<usize> {
        Some(self.people.intern_as(key, name, honorific))
    }

    fn event(&mut self, name: &str) -> Option<EventId> {
        self.events.resolve(name)
    }

    fn topic(&mut self, name: &str) -> Option<TopicId> {
        self.topics.intern(name)
    }
}

impl Interner {
    /// The people, events and topics, with the lookup tables that found them.
    pub(super) fn finish(
        mut self,
        countries: CountryAliases,
    ) -> (Vec<Person>, Vec<Event>, Vec<Topic>, Lookup) {
        let lookup = Lookup {
            countries,
            people: self.people.take_identities(),
            events: self.events.take_keys(),
            topics: self.topics.take_slugs(),
            missed: false,
        };
        (
            self.people.finish(),
            self.events.finish(),
            self.topics.finish(),
            lookup,
        )
    }
}

/// The names of a resolved site, to resolve one session again without the others.
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    pub(super) countries: CountryAliases,
    people: FxHashMap<Slug, usize>,
    /// Event ids (and names of sessions' own events), then registry display names.
    events: (FxHashMap<Slug, usize>, FxHashMap<Slug, usize>),
    topics: FxHashMap<Slug, usize>,
    /// Set when a name was not found: the session cannot be resolved by lookup.
    pub(super) missed: bool,
}

impl Names for Lookup {
    fn person(&mut self, key: &Slug, _: &str, _: Option<&str>) -> Option<usize> {
        let found = self.people.get(key).copied();
        self.missed |= found.is_none();
        found
    }

    fn event(&mut self, name: &str) -> Option<EventId> {
        let key = Slug::from_text(name)?;
        let (by_key, by_name) = &self.events;
        let found = by_key.get(&key).or_else(|| by_name.get(&key)).copied();
        self.missed |= found.is_none();
        found.map(EventId::from_index)
    }

    fn topic(&mut self, name: &str) -> Option<TopicId> {
        let key = Slug::from_text(name)?;
        let found = self.topics.get(&key).copied();
        self.missed |= found.is_none();
        found.map(TopicId::from_index)
    }
}

/// Whether two versions of a session's front matter name the same people (in the same
/// order, spelled alike, with the same honorifics), event and topics, under the same
/// slug and draft state: then resolving the site again would give the same people,
/// events and topics, and only that session changes.
pub fn same_names(a: &SessionFrontMatter, b: &SessionFrontMatter) -> bool {
    let value = |s: &Option<serde_saphyr::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    let people = |f: &SessionFrontMatter| {
        f.moderators
            .iter()
            .chain(&f.speakers)
            .map(|p| (p.value.0.name.clone(), p.value.0.honorific.clone()))
            .collect::<Vec<_>>()
    };
    let topics =
        |f: &SessionFrontMatter| f.topics.iter().map(|t| t.value.clone()).collect::<Vec<_>>();
    a.draft == b.draft
        && value(&a.slug) == value(&b.slug)
        && value(&a.event) == value(&b.event)
        && topics(a) == topics(b)
        && people(a) == people(b)
}
