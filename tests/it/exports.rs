//! The machine-readable outputs (#5): data exports against their documented schema,
//! calendars, citations, JSON-LD, per-term feeds and the search index, each read
//! back with a real parser.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

use crate::SiteTest;

fn built() -> SiteTest {
    let t = SiteTest::new("cross/basic");
    t.build(&[]);
    t
}

/// The field tables of `docs/data.md`, by file: field -> type ("string?", "[object]", …).
pub(crate) fn documented_schema() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data.md"))
        .expect("docs/data.md");
    let mut schema: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current = "envelope".to_string();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### `") {
            current = h.trim_end_matches('`').to_string();
        } else if line.starts_with("## ") && !line.contains("JSON exports") {
            current = String::new();
        } else if let Some(row) = line.strip_prefix("| `") {
            if current.is_empty() {
                continue;
            }
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let field = cells[0].trim_end_matches('`').to_string();
            schema
                .entry(current.clone())
                .or_default()
                .insert(field, cells[1].to_string());
        }
    }
    schema
}

/// The text of every session file under `dir`.
fn session_sources(dir: &std::path::Path) -> Vec<String> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).expect("sessions folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts.extend(session_sources(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            texts.push(std::fs::read_to_string(&path).expect("session file"));
        }
    }
    texts
}

