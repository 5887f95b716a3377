//! An input file as plain text, whatever a secretariat saved it as: text in any
//! common encoding, a saved web page (`html`), a Word document (`docx`) or a PDF
//! with a text layer (`pdf`). The format is told by the content first (`%PDF-`,
//! a zip holding `word/document.xml`, `<html`) and by the extension second; every
//! reader writes the same block shape ([`blocks`]), which the importer then reads
//! as if it had been pasted.

mod blocks;
mod docx;
mod html;
#[cfg(feature = "pdf")]
mod pdf;

use std::path::Path;

/// The largest input read; beyond it a file is refused before any parsing.
pub(crate) const MAX_INPUT_BYTES: usize = 50 * MB;

const MB: usize = 1024 * 1024;

/// How an input file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// Plain text or Markdown.
    Text,
    /// A saved web page.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF's text layer, with its page count.
    #[cfg_attr(
        not(feature = "pdf"),
        allow(dead_code, reason = "made only by the pdf reader")
    )]
    Pdf {
        /// Pages read.
        pages: usize,
    },
}

/// An input's text and how it was read, for the importer's review comments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Document {
    /// Plain text in blocks (see [`blocks`]).
    pub(crate) text: String,
    /// The format it was read as.
    pub(crate) format: Format,
    /// The character encoding, when it was not UTF-8.
    pub(crate) encoding: Option<&'static str>,
}

impl Document {
    /// What the reviewer should know about how the file was read, one line each.
    pub(crate) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        match self.format {
            Format::Text => {}
            Format::Html => notes.push(
                "read from a saved web page (its main content; menus, banners and footers left out)"
                    .to_string(),
            ),
            Format::Docx => notes.push("read from a Word document (.docx)".to_string()),
            Format::Pdf { pages } => notes.push(format!(
                "read from the text layer of a PDF ({pages} page(s)): check line breaks and table cells"
            )),
        }
        if let Some(enc) = self.encoding {
            notes.push(format!(
                "the file is not UTF-8; it was read as {enc}: check accented letters"
            ));
        }
        notes
    }
}

/// Why an input could not be read as text. Each says what is wrong; [`InputError::help`]
/// says how to get a file that can be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    /// Larger than the input limit (50 MB).
    #[error("the file is {} MB; inputs are limited to {} MB", .0 / MB, MAX_INPUT_BYTES / MB)]
    TooLarge(usize),
    /// Binary content of no known document format.
    #[error("this is not a text file, nor a web page, Word document (.docx) or PDF")]
    NotText,
    /// An old binary Word (or other Office 97-2003) file.
    #[error("this is an old binary Office document (Word 97-2003 .doc), which cannot be read")]
    OldWord,
    /// An RTF file.
    #[error("this is a Rich Text Format (.rtf) file, which cannot be read")]
    Rtf,
    /// An OpenDocument text (LibreOffice `.odt`).
    #[error("this is an OpenDocument (.odt) file, which cannot be read")]
    OpenDocument,
    /// A zip archive that holds no Word document (an .xlsx, .pptx, or any zip).
    #[error("this is a zip archive without a Word document in it (no word/document.xml)")]
    NotWord,
    /// The file is named as a format its content is not.
    #[error("the file is named .{extension} but its content is not a {what}")]
    Misnamed {
        /// The extension, lower-case.
        extension: String,
        /// What that extension promised.
        what: &'static str,
    },
    /// A Word document that does not unpack or parse.
    #[error("the Word document is damaged: {0}")]
    Docx(String),
    /// A part of a Word document unpacks to more than the limit (a zip bomb, or a huge file).
    #[error("the Word document's text unpacks to more than {} MB", docx::MAX_PART_BYTES / MB)]
    DocxTooLarge,
    /// A PDF that does not parse.
    #[error("the PDF is damaged: {0}")]
    Pdf(String),
    /// A password-protected PDF.
    #[error("the PDF is encrypted with a password, so its text cannot be read")]
    PdfEncrypted,
    /// A PDF whose pages are images only (a scan).
    #[error("the PDF has no text layer: its {pages} page(s) are images only (a scan?)")]
    PdfNoText {
        /// The page count.
        pages: usize,
    },
    /// A PDF whose fonts have no way back to letters.
    #[error("the PDF's text cannot be decoded: its fonts do not say which letters they draw")]
    PdfUndecodable,
    /// This build has no PDF reader (built without the `pdf` feature).
    #[error("this proceedings was built without PDF support (the `pdf` feature)")]
    PdfNotBuilt,
    /// A document that holds no text at all.
    #[error("the document holds no text")]
    Empty,
}

impl InputError {
    /// How to turn the file into one that can be read.
    pub fn help(&self) -> &'static str {
        match self {
            InputError::TooLarge(_) => {
                "import the session pages only: save them as a smaller file, or as plain text (.txt)"
            }
            InputError::NotText | InputError::Misnamed { .. } | InputError::NotWord => {
                "save the document as plain text (.txt, UTF-8), a web page (.html), a Word document (.docx) or a PDF"
            }
            InputError::OldWord | InputError::Rtf | InputError::OpenDocument => {
                "open it in Word or LibreOffice and save it as .docx (or run `soffice --headless --convert-to docx FILE`)"
            }
            InputError::Docx(_) | InputError::DocxTooLarge => {
                "open it in Word or LibreOffice and save it again as .docx, or copy its text into a .txt file"
            }
            InputError::Pdf(_) => {
                "open it in a PDF viewer and print it to a new PDF, or copy its text into a .txt file"
            }
            InputError::PdfEncrypted => {
                "save an unprotected copy (for example `qpdf --decrypt IN.pdf OUT.pdf` with the password), or copy its text into a .txt file"
            }
            InputError::PdfNoText { .. } | InputError::PdfUndecodable => {
                "run OCR on it first (for example `ocrmypdf IN.pdf OUT.pdf`), or paste its text into a .txt file"
            }
            InputError::PdfNotBuilt => {
                "install a build with default features, or copy the PDF's text into a .txt file"
            }
            InputError::Empty => "check that this is the right file",
        }
    }
}

