//! People, countries, SDGs, action lines, topics and events link each other.

use crate::{SiteTest, main_of};

fn site() -> SiteTest {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    t
}

#[test]
fn honorifics_accents_and_aliases_do_not_split_a_speaker() {
    let t = site();
    let page = t.read("speakers/nguyen-manh-hung/index.html");
    assert!(page.contains("/sessions/opening/") && page.contains("/sessions/health-panel/"));
    // The registry's spelling and bio win; the stripped honorific is kept for display.
    assert!(page.contains("Nguyễn Mạnh Hùng"));
    assert!(page.contains("<em>Information and Communication</em>"));
    assert!(!t.exists("speakers/h-e-nguyen-manh-hung/index.html"));
    let session = t.read("sessions/opening/index.html");
    assert!(session.contains("<span class=\"honorific\">H.E.</span> Nguyễn Mạnh Hùng"));
}

#[test]
fn a_speaker_page_lists_roles_countries_organizations_and_co_speakers() {
    let t = site();
    let bo = main_of(&t.read("speakers/bo-chen/index.html")).to_string();
    assert!(
        bo.contains("Moderator") && bo.contains("Speaker"),
        "role in each session"
    );
    assert!(bo.contains("/countries/cn/"));
    assert!(
        bo.contains("/speakers/ana-lima/") && bo.contains("/speakers/nguyen-manh-hung/"),
        "co-speakers"
    );
    let ana = main_of(&t.read("speakers/ana-lima/index.html")).to_string();
    assert!(ana.contains("Ministry of ICT") && ana.contains("Director"));
}

#[test]
fn country_variants_are_one_country_page() {
    let t = site();
    let vn = t.read("countries/vn/index.html");
    assert!(vn.contains("Viet Nam") && vn.contains("/speakers/nguyen-manh-hung/"));
    assert!(vn.contains("/sessions/opening/") && vn.contains("/sessions/health-panel/"));
    assert!(!t.exists("countries/vietnam/index.html"));
}

#[test]
fn all_seventeen_sdg_pages_exist_with_official_colours() {
    let t = site();
    for n in 1..=17 {
        assert!(t.exists(&format!("sdgs/{n}/index.html")), "SDG {n}");
    }
    let nine = t.read("sdgs/9/index.html");
    assert!(
        nine.contains("#FD6925")
            && nine.contains("/sessions/opening/")
            && nine.contains("/sessions/health-panel/")
    );
    assert!(
        nine.contains("/action-lines/c7-e-health/"),
        "co-occurring action lines"
    );
    assert!(t.read("sdgs/5/index.html").contains("No session yet."));
}

#[test]
fn c7_lists_its_sub_lines_and_their_sessions() {
    let t = site();
    let c7 = t.read("action-lines/c7/index.html");
    for sub in ["c7-e-government", "c7-e-health", "c7-e-science"] {
        assert!(c7.contains(&format!("/action-lines/{sub}/")), "{sub}");
    }
    assert!(c7.contains("/sessions/health-panel/"));
    let health = t.read("action-lines/c7-e-health/index.html");
    assert!(health.contains("/action-lines/c7/"), "links its parent");
}

#[test]
fn topic_variants_merge_and_events_resolve_by_id_or_name() {
    let t = site();
    let divide = t.read("topics/digital-divide/index.html");
    assert!(divide.contains("/sessions/opening/") && divide.contains("/sessions/health-panel/"));
    let event = t.read("events/forum-2024/index.html");
    assert!(event.contains("/sessions/opening/") && event.contains("/sessions/health-panel/"));
    assert!(event.contains("27 May 2024"), "programme by day");
    assert!(!t.exists("events/test-forum-2024/index.html"));
}

