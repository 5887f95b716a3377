//! `proceedings check --people`: people who are probably one person under two
//! spellings the model keeps apart (it merges only case, accents and honorifics).
//!
//! Linear in the number of people: each name gives a few keys (its words in any
//! order; first and last word; first initial and last word; a spelling skeleton), and
//! people who share a key are a group. No pair of people is ever compared.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::index::Index;
use crate::model::{PersonId, Site};

/// Why a group's names are thought to be one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Likeness {
    /// The same words in another order ("Zhao Houlin", "Houlin Zhao").
    NameOrder,
    /// The same words once spelling variants are set aside ("Mohammed", "Mohamed").
    Spelling,
    /// The same first and last names, one with a middle name ("Carlos Alberto Afonso").
    MiddleName,
    /// An initial for a first name ("H. Zhao").
    Initial,
}

impl Likeness {
    /// How the report names it.
    pub fn describe(self) -> &'static str {
        match self {
            Likeness::NameOrder => "the same names in another order",
            Likeness::Spelling => "spelling variants of the same names",
            Likeness::MiddleName => "the same first and last names, with and without a middle name",
            Likeness::Initial => "an initial for the first name",
        }
    }
}

/// One spelling in a group, with the files that use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The name as the site shows it.
    pub name: String,
    /// The session files that name this person.
    pub files: Vec<PathBuf>,
}

/// People who are probably one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// Why.
    pub likeness: Likeness,
    /// The spellings, the most used first: the one to keep.
    pub spellings: Vec<Spelling>,
}

impl Duplicate {
    /// The `data/speakers.yaml` entry that merges the group into its first spelling.
    pub fn registry_entry(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let aliases: Vec<String> = self.spellings[1..].iter().map(|s| quote(&s.name)).collect();
        format!(
            "- name: {}\n  aliases: [{}]",
            quote(&self.spellings[0].name),
            aliases.join(", ")
        )
    }
}

