//! One person, one entry per document: the people of a session as they are
//! found, merged when a later mention is the same person — the same name with
//! other accents or case, the name printed twice ("Ana Lima Ana Lima"), a
//! surname alone ("Zhao", "Mr. Deo"), an initial ("J. Smith"), a one-letter slip.

use super::ImportedPerson;
use super::labels::Part;
use crate::model::identity;
use crate::url::Slug;

/// How a person was found, from surest to least sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// Under a label ("Panellists:", "Moderator:") or with their own part marker.
    Labelled,
    /// By the layout of an unlabelled list or block (honorific, name printed twice,
    /// one field per line).
    Layout,
    /// Introduced in running text ("said X, Role of Org").
    Prose,
}

/// A person and how they were found.
#[derive(Clone, Debug)]
pub(crate) struct Member {
    /// Who.
    pub person: ImportedPerson,
    /// Their part in the session.
    pub part: Part,
    /// How they were found (the surest of their mentions).
    pub evidence: Evidence,
    /// Whether the part came from a label or marker (it then wins over a default).
    pub part_given: bool,
}

/// The people of one session.
#[derive(Clone, Debug, Default)]
pub(crate) struct Roster {
    members: Vec<Member>,
    /// Names listed as organizers, proposers, rapporteurs: not speakers unless a
    /// label says so.
    excluded: Vec<Slug>,
}

/// What adding a person did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Added {
    /// A new person.
    New,
    /// Merged into one already listed.
    Merged,
    /// Dropped: listed as not a speaker.
    Excluded,
}

/// The name once when it is printed twice ("Ana Lima Ana Lima").
pub(crate) fn undouble(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    if n >= 4 && n % 2 == 0 && words[..n / 2] == words[n / 2..] {
        return words[..n / 2].join(" ");
    }
    name.to_string()
}

fn key_words(name: &str) -> Vec<String> {
    identity(name)
        .map(|s| s.as_str().split('-').map(String::from).collect())
        .unwrap_or_default()
}

/// Whether `a` and `b` name the same person.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let (ka, kb) = (key_words(a), key_words(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    let (short, long) = if ka.len() <= kb.len() {
        (&ka, &kb)
    } else {
        (&kb, &ka)
    };
    // "Zhao" for "Houlin Zhao"; "Bogdan Martin" for "Doreen Bogdan-Martin".
    if short.len() < long.len()
        && long.ends_with(short)
        && short.iter().map(String::len).sum::<usize>() >= 3
    {
        return true;
    }
    // "J. Smith" for "John Smith".
    if short.len() == long.len()
        && short.len() >= 2
        && short.last() == long.last()
        && short.iter().zip(long.iter()).all(|(s, l)| {
            s == l
                || (s.len() == 1 && l.starts_with(s.as_str()))
                || (l.len() == 1 && s.starts_with(l.as_str()))
        })
    {
        return true;
    }
    // "Shamika Sirimanne" for "Shamika N. Sirimanne": a middle initial left out.
    let full: Vec<&String> = long.iter().filter(|w| w.len() > 1).collect();
    let kept: Vec<&String> = short.iter().filter(|w| w.len() > 1).collect();
    if kept.len() >= 2 && full == kept && short.first() == long.first() {
        return true;
    }
    // One slip in a long name ("Samassekou" / "Samasekou"), same number of words.
    let (ja, jb) = (ka.join(" "), kb.join(" "));
    ka.len() == kb.len() && ja.len() >= 10 && strsim::levenshtein(&ja, &jb) <= 1
}

impl Roster {
    /// Marks a name as not a speaker (an organizer, proposer, rapporteur).
    pub(crate) fn exclude(&mut self, name: &str) {
        if let Some(id) = identity(&undouble(name)) {
            self.excluded.push(id);
        }
    }

