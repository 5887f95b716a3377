//! The subject before a speech verb: a title before a name ("ITU Secretary-General
//! Houlin Zhao echoed"), or a name and its organization ("Ana Lima of the Harbour
//! Institute noted").

use super::super::names::russian_name_start;
use super::*;
use crate::model::ParsedName;

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
        on_stage: false,
    })
}

/// "ITU Secretary-General Houlin Zhao echoed": the words before a speech verb;
/// "UNESCO’s Davide Storti discussed": an organization's possessive before the name.
pub(super) fn titled_intro(before: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    let last = before.last()?;
    if !is_name_word(last.text) {
        return None;
    }
    let (start, mut tokens) = name_run(before, before.len() - 1, last.text);
    // "Minister Okafor said": the run drops a sentence's first "Minister"; here it is
    // the title.
    if let Some(w) = start.checked_sub(1).map(|k| before[k].text) {
        if w.starts_with(char::is_uppercase) && is_role_word(&w.to_lowercase()) {
            tokens.insert(0, w);
        }
    }
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
            on_stage: false,
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
    if let [surname] = name_tokens {
        return surname_after_title(&tokens[..=title_end], surname, aliases);
    }
    let raw = valid_name(name_tokens, aliases)?;
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: parsed.name,
        honorific: parsed.honorific,
        role: Some(tokens[..=title_end].join(" ")),
        ..ImportedPerson::default()
    };
    // "ITU Deputy Secretary-General": the organization's acronym heads the title.
    if title_end >= 1 && is_acronym(tokens[0]) && country(tokens[0], aliases).is_none() {
        person.organization = Some(tokens[0].to_string());
        person.role = Some(tokens[1..=title_end].join(" "));
    }
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
                    on_stage: false,
                });
            }
        }
        person.role = Some(tokens[1..=title_end].join(" "));
    }
    Some(Found {
        person,
        moderator: false,
        guessed: true,
        on_stage: false,
    })
}

