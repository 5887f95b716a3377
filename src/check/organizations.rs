//! `proceedings check --people`, organizations: spellings of one organization that no
//! entry of `data/organizations.yaml` joins ("ITU", "International Telecommunication
//! Union", "Intl. Telecommunication Union").
//!
//! Linear in the number of spellings, like the people's report: each spelling gives a
//! few keys (its significant words in any order, with spelling variants set aside;
//! its acronym), and spellings that share a key are a group.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use super::people::Spelling;
use crate::model::Site;
use crate::url::Slug;

/// Why a group's spellings are thought to be one organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgLikeness {
    /// The same words once case, accents, punctuation, small words and their order
    /// are set aside ("Ministry of ICT, Kenya", "Kenya ICT Ministry").
    Words,
    /// An acronym and the name it abbreviates ("ITU", "International
    /// Telecommunication Union").
    Acronym,
}

impl OrgLikeness {
    /// How the report names it.
    pub fn describe(self) -> &'static str {
        match self {
            OrgLikeness::Words => "the same words, written differently",
            OrgLikeness::Acronym => "an acronym and the name it stands for",
        }
    }
}

/// Spellings that are probably one organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgDuplicate {
    /// Why.
    pub likeness: OrgLikeness,
    /// The spellings, the most used first.
    pub spellings: Vec<Spelling>,
}

impl OrgDuplicate {
    /// The `data/organizations.yaml` entry that joins the group: the longest spelling
    /// that is not an acronym is the name, an acronym the acronym, the rest aliases.
    pub fn registry_entry(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let name = self
            .spellings
            .iter()
            .filter(|s| !is_acronym(&s.name))
            // ("Name (ACR)" says the acronym twice once the entry has it.)
            .max_by_key(|s| (!s.name.contains('('), s.files.len(), s.name.len()))
            .unwrap_or(&self.spellings[0]);
        let acronym = self.spellings.iter().find(|s| is_acronym(&s.name));
        let id = Slug::from_text(acronym.map_or(&name.name, |a| &a.name))
            .map_or_else(|| "organization".to_string(), |s| s.as_str().to_string());
        let aliases: Vec<String> = self
            .spellings
            .iter()
            .filter(|s| s.name != name.name && acronym.is_none_or(|a| a.name != s.name))
            .map(|s| quote(&s.name))
            .collect();
        let mut out = format!("- id: {id}\n  name: {}", quote(&name.name));
        if let Some(a) = acronym {
            out.push_str(&format!("\n  acronym: {}", quote(&a.name)));
        }
        if !aliases.is_empty() {
            out.push_str(&format!("\n  aliases: [{}]", aliases.join(", ")));
        }
        out
    }
}

/// Words that say nothing of which organization it is.
const SMALL: &[&str] = &[
    "the", "of", "and", "for", "on", "in", "de", "la", "le", "du", "des", "del", "el", "et", "y",
];

/// The significant words of a name: transliterated, lower case, no punctuation, no
/// small words, doubled letters and a trailing plural "s" set aside.
fn words(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            for c in w.chars() {
                if !out.ends_with(c) {
                    out.push(c);
                }
            }
            if out.len() > 3 {
                out.strip_suffix('s').map_or(out.clone(), str::to_string)
            } else {
                out
            }
        })
        .collect()
}

/// "ITU", "UNESCO", "I.T.U.": two to eight capitals and no lower case.
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
    (2..=8).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !name.contains(' ')
}

/// The keys of one spelling, each with the likeness that sharing it means.
fn keys(name: &str) -> Vec<(OrgLikeness, String)> {
    let mut out = Vec::new();
    let (head, inside) = match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
    {
        Some((head, inside)) => (head, Some(inside)),
        None => (name, None),
    };
    if is_acronym(name) {
        out.push((OrgLikeness::Acronym, words(name).concat()));
        return out;
    }
    let mut w = words(head);
    // A name of one word says too little to be matched by its words.
    if w.len() >= 2 {
        let initials: String = w.iter().filter_map(|x| x.chars().next()).collect();
        out.push((OrgLikeness::Acronym, initials));
        w.sort();
        out.push((OrgLikeness::Words, w.join(" ")));
    }
    if let Some(a) = inside.filter(|a| is_acronym(a)) {
        out.push((OrgLikeness::Acronym, words(a).concat()));
    }
    out
}