    /// Adds a person, or merges them into the one already listed. A part from a
    /// label or marker wins over a default one; a moderator stays a moderator.
    pub(crate) fn add(
        &mut self,
        mut person: ImportedPerson,
        part: Part,
        part_given: bool,
        evidence: Evidence,
    ) -> Added {
        person.name = undouble(&person.name);
        let Some(id) = identity(&person.name) else {
            return Added::Excluded;
        };
        if evidence != Evidence::Labelled && self.excluded.contains(&id) {
            return Added::Excluded;
        }
        if let Some(m) = self
            .members
            .iter_mut()
            .find(|m| same_person(&m.person.name, &person.name))
        {
            // Keep the longer spelling: a surname alone is the back-reference.
            if key_words(&person.name).len() > key_words(&m.person.name).len() {
                m.person.name = person.name.clone();
            }
            let p = &mut m.person;
            if p.honorific.is_none() {
                p.honorific = person.honorific.take();
            }
            if p.role.is_none() && p.organization.is_none() {
                p.role = person.role.take();
                p.organization = person.organization.take();
            }
            if p.country.is_none() {
                p.country = person.country;
                p.country_inferred = person.country_inferred;
            }
            if part_given && (!m.part_given || part == Part::Moderator) {
                m.part = part;
                m.part_given = true;
            }
            m.evidence = m.evidence.min(evidence);
            return Added::Merged;
        }
        // A surname alone that matches nobody is a mention, not a new person, unless a
        // title says who ("Ambassador Lindqvist thanked …").
        if key_words(&person.name).len() < 2 && person.honorific.is_none() && person.role.is_none()
        {
            return Added::Excluded;
        }
        self.members.push(Member {
            person,
            part,
            evidence,
            part_given,
        });
        Added::New
    }

    /// The person added last.
    pub(crate) fn last_mut(&mut self) -> Option<&mut Member> {
        self.members.last_mut()
    }

    /// The people, in order of first mention.
    pub(crate) fn members(&self) -> &[Member] {
        &self.members
    }

    /// Whether nobody was found.
    pub(crate) fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> ImportedPerson {
        ImportedPerson {
            name: name.into(),
            ..ImportedPerson::default()
        }
    }

    #[test]
    fn variants_of_one_name_are_one_person() {
        assert!(same_person("Houlin Zhao", "Zhao"));
        assert!(same_person("Adama Samassékou", "Adama Samassekou"));
        assert!(same_person("John Smith", "J. Smith"));
        assert!(same_person("Shamika N. Sirimanne", "Shamika Sirimanne"));
        assert!(!same_person("Ana B. Lima", "Ana Lima Costa"));
        assert!(same_person("Doreen Bogdan-Martin", "Bogdan-Martin"));
        assert!(!same_person("John Smith", "Jane Smith"));
        assert!(!same_person("Ana Lima", "Ana Lopes"));
        assert_eq!(undouble("Ana Lima Ana Lima"), "Ana Lima");
    }

    #[test]
    fn later_mentions_merge_and_a_label_decides_the_part() {
        let mut r = Roster::default();
        assert_eq!(
            r.add(p("Houlin Zhao"), Part::Speaker, false, Evidence::Prose),
            Added::New
        );
        assert_eq!(
            r.add(p("Zhao"), Part::Speaker, false, Evidence::Prose),
            Added::Merged
        );
        assert_eq!(
            r.add(p("Houlin Zhao"), Part::Moderator, true, Evidence::Labelled),
            Added::Merged
        );
        assert_eq!(r.members().len(), 1);
        assert_eq!(r.members()[0].part, Part::Moderator);
        assert_eq!(
            r.add(p("Deo"), Part::Speaker, false, Evidence::Prose),
            Added::Excluded
        );
        r.exclude("Ana Lima");
        assert_eq!(
            r.add(p("Ana Lima"), Part::Speaker, false, Evidence::Layout),
            Added::Excluded
        );
        assert_eq!(
            r.add(p("Ana Lima"), Part::Moderator, true, Evidence::Labelled),
            Added::New
        );
    }
}
