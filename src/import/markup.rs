//! Text files that hold HTML source (a mailing-list attachment saved as text):
//! their tags become line breaks or nothing, their entities characters, so the
//! reader sees lines. Saved web pages (`.html`) are read by a real HTML parser
//! before this point; this only keeps tags out of text that was meant as text.

/// Tags whose end (or whose own presence, for `br`) ends a line.
const BREAKS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "title",
];

/// Whether `text` is HTML source rather than text.
pub(crate) fn is_markup(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<html")
        || head.starts_with("<!doctype html")
        || (head.starts_with('<') && head.contains("<body"))
}

/// The text of HTML source: one line per block, tags and scripts dropped,
/// entities decoded. Text that is not markup is returned as it is.
pub(crate) fn to_text(text: &str) -> String {
    if !is_markup(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut skip_until: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if skip_until.is_none() {
            out.push_str(&decode_entities(&rest[..open]));
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[open + close + 1..];
        if let Some(end) = skip_until {
            if tag.starts_with('/') && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" if !tag.starts_with('/') => {
                skip_until = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    _ => "head",
                });
            }
            "li" if !tag.starts_with('/') => out.push_str("\n- "),
            n if BREAKS.contains(&n) => out.push('\n'),
            "td" | "th" if tag.starts_with('/') => out.push_str(" | "),
            _ => {}
        }
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    out
}

/// "&amp;", "&nbsp;", "&#8211;", "&#x2013;" as characters.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_source_becomes_lines() {
        let html = "<html><head><style>x{}</style></head><body><div>Hi &amp; welcome</div>\
                    <div>9:00-10:45, Thursday<br>Room XI</div><b>Open Data&nbsp;Day</b>\
                    <ul><li>One</li><li>Two &#8211; three</li></ul></body></html>";
        let text = to_text(html);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Hi & welcome",
                "9:00-10:45, Thursday",
                "Room XI",
                "Open Data\u{a0}Day",
                "- One",
                "- Two – three"
            ]
        );
        assert_eq!(to_text("Plain <not a tag> text"), "Plain <not a tag> text");
        assert_eq!(
            decode_entities("a &unknown; b &#xZZ; c &"),
            "a &unknown; b &#xZZ; c &"
        );
    }
}
