//! Names in running text: the words of a paragraph, which of them can belong to
//! a name, and whether a run of them is a person's name rather than a place, a
//! programme or the start of a sentence.

use super::person::{is_acronym, is_org, is_role_word, split_name};
use super::places::country;
use super::words::{CALENDAR, EXTRA_HONORIFICS, PARTICLES, STARTERS, THING_WORDS};
use crate::taxonomy::CountryAliases;

/// A word of the paragraph with its byte span.
pub(crate) struct Word<'a> {
    /// The word as written, punctuation included.
    pub text: &'a str,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

pub(crate) fn split_words(text: &str) -> Vec<Word<'_>> {
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

pub(crate) fn is_honorific(word: &str) -> bool {
    split_name(word).name.is_empty()
        || EXTRA_HONORIFICS.contains(&word.to_lowercase().as_str())
        || matches!(word, "His" | "Her")
}

/// "M." or "J.-P.": an initial inside a name.
pub(crate) fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "AI.", "US.": two capitals and a full stop end a sentence ("J.-P.", "Ch." do not).
    let acronym = letters == 2 && word.len() == 3 && !word.chars().any(char::is_lowercase);
    word.ends_with('.')
        && letters <= 2
        && !acronym
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word can be part of a name run (its trailing comma already removed).
pub(crate) fn is_name_word(word: &str) -> bool {
    if PARTICLES.contains(&word)
        || is_honorific(word)
        || is_initial(word)
        || is_particle_compound(word)
    {
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
pub(crate) fn valid_name(tokens: &[&str], aliases: &CountryAliases) -> Option<String> {
    checked(tokens, 2, aliases)
}

/// [`valid_name`] for a surname standing alone after a title ("Ambassador Lindqvist").
pub(crate) fn valid_surname(word: &str, aliases: &CountryAliases) -> Option<String> {
    checked(&[word], 1, aliases)
}

/// "al-Hassan", "el-Sayed", "d’Alembert": a lower-case particle joined to a
/// capitalised surname by a hyphen or an apostrophe, written as one word.
pub(crate) fn is_particle_compound(word: &str) -> bool {
    word.split_once(['-', '’', '\''])
        .is_some_and(|(particle, rest)| {
            (PARTICLES.contains(&particle) || matches!(particle, "d" | "l"))
                && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// [`valid_name`] for a name that stands on its own in a list: every word
/// capitalised, a particle ("de", "bin", "al-Hassan") or an initial.
pub(crate) fn valid_list_name(tokens: &[&str], aliases: &CountryAliases) -> Option<String> {
    let capitalised = tokens.iter().all(|w| {
        PARTICLES.contains(w)
            || is_particle_compound(w)
            || is_initial(w)
            || w.chars().next().is_some_and(|c| c.is_uppercase())
    });
    capitalised.then(|| checked(tokens, 2, aliases)).flatten()
}

fn checked(tokens: &[&str], least: usize, aliases: &CountryAliases) -> Option<String> {
    let raw = tokens.join(" ");
    let parsed = split_name(&raw);
    let ws: Vec<&str> = parsed.name.split_whitespace().collect();
    let proper = ws.iter().filter(|w| !PARTICLES.contains(w)).count();
    // "PTC'22: Reunite. Rethink. Renew.": digits, a colon or a word's full stop
    // (other than an initial's) belong to a heading or a sentence, not a name.
    let punctuated = ws.iter().enumerate().any(|(k, w)| {
        w.chars().any(|c| c.is_ascii_digit())
            || w.trim_end_matches(':').contains(':')
            || (k + 1 < ws.len() && w.ends_with(':'))
            || (k + 1 < ws.len() && w.ends_with('.') && !is_initial(w) && !is_honorific(w))
    });
    let ok = !punctuated
        && (least..=6).contains(&proper)
        && !PARTICLES.contains(ws.first()?)
        && !PARTICLES.contains(ws.last()?)
        && ws.iter().enumerate().all(|(k, w)| {
            let lower = w.to_lowercase();
            // "Maria GARCIA": a surname in capitals after a mixed-case first name.
            let capital_surname = k > 0
                && k + 1 == ws.len()
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !w.chars().any(char::is_lowercase)
                && ws[0].chars().any(char::is_lowercase);
            (capital_surname || (!is_acronym(w) && !is_org(w)))
                && !is_role_word(&lower)
                && !CALENDAR.contains(&lower.as_str())
                && !THING_WORDS.contains(&lower.as_str())
                // "Omar Said": inside a name, a capitalised "Said" is a surname.
                && (!STARTERS.contains(&lower.as_str()) || k > 0)
        })
        && country(&parsed.name, aliases).is_none();
    ok.then_some(raw)
}

/// How far an introduction reaches on either side of a name, in bytes: longer
/// than any real appositive, and it keeps a paragraph of many commas linear.
const WINDOW: usize = 600;

/// The first [`WINDOW`] bytes of `text` (at a character boundary).
pub(crate) fn window_after(text: &str) -> &str {
    let mut end = text.len().min(WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last [`WINDOW`] bytes of `text` (at a character boundary).
pub(crate) fn window_before(text: &str) -> &str {
    let mut start = text.len().saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The name run ending at word `i`: (index of its first word, its words).
pub(crate) fn name_run<'a>(
    words: &'a [Word<'a>],
    i: usize,
    last: &'a str,
) -> (usize, Vec<&'a str>) {
    let mut tokens = vec![last];
    let mut j = i;
    while j > 0 && tokens.len() < 9 {
        let prev = words[j - 1].text;
        // "Рашад Наби оглу Набиев": a patronymic particle inside a name.
        let particle =
            PATRONYMIC_PARTICLES.contains(&prev) && j >= 2 && is_name_word(words[j - 2].text);
        if !is_name_word(prev) && !particle {
            break;
        }
        tokens.insert(0, prev);
        j -= 1;
    }
    // "Later Ms. Lane": an honorific inside the run starts the name; the words
    // before it are the sentence's ("H.E. Mr." is one honorific run).
    // ("ITU Secretary-General Ms. Ana Lima": a title before the honorific stays.)
    if let Some(k) = (1..tokens.len()).rev().find(|&k| {
        is_honorific(tokens[k])
            && !is_honorific(tokens[k - 1])
            && k + 1 < tokens.len()
            && !tokens[..k].iter().any(|t| {
                let lower = t.to_lowercase();
                lower.split('-').any(super::person::is_role_word)
                    || super::person::is_acronym(t)
                    || t.ends_with("’s")
                    || t.ends_with("'s")
            })
    }) {
        tokens.drain(..k);
        j += k;
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

/// Where a Russian name starts in a run of capitalised Cyrillic words: Russian
/// capitalises the places and bodies of a title too ("… развития Российской Федерации
/// Максут Шадаев"), and a name is a given name and a surname, with a patronymic
/// between them ("Андрей Вадимович Воробьев"). 0 for any other run.
/// Azerbaijani and Turkic "son of" / "daughter of" written inside a name
/// ("Рашад Наби оглу Набиев", "Aysel Ali qizi").
const PATRONYMIC_PARTICLES: &[&str] = &["оглу", "оглы", "кызы", "гызы", "oglu", "qizi", "ogly"];

pub(crate) fn russian_name_start(tokens: &[&str]) -> usize {
    let cyrillic = |t: &str| {
        t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё'))
    };
    let n = tokens.len();
    if n <= 2 || !tokens.iter().all(|t| cyrillic(t)) {
        return 0;
    }
    let patronymic = |t: &str| {
        ["ович", "евич", "ьич", "овна", "евна", "ична", "инична"]
            .iter()
            .any(|s| t.ends_with(s))
    };
    if PATRONYMIC_PARTICLES.contains(&tokens[n - 2]) && n >= 4 {
        // Given name, father's name, "оглу", surname.
        n - 4
    } else if patronymic(tokens[n - 2]) {
        n - 3
    } else if patronymic(tokens[n - 1]) {
        // "Черкесова Белла Мухарбиевна": surname first, in official documents.
        n - 3
    } else {
        n - 2
    }
}
