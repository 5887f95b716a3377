//! People written as list entries and blocks, in every arrangement a speaker
//! list takes: "Name, Role, Organization, Country" on one line; one field per
//! line (name, role, organization, "Moderator"); a name line and the name again
//! with role and organization run together; role first ("Minister of ICT, Kenya,
//! H.E. Ms. …"); suffixes "(remote)", "(TBC)", "(Moderator)". What is not a
//! person — a room, a placeholder, an organization alone, a group label — is
//! told apart here.

use super::ImportedPerson;
use super::labels::{Field, Part, label};
use super::lines::Line;
use super::names::valid_list_name;
use super::person::{fill_appositive, from_listed, is_org, is_role, split_commas, split_name};
use super::places::country;
use super::words::{NOT_PERSON_WORDS, SPEECH_VERBS, STAKEHOLDER_CODES};
use crate::taxonomy::CountryAliases;

/// A person read from an entry, with what the entry itself says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Who.
    pub person: ImportedPerson,
    /// "(Moderator)", a trailing "Moderator": the entry's own part.
    pub part: Option<Part>,
    /// "(Rapporteur)", "(Organizer)": named, but not a speaker.
    pub excluded: bool,
    /// "(TBC)": listed, not confirmed.
    pub tentative: bool,
}

impl Entry {
    /// An honorific came with the name.
    pub(crate) fn has_honorific(&self) -> bool {
        self.person.honorific.is_some()
    }

    /// The entry says more than a name.
    pub(crate) fn is_described(&self) -> bool {
        let p = &self.person;
        p.role.is_some() || p.organization.is_some() || p.country.is_some()
    }
}

/// Why a line is not a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NotPerson {
    /// "TBD", "to be confirmed": nobody yet.
    Placeholder,
    /// A room, a captioning note, an organization alone, a group label…
    Thing,
}

/// Markers an entry may end with, and what they say.
#[derive(Default)]
struct Marks {
    moderator: bool,
    excluded: bool,
    tentative: bool,
}

/// Parenthesised or trailing remarks after a person (lower case, without brackets).
#[rustfmt::skip]
const DROPPED_REMARKS: &[&str] = &[
    "remote", "remotely", "online", "on site", "onsite", "on-site", "in person", "in-person",
    "virtual", "virtually", "video message", "video", "recorded", "keynote speech", "keynote",
    "keynote speaker", "main", "sub", "speaker", "panelist", "panellist", "presenter",
    "opening remarks", "closing remarks", "welcome remarks", "biography", "bio", "cv",
    "confirmed", "tbc", "to be confirmed", "tbd", "invited", "pending", "video address",
];

const MODERATOR_REMARKS: &[&str] = &[
    "moderator",
    "co-moderator",
    "moderadora",
    "moderador",
    "modérateur",
    "modératrice",
    "chair",
    "session chair",
    "co-chair",
    "facilitator",
    "online moderator",
    "onsite moderator",
    "on-site moderator",
    "remote moderator",
    "moderator and speaker",
];

const EXCLUDED_REMARKS: &[&str] = &[
    "rapporteur",
    "organizer",
    "organiser",
    "contact",
    "focal point",
];

/// Splits remarks off the end of an entry: "(remote)", "[ Biography ]", "(Moderator)",
/// a trailing word "Moderator".
fn strip_marks(text: &str) -> (String, Marks) {
    let mut t = text.trim().trim_end_matches([',', ';']).trim().to_string();
    let mut marks = Marks::default();
    loop {
        let trimmed = t.trim_end();
        let close = trimmed.chars().last();
        let open = match close {
            Some(')') => trimmed.rfind('('),
            Some(']') => trimmed.rfind('['),
            _ => None,
        };
        if let Some(open) = open {
            let inner = trimmed[open + 1..trimmed.len() - 1].trim().to_lowercase();
            if note_remark(&inner, &mut marks) {
                t = trimmed[..open]
                    .trim()
                    .trim_end_matches([',', '-', '–'])
                    .trim()
                    .to_string();
                continue;
            }
        }
        // "… REAP Media Moderator", "…, Moderator", "… - [biography]".
        let last_word_at = trimmed.rfind([' ', ',']);
        if let Some(at) = last_word_at {
            let word = trimmed[at + 1..].trim().to_lowercase();
            let before = || {
                (trimmed[..at].trim())
                    .trim_end_matches([',', '-', '–'])
                    .trim()
                    .to_string()
            };
            if MODERATOR_REMARKS.contains(&word.as_str()) && at > 0 {
                marks.moderator = true;
                t = before();
                continue;
            }
            // "Mandy Carver tbc": the remark without its parentheses.
            if matches!(word.as_str(), "tbc" | "tbd" | "tba") && at > 0 {
                marks.tentative = true;
                t = before();
                continue;
            }
        }
        break;
    }
    (t, marks)
}

