//! Several people named in one breath after a cue: "led by hosts Ana Lima and Bo
//! Chen", "moderated by Ann Lee and Jo Park", "Speakers included A, B and C", "with
//! panellists A, B and C", "The session featured A and B".
//!
//! The other introductions read one person at a time and stop at the first name; a
//! coordinated list needs its own reading: names joined by commas and "and", each
//! checked as a name, the list ending at the first word that is neither.

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{Word, is_honorific, is_name_word, valid_name};
use super::super::person::{fill_appositive, split_commas, split_name, tidy_name};
use super::cued::{MODERATOR_BY, SPEAKER_BY, is_by};
use super::{Found, matching_paren};

/// Plural (or group) nouns that, just before a list of names, say who the names are.
const GROUPS: &[(&str, bool)] = &[
    ("hosts", true),
    ("moderators", true),
    ("co-moderators", true),
    ("chairs", true),
    ("co-chairs", true),
    ("facilitators", true),
    ("co-facilitators", true),
    ("speakers", false),
    ("panellists", false),
    ("panelists", false),
    ("presenters", false),
    ("discussants", false),
    ("keynotes", false),
    ("panel", false),
    ("intervenants", false),
    ("ponentes", false),
];

/// Verbs after a group noun that open its list ("Speakers included …").
const LISTING_VERBS: &[&str] = &["included", "include", "includes", "were", "are", "featured"];

/// Words that join two names of a list.
const JOINERS: &[&str] = &["and", "&", "et", "y", "e", "и"];

