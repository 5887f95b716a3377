//! Persistent identifiers of people: ORCID iDs and Wikidata items, checked when
//! `data/speakers.yaml` is read so that a mistyped one is an error, not a dead link.

use std::fmt;

/// An ORCID iD, checksum verified (ISO 7064 MOD 11-2), in its canonical form
/// `0000-0002-1825-0097`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Orcid(String);

/// Why an ORCID iD was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrcidError {
    /// Not 16 digits (the last may be `X`) in four groups of four.
    Shape,
    /// The check digit (the 16th character) is not the one the first 15 give.
    Checksum {
        /// What is written.
        written: char,
        /// What the first 15 digits give.
        expected: char,
    },
}

impl fmt::Display for OrcidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrcidError::Shape => f.write_str(
                "is not an ORCID iD: it should be 16 digits in four groups (the last may be X)",
            ),
            OrcidError::Checksum { written, expected } => write!(
                f,
                "has the check digit {written} (its last character), but its first 15 digits \
                 give {expected}: a digit is mistyped"
            ),
        }
    }
}

impl Orcid {
    /// Reads `0000-0002-1825-0097`, also written as `https://orcid.org/…` or without
    /// hyphens.
    pub fn parse(written: &str) -> Result<Orcid, OrcidError> {
        let s = written.trim();
        let s = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(s);
        let chars: Vec<char> = s.chars().filter(|&c| c != '-').collect();
        let grouped = s.len() == 19 && s.char_indices().all(|(i, c)| (i % 5 == 4) == (c == '-'));
        // Hyphens, when written, are the three between groups of four.
        if chars.len() != 16 || (s.contains('-') && !grouped) {
            return Err(OrcidError::Shape);
        }
        let (body, check) = chars.split_at(15);
        let digits: Option<Vec<u32>> = body.iter().map(|c| c.to_digit(10)).collect();
        let digits = digits.ok_or(OrcidError::Shape)?;
        let written_check = check[0].to_ascii_uppercase();
        if !(written_check.is_ascii_digit() || written_check == 'X') {
            return Err(OrcidError::Shape);
        }
        let expected = check_digit(&digits);
        if written_check != expected {
            return Err(OrcidError::Checksum {
                written: written_check,
                expected,
            });
        }
        let mut canonical = String::with_capacity(19);
        for (i, c) in body.iter().chain([&written_check]).enumerate() {
            if i > 0 && i % 4 == 0 {
                canonical.push('-');
            }
            canonical.push(*c);
        }
        Ok(Orcid(canonical))
    }

    /// `0000-0002-1825-0097`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `https://orcid.org/0000-0002-1825-0097`, the form ORCID asks sites to show.
    pub fn url(&self) -> String {
        format!("https://orcid.org/{}", self.0)
    }
}

/// The ISO 7064 MOD 11-2 check character of 15 digits.
fn check_digit(digits: &[u32]) -> char {
    let total = digits.iter().fold(0, |t, d| (t + d) * 2);
    match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('X'),
    }
}

/// A Wikidata item id, `Q42`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Wikidata(String);

impl Wikidata {
    /// Reads `Q42`, also written as `https://www.wikidata.org/wiki/Q42`; `None` for
    /// anything else.
    pub fn parse(written: &str) -> Option<Wikidata> {
        let s = written.trim();
        let s = [
            "https://www.wikidata.org/wiki/",
            "http://www.wikidata.org/wiki/",
        ]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
        let n = s.strip_prefix('Q').or_else(|| s.strip_prefix('q'))?;
        let number = !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit());
        (number && n.len() <= 12).then(|| Wikidata(format!("Q{n}")))
    }

    /// `Q42`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `https://www.wikidata.org/wiki/Q42`.
    pub fn url(&self) -> String {
        format!("https://www.wikidata.org/wiki/{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_ids_are_checked_and_made_canonical() {
        // ORCID's own examples: one ends in a digit, one in X.
        let a = Orcid::parse("0000-0002-1825-0097").map(|o| o.0);
        assert_eq!(a.as_deref(), Ok("0000-0002-1825-0097"));
        let b = Orcid::parse("https://orcid.org/0000-0002-1694-233x").map(|o| o.0);
        assert_eq!(b.as_deref(), Ok("0000-0002-1694-233X"));
        let c = Orcid::parse("0000000218250097").map(|o| o.url());
        assert_eq!(c.as_deref(), Ok("https://orcid.org/0000-0002-1825-0097"));
    }

    #[test]
    fn a_mistyped_orcid_digit_is_caught_by_the_checksum() {
        assert_eq!(
            Orcid::parse("0000-0002-1825-0098"),
            Err(OrcidError::Checksum {
                written: '8',
                expected: '7'
            })
        );
        // Two digits swapped.
        assert!(matches!(
            Orcid::parse("0000-0002-8125-0097"),
            Err(OrcidError::Checksum { .. })
        ));
        for bad in [
            "",
            "0000-0002-1825",
            "0000-0002-1825-00977",
            "000-00002-1825-0097",
            "0000-000A-1825-0097",
            "0000-0002-1825-009Y",
        ] {
            assert_eq!(Orcid::parse(bad), Err(OrcidError::Shape), "{bad}");
        }
    }

    #[test]
    fn wikidata_ids_are_q_numbers() {
        assert_eq!(
            Wikidata::parse("Q42").map(|w| w.url()).as_deref(),
            Some("https://www.wikidata.org/wiki/Q42")
        );
        assert_eq!(
            Wikidata::parse("https://www.wikidata.org/wiki/Q7186")
                .map(|w| w.0)
                .as_deref(),
            Some("Q7186")
        );
        for bad in ["", "Q", "Q042", "P31", "Q4x2", "42"] {
            assert_eq!(Wikidata::parse(bad), None, "{bad}");
        }
    }
}
