//! A PDF's text layer as text. lopdf parses the file (lenient about damaged
//! cross-references, with a cap on what a stream may inflate to) and decodes the
//! fonts' encodings (ToUnicode maps, WinAnsi, Differences); this module walks
//! each page's content stream to place every string shown, then lays the pieces
//! out again:
//!
//! - pieces on one baseline form a line (a gap wider than a fifth of the font
//!   size is a space, a gap wider than four is a table cell edge, " | ");
//! - a gap between lines clearly taller than the page's usual line spacing, or a
//!   change of font size, starts a new block; lines that run to the right margin
//!   are joined (a soft wrap, de-hyphenated between lower-case letters), shorter
//!   ones end a line;
//! - a line that starts with a bullet glyph or "1." is a list item;
//! - page numbers ("3", "Page 3 of 9") alone on a line are dropped.
//!
//! Text placed in form XObjects is not read (word processors do not put body text
//! there). A PDF whose pages show no text is a scan and gets an error saying so.

mod layout;

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};

use super::{Document, Format, InputError};
use layout::{Piece, lay_out};

/// What one stream may inflate to.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Pages read at most (a proceedings PDF of more is not one session's document).
const MAX_PAGES: usize = 2000;
/// Content operations read per page at most (a crafted page could hold millions).
const MAX_OPERATIONS: usize = 2_000_000;

/// Reads a PDF's text layer.
pub(super) fn read(bytes: &[u8]) -> Result<Document, InputError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..Default::default()
    };
    let pdf = Pdf::load_mem_with_options(bytes, options).map_err(|e| load_error(&e))?;
    if pdf.is_encrypted() {
        return Err(InputError::PdfEncrypted);
    }
    let pages = pdf.get_pages();
    if pages.is_empty() {
        return Err(InputError::Pdf("it has no pages".into()));
    }
    let mut lines = Vec::new();
    let mut widths = Vec::new();
    let (mut glyphs, mut undecoded) = (0usize, 0usize);
    for page_id in pages.values().take(MAX_PAGES) {
        let page = read_page(&pdf, *page_id);
        glyphs += page.glyphs;
        undecoded += page.undecoded;
        lines.push(layout::group_lines(&page.pieces));
        widths.push(page.width);
    }
    layout::drop_running_lines(&mut lines);
    let steps = lines
        .iter()
        .zip(widths)
        .map(|(l, w)| lay_out(l, w))
        .collect();
    let text = layout::join_pages(steps);
    // Most glyphs shown but not decodable: fonts without a Unicode map.
    if undecoded > 0 && undecoded * 2 > glyphs {
        return Err(InputError::PdfUndecodable);
    }
    if text.trim().is_empty() {
        return Err(InputError::PdfNoText { pages: pages.len() });
    }
    Ok(Document {
        text,
        format: Format::Pdf { pages: pages.len() },
        encoding: None,
    })
}

fn load_error(e: &lopdf::Error) -> InputError {
    match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::AlreadyEncrypted => InputError::PdfEncrypted,
        other => InputError::Pdf(other.to_string()),
    }
}

/// What a page showed.
struct Page {
    pieces: Vec<Piece>,
    /// The page's width (MediaBox), for telling soft wraps from short lines.
    width: f32,
    /// Glyph codes shown, and how many of them no font could decode.
    glyphs: usize,
    undecoded: usize,
}

/// A 2-D affine matrix `[a b c d e f]` as in PDF.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let n: Vec<f32> = ops.iter().filter_map(number).collect();
        let m: [f32; 6] = n.try_into().ok()?;
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A font as far as text extraction needs it.
struct Font<'a> {
    encoding: Option<lopdf::Encoding<'a>>,
    /// Type0 (composite) fonts show two-byte codes.
    two_byte: bool,
    widths: Widths,
}

/// Glyph widths in thousandths of the font size.
#[derive(Default)]
struct Widths {
    /// Simple fonts: `FirstChar` and the `Widths` array.
    first: u32,
    simple: Vec<f32>,
    /// Composite fonts: `(first, last, width)` ranges from `W`.
    ranges: Vec<(u32, u32, f32)>,
    default: f32,
}

impl Widths {
    fn of(&self, code: u32) -> f32 {
        if let Some(w) = code
            .checked_sub(self.first)
            .and_then(|i| self.simple.get(usize::try_from(i).ok()?))
        {
            return *w;
        }
        self.ranges
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&code))
            .map_or(self.default, |r| r.2)
    }
}

