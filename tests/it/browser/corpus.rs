//! A small deterministic generator of a large proceedings site, written for
//! the browser tests.
//!
//! Why not the benchmark's `gen_corpus.py`: it lives outside this repository,
//! carries no licence, and CI has only what is committed. This generator aims
//! at what a browser check needs, not at statistical realism: enough sessions
//! that every index paginates and the speaker index splits into letter pages,
//! people who recur across sessions (so speaker and country pages list
//! several), Unicode names and country spellings that must resolve to one
//! country, every SDG and action line, and bodies that use every Markdown
//! construct the theme has to style (headings, lists, tables, footnotes,
//! quotes, code). The same `sessions` count always gives the same bytes.

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: tiny, fast, and the same on every platform.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index in `0..n` skewed towards 0, so that a few people speak often
    /// and most speak once, as at real events.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize
    }

    /// `k` distinct items of `items`, in the order of `items`.
    fn subset<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut chosen = vec![false; items.len()];
        let mut left = k.min(items.len());
        while left > 0 {
            let i = self.below(items.len());
            if !chosen[i] {
                chosen[i] = true;
                left -= 1;
            }
        }
        items
            .iter()
            .zip(chosen)
            .filter_map(|(item, c)| c.then_some(item))
            .collect()
    }
}

const FIRST: &[&str] = &[
    "Ana",
    "Bo",
    "Chloé",
    "Dmitri",
    "Émile",
    "Fatima",
    "Giorgos",
    "Hana",
    "Ingrid",
    "João",
    "Kwame",
    "Łukasz",
    "Mónica",
    "Nguyễn",
    "Ömer",
    "Priya",
    "Quentin",
    "Rania",
    "Søren",
    "Tevita",
    "Ugne",
    "Valentina",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zainab",
    "Þóra",
    "Aigerim",
    "Björn",
    "Chidi",
    "Diego",
    "Esra",
    "Farid",
    "Grace",
    "Hiroshi",
    "Isabela",
    "Jamal",
    "Kateryna",
    "Leilani",
    "Mateus",
    "Nomvula",
    "O'Neill",
    "Pilar",
    "Raúl",
    "Siosaia",
    "Thandiwe",
    "Vikram",
    "Yara",
];

const LAST: &[&str] = &[
    "Lima",
    "Chen",
    "Dubois",
    "Ivanov",
    "Moreau",
    "Al-Rashid",
    "Papadopoulos",
    "Kim",
    "Larsen",
    "Gonçalves",
    "Mensah",
    "Wiśniewski",
    "Peña",
    "Thị Lan",
    "Şahin",
    "Raman",
    "Lefèvre",
    "Haddad",
    "Kierkegaard",
    "Aisake",
    "Kazlauskaitė",
    "Rossi",
    "Zhang",
    "Hernández",
    "Okafor",
    "Abubakar",
    "Guðmundsdóttir",
    "Nurlanovna",
    "Åström",
    "Eze",
    "Ramírez",
    "Yılmaz",
    "Ben Salah",
    "Nakamura",
    "van der Berg",
    "Kovalenko",
    "Kahananui",
    "Silva",
    "Dlamini",
    "Smith",
    "Mbeki",
    "Ó Briain",
];

/// Country spellings, several per country where people write them
/// differently, all of which the build resolves.
const COUNTRIES: &[&str] = &[
    "Viet Nam",
    "Vietnam",
    "Türkiye",
    "Turkey",
    "Côte d'Ivoire",
    "Ivory Coast",
    "Republic of Korea",
    "South Korea",
    "Iran (Islamic Republic of)",
    "Iran",
    "Brazil",
    "China",
    "France",
    "Ghana",
    "India",
    "Japan",
    "Kenya",
    "Mexico",
    "Nigeria",
    "Norway",
    "Poland",
    "Portugal",
    "Rwanda",
    "Samoa",
    "Senegal",
    "South Africa",
    "Switzerland",
    "Tonga",
    "Iceland",
    "Kazakhstan",
    "Lithuania",
    "Bolivia (Plurinational State of)",
    "United States",
    "Egypt",
    "Netherlands",
    "Ireland",
    "Ukraine",
    "Fiji",
    "Bangladesh",
    "Chile",
];

