//! `resolve_one` against a full resolve of the same sources.

use super::*;
use crate::content::{self, SitePaths};
use crate::model::{ResolveOptions, resolve_with};

/// A site of `sessions` (file stem, people as a YAML list) and a speakers registry.
fn site(dir: &std::path::Path, sessions: &[(&str, &str)], registry: &str) {
    std::fs::create_dir_all(dir.join("sessions")).expect("mkdir");
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(dir.join("data/speakers.yaml"), registry).expect("registry");
    for (stem, people) in sessions {
        let text = format!("---\ntitle: \"{stem}\"\nspeakers: {people}\n---\nBody.\n");
        std::fs::write(dir.join(format!("sessions/{stem}.md")), text).expect("session");
    }
}

/// Builds a site, edits the people of one session, resolves that session again,
/// and returns the result with the site a full resolve of the edited files gives.
fn edit(
    sessions: &[(&str, &str)],
    registry: &str,
    (stem, people): (&str, &str),
) -> (Option<SessionEdit>, Site) {
    let dir = tempfile::tempdir().expect("tempdir");
    site(dir.path(), sessions, registry);
    let paths = SitePaths::new(dir.path());
    let resolve = || {
        let mut diags = Diagnostics::new();
        let sources = content::load(&paths, &mut diags);
        let options = ResolveOptions::default();
        let (site, lookup) = resolve_with(&sources, options, &mut diags, &mut Memo::default());
        assert!(!diags.has_errors(), "{diags:?}");
        (sources, site, lookup)
    };
    let (_, before, mut lookup) = resolve();
    site(dir.path(), &[(stem, people)], registry);
    let (sources, after, _) = resolve();
    let at = (sources.sessions.iter())
        .position(|s| s.stem == stem)
        .expect("edited");
    let id = SessionId::from_index(at);
    let mut diags = Diagnostics::new();
    let again = resolve_one(
        &sources.sessions[at],
        id,
        &before,
        &mut lookup,
        &mut diags,
        &mut Memo::default(),
    );
    (again, after)
}

/// The item of `items` with slug `slug`.
fn by_slug<'a, T>(items: &'a [T], slug: &str, of: impl Fn(&T) -> &Slug) -> &'a T {
    (items.iter())
        .find(|x| of(x).as_str() == slug)
        .unwrap_or_else(|| panic!("no {slug}"))
}

/// A person of a fully resolved site, by slug.
fn person<'a>(site: &'a Site, slug: &str) -> &'a Person {
    by_slug(&site.people, slug, |p| &p.slug)
}

#[test]
fn someone_new_is_added_under_their_identity() {
    let (again, full) = edit(
        &[("a", "[Ana Lima, Ben Okafor]"), ("b", "[Ben Okafor]")],
        "",
        ("a", "[Ana Lima, \"Dr. Chen Wei\"]"),
    );
    let again = again.expect("one-session edit");
    assert_eq!(again.added, [person(&full, "chen-wei").clone()]);
    assert_eq!(again.added[0].honorific.as_deref(), Some("Dr."));
    assert!(again.renamed.is_empty());
}

#[test]
fn the_same_people_change_nothing() {
    let (again, _) = edit(
        &[("a", "[Ana Lima, Ben Okafor]")],
        "",
        ("a", "[Ben Okafor, Ana Lima]"),
    );
    let again = again.expect("one-session edit");
    assert!(again.added.is_empty() && again.renamed.is_empty());
}

#[test]
fn someone_named_here_alone_is_renamed_and_may_leave() {
    let sessions = [("a", "[ana lima, Ben Okafor]"), ("b", "[Ben Okafor]")];
    let (again, full) = edit(&sessions, "", ("a", "[\"Prof. ANA Lima\", Ben Okafor]"));
    let again = again.expect("one-session edit");
    let renamed: Vec<&Person> = again.renamed.iter().map(|(_, p)| p).collect();
    assert_eq!(renamed, [person(&full, "ana-lima")]);
    assert_eq!(renamed[0].name, "ANA Lima");

    let (again, _) = edit(&sessions, "", ("a", "[Ben Okafor]"));
    let again = again.expect("one-session edit");
    assert!(again.added.is_empty() && again.renamed.is_empty());
}

/// The one person `again` renames, and the other sessions it shows (by file stem).
fn renamed_one<'a>(again: &'a SessionEdit, full: &Site) -> (&'a Person, Vec<String>) {
    let [(_, person)] = again.renamed.as_slice() else {
        panic!("one renamed: {:?}", again.renamed);
    };
    let stems = (again.also.iter())
        .map(|s| full.sessions[s.index()].slug.to_string())
        .collect();
    (person, stems)
}

