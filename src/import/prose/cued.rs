//! People named after a verb of running or speaking and "by": "chaired by Prof.
//! Tim Unwin", "moderated by the Chair of the Committee, Ambassador Ana Lima of
//! Chile", "was opened by the ITU Secretary-General Mr Ali Diallo".

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{Word, is_honorific, is_name_word, valid_name, window_after};
use super::super::person::{fill_appositive, is_role, split_name, tidy_name};
use super::super::places::country;
use super::{Found, appositive, phrase_end};

/// Verbs before "by" that name the person who ran a session.
const MODERATOR_BY: &[&str] = &[
    "moderated",
    "co-moderated",
    "chaired",
    "co-chaired",
    "facilitated",
    "co-facilitated",
];

/// Verbs before "by" that name a person who spoke.
const SPEAKER_BY: &[&str] = &["opened", "introduced", "delivered", "presented", "closed"];

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
    let verb = words[i - 1].text.to_lowercase();
    let moderator = MODERATOR_BY.contains(&verb.as_str());
    if !moderator && !SPEAKER_BY.contains(&verb.as_str()) {
        return None;
    }
    // Where the name starts: just after "by", or at the first honorific in the clause.
    let mut k = i + 1;
    let mut role: Vec<&str> = Vec::new();
    let first = words.get(k)?;
    if !is_name_word(first.text) || PARTICLES_OPEN.contains(&first.text) {
        while k < words.len() && k <= i + 16 && !is_honorific(words[k].text) {
            if words[k].text.ends_with(['.', ';']) && !is_honorific(words[k].text) {
                return None;
            }
            role.push(words[k].text);
            k += 1;
        }
        if k >= words.len() || !is_honorific(words[k].text) {
            return None;
        }
    }
    // The name: capitalised words (an honorific first), up to a comma or the clause end.
    let mut tokens: Vec<&str> = Vec::new();
    let mut end = k;
    while end < words.len() && tokens.len() < 8 {
        let raw = words[end].text;
        let bare = raw.trim_end_matches([',', '.', ';', ':']);
        let closes = raw.len() != bare.len() && !is_honorific(raw);
        if !(is_name_word(bare) || is_honorific(raw)) {
            break;
        }
        tokens.push(if is_honorific(raw) { raw } else { bare });
        end += 1;
        if closes {
            break;
        }
    }
    let raw = valid_name(&tokens, aliases)?;
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
    // "… Ambassador Ana Lima of Chile.": a country after the name.
    let after = window_after(&paragraph[words[end.saturating_sub(1)].end..]);
    if let Some(rest) = after.trim_start().strip_prefix("of ") {
        let place = &rest[..phrase_end(rest)];
        let place = place.split(',').next().unwrap_or(place);
        person.country = country(place, aliases);
    } else if let Some(rest) = after.trim_start().strip_prefix(',') {
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
    })
}

/// Lower-case words that may open a role phrase before an honorific ("by the Chair …").
const PARTICLES_OPEN: &[&str] = &["the", "our", "its", "their"];
