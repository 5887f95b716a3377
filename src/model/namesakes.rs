//! People of `data/speakers.yaml` who share a name, and the registry's ids.
//!
//! Two people may be called "Wang Wei". The registry tells them apart by `id`
//! (`wang-wei-cn`, `wang-wei-itu`) and, for sessions that name them by name, by
//! the `organization` or `country` it gives each. A session entry finds such a
//! person by `id:`, or by the name with an organization or country that fits one
//! of them only; a plain shared name is ambiguous. [`Namesakes::pick`] is that one
//! rule, for a full resolve and for one session resolved again.

use rustc_hash::FxHashMap;

use crate::content::PersonEntry;
use crate::taxonomy::{Country, CountryAliases};
use crate::url::Slug;

/// A registry person who shares a name with another, with what tells them apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namesake {
    /// Index into the site's people.
    pub person: usize,
    /// Their id (and page slug).
    pub id: Slug,
    /// The registry's `organization:`.
    pub organization: Option<String>,
    /// The registry's `country:`.
    pub country: Option<Country>,
}

impl Namesake {
    /// "`wang-wei-itu` (ITU, China)": how an error lists a candidate.
    pub fn describe(&self) -> String {
        let mut marks: Vec<&str> = Vec::new();
        marks.extend(self.organization.as_deref());
        marks.extend(self.country.map(|c| c.name()));
        if marks.is_empty() {
            format!("`{}`", self.id)
        } else {
            format!("`{}` ({})", self.id, marks.join(", "))
        }
    }
}

/// The registry's ids and its shared names.
#[derive(Clone, Debug, Default)]
pub struct Namesakes {
    /// Every registry person by id (the `id:` written, or their name's slug).
    by_id: FxHashMap<Slug, usize>,
    /// Identities that several registry people share, with those people.
    shared: FxHashMap<Slug, Vec<Namesake>>,
}

/// Why a session entry names no one person.
#[derive(Debug, PartialEq, Eq)]
pub enum Unresolved<'a> {
    /// `id:` names no registry person; the nearest id, if one is close.
    UnknownId(Option<&'a str>),
    /// The name is shared, and the entry's organization and country fit none or
    /// several of these people.
    Ambiguous(&'a [Namesake]),
}

impl Namesakes {
    /// Records a registry person's id.
    pub(crate) fn add_id(&mut self, id: Slug, person: usize) {
        self.by_id.insert(id, person);
    }

    /// Records that `key` is shared by `namesake` (and by whoever else has it).
    pub(crate) fn share(&mut self, key: Slug, namesake: Namesake) {
        let group = self.shared.entry(key).or_default();
        if !group.iter().any(|n| n.person == namesake.person) {
            group.push(namesake);
        }
    }

    /// Whether several registry people have identity `key`.
    pub(crate) fn is_shared(&self, key: &Slug) -> bool {
        self.shared.contains_key(key)
    }

    /// The registry person a session entry names by id or by a shared name:
    /// `Ok(None)` when the entry gives no id and its name is no one's in particular
    /// (then the name alone finds the person).
    pub fn pick<'a>(
        &'a self,
        entry: &'a PersonEntry,
        key: Option<&Slug>,
        countries: &CountryAliases,
    ) -> Result<Option<usize>, Unresolved<'a>> {
        if let Some(id) = &entry.id {
            let wanted = id.value.trim();
            return match Slug::parse_exact(wanted).and_then(|s| self.by_id.get(&s)) {
                Some(&person) => Ok(Some(person)),
                None => {
                    let ids = self.by_id.keys().map(Slug::as_str);
                    Err(Unresolved::UnknownId(crate::diag::nearest(wanted, ids)))
                }
            };
        }
        let Some(group) = key.and_then(|k| self.shared.get(k)) else {
            return Ok(None);
        };
        let country = (entry.country.as_ref()).and_then(|c| countries.resolve(&c.value).ok());
        let organization = entry.organization.as_deref();
        // Each candidate scores a point per mark that fits; one that contradicts a
        // mark is out. The best score wins when it is positive and one person's.
        let scores: Vec<Option<u8>> = group
            .iter()
            .map(|n| {
                let org = fits(organization, n.organization.as_deref(), same_organization)?;
                let land = fits(country.as_ref(), n.country.as_ref(), |a, b| a == b)?;
                Some(org + land)
            })
            .collect();
        let best = scores.iter().flatten().copied().max().unwrap_or(0);
        let mut winners = group.iter().zip(&scores).filter(|(_, s)| **s == Some(best));
        match (best, winners.next(), winners.next()) {
            (1.., Some((n, _)), None) => Ok(Some(n.person)),
            _ => Err(Unresolved::Ambiguous(group)),
        }
    }

    /// For each registry person who shares a name, the others who have it, in
    /// registry order.
    pub(crate) fn others(&self) -> FxHashMap<usize, Vec<usize>> {
        let mut others: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for group in self.shared.values() {
            for n in group {
                let list = others.entry(n.person).or_default();
                list.extend(group.iter().map(|m| m.person).filter(|&m| m != n.person));
            }
        }
        for list in others.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        others
    }
}

