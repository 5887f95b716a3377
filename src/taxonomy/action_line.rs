//! The WSIS Action Lines C1–C11, with C7 "ICT applications" split into its
//! eight e-services: a real two-level hierarchy, not a list of strings.

use std::fmt;
use std::str::FromStr;

/// One of C7's eight sub-lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EService {
    /// C7 E-government.
    Government,
    /// C7 E-business.
    Business,
    /// C7 E-learning.
    Learning,
    /// C7 E-health.
    Health,
    /// C7 E-employment.
    Employment,
    /// C7 E-environment.
    Environment,
    /// C7 E-agriculture.
    Agriculture,
    /// C7 E-science.
    Science,
}

impl EService {
    /// All eight, in the official order.
    pub const ALL: [EService; 8] = [
        EService::Government,
        EService::Business,
        EService::Learning,
        EService::Health,
        EService::Employment,
        EService::Environment,
        EService::Agriculture,
        EService::Science,
    ];

    /// The word after "E-", lower case: "health".
    pub fn keyword(self) -> &'static str {
        match self {
            EService::Government => "government",
            EService::Business => "business",
            EService::Learning => "learning",
            EService::Health => "health",
            EService::Employment => "employment",
            EService::Environment => "environment",
            EService::Agriculture => "agriculture",
            EService::Science => "science",
        }
    }

    /// Display name: "E-health".
    pub fn name(self) -> &'static str {
        match self {
            EService::Government => "E-government",
            EService::Business => "E-business",
            EService::Learning => "E-learning",
            EService::Health => "E-health",
            EService::Employment => "E-employment",
            EService::Environment => "E-environment",
            EService::Agriculture => "E-agriculture",
            EService::Science => "E-science",
        }
    }
}

/// A WSIS Action Line: C1..C11, where C7 may name one of its e-services.
///
/// `ActionLine::line(7)` is C7 as a whole (the parent of the eight sub-lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionLine {
    number: u8,
    service: Option<EService>,
}

const TITLES: [&str; 11] = [
    "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
    "Information and communication infrastructure",
    "Access to information and knowledge",
    "Capacity building",
    "Building confidence and security in the use of ICTs",
    "Enabling environment",
    "ICT applications: benefits in all aspects of life",
    "Cultural diversity and identity, linguistic diversity and local content",
    "Media",
    "Ethical dimensions of the Information Society",
    "International and regional cooperation",
];

impl ActionLine {
    /// Action line C`n` as a whole, for n in 1..=11.
    pub fn line(n: u8) -> Option<ActionLine> {
        (1..=11).contains(&n).then_some(ActionLine {
            number: n,
            service: None,
        })
    }

    /// The C7 sub-line for `service`.
    pub fn c7(service: EService) -> ActionLine {
        ActionLine {
            number: 7,
            service: Some(service),
        }
    }

    /// Every action line in official order: C1..C6, C7, its eight sub-lines, C8..C11.
    pub fn all() -> impl Iterator<Item = ActionLine> {
        (1..=11u8).flat_map(|n| {
            let whole = ActionLine::line(n).into_iter();
            let subs = EService::ALL
                .into_iter()
                .filter(move |_| n == 7)
                .map(ActionLine::c7);
            whole.chain(subs)
        })
    }

    /// The line's number, 1..=11.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The C7 e-service, when this is a C7 sub-line.
    pub fn service(self) -> Option<EService> {
        self.service
    }

    /// "C7" for every C7 sub-line too.
    pub fn code(self) -> String {
        format!("C{}", self.number)
    }

    /// Short label: "C4", "C7 E-health".
    pub fn label(self) -> String {
        match self.service {
            Some(s) => format!("C7 {}", s.name()),
            None => self.code(),
        }
    }

    /// URL slug: "c4", "c7-e-health".
    pub fn slug(self) -> String {
        match self.service {
            Some(s) => format!("c7-e-{}", s.keyword()),
            None => format!("c{}", self.number),
        }
    }

    /// Official title: "Capacity building", "ICT applications: benefits in all aspects of life — E-health".
    pub fn title(self) -> String {
        let base = TITLES[usize::from(self.number - 1)];
        match self.service {
            Some(s) => format!("{base} — {}", s.name()),
            None => base.to_string(),
        }
    }

    /// C7 for a C7 sub-line; `None` otherwise.
    pub fn parent(self) -> Option<ActionLine> {
        self.service.and(ActionLine::line(7))
    }

    /// The eight sub-lines of C7; empty for every other line.
    pub fn children(self) -> Vec<ActionLine> {
        if self.number == 7 && self.service.is_none() {
            EService::ALL.into_iter().map(ActionLine::c7).collect()
        } else {
            Vec::new()
        }
    }
}

impl fmt::Display for ActionLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Why a value is not a WSIS Action Line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidActionLine(String);