const ROLES: &[&str] = &[
    "Minister of ICT",
    "Chief Technology Officer",
    "Director, Digital Policy",
    "Professor of Computer Science",
    "Head of Cybersecurity",
    "Programme Officer",
    "Founder & CEO",
];

const ORGANIZATIONS: &[&str] = &[
    "ITU",
    "UNESCO",
    "Ministry of Digital Economy",
    "National Regulatory Authority",
    "Access & Rights Foundation",
    "University of the South",
    "Open Data Institute",
];

const TOPICS: &[&str] = &[
    "Artificial Intelligence",
    "Cybersecurity",
    "Digital Divide",
    "IoT",
    "Smart Cities",
    "E-health",
    "Open Data",
    "Gender Equality",
    "Climate Change",
    "Broadband",
    "5G and Beyond",
    "Digital Literacy",
    "Child Online Protection",
    "Accessibility",
    "Blockchain",
    "Privacy",
    "Satellites",
    "Capacity Building",
    "E-waste",
    "Multilingualism",
    "Cloud Computing",
    "Digital Public Infrastructure",
    "Fintech",
    "Youth",
    "Indigenous Languages",
];

const ACTION_LINES: &[&str] = &[
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7 E-government",
    "C7 E-business",
    "C7 E-learning",
    "C7 E-health",
    "C7 E-employment",
    "C7 E-environment",
    "C7 E-agriculture",
    "C7 E-science",
    "C8",
    "C9",
    "C10",
    "C11",
];

const KINDS: &[&str] = &[
    "roundtable",
    "panel",
    "workshop",
    "outcome-document",
    "keynote",
    "high-level dialogue",
];

const WORDS: &[&str] = &[
    "digital",
    "inclusion",
    "policy",
    "connectivity",
    "governance",
    "data",
    "skills",
    "rural",
    "women",
    "networks",
    "trust",
    "innovation",
    "regulation",
    "access",
    "partnerships",
    "youth",
    "public",
    "services",
    "resilient",
    "affordable",
    "infrastructure",
    "communities",
    "local",
];

/// Events: three with a registry entry (so they get dates and a location),
/// two named only in front matter, as DESIGN.md allows.
const REGISTERED_EVENTS: &[(&str, &str, u32)] = &[
    ("wsis-forum-2022", "WSIS Forum 2022", 2022),
    ("wsis-forum-2023", "WSIS Forum 2023", 2023),
    ("wsis-forum-2024", "WSIS Forum 2024", 2024),
];
const PLAIN_EVENTS: &[(&str, u32)] = &[("Digital World 2021", 2021), ("IGF Village 2025", 2025)];

/// Writes a site of `sessions` sessions into `dir` (`proceedings.yaml`,
/// `data/events.yaml`, `sessions/<event>/<n>.md`).
pub(crate) fn write(dir: &Path, sessions: usize) {
    let mut rng = Rng(0x5EED);
    // Enough people that the speakers index splits into letter pages (over
    // 1 500 distinct speakers at 1 000 sessions); names are unique by index,
    // so recurring speakers come from the skewed draw, not from collisions.
    let people: Vec<(String, &str, &str, &str)> = (0..sessions * 4)
        .map(|i| {
            let (first, last) = (FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]);
            let round = i / (FIRST.len() * LAST.len());
            let name = if round == 0 {
                format!("{first} {last}")
            } else {
                let initial = char::from(b'A' + (round % 26) as u8);
                format!("{first} {initial}. {last}")
            };
            (
                name,
                *rng.pick(COUNTRIES),
                *rng.pick(ROLES),
                *rng.pick(ORGANIZATIONS),
            )
        })
        .collect();

    std::fs::create_dir_all(dir.join("data")).expect("mkdir data");
    std::fs::write(
        dir.join("proceedings.yaml"),
        "title: \"Generated proceedings\"\n\
         description: \"A deterministic corpus for the browser tests.\"\n\
         base_url: \"https://example.org/\"\nlanguage: en\nbook: html\n",
    )
    .expect("write proceedings.yaml");
    let mut events = String::new();
    for (id, name, year) in REGISTERED_EVENTS {
        writeln!(
            events,
            "- id: {id}\n  name: \"{name}\"\n  start: {year}-05-27\n  end: {year}-05-31\n  \
             location: \"Geneva, Switzerland\"\n  description: \"The {name}.\""
        )
        .expect("string");
    }
    std::fs::write(dir.join("data/events.yaml"), events).expect("write events.yaml");

    for n in 0..sessions {
        let (event, year) = if n % 5 < 3 {
            let (id, _, year) = REGISTERED_EVENTS[n % 3];
            (id.to_string(), year)
        } else {
            let (name, year) = PLAIN_EVENTS[n % 2];
            (format!("\"{name}\""), year)
        };
        let folder = dir.join("sessions").join(format!("y{year}"));
        std::fs::create_dir_all(&folder).expect("mkdir sessions");
        let text = session(&mut rng, n, &event, year, &people);
        std::fs::write(folder.join(format!("s{n:05}.md")), text).expect("write session");
    }
}