#[test]
fn a_session_page_links_every_term() {
    let t = site();
    let page = t.read("sessions/opening/index.html");
    for href in [
        "/events/forum-2024/",
        "/speakers/ana-lima/",
        "/speakers/bo-chen/",
        "/countries/br/",
        "/sdgs/4/",
        "/sdgs/9/",
        "/action-lines/c1/",
        "/action-lines/c7-e-health/",
        "/topics/cybersecurity/",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(
        page.contains("<h2 id=\"welcome\">Welcome</h2>"),
        "body headings start at h2 with ids"
    );
}

#[test]
fn the_home_page_has_events_latest_sessions_figures_and_every_index() {
    let t = site();
    let home = main_of(&t.read("index.html")).to_string();
    for href in [
        "/sessions/",
        "/events/",
        "/speakers/",
        "/countries/",
        "/sdgs/",
        "/action-lines/",
        "/topics/",
        "/events/forum-2024/",
        "/sessions/health-panel/",
    ] {
        assert!(home.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(home.contains("<span class=\"figure-num\">2</span> sessions"));
}

#[test]
fn drafts_hidden_files_and_other_files_are_left_out_unless_asked() {
    let t = site();
    assert!(!t.exists("sessions/draft/index.html"));
    assert!(!t.exists("speakers/draft-person/index.html"));
    assert!(!t.exists("sessions/hidden/index.html"));
    assert!(
        !t.exists("sessions/index/index.html"),
        "_index.md is a section page, not a session"
    );
    t.build(&["--drafts"]);
    assert!(t.exists("sessions/draft/index.html") && t.exists("speakers/draft-person/index.html"));
}

/// Lists run newest day first, and within a day as the day ran: 16:30 before 17:00,
/// untimed sessions after; an event's programme, by day and time, agrees within the day.
#[test]
fn sessions_of_one_day_are_listed_by_start_time() {
    let t = SiteTest::new("cross/basic");
    let session = |title: &str, date: &str, time: Option<&str>| {
        let time = time.map_or(String::new(), |t| format!("time: \"{t}\"\n"));
        format!(
            "---\ntitle: {title}\nevent: Order Day 2030\ndate: {date}\n{time}speakers: [Ana Order]\n---\nBody.\n"
        )
    };
    t.write(
        "sessions/order-late.md",
        &session("Late talk", "2030-05-02", Some("17:00-17:30")),
    );
    t.write(
        "sessions/order-early.md",
        &session("Early talk", "2030-05-02", Some("16:30-17:00")),
    );
    t.write(
        "sessions/order-untimed.md",
        &session("Untimed talk", "2030-05-02", None),
    );
    t.write(
        "sessions/order-before.md",
        &session("Day before", "2030-05-01", Some("18:00-19:00")),
    );
    t.build(&[]);
    let page = t.read("speakers/ana-order/index.html");
    let at = |what: &str| page.find(what).unwrap_or_else(|| panic!("{what} missing"));
    assert!(
        at("Early talk") < at("Late talk"),
        "16:30 comes before 17:00"
    );
    assert!(
        at("Late talk") < at("Untimed talk"),
        "untimed sessions come last in the day"
    );
    assert!(
        at("Untimed talk") < at("Day before"),
        "the newest day comes first"
    );
    let programme = t.read("events/order-day-2030/index.html");
    let at = |what: &str| {
        programme
            .find(what)
            .unwrap_or_else(|| panic!("{what} missing"))
    };
    assert!(at("Day before") < at("Early talk") && at("Early talk") < at("Late talk"));
}

#[test]
fn namesakes_are_told_apart_by_id_organization_or_country() {
    let t = SiteTest::new("cross/homonyms");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !stderr.contains("warning"),
        "{stderr}"
    );
    let itu = main_of(&t.read("speakers/wang-wei-itu/index.html")).to_string();
    let cn = main_of(&t.read("speakers/wang-wei-cn/index.html")).to_string();
    assert!(itu.contains("/sessions/by-id/") && itu.contains("/sessions/by-organization/"));
    assert!(!itu.contains("/sessions/by-country/"));
    assert!(cn.contains("/sessions/by-country/") && !cn.contains("/sessions/by-id/"));
    // Each page points to the other person of the same name, told apart.
    assert!(itu.contains("Other people with this name") && itu.contains("/speakers/wang-wei-cn/"));
    assert!(cn.contains("/speakers/wang-wei-itu/"));
    assert!(!t.exists("speakers/wang-wei/index.html"));
    // The session page links the person it means.
    let by_org = t.read("sessions/by-organization/index.html");
    assert!(
        by_org.contains("/speakers/wang-wei-itu/") && !by_org.contains("/speakers/wang-wei-cn/")
    );
}

#[test]
fn old_addresses_redirect_to_the_page_and_check_names_the_ones_about_to_go() {
    let t = SiteTest::new("cross/aliases");
    let out = t.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !stderr.contains("warning"),
        "{stderr}"
    );
    let session = "https://example.org/pr/sessions/open-data-cities/";
    let person = "https://example.org/pr/speakers/houlin-zhao/";
    for (old, to) in [
        ("sessions/open-data/index.html", session),
        ("2019/open-data/index.html", session),
        ("old/page.html", session),
        // The page the merged spelling had before, and a path from the registry.
        ("speakers/zhao-houlin/index.html", person),
        ("people/zhao/index.html", person),
    ] {
        let page = t.read(old);
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{to}\">"))
                && page.contains(&format!("content=\"0; url={to}\""))
                && page.contains("noindex"),
            "{old}:\n{page}"
        );
    }
    let sitemap = t.read("sitemap.xml");
    assert!(
        sitemap.contains(session)
            && !sitemap.contains("open-data/")
            && !sitemap.contains("zhao-houlin")
    );
    assert!(!t.read("search/index.json").contains("/old/page.html"));
    let checked = t.run(&["check", "--out", "public"]);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(
        checked.status.success() && !said.contains("disappear"),
        "{said}"
    );

    // The alias goes: `check` names the URL the next build would lose, and `build` drops it.
    let text =
        std::fs::read_to_string(t.root().join("sessions/open-data-cities.md")).expect("read");
    t.write(
        "sessions/open-data-cities.md",
        &text.replace(
            "[open-data, /2019/open-data/, /old/page.html]",
            "[/old/page.html]",
        ),
    );
    let checked = t.run(&["check"]);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{said}");
    assert!(
        !said.contains("/sessions/open-data/ of the previous build"),
        "not in the sitemap: {said}"
    );
    t.build(&[]);
    assert!(!t.exists("sessions/open-data/index.html") && t.exists("old/page.html"));
    // A renamed session file loses its old page unless an alias keeps it.
    std::fs::rename(
        t.root().join("sessions/smart-villages.md"),
        t.root().join("sessions/villages.md"),
    )
    .expect("rename");
    let checked = t.run(&["check"]);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(
        said.contains("warning: https://example.org/pr/sessions/smart-villages/ of the previous build would disappear")
            && said.contains("aliases: [old-slug]"),
        "{said}"
    );
    t.write(
        "sessions/villages.md",
        "---\ntitle: Smart villages\naliases: [smart-villages]\n---\nBody.\n",
    );
    let checked = t.run(&["check"]);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(!said.contains("disappear"), "{said}");
}