impl fmt::Display for InvalidActionLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a WSIS Action Line{}write C1 to C11, with C7 as \"C7 E-government\", \
             \"C7 E-business\", \"C7 E-learning\", \"C7 E-health\", \"C7 E-employment\", \
             \"C7 E-environment\", \"C7 E-agriculture\" or \"C7 E-science\"",
            self.0,
            crate::diag::HELP_SEPARATOR
        )
    }
}

impl std::error::Error for InvalidActionLine {}

/// Lower-cases and folds Cyrillic and Greek look-alikes of Latin letters,
/// which arrive in text pasted from PDFs ("С7" with a Cyrillic Es).
fn fold(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            'С' | 'с' => 'c',
            'Е' | 'е' | 'Ε' | 'ε' => 'e',
            '–' | '—' | '‐' | '‑' | '−' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the e-service named in `text` ("e-health", "E health", "eHealth").
fn find_service(text: &str) -> Option<EService> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    EService::ALL.into_iter().find(|s| {
        let kw = s.keyword();
        words.windows(2).any(|w| w[0] == "e" && w[1] == kw)
            || words.iter().any(|w| w.strip_prefix('e') == Some(kw))
    })
}

impl FromStr for ActionLine {
    type Err = InvalidActionLine;

    /// Accepts "C4", "c4", "C 4", "C4. Capacity building", "C7 E-health", "C7: e-Health",
    /// "C7. ICT applications: benefits in all aspects of life — E-health", "c7-e-health",
    /// and a bare e-service ("E-health").
    fn from_str(input: &str) -> Result<ActionLine, InvalidActionLine> {
        let err = || InvalidActionLine(input.to_string());
        let s = fold(input);
        let Some(rest) = s.strip_prefix('c') else {
            return find_service(&s)
                .filter(|_| s.split_whitespace().count() <= 2)
                .map(ActionLine::c7)
                .ok_or_else(err);
        };
        let rest = rest.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        if digits.is_empty() || after.chars().next().is_some_and(char::is_alphanumeric) {
            return Err(err());
        }
        let line = digits
            .parse::<u8>()
            .ok()
            .and_then(ActionLine::line)
            .ok_or_else(err)?;
        if line.number != 7 {
            return Ok(line);
        }
        Ok(find_service(after).map_or(line, ActionLine::c7))
    }
}

impl<'de> serde::Deserialize<'de> for ActionLine {
    /// Parsed while deserializing, so a bad value is reported at its own line and column.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ActionLine, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for ActionLine {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<String, InvalidActionLine> {
        s.parse::<ActionLine>().map(ActionLine::slug)
    }

    #[test]
    fn every_documented_spelling_parses() {
        for (input, slug) in [
            ("C1", "c1"),
            ("c2", "c2"),
            ("C 4", "c4"),
            ("C4.", "c4"),
            ("C11", "c11"),
            (
                "C1. The role of governments and all stakeholders in the promotion of ICTs for development",
                "c1",
            ),
            ("C7", "c7"),
            ("C7 E-health", "c7-e-health"),
            ("C7: e-Health", "c7-e-health"),
            ("C7 - E-government", "c7-e-government"),
            (
                "C7. ICT applications: benefits in all aspects of life — E-health",
                "c7-e-health",
            ),
            (
                "C7. ICT applications: benefits in all aspects of life – E-agriculture",
                "c7-e-agriculture",
            ),
            ("c7-e-health", "c7-e-health"),
            ("C7 eLearning", "c7-e-learning"),
            ("E-science", "c7-e-science"),
            ("С7 E-health", "c7-e-health"),
            ("C7 Е-environment", "c7-e-environment"),
        ] {
            assert_eq!(parse(input).as_deref(), Ok(slug), "{input}");
        }
    }

    #[test]
    fn anything_else_is_rejected() {
        for input in [
            "C0",
            "C12",
            "C",
            "7",
            "c1x",
            "Health",
            "",
            "Capacity building",
            "C99999999999",
        ] {
            assert!(parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn c7_is_the_parent_of_eight_sub_lines() {
        let c7 = ActionLine::line(7).expect("C7 exists");
        assert_eq!(c7.children().len(), 8);
        for child in c7.children() {
            assert_eq!(child.parent(), Some(c7));
            assert_eq!(child.code(), "C7");
        }
        assert_eq!(ActionLine::line(4).and_then(ActionLine::parent), None);
        assert_eq!(ActionLine::all().count(), 19);
        assert_eq!(
            ActionLine::all()
                .filter(|a| a.children().is_empty())
                .count(),
            18
        );
    }

    #[test]
    fn slugs_round_trip_and_titles_are_official() {
        for a in ActionLine::all() {
            assert_eq!(a.slug().parse::<ActionLine>(), Ok(a));
            assert_eq!(a.label().parse::<ActionLine>(), Ok(a));
        }
        assert_eq!(
            ActionLine::c7(EService::Health).title(),
            "ICT applications: benefits in all aspects of life — E-health"
        );
    }
}
