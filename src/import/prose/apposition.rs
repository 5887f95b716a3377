//! Appositives: the role, organization and country written beside a name, after a
//! comma ("Name, Role, Organization") or in parentheses ("Name (Kenya)"), and the
//! title written before a name that a speech verb follows.

use crate::taxonomy::CountryAliases;

use super::super::ImportedPerson;
use super::super::names::{
    Word, is_honorific, is_name_word, name_run, valid_name, window_after, window_before,
};
use super::super::person::{
    fill_appositive, is_org, is_role, is_role_word, split_commas, split_name, tidy_name,
};
use super::super::places::{country, country_prefix};
use super::super::words::{MENTION_CUES, REPORT_VERBS, SPEECH_VERBS};
use super::{Found, country_before, is_document, is_moderator_cue, leads_with_role};

/// Whether a parenthesis is open at the end of `before`.
pub(super) fn inside_parentheses(before: &str) -> bool {
    let open = before.matches(['(', '[']).count();
    let close = before.matches([')', ']']).count();
    open > close
}

/// "said Ms. Jane Wanjiru (Kenya)", "Jane Wanjiru (Kenya), Director of …": a country in
/// parentheses after a name, with a role after it or a speech verb on either side; or
/// the whole introduction in parentheses, "Jane Wanjiru (Director, ICT Authority, Kenya)".
pub(super) fn parenthesised_intro(
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
pub(super) fn appositive_intro(
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
            .or_else(|| super::super::places::country_inside(org, aliases));
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
) -> Option<(String, Option<super::super::Country>)> {
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
pub(super) fn appositive(after: &str, aliases: &CountryAliases) -> Vec<String> {
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
pub(super) fn phrase_end(text: &str) -> usize {
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
pub(super) fn matching_paren(text: &str) -> Option<usize> {
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
