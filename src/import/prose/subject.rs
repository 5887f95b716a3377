//! The subject before a speech verb: a title before a name ("ITU Secretary-General
//! Houlin Zhao echoed"), or a name and its organization ("Ana Lima of the Harbour
//! Institute noted").

use super::*;

/// "Ahmed Hassan of the Arab ICT Organization said": a name, "of"/"from"/"at" and an
/// organization in capitals just before a speech verb.
pub(super) fn name_of_org_intro(before: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    // The organization: capitalised words (and "the", "and", "for", "of") back to the preposition.
    let mut k = before.len();
    while k > 0 {
        let t = before[k - 1].text;
        let joiner = matches!(t, "the" | "and" | "for" | "of" | "&");
        if !(joiner || t.chars().next().is_some_and(char::is_uppercase))
            || t.ends_with([',', '.', ';', ':'])
        {
            break;
        }
        if k < before.len() && matches!(t, "of" | "from" | "at") {
            break;
        }
        k -= 1;
    }
    let prep = before.get(k.checked_sub(1)?)?;
    if !matches!(prep.text, "of" | "from" | "at") || k == before.len() || k < 2 {
        return None;
    }
    let org: Vec<&str> = before[k..].iter().map(|w| w.text).collect();
    let org = org.join(" ");
    let org = org.strip_prefix("the ").unwrap_or(&org).to_string();
    if !org.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let last = before[k - 2].text;
    if !is_name_word(last) || is_honorific(last) {
        return None;
    }
    let (_, tokens) = name_run(before, k - 2, last);
    let raw = valid_name(&tokens, aliases)?;
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        ..ImportedPerson::default()
    };
    match country(&org, aliases) {
        Some(c) => person.country = Some(c),
        None => person.organization = Some(org),
    }
    Some(Found {
        person,
        moderator: false,
        guessed: true,
    })
}

/// "ITU Secretary-General Houlin Zhao echoed": the words before a speech verb;
/// "UNESCO’s Davide Storti discussed": an organization's possessive before the name.
pub(super) fn titled_intro(before: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    let last = before.last()?;
    if !is_name_word(last.text) {
        return None;
    }
    let (start, tokens) = name_run(before, before.len() - 1, last.text);
    let possessive = |t: &str| {
        t.strip_suffix("’s")
            .or(t.strip_suffix("'s"))
            .map(str::to_string)
    };
    if let Some((raw, owner)) = tokens
        .iter()
        .enumerate()
        .rev()
        .find_map(|(k, t)| possessive(t).map(|o| (k, o)))
        .filter(|(k, o)| *k + 1 < tokens.len() && (is_acronym(o) || is_org(o)))
        // "ITU’s Secretary-General Ana Lima said": a title between them; read below.
        .and_then(|(at, o)| valid_name(&tokens[at + 1..], aliases).map(|raw| (raw, o)))
    {
        let owner = owner.as_str();
        let parsed = split_name(&raw);
        let mut person = ImportedPerson {
            name: tidy_name(&parsed.name),
            honorific: parsed.honorific,
            ..ImportedPerson::default()
        };
        match country(owner, aliases) {
            Some(c) => person.country = Some(c),
            None => person.organization = Some(owner.to_string()),
        }
        return Some(Found {
            person,
            moderator: false,
            guessed: true,
        });
    }
    // The title must be there, and the name is what follows its last word.
    let Some(title_end) = tokens.iter().rposition(|t| {
        let lower = t.to_lowercase();
        lower.split('-').any(is_role_word) || is_acronym(t)
    }) else {
        return lower_title_intro(before, start, &tokens, aliases);
    };
    let name_tokens = &tokens[title_end + 1..];
    let raw = valid_name(name_tokens, aliases)?;
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: parsed.name,
        honorific: parsed.honorific,
        role: Some(tokens[..=title_end].join(" ")),
        ..ImportedPerson::default()
    };
    // "Kenya’s Minister Joe Mucheru": the owner of the title is the person's country
    // (or organization, "ITU’s Secretary-General").
    if let Some(owner) = possessive(tokens[0]).filter(|_| title_end >= 1) {
        match country(&owner, aliases) {
            Some(c) => person.country = Some(c),
            None if is_acronym(&owner) || is_org(&owner) => person.organization = Some(owner),
            None => {
                return Some(Found {
                    person,
                    moderator: false,
                    guessed: true,
                });
            }
        }
        person.role = Some(tokens[1..=title_end].join(" "));
    }
    Some(Found {
        person,
        moderator: false,
        guessed: true,
    })
}

/// "Cybersecurity representative Preetam Maloor presented", "the youth envoy Ana
/// Lima said": a title in lower case (a role word, maybe after a capitalised
/// qualifier) just before a name of two words or more.
fn lower_title_intro(
    before: &[Word<'_>],
    start: usize,
    tokens: &[&str],
    aliases: &CountryAliases,
) -> Option<Found> {
    let role_at = start.checked_sub(1)?;
    let role_word = before[role_at].text;
    if tokens.len() < 2
        || !role_word.chars().all(|c| c.is_lowercase() || c == '-')
        || !role_word.split('-').any(is_role_word)
    {
        return None;
    }
    let raw = valid_name(tokens, aliases)?;
    let parsed = split_name(&raw);
    // A capitalised qualifier before the role word belongs to the title
    // ("Cybersecurity representative"), unless it ends a sentence.
    let mut role = vec![role_word];
    if let Some(q) = role_at.checked_sub(1).map(|k| before[k].text) {
        if q.chars().next().is_some_and(char::is_uppercase) && !q.ends_with(['.', ',', ';', ':']) {
            role.insert(0, q);
        }
    }
    Some(Found {
        person: ImportedPerson {
            name: tidy_name(&parsed.name),
            honorific: parsed.honorific,
            role: Some(role.join(" ")),
            ..ImportedPerson::default()
        },
        moderator: false,
        guessed: true,
    })
}
