//! People: one [`Person`] per human across all sessions.
//!
//! Identity is the name without honorifics, Unicode-normalised, compared
//! without case or accents ("Dr. Nguyễn Mạnh Hùng" and "Nguyen Manh Hung" are
//! one person). `data/speakers.yaml` merges further variants through aliases.

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use super::namesakes::{Namesake, Namesakes};
use crate::content::LinkRecord;
use crate::url::Slug;

/// A person who moderated or spoke in at least one session (or is in the registry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// URL slug: `/speakers/<slug>/`.
    pub slug: Slug,
    /// Display name, without honorific.
    pub name: String,
    /// Honorific from the registry or the person's first appearance ("Prof. Dr.").
    pub honorific: Option<String>,
    /// Markdown bio from `data/speakers.yaml`.
    pub bio: Option<String>,
    /// Photo URL from `data/speakers.yaml`.
    pub photo: Option<crate::url::Link>,
    /// Links from `data/speakers.yaml`.
    pub links: Vec<LinkRecord>,
    /// ORCID iD from `data/speakers.yaml`.
    pub orcid: Option<super::Orcid>,
    /// Wikidata item from `data/speakers.yaml`.
    pub wikidata: Option<super::Wikidata>,
    /// Other registry people with the same name, in registry order.
    pub namesakes: Vec<super::PersonId>,
    /// Old addresses that redirect to the page: registry `aliases:` paths, and the
    /// pages the registry's other spellings would have had.
    pub old_urls: Vec<super::OldUrl>,
    /// The organization the registry's `organization:` names, when the registry of
    /// organizations knows it.
    pub organization: Option<super::OrgId>,
    /// Whether `data/speakers.yaml` lists the person.
    pub registered: bool,
    /// What the A–Z sorts the person by instead of their name (`sort_name:` in
    /// `data/speakers.yaml`, family name first).
    pub sort_name: Option<String>,
}

impl Person {
    /// A person known only by name: someone sessions name and the registry does not.
    pub fn named(slug: Slug, name: String, honorific: Option<String>) -> Person {
        Person {
            slug,
            name,
            honorific,
            bio: None,
            photo: None,
            links: Vec::new(),
            orcid: None,
            wikidata: None,
            namesakes: Vec::new(),
            old_urls: Vec::new(),
            organization: None,
            registered: false,
            sort_name: None,
        }
    }
}

/// Honorifics recognised at the start of a name, as lower-case token sequences.
/// Ambiguous short forms that are also surnames ("He", "Eng", "Hon") count only with their dots.
const HONORIFICS: &[&[&str]] = &[
    &["his", "excellency"],
    &["her", "excellency"],
    &["h.e."],
    &["s.e."],
    &["mr."],
    &["mr"],
    &["mrs."],
    &["mrs"],
    &["ms."],
    &["ms"],
    &["miss"],
    &["mx."],
    &["dr."],
    &["dr"],
    &["prof."],
    &["prof"],
    &["professor"],
    &["engr."],
    &["engr"],
    &["eng."],
    &["ing."],
    &["hon."],
    &["honourable"],
    &["honorable"],
    &["amb."],
    &["ambassador"],
    &["sir"],
    &["dame"],
    &["rev."],
    &["sen."],
    &["sheikh"],
    &["dato'"],
    &["datuk"],
];

/// A name split into its honorific (for display) and the name proper (for identity).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedName {
    /// "Prof. Dr." or `None`.
    pub honorific: Option<String>,
    /// "Mostofa Kamal Nasir": NFC, single spaces, no honorific.
    pub name: String,
}

/// Normalises a written name: NFC, single spaces, no stray commas; honorifics moved out.
/// Idempotent: the result of normalising a result is itself.
pub fn parse_name(raw: &str) -> ParsedName {
    let mut name: String = raw.nfc().collect();
    let mut honorifics: Vec<String> = Vec::new();
    // Removing an honorific or a separator can expose another at the front
    // (",,Ms. ,,Engr X"): repeat until nothing changes. Each pass shortens the name.
    loop {
        let next = strip_once(&name, &mut honorifics);
        if next == name {
            break;
        }
        name = next;
    }
    ParsedName {
        honorific: (!honorifics.is_empty()).then(|| honorifics.join(" ")),
        name,
    }
}

fn is_separator(c: char) -> bool {
    c == ',' || c == ';' || c.is_whitespace()
}

