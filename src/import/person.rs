//! A person's introduction, "Ms. Name, Role, Organization, Country", split into
//! its parts: the honorific by [`crate::model::parse_name`], the
//! country by the country table, the role and organization by their words.

use crate::model::{ParsedName, parse_name};
use crate::taxonomy::CountryAliases;

use super::ImportedPerson;
use super::places::{Source, country, country_inside, is_place_part, take_country};
use super::words::{
    CJK_ORG_ENDINGS, CJK_ROLE_ENDINGS, EXTRA_HONORIFICS, ORG_WORDS, REGIONS, ROLE_WORDS,
};

/// [`parse_name`], also moving out the honorifics of [`EXTRA_HONORIFICS`] ("Sra. Dra. Ana
/// Lima", "Lt. Gen. X"), which the build would otherwise keep as part of the name.
pub(crate) fn split_name(raw: &str) -> ParsedName {
    let mut honorifics: Vec<String> = Vec::new();
    let mut name = raw.trim().to_string();
    // Each round removes at least one word; eight honorifics in a row is already absurd.
    for _ in 0..8 {
        let parsed = parse_name(&name);
        honorifics.extend(parsed.honorific);
        let words: Vec<&str> = parsed.name.split_whitespace().collect();
        // "H. E. Mr. Ana Lima": His/Her Excellency with a space between its initials.
        if let [h, e, rest @ ..] = words.as_slice() {
            if matches!((*h, *e), ("H.", "E.") | ("S.", "E.")) && !rest.is_empty() {
                honorifics.push(format!("{h}{e}"));
                name = rest.join(" ");
                continue;
            }
        }
        match words.split_first() {
            Some((first, rest))
                if !rest.is_empty()
                    // "HE Ms. Katrina …": His/Her Excellency without dots (in capitals only:
                    // "He" is a surname).
                    && (EXTRA_HONORIFICS.contains(&first.to_lowercase().as_str())
                        || *first == "HE"
                        // "M. Paul Girard" (Monsieur); "M. K. Rao" keeps its initial.
                        || (*first == "M." && rest.len() >= 2 && !rest[0].ends_with('.'))) =>
            {
                honorifics.push((*first).to_string());
                name = rest.join(" ");
            }
            _ => {
                name = parsed.name;
                break;
            }
        }
    }
    ParsedName {
        honorific: (!honorifics.is_empty()).then(|| honorifics.join(" ")),
        name,
    }
}

/// Lower-case word list of a phrase.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == 'é'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `text` names a role ("Acting Director General", "former Minister of ICT").
pub(crate) fn is_role(text: &str) -> bool {
    cjk_ends(text, CJK_ROLE_ENDINGS) || words(text).any(|w| is_role_word(&w))
}

/// A phrase written wholly in Chinese characters that ends with one of `endings`
/// (Chinese has no spaces to find the words in).
pub(crate) fn cjk_ends(text: &str, endings: &[&str]) -> bool {
    let t = text.trim();
    t.chars().count() >= 2
        && t.chars().all(|c| super::clean::is_han(c) || c == '、')
        && endings.iter().any(|e| t.ends_with(e))
}

/// Whether one lower-case word is a role word.
pub(crate) fn is_role_word(w: &str) -> bool {
    // "Viceminister", "Directors", "Co-Chairman"; not "entrepreneurship" or "partnering".
    ROLE_WORDS.iter().any(|r| {
        *r == w
            || (r.len() >= 5
                && (w.ends_with(r)
                    || (w.starts_with(r) && w.len() <= r.len() + 3 && !w.ends_with("ing"))))
    })
}

/// Whether `text` reads as an organization's name.
pub(crate) fn is_org(text: &str) -> bool {
    cjk_ends(text, CJK_ORG_ENDINGS)
        || words(text).any(|w| ORG_WORDS.contains(&w.as_str()))
        || text.split_whitespace().any(is_acronym)
        || (text.contains('(') && text.contains(')'))
}

/// "ITU", "GSMA", "(EETT)", "MIC": two or more capitals, no lower case.
pub(crate) fn is_acronym(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Whether a word in capitals is an organization's acronym the word lists know
/// ("ITU", "UNESCO"), not part of a name in capitals.
pub(crate) fn is_acronym_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    ORG_WORDS.contains(&w.as_str())
}

