//! A Word document (.docx) as text. A .docx is a zip of XML parts; only the body
//! (`word/document.xml`) is read, with `word/numbering.xml` and `word/styles.xml`
//! to tell bulleted from numbered lists, so headers, footers, comments and
//! footnotes (parts of their own) are left out. quick-xml streams the body:
//!
//! - a paragraph is a block; `<w:br/>` and `<w:cr/>` break its line; `<w:tab/>` is a space;
//! - a paragraph with a list number (its own `w:numPr`, or its style's) is an item,
//!   "- " for bullets and "1. " for numbered levels, counted per list and level as
//!   Word counts them;
//! - a table row is one line of " | "-joined cells; a table laid out as a page (a
//!   cell with a nested table or more than three paragraphs) is read as its cells' blocks;
//! - deleted revisions, field instructions, hidden runs (`w:vanish`) and the
//!   fallback copies of drawings are skipped.
//!
//! The zip is read with the `zip` crate (deflate only); each part is read through
//! a cap of [`MAX_PART_BYTES`], whatever its header claims, so a zip bomb stops there.

mod numbering;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use super::blocks::Blocks;
use super::{Document, Format, InputError};
use numbering::{Level, Numbering, Styles};

/// The largest XML part read (after inflating).
pub(super) const MAX_PART_BYTES: usize = 64 * 1024 * 1024;

/// Word's namespaces: transitional (what Word writes) and strict.
const WORD_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const COMPATIBILITY_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Reads a zip that should be a Word document.
pub(super) fn read(bytes: &[u8]) -> Result<Document, InputError> {
    read_limited(bytes, MAX_PART_BYTES)
}

/// [`read`] with a cap on each part's inflated size.
fn read_limited(bytes: &[u8], limit: usize) -> Result<Document, InputError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| InputError::Docx(e.to_string()))?;
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(if zip.index_for_name("content.xml").is_some() {
            InputError::OpenDocument
        } else {
            InputError::NotWord
        });
    }
    let body = part(&mut zip, "word/document.xml", limit)?.unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml", limit)?
        .map(|xml| Numbering::parse(&xml))
        .unwrap_or_default();
    let styles = part(&mut zip, "word/styles.xml", limit)?
        .map(|xml| Styles::parse(&xml))
        .unwrap_or_default();
    let text = Body::new(&numbering, &styles).read(&body)?;
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Document {
        text,
        format: Format::Docx,
        encoding: None,
    })
}

/// A part's text, `None` when the zip has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: usize,
) -> Result<Option<String>, InputError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let file = zip
        .by_index(index)
        .map_err(|e| InputError::Docx(format!("{name}: {e}")))?;
    let mut bytes = Vec::new();
    // Read through a cap, whatever size the entry's header claims.
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    file.take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Docx(format!("{name}: {e}")))?;
    if bytes.len() > limit {
        return Err(InputError::DocxTooLarge);
    }
    Ok(Some(super::super::clean::decode(&bytes).0))
}

/// A Word element, by its local name in Word's namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    PStyle,
    NumPr,
    Ilvl,
    NumId,
    R,
    RPr,
    Vanish,
    T,
    Tab,
    Break,
    NoBreakHyphen,
    Tbl,
    Tr,
    Tc,
    /// Read past with everything in it.
    Skip,
    Other,
}

fn tag(ns: &ResolveResult<'_>, local: &[u8]) -> Tag {
    let ResolveResult::Bound(Namespace(ns)) = ns else {
        return Tag::Other;
    };
    if *ns == COMPATIBILITY_NS {
        // `mc:Fallback` repeats a drawing's text for old readers.
        return if local == b"Fallback" {
            Tag::Skip
        } else {
            Tag::Other
        };
    }
    if !WORD_NS.contains(ns) {
        return Tag::Other;
    }
    match local {
        b"p" => Tag::P,
        b"pPr" => Tag::PPr,
        b"pStyle" => Tag::PStyle,
        b"numPr" => Tag::NumPr,
        b"ilvl" => Tag::Ilvl,
        b"numId" => Tag::NumId,
        b"r" => Tag::R,
        b"rPr" => Tag::RPr,
        b"vanish" => Tag::Vanish,
        b"t" => Tag::T,
        b"tab" => Tag::Tab,
        b"br" | b"cr" => Tag::Break,
        b"noBreakHyphen" => Tag::NoBreakHyphen,
        b"tbl" => Tag::Tbl,
        b"tr" => Tag::Tr,
        b"tc" => Tag::Tc,
        b"del" | b"moveFrom" | b"instrText" | b"delText" | b"delInstrText" | b"rPrChange"
        | b"pPrChange" | b"sectPr" | b"tblPr" | b"tblGrid" | b"trPr" | b"tcPr" => Tag::Skip,
        _ => Tag::Other,
    }
}

