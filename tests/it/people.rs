//! Speaker pages and the speakers A–Z: family-name order, a busy speaker's sessions by
//! year and event, co-speakers, and what a large site's index adds (#20 item 3).

use crate::{SiteTest, main_of};

/// A session of `event` on `date` with `people` as speakers (`None`: no event).
fn session(title: &str, event: Option<&str>, date: &str, people: &[&str]) -> String {
    let event = event.map_or(String::new(), |e| format!("event: {e}\n"));
    let list: Vec<String> = people.iter().map(|p| format!("  - \"{p}\"\n")).collect();
    format!(
        "---\ntitle: \"{title}\"\n{event}date: {date}\nspeakers:\n{}---\nBody.\n",
        list.concat()
    )
}

/// Where `what` is in `page`, which must have it.
fn at(page: &str, what: &str) -> usize {
    page.find(what)
        .unwrap_or_else(|| panic!("{what} missing from\n{page}"))
}

#[test]
fn the_a_z_sorts_by_family_name_with_particles_and_the_registry_s_sort_name() {
    let t = SiteTest::new("people/basic");
    t.build(&[]);
    let az = main_of(&t.read("speakers/index.html")).to_string();
    let order = [
        "Zoe Adams",
        "Ludwig van Beethoven",
        "Jan van der Berg",
        "Anna Bergman",
        "Gabriel García Márquez",
        "Nguyễn Mạnh Hùng",
        "Ronaldinho",
        "Eddie Van Halen",
        "Zhao Houlin",
    ];
    for pair in order.windows(2) {
        assert!(at(&az, pair[0]) < at(&az, pair[1]), "{pair:?}");
    }
    // Each name is under the letter of its family name (or of its `sort_name:`).
    let letter = |name: &str| {
        let heading = az[..at(&az, name)]
            .rfind("<h2 id=\"letter-")
            .expect("a letter");
        az[heading + "<h2 id=\"letter-".len()..]
            .chars()
            .next()
            .expect("letter")
    };
    assert_eq!(letter("Jan van der Berg"), 'b');
    assert_eq!(letter("Eddie Van Halen"), 'v');
    assert_eq!(letter("Zhao Houlin"), 'z');
    assert_eq!(letter("Nguyễn Mạnh Hùng"), 'n');
    assert_eq!(letter("Gabriel García Márquez"), 'g');
    assert_eq!(letter("Ronaldinho"), 'r');
    // A small site has neither the filter nor the most frequent speakers.
    assert!(!az.contains("name-filter") && !az.contains("Most sessions"));
}

