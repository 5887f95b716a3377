//! SDGs and WSIS action lines as lists write them: "Goal 4: …", "SDG 4", "4.
//! Quality Education", SDG targets "4.1 …", "17.9" (mapped to their goals),
//! "C1. The role of …", "AL C1 logo C1. …", "С1." with a Cyrillic С, "C7" alone,
//! "C7. ICT applications: … — E-health", a line's title alone (also in its 2003
//! wording). An item cut off by the end of the text ("— E-b") is reported, never
//! guessed.

use super::clean::fold_lookalikes;
use crate::taxonomy::{ActionLine, Sdg};

/// What one line of a list gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Codes {
    /// Goals, in order.
    pub sdgs: Vec<Sdg>,
    /// Action lines, in order.
    pub lines: Vec<ActionLine>,
    /// The item names a code but its end is cut off: not counted, worth a note.
    pub cut: bool,
}

impl Codes {
    /// Whether the line gave nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.sdgs.is_empty() && self.lines.is_empty() && !self.cut
    }
}

/// Action-line titles in the wordings lists use (the 2003 Plan of Action and
/// today's), lower case, by line number.
#[rustfmt::skip]
const LINE_TITLES: &[(u8, &str)] = &[
    (1, "the role of governments and all stakeholders in the promotion of icts for development"),
    (1, "the role of public governance authorities and all stakeholders in the promotion of icts for development"),
    (2, "information and communication infrastructure"),
    (3, "access to information and knowledge"),
    (4, "capacity building"),
    (5, "building confidence and security in use of icts"),
    (5, "building confidence and security in the use of icts"),
    (6, "enabling environment"),
    (7, "ict applications"),
    (8, "cultural diversity and identity, linguistic diversity and local content"),
    (9, "media"),
    (10, "ethical dimensions of the information society"),
    (11, "international and regional cooperation"),
];

/// Reads one list item as SDGs. `listed`: the item is under an SDG label, so a
/// goal's name alone ("Quality Education") or a bare number counts.
pub(crate) fn sdgs(text: &str, listed: bool, last: bool) -> Codes {
    let text = fold_lookalikes(text.trim());
    let mut out = Codes::default();
    // "SDG 9 – Industry, …; SDG 17 – Partnerships": one goal per semicolon.
    for piece in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let lower = piece.to_lowercase();
        if let Some(goals) = goal_list(piece) {
            out.sdgs.extend(goals);
            continue;
        }
        if let Some(t) = targets(piece) {
            out.sdgs.extend(t);
            continue;
        }
        let prefixed =
            lower.starts_with("goal") || lower.starts_with("sdg") || lower.starts_with("objetivo");
        if prefixed || listed {
            let cut = last && ends_in_number(piece);
            match piece.parse::<Sdg>() {
                Ok(g) if prefixed && !cut => out.sdgs.push(g),
                Ok(g) if !prefixed && named_goal(piece, g) && !cut => out.sdgs.push(g),
                Ok(_) if cut => out.cut = true,
                _ => {}
            }
            if out.sdgs.is_empty() && !out.cut && listed {
                if let Some(g) = Sdg::all().find(|g| g.short_name().eq_ignore_ascii_case(piece)) {
                    out.sdgs.push(g);
                }
            }
            continue;
        }
        // "1. No Poverty", "4 - Quality Education": a number and that goal's name.
        if let Ok(g) = piece.parse::<Sdg>() {
            if named_goal(piece, g) {
                out.sdgs.push(g);
            }
        }
    }
    out
}

