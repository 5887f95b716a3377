//! Events (from `data/events.yaml` or named in sessions) and topics.

use rustc_hash::FxHashMap;
use std::path::Path;

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use super::spellings::SiteSpellings;
use super::{EventId, TopicId};
pub use crate::content::Attendance;
use crate::content::EventRecord;
use crate::diag::{Diagnostic, Diagnostics};
use crate::url::Slug;

/// An event: a WSIS Forum, an ITU Digital World, an IGF meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// URL slug and id: `/events/<slug>/`.
    pub slug: Slug,
    /// Display name.
    pub name: String,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
    /// Where.
    pub location: Option<String>,
    /// How people attended, when `data/events.yaml` says or its location shows it.
    pub attendance: Option<Attendance>,
    /// The event's own site.
    pub url: Option<crate::url::Link>,
    /// Markdown description.
    pub description: Option<String>,
    /// Whether it comes from `data/events.yaml` (rather than only a session's `event:`).
    pub registered: bool,
}

impl Event {
    /// An event that only sessions name (it is not in `data/events.yaml`).
    pub(super) fn unregistered(slug: Slug, name: String) -> Event {
        Event {
            slug,
            name,
            start: None,
            end: None,
            location: None,
            attendance: None,
            url: None,
            description: None,
            registered: false,
        }
    }
}

/// How an event was attended, read from its location: "Online", "Online (hosted by
/// Viet Nam)", "Virtual" are online; any other place is in person. Mixed attendance
/// cannot be told from a place name: `attendance: mixed` says it.
fn attendance_of(location: &str) -> Option<Attendance> {
    let first = location
        .trim()
        .split([' ', ',', '('])
        .next()?
        .to_lowercase();
    if first.is_empty() {
        None
    } else if matches!(first.as_str(), "online" | "virtual") {
        Some(Attendance::Online)
    } else {
        Some(Attendance::InPerson)
    }
}

/// Collects events: registry entries by id, then plain names met in sessions.
#[derive(Debug, Default)]
pub(crate) struct EventsBuilder {
    events: Vec<Event>,
    /// Registry ids, and slugs of plain names met in sessions.
    by_key: FxHashMap<Slug, usize>,
    /// Slugs of registry display names: a session may name a registered event by name.
    by_name: FxHashMap<Slug, usize>,
    /// The ids of `data/events.yaml`, in its order.
    registry: Vec<Slug>,
}

/// Why a session's `event:` names no event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NoEvent {
    /// Nothing but spaces and punctuation.
    Empty,
    /// Written as an id (`wsis-2099`) that `data/events.yaml` does not have.
    UnknownId {
        /// The registry's id nearest to it, when one is close.
        nearest: Option<String>,
    },
}

/// Whether `name`, which no event has yet, may become an event of its own. A name
/// written the way ids are (lower-case letters, digits and hyphens only) is taken
/// for a mistyped id when the site has a registry: `wsis-2099` must not quietly
/// become a new event titled "wsis-2099". Event names are written as they are shown
/// ("WSIS Forum 2024"), and those always may.
pub(crate) fn new_event(name: &str, registry: &[Slug]) -> Result<(), NoEvent> {
    let written = name.trim();
    if registry.is_empty() || Slug::parse_exact(written).is_none() {
        return Ok(());
    }
    let nearest = crate::diag::nearest(written, registry.iter().map(Slug::as_str));
    Err(NoEvent::UnknownId {
        nearest: nearest.map(str::to_string),
    })
}

