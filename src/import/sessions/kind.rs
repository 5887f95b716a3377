//! What kind of text a document is, beyond its sessions: a speech (a byline and an
//! address to an audience) or a press item, whose quoted people are not speakers.

use super::super::lines::Line;
use super::super::when::{find_time, is_when_line};

/// Whether the text is a speech: a byline at the top ("Speech by Dr X", "Remarks
/// by …") and an address to an audience ("Excellencies, ladies and gentlemen,").
/// The people it welcomes and thanks are its audience, not speakers.
pub(crate) fn is_speech(lines: &[Line]) -> bool {
    let byline = lines.iter().take(8).any(|l| {
        let lower = l.text.to_lowercase();
        [
            "speech by",
            "speech from",
            "remarks by",
            "address by",
            "statement by",
            "discours de",
            "discurso de",
        ]
        .iter()
        .any(|b| lower.starts_with(b))
    });
    let address = lines.iter().take(60).any(|l| {
        let lower = l.text.to_lowercase();
        [
            "excellencies",
            "ladies and gentlemen",
            "distinguished delegates",
            "mesdames et messieurs",
            "señoras y señores",
        ]
        .iter()
        .any(|c| lower.starts_with(c) || lower.contains(&format!(" {c}")))
    });
    byline && address
}

/// Whether the text is a press item, a news story or a speech rather than a
/// session's page: it says so ("Press release", "Communiqué"), it addresses an
/// audience ("Excellencies, ladies and gentlemen,"), or nothing in it is a session's
/// (no people label, no time, no highlights or report header, no session word at
/// the top). People quoted in such prose are not the session's speakers.
pub(crate) fn is_press(lines: &[Line]) -> bool {
    let says = lines.iter().take(40).any(|l| {
        let lower = l.text.to_lowercase();
        [
            "press release",
            "communiqué",
            "comunicado de prensa",
            "press office",
            "media advisory",
            "for immediate release",
            "news release",
            "itu news",
            "by itu news",
            "newsroom",
        ]
        .iter()
        .any(|c| lower.starts_with(c) || lower == *c || lower.contains(&format!("{c}:")))
    });
    if says || is_speech(lines) {
        return true;
    }
    let session_words = [
        "session",
        "panel",
        "roundtable",
        "round table",
        "workshop",
        "dialogue",
        "ceremony",
        "moderat",
        "forum",
        "plenary",
        "keynote",
        "highlights",
        "report",
        "summit",
        "webinar",
        "meeting",
        "debate",
        "segment",
        "conference",
        "sesión",
        "séance",
        "atelier",
        "taller",
        "conférence",
        "table ronde",
        "réunion",
        "foro",
        "conferencia",
        "mesa redonda",
        "reunión",
        "форум",
        "сесси",
        "секци",
        "круглый стол",
        "конференци",
        "заседани",
        "семинар",
        "منتدى",
        "جلسة",
        "ورشة",
        "مؤتمر",
        "اجتماع",
        "论坛",
        "会议",
        "研讨会",
        "峰会",
    ];
    let top = lines.iter().take(6).any(|l| {
        let lower = l.text.to_lowercase();
        session_words.iter().any(|w| lower.contains(w))
    });
    let shaped = lines.iter().any(|l| {
        matches!(
            super::super::labels::label(&l.text).map(|lb| lb.field),
            Some(
                super::super::labels::Field::People(_)
                    | super::super::labels::Field::Sdgs
                    | super::super::labels::Field::ActionLines
            )
        ) || l.text == "Categories"
            || (is_when_line(&l.text) && find_time(&l.text).is_some())
    });
    !(top || shaped)
}
