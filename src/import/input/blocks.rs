//! The one text shape every reader produces, whatever the format: one paragraph,
//! heading or list item per line (a hard line break inside a paragraph starts a
//! new line; inside a list item it becomes ", ", so that "Name<br>Role" stays one
//! item), a blank line between blocks, list items as "- x" or "1. x", a table
//! row as one line with its cells joined by " | ". Whitespace runs (no-break
//! spaces included) become one space; what is left is plain text.

/// What a block is, for how it joins its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A paragraph or heading: blank lines around it.
    Paragraph,
    /// A list item: no blank line between items of one list.
    Item,
    /// A table row: no blank line between rows of one table.
    Row,
}

/// The text being built, block by block.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    done: Vec<(Kind, String)>,
    /// The open block's kind and its finished lines.
    kind: Option<Kind>,
    lines: Vec<String>,
    line: String,
    space: bool,
    /// The line ends in a comma that stands for a line break inside an item.
    comma: bool,
}

impl Blocks {
    /// An empty text.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds running text to the open block (a paragraph unless one was started).
    pub(crate) fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() || c.is_control() {
                self.space = true;
            } else {
                if self.space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.space = false;
                self.comma = false;
                self.line.push(c);
            }
        }
    }

    /// A word break that is not a character (a tab, a cell edge, a gap in a PDF line).
    pub(crate) fn space(&mut self) {
        self.space = true;
    }

    /// A hard line break inside the open block.
    pub(crate) fn line_break(&mut self) {
        if self.kind == Some(Kind::Item) {
            if !is_marker(&self.line) && !self.comma {
                if !self
                    .line
                    .ends_with([',', ';', ':', '.', '-', '–', '—', '/'])
                {
                    self.line.push(',');
                    self.comma = true;
                }
                self.space = true;
            }
            return;
        }
        self.end_line();
    }

    fn end_line(&mut self) {
        if self.comma {
            self.line.pop();
            self.comma = false;
        }
        let line = std::mem::take(&mut self.line);
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.space = false;
    }

    /// Ends the open block (nothing happens when it holds no text).
    pub(crate) fn end_block(&mut self) {
        self.drop_bare_marker();
        self.end_line();
        let kind = self.kind.take().unwrap_or(Kind::Paragraph);
        if !self.lines.is_empty() {
            let text = std::mem::take(&mut self.lines).join("\n");
            self.done.push((kind, text));
        }
    }

    /// Starts a list item; `number` is `None` for a bullet.
    pub(crate) fn start_item(&mut self, number: Option<u32>) {
        self.end_block();
        self.kind = Some(Kind::Item);
        match number {
            Some(n) => self.line = format!("{n}."),
            None => self.line = "-".to_string(),
        }
        self.space = true;
    }

    /// Ends an item whose text turned out empty: the bare marker is dropped.
    fn drop_bare_marker(&mut self) {
        if self.kind == Some(Kind::Item) && self.lines.is_empty() && is_marker(&self.line) {
            self.line.clear();
        }
    }

    /// Adds a table row of cell texts (each already plain); empty rows are dropped.
    pub(crate) fn row(&mut self, cells: &[String]) {
        self.end_block();
        let mut cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        // Empty cells at the end would leave "a | " (found by fuzzing); inner ones keep
        // the columns apart.
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if !cells.is_empty() {
            let row = cells.join(" | ");
            self.done.push((
                Kind::Row,
                row.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
    }

    /// How many blocks are finished or open.
    pub(crate) fn block_count(&self) -> usize {
        self.done.len() + usize::from(!self.lines.is_empty() || !self.line.is_empty())
    }

    /// Adds the blocks of `other` after these.
    pub(crate) fn append(&mut self, mut other: Blocks) {
        self.end_block();
        other.end_block();
        self.done.append(&mut other.done);
    }

    /// The text of a table cell: its lines joined by "; ", list markers dropped.
    pub(crate) fn into_cell(mut self) -> String {
        self.end_block();
        self.done
            .iter()
            .flat_map(|(kind, text)| match kind {
                // An item is one line: its marker goes.
                Kind::Item => vec![text.split_once(' ').map_or("", |(_, rest)| rest)],
                _ => text.lines().collect(),
            })
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The finished text: blocks joined by blank lines, items and rows by newlines.
    pub(crate) fn finish(mut self) -> String {
        self.end_block();
        let mut out = String::new();
        let mut last: Option<Kind> = None;
        for (kind, text) in self.done {
            if let Some(prev) = last {
                let tight = prev == kind && kind != Kind::Paragraph;
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            out.push_str(&text);
            last = Some(kind);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// "-" or "12.": a list marker with nothing after it.
fn is_marker(line: &str) -> bool {
    line == "-"
        || line
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_apart_and_items_and_rows_together() {
        let mut b = Blocks::new();
        b.text("  Speakers \u{a0}and\tguests ");
        b.end_block();
        b.start_item(None);
        b.text("Ana Silva");
        b.start_item(Some(2));
        b.text("Li Wei");
        b.line_break();
        b.text("Director");
        b.line_break();
        b.line_break();
        b.text("ITU.");
        b.line_break();
        b.text("Geneva");
        b.start_item(None);
        b.text("Ana");
        b.line_break();
        b.row(&["Day".into(), " Room ".into()]);
        b.row(&["1".into(), "A".into()]);
        b.text("line one");
        b.line_break();
        b.text("line two");
        assert_eq!(
            b.finish(),
            "Speakers and guests\n\n- Ana Silva\n2. Li Wei, Director, ITU. Geneva\n- Ana\n\nDay | Room\n1 | A\n\nline one\nline two\n"
        );
    }

    #[test]
    fn empty_blocks_and_bare_markers_leave_nothing() {
        let mut b = Blocks::new();
        b.end_block();
        b.text("   ");
        b.end_block();
        b.row(&[String::new(), " ".into()]);
        b.start_item(None);
        assert!(b.finish().is_empty());
    }

    #[test]
    fn rows_keep_inner_empty_cells_and_drop_trailing_ones() {
        let mut b = Blocks::new();
        b.row(&["Opening".into(), String::new(), " ".into()]);
        b.row(&[
            String::new(),
            "11:00".into(),
            String::new(),
            "Room K".into(),
        ]);
        assert_eq!(b.finish(), "Opening\n| 11:00 | | Room K\n");
    }

    #[test]
    fn a_cell_is_one_line_of_its_paragraphs_and_items() {
        let mut b = Blocks::new();
        b.text("Ana Silva");
        b.line_break();
        b.text("ITU");
        b.start_item(Some(1));
        b.text("first point");
        b.line_break();
        b.text("its second line");
        b.start_item(None);
        b.text("another");
        assert_eq!(
            b.into_cell(),
            "Ana Silva; ITU; first point, its second line; another"
        );
    }
}
