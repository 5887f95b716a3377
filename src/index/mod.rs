//! The *index* stage: every cross-link of the site, computed once.
//!
//! Maps each speaker, country, SDG, action line, topic and event to its
//! sessions (newest first), and each person to co-speakers, organizations and
//! countries. Linear in the number of participations: co-speakers are counted
//! per session, never by comparing every pair of people.

mod facts;
mod family;
mod patch;
mod postings;
mod related;

pub use family::family_first;
pub use postings::{ListKey, Posting, lists, postings};
pub use related::{RELATED_MAX, Related};

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::model::{EventId, OrgId, PersonId, Role, SessionId, Site, TopicId};
use crate::taxonomy::{ActionLine, Country, Sdg};
use crate::url::Slug;

/// All cross-links of a site.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Every session, newest first (undated last, then by title).
    pub chronological: Vec<SessionId>,
    /// Sessions of each event (by [`EventId`] index) in programme order: by day and time, undated last.
    pub by_event: Vec<Vec<SessionId>>,
    /// Each person's sessions with their role in each, newest first (by [`PersonId`] index).
    pub by_person: Vec<Vec<(SessionId, Role)>>,
    /// Each person's countries, in order of first appearance.
    pub person_countries: Vec<Vec<Country>>,
    /// Each person's organizations, in order of first appearance.
    pub person_organizations: Vec<Vec<String>>,
    /// Each person's role titles, in order of first appearance.
    pub person_titles: Vec<Vec<String>>,
    /// How many people each person shared the stage with: the length of their
    /// [`Index::co_speakers`], known without ranking them.
    pub person_co_speakers: Vec<u32>,
    /// Countries that occur, with their sessions (newest first) and people (by name).
    pub by_country: BTreeMap<Country, CountryEntry>,
    /// Sessions of each SDG (index `n - 1`), newest first.
    pub by_sdg: Vec<Vec<SessionId>>,
    /// Action lines that co-occur with each SDG (index `n - 1`), with counts, most frequent first.
    pub sdg_action_lines: Vec<Vec<(ActionLine, u32)>>,
    /// Sessions of each action line, newest first; C7 also collects its sub-lines' sessions.
    pub by_action_line: BTreeMap<ActionLine, Vec<SessionId>>,
    /// Sessions of each topic (by [`TopicId`] index), newest first.
    pub by_topic: Vec<Vec<SessionId>>,
    /// People who appear in at least one session, A–Z by family name ([`SortKeys::person`]),
    /// grouped by [`initial`].
    pub speakers_az: Vec<PersonId>,
    /// Topics with sessions, A–Z.
    pub topics_az: Vec<TopicId>,
    /// Each person's sort key ([`SortKeys::person`]), by [`PersonId`] index.
    pub person_keys: Vec<Arc<str>>,
    /// Each session title's [`sort_key`], by [`SessionId`] index.
    pub title_keys: Vec<Arc<str>>,
    /// Sessions of each registry organization (by [`OrgId`] index), grouped by event:
    /// registry events by start, newest first, then the others by slug, sessions of no
    /// event last; each event's in programme order.
    pub by_organization: Vec<Vec<SessionId>>,
    /// People with sessions who spoke for each organization (or whose registry entry
    /// names it), A–Z by name, then slug.
    pub organization_people: Vec<Vec<PersonId>>,
    /// Each person's registry organizations: those their sessions name, in order of
    /// first appearance, then the one their registry entry names.
    pub person_organization_ids: Vec<Vec<OrgId>>,
}

/// Sort keys already computed, by text: `serve` keeps one between rebuilds, so that
/// only new names and titles are transliterated again.
#[derive(Clone, Debug, Default)]
pub struct SortKeys(FxHashMap<Box<str>, Arc<str>>);

impl SortKeys {
    /// The [`sort_key`] of `text`.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(k) = self.0.get(text) {
            return k.clone();
        }
        let k: Arc<str> = sort_key(text).into();
        self.0.insert(text.into(), k.clone());
        k
    }

    /// The sort key of a person: of their `sort_name:` when the registry gives one,
    /// else of their name family name first ([`family_first`]).
    pub fn person(&mut self, p: &crate::model::Person) -> Arc<str> {
        match &p.sort_name {
            Some(written) => self.get(written),
            None => self.get(&family_first(&p.name)),
        }
    }
}

