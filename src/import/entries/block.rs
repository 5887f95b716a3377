//! One person laid out over several lines: a name line, then its role,
//! organization and country one per line, or the name printed again with the
//! rest run together; a lone "Moderator" line after the fields gives the part.

use super::super::labels::{Field, Part, label};
use super::super::lines::Line;
use super::super::person::{fill_appositive, is_org, is_role, split_commas, split_name};
use super::super::places::country;
use super::{Entry, MODERATOR_REMARKS, entry, is_placeholder, strip_marks};
use crate::taxonomy::CountryAliases;

/// A person entry and the lines after it that belong to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// The person.
    pub entry: Entry,
    /// Index of the first line after the block.
    pub end: usize,
    /// The name was printed twice, or the fields stand one per line.
    pub laid_out: bool,
}

/// Words that alone on a line after a person give their part.
fn part_line(text: &str) -> Option<Part> {
    let t = text.trim().trim_matches(['(', ')', ':']).to_lowercase();
    if MODERATOR_REMARKS.contains(&t.as_str()) {
        return Some(Part::Moderator);
    }
    [
        "speaker",
        "panellist",
        "panelist",
        "keynote speaker",
        "presenter",
        "ponente",
        "intervenant",
    ]
    .contains(&t.as_str())
    .then_some(Part::Speaker)
}

/// The person starting at `lines[i]`, with the lines that continue them: the name
/// again with the descriptor run together, descriptor lines (role, organization,
/// country, one per line, blank lines allowed between), a part line ("Moderator").
pub(crate) fn block(lines: &[Line], i: usize, aliases: &CountryAliases) -> Option<Block> {
    let first = &lines[i];
    let mut e = entry(&first.text, aliases).ok()?;
    let mut end = i + 1;
    let mut laid_out = false;
    let mut descriptor: Vec<String> = Vec::new();
    let open_comma = first.text.trim_end().ends_with(',');
    while let Some(l) = lines.get(end) {
        // Each item of a bulleted list is an entry of its own.
        if l.gap > 3 || end - i > 6 || l.is_item() {
            break;
        }
        // "Onsite Moderator:" with its colon heads what follows; it is no suffix.
        if l.text.trim_end().ends_with(':') && part_line(&l.text).is_some() {
            break;
        }
        if let Some(part) = part_line(&l.text) {
            // A part with a person right under it, or set apart by a blank line above
            // with a person under it, heads that person ("Onsite Moderator" / "Eva Novak").
            let next_is_person = lines
                .get(end + 1)
                .is_some_and(|n| (n.gap == 0 || l.gap > 0) && entry(&n.text, aliases).is_ok());
            if next_is_person && !(l.gap == 0 && laid_out) {
                break;
            }
            e.part = Some(part);
            end += 1;
            laid_out = true;
            // The part closes a block ("Eva Novak" / "Online Moderator" / "Femi Ade"):
            // a name after it is the next person, blank lines or not.
            if lines
                .get(end)
                .is_some_and(|n| entry(&n.text, aliases).is_ok_and(|n| !n.is_described()))
            {
                break;
            }
            continue;
        }
        if let Some(rest) = repeated_name(&l.text, &e.person.name) {
            if !e.is_described() && descriptor.is_empty() {
                let (rest, marks) = strip_marks(rest);
                if marks.moderator {
                    e.part = Some(Part::Moderator);
                }
                descriptor.extend(run_together(&rest, aliases));
            }
            end += 1;
            laid_out = true;
            continue;
        }
        let may_describe = (open_comma && descriptor.is_empty())
            || (!e.is_described() && descriptor.len() < 4)
            || (laid_out && descriptor.len() < 4);
        if !may_describe
            || !is_descriptor_line(l, aliases)
            || starts_person(lines, end, &descriptor, aliases)
        {
            break;
        }
        let (text, marks) = strip_marks(&l.text);
        if marks.moderator {
            e.part = Some(Part::Moderator);
        }
        descriptor.extend(split_commas(&text).into_iter().map(String::from));
        laid_out |= !open_comma;
        end += 1;
    }
    if !descriptor.is_empty() {
        let refs: Vec<&str> = descriptor.iter().map(String::as_str).collect();
        let p = &mut e.person;
        let (role, org) = (p.role.take(), p.organization.take());
        let mut all: Vec<&str> = role.iter().chain(org.iter()).map(String::as_str).collect();
        all.extend(refs);
        fill_appositive(p, &all, aliases);
    }
    Some(Block {
        entry: e,
        end,
        laid_out,
    })
}

