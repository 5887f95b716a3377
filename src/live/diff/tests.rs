//! The pure parts of the live diff: which pages of a list change.

use std::collections::{BTreeSet, HashSet};

use super::{changed_pages, co_speakers_changed, list_pages};
use crate::render::{Fingerprint, PageSet};

fn pages(list: &[usize]) -> PageSet {
    PageSet::Some(list.iter().copied().collect::<BTreeSet<_>>())
}

fn print(every_page: u64, first_page: u64) -> Fingerprint {
    Fingerprint {
        every_page,
        first_page,
        page_starts: vec![0, 2],
        co_speakers_page: None,
    }
}

/// Two sessions to a page.
fn two(i: usize) -> usize {
    i / 2 + 1
}

#[test]
fn a_list_of_another_length_changes_on_every_page() {
    let none = HashSet::new();
    assert_eq!(changed_pages(&[1, 2, 3], &[1, 2], &none, two), PageSet::All);
}

#[test]
fn only_the_pages_where_sessions_moved_or_changed_are_rendered() {
    let none: HashSet<u32> = HashSet::new();
    // Two per page: 1 2 | 3 4 | 5 6; 3 and 4 swap places.
    let before = [1, 2, 3, 4, 5, 6];
    let after = [1, 2, 4, 3, 5, 6];
    assert_eq!(changed_pages(&before, &after, &none, two), pages(&[2]));
    // A dirty session in place re-renders its page only.
    let dirty = HashSet::from([6]);
    assert_eq!(changed_pages(&before, &before, &dirty, two), pages(&[3]));
    assert_eq!(changed_pages(&before, &before, &none, two), pages(&[]));
}

#[test]
fn the_fingerprints_decide_between_some_pages_the_first_and_all() {
    let none: HashSet<u32> = HashSet::new();
    let list = vec![1, 2, 3, 4];
    let same = list_pages(
        Some((list.clone(), print(1, 1))),
        Some((list.clone(), print(1, 1))),
        &none,
    );
    assert_eq!(same, pages(&[]));
    let first = list_pages(
        Some((list.clone(), print(1, 1))),
        Some((list.clone(), print(1, 2))),
        &none,
    );
    assert_eq!(
        first,
        pages(&[1]),
        "a country's people changed: its first page"
    );
    let every = list_pages(
        Some((list.clone(), print(1, 1))),
        Some((list.clone(), print(2, 1))),
        &none,
    );
    assert_eq!(every, PageSet::All);
    // A list that comes or goes is rendered whole.
    assert_eq!(
        list_pages(None, Some((list, print(1, 1))), &none),
        PageSet::All
    );
}

#[test]
fn pages_of_whole_days_are_found_by_where_they_start() {
    // An event's pages: days of 3, then 1, then 2 sessions.
    let days = Fingerprint {
        every_page: 1,
        first_page: 1,
        page_starts: vec![0, 3, 4],
        co_speakers_page: None,
    };
    let at: Vec<usize> = (0..6).map(|i| days.page_of(i)).collect();
    assert_eq!(at, [1, 1, 1, 2, 3, 3]);
    let none: HashSet<u32> = HashSet::new();
    let before = [1, 2, 3, 4, 5, 6];
    let after = [1, 2, 3, 4, 6, 5];
    assert_eq!(
        changed_pages(&before, &after, &none, |i| days.page_of(i)),
        pages(&[3])
    );
}

#[test]
fn a_co_speakers_page_is_rendered_when_it_comes_or_what_it_shows_changes() {
    let with = |co| Fingerprint {
        co_speakers_page: co,
        ..print(1, 1)
    };
    assert!(!co_speakers_changed(
        Some(&with(Some(7))),
        Some(&with(Some(7)))
    ));
    assert!(co_speakers_changed(
        Some(&with(Some(7))),
        Some(&with(Some(8)))
    ));
    assert!(co_speakers_changed(Some(&with(None)), Some(&with(Some(8)))));
    assert!(co_speakers_changed(None, Some(&with(Some(8)))));
    // A page that went goes with the other pages that went; there is nothing to render.
    assert!(!co_speakers_changed(
        Some(&with(Some(7))),
        Some(&with(None))
    ));
    assert!(!co_speakers_changed(Some(&with(Some(7))), None));
}
