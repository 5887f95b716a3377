//! A value that lists several people: split at semicolons, at commas between bare
//! names, at " and " (" et ", " y " …), where a second honorific starts the next person, and where a
//! bare name follows a descriptor.

use crate::taxonomy::CountryAliases;

use super::super::person::{is_org, is_role, split_commas, split_name};
use super::super::places::country;
use super::{checked_name, strip_marks};

/// Several people in one value: "Ann Lee (Gov), Bo Chen (CS)", "Ann Lee and Bo Chen",
/// "Yoichi Iida (main), Yuichi Tsuji (sub)"; otherwise the value is one entry.
pub(crate) fn split_people(value: &str, aliases: &CountryAliases) -> Vec<String> {
    let mut out = Vec::new();
    for piece in outside_brackets(value, ';')
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        // "y el Sr. Cyril Ritchie, Presidente …", "and Ms. …": a list's joining words.
        let piece = ["y ", "and ", "et ", "e "]
            .iter()
            .find_map(|w| piece.strip_prefix(w))
            .unwrap_or(piece);
        let piece = ["el ", "la ", "le ", "the "]
            .iter()
            .find_map(|w| {
                piece
                    .strip_prefix(w)
                    .filter(|r| split_name(r).honorific.is_some())
            })
            .unwrap_or(piece);
        let mut parts = split_commas(piece);
        // "A (Org), B (Org) and C (Org)": the last item joined by a word.
        if let Some((head, tail)) = parts
            .last()
            .filter(|_| parts.len() >= 2)
            .and_then(|last| last_joiner(last).filter(|(h, _)| !h.contains('(') || h.contains(')')))
        {
            parts.pop();
            parts.extend([head.trim(), tail.trim()]);
        }
        let names = |ps: &[&str]| {
            ps.iter().all(|p| {
                let (clean, _) = strip_marks(p);
                let bare = clean.split(" (").next().unwrap_or(&clean).to_string();
                checked_name(&bare, aliases).is_some()
                    && !is_role(&split_name(&bare).name)
                    && !ends_with_country(&bare, aliases)
            })
        };
        // "Lubna Qadri,Wada Na": a comma without its space joins a name to its
        // (cut) organization, not two people.
        let spaced = piece.matches(',').count() == piece.matches(", ").count();
        if parts.len() >= 2 && spaced && names(&parts) {
            out.extend(parts.iter().map(|p| p.to_string()));
            continue;
        }
        // "H.E. Ana Lima, Minister, Chile, Mr. Bo Chen, Director, Lab": a second
        // honorific inside one item starts the next person.
        // The part must hold a name after its honorific: "Ambassador" alone is a role.
        let honorific = |p: &str| {
            let parsed = split_name(p);
            parsed.honorific.is_some() && checked_name(&parsed.name, aliases).is_some()
        };
        if parts.len() > 2 && honorific(parts[0]) && parts.iter().skip(1).any(|p| honorific(p)) {
            let mut group: Vec<&str> = Vec::new();
            for p in &parts {
                if honorific(p) && !group.is_empty() {
                    out.push(group.join(", "));
                    group.clear();
                }
                group.push(p);
            }
            out.push(group.join(", "));
            continue;
        }
        if let Some(groups) = name_led_groups(&parts, aliases) {
            out.extend(groups);
            continue;
        }
        // Exactly one joining word: "A and B and C" is no pair.
        let joiners: usize = JOINERS.iter().map(|j| piece.matches(j).count()).sum();
        if let Some((head, tail)) = last_joiner(piece).filter(|_| joiners == 1) {
            let halves = [head.trim(), tail.trim()];
            if names(&halves) {
                out.extend(halves.iter().map(|p| p.to_string()));
                continue;
            }
        }
        out.push(piece.to_string());
    }
    out
}

/// `text` split at `sep` where it stands outside brackets: "Eve Stone (River News;
/// moderator); Bo Chen" is two pieces.
fn outside_brackets(text: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if c == sep && depth <= 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// The words that join the last two items of a list, in the languages of the
/// documents ("A and B", "A et B", "A y B", "A e B", "A und B").
const JOINERS: &[&str] = &[" and ", " et ", " y ", " e ", " und "];

/// Whether `text` joins items with a joining word or a semicolon.
pub(crate) fn has_joiner(text: &str) -> bool {
    text.contains(';') || JOINERS.iter().any(|j| text.contains(j))
}

/// `text` cut at its last joining word: the part before and the part after.
fn last_joiner(text: &str) -> Option<(&str, &str)> {
    JOINERS
        .iter()
        .filter_map(|j| text.rfind(j).map(|k| (k, j.len())))
        .max_by_key(|(k, _)| *k)
        .map(|(k, len)| (&text[..k], &text[k + len..]))
}

/// "Civic Watch Austria", "Internet Society France": capitalised words ending in a
/// country are an organization's name, not a person's.
fn ends_with_country(part: &str, aliases: &CountryAliases) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() >= 2
        && (1..=3.min(words.len() - 1))
            .any(|n| country(&words[words.len() - n..].join(" "), aliases).is_some())
}

/// A part that is a person's name and nothing else: not a role, an organization or
/// a country ("Francis Gurry", not "Director General", "WIPO" or "Tunisia").
fn bare_name(part: &str, aliases: &CountryAliases) -> bool {
    let (clean, _) = strip_marks(part);
    let bare = clean.split(" (").next().unwrap_or(&clean).trim();
    let name = split_name(bare).name;
    checked_name(bare, aliases).is_some()
        && !is_role(&name)
        && !is_org(&name.to_lowercase())
        && country(&name, aliases).is_none()
}

/// "Ban Ki-Moon, UN Secretary-General (video message), Houlin Zhao, Secretary-General,
/// ITU, … and Noaman Fehri, Minister, Tunisia": comma parts where each bare name
/// after a descriptor starts the next person. A part "… and Name" or "Label: Name"
/// is cut before the name. `None` unless every person has a descriptor and there
/// are at least two.
fn name_led_groups(parts: &[&str], aliases: &CountryAliases) -> Option<Vec<String>> {
    if parts.len() < 4 {
        return None;
    }
    let mut cut: Vec<&str> = Vec::new();
    for p in parts {
        let joined = last_joiner(p).or_else(|| p.find(": ").map(|k| (&p[..k], &p[k + 2..])));
        match joined {
            Some((head, name)) if bare_name(name, aliases) && !bare_name(p, aliases) => {
                // A label before a name ("Visionary Speech:") is no descriptor.
                if !p.contains(": ") {
                    cut.push(head.trim());
                }
                cut.push(name.trim());
            }
            _ => cut.push(p),
        }
    }
    if !bare_name(cut[0], aliases) {
        return None;
    }
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for p in cut {
        let starts =
            bare_name(p, aliases) && groups.last().is_none_or(|g: &Vec<&str>| g.len() >= 2);
        match groups.last_mut() {
            Some(g) if !starts => g.push(p),
            _ => groups.push(vec![p]),
        }
    }
    // Each person's descriptor holds a role ("Projects and Knowledge Management, ITU"
    // after "Chief of Department" is one person's unit, not a second person).
    (groups.len() >= 2
        && groups
            .iter()
            .all(|g| g.len() >= 2 && g[1..].iter().any(|p| is_role(p))))
    .then(|| groups.iter().map(|g| g.join(", ")).collect())
}