/// Whether `value` has the documented `kind`.
fn has_type(value: &Value, kind: &str) -> bool {
    if let Some(inner) = kind.strip_suffix('?') {
        return value.is_null() || has_type(value, inner);
    }
    match kind {
        "string" => value.is_string(),
        "integer" => value.is_u64(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        list if list.starts_with('[') => value.as_array().is_some_and(|items| {
            items
                .iter()
                .all(|v| has_type(v, list.trim_matches(['[', ']'])))
        }),
        other => panic!("docs/data.md uses an unknown type `{other}`"),
    }
}

/// Checks one object against the documented fields under `prefix` ("" or "links[].").
pub(crate) fn check_object(
    file: &str,
    fields: &BTreeMap<String, String>,
    prefix: &str,
    object: &Value,
) {
    let map = object.as_object().expect("an object");
    let documented: Vec<(&str, &String)> = fields
        .iter()
        .filter_map(|(f, t)| {
            f.strip_prefix(prefix)
                .filter(|rest| !rest.contains("[]."))
                .map(|rest| (rest, t))
        })
        .collect();
    for key in map.keys() {
        assert!(
            documented.iter().any(|(f, _)| f == key),
            "{file}: field `{prefix}{key}` is not in docs/data.md"
        );
    }
    for (field, kind) in documented {
        // "string (optional)": left out when there is none.
        let (kind, optional) = match kind.strip_suffix(" (optional)") {
            Some(k) => (k, true),
            None => (kind.as_str(), false),
        };
        let Some(value) = map.get(field) else {
            assert!(
                optional,
                "{file}: documented field `{prefix}{field}` is missing"
            );
            continue;
        };
        assert!(
            has_type(value, kind),
            "{file}: `{prefix}{field}` should be {kind}, is {value}"
        );
        if kind == "[object]" {
            for item in value.as_array().expect("array") {
                check_object(file, fields, &format!("{prefix}{field}[]."), item);
            }
        }
    }
}

/// The records of the export `file` ("sessions.json"): its index and every part it
/// lists, each checked against its documented envelope.
fn export_items(
    t: &SiteTest,
    schema: &BTreeMap<String, BTreeMap<String, String>>,
    file: &str,
) -> Vec<Value> {
    let read = |path: &str| -> Value {
        serde_json::from_str(&t.read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let index = read(&format!("data/{file}"));
    check_object(file, &schema["index"], "", &index);
    assert_eq!(index["schema_version"], 5);
    let mut items = Vec::new();
    for url in index["parts"].as_array().expect("parts") {
        let path = url.as_str().expect("a URL").trim_start_matches('/');
        let part = read(path);
        check_object(path, &schema["part"], "", &part);
        assert_eq!(part["schema_version"], 5);
        items.extend(part["items"].as_array().expect("items").iter().cloned());
    }
    assert_eq!(index["count"], items.len(), "{file}: count");
    items
}

#[test]
fn data_exports_match_their_documented_schema_and_cross_reference_by_id() {
    let t = built();
    let schema = documented_schema();
    let mut ids: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut records: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let files: Vec<&String> = schema.keys().filter(|k| k.ends_with(".json")).collect();
    assert_eq!(files.len(), 9, "{files:?}");
    for file in files {
        let items = export_items(&t, &schema, file);
        // This site has no data/organizations.yaml: `organizations` tests that export.
        assert!(
            !items.is_empty() || file == "organizations.json",
            "{file} has records"
        );
        for item in &items {
            check_object(file, &schema[file.as_str()], "", item);
        }
        ids.insert(
            file.clone(),
            items.iter().map(|i| i["id"].clone()).collect(),
        );
        records.insert(file.clone(), items);
    }
    // Every reference resolves to a record of the file it names.
    let known = |file: &str, id: &Value| ids[file].contains(id);
    let sessions = &records["sessions.json"];
    let sources = session_sources(&t.root().join("sessions"));
    let bodies = &records["bodies.json"];
    assert_eq!(
        ids["bodies.json"], ids["sessions.json"],
        "a body per session, in order"
    );
    for s in sessions {
        // The body is in the part the record names, the session's Markdown body as written.
        let part = s["body_part"].as_str().expect("body_part");
        let part: Value =
            serde_json::from_str(&t.read(part.trim_start_matches('/'))).expect("part");
        let found = (part["items"].as_array().expect("items").iter()).find(|b| b["id"] == s["id"]);
        let body = found.expect("the body in its part")["body"]
            .as_str()
            .expect("body");
        assert!(bodies.iter().any(|b| b["body"] == body));
        assert!(
            !body.trim().is_empty() && sources.iter().any(|source| source.ends_with(&body)),
            "{}: the body file is not the source's body",
            s["id"]
        );
        for p in s["participants"].as_array().expect("participants") {
            assert!(known("speakers.json", &p["speaker"]), "{p}");
            assert!(
                p["country"].is_null() || known("countries.json", &p["country"]),
                "{p}"
            );
        }
        for a in s["action_lines"].as_array().expect("lines") {
            assert!(known("action-lines.json", a), "{a}");
        }
        for x in s["topics"].as_array().expect("topics") {
            assert!(known("topics.json", x), "{x}");
        }
        assert!(s["event"].is_null() || known("events.json", &s["event"]));
    }
    let opening = &sessions
        .iter()
        .find(|s| s["id"] == "opening")
        .expect("the opening session")
        .clone();
    assert_eq!(opening["sdgs"], serde_json::json!([4, 9]));
    assert_eq!(
        opening["action_lines"],
        serde_json::json!(["c1", "c7-e-health"])
    );
    assert_eq!(opening["participants"][0]["role"], "moderator");
    assert_eq!(opening["participants"][0]["country"], "br");
}

#[test]
fn event_calendars_are_icalendar_with_times_in_utc() {
    let t = built();
    let text = t.read("events/forum-2024/sessions.ics");
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("a calendar")
        .expect("parses");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    let opening = calendar
        .events
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Opening plenary"))
        .expect("the opening session");
    // "09:00-10:00" at UTC+02:00.
    assert_eq!(
        prop(opening, "DTSTART").as_deref(),
        Some("20240527T070000Z")
    );
    assert_eq!(prop(opening, "DTEND").as_deref(), Some("20240527T080000Z"));
    assert_eq!(prop(opening, "UID").as_deref(), Some("opening@example.org"));
    let panel = calendar
        .events
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Digital health panel"))
        .expect("the panel");
    // No time: an all-day entry.
    let start = panel
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .expect("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20240528"));
    assert!(format!("{:?}", start.params).contains("DATE"));
    assert!(
        t.read("events/forum-2024/index.html")
            .contains("href=\"/events/forum-2024/sessions.ics\"")
    );
}

#[test]
fn citations_parse_as_bibtex_and_csl_json_and_scholar_meta_is_present() {
    let t = built();
    let bib = biblatex::Bibliography::parse(&t.read("sessions/opening/cite.bib")).expect("BibTeX");
    let entry = bib.get("opening").expect("entry keyed by the slug");
    assert_eq!(entry.entry_type.to_string(), "inproceedings");
    let authors = entry.author().expect("authors");
    assert_eq!(authors.len(), 3, "{authors:?}");
    assert!(format!("{:?}", authors[0]).contains("Ana Lima"));
    let csl: Value = serde_json::from_str(&t.read("sessions/opening/cite.json")).expect("CSL");
    assert_eq!(csl[0]["type"], "paper-conference");
    assert_eq!(csl[0]["author"][0]["literal"], "Ana Lima");
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 5, 27]])
    );
    let page = t.read("sessions/opening/index.html");
    for needle in [
        "<meta name=\"citation_title\" content=\"Opening plenary\">",
        "<meta name=\"citation_author\" content=\"Ana Lima\">",
        "<meta name=\"citation_publication_date\" content=\"2024/05/27\">",
        "<meta name=\"citation_conference_title\" content=\"Test Forum 2024\">",
        "Cite this session",
        "href=\"/sessions/opening/cite.bib\"",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
}