/// Largest session (in people) whose participants count as each other's co-speakers.
pub const MAX_CO_SPEAKER_SESSION: usize = 100;

/// A country's sessions and people.
#[derive(Clone, Debug, Default)]
pub struct CountryEntry {
    /// Sessions with at least one participant from the country, newest first.
    pub sessions: Vec<SessionId>,
    /// People who represented the country at least once, A–Z.
    pub people: Vec<PersonId>,
}

/// Sort key for names: case- and accent-insensitive, so "Á" sorts with "A".
pub fn sort_key(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

/// The A–Z group of a name: "A".."Z" by its first letter or digit after
/// transliteration, "#" for anything else ("1Zed", "'Ali" is "A").
pub fn initial(name: &str) -> char {
    initial_of_key(&sort_key(name))
}

/// [`initial`] of a name's [`sort_key`].
fn initial_of_key(key: &str) -> char {
    match key.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
        _ => '#',
    }
}

impl Index {
    /// Builds every cross-link of `site`.
    pub fn build(site: &Site) -> Index {
        Index::build_with(site, &mut SortKeys::default())
    }

    /// [`Index::build`], taking sort keys from `keys` (and adding the missing ones).
    pub fn build_with(site: &Site, keys: &mut SortKeys) -> Index {
        // Each name and title is transliterated once, not once per comparison or list.
        let person_keys: Vec<Arc<str>> = site.people.iter().map(|p| keys.person(p)).collect();
        let title_keys: Vec<Arc<str>> = site.sessions.iter().map(|s| keys.get(&s.title)).collect();
        let chronological = chronological(site, &title_keys);
        let mut ix = Index {
            by_event: vec![Vec::new(); site.events.len()],
            by_person: vec![Vec::new(); site.people.len()],
            person_countries: vec![Vec::new(); site.people.len()],
            person_organizations: vec![Vec::new(); site.people.len()],
            person_titles: vec![Vec::new(); site.people.len()],
            person_co_speakers: vec![0; site.people.len()],
            by_sdg: vec![Vec::new(); 17],
            by_topic: vec![Vec::new(); site.topics.len()],
            by_organization: vec![Vec::new(); site.organizations.len()],
            organization_people: vec![Vec::new(); site.organizations.len()],
            person_organization_ids: vec![Vec::new(); site.people.len()],
            ..Index::default()
        };
        let mut goal_lines: facts::GoalLineCounts = vec![FxHashMap::default(); 17];
        // Walking sessions newest first makes every per-term list come out newest first.
        for &sid in &chronological {
            let s = &site.sessions[sid.index()];
            for posting in postings(s) {
                ix.enter_last(sid, posting);
            }
            facts::count_goal_lines(&mut goal_lines, s, 1);
        }
        for list in &mut ix.by_event {
            list.sort_by_key(|&id| programme_order(site, &title_keys, id));
        }
        for list in &mut ix.by_organization {
            list.sort_by_key(|&id| organization_order(site, &title_keys, id));
        }
        ix.sdg_action_lines = facts::goal_lines(goal_lines);
        ix.person_keys = person_keys;
        let mut country_people: BTreeMap<Country, Vec<PersonId>> = BTreeMap::new();
        let mut org_people: Vec<Vec<PersonId>> = vec![Vec::new(); site.organizations.len()];
        for p in (0..site.people.len()).map(PersonId::from_index) {
            ix.person_facts(site, p);
            for &c in &ix.person_countries[p.index()] {
                country_people.entry(c).or_default().push(p);
            }
            for &o in &ix.person_organization_ids[p.index()] {
                org_people[o.index()].push(p);
            }
        }
        let everyone: Vec<PersonId> = (0..site.people.len()).map(PersonId::from_index).collect();
        ix.count_co_speakers(site, &everyone);
        for (c, people) in country_people {
            ix.country_people(site, c, people);
        }
        for (o, people) in org_people.into_iter().enumerate() {
            ix.organization_people(site, OrgId::from_index(o), people);
        }
        let mut speakers: Vec<PersonId> = (0..site.people.len())
            .map(PersonId::from_index)
            .filter(|p| !ix.by_person[p.index()].is_empty())
            .collect();
        speakers.sort_by_cached_key(|&p| az_order(site, &ix.person_keys, p));
        ix.speakers_az = speakers;
        // Every topic of a resolved site has sessions; those `serve` keeps after their
        // last session went do not count.
        let mut topics: Vec<TopicId> = (0..site.topics.len())
            .map(TopicId::from_index)
            .filter(|t| !ix.by_topic[t.index()].is_empty())
            .collect();
        topics.sort_by_cached_key(|t| topic_order(site, keys, *t));
        ix.topics_az = topics;
        ix.chronological = chronological;
        ix.title_keys = title_keys;
        ix
    }

