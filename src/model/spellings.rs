//! How the sessions write the names of their people, topics and events, kept by file
//! in path order: the one place those names are decided from.
//!
//! A person is named by the entries that name them, in path order ([`Naming`]); a
//! topic, and an event outside the registry, by its first spelling in path order.
//! The full resolve takes in each session's [`Spellings`] as it resolves it and names
//! everyone from them once all are in. A session resolved again on its own
//! ([`super::resolve_one`]) replaces its own ([`SiteSpellings::replace`]) and names
//! again, with the same functions, those its entries changed.

use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::event::{event_name, topic_name};
use super::person::Naming;

/// A name as one entry writes it: the name proper and the honorific the entry gives.
type Entry = (Arc<str>, Option<Arc<str>>);

/// What one session writes that names someone, a topic or its event, with the index
/// of what it names, in the order of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Spellings {
    /// Each entry that names someone (a person listed twice is written twice).
    people: Vec<(usize, Entry)>,
    /// Each topic, as the session first writes it.
    topics: Vec<(usize, Arc<str>)>,
    /// The event, as written.
    event: Option<(usize, Arc<str>)>,
}

impl Spellings {
    /// Takes in an entry that names person `p`.
    pub(crate) fn person(&mut self, p: usize, name: &str, honorific: Option<&str>) {
        self.people
            .push((p, (name.into(), honorific.map(Arc::from))));
    }

    /// Takes in the session's first spelling of topic `t`.
    pub(crate) fn topic(&mut self, t: usize, written: &str) {
        self.topics.push((t, written.into()));
    }

    /// Takes in the session's event `e`, as written.
    pub(crate) fn event(&mut self, e: usize, written: &str) {
        self.event = Some((e, written.into()));
    }

    fn of_person(&self, p: usize) -> impl Iterator<Item = &Entry> {
        (self.people.iter()).filter_map(move |(q, e)| (*q == p).then_some(e))
    }

    fn of_topic(&self, t: usize) -> Option<&Arc<str>> {
        (self.topics.iter()).find_map(|(u, s)| (*u == t).then_some(s))
    }

    fn of_event(&self, e: usize) -> Option<&Arc<str>> {
        (self.event.iter()).find_map(|(f, s)| (*f == e).then_some(s))
    }
}

/// What changes between two versions of one session's spellings (`None`: no session).
pub(crate) struct Changed<'a> {
    old: Option<&'a Spellings>,
    new: Option<&'a Spellings>,
}

impl<'a> Changed<'a> {
    /// Between `old` and `new`.
    pub(crate) fn between(old: Option<&'a Spellings>, new: Option<&'a Spellings>) -> Self {
        Changed { old, new }
    }

    /// The people either version names whose entries differ, in order of first sight.
    pub(crate) fn people(&self) -> Vec<usize> {
        self.differing(
            |s| s.people.iter().map(|(p, _)| *p).collect(),
            |s, p| {
                s.into_iter()
                    .flat_map(|s| s.of_person(p))
                    .collect::<Vec<_>>()
            },
        )
    }

    /// The topics either version names whose spelling differs.
    pub(crate) fn topics(&self) -> Vec<usize> {
        self.differing(
            |s| s.topics.iter().map(|(t, _)| *t).collect(),
            |s, t| s.and_then(|s| s.of_topic(t)),
        )
    }

    /// The events either version names whose spelling differs (the one left and the
    /// one joined, when the session moved).
    pub(crate) fn events(&self) -> Vec<usize> {
        self.differing(
            |s| s.event.iter().map(|(e, _)| *e).collect(),
            |s, e| s.and_then(|s| s.of_event(e)),
        )
    }

    /// Each index that `named` gives for either version and whose spellings (`of`)
    /// differ between the versions, once.
    fn differing<T: PartialEq>(
        &self,
        named: impl Fn(&Spellings) -> Vec<usize>,
        of: impl Fn(Option<&'a Spellings>, usize) -> T,
    ) -> Vec<usize> {
        let both = (self.old.iter().chain(&self.new)).flat_map(|s| named(s));
        let mut changed: Vec<usize> = Vec::new();
        for i in both {
            if !changed.contains(&i) && of(self.old, i) != of(self.new, i) {
                changed.push(i);
            }
        }
        changed
    }
}

/// For each person, topic or event (by index), what each file writes of it, in path
/// order (a file's entries in the order it writes them).
#[derive(Clone, Debug)]
struct ByFile<T>(Vec<Vec<(Arc<Path>, T)>>);

impl<T> Default for ByFile<T> {
    fn default() -> Self {
        ByFile(Vec::new())
    }
}

impl<T> ByFile<T> {
    /// Puts in what `file` writes of item `i`, after what any file before it writes;
    /// `last` when no file after it writes anything.
    fn enter(&mut self, i: usize, file: &Arc<Path>, value: T, last: bool) {
        if self.0.len() <= i {
            self.0.resize_with(i + 1, Vec::new);
        }
        let list = &mut self.0[i];
        let at = if last {
            list.len()
        } else {
            list.partition_point(|(f, _)| **f <= **file)
        };
        list.insert(at, (file.clone(), value));
    }

    fn leave(&mut self, i: usize, file: &Arc<Path>) {
        if let Some(list) = self.0.get_mut(i) {
            list.retain(|(f, _)| !Arc::ptr_eq(f, file));
        }
    }