#[test]
fn a_registry_persons_orcid_and_wikidata_reach_page_json_ld_exports_citations_and_search() {
    let t = built();
    let (orcid, url) = (
        "0000-0002-1825-0097",
        "https://orcid.org/0000-0002-1825-0097",
    );
    let page = t.read("speakers/nguyen-manh-hung/index.html");
    assert!(
        page.contains(&format!("<a href=\"{url}\">{url}</a>")),
        "no ORCID link"
    );
    assert!(
        page.contains("https://www.wikidata.org/wiki/Q42"),
        "no Wikidata link"
    );
    let person = json_ld(&page);
    assert_eq!(person["identifier"][0]["propertyID"], "ORCID");
    assert_eq!(person["identifier"][0]["value"], orcid);
    let same_as = person["sameAs"].as_array().expect("sameAs");
    assert!(same_as.iter().any(|v| v == url), "{same_as:?}");
    let items = export_items(&t, &documented_schema(), "speakers.json");
    let hung = items
        .iter()
        .find(|p| p["id"] == "nguyen-manh-hung")
        .expect("listed");
    assert_eq!(
        (&hung["orcid"], &hung["wikidata"]),
        (&Value::from(orcid), &Value::from("Q42"))
    );
    let other = items
        .iter()
        .find(|p| p["id"] == "ana-lima")
        .expect("listed");
    assert!(other["orcid"].is_null());
    let csl: Value = serde_json::from_str(&t.read("sessions/opening/cite.json")).expect("CSL");
    let authors = csl[0]["author"].as_array().expect("authors");
    let with_id: Vec<&Value> = authors
        .iter()
        .filter(|a| a.get("ORCID").is_some())
        .collect();
    assert_eq!(with_id.len(), 1, "{authors:?}");
    assert_eq!(with_id[0]["ORCID"], url);
    if let Some(found) = search(&t, &[orcid]) {
        assert!(
            found[0].iter().any(|r| r.contains("nguyen-manh-hung")),
            "search by ORCID: {found:?}"
        );
    }
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("closes");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn pages_describe_themselves_with_json_ld_and_opengraph() {
    let t = built();
    let session = json_ld(&t.read("sessions/opening/index.html"));
    assert_eq!(session["@type"], "Event");
    // The same instant as 07:00 UTC, written in the session's own zone.
    assert_eq!(session["startDate"], "2024-05-27T09:00:00+02:00");
    assert_eq!(session["superEvent"]["name"], "Test Forum 2024");
    // A performer by name and page; who they are is said on that page.
    let first = &session["performer"][0];
    assert_eq!(first["@type"], "Person");
    assert_eq!(first["name"], "Ana Lima");
    assert_eq!(first["url"], "https://example.org/speakers/ana-lima/");
    assert!(first.get("affiliation").is_none(), "{first}");
    let person = json_ld(&t.read("speakers/ana-lima/index.html"));
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["url"], "https://example.org/speakers/ana-lima/");
    assert!(
        (person["affiliation"].as_array().expect("affiliations"))
            .iter()
            .any(|a| a["name"] == "Ministry of ICT"),
        "{person}"
    );
    assert!(
        (person["workLocation"].as_array().expect("countries"))
            .iter()
            .all(|c| c["@type"] == "Country"),
        "{person}"
    );
    let event = json_ld(&t.read("events/forum-2024/index.html"));
    assert_eq!(event["@type"], "Event");
    let page = t.read("sessions/opening/index.html");
    for needle in [
        "<link rel=\"canonical\" href=\"https://example.org/sessions/opening/\">",
        "<meta property=\"og:title\" content=\"Opening plenary\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:url\" content=\"https://example.org/sessions/opening/\">",
        "<meta name=\"twitter:card\" content=\"summary\">",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
}

#[test]
fn every_event_sdg_action_line_speaker_and_country_has_its_own_atom_feed() {
    let t = built();
    for (feed, page) in [
        ("events/forum-2024/feed.xml", "events/forum-2024/index.html"),
        (
            "speakers/nguyen-manh-hung/feed.xml",
            "speakers/nguyen-manh-hung/index.html",
        ),
        ("countries/vn/feed.xml", "countries/vn/index.html"),
        ("sdgs/9/feed.xml", "sdgs/9/index.html"),
        (
            "action-lines/c7-e-health/feed.xml",
            "action-lines/c7-e-health/index.html",
        ),
    ] {
        let xml = t.read(feed);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut entries = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"entry" => {
                    entries += 1;
                }
                Ok(_) => {}
                Err(e) => panic!("{feed}: {e}"),
            }
        }
        assert_eq!(entries, 2, "{feed}: both sessions");
        assert!(
            t.read(page)
                .contains("type=\"application/atom+xml\" title=\""),
            "{page} links a feed"
        );
        assert!(
            t.read(page).contains(&format!("href=\"/{feed}\"")),
            "{page}"
        );
    }
    // A term with no session still has a (valid, empty) feed, so its link never breaks.
    assert!(!t.read("sdgs/1/feed.xml").contains("<entry>"));
    // The speakers' A–Z is not a speaker: no feed, no link to one.
    assert!(
        !t.exists("speakers/a-z/feed.xml")
            && !t.read("speakers/index.html").contains("speakers/feed.xml")
    );
}