#[test]
fn an_unknown_key_beside_sort_name_is_still_an_error() {
    let t = SiteTest::new("people/basic");
    t.write(
        "data/speakers.yaml",
        "- name: Zhao Houlin\n  sortname: Zhao\n",
    );
    let out = t.run(&["build"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sortname"), "{stderr}");
}

#[test]
fn a_busy_speaker_s_sessions_are_one_page_by_year_and_event_and_a_few_are_cards() {
    let t = SiteTest::new("people/basic");
    let busy = "Busy Person";
    let sessions = [
        ("Alpha", Some("Forum 2024"), "2024-05-27"),
        ("Beta", Some("Forum 2024"), "2024-05-28"),
        ("Gamma", Some("Summit 2024"), "2024-09-01"),
        ("Delta", None, "2024-02-01"),
        ("Epsilon", Some("Forum 2023"), "2023-05-27"),
        ("Zeta", Some("Forum 2023"), "2023-05-28"),
    ];
    for (i, (title, event, date)) in sessions.iter().enumerate() {
        let people = if i == 0 {
            vec![busy, "Few Sessions"]
        } else {
            vec![busy]
        };
        let text = session(title, *event, date, &people);
        t.write(&format!("sessions/busy-{i}.md"), &text);
    }
    t.write(
        "proceedings.yaml",
        "title: People Test\nbase_url: https://example.org/\nsessions_per_page: 2\n",
    );
    t.build(&[]);
    // One page however many sessions, and per page setting, there are.
    assert!(!t.exists("speakers/busy-person/page/2/index.html"));
    let page = main_of(&t.read("speakers/busy-person/index.html")).to_string();
    assert!(!page.contains("role-card"), "no cards for a busy speaker");
    // Newest year first, each with its count; in a year, the event of the newest session first.
    assert!(at(&page, "id=\"year-2024\"") < at(&page, "id=\"year-2023\""));
    assert!(page.contains("2024 <span class=\"count\">4 sessions</span>"));
    assert!(page.contains("2023 <span class=\"count\">2 sessions</span>"));
    assert!(at(&page, ">Summit 2024<") < at(&page, ">Forum 2024<"));
    assert!(at(&page, ">Forum 2024<") < at(&page, "Other sessions"));
    // The years' links, and each line's title, date and role.
    assert!(page.contains("<a href=\"#year-2023\">2023</a>"));
    assert!(page.contains(
        "<a href=\"/sessions/busy-1/\">Beta</a> <span class=\"muted\"><time datetime=\"2024-05-28\">28 May</time> · Speaker</span>"
    ));
    // Beta (28 May) before Alpha (27 May): newest first within the event.
    assert!(at(&page, ">Beta<") < at(&page, ">Alpha<"));
    // A speaker with one session sees its card, with their role.
    let few = main_of(&t.read("speakers/few-sessions/index.html")).to_string();
    assert!(few.contains("role-card") && few.contains(">Alpha<"));
    assert!(!few.contains("id=\"year-"));
}

#[test]
fn and_n_more_co_speakers_is_a_link_to_all_of_them_and_never_the_person() {
    let t = SiteTest::new("people/basic");
    let others: Vec<String> = (1..=40).map(|i| format!("Panel Member{i:02}")).collect();
    let mut people: Vec<&str> = vec!["Main Person"];
    people.extend(others.iter().map(String::as_str));
    // The person again under another spelling: still one person, and not their own co-speaker.
    people.push("main person");
    t.write(
        "sessions/big-panel.md",
        &session("Big panel", None, "2024-06-01", &people),
    );
    let small = [
        "Main Person",
        "Panel Member01",
        "Solo Guest",
        "Second Guest",
    ];
    let second = session("Small panel", None, "2024-06-02", &small);
    t.write("sessions/small-panel.md", &second);
    let out = t.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = main_of(&t.read("speakers/main-person/index.html")).to_string();
    let more = "<a href=\"/speakers/main-person/co-speakers/\">and 2 more</a>";
    assert!(page.contains(more), "{page}");
    let shared = &page[at(&page, "<dl class=\"co-speakers\">")..];
    assert!(!shared.contains("/speakers/main-person/\""));
    // The most shared first.
    assert!(
        at(shared, "In 2 sessions") < at(shared, "Panel Member01")
            && at(shared, "Panel Member01") < at(shared, "In 1 session<")
    );
    let all = main_of(&t.read("speakers/main-person/co-speakers/index.html")).to_string();
    let list = &all[at(&all, "<dl class=\"co-speakers\">")..];
    // Each co-speaker is on one of the two pages: the co-speakers page lists those the
    // speaker's own page leaves out (#20), and links back to it.
    let everyone = others
        .iter()
        .map(String::as_str)
        .chain(["Solo Guest", "Second Guest"]);
    for other in everyone {
        let here = list.contains(&format!(">{other}<"));
        let there = shared.contains(&format!(">{other}<"));
        assert!(
            here != there,
            "{other}: on the co-speakers page {here}, on the speaker's {there}"
        );
    }
    assert!(!list.contains("/speakers/main-person/\""));
    assert!(
        all.contains("42 people") && all.contains("these are the other 2."),
        "{all}"
    );
    assert!(all.contains("<a href=\"/speakers/main-person/\">"), "{all}");
    // Someone with 40 co-speakers, all shown, has no such page, and nothing links one.
    assert!(!t.exists("speakers/panel-member02/co-speakers/index.html"));
    let few = t.read("speakers/panel-member02/index.html");
    assert!(!few.contains("co-speakers/"));
    let check = t.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// `n` people, one session each in groups of 50; person 0 (`Top Person`) is in all of them.
fn crowd(t: &SiteTest, n: usize) {
    let names: Vec<String> = (0..n)
        .map(|i| format!("Person{i:04} Crowd{}", (b'a' + (i % 26) as u8) as char))
        .collect();
    for (k, chunk) in names.chunks(50).enumerate() {
        let mut people: Vec<&str> = vec!["Top Person"];
        people.extend(chunk.iter().map(String::as_str));
        let text = session(&format!("Crowd {k}"), None, "2024-01-01", &people);
        t.write(&format!("sessions/crowd-{k}.md"), &text);
    }
}

#[test]
fn a_large_index_offers_a_name_filter_and_the_most_frequent_speakers() {
    let t = SiteTest::new("people/basic");
    crowd(&t, 600);
    t.build(&[]);
    let html = t.read("speakers/index.html");
    let az = main_of(&html);
    // The filter is a form to the search page; with JavaScript it narrows the list here.
    assert!(
        az.contains("<form class=\"name-filter search-form\" role=\"search\" action=\"/search/\">")
    );
    assert!(az.contains("<input id=\"name-filter\" type=\"search\" name=\"q\""));
    assert!(html.contains("assets/people.js\" defer"));
    assert!(t.exists("assets/people.js"));
    let frequent = &az[at(az, "id=\"most-sessions\"")..at(az, "<section class=\"letter\"")];
    assert_eq!(frequent.matches("<li>").count(), 20);
    // Top Person is in every session: first.
    assert!(at(frequent, "Top Person") < at(frequent, "Person0000"));
}

#[test]
fn letter_pages_mark_their_letter_and_offer_the_filter() {
    let t = SiteTest::new("people/basic");
    crowd(&t, 1550);
    t.build(&[]);
    let index = t.read("speakers/index.html");
    // Split by letter: the filter goes to the search page; no script to narrow a list.
    assert!(main_of(&index).contains("name-filter") && !index.contains("people.js"));
    let c = main_of(&t.read("speakers/a-z/c/index.html")).to_string();
    assert!(c.contains("<span aria-current=\"page\">C</span>"));
    assert!(!c.contains("aria-current=\"page\">A<") && c.contains("/speakers/a-z/a/"));
    assert!(c.contains("name-filter"));
}