    /// Appends session `sid` to the list of `posting` (the full build walks sessions
    /// in the order every list but an event's keeps, so appending keeps it).
    fn enter_last(&mut self, sid: SessionId, posting: Posting) {
        match posting.list {
            // The list of all sessions is the walk's own order.
            ListKey::Sessions => {}
            ListKey::Event(e) => self.by_event[e.index()].push(sid),
            ListKey::Speaker(p) => {
                let role = posting.role.unwrap_or(Role::Speaker);
                self.by_person[p.index()].push((sid, role));
            }
            ListKey::Country(c) => self.by_country.entry(c).or_default().sessions.push(sid),
            ListKey::Sdg(g) => self.by_sdg[usize::from(g.number() - 1)].push(sid),
            ListKey::ActionLine(a) => self.by_action_line.entry(a).or_default().push(sid),
            ListKey::Topic(t) => self.by_topic[t.index()].push(sid),
            ListKey::Organization(o) => self.by_organization[o.index()].push(sid),
        }
    }

    /// How many sessions list `key` has (0 when the site lacks it), without copying them.
    pub fn list_len(&self, key: ListKey) -> usize {
        match key {
            ListKey::Speaker(p) => self.by_person.get(p.index()).map_or(0, Vec::len),
            _ => self.sessions_of(key).map_or(0, |s| s.len()),
        }
    }

