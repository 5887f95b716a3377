//! Two cues about what a person named in a report does: a verb of any kind right
//! after their descriptor ("Ms X (Org) expounded on …") makes them its subject,
//! even when the verb is in no list; a sentence that only says who was there
//! ("Present also were Mr X and Mr Y", "The session was attended by …") names
//! people who did not speak.

use super::super::names::Word;
use super::matching_paren;

/// Phrases of a sentence that lists who was present, not who spoke.
const PRESENCE_CUES: &[&str] = &[
    "present also were",
    "also present were",
    "also present was",
    "present were",
    "were also present",
    "was also present",
    "were present",
    "among those present",
    "in attendance",
    "attended by",
    "also attending",
];

/// Words ending in "-ed" after a descriptor that are not a finite verb.
const NOT_VERBS: &[&str] = &[
    "based",
    "located",
    "listed",
    "named",
    "registered",
    "tagged",
];

/// Whether the word after the parenthesis opened at `words[i]` is a past-tense verb
/// ("(Org) expounded on …"): the person before it is the sentence's subject.
pub(super) fn acts_after(paragraph: &str, words: &[Word<'_>], i: usize) -> bool {
    let open = words[i].start;
    let Some(close) = matching_paren(&paragraph[open..]).map(|k| open + k) else {
        return false;
    };
    let next = paragraph[close + 1..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', ';', ':']);
    next.len() >= 5
        && next.chars().all(|c| c.is_lowercase())
        && next.ends_with("ed")
        && !NOT_VERBS.contains(&next)
}

/// Whether the sentence of `paragraph` that names `name` only says they were present.
pub(super) fn only_present(paragraph: &str, name: &str) -> bool {
    let Some(at) = paragraph.find(name) else {
        return false;
    };
    let start = paragraph[..at].rfind(". ").map_or(0, |k| k + 2);
    let end = paragraph[at..]
        .find(". ")
        .map_or(paragraph.len(), |k| at + k);
    let sentence = paragraph[start..end].to_lowercase();
    // The cue nearest before the name governs it: "The session, attended by 341
    // delegates, was chaired by Dr X" names its chair.
    let before = paragraph[start..at].to_lowercase();
    let last = |cues: &[&str]| cues.iter().filter_map(|c| before.rfind(c)).max();
    match (last(PRESENCE_CUES), last(ACTING_CUES)) {
        (Some(p), Some(a)) => p > a,
        (Some(_), None) => true,
        (None, _) => PRESENCE_CUES.iter().any(|c| sentence.contains(c)),
    }
}

/// Phrases that say the person after them ran or spoke at the session.
const ACTING_CUES: &[&str] = &[
    "chaired by",
    "moderated by",
    "opened by",
    "led by",
    "facilitated by",
    "presided over by",
    "addressed by",
    "introduced by",
];

#[cfg(test)]
mod tests {
    use super::super::introductions;
    use crate::taxonomy::CountryAliases;

    fn names(text: &str) -> Vec<String> {
        introductions(text, &CountryAliases::new())
            .into_iter()
            .map(|f| f.person.name)
            .collect()
    }

    #[test]
    fn a_descriptor_then_any_past_tense_verb_introduces_a_speaker() {
        assert_eq!(
            names(
                "Ms Ilse Brandt (Nordic Institute for Water Data) expounded on flood resilience \
                 with a trained workforce: the focus on sensors requires the establishment"
            ),
            ["Ilse Brandt"]
        );
        // Without a verb after it, a list of names with parentheses is only mentioned.
        assert!(
            names(
                "Look for Ms Ilse Brandt (Nordic Institute for Water Data), Mr Omar Haddad \
                 (Delta Works) and their teams at the booth near the entrance"
            )
            .is_empty()
        );
    }

    #[test]
    fn people_only_present_are_not_speakers() {
        let got = names(
            "It was moderated by Ms Ilse Brandt (Programme Officer, Nordic Institute). Present \
             also were Mr Omar Haddad (Director, Delta Works) and Mr Chidi Okafor (Ministry of \
             Rivers, Freedonia) who chaired the forum.",
        );
        assert_eq!(got, ["Ilse Brandt"]);
        // The cue nearest the name governs it.
        let got = names(
            "The meeting, attended by 300 delegates of 40 States, was chaired by Dr Ana \
             Ruiz, Head of the Data Office, Rivers Authority of Freedonia.",
        );
        assert_eq!(got, ["Ana Ruiz"]);
        assert!(
            names("The meeting was chaired by the Mayor and attended by Dr Ana Ruiz.").is_empty()
        );
    }
}
