//! Organizations of `data/organizations.yaml`, and the rule that finds the one a
//! session's `organization:` names.
//!
//! A written organization is compared by its slug ([`Slug::from_text`]: no case,
//! accents or punctuation), against each entry's name, acronym and aliases; "Name
//! (ACR)" also matches by the name before the parentheses (never by what is inside
//! alone: "Ibrahim Medical College (University of Dhaka)" is not the university). An
//! organization the registry
//! does not know stays as written: it is shown, not linked, and has no page (free-text
//! variants would otherwise each get a thin page of their own, the very split the
//! registry is there to mend).

use std::path::Path;

use rustc_hash::FxHashMap;
use serde_saphyr::Spanned;

use super::{OrgId, locate};
use crate::content::OrganizationRecord;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::taxonomy::{Country, CountryAliases};
use crate::url::{Link, Slug};

/// One organization of the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    /// Its id, the page's slug: `/organizations/<slug>/`.
    pub slug: Slug,
    /// The full name.
    pub name: String,
    /// The short form ("ITU").
    pub acronym: Option<String>,
    /// Other names that mean it.
    pub aliases: Vec<String>,
    /// Where it is based.
    pub country: Option<Country>,
    /// Its own web site.
    pub url: Option<Link>,
    /// The organization it is part of (the registry's parents have no cycle).
    pub parent: Option<OrgId>,
}

/// The registry's organizations, with every spelling that finds each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organizations {
    list: Vec<Organization>,
    /// Each name, acronym and alias, as a slug, with the organization it names.
    by_key: FxHashMap<Slug, OrgId>,
}

impl Organizations {
    /// Every organization, in registry order (index = [`OrgId`]).
    pub fn all(&self) -> &[Organization] {
        &self.list
    }

    /// Organization `id`.
    pub fn get(&self, id: OrgId) -> &Organization {
        &self.list[id.index()]
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether the site has no registry of organizations.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The organization `written` names, by name, acronym or alias; "Name (ACR)" also
    /// by the part before the parentheses. `None` for one the registry does not know.
    pub fn find(&self, written: &str) -> Option<OrgId> {
        if self.list.is_empty() {
            return None;
        }
        let key = |text: &str| Slug::from_text(text).and_then(|k| self.by_key.get(&k).copied());
        key(written).or_else(|| {
            let (outer, _) = written.trim().strip_suffix(')')?.rsplit_once('(')?;
            key(outer)
        })
    }

    /// The organizations whose parent is `id`, in registry order.
    pub fn children(&self, id: OrgId) -> impl Iterator<Item = OrgId> + '_ {
        (self.list.iter().enumerate())
            .filter(move |(_, o)| o.parent == Some(id))
            .map(|(i, _)| OrgId::from_index(i))
    }
}

/// Where a spelling of the registry is, to name it in the error of another entry
/// that writes it too.
struct Claim {
    org: OrgId,
    at: Option<Location>,
}

/// `file:line:col` of a registry value, as errors name a second position.
fn position(file: &Path, at: Option<Location>) -> String {
    match at {
        Some(l) => format!("{}:{}:{}", file.display(), l.line, l.column),
        None => file.display().to_string(),
    }
}