/// Runs queries through the built index with the site's own search script (Node).
/// Without Node the test is skipped locally and fails in CI.
fn search(t: &SiteTest, queries: &[&str]) -> Option<Vec<Vec<String>>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/query.mjs");
    let out = match Command::new("node")
        .arg(script)
        .arg(t.root().join("public"))
        .args(queries)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(
                std::env::var("CI").is_err(),
                "node is needed for the search test in CI: {e}"
            );
            eprintln!("skipping the search query test: node not found ({e})");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "query.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("a JSON line");
                v["results"]
                    .as_array()
                    .expect("results")
                    .iter()
                    .map(|u| u.as_str().expect("url").to_string())
                    .collect()
            })
            .collect(),
    )
}

#[test]
fn the_search_index_finds_sessions_and_speakers_whatever_the_accents() {
    let t = SiteTest::new("cross/basic");
    t.write(
        "sessions/forum-2024/privacy.md",
        "---\ntitle: Data protection\nevent: forum-2024\nspeakers:\n  - {name: Wojciech Wiewiórowski, country: Poland}\n  - {name: Awa Koné, country: \"Côte d'Ivoire\"}\n---\nRegulators compared notes on quantum-safe encryption.\n",
    );
    t.build(&["--base-url", "https://example.org/sub/path/"]);
    assert!(t.exists("search/index.json") && t.exists("assets/search.js"));
    let page = t.read("search/index.html");
    assert!(
        page.contains("data-index=\"/sub/path/search/\" data-base=\"/sub/path/\""),
        "the index is found under the sub-path"
    );
    assert!(page.contains("<noscript>") && page.contains("href=\"/sub/path/speakers/\""));
    let Some(results) = search(
        &t,
        &[
            "wiewiorowski",
            "WIEWIÓROWSKI",
            "cote d'ivoire",
            "quantum-safe",
            "nguyen manh hung",
            "wiewio",
            "minister | kind=Speaker",
            " | sdg=SDG 4: Quality Education",
        ],
    ) else {
        return;
    };
    // Result URLs are site paths: the page prefixes the base path it is served under.
    assert_eq!(
        results[0][0], "speakers/wojciech-wiewiorowski/",
        "{results:?}"
    );
    assert!(results[0].contains(&"sessions/privacy/".to_string()));
    assert_eq!(results[1], results[0]);
    assert!(
        results[2].contains(&"speakers/awa-kone/".to_string()),
        "{results:?}"
    );
    assert_eq!(results[3], ["sessions/privacy/"]);
    assert_eq!(results[4][0], "speakers/nguyen-manh-hung/", "{results:?}");
    // The last word matches as a prefix, so results come while typing.
    assert_eq!(results[5], results[0]);
    // Filters narrow by group: speakers who hold a minister's role; sessions on SDG 4.
    assert_eq!(results[6], ["speakers/nguyen-manh-hung/"], "{results:?}");
    assert_eq!(results[7], ["sessions/opening/"], "{results:?}");
}