/// A proper-noun phrase short enough to be a company name ("Deloitte", "Dell Technologies").
fn is_short_name(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 3
        && ws.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Splits `text` at commas outside parentheses.
pub(crate) fn split_commas(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Role, organization and country from the parts after a name. A country named
/// inside a phrase ("Minister of Bangladesh", "Government of Japan") is taken
/// too, and marked as inferred.
pub(crate) fn fill_appositive(
    person: &mut ImportedPerson,
    parts: &[&str],
    aliases: &CountryAliases,
) {
    let mut parts: Vec<String> = parts
        .iter()
        // "a researcher at Kyoto University": the article is the sentence's.
        .map(|p| {
            let p = p.trim();
            ["a ", "an ", "the "]
                .iter()
                .find_map(|a| p.strip_prefix(a))
                .unwrap_or(p)
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    // "Harbour Labs - Kenya": a country after a dash is a part of its own.
    if let Some(last) = parts.pop() {
        match last
            .rsplit_once(" - ")
            .or_else(|| last.rsplit_once(" – "))
            .filter(|(_, c)| country(c, aliases).is_some())
        {
            Some((head, c)) => {
                parts.push(head.trim().to_string());
                parts.push(c.trim().to_string());
            }
            None => parts.push(last),
        }
    }
    if person.country.is_none() {
        if let Some((c, found)) = take_country(&mut parts, aliases) {
            person.country = Some(c);
            person.country_inferred = found == Source::Inside;
        }
    }
    // "Africa (Nigeria)", "(India) APAC": with the country taken, the region is left.
    for p in &mut parts {
        let kept: Vec<&str> = p
            .split_whitespace()
            .filter(|w| !REGIONS.contains(&w.to_lowercase().as_str()))
            .collect();
        let had_region = kept.len() < p.split_whitespace().count();
        if had_region && kept.iter().all(|w| w.starts_with('(') && w.ends_with(')')) {
            p.clear();
        }
    }
    parts.retain(|p| !p.is_empty());
    // Places after the organization ("ITU, Geneva") are not part of it.
    while parts.len() >= 2 && parts.last().is_some_and(|p| is_place_part(p, false)) {
        parts.pop();
    }
    parts.retain(|p| !p.trim().is_empty());
    let Some(last) = parts.last() else {
        return;
    };
    // "(Tech Futures, CEO)", "German Development Agency, Adviser": the organization
    // first, then the role.
    if parts.len() == 2
        && is_role(&parts[1])
        && !is_role(&parts[0])
        && (is_org(&parts[0]) || is_short_name(&parts[0]))
    {
        person.organization = Some(parts[0].clone());
        person.role = Some(parts[1].clone());
        return;
    }
    // The organization is the tail of parts that read as one; the role is what comes before.
    let mut org_start = parts.len();
    if parts.len() >= 2 && (is_org(last) || (is_short_name(last) && !is_role(last))) {
        org_start = parts.len() - 1;
        while org_start > 1 && is_org(&parts[org_start - 1]) && !is_role(&parts[org_start - 1]) {
            org_start -= 1;
        }
    } else if parts.len() == 1 && is_org(last) && !is_role(last) {
        org_start = 0;
    } else if parts.len() == 1 {
        // "Head of Storage at CERN", "secretary-general of the International
        // Telecommunication Union (ITU)": one phrase holding both.
        if let Some((role, org)) = split_role_of_org(last) {
            person.role = Some(role);
            person.organization = Some(org);
            return;
        }
        // "Teach For Rivers": a name in capitals without a role word is where the
        // person works.
        if !is_role(last) && is_capitalised_name(last) {
            org_start = 0;
        }
    }
    let join = |ps: &[String]| (!ps.is_empty()).then(|| ps.join(", "));
    person.role = join(&parts[..org_start]);
    person.organization = join(&parts[org_start..]);
}

/// Whether every word of `text` but its small joining words is capitalised.
fn is_capitalised_name(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "for" | "of" | "the" | "and" | "de" | "du" | "des" | "la" | "le" | "-" | "–" | "&"
            )
    })
}

/// "Director of Consumer Policy at GSMA" -> ("Director of Consumer Policy", "GSMA"):
/// a role, then "at", "of the" or "of" and an organization's name.
fn split_role_of_org(text: &str) -> Option<(String, String)> {
    for sep in [" at the ", " at ", " of the ", " with the ", " of "] {
        let Some(i) = text.find(sep) else { continue };
        let (role, org) = (text[..i].trim(), text[i + sep.len()..].trim());
        let org = org.strip_prefix("the ").unwrap_or(org);
        let capital = org.chars().next().is_some_and(char::is_uppercase);
        // "Deputy Minister of ICT": after a bare "of", an acronym is a portfolio; only a
        // name with an institution's word ("of World Bank") is an organization.
        let institution = if sep == " of " {
            words(org).any(|w| ORG_WORDS.contains(&w.as_str()))
        } else {
            is_org(org)
        };
        if is_role(role) && capital && institution && !is_role(org) {
            return Some((role.to_string(), org.to_string()));
        }
    }
    None
}

/// A person from a list item of an outcome document: "Ms. Name, Role, Org, Country",
/// also "Country – Dr. Name, Role" and "Name (Country), Role". `None` when there is no name.
pub(crate) fn from_listed(item: &str, aliases: &CountryAliases) -> Option<ImportedPerson> {
    let mut person = ImportedPerson::default();
    let mut rest = item.trim();
    let first_comma = rest.find(',').unwrap_or(rest.len());
    let mut org_first = None;
    for sep in [" – ", " — ", " - ", ": "] {
        if let Some(i) = rest[..first_comma].find(sep) {
            let (head, tail) = (rest[..i].trim(), rest[i + sep.len()..].trim());
            if let Some(c) = country(head, aliases) {
                // "Iran (Islamic Republic of) – H.E. Mr. …": the country first.
                person.country = Some(c);
                rest = tail;
                break;
            }
            // "ITU – Ms. Ana Lima, Director": the organization first, when a name follows.
            let parts = split_commas(tail);
            let next = parts.first().copied().unwrap_or("");
            // "Delta Council – Omar Haddad, Chief Engineer (Jordan)": a bare name with
            // a role after it is a person too.
            // (After a colon only where the head is an institution's name in Chinese:
            // "国际电联: Ana Lima, 副主任"; "Theme: Open Data, Access" is no person.)
            let cjk_head = head.chars().any(super::clean::is_han);
            let named = (sep != ": " || cjk_head)
                && super::entries::checked_name(next, aliases).is_some()
                && parts
                    .get(1)
                    .is_some_and(|r| cjk_head || is_role(r.split(" (").next().unwrap_or(r)));
            if is_org(head) && !is_role(head) && (split_name(next).honorific.is_some() || named) {
                org_first = Some(head.to_string());
                rest = tail;
                break;
            }
        }
    }
    // "MADAGASCAR, Mr. Name, Deputy Mayor", "PORTUGAL Ms. Name, Councillor": a country
    // first, before a comma or right before the honorific.
    if person.country.is_none() {
        if let Some((c, tail)) = country_before_name(rest, aliases) {
            person.country = Some(c);
            rest = tail;
        }
    }
    let mut parts = split_commas(rest);
    // "Ms. Nnenna Nwakanma – Chief Web Advocate, …": a dash after the name.
    if let Some(first) = parts.first().copied() {
        for sep in [" – ", " — ", " - "] {
            if let Some((name, role)) = first.split_once(sep) {
                // "Heather West - Public Policy, Cloudflare": after a whole name, the
                // dash opens the descriptor whatever its words.
                let whole_name = !name.contains(" - ")
                    && !name.contains(" – ")
                    && super::entries::checked_name(name, aliases).is_some()
                    && role.trim_start().starts_with(char::is_uppercase)
                    && parts.len() >= 2;
                let tail_is_intro = whole_name
                    || is_role(role)
                    || is_org(role)
                    || country(role.trim(), aliases).is_some();
                let name_words = split_name(name).name.split_whitespace().count();
                if tail_is_intro && !is_role(name) && (1..=6).contains(&name_words) {
                    // "John Smith - CEO - Acme - Kenya": the dash separates every part.
                    let rest = role.split(sep).map(str::trim);
                    parts.splice(0..1, std::iter::once(name.trim()).chain(rest));
                    break;
                }
            }
        }
    }
    let (name_part, after) = parts.split_first()?;
    let mut name_part = name_part.to_string();
    let mut after: Vec<String> = after.iter().map(|p| p.to_string()).collect();
    // "Name (Country)", "Name (Organization)", "Name (Role, Organization, Country)".
    let mut org_in_name = None;
    if let Some(open) = name_part.rfind(" (").filter(|_| name_part.ends_with(')')) {
        let inner = name_part[open + 2..name_part.len() - 1].trim().to_string();
        match country(&inner, aliases) {
            Some(c) => {
                person.country.get_or_insert(c);
            }
            None if inner.contains(',') || is_role(&inner) => {
                let inside = split_commas(&inner).into_iter().map(String::from);
                after.splice(0..0, inside);
            }
            None if !inner.is_empty() => org_in_name = Some(inner),
            None => {}
        }
        name_part.truncate(open);
    }
    let after: Vec<&str> = after.iter().map(String::as_str).collect();
    let parsed = split_name(&name_part);
    // A name must have letters or digits to be a person ("—" is a stray mark).
    crate::model::identity(&parsed.name)?;
    person.name = tidy_name(&parsed.name);
    person.honorific = parsed.honorific;
    fill_appositive(&mut person, &after, aliases);
    if person.organization.is_none() {
        person.organization = org_in_name.or(org_first);
        // "Ana Lima (Internet Society Chile)", "Telecom Egypt – Mr. X": a country inside
        // the organization's name is the person's too, as in an appositive.
        if person.country.is_none() {
            if let Some(c) = person
                .organization
                .as_deref()
                .and_then(|o| country_inside(o, aliases))
            {
                person.country = Some(c);
                person.country_inferred = true;
            }
        }
    }
    Some(person)
}

/// A country at the start of an entry, then a name with its honorific: the country
/// and the rest.
fn country_before_name<'a>(
    text: &'a str,
    aliases: &CountryAliases,
) -> Option<(crate::taxonomy::Country, &'a str)> {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    (1..words.len()).rev().find_map(|n| {
        let head = words[..n].join(" ");
        let bare = head.trim_end_matches([',', ':']);
        let c = country(bare, aliases)?;
        // The rest must open with an honorific and a name.
        let at = text.find(words[n])?;
        let tail = text[at..].trim();
        let first = split_commas(tail).first().copied().unwrap_or("");
        (split_name(first).honorific.is_some() && !split_name(first).name.is_empty())
            .then_some((c, tail))
    })
}

