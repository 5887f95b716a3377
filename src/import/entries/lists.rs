//! A value that lists several people: split at semicolons, at commas between bare
//! names, at " and ", and where a second honorific starts the next person.

use crate::taxonomy::CountryAliases;

use super::super::person::{is_role, split_commas, split_name};
use super::{checked_name, strip_marks};

/// Several people in one value: "Ann Lee (Gov), Bo Chen (CS)", "Ann Lee and Bo Chen",
/// "Yoichi Iida (main), Yuichi Tsuji (sub)"; otherwise the value is one entry.
pub(crate) fn split_people(value: &str, aliases: &CountryAliases) -> Vec<String> {
    let mut out = Vec::new();
    for piece in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
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
        let parts = split_commas(piece);
        let names = |ps: &[&str]| {
            ps.iter().all(|p| {
                let (clean, _) = strip_marks(p);
                let bare = clean.split(" (").next().unwrap_or(&clean).to_string();
                checked_name(&bare, aliases).is_some() && !is_role(&split_name(&bare).name)
            })
        };
        if parts.len() >= 2 && names(&parts) {
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
        let halves: Vec<&str> = piece.split(" and ").map(str::trim).collect();
        if halves.len() == 2 && names(&halves) {
            out.extend(halves.iter().map(|p| p.to_string()));
            continue;
        }
        out.push(piece.to_string());
    }
    out
}
