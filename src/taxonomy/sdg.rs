//! The 17 UN Sustainable Development Goals: number, short name, official
//! title and official colour, and the one parser for every spelling editors use.

use std::fmt;
use std::str::FromStr;

/// One of the 17 Sustainable Development Goals (always 1..=17).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sdg(u8);

/// (short name, official title, official colour) for goals 1..=17, from the UN SDG guidelines.
const GOALS: [(&str, &str, &str); 17] = [
    (
        "No Poverty",
        "End poverty in all its forms everywhere",
        "#E5243B",
    ),
    (
        "Zero Hunger",
        "End hunger, achieve food security and improved nutrition and promote sustainable agriculture",
        "#DDA63A",
    ),
    (
        "Good Health and Well-being",
        "Ensure healthy lives and promote well-being for all at all ages",
        "#4C9F38",
    ),
    (
        "Quality Education",
        "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all",
        "#C5192D",
    ),
    (
        "Gender Equality",
        "Achieve gender equality and empower all women and girls",
        "#FF3A21",
    ),
    (
        "Clean Water and Sanitation",
        "Ensure availability and sustainable management of water and sanitation for all",
        "#26BDE2",
    ),
    (
        "Affordable and Clean Energy",
        "Ensure access to affordable, reliable, sustainable and modern energy for all",
        "#FCC30B",
    ),
    (
        "Decent Work and Economic Growth",
        "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all",
        "#A21942",
    ),
    (
        "Industry, Innovation and Infrastructure",
        "Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation",
        "#FD6925",
    ),
    (
        "Reduced Inequalities",
        "Reduce inequality within and among countries",
        "#DD1367",
    ),
    (
        "Sustainable Cities and Communities",
        "Make cities and human settlements inclusive, safe, resilient and sustainable",
        "#FD9D24",
    ),
    (
        "Responsible Consumption and Production",
        "Ensure sustainable consumption and production patterns",
        "#BF8B2E",
    ),
    (
        "Climate Action",
        "Take urgent action to combat climate change and its impacts",
        "#3F7E44",
    ),
    (
        "Life Below Water",
        "Conserve and sustainably use the oceans, seas and marine resources for sustainable development",
        "#0A97D9",
    ),
    (
        "Life on Land",
        "Protect, restore and sustainably use terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss",
        "#56C02B",
    ),
    (
        "Peace, Justice and Strong Institutions",
        "Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels",
        "#00689D",
    ),
    (
        "Partnerships for the Goals",
        "Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development",
        "#19486A",
    ),
];

impl Sdg {
    /// Goal `n`, when `n` is 1..=17.
    pub fn new(n: u8) -> Option<Sdg> {
        (1..=17).contains(&n).then_some(Sdg(n))
    }

    /// All 17 goals in order.
    pub fn all() -> impl Iterator<Item = Sdg> {
        (1..=17).map(Sdg)
    }

    /// The goal's number, 1..=17.
    pub fn number(self) -> u8 {
        self.0
    }

    fn entry(self) -> &'static (&'static str, &'static str, &'static str) {
        &GOALS[usize::from(self.0 - 1)]
    }

    /// Short name, e.g. "Quality Education".
    pub fn short_name(self) -> &'static str {
        self.entry().0
    }

    /// Official title, e.g. "Ensure inclusive and equitable quality education …".
    pub fn title(self) -> &'static str {
        self.entry().1
    }

    /// Official colour as `#RRGGBB`.
    pub fn colour(self) -> &'static str {
        self.entry().2
    }

    /// Whether text on the goal's colour must be dark: white reaches the WCAG AA
    /// ratio of 4.5:1 only on the deeper colours (goals 1, 4, 8, 10, 13, 16, 17).
    pub fn text_is_dark(self) -> bool {
        contrast_with_white(self.colour()) < 4.5
    }
}

/// WCAG 2 contrast ratio of white text on a `#RRGGBB` colour.
fn contrast_with_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
            / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (luminance + 0.05)
}

