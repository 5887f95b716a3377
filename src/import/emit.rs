//! The text of an imported session file: the importer's doubts as YAML
//! comments, front matter in the format of `docs/content.md`, the Markdown body.
//!
//! Written by hand rather than through a YAML serializer: the file is for people
//! to review, so it keeps the one-line `{name: …, role: …}` style of hand-written
//! files, and [`scalar`] quotes exactly what needs quoting.

use crate::content::yaml::{is_printable, quoted};
use std::fmt::Write as _;

use super::{ImportedPerson, ImportedSession};

/// Words YAML reads as something other than a string.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
];

/// A YAML scalar for `text`: plain when that reads back as the same string in
/// block and flow context, otherwise double-quoted with escapes.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !text.ends_with(' ')
        && !RESERVED.contains(&text.to_lowercase().as_str())
        && text.chars().all(|c| {
            (c.is_alphanumeric() && is_printable(c))
                || matches!(
                    c,
                    ' ' | '.' | '-' | '\'' | '’' | '(' | ')' | '&' | '/' | '+'
                )
        })
        && !text.contains("  ")
}

/// A YAML comment line: one line, whatever the note holds.
fn comment(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || !is_printable(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn person(p: &ImportedPerson) -> String {
    let mut fields = vec![format!("name: {}", scalar(&p.name))];
    if let Some(h) = &p.honorific {
        fields.push(format!("honorific: {}", scalar(h)));
    }
    if let Some(r) = &p.role {
        fields.push(format!("role: {}", scalar(r)));
    }
    if let Some(o) = &p.organization {
        fields.push(format!("organization: {}", scalar(o)));
    }
    if let Some(c) = p.country {
        fields.push(format!("country: {}", scalar(c.name())));
    }
    if fields.len() == 1 {
        scalar(&p.name)
    } else {
        format!("{{{}}}", fields.join(", "))
    }
}

fn list(key: &str, items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    format!("{key}: [{}]\n", items.join(", "))
}

/// The whole session file. `source` names the input in the first comment.
pub fn session_file(s: &ImportedSession, source: &str) -> String {
    let mut t = String::from("---\n");
    let _ = writeln!(
        t,
        "# Imported by `proceedings import` from {}.",
        comment(source)
    );
    if !s.notes.is_empty() {
        t.push_str("# Please check (then delete these comments):\n");
        for n in &s.notes {
            let _ = writeln!(t, "#   - {}", comment(n));
        }
    }
    let title = if s.title.trim().is_empty() {
        "Untitled session"
    } else {
        s.title.trim()
    };
    let _ = writeln!(t, "title: {}", scalar(title));
    if let Some(e) = &s.event {
        let _ = writeln!(t, "event: {}", scalar(e));
    }
    if let Some(k) = &s.kind {
        let _ = writeln!(t, "type: {}", scalar(k));
    }
    if let Some(d) = s.date {
        let _ = writeln!(t, "date: {d}");
    }
    if let Some(time) = &s.time {
        let _ = writeln!(t, "time: {}", quoted(time));
    }
    if let Some(tz) = &s.timezone {
        let _ = writeln!(t, "timezone: {}", quoted(tz));
    }
    let organizers: Vec<String> = s.organizers.iter().map(|o| quoted(o)).collect();
    t.push_str(&list("organizers", &organizers));
    if !s.links.is_empty() {
        t.push_str("links:\n");
        for (label, url) in &s.links {
            let _ = writeln!(t, "  - {{label: {}, url: {}}}", scalar(label), quoted(url));
        }
    }
    for (key, people) in [("moderators", &s.moderators), ("speakers", &s.speakers)] {
        if !people.is_empty() {
            let _ = writeln!(t, "{key}:");
            for p in people {
                let _ = writeln!(t, "  - {}", person(p));
            }
        }
    }
    let topics: Vec<String> = s.topics.iter().map(|x| scalar(x)).collect();
    t.push_str(&list("topics", &topics));
    let sdgs: Vec<String> = s.sdgs.iter().map(|g| g.number().to_string()).collect();
    t.push_str(&list("sdgs", &sdgs));
    let lines: Vec<String> = s.action_lines.iter().map(|a| scalar(&a.label())).collect();
    t.push_str(&list("action_lines", &lines));
    t.push_str("---\n");
    t.push_str(&s.body);
    t
}

/// Text that would start a Markdown block it does not mean ("# 1", "> x", "- x",
/// "---", "2024. x") is escaped; inline Markdown ("**bold**") is kept as written.
pub(crate) fn escape_line(text: &str) -> String {
    let t = text.trim();
    let mut chars = t.chars();
    let first = chars.next();
    let second = chars.next();
    let spaced = second.is_none_or(|c| c == ' ');
    let repeated = |c: char| t.len() >= 3 && t.chars().all(|x| x == c || x == ' ');
    let block = match first {
        Some('#') => spaced || second == Some('#'),
        Some('>') => true,
        Some(c @ ('-' | '*' | '+')) => spaced || repeated(c),
        Some(c @ ('_' | '=')) => repeated(c),
        Some('`') => t.starts_with("```"),
        Some('~') => t.starts_with("~~~"),
        _ => false,
    };
    if block {
        return format!("\\{t}");
    }
    // "2024. A year of …" would start an ordered list.
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 9 {
        let rest = &t[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) || rest == "." || rest == ")" {
            return format!("{}\\{}", &t[..digits], rest);
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_that_would_open_a_block_is_escaped() {
        for (raw, md) in [
            ("**Smart Cities:** x", "**Smart Cities:** x"),
            ("# 1 priority", "\\# 1 priority"),
            ("#hashtag", "#hashtag"),
            ("> quote", "\\> quote"),
            ("- x", "\\- x"),
            ("---", "\\---"),
            ("2024. A year", "2024\\. A year"),
            ("5G networks", "5G networks"),
        ] {
            assert_eq!(escape_line(raw), md, "{raw}");
        }
    }

    fn read_back(yaml_value: &str) -> String {
        let doc =
            format!("k: {yaml_value}\nflow: {{a: {yaml_value}, b: x}}\nseq: [{yaml_value}, y]\n");
        #[derive(serde::Deserialize)]
        struct Flow {
            a: String,
        }
        #[derive(serde::Deserialize)]
        struct Doc {
            k: String,
            flow: Flow,
            seq: Vec<String>,
        }
        let d: Doc = serde_saphyr::from_str(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"));
        assert_eq!(d.k, d.flow.a, "{doc}");
        assert_eq!(d.k, d.seq[0], "{doc}");
        d.k
    }

    #[test]
    fn every_awkward_string_round_trips() {
        for s in [
            "Cristina Bueti",
            "Phạm Minh Chính",
            "Name: with colon",
            "Name # hash",
            "*starts with a star",
            "&anchor",
            "!tag",
            "- dash",
            "yes",
            "No",
            "null",
            "~",
            "2024",
            "1.5",
            "0x1F",
            "C7 E-health",
            "Viet Nam (Socialist Republic of)",
            "quote \" and back\\slash",
            "trailing space ",
            " leading",
            "a,b [c] {d}",
            "tab\there",
            "line\nbreak",
            "nel\u{85}and\u{2028}sep",
            "bell\u{7}",
            "@at",
            "`tick",
            "%percent",
            "|pipe",
            ">fold",
            "?question",
            "O'Neill",
            "",
            "Dr.",
            "end colon:",
        ] {
            assert_eq!(read_back(&scalar(s)), s, "{s:?} as {}", scalar(s));
        }
    }

    #[test]
    fn plain_only_when_it_reads_back_unchanged() {
        assert_eq!(scalar("Cristina Bueti"), "Cristina Bueti");
        assert_eq!(scalar("Name: x"), "\"Name: x\"");
        assert_eq!(scalar("true"), "\"true\"");
    }

    proptest::proptest! {
        #[test]
        fn any_string_round_trips(s in "\\PC*|[\\x00-\\x7f]*") {
            proptest::prop_assert_eq!(read_back(&scalar(&s)), s);
        }
    }
}