/// One pass: trims separators at both ends, single-spaces the words, and moves the
/// honorifics at the front into `honorifics`.
fn strip_once(name: &str, honorifics: &mut Vec<String>) -> String {
    let bare = |t: &str| t.trim_matches(|c| c == ',' || c == ';').to_string();
    let mut tokens: Vec<&str> = name.trim_matches(is_separator).split_whitespace().collect();
    // Lower-cased once: this runs for every person of every session, on every rebuild.
    let mut lower: Vec<String> = tokens.iter().map(|t| bare(t).to_lowercase()).collect();
    'outer: loop {
        for h in HONORIFICS {
            if lower.len() >= h.len() && lower.iter().zip(h.iter()).all(|(t, w)| t == w) {
                honorifics.extend(tokens.drain(..h.len()).map(bare));
                lower.drain(..h.len());
                continue 'outer;
            }
        }
        break;
    }
    tokens.join(" ").trim_matches(is_separator).to_string()
}

/// The identity of a name: its slug (accent-, case- and punctuation-insensitive).
pub fn identity(name: &str) -> Option<Slug> {
    Slug::from_text(&parse_name(name).name)
}

/// Builds the people list, merging every variant of a name into one person.
#[derive(Debug, Default)]
pub(crate) struct PeopleBuilder {
    people: Vec<Person>,
    by_identity: FxHashMap<Slug, usize>,
    by_slug: FxHashMap<Slug, usize>,
    /// The registry's people, with the honorific the registry gives them.
    registered: FxHashMap<usize, Option<String>>,
    /// What each registry entry says that tells its person apart.
    marks: FxHashMap<usize, Marks>,
    /// The registry's ids and shared names.
    pub(crate) namesakes: Namesakes,
    /// Registry people with an `id:` of their own: they may share a name.
    distinct: FxHashSet<usize>,
}

/// What a registry entry says that may tell its person apart from others of the
/// same name.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// The entry writes its own `id:`.
    pub(crate) own_id: bool,
    /// `organization:`.
    pub(crate) organization: Option<String>,
    /// `country:`, resolved.
    pub(crate) country: Option<crate::taxonomy::Country>,
}

/// Why a registry person could not be added.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Clash {
    /// The name or alias already belongs to another registry entry.
    Name(String),
    /// The page slug is already taken.
    Slug(Slug),
}

impl PeopleBuilder {
    /// Adds a registry person with explicit slug and aliases. A name or alias may be
    /// another's too when both entries write their own `id:`: then it is shared.
    pub(crate) fn add_registered(
        &mut self,
        person: Person,
        aliases: &[String],
        marks: Marks,
    ) -> Result<usize, Clash> {
        if self.by_slug.contains_key(&person.slug) {
            return Err(Clash::Slug(person.slug));
        }
        let index = self.people.len();
        let mut keys = Vec::new();
        for n in std::iter::once(&person.name).chain(aliases) {
            let key = identity(n).ok_or_else(|| Clash::Name(n.clone()))?;
            let other = self.by_identity.get(&key).copied();
            let shareable = |i: usize| marks.own_id && self.distinct.contains(&i);
            if other.is_some_and(|i| !shareable(i))
                || (self.namesakes.is_shared(&key) && !marks.own_id)
            {
                return Err(Clash::Name(n.clone()));
            }
            keys.push((key, other));
        }
        let namesake = |p: &Person, i: usize, m: &Marks| Namesake {
            person: i,
            id: p.slug.clone(),
            organization: m.organization.clone(),
            country: m.country,
        };
        for (key, other) in keys {
            if let Some(i) = other {
                // The first to have the name leaves the plain table for the shared one.
                self.by_identity.remove(&key);
                let first = namesake(&self.people[i], i, &self.marks[&i]);
                self.namesakes.share(key.clone(), first);
            }
            if other.is_some() || self.namesakes.is_shared(&key) {
                self.namesakes.share(key, namesake(&person, index, &marks));
            } else {
                self.by_identity.insert(key, index);
            }
        }
        self.by_slug.insert(person.slug.clone(), index);
        self.namesakes.add_id(person.slug.clone(), index);
        if marks.own_id {
            self.distinct.insert(index);
        }
        self.marks.insert(index, marks);
        self.registered.insert(index, person.honorific.clone());
        self.people.push(person);
        Ok(index)
    }

