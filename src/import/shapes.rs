//! What an unlabelled line is by its own shape: running text, a person block
//! that stands without a label, the start of a list of goals or action lines, a
//! transcript's speaker turn (">> NAME:"), an e-mail's quoted line, a sentence
//! that lists speakers ("The speakers include: …").

use super::codes;
use super::entries::Block;
use super::lines::Line;
use super::person::is_role;

/// Whether a line is running text: a sentence of some length.
pub(crate) fn is_prose(text: &str) -> bool {
    // Chinese writes no spaces: a sentence is its full stop.
    if super::prose::is_chinese(text) {
        return text.contains('。') && text.chars().count() >= 15;
    }
    let words = text.split_whitespace().count();
    if words >= 28 {
        return true;
    }
    if words < 10 {
        return false;
    }
    let ends = text.trim_end().ends_with(['.', '!', '?', '”', '"']);
    let breaks = sentence_break(text);
    let verb = text.split_whitespace().any(|w| {
        super::words::SPEECH_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic()))
    });
    // "For Mr. X, Role, Org, Country, enforcement remains the weak point.": a
    // sentence ending, and the small words of a sentence.
    let small = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    breaks || (ends && verb) || (ends && words >= 18) || (ends && small >= 4)
}

/// Whether the text's last line, cut off by whoever stored it, was a sentence: many
/// words, many of them small, and no full stop because the end is missing.
pub(crate) fn is_cut_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let small = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    words >= 15 && small >= 6
}

/// Abbreviations that end in a full stop inside a phrase.
const ABBREVIATIONS: &[&str] = &[
    "univ", "dept", "inst", "corp", "intl", "assoc", "govt", "prof", "mrs", "ltd", "inc", "vol",
    "approx", "gen", "col", "capt", "sen", "rep", "amb", "hon", "eng", "engr", "etc",
];

/// Whether a text has a sentence end inside: ". " before a capital, after a word
/// that is not an abbreviation or an initial.
pub(crate) fn sentence_break(text: &str) -> bool {
    text.match_indices(". ").any(|(k, _)| {
        let before = text[..k].rsplit(' ').next().unwrap_or("");
        let letters = before.chars().filter(|c| c.is_alphabetic()).count();
        let next_capital = text[k + 2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"');
        letters >= 3
            && next_capital
            && before.chars().last().is_some_and(char::is_lowercase)
            && !ABBREVIATIONS.contains(&before.to_lowercase().as_str())
    })
}

/// Whether an unlabelled block is a person: an honorific, a role in the
/// descriptor, or the layout of a speaker list (name twice, one field per line).
pub(crate) fn unlabelled_ok(b: &Block, line: &Line) -> bool {
    let p = &b.entry.person;
    let role = p.role.as_deref().is_some_and(is_role);
    let short = line.text.split_whitespace().count() <= 8;
    if b.entry.has_honorific() {
        return b.entry.is_described() || b.laid_out || line.is_item() || short;
    }
    role || (b.laid_out && p.organization.is_some())
        || (b.entry.part.is_some() && b.entry.is_described())
}

/// Whether a list of goals or action lines starts at line `i` without a label:
/// Some(true) for goals, Some(false) for action lines.
pub(crate) fn code_list_start(lines: &[Line], i: usize) -> Option<bool> {
    let text = &lines[i].text;
    let next = lines.get(i + 1).map(|l| l.text.as_str()).unwrap_or("");
    if text.chars().count() > 200 {
        return None;
    }
    if codes::opens_code(text) {
        let lower = super::clean::fold_lookalikes(text).to_lowercase();
        let sdg = lower.starts_with("goal") || lower.starts_with("sdg");
        return Some(sdg);
    }
    // "1. No Poverty" / "8. Decent Work …", "4.1 By 2030 …" / "4.4 …": two in a row.
    let goals = |t: &str| !codes::sdgs(t, false, false).sdgs.is_empty();
    (goals(text) && goals(next)).then_some(true)
}

/// Speaker labels of transcripts that name a part, not a person.
const TURN_ROLES: &[&str] = &[
    "moderator",
    "chair",
    "chairman",
    "chairperson",
    "speaker",
    "audience",
    "participant",
    "interpreter",
    "floor",
    "voice",
    "captioner",
    "host",
    "facilitator",
    "presenter",
];

/// The speaker of a transcript's turn: ">> MERVI KULTAMAA: Thank you" -> "MERVI
/// KULTAMAA". `None` for a part ("MODERATOR", "AUDIENCE MEMBER") or no turn. In a
/// text known to be a transcript (`transcript`), a turn may lack the ">>": "BEN
/// AKOH:  Thank you" (a name in capitals, then what was said).
pub(crate) fn transcript_speaker(text: &str, transcript: bool) -> Option<&str> {
    let start = text.trim_start();
    let (rest, marked) = match start.strip_prefix(">>") {
        Some(r) => (r.trim_start(), true),
        None if transcript => (start, false),
        None => return None,
    };
    let colon = rest.find(':')?;
    let who = rest[..colon].trim();
    let words = who.split_whitespace().count();
    let part = who
        .to_lowercase()
        .split_whitespace()
        .any(|w| TURN_ROLES.contains(&w));
    // Unmarked: every word in capitals (letters, hyphens, apostrophes, full stops),
    // and the turn goes on after the colon.
    let capitals = who.split_whitespace().all(|w| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’' | '.'))
    }) && rest[colon + 1..].trim().chars().count() >= 2;
    // "Chengetai Masango:  Good morning": older captioning writes the name as a name.
    let named = transcript
        && words <= 3
        && who
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && rest[colon + 1..].split_whitespace().count() >= 3;
    ((2..=5).contains(&words) && !part && (marked || ((capitals || named) && words <= 4)))
        .then_some(who)
}

