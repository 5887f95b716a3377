//! Speakers introduced in running text: a name followed by an appositive with a
//! role ("…, said Name, Role, Organization, Country, …"), or a title before a
//! name followed by a speech verb ("ITU Secretary-General Houlin Zhao echoed").
//! A name merely mentioned ("the work of Tim Berners-Lee") has neither, and is skipped.

use crate::model::parse_name;
use crate::taxonomy::CountryAliases;

use super::ImportedPerson;
use super::person::{
    country, country_prefix, fill_appositive, is_acronym, is_org, is_role, is_role_word,
    split_commas,
};

/// A person found in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Who.
    pub person: ImportedPerson,
    /// Introduced as the moderator ("moderated by X", "moderator X").
    pub moderator: bool,
    /// Found by the weaker title-before-name pattern: worth a look.
    pub guessed: bool,
}

/// Lower-case words allowed inside a name ("Eva de Vries", "Ahmed bin Ali").
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
    "bin", "binti", "ibn", "al", "el", "la", "le", "y",
];

/// Capitalised words that start sentences, not names.
const STARTERS: &[&str] = &[
    "for",
    "according",
    "from",
    "in",
    "as",
    "the",
    "and",
    "but",
    "while",
    "with",
    "by",
    "speaking",
    "closing",
    "opening",
    "wrapping",
    "concluding",
    "moderator",
    "echoing",
    "also",
    "then",
    "when",
    "said",
    "says",
    "after",
    "at",
    "on",
    "to",
    "of",
    "this",
    "that",
    "these",
    "his",
    "her",
    "its",
    "their",
    "our",
    "a",
    "an",
    "however",
    "meanwhile",
    "finally",
    "first",
    "firstly",
    "secondly",
    "lastly",
    "today",
    "yesterday",
    "here",
    "there",
    "like",
    "unlike",
    "both",
    "panellist",
    "panelist",
    "speaker",
    "minister",
    "mr",
    "ms",
];

/// Verbs that say a person spoke.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "echoed",
    "explained",
    "noted",
    "stressed",
    "added",
    "warned",
    "underlined",
    "emphasized",
    "emphasised",
    "highlighted",
    "argued",
    "recalled",
    "told",
    "concluded",
    "welcomed",
    "urged",
    "outlined",
    "agreed",
    "observed",
    "pointed",
    "remarked",
    "commented",
    "affirmed",
    "announced",
    "declared",
    "shared",
    "called",
    "reminded",
    "cautioned",
    "insisted",
    "opened",
    "closed",
    "thanked",
    "congratulated",
    "presented",
    "described",
    "stated",
    "asked",
    "underscored",
    "spoke",
    "claimed",
    "suggested",
    "proposed",
    "invited",
];

/// Months and days: capitalised, never names.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A word of the paragraph with its byte span.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn split_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn is_honorific(word: &str) -> bool {
    parse_name(word).name.is_empty() || matches!(word, "His" | "Her" | "Excellency")
}

/// "M." or "J.-P.": an initial inside a name.
fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.ends_with('.') && letters <= 2 && word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word can be part of a name run (its trailing comma already removed).
fn is_name_word(word: &str) -> bool {
    if PARTICLES.contains(&word) || is_honorific(word) || is_initial(word) {
        return true;
    }
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !word.chars().any(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '(' | ')' | '“' | '”' | '"' | '/' | '.' | ':' | ';' | '!' | '?' | ','
                )
        })
}

/// Checks a candidate name (honorifics removed) and returns it cleaned.
fn valid_name(tokens: &[&str], aliases: &CountryAliases) -> Option<String> {
    let raw = tokens.join(" ");
    let parsed = parse_name(&raw);
    let ws: Vec<&str> = parsed.name.split_whitespace().collect();
    let proper = ws.iter().filter(|w| !PARTICLES.contains(w)).count();
    let ok = (2..=6).contains(&proper)
        && !PARTICLES.contains(ws.first()?)
        && !PARTICLES.contains(ws.last()?)
        && ws.iter().all(|w| {
            let lower = w.to_lowercase();
            !is_acronym(w)
                && !is_role_word(&lower)
                && !is_org(w)
                && !CALENDAR.contains(&lower.as_str())
                && !STARTERS.contains(&lower.as_str())
        })
        && country(&parsed.name, aliases).is_none();
    ok.then_some(raw)
}