fn deref<'a>(pdf: &'a Pdf, o: &'a Object) -> Option<&'a Object> {
    pdf.dereference(o).ok().map(|(_, o)| o)
}

fn numbers(pdf: &Pdf, o: &Object) -> Vec<f32> {
    deref(pdf, o)
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|o| deref(pdf, o).and_then(number))
                .collect()
        })
        .unwrap_or_default()
}

fn font<'a>(pdf: &'a Pdf, dict: &'a Dictionary) -> Font<'a> {
    let two_byte = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice());
    let mut widths = Widths {
        default: if two_byte { 1000.0 } else { 500.0 },
        ..Widths::default()
    };
    if two_byte {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| deref(pdf, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(pdf, o))
            .and_then(|o| o.as_dict().ok());
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(number) {
                widths.default = dw;
            }
            if let Some(w) = d
                .get(b"W")
                .ok()
                .and_then(|o| deref(pdf, o))
                .and_then(|o| o.as_array().ok())
            {
                widths.ranges = composite_widths(pdf, w);
            }
        }
    } else {
        widths.first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(number)
            .map_or(0, |f| f.clamp(0.0, 65535.0) as u32);
        if let Ok(w) = dict.get(b"Widths") {
            widths.simple = numbers(pdf, w);
        }
    }
    // Identity-H without a ToUnicode map shows glyph numbers, not characters:
    // whatever a decoder makes of them is garbage, so they count as undecodable.
    let identity = dict
        .get(b"Encoding")
        .and_then(Object::as_name)
        .is_ok_and(|n| n.starts_with(b"Identity"));
    let glyph_ids = two_byte && identity && dict.get(b"ToUnicode").is_err();
    Font {
        encoding: if glyph_ids {
            None
        } else {
            dict.get_font_encoding_with_limit(pdf, MAX_STREAM_BYTES)
                .ok()
        },
        two_byte,
        widths,
    }
}

