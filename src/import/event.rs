//! The event a text names ("WSIS Forum 2016", "IGF2017", "Foro de la CMSI 2026",
//! "2023 Internet Governance Forum", "WTPF-13"), or a WSIS Forum agenda URL's year
//! ("…/net4/wsis/forum/2024/Agenda/Session/116").

/// Event series as texts write them, lower case; the year stands before or after.
#[rustfmt::skip]
const SERIES: &[&str] = &[
    "wsis+20 forum high-level event", "wsis+20 high-level event", "wsis+10 high-level event",
    "wsis forum", "wsis prizes", "world summit on the information society forum",
    "internet governance forum", "igf", "itu telecom world", "itu telecom africa",
    "itu virtual digital world", "itu digital world", "ai for good global summit", "ai for good",
    "world telecommunication/ict policy forum", "wtpf", "foro de la cmsi", "forum du smsi",
    "foro cmsi", "forum smsi", "forum de la cmsi",
    "wtdc", "world telecommunication development conference", "itu kaleidoscope",
    "форум ввуио", "форума ввуио", "форуме ввуио", "信息社会世界峰会论坛", "信息社会世界峰会",
    "wsis 论坛", "wsis论坛",
    "منتدى القمة العالمية لمجتمع المعلومات",
];

/// Lower case where that keeps every byte offset (ASCII, Cyrillic, Greek…): offsets
/// found in the lowered text are offsets of the text.
fn lower_in_place(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) if one.len_utf8() == c.len_utf8() => one,
                _ => c,
            }
        })
        .collect()
}

/// "2024年…", "… لعام 2024": the word that joins a year to the name in Chinese and Arabic.
const YEAR_JOINERS: &[&str] = &["年", "لعام", "عام"];

/// An event named in the text: its name as written and its year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Named {
    /// As written, e.g. "WSIS Forum 2016".
    pub name: String,
    /// The year it names.
    pub year: i16,
}

/// The first event of a known series named with a year in `text`.
pub(crate) fn find(text: &str) -> Option<Named> {
    find_at(text).map(|(_, n)| n)
}

/// [`find`], with the byte offset where the name starts.
fn find_at(text: &str) -> Option<(usize, Named)> {
    let lower = lower_in_place(text);
    let mut best: Option<(usize, Named)> = None;
    for series in SERIES {
        for (at, _) in lower.match_indices(series) {
            if best.as_ref().is_some_and(|(b, _)| *b <= at) {
                break;
            }
            // Whole words only: "igf" in "digfoo" is nothing.
            let before_ok = lower[..at].ends_with('年')
                || lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok {
                continue;
            }
            let end = at + series.len();
            if let Some(n) = with_year(text, at, end) {
                best = Some((n.0, n.1));
                break;
            }
        }
    }
    best
}