/// Every person introduced in `paragraph`.
pub(crate) fn introductions(paragraph: &str, aliases: &CountryAliases) -> Vec<Found> {
    let words = split_words(paragraph);
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if let Some(bare) = w.text.strip_suffix(',') {
            if let Some(f) = appositive_intro(paragraph, &words, i, bare, aliases) {
                found.push(f);
            }
        } else if i > 0 && SPEECH_VERBS.contains(&w.text.trim_end_matches([',', '.'])) {
            if let Some(f) = titled_intro(&words[..i], aliases) {
                found.push(f);
            }
        }
    }
    found
}

/// The name run ending at word `i`: (index of its first word, its words).
fn name_run<'a>(words: &'a [Word<'a>], i: usize, last: &'a str) -> (usize, Vec<&'a str>) {
    let mut tokens = vec![last];
    let mut j = i;
    while j > 0 && tokens.len() < 9 {
        let prev = words[j - 1].text;
        if !is_name_word(prev) {
            break;
        }
        tokens.insert(0, prev);
        j -= 1;
    }
    // Sentence starters ("For", "According") and particles never begin a name.
    while let Some(first) = tokens.first() {
        let lower = first.to_lowercase();
        if tokens.len() > 1
            && (STARTERS.contains(&lower.as_str()) || PARTICLES.contains(first))
            && !is_honorific(first)
        {
            tokens.remove(0);
            j += 1;
        } else {
            break;
        }
    }
    (j, tokens)
}