/// "SDG 9, SDG 10, SDG 16", "Goals 4, 5 and 17": several goals on one line.
fn goal_list(piece: &str) -> Option<Vec<Sdg>> {
    let lower = piece.to_lowercase();
    let rest = ["sdgs", "goals", "sdg", "goal"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let items: Vec<&str> = rest
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| {
            p.trim()
                .trim_start_matches("sdg")
                .trim_start_matches("goal")
                .trim()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if items.len() < 2 {
        return None;
    }
    let goals: Vec<Sdg> = items.iter().filter_map(|p| p.parse().ok()).collect();
    (goals.len() == items.len()).then_some(goals)
}

/// Whether "N. text" names goal N: its short name or official title, or their
/// start (a list cut mid-word).
fn named_goal(piece: &str, g: Sdg) -> bool {
    let after = piece
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim();
    let after = after
        .strip_prefix("Goal")
        .or_else(|| after.strip_prefix("SDG"))
        .map_or(after, |r| {
            r.trim_start_matches(|c: char| !c.is_alphabetic())
        });
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect::<String>()
    };
    let text = norm(after);
    if text.is_empty() {
        return piece.trim_end().ends_with(':');
    }
    [g.short_name(), g.title()].iter().any(|name| {
        let name = norm(name);
        name.starts_with(&text) && text.len() >= 4 || text.starts_with(&name)
    })
}

/// "4.1", "17.9", "9.c": SDG target numbers, with the text after them. The line
/// must open with one ("4.1 By 2030, …") or be a list of them ("4.1, 4.4, 17.9").
pub(crate) fn targets(piece: &str) -> Option<Vec<Sdg>> {
    let tokens: Vec<&str> = piece
        .split([',', ';', ' '])
        .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | ':' | '.')))
        .filter(|t| !t.is_empty())
        .collect();
    let first = target(tokens.first()?)?;
    let all: Vec<Sdg> = tokens.iter().filter_map(|t| target(t)).collect();
    let only_targets = all.len() == tokens.len();
    // "4.1 By 2030, ensure …": one target and its text.
    let opens = piece.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && piece
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| !w.starts_with(|c: char| c.is_ascii_digit()));
    (only_targets || opens).then(|| if only_targets { all } else { vec![first] })
}

/// One target number: goal 1..=17, then "." and 1..=19 or a letter a..=g.
fn target(t: &str) -> Option<Sdg> {
    let (goal, sub) = t.split_once('.')?;
    let goal: u8 = goal.parse().ok()?;
    let ok_sub = match sub.parse::<u8>() {
        Ok(n) => (1..=19).contains(&n),
        Err(_) => sub.len() == 1 && sub.chars().all(|c| ('a'..='g').contains(&c)),
    };
    ok_sub.then(|| Sdg::new(goal)).flatten()
}

/// "Goal 1" at the very end of a cut text may have been "Goal 12".
fn ends_in_number(piece: &str) -> bool {
    piece.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

/// Reads one list item as action lines. `listed`: the item is under an
/// action-line label, so a title alone ("Capacity building") counts. `last`: the
/// item ends the text, so a cut code or sub-line is reported instead.
pub(crate) fn action_lines(text: &str, listed: bool, last: bool) -> Codes {
    let text = fold_lookalikes(text.trim());
    let mut out = Codes::default();
    // "AL C3 – Access …; AL C11 – International …": one line per semicolon.
    if let Some((lines, _)) = led_by_codes(&text) {
        out.lines = lines;
        return out;
    }
    for piece in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let piece = strip_logo(piece);
        // "C1, C6, C7 E-government", "C3 & C7": several codes.
        let codes: Vec<&str> = piece.split([',', '&', '/']).map(str::trim).collect();
        if codes.len() > 1 {
            let parsed: Vec<ActionLine> = codes.iter().filter_map(|p| code(p)).collect();
            if parsed.len() == codes.len() {
                out.lines.extend(parsed);
                continue;
            }
        }
        match one_line(piece, listed) {
            Some(a) if last && cut_service(piece, a) => out.cut = true,
            Some(_) if last && piece.len() <= 3 => out.cut = true,
            Some(a) => out.lines.push(a),
            None if last && looks_cut(piece) => out.cut = true,
            None => {}
        }
    }
    out
}

