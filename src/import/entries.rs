//! People written as list entries and blocks, in every arrangement a speaker
//! list takes: "Name, Role, Organization, Country" on one line; one field per
//! line (name, role, organization, "Moderator"); a name line and the name again
//! with role and organization run together; role first ("Minister of ICT, Kenya,
//! H.E. Ms. …"); suffixes "(remote)", "(TBC)", "(Moderator)". What is not a
//! person — a room, a placeholder, an organization alone, a group label — is
//! told apart here.

use super::ImportedPerson;
use super::labels::{Field, Part, label};
use super::names::valid_list_name;
use super::person::{fill_appositive, from_listed, is_org, is_role, split_commas, split_name};
use super::places::country;
use super::words::{NOT_PERSON_WORDS, REGIONS, SPEECH_VERBS, STAKEHOLDER_CODES};
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
            // "Bo Chen, Rapporteur": named, but no speaker ("UN Special Rapporteur" is
            // a speaker's title).
            let special = trimmed[..at].to_lowercase().trim_end().ends_with("special");
            if EXCLUDED_REMARKS.contains(&word.as_str()) && at > 0 && !special {
                marks.excluded = true;
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
    (drop_inner_marks(&t, &mut marks), marks)
}

/// Removes remarks in brackets inside an entry, where a name carries them before its
/// descriptor: "Prof. Ana Lima (Moderator), Dean, …", "Ana Lima (remote), CEO, …".
fn drop_inner_marks(text: &str, marks: &mut Marks) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '[']) {
        let close = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(len) = rest[open..].find(close) else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        // "(River News; moderator)", "(Acme, remote)": a remark beside a descriptor.
        let kept: Vec<&str> = inner
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !note_remark(&p.to_lowercase(), marks))
            .collect();
        if kept.is_empty() {
            out.push_str(rest[..open].trim_end());
        } else if kept.len() < inner.split([',', ';']).count() {
            out.push_str(&rest[..open + 1]);
            out.push_str(&kept.join(", "));
            out.push(close);
        } else {
            out.push_str(&rest[..open + len + 1]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
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
    let text = undoubled(&untagged(text));
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
    // "Ana Lima 女士, 副主任": the honorific after the name goes apart first.
    let first_len = clean.find(',').unwrap_or(clean.len());
    let (clean, postfix) = match postfix_honorific(&clean[..first_len]) {
        Some((name, h)) => (format!("{name}{}", &clean[first_len..]), Some(h)),
        None => (clean, None),
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
    if let Some(h) = postfix {
        person.honorific = person.honorific.or(Some(h));
    }
    Ok(Entry {
        person,
        part: marks.moderator.then_some(Part::Moderator),
        excluded: marks.excluded,
        tentative: marks.tentative,
    })
}

/// Honorifics that Chinese and Japanese write after the name: "Ana Lima 女士",
/// "李明先生", "Tanaka-san" is not one (a hyphen joins it).
const POSTFIX_HONORIFICS: &[&str] = &[
    "先生", "女士", "博士", "教授", "阁下", "閣下", "さん", "様", "氏",
];

/// The name without an honorific written after it, and that honorific.
fn postfix_honorific(name: &str) -> Option<(String, String)> {
    POSTFIX_HONORIFICS.iter().find_map(|h| {
        let stem = name.strip_suffix(h)?.trim_end();
        // (Something must be left, and a Latin name is spaced from the honorific.)
        let ok = stem.chars().count() >= 2
            && (name[stem.len()..].starts_with(' ') || !stem.ends_with(|c: char| c.is_ascii()));
        ok.then(|| (stem.to_string(), (*h).to_string()))
    })
}

/// "Ms. Ana Lima Ms. Ana Lima Director General, Delta Union": a name printed twice
/// (a card's heading and its text run together), once, with a comma before the
/// descriptor that followed it.
fn undoubled(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let twice = (2..=5).rev().find(|&n| {
        words.len() >= 2 * n
            && words[..n] == words[n..2 * n]
            && words[..n].iter().all(|w| w.starts_with(char::is_uppercase))
    });
    match twice {
        Some(n) if words.len() > 2 * n => {
            format!("{}, {}", words[..n].join(" "), words[2 * n..].join(" "))
        }
        Some(n) => words[..n].join(" "),
        None => text.to_string(),
    }
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
        if !STAKEHOLDER_CODES.contains(&inner.as_str()) && !REGIONS.contains(&inner.as_str()) {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    let parts: Vec<&str> = split_commas(&out)
        .into_iter()
        .enumerate()
        .filter(|&(k, p)| !is_group_part(p, k > 0))
        .map(|(_, p)| p)
        .collect();
    parts.join(", ")
}

/// A stakeholder group, maybe with its region ("Technical Community Europe",
/// "Intergovernmental Organization Africa"), or, after the first part, a region alone.
fn is_group_part(part: &str, later: bool) -> bool {
    let lower = part.trim().to_lowercase();
    if STAKEHOLDER_CODES.contains(&lower.as_str()) || (later && REGIONS.contains(&lower.as_str())) {
        return true;
    }
    STAKEHOLDER_CODES.iter().any(|code| {
        lower
            .strip_prefix(code)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|region| REGIONS.contains(&region.trim()))
    })
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

mod block;
mod lists;
pub(crate) use block::{Block, block, run_together};
pub(crate) use lists::{has_joiner, split_people};
#[cfg(test)]
mod tests;
