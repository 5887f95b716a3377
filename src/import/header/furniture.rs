//! Page furniture: the lines above, around and below a session that are the
//! site's, not the session's (banners, menus, breadcrumbs, counters, server
//! warnings, mail headers, slogans, form fields), so that none becomes a title.

use super::super::when::{find_day, find_time};

/// Starts of page furniture lines.
#[rustfmt::skip]
pub(super) const FURNITURE: &[&str] = &[
    "image:", "image of", "logo", "posted by", "loading", "sign up", "skip to", "home", "menu", "share",
    "print", "categories", "event report", "table of contents", "disclaimer", "read more",
    "[read more", "back to", "see the full programme", "event calendar", "venue map",
    "welcome to", "arrow_back", "view all", "log in", "login", "search", "subscribe",
    "follow us", "cookie", "privacy", "copyright", "©", "[…]", "[...]", "click here", "download",
    "session at a glance", "knowledge graph", "full session report", "session report",
    "you are here", "go top", "back to top", "top of page", "upload:", "post on", "comparte",
    "partager", "share this", "centro de prensa", "salle de presse", "press centre",
    "press center", "telephone", "tel", "tel.", "phone", "fax", "mobile", "e-mail", "email",
    "for immediate release",
    "hi", "dear", "cheers", "best regards", "kind regards", "thanks", "thank you", "regards",
];

/// "١٤ مايو ٢٠١٢", "12 / 12 / 2003": a short line of numbers (in any script) with at
/// most one word, a date or a counter, never a title.
pub(super) fn mostly_numbers(words: &[&str]) -> bool {
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(char::is_numeric) && !w.chars().any(char::is_alphabetic))
        .count();
    words.len() <= 4 && numbers >= 2 && words.len() - numbers <= 1
}

/// Site and organization banners that stand above a page's title.
#[rustfmt::skip]
pub(super) const SITE_NAMES: &[&str] = &[
    "international telecommunication union", "internet governance forum", "united nations",
    "itu", "igf", "unesco", "digital watch", "dig.watch", "itu news", "itu newsroom", "wsis",
    "world summit on the information society", "itu pressroom", "press release", "news",
    "digital world", "itu digital world", "geneva internet platform", "event report",
    "session page", "agenda", "programme", "program", "event calendar", "united nations educational, scientific and cultural organization",
    // Document types printed above a release's headline.
    "media advisory", "news release", "press briefing note", "communiqué de presse",
    "comunicado de prensa", "nota de prensa", "note to editors",
    // ITU's banner lines, in the languages of its pages.
    "connecting the world and beyond", "girls in ict",
    "committed to connecting the world", "comprometida para conectar al mundo",
    "s'engager pour connecter le monde", "s’engager pour connecter le monde",
];