#[test]
fn someone_named_elsewhere_too_is_renamed_with_their_other_sessions() {
    let sessions = [
        ("a", "[ana lima]"),
        ("b", "[ana lima]"),
        ("c", "[Ben Okafor]"),
    ];
    // Spelled "Ana Lima" once and "ana lima" once, the capitals win.
    let (again, full) = edit(&sessions, "", ("a", "[Ana Lima]"));
    let again = again.expect("one-session edit");
    let (renamed, also) = renamed_one(&again, &full);
    assert_eq!(renamed, person(&full, "ana-lima"));
    assert_eq!(
        (renamed.name.as_str(), also),
        ("Ana Lima", vec!["b".to_string()])
    );
    // The first honorific written (in path order) is the one shown.
    let (again, full) = edit(&sessions, "", ("a", "[\"Dr. ana lima\"]"));
    let again = again.expect("one-session edit");
    let (renamed, also) = renamed_one(&again, &full);
    assert_eq!(renamed, person(&full, "ana-lima"));
    assert_eq!(
        (renamed.honorific.as_deref(), also),
        (Some("Dr."), vec!["b".to_string()])
    );
    // Written in the later session, it is the first all the same.
    let (again, full) = edit(&sessions, "", ("b", "[\"Dr. ana lima\"]"));
    let again = again.expect("one-session edit");
    let (renamed, also) = renamed_one(&again, &full);
    assert_eq!(
        (renamed.honorific.as_deref(), also),
        (Some("Dr."), vec!["a".to_string()])
    );
    // Someone joining as they are spelled everywhere renames no one.
    let (again, _) = edit(&sessions, "", ("b", "[ana lima, Ben Okafor]"));
    let again = again.expect("one-session edit");
    assert!(again.renamed.is_empty() && again.also.is_empty());
}

#[test]
fn slugs_someone_else_decides_need_a_full_resolve() {
    // The registry gives "ana-lima" to someone else: a new Ana Lima would be "ana-lima-2".
    let registry = "- id: ana-lima\n  name: Ana Maria Lima\n";
    let (again, full) = edit(&[("a", "[Ben Okafor]")], registry, ("a", "[Ana Lima]"));
    assert!(again.is_none());
    assert_eq!(person(&full, "ana-lima-2").name, "Ana Lima");
    // Who gets "ana-lima-2" depends on who comes first.
    let sessions = [("a", "[Ana Lima]"), ("b", "[Ben Okafor]")];
    let (again, _) = edit(&sessions, registry, ("a", "[Ben Okafor]"));
    assert!(again.is_none());
    // "Ana Lima 2" came first and took "ana-lima-2": Ana Lima was numbered around her.
    let sessions = [("a", "[Ana Lima 2]"), ("b", "[Ana Lima]")];
    let (again, full) = edit(&sessions, registry, ("a", "[Ben Okafor]"));
    assert!(again.is_none());
    assert_eq!(person(&full, "ana-lima-2").name, "Ana Lima");
    // Slugs that merely end in digits are their own.
    let sessions = [("a", "[Speaker 1, Ben Okafor]"), ("b", "[Ben Okafor]")];
    let (again, _) = edit(&sessions, registry, ("a", "[Speaker 2, Ben Okafor]"));
    assert!(again.is_some());
}

/// [`edit`] for sessions with one speaker, and front matter that `with` makes of
/// the given text.
fn edit_with(
    sessions: &[(&str, &str)],
    edited: (&str, &str),
    with: impl Fn(&str) -> String,
) -> (Option<SessionEdit>, Site) {
    let with = |text: &str| format!("[Ana Lima]\n{}", with(text));
    let sessions: Vec<(&str, String)> = sessions.iter().map(|(s, t)| (*s, with(t))).collect();
    let sessions: Vec<(&str, &str)> = sessions.iter().map(|(s, t)| (*s, t.as_str())).collect();
    edit(&sessions, "", (edited.0, &with(edited.1)))
}

/// [`edit`] for topics: sessions with a speaker and the given topics.
fn edit_topics(sessions: &[(&str, &str)], edited: (&str, &str)) -> (Option<SessionEdit>, Site) {
    edit_with(sessions, edited, |topics| format!("topics: {topics}"))
}

/// A topic of a fully resolved site, by slug.
fn topic<'a>(site: &'a Site, slug: &str) -> &'a Topic {
    by_slug(&site.topics, slug, |t| &t.slug)
}

#[test]
fn topics_come_and_are_renamed_where_this_session_alone_names_them() {
    let sessions = [("a", "[AI, Quantum Policy]"), ("b", "[AI]")];
    let (again, full) = edit_topics(&sessions, ("a", "[AI, Space Law]"));
    let again = again.expect("one-session edit");
    assert_eq!(again.added_topics, [topic(&full, "space-law").clone()]);
    let (again, full) = edit_topics(&sessions, ("a", "[AI, \"quantum   POLICY\"]"));
    let again = again.expect("one-session edit");
    let renamed: Vec<&Topic> = again.renamed_topics.iter().map(|(_, t)| t).collect();
    assert_eq!(renamed, [topic(&full, "quantum-policy")]);
    assert_eq!(renamed[0].name, "quantum POLICY");
}