    /// The person of identity `key` (a name parsed by [`parse_name`], made a slug),
    /// created on first sight; named once every session is in
    /// ([`super::spellings::SiteSpellings::naming`]).
    pub(crate) fn intern(&mut self, key: &Slug) -> usize {
        if let Some(&i) = self.by_identity.get(key) {
            return i;
        }
        // A registry slug may already use this text for someone else: keep pages apart.
        let mut slug = key.clone();
        let mut n = 2;
        while self.by_slug.contains_key(&slug) {
            slug = key.numbered(n);
            n += 1;
        }
        let index = self.people.len();
        self.people
            .push(Person::named(slug.clone(), String::new(), None));
        self.by_identity.insert(key.clone(), index);
        self.by_slug.insert(slug, index);
        index
    }

    /// Each identity met (names and registry aliases), with the person it belongs to;
    /// taken out once every session is in.
    pub(crate) fn take_identities(&mut self) -> FxHashMap<Slug, usize> {
        std::mem::take(&mut self.by_identity)
    }

    /// The people, each knowing their namesakes (and not yet named by their entries);
    /// and the table of the registry's ids and shared names.
    pub(crate) fn finish(mut self) -> (Vec<Person>, Namesakes) {
        for (i, others) in self.namesakes.others() {
            self.people[i].namesakes = others
                .into_iter()
                .map(super::PersonId::from_index)
                .collect();
        }
        (self.people, self.namesakes)
    }

    /// The slugs in use, taken out once every session is in.
    pub(crate) fn take_slugs(&mut self) -> FxHashSet<Slug> {
        self.by_slug.drain().map(|(slug, _)| slug).collect()
    }

    /// The registry's people, each with the honorific the registry gives (if any),
    /// taken out once every session is in.
    pub(crate) fn take_registered(&mut self) -> FxHashMap<usize, Option<String>> {
        std::mem::take(&mut self.registered)
    }
}

/// How a person is named, from the entries that name them in path order
/// ([`super::spellings::SiteSpellings::naming`]): a registry person
/// keeps the registry's name; anyone else takes their [`best_spelling`]. The honorific
/// is the registry's, else the first one written.
#[derive(Debug)]
pub(crate) struct Naming {
    /// Each spelling written, with how often, in order of first sight; `None` for a
    /// registry person, whose name is the registry's.
    spellings: Option<Vec<(String, u32)>>,
    honorific: Option<String>,
}

impl Naming {
    /// The naming of someone not in the registry, before any entry.
    pub(crate) fn unregistered() -> Naming {
        Naming {
            spellings: Some(Vec::new()),
            honorific: None,
        }
    }

    /// The naming of a registry person, before any entry.
    pub(crate) fn registered(honorific: Option<String>) -> Naming {
        Naming {
            spellings: None,
            honorific,
        }
    }

    /// Takes in one entry that names the person (the next in path order).
    pub(crate) fn write(&mut self, name: &str, honorific: Option<&str>) {
        if self.honorific.is_none() {
            self.honorific = honorific.map(str::to_string);
        }
        if let Some(spellings) = &mut self.spellings {
            match spellings.iter_mut().find(|(s, _)| s == name) {
                Some((_, n)) => *n += 1,
                None => spellings.push((name.to_string(), 1)),
            }
        }
    }

    /// The name the entries give someone not in the registry; `None` for a registry
    /// person, or when no entry named them.
    pub(crate) fn spelled(&self) -> Option<&str> {
        self.spellings.as_deref().and_then(best_spelling)
    }

    /// Names `person` as the entries taken in give: the best spelling (the name stays
    /// as it is for a registry person, or when no entry named them) and the honorific.
    pub(crate) fn name(&self, person: &mut Person) {
        if let Some(best) = self.spelled() {
            person.name = best.to_string();
        }
        person.honorific.clone_from(&self.honorific);
    }
}