/// The event around `text[at..end]` with its year: "WSIS Forum 2016", "IGF2017",
/// "WTPF-13", "2023 Internet Governance Forum", "Forum 2009 du SMSI".
fn with_year(text: &str, at: usize, end: usize) -> Option<(usize, Named)> {
    let after = &text[end..];
    let digits_after = |s: &str| -> Option<(String, usize)> {
        let spaced = |s: &str| s.len() - s.trim_start_matches([' ', '-', '\u{a0}']).len();
        let mut skip = spaced(s);
        if let Some(j) = YEAR_JOINERS.iter().find(|j| s[skip..].starts_with(**j)) {
            skip += j.len();
            skip += spaced(&s[skip..]);
            // (The joiner stands for the spacing the test below allows.)
            if s[skip..].starts_with(|c: char| c.is_ascii_digit()) {
                let d: String = s[skip..].chars().take_while(char::is_ascii_digit).collect();
                return (d.len() == 4).then_some((d, skip));
            }
        }
        let d: String = s[skip..].chars().take_while(char::is_ascii_digit).collect();
        let next = s[skip + d.len()..].chars().next();
        (!d.is_empty() && skip <= 2 && next.is_none_or(|c| !c.is_alphanumeric()))
            .then_some((d, skip))
    };
    if let Some((d, skip)) = digits_after(after) {
        let year = year_of(&d)?;
        let stop = end + skip + d.len();
        return Some((
            at,
            Named {
                name: text[at..stop].trim().to_string(),
                year,
            },
        ));
    }
    // "2023 Internet Governance Forum", "2024年信息社会世界峰会论坛".
    let before = text[..at]
        .strip_suffix('年')
        .unwrap_or(&text[..at])
        .trim_end();
    let d: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    // (Four ASCII digits end `before` only when `d` has four: only then is `start` a
    // character boundary.)
    let start = before.len().saturating_sub(4);
    let boundary = d.len() == 4
        && before[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
    // (On the same line: a year that ends the line above names something else.)
    let same_line = !text[before.len()..at].contains(['\n', '\r']);
    let gap = at - before.len() - usize::from(text[..at].ends_with('年')) * '年'.len_utf8();
    if d.len() == 4 && gap <= 2 && boundary && same_line {
        let d: String = d.chars().rev().collect();
        let year = year_of(&d)?;
        return Some((
            start,
            Named {
                name: text[start..end].trim().to_string(),
                year,
            },
        ));
    }
    None
}

fn year_of(d: &str) -> Option<i16> {
    let n: i16 = d.parse().ok()?;
    match d.len() {
        4 if (1990..=2100).contains(&n) => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

/// "Forum 2009 du SMSI", "Forum 2010 de la CMSI": the French word order.
fn french(text: &str) -> Option<Named> {
    let lower = text.to_ascii_lowercase();
    for (at, _) in lower.match_indices("forum ") {
        let rest = &lower[at + 6..];
        let d: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let tail = &rest[d.len()..];
        if d.len() == 4 && (tail.starts_with(" du smsi") || tail.starts_with(" de la cmsi")) {
            let len = 6 + 4 + if tail.starts_with(" du smsi") { 8 } else { 11 };
            return Some(Named {
                name: text[at..at + len].to_string(),
                year: year_of(&d)?,
            });
        }
    }
    None
}

/// The WSIS Forum of an agenda URL's year: "…/wsis/forum/2024/…".
pub(crate) fn from_url(url: &str) -> Option<Named> {
    let lower = url.to_ascii_lowercase();
    let at = lower.find("/wsis/forum/")? + "/wsis/forum/".len();
    let d: String = lower[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (d.len() == 4)
        .then(|| year_of(&d))
        .flatten()
        .map(|year| Named {
            name: format!("WSIS Forum {year}"),
            year,
        })
}

/// The event of a text: the first named in it or given by a WSIS agenda URL in it
/// (an outcome document names next year's Forum at its end; its URL comes first).
pub(crate) fn of_text(text: &str) -> Option<Named> {
    let named = find_at(text).or_else(|| french(text).map(|n| (0, n)));
    let url = text
        .split_whitespace()
        .filter(|w| w.contains("/wsis/forum/"))
        .find_map(|w| {
            let at = text.find(w)?;
            from_url(w).map(|n| (at, n))
        });
    match (named, url) {
        (Some((a, n)), Some((b, u))) => Some(if b < a { u } else { n }),
        (n, u) => n.or(u).map(|(_, e)| e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<String> {
        of_text(s).map(|n| n.name)
    }

    #[test]
    fn letters_of_several_bytes_before_an_event_name_are_read_safely() {
        // The year-first form looks at the four bytes before the name.
        assert_eq!(find("ፕ WSIS Forum"), None);
        assert_eq!(find("Orboຓ௩గ WSIS Forum"), None);
        assert_eq!(find("ፕ 2019 WSIS Forum").map(|n| n.year), Some(2019));
    }

    #[test]
    fn events_named_in_six_languages() {
        for (text, want) in [
            ("Forum SMSI 2022 : session thématique", "Forum SMSI 2022"),
            ("Foro CMSI 2024, sesión 12", "Foro CMSI 2024"),
            ("Сессия Форума ВВУИО 2023 года", "Форума ВВУИО 2023"),
            (
                "2024年信息社会世界峰会论坛 高级别对话",
                "2024年信息社会世界峰会论坛",
            ),
            (
                "جلسة منتدى القمة العالمية لمجتمع المعلومات لعام 2025",
                "منتدى القمة العالمية لمجتمع المعلومات لعام 2025",
            ),
        ] {
            assert_eq!(name(text).as_deref(), Some(want), "{text}");
        }
        // A year in the prose after a joiner is no event's.
        assert_eq!(name("信息社会世界峰会论坛 年度报告"), None);
    }

    #[test]
    fn events_as_texts_name_them() {
        assert_eq!(
            name("[Read more session reports from the WSIS Forum 2018]").as_deref(),
            Some("WSIS Forum 2018")
        );
        assert_eq!(
            name("Welcome to IGF2017! Create your schedule").as_deref(),
            Some("IGF2017")
        );
        assert_eq!(
            name("NRIs Coordination Session | IGF 2023").as_deref(),
            Some("IGF 2023")
        );
        assert_eq!(
            name("Primera Reunión | Foro de la CMSI 2026").as_deref(),
            Some("Foro de la CMSI 2026")
        );
        assert_eq!(
            name("The 2023 Internet Governance Forum opened").as_deref(),
            Some("2023 Internet Governance Forum")
        );
        // A year that ends the line above is another line's.
        assert_eq!(
            name("Morning Session - February 2012\nInternet Governance Forum").as_deref(),
            None
        );
        assert_eq!(
            name("Le Forum 2009 du SMSI permet").as_deref(),
            Some("Forum 2009 du SMSI")
        );
        assert_eq!(
            name("WTPF-13 strategic dialogue").map(|_| of_text("WTPF-13 x").map(|n| n.year)),
            Some(Some(2013))
        );
        assert_eq!(
            name("the WSIS+20 High-Level Event 2025 will take place").as_deref(),
            Some("WSIS+20 High-Level Event 2025")
        );
        assert_eq!(
            name("see https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/116").as_deref(),
            Some("WSIS Forum 2024")
        );
        assert_eq!(
            name("the World Summit on the Information Society (WSIS)"),
            None
        );
        assert_eq!(name("digfoo 2020"), None);
    }
}