impl EventsBuilder {
    /// Starts with the events of `data/events.yaml`.
    pub(crate) fn from_registry(
        records: &[EventRecord],
        file: &Path,
        diags: &mut Diagnostics,
    ) -> EventsBuilder {
        let mut b = EventsBuilder::default();
        for rec in records {
            let at = super::locate(&rec.id);
            let Some(slug) = Slug::parse_exact(rec.id.value.trim()) else {
                let hint = Slug::from_text(&rec.id.value)
                    .map_or_else(String::new, |s| format!(", e.g. `{s}`"));
                diags.push(
                    Diagnostic::error(
                        file,
                        at,
                        format!("`{}` is not a valid event id", rec.id.value),
                    )
                    .with_help(format!(
                        "ids are lower-case letters, digits and hyphens{hint}"
                    )),
                );
                continue;
            };
            if b.by_key.contains_key(&slug) {
                diags.push(
                    Diagnostic::error(file, at, format!("the event id `{slug}` is used twice"))
                        .with_help("give each event its own id"),
                );
                continue;
            }
            let mut date = |d: &Option<serde_saphyr::Spanned<String>>| {
                d.as_ref()
                    .and_then(|d| match d.value.trim().parse::<Date>() {
                        Ok(v) => Some(v),
                        Err(_) => {
                            diags.push(
                                Diagnostic::error(
                                    file,
                                    super::locate(d),
                                    format!("`{}` is not a date", d.value),
                                )
                                .with_help("write dates as YYYY-MM-DD"),
                            );
                            None
                        }
                    })
            };
            let (start, end) = (date(&rec.start), date(&rec.end));
            if let (Some(s), Some(e), Some(at)) = (start, end, &rec.end)
                && e < s
            {
                diags.push(
                    Diagnostic::error(
                        file,
                        super::locate(at),
                        format!("the event ends ({e}) before it starts ({s})"),
                    )
                    .with_help("swap `start:` and `end:`, or correct the one that is wrong"),
                );
            }
            b.registry.push(slug.clone());
            let index = b.events.len();
            b.by_key.insert(slug.clone(), index);
            if let Some(name_key) = Slug::from_text(&rec.name) {
                b.by_name.entry(name_key).or_insert(index);
            }
            b.events.push(Event {
                slug,
                name: rec.name.trim().to_string(),
                start,
                end,
                location: rec.location.clone(),
                attendance: rec
                    .attendance
                    .or_else(|| rec.location.as_deref().and_then(attendance_of)),
                url: rec.url.clone(),
                description: rec.description.clone(),
                registered: true,
            });
        }
        b
    }

    /// The event a session names by id or by name; a new unregistered event for a new
    /// name (see [`new_event`] for the names that are refused instead).
    pub(crate) fn resolve(&mut self, name: &str) -> Result<EventId, NoEvent> {
        let key = Slug::from_text(name).ok_or(NoEvent::Empty)?;
        // Ids win over display names.
        if let Some(&i) = self.by_key.get(&key).or_else(|| self.by_name.get(&key)) {
            return Ok(EventId::from_index(i));
        }
        new_event(name, &self.registry)?;
        let index = self.events.len();
        self.by_key.insert(key.clone(), index);
        // Named once every session is in (`finish`).
        self.events.push(Event::unregistered(key, String::new()));
        Ok(EventId::from_index(index))
    }

    /// The ids of `data/events.yaml`, for [`new_event`] when one session is resolved again.
    pub(crate) fn take_registry(&mut self) -> Vec<Slug> {
        std::mem::take(&mut self.registry)
    }

    /// The lookup tables (ids and plain names, then registry display names); taken out
    /// once every session is in.
    pub(crate) fn take_keys(&mut self) -> (FxHashMap<Slug, usize>, FxHashMap<Slug, usize>) {
        (
            std::mem::take(&mut self.by_key),
            std::mem::take(&mut self.by_name),
        )
    }

    /// The events, those outside the registry named by their first spelling.
    pub(crate) fn finish(mut self, spellings: &SiteSpellings) -> Vec<Event> {
        for (i, event) in self.events.iter_mut().enumerate() {
            if !event.registered {
                event.name = spellings.event(i).unwrap_or_default();
            }
        }
        self.events
    }
}

/// The name of an event outside the registry, from how a session writes it.
pub(super) fn event_name(written: &str) -> String {
    written.trim().to_string()
}

/// A free topic ("Cybersecurity"); spelling variants that slug alike are one topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    /// URL slug: `/topics/<slug>/`.
    pub slug: Slug,
    /// Display name: the first spelling in path order.
    pub name: String,
}

