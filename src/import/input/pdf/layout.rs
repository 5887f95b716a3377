//! From placed strings back to lines and blocks (see the parent module for the rules).

use crate::import::input::blocks::Blocks;

/// A string as shown on the page: where it starts and ends (device space, y up) and its size.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) end: f32,
    pub(super) size: f32,
    pub(super) text: String,
}

/// One visual line.
#[derive(Debug)]
pub(super) struct Line {
    x: f32,
    y: f32,
    end: f32,
    size: f32,
    text: String,
}

/// How a line joins what came before.
#[derive(Debug, PartialEq)]
pub(super) enum Step {
    /// Starts a block.
    Block(String),
    /// Starts a list item (`None`: a bullet).
    Item(Option<u32>, String),
    /// A new line in the same block.
    Break(String),
}

impl Step {
    fn text(&self) -> &str {
        match self {
            Step::Block(t) | Step::Item(_, t) | Step::Break(t) => t,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        match self {
            Step::Block(t) | Step::Item(_, t) | Step::Break(t) => t,
        }
    }
}

/// The pieces of one page as lines, page numbers dropped.
pub(super) fn group_lines(pieces: &[Piece]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for p in pieces {
        if let Some(line) = lines.last_mut() {
            let size = line.size.max(p.size);
            let same_baseline = (p.y - line.y).abs() <= 0.4 * size;
            if same_baseline && p.x >= line.end - 2.0 * size {
                let gap = p.x - line.end;
                if p.text.trim().is_empty() {
                    // A blank string far off is no cell.
                    line.text.push(' ');
                } else if gap > 4.0 * size {
                    line.text.push_str(" | ");
                } else if gap > 0.2 * size {
                    line.text.push(' ');
                }
                line.text.push_str(&p.text);
                line.end = line.end.max(p.end);
                line.size = size;
                continue;
            }
        }
        lines.push(Line {
            x: p.x,
            y: p.y,
            end: p.end,
            size: p.size,
            text: p.text.clone(),
        });
    }
    for line in &mut lines {
        line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    lines.retain(|l| !l.text.is_empty() && !is_page_number(&l.text));
    lines
}

/// "7", "- 7 -", "7 / 12", "Page 7", "Page 7 of 12".
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let rest = lower.strip_prefix("page").unwrap_or(&lower);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    !words.is_empty()
        && words.len() <= 2
        && words
            .iter()
            .all(|w| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// A line's list marker: `Some(None)` for a bullet, `Some(Some(n))` for "n." / "n)".
fn marker(text: &str) -> Option<(Option<u32>, &str)> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let bullet = matches!(
        first,
        '•' | '●'
            | '▪'
            | '◦'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '▶'
            | '–'
            | '-'
            | '*'
            | '·'
            | '○'
    ) || ('\u{e000}'..='\u{f8ff}').contains(&first);
    if bullet {
        let rest = chars.as_str();
        // "-5%" or "–based" are not items; a bullet stands apart from its text.
        let glyph_bullet = !matches!(first, '-' | '*' | '–');
        if rest.starts_with(' ') || glyph_bullet {
            return Some((None, rest.trim_start()));
        }
        return None;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &text[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((text[..digits].parse().ok(), after.trim_start()));
        }
    }
    None
}

/// Drops running headers and footers: a line among the first or last two of a
/// page whose text (digits aside) recurs there on at least half the pages, and
/// on two pages at least.
pub(super) fn drop_running_lines(pages: &mut [Vec<Line>]) {
    fn key(text: &str) -> String {
        text.chars().filter(|c| !c.is_ascii_digit()).collect()
    }
    fn edges(lines: &[Line]) -> impl Iterator<Item = &Line> {
        let n = lines.len();
        lines
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i < 2 || *i + 2 >= n)
            .map(|(_, l)| l)
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = edges(page).map(|l| key(&l.text)).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let needed = (pages.len().div_ceil(2)).max(2);
    for page in pages.iter_mut() {
        let n = page.len();
        let mut i = 0;
        page.retain(|l| {
            let edge = i < 2 || i + 2 >= n;
            i += 1;
            !(edge && seen.get(&key(&l.text)).is_some_and(|c| *c >= needed))
        });
    }
}

/// Whether `next` continues `prev` because its first word did not fit on it
/// (a soft wrap), given the right edge of the text column.
fn is_soft_wrap(prev: &Line, next: &Line, right: f32) -> bool {
    let chars = prev.text.chars().count().max(1) as f32;
    let per_char = ((prev.end - prev.x) / chars).max(0.1);
    let first_word = next.text.split(' ').next().map_or(0, |w| w.chars().count()) as f32;
    prev.end + per_char * (first_word + 1.0) > right
        && !prev.text.contains(" | ")
        && !next.text.contains(" | ")
}

/// One page's lines as steps.
pub(super) fn lay_out(lines: &[Line], page_width: f32) -> Vec<Step> {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .filter(|g| g.is_finite())
        .collect();
    gaps.sort_by(f32::total_cmp);
    let typical = gaps.get(gaps.len() / 2).copied();
    let left = lines.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
    let right = lines
        .iter()
        .map(|l| l.end)
        .fold(f32::NEG_INFINITY, f32::max);
    let right = left + (right - left).max(0.6 * page_width);
    let mut steps: Vec<Step> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in lines {
        let Some(prev) = previous else {
            steps.push(first_step(&line.text));
            previous = Some(line);
            continue;
        };
        previous = Some(line);
        let gap = prev.y - line.y;
        let spacing = typical.unwrap_or(1.2 * prev.size).max(0.5 * prev.size);
        let resized = (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
        let in_row = steps.last().is_some_and(|s| s.text().contains(" | "));
        // A second paragraph in a table's later column: the row's cell goes on.
        let cell_goes_on = in_row && line.x > left + 0.25 * (right - left);
        // A table starts or ends: its rows are a block of their own.
        let row_edge = in_row != line.text.contains(" | ") && !cell_goes_on;
        let new_block = gap > spacing * 1.3 + 0.5 || gap < 0.3 * line.size || resized || row_edge;
        let wrap = is_soft_wrap(prev, line, right);
        let item = marker(&line.text).filter(|(n, _)| match n {
            None => true,
            // "2024. The …" after a soft wrap is the sentence going on; "2." after "1." is an item.
            Some(n) => !wrap || matches!(steps.last(), Some(Step::Item(Some(p), _)) if p + 1 == *n),
        });
        if new_block {
            steps.push(first_step(&line.text));
        } else if cell_goes_on {
            if let Some(last) = steps.last_mut() {
                last.text_mut().push_str("; ");
                last.text_mut().push_str(&line.text);
            }
        } else if let Some((n, rest)) = item {
            steps.push(Step::Item(n, rest.to_string()));
        } else if wrap {
            if let Some(last) = steps.last_mut() {
                join(last, &line.text);
            }
        } else {
            steps.push(Step::Break(line.text.clone()));
        }
    }
    steps
}

fn first_step(text: &str) -> Step {
    match marker(text) {
        Some((n, rest)) => Step::Item(n, rest.to_string()),
        None => Step::Block(text.to_string()),
    }
}

/// A soft-wrapped line continues the last one; "infor-" + "mation" loses its hyphen.
fn join(step: &mut Step, next: &str) {
    let text = step.text_mut();
    let hyphenated = {
        let mut tail = text.chars().rev();
        tail.next() == Some('-') && tail.next().is_some_and(char::is_lowercase)
    };
    if hyphenated && next.chars().next().is_some_and(char::is_lowercase) {
        text.pop();
    } else {
        text.push(' ');
    }
    text.push_str(next);
}

/// All pages as one text; a page starts a new block.
pub(super) fn join_pages(pages: Vec<Vec<Step>>) -> String {
    let mut out = Blocks::new();
    for step in pages.into_iter().flatten() {
        match step {
            Step::Block(t) => {
                out.end_block();
                out.text(&t);
            }
            Step::Item(n, t) => {
                out.start_item(n);
                out.text(&t);
            }
            Step::Break(t) => {
                out.line_break();
                out.text(&t);
            }
        }
    }
    out.finish()
}
