use std::io::Write as _;

use super::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx of the given parts (stored or deflated).
fn zip_of(parts: &[(&str, &str)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in parts {
        zip.start_file(*name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

fn body(xml: &str) -> String {
    format!(r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{xml}</w:body></w:document>"#)
}

fn text_of(parts: &[(&str, &str)]) -> String {
    read(&zip_of(parts, zip::CompressionMethod::Deflated))
        .expect("readable")
        .text
}

fn numbering(levels: &str) -> String {
    format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>
        <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn item(level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn the_outcome_template_keeps_its_blocks_and_leaves_out_headers_comments_and_revisions() {
    let docx = include_bytes!("../../../../tests/fixtures/import/formats/outcome.docx");
    let doc = read(docx).expect("readable");
    assert_eq!(doc.format, Format::Docx);
    // The same text as the PDF LibreOffice made of it (see pdf/tests.rs).
    let expected = include_str!("../../../../tests/fixtures/import/formats/outcome.expected.txt");
    assert_eq!(doc.text, expected);
}

#[test]
fn numbered_levels_count_as_word_counts_them() {
    let levels = r#"<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl>
        <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="none"/></w:lvl>"#;
    let doc = body(
        &[
            item(0, "three"),
            item(1, "a"),
            item(1, "b"),
            item(0, "four"),
            item(1, "a again"),
            item(2, "dot"),
            item(3, "plain"),
        ]
        .concat(),
    );
    assert_eq!(
        text_of(&[
            ("word/document.xml", &doc),
            ("word/numbering.xml", &numbering(levels))
        ]),
        "3. three\n1. a\n2. b\n4. four\n1. a again\n- dot\n\nplain\n"
    );
}

#[test]
fn a_list_style_numbers_its_paragraphs_unless_numbering_is_taken_away() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W}"><w:style w:styleId="ListBase"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
        <w:style w:styleId="ListNumber"><w:basedOn w:val="ListBase"/></w:style>
        <w:style w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style></w:styles>"#
    );
    let levels = r#"<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>"#;
    let p = |style: &str, extra: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let doc = body(
        &[
            p("ListNumber", "", "first"),
            p("ListNumber", "", "second"),
            p(
                "ListNumber",
                r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#,
                "not an item",
            ),
            p("Loop", "", "a style based on itself"),
        ]
        .concat(),
    );
    assert_eq!(
        text_of(&[
            ("word/document.xml", &doc),
            ("word/numbering.xml", &numbering(levels)),
            ("word/styles.xml", &styles),
        ]),
        "1. first\n2. second\n\nnot an item\n\na style based on itself\n"
    );
}

#[test]
fn runs_breaks_tabs_fields_and_hidden_text() {
    let doc = body(
        r#"<w:p><w:r><w:t>Moderator:</w:t><w:tab/><w:t xml:space="preserve">Ana </w:t></w:r>
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>(secret)</w:t></w:r>
        <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Costa</w:t></w:r>
        <w:r><w:br/><w:t>ITU&amp;UNESCO &#8211; Geneva</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r>
        <w:ins><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>
        <w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>tab stops are not tabs</w:t></w:r></w:p>
        <w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"#,
    );
    assert_eq!(
        text_of(&[("word/document.xml", &doc)]),
        "Moderator: Ana Costa\nITU&UNESCO – Geneva-1 inserted\n\ntab stops are not tabs\n"
    );
}

#[test]
fn word_is_found_by_namespace_not_by_prefix() {
    let doc = format!(
        r#"<x:document xmlns:x="{W}" xmlns:a="urn:other"><x:body><x:p><x:r><x:t>kept</x:t></x:r></x:p>
        <a:p><a:r><a:t>other vocabulary</a:t></a:r></a:p></x:body></x:document>"#
    );
    assert_eq!(text_of(&[("word/document.xml", &doc)]), "kept\n");
}

#[test]
fn a_table_laid_out_as_a_page_is_read_as_blocks() {
    let cell = |paras: &[&str]| {
        let ps: String = paras
            .iter()
            .map(|t| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc>{ps}</w:tc>")
    };
    let doc = body(&format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["Title"]),
        cell(&["one", "two", "three", "four"])
    ));
    assert_eq!(
        text_of(&[("word/document.xml", &doc)]),
        "Title\n\none\n\ntwo\n\nthree\n\nfour\n"
    );
}

#[test]
fn what_is_not_a_word_document_says_so() {
    let odt = zip_of(
        &[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<x/>"),
        ],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(read(&odt), Err(InputError::OpenDocument));
    let xlsx = zip_of(
        &[("xl/workbook.xml", "<x/>")],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(read(&xlsx), Err(InputError::NotWord));
    assert!(matches!(
        read(b"PK\x03\x04 truncated"),
        Err(InputError::Docx(_))
    ));
    let broken = zip_of(
        &[(
            "word/document.xml",
            &body("<w:p><w:r><w:t>a</w:t></w:r></w:q>"),
        )],
        zip::CompressionMethod::Stored,
    );
    assert!(matches!(read(&broken), Err(InputError::Docx(m)) if m.contains("word/document.xml")));
    let empty = zip_of(
        &[("word/document.xml", &body(""))],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(read(&empty), Err(InputError::Empty));
}

#[test]
fn a_part_that_inflates_past_the_cap_is_refused() {
    // 1 MB of text deflates to about a kilobyte: what a zip bomb is made of.
    let big = body(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "a ".repeat(500_000)
    ));
    let docx = zip_of(
        &[("word/document.xml", &big)],
        zip::CompressionMethod::Deflated,
    );
    assert!(docx.len() < 20_000, "{} bytes", docx.len());
    assert_eq!(read_limited(&docx, 100_000), Err(InputError::DocxTooLarge));
    assert!(read_limited(&docx, 2_000_000).is_ok());
}