#[test]
fn a_topic_named_first_here_and_elsewhere_too_is_renamed_with_its_other_sessions() {
    let sessions = [("a", "[AI]"), ("b", "[AI]")];
    let (again, full) = edit_topics(&sessions, ("a", "[ai]"));
    let again = again.expect("one-session edit");
    assert_eq!(again.renamed_topics.len(), 1);
    assert_eq!(&again.renamed_topics[0].1, topic(&full, "ai"));
    assert_eq!(topic(&full, "ai").name, "ai");
    assert_eq!(again.also, [SessionId(1)]);
    // Named after someone else's spelling: nothing changes.
    let (again, _) = edit_topics(&sessions, ("b", "[ai]"));
    let again = again.expect("one-session edit");
    assert!(again.renamed_topics.is_empty());
}

/// [`edit`] for events: sessions with a speaker and the given event.
fn edit_event(sessions: &[(&str, &str)], edited: (&str, &str)) -> (Option<SessionEdit>, Site) {
    edit_with(sessions, edited, |event| format!("event: \"{event}\""))
}

/// An event of a fully resolved site, by slug.
fn event<'a>(site: &'a Site, slug: &str) -> &'a Event {
    by_slug(&site.events, slug, |e| &e.slug)
}

#[test]
fn events_come_and_are_renamed_where_this_session_alone_names_them() {
    let sessions = [("a", "IGF 2025"), ("b", "IGF 2025"), ("c", "WSIS Forum")];
    // Another known event: nothing to add or rename, whoever named it first.
    for stem in ["a", "c"] {
        let other = if stem == "a" {
            "WSIS Forum"
        } else {
            "igf 2025"
        };
        let (again, _) = edit_event(&sessions, (stem, other));
        let again = again.expect("one-session edit");
        assert!(again.added_event.is_none() && again.renamed_events.is_empty());
    }
    let (again, full) = edit_event(&sessions, ("c", "AI for Good"));
    let again = again.expect("one-session edit");
    assert_eq!(
        again.added_event.as_ref(),
        Some(event(&full, "ai-for-good"))
    );
    let (again, full) = edit_event(&sessions, ("c", "wsis  forum "));
    let again = again.expect("one-session edit");
    let [(_, renamed)] = again.renamed_events.as_slice() else {
        panic!("one renamed: {:?}", again.renamed_events);
    };
    assert_eq!(renamed, event(&full, "wsis-forum"));
    assert_eq!(renamed.name, "wsis  forum");
}

#[test]
fn an_event_named_first_here_and_elsewhere_too_is_renamed_with_its_other_sessions() {
    let sessions = [("a", "IGF 2025"), ("b", "igf-2025")];
    // Leaving it: the next session's spelling names it.
    let (again, full) = edit_event(&sessions, ("a", "WSIS Forum"));
    let again = again.expect("one-session edit");
    let [(_, renamed)] = again.renamed_events.as_slice() else {
        panic!("one renamed: {:?}", again.renamed_events);
    };
    assert_eq!(renamed, event(&full, "igf-2025"));
    assert_eq!(renamed.name, "igf-2025");
    assert_eq!(again.also, [SessionId(1)]);
    let (again, full) = edit_event(&sessions, ("a", "IGF-2025"));
    let again = again.expect("one-session edit");
    let [(_, renamed)] = again.renamed_events.as_slice() else {
        panic!("one renamed: {:?}", again.renamed_events);
    };
    assert_eq!(renamed, event(&full, "igf-2025"));
    // Named after someone else's spelling: nothing changes.
    let (again, _) = edit_event(&sessions, ("b", "Igf 2025"));
    let again = again.expect("one-session edit");
    assert!(again.renamed_events.is_empty());
}

#[test]
fn an_edit_may_rename_the_event_it_leaves_and_the_one_it_joins() {
    let sessions = [("a", "IGF 2025"), ("b", "IGF-2025"), ("d", "Summit A")];
    let (again, full) = edit_event(&sessions, ("a", "summit  a"));
    let again = again.expect("one-session edit");
    let mut renamed: Vec<&Event> = again.renamed_events.iter().map(|(_, e)| e).collect();
    renamed.sort_by_key(|e| e.slug.clone());
    assert_eq!(
        renamed,
        [event(&full, "igf-2025"), event(&full, "summit-a")]
    );
    assert_eq!(
        (renamed[0].name.as_str(), renamed[1].name.as_str()),
        ("IGF-2025", "summit  a")
    );
    assert_eq!(again.also, [SessionId(1), SessionId(2)]);
}

#[test]
fn registry_people_keep_their_name_and_take_a_written_honorific() {
    let registry = "- name: Houlin Zhao\n  aliases: [Zhao Houlin]\n";
    let (again, full) = edit(
        &[("a", "[Ben Okafor]")],
        registry,
        ("a", "[\"Dr. Zhao Houlin\", Ben Okafor]"),
    );
    let again = again.expect("one-session edit");
    let renamed: Vec<&Person> = again.renamed.iter().map(|(_, p)| p).collect();
    assert_eq!(renamed, [person(&full, "houlin-zhao")]);
    assert_eq!(renamed[0].name, "Houlin Zhao");
    assert_eq!(renamed[0].honorific.as_deref(), Some("Dr."));
}