fn note_remark(inner: &str, marks: &mut Marks) -> bool {
    if MODERATOR_REMARKS.contains(&inner) {
        marks.moderator = true;
    } else if EXCLUDED_REMARKS.contains(&inner) {
        marks.excluded = true;
    } else if ["tbc", "to be confirmed", "tbd", "invited", "pending"].contains(&inner) {
        marks.tentative = true;
    } else if !DROPPED_REMARKS.contains(&inner) {
        return false;
    }
    true
}

/// Whether `text` is a placeholder for a person not yet named.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    [
        "tbd",
        "tbc",
        "tba",
        "to be confirmed",
        "to be announced",
        "to be determined",
        "n/a",
        "na",
        "none",
        "por confirmar",
        "à confirmer",
        "a confirmer",
    ]
    .contains(&t.as_str())
        || t.is_empty()
}

/// A name, checked: honorifics gone, two to six words of a name, not a place, an
/// organization or a label. Names in capitals ("MERVI KULTAMAA") count.
pub(crate) fn checked_name(raw: &str, aliases: &CountryAliases) -> Option<String> {
    let parsed = split_name(raw);
    let name = parsed.name.trim().trim_end_matches([',', ':']).trim();
    // "Tohfa - E – Ayub": dashes between the parts of a name are not words.
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() < 2 || words.len() > 7 {
        return None;
    }
    let lower = name.to_lowercase();
    if words.iter().any(|w| {
        NOT_PERSON_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    }) || lower.contains('@')
        || lower.contains("http")
        || label(name).is_some_and(|l| !matches!(l.field, Field::Section(_)))
    {
        return None;
    }
    if valid_list_name(&words, aliases).is_some() {
        return Some(name.to_string());
    }
    let capitals = words.iter().all(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    });
    // "MERVI KULTAMAA": every word in capitals, none an organization's word.
    (capitals
        && words.len() <= 4
        && !is_org(&lower)
        && !is_role(&lower)
        && country(name, aliases).is_none())
    .then(|| name.to_string())
}

/// Reads one entry. Role-first entries ("Minister of ICT, Kenya, H.E. Ms. Jane
/// Doe") are turned around.
pub(crate) fn entry(text: &str, aliases: &CountryAliases) -> Result<Entry, NotPerson> {
    entry_as_written(text, aliases).or_else(|why| {
        // "Secretary-General  Ana Lima": a layout's gap of spaces parts the fields.
        if !text.trim().contains("  ") || text.contains(',') {
            return Err(why);
        }
        let fields: Vec<&str> = (text.split("  ").map(str::trim))
            .filter(|p| !p.is_empty())
            .collect();
        entry_as_written(&fields.join(", "), aliases).map_err(|_| why)
    })
}

/// [`entry`] with the text's own commas only.
fn entry_as_written(text: &str, aliases: &CountryAliases) -> Result<Entry, NotPerson> {
    let text = untagged(text);
    let (clean, marks) = strip_marks(&super::person::unquote_nicknames(&text));
    if is_placeholder(&clean) {
        return Err(NotPerson::Placeholder);
    }
    let clean = drop_stakeholder_codes(&clean);
    let clean = until_clause(&clean);
    // "GPD’s Sheetal Kumar", "ITU's Ana Lima": the organization's possessive first.
    let (owner, clean) = match clean.split_once(['’', '\'']) {
        Some((org, rest))
            if rest.starts_with("s ")
                && !org.contains(' ')
                && org.chars().next().is_some_and(char::is_uppercase) =>
        {
            (Some(org.to_string()), rest[2..].trim().to_string())
        }
        _ => (None, clean),
    };
    let person = from_listed(&clean, aliases)
        .filter(|p| checked_name(&p.name, aliases).is_some())
        .or_else(|| role_first(&clean, aliases))
        .or_else(|| glued(&clean, aliases))
        .ok_or(NotPerson::Thing)?;
    let mut person = person;
    if person.organization.is_none() {
        person.organization = owner;
    }
    Ok(Entry {
        person,
        part: marks.moderator.then_some(Part::Moderator),
        excluded: marks.excluded,
        tentative: marks.tentative,
    })
}

