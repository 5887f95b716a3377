use super::*;

fn text(html: &str) -> String {
    read(html.as_bytes()).expect("readable").text
}

#[test]
fn a_saved_session_page_keeps_its_content_and_drops_the_site() {
    let page = include_bytes!("../../../../tests/fixtures/import/formats/session-page.html");
    let doc = read(page).expect("readable");
    assert_eq!(doc.encoding, None);
    assert_eq!(
        doc.text,
        "Resilient Connectivity for Small Island States\n\
         \n\
         Thursday, 14 May 2026 · 11:00–11:45 (UTC+02:00) · Room K\n\
         \n\
         Undersea cables, satellite links and community networks keep island economies online when storms cut a single route. This session compares how three island administrations plan for redundant links & what regulators can do to share the cost.\n\
         \n\
         Moderator\n\
         \n\
         Ms. Amara Okonjo, Senior Policy Adviser, Pacific Digital Alliance, Fiji\n\
         \n\
         Speakers\n\
         \n\
         - H.E. Mr. Tevita Lolohea, Minister of Communications, Tonga\n\
         - Dr. Ingrid Solberg, Head of Network Planning, Nordic Cable Institute, Norway\n\
         - Mr. Kenji Watanabe, Director, Satellite Services Division, Japan\n\
         - Ms. Lucía Fernández Ruiz, Regulatory Counsel, Regional Telecom Board, Uruguay\n\
         \n\
         Programme\n\
         \n\
         Time | Item\n\
         11:00 | Opening remarks\n\
         11:10 | Panel discussion; Questions from the floor\n\
         \n\
         Sustainable Development Goals\n\
         \n\
         1. Goal 9: Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation\n\
         2. Goal 17: Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development\n\
         \n\
         WSIS Action Lines\n\
         \n\
         - C2. Information and communication infrastructure\n\
         - C6. Enabling environment\n"
    );
}

#[test]
fn without_main_the_body_is_read_minus_its_boilerplate() {
    let page = r#"<html><body>
        <div class="navbar"><a>Home</a> <a>Events</a></div>
        <header><h1>Forum site</h1></header>
        <div role="navigation">Jump to</div>
        <div id="gdpr-popup">We value your privacy</div>
        <h2>Opening session</h2>
        <p>Speakers: Ana Costa, Li Wei</p>
        <footer>Contact us</footer>
        <div role="contentinfo">All rights reserved</div>
        </body></html>"#;
    assert_eq!(
        text(page),
        "Opening session\n\nSpeakers: Ana Costa, Li Wei\n"
    );
}

#[test]
fn a_lone_article_is_the_content_and_its_own_header_stays() {
    let page = r#"<body><div class="teaser">Other news</div>
        <article><header><h1>Closing plenary</h1></header><p>Chair: Ms. Ana Costa</p>
        <footer>Posted 3 May</footer></article></body>"#;
    assert_eq!(
        text(page),
        "Closing plenary\n\nChair: Ms. Ana Costa\n\nPosted 3 May\n"
    );
    // Several articles: a listing page, read whole.
    let listing = "<body><article><h2>One</h2></article><article><h2>Two</h2></article></body>";
    assert_eq!(text(listing), "One\n\nTwo\n");
}

#[test]
fn numbered_lists_follow_start_and_value_and_nested_lists_are_flattened() {
    let page = r#"<main><ol start="4"><li>Goal 4</li><li>Goal 5
        <ul><li>target 5.1</li></ul></li><li value="9">Goal 9</li></ol>
        <ul><li></li><li>after an empty item</li></ul></main>"#;
    assert_eq!(
        text(page),
        "4. Goal 4\n5. Goal 5\n- target 5.1\n9. Goal 9\n- after an empty item\n"
    );
}