/// The best of a person's spellings (with how often each was written, in order of
/// first sight): the most frequent, then one with capitals and diacritics ("Ana
/// Lima" over "ana lima", "Wiewiórowski" over "Wiewiorowski"), then the first.
fn best_spelling(spellings: &[(String, u32)]) -> Option<&str> {
    let score = |s: &str, n: u32| {
        let mixed = s.chars().any(char::is_uppercase) && s.chars().any(char::is_lowercase);
        (n, mixed, s.chars().filter(|c| !c.is_ascii()).count())
    };
    let mut best: Option<(&str, (u32, bool, usize))> = None;
    for (s, n) in spellings {
        let sc = score(s, *n);
        if best.as_ref().is_none_or(|b| sc > b.1) {
            best = Some((s, sc));
        }
    }
    best.map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> (Option<String>, String) {
        let n = parse_name(raw);
        (n.honorific, n.name)
    }

    #[test]
    fn honorifics_are_moved_out_of_the_name() {
        assert_eq!(
            p("Engr. Md Selim Reza"),
            (Some("Engr.".into()), "Md Selim Reza".into())
        );
        assert_eq!(
            p("Prof. Dr. Mostofa Kamal Nasir"),
            (Some("Prof. Dr.".into()), "Mostofa Kamal Nasir".into())
        );
        assert_eq!(
            p("H.E. Mr. Nguyen  Manh Hung"),
            (Some("H.E. Mr.".into()), "Nguyen Manh Hung".into())
        );
        assert_eq!(
            p("His Excellency Phạm Minh Chính"),
            (Some("His Excellency".into()), "Phạm Minh Chính".into())
        );
        assert_eq!(
            p("Ms Cristina Bueti,"),
            (Some("Ms".into()), "Cristina Bueti".into())
        );
    }

    #[test]
    fn surnames_that_look_like_honorifics_stay() {
        assert_eq!(p("He Yafei"), (None, "He Yafei".into()));
        assert_eq!(p("Eng Teong See"), (None, "Eng Teong See".into()));
        // A lone honorific names nobody: the caller reports a person without a name.
        assert_eq!(p("Dr."), (Some("Dr.".into()), String::new()));
    }

    #[test]
    fn normalising_a_name_twice_changes_nothing() {
        // Found by the `vocabulary` fuzz target.
        for raw in [
            "\r;;\r;;-[1\r-[1\r",
            ",,H.E. Mr. NgH.E.nu",
            "Dr. ; Dr.",
            ",,ms.\n,,engr\nC",
            ",,ms.\n,,engr",
        ] {
            let once = parse_name(raw).name;
            assert_eq!(parse_name(&once).name, once, "{raw:?}");
        }
    }

    #[test]
    fn names_are_nfc_normalised() {
        let decomposed = "Wiewio\u{301}rowski";
        assert_eq!(p(decomposed).1, "Wiewiórowski");
    }

    #[test]
    fn honorifics_accents_and_case_do_not_split_a_speaker() {
        let mut b = PeopleBuilder::default();
        let mut intern = |name: &str| b.intern(&identity(name).expect("a name"));
        let a = intern("Dr. Nguyễn Mạnh Hùng");
        let c = intern("nguyen manh hung");
        let d = intern("H.E. Nguyen Manh Hung");
        assert_eq!(a, c);
        assert_eq!(a, d);
        assert_eq!(b.finish().0.len(), 1);
    }

    #[test]
    fn the_best_spelling_names_the_person() {
        let best = |spellings: &[&str]| {
            let mut naming = Naming::unregistered();
            spellings.iter().for_each(|s| naming.write(s, None));
            naming.spelled().map(str::to_string)
        };
        assert_eq!(best(&["ana lima", "Ana Lima"]).as_deref(), Some("Ana Lima"));
        let accents = best(&["Wojciech Wiewiorowski", "Wojciech Wiewiórowski"]);
        assert_eq!(accents.as_deref(), Some("Wojciech Wiewiórowski"));
    }

    #[test]
    fn registry_aliases_merge_variants() {
        let mut b = PeopleBuilder::default();
        let person = Person {
            slug: Slug::from_text("houlin-zhao").expect("slug"),
            name: "Houlin Zhao".into(),
            honorific: None,
            bio: None,
            photo: None,
            links: vec![],
            orcid: None,
            wikidata: None,
            namesakes: vec![],
            old_urls: vec![],
            organization: None,
            registered: true,
            sort_name: None,
        };
        let i = b
            .add_registered(person, &["Zhao Houlin".into()], Marks::default())
            .expect("added");
        assert_eq!(b.intern(&identity("Mr. Zhao Houlin").expect("a name")), i);
        assert_eq!(b.intern(&identity("Houlin ZHAO").expect("a name")), i);
    }
}