/// An entry without its social-media handles ("… Cloudflare @heatherwest") and with
/// a dash glued to the name spaced as the separator it is ("Heather West- Public
/// Policy" -> "Heather West – Public Policy").
fn untagged(text: &str) -> String {
    let handle = |w: &str| {
        w.strip_prefix('@').is_some_and(|h| {
            h.len() >= 2 && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| !handle(w.trim_end_matches([',', ';', '.'])))
        .enumerate()
        .map(|(k, w)| {
            // A word ending in "-" after a name word, with a capitalised word next,
            // is the name's end: the separator goes apart ("West-" -> "West –").
            match w.strip_suffix('-') {
                Some(stem)
                    if k > 0
                        && stem.chars().count() >= 2
                        && stem.chars().all(char::is_alphabetic) =>
                {
                    format!("{stem} –")
                }
                _ => w.to_string(),
            }
        })
        .collect();
    words.join(" ")
}

/// The entry up to a clause that is the sentence going on ("…, Chile, stressed the
/// need for …", "…, who chairs …"): what a person says is not their descriptor; and
/// without a programme's time at its end ("… Mayor of Dschang : 15.00").
fn until_clause(text: &str) -> String {
    let text = match text.rsplit_once(':') {
        Some((head, tail))
            if !tail.trim().is_empty()
                && tail
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | 'h' | ' ')) =>
        {
            head.trim()
        }
        _ => text,
    };
    let parts = split_commas(text);
    let end = parts
        .iter()
        .position(|p| {
            let first = p.split_whitespace().next().unwrap_or("");
            first.chars().next().is_some_and(char::is_lowercase)
                && (SPEECH_VERBS.contains(&first)
                    || [
                        "who", "which", "whose", "will", "has", "have", "is", "was", "were", "are",
                    ]
                    .contains(&first))
        })
        .unwrap_or(parts.len());
    let kept = parts[..end].join(", ");
    kept.trim_end_matches('.').to_string()
}

/// "(Gov)", "(CS)", "Civil Society", "WEOG": stakeholder groups and UN regional groups
/// are neither role nor organization.
fn drop_stakeholder_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = rest[open + 1..open + len].trim().to_lowercase();
        out.push_str(&rest[..open]);
        if !STAKEHOLDER_CODES.contains(&inner.as_str()) {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    let parts: Vec<&str> = split_commas(&out)
        .into_iter()
        .filter(|p| !STAKEHOLDER_CODES.contains(&p.to_lowercase().as_str()))
        .collect();
    parts.join(", ")
}

/// "Director of Consumer Policy at GSMA, Jad Smith": the name in the last part.
fn role_first(text: &str, aliases: &CountryAliases) -> Option<ImportedPerson> {
    let parts = split_commas(text);
    if parts.len() < 2 || !is_role(parts[0]) {
        return None;
    }
    let k = parts
        .iter()
        .rposition(|p| checked_name(p, aliases).is_some())?;
    if k == 0 {
        return None;
    }
    let parsed = split_name(parts[k]);
    let mut person = ImportedPerson {
        name: super::person::tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let rest: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != k)
        .map(|(_, p)| p.strip_prefix("the ").unwrap_or(p))
        .collect();
    fill_appositive(&mut person, &rest, aliases);
    Some(person)
}

/// "Ms. Ada Byrne Chief Analyst Orbis Media": an honorific, a name and the
/// descriptor run on without a comma; the name ends where a role word begins.
fn glued(text: &str, aliases: &CountryAliases) -> Option<ImportedPerson> {
    let first = split_commas(text).first().copied()?;
    let parsed = split_name(first);
    parsed.honorific.as_ref()?;
    let words: Vec<&str> = parsed.name.split_whitespace().collect();
    let n = (2..=4.min(words.len().saturating_sub(1)))
        .rev()
        .find(|&n| {
            let next = words[n];
            // "Prime Minister": a rank before the role word.
            let prime = next == "Prime" && words.get(n + 1) == Some(&"Minister");
            (super::person::is_role_word(&next.to_lowercase())
                || super::person::is_acronym(next)
                || prime)
                && words[n - 1] != "Prime"
                && checked_name(&words[..n].join(" "), aliases).is_some()
        })?;
    let mut person = ImportedPerson {
        name: super::person::tidy_name(&words[..n].join(" ")),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let mut rest = run_together(&words[n..].join(" "), aliases);
    rest.extend(split_commas(text).iter().skip(1).map(|p| p.to_string()));
    let refs: Vec<&str> = rest.iter().map(String::as_str).collect();
    fill_appositive(&mut person, &refs, aliases);
    Some(person)
}

/// "MARIA LOPES — Advisor, Agency A JONAS WEBER — Head of Unit, Ministry B": entries
/// run together on one line, each starting with a name in capitals and a dash.
/// `None` unless there are at least two.
pub(crate) fn split_run_on(text: &str) -> Option<Vec<&str>> {
    let words = super::names::split_words(text);
    let capital = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && !super::person::is_acronym_word(w)
    };
    let mut starts = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let run = words[k..].iter().take_while(|w| capital(w.text)).count();
        let dash = words
            .get(k + run)
            .is_some_and(|w| matches!(w.text, "—" | "–" | "-"));
        if (2..=4).contains(&run) && dash {
            starts.push(words[k].start);
            k += run + 1;
        } else {
            k += run.max(1);
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        out.push(text[s..end].trim());
    }
    Some(out)
}