    /// The sessions of a list, in its order; `None` when the site lacks the list (an
    /// id past the end: someone a one-session edit adds has no list before it).
    pub fn sessions_of(&self, key: ListKey) -> Option<std::borrow::Cow<'_, [SessionId]>> {
        use std::borrow::Cow;
        Some(match key {
            ListKey::Sessions => Cow::Borrowed(&self.chronological),
            ListKey::Event(e) => Cow::Borrowed(self.by_event.get(e.index())?),
            ListKey::Speaker(p) => {
                Cow::Owned(self.by_person.get(p.index())?.iter().map(|a| a.0).collect())
            }
            ListKey::Country(c) => Cow::Borrowed(&self.by_country.get(&c)?.sessions),
            ListKey::Sdg(g) => Cow::Borrowed(self.sdg_sessions(g)),
            ListKey::ActionLine(a) => Cow::Borrowed(self.action_line_sessions(a)),
            ListKey::Topic(t) => Cow::Borrowed(self.by_topic.get(t.index())?),
            ListKey::Organization(o) => Cow::Borrowed(self.by_organization.get(o.index())?),
        })
    }

    /// A person's co-speakers with the number of sessions shared, most shared first.
    /// Computed when asked (only a speaker's own page shows them), from their sessions.
    pub fn co_speakers(&self, site: &Site, p: PersonId) -> Vec<(PersonId, u32)> {
        let mut counts: FxHashMap<PersonId, u32> = FxHashMap::default();
        for q in self.panels(site, p).flatten() {
            *counts.entry(q).or_default() += 1;
        }
        by_count_desc(counts, |q| {
            (&self.person_keys[q.index()], &site.people[q.index()].slug)
        })
    }

    /// The others in each of person `p`'s sessions that make co-speakers. A plenary with
    /// hundreds of names does not make them all co-speakers: only panel-sized sessions
    /// count, looked at before anything is copied, so that each of a plenary's people
    /// costs nothing here (participants are distinct people: the model keeps one entry
    /// per person).
    pub(super) fn panels<'s>(
        &'s self,
        site: &'s Site,
        p: PersonId,
    ) -> impl Iterator<Item = impl Iterator<Item = PersonId> + 's> + 's {
        let sessions = self.by_person.get(p.index()).map_or(&[][..], Vec::as_slice);
        (sessions.iter())
            .map(|&(sid, _)| &site.sessions[sid.index()].participants)
            .filter(|people| people.len() <= MAX_CO_SPEAKER_SESSION)
            .map(move |people| people.iter().map(|q| q.person).filter(move |&q| q != p))
    }

    /// How many co-speakers person `p` has: the length of their [`Index::co_speakers`].
    /// Asked of every person on each `serve` edit (for the co-speakers pages' paths), so
    /// it is looked up, not counted.
    pub fn co_speaker_count(&self, p: PersonId) -> usize {
        let count = self.person_co_speakers.get(p.index()).copied().unwrap_or(0);
        usize::try_from(count).unwrap_or(usize::MAX)
    }

    /// The A–Z group of a person's name ([`initial`]).
    pub fn initial_of(&self, p: PersonId) -> char {
        initial_of_key(&self.person_keys[p.index()])
    }

    /// SDGs with at least one session.
    pub fn sdgs_in_use(&self) -> usize {
        Sdg::all()
            .filter(|g| !self.sdg_sessions(*g).is_empty())
            .count()
    }

    /// Action lines with at least one session, counting C7's sub-lines and not C7 itself.
    pub fn action_lines_in_use(&self) -> usize {
        ActionLine::all()
            .filter(|a| a.children().is_empty() && !self.action_line_sessions(*a).is_empty())
            .count()
    }

    /// Sessions of an SDG, newest first.
    pub fn sdg_sessions(&self, g: Sdg) -> &[SessionId] {
        &self.by_sdg[usize::from(g.number() - 1)]
    }

    /// Sessions of an action line, newest first (empty when none).
    pub fn action_line_sessions(&self, a: ActionLine) -> &[SessionId] {
        self.by_action_line.get(&a).map_or(&[], Vec::as_slice)
    }

    /// The events the site shows, in display order: newest first by start (or first
    /// session) date, then by name and slug. Shown are the registry's events and those
    /// with sessions: an event named only by a session that `serve` has since moved to
    /// another event stays in the model, without sessions, until the next full resolve.
    /// Every list of events follows this order, never ids, which depend on path order.
    pub fn events_newest_first(&self, site: &Site) -> Vec<EventId> {
        let mut ids: Vec<EventId> = (0..site.events.len())
            .map(EventId::from_index)
            .filter(|e| site.events[e.index()].registered || !self.by_event[e.index()].is_empty())
            .collect();
        let first_day = |e: EventId| {
            site.events[e.index()].start.or_else(|| {
                self.by_event[e.index()]
                    .iter()
                    .find_map(|s| site.sessions[s.index()].date)
            })
        };
        ids.sort_by_cached_key(|&e| {
            (
                Reverse(first_day(e)),
                sort_key(&site.events[e.index()].name),
                site.events[e.index()].slug.clone(),
            )
        });
        ids
    }
}

fn chronological(site: &Site, title_keys: &[Arc<str>]) -> Vec<SessionId> {
    let mut ids: Vec<SessionId> = (0..site.sessions.len())
        .map(SessionId::from_index)
        .collect();
    ids.sort_by_key(|&id| newest_first(site, title_keys, id));
    ids
}

/// The order of every list of sessions but an event's: newest day first, undated
/// sessions last; within a day by start time, as the day ran (untimed ones after);
/// ties by title, then slug (unique), so that the order is total.
fn newest_first<'a>(site: &'a Site, title_keys: &'a [Arc<str>], id: SessionId) -> impl Ord + 'a {
    let s = &site.sessions[id.index()];
    (
        Reverse(s.date),
        s.time.is_none(),
        s.time.map(|t| t.start),
        &title_keys[id.index()],
        &s.slug,
    )
}

/// The order of an event's programme: by day and time, undated sessions last; ties
/// as in [`newest_first`].
fn programme_order<'a>(site: &'a Site, title_keys: &'a [Arc<str>], id: SessionId) -> impl Ord + 'a {
    let s = &site.sessions[id.index()];
    (
        s.date.is_none(),
        s.date,
        s.time.map(|t| t.start),
        &title_keys[id.index()],
        &s.slug,
    )
}

