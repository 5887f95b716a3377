//! Any bytes as an import input file (a saved web page, a Word document, a PDF or
//! text): reading must never panic, and whatever text comes back has the one block
//! shape every reader promises (no blank line runs, no spaces at line ends, no
//! control characters).
//!
//! `IMPORT_INPUT_FORMAT` picks what the bytes are fed as; without it the first byte
//! picks. `docx-xml` and `pdf-content` wrap the bytes in a valid container (as
//! `word/document.xml`, or as a page's content stream with fonts), so that the
//! mutations reach the readers rather than stopping at the zip or PDF structure.
#![no_main]

use std::io::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use proceedings::import::read_text;

#[derive(Clone, Copy, Debug)]
enum Mode {
    Html,
    Docx,
    DocxXml,
    Pdf,
    PdfContent,
    Text,
}

const MODES: [(&str, Mode); 6] = [
    ("html", Mode::Html),
    ("docx", Mode::Docx),
    ("docx-xml", Mode::DocxXml),
    ("pdf", Mode::Pdf),
    ("pdf-content", Mode::PdfContent),
    ("text", Mode::Text),
];

fn fixed_mode() -> Option<Mode> {
    static MODE: OnceLock<Option<Mode>> = OnceLock::new();
    *MODE.get_or_init(|| {
        let name = std::env::var("IMPORT_INPUT_FORMAT").ok()?;
        let mode = MODES.iter().find(|(n, _)| *n == name).map(|(_, m)| *m);
        assert!(mode.is_some(), "IMPORT_INPUT_FORMAT={name}: one of html, docx, docx-xml, pdf, pdf-content, text");
        mode
    })
}

fn docx_around(xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let numbering = br#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    for (name, bytes) in [("word/document.xml", xml), ("word/numbering.xml", numbering.as_slice())] {
        if zip.start_file(name, options).is_err() || zip.write_all(bytes).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn pdf_around(content: &[u8]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /Widths [278 278 355] >>".to_vec());
    objects.push(b"<< /Type /Font /Subtype /Type0 /BaseFont /X+Calibri /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /W [1 [500 600] 10 20 700] >>] /ToUnicode 7 0 R >>".to_vec());
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0041> <0002> <0062> endbfchar 1 beginbfrange <0010> <0020> <0061> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let mut cmap_stream = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    cmap_stream.extend_from_slice(cmap);
    cmap_stream.extend_from_slice(b"\nendstream");
    objects.push(cmap_stream);
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend_from_slice(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

fuzz_target!(|data: &[u8]| {
    let (mode, data) = match fixed_mode() {
        Some(m) => (m, data),
        None => match data.split_first() {
            Some((first, rest)) => (MODES[usize::from(*first) % MODES.len()].1, rest),
            None => return,
        },
    };
    let (name, bytes) = match mode {
        Mode::Html => ("page.html", data.to_vec()),
        Mode::Docx => ("outcome.docx", data.to_vec()),
        Mode::DocxXml => ("outcome.docx", docx_around(data)),
        Mode::Pdf => ("outcome.pdf", data.to_vec()),
        Mode::PdfContent => ("outcome.pdf", pdf_around(data)),
        Mode::Text => ("outcome.txt", data.to_vec()),
    };
    let Ok(text) = read_text(Path::new(name), &bytes) else {
        return;
    };
    if matches!(mode, Mode::Text) {
        // Plain text is passed on as decoded; the shape is the readers' promise.
        return;
    }
    assert!(!text.contains("\n\n\n"), "a run of blank lines: {text:?}");
    for line in text.lines() {
        assert_eq!(line, line.trim(), "spaces at a line end: {text:?}");
        assert!(!line.chars().any(char::is_control), "a control character: {line:?}");
    }
});
