//! What the lists imply besides membership: each person's countries, organizations and
//! titles, each country's people, and the action lines met with each goal. One function
//! each, run by the full build for every entry and by the one-session patch
//! ([`Index::patch`]) for the entries that session touched.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Index, by_count_desc};
use crate::model::{OrgId, PersonId, Session, Site};
use crate::taxonomy::{ActionLine, Country};

impl Index {
    /// Works out person `p`'s countries, organizations and titles from their sessions,
    /// each in order of first appearance in the person's list (newest first).
    pub(super) fn person_facts(&mut self, site: &Site, p: PersonId) {
        let (mut countries, mut organizations, mut titles) = (
            Distinct::default(),
            Distinct::default(),
            Distinct::default(),
        );
        let mut org_ids = Distinct::default();
        for &(s, _) in &self.by_person[p.index()] {
            let session = &site.sessions[s.index()];
            // The model keeps one entry per person and session.
            for part in session.participants.iter().filter(|x| x.person == p) {
                if let Some(c) = part.country {
                    countries.push(c);
                }
                if let Some(o) = &part.organization {
                    organizations.push(o.clone());
                }
                if let Some(o) = part.organization_id {
                    org_ids.push(o);
                }
                if let Some(t) = &part.title {
                    titles.push(t.clone());
                }
            }
        }
        self.person_countries[p.index()] = countries.list;
        self.person_organizations[p.index()] = organizations.list;
        self.person_titles[p.index()] = titles.list;
        // The registry's organization counts for someone who speaks at all: it is
        // their page that the organization's lists.
        let speaks = !self.by_person[p.index()].is_empty();
        if let Some(o) = site.people[p.index()].organization.filter(|_| speaks) {
            org_ids.push(o);
        }
        self.person_organization_ids[p.index()] = org_ids.list;
    }

    /// Counts how many people each of `people` shared the stage with, as
    /// [`Index::co_speakers`] counts them ([`Index::panels`]), without ranking them.
    pub(super) fn count_co_speakers(&mut self, site: &Site, people: &[PersonId]) {
        // Whom each co-speaker was last counted for: one mark per person of the site
        // rather than a set per person counted, so that a full build stays linear.
        let mut counted_for: Vec<Option<PersonId>> = vec![None; site.people.len()];
        for &p in people {
            let mut count: u32 = 0;
            for q in self.panels(site, p).flatten() {
                let mark = &mut counted_for[q.index()];
                if *mark != Some(p) {
                    *mark = Some(p);
                    count = count.saturating_add(1);
                }
            }
            self.person_co_speakers[p.index()] = count;
        }
    }

    /// Sets organization `o`'s people to those of `candidates` who spoke for it (their
    /// organizations are worked out), A–Z by name, then slug.
    pub(super) fn organization_people(&mut self, site: &Site, o: OrgId, candidates: Vec<PersonId>) {
        if o.index() >= self.organization_people.len() {
            return;
        }
        let people = self.people_of(site, candidates, |ix, p| {
            ix.person_organization_ids[p.index()].contains(&o)
        });
        self.organization_people[o.index()] = people;
    }

    /// Those of `candidates` for whom `keep` holds, once each, A–Z by name, then slug.
    fn people_of(
        &self,
        site: &Site,
        mut people: Vec<PersonId>,
        keep: impl Fn(&Index, PersonId) -> bool,
    ) -> Vec<PersonId> {
        people.sort_unstable();
        people.dedup();
        people.retain(|&p| keep(self, p));
        let keys = &self.person_keys;
        people.sort_by_key(|p| (&keys[p.index()], &site.people[p.index()].slug));
        people
    }

    /// Sets country `c`'s people to those of `candidates` who represent it (their
    /// countries are worked out), A–Z by name, then slug.
    pub(super) fn country_people(&mut self, site: &Site, c: Country, candidates: Vec<PersonId>) {
        let people = self.people_of(site, candidates, |ix, p| {
            ix.person_countries[p.index()].contains(&c)
        });
        if let Some(entry) = self.by_country.get_mut(&c) {
            entry.people = people;
        }
    }
}

/// How often each action line is met with each goal (index `n - 1`), as counted so far.
pub(super) type GoalLineCounts = Vec<FxHashMap<ActionLine, u32>>;

/// Counts `session`'s action lines with each of its goals, `by` +1 (it comes) or -1
/// (it goes); a count that falls to zero is dropped.
pub(super) fn count_goal_lines(counts: &mut GoalLineCounts, session: &Session, by: i64) {
    for g in &session.sdgs {
        let goal = &mut counts[usize::from(g.number() - 1)];
        for &a in &session.action_lines {
            let n = goal.entry(a).or_default();
            *n = u32::try_from(i64::from(*n) + by).unwrap_or(0);
        }
        goal.retain(|_, n| *n > 0);
    }
}

/// Each goal's action lines, most frequent first (the index's form of the counts).
pub(super) fn goal_lines(counts: GoalLineCounts) -> Vec<Vec<(ActionLine, u32)>> {
    counts
        .into_iter()
        .map(|m| by_count_desc(m, |a| a))
        .collect()
}

/// Distinct values in first-seen order. A short list is scanned; one that grows long
/// gets a set, so that one person with thousands of titles (named in thousands of
/// sessions) keeps the build linear.
struct Distinct<T> {
    list: Vec<T>,
    set: Option<FxHashSet<T>>,
}

impl<T> Default for Distinct<T> {
    fn default() -> Self {
        Distinct {
            list: Vec::new(),
            set: None,
        }
    }
}

impl<T: Eq + std::hash::Hash + Clone> Distinct<T> {
    /// Lists up to this long are scanned.
    const SCANNED: usize = 16;

    fn push(&mut self, x: T) {
        if self.set.is_none() && self.list.len() < Self::SCANNED {
            if !self.list.contains(&x) {
                self.list.push(x);
            }
            return;
        }
        let set = (self.set).get_or_insert_with(|| self.list.iter().cloned().collect());
        if set.insert(x.clone()) {
            self.list.push(x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_values_keep_first_seen_order_past_the_scanned_length() {
        // Past 16 values the set decides: repeats must still be dropped, order kept.
        let mut d = Distinct::default();
        for _ in 0..3 {
            for n in (0..40).rev() {
                d.push(n * 10);
            }
        }
        d.push(5);
        let mut expected: Vec<i32> = (0..40).rev().map(|n| n * 10).collect();
        expected.push(5);
        assert_eq!(d.list, expected);
    }
}
