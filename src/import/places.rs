//! Countries and cities in a person's descriptor: "…, Ministry of ICT, Kenya",
//! "Senior Adviser to the Minister of Bangladesh", "Ghana’s Minister of …",
//! "Israel Tech Policy Institute", "Mission Dominican Republic, Geneva". Never
//! from adjectives ("Brazilian") or regions ("Africa", "WEOG"): only a country's
//! own name (or a spelling of it) counts, and only inside the descriptor.

use crate::taxonomy::{Country, CountryAliases, Language};

/// Spellings seen in descriptors that the country table does not list (it holds
/// the forms data files use); each maps to an ISO alpha-2 code.
#[rustfmt::skip]
const DESCRIPTOR_SPELLINGS: &[(&str, &str)] = &[
    ("FYR of Macedonia", "MK"), ("FYR Macedonia", "MK"), ("Korea", "KR"), ("Brasil", "BR"),
    ("México", "MX"), ("Perú", "PE"), ("España", "ES"), ("Suisse", "CH"), ("Suiza", "CH"),
    ("Schweiz", "CH"), ("Deutschland", "DE"), ("Allemagne", "DE"), ("Alemania", "DE"),
    ("Italia", "IT"), ("Maroc", "MA"), ("Marruecos", "MA"), ("Sénégal", "SN"),
    ("Tunisie", "TN"), ("Algérie", "DZ"), ("Cameroun", "CM"), ("Côte d'Ivoire", "CI"),
    ("Royaume-Uni", "GB"), ("Reino Unido", "GB"), ("Estados Unidos", "US"),
    ("États-Unis", "US"), ("Japón", "JP"), ("Japon", "JP"), ("Chine", "CN"),
    ("Inde", "IN"), ("Türkiye", "TR"), ("Turquía", "TR"), ("Turquie", "TR"),
    ("Great Britain", "GB"), ("Britain", "GB"), ("U.S.", "US"), ("U.S.A.", "US"),
    ("U.K.", "GB"), ("Kingdom of Saudi Arabia", "SA"), ("KSA", "SA"),
    ("Emiratos Árabes Unidos", "AE"), ("Émirats arabes unis", "AE"), ("Arabia Saudita", "SA"),
    ("Arabie saoudite", "SA"), ("Federación de Rusia", "RU"), ("Fédération de Russie", "RU"),
    ("Sudáfrica", "ZA"), ("Afrique du Sud", "ZA"), ("Brésil", "BR"), ("Egipto", "EG"),
    ("Égypte", "EG"), ("Suecia", "SE"), ("Suède", "SE"), ("Noruega", "NO"), ("Norvège", "NO"),
];

/// Cities that follow an organization in descriptors ("ITU, Geneva"): a place,
/// not part of the organization. A trailing city of another name is recognised
/// by its position (see [`is_place_part`]).
#[rustfmt::skip]
const CITIES: &[&str] = &[
    "geneva", "genève", "ginebra", "paris", "london", "new york", "new york city", "washington",
    "washington dc", "washington d.c.", "brussels", "bruxelles", "vienna", "rome", "nairobi",
    "addis ababa", "bangkok", "tokyo", "beijing", "jakarta", "dhaka", "new delhi", "delhi",
    "cairo", "dubai", "abu dhabi", "riyadh", "doha", "kigali", "lagos", "abuja", "accra",
    "dakar", "tunis", "rabat", "santiago", "lima", "bogotá", "bogota", "mexico city",
    "são paulo", "sao paulo", "rio de janeiro", "buenos aires", "madrid", "barcelona",
    "berlin", "bonn", "budapest", "warsaw", "prague", "stockholm", "oslo", "copenhagen",
    "helsinki", "tallinn", "riga", "vilnius", "moscow", "istanbul", "ankara", "tehran",
    "kabul", "islamabad", "kathmandu", "colombo", "manila", "seoul", "kuala lumpur",
    "sydney", "canberra", "wellington", "ottawa", "toronto", "montreal", "san francisco",
    "boston", "the hague", "amsterdam", "lausanne", "zurich", "bern", "kampala", "kinshasa",
    "johannesburg", "pretoria", "cape town", "harare", "lusaka", "dar es salaam", "maputo",
    "kyoto", "hanoi", "ho chi minh city", "phnom penh", "ulaanbaatar", "tashkent", "almaty",
    "astana", "baku", "tbilisi", "yerevan", "minsk", "kyiv", "bucharest", "sofia", "belgrade",
    "zagreb", "ljubljana", "bratislava", "athens", "lisbon", "dublin", "edinburgh",
    "reston", "reston va", "arlington", "palo alto", "silicon valley", "menlo park",
    "cambridge", "oxford", "montevideo", "quito", "caracas", "panama city", "san josé",
    "kingston", "port of spain", "suva", "apia", "port moresby",
];