/// "C3 & C7: Open access to science", "C9 – Community media": codes in front of a
/// session's title (not a tag list item: the text after them is not their official
/// title). Returns the codes and the title.
pub(crate) fn led_by_codes(text: &str) -> Option<(Vec<ActionLine>, &str)> {
    let t = text.trim();
    let (head, rest) = [": ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| t.split_once(sep))?;
    let head = strip_logo(head);
    let folded = fold_lookalikes(head);
    let pieces: Vec<&str> = folded
        .split([',', '&', '/'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .collect();
    // Only codes before the separator: "C7. ICT applications: …" is a tag's title.
    let bare = |p: &str| {
        let p = p.trim_end_matches('.');
        let rest = p
            .strip_prefix(['C', 'c'])
            .map(str::trim_start)
            .unwrap_or("x");
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&digits) && (rest.len() == digits || find_service(&rest[digits..]))
    };
    let lines: Vec<ActionLine> = pieces
        .iter()
        .filter(|p| bare(p))
        .filter_map(|p| code(p))
        .collect();
    if lines.is_empty() || lines.len() != pieces.len() {
        return None;
    }
    let rest = rest.trim();
    let official = one_line(&format!("C{} {rest}", lines[0].number()), true).is_some_and(|_| {
        // The official title, whole ("C9: Media"), maybe with its sub-line.
        let lower = rest
            .to_lowercase()
            .trim_end_matches(['.', ';'])
            .replace(['–', '—'], "-");
        LINE_TITLES.iter().any(|(_, t)| {
            lower == *t
                || lower.starts_with(&format!("{t} -"))
                || lower.starts_with(&format!("{t}:"))
        }) || ActionLine::all().any(|a| {
            a.service()
                .is_some_and(|s| lower == s.name().to_lowercase())
        })
    });
    (!official && rest.split_whitespace().count() >= 2).then_some((lines, rest))
}

/// Whether `text` is only an e-service ("E-health", " e-Government").
fn find_service(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= 2
        && format!("C7 {t}")
            .parse::<ActionLine>()
            .is_ok_and(|a| a.service().is_some())
}

/// "AL C1 logo C1. The role …" -> "C1. The role …"; "Action Line C5: …" -> "C5: …".
fn strip_logo(piece: &str) -> &str {
    let mut p = piece.trim();
    for prefix in [
        "Action Line:",
        "Action line:",
        "Action Line",
        "Action line",
        "AL",
    ] {
        if let Some(rest) = p.strip_prefix(prefix) {
            if rest.trim_start().starts_with(['C', 'c']) {
                p = rest.trim_start();
                break;
            }
        }
    }
    // "C1 logo C1. …": an image's alt text before the item.
    if let Some(i) = p.find(" logo ") {
        if code(&p[..i]).is_some() {
            p = p[i + 6..].trim_start();
        }
    }
    p
}

/// A code alone: "C4", "C7 E-health", "C 7".
fn code(p: &str) -> Option<ActionLine> {
    let p = p.trim().trim_end_matches(['.', ':']);
    let mut chars = p.chars();
    if !matches!(chars.next(), Some('C' | 'c')) || p.chars().count() > 20 {
        return None;
    }
    p.parse().ok()
}

/// An item that is one action line: a code first, or (when listed) a title.
fn one_line(piece: &str, listed: bool) -> Option<ActionLine> {
    let starts_code = piece.starts_with(['C', 'c'])
        && piece[1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    if starts_code {
        return piece.parse().ok();
    }
    if !listed {
        return None;
    }
    if let Ok(a) = piece.parse::<ActionLine>() {
        return Some(a);
    }
    let lower = piece.to_lowercase().replace(['–', '—'], "-");
    let (n, _) = LINE_TITLES.iter().find(|(_, t)| {
        lower.starts_with(t) || (t.starts_with(lower.as_str()) && lower.len() >= 12)
    })?;
    let line = ActionLine::line(*n)?;
    if *n == 7 {
        return Some(format!("C7 {lower}").parse().unwrap_or(line));
    }
    Some(line)
}

/// "C7. ICT applications: … — E-b": the sub-line after the dash does not name a service.
fn cut_service(piece: &str, a: ActionLine) -> bool {
    if a.number() != 7 || a.service().is_some() {
        return false;
    }
    let tail = piece.rsplit(['—', '–']).next().unwrap_or("");
    piece.contains(['—', '–']) && tail.trim().len() < 12 && !tail.trim().is_empty()
}

/// The cut start of a code ("C", "C1" that might have been "C10").
fn looks_cut(piece: &str) -> bool {
    piece.starts_with(['C', 'c']) && piece.len() <= 3
}

/// Whether a line, outside any label, opens a code list item: "C3.", "AL C3",
/// "Goal 4", "SDG 4".
pub(crate) fn opens_code(text: &str) -> bool {
    let t = fold_lookalikes(text.trim());
    let lower = t.to_lowercase();
    let code_start = strip_logo(&t);
    (code_start.starts_with(['C', 'c'])
        && code_start[1..].starts_with(|c: char| c.is_ascii_digit())
        && one_line(code_start, false).is_some())
        || ((lower.starts_with("goal ") || lower.starts_with("sdg")) && t.parse::<Sdg>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, listed: bool, last: bool) -> (Vec<String>, bool) {
        let c = action_lines(s, listed, last);
        (c.lines.iter().map(|a| a.label()).collect(), c.cut)
    }

    fn goals(s: &str, listed: bool) -> Vec<u8> {
        sdgs(s, listed, false)
            .sdgs
            .iter()
            .map(|g| g.number())
            .collect()
    }

    #[test]
    fn action_lines_in_every_spelling() {
        for (s, want) in [
            ("C1. The role of governments and all stakeholders", "C1"),
            ("AL C1 logo C1. The role of governments", "C1"),
            ("С1. The role of public governance authorities", "C1"),
            ("C7", "C7"),
            (
                "C7. ICT applications: benefits in all aspects of life — E-government",
                "C7 E-government",
            ),
            ("AL C3 – Access to information and knowledge", "C3"),
            ("Action Line C5: Building confidence", "C5"),
        ] {
            assert_eq!(lines(s, false, false).0, [want], "{s}");
        }
        assert_eq!(
            lines("C1, C6, C7 E-government", true, false).0,
            ["C1", "C6", "C7 E-government"]
        );
        assert_eq!(lines("C3 & C7", false, false).0, ["C3", "C7"]);
        assert_eq!(
            lines("The role of public governance authorities and all stakeholders in the promotion of ICTs for development", true, false).0,
            ["C1"]
        );
        assert_eq!(lines("Capacity building", true, false).0, ["C4"]);
        assert_eq!(lines("E-health", true, false).0, ["C7 E-health"]);
        assert_eq!(
            lines("Capacity building", false, false).0,
            Vec::<String>::new()
        );
        assert_eq!(
            lines("C3 & C7: Open access to scientific data", false, false).0,
            ["C3", "C7"]
        );
        assert!(led_by_codes("C3 – Access to information and knowledge").is_none());
        assert!(led_by_codes("C7: E-science").is_none());
        assert!(
            led_by_codes("C7. ICT applications: benefits in all aspects of life — E-health")
                .is_none()
        );
        assert_eq!(
            led_by_codes("C9: Community media for small islands").map(|(_, t)| t),
            Some("Community media for small islands")
        );
    }

    #[test]
    fn a_cut_last_item_is_flagged_not_guessed() {
        assert_eq!(
            lines(
                "C7. ICT applications: benefits in all aspects of life — E-b",
                false,
                true
            ),
            (vec![], true)
        );
        assert_eq!(lines("C1", false, true), (vec![], true));
        assert_eq!(lines("C4. Capacity bui", false, true).0, ["C4"]);
        assert!(sdgs("Goal 1", true, true).cut);
        assert_eq!(goals("Goal 17: Revital", true), [17]);
    }

    #[test]
    fn goals_in_every_spelling() {
        assert_eq!(
            goals(
                "Goal 4: Ensure inclusive and equitable quality education",
                false
            ),
            [4]
        );
        assert_eq!(
            goals(
                "SDG 9 – Industry, Innovation and Infrastructure; SDG 17 – Partnerships",
                false
            ),
            [9, 17]
        );
        assert_eq!(goals("SDG 9, SDG 10, SDG 16", false), [9, 10, 16]);
        assert_eq!(goals("1. No Poverty", false), [1]);
        assert_eq!(goals("10. Reduced Inequalities", false), [10]);
        assert_eq!(
            goals("1. Bienvenida y palabras de apertura", false),
            Vec::<u8>::new()
        );
        assert_eq!(
            goals(
                "4.1 By 2030, ensure that all girls and boys complete",
                false
            ),
            [4]
        );
        assert_eq!(goals("4.1, 4.4, 9.c, 17.9", false), [4, 4, 9, 17]);
        assert_eq!(goals("Quality Education", true), [4]);
        assert_eq!(goals("Goal 17:", true), [17]);
        assert_eq!(goals("2024. A year of progress", false), Vec::<u8>::new());
    }
}
