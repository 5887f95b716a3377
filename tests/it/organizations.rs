//! Organizations of `data/organizations.yaml` (#21 item 3): sessions' and the speaker
//! registry's `organization:` resolve to them by name, acronym or alias; each has a
//! page, is in the A–Z, the search, the exports and the sitemap; unknown ones stay as
//! written; registry mistakes are errors at their positions.

use serde_json::Value;

use crate::{SiteTest, main_of};

fn site() -> SiteTest {
    let t = SiteTest::new("organizations/basic");
    t.build(&[]);
    t
}

#[test]
fn names_acronyms_and_aliases_in_any_case_or_accent_are_one_organization() {
    let t = site();
    let union = main_of(&t.read("organizations/union/index.html")).to_string();
    // "IEU", "International Example Union (IEU)", the alias without its capitals, and
    // the speaker registry's lower-case name for Wei Zhang.
    for who in ["ana-lima", "bo-chen", "dan-eze", "hana-ito", "wei-zhang"] {
        assert!(
            union.contains(&format!("/speakers/{who}/")),
            "{who}:\n{union}"
        );
    }
    assert!(!union.contains("/speakers/eva-fox/"), "IEU D is the sector");
    assert!(!union.contains("/speakers/carla-dias/"));
    let sector = main_of(&t.read("organizations/union-dev/index.html")).to_string();
    assert!(sector.contains("/speakers/eva-fox/"), "{sector}");
    // Accents and case aside: "ministerio da ciencia e inovacao".
    let ministry = main_of(&t.read("organizations/ministerio/index.html")).to_string();
    assert!(ministry.contains("Ministério da Ciência e Inovação"));
    assert!(
        ministry.contains("/speakers/gil-moreira/") && ministry.contains("/speakers/ana-lima/")
    );
}

#[test]
fn an_organization_page_shows_its_parent_parts_people_and_sessions_by_event() {
    let t = site();
    let sector = main_of(&t.read("organizations/union-dev/index.html")).to_string();
    assert!(
        sector.contains(
            "Part of</dt><dd><a href=\"/organizations/union/\">International Example Union</a>"
        ),
        "{sector}"
    );
    let union = main_of(&t.read("organizations/union/index.html")).to_string();
    assert!(union.contains("<a href=\"/organizations/union-dev/\">IEU Development Sector</a>"));
    assert!(union.contains("href=\"https://union.example.org/\""));
    // Grouped by event, newest event first, sessions of no event last.
    let at = |s: &str| union.find(s).unwrap_or_else(|| panic!("no {s} in {union}"));
    assert!(
        at("<h3><a href=\"/events/forum-2026/\">Test Forum 2026</a></h3>")
            < at("/sessions/opening/")
    );
    assert!(
        at("/sessions/opening/") < at("/sessions/development/"),
        "programme order"
    );
    assert!(at("/sessions/development/") < at("<h3>No event</h3>"));
    assert!(at("<h3>No event</h3>") < at("/sessions/undated/"));
    assert!(!union.contains("/sessions/science/"));
    // Switzerland has no page: no one from there spoke.
    assert!(
        union.contains("<dt>Country</dt><dd>Switzerland</dd>"),
        "{union}"
    );
    let ministry = main_of(&t.read("organizations/ministerio/index.html")).to_string();
    assert!(
        ministry.contains("<a href=\"/countries/br/\">Brazil</a>"),
        "{ministry}"
    );
    // One no session names still has its page.
    let quiet = main_of(&t.read("organizations/quiet-institute/index.html")).to_string();
    assert!(quiet.contains("No one has spoken for it yet") && quiet.contains("No session yet"));
}

#[test]
fn the_a_to_z_lists_every_organization_with_its_counts() {
    let t = site();
    let az = main_of(&t.read("organizations/index.html")).to_string();
    let at = |s: &str| az.find(s).unwrap_or_else(|| panic!("no {s} in {az}"));
    assert!(at("IEU Development Sector") < at("International Example Union"));
    assert!(at("International Example Union") < at("Ministério"));
    assert!(at("Ministério") < at("Quiet Institute"));
    assert!(az.contains("<a href=\"/organizations/union/\">International Example Union</a> <abbr class=\"affiliation\">IEU</abbr> <span class=\"count\">5<"), "{az}");
    // The home page leads to it (the menu has no room for it on a phone).
    let home = t.read("index.html");
    let figure =
        "<a href=\"/organizations/\"><span class=\"figure-num\">4</span> organizations</a>";
    assert!(home.contains(figure), "{home}");
    let sitemap = t.read("sitemap.xml");
    for page in [
        "organizations/",
        "organizations/union/",
        "organizations/quiet-institute/",
    ] {
        assert!(
            sitemap.contains(&format!("https://example.org/{page}<")),
            "{page}"
        );
    }
}