/// An attribute's value by local name (Word's attributes carry no entities worth decoding).
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn number_attr(e: &BytesStart<'_>, local: &[u8]) -> Option<u32> {
    attr(e, local).and_then(|v| v.trim().parse().ok())
}

/// The text an entity or character reference stands for.
fn reference(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    r.decode()
        .ok()
        .and_then(|name| quick_xml::escape::resolve_xml_entity(&name))
        .unwrap_or_default()
        .to_string()
}

/// What a paragraph holds, in order.
#[derive(Debug)]
enum Piece {
    Text(String),
    Space,
    Break,
}

#[derive(Debug, Default)]
struct Paragraph {
    style: Option<String>,
    num_id: Option<u32>,
    level: Option<u32>,
    pieces: Vec<Piece>,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Blocks>>,
    /// Used for page layout rather than as a table of data.
    layout: bool,
}

/// The body's reading state.
struct Body<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    /// numId -> the last number given at each level.
    counters: HashMap<u32, [Option<u32>; 10]>,
    out: Blocks,
    /// Open paragraphs (a text box nests one in another).
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    /// Open cells, innermost last.
    cells: Vec<Blocks>,
    in_ppr: bool,
    in_rpr: bool,
    in_run: bool,
    in_text: bool,
    hidden: bool,
}

impl<'a> Body<'a> {
    fn new(numbering: &'a Numbering, styles: &'a Styles) -> Self {
        Body {
            numbering,
            styles,
            counters: HashMap::new(),
            out: Blocks::new(),
            paragraphs: Vec::new(),
            tables: Vec::new(),
            cells: Vec::new(),
            in_ppr: false,
            in_rpr: false,
            in_run: false,
            in_text: false,
            hidden: false,
        }
    }

    fn read(mut self, xml: &str) -> Result<String, InputError> {
        let mut reader = NsReader::from_str(xml);
        loop {
            let position = reader.buffer_position();
            let (ns, event) = reader.read_resolved_event().map_err(|e| {
                InputError::Docx(format!("word/document.xml at byte {position}: {e}"))
            })?;
            match event {
                Event::Start(e) => {
                    let t = tag(&ns, e.local_name().as_ref());
                    if t == Tag::Skip {
                        let end = e.to_end().into_owned();
                        reader
                            .read_to_end(end.name())
                            .map_err(|e| InputError::Docx(format!("word/document.xml: {e}")))?;
                    } else {
                        self.start(t, &e, false);
                    }
                }
                Event::Empty(e) => {
                    let t = tag(&ns, e.local_name().as_ref());
                    self.start(t, &e, true);
                }
                Event::End(e) => {
                    let t = tag(&ns, e.local_name().as_ref());
                    self.end(t);
                }
                Event::Text(t) if self.in_text => {
                    if let Ok(text) = t.decode() {
                        self.push(Piece::Text(text.into_owned()));
                    }
                }
                Event::CData(t) if self.in_text => {
                    if let Ok(text) = t.decode() {
                        self.push(Piece::Text(text.into_owned()));
                    }
                }
                Event::GeneralRef(r) if self.in_text => self.push(Piece::Text(reference(&r))),
                Event::Eof => break,
                _ => {}
            }
        }
        // Close whatever a truncated body left open.
        while !self.paragraphs.is_empty() {
            self.end(Tag::P);
        }
        while !self.tables.is_empty() {
            self.end(Tag::Tbl);
        }
        Ok(self.out.finish())
    }

    fn push(&mut self, piece: Piece) {
        if self.hidden {
            return;
        }
        if let Some(p) = self.paragraphs.last_mut() {
            p.pieces.push(piece);
        }
    }