/// The country `text` names, if it is nothing but a country: by the site's aliases,
/// the country table and [`DESCRIPTOR_SPELLINGS`]. Short capital codes ("IT", "CAN")
/// are acronyms of organizations far more often than countries in this text, so only
/// USA, UK, UAE and US count; "United Arab Emirates (UAE)" keeps its acronym.
pub(crate) fn country(text: &str, aliases: &CountryAliases) -> Option<Country> {
    let t = text
        .trim()
        .trim_end_matches(['.', ';', ':', ','])
        .trim_start_matches("and ")
        .trim_start_matches("the ")
        .trim();
    if t.is_empty() || t.chars().count() > 60 || !t.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "CoNGO", "ViaSat": a word in mixed case is an acronym or a brand, not a country.
    let mixed = t.split_whitespace().any(|w| {
        let cs: Vec<char> = w.chars().collect();
        cs.windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    });
    if mixed {
        return None;
    }
    if t.len() <= 3 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        return ["USA", "UK", "UAE", "US", "KSA"]
            .contains(&t)
            .then(|| extra(t, aliases).or_else(|| aliases.lookup(t)))
            .flatten();
    }
    if let Some(c) = aliases.lookup(t) {
        return Some(c);
    }
    if let Some(c) = extra(t, aliases) {
        return Some(c);
    }
    // "Kingdom of Saudi Arabia", "Government of Japan": a formal prefix the table may not list.
    for prefix in [
        "Government of ",
        "Kingdom of ",
        "Republic of ",
        "State of ",
        "Federal Republic of ",
        "Sultanate of ",
        "Principality of ",
        "Commonwealth of ",
        "Permanent Mission of ",
        "Mission of ",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            if let Some(c) = country(rest, aliases) {
                return Some(c);
            }
        }
    }
    // "Viet Nam (Socialist Republic of)": the UN's inverted long form; "… (UAE)".
    let (head, tail) = t.split_once('(')?;
    let inner = tail.trim_end().strip_suffix(')')?.trim();
    let head = head.trim();
    aliases
        .lookup(&format!("{inner} {head}"))
        .or_else(|| aliases.lookup(head))
}

fn extra(t: &str, aliases: &CountryAliases) -> Option<Country> {
    let folded = t.to_lowercase();
    DESCRIPTOR_SPELLINGS
        .iter()
        .find(|(s, _)| s.to_lowercase() == folded)
        .and_then(|(_, code)| Country::from_code(code))
        .or_else(|| {
            // The site's aliases may spell it too.
            aliases.lookup(t)
        })
}

/// The country at the start of run-on text ("Viet Nam then formally closed …").
pub(crate) fn country_prefix(text: &str, aliases: &CountryAliases) -> Option<Country> {
    let ws: Vec<&str> = text.split_whitespace().take(8).collect();
    (1..=ws.len())
        .rev()
        .find_map(|n| country(&ws[..n].join(" "), aliases))
}

/// Where in a descriptor a country was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// A part of its own ("…, Kenya", "(Kenya)").
    Part,
    /// Inside a role or organization phrase ("Minister of Bangladesh", "Ghana’s
    /// Minister", "Israel Tech Policy Institute", "Government of Japan"): worth a look.
    Inside,
}