    fn of(&self, i: usize) -> &[(Arc<Path>, T)] {
        self.0.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Every session's [`Spellings`], by file, and what they write of each person, topic
/// and event in path order.
#[derive(Clone, Debug, Default)]
pub(crate) struct SiteSpellings {
    sessions: FxHashMap<Arc<Path>, Spellings>,
    /// No file held comes after this one: a full resolve takes files in path order,
    /// and each then goes at the end of every list without a search.
    bound: Option<Arc<Path>>,
    people: ByFile<Entry>,
    topics: ByFile<Arc<str>>,
    events: ByFile<Arc<str>>,
}

impl SiteSpellings {
    /// Makes `new` what `file` writes (`None`: nothing, as for a deleted file); returns
    /// what it wrote before, which undoes this.
    pub(crate) fn replace(&mut self, file: &Path, new: Option<Spellings>) -> Option<Spellings> {
        let old = self.sessions.remove_entry(file).map(|(key, old)| {
            for (p, _) in &old.people {
                self.people.leave(*p, &key);
            }
            for (t, _) in &old.topics {
                self.topics.leave(*t, &key);
            }
            if let Some((e, _)) = &old.event {
                self.events.leave(*e, &key);
            }
            old
        });
        if let Some(new) = new {
            let key: Arc<Path> = Arc::from(file);
            let last = self.bound.as_deref().is_none_or(|bound| *bound < *file);
            if last {
                self.bound = Some(key.clone());
            }
            for (p, entry) in &new.people {
                self.people.enter(*p, &key, entry.clone(), last);
            }
            for (t, written) in &new.topics {
                self.topics.enter(*t, &key, written.clone(), last);
            }
            if let Some((e, written)) = &new.event {
                self.events.enter(*e, &key, written.clone(), last);
            }
            self.sessions.insert(key, new);
        }
        old
    }

    /// What `file` writes.
    pub(crate) fn of(&self, file: &Path) -> Option<&Spellings> {
        self.sessions.get(file)
    }

    /// How person `p` is named by their entries in path order; `registered` is the
    /// registry's honorific for a registry person.
    pub(crate) fn naming(&self, p: usize, registered: Option<&Option<String>>) -> Naming {
        let mut naming = match registered {
            Some(honorific) => Naming::registered(honorific.clone()),
            None => Naming::unregistered(),
        };
        for (_, (name, honorific)) in self.people.of(p) {
            naming.write(name, honorific.as_deref());
        }
        naming
    }

    /// The name of topic `t`: its first spelling in path order; `None` when no session
    /// names it.
    pub(crate) fn topic(&self, t: usize) -> Option<String> {
        let (_, first) = self.topics.of(t).first()?;
        Some(topic_name(first))
    }

    /// The name of event `e` outside the registry: its first spelling in path order;
    /// `None` when no session names it.
    pub(crate) fn event(&self, e: usize) -> Option<String> {
        let (_, first) = self.events.of(e).first()?;
        Some(event_name(first))
    }

    /// The files that name person `p`, in path order (a file once per entry).
    pub(crate) fn person_files(&self, p: usize) -> impl Iterator<Item = &Path> {
        self.people.of(p).iter().map(|(f, _)| &**f)
    }

    /// The files that name topic `t`, in path order.
    pub(crate) fn topic_files(&self, t: usize) -> impl Iterator<Item = &Path> {
        self.topics.of(t).iter().map(|(f, _)| &**f)
    }

    /// The files that name event `e`, in path order.
    pub(crate) fn event_files(&self, e: usize) -> impl Iterator<Item = &Path> {
        self.events.of(e).iter().map(|(f, _)| &**f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings(people: &[(usize, &str)], topics: &[(usize, &str)]) -> Spellings {
        let mut s = Spellings::default();
        people.iter().for_each(|&(p, n)| s.person(p, n, None));
        topics.iter().for_each(|&(t, n)| s.topic(t, n));
        s
    }

    #[test]
    fn names_follow_path_order_whatever_the_order_files_come_in() {
        let mut all = SiteSpellings::default();
        all.replace(
            Path::new("b.md"),
            Some(spellings(&[(0, "Ana Lima")], &[(0, "AI")])),
        );
        all.replace(
            Path::new("a.md"),
            Some(spellings(&[(0, "ana lima")], &[(0, "ai")])),
        );
        assert_eq!(all.topic(0).as_deref(), Some("ai"));
        let files: Vec<&Path> = all.person_files(0).collect();
        assert_eq!(files, [Path::new("a.md"), Path::new("b.md")]);
        let old = all.replace(Path::new("a.md"), None);
        assert_eq!(all.topic(0).as_deref(), Some("AI"));
        all.replace(Path::new("a.md"), old);
        assert_eq!(all.topic(0).as_deref(), Some("ai"));
    }

    #[test]
    fn only_what_is_written_otherwise_changes() {
        let old = spellings(&[(0, "Ana Lima"), (1, "Ben Okafor")], &[(0, "AI")]);
        let new = spellings(&[(1, "Ben Okafor"), (2, "Chen Wei")], &[(0, "AI")]);
        let changed = Changed::between(Some(&old), Some(&new));
        assert_eq!(changed.people(), [0, 2]);
        assert!(changed.topics().is_empty());
        assert_eq!(Changed::between(Some(&old), None).topics(), [0]);
    }
}