impl fmt::Display for Sdg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SDG {}", self.0)
    }
}

/// Why a value is not an SDG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSdg(String);

impl fmt::Display for InvalidSdg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a Sustainable Development Goal{}goals are numbered 1 to 17: \
             write 4, \"SDG 4\" or \"Goal 4: …\"",
            self.0,
            crate::diag::HELP_SEPARATOR
        )
    }
}

impl std::error::Error for InvalidSdg {}

/// The words that may stand before a goal's number, in lower case, in the six
/// UN languages: English "SDG"/"Goal", French "ODD"/"Objectif", Spanish
/// "ODS"/"Objetivo", Russian "ЦУР"/"Цель", Arabic "الهدف"/"هدف", Chinese
/// "目标"/"目標" (and the full names of the goals where they precede the number).
/// A longer prefix comes before any prefix of it, since the first match is taken.
const PREFIXES: [&str; 17] = [
    "sdg",
    "goal",
    "objectif de développement durable",
    "objectif",
    "odd",
    "objetivo de desarrollo sostenible",
    "objetivo",
    "ods",
    "цель устойчивого развития",
    "цель",
    "цур",
    "الهدف",
    "هدف",
    "可持续发展目标",
    "可持續發展目標",
    "目标",
    "目標",
];

/// The number's digits in ASCII: Arabic-Indic ("٤"), Persian ("۴") and
/// full-width ("４") digits are read as the digits they are.
fn ascii_digit(c: char) -> Option<char> {
    let offset = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        '\u{FF10}'..='\u{FF19}' => u32::from(c) - 0xFF10,
        _ => return None,
    };
    char::from_digit(offset, 10)
}

impl FromStr for Sdg {
    type Err = InvalidSdg;

    /// Accepts "4", "SDG 4", "SDG4", "sdg-4", "Goal 4", "Goal 4: Ensure inclusive …",
    /// "Goal 4 - Quality Education" and the goal's short name ("Quality Education"),
    /// and the number after the word for "goal" or "SDG" in the six UN languages:
    /// "Objectif 4", "ODD n° 4", "ODS 4", "Objetivo 4", "Цель 4", "ЦУР 4",
    /// "الهدف 4", "目标4", "目標 4：…".
    fn from_str(input: &str) -> Result<Sdg, InvalidSdg> {
        let err = || InvalidSdg(input.to_string());
        let s = input.trim();
        let lower = s.to_lowercase();
        // Separators may follow a prefix ("SDG-4", "Goal #4", "ODD n° 4"), never
        // stand alone ("-1").
        let rest = match PREFIXES.iter().find_map(|p| lower.strip_prefix(p)) {
            Some(r) => {
                let r = r.trim_start_matches([' ', '-', '_', '#', '.']);
                let r = ["n°", "nº"]
                    .iter()
                    .find_map(|n| r.strip_prefix(n))
                    .unwrap_or(r);
                r.trim_start()
            }
            None => lower.as_str(),
        };
        let digits: String = rest.chars().map_while(ascii_digit).collect();
        if digits.is_empty() {
            return Sdg::all()
                .find(|g| g.short_name().eq_ignore_ascii_case(s))
                .ok_or_else(err);
        }
        // After the number comes the end, a space ("Goal 4 Quality Education") or a
        // separator and a space ("Goal 4: …", "4. Quality"); never more of a number
        // ("4.5", "1.7e1", "4_0") or letters ("4x").
        let digits_len: usize = rest
            .chars()
            .take_while(|&c| ascii_digit(c).is_some())
            .map(char::len_utf8)
            .sum();
        let after = &rest[digits_len..];
        let mut chars = after.chars();
        let ends_well = match chars.next() {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(':' | '.' | '-' | '–' | '—' | ')') => {
                chars.next().is_none_or(char::is_whitespace)
            }
            // Chinese punctuation takes no space after it: "目标4：优质教育".
            Some('：' | '。' | '、' | '）') => true,
            Some(_) => false,
        };
        if !ends_well {
            return Err(err());
        }
        digits.parse::<u8>().ok().and_then(Sdg::new).ok_or_else(err)
    }
}