/// The rest of `text` when it starts with `name` (honorifics aside): the second
/// printing of a name, with the descriptor after it.
fn repeated_name<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut t = text.trim();
    // "HE Ms.", "Mr. Amb.", "H.E. Dr": honorifics before the name.
    while let Some(first) = t.split_whitespace().next() {
        let honorific = first == "HE" || split_name(first).name.is_empty();
        if !honorific || first.len() == t.len() {
            break;
        }
        t = t[first.len()..].trim_start();
    }
    let mut rest = t;
    for w in name.split_whitespace() {
        let tw = rest.split_whitespace().next()?;
        if tw.trim_end_matches(',').to_lowercase() != w.to_lowercase() {
            return None;
        }
        rest = rest[tw.len()..].trim_start();
    }
    Some(rest.trim_start_matches([',', ' ']).trim())
}

/// "Director of Telecommunication Development Bureau (BDT) ITU", "Ambassador and
/// Director of International Affairs Switzerland": a descriptor without commas,
/// cut into parts where the organization and a trailing country begin.
pub(crate) fn run_together(text: &str, aliases: &CountryAliases) -> Vec<String> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    if t.contains(',') {
        return split_commas(t).into_iter().map(String::from).collect();
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    let mut tail_country = None;
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let cand = words[words.len() - n..].join(" ");
        if country(&cand, aliases).is_some() {
            tail_country = Some(cand);
            words.truncate(words.len() - n);
            break;
        }
    }
    // The organization starts at the first capitalised word after the role whose
    // rest reads as an organization; a connector before it ("Director of X") goes.
    let connectors = [
        "of", "for", "and", "&", "at", "the", "to", "on", "in", "with",
    ];
    let mut parts = Vec::new();
    let cut = (1..words.len()).find(|&k| {
        let w = words[k];
        w.chars().next().is_some_and(char::is_uppercase)
            && !super::super::person::is_role_word(&w.to_lowercase())
            && is_org(&words[k..].join(" "))
    });
    match cut {
        Some(k) => {
            let role_end = if connectors.contains(&words[k - 1].to_lowercase().as_str()) {
                k - 1
            } else {
                k
            };
            parts.push(words[..role_end.max(1)].join(" "));
            parts.push(words[k..].join(" "));
        }
        None => parts.push(words.join(" ")),
    }
    parts.extend(tail_country);
    parts.retain(|p| !p.is_empty());
    parts
}

/// A line that can be part of a person's descriptor: short, not a sentence, not
/// a label, a date or a code.
fn is_descriptor_line(l: &Line, aliases: &CountryAliases) -> bool {
    let t = l.text.trim();
    let n = t.chars().count();
    if n == 0 || n > 160 {
        return false;
    }
    if label(t).is_some_and(|lb| !matches!(lb.field, Field::Section(_)) || t.ends_with(':')) {
        return false;
    }
    if super::super::when::is_when_line(t)
        || super::super::codes::opens_code(t)
        || is_placeholder(t)
        || super::super::header::is_field_line(t)
    {
        return false;
    }
    // "Conference Room 8", "Ballroom B": the venue under a person's block.
    let venue = t.split_whitespace().count() <= 4
        && t.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            [
                "room",
                "ballroom",
                "hall",
                "salle",
                "sala",
                "saal",
                "auditorium",
            ]
            .contains(&w.as_str())
        });
    if venue {
        return false;
    }
    // A sentence: several words and a full stop inside or at the end (not "Corp.").
    let words = t.split_whitespace().count();
    let sentence = words > 8
        && (super::super::shapes::sentence_break(t) || t.ends_with('.'))
        && !["Inc.", "Ltd.", "Corp.", "Co.", "S.A.", "AG."]
            .iter()
            .any(|a| t.ends_with(a));
    if sentence || t.starts_with(|c: char| c.is_lowercase()) && words > 6 {
        return false;
    }
    is_role(t) || is_org(t) || country(t, aliases).is_some() || t.contains(',') || words <= 6
}

/// Whether `lines[k]` starts the next person rather than continuing the current
/// one (`descriptor` so far).
fn starts_person(
    lines: &[Line],
    k: usize,
    descriptor: &[String],
    aliases: &CountryAliases,
) -> bool {
    let l = &lines[k];
    let Ok(e) = entry(&l.text, aliases) else {
        return false;
    };
    if e.has_honorific() || e.is_described() {
        return true;
    }
    // A bare name: the next person when the current one has a descriptor already,
    // or when the next line prints it again or gives a role.
    let next = lines.get(k + 1);
    let doubled = next.is_some_and(|n| repeated_name(&n.text, &e.person.name).is_some());
    let role_next = next.is_some_and(|n| is_role(&n.text) && n.text.chars().count() <= 160);
    let has_org = descriptor.iter().any(|d| is_org(d));
    doubled || role_next || has_org || descriptor.len() >= 2
}