/// The first country named inside `phrase`, as whole words: not after "to"
/// ("Ambassador of Latvia to France" is Latvia's ambassador), possessives allowed.
pub(crate) fn country_inside(phrase: &str, aliases: &CountryAliases) -> Option<Country> {
    let words: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let clean = |w: &str| {
        let w =
            w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '"' | '“' | '”'));
        w.strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w)
            .to_string()
    };
    let cleaned: Vec<String> = words.iter().map(|w| clean(w)).collect();
    if let Some(c) = russian_state(&cleaned) {
        return Some(c);
    }
    let mut i = 0;
    while i < cleaned.len() {
        let after_to = i > 0 && cleaned[i - 1].eq_ignore_ascii_case("to");
        // Longest match first: "Dominican Republic" before "Dominica".
        let found = (1..=6.min(cleaned.len() - i)).rev().find_map(|n| {
            let cand = cleaned[i..i + n].join(" ");
            // A phrase is only a country if it starts with a capital and the next word is not
            // glued to it by a hyphen ("Guinea-Bissau" is matched whole).
            (!cand.is_empty() && cand.chars().next().is_some_and(char::is_uppercase))
                .then(|| country(&cand, aliases).map(|c| (c, n)))
                .flatten()
        });
        match found {
            Some((c, _)) if !after_to => return Some(c),
            Some((_, n)) => i += n,
            None => i += 1,
        }
    }
    None
}

/// "Азербайджанской Республики", "Российской Федерации": a state's official Russian
/// name, an adjective of its short name before "Republic" or "Federation" (in any
/// case); the adjective alone ("российский эксперт") names no country.
fn russian_state(words: &[String]) -> Option<Country> {
    let state = |w: &str| {
        [
            "Республика",
            "Республики",
            "Республикой",
            "Республике",
            "Федерация",
            "Федерации",
        ]
        .contains(&w)
    };
    words.windows(2).find_map(|pair| {
        let adjective = pair[0].as_str();
        if !state(&pair[1]) || !adjective.starts_with(char::is_uppercase) {
            return None;
        }
        Country::all().find(|c| {
            let name = c.name_in(Language::Russian);
            let stem = name.trim_end_matches(['а', 'я', 'ь', 'й', 'и']);
            !name.contains(' ') && stem.chars().count() >= 4 && adjective.starts_with(stem)
        })
    })
}

/// Whether `word` names a city of [`CITIES`].
pub(crate) fn is_city(word: &str) -> bool {
    CITIES.contains(&word.trim().to_lowercase().as_str())
}

/// Whether a descriptor part is a place rather than a role or an organization:
/// a known city, or a short proper noun right before a country ("Reston VA").
pub(crate) fn is_place_part(part: &str, before_country: bool) -> bool {
    let lower = part.trim().trim_end_matches('.').to_lowercase();
    if CITIES.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    before_country
        && (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !super::person::is_role_word(&w.to_lowercase())
                && !super::words::ORG_WORDS.contains(&w.to_lowercase().as_str())
                && !super::person::is_acronym(w)
        })
        && !lower.contains(" of ")
}