#[test]
fn a_session_page_lists_the_sessions_that_share_most_with_it_and_says_what_they_share() {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    let mut related_somewhere = false;
    for entry in std::fs::read_dir(t.root().join("public/sessions")).expect("sessions") {
        let dir = entry.expect("entry").path();
        let Ok(page) = std::fs::read_to_string(dir.join("index.html")) else {
            continue;
        };
        let Some(start) = page.find("<section class=\"related\"") else {
            continue;
        };
        related_somewhere = true;
        let section = &page[start..start + page[start..].find("</section>").expect("end")];
        let own = format!(
            "/sessions/{}/",
            dir.file_name().expect("name").to_string_lossy()
        );
        let items = section.matches("<li>").count();
        assert!((1..=5).contains(&items), "{section}");
        assert!(
            !section.contains(&format!("href=\"{own}\"")),
            "a session is not its own relative: {section}"
        );
        assert_eq!(section.matches("Shares: ").count(), items, "{section}");
        assert!(
            !section.contains("Shares: <") && !section.contains("Shares: </"),
            "{section}"
        );
    }
    assert!(related_somewhere, "no session page shows related sessions");
}

#[test]
fn check_people_lists_probable_duplicates_and_its_entries_merge_them() {
    let t = SiteTest::new("cross/duplicates");
    let out = t.run(&["check", "--people"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert_eq!(said.matches("probably one person").count(), 4, "{said}");
    for pair in [
        "  Houlin Zhao — sessions/a.md, sessions/c.md\n  Zhao Houlin — sessions/b.md",
        "  Carlos Alberto Afonso — sessions/a.md\n  Carlos Afonso — sessions/b.md",
        "  Mohammed Al-Rashid — sessions/a.md\n  Mohamed Al Rashid — sessions/b.md",
        "  Ana Lima — sessions/b.md\n  A. Lima — sessions/d.md",
    ] {
        assert!(said.contains(pair), "{pair:?} in:\n{said}");
    }
    // "H. Zhao" shares a session with Houlin Zhao: two people.
    assert!(!said.contains("H. Zhao —"), "{said}");
    // The entries it prints, put in the registry, merge each group into one page.
    let entries: String = said
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .map(|l| format!("{l}\n"))
        .collect();
    t.write("data/speakers.yaml", &entries);
    let again = t.run(&["check", "--people"]);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("0 probable duplicate(s)"),
        "{entries}\n{said}"
    );
    t.build(&[]);
    assert!(t.exists("speakers/houlin-zhao/index.html"));
    // The other spellings' pages are now redirects to the one page.
    for old in ["zhao-houlin", "carlos-afonso"] {
        let page = t.read(&format!("speakers/{old}/index.html"));
        assert!(
            page.contains("noindex") && page.contains("http-equiv=\"refresh\""),
            "{old}: {page}"
        );
    }
}

#[test]
fn a_short_name_that_may_be_any_of_several_people_is_no_merge() {
    let t = SiteTest::new("cross/duplicates");
    for (file, who) in [
        ("x1", "Tomas F. Berg"),
        ("x2", "Tomas G. Berg"),
        ("x3", "Tomas Berg"),
        ("y1", "K. Osei"),
        ("y2", "Kofi Osei"),
        ("y3", "Kwame Osei"),
        ("z1", "Lina I. Sato"),
        ("z2", "Lina Y. Sato"),
    ] {
        t.write(
            &format!("sessions/{file}.md"),
            &format!("---\ntitle: Session {file}\nspeakers: [{who}]\n---\n"),
        );
    }
    let out = t.run(&["check", "--people"]);
    let said = String::from_utf8_lossy(&out.stdout);
    for name in ["Tomas", "Osei", "Sato"] {
        assert!(!said.contains(name), "{name} in:\n{said}");
    }
    assert_eq!(said.matches("probably one person").count(), 4, "{said}");
}
