//! An event's proceedings book: one page that holds every session of the event in
//! full, in programme order, for reading through and for print, with an index of
//! speakers and an index of countries that point back to the sessions.
//!
//! The sessions and their order are the event page's
//! ([`crate::index::Index::sessions_of`] of its list), each shown through the views the
//! session pages use ([`Views::session`], and the event page's programme rows). Each body is rendered
//! as a part of the page ([`Views::markdown_part`]): its ids start with its session's
//! anchor, so that two sessions' headings and footnotes never share an id.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::programme::{self, SlotView};
use super::views::{EventView, SessionView, Views};
use crate::index::ListKey;
use crate::model::{EventId, PersonId, Session, SessionId};
use crate::taxonomy::Country;

/// Everything the book page shows, as `book`.
#[derive(Clone, Debug, Serialize)]
pub struct BookView {
    /// The event, with its dates and place (the cover).
    pub event: EventView,
    /// The sessions in programme order.
    pub sessions: Vec<BookSessionView>,
    /// Everyone who moderated or spoke, A–Z, with their sessions in the book.
    pub speakers: Vec<BookIndexEntry>,
    /// The participants' countries, A–Z, with their sessions in the book.
    pub countries: Vec<BookIndexEntry>,
}

/// One session of the book.
#[derive(Clone, Debug, Serialize)]
pub struct BookSessionView {
    /// Its number in the book, from 1.
    pub number: usize,
    /// The id of its part of the page ([`anchor`]).
    pub id: String,
    /// Its row in the programme: day, time, type and room.
    pub slot: SlotView,
    /// What its page shows.
    pub session: SessionView,
    /// The body, rendered with ids under [`BookSessionView::id`].
    pub body: String,
}

/// An entry of an index: a person or a country, its page, and its sessions.
#[derive(Clone, Debug, Serialize)]
pub struct BookIndexEntry {
    /// Display name.
    pub name: String,
    /// Its page on the site.
    pub url: String,
    /// The sessions of the book it is in, in book order.
    pub sessions: Vec<BookRef>,
}

/// A session of the book, as an index points to it.
#[derive(Clone, Debug, Serialize)]
pub struct BookRef {
    /// Its number in the book.
    pub number: usize,
    /// The id of its part of the page.
    pub id: String,
}

/// The id of a session's part of its book: `s--<slug>`. Slugs never hold `--`, so
/// the ids under it (`s--<slug>--<heading>`) are never another session's.
pub fn anchor(s: &Session) -> String {
    format!("s--{}", s.slug)
}

/// The book of event `id`. A session of `edited` is shown as given rather than as the
/// site holds it (a live rebuild after an edit of its body).
pub fn view(views: &Views<'_>, id: EventId, edited: &[(SessionId, &Session)]) -> BookView {
    let site = views.site;
    let ids = (views.index.sessions_of(ListKey::Event(id))).unwrap_or_default();
    let session_of = |sid: SessionId| {
        (edited.iter())
            .find(|(e, _)| *e == sid)
            .map_or(&site.sessions[sid.index()], |(_, s)| *s)
    };
    let slots = programme::slots(views, &ids);
    let mut people: FxHashMap<PersonId, Vec<BookRef>> = FxHashMap::default();
    let mut countries: FxHashMap<Country, Vec<BookRef>> = FxHashMap::default();
    let mut sessions = Vec::with_capacity(ids.len());
    for (i, (&sid, slot)) in ids.iter().zip(slots).enumerate() {
        let s = session_of(sid);
        let number = i + 1;
        let id = anchor(s);
        let reference = || BookRef {
            number,
            id: id.clone(),
        };
        for p in &s.participants {
            let refs = people.entry(p.person).or_default();
            if refs.last().is_none_or(|r| r.number != number) {
                refs.push(reference());
            }
            if let Some(c) = p.country {
                let refs = countries.entry(c).or_default();
                if refs.last().is_none_or(|r| r.number != number) {
                    refs.push(reference());
                }
            }
        }
        sessions.push(BookSessionView {
            number,
            body: views.markdown_part(&s.body, &format!("{id}--")),
            id,
            slot,
            session: views.session(s),
        });
    }
    let mut speakers: Vec<(PersonId, Vec<BookRef>)> = people.into_iter().collect();
    speakers.sort_by(|(a, _), (b, _)| {
        let key = |p: &PersonId| {
            let person = &site.people[p.index()];
            let sort = views.index.person_keys.get(p.index()).map(AsRef::as_ref);
            (sort, person.name.as_str(), person.slug.as_str())
        };
        key(a).cmp(&key(b))
    });
    let mut countries: Vec<(Country, Vec<BookRef>)> = countries.into_iter().collect();
    countries.sort_by_cached_key(|(c, _)| crate::index::sort_key(c.name()));
    BookView {
        event: views.event(id, true),
        sessions,
        speakers: (speakers.into_iter())
            .map(|(p, sessions)| BookIndexEntry {
                name: site.people[p.index()].name.clone(),
                url: views.person_url(&site.people[p.index()]),
                sessions,
            })
            .collect(),
        countries: (countries.into_iter())
            .map(|(c, sessions)| BookIndexEntry {
                name: c.name().to_string(),
                url: views.country_url(c),
                sessions,
            })
            .collect(),
    }
}
