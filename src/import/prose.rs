//! Speakers introduced in running text: a name followed by an appositive with a
//! role ("…, said Name, Role, Organization, Country, …"), or a title before a
//! name followed by a speech verb ("ITU Secretary-General Houlin Zhao echoed").
//! A name merely mentioned ("the work of Tim Berners-Lee") has neither, and is skipped.

use crate::taxonomy::CountryAliases;

use super::ImportedPerson;
use super::names::{
    Word, is_honorific, is_name_word, name_run, split_words, valid_name, valid_surname,
};
use super::person::{is_acronym, is_org, is_role, is_role_word, split_name, tidy_name};
use super::places::country;
use super::words::{PORTFOLIO_WORDS, REPORT_VERBS, SPEECH_VERBS};
pub(crate) use chinese::is_chinese;
use cued::by_cue_intro;

/// A person found in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Who.
    pub person: ImportedPerson,
    /// Introduced as the moderator ("moderated by X", "moderator X").
    pub moderator: bool,
    /// Found by the weaker title-before-name pattern: worth a look.
    pub guessed: bool,
    /// The text says they ran or spoke at the session ("opened by X", "X, Role; Y,
    /// Role are set for the Forum", quoted "in opening remarks"): in a press item,
    /// unlike people only quoted, they are the session's.
    pub on_stage: bool,
}

/// Every person introduced in `paragraph`.
pub(crate) fn introductions(paragraph: &str, aliases: &CountryAliases) -> Vec<Found> {
    if chinese::is_chinese(paragraph) {
        return chinese::introductions(paragraph);
    }
    if arabic::is_arabic(paragraph) {
        return arabic::introductions(paragraph);
    }
    let words = split_words(paragraph);
    // "Look for Ann Lee (ICANN), Bo Chen (APC), …": names with their parentheses in a
    // sentence that says nobody speaks or runs anything are only mentioned.
    let verb = |w: &Word<'_>| {
        let t = w.text.trim_end_matches([',', '.', ';', ':']);
        SPEECH_VERBS.contains(&t) || REPORT_VERBS.contains(&t) || t == "by"
    };
    let mentions_only = words.len() >= 12 && !words.iter().any(verb);
    // "Mr. Ana Lima, Under-Secretary, … Excellencies, ladies and gentlemen, all
    // protocols observed.": a greeting names who is present, not who speaks.
    let lower = paragraph.to_lowercase();
    let greeting = [
        "protocols observed",
        "protocol observed",
        "ladies and gentlemen",
    ]
    .iter()
    .any(|g| lower.contains(g));
    let acts = |w: &Word<'_>| verb(w) && !w.text.starts_with("observed");
    if greeting && !words.iter().any(acts) {
        return Vec::new();
    }
    let mut found: Vec<Found> = opening_entry(paragraph, &words, aliases)
        .or_else(|| subject::bio(&words, aliases))
        .into_iter()
        .collect();
    for (i, w) in words.iter().enumerate() {
        if i > 0 && matches!(w.text, "by" | "par" | "por" | "de") {
            let list = cued::by_cue_list(paragraph, &words, i, aliases);
            if !list.is_empty() {
                found.extend(list.into_iter().map(on_stage));
                continue;
            }
            if let Some(f) = by_cue_intro(paragraph, &words, i, aliases) {
                found.push(on_stage(f));
                continue;
            }
        }
        if w.text == "from" {
            if let Some(f) = subject::from_intro(&words, i, aliases) {
                found.push(f);
                continue;
            }
        }
        if w.text.starts_with('(') && i > 0 {
            if mentions_only && !presence::acts_after(paragraph, &words, i) {
                continue;
            }
            if let Some(f) = parenthesised_intro(paragraph, &words, i, aliases) {
                found.push(f);
            }
        } else if let Some(f) = w
            .text
            .strip_suffix(',')
            .and_then(|bare| appositive_intro(paragraph, &words, i, bare, aliases))
        {
            found.push(f);
        } else if i > 0 && SPEECH_VERBS.contains(&w.text.trim_end_matches([',', '.', ':'])) {
            // ("said," too: a verb before a quote keeps its comma.)
            let subject = &words[..subject_end(&words, i)];
            if let Some(f) = titled_intro(subject, aliases)
                .or_else(|| name_of_org_intro(subject, aliases))
                .or_else(|| subject::bare_subject(subject, &words[i + 1..], aliases))
                .or_else(|| inverted_intro(&words, i, aliases))
                .or_else(|| subject::inverted_role_phrase(&words, i, aliases))
            {
                found.push(f);
            }
        } else if i > 0 && REPORT_VERBS.contains(&w.text.trim_end_matches([',', '.'])) {
            // Only a capitalised title, a possessive's organization or an honorific
            // makes the subject a person.
            let subject = &words[..subject_end(&words, i)];
            if let Some(f) = subject::ran_it(subject, w.text.trim_end_matches([',', '.']), aliases)
                .or_else(|| {
                    titled_intro(subject, aliases)
                        .filter(|f| f.person.role.is_none() || has_capital_title(f))
                })
                .or_else(|| {
                    name_of_org_intro(subject, aliases).filter(|f| f.person.honorific.is_some())
                })
            {
                found.push(f);
            }
        } else if i > 0
            && (is_past_verb(w.text.trim_end_matches([',', '.'])) || is_future(&words, i))
        {
            // "ITU Deputy Secretary-General Tomas Lamanauskas handed over the prizes":
            // any verb after a capitalised title and a name.
            let subject = &words[..subject_end(&words, i)];
            if let Some(f) = titled_intro(subject, aliases).filter(has_capital_title) {
                found.push(f);
            }
        }
    }
    found.extend(
        cued::subject_list(paragraph, aliases)
            .into_iter()
            .map(on_stage),
    );
    found.extend(relative::who_intros(&words, aliases));
    found.extend(listed::listed_after_cues(paragraph, &words, aliases));
    // "(Minister of Posts, Telecommunications and Information Technology of Bangladesh)":
    // capitalised words inside a parenthesis are a descriptor, never a person.
    // A "name" of portfolio words is the end of the previous person's descriptor ("Mr
    // X, Minister of Posts, … and Information Technology of Mali, said"): its country is
    // that person's.
    let portfolio = |f: &Found| {
        f.person
            .name
            .split_whitespace()
            .any(|w| PORTFOLIO_WORDS.contains(&w.to_lowercase().as_str()))
    };
    for k in 0..found.len() {
        if portfolio(&found[k]) {
            let c = found[k].person.country;
            if let Some(prev) = found[..k]
                .iter_mut()
                .rev()
                .find(|p| !portfolio(p))
                .filter(|p| p.person.country.is_none())
            {
                prev.person.country = c;
            }
        }
    }
    found.retain(|f| !portfolio(f));
    // (A person named inside a parenthesis keeps an honorific or a moderator's cue.)
    found.retain(|f| {
        f.person.honorific.is_some()
            || f.moderator
            || paragraph
                .find(f.person.name.as_str())
                .is_none_or(|at| !inside_parentheses(&paragraph[..at]))
    });
    // "Present also were Mr X (…) and Mr Y (…)": there, not speaking.
    found.retain(|f| !presence::only_present(paragraph, &f.person.name));
    // One entry a name: a later reading fills what the first left empty.
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        match out.iter_mut().find(|o| o.person.name == f.person.name) {
            Some(o) => {
                let (p, q) = (&mut o.person, f.person);
                p.role = p.role.take().or(q.role);
                p.organization = p.organization.take().or(q.organization);
                if p.country.is_none() {
                    p.country = q.country;
                    p.country_inferred = q.country_inferred;
                }
                o.moderator |= f.moderator;
                o.on_stage |= f.on_stage;
            }
            None => out.push(f),
        }
    }
    // "…,” said ITU Secretary-General Ana Lima in opening remarks.": quoted from what
    // they said on stage.
    for f in &mut out {
        f.on_stage |= from_remarks(paragraph, &f.person.name);
    }
    out
}