#[test]
fn session_and_speaker_pages_link_a_known_organization_and_leave_others_as_written() {
    let t = site();
    let opening = main_of(&t.read("sessions/opening/index.html")).to_string();
    assert!(
        opening.contains("<a href=\"/organizations/union/\">IEU</a>"),
        "{opening}"
    );
    assert!(
        opening.contains("<a href=\"/organizations/union/\">International Example Union (IEU)</a>")
    );
    assert!(opening.contains("Kituo Foundation") && !opening.contains("kituo-foundation"));
    // The JSON-LD affiliation (on the speaker's page, which the session's performer
    // names) points at the page and the organization's own site.
    let page = t.read("speakers/ana-lima/index.html");
    assert!(page.contains("{\"@type\":\"Organization\",\"name\":\"IEU\",\"sameAs\":\"https://union.example.org/\",\"url\":\"https://example.org/organizations/union/\"}"), "{page}");
    let ana = main_of(&t.read("speakers/ana-lima/index.html")).to_string();
    assert!(
        ana.contains("<a href=\"/organizations/union/\">IEU</a>"),
        "{ana}"
    );
    assert!(
        ana.contains("<a href=\"/organizations/ministerio/\">MCI</a>"),
        "{ana}"
    );
    let carla = main_of(&t.read("speakers/carla-dias/index.html")).to_string();
    assert!(carla.contains("Kituo Foundation") && !carla.contains("/organizations/"));
}

#[test]
fn a_site_without_the_registry_has_no_organization_pages() {
    let t = SiteTest::new("organizations/basic");
    std::fs::remove_file(t.root().join("data/organizations.yaml")).expect("rm");
    t.build(&[]);
    assert!(!t.exists("organizations/index.html"));
    assert!(!t.read("index.html").contains("/organizations/"));
    assert!(!main_of(&t.read("sessions/opening/index.html")).contains("/organizations/"));
    let index: Value = serde_json::from_str(&t.read("data/organizations.json")).expect("json");
    assert_eq!(index["count"], 0);
}

fn items(t: &SiteTest, file: &str) -> Vec<Value> {
    let index: Value = serde_json::from_str(&t.read(&format!("data/{file}"))).expect("index");
    let mut items = Vec::new();
    for url in index["parts"].as_array().expect("parts") {
        let path = url.as_str().expect("url").trim_start_matches('/');
        let part: Value = serde_json::from_str(&t.read(path)).expect("part");
        items.extend(part["items"].as_array().expect("items").iter().cloned());
    }
    items
}

