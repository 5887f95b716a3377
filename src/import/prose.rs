//! Speakers introduced in running text: a name followed by an appositive with a
//! role ("…, said Name, Role, Organization, Country, …"), or a title before a
//! name followed by a speech verb ("ITU Secretary-General Houlin Zhao echoed").
//! A name merely mentioned ("the work of Tim Berners-Lee") has neither, and is skipped.

use crate::taxonomy::CountryAliases;

use super::ImportedPerson;
use super::names::{
    Word, is_honorific, is_name_word, name_run, split_words, valid_name, valid_surname,
    window_after, window_before,
};
use super::person::{
    fill_appositive, is_acronym, is_org, is_role, is_role_word, split_commas, split_name, tidy_name,
};
use super::places::{country, country_prefix};
use super::words::{MENTION_CUES, PORTFOLIO_WORDS, REPORT_VERBS, SPEECH_VERBS};
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
        } else if i > 0 && SPEECH_VERBS.contains(&w.text.trim_end_matches([',', '.'])) {
            // ("said," too: a verb before a quote keeps its comma.)
            let subject = &words[..subject_end(&words, i)];
            if let Some(f) = titled_intro(subject, aliases)
                .or_else(|| name_of_org_intro(subject, aliases))
                .or_else(|| subject::bare_subject(subject, &words[i + 1..], aliases))
                .or_else(|| inverted_intro(&words, i, aliases))
            {
                found.push(f);
            }
        } else if i > 0 && REPORT_VERBS.contains(&w.text.trim_end_matches([',', '.'])) {
            // Only a capitalised title, a possessive's organization or an honorific
            // makes the subject a person.
            let subject = &words[..subject_end(&words, i)];
            if let Some(f) = titled_intro(subject, aliases)
                .filter(|f| f.person.role.is_none() || has_capital_title(f))
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

/// Whether a parenthesis is open at the end of `before`.
fn inside_parentheses(before: &str) -> bool {
    let open = before.matches(['(', '[']).count();
    let close = before.matches([')', ']']).count();
    open > close
}

/// "said Ms. Jane Wanjiru (Kenya)", "Jane Wanjiru (Kenya), Director of …": a country in
/// parentheses after a name, with a role after it or a speech verb on either side; or
/// the whole introduction in parentheses, "Jane Wanjiru (Director, ICT Authority, Kenya)".
fn parenthesised_intro(
    paragraph: &str,
    words: &[Word<'_>],
    i: usize,
    aliases: &CountryAliases,
) -> Option<Found> {
    let open = words[i].start;
    let close = open + matching_paren(&paragraph[open..])?;
    let inner = &paragraph[open + 1..close];
    let c = country(inner, aliases);
    let inner_parts = split_commas(inner);
    let inner_role = c.is_none() && inner_parts.first().is_some_and(|p| is_role(p));
    // "Ms Ada Kerr (Tech Futures, CEO)": the organization first; with an honorific only.
    let inner_any = c.is_none() && inner_parts.iter().any(|p| is_role(p) || is_org(p));
    if c.is_none() && !inner_role && !inner_any {
        return None;
    }
    let last = words[i - 1].text;
    if !is_name_word(last) || is_honorific(last) {
        return None;
    }
    let (j, tokens) = name_run(words, i - 1, last);
    let raw = valid_name(&tokens, aliases)?;
    let after = window_after(&paragraph[close + 1..]);
    let before = window_before(&paragraph[..words[j].start]);
    let parsed = split_name(&raw);
    if !inner_role && c.is_none() && parsed.honorific.is_none() {
        return None;
    }
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        country: c,
        ..ImportedPerson::default()
    };
    if inner_role || c.is_none() {
        fill_appositive(&mut person, &inner_parts, aliases);
        return Some(Found {
            person,
            moderator: is_moderator_cue(before),
            guessed: false,
            on_stage: false,
        });
    }
    let is_verb = |w: Option<&str>| {
        w.is_some_and(|w| SPEECH_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
    };
    if let Some(rest) = after.strip_prefix(',') {
        let parts = appositive(rest, aliases);
        if parts.first().is_some_and(|p| is_role(p)) {
            let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
            fill_appositive(&mut person, &refs, aliases);
        } else if !is_verb(rest.split_whitespace().next()) {
            return None;
        }
    } else if !is_verb(after.split_whitespace().next())
        && !is_verb(before.split_whitespace().next_back())
    {
        // "Mr. Stefan Novak (Slovakia) and Ms. Leila Haddad (Lebanon) presented …": an
        // honorific and a country say "participant", unless the name is an object
        // ("a report by Mr. Omar Haddad (Jordan)").
        let prev = before.split_whitespace().next_back().unwrap_or("");
        let object =
            matches!(prev, "by" | "of" | "to" | "with" | "for") || MENTION_CUES.contains(&prev);
        if person.honorific.is_none() || object {
            return None;
        }
    }
    Some(Found {
        person,
        moderator: is_moderator_cue(before),
        guessed: false,
        on_stage: false,
    })
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
    let (mut j, tokens) = name_run(words, i, last);
    // "WSIS Forum 2018 Chairman H.E. Eng. Ana Lima, Deputy Director, …": a capitalised
    // title before the honorific is a role, not part of the name.
    let mut title = None;
    let raw = match valid_name(&tokens, aliases) {
        Some(raw) => raw,
        None => {
            let k = (1..tokens.len()).find(|&k| is_honorific(tokens[k]))?;
            let head = tokens[..k].join(" ");
            if !is_role(&head) {
                return None;
            }
            title = Some(head);
            j += k;
            valid_name(&tokens[k..], aliases)?
        }
    };
    // "She quoted Nelson Mandela, former President of South Africa, …": a mention.
    if j > 0 {
        let prev = words[j - 1].text.to_lowercase();
        if MENTION_CUES.contains(&prev.trim_matches(|c: char| !c.is_alphabetic())) {
            return None;
        }
        // "… here in Addis Ababa, the seat of …": a place.
        if prev == "in" && !is_honorific(words[j].text) {
            return None;
        }
    }
    // "the reports by Ana Lima, Vice-President of …": the author of a document.
    if j > 1 && words[j - 1].text == "by" && is_document(words[j - 2].text) {
        return None;
    }
    let after = window_after(&paragraph[words[i].end..]);
    let before = window_before(&paragraph[..words[j].start]);
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    let parts = appositive(after, aliases);
    let from_org = parts
        .first()
        .and_then(|p| {
            p.strip_prefix("from ")
                .or_else(|| p.strip_prefix("representing "))
        })
        .map(|o| o.strip_prefix("the ").unwrap_or(o));
    if parts.first().is_some_and(|p| leads_with_role(p)) {
        person.country = country_before(before, aliases);
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        fill_appositive(&mut person, &refs, aliases);
    } else if let Some(org) = from_org {
        // "Lucía Fernández, from the Youth Coalition on Internet Governance, Uruguay, asked";
        // "Ivo Brandt, representing Austria, said": a country alone is no organization.
        match country(org, aliases) {
            Some(c) => person.country = Some(c),
            None => {
                person.organization = Some(org.to_string());
                person.country = parts[1..].last().and_then(|c| country(c, aliases));
            }
        }
    } else if let Some(org) = parts.first().filter(|p| {
        (person.honorific.is_some() || is_org(p))
            && p.starts_with(char::is_uppercase)
            && verb_follows(after, parts.len())
    }) {
        // "Ms Ada Kerr, Carnegie Lakes University, reported on …": the organization alone.
        person.organization = Some(org.clone());
        person.country = parts[1..]
            .last()
            .and_then(|c| country(c, aliases))
            .or_else(|| super::places::country_inside(org, aliases));
    } else if let Some(first) = parts
        .first()
        .filter(|p| p.starts_with(char::is_lowercase) && verb_follows(after, parts.len()))
    {
        // "Dr. Kofi Mensah-Bonsu, a veteran of the first WSIS phase, recalled …".
        person.role = Some(first.clone());
        person.country = parts[1..].last().and_then(|c| country(c, aliases));
    } else {
        // "Kenya’s Cabinet Secretary for ICT, Eliud Owalo, said": the title comes first.
        let (role, country) = title_before(before, after, aliases)?;
        person.role = Some(role);
        person.country = country;
    }
    if let Some(title) = title {
        person.role = Some(match person.role.take() {
            Some(role) => format!("{title}, {role}"),
            None => title,
        });
    }
    Some(Found {
        person,
        moderator: is_moderator_cue(before),
        guessed: false,
        on_stage: false,
    })
}

/// Whether the word after the appositive's `kept` parts is a speech verb
/// ("…, a veteran of the first phase, recalled …").
fn verb_follows(after: &str, kept: usize) -> bool {
    let text = &after[..phrase_end(after)];
    split_commas(text)
        .get(kept)
        .and_then(|next| next.split_whitespace().next())
        .is_some_and(|w| SPEECH_VERBS.contains(&w) || REPORT_VERBS.contains(&w))
}

/// The title before a name that a speech verb follows: "Kenya’s Cabinet Secretary for
/// ICT, ‹name›, said", "The Minister of Digital Affairs of Indonesia, ‹name›, described".
fn title_before(
    before: &str,
    after: &str,
    aliases: &CountryAliases,
) -> Option<(String, Option<super::Country>)> {
    let mut next = after.split_whitespace();
    let verb = next.next()?;
    // "… Anita Gurumurthy, will highlight …": a future speech verb.
    let future = verb == "will"
        && next.next().is_some_and(|v| {
            [
                "speak",
                "highlight",
                "present",
                "moderate",
                "deliver",
                "share",
                "open",
                "discuss",
                "address",
                "talk",
                "introduce",
                "chair",
                "join",
                "give",
                "offer",
                "outline",
            ]
            .contains(&v)
        });
    if !future && !SPEECH_VERBS.contains(&verb.trim_end_matches([',', '.'])) {
        return None;
    }
    let clause = before.trim_end().strip_suffix(',')?;
    let mut clause = clause.rsplit(['.', ';', '“', '”', '"']).next()?.trim();
    // The clause must open with the title: in "Lacina Koné, Director General and CEO,
    // Smart Africa, closed …" it opens with a name, and "Smart Africa" is no person.
    // "Speaking at the event, our Executive Director ‹name›, will …": the title is the
    // clause's last part, after "our".
    let opening = clause.split(',').next().unwrap_or("");
    if !is_role(opening) {
        let last = clause.rsplit(',').next().unwrap_or("").trim();
        let owned = ["our ", "Our ", "their ", "its "]
            .iter()
            .find_map(|p| last.strip_prefix(p));
        match owned.filter(|r| is_role(r)) {
            Some(r) => clause = r,
            None => return None,
        }
    }
    if clause.chars().count() > 160 {
        return None;
    }
    let mut role = clause
        .strip_prefix("The ")
        .or_else(|| clause.strip_prefix("the "))
        .unwrap_or(clause);
    let mut found = None;
    for apostrophe in ["’s ", "'s "] {
        if let Some(k) = role.find(apostrophe) {
            if let Some(c) = country(&role[..k], aliases) {
                found = Some(c);
                role = &role[k + apostrophe.len()..];
                break;
            }
        }
    }
    if found.is_none() {
        found = role
            .match_indices(" of ")
            .find_map(|(k, _)| country(&role[k + 4..], aliases));
    }
    let first_upper: String = role
        .chars()
        .take(1)
        .flat_map(char::to_uppercase)
        .chain(role.chars().skip(1))
        .collect();
    Some((first_upper, found))
}

/// The appositive after a name's comma: its comma-separated parts up to the end
/// of the phrase (a part starting in lower case, a quote, or the sentence end).
fn appositive(after: &str, aliases: &CountryAliases) -> Vec<String> {
    let end = phrase_end(after);
    let text = &after[..end];
    let mut parts = Vec::new();
    for (k, part) in split_commas(text).into_iter().enumerate() {
        // "…, who is President of IFLA, …": a relative clause that only names the role.
        let part = ["who is ", "who was ", "who serves as ", "who heads "]
            .iter()
            .find_map(|p| part.strip_prefix(p))
            .filter(|_| k == 0)
            .unwrap_or(part);
        let starts_lower = part.chars().next().is_some_and(char::is_lowercase);
        // "former Minister …", "the ITU Secretary-General" open an appositive; later a
        // lower-case part is the sentence again.
        let first_word = part.split_whitespace().next().unwrap_or("");
        // "from the Youth Coalition", "representing Serbia": who the person speaks for.
        let from_org = ["from", "representing"].contains(&first_word)
            && part[first_word.len()..]
                .trim_start()
                .trim_start_matches("the ")
                .starts_with(|c: char| c.is_uppercase());
        let opens_role = [
            "former",
            "acting",
            "interim",
            "outgoing",
            "incoming",
            "deputy",
            "the",
            "a",
            "an",
            "senior",
            "vice",
            "chief",
            "executive",
            "special",
            "permanent",
            "managing",
            "founding",
            "co-founder",
            "general",
            "regional",
            "national",
            "principal",
        ]
        .contains(&first_word)
            || is_role_word(first_word)
            || from_org;
        if starts_lower && (k > 0 || !opens_role) {
            break;
        }
        // "…, Mr Laurent Moutinot, …" or "… of ITU and Mr Roberto Blois": the next
        // person starts; the descriptor ends before them.
        if is_honorific(first_word) && k > 0 {
            break;
        }
        if let Some((head, _)) = part
            .split_once(" and ")
            .filter(|(_, tail)| tail.split_whitespace().next().is_some_and(is_honorific))
        {
            parts.push(head.trim().to_string());
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

/// The byte index of the parenthesis closing the one `text` opens with.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
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

mod cued;
mod listed;
mod presence;
mod relative;
mod selves;
mod subject;
pub(crate) use selves::{co_moderators, self_introductions};
use subject::{name_of_org_intro, titled_intro};
#[cfg(test)]
mod tests;
