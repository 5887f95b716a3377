//! A session's title and date among the lines no label claimed: the first line
//! that reads as a title (not page furniture, a generic session type, an event
//! name, a date, a greeting or a sentence), cleaned of rooms, times, workshop
//! numbers and a trailing " | Event"; and the date of a date line (one with a
//! time first), never a deadline's or a posting's.

mod clean;
mod dates;
mod furniture;

use super::event;
use super::when::{find_day, find_time, is_when_line};
pub(crate) use clean::clean;
pub(crate) use dates::{date, dateline_recurs, reports_today};
use furniture::{
    FURNITURE, SITE_NAMES, is_dateline, is_mail_header, is_navigation, is_slogan, mostly_numbers,
};
pub(crate) use furniture::{is_field_line, is_server_noise};

/// A line the reader did not claim, with its position.
#[derive(Clone, Debug)]
pub(crate) struct Free {
    /// Index in the session's lines.
    pub index: usize,
    /// The text.
    pub text: String,
    /// Blank lines before it.
    pub gap: usize,
}

/// Words of generic session-type headings ("High Level Plenary Session").
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "high", "level", "high-level", "plenary", "session", "sessions", "orientation", "focus",
    "interactive", "thematic", "workshop", "opening", "ceremony", "closing", "official",
    "segment", "forum", "panel", "keynote", "roundtable", "round", "table", "dialogue",
    "meeting", "event", "lightning", "talk", "open", "day", "main", "side", "pre-event",
    "information", "country", "knowledge", "exchange", "hackathon", "policy", "ministerial",
    "special", "track", "launch", "award", "networking", "town", "dynamic", "coalition",
    "best", "practice", "parliamentary", "track", "facilitation", "action", "line", "the",
    "of", "and", "&", "a", "leaders", "talkx", "daily", "highlights", "programme", "program",
    "agenda", "summary", "report", "event", "calendar", "wsis", "igf", "itu", "details",
];

/// Whether a line can be the session's title.
pub(crate) fn is_title(text: &str) -> bool {
    title_shape(text, false)
}

/// Whether a line reads as a title; `generic_ok`: a bare session type ("Official
/// opening segment") counts too.
fn title_shape(text: &str, generic_ok: bool) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    // Chinese and Japanese write no spaces: two ideographs are about a word.
    let ideographs = t.chars().filter(|&c| super::clean::is_ideograph(c)).count();
    let size = words.len().max(ideographs / 2);
    if !(2..=30).contains(&size)
        || t.ends_with('。')
        || t.contains("http")
        || t.contains("[clear filter]")
        || lower.contains("session outcome document")
        || is_mail_header(t)
        || is_server_noise(t)
        || is_slogan(t)
        || is_field_line(t)
        || is_dateline(t)
        || SITE_NAMES.contains(&lower.trim_end_matches(['.', ':']))
    {
        return false;
    }
    if is_navigation(t)
        || FURNITURE.iter().any(|f| {
            lower == *f
                || lower.starts_with(&format!("{f} "))
                || lower.starts_with(&format!("{f}:"))
                || lower.starts_with(&format!("{f},"))
        })
        || lower.starts_with(['[', '|'])
        || mostly_numbers(&words)
        || t.contains('!')
        || is_when_line(t)
        || crate::model::parse_name(t).honorific.is_some()
    {
        return false;
    }
    // "Session 251", "Sesión 104", "Reunión 1", "WSIS Forum 2015": numbered page
    // furniture or an event name; "Main Session 3" (a qualifier and a small number) is
    // a session's name.
    let numbered = words.len() <= 3
        && words.last().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit() || c == '#')
                && (words.len() <= 2 || w.contains('#') || w.len() >= 3)
        });
    // "1 Document", "3 Comments", "12 Photos": a page's count of attachments.
    let counted = words.len() == 2 && words[0].chars().all(|c| c.is_ascii_digit());
    // (A heading has no full stop; seven words and one make a sentence in any language:
    // "Председатель конференции Ана Лима утвердил повестку дня.")
    let stopped = t.ends_with('.') && !t.ends_with("..") && words.len() >= 7;
    let sentence = stopped || words.len() > 12 && (t.ends_with('.') || t.contains(". "));
    // "This will be a moderated session with representatives of …": the verbs and
    // pronouns of a sentence; a title in sentence case ("Official opening segment –
    // opening ceremony") has none.
    // A title may hold one such word ("What will it take for rivers to be measured",
    // "Our data, our rivers"): a sentence opens with one or holds several.
    let sentence_word = |w: &&&str| {
        [
            "will", "is", "are", "was", "were", "be", "has", "have", "can", "should", "would",
            "this", "these", "we", "our", "you", "your", "they", "it", "its",
        ]
        .contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
    };
    let opens_sentence = words.first().is_some_and(|w| {
        ["this", "these", "we", "you", "they", "it", "there"].contains(&w.to_lowercase().as_str())
    });
    // (A line that breaks off after a small word is a wrapped sentence's first line.)
    let broken_off = words.last().is_some_and(|w| {
        [
            "the", "of", "to", "and", "a", "an", "in", "for", "with", "on", "by", "that",
        ]
        .contains(&w.to_lowercase().as_str())
    });
    let verbs = words.iter().filter(sentence_word).count();
    // "“What are regulators doing to ensure networks are ready?”": a panel's question.
    let question =
        t.ends_with('?') || (t.starts_with(['"', '“']) && t.trim_end().ends_with(['"', '”']));
    // "Why You Should Probably Care": a heading in title case capitalises what a
    // sentence would not.
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let title_case = long.len() >= 4
        && long
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count()
            * 5
            >= long.len() * 4;
    let wordy = words.len() >= 8
        && !t.contains(':')
        && !question
        && !title_case
        && (opens_sentence || verbs >= 2 || (verbs == 1 && broken_off));
    // "This event has passed.": a notice, not a heading.
    let notice = t.ends_with('.')
        && words.iter().any(|w| {
            [
                "has", "have", "is", "are", "was", "were", "will", "this", "you",
            ]
            .contains(&w.to_lowercase().as_str())
        });
    let venue = is_room(t.split(',').next().unwrap_or(t));
    // "某某大学新闻研究所": an institution's name alone is a site's banner.
    let institution = !t.contains(' ')
        && crate::import::person::cjk_ends(t, crate::import::words::CJK_ORG_ENDINGS);
    let first_lower = t.starts_with(|c: char| c.is_lowercase());
    !numbered
        && !counted
        && !names_an_event(&words)
        && !sentence
        && !notice
        && !wordy
        && !venue
        && !institution
        && !first_lower
        && !t.ends_with([',', ';'])
        && (generic_ok || !is_generic(t))
        && !is_highlights_header(t)
}