fn session(
    rng: &mut Rng,
    n: usize,
    event: &str,
    year: u32,
    people: &[(String, &str, &str, &str)],
) -> String {
    let count = rng.between(1, 4);
    let topics = rng.subset(TOPICS, count);
    let title = format!(
        "{} for {}: session {n}",
        topics[0],
        rng.pick(&[
            "inclusive growth",
            "the next billion",
            "peace & trust",
            "rural Africa"
        ]),
    );
    let mut s = String::new();
    let _ = writeln!(s, "---\ntitle: \"{title}\"\nevent: {event}");
    let _ = writeln!(s, "type: {}", rng.pick(KINDS));
    let _ = writeln!(
        s,
        "date: {year}-05-{:02}\ntime: \"{:02}:00-{:02}:45\"\ntimezone: \"UTC+02:00\"",
        27 + n % 5,
        9 + n % 8,
        9 + n % 8
    );
    let person = |rng: &mut Rng, s: &mut String| {
        let (name, country, role, org) = &people[rng.skewed(people.len())];
        let honorific = rng.pick(&["", "Dr. ", "Ms. ", "Mr. ", "Prof. ", "H.E. "]);
        let _ = writeln!(
            s,
            "  - {{name: \"{honorific}{name}\", role: \"{role}\", organization: \"{org}\", country: \"{country}\"}}"
        );
    };
    s.push_str("moderators:\n");
    person(rng, &mut s);
    s.push_str("speakers:\n");
    for _ in 0..rng.between(2, 7) {
        person(rng, &mut s);
    }
    let quoted = |items: Vec<&&str>| {
        items
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "topics: [{}]", quoted(topics));
    let count = rng.between(1, 5);
    let sdgs: Vec<String> = rng
        .subset(&(1..=17).collect::<Vec<u32>>(), count)
        .iter()
        .map(|g| g.to_string())
        .collect();
    let _ = writeln!(s, "sdgs: [{}]", sdgs.join(", "));
    let count = rng.between(1, 4);
    let _ = writeln!(
        s,
        "action_lines: [{}]",
        quoted(rng.subset(ACTION_LINES, count))
    );
    let _ = writeln!(
        s,
        "summary: \"Participants discussed {} and {}.\"\n---",
        rng.pick(WORDS),
        rng.pick(WORDS)
    );
    body(rng, &mut s);
    s
}

/// A body that uses every construct the theme styles.
fn body(rng: &mut Rng, s: &mut String) {
    let sentence = |rng: &mut Rng| {
        let count = rng.between(8, 16);
        let words: Vec<&str> = (0..count).map(|_| *rng.pick(WORDS)).collect();
        let mut text = words.join(" ");
        text[..1].make_ascii_uppercase();
        text + "."
    };
    let _ = writeln!(s, "## Key issues discussed\n");
    for _ in 0..3 {
        let _ = writeln!(s, "- **{}** {}", rng.pick(WORDS), sentence(rng));
    }
    let _ = writeln!(s, "\n{} {}[^1]\n", sentence(rng), sentence(rng));
    let _ = writeln!(s, "> {}\n", sentence(rng));
    let _ = writeln!(
        s,
        "### Figures\n\n| Indicator | Value |\n|---|---:|\n| Connected schools | {} % |\n| Trained officials | {} |\n",
        rng.between(10, 99),
        rng.between(100, 5000)
    );
    let _ = writeln!(
        s,
        "1. {}\n2. {}\n\n```yaml\nsdgs: [4, 9]\n```\n",
        sentence(rng),
        sentence(rng)
    );
    let _ = writeln!(s, "[^1]: {}", sentence(rng));
}
