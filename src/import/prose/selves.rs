//! People who introduce themselves in a transcript's turn: "My name is Ana Lima with
//! the Harbour Institute", "So I am Bo Chen and today, I'm moderating this event".
//! Only a transcript's turns are read so: in an article "I am" is the author's.

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{is_honorific, is_name_word, split_words, valid_name};
use super::super::person::{is_org, split_name, tidy_name};
use super::{Found, phrase_end};

/// What a speaker says before their own name.
const CUES: &[&str] = &[
    "my name is ",
    "i am ",
    "i'm ",
    "i’m ",
    "je suis ",
    "je m'appelle ",
    "je m’appelle ",
    "me llamo ",
    "mi nombre es ",
];

/// Every person who names themselves in `paragraph`; a moderator when the same
/// sentence says they moderate, chair or facilitate.
pub(crate) fn self_introductions(paragraph: &str, aliases: &CountryAliases) -> Vec<Found> {
    let lower = paragraph.to_lowercase();
    let mut out: Vec<Found> = Vec::new();
    for cue in CUES {
        for (at, _) in lower.match_indices(cue) {
            // The cue starts a word ("I am", not "Miam").
            let starts_word = paragraph[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let Some(rest) = paragraph.get(at + cue.len()..) else {
                continue;
            };
            if !starts_word {
                continue;
            }
            if let Some(f) = introduced(rest, &lower[at..], aliases) {
                if !out.iter().any(|o| o.person.name == f.person.name) {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// Who a speaker says runs the session with them: "I'll be comoderating this with my
/// colleague, Ana Lima", "co-moderated together by myself and Bo Chen"; and whether
/// the speaker says they moderate ("by myself").
pub(crate) fn co_moderators(
    paragraph: &str,
    aliases: &CountryAliases,
) -> (Vec<ImportedPerson>, bool) {
    let lower = paragraph.to_lowercase();
    let mut people = Vec::new();
    let mut myself = false;
    for sentence in lower.split(". ") {
        let Some(at) = ["moderat", "chair", "facilitat"]
            .iter()
            .filter_map(|w| sentence.find(w))
            .min()
        else {
            continue;
        };
        let offset = sentence.as_ptr() as usize - lower.as_ptr() as usize;
        let tail = &sentence[at..];
        for cue in [
            "with my colleagues, ",
            "with my colleague, ",
            "with my colleagues ",
            "with my colleague ",
            "together with ",
            "by myself and ",
            "with ",
        ] {
            let Some(k) = tail.find(cue) else { continue };
            myself |= cue == "by myself and ";
            let from = offset + at + k + cue.len();
            let Some(rest) = paragraph.get(from..) else {
                break;
            };
            if let Some(f) = introduced(rest, "", aliases) {
                people.push(f.person);
            }
            break;
        }
        // "I'll be comoderating this with …", "… by myself": so does the speaker.
        let head = &sentence[..at];
        let first_person = ["i'll ", "i’ll ", "i will ", "i am ", "i'm ", "i’m "]
            .iter()
            .any(|p| head.starts_with(p) || head.contains(&format!(" {p}")));
        myself |= tail.contains("by myself") || first_person;
    }
    (people, myself)
}

/// The name right after a cue, and an organization after "with"/"from".
fn introduced(rest: &str, sentence: &str, aliases: &CountryAliases) -> Option<Found> {
    let words = split_words(rest);
    let mut tokens: Vec<&str> = Vec::new();
    let mut end = 0;
    for w in words.iter().take(8) {
        let bare = w.text.trim_end_matches([',', '.', ';', ':']);
        if !(is_name_word(bare) || is_honorific(w.text)) {
            break;
        }
        tokens.push(bare);
        end = w.end;
        if bare.len() != w.text.len() {
            break;
        }
    }
    let raw = valid_name(&tokens, aliases)?;
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let after = rest.get(end..).unwrap_or("").trim_start();
    let org = ["with the ", "with ", "from the ", "from "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .map(|o| {
            o[..phrase_end(o)]
                .split(" and ")
                .next()
                .unwrap_or("")
                .trim()
        })
        .filter(|o| !o.is_empty() && is_org(&o.to_lowercase()));
    person.organization = org.map(str::to_string);
    // "My name is Ana Lima from Chile": a country after "from" is hers.
    if let Some(place) = after.strip_prefix("from ") {
        let place = place[..phrase_end(place)].trim();
        person.country = super::country(place, aliases);
    }
    let clause = &sentence[..sentence.find(". ").unwrap_or(sentence.len())];
    let runs = |c: &str| {
        ["moderat", "chair", "facilitat", "animer", "modér"]
            .iter()
            .any(|w| c.contains(w))
    };
    // "… from Chile. I'm the chair of the group. And I'm honoured to be a moderator
    // of today's session.": the speaker's next sentences about themselves.
    let own_next = sentence
        .split(". ")
        .skip(1)
        .take(3)
        .map(|s| s.trim_start().trim_start_matches("and ").trim_start())
        .any(|s| {
            ["i'm ", "i’m ", "i am ", "i will ", "i'll ", "i’ll "]
                .iter()
                .any(|p| s.starts_with(p))
                && runs(s)
        });
    let moderator = runs(clause) || own_next;
    Some(Found {
        person,
        moderator,
        guessed: false,
        on_stage: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>, bool)> {
        self_introductions(text, &CountryAliases::new())
            .into_iter()
            .map(|f| (f.person.name, f.person.organization, f.moderator))
            .collect()
    }

    #[test]
    fn a_speaker_who_names_themselves() {
        assert_eq!(
            names("Welcome. My name is Rosa Lind with the Harbour Society and I head its office."),
            [(
                "Rosa Lind".to_string(),
                Some("Harbour Society".to_string()),
                false
            )]
        );
        assert_eq!(
            names("So I am Ana Maria da Costa and today, I'm moderating this event."),
            [("Ana Maria da Costa".to_string(), None, true)]
        );
        assert!(names("I am pleased to be here. I'm sure we will agree.").is_empty());
        // Her country after "from"; "I'm … a moderator" in her next sentences.
        let f = self_introductions(
            "My name is Ilse Brandt from Norway.  I'm the chair of the Lake Group.  And I'm \
             honoured to be a moderator of today's session.",
            &CountryAliases::new(),
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].moderator);
        assert_eq!(f[0].person.country.map(|c| c.iso2()), Some("NO"));
        // Someone else's part, later, is not hers.
        assert!(
            !self_introductions(
                "My name is Ilse Brandt. Thank you. Now over to the moderator.",
                &CountryAliases::new()
            )[0]
            .moderator
        );
        assert!(names("Miam Tran said nothing").is_empty());
    }
}