/// A person entry and the lines after it that belong to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// The person.
    pub entry: Entry,
    /// Index of the first line after the block.
    pub end: usize,
    /// The name was printed twice, or the fields stand one per line.
    pub laid_out: bool,
}

/// Words that alone on a line after a person give their part.
fn part_line(text: &str) -> Option<Part> {
    let t = text.trim().trim_matches(['(', ')', ':']).to_lowercase();
    if MODERATOR_REMARKS.contains(&t.as_str()) {
        return Some(Part::Moderator);
    }
    [
        "speaker",
        "panellist",
        "panelist",
        "keynote speaker",
        "presenter",
        "ponente",
        "intervenant",
    ]
    .contains(&t.as_str())
    .then_some(Part::Speaker)
}

/// The person starting at `lines[i]`, with the lines that continue them: the name
/// again with the descriptor run together, descriptor lines (role, organization,
/// country, one per line, blank lines allowed between), a part line ("Moderator").
pub(crate) fn block(lines: &[Line], i: usize, aliases: &CountryAliases) -> Option<Block> {
    let first = &lines[i];
    let mut e = entry(&first.text, aliases).ok()?;
    let mut end = i + 1;
    let mut laid_out = false;
    let mut descriptor: Vec<String> = Vec::new();
    let open_comma = first.text.trim_end().ends_with(',');
    while let Some(l) = lines.get(end) {
        // Each item of a bulleted list is an entry of its own.
        if l.gap > 3 || end - i > 6 || l.is_item() {
            break;
        }
        // "Onsite Moderator:" with its colon heads what follows; it is no suffix.
        if l.text.trim_end().ends_with(':') && part_line(&l.text).is_some() {
            break;
        }
        if let Some(part) = part_line(&l.text) {
            let next_is_person = lines
                .get(end + 1)
                .is_some_and(|n| n.gap == 0 && entry(&n.text, aliases).is_ok());
            if next_is_person && !(l.gap == 0 && laid_out) {
                break;
            }
            e.part = Some(part);
            end += 1;
            laid_out = true;
            continue;
        }
        if let Some(rest) = repeated_name(&l.text, &e.person.name) {
            if !e.is_described() && descriptor.is_empty() {
                let (rest, marks) = strip_marks(rest);
                if marks.moderator {
                    e.part = Some(Part::Moderator);
                }
                descriptor.extend(run_together(&rest, aliases));
            }
            end += 1;
            laid_out = true;
            continue;
        }
        let may_describe = (open_comma && descriptor.is_empty())
            || (!e.is_described() && descriptor.len() < 4)
            || (laid_out && descriptor.len() < 4);
        if !may_describe
            || !is_descriptor_line(l, aliases)
            || starts_person(lines, end, &descriptor, aliases)
        {
            break;
        }
        let (text, marks) = strip_marks(&l.text);
        if marks.moderator {
            e.part = Some(Part::Moderator);
        }
        descriptor.extend(split_commas(&text).into_iter().map(String::from));
        laid_out |= !open_comma;
        end += 1;
    }
    if !descriptor.is_empty() {
        let refs: Vec<&str> = descriptor.iter().map(String::as_str).collect();
        let p = &mut e.person;
        let (role, org) = (p.role.take(), p.organization.take());
        let mut all: Vec<&str> = role.iter().chain(org.iter()).map(String::as_str).collect();
        all.extend(refs);
        fill_appositive(p, &all, aliases);
    }
    Some(Block {
        entry: e,
        end,
        laid_out,
    })
}

