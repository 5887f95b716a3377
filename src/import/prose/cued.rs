//! People named after a verb of running or speaking and "by": "chaired by Prof.
//! Tim Unwin", "moderated by the Chair of the Committee, Ambassador Ana Lima of
//! Chile", "was opened by the ITU Secretary-General Mr Ali Diallo".

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{Word, is_honorific, is_initial, is_name_word, valid_name, window_after};
use super::super::person::{fill_appositive, is_role, split_name, tidy_name};
use super::super::places::country;
use super::{Found, appositive, phrase_end};
use crate::import::names::valid_list_name;
use crate::import::person::split_commas;

/// Verbs before "by" that name the person who ran a session.
pub(super) const MODERATOR_BY: &[&str] = &[
    "moderated",
    "co-moderated",
    "chaired",
    "co-chaired",
    "facilitated",
    "co-facilitated",
    // "led by hosts A and B", "hosted by Ana Lima": who ran it on stage.
    "led",
    "co-led",
    "hosted",
    "co-hosted",
    // "présidée par", "animé par", "sous la présidence de", "moderado por",
    // "bajo la presidencia de".
    "présidé",
    "présidée",
    "présidence",
    "animé",
    "animée",
    "modéré",
    "modérée",
    "moderado",
    "moderada",
    "presidido",
    "presidida",
    "presidencia",
];

/// Verbs before "by" that name a person who spoke.
pub(super) const SPEAKER_BY: &[&str] = &[
    // "We are joined by Ms. X": the panel.
    "joined",
    "opened",
    "introduced",
    "delivered",
    "presented",
    "closed",
    // "remarks by", "a keynote by": what a person gave.
    "remarks",
    "keynote",
    "address",
    "speech",
    "presentation",
    "ceremony",
    // "headed by", "encabezada por": who opened or led a ceremony on stage.
    "headed",
    "encabezado",
    "encabezada",
    "ouvert",
    "ouverte",
    "inauguré",
    "inaugurée",
    "inaugurado",
    "inaugurada",
];

/// The word after the verb that introduces the person: "by", "par", "por"; "de"
/// only after a noun ("sous la présidence de").
pub(super) fn is_by(word: &str, verb: &str) -> bool {
    match word {
        "by" | "par" | "por" => true,
        "de" => ["présidence", "presidencia"].contains(&verb),
        _ => false,
    }
}