/// "Lakeside Digital Week 2031", "Global Rivers Summit 2031": an event's name and
/// year alone, the banner of its pages (known or not), not a session's title.
fn names_an_event(words: &[&str]) -> bool {
    const EVENT_NOUNS: &[&str] = &[
        "forum",
        "summit",
        "week",
        "world",
        "conference",
        "congress",
        "festival",
        "expo",
        "assembly",
        "symposium",
        "convention",
        "days",
    ];
    let year = words.last().is_some_and(|w| {
        w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1990..=2039).contains(&y))
    });
    year && (2..=5).contains(&words.len())
        && !words.iter().any(|w| w.ends_with(':'))
        && words
            .iter()
            .any(|w| EVENT_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// A heading naming only a session type and maybe its event ("High Level Plenary
/// Session", "WSIS Forum 2012 Workshop", "Focus Session").
pub(crate) fn is_generic(text: &str) -> bool {
    let mut t = text.to_string();
    if let Some(e) = event::find(&t) {
        // "WSIS Forum 2016 Official Opening Ceremony": an event has one of these, so with
        // the event's name it is that session's title.
        let lower = t.to_lowercase();
        if ["opening", "closing", "inaugura", "ceremony", "prize"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return false;
        }
        t = t.replace(&e.name, " ");
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '(' | ')' | '/' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().all(|w| {
        GENERIC.contains(&w.as_str())
            || w.chars()
                .all(|c| c.is_ascii_digit() || c == '#' || c == '+')
            || is_roman(w)
    })
}

/// "i" … "xii": a session's number in Roman numerals ("High-Level Leaders Session I").
fn is_roman(w: &str) -> bool {
    [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ]
    .contains(&w)
}

/// A title the running text states under a generic heading: quoted ('on the theme
/// “From words to deeds”') or not ("This first session of the track, titled Open
/// Data for All, will focus on …"), up to the clause's end.
pub(crate) fn prose_title(free: &[Free]) -> Option<String> {
    if let Some(q) = quoted_title(free) {
        return Some(q);
    }
    let cues = [" titled ", " entitled ", " under the title "];
    free.iter().find_map(|f| {
        let lower = f.text.to_lowercase();
        cues.iter().find_map(|c| {
            let at = lower.find(c)? + c.len();
            let rest = f.text.get(at..)?;
            // The clause ends at a stop, or at a comma before a small word (", will
            // focus"); a comma inside the title ("Universal, Affordable & …") does not.
            let stop = rest.find([';', '.', '(', ':']).unwrap_or(rest.len());
            let comma = rest
                .match_indices(", ")
                .find_map(|(k, _)| rest[k + 2..].starts_with(char::is_lowercase).then_some(k));
            let end = comma.map_or(stop, |c| c.min(stop));
            let t = rest[..end].trim();
            let words = t.split_whitespace().count();
            (t.starts_with(char::is_uppercase) && (2..=15).contains(&words)).then(|| t.to_string())
        })
    })
}

/// "2020 Daily Highlights Day 3", "2021 Highlights October": the article header.
pub(crate) fn is_highlights_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("highlights")
        && text.split_whitespace().count() <= 6
        && text.chars().any(|c| c.is_ascii_digit())
}

/// The day number of a highlights header ("… Day 3").
pub(crate) fn highlights_day(text: &str) -> Option<i8> {
    if !is_highlights_header(text) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[0].eq_ignore_ascii_case("day"))
        .and_then(|w| w[1].parse::<i8>().ok())
        .filter(|d| (1..=31).contains(d))
}