/// `f`, said to have run or spoken at the session.
fn on_stage(f: Found) -> Found {
    Found {
        on_stage: true,
        ..f
    }
}

/// Whether `name` in `paragraph` is followed by "in (his) opening remarks", "in a
/// keynote" and the like.
fn from_remarks(paragraph: &str, name: &str) -> bool {
    let Some(at) = paragraph.find(name) else {
        return false;
    };
    let after: String = paragraph[at + name.len()..].chars().take(40).collect();
    let after = after.to_lowercase();
    ["in ", "in his ", "in her ", "in their ", "in a ", "during "]
        .iter()
        .filter_map(|p| after.trim_start().strip_prefix(p))
        .any(|rest| {
            [
                "opening",
                "closing",
                "welcome",
                "welcoming",
                "keynote",
                "introductory",
            ]
            .iter()
            .any(|k| rest.starts_with(k))
        })
}

/// Whether an appositive opens with a role: a role word among its first words, before
/// any "by" ("a reporting platform cofounded by journalist Ana Lima" describes a thing).
fn leads_with_role(part: &str) -> bool {
    let head = part.split(" by ").next().unwrap_or(part);
    let head: Vec<&str> = head.split_whitespace().take(6).collect();
    is_role(&head.join(" "))
}

/// Whether a word names a document, whose "by" gives its author, not a speaker.
fn is_document(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    [
        "report",
        "reports",
        "study",
        "studies",
        "paper",
        "papers",
        "book",
        "books",
        "article",
        "articles",
        "survey",
        "publication",
        "publications",
        "letter",
        "contribution",
        "contributions",
        "submission",
        "submissions",
        "written",
        "authored",
        "edited",
    ]
    .contains(&w)
}