#[test]
fn entities_no_break_spaces_and_preformatted_lines() {
    let page = "<main><p>R&amp;D&nbsp;&nbsp;in &eacute;ducation&#8212;now</p>\
        <pre>line one\nline two</pre><p>a<br><br>b</p></main>";
    assert_eq!(
        text(page),
        "R&D in éducation—now\n\nline one\nline two\n\na\nb\n"
    );
}

#[test]
fn a_layout_table_is_read_as_the_blocks_of_its_cells() {
    let page = "<main><table><tr><td><table><tr><td>menu</td></tr></table></td>\
        <td><h1>Session title</h1><p>Moderator: Ana Costa</p></td></tr></table></main>";
    assert_eq!(
        text(page),
        "menu\n\nSession title\n\nModerator: Ana Costa\n"
    );
}

#[test]
fn hidden_elements_and_images_alt_text() {
    let page = r#"<main><p aria-hidden="true">icon</p><p style="VISIBILITY: hidden">x</p>
        <p><img src="sdg4.png" alt="SDG 4"> Quality education</p>
        <span class="sr-only">opens in a new window</span></main>"#;
    assert_eq!(text(page), "SDG 4 Quality education\n");
}

#[test]
fn the_charset_comes_from_the_bom_then_the_meta_then_utf8() {
    let latin = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x96 Gen\xe8ve</p></body></html>";
    let doc = read(latin).expect("readable");
    assert_eq!(doc.text, "Café – Genève\n");
    assert_eq!(doc.encoding, Some("windows-1252"));

    let cyrillic = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
    assert_eq!(read(cyrillic).expect("readable").text, "Привет\n");

    let mut utf16 = vec![0xff, 0xfe];
    for u in "<p>Zürich</p>".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let doc = read(&utf16).expect("readable");
    assert_eq!(
        (doc.text.as_str(), doc.encoding),
        ("Zürich\n", Some("UTF-16LE"))
    );

    // Valid UTF-8 is UTF-8 even where the page claims Latin-1.
    let lying = "<meta charset=iso-8859-1><p>São Paulo</p>";
    let doc = read(lying.as_bytes()).expect("readable");
    assert_eq!((doc.text.as_str(), doc.encoding), ("São Paulo\n", None));
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let mut page = "<main>".to_string();
    page.push_str(&"<div><span>".repeat(3_000));
    page.push_str("deep text");
    page.push_str(&"</span></div>".repeat(3_000));
    assert_eq!(text(&page), "deep text\n");
}

#[test]
fn a_page_without_text_is_an_error() {
    let page = "<html><body><nav>Home</nav><script>x()</script></body></html>";
    assert_eq!(read(page.as_bytes()), Err(InputError::Empty));
}

#[test]
fn html_is_told_by_its_first_tag() {
    assert!(looks_like_html(b"\xef\xbb\xbf\n<!DOCTYPE HTML PUBLIC>"));
    assert!(looks_like_html(
        b"<?xml version=\"1.0\"?><!-- saved --><html>"
    ));
    assert!(!looks_like_html(b"Session <b>outcome</b>"));
    assert!(!looks_like_html(b"<!-- unterminated"));
}

#[test]
fn boilerplate_class_names_are_told_from_ordinary_ones() {
    for token in [
        "cookie-banner",
        "cookiebanner",
        "site_footer",
        "breadcrumbs",
        "main-nav",
        "sr-only",
        "share",
    ] {
        assert!(is_boilerplate_token(token), "{token}");
    }
    for token in [
        "shared-session",
        "session-speakers",
        "modality",
        "navigator-list",
        "header",
        "hero-banner",
    ] {
        assert!(!is_boilerplate_token(token), "{token}");
    }
}

#[test]
fn fuzz_a_row_ending_in_empty_cells_leaves_no_trailing_separator() {
    let page = "<main><table><tr><td>11:00</td><td>Opening remarks</td><td> </td><td></td></tr></table></main>";
    assert_eq!(text(page), "11:00 | Opening remarks\n");
}