/// A title quoted in a sentence that names it: 'The session is confirmed as "Shaping
/// the review"', 'a workshop entitled “Data for all”'.
pub(crate) fn quoted_title(free: &[Free]) -> Option<String> {
    let cues = [
        "confirmed as ",
        "on the theme ",
        "titled ",
        "entitled ",
        "called ",
        "named ",
        "title is ",
        "title will be ",
    ];
    free.iter().find_map(|f| {
        let lower = f.text.to_ascii_lowercase();
        let session = [
            "session",
            "workshop",
            "panel",
            "event",
            "forum",
            "title",
            "round table",
            "meeting",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if !session {
            return None;
        }
        cues.iter().find_map(|c| {
            let at = lower.find(c)? + c.len();
            let rest = f.text.get(at..)?.trim_start();
            let close = match rest.chars().next()? {
                '"' => '"',
                '“' => '”',
                '«' => '»',
                _ => return None,
            };
            let inner = &rest[rest.chars().next()?.len_utf8()..];
            let end = inner.find(close)?;
            let t = inner[..end].trim();
            (t.split_whitespace().count() >= 2).then(|| t.to_string())
        })
    })
}

/// Whether the text holds an e-mail's headers (an address, "… wrote:").
pub(crate) fn is_mail(free: &[Free]) -> bool {
    free.iter()
        .any(|f| is_mail_header(&f.text) || f.text.trim_end().ends_with("wrote:"))
}

/// The title among `free` lines before line `before`: the first that reads as one,
/// joined with the next when it breaks off ("… Forum Session focus on" / "WSIS
/// Commitments: …"), then cleaned.
pub(crate) fn title(free: &[Free], before: usize) -> Option<String> {
    // A heading just above its date line ("Moderated Sessions: Concluding Session" /
    // "Tuesday 3 May 2016, Room 1"), when a document site's labels come first.
    let dated = |k: usize| {
        free.get(k + 1).is_some_and(|n| {
            n.index <= free[k].index + 2
                && find_day(&n.text).is_some()
                && (is_when_line(&n.text) || n.text.split_whitespace().count() <= 8)
        })
    };
    // A hard-wrapped sentence's next line ("… according to the UN" / "International
    // Telecommunications Union (ITU), the host …") continues it: no heading.
    let continues = |k: usize| {
        k > 0 && {
            let (prev, this) = (&free[k - 1], &free[k]);
            this.gap == 0
                && prev.index + 1 == this.index
                && prev.text.split_whitespace().count() >= 8
                && !prev
                    .text
                    .trim_end()
                    .ends_with(['.', ':', '!', '?', '"', '”', ';'])
        }
    };
    // The line as cleaned reads as a title, and as written is no dateline ("ISSY -
    // 30 septembre" cleans to a bare place).
    // A line that opens with a time and holds a date is the session's when line, with
    // its room and services run on ("09:00–13:00, Tuesday, 13 June 2017 Room 1, CICG
    // Captioning …"), however much text follows.
    let when_first = |k: usize| {
        let t = free[k].text.trim_start();
        t.starts_with(|c: char| c.is_ascii_digit())
            && find_day(t).is_some()
            && find_time(t).is_some()
    };
    let titled = |k: usize| {
        !is_dateline(&free[k].text)
            && !is_navigation(&free[k].text)
            && !when_first(k)
            && is_title(&clean(&free[k].text))
    };
    // A heading the page prints twice (its title and its first heading, around a
    // byline) is the title, not the banner above it.
    // Not a caption printed under its picture's own text (the next line again).
    let twice = (0..free.len().min(12)).find(|&k| {
        free[k].index < before
            && titled(k)
            && free[k].text.split_whitespace().count() >= 3
            && free[k + 1..]
                .iter()
                .take(12)
                .any(|o| clean(&o.text) == clean(&free[k].text) && o.index > free[k].index + 1)
    });
    let caption = |k: usize| {
        (free.get(k + 1)).is_some_and(|n| n.index == free[k].index + 1 && n.text == free[k].text)
            || (k > 0 && free[k - 1].index + 1 == free[k].index && free[k - 1].text == free[k].text)
    };
    let titled = |k: usize| titled(k) && !caption(k);
    // A heading stands above the running text: a line after the first paragraph of
    // 28 words or more is the body's, never the title (a cut last sentence least).
    let body = free
        .iter()
        .find(|f| f.text.split_whitespace().count() >= 28)
        .map_or(usize::MAX, |f| f.index);
    let above_body = |k: usize| free[k].index < before.min(body);
    let generic = |k: usize| {
        !is_dateline(&free[k].text) && title_shape(&clean(&free[k].text), true) && !continues(k)
    };
    // A press release's or advisory's headline comes after its genre line ("Press
    // Release" / "For immediate release" / contacts), never above it.
    let genre = (0..free.len().min(15))
        .rev()
        .find(|&k| free[k].index < before && is_genre(&free[k].text));
    let after_genre = genre.and_then(|g| {
        // (Contacts under the genre line, "Telephone: …", are no content yet.)
        (g + 1..free.len()).find(|&k| free[k].index < body && titled(k) && !continues(k))
    });
    // An advisory's session is the briefing it announces, headed just below the
    // headline ("Press Conference – …").
    let briefing = after_genre.and_then(|h| {
        (h + 1..free.len().min(h + 4))
            .find(|&k| free[k].index < body && is_briefing(&free[k].text) && titled(k))
    });
    let k = briefing
        .or(after_genre)
        .or(twice)
        .or_else(|| (0..free.len()).find(|&k| above_body(k) && titled(k) && !continues(k)))
        // Only a session type above the body ("IGF 2022 High-Level Leaders Session I"):
        // the heading, not a line of the body.
        .or_else(|| (0..free.len()).find(|&k| above_body(k) && generic(k)))
        // An e-mail's or a page's introduction may come first.
        .or_else(|| (0..free.len()).find(|&k| free[k].index < before && titled(k) && !continues(k)))
        .or_else(|| (0..free.len()).find(|&k| free[k].index >= before && titled(k) && dated(k)))
        // Nothing but a session type above the content ("Official opening segment",
        // "Ministerial round table"): that is the session's title.
        .or_else(|| {
            (0..free.len()).find(|&k| {
                free[k].index < before
                    && !is_dateline(&free[k].text)
                    && title_shape(&clean(&free[k].text), true)
                    && !continues(k)
            })
        })?;
    let mut t = free[k].text.trim().to_string();
    let open_end = t.ends_with(':')
        || t.rsplit(' ').next().is_some_and(|w| {
            [
                "on", "of", "for", "and", "the", "in", "to", "with", "&", "–", "-",
            ]
            .contains(&w)
        });
    if let Some(next) = free
        .get(k + 1)
        .filter(|n| open_end && n.index == free[k].index + 1 && n.gap <= 2)
    {
        if next.text.split_whitespace().count() <= 20 && !is_when_line(&next.text) {
            t = format!("{t} {}", next.text.trim());
        }
    }
    Some(clean(&t)).filter(|t| !t.is_empty())
}

/// Lines that say what kind of text a press office sends, above its headline.
const GENRES: &[&str] = &[
    "press release",
    "news release",
    "media advisory",
    "for immediate release",
    "communiqué de presse",
    "avis aux médias",
    "comunicado de prensa",
    "nota de prensa",
    "aviso a los medios",
    "пресс-релиз",
    "сообщение для прессы",
    "بيان صحفي",
    "مذكرة إعلامية",
    "新闻稿",
    "媒体公告",
];

/// Whether a line is only a press office's genre line ("Press Release", "媒体公告").
/// "Press Conference – WSIS Forum 2018", "Conférence de presse : …": the heading of
/// a briefing for the press.
fn is_briefing(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    [
        "press conference",
        "press briefing",
        "media briefing",
        "conférence de presse",
        "point de presse",
        "conferencia de prensa",
        "rueda de prensa",
        "пресс-конференция",
        "брифинг",
        "مؤتمر صحفي",
        "新闻发布会",
        "记者会",
    ]
    .iter()
    .any(|b| t.starts_with(b))
}

fn is_genre(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.']).to_lowercase();
    GENRES.contains(&t.as_str())
}

/// A venue line or part ("Room 2, Level 0", "Popov Room", "Salle 3").
pub(crate) fn is_room(p: &str) -> bool {
    let lower = p.to_lowercase();
    // "Capacity Building Programme", "Peace Building": a topic, not a venue.
    if lower.contains("capacity building") || lower.contains("peace building") {
        return false;
    }
    p.split_whitespace().count() <= 5
        && [
            "room",
            "hall",
            "salle",
            "sala",
            "auditorium",
            "stage",
            "building",
            "saal",
        ]
        .iter()
        .any(|r| lower.split_whitespace().any(|w| w == *r))
}

#[cfg(test)]
mod tests;