/// "Name, Role, …" with the comma after word `i`.
fn appositive_intro(
    paragraph: &str,
    words: &[Word<'_>],
    i: usize,
    last: &str,
    aliases: &CountryAliases,
) -> Option<Found> {
    if !is_name_word(last) || is_honorific(last) {
        return None;
    }
    let (j, tokens) = name_run(words, i, last);
    let raw = valid_name(&tokens, aliases)?;
    let parts = appositive(&paragraph[words[i].end..], aliases);
    let first = parts.first()?;
    if !is_role(first) {
        return None;
    }
    let parsed = parse_name(&raw);
    let mut person = ImportedPerson {
        name: parsed.name,
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let before = &paragraph[..words[j].start];
    person.country = country_before(before, aliases);
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    fill_appositive(&mut person, &refs, aliases);
    Some(Found {
        person,
        moderator: is_moderator_cue(before),
        guessed: false,
    })
}

/// The appositive after a name's comma: its comma-separated parts up to the end
/// of the phrase (a part starting in lower case, a quote, or the sentence end).
fn appositive(after: &str, aliases: &CountryAliases) -> Vec<String> {
    let end = phrase_end(after);
    let text = &after[..end];
    let mut parts = Vec::new();
    for (k, part) in split_commas(text).into_iter().enumerate() {
        let starts_lower = part.chars().next().is_some_and(char::is_lowercase);
        // "former Minister …" opens an appositive; later a lower-case part is the sentence again.
        let first_word = part.split_whitespace().next().unwrap_or("");
        let opens_role = [
            "former", "acting", "interim", "outgoing", "incoming", "deputy",
        ]
        .contains(&first_word)
            || is_role_word(first_word);
        if starts_lower && (k > 0 || !opens_role) {
            break;
        }
        parts.push(part.to_string());
        if parts.len() >= 7 {
            break;
        }
    }
    // "…, Viet Nam then formally closed the session": keep only the country.
    let several = parts.len() > 1;
    if let Some(last) = parts.last_mut() {
        if several && country(last, aliases).is_none() && last.split_whitespace().count() > 3 {
            if let Some(c) = country_prefix(last, aliases) {
                *last = c.name().to_string();
            }
        }
    }
    parts
}

/// Where the phrase after a name ends: a sentence end, a quote, a semicolon.
fn phrase_end(text: &str) -> usize {
    for (i, c) in text.char_indices() {
        match c {
            '“' | '”' | '"' | ';' => return i,
            '.' | '!' | '?' => {
                let next = text[i + 1..].chars().next();
                let word_before = text[..i].rsplit(' ').next().unwrap_or("");
                // "Ltd.", "Dr.", "M." inside an appositive are not sentence ends.
                let abbreviation = word_before.chars().count() <= 3
                    || [
                        "Ltd", "Inc", "Corp", "Co", "Jr", "Sr", "Mr", "Ms", "Dr", "Prof",
                    ]
                    .contains(&word_before);
                if next.is_none()
                    || (next.is_some_and(char::is_whitespace) && !abbreviation)
                    || next.is_some_and(|n| matches!(n, '“' | '"'))
                {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// "ITU Secretary-General Houlin Zhao echoed": the words before a speech verb.
fn titled_intro(before: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    let last = before.last()?;
    if !is_name_word(last.text) {
        return None;
    }
    let (_, tokens) = name_run(before, before.len() - 1, last.text);
    // The title must be there, and the name is what follows its last word.
    let title_end = tokens.iter().rposition(|t| {
        let lower = t.to_lowercase();
        lower.split('-').any(is_role_word) || is_acronym(t)
    })?;
    let name_tokens = &tokens[title_end + 1..];
    let raw = valid_name(name_tokens, aliases)?;
    let parsed = parse_name(&raw);
    Some(Found {
        person: ImportedPerson {
            name: parsed.name,
            honorific: parsed.honorific,
            role: Some(tokens[..=title_end].join(" ")),
            ..ImportedPerson::default()
        },
        moderator: false,
        guessed: true,
    })
}

/// "moderated by", "moderator", "chaired by" just before a name.
fn is_moderator_cue(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = tail.to_lowercase();
    let last_clause = tail.rsplit(['.', ';']).next().unwrap_or("");
    [
        "moderated by",
        "moderator",
        "chaired by",
        "facilitated by",
        "moderation of",
    ]
    .iter()
    .any(|cue| last_clause.contains(cue))
}

/// "From Iran (Islamic Republic of), His Excellency …": a country just before the name.
fn country_before(before: &str, aliases: &CountryAliases) -> Option<super::Country> {
    let clause = before.rsplit(['.', ';', '“', '”']).next()?.trim();
    let clause = clause.strip_suffix(',')?.trim();
    let place = clause
        .strip_prefix("From ")
        .or_else(|| clause.strip_prefix("from "))?;
    country(place, aliases)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool, Option<&'static str>)> {
        introductions(text, &CountryAliases::new())
            .into_iter()
            .map(|f| {
                (
                    f.person.name,
                    f.moderator,
                    f.person.country.map(|c| c.iso2()),
                )
            })
            .collect()
    }

    #[test]
    fn appositives_after_verbs_and_prepositions_are_introductions() {
        assert_eq!(
            names(
                "Access to all is an urgent priority, agreed Rupert Pearce, CEO, Inmarsat. The crisis"
            ),
            [("Rupert Pearce".into(), false, None)]
        );
        assert_eq!(
            names(
                "For Ramin Guluzade, Minister of Transport, Communications and High Technologies of the Republic of Azerbaijan, innovative"
            ),
            [("Ramin Guluzade".into(), false, Some("AZ"))]
        );
        assert_eq!(
            names(
                "noted Americo Muchanga, Chairman, Communications Regulator Authority of Mozambique (INCM)Mozambique, which may"
            ),
            [("Americo Muchanga".into(), false, Some("MZ"))]
        );
        assert_eq!(
            names(
                "Phan Tam, Deputy Minister of information and communications, Viet Nam then formally closed the session"
            ),
            [("Phan Tam".into(), false, Some("VN"))]
        );
    }

    #[test]
    fn moderators_and_titles_before_names_are_recognised() {
        assert_eq!(
            names(
                "during an informative session, ably moderated by Jason Harle, Senior Manager, Cyber Risk, Deloitte."
            ),
            [("Jason Harle".into(), true, None)]
        );
        let f = introductions(
            "ITU Secretary-General Houlin Zhao echoed this appeal",
            &CountryAliases::new(),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "Houlin Zhao");
        assert!(f[0].guessed);
    }

    #[test]
    fn people_merely_mentioned_are_not_speakers() {
        for text in [
            "She recalled the work of Tim Berners-Lee on an open web.",
            "He noted that Secretary-General António Guterres had called for a dialogue.",
            "In Trinidad and Tobago, for example, a range of measures were adopted.",
            "In Lithuania, one of Europe’s most connected countries, as elsewhere",
            "ITU Virtual Digital World 2020, he explained, in order to build",
        ] {
            assert_eq!(names(text), [], "{text}");
        }
    }
}
