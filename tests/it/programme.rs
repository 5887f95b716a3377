//! An event's programme by day and the session page around its body (#20 items 1
//! and 2): pages of whole days, the day navigation, times sorted as times, previous
//! and next sessions, the room, typed links and each session's calendar entry.

use crate::{SiteTest, main_of};

fn built() -> SiteTest {
    let t = SiteTest::new("programme/forum");
    t.build(&["--base-url", "https://example.org/sub/"]);
    t
}

/// Where `needle` is in `hay`, which must hold it.
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{hay}"))
}

#[test]
fn an_event_is_paginated_by_whole_days_with_a_day_navigation() {
    let t = built();
    // Three to a page: the first day's four sessions are one page, the second and
    // third days (two and one) share the next, and the undated one is last.
    let first = t.read("events/forum-2030/index.html");
    let second = t.read("events/forum-2030/page/2/index.html");
    let third = t.read("events/forum-2030/page/3/index.html");
    assert!(!t.exists("events/forum-2030/page/4/index.html"));
    let days = |page: &str| -> Vec<String> {
        page.match_indices("<h2 class=\"day\" id=\"")
            .map(|(i, m)| {
                let rest = &page[i + m.len()..];
                rest[..rest.find('"').expect("id ends")].to_string()
            })
            .collect()
    };
    assert_eq!(days(&first), ["day-2030-05-01"]);
    assert_eq!(days(&second), ["day-2030-05-02", "day-2030-05-03"]);
    assert_eq!(days(&third), ["day-tba"]);
    let main = main_of(&first);
    // The day as it ran: 09:30 before 10:00, 16:30 before 17:00 (not as text).
    let order = [
        "Nine thirty talk",
        "Ten o&#39;clock talk",
        "Half past four talk",
        "Five pm talk",
    ];
    let places: Vec<usize> = order.iter().map(|t| at(main, t)).collect();
    assert!(places.is_sorted(), "programme order: {places:?}");
    assert!(main.contains("<span class=\"slot-time\">09:30–10:00</span>"));
    assert!(main.contains("Thursday 2 May 2030") || second.contains("Thursday 2 May 2030"));
    // Every day is in the navigation of every page, linked on the page that holds it.
    for page in [&first, &second, &third] {
        let nav = &page[at(page, "<nav class=\"days\"")..];
        let nav = &nav[..at(nav, "</nav>")];
        for link in [
            "/sub/events/forum-2030/page/2/#day-2030-05-02",
            "/sub/events/forum-2030/page/3/#day-tba",
        ] {
            assert!(
                nav.contains(link) || nav.contains(&link[link.find('#').expect("#")..]),
                "{link} in {nav}"
            );
        }
    }
    assert!(
        second.contains("href=\"#day-2030-05-03\""),
        "same page: a fragment"
    );
    // The event's dates come from its sessions when events.yaml gives none.
    assert!(main.contains("1–3 May 2030"), "{main}");
    assert!(main.contains("Room 2"), "the room is in the programme");
}

#[test]
fn a_session_page_puts_the_body_before_the_long_lists_and_links_its_neighbours() {
    let t = built();
    let page = t.read("sessions/b/index.html");
    let main = main_of(&page);
    // Names first (the first three speakers, then a link to everyone), then the body,
    // then the details.
    let names = at(
        main,
        "<p class=\"people-line\">Ana Lima, Ben Okafor, Chen Wei",
    );
    assert!(main.contains("<a href=\"#speakers\">and 2 more</a>"));
    let body = at(main, "<div class=\"body prose\">");
    let panel = at(main, "<aside class=\"panel\"");
    assert!(names < body && body < panel, "{main}");
    assert!(
        at(main, "id=\"speakers\"") > body,
        "the full list follows the body"
    );
    // Its neighbours in the programme, in time order.
    assert!(main.contains("<a rel=\"prev\" href=\"/sub/sessions/a/\">"));
    assert!(main.contains("<a rel=\"next\" href=\"/sub/sessions/d/\">"));
    assert!(!main_of(&t.read("sessions/a/index.html")).contains("rel=\"prev\""));
    // The instant, for the reader's own time zone (filled in by cite.js).
    assert!(main.contains(
        "<span class=\"local\" data-start=\"2030-05-01T08:00Z\" data-end=\"2030-05-01T09:00Z\" hidden></span>"
    ));
}

#[test]
fn typed_links_and_the_room_are_shown_and_exported_and_recordings_are_never_embedded() {
    let t = built();
    let page = t.read("sessions/c/index.html");
    let main = main_of(&page);
    assert!(main.contains(" · Room 2</p>"), "the room beside the time");
    assert!(main.contains(
        "<dd><a href=\"https://www.youtube.com/watch?v=abcdefghijk\">Recording</a> <span class=\"muted\">(YouTube, 1 h 32 min)</span></dd>"
    ));
    assert!(
        main.contains("<a href=\"/sub/docs/outcome.pdf\">Outcome document</a>"),
        "a site path gets the base path"
    );
    assert!(main.contains("<a href=\"https://example.org/slides.pdf\">Slides</a>"));
    assert!(
        !page.contains("<iframe") && !page.contains("<video"),
        "never an embed"
    );
    let export = t.read("data/sessions/1.json.gz");
    assert!(export.contains("\"room\":\"Room 2\""), "{export}");
    assert!(export.contains(
        "{\"kind\":\"recording\",\"label\":\"Recording\",\"url\":\"https://www.youtube.com/watch?v=abcdefghijk\",\"duration\":\"PT1H32M10S\"}"
    ));
}

#[test]
fn each_dated_session_has_its_own_calendar_entry() {
    let t = built();
    let ics = t.read("sessions/c/session.ics");
    for line in [
        "BEGIN:VCALENDAR",
        "DTSTART:20300501T150000Z",
        "DTEND:20300501T160000Z",
        "SUMMARY:Five pm talk",
        "LOCATION:Room 2\\, Geneva\\, Switzerland",
        "UID:c@example.org/sub",
    ] {
        assert!(ics.contains(&format!("{line}\r\n")), "{line} in\n{ics}");
    }
    // The same entry as in the event's calendar, so that adding both does not duplicate it.
    let event = t.read("events/forum-2030/sessions.ics");
    let entry = |s: &str| s[at(s, "BEGIN:VEVENT")..at(s, "END:VEVENT")].to_string();
    assert!(event.contains(&entry(&ics)));
    assert!(
        main_of(&t.read("sessions/c/index.html"))
            .contains("href=\"/sub/sessions/c/session.ics\" download")
    );
    assert!(
        !t.exists("sessions/h/session.ics"),
        "an undated session has none"
    );
    assert!(!main_of(&t.read("sessions/h/index.html")).contains("session.ics"));
}