#[test]
fn the_exports_hold_the_organizations_and_refer_to_them_by_id() {
    let t = site();
    let schema = crate::exports::documented_schema();
    for file in ["organizations.json", "speakers.json", "sessions.json"] {
        for item in items(&t, file) {
            crate::exports::check_object(file, &schema[file], "", &item);
        }
    }
    let orgs = items(&t, "organizations.json");
    let ids: Vec<&str> = orgs.iter().map(|o| o["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["union", "union-dev", "ministerio", "quiet-institute"]);
    assert_eq!(
        orgs[1],
        serde_json::json!({
            "id": "union-dev", "url": "/organizations/union-dev/",
            "name": "IEU Development Sector", "acronym": "IEU-D", "aliases": [],
            "country": null, "website": null, "parent": "union",
        })
    );
    assert_eq!(orgs[0]["country"], "ch");
    let speakers = items(&t, "speakers.json");
    let speaker = |id: &str| speakers.iter().find(|s| s["id"] == id).expect(id).clone();
    assert_eq!(
        speaker("ana-lima")["organization_ids"],
        serde_json::json!(["union", "ministerio"])
    );
    assert_eq!(
        speaker("wei-zhang")["organization_ids"],
        serde_json::json!(["union"])
    );
    assert!(speaker("carla-dias").get("organization_ids").is_none());
    let sessions = items(&t, "sessions.json");
    let opening = sessions
        .iter()
        .find(|s| s["id"] == "opening")
        .expect("opening");
    let parts = opening["participants"].as_array().expect("participants");
    assert_eq!(
        parts[1]["organization"],
        "International Example Union (IEU)"
    );
    assert_eq!(parts[1]["organization_id"], "union");
    assert!(
        parts[2].get("organization_id").is_none(),
        "Kituo Foundation is unknown"
    );
}

#[test]
fn search_finds_an_organization_and_its_people_by_any_of_its_names() {
    let t = site();
    let manifest = t.read("search/index.json");
    assert!(manifest.contains("Organization"), "the kind filter has it");
    let mut docs = String::new();
    let mut n = 0;
    while t.exists(&format!("search/docs/{n}.json")) {
        docs.push_str(&t.read(&format!("search/docs/{n}.json")));
        n += 1;
    }
    assert!(docs.contains("[\"organizations/union/\",\"International Example Union\",\"Organization\",\"5 people · 3 sessions · Switzerland\""), "{docs}");
    assert!(docs.contains("\"Part of International Example Union\""));
    // The terms: the acronym finds the page, the full name finds Hana Ito's session,
    // which writes only "IEU".
    let mut terms = String::new();
    let mut n = 0;
    while t.exists(&format!("search/terms/{n}.json")) {
        terms.push_str(&t.read(&format!("search/terms/{n}.json")));
        n += 1;
    }
    for term in ["\"ieu\"", "\"example\"", "\"exemple\"", "\"ministerio\""] {
        assert!(terms.contains(term), "{term}");
    }
}

#[test]
fn registry_mistakes_are_all_reported_with_their_positions() {
    let t = SiteTest::new("organizations/basic");
    t.write(
        "data/organizations.yaml",
        "- id: union\n  name: International Example Union\n  acronym: IEU\n  parent: nowhere\n\
         - id: union\n  name: Again\n\
         - id: Bad_Id\n  name: Bad\n\
         - id: other\n  name: Other\n  aliases: [\"ieu\"]\n  parent: third\n\
         - id: third\n  name: Third\n  parent: other\n",
    );
    let before = t.run(&["build"]);
    let err = String::from_utf8_lossy(&before.stderr);
    assert_eq!(before.status.code(), Some(1), "{err}");
    for line in [
        "data/organizations.yaml:5:7: error: the organization id `union` is used twice (first at data/organizations.yaml:1:7)",
        "data/organizations.yaml:7:7: error: `Bad_Id` is not a valid organization id",
        "data/organizations.yaml:11:13: error: `ieu` already names the organization `union` (at data/organizations.yaml:3:12)",
        "data/organizations.yaml:4:11: error: there is no organization `nowhere` in data/organizations.yaml",
        "data/organizations.yaml:12:11: error: the parents of `other` go round in a circle: other -> third -> other",
        "the build failed with 5 error(s)",
    ] {
        assert!(err.contains(line), "no `{line}` in:\n{err}");
    }
    assert!(err.contains("e.g. `bad-id`"), "{err}");
    // A misspelt key is an error too, with the nearest known one.
    t.write(
        "data/organizations.yaml",
        "- id: union\n  name: U\n  acronyn: U\n",
    );
    let out = t.run(&["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("data/organizations.yaml:3:3: error: unknown key `acronyn`"),
        "{err}"
    );
    assert!(err.contains("`acronym`"), "{err}");
}

#[test]
fn check_people_lists_spellings_of_one_organization_and_its_entry_joins_them() {
    let t = SiteTest::new("organizations/basic");
    std::fs::remove_file(t.root().join("data/organizations.yaml")).expect("rm");
    for (file, org) in [
        ("a", "Harbour Telecom Union"),
        ("b", "HTU"),
        ("c", "Harbour Telecom Union (HTU)"),
        ("d", "Ministry of ICT, Lakeland"),
        ("e", "Lakeland ICT Ministry"),
        ("f", "Harbour Tourism Unit Partners"),
    ] {
        t.write(
            &format!("sessions/dup-{file}.md"),
            &format!(
                "---\ntitle: Session {file}\nspeakers:\n  - {{name: Person {file}, organization: \"{org}\"}}\n---\n"
            ),
        );
    }
    let out = t.run(&["check", "--people"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    let groups: Vec<&str> = said.split("probably one organization").skip(1).collect();
    // (The fixture's own "IEU" and "International Example Union (IEU)" are the third.)
    assert_eq!(groups.len(), 3, "{said}");
    let acronym = groups
        .iter()
        .find(|g| g.contains("HTU —"))
        .expect("the acronym's group");
    for spelling in [
        "Harbour Telecom Union — sessions/dup-a.md",
        "Harbour Telecom Union (HTU) — sessions/dup-c.md",
    ] {
        assert!(acronym.contains(spelling), "{spelling:?} in {acronym}");
    }
    // Four words with the same initials are another organization.
    assert!(!said.contains("Harbour Tourism Unit Partners —"), "{said}");
    let words = groups
        .iter()
        .find(|g| g.contains("Lakeland ICT Ministry —"))
        .expect("the words' group");
    assert!(words.contains("Ministry of ICT, Lakeland —"), "{words}");
    // The entries it prints, as data/organizations.yaml, join each group.
    let entries: String = said
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .map(|l| format!("{l}\n"))
        .collect();
    t.write("data/organizations.yaml", &entries);
    let again = t.run(&["check", "--people"]);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("and 0 among organizations"),
        "{entries}\n{said}"
    );
    t.build(&[]);
    let page = t.read("organizations/htu/index.html");
    for session in ["Session a", "Session b", "Session c"] {
        assert!(page.contains(session), "{session} on the HTU page");
    }
}

#[test]
fn an_organizer_the_registry_names_links_its_page_which_lists_the_session() {
    let t = site();
    t.write(
        "sessions/organized.md",
        "---\ntitle: A session it organized\norganizers: [\"quiet institute\", \"Some Other Body\"]\n---\nText.\n",
    );
    t.build(&[]);
    let page = main_of(&t.read("sessions/organized/index.html")).to_string();
    assert!(
        page.contains("<a href=\"/organizations/quiet-institute/\">"),
        "{page}"
    );
    assert!(
        page.contains("Some Other Body") && !page.contains("some-other-body"),
        "{page}"
    );
    let org = main_of(&t.read("organizations/quiet-institute/index.html")).to_string();
    assert!(org.contains("A session it organized"), "{org}");
    let ld = t.read("sessions/organized/index.html");
    assert!(ld.contains("\"organizer\""), "JSON-LD names the organizers");
}
