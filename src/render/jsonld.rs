//! schema.org JSON-LD for session, speaker and event pages, so search engines and
//! reference tools read who spoke where without scraping.
//!
//! A session is an `Event` (its performers `Person`s by name and page, its
//! conference the `superEvent`); a speaker is a `Person` with their jobs and
//! affiliations; an event is an `Event`.
//! The JSON is made safe to sit inside `<script>`: `<`, `>` and `&` are written as
//! `\u003c`, `\u003e`, `\u0026`, so no name can close the element.

use serde_json::{Map, Value, json};

use super::views::Views;
use crate::model::{Event, EventId, PersonId, Session, When};

/// The vocabulary every top-level object names.
const CONTEXT: &str = "https://schema.org";

/// A schema.org object of `kind` with its name and the absolute URL of its page.
fn node(views: &Views<'_>, kind: &str, name: &str, site_path: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("@type".into(), json!(kind));
    o.insert("name".into(), json!(name));
    o.insert("url".into(), json!(views.site.base.absolute(site_path)));
    o
}

/// An organization as written, with its page when the registry knows it (`id`).
fn affiliation(views: &Views<'_>, written: &str, id: Option<crate::model::OrgId>) -> Value {
    match id.map(|o| views.site.organizations.get(o)) {
        Some(o) => {
            let mut v = node(
                views,
                "Organization",
                written,
                &crate::routes::organization(&o.slug),
            );
            if let Some(site) = &o.url {
                v.insert("sameAs".into(), json!(views.site.base.absolute_link(site)));
            }
            Value::Object(v)
        }
        None => json!({"@type": "Organization", "name": written}),
    }
}

/// JSON-LD of a session page.
pub fn session(views: &Views<'_>, s: &Session) -> String {
    let site = views.site;
    let mut o = node(views, "Event", &s.title, &crate::routes::session(&s.slug));
    o.insert("@context".into(), json!(CONTEXT));
    if let Some(summary) = &s.summary {
        o.insert("description".into(), json!(summary));
    }
    // Google's event rich results want the offset with a time: an instant is written
    // in the session's own zone ("10:00:00+02:00"); a time without a zone stays floating.
    let zone = s.timezone.as_deref().and_then(crate::model::parse_timezone);
    let at = |t: jiff::Timestamp| match &zone {
        Some(tz) => t
            .to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        None => t.to_string(),
    };
    let (start, end) = match s.when() {
        Some(When::Day(d)) => (Some(d.to_string()), None),
        Some(When::Local(start, end)) => (Some(start.to_string()), end.map(|e| e.to_string())),
        Some(When::Exact(start, end)) => (Some(at(start)), end.map(at)),
        None => (None, None),
    };
    if let Some(start) = start {
        o.insert("startDate".into(), json!(start));
    }
    if let Some(end) = end {
        o.insert("endDate".into(), json!(end));
    }
    // A performer by name and page only: who they are (honorific, job, affiliation,
    // country) is said once, in the JSON-LD of their own page, which `url` names.
    // Repeated in every session of theirs it was 2.4 KB of a session page's 3.5 KB of
    // JSON-LD; what Google reads of a performer is the name.
    let performers: Vec<Value> = (s.participants.iter())
        .map(|p| {
            let person = &site.people[p.person.index()];
            Value::Object(node(
                views,
                "Person",
                &person.name,
                &crate::routes::speaker(&person.slug),
            ))
        })
        .collect();
    if !performers.is_empty() {
        o.insert("performer".into(), Value::Array(performers));
    }
    if !s.organizers.is_empty() {
        let orgs: Vec<Value> = (s.organizers.iter().zip(&s.organizer_ids))
            .map(|(n, &id)| affiliation(views, n, id))
            .collect();
        o.insert("organizer".into(), Value::Array(orgs));
    }
    if let Some(id) = s.event {
        // A session happens where its event does.
        where_and_how(views, &site.events[id.index()], &mut o);
        o.insert("superEvent".into(), event_value(views, id, false));
    }
    let about: Vec<Value> = s
        .sdgs
        .iter()
        .map(|g| json!(format!("SDG {}: {}", g.number(), g.short_name())))
        .chain(s.action_lines.iter().map(|a| json!(a.title())))
        .chain(s.topics.iter().map(|t| json!(site.topics[t.index()].name)))
        .collect();
    if !about.is_empty() {
        o.insert("keywords".into(), Value::Array(about));
    }
    script_safe(&Value::Object(o))
}