/// The organizations of `records` (`data/organizations.yaml`, at `file`), checked: a
/// bad or repeated id, a spelling two entries claim, an unknown parent and a cycle of
/// parents are errors at their positions; an unknown country is a warning.
pub(crate) fn register(
    records: &[OrganizationRecord],
    file: &Path,
    countries: &CountryAliases,
    diags: &mut Diagnostics,
) -> Organizations {
    let mut orgs = Organizations::default();
    let mut ids: FxHashMap<Slug, Option<Location>> = FxHashMap::default();
    let mut claims: FxHashMap<Slug, Claim> = FxHashMap::default();
    // Each kept entry's parent, as written, resolved once every id is in.
    let mut parents: Vec<Option<&Spanned<String>>> = Vec::new();
    for rec in records {
        let at = locate(&rec.id);
        let Some(slug) = Slug::parse_exact(rec.id.value.trim()) else {
            let hint = Slug::from_text(&rec.id.value)
                .map_or_else(String::new, |s| format!(", e.g. `{s}`"));
            let message = format!("`{}` is not a valid organization id", rec.id.value);
            diags.push(Diagnostic::error(file, at, message).with_help(format!(
                "ids are lower-case letters, digits and hyphens{hint}"
            )));
            continue;
        };
        if let Some(&first) = ids.get(&slug) {
            let message = format!(
                "the organization id `{slug}` is used twice (first at {})",
                position(file, first)
            );
            diags.push(
                Diagnostic::error(file, at, message)
                    .with_help("give each organization its own id, or merge the two entries"),
            );
            continue;
        }
        let name = rec.name.value.trim();
        if Slug::from_text(name).is_none() {
            diags.push(
                Diagnostic::error(file, locate(&rec.name), "the organization's name is empty")
                    .with_help(
                        "write its full name, e.g. `name: International Telecommunication Union`",
                    ),
            );
            continue;
        }
        ids.insert(slug.clone(), at);
        let id = OrgId::from_index(orgs.list.len());
        let spellings = std::iter::once(&rec.name)
            .chain(&rec.acronym)
            .chain(&rec.aliases);
        for spelling in spellings {
            claim(&mut orgs, &mut claims, id, spelling, file, diags);
        }
        orgs.list.push(Organization {
            slug,
            name: name.to_string(),
            acronym: (rec.acronym.as_ref())
                .map(|a| a.value.trim().to_string())
                .filter(|a| !a.is_empty()),
            aliases: (rec.aliases.iter())
                .map(|a| a.value.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            country: super::speakers::country(file, rec.country.as_ref(), countries, diags),
            url: rec.url.clone(),
            parent: None,
        });
        parents.push(rec.parent.as_ref());
    }
    link_parents(&mut orgs, &parents, file, diags);
    orgs
}

/// Makes `spelling` find organization `id`; one another entry claims already is an
/// error that names both places.
fn claim(
    orgs: &mut Organizations,
    claims: &mut FxHashMap<Slug, Claim>,
    id: OrgId,
    spelling: &Spanned<String>,
    file: &Path,
    diags: &mut Diagnostics,
) {
    let at = locate(spelling);
    let Some(key) = Slug::from_text(&spelling.value) else {
        let message = format!("`{}` has no letters or digits", spelling.value);
        diags.push(
            Diagnostic::error(file, at, message)
                .with_help("write a name, acronym or alias a session could write"),
        );
        return;
    };
    match claims.get(&key) {
        // An entry may spell itself twice ("ITU" as acronym and alias).
        Some(first) if first.org == id => {}
        Some(first) => {
            let other = &orgs.list[first.org.index()].slug;
            let message = format!(
                "`{}` already names the organization `{other}` (at {}): a spelling may name one organization only",
                spelling.value.trim(),
                position(file, first.at)
            );
            diags.push(Diagnostic::error(file, at, message).with_help(
                "remove it from one of the two entries, or merge them if they are one organization (spellings match ignoring case, accents and punctuation)",
            ));
        }
        None => {
            claims.insert(key.clone(), Claim { org: id, at });
            orgs.by_key.insert(key, id);
        }
    }
}

/// Resolves each entry's `parent:` to the organization of that id; an unknown id is
/// an error, and so is a cycle (reported once, at its first entry in the file, whose
/// parent is then dropped so that the pages stay finite).
fn link_parents(
    orgs: &mut Organizations,
    parents: &[Option<&Spanned<String>>],
    file: &Path,
    diags: &mut Diagnostics,
) {
    let by_slug: FxHashMap<&Slug, OrgId> = (orgs.list.iter().enumerate())
        .map(|(i, o)| (&o.slug, OrgId::from_index(i)))
        .collect();
    let mut linked: Vec<Option<OrgId>> = Vec::with_capacity(parents.len());
    for written in parents {
        let Some(written) = written else {
            linked.push(None);
            continue;
        };
        let wanted = Slug::parse_exact(written.value.trim());
        match wanted.as_ref().and_then(|s| by_slug.get(s)) {
            Some(&p) => linked.push(Some(p)),
            None => {
                let nearest = crate::diag::nearest(
                    written.value.trim(),
                    orgs.list.iter().map(|o| o.slug.as_str()),
                );
                let help = match nearest {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => "write the `id:` of another entry of data/organizations.yaml".into(),
                };
                let message = format!(
                    "there is no organization `{}` in data/organizations.yaml",
                    written.value.trim()
                );
                diags.push(Diagnostic::error(file, locate(written), message).with_help(help));
                linked.push(None);
            }
        }
    }
    for start in 0..linked.len() {
        // Walk up; more steps than entries means a cycle, which may not pass `start`.
        let mut chain = vec![start];
        let mut at = linked[start];
        while let Some(p) = at {
            if p.index() == start {
                break;
            }
            if chain.len() > linked.len() {
                break;
            }
            chain.push(p.index());
            at = linked[p.index()];
        }
        let is_cycle = at.is_some_and(|p| p.index() == start);
        // Reported at the cycle's first entry in the file.
        if is_cycle && chain.iter().all(|&i| i >= start) {
            let names: Vec<&str> = (chain.iter().chain([&start]))
                .map(|&i| orgs.list[i].slug.as_str())
                .collect();
            let message = format!(
                "the parents of `{}` go round in a circle: {}",
                orgs.list[start].slug,
                names.join(" -> ")
            );
            let at = parents[start].and_then(locate);
            diags.push(Diagnostic::error(file, at, message).with_help(
                "an organization cannot be part of itself: remove one `parent:` of the circle",
            ));
            linked[start] = None;
        }
    }
    for (o, p) in orgs.list.iter_mut().zip(linked) {
        o.parent = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(yaml: &str) -> (Organizations, Diagnostics) {
        let records: Vec<OrganizationRecord> =
            crate::content::yaml::parse(yaml, Path::new("orgs.yaml"), Default::default())
                .expect("yaml");
        let mut diags = Diagnostics::new();
        let orgs = register(
            &records,
            Path::new("orgs.yaml"),
            &CountryAliases::new(),
            &mut diags,
        );
        (orgs, diags)
    }

    fn errors(diags: &Diagnostics) -> Vec<String> {
        diags.iter().map(ToString::to_string).collect()
    }

    const ITU: &str = "- id: itu\n  name: International Telecommunication Union\n  acronym: ITU\n  aliases: [Union internationale des télécommunications]\n  country: Switzerland\n- id: itu-d\n  name: ITU Telecommunication Development Sector\n  acronym: ITU-D\n  parent: itu\n";

    #[test]
    fn an_organization_is_found_by_name_acronym_or_alias_without_case_or_accents() {
        let (orgs, diags) = registry(ITU);
        assert!(errors(&diags).is_empty(), "{:?}", errors(&diags));
        let itu = Some(OrgId(0));
        for written in [
            "ITU",
            "itu",
            "International Telecommunication Union",
            "international telecommunication union (ITU)",
            "INTERNATIONAL TELECOMMUNICATION UNION (itu)",
            "Union Internationale des Telecommunications",
            "Union internationale des télécommunications (UIT)",
        ] {
            assert_eq!(orgs.find(written), itu, "{written}");
        }
        assert_eq!(orgs.find("ITU-D"), Some(OrgId(1)));
        assert_eq!(
            orgs.find("ITU D"),
            Some(OrgId(1)),
            "punctuation does not count"
        );
        assert_eq!(orgs.find("Kituo Foundation"), None);
        assert_eq!(orgs.find("Ministry of ICT (Kenya)"), None);
        // What the parentheses hold alone does not decide: it may be the parent.
        assert_eq!(orgs.find("Radio Bureau (ITU)"), None);
        assert_eq!(orgs.get(OrgId(1)).parent, itu);
        assert_eq!(orgs.children(OrgId(0)).collect::<Vec<_>>(), [OrgId(1)]);
        assert_eq!(orgs.get(OrgId(0)).country.map(|c| c.iso2()), Some("CH"));
    }

    #[test]
    fn a_spelling_two_entries_claim_is_an_error_that_names_both_places() {
        let (orgs, diags) = registry(
            "- id: itu\n  name: International Telecommunication Union\n  acronym: ITU\n- id: other\n  name: Other\n  aliases: [itu]\n",
        );
        let errors = errors(&diags);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("orgs.yaml:6:"), "{}", errors[0]);
        assert!(
            errors[0].contains("`itu` (at orgs.yaml:3:12)"),
            "{}",
            errors[0]
        );
        assert_eq!(orgs.find("ITU"), Some(OrgId(0)), "the first keeps it");
    }

    #[test]
    fn repeated_and_malformed_ids_are_errors_at_the_id() {
        let (orgs, diags) =
            registry("- id: itu\n  name: A\n- id: itu\n  name: B\n- id: Bad Id\n  name: C\n");
        let errors = errors(&diags);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("orgs.yaml:3:7")
                && errors[0].contains("used twice (first at orgs.yaml:1:7)"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("orgs.yaml:5:7")
                && errors[1].contains("not a valid organization id"),
            "{}",
            errors[1]
        );
        assert_eq!(orgs.len(), 1);
    }

    #[test]
    fn an_unknown_parent_and_a_cycle_are_errors_at_the_parent() {
        let (orgs, diags) = registry(
            "- id: a\n  name: A\n  parent: b\n- id: b\n  name: B\n  parent: c\n- id: c\n  name: C\n  parent: a\n- id: d\n  name: D\n  parent: itu\n- id: e\n  name: E\n  parent: e\n",
        );
        let errors = errors(&diags);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].contains("orgs.yaml:12:11") && errors[0].contains("no organization `itu`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("orgs.yaml:3:11") && errors[1].contains("a -> b -> c -> a"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].contains("orgs.yaml:15:11") && errors[2].contains("e -> e"),
            "{}",
            errors[2]
        );
        // What is left has no cycle.
        assert_eq!(orgs.get(OrgId(0)).parent, None);
        assert_eq!(orgs.get(OrgId(1)).parent, Some(OrgId(2)));
    }
}