/// "‘Chat’ Garcia Ramilo" -> "Chat Garcia Ramilo": a nickname in quotes is the name's
/// word without them (only a single capitalised word wholly inside one pair).
pub(crate) fn unquote_nicknames(text: &str) -> String {
    const PAIRS: [(char, char); 4] = [('‘', '’'), ('“', '”'), ('"', '"'), ('\'', '\'')];
    let word = |w: &str| -> Option<String> {
        let (o, c) = PAIRS
            .iter()
            .find(|(o, c)| w.starts_with(*o) && w.trim_end_matches(',').ends_with(*c))?;
        let inner = w.trim_end_matches(',');
        // A lone quote mark starts and ends the word at once: no nickname inside.
        let inner = inner.get(o.len_utf8()..inner.len().checked_sub(c.len_utf8())?)?;
        let comma = if w.ends_with(',') { "," } else { "" };
        (inner.chars().next().is_some_and(char::is_uppercase)
            && inner.chars().all(|ch| ch.is_alphabetic() || ch == '-'))
        .then(|| format!("{inner}{comma}"))
    };
    if !text.contains(['‘', '“', '"', '\'']) {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| word(w).unwrap_or_else(|| w.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Maria GARCIA" -> "Maria Garcia": UN lists write surnames in capitals, speaker
/// pages should not shout. A name in capitals only is left alone (it may be initials).
pub(crate) fn tidy_name(name: &str) -> String {
    let mixed = name
        .split_whitespace()
        .any(|w| w.chars().any(char::is_lowercase));
    if !mixed {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 3 && !w.chars().any(char::is_lowercase) {
                let mut out = String::new();
                let mut start = true;
                for c in w.chars() {
                    if start {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    // "AL-HASHIMI" -> "Al-Hashimi", "O'NEILL" -> "O'Neill".
                    start = matches!(c, '-' | '\'' | '’');
                }
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