/// A breadcrumb or a menu: short parts between "›", "»", ">" or "•" ("Nº 4 2013 > WSIS
/// Forum 2013", "Centro de prensa • Comunicado de prensa"), or a counter ("1 views",
/// "0 download").
pub(super) fn is_navigation(t: &str) -> bool {
    // ("Home >> News": a doubled separator is one.)
    let pieces: Vec<&str> = t
        .split(['›', '»', '>', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let crumbs = pieces.len() >= 2
        && t.chars()
            .next()
            .is_some_and(|c| !matches!(c, '>' | '»' | '›' | '•'))
        && pieces.iter().all(|p| p.split_whitespace().count() <= 5);
    // "« All Events", "‹ Back": a link back to a listing.
    let back = t.starts_with(['«', '‹', '←']);
    let words: Vec<&str> = t.split_whitespace().collect();
    let counter = words.len() == 2
        && words[0].chars().all(|c| c.is_ascii_digit() || c == ',')
        && [
            "views",
            "view",
            "download",
            "downloads",
            "comments",
            "likes",
            "shares",
        ]
        .contains(&words[1].to_lowercase().as_str());
    // "Home : Newsroom : Press Releases": crumbs with spaced colons, three or more
    // (two may be a French title, "Dialogue : SMSI +20").
    let colon_crumbs = t.split(" : ").count() >= 3
        && t.split(" : ")
            .all(|p| !p.trim().is_empty() && p.split_whitespace().count() <= 5);
    // "Home|Forum|Community|App|Mail": a site's menu bar, four links or more.
    let menu = t.split('|').count() >= 4
        && t.split('|').all(|p| {
            let p = p.trim();
            !p.is_empty() && p.split_whitespace().count() <= 3 && p.chars().count() <= 30
        });
    crumbs || counter || back || colon_crumbs || menu || is_language_switch(t)
}

/// Language names as pages print them in their language switcher.
const LANGUAGES: &[&str] = &[
    "english",
    "français",
    "francais",
    "español",
    "espanol",
    "русский",
    "العربية",
    "中文",
    "deutsch",
    "português",
    "italiano",
    "简体中文",
];

/// "… Français | Español", "English | Français | العربية": a page's language switcher.
fn is_language_switch(t: &str) -> bool {
    t.split(|c: char| c.is_whitespace() || c == '|' || c == '/')
        .filter(|w| LANGUAGES.contains(&w.to_lowercase().as_str()))
        .count()
        >= 2
}

/// A web server's warnings printed above a page ("Deprecated: … on line 29").
pub(crate) fn is_server_noise(t: &str) -> bool {
    let lower = t.to_lowercase();
    [
        "deprecated:",
        "warning:",
        "notice:",
        "fatal error:",
        "strict standards:",
        "parse error:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (lower.contains(".php") && lower.contains(" on line "))
}

/// An e-mail's header line: "Ana Ruiz ana at example.org", "Tue Jul 1 10:12:01 UTC
/// 2025" (a time with seconds), an address.
pub(super) fn is_mail_header(t: &str) -> bool {
    let lower = t.to_lowercase();
    let seconds = t.split_whitespace().any(|w| {
        w.split(':').count() == 3
            && w.split(':')
                .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
    });
    // "ana@example.org"; a lone "@" ("7 May 2031 @ 9:30 AM") is a calendar's "at".
    let address = t.split_whitespace().any(|w| {
        w.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    }) || (lower.contains(" at ")
        && [".org", ".com", ".net", ".int", ".edu"]
            .iter()
            .any(|d| lower.contains(d)));
    seconds || address
}

/// "ICTs for a Sustainable World #ICT4SDG": a site's slogan carries a hashtag; a
/// session's title does not ("OF #33" is a number, not a tag). A jubilee banner
/// ("ITU's 160 anniversary") is a slogan too.
pub(super) fn is_slogan(t: &str) -> bool {
    // "ITU's 160 anniversary", "Celebrating 20 years of WSIS": a jubilee banner.
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = words.iter().any(|w| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u16>()
            .is_ok()
    });
    let jubilee = words.len() <= 6
        && number
        && (lower.contains("anniversary")
            || lower.contains("aniversario")
            || lower.contains("anniversaire")
            || lower.starts_with("celebrating "));
    // "PTC'22: Reunite. Rethink. Renew.": a motto of several short sentences.
    let motto = words.len() <= 8 && t.trim_end_matches('.').matches(". ").count() >= 2;
    jubilee
        || motto
        || t.split_whitespace().any(|w| {
            w.strip_prefix('#')
                .and_then(|tag| tag.chars().next())
                .is_some_and(char::is_alphabetic)
        })
}

/// Keys of a page's form fields, in the languages of the documents: a line
/// "Key: value" with one of them is a field ("Objectif : …", "Time: 2-3.30pm"),
/// never the title.
#[rustfmt::skip]
const FIELD_KEYS: &[&str] = &[
    "objective", "objectives", "objectif", "objectifs", "objetivo", "objetivos", "aim", "aims",
    "purpose", "goal", "time", "times", "heure", "horaire", "horaires", "hora", "horario",
    "location", "lieu", "lugar", "venue", "registration", "inscription", "inscripción",
    "format", "formato", "language", "languages", "langue", "langues", "idioma", "idiomas",
    "duration", "durée", "duración", "audience", "target audience", "public", "contact",
    "contacts", "email", "e-mail", "cost", "price", "fee", "fees", "tarif", "when", "where",
    "quand", "où", "cuándo", "dónde", "timezone", "time zone", "status",
    "date", "dates", "date and time", "date & time", "fecha", "fechas", "room", "salle", "sala",
];

/// Whether a line is a form field ("Objectif : engager …").
pub(crate) fn is_field_line(t: &str) -> bool {
    t.split_once(':').is_some_and(|(key, value)| {
        // "Duration (minutes): 90": the unit's parenthesis is no part of the key.
        let key = key.split('(').next().unwrap_or(key).trim().to_lowercase();
        !value.trim().is_empty() && FIELD_KEYS.contains(&key.as_str())
    })
}

/// "ISSY les MOULINEAUX - 30 septembre (9h-10h30)", "Geneva – 12 May 2010": a place
/// and a date or time, the dateline of a programme, not a title.
pub(super) fn is_dateline(t: &str) -> bool {
    [" - ", " – ", " — "].iter().any(|sep| {
        t.split_once(sep).is_some_and(|(place, when)| {
            let when_only = find_day(when).is_some() || find_time(when).is_some();
            let place_words = place.split_whitespace().count();
            when_only
                && (1..=3).contains(&place_words)
                && !when.contains(sep)
                && when.split_whitespace().count() <= 6
                && !super::is_generic(place)
        })
    })
}