/// Where the subject of the verb at word `i` ends: "Minister Ana Lima also noted".
fn subject_end(words: &[Word<'_>], i: usize) -> usize {
    let adverb = |w: &str| ADVERBS.contains(&w);
    if i >= 2 && adverb(words[i - 1].text) {
        i - 1
    } else {
        i
    }
}

/// Adverbs between a subject and its verb.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "then", "later", "further", "again", "briefly", "strongly", "firmly", "warmly",
    "officially", "formally", "finally", "first",
    // French and Spanish auxiliaries: "Ana Lima a souligné", "ha señalado".
    "a", "ha", "также",
];

/// A verb in the past tense that may follow a subject: "handed", "led", "gave".
fn is_past_verb(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "led", "gave", "made", "took", "brought", "drew", "held", "won", "began", "spoke", "wrote",
        "sent", "set", "put", "met", "went", "came", "rang", "hit",
    ];
    IRREGULAR.contains(&word)
        || (word.len() >= 5 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// "His Excellency Dr. Ana Lima Prime Minister of Lakeland, our guest of honour.": a
/// paragraph that opens with an honorific, a name and a role, as an introduction
/// does (without the role it is only a sentence about someone).
fn opening_entry(paragraph: &str, words: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    if !is_honorific(words.first()?.text) {
        return None;
    }
    // Up to the first comma (an honorific's full stop ends nothing).
    let end = (paragraph.find([',', ';']))
        .unwrap_or_else(|| paragraph.trim_end().trim_end_matches('.').len());
    let clause = &paragraph[..end];
    let e = super::entries::entry(clause, aliases).ok()?;
    e.person.role.as_ref()?;
    Some(Found {
        person: e.person,
        moderator: false,
        guessed: true,
        on_stage: false,
    })
}

/// "“…,” said ITU Secretary-General Ana Lima in opening remarks": a capitalised title
/// and a name after the speech verb at word `i`, up to the first word in lower case.
fn inverted_intro(words: &[Word<'_>], i: usize, aliases: &CountryAliases) -> Option<Found> {
    if words[i].text.ends_with([',', '.']) {
        return None;
    }
    let mut end = i + 1;
    while end < words.len() && end <= i + 9 && words[end].text.starts_with(char::is_uppercase) {
        end += 1;
        if words[end - 1].text.ends_with([',', '.', ';']) {
            break;
        }
    }
    (end >= i + 3)
        .then(|| titled_intro(&words[i + 1..end], aliases))
        .flatten()
        .filter(has_capital_title)
}

/// "will" before a lower-case verb: "ITU Secretary-General Ana Lima will outline …",
/// as announcements put what a speaker is to do.
fn is_future(words: &[Word<'_>], i: usize) -> bool {
    words[i].text == "will"
        && (words.get(i + 1)).is_some_and(|v| v.text.chars().all(|c| c.is_lowercase()))
}

/// Whether a person's role came from a capitalised title before the name ("UNDP Chief
/// Digital Officer Robert Opp"), the strong form of a title.
fn has_capital_title(f: &Found) -> bool {
    f.person.role.as_deref().is_some_and(|r| {
        r.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.to_lowercase().split('-').any(is_role_word)
        })
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

/// "From Iran (Islamic Republic of), His Excellency …", "Brazil: Ms. Ana Lima, …",
/// "Representing Kenya, Ms. …": a country just before the name, in the same clause.
fn country_before(before: &str, aliases: &CountryAliases) -> Option<super::Country> {
    let clause = before.rsplit(['.', ';', '“', '”', '\n']).next()?.trim();
    let place = clause.strip_suffix([',', ':', '–', '—', '-'])?.trim();
    let place = [
        "From ",
        "from ",
        "Representing ",
        "representing ",
        "On behalf of ",
        "on behalf of ",
    ]
    .iter()
    .find_map(|p| place.strip_prefix(p))
    .unwrap_or(place);
    country(place, aliases)
}

mod apposition;
use apposition::{
    appositive, appositive_intro, inside_parentheses, matching_paren, parenthesised_intro,
    phrase_end,
};
mod arabic;
mod chinese;
mod cued;
mod listed;
mod presence;
mod relative;
mod selves;
mod subject;
pub(crate) use selves::{co_moderators, self_introductions};
use subject::{name_of_org_intro, titled_intro};
/// Whether `text` has at least `least` letters of a script (`is_script`) and more of
/// them than Latin letters: a paragraph to read with that script's rules.
fn mostly_in(text: &str, is_script: fn(char) -> bool, least: usize) -> bool {
    let own = text.chars().filter(|&c| is_script(c)).count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    own >= least && own > latin
}

/// A found person as tests compare them: name, role, organization, moderator.
#[cfg(test)]
type Summary = (String, Option<String>, Option<String>, bool);

#[cfg(test)]
fn summary(found: Vec<Found>) -> Vec<Summary> {
    (found.into_iter())
        .map(|f| {
            (
                f.person.name,
                f.person.role,
                f.person.organization,
                f.moderator,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
