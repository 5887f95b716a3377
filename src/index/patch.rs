//! Updating the index after one session changed, without building it again.
//!
//! Only for an edit that changed people, topics and the event only as
//! [`crate::model::resolve_one`] allows (new ones appended, ids of the others
//! unchanged): the session leaves every list it was in and enters, in order, every list
//! it is now in; what is derived from those lists (a person's
//! countries, a country's people, the speakers and topics indexes, the action lines met
//! with each goal) is worked out again for the entries it touched. The result is the index
//! [`Index::build`] would make, up to the ids of people, topics and events (and those
//! left without sessions, which nothing shows); `live`'s tests compare what it renders.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::facts::{GoalLineCounts, count_goal_lines, goal_lines};
use super::{
    Index, ListKey, Posting, SortKeys, az_order, lists, newest_first, organization_order, postings,
    programme_order, topic_order,
};
use crate::model::{OrgId, PersonId, Role, Session, SessionId, Site, TopicId};
use crate::taxonomy::Country;

impl Index {
    /// Updates the index for `site.sessions[id]`, which was `old` before the edit; people,
    /// topics and events the edit added are at the end of the site's.
    pub fn patch(&mut self, site: &Site, id: SessionId, old: &Session, keys: &mut SortKeys) {
        let new = &site.sessions[id.index()];
        self.by_topic.resize(site.topics.len(), Vec::new());
        self.by_event.resize(site.events.len(), Vec::new());
        let count = site.people.len();
        self.by_person.resize(count, Vec::new());
        self.person_countries.resize(count, Vec::new());
        self.person_organizations.resize(count, Vec::new());
        self.person_titles.resize(count, Vec::new());
        self.person_co_speakers.resize(count, 0);
        self.person_organization_ids.resize(count, Vec::new());
        // Names of the session's people may have changed (see `resolve_one`).
        let touched_people: BTreeSet<PersonId> = (lists(old).chain(lists(new)))
            .filter_map(|l| match l {
                ListKey::Speaker(p) => Some(p),
                _ => None,
            })
            .collect();
        for p in self.person_keys.len()..count {
            self.person_keys.push(keys.person(&site.people[p]));
        }
        let mut renamed: Vec<PersonId> = Vec::new();
        for &p in &touched_people {
            let key = keys.person(&site.people[p.index()]);
            if key != self.person_keys[p.index()] {
                renamed.push(p);
            }
            self.person_keys[p.index()] = key;
        }
        // Leave every list first: finding an entry needs no order.
        for key in lists(old) {
            self.leave(key, id);
        }
        // Then enter the new ones, in order, with the session's new sort key.
        self.title_keys[id.index()] = keys.get(&new.title);
        let title_keys = std::mem::take(&mut self.title_keys);
        for posting in postings(new) {
            self.enter(site, &title_keys, id, posting);
        }
        self.title_keys = title_keys;
        self.by_action_line.retain(|_, list| !list.is_empty());

        // What the lists imply, for the entries the session touched.
        for &p in &touched_people {
            self.person_facts(site, p);
        }
        let touched: Vec<PersonId> = touched_people.iter().copied().collect();
        self.count_co_speakers(site, &touched);
        self.speakers_az.retain(|p| !touched_people.contains(p));
        for &p in &touched_people {
            if !self.by_person[p.index()].is_empty() {
                let order = |q: PersonId| az_order(site, &self.person_keys, q);
                let at = self.speakers_az.partition_point(|&q| order(q) < order(p));
                self.speakers_az.insert(at, p);
            }
        }
        // A renamed person may move in the lists of people of all their countries.
        let mut touched_countries: BTreeSet<Country> = (lists(old).chain(lists(new)))
            .filter_map(|l| match l {
                ListKey::Country(c) => Some(c),
                _ => None,
            })
            .collect();
        // So may the people of their organizations, and those the session's people
        // speak for (or spoke for) gain or lose them.
        let mut touched_orgs: BTreeSet<OrgId> = (lists(old).chain(lists(new)))
            .filter_map(|l| match l {
                ListKey::Organization(o) => Some(o),
                _ => None,
            })
            .collect();
        for &p in &touched_people {
            touched_orgs.extend(&self.person_organization_ids[p.index()]);
        }
        for o in touched_orgs {
            let candidates = (self.organization_people[o.index()].iter())
                .chain(&touched_people)
                .copied()
                .collect();
            self.organization_people(site, o, candidates);
        }
        for p in renamed {
            touched_countries.extend(&self.person_countries[p.index()]);
        }
        for c in touched_countries {
            let Some(entry) = self.by_country.get(&c) else {
                continue;
            };
            if entry.sessions.is_empty() {
                self.by_country.remove(&c);
                continue;
            }
            let candidates = entry
                .people
                .iter()
                .chain(&touched_people)
                .copied()
                .collect();
            self.country_people(site, c, candidates);
        }
        let mut counts: GoalLineCounts = (self.sdg_action_lines.drain(..))
            .map(|list| list.into_iter().collect())
            .collect();
        count_goal_lines(&mut counts, old, -1);
        count_goal_lines(&mut counts, new, 1);
        self.sdg_action_lines = goal_lines(counts);

        // Topics the session named or names may have come, gone or been renamed.
        let touched_topics: BTreeSet<TopicId> =
            old.topics.iter().chain(&new.topics).copied().collect();
        self.topics_az.retain(|t| !touched_topics.contains(t));
        for &t in &touched_topics {
            if !self.by_topic[t.index()].is_empty() {
                let key = topic_order(site, keys, t);
                let at = (self.topics_az).partition_point(|&u| topic_order(site, keys, u) < key);
                self.topics_az.insert(at, t);
            }
        }
    }