/// Finds the person's country in descriptor `parts` and removes it when it is a
/// part of its own (a trailing country, or one glued after a parenthesis); a
/// country inside a phrase stays where it is.
pub(crate) fn take_country(
    parts: &mut Vec<String>,
    aliases: &CountryAliases,
) -> Option<(Country, Source)> {
    // A country part anywhere ("Name, Kenya, Director"), the last one first. A formal
    // name ("Permanent Mission of Japan", "Government of Kenya") is the organization too.
    if let Some(k) = parts.iter().rposition(|p| country(p, aliases).is_some()) {
        let c = country(&parts[k], aliases)?;
        let formal = ["Government of ", "Permanent Mission of ", "Mission of "]
            .iter()
            .any(|f| parts[k].trim().starts_with(f));
        if formal {
            return Some((c, Source::Inside));
        }
        parts.remove(k);
        // A city just before the trailing country is a place, not the organization:
        // a known city, or a short name after an organization ("Stakeholder Forum, Reston VA").
        if k == parts.len() && k >= 2 {
            let after_org = k >= 3 && super::person::is_org(&parts[k - 2]);
            if is_place_part(&parts[k - 1], after_org) {
                parts.remove(k - 1);
            }
        }
        return Some((c, Source::Part));
    }
    let last = parts.last()?.clone();
    // "Digital Services Division (Chile)": a country in parentheses at the end.
    if let Some(open) = last.rfind(" (").filter(|_| last.ends_with(')')) {
        if let Some(c) = country(&last[open + 2..last.len() - 1], aliases) {
            if let Some(p) = parts.last_mut() {
                p.truncate(open);
            }
            return Some((c, Source::Part));
        }
    }
    // "(INCM)Mozambique": a country glued after a parenthesis.
    if let Some(i) = last.rfind(')') {
        if let Some(c) = country(&last[i + 1..], aliases) {
            if let Some(p) = parts.last_mut() {
                p.truncate(i + 1);
            }
            return Some((c, Source::Part));
        }
    }
    // "… Authority of Egypt", "Ambassador Permanent Representative, Mission Dominican Republic".
    let joined = parts.join(", ");
    country_inside(&joined, aliases).map(|c| (c, Source::Inside))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(s: &str) -> Option<&'static str> {
        country_inside(s, &CountryAliases::new()).map(Country::iso2)
    }

    #[test]
    fn a_states_official_russian_name_in_any_case() {
        assert_eq!(
            inside("Министр связи Азербайджанской Республики"),
            Some("AZ")
        );
        assert_eq!(
            inside("заместитель министра Российской Федерации"),
            Some("RU")
        );
        assert_eq!(inside("российский эксперт по связи"), None);
        assert_eq!(inside("Российской академии наук"), None);
    }

    #[test]
    fn countries_inside_descriptors() {
        assert_eq!(
            inside("Ambassador of Latvia to France and UNESCO"),
            Some("LV")
        );
        assert_eq!(
            inside("Senior Adviser to the Minister of Bangladesh"),
            Some("BD")
        );
        assert_eq!(
            inside("Managing Director of Israel Tech Policy Institute"),
            Some("IL")
        );
        assert_eq!(inside("Ghana’s Minister of Communications"), Some("GH"));
        assert_eq!(inside("Mission Dominican Republic"), Some("DO"));
        assert_eq!(inside("Country Director Indonesia"), Some("ID"));
        assert_eq!(inside("Comitê Gestor da Internet no Brasil"), Some("BR"));
        assert_eq!(inside("Brazilian Ministry of Communications"), None);
        assert_eq!(inside("UN Economic Commission for Africa"), None);
        assert_eq!(inside("Ambassador to France"), None);
        assert_eq!(inside("Ministry of Information, Namib"), None);
        // A mixed-case acronym is no country, the same word spelled as a name is.
        assert_eq!(inside("Vice-Chair of the NGO conference (CoNGO)"), None);
        assert_eq!(inside("Ministry of Posts, Congo"), Some("CG"));
        assert_eq!(
            inside("Organismo Regulador de las Telecomunicaciones e Emiratos Árabes Unidos"),
            Some("AE")
        );
    }

    #[test]
    fn a_trailing_country_and_the_city_before_it_leave_the_organization() {
        let mut parts: Vec<String> = ["Senior Policy Adviser", "Stakeholder Forum", "London", "UK"]
            .map(String::from)
            .to_vec();
        let found = take_country(&mut parts, &CountryAliases::new());
        assert_eq!(
            found.map(|(c, f)| (c.iso2(), f)),
            Some(("GB", Source::Part))
        );
        assert_eq!(parts, ["Senior Policy Adviser", "Stakeholder Forum"]);
        assert_eq!(
            country("United Arab Emirates (UAE)", &CountryAliases::new()).map(Country::iso2),
            Some("AE")
        );
        assert_eq!(
            country("FYR of Macedonia", &CountryAliases::new()).map(Country::iso2),
            Some("MK")
        );
        assert!(is_place_part("Geneva", false));
        assert!(!is_place_part("Cisco", false));
    }
}