/// `W` is `c [w1 w2 …]` (widths from c on) or `c1 c2 w` (one width for a range).
fn composite_widths(pdf: &Pdf, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < w.len() && out.len() < 65536 {
        let Some(first) = number(&w[i]).map(|f| f.clamp(0.0, 1e9) as u32) else {
            break;
        };
        match deref(pdf, &w[i + 1]) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65536) {
                    if let Some(width) = deref(pdf, o).and_then(number) {
                        let code = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                        out.push((code, code, width));
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(o).map_or(first, |l| l.clamp(0.0, 1e9) as u32);
                if let Some(width) = w.get(i + 2).and_then(number) {
                    out.push((first, last, width));
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// The text state while walking a page.
struct State {
    ctm: Matrix,
    tm: Matrix,
    line: Matrix,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: Matrix::IDENTITY,
            tm: Matrix::IDENTITY,
            line: Matrix::IDENTITY,
            size: 12.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

fn read_page(pdf: &Pdf, page_id: ObjectId) -> Page {
    let width = pdf
        .get_dictionary(page_id)
        .ok()
        .and_then(|d| d.get(b"MediaBox").ok())
        .map(|b| numbers(pdf, b))
        .and_then(|b| (b.len() == 4).then(|| (b[2] - b[0]).abs()))
        .filter(|w| w.is_finite() && *w > 0.0)
        .unwrap_or(612.0);
    let mut page = Page {
        pieces: Vec::new(),
        width,
        glyphs: 0,
        undecoded: 0,
    };
    let fonts: Vec<(Vec<u8>, Font<'_>)> = pdf
        .get_page_fonts(page_id)
        .map(|fonts| {
            fonts
                .into_iter()
                .map(|(name, d)| (name, font(pdf, d)))
                .collect()
        })
        .unwrap_or_default();
    let Ok(data) = pdf.get_page_content_with_limit(page_id, MAX_STREAM_BYTES) else {
        return page;
    };
    let Ok(content) = lopdf::content::Content::decode(&data) else {
        return page;
    };
    let mut state = State::default();
    let mut saved: Vec<Matrix> = Vec::new();
    let mut current: Option<&Font<'_>> = None;
    for op in content.operations.iter().take(MAX_OPERATIONS) {
        let args = &op.operands;
        let num = |i: usize| args.get(i).and_then(number).filter(|v| v.is_finite());
        match op.operator.as_str() {
            "q" if saved.len() < 256 => saved.push(state.ctm),
            "Q" => state.ctm = saved.pop().unwrap_or(state.ctm),
            "cm" => {
                if let Some(m) = Matrix::from_operands(args) {
                    state.ctm = m.then(state.ctm);
                }
            }
            "BT" => {
                state.tm = Matrix::IDENTITY;
                state.line = Matrix::IDENTITY;
            }
            "Tf" => {
                let name = args.first().and_then(|o| o.as_name().ok());
                current = name
                    .and_then(|n| fonts.iter().find(|(k, _)| k.as_slice() == n))
                    .map(|(_, f)| f);
                state.size = num(1).unwrap_or(state.size);
            }
            "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
            "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
            "Tz" => state.scale = num(0).map_or(1.0, |s| s / 100.0),
            "TL" => state.leading = num(0).unwrap_or(0.0),
            "Ts" => state.rise = num(0).unwrap_or(0.0),
            "Td" | "TD" => {
                let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                if op.operator == "TD" {
                    state.leading = -ty;
                }
                state.line = Matrix::translate(tx, ty).then(state.line);
                state.tm = state.line;
            }
            "Tm" => {
                if let Some(m) = Matrix::from_operands(args) {
                    state.line = m;
                    state.tm = m;
                }
            }
            "T*" => next_line(&mut state),
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    next_line(&mut state);
                }
                if op.operator == "\"" {
                    state.word_spacing = num(0).unwrap_or(state.word_spacing);
                    state.char_spacing = num(1).unwrap_or(state.char_spacing);
                }
                let shown = if op.operator == "\"" {
                    args.get(2..).unwrap_or(&[])
                } else {
                    &args[..]
                };
                show(&mut state, current, shown, &mut page);
            }
            _ => {}
        }
    }
    page
}

fn next_line(state: &mut State) {
    state.line = Matrix::translate(0.0, -state.leading).then(state.line);
    state.tm = state.line;
}

/// Places the strings (and `TJ` adjustments) of one text-showing operator.
fn show(state: &mut State, font: Option<&Font<'_>>, operands: &[Object], page: &mut Page) {
    let mut items: Vec<&Object> = Vec::new();
    for o in operands {
        match o {
            Object::Array(a) => items.extend(a.iter()),
            o => items.push(o),
        }
    }
    for item in items {
        match item {
            Object::String(bytes, _) => show_string(state, font, bytes, page),
            o => {
                if let Some(adjust) = number(o).filter(|v| v.is_finite()) {
                    let tx = -adjust / 1000.0 * state.size * state.scale;
                    state.tm = Matrix::translate(tx, 0.0).then(state.tm);
                }
            }
        }
    }
}

fn show_string(state: &mut State, font: Option<&Font<'_>>, bytes: &[u8], page: &mut Page) {
    let two_byte = font.is_some_and(|f| f.two_byte);
    let codes: Vec<u32> = if two_byte {
        bytes
            .chunks(2)
            .map(|c| c.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b)))
            .collect()
    } else {
        bytes.iter().map(|b| u32::from(*b)).collect()
    };
    let mut advance = 0.0f32;
    for code in &codes {
        let w = font.map_or(500.0, |f| f.widths.of(*code));
        advance += w / 1000.0 * state.size + state.char_spacing;
        if !two_byte && *code == 32 {
            advance += state.word_spacing;
        }
    }
    advance *= state.scale;
    let text = match font.and_then(|f| f.encoding.as_ref()) {
        Some(enc) => enc.bytes_to_string(bytes).ok(),
        None => None,
    };
    page.glyphs += codes.len();
    let start = Matrix::translate(0.0, state.rise)
        .then(state.tm)
        .then(state.ctm);
    let end = Matrix::translate(advance, state.rise)
        .then(state.tm)
        .then(state.ctm);
    state.tm = Matrix::translate(advance, 0.0).then(state.tm);
    let Some(text) = text else {
        page.undecoded += codes.len();
        return;
    };
    // Codes the font's map leaves out come back as U+FFFD.
    let missing = text.chars().filter(|c| *c == '\u{fffd}').count();
    page.undecoded += missing;
    let text = if missing > 0 {
        text.replace('\u{fffd}', "")
    } else {
        text
    };
    let [_, _, c, d, _, _] = state.tm.then(state.ctm).0;
    let size = (state.size * (c * c + d * d).sqrt()).abs();
    if page.pieces.len() < 1_000_000 {
        page.pieces.push(Piece {
            x: start.0[4],
            y: start.0[5],
            end: end.0[4],
            size: if size.is_finite() && size > 0.0 {
                size
            } else {
                12.0
            },
            text,
        });
    }
}

#[cfg(test)]
mod tests;