    /// Takes session `id` out of the list `key`.
    fn leave(&mut self, key: ListKey, id: SessionId) {
        let list = match key {
            ListKey::Sessions => &mut self.chronological,
            ListKey::Event(e) => &mut self.by_event[e.index()],
            ListKey::Speaker(p) => {
                self.by_person[p.index()].retain(|&(s, _)| s != id);
                return;
            }
            ListKey::Country(c) => match self.by_country.get_mut(&c) {
                Some(entry) => &mut entry.sessions,
                None => return,
            },
            ListKey::Sdg(g) => &mut self.by_sdg[usize::from(g.number() - 1)],
            ListKey::ActionLine(a) => match self.by_action_line.get_mut(&a) {
                Some(list) => list,
                None => return,
            },
            ListKey::Topic(t) => &mut self.by_topic[t.index()],
            ListKey::Organization(o) => &mut self.by_organization[o.index()],
        };
        remove(list, id);
    }

    /// Puts session `id` into the list of `posting`, where its order puts it.
    fn enter(&mut self, site: &Site, title_keys: &[Arc<str>], id: SessionId, posting: Posting) {
        let order = |s: SessionId| newest_first(site, title_keys, s);
        let list = match posting.list {
            ListKey::Sessions => &mut self.chronological,
            ListKey::Event(e) => {
                let by_day = |s: SessionId| programme_order(site, title_keys, s);
                insert(&mut self.by_event[e.index()], id, by_day);
                return;
            }
            ListKey::Speaker(p) => {
                let role = posting.role.unwrap_or(Role::Speaker);
                let list = &mut self.by_person[p.index()];
                let at = list.partition_point(|&(s, _)| order(s) < order(id));
                list.insert(at, (id, role));
                return;
            }
            ListKey::Country(c) => &mut self.by_country.entry(c).or_default().sessions,
            ListKey::Sdg(g) => &mut self.by_sdg[usize::from(g.number() - 1)],
            ListKey::ActionLine(a) => self.by_action_line.entry(a).or_default(),
            ListKey::Topic(t) => &mut self.by_topic[t.index()],
            ListKey::Organization(o) => {
                let by_event = |s: SessionId| organization_order(site, title_keys, s);
                insert(&mut self.by_organization[o.index()], id, by_event);
                return;
            }
        };
        insert(list, id, order);
    }

    /// Makes room for a new session at `id` (sessions from `id` on move up one), with its
    /// title's sort key; it is in no list until [`Index::patch`] puts it in.
    pub fn insert_session(&mut self, id: SessionId, title_key: Arc<str>) {
        self.renumber(|s| if s >= id { SessionId(s.0 + 1) } else { s });
        self.title_keys.insert(id.index(), title_key);
    }

    /// Takes session `id` out (sessions after it move down one), once [`Index::patch`]
    /// has made it an absent session (then it is only in the list of all sessions).
    pub fn remove_session(&mut self, id: SessionId) {
        remove(&mut self.chronological, id);
        self.renumber(|s| if s > id { SessionId(s.0 - 1) } else { s });
        self.title_keys.remove(id.index());
    }

    /// Renames every session id in every list.
    fn renumber(&mut self, f: impl Fn(SessionId) -> SessionId) {
        let lists = (self.by_event.iter_mut())
            .chain(&mut self.by_sdg)
            .chain(&mut self.by_topic)
            .chain(&mut self.by_organization)
            .chain(self.by_action_line.values_mut())
            .chain(self.by_country.values_mut().map(|c| &mut c.sessions))
            .chain(std::iter::once(&mut self.chronological));
        for list in lists {
            list.iter_mut().for_each(|s| *s = f(*s));
        }
        for list in &mut self.by_person {
            list.iter_mut().for_each(|(s, _)| *s = f(*s));
        }
    }
}

fn remove(list: &mut Vec<SessionId>, id: SessionId) {
    if let Some(at) = list.iter().position(|&s| s == id) {
        list.remove(at);
    }
}

/// Inserts `id` into `list`, which is sorted by `key`.
fn insert<K: Ord>(list: &mut Vec<SessionId>, id: SessionId, key: impl Fn(SessionId) -> K) {
    let at = list.partition_point(|&s| key(s) < key(id));
    list.insert(at, id);
}
