//! Speaker photos: the site's own resized and cropped, addresses elsewhere linked as
//! they are, initials where there is none, and a missing or broken photo an error.

use crate::SiteTest;

/// The `src` of the speaker page's photo.
fn photo_src(page: &str) -> &str {
    let at = page.find("<img class=\"photo\" src=\"").expect("a photo") + 24;
    &page[at..at + page[at..].find('"').expect("closed")]
}

#[test]
fn the_sites_own_photo_is_cropped_square_and_resized_for_the_page_and_previews() {
    let t = SiteTest::new("photos/site");
    t.build(&[]);
    let ana = t.read("speakers/ana-lima/index.html");
    let src = photo_src(&ana);
    assert!(
        src.starts_with("/photos/") && src.ends_with("-96.jpg"),
        "{src}"
    );
    let double = src.replace("-96.jpg", "-192.jpg");
    assert!(
        ana.contains(&format!("srcset=\"{src} 1x, {double} 2x\"")),
        "{ana}"
    );
    for (size, path) in [
        (96, src.to_string()),
        (192, double),
        (400, src.replace("-96.jpg", "-400.jpg")),
    ] {
        let bytes = std::fs::read(t.root().join("public").join(&path[1..])).expect("resized file");
        let img = image::load_from_memory(&bytes).expect("an image");
        assert_eq!((img.width(), img.height()), (size, size), "{path}");
        assert_eq!(
            image::guess_format(&bytes).ok(),
            Some(image::ImageFormat::Jpeg)
        );
    }
    assert!(ana.contains("<meta property=\"og:image:width\" content=\"400\">"));
    // The original is still published as it is, from static/.
    assert!(t.exists("img/ana.png"));
}

#[test]
fn a_photo_elsewhere_is_linked_as_it_is_and_nobody_has_initials() {
    let t = SiteTest::new("photos/site");
    t.build(&[]);
    let bo = t.read("speakers/bo-chen/index.html");
    assert_eq!(photo_src(&bo), "https://photos.example.org/bo.jpg");
    assert!(
        !bo.contains("og:image:width\" content=\"400"),
        "no size for a photo elsewhere"
    );
    let eve = t.read("speakers/eve-stone/index.html");
    assert!(eve.contains("<span class=\"photo initials\" aria-hidden=\"true\">ES</span>"));
}

#[test]
fn a_rebuild_writes_the_same_photos() {
    let t = SiteTest::new("photos/site");
    t.build(&[]);
    let src = photo_src(&t.read("speakers/ana-lima/index.html")).to_string();
    let first = std::fs::read(t.root().join("public").join(&src[1..])).expect("first");
    t.build(&[]);
    let again = std::fs::read(t.root().join("public").join(&src[1..])).expect("again");
    assert_eq!(first, again);
}

#[test]
fn a_missing_or_unreadable_photo_is_an_error_at_its_line_and_the_site_stays() {
    let t = SiteTest::new("photos/site");
    t.build(&[]);
    let before = t.read("speakers/ana-lima/index.html");
    t.write(
        "data/speakers.yaml",
        "- name: Ana Lima\n  photo: img/none.png\n- name: Bo Chen\n  photo: img/bad.png\n",
    );
    t.write("static/img/bad.png", "not an image");
    let out = t.run(&["build"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("data/speakers.yaml:2:10: error: the photo `img/none.png` is not in static/"),
        "{err}"
    );
    assert!(
        err.contains("data/speakers.yaml:4:10: error: the photo `img/bad.png` is not an image"),
        "{err}"
    );
    assert_eq!(
        t.read("speakers/ana-lima/index.html"),
        before,
        "the last site stays"
    );
}