/// The words of a name, transliterated, lower-cased, without punctuation.
fn words(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A word with the usual transliteration variants set aside: no `h` after a letter,
/// no doubled letters, `y` as `i`, `ou` as `u` ("Mohammed" = "Mohamed", "Youssef" = "Yusef").
fn skeleton(word: &str) -> String {
    // An initial is a letter of its own: "I." is not "Y.".
    if word.len() == 1 {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let w = word.replace("ou", "u").replace('y', "i");
    for c in w.chars() {
        if (c == 'h' && !out.is_empty()) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The keys of one name, each with the likeness that sharing it means.
fn keys(name: &str) -> Vec<(Likeness, String)> {
    let w = words(name);
    let mut out = Vec::new();
    if w.len() < 2 {
        return out;
    }
    let mut sorted = w.clone();
    sorted.sort();
    out.push((Likeness::NameOrder, sorted.join(" ")));
    let mut sk: Vec<String> = w.iter().map(|x| skeleton(x)).collect();
    sk.sort();
    out.push((Likeness::Spelling, sk.join(" ")));
    let (first, last) = (&w[0], &w[w.len() - 1]);
    if first.len() > 1 {
        out.push((Likeness::MiddleName, format!("{first} {last}")));
    }
    if let Some(initial) = first.chars().next() {
        out.push((Likeness::Initial, format!("{initial} {last}")));
    }
    out
}

/// The probable duplicates among the people of `site` who have sessions.
pub fn duplicates(site: &Site, index: &Index) -> Vec<Duplicate> {
    let mut buckets: HashMap<(Likeness, String), Vec<PersonId>> = HashMap::new();
    for &p in &index.speakers_az {
        for key in keys(&site.people[p.index()].name) {
            buckets.entry(key).or_default().push(p);
        }
    }
    // One report per set of people, under the strongest likeness that found it.
    let mut groups: BTreeMap<Vec<PersonId>, Likeness> = BTreeMap::new();
    for ((likeness, _), mut people) in buckets {
        if people.len() < 2 {
            continue;
        }
        if !fits(site, likeness, &people) {
            continue;
        }
        people.sort_unstable();
        people.dedup();
        if people.len() == 2 && share_a_session(index, people[0], people[1]) {
            // Two names on one programme are two people ("H. Zhao" beside "Houlin Zhao").
            continue;
        }
        let at = groups.entry(people).or_insert(likeness);
        *at = (*at).min(likeness);
    }
    let mut out: Vec<Duplicate> = groups
        .into_iter()
        .map(|(people, likeness)| {
            let mut spellings: Vec<Spelling> = people
                .iter()
                .map(|&p| Spelling {
                    name: site.people[p.index()].name.clone(),
                    files: index.by_person[p.index()]
                        .iter()
                        .map(|&(s, _)| site.sessions[s.index()].file.clone())
                        .collect(),
                })
                .collect();
            spellings.sort_by(|a, b| {
                b.files
                    .len()
                    .cmp(&a.files.len())
                    .then(b.name.len().cmp(&a.name.len()))
            });
            Duplicate {
                likeness,
                spellings,
            }
        })
        .collect();
    out.sort_by(|a, b| a.spellings[0].name.cmp(&b.spellings[0].name));
    out
}

fn share_a_session(index: &Index, a: PersonId, b: PersonId) -> bool {
    let of = |p: PersonId| index.by_person[p.index()].iter().map(|&(s, _)| s);
    let theirs: std::collections::HashSet<_> = of(b).collect();
    of(a).any(|s| theirs.contains(&s))
}

/// Whether sharing a key of `likeness` means something for these people: names that
/// share their first and last words differ only by a middle name when one has more
/// words; an initial key needs someone written with an initial and someone without.
fn fits(site: &Site, likeness: Likeness, people: &[PersonId]) -> bool {
    let lens: Vec<Vec<String>> = people
        .iter()
        .map(|p| words(&site.people[p.index()].name))
        .collect();
    match likeness {
        Likeness::NameOrder | Likeness::Spelling => true,
        // With several different middle names ("Ana F. Lima", "Ana G. Lima") or full
        // first names ("Hua Zhao", "Houlin Zhao" beside "H. Zhao"), the short spelling
        // may be any of them: no one merge is right.
        Likeness::MiddleName => {
            let middles: std::collections::BTreeSet<String> = (lens.iter())
                .filter(|w| w.len() > 2)
                .map(|w| {
                    w[1..w.len() - 1]
                        .iter()
                        .filter_map(|m| m.chars().next())
                        .collect()
                })
                .collect();
            middles.len() == 1 && lens.iter().any(|w| w.len() == 2)
        }
        Likeness::Initial => {
            let firsts: std::collections::BTreeSet<&str> = (lens.iter())
                .filter(|w| w[0].len() > 1)
                .map(|w| w[0].as_str())
                .collect();
            lens.iter().any(|w| w[0].len() == 1) && firsts.len() == 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(a: &str, b: &str) -> Vec<Likeness> {
        let kb = keys(b);
        keys(a)
            .into_iter()
            .filter(|k| kb.contains(k))
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn each_kind_of_variant_shares_its_key() {
        assert!(shared("Zhao Houlin", "Houlin Zhao").contains(&Likeness::NameOrder));
        assert!(shared("Mohammed Al-Rashid", "Mohamed Al Rashid").contains(&Likeness::Spelling));
        assert!(shared("Youssef Ben Ali", "Yusef Ben Ali").contains(&Likeness::Spelling));
        assert!(shared("Carlos Alberto Afonso", "Carlos Afonso").contains(&Likeness::MiddleName));
        assert!(shared("H. Zhao", "Houlin Zhao").contains(&Likeness::Initial));
        assert!(shared("Ana Lima", "Bo Chen").is_empty());
        assert!(shared("Anna Holm", "Ana Lima").is_empty());
        // Initials are letters of their own.
        assert!(!shared("Ana I. Lima", "Ana Y. Lima").contains(&Likeness::Spelling));
    }

    #[test]
    fn the_registry_entry_keeps_the_first_spelling_and_quotes_names() {
        let d = Duplicate {
            likeness: Likeness::NameOrder,
            spellings: vec![
                Spelling {
                    name: "Houlin Zhao".into(),
                    files: vec!["a.md".into(), "b.md".into()],
                },
                Spelling {
                    name: "Zhao \"H\" Houlin".into(),
                    files: vec!["c.md".into()],
                },
            ],
        };
        assert_eq!(
            d.registry_entry(),
            "- name: \"Houlin Zhao\"\n  aliases: [\"Zhao \\\"H\\\" Houlin\"]"
        );
    }
}