/// 1 when an entry's mark fits the candidate's, 0 when either is missing, `None`
/// when they differ.
fn fits<T: ?Sized>(
    written: Option<&T>,
    known: Option<&T>,
    same: impl Fn(&T, &T) -> bool,
) -> Option<u8> {
    match (written, known) {
        (Some(w), Some(k)) => same(w, k).then_some(1),
        _ => Some(0),
    }
}

/// Whether two written organizations are one: the words of one appear, in order
/// and together, among the other's, without case or accents ("ITU" and
/// "International Telecommunication Union (ITU)").
fn same_organization(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        Slug::from_text(s).map_or_else(Vec::new, |s| {
            s.as_str().split('-').map(str::to_string).collect()
        })
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> Slug {
        Slug::parse_exact(s).expect("slug")
    }

    fn two_wang_weis() -> (Namesakes, CountryAliases) {
        let countries = CountryAliases::new();
        let china = countries.resolve("China").ok();
        let mut n = Namesakes::default();
        for (i, id, org, country) in [
            (0, "wang-wei-cn", None, china),
            (
                1,
                "wang-wei-itu",
                Some("International Telecommunication Union (ITU)"),
                None,
            ),
        ] {
            n.add_id(slug(id), i);
            let namesake = Namesake {
                person: i,
                id: slug(id),
                organization: org.map(str::to_string),
                country,
            };
            n.share(slug("wang-wei"), namesake);
        }
        (n, countries)
    }

    fn entry(id: Option<&str>, org: Option<&str>, country: Option<&str>) -> PersonEntry {
        let spanned = |v: &str| serde_saphyr::Spanned {
            value: v.to_string(),
            referenced: serde_saphyr::Location::UNKNOWN,
            defined: serde_saphyr::Location::UNKNOWN,
        };
        PersonEntry {
            id: id.map(spanned),
            name: "Wang Wei".into(),
            organization: org.map(str::to_string),
            country: country.map(spanned),
            ..PersonEntry::default()
        }
    }

    #[test]
    fn an_id_an_organization_or_a_country_tells_namesakes_apart() {
        let (n, c) = two_wang_weis();
        let key = slug("wang-wei");
        let pick = |e: &PersonEntry| n.pick(e, Some(&key), &c).ok().flatten();
        assert_eq!(pick(&entry(Some("wang-wei-itu"), None, None)), Some(1));
        assert_eq!(pick(&entry(None, Some("ITU"), None)), Some(1));
        assert_eq!(pick(&entry(None, None, Some("china"))), Some(0));
        // The organization fits one; the country contradicts no one who has one.
        assert_eq!(pick(&entry(None, Some("itu"), Some("China"))), None);
    }

    #[test]
    fn a_plain_shared_name_or_an_unknown_id_is_reported() {
        let (n, c) = two_wang_weis();
        let key = slug("wang-wei");
        let plain = entry(None, None, None);
        assert!(
            matches!(n.pick(&plain, Some(&key), &c), Err(Unresolved::Ambiguous(g)) if g.len() == 2)
        );
        let elsewhere = entry(None, Some("UNESCO"), Some("France"));
        assert!(matches!(
            n.pick(&elsewhere, Some(&key), &c),
            Err(Unresolved::Ambiguous(_))
        ));
        let typo = entry(Some("wang-wei-it"), None, None);
        assert_eq!(
            n.pick(&typo, Some(&key), &c),
            Err(Unresolved::UnknownId(Some("wang-wei-itu")))
        );
        // A name no one shares is left to the name rule.
        assert_eq!(n.pick(&plain, Some(&slug("ana-lima")), &c), Ok(None));
    }

    #[test]
    fn organizations_match_by_whole_words() {
        assert!(same_organization(
            "ITU",
            "International Telecommunication Union (ITU)"
        ));
        assert!(same_organization(
            "Ministère des Postes",
            "ministere des postes"
        ));
        assert!(!same_organization("ITU", "Kituo Foundation"));
        assert!(!same_organization("", "ITU"));
    }

    #[test]
    fn each_namesake_lists_the_others() {
        let (n, _) = two_wang_weis();
        let others = n.others();
        assert_eq!(others[&0], [1]);
        assert_eq!(others[&1], [0]);
    }
}