/// "Ambassador Lindqvist thanked …", "Minister Kone said": a surname alone after a
/// title of one or two words (an honorific or a capitalised role). The roster merges it
/// with the full name when the document gives one.
fn surname_after_title(title: &[&str], surname: &str, aliases: &CountryAliases) -> Option<Found> {
    let capital = |t: &&str| t.chars().next().is_some_and(char::is_uppercase);
    // (Russian puts the body after a post in the genitive, "Председатель
    // Госинформнауки подчеркнул": a capitalised word there is no surname.)
    let cyrillic = |t: &&str| t.chars().any(|c| matches!(c, 'А'..='я'));
    if title.len() > 2
        || !title.iter().all(capital)
        || is_acronym(surname)
        || title.iter().any(cyrillic)
    {
        return None;
    }
    let name = valid_surname(surname, aliases)?;
    let title = title.join(" ");
    let honorific = split_name(&format!("{title} {name}")).honorific;
    let role = honorific.is_none().then_some(title);
    Some(Found {
        person: ImportedPerson {
            name,
            honorific,
            role,
            ..ImportedPerson::default()
        },
        moderator: false,
        guessed: true,
        on_stage: false,
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
    if tokens.len() < 2 || !role_word.chars().all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    if !role_word.split('-').any(is_role_word) {
        return role_phrase_intro(before, start, tokens, aliases);
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
    Some(guessed(&parsed, Some(role.join(" "))))
}

/// "Torbjörn Fredriksson from UNCTAD addressed …", "Renata Lima from Brazil’s regulator
/// Anatel shared …": a name at the start of a clause, "from" and where the person comes
/// from, then a verb of speech or report within a few words.
pub(super) fn from_intro(words: &[Word<'_>], i: usize, aliases: &CountryAliases) -> Option<Found> {
    let last = words.get(i.checked_sub(1)?)?.text;
    if words[i].text != "from" || !is_name_word(last) || last.ends_with([',', '.', ';', ':']) {
        return None;
    }
    let (start, tokens) = name_run(words, i - 1, last);
    // The name opens its clause ("From a regulator’s view, Ana Lima from …"), or
    // follows its title in lower case ("Industry representative Ana Lima from …").
    let mut role = None;
    if start > 0 && !words[start - 1].text.ends_with([',', '.', ';', ':']) {
        let title = words[start - 1].text;
        if !(title.chars().all(char::is_lowercase) && is_role_word(title)) {
            return None;
        }
        let qualifier = start
            .checked_sub(2)
            .map(|k| words[k].text)
            .filter(|q| q.starts_with(char::is_uppercase) && !q.ends_with([',', '.', ';', ':']));
        role = Some(qualifier.map_or(title.to_string(), |q| format!("{q} {title}")));
    }
    let raw = valid_name(&tokens, aliases)?;
    // Where the person is from, up to the verb; a clause's end first means no verb.
    let mut place: Vec<&str> = Vec::new();
    let mut verb = false;
    for w in words[i + 1..].iter().take(10) {
        let bare = w.text.trim_end_matches([',', '.', ';', ':']);
        // (Only verbs of a session: "Tim Lee from CERN invented the web" is history.)
        if !place.is_empty() && (SPEECH_VERBS.contains(&bare) || REPORT_VERBS.contains(&bare)) {
            verb = true;
            break;
        }
        place.push(bare);
        if bare.len() != w.text.len() {
            break;
        }
    }
    if !verb {
        return None;
    }
    let place = place.join(" ");
    let place = place.strip_prefix("the ").unwrap_or(&place);
    if !place.starts_with(char::is_uppercase) {
        return None;
    }
    let parsed = split_name(&raw);
    let mut person = ImportedPerson {
        name: tidy_name(&parsed.name),
        honorific: parsed.honorific,
        role,
        ..ImportedPerson::default()
    };
    // "Brazil’s telecommunications regulator Anatel": the country owns the organization.
    let owner = place.split_whitespace().next().and_then(|w| {
        w.strip_suffix("’s")
            .or(w.strip_suffix("'s"))
            .and_then(|o| country(o, aliases))
    });
    match country(place, aliases) {
        Some(c) => person.country = Some(c),
        None => {
            person.country = owner;
            person.organization = Some(place.to_string());
        }
    }
    Some(Found {
        person,
        moderator: false,
        guessed: true,
        on_stage: false,
    })
}

/// "From an academic view, Ana Lima warned … She added …": a full name alone opening a
/// clause, just before a verb of speech, and then spoken of as a person ("she", "his")
/// in what follows; "Open Street Map said" is an organization's name.
pub(super) fn bare_subject(
    before: &[Word<'_>],
    after: &[Word<'_>],
    aliases: &CountryAliases,
) -> Option<Found> {
    let pronoun = after.iter().take(60).any(|w| {
        let t = w.text.trim_matches(|c: char| !c.is_alphabetic());
        matches!(
            t,
            "She"
                | "He"
                | "she"
                | "he"
                | "her"
                | "his"
                | "Her"
                | "His"
                | "Elle"
                | "elle"
                | "Il"
                | "il"
                | "Ella"
                | "ella"
                | "Él"
                | "él"
                | "Он"
                | "он"
                | "Она"
                | "она"
                | "его"
                | "её"
                | "ее"
        )
    });
    if !pronoun {
        return None;
    }
    let last = before.last()?.text;
    if !is_name_word(last) || last.ends_with([',', '.', ';', ':']) {
        return None;
    }
    let (start, tokens) = name_run(before, before.len() - 1, last);
    let opens = start == 0
        || before[start - 1].text.ends_with([',', '.', ';', ':'])
        || matches!(before[start - 1].text, "and" | "but" | "while" | "whereas");
    if !opens || tokens.len() > 4 {
        return None;
    }
    let raw = valid_name(&tokens, aliases)?;
    Some(guessed(&split_name(&raw), None))
}

/// "Заместитель министра связи и массовых коммуникаций Денис Свердлов выступил",
/// "Deputy minister of posts and telecommunications Ana Lima said": a role phrase in
/// lower case after its capitalised first word, which is a role word, just before a
/// name of two words or more.
fn role_phrase_intro(
    before: &[Word<'_>],
    start: usize,
    tokens: &[&str],
    aliases: &CountryAliases,
) -> Option<Found> {
    let lower_run = (1..=8.min(start)).find(|&n| {
        let w = before[start - n].text;
        !w.chars().all(|c| c.is_lowercase() || c == '-')
    })?;
    let head = before[start - lower_run].text;
    let opens = start - lower_run == 0
        || before[start - lower_run - 1]
            .text
            .ends_with(['.', ',', ';', ':']);
    if !opens || !head.starts_with(char::is_uppercase) || !is_role_word(&head.to_lowercase()) {
        return None;
    }
    let at = russian_name_start(tokens);
    let raw = valid_name(&tokens[at..], aliases)?;
    let parsed = split_name(&raw);
    let role: Vec<&str> = before[start - lower_run..start]
        .iter()
        .map(|w| w.text)
        .chain(tokens[..at].iter().copied())
        .collect();
    Some(with_country(
        guessed(&parsed, Some(role.join(" "))),
        aliases,
    ))
}

/// "Как отметил директор Координационного центра Андрей Воробьев, …": Russian puts
/// the speaker after the verb, a role in lower case first, then the name.
pub(super) fn inverted_role_phrase(
    words: &[Word<'_>],
    i: usize,
    aliases: &CountryAliases,
) -> Option<Found> {
    let first = words.get(i + 1)?.text;
    // (Russian capitalises a minister's title: "выступил Министр …".)
    if words[i].text.ends_with([',', '.'])
        || !first.chars().skip(1).all(char::is_lowercase)
        || !is_role_word(&first.to_lowercase())
    {
        return None;
    }
    // The name ends the clause: the run of capitalised words before its comma (a
    // comma inside the role, "развития, связи и …", follows a word in lower case).
    let end = (i + 2..words.len().min(i + 20)).find(|&k| {
        let w = words[k].text;
        w.ends_with([',', '.', ';']) && w.starts_with(char::is_uppercase)
    })?;
    let last = words[end].text.trim_end_matches([',', '.', ';']);
    if !is_name_word(last) {
        return None;
    }
    let (run_start, tokens) = name_run(words, end, last);
    let at = russian_name_start(&tokens);
    if run_start <= i + 1 || tokens.len() - at < 2 || (at == 0 && tokens.len() > 3) {
        return None;
    }
    let raw = valid_name(&tokens[at..], aliases)?;
    let role: Vec<&str> = words[i + 1..run_start]
        .iter()
        .map(|w| w.text)
        .chain(tokens[..at].iter().copied())
        .collect();
    Some(with_country(
        guessed(&split_name(&raw), Some(role.join(" "))),
        aliases,
    ))
}

/// "Министр … Азербайджанской Республики Рашад Набиев": a country inside the role
/// is the person's, inferred.
fn with_country(mut f: Found, aliases: &CountryAliases) -> Found {
    let inside =
        (f.person.role.as_deref()).and_then(|r| super::super::places::country_inside(r, aliases));
    if let Some(c) = inside {
        f.person.country = Some(c);
        f.person.country_inferred = true;
    }
    f
}

/// A person read from running text by a weaker pattern, worth a look.
fn guessed(parsed: &ParsedName, role: Option<String>) -> Found {
    Found {
        person: ImportedPerson {
            name: tidy_name(&parsed.name),
            honorific: parsed.honorific.clone(),
            role,
            ..ImportedPerson::default()
        },
        moderator: false,
        guessed: true,
        on_stage: false,
    }
}

/// "Ms. Lynn St. Amour moderated the meeting", "Dr Ana Lima chaired the session": an
/// honorific and a name opening a clause before a verb of running a session.
pub(super) fn ran_it(before: &[Word<'_>], verb: &str, aliases: &CountryAliases) -> Option<Found> {
    if ![
        "moderated",
        "chaired",
        "co-chaired",
        "facilitated",
        "co-moderated",
    ]
    .contains(&verb)
    {
        return None;
    }
    // Back over the name (an abbreviation inside it, "St.", does not end it) to the
    // honorific that opens it.
    let mut k = before.len();
    while k > 0 && before.len() - k < 7 {
        let w = before[k - 1].text;
        let abbreviation = w.len() <= 4 && w.ends_with('.') && w.starts_with(char::is_uppercase);
        if is_honorific(w) {
            k -= 1;
            break;
        }
        if !(is_name_word(w.trim_end_matches('.')) || abbreviation) || w.ends_with([',', ';', ':'])
        {
            return None;
        }
        k -= 1;
    }
    let opens = k == 0
        || before[k - 1].text.ends_with(['.', ',', ';', ':'])
        || matches!(before[k - 1].text, "and" | "while");
    if !opens || !is_honorific(before.get(k)?.text) {
        return None;
    }
    let tokens: Vec<&str> = before[k..].iter().map(|w| w.text).collect();
    let parsed = split_name(&tokens.join(" "));
    valid_name(&[parsed.name.as_str()], aliases)?;
    let mut f = guessed(&parsed, None);
    f.moderator = true;
    f.on_stage = true;
    f.guessed = false;
    Some(f)
}

/// "Ana Lima is a seasoned regulator who …", "Malik Diop est un cadre …": a
/// biography, as session pages print one for each speaker, opens with the full name
/// and what the person is, and says what they do or did.
pub(super) fn bio(words: &[Word<'_>], aliases: &CountryAliases) -> Option<Found> {
    const IS: &[&str] = &["is", "est", "es", "является", "serves", "has", "holds", "a"];
    if words.len() < 15 {
        return None;
    }
    let n = (2..=4).find(|&n| words.get(n).is_some_and(|w| IS.contains(&w.text)))?;
    let tokens: Vec<&str> = words[..n].iter().map(|w| w.text).collect();
    if !tokens
        .iter()
        .all(|t| is_name_word(t) && !t.ends_with([',', '.', ';', ':']))
    {
        return None;
    }
    // What they are or did is a post ("a senior official", "des postes de direction").
    let first_sentence = words[n..].iter().take_while(|w| !w.text.ends_with('.'));
    let post = first_sentence
        .map(|w| {
            w.text
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| is_role_word(&w) || BIO_POSTS.contains(&w.as_str()));
    if !post {
        return None;
    }
    let raw = valid_name(&tokens, aliases)?;
    Some(guessed(&split_name(&raw), None))
}

/// Words of a biography's first sentence that say it is about a post held.
const BIO_POSTS: &[&str] = &[
    "executive",
    "official",
    "expert",
    "cadre",
    "postes",
    "poste",
    "career",
    "carrière",
    "carrera",
    "experience",
    "expérience",
    "experiencia",
    "served",
    "occupé",
    "leads",
    "led",
    "dirige",
    "founded",
    "fondé",
];
