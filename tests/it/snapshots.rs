//! Snapshots of the `<main>` region of the main page kinds: the template
//! contract as a reader sees it. Review changes with `cargo insta review`.

use crate::{SiteTest, main_of};

#[test]
fn session_speaker_and_sdg_pages_match_their_snapshots() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    for (name, path) in [
        ("session", "sessions/opening/index.html"),
        ("speaker", "speakers/bo-chen/index.html"),
        ("sdg", "sdgs/9/index.html"),
        ("action_line", "action-lines/c7/index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&t.read(path)));
    }
}