    fn start(&mut self, t: Tag, e: &BytesStart<'_>, empty: bool) {
        match t {
            Tag::P => {
                self.paragraphs.push(Paragraph::default());
                if empty {
                    self.end(Tag::P);
                }
            }
            Tag::PPr => self.in_ppr = !empty,
            Tag::PStyle if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = attr(e, b"val");
                }
            }
            Tag::Ilvl if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.level = number_attr(e, b"val");
                }
            }
            Tag::NumId if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num_id = number_attr(e, b"val");
                }
            }
            Tag::R => {
                self.in_run = !empty;
                self.hidden = false;
            }
            Tag::RPr => self.in_rpr = !empty,
            Tag::Vanish if self.in_rpr => {
                self.hidden = !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"));
            }
            Tag::T => self.in_text = !empty,
            Tag::Tab if self.in_run => self.push(Piece::Space),
            Tag::Break if self.in_run => self.push(Piece::Break),
            Tag::NoBreakHyphen if self.in_run => self.push(Piece::Text("-".into())),
            Tag::Tbl => {
                if let Some(outer) = self.tables.last_mut() {
                    outer.layout = true;
                }
                self.tables.push(Table::default());
                if empty {
                    self.end(Tag::Tbl);
                }
            }
            Tag::Tr => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            Tag::Tc => {
                self.cells.push(Blocks::new());
                if empty {
                    self.end(Tag::Tc);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, t: Tag) {
        match t {
            Tag::P => {
                if let Some(p) = self.paragraphs.pop() {
                    self.emit(p);
                }
            }
            Tag::PPr => self.in_ppr = false,
            Tag::R => {
                self.in_run = false;
                self.hidden = false;
            }
            Tag::RPr => self.in_rpr = false,
            Tag::T => self.in_text = false,
            Tag::Tc => {
                let Some(cell) = self.cells.pop() else {
                    return;
                };
                match self.tables.last_mut() {
                    Some(table) => {
                        table.layout |= cell.block_count() > 3;
                        match table.rows.last_mut() {
                            Some(row) => row.push(cell),
                            None => table.rows.push(vec![cell]),
                        }
                    }
                    None => self.target().append(cell),
                }
            }
            Tag::Tbl => {
                let Some(table) = self.tables.pop() else {
                    return;
                };
                for row in table.rows {
                    if table.layout {
                        for cell in row {
                            self.target().append(cell);
                        }
                    } else {
                        let cells: Vec<String> = row.into_iter().map(Blocks::into_cell).collect();
                        self.target().row(&cells);
                    }
                }
            }
            _ => {}
        }
    }

    /// Where finished blocks go: the open cell, else the body.
    fn target(&mut self) -> &mut Blocks {
        match self.cells.last_mut() {
            Some(cell) => cell,
            None => &mut self.out,
        }
    }

    fn emit(&mut self, p: Paragraph) {
        let (style_num, style_level) = p
            .style
            .as_deref()
            .map_or((None, None), |s| self.styles.numbering(s));
        let marker = match p.num_id.or(style_num) {
            // numId 0 takes away a style's numbering.
            None | Some(0) => None,
            Some(num_id) => {
                let level = p.level.or(style_level).unwrap_or(0).min(9);
                match self.numbering.level(num_id, level) {
                    Level::Unmarked => None,
                    Level::Bullet => Some(None),
                    Level::Numbered(start) => Some(Some(self.count(num_id, level, start))),
                }
            }
        };
        if p.pieces.iter().all(|piece| match piece {
            Piece::Text(t) => t.trim().is_empty(),
            _ => true,
        }) {
            return;
        }
        let out = self.target();
        match marker {
            Some(number) => out.start_item(number),
            None => out.end_block(),
        }
        for piece in p.pieces {
            match piece {
                Piece::Text(t) => out.text(&t),
                Piece::Space => out.space(),
                Piece::Break => out.line_break(),
            }
        }
        out.end_block();
    }

    /// The next number of a list level; deeper levels start again.
    fn count(&mut self, num_id: u32, level: u32, start: u32) -> u32 {
        let counters = self.counters.entry(num_id).or_default();
        let level = usize::try_from(level).unwrap_or(0).min(counters.len() - 1);
        let n = counters[level].map_or(start, |c| c.saturating_add(1));
        counters[level] = Some(n);
        for deeper in &mut counters[level + 1..] {
            *deeper = None;
        }
        n
    }
}

#[cfg(test)]
mod tests;
