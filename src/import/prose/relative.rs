//! People named before a relative clause that says what they did in the session:
//! "Prime Minister Mr. Karamanlis, who officially opened the meeting", "Ann Lee and
//! Bo Chen, who will be acting as vice chairs".

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{Word, is_honorific, is_name_word, valid_name};
use super::super::person::{is_role, split_name, tidy_name};
use super::Found;

/// Words of a "who …" clause that make the people before it the session's chairs.
const CHAIRING: &[&str] = &[
    "chaired",
    "chairs",
    "chair",
    "co-chaired",
    "co-chairs",
    "moderated",
    "moderates",
    "moderate",
    "facilitated",
    "facilitates",
    "facilitate",
];

/// Words of a "who …" clause that make the people before it speakers.
const SPEAKING: &[&str] = &[
    "opened",
    "opens",
    "open",
    "addressed",
    "spoke",
    "speak",
    "delivered",
    "presented",
    "welcomed",
    "closed",
    "introduced",
];

/// Everyone named just before ", who" when the clause (up to its next comma) says
/// they chaired or spoke.
pub(crate) fn who_intros(words: &[Word<'_>], aliases: &CountryAliases) -> Vec<Found> {
    let mut out = Vec::new();
    for j in 1..words.len() {
        if words[j].text != "who" || !words[j - 1].text.ends_with(',') {
            continue;
        }
        let clause: Vec<String> = words[j + 1..]
            .iter()
            .take(6)
            .scan(false, |ended, w| {
                (!*ended).then(|| {
                    *ended = w.text.ends_with([',', '.', ';']);
                    w.text.trim_end_matches([',', '.', ';']).to_lowercase()
                })
            })
            .collect();
        let has = |list: &[&str]| clause.iter().any(|w| list.contains(&w.as_str()));
        let moderator = has(CHAIRING);
        if !moderator && !has(SPEAKING) {
            continue;
        }
        // The subject: name words back to the previous comma, split at "and".
        let mut start = j - 1;
        while start > 0 && {
            let t = words[start - 1].text;
            let ends = t.ends_with([',', ';', ':']) || (t.ends_with('.') && !is_name_word(t));
            !ends && (is_name_word(t) || t == "and")
        } {
            start -= 1;
        }
        let tokens: Vec<&str> = words[start..j]
            .iter()
            .map(|w| w.text.trim_end_matches(','))
            .collect();
        for group in tokens.split(|t| *t == "and") {
            if let Some(person) = named(group, aliases) {
                out.push(Found {
                    person,
                    moderator,
                    guessed: true,
                    on_stage: false,
                });
            }
        }
    }
    out
}

/// A name, with a role before it: "Prime Minister Mr. Karamanlis" (an honorific
/// makes one surname enough), "Ann Lee".
fn named(tokens: &[&str], aliases: &CountryAliases) -> Option<ImportedPerson> {
    let (role, rest) = match tokens.iter().position(|t| is_honorific(t)) {
        Some(h) => (&tokens[..h], &tokens[h..]),
        None => (&tokens[..0], tokens),
    };
    let role = role.join(" ");
    if !role.is_empty() && !is_role(&role) {
        return None;
    }
    let name = match valid_name(rest, aliases) {
        Some(raw) => tidy_name(&split_name(&raw).name),
        // "Mr. Karamanlis": an honorific and one surname.
        None if rest.len() == 2 && is_honorific(rest[0]) && is_name_word(rest[1]) => {
            rest[1].to_string()
        }
        None => return None,
    };
    Some(ImportedPerson {
        name,
        role: (!role.is_empty()).then_some(role),
        honorific: split_name(&rest.join(" ")).honorific,
        ..ImportedPerson::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::names::split_words;

    fn read(text: &str) -> Vec<(String, Option<String>, bool)> {
        who_intros(&split_words(text), &CountryAliases::new())
            .into_iter()
            .map(|f| (f.person.name, f.person.role, f.moderator))
            .collect()
    }

    #[test]
    fn people_before_a_clause_of_what_they_did() {
        assert_eq!(
            read("Deputy Mayor Mr. Okafor, who officially opened the week, spoke of water."),
            [(
                "Okafor".to_string(),
                Some("Deputy Mayor".to_string()),
                false
            )]
        );
        assert_eq!(
            read(
                "We welcome two past presidents, Ann Lee and Bo Chen, who will be acting as vice chairs."
            ),
            [
                ("Ann Lee".to_string(), None, true),
                ("Bo Chen".to_string(), None, true)
            ]
        );
        // A clause that says nothing of the session names nobody.
        assert!(read("We thank Ann Lee, who founded the school in 1990.").is_empty());
    }
}