/// What the first bytes say the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sniffed {
    Pdf,
    Zip,
    OldOffice,
    Rtf,
    Binary,
    Text,
}

fn sniff(bytes: &[u8], extension: &str) -> Sniffed {
    // PDF readers accept the header anywhere in the first kilobyte (mail gateways and
    // download scripts leave junk before it); only a .pdf gets that benefit of the
    // doubt, so that a text file quoting "%PDF-" stays text.
    let head = &bytes[..bytes.len().min(1024)];
    if bytes.starts_with(b"%PDF-") || (extension == "pdf" && head.windows(5).any(|w| w == b"%PDF-"))
    {
        Sniffed::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        Sniffed::OldOffice
    } else if bytes.starts_with(b"{\\rtf") {
        Sniffed::Rtf
    } else if bytes.contains(&0)
        && !bytes.starts_with(&[0xff, 0xfe])
        && !bytes.starts_with(&[0xfe, 0xff])
    {
        // NUL bytes outside UTF-16: an image or some other binary, not text.
        Sniffed::Binary
    } else {
        Sniffed::Text
    }
}

/// Reads an input file's bytes as plain text in blocks. `path` gives the extension,
/// which decides only where the content does not (plain text versus HTML, and
/// which error a misnamed file gets). Never panics.
pub(crate) fn document_text(path: &Path, bytes: &[u8]) -> Result<Document, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge(bytes.len()));
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let document = match sniff(bytes, &extension) {
        Sniffed::Pdf => read_pdf(bytes)?,
        Sniffed::Zip => docx::read(bytes)?,
        Sniffed::OldOffice => return Err(InputError::OldWord),
        Sniffed::Rtf => return Err(InputError::Rtf),
        Sniffed::Binary => return Err(InputError::NotText),
        Sniffed::Text => {
            let promised = match extension.as_str() {
                "pdf" => Some("PDF"),
                "docx" => Some("Word document"),
                _ => None,
            };
            if let Some(what) = promised {
                return Err(InputError::Misnamed { extension, what });
            }
            let by_name = matches!(extension.as_str(), "html" | "htm" | "xhtml");
            if by_name || html::looks_like_html(bytes) {
                html::read(bytes)?
            } else {
                let (text, encoding) = super::clean::decode(bytes);
                Document {
                    text,
                    format: Format::Text,
                    encoding,
                }
            }
        }
    };
    Ok(document)
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> Result<Document, InputError> {
    pdf::read(bytes)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8]) -> Result<Document, InputError> {
    Err(InputError::PdfNotBuilt)
}

/// An input file's text as the importer reads it (without the note of how it was
/// read): for the fuzz target and tools that want the text only.
pub fn read_text(path: &Path, bytes: &[u8]) -> Result<String, InputError> {
    document_text(path, bytes).map(|d| d.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> Result<Document, InputError> {
        document_text(Path::new(name), bytes)
    }

    #[test]
    fn plain_text_is_decoded_as_before() {
        let doc = read("a.txt", b"Caf\xe9 talk\n").expect("text");
        assert_eq!(doc.text, "Café talk\n");
        assert_eq!(doc.format, Format::Text);
        assert_eq!(doc.encoding, Some("Windows-1252"));
        assert_eq!(doc.notes().len(), 1);
    }

    #[test]
    fn content_wins_over_the_extension() {
        let page = b"<!DOCTYPE html><html><body><main><p>Hello</p></main></body></html>";
        let doc = read("page.txt", page).expect("html");
        assert_eq!(doc.format, Format::Html);
        assert_eq!(doc.text, "Hello\n");
    }

    #[test]
    fn formats_that_cannot_be_read_say_how_to_convert() {
        let doc = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
        let e = read("outcome.doc", &doc).expect_err("old word");
        assert_eq!(e, InputError::OldWord);
        assert!(e.help().contains("--convert-to docx"));
        assert_eq!(read("a.rtf", b"{\\rtf1 x}"), Err(InputError::Rtf));
        // "%PDF-" inside text is text; junk before the header of a .pdf is tolerated.
        let quoted = read("notes.txt", b"We saved it as %PDF-1.7.").expect("text");
        assert_eq!(quoted.format, Format::Text);
        assert_ne!(
            read("mail.pdf", b"\r\n\r\n%PDF-1.4 broken"),
            Err(InputError::Misnamed {
                extension: "pdf".into(),
                what: "PDF"
            })
        );
        assert_eq!(
            read("a.png", b"\x89PNG\r\n\x1a\n\0\0"),
            Err(InputError::NotText)
        );
        assert_eq!(
            read("a.pdf", b"just text"),
            Err(InputError::Misnamed {
                extension: "pdf".into(),
                what: "PDF"
            })
        );
    }

    #[cfg(not(feature = "pdf"))]
    #[test]
    fn without_the_pdf_feature_a_pdf_says_so() {
        let e = read("a.pdf", b"%PDF-1.4\n").expect_err("no reader");
        assert_eq!(e, InputError::PdfNotBuilt);
        assert!(e.help().contains(".txt"));
    }

    #[test]
    fn inputs_over_the_limit_are_refused_before_parsing() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let e = read("big.txt", &big).expect_err("too large");
        assert!(matches!(e, InputError::TooLarge(_)));
        assert!(e.to_string().contains("limited to 50 MB"), "{e}");
    }
}
