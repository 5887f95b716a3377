//! A small HTML scanner for the link checker: `href`, `src`, `srcset` and
//! fragment targets (`id`, `<a name>`), skipping comments and raw-text elements.
//! Hand-written because the pages are our own; it never panics on any input.

use std::borrow::Cow;

/// URLs and fragment targets of one page, entity-decoded.
pub(super) struct Found<'a> {
    pub(super) urls: Vec<Cow<'a, str>>,
    pub(super) ids: Vec<Cow<'a, str>>,
}

/// Elements whose content is text, not markup: a `<a href>` inside is not a link.
pub(super) const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// HTML's ASCII whitespace.
pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

pub(super) fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&c| c == needle)
        .map(|i| from + i)
}

/// Collects `href`, `src`, `srcset` URLs and `id` / `<a name>` values.
///
/// Every index below stops on an ASCII byte or at the end, so slicing `text`
/// there is always on a char boundary; every loop advances, so it cannot hang.
pub(super) fn scan_html(text: &str) -> Found<'_> {
    let bytes = text.as_bytes();
    let mut found = Found {
        urls: Vec::new(),
        ids: Vec::new(),
    };
    let mut pos = 0;
    while let Some(lt) = find_byte(bytes, pos, b'<') {
        pos = match bytes.get(lt + 1) {
            _ if bytes[lt..].starts_with(b"<!--") => comment_end(bytes, lt + 4),
            // Doctype, CDATA, processing instruction, end tag: nothing to collect.
            Some(b'!' | b'?' | b'/') => {
                find_byte(bytes, lt + 2, b'>').map_or(bytes.len(), |i| i + 1)
            }
            Some(c) if c.is_ascii_alphabetic() => start_tag(text, lt + 1, &mut found),
            // A lone "<" in text.
            _ => lt + 1,
        };
    }
    found
}

/// Where a comment whose body starts at `start` ends (HTML allows `<!-->` and `<!--->`).
pub(super) fn comment_end(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    if rest.starts_with(b">") {
        start + 1
    } else if rest.starts_with(b"->") {
        start + 2
    } else {
        // Unterminated: the rest of the file is comment, as in a browser.
        rest.windows(3)
            .position(|w| w == b"-->")
            .map_or(bytes.len(), |i| start + i + 3)
    }
}

/// Parses the start tag whose name begins at `pos`; returns where scanning resumes.
pub(super) fn start_tag<'a>(text: &'a str, mut pos: usize, found: &mut Found<'a>) -> usize {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let name_start = pos;
    while pos < len && !is_space(bytes[pos]) && bytes[pos] != b'/' && bytes[pos] != b'>' {
        pos += 1;
    }
    let tag = &text[name_start..pos];
    let is_a = tag.eq_ignore_ascii_case("a");
    loop {
        while pos < len && (is_space(bytes[pos]) || bytes[pos] == b'/') {
            pos += 1;
        }
        if pos >= len {
            // Truncated tag: nothing follows it.
            return len;
        }
        if bytes[pos] == b'>' {
            pos += 1;
            break;
        }
        let attr_start = pos;
        // The first byte belongs to the name even if it is '=' (HTML spec).
        pos += 1;
        while pos < len && !is_space(bytes[pos]) && !matches!(bytes[pos], b'/' | b'>' | b'=') {
            pos += 1;
        }
        let attr = &text[attr_start..pos];
        let mut q = pos;
        while q < len && is_space(bytes[q]) {
            q += 1;
        }
        if q >= len || bytes[q] != b'=' {
            // An attribute without a value.
            continue;
        }
        q += 1;
        while q < len && is_space(bytes[q]) {
            q += 1;
        }
        let value = if q < len && matches!(bytes[q], b'"' | b'\'') {
            // An unterminated quote swallows the rest of the file, as in a browser.
            let close = find_byte(bytes, q + 1, bytes[q]).unwrap_or(len);
            pos = (close + 1).min(len);
            &text[q + 1..close]
        } else {
            let start = q;
            while q < len && !is_space(bytes[q]) && bytes[q] != b'>' {
                q += 1;
            }
            pos = q;
            &text[start..q]
        };
        take_attribute(attr, value, is_a, found);
    }
    if tag.eq_ignore_ascii_case("plaintext") {
        return len;
    }
    match RAW_TEXT.iter().find(|raw| tag.eq_ignore_ascii_case(raw)) {
        Some(raw) => raw_text_end(bytes, pos, raw.as_bytes()),
        None => pos,
    }
}

/// Where the end tag `</name` of a raw-text element starts (or the end of input).
pub(super) fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut pos = from;
    while let Some(lt) = find_byte(bytes, pos, b'<') {
        let name_at = lt + 2;
        let closes = bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(name_at..name_at + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(name_at + name.len())
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>');
        if closes {
            return lt;
        }
        pos = lt + 1;
    }
    bytes.len()
}