/// Everyone named in a coordinated list after a cue in `paragraph`.
pub(super) fn listed_after_cues(
    paragraph: &str,
    words: &[Word<'_>],
    aliases: &CountryAliases,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 1;
    while i < words.len() {
        let Some((moderator, least)) = cue_before(words, i) else {
            i += 1;
            continue;
        };
        let (people, next) = name_list(paragraph, words, i, aliases);
        if people.len() >= least {
            out.extend(people.into_iter().map(|person| Found {
                person,
                moderator,
                guessed: true,
                on_stage: false,
            }));
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the words before word `i` cue a list of people: (whether they ran the
/// session, how many names the list needs to count). One name after "moderated by" is
/// the single introductions' to read; a list needs two there.
fn cue_before(words: &[Word<'_>], i: usize) -> Option<(bool, usize)> {
    let lower = |k: usize| words[k].text.trim_end_matches([',', ':']).to_lowercase();
    let prev = lower(i - 1);
    // "moderated by A and B"
    if i >= 2 && is_by(&prev, &lower(i - 2)) {
        let verb = lower(i - 2);
        if MODERATOR_BY.contains(&verb.as_str()) {
            return Some((true, 2));
        }
        if SPEAKER_BY.contains(&verb.as_str()) {
            return Some((false, 2));
        }
    }
    // "led by hosts A and B", "with panellists A, B and C", "Panellists: A, B and C"
    if let Some(&(_, moderator)) = GROUPS.iter().find(|(g, _)| *g == prev) {
        return Some((moderator, 1));
    }
    // "Speakers included A, B and C", "The panel featured A and B"
    if LISTING_VERBS.contains(&prev.as_str()) {
        let group = (i.saturating_sub(4)..i - 1)
            .rev()
            .find_map(|k| GROUPS.iter().find(|(g, _)| *g == lower(k)));
        return match group {
            Some(&(_, moderator)) => Some((moderator, 1)),
            None => (prev == "featured").then_some((false, 2)),
        };
    }
    (prev == "featuring").then_some((false, 2))
}

/// The names listed from word `i` on, with the index of the first word after them.
fn name_list(
    paragraph: &str,
    words: &[Word<'_>],
    mut i: usize,
    aliases: &CountryAliases,
) -> (Vec<ImportedPerson>, usize) {
    let mut people = Vec::new();
    loop {
        let mut tokens: Vec<&str> = Vec::new();
        let mut ended = None;
        while i < words.len() && tokens.len() < 8 {
            let raw = words[i].text;
            let bare = raw.trim_end_matches([',', '.', ';', ':']);
            if !(is_name_word(bare) || is_honorific(raw)) || JOINERS.contains(&raw) {
                break;
            }
            tokens.push(if is_honorific(raw) { raw } else { bare });
            i += 1;
            if raw.len() != bare.len() && !is_honorific(raw) {
                ended = raw[bare.len()..].chars().next();
                break;
            }
        }
        let Some(raw) = valid_name(&tokens, aliases) else {
            break;
        };
        let parsed = split_name(&raw);
        let mut person = ImportedPerson {
            name: tidy_name(&parsed.name),
            honorific: parsed.honorific,
            ..ImportedPerson::default()
        };
        // "A (ITU), B (UNESCO) and C": what the parenthesis says about the person.
        if ended.is_none() && i < words.len() && words[i].text.starts_with('(') {
            let open = words[i].start;
            let Some(close) = matching_paren(&paragraph[open..]).map(|c| open + c) else {
                people.push(person);
                break;
            };
            fill_appositive(
                &mut person,
                &split_commas(&paragraph[open + 1..close]),
                aliases,
            );
            while i < words.len() && words[i].start <= close {
                i += 1;
            }
            ended = paragraph[close + 1..]
                .chars()
                .next()
                .filter(|c| [',', '.', ';', ':'].contains(c));
        }
        people.push(person);
        match ended {
            Some(',') => {
                if words.get(i).is_some_and(|w| JOINERS.contains(&w.text)) {
                    i += 1;
                }
            }
            None if words.get(i).is_some_and(|w| JOINERS.contains(&w.text)) => i += 1,
            _ => break,
        }
    }
    (people, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::names::split_words;

    fn listed(text: &str) -> Vec<(String, bool)> {
        listed_after_cues(text, &split_words(text), &CountryAliases::new())
            .into_iter()
            .map(|f| (f.person.name, f.moderator))
            .collect()
    }

    fn own(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(n, m)| (n.to_string(), *m)).collect()
    }

    #[test]
    fn names_joined_after_a_cue_are_each_a_person() {
        assert_eq!(
            listed("The evening, led by hosts Maria Lopez and Kwame Mensah, honoured them."),
            own(&[("Maria Lopez", true), ("Kwame Mensah", true)])
        );
        assert_eq!(
            listed("Speakers included Amara Diallo, Jin Park and Sofia Marchetti."),
            own(&[
                ("Amara Diallo", false),
                ("Jin Park", false),
                ("Sofia Marchetti", false)
            ])
        );
        assert_eq!(
            listed("It was moderated by Lena Hofmann and Dr. Rafael Ortiz, who asked why."),
            own(&[("Lena Hofmann", true), ("Rafael Ortiz", true)])
        );
        assert_eq!(
            listed("with panellists Ana Lima (ITU), Bo Chen (Harbour Labs), and Eve Stone."),
            own(&[
                ("Ana Lima", false),
                ("Bo Chen", false),
                ("Eve Stone", false)
            ])
        );
    }

    #[test]
    fn a_parenthesis_after_a_listed_name_describes_that_person() {
        let text = "The panel featured Ana Lima (Director, Harbour Labs, Kenya) and Bo Chen.";
        let found = listed_after_cues(text, &split_words(text), &CountryAliases::new());
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].person.country.map(|c| c.iso2()), Some("KE"));
        assert_eq!(found[1].person.name, "Bo Chen");
    }

    #[test]
    fn a_single_name_after_a_verb_cue_or_a_list_of_things_is_not_a_list() {
        // One name after "moderated by" is read by the single introductions.
        assert!(listed("It was moderated by Lena Hofmann, who asked why.").is_empty());
        assert!(listed("The session was hosted by UNESCO and ITU.").is_empty());
        assert!(listed("The session featured Smart Africa and the World Bank.").is_empty());
        assert!(listed("Speakers included ministers from six countries.").is_empty());
    }
}