/// The probable duplicates among the organizations the sessions of `site` write and
/// no registry entry names.
pub fn duplicates(site: &Site) -> Vec<OrgDuplicate> {
    // Each spelling, the files that write it.
    let mut written: BTreeMap<&str, BTreeSet<&PathBuf>> = BTreeMap::new();
    for s in &site.sessions {
        for p in &s.participants {
            if let (Some(org), None) = (p.organization.as_deref(), p.organization_id) {
                written.entry(org.trim()).or_default().insert(&s.file);
            }
        }
    }
    let names: Vec<&str> = written.keys().copied().collect();
    let mut buckets: HashMap<(OrgLikeness, String), Vec<usize>> = HashMap::new();
    for (k, name) in names.iter().enumerate() {
        for key in keys(name) {
            buckets.entry(key).or_default().push(k);
        }
    }
    let mut groups: BTreeMap<Vec<usize>, OrgLikeness> = BTreeMap::new();
    for ((likeness, _), mut members) in buckets {
        members.sort_unstable();
        members.dedup();
        // An acronym joins names only when one of them is the bare acronym: two long
        // names with the same initials are two organizations.
        let fits = members.len() >= 2
            && (likeness == OrgLikeness::Words
                || (members.iter().any(|&m| is_acronym(names[m]))
                    && members.iter().any(|&m| !is_acronym(names[m]))));
        if fits {
            let at = groups.entry(members).or_insert(likeness);
            *at = (*at).min(likeness);
        }
    }
    // A group inside a larger one ("ITU (…)" with its name, inside the acronym's group)
    // says nothing more.
    let mut by_size: Vec<(Vec<usize>, OrgLikeness)> = groups.into_iter().collect();
    by_size.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    let mut kept: Vec<(Vec<usize>, OrgLikeness)> = Vec::new();
    let mut groups_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for (members, likeness) in by_size {
        let inside = groups_of.get(&members[0]).is_some_and(|gs| {
            gs.iter()
                .any(|&g| members.iter().all(|m| kept[g].0.binary_search(m).is_ok()))
        });
        if !inside {
            for &m in &members {
                groups_of.entry(m).or_default().push(kept.len());
            }
            kept.push((members, likeness));
        }
    }
    let mut out: Vec<OrgDuplicate> = kept
        .into_iter()
        .map(|(members, likeness)| {
            let mut spellings: Vec<Spelling> = members
                .iter()
                .map(|&m| Spelling {
                    name: names[m].to_string(),
                    files: written[names[m]].iter().map(|f| (*f).clone()).collect(),
                })
                .collect();
            spellings.sort_by(|a, b| b.files.len().cmp(&a.files.len()).then(a.name.cmp(&b.name)));
            OrgDuplicate {
                likeness,
                spellings,
            }
        })
        .collect();
    out.sort_by(|a, b| a.spellings[0].name.cmp(&b.spellings[0].name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(a: &str, b: &str) -> Vec<OrgLikeness> {
        let kb = keys(b);
        keys(a)
            .into_iter()
            .filter(|k| kb.contains(k))
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn each_kind_of_variant_shares_its_key() {
        assert!(
            shared("ITU", "International Telecommunication Union").contains(&OrgLikeness::Acronym)
        );
        assert!(
            shared("ITU", "International Telecommunication Union (ITU)")
                .contains(&OrgLikeness::Acronym)
        );
        assert!(
            shared("Ministry of ICT, Kenya", "Kenya ICT Ministry").contains(&OrgLikeness::Words)
        );
        assert!(
            shared(
                "Organisation Internationale de la Francophonie",
                "Organisation internationale de la francophonie"
            )
            .contains(&OrgLikeness::Words)
        );
        assert!(shared("Delta Labs", "Harbour Institute").is_empty());
        // A one-word name is matched by nothing but an acronym of its own.
        assert!(keys("Microsoft").is_empty());
    }

    #[test]
    fn the_registry_entry_names_the_full_spelling_and_the_acronym() {
        let d = OrgDuplicate {
            likeness: OrgLikeness::Acronym,
            spellings: vec![
                Spelling {
                    name: "ITU".into(),
                    files: vec!["a.md".into(), "b.md".into()],
                },
                Spelling {
                    name: "International Telecommunication Union".into(),
                    files: vec!["c.md".into()],
                },
                Spelling {
                    name: "Intl Telecommunication Union".into(),
                    files: vec!["d.md".into()],
                },
            ],
        };
        assert_eq!(
            d.registry_entry(),
            "- id: itu\n  name: \"International Telecommunication Union\"\n  acronym: \"ITU\"\n  aliases: [\"Intl Telecommunication Union\"]"
        );
    }
}
