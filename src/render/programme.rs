//! An event's programme as its pages show it: grouped by day, each session a row with
//! its time and type, a day navigation made of plain links (it works without
//! JavaScript), and pages that hold whole days, so that a day is never split
//! between two pages. Session pages link their neighbours in the same programme.
//!
//! The programme order is [`crate::index::Index::by_event`]'s: by day and start time
//! (as times, not text), undated sessions last.

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use super::views::{LinkView, Views};
use crate::model::SessionId;
use crate::routes;

/// The sessions of a list, `sessions` long, split into pages of `per_page`: the ranges
/// of each page (one empty page for an empty list).
pub(crate) fn even_pages(len: usize, per_page: usize) -> Vec<Range<usize>> {
    let per_page = per_page.max(1);
    if len == 0 {
        return one_page(0);
    }
    (0..len.div_ceil(per_page))
        .map(|p| p * per_page..((p + 1) * per_page).min(len))
        .collect()
}

/// One page of `len` sessions.
fn one_page(len: usize) -> Vec<Range<usize>> {
    std::iter::once(0..len).collect()
}

/// Runs of sessions on the same day, in a list in programme order: each day's range.
pub(crate) fn days(dates: &[Option<Date>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        match out.last_mut() {
            Some(r) if dates[r.start] == *d => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Pages of whole days: one page when the programme fits on one; otherwise days are
/// added to a page while it stays within `per_page` sessions, and a day longer than
/// that has a page of its own.
pub(crate) fn day_pages(days: &[Range<usize>], per_page: usize) -> Vec<Range<usize>> {
    let per_page = per_page.max(1);
    let len = days.last().map_or(0, |d| d.end);
    if len <= per_page {
        return one_page(len);
    }
    let mut pages: Vec<Range<usize>> = Vec::new();
    for day in days {
        match pages.last_mut() {
            Some(p) if p.end - p.start + day.len() <= per_page => p.end = day.end,
            _ => pages.push(day.clone()),
        }
    }
    pages
}

/// The days of an event's sessions (in programme order), each with its range.
pub(crate) fn event_days(views: &Views<'_>, sessions: &[SessionId]) -> Vec<Range<usize>> {
    let dates: Vec<Option<Date>> = (sessions.iter())
        .map(|s| views.site.sessions[s.index()].date)
        .collect();
    days(&dates)
}

/// A day in an event's day navigation.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct DayView {
    /// Fragment id of its heading ("day-2024-05-30"; "day-tba" for undated sessions).
    pub id: String,
    /// The heading: "Thursday 30 May 2024", or "Date to be announced".
    pub label: String,
    /// The navigation's label: "Thu 30 May", or "Undated".
    pub short: String,
    /// Number of sessions.
    pub count: usize,
    /// The page it is on (1 is the first).
    pub page: usize,
    /// The URL of that page (without the fragment).
    pub url: String,
}

/// One row of a programme: a session with its time.
#[derive(Clone, Debug, Serialize)]
pub struct SlotView {
    /// The id of its day's heading ([`DayView::id`]).
    pub day: String,
    /// The day's heading ([`DayView::label`]).
    pub day_label: String,
    /// "10:00–10:45".
    pub time: Option<String>,
    /// Title.
    pub title: String,
    /// Its page.
    pub url: String,
    /// Type label ("Panel").
    pub kind: Option<String>,
    /// Room.
    pub room: Option<String>,
}

fn day_id(d: Option<Date>) -> String {
    d.map_or_else(|| "day-tba".to_string(), |d| format!("day-{d}"))
}

fn day_label(d: Option<Date>) -> String {
    d.map_or_else(
        || "Date to be announced".to_string(),
        |d| d.strftime("%A %-d %B %Y").to_string(),
    )
}

/// The day navigation of an event's pages: every day, with the page it is on.
pub(crate) fn day_nav(
    views: &Views<'_>,
    dir: &str,
    sessions: &[SessionId],
    pages: &[Range<usize>],
) -> Vec<DayView> {
    event_days(views, sessions)
        .into_iter()
        .map(|day| {
            let date = views.site.sessions[sessions[day.start].index()].date;
            let page = pages.partition_point(|p| p.end <= day.start) + 1;
            DayView {
                id: day_id(date),
                label: day_label(date),
                short: date.map_or_else(
                    || "Undated".to_string(),
                    |d| d.strftime("%a %-d %b").to_string(),
                ),
                count: day.len(),
                page,
                url: views.url(&routes::list_page(dir, page)),
            }
        })
        .collect()
}

/// Each session's row in an event's programme.
pub(crate) fn slots(views: &Views<'_>, sessions: &[SessionId]) -> Vec<SlotView> {
    (sessions.iter())
        .map(|id| {
            let s = &views.site.sessions[id.index()];
            SlotView {
                day: day_id(s.date),
                day_label: day_label(s.date),
                time: s.time.map(|t| t.to_string()),
                title: s.title.clone(),
                url: views.session_url(s),
                kind: s.kind.as_ref().map(|k| k.label()),
                room: s.room.clone(),
            }
        })
        .collect()
}

/// The sessions before and after one in its event's programme, as its page links them.
#[derive(Clone, Debug, Default, Hash, Serialize)]
pub struct NeighboursView {
    /// The session before it.
    pub prev: Option<LinkView>,
    /// The session after it.
    pub next: Option<LinkView>,
}

impl Views<'_> {
    /// The neighbours of session `id` in its event's programme.
    pub fn neighbours(&self, id: SessionId) -> NeighboursView {
        let site = self.site;
        let programme = (site.sessions.get(id.index()))
            .and_then(|s| s.event)
            .and_then(|e| self.index.by_event.get(e.index()));
        let Some(programme) = programme else {
            return NeighboursView::default();
        };
        let Some(at) = programme.iter().position(|&x| x == id) else {
            return NeighboursView::default();
        };
        let link = |i: usize| {
            programme.get(i).map(|n| {
                let s = &site.sessions[n.index()];
                LinkView {
                    label: s.title.clone(),
                    url: self.session_url(s),
                }
            })
        };
        NeighboursView {
            prev: at.checked_sub(1).and_then(link),
            next: link(at + 1),
        }
    }
}

/// A session's start and end as instants (UTC), when its time and zone are known: the
/// page shows them in the reader's own zone too, with JavaScript on.
#[derive(Clone, Debug, Serialize)]
pub struct InstantsView {
    /// "2024-05-30T08:00Z".
    pub start: String,
    /// The end, when given.
    pub end: Option<String>,
}

/// [`InstantsView`] of `s`; `None` for a session whose time is not an instant.
pub(crate) fn instants(s: &crate::model::Session) -> Option<InstantsView> {
    let Some(crate::model::When::Exact(start, end)) = s.when() else {
        return None;
    };
    // Times are whole minutes: no seconds.
    let at = |t: jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%MZ").to_string();
    Some(InstantsView {
        start: at(start),
        end: end.map(at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_are_runs_of_one_date() {
        let d = |n| Some(date(2024, 5, n));
        assert_eq!(days(&[d(1), d(1), d(2), None, None]), [0..2, 2..3, 3..5]);
        assert_eq!(days(&[]), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_day_is_never_split_between_pages() {
        // Days of 3, 4, 2 and 6 sessions, five to a page.
        let days = [0..3, 3..7, 7..9, 9..15];
        let pages = day_pages(&days, 5);
        assert_eq!(pages, [0..3, 3..7, 7..9, 9..15]);
        for day in &days {
            let holding = pages
                .iter()
                .filter(|p| p.start < day.end && day.start < p.end);
            assert_eq!(holding.count(), 1, "day {day:?} is on one page");
        }
        // Days that fit together share a page; a programme that fits is one page.
        assert_eq!(day_pages(&[0..2, 2..4, 4..9], 5), [0..4, 4..9]);
        assert_eq!(day_pages(&[0..2, 2..4], 5), [Range { start: 0, end: 4 }]);
        assert_eq!(day_pages(&[], 5), [Range { start: 0, end: 0 }]);
    }

    #[test]
    fn even_pages_cover_the_list() {
        assert_eq!(even_pages(7, 3), [0..3, 3..6, 6..7]);
        assert_eq!(even_pages(0, 3), [Range { start: 0, end: 0 }]);
        assert_eq!(even_pages(3, 3), [Range { start: 0, end: 3 }]);
    }
}