/// Whether word `i` is the "by" after a verb that names who ran the session
/// (`Some(true)`) or spoke at it (`Some(false)`).
fn cue(words: &[Word<'_>], i: usize) -> Option<bool> {
    let verb = words[i.checked_sub(1)?].text.to_lowercase();
    if !is_by(words[i].text, &verb) {
        return None;
    }
    let moderator = MODERATOR_BY.contains(&verb.as_str());
    (moderator || SPEAKER_BY.contains(&verb.as_str())).then_some(moderator)
}

/// "chaired by Prof. Tim Unwin, brought …", "moderated by the Chair of the Committee,
/// Ambassador Ana Lima of Chile.", "was opened by the ITU Secretary-General Mr Ali
/// Diallo.": a name after a verb of running or speaking and "by", within its clause.
/// Without an honorific the name must follow "by" at once.
pub(super) fn by_cue_intro(
    paragraph: &str,
    words: &[Word<'_>],
    i: usize,
    aliases: &CountryAliases,
) -> Option<Found> {
    let moderator = cue(words, i)?;
    // Where the name starts: just after "by", or at the first honorific in the clause.
    let mut k = i + 1;
    let mut role: Vec<&str> = Vec::new();
    let first = words.get(k)?;
    if !is_name_word(first.text) || PARTICLES_OPEN.contains(&first.text) {
        while k < words.len() && k <= i + 16 && !is_honorific(words[k].text) {
            if words[k].text.ends_with(['.', ';']) && !is_honorific(words[k].text) {
                return role_then_name(words, i, moderator, aliases);
            }
            role.push(words[k].text);
            k += 1;
        }
        if k >= words.len() || !is_honorific(words[k].text) {
            return role_then_name(words, i, moderator, aliases);
        }
    }
    // The name: capitalised words (an honorific first), up to a comma or the clause end.
    let mut tokens: Vec<&str> = Vec::new();
    let mut end = k;
    while end < words.len() && tokens.len() < 8 {
        let raw = words[end].text;
        let bare = raw.trim_end_matches([',', '.', ';', ':']);
        // "M. Pascal Couchepin": an initial's (or Monsieur's) full stop ends nothing.
        let initial = raw.ends_with('.') && is_initial(raw);
        let closes = raw.len() != bare.len() && !is_honorific(raw) && !initial;
        if !(is_name_word(bare) || is_honorific(raw)) {
            break;
        }
        tokens.push(if is_honorific(raw) || initial {
            raw
        } else {
            bare
        });
        end += 1;
        if closes {
            break;
        }
    }
    // "moderated by CNN’s Becky Anderson": the organization's possessive first.
    let owner = tokens
        .first()
        .filter(|_| tokens.len() >= 3)
        .and_then(|t| t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")))
        .map(str::to_string);
    if owner.is_some() {
        tokens.remove(0);
    }
    // "by His Excellency Prime Minister Dr. Ana Lima": a title between honorifics.
    if valid_name(&tokens, aliases).is_none() {
        if let Some(k) = (1..tokens.len())
            .rev()
            .find(|&k| is_honorific(tokens[k]) && valid_name(&tokens[k..], aliases).is_some())
        {
            let title: Vec<&str> = (tokens[..k].iter())
                .filter(|t| !is_honorific(t) && !matches!(**t, "His" | "Her" | "Excellency"))
                .copied()
                .collect();
            if role.is_empty() && !title.is_empty() {
                role = title;
            }
            tokens.drain(..k);
        }
    }
    // "opened by ITU Secretary-General Houlin Zhao, who …": capitalised role words
    // first; the name ends the clause.
    let Some(raw) = valid_name(&tokens, aliases) else {
        return role
            .is_empty()
            .then(|| role_then_name(words, i, moderator, aliases))?;
    };
    let parsed = split_name(&raw);
    if parsed.honorific.is_none() && !role.is_empty() {
        return None;
    }
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let role_text = role
        .join(" ")
        .trim_start_matches("the ")
        .trim_end_matches(',')
        .trim()
        .to_string();
    if !role_text.is_empty() && role_text.chars().count() <= 120 {
        person.role = Some(role_text);
    }
    if let Some(o) = owner {
        match country(&o, aliases) {
            Some(c) => person.country = Some(c),
            None => person.organization = Some(o),
        }
    }
    // "… Ambassador Ana Lima of Chile.": a country after the name.
    let after = window_after(&paragraph[words[end.saturating_sub(1)].end..]);
    if let Some(rest) = after.trim_start().strip_prefix("of ") {
        let place = &rest[..phrase_end(rest)];
        let place = place.split(',').next().unwrap_or(place);
        person.country = country(place, aliases);
    } else if let Some(rest) = after
        .trim_start()
        .strip_prefix(',')
        // "moderated by Ana Lima – Director, Rural Connect": a dash before the role.
        .or_else(|| {
            ["– ", "— ", "- "]
                .iter()
                .find_map(|d| after.trim_start().strip_prefix(d))
        })
    {
        let parts = appositive(rest, aliases);
        if parts.first().is_some_and(|p| is_role(p)) {
            let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
            fill_appositive(&mut person, &refs, aliases);
        }
    }
    Some(Found {
        person,
        moderator,
        guessed: false,
        on_stage: false,
    })
}

/// Lower-case words that may open a role phrase before an honorific ("by the Chair …").
const PARTICLES_OPEN: &[&str] = &["the", "our", "its", "their"];

/// "chaired by the Greek Minister of Transport and Communications Michalis Liapis,
/// who …": a role and then a name without an honorific, up to the clause's comma.
/// The name is the longest run of two to four name words that ends the clause.
fn role_then_name(
    words: &[Word<'_>],
    i: usize,
    moderator: bool,
    aliases: &CountryAliases,
) -> Option<Found> {
    let last =
        (i + 1..words.len().min(i + 18)).find(|&k| words[k].text.ends_with([',', '.', ';']))?;
    let clause: Vec<&str> = words[i + 1..=last]
        .iter()
        .map(|w| w.text.trim_end_matches([',', '.', ';']))
        .collect();
    (2..=4.min(clause.len().saturating_sub(1)))
        .rev()
        .find_map(|n| {
            let (role, name) = clause.split_at(clause.len() - n);
            let role_text = role.join(" ");
            let role_text = role_text.trim_start_matches("the ").trim();
            // "Minister of Water and Energy Lina Sorell": after a connector the next
            // capitalised word is the portfolio's, not the name's.
            let connector = role
                .last()
                .is_some_and(|w| ["and", "of", "for", "&", "de", "du", "des", "y"].contains(w));
            if connector || !name.iter().all(|w| is_name_word(w)) || !is_role(role_text) {
                return None;
            }
            let raw = valid_name(name, aliases)?;
            Some(Found {
                person: ImportedPerson {
                    name: tidy_name(&split_name(&raw).name),
                    role: Some(role_text.to_string()),
                    ..ImportedPerson::default()
                },
                moderator,
                guessed: true,
                on_stage: false,
            })
        })
}

/// "The opening was headed by the Minister of Rivers, Ana Lima; Bo Chen, President of
/// the Delta Union; and the Mayor, Eve Stone.": after a verb and "by", a list whose
/// items, separated by semicolons, each give a name and its role in either order.
/// Empty unless the clause has a semicolon and two people or more.
pub(super) fn by_cue_list(
    paragraph: &str,
    words: &[Word<'_>],
    i: usize,
    aliases: &CountryAliases,
) -> Vec<Found> {
    let Some(moderator) = cue(words, i) else {
        return Vec::new();
    };
    let Some(next) = words.get(i + 1) else {
        return Vec::new();
    };
    let rest = &paragraph[next.start..];
    semicolon_people(&rest[..list_end(rest)], moderator, aliases)
}

/// Verbs after a list of people that say they are to take part: "A, Role; B, Role and
/// others are set for the Forum".
const TAKING_PART: &[&str] = &[
    " are set for ",
    " are set to ",
    " will attend ",
    " will speak ",
    " will address ",
    " will join ",
    " will participate ",
    " will take part ",
    " are expected ",
    " will headline ",
];

/// "The Minister of Rivers, Dr. Ana Lima; the Chair of the Delta Union, Prof. Bo Chen,
/// and other leaders are set for the Forum.": a semicolon list of people as the subject
/// of a verb of taking part.
pub(super) fn subject_list(paragraph: &str, aliases: &CountryAliases) -> Vec<Found> {
    let mut rest = paragraph;
    while !rest.trim().is_empty() {
        let end = list_end(rest);
        let sentence = &rest[..end];
        if let Some(at) = (TAKING_PART.iter())
            .filter_map(|v| sentence.find(v))
            .min()
            .filter(|&at| sentence[..at].contains(';'))
        {
            return semicolon_people(&sentence[..at], false, aliases);
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    Vec::new()
}

/// The people of a list whose items a semicolon parts, each "role, name" or "name,
/// role"; empty unless it has a semicolon and two people or more.
fn semicolon_people(clause: &str, moderator: bool, aliases: &CountryAliases) -> Vec<Found> {
    if !clause.contains(';') {
        return Vec::new();
    }
    let mut items: Vec<&str> = Vec::new();
    for item in clause.split(';') {
        // The last item may join two: "…; A, Role, as well as B, Role".
        let mut item = item.trim();
        for joiner in [" así como ", " as well as ", " ainsi que "] {
            if let Some((a, b)) = item.split_once(joiner) {
                items.push(a);
                item = b;
            }
        }
        items.push(item);
    }
    let people: Vec<Found> = (items.iter())
        .filter_map(|item| list_item(item, aliases))
        .map(|person| Found {
            person,
            moderator,
            guessed: false,
            on_stage: false,
        })
        .collect();
    if people.len() < 2 {
        return Vec::new();
    }
    people
}

/// Where a list after "by" ends: the sentence's full stop (not an initial's or an
/// honorific's).
fn list_end(text: &str) -> usize {
    let mut from = 0;
    while let Some(k) = text[from..].find(". ") {
        let at = from + k;
        let word = text[..at].rsplit(' ').next().unwrap_or("");
        if !(is_initial(&format!("{word}.")) || is_honorific(&format!("{word}."))) {
            return at;
        }
        from = at + 2;
    }
    text.trim_end()
        .strip_suffix('.')
        .map_or(text.len(), str::len)
}

/// One item of a list after "by": "the Minister of Rivers, Ana Lima" or "Bo Chen,
/// President of the Delta Union". Whom the person stands in for ("on behalf of …",
/// "en representación de …") is left out.
fn list_item(item: &str, aliases: &CountryAliases) -> Option<ImportedPerson> {
    let mut item = item.trim();
    for lead in ["and ", "y ", "et ", "e "] {
        item = item.strip_prefix(lead).unwrap_or(item);
    }
    for stand_in in [
        "on behalf of",
        "representing",
        "en representación",
        "en représentation",
        "au nom de",
    ] {
        if let Some(k) = item.find(stand_in) {
            item = item[..k].trim_end().trim_end_matches(',');
        }
    }
    let parts = split_commas(item);
    let strip = |p: &str| {
        let p = p.trim();
        [
            "the ", "The ", "el ", "El ", "la ", "La ", "le ", "Le ", "l’", "l'",
        ]
        .iter()
        .find_map(|a| p.strip_prefix(a))
        .unwrap_or(p)
        .to_string()
    };
    let (k, raw) = parts.iter().enumerate().find_map(|(k, p)| {
        let tokens: Vec<&str> = p.split_whitespace().collect();
        valid_list_name(&tokens, aliases).map(|n| (k, n))
    })?;
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let described: Vec<String> = if k == 0 {
        parts[1..].iter().map(|p| strip(p)).collect()
    } else {
        parts[..k].iter().map(|p| strip(p)).collect()
    };
    let refs: Vec<&str> = described.iter().map(String::as_str).collect();
    if !refs.is_empty() {
        fill_appositive(&mut person, &refs, aliases);
    }
    Some(person)
}