/// JSON-LD of a speaker page.
pub fn person(views: &Views<'_>, id: PersonId) -> String {
    let (site, index) = (views.site, views.index);
    let p = &site.people[id.index()];
    let mut o = node(views, "Person", &p.name, &crate::routes::speaker(&p.slug));
    o.insert("@context".into(), json!(CONTEXT));
    if let Some(h) = &p.honorific {
        o.insert("honorificPrefix".into(), json!(h));
    }
    if let Some(t) = index.person_titles[id.index()].first() {
        o.insert("jobTitle".into(), json!(t));
    }
    let orgs: Vec<Value> = index.person_organizations[id.index()]
        .iter()
        .map(|n| affiliation(views, n, views.site.organizations.find(n)))
        .collect();
    if !orgs.is_empty() {
        o.insert("affiliation".into(), Value::Array(orgs));
    }
    // The countries their sessions give them, as the page's facts list them (the
    // sessions' JSON-LD names them by page only).
    let countries: Vec<Value> = index.person_countries[id.index()]
        .iter()
        .map(|c| json!({"@type": "Country", "name": c.name()}))
        .collect();
    if !countries.is_empty() {
        o.insert("workLocation".into(), Value::Array(countries));
    }
    if let Some(photo) = &p.photo {
        o.insert("image".into(), json!(views.site.base.absolute_link(photo)));
    }
    let ids = (p.orcid.iter().map(|o| o.url())).chain(p.wikidata.iter().map(|w| w.url()));
    let links = (p.links.iter())
        .map(|l| l.url.value.as_str())
        .filter(|u| u.starts_with("http"));
    let mut same_as: Vec<Value> = ids.map(Value::from).collect();
    for u in links {
        if !same_as.iter().any(|v| v.as_str() == Some(u)) {
            same_as.push(json!(u));
        }
    }
    let identifiers: Vec<Value> = (p.orcid.iter())
        .map(|id| json!({"@type": "PropertyValue", "propertyID": "ORCID", "value": id.as_str()}))
        .chain((p.wikidata.iter()).map(
            |id| json!({"@type": "PropertyValue", "propertyID": "Wikidata", "value": id.as_str()}),
        ))
        .collect();
    if !identifiers.is_empty() {
        o.insert("identifier".into(), Value::Array(identifiers));
    }
    if !same_as.is_empty() {
        o.insert("sameAs".into(), Value::Array(same_as));
    }
    script_safe(&Value::Object(o))
}

/// JSON-LD of an event page.
pub fn event(views: &Views<'_>, id: EventId) -> String {
    script_safe(&event_value(views, id, true))
}

fn event_value(views: &Views<'_>, id: EventId, top: bool) -> Value {
    let e = &views.site.events[id.index()];
    let mut o = node(views, "Event", &e.name, &crate::routes::event(&e.slug));
    if top {
        o.insert("@context".into(), json!(CONTEXT));
    }
    // An event without dates in data/events.yaml runs from its first session's day to
    // its last.
    let days = || {
        let dates = views.index.by_event[id.index()]
            .iter()
            .filter_map(|id| views.site.sessions[id.index()].date);
        (dates.clone().min(), dates.max())
    };
    // Only on the event's own page: a session's `superEvent` naming the days of the
    // other sessions would change every session page when one session's date does.
    let (start, end) = match (e.start, e.end) {
        (Some(s), end) => (Some(s), end),
        (None, _) if top => days(),
        (None, end) => (None, end),
    };
    if let Some(d) = start {
        o.insert("startDate".into(), json!(d.to_string()));
    }
    if let Some(d) = end.filter(|d| Some(*d) != start) {
        o.insert("endDate".into(), json!(d.to_string()));
    }
    where_and_how(views, e, &mut o);
    if let Some(u) = website(e) {
        o.insert("sameAs".into(), json!(u));
    }
    Value::Object(o)
}

/// The event's own web site, when it is a web address.
fn website(e: &Event) -> Option<&str> {
    (e.url.as_ref().map(|u| u.as_str())).filter(|u| u.starts_with("http"))
}

/// `location` and `eventAttendanceMode` of an event (or a session of it), as far as
/// they are known: a `Place` for where people met, a `VirtualLocation` (with the
/// event's web site, else its page here) for an online event, both when mixed.
fn where_and_how(views: &Views<'_>, e: &Event, o: &mut Map<String, Value>) {
    use crate::model::Attendance;
    let place = e
        .location
        .as_deref()
        .map(|l| json!({"@type": "Place", "name": l, "address": l}));
    let online = || {
        let url = website(e).map_or_else(
            || views.site.base.absolute(&crate::routes::event(&e.slug)),
            str::to_string,
        );
        let mut v = json!({"@type": "VirtualLocation", "url": url});
        if let Some(l) = &e.location {
            v["name"] = json!(l);
        }
        v
    };
    let (location, mode) = match e.attendance {
        Some(Attendance::Online) => (Some(online()), Some("OnlineEventAttendanceMode")),
        Some(Attendance::Mixed) => (
            Some(Value::Array(place.into_iter().chain([online()]).collect())),
            Some("MixedEventAttendanceMode"),
        ),
        Some(Attendance::InPerson) => (place, Some("OfflineEventAttendanceMode")),
        None => (place, None),
    };
    if let Some(l) = location {
        o.insert("location".into(), l);
    }
    if let Some(m) = mode {
        o.insert(
            "eventAttendanceMode".into(),
            json!(format!("https://schema.org/{m}")),
        );
    }
}

/// Serialises JSON so it can sit inside an HTML `<script>` element unchanged.
pub fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_and_still_parses() {
        let v = json!({"name": "</script><script>alert(1)</script> & ]]>"});
        let out = script_safe(&v);
        assert!(
            !out.contains('<') && !out.contains('>') && !out.contains('&'),
            "{out}"
        );
        let back: Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, v);
    }
}