/// Whether a transcript's turn is the chair's, named by role (">> CHAIRMAN:",
/// ">> MODERATOR:"): who introduces themselves in it runs the session.
pub(crate) fn is_chair_turn(text: &str) -> bool {
    let start = text.trim_start();
    // Older captioning writes "CHAIR:" without the arrows, in capitals.
    let unmarked = |r: &str| {
        r.split_once(':')
            .is_some_and(|(who, _)| !who.chars().any(char::is_lowercase))
    };
    start
        .strip_prefix(">>")
        .or_else(|| unmarked(start).then_some(start))
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(who, _)| {
            let who = who.trim().to_lowercase();
            [
                "moderator",
                "chair",
                "chairman",
                "chairperson",
                "chairwoman",
                "facilitator",
            ]
            .contains(&who.as_str())
        })
}

/// Whether a line says the text is a transcript: a captioning notice ("The
/// following are the outputs of the real-time captioning …") or a heading that
/// calls it one.
pub(crate) fn is_transcript_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("outputs of the captioning")
        || lower.contains("outputs of the real-time captioning")
        || lower.contains("output of the real-time captioning")
        || lower.trim() == "full session transcript"
        || lower.contains("(standing by for audio")
}

/// Whether a line quotes an earlier e-mail ("> On 20 June, … wrote:").
pub(crate) fn is_quote(text: &str) -> bool {
    text.starts_with('>') && !text.starts_with(">>")
}

/// The list after a sentence's cue: "The speakers include: Minister of X, Ghana,
/// Mrs. A; Director, B, Prof. C" -> "Minister of X, Ghana, Mrs. A; Director, …".
pub(crate) fn listed_after_cue(text: &str) -> Option<&str> {
    listed_after_cue_any(text).map(sentence_end)
}

/// The list up to the end of its sentence: "…; and Sam Okoro, CEO of Portcom. Their
/// contributions were followed by …" -> "…; and Sam Okoro, CEO of Portcom".
fn sentence_end(list: &str) -> &str {
    let end = list.match_indices(". ").find_map(|(k, _)| {
        let word = list[..k].rsplit(' ').next().unwrap_or("");
        // An initial's or an honorific's full stop ("A. B. Chen", "Dr. Lima") goes on.
        let short = word.chars().filter(|c| c.is_alphabetic()).count() <= 2
            || super::names::is_honorific(&format!("{word}."));
        let next = list[k + 2..].split_whitespace().next().unwrap_or("");
        let sentence_word = next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().skip(1).all(char::is_lowercase)
            && !super::names::is_honorific(next);
        (!short && sentence_word && list[k + 2..].split_whitespace().count() >= 3).then_some(k)
    });
    end.map_or(list, |k| &list[..k])
}

fn listed_after_cue_any(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let nouns = [
        "speakers",
        "panellists",
        "panelists",
        "participants",
        "panel",
        "guests",
        "line-up",
    ];
    let verbs = [
        " include:",
        " included:",
        " including:",
        " will include:",
        " includes:",
        " are:",
        " were:",
        ":",
        " include ",
        " included ",
        " including ",
        " are ",
        " were ",
        " will be ",
        " will include ",
    ];
    // "También realizaron intervenciones el Dr. A, …; el Sr. B, …": a cue that is a
    // whole phrase, the list right after it.
    for cue in [
        "realizaron intervenciones ",
        "intervinieron ",
        "tomaron la palabra ",
        "ont pris la parole ",
        "sont intervenus ",
        "sont également intervenus ",
    ] {
        if let Some(at) = lower.find(cue) {
            let rest = text.get(at + cue.len()..)?.trim();
            if rest.matches(';').count() >= 1 {
                return Some(rest.trim_end_matches('.'));
            }
        }
    }
    for n in nouns {
        for (at, _) in lower.match_indices(n) {
            let after = &lower[at + n.len()..];
            let start = match verbs.iter().find(|v| after.starts_with(*v)) {
                Some(v) => at + n.len() + v.len(),
                // "Other speakers at the segment, which will take place on …, will
                // include A, …": an "include" verb later in the same sentence.
                None => match included_later(after) {
                    Some(k) => at + n.len() + k,
                    None => continue,
                },
            };
            let rest = text.get(start..)?.trim();
            // A list, not a sentence: several entries split by semicolons, or a run of
            // commas (the caller keeps it only when it splits into several people).
            if rest.matches(';').count() >= 1 || rest.matches(',').count() >= 3 {
                return Some(rest.trim_end_matches('.'));
            }
        }
    }
    None
}

/// Where the list starts after " will include " / " include " found within the
/// sentence that `after` continues (at most a short clause away, no full stop).
fn included_later(after: &str) -> Option<usize> {
    let window = after.get(..after.len().min(200)).unwrap_or(after);
    let stop = window.find(". ").unwrap_or(window.len());
    [" will include ", " include ", " included "]
        .iter()
        .filter_map(|v| window[..stop].find(v).map(|k| k + v.len()))
        .min()
}