pub(super) fn take_attribute<'a>(name: &str, value: &'a str, is_a: bool, found: &mut Found<'a>) {
    if name.eq_ignore_ascii_case("href") || name.eq_ignore_ascii_case("src") {
        found.urls.push(clean_url(decode_entities(value)));
    } else if name.eq_ignore_ascii_case("srcset") {
        match decode_entities(value) {
            Cow::Borrowed(v) => found.urls.extend(
                srcset_urls(v)
                    .into_iter()
                    .map(|u| clean_url(Cow::Borrowed(u))),
            ),
            Cow::Owned(v) => found.urls.extend(
                srcset_urls(&v)
                    .into_iter()
                    .map(|u| clean_url(Cow::Owned(u.to_owned()))),
            ),
        }
    } else if name.eq_ignore_ascii_case("id") || (is_a && name.eq_ignore_ascii_case("name")) {
        found.ids.push(decode_entities(value));
    }
}

/// Strips what browsers strip from a URL: surrounding spaces and controls, and
/// tabs and newlines anywhere.
pub(super) fn clean_url(url: Cow<'_, str>) -> Cow<'_, str> {
    let edge = |c: char| c <= ' ';
    let inner = ['\t', '\n', '\r'];
    match url {
        Cow::Borrowed(s) => {
            let s = s.trim_matches(edge);
            if s.contains(inner) {
                Cow::Owned(s.replace(inner, ""))
            } else {
                Cow::Borrowed(s)
            }
        }
        Cow::Owned(s) => Cow::Owned(s.trim_matches(edge).replace(inner, "")),
    }
}

/// The candidate URLs of a `srcset` value ("a.png 1x, b.png 2x"), per the
/// HTML spec's parsing: URLs are whitespace-delimited, so commas inside
/// (data: URLs) survive.
pub(super) fn srcset_urls(value: &str) -> Vec<&str> {
    let bytes = value.as_bytes();
    let mut urls = Vec::new();
    let mut pos = 0;
    loop {
        while pos < bytes.len() && (is_space(bytes[pos]) || bytes[pos] == b',') {
            pos += 1;
        }
        if pos >= bytes.len() {
            return urls;
        }
        let start = pos;
        while pos < bytes.len() && !is_space(bytes[pos]) {
            pos += 1;
        }
        let url = &value[start..pos];
        if url.ends_with(',') {
            // "a.png,b.png 2x": a trailing comma ends the candidate, no descriptors.
            urls.push(url.trim_end_matches(','));
            continue;
        }
        urls.push(url);
        // Skip descriptors up to the next comma outside parentheses.
        let mut depth = 0usize;
        while pos < bytes.len() {
            match bytes[pos] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => break,
                _ => {}
            }
            pos += 1;
        }
    }
}

/// Named references that can appear in a URL; `true` marks legacy ones that
/// also decode without a `;`.
pub(super) const NAMED_ENTITIES: [(&str, char, bool); 10] = [
    ("amp", '&', true),
    ("AMP", '&', true),
    ("quot", '"', true),
    ("QUOT", '"', true),
    ("lt", '<', true),
    ("LT", '<', true),
    ("gt", '>', true),
    ("GT", '>', true),
    ("apos", '\'', false),
    ("nbsp", '\u{A0}', true),
];

/// Decodes the character references that can appear in URLs and ids.
pub(super) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match parse_entity(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parses a reference after its `&`: the character and the bytes consumed.
pub(super) fn parse_entity(s: &str) -> Option<(char, usize)> {
    if let Some(number) = s.strip_prefix('#') {
        let (digits_at, radix) = if number.starts_with(['x', 'X']) {
            (1, 16)
        } else {
            (0, 10)
        };
        let text = &number[digits_at..];
        let digits = text
            .bytes()
            .take_while(|c| (*c as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        // Overflow, NUL, surrogates and out-of-range values become U+FFFD, as in browsers.
        let c = u32::from_str_radix(&text[..digits], radix)
            .ok()
            .filter(|&v| v != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        // '#', the optional 'x', the digits and an optional ';'.
        let used = 1 + digits_at + digits + usize::from(text[digits..].starts_with(';'));
        return Some((c, used));
    }
    for (name, c, legacy) in NAMED_ENTITIES {
        if let Some(tail) = s.strip_prefix(name) {
            if tail.starts_with(';') {
                return Some((c, name.len() + 1));
            }
            // In attributes a legacy name without ';' decodes unless an
            // alphanumeric or '=' follows (HTML spec), as in "?a=1&ampx".
            if legacy && !tail.starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '=') {
                return Some((c, name.len()));
            }
        }
    }
    None
}