/// The order of an organization's sessions: grouped by event (registry events by
/// start, newest first, then the others by slug; sessions of no event last), each
/// event's in programme order.
fn organization_order<'a>(
    site: &'a Site,
    title_keys: &'a [Arc<str>],
    id: SessionId,
) -> impl Ord + 'a {
    let s = &site.sessions[id.index()];
    let event = s.event.map(|e| &site.events[e.index()]);
    (
        event.is_none(),
        Reverse(event.and_then(|e| e.start)),
        event.map(|e| &e.slug),
        programme_order(site, title_keys, id),
    )
}

/// The order of the speakers index: grouped by initial first, so that each letter is
/// one run ("#" after "Z"), then by name and slug (unique).
fn az_order<'a>(site: &'a Site, person_keys: &'a [Arc<str>], p: PersonId) -> impl Ord + 'a {
    let key = &person_keys[p.index()];
    let letter = initial_of_key(key);
    (letter == '#', letter, key, &site.people[p.index()].slug)
}

/// The order of the topics index: by name, then slug (unique).
fn topic_order<'a>(site: &'a Site, keys: &mut SortKeys, t: TopicId) -> (Arc<str>, &'a Slug) {
    let topic = &site.topics[t.index()];
    (keys.get(&topic.name), &topic.slug)
}

fn by_count_desc<K: Copy, S: Ord>(
    m: FxHashMap<K, u32>,
    tiebreak: impl Fn(K) -> S,
) -> Vec<(K, u32)> {
    let mut v: Vec<(K, u32)> = m.into_iter().collect();
    v.sort_by_key(|&(k, n)| (Reverse(n), tiebreak(k)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::config::SiteConfig;
    use crate::model::Session;
    use crate::url::BaseUrl;

    /// Sessions of one day and the day after, as (title, date, time).
    fn site(sessions: &[(&str, Option<&str>, Option<&str>)]) -> Site {
        Site {
            config: SiteConfig::default(),
            base: BaseUrl::parse("https://example.org/").expect("base"),
            sessions: sessions
                .iter()
                .map(|&(title, date, time)| {
                    let mut s = Session::empty_for_tests();
                    s.slug = Slug::from_text(title).expect("slug");
                    s.title = title.to_string();
                    s.date = date.map(|d| d.parse().expect("date"));
                    s.time = time.map(|t| t.parse().expect("time"));
                    s
                })
                .collect(),
            people: Vec::new(),
            events: Vec::new(),
            topics: Vec::new(),
            organizations: Default::default(),
            sources: Default::default(),
            photos: Default::default(),
        }
    }

    fn titles(site: &Site, ids: &[SessionId]) -> Vec<String> {
        ids.iter()
            .map(|id| site.sessions[id.index()].title.clone())
            .collect()
    }

    #[test]
    fn sessions_of_a_day_sort_by_start_time_as_times_not_text() {
        // As text, "9:30" would sort after "17:00" and "10:00".
        let site = site(&[
            ("Late", Some("2030-05-02"), Some("17:00-17:30")),
            ("Untimed", Some("2030-05-02"), None),
            ("Early", Some("2030-05-02"), Some("9:30-10:00")),
            ("Afternoon", Some("2030-05-02"), Some("16:30-17:00")),
            ("Next day", Some("2030-05-03"), Some("08:00")),
            ("Undated", None, None),
            ("Morning", Some("2030-05-02"), Some("10:00")),
        ]);
        let keys: Vec<Arc<str>> = site
            .sessions
            .iter()
            .map(|s| sort_key(&s.title).into())
            .collect();
        let ids = || (0..site.sessions.len()).map(SessionId::from_index);
        let mut programme: Vec<SessionId> = ids().collect();
        programme.sort_by_key(|&id| programme_order(&site, &keys, id));
        assert_eq!(
            titles(&site, &programme),
            [
                "Untimed",
                "Early",
                "Morning",
                "Afternoon",
                "Late",
                "Next day",
                "Undated"
            ]
        );
        // Newest day first, and within a day as it ran, untimed sessions after.
        let mut newest: Vec<SessionId> = ids().collect();
        newest.sort_by_key(|&id| newest_first(&site, &keys, id));
        assert_eq!(
            titles(&site, &newest),
            [
                "Next day",
                "Early",
                "Morning",
                "Afternoon",
                "Late",
                "Untimed",
                "Undated"
            ]
        );
    }
}