/// A topic's display name as written: NFC, single spaces.
pub(super) fn topic_name(written: &str) -> String {
    let name: String = written.nfc().collect();
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collects topics, merging case and spacing variants.
#[derive(Debug, Default)]
pub(crate) struct TopicsBuilder {
    slugs: Vec<Slug>,
    by_slug: FxHashMap<Slug, usize>,
}

impl TopicsBuilder {
    /// The topic for `name`; `None` when it has no letters or digits.
    pub(crate) fn intern(&mut self, name: &str) -> Option<TopicId> {
        let slug = Slug::from_text(name)?;
        if let Some(&i) = self.by_slug.get(&slug) {
            return Some(TopicId::from_index(i));
        }
        let index = self.slugs.len();
        self.by_slug.insert(slug.clone(), index);
        self.slugs.push(slug);
        Some(TopicId::from_index(index))
    }

    /// Each topic's slug, with its index; taken out once every session is in.
    pub(crate) fn take_slugs(&mut self) -> FxHashMap<Slug, usize> {
        std::mem::take(&mut self.by_slug)
    }

    /// The topics, each named by its first spelling.
    pub(crate) fn finish(self, spellings: &SiteSpellings) -> Vec<Topic> {
        let name = |i| spellings.topic(i).unwrap_or_default();
        let topics = self.slugs.into_iter().enumerate();
        topics
            .map(|(i, slug)| Topic {
                name: name(i),
                slug,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_case_and_spacing_variants_merge() {
        let mut t = TopicsBuilder::default();
        let a = t.intern("Digital  Divide");
        assert_eq!(t.intern("digital divide"), a);
        assert_eq!(t.intern(" DIGITAL-DIVIDE "), a);
        assert_ne!(t.intern("Digital Inclusion"), a);
        assert_eq!(t.intern("  "), None);
        assert_eq!(topic_name(" Digital  Divide "), "Digital Divide");
    }

    #[test]
    fn attendance_is_read_from_the_location() {
        assert_eq!(
            attendance_of("Online (hosted by Viet Nam)"),
            Some(Attendance::Online)
        );
        assert_eq!(
            attendance_of(" virtual, worldwide"),
            Some(Attendance::Online)
        );
        assert_eq!(
            attendance_of("Geneva, Switzerland"),
            Some(Attendance::InPerson)
        );
        // A city whose name starts like the word is still a place.
        assert_eq!(attendance_of("Onlineville"), Some(Attendance::InPerson));
        assert_eq!(attendance_of("  "), None);
    }

    #[test]
    fn an_event_id_may_equal_another_events_name() {
        let rec = |id: &str, name: &str| EventRecord {
            id: serde_saphyr::Spanned::new(
                id.to_string(),
                serde_saphyr::Location::UNKNOWN,
                serde_saphyr::Location::UNKNOWN,
            ),
            name: name.into(),
            start: None,
            end: None,
            location: None,
            attendance: None,
            url: None,
            description: None,
        };
        let mut diags = Diagnostics::new();
        let records = [
            rec("wsis-2024", "WSIS Forum 2024"),
            rec("wsis-forum-2024", "WSIS Forum 2024 (HLE)"),
        ];
        let mut b = EventsBuilder::from_registry(&records, Path::new("events.yaml"), &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(b.resolve("wsis-forum-2024"), Ok(EventId(1)), "the id wins");
        assert_eq!(b.resolve("WSIS Forum 2024 (HLE)"), Ok(EventId(1)));
        assert_eq!(b.resolve("wsis-2024"), Ok(EventId(0)));
        // An id-shaped name the registry lacks is a typo, not a new event.
        assert_eq!(
            b.resolve("wsis-2099"),
            Err(NoEvent::UnknownId {
                nearest: Some("wsis-2024".into())
            })
        );
        assert!(
            b.resolve("A Side Event 2024").is_ok(),
            "a name is a new event"
        );
        assert_eq!(b.resolve(" — "), Err(NoEvent::Empty));
    }

    #[test]
    fn an_event_that_ends_before_it_starts_is_an_error() {
        let at = |v: &str| {
            Some(serde_saphyr::Spanned::new(
                v.to_string(),
                serde_saphyr::Location::UNKNOWN,
                serde_saphyr::Location::UNKNOWN,
            ))
        };
        let rec = EventRecord {
            id: at("forum").expect("id"),
            name: "Forum".into(),
            start: at("2024-05-30"),
            end: at("2024-05-27"),
            location: None,
            attendance: None,
            url: None,
            description: None,
        };
        let mut diags = Diagnostics::new();
        EventsBuilder::from_registry(&[rec], Path::new("events.yaml"), &mut diags);
        assert_eq!(diags.error_count(), 1, "{diags:?}");
    }

    #[test]
    fn sessions_reach_registered_events_by_id_or_name() {
        let mut b = EventsBuilder::default();
        let id = b.resolve("WSIS Forum 2024");
        assert_eq!(b.resolve("wsis-forum-2024"), id);
        assert_ne!(b.resolve("WSIS Forum 2023"), id);
        assert_eq!(b.finish(&SiteSpellings::default()).len(), 2);
    }
}