/// The rest of `text` when it starts with `name` (honorifics aside): the second
/// printing of a name, with the descriptor after it.
fn repeated_name<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut t = text.trim();
    // "HE Ms.", "Mr. Amb.", "H.E. Dr": honorifics before the name.
    while let Some(first) = t.split_whitespace().next() {
        let honorific = first == "HE" || split_name(first).name.is_empty();
        if !honorific || first.len() == t.len() {
            break;
        }
        t = t[first.len()..].trim_start();
    }
    let mut rest = t;
    for w in name.split_whitespace() {
        let tw = rest.split_whitespace().next()?;
        if tw.trim_end_matches(',').to_lowercase() != w.to_lowercase() {
            return None;
        }
        rest = rest[tw.len()..].trim_start();
    }
    Some(rest.trim_start_matches([',', ' ']).trim())
}

/// "Director of Telecommunication Development Bureau (BDT) ITU", "Ambassador and
/// Director of International Affairs Switzerland": a descriptor without commas,
/// cut into parts where the organization and a trailing country begin.
pub(crate) fn run_together(text: &str, aliases: &CountryAliases) -> Vec<String> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    if t.contains(',') {
        return split_commas(t).into_iter().map(String::from).collect();
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    let mut tail_country = None;
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let cand = words[words.len() - n..].join(" ");
        if country(&cand, aliases).is_some() {
            tail_country = Some(cand);
            words.truncate(words.len() - n);
            break;
        }
    }
    // The organization starts at the first capitalised word after the role whose
    // rest reads as an organization; a connector before it ("Director of X") goes.
    let connectors = [
        "of", "for", "and", "&", "at", "the", "to", "on", "in", "with",
    ];
    let mut parts = Vec::new();
    let cut = (1..words.len()).find(|&k| {
        let w = words[k];
        w.chars().next().is_some_and(char::is_uppercase)
            && !super::person::is_role_word(&w.to_lowercase())
            && is_org(&words[k..].join(" "))
    });
    match cut {
        Some(k) => {
            let role_end = if connectors.contains(&words[k - 1].to_lowercase().as_str()) {
                k - 1
            } else {
                k
            };
            parts.push(words[..role_end.max(1)].join(" "));
            parts.push(words[k..].join(" "));
        }
        None => parts.push(words.join(" ")),
    }
    parts.extend(tail_country);
    parts.retain(|p| !p.is_empty());
    parts
}

/// A line that can be part of a person's descriptor: short, not a sentence, not
/// a label, a date or a code.
fn is_descriptor_line(l: &Line, aliases: &CountryAliases) -> bool {
    let t = l.text.trim();
    let n = t.chars().count();
    if n == 0 || n > 160 {
        return false;
    }
    if label(t).is_some_and(|lb| !matches!(lb.field, Field::Section(_)) || t.ends_with(':')) {
        return false;
    }
    if super::when::is_when_line(t)
        || super::codes::opens_code(t)
        || is_placeholder(t)
        || super::header::is_field_line(t)
    {
        return false;
    }
    // "Conference Room 8", "Ballroom B": the venue under a person's block.
    let venue = t.split_whitespace().count() <= 4
        && t.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            [
                "room",
                "ballroom",
                "hall",
                "salle",
                "sala",
                "saal",
                "auditorium",
            ]
            .contains(&w.as_str())
        });
    if venue {
        return false;
    }
    // A sentence: several words and a full stop inside or at the end (not "Corp.").
    let words = t.split_whitespace().count();
    let sentence = words > 8
        && (super::shapes::sentence_break(t) || t.ends_with('.'))
        && !["Inc.", "Ltd.", "Corp.", "Co.", "S.A.", "AG."]
            .iter()
            .any(|a| t.ends_with(a));
    if sentence || t.starts_with(|c: char| c.is_lowercase()) && words > 6 {
        return false;
    }
    is_role(t) || is_org(t) || country(t, aliases).is_some() || t.contains(',') || words <= 6
}

/// Whether `lines[k]` starts the next person rather than continuing the current
/// one (`descriptor` so far).
fn starts_person(
    lines: &[Line],
    k: usize,
    descriptor: &[String],
    aliases: &CountryAliases,
) -> bool {
    let l = &lines[k];
    let Ok(e) = entry(&l.text, aliases) else {
        return false;
    };
    if e.has_honorific() || e.is_described() {
        return true;
    }
    // A bare name: the next person when the current one has a descriptor already,
    // or when the next line prints it again or gives a role.
    let next = lines.get(k + 1);
    let doubled = next.is_some_and(|n| repeated_name(&n.text, &e.person.name).is_some());
    let role_next = next.is_some_and(|n| is_role(&n.text) && n.text.chars().count() <= 160);
    let has_org = descriptor.iter().any(|d| is_org(d));
    doubled || role_next || has_org || descriptor.len() >= 2
}

mod lists;
pub(crate) use lists::{has_joiner, split_people};
#[cfg(test)]
mod tests;