impl TryFrom<String> for Sdg {
    type Error = InvalidSdg;
    fn try_from(s: String) -> Result<Sdg, InvalidSdg> {
        s.parse()
    }
}

impl<'de> serde::Deserialize<'de> for Sdg {
    /// Parsed while deserializing, so a bad value is reported at its own line and column.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Sdg, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Sdg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_spelling_parses() {
        for (input, n) in [
            ("4", 4),
            (" 17 ", 17),
            ("SDG 4", 4),
            ("SDG4", 4),
            ("sdg-4", 4),
            ("SDG #4", 4),
            ("Goal 4", 4),
            (
                "Goal 4: Ensure inclusive and equitable quality education",
                4,
            ),
            ("Goal 16 - Peace", 16),
            ("4. Quality Education", 4),
            ("Goal 4 Quality Education", 4),
            ("Goal 4.", 4),
            ("Quality Education", 4),
            ("climate action", 13),
        ] {
            assert_eq!(input.parse::<Sdg>().map(Sdg::number), Ok(n), "{input}");
        }
    }

    #[test]
    fn the_number_is_accepted_after_the_words_of_the_six_un_languages() {
        for (input, n) in [
            ("Objectif 4", 4),
            (
                "objectif 4 : Assurer l’accès de tous à une éducation de qualité",
                4,
            ),
            ("ODD 4", 4),
            ("ODD n° 4", 4),
            ("ODD nº4", 4),
            ("Objectif de développement durable 13", 13),
            ("ODS 4", 4),
            ("Objetivo 4", 4),
            ("Objetivo de Desarrollo Sostenible 17", 17),
            ("Цель 4", 4),
            ("ЦУР 4", 4),
            ("цур-16", 16),
            ("Цель устойчивого развития 5", 5),
            ("الهدف 4", 4),
            ("هدف 4", 4),
            ("الهدف ٤", 4),
            ("الهدف ۱۶", 16),
            ("目标4", 4),
            ("目標 4", 4),
            ("目标４", 4),
            ("目标4：优质教育", 4),
            ("可持续发展目标 9", 9),
        ] {
            assert_eq!(input.parse::<Sdg>().map(Sdg::number), Ok(n), "{input}");
        }
        for input in [
            "Objectif",
            "ODD 18",
            "Цель 0",
            "الهدف",
            "目标4x",
            "Objetivo 4.1",
            "ODS-",
        ] {
            assert!(input.parse::<Sdg>().is_err(), "{input}");
        }
    }

    #[test]
    fn goals_outside_one_to_seventeen_are_rejected() {
        for input in [
            "0",
            "18",
            "SDG 0",
            "Goal 18: x",
            "four",
            "",
            "4x",
            "SDG",
            "-1",
            "999999999999",
            // Numbers that are not goals: a target, a float, an exponent, a grouped number.
            "4.5",
            "9.99",
            "1.7e1",
            "4_0",
            "4,5",
            "0x4",
            "SDG 4.1",
        ] {
            assert!(input.parse::<Sdg>().is_err(), "{input}");
        }
    }

    #[test]
    fn every_goal_has_title_and_colour() {
        assert_eq!(Sdg::all().count(), 17);
        for g in Sdg::all() {
            assert!(!g.title().is_empty());
            assert!(g.colour().starts_with('#') && g.colour().len() == 7);
            assert_eq!(g.short_name().parse::<Sdg>(), Ok(g));
        }
        assert_eq!(Sdg::new(5).map(Sdg::colour), Some("#FF3A21"));
    }

    #[test]
    fn dark_text_is_used_wherever_white_fails_wcag_aa() {
        let dark: Vec<u8> = Sdg::all()
            .filter(|g| g.text_is_dark())
            .map(Sdg::number)
            .collect();
        assert_eq!(dark, [2, 3, 5, 6, 7, 9, 11, 12, 14, 15]);
    }
}
