use super::*;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/formats/"
);

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).expect("fixture")
}

/// A PDF of the given pages' content streams, with Helvetica (WinAnsi) as /F1
/// and `font2` as /F2.
fn pdf_with(pages: &[&str], font2: &str) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, once the pages are numbered
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
        font2.into(),
    ];
    let mut kids = Vec::new();
    for content in pages {
        let page = objects.len() + 1;
        kids.push(format!("{page} 0 R"));
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            page + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn pdf(pages: &[&str]) -> Vec<u8> {
    pdf_with(
        pages,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    )
}

fn text(pages: &[&str]) -> String {
    read(&pdf(pages)).expect("readable").text
}

#[test]
fn a_word_processor_pdf_reads_as_its_document_does() {
    let doc = read(&fixture("outcome.pdf")).expect("readable");
    assert_eq!(doc.format, Format::Pdf { pages: 2 });
    // LibreOffice made the PDF from outcome.docx: the same blocks come back, the
    // running header and footer of its two pages left out.
    let expected =
        std::fs::read_to_string(format!("{FIXTURES}outcome.expected.txt")).expect("fixture");
    assert_eq!(doc.text, expected);
}

#[test]
fn a_scan_and_a_protected_pdf_say_what_to_do() {
    let scan = read(&fixture("scanned.pdf")).expect_err("no text");
    assert_eq!(scan, InputError::PdfNoText { pages: 1 });
    assert!(scan.help().contains("OCR"), "{}", scan.help());
    let locked = read(&fixture("outcome-protected.pdf")).expect_err("encrypted");
    assert_eq!(locked, InputError::PdfEncrypted);
    assert!(locked.help().contains("password"));
}

#[test]
fn text_operators_place_lines_where_the_page_shows_them() {
    // Tm with a scaling cm, TD then T* (leading), ' and a TJ whose large gap is a space.
    let page = "q 2 0 0 2 0 0 cm BT /F1 6 Tf 1 0 0 1 36 380 Tm (Session title) Tj ET Q \
        BT /F1 12 Tf 72 700 Td (Moderator: Ana) Tj 0 -14 TD (Costa, ITU) Tj T* \
        [(Speak) 20 (ers) -900 (below)] TJ (and more) ' ET";
    assert_eq!(
        text(&[page]),
        "Session title\n\nModerator: Ana\nCosta, ITU\nSpeakers below\nand more\n"
    );
}

#[test]
fn blocks_lists_and_soft_wraps_follow_the_layout() {
    // Line spacing 14: a gap of 28 starts a block; a line reaching the right
    // margin continues on the next (hyphen dropped between lower-case letters).
    // As in every format, items follow one another without a blank line.
    let long = "x".repeat(88);
    let page = format!(
        "BT /F1 12 Tf 72 760 Td (Speakers:) Tj 0 -14 Td (\\225 Ana Costa, ITU) Tj \
         0 -14 Td (\\225 Li Wei, UNESCO) Tj 0 -28 Td (1. First point) Tj 0 -14 Td (2. Second point) Tj \
         0 -28 Td ({long} infor-) Tj 0 -14 Td (mation follows) Tj 0 -28 Td (7) Tj ET"
    );
    assert_eq!(
        text(&[&page]),
        format!(
            "Speakers:\n\n- Ana Costa, ITU\n- Li Wei, UNESCO\n1. First point\n2. Second point\n\n{long} information follows\n"
        )
    );
}

#[test]
fn running_headers_and_footers_on_every_page_are_left_out() {
    let page = |body: &str, n: u32| {
        format!(
            "BT /F1 9 Tf 72 800 Td (Forum 2026 outcome) Tj ET BT /F1 12 Tf 72 700 Td ({body}) Tj ET \
             BT /F1 9 Tf 72 40 Td (Page {n} of 2) Tj ET"
        )
    };
    assert_eq!(
        text(&[&page("First page text", 1), &page("Second page text", 2)]),
        "First page text\n\nSecond page text\n"
    );
    // One page: nothing repeats, so nothing is taken for a header.
    assert_eq!(text(&[&page("Alone", 1)]), "Forum 2026 outcome\n\nAlone\n");
}

#[test]
fn fonts_that_cannot_be_decoded_are_an_error_not_garbage() {
    let type0 = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H \
        /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /DW 500 >>] >>";
    let page = "BT /F2 12 Tf 72 700 Td <002A0048004F004F0052> Tj 0 -14 Td <0031> Tj ET";
    let e = read(&pdf_with(&[page], type0)).expect_err("undecodable");
    assert_eq!(e, InputError::PdfUndecodable);
    assert!(e.help().contains("OCR"));
}

#[test]
fn damaged_pdfs_are_errors() {
    assert!(matches!(
        read(b"%PDF-1.7\n garbage"),
        Err(InputError::Pdf(_))
    ));
    let whole = fixture("outcome.pdf");
    for cut in [10, whole.len() / 3, whole.len() / 2, whole.len() - 40] {
        // A truncated file may still read (lopdf rebuilds the cross-references) or fail; never panic.
        let _ = read(&whole[..cut]);
    }
    let empty_tree = pdf(&[]);
    assert_eq!(
        read(&empty_tree),
        Err(InputError::Pdf("it has no pages".into()))
    );
}
