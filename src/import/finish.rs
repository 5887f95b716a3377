//! What the reader found, turned into a session: the title, event, date and
//! time chosen, the people put in their lists, and a note for every doubt (the
//! YAML comments at the top of the file and the terminal summary).

use super::event::{self, Named};
use super::header::{self, highlights_day};
use super::labels::Part;
use super::reader::Findings;
use super::roster::Evidence;
use super::when::{Day, find_day, find_time, find_timezone};
use super::{Certainty, Context, Found, ImportedSession, KnownEvent, Sure};

/// What the document around a session says for it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shared {
    /// The document's event.
    pub event: Option<Named>,
    /// A day heading above the session (a programme's "8 July 2025").
    pub day: Option<Day>,
    /// The title the split found on the session's head line.
    pub title: Option<String>,
    /// The head line itself ("C4: Training data managers (12.05.2010, Room 3)").
    pub head: Option<String>,
    /// The session is the document's last: a cut-off end is its.
    pub last: bool,
    /// The text is a press item, news story or speech.
    pub press: bool,
    /// The text is a speech.
    pub speech: bool,
}

/// Completes a session from its findings. `text`: the session's own text.
pub(crate) fn session(
    mut s: ImportedSession,
    mut f: Findings,
    shared: &Shared,
    text: &str,
    cx: &Context,
) -> ImportedSession {
    let mut notes: Vec<String> = Vec::new();
    let mut sure = Certainty::default();

    // Title.
    let title = shared
        .title
        .as_deref()
        .map(header::clean)
        .map(|t| (t, Sure::Medium))
        .or_else(|| f.title.clone().map(|t| (header::clean(&t), Sure::High)))
        // An e-mail's subject is rarely the session's title; the title it quotes is.
        .or_else(|| {
            header::is_mail(&f.free)
                .then(|| header::quoted_title(&f.free))
                .flatten()
                .map(|t| (t, Sure::Medium))
        })
        .or_else(|| {
            header::title(&f.free, f.first_content.unwrap_or(usize::MAX)).map(|t| (t, Sure::Medium))
        })
        // A generic heading ("High-Level Leaders Session I", "Round Table II") gives
        // way to the title the text states for it.
        .map(|(t, how)| {
            match header::is_generic(&t)
                .then(|| header::prose_title(&f.free))
                .flatten()
            {
                Some(stated) => (stated, Sure::Low),
                None => (t, how),
            }
        });
    let title = title.or_else(|| header::quoted_title(&f.free).map(|t| (t, Sure::Low)));
    match title {
        Some((t, how)) => {
            s.title = t;
            sure.title = how;
        }
        None => notes.push("no title found: the file is named after its source".into()),
    }

    // Event.
    let named_here = event::of_text(text);
    let named = named_here.clone().or_else(|| shared.event.clone());
    let known = known_event(text, cx);
    s.event = match (&cx.event, &s.event, known) {
        (Some(e), _, _) => Some(e.clone()),
        (None, Some(e), _) => Some(e.clone()),
        (None, None, Some(k)) => Some(k.id.clone()),
        (None, None, None) => named.as_ref().map(|n| site_id(&n.name, cx)),
    };
    match (&cx.event, &s.event) {
        (Some(_), _) => {}
        (None, Some(e)) => notes.push(format!(
            "event {e:?} was read from the text: check, or pass --event"
        )),
        (None, None) => notes.push("no event in the text: pass --event ID".into()),
    }
    let year = named.as_ref().map(|n| n.year).or_else(|| {
        cx.event
            .as_ref()
            .and_then(|id| cx.events.iter().find(|e| &e.id == id))
            .and_then(|e| e.start)
            .map(|d| d.year())
    });

    // Date, time, zone.
    let written = f
        .date_text
        .as_deref()
        .and_then(|t| find_day(t).map(|d| (d, find_time(t), find_timezone(t))));
    // A press item's dateline is the release's date; a speech's date line is the speech's.
    let found = written
        .or_else(|| {
            let dateline_is_other = shared.press
                && !shared.speech
                && !header::reports_today(text)
                && !header::dateline_recurs(&f.free);
            header::date(&f.free, dateline_is_other)
        })
        .or_else(|| {
            let head = shared.head.as_deref()?;
            find_day(head).map(|d| (d, find_time(head), find_timezone(head)))
        });
    let (day, time, zone) = match found {
        Some((d, t, z)) => (Some(d), t, z),
        None => (shared.day, None, None),
    };
    match day {
        Some(d) => {
            s.date = d.date(year);
            sure.date = if d.year.is_some() {
                Sure::High
            } else {
                Sure::Medium
            };
            // "Tuesday, 20 March" under an advisory dated "Geneva, 14 March 2018": the
            // year the text names that puts that day on that weekday.
            let from_text = (s.date.is_none() && d.year.is_none())
                .then(|| crate::import::when::year_in_text(d, text))
                .flatten();
            if let Some(y) = from_text {
                s.date = d.date(Some(y));
            }
            match (s.date, d.year) {
                (None, None) => {
                    notes.push("the date has no year and the event gives none: add `date:`".into())
                }
                (Some(_), None) if from_text.is_some() => notes.push(format!(
                    "the date's year ({}) was taken from the text, where that day is a {}: check",
                    from_text.unwrap_or_default(),
                    d.weekday.map_or("day".to_string(), |w| format!("{w:?}"))
                )),
                (Some(_), None) => notes.push(format!(
                    "the date's year ({}) was taken from the event: check",
                    year.unwrap_or_default()
                )),
                (None, Some(_)) => notes.push("the date could not be read: add `date:`".into()),
                _ => {}
            }
        }
        None => {
            s.date = highlights_date(&f, text, cx);
            if s.date.is_some() {
                sure.date = Sure::Low;
                notes.push("the date was counted from the event's first day and the article's \"Day N\": check".into());
            } else {
                notes.push("no date found".into());
            }
        }
    }
    if s.time.is_none() {
        s.time = time;
    }
    if s.timezone.is_none() {
        s.timezone = zone;
    }

    // Kind and organizers.
    if text.to_lowercase().contains("session outcome document") {
        s.kind = Some("outcome-document".into());
    } else {
        s.kind = kind_of(&s.title);
    }
    if s.organizers.is_empty() {
        organizers(&mut s, &f);
    }

    // "Conclusion de la matinée par Cédric O", "Keynote by Ana Lima": a slot's title
    // that names its one speaker, when nothing else under it does.
    if f.roster.is_empty() {
        if let Some(p) = by_line_speaker(&s.title, &cx.countries) {
            f.roster.add(p, Part::Speaker, false, Evidence::Prose);
        }
    }

    // People.
    let mut layout = 0;
    let mut prose = 0;
    for m in f.roster.members() {
        let mut p = m.person.clone();
        p.found = match m.evidence {
            Evidence::Labelled => Found::Label,
            Evidence::Layout => {
                layout += 1;
                Found::Layout
            }
            Evidence::Prose => {
                prose += 1;
                Found::Prose
            }
        };
        match m.part {
            Part::Moderator => s.moderators.push(p),
            Part::Speaker => s.speakers.push(p),
        }
    }
    sure.people = if f.roster.is_empty() {
        Sure::None
    } else if prose > 0 {
        Sure::Low
    } else if layout > 0 {
        Sure::Medium
    } else {
        Sure::High
    };
    if layout > 0 {
        notes.push(format!(
            "{} read from the layout of an unlabelled list: check that they spoke, and their part",
            people(layout)
        ));
    }
    if prose > 0 {
        notes.push(format!(
            "{} read from running text: check each name, role, organization and country",
            people(prose)
        ));
    }
    let stateless: Vec<&str> = s
        .moderators
        .iter()
        .chain(&s.speakers)
        .filter(|p| p.country.is_none())
        .map(|p| p.name.as_str())
        .collect();
    if !stateless.is_empty() {
        notes.push(format!(
            "no country in the descriptor of {}: add `country:` where known",
            quote_list(&stateless[..stateless.len().min(4)])
                + if stateless.len() > 4 {
                    " and others"
                } else {
                    ""
                }
        ));
    }
    for n in &f.inferred {
        notes.push(format!(
            "the country of {n:?} was inferred from their organization or role: check"
        ));
    }
    for n in &f.tentative {
        notes.push(format!(
            "{n:?} is listed as to be confirmed: not kept as a speaker"
        ));
    }
    if !f.not_people.is_empty() {
        let shown: Vec<&str> = f.not_people.iter().take(3).map(String::as_str).collect();
        notes.push(format!(
            "{} list item(s) were not read as people: {}",
            f.not_people.len(),
            quote_list(&shown)
        ));
    }
    if f.placeholders > 0 {
        notes.push(format!(
            "{} placeholder(s) (TBD, TBC) were skipped",
            f.placeholders
        ));
    }
    if s.moderators.is_empty() && s.speakers.is_empty() {
        notes.push("no speakers found: add them if there were any".into());
    }

    // Codes.
    sure.codes = if s.sdgs.is_empty() && s.action_lines.is_empty() {
        Sure::None
    } else if f.unlabelled_codes {
        Sure::Medium
    } else {
        Sure::High
    };
    if f.unlabelled_codes {
        notes.push("goals or action lines were read from a list without a label: check".into());
    }
    for c in &f.cut_codes {
        notes.push(format!(
            "the list item {c:?} is cut off: it was not counted"
        ));
    }
    if shared.last {
        if let Some(last) = text.lines().rev().map(str::trim).find(|l| !l.is_empty()) {
            notes.extend(super::clean::cut_off_note(
                last,
                &['.', '!', '?', ')', '"', '”', ':', '>', ']'],
            ));
        }
    }
    s.notes.extend(notes);
    s.certainty = sure;
    s
}

/// "1 person was", "3 people were".
fn people(n: usize) -> String {
    if n == 1 {
        "1 person was".into()
    } else {
        format!("{n} people were")
    }
}

fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| {
            let short: String = i.chars().take(60).collect();
            format!("{short:?}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The site's event named in the text (by its name in data/events.yaml).
fn known_event<'a>(text: &str, cx: &'a Context) -> Option<&'a KnownEvent> {
    let lower = text.to_lowercase();
    cx.events
        .iter()
        .find(|e| !e.name.trim().is_empty() && lower.contains(&e.name.to_lowercase()))
}

/// The site's id for an event name when the site lists it, else the name, in a form
/// the build reads as a new event: a name written like an id ("wtpf-13", from a file
/// name in the text) that the registry lacks is a typo to the build, so it is written
/// in capitals ("WTPF-13").
fn site_id(name: &str, cx: &Context) -> String {
    let slug = crate::url::Slug::from_text(name).map(|s| s.as_str().to_string());
    if let Some(e) = (cx.events.iter())
        .find(|e| e.name.eq_ignore_ascii_case(name) || Some(&e.id) == slug.as_ref())
    {
        return e.id.clone();
    }
    let registry: Vec<crate::url::Slug> = (cx.events.iter())
        .filter_map(|e| crate::url::Slug::parse_exact(&e.id))
        .collect();
    match crate::model::new_event(name, &registry) {
        Ok(()) => name.to_string(),
        Err(_) => name.to_uppercase(),
    }
}

/// A highlights article's "Day N" counted from its event's first day.
fn highlights_date(f: &Findings, text: &str, cx: &Context) -> Option<jiff::civil::Date> {
    let n = f.free.iter().find_map(|l| highlights_day(&l.text))?;
    let event = match &cx.event {
        Some(id) => cx.events.iter().find(|e| &e.id == id),
        None => known_event(text, cx),
    }?;
    let start = event.start?;
    start
        .checked_add(jiff::Span::new().days(i64::from(n) - 1))
        .ok()
}

/// The session type a title names ("Ministerial Roundtable 3" -> roundtable).
pub(crate) fn kind_of(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    [
        ("roundtable", "roundtable"),
        ("round table", "roundtable"),
        ("workshop", "workshop"),
        ("keynote", "keynote"),
        ("plenary", "plenary"),
        ("high-level dialogue", "high-level-dialogue"),
        ("exhibition", "exhibition"),
        ("panel", "panel"),
    ]
    .iter()
    .find(|(k, _)| lower.contains(k))
    .map(|(_, slug)| (*slug).to_string())
}

/// The organizer line under a title ("ITU, UNESCO, UNDP, UNCTAD", "WSIS Gender Group").
fn organizers(s: &mut ImportedSession, f: &Findings) {
    let Some(t) = f
        .free
        .iter()
        .position(|l| header::clean(&l.text) == s.title || l.text == s.title)
    else {
        return;
    };
    let next = f.free.get(t + 1).filter(|l| l.index <= f.free[t].index + 3);
    if let Some(l) = next {
        let text = l.text.trim();
        let parts = super::person::split_commas(text);
        // "Press Conference – WSIS Forum 2018" names a session, not who organized it.
        let session = |p: &str| {
            let lower = p.to_lowercase();
            kind_of(p).is_some()
                || ["press conference", "session"]
                    .iter()
                    .any(|k| lower.contains(k))
        };
        let org_like = parts.iter().all(|p| {
            (super::person::is_org(p) || p.chars().all(|c| c.is_uppercase() || c == ' '))
                && !session(p)
        });
        if org_like
            && !super::when::is_when_line(text)
            && !header::is_generic(text)
            && text.split_whitespace().count() <= 12
            && !text.contains("http")
        {
            s.organizers.extend(parts.iter().map(|p| p.to_string()));
        }
    }
}

/// The person a title names after "by", "par" or "por", when the rest of the title
/// is the session's own ("Closing remarks by Dr Ana Lima").
fn by_line_speaker(
    title: &str,
    aliases: &crate::taxonomy::CountryAliases,
) -> Option<super::ImportedPerson> {
    let (head, who) = [" by ", " par ", " por "]
        .iter()
        .filter_map(|w| title.rsplit_once(w))
        .max_by_key(|(head, _)| head.len())?;
    let tokens: Vec<&str> = who.split_whitespace().collect();
    let name = super::names::valid_list_name(&tokens, aliases)?;
    let parsed = crate::model::parse_name(&name);
    // "Workshop on open data by Delta Partners", "AI for cities by Acme Labs": after a
    // session's subject, "by" names who runs it, as often a company as a person; after
    // a talk ("Closing remarks by …") or with an honorific, it is the speaker.
    let head_lower = head.to_lowercase();
    let talk = TALKS.iter().any(|t| head_lower.contains(t));
    ((talk || parsed.honorific.is_some()) && !parsed.name.is_empty()).then(|| {
        super::ImportedPerson {
            name: parsed.name,
            honorific: parsed.honorific,
            ..Default::default()
        }
    })
}

/// Words of a title that say one person speaks: "Closing remarks by …".
const TALKS: &[&str] = &[
    "remarks",
    "keynote",
    "speech",
    "address",
    "talk",
    "lecture",
    "presentation",
    "conclusion",
    "synthèse",
    "synthesis",
    "summary",
    "conversation",
    "chat",
    "message",
    "statement",
    "discours",
    "allocution",
    "conférence",
    "palabras",
    "discurso",
    "intervention",
    "welcome",
    "closing",
    "opening",
    "introduction",
    "wrap-up",
    "briefing",
    "masterclass",
    "ponencia",
];

#[cfg(test)]
mod tests {
    use super::by_line_speaker;
    use crate::taxonomy::CountryAliases;

    #[test]
    fn a_title_that_names_its_speaker_gives_the_speaker() {
        // Invented slot titles.
        let a = CountryAliases::new();
        let p = by_line_speaker("Synthèse de la matinée par Hugo Lambert", &a).expect("person");
        assert_eq!(p.name, "Hugo Lambert");
        let p = by_line_speaker("Closing remarks by Dr Ana Lima", &a).expect("person");
        assert_eq!(
            (p.name.as_str(), p.honorific.as_deref()),
            ("Ana Lima", Some("Dr"))
        );
        // An organization or a thing after "by" is no speaker.
        assert!(by_line_speaker("Workshop organized by the World Bank", &a).is_none());
        assert!(by_line_speaker("Digital inclusion by design", &a).is_none());
        // After a session's subject, "by" names who runs it: a company as often.
        assert!(by_line_speaker("Open data for cities by Delta Partners", &a).is_none());
        assert!(by_line_speaker("Open data for cities by Dr Ana Lima", &a).is_some());
    }

    #[test]
    fn an_event_written_like_an_id_the_site_lacks_is_written_as_a_name() {
        let cx = super::Context {
            event: None,
            events: vec![super::super::KnownEvent {
                id: "harbour-week-2031".into(),
                name: "Harbour Week 2031".into(),
                start: None,
            }],
            countries: CountryAliases::new(),
        };
        assert_eq!(super::site_id("hw-31", &cx), "HW-31");
        assert_eq!(
            super::site_id("Harbour Week 2031", &cx),
            "harbour-week-2031"
        );
        assert_eq!(super::site_id("River Days 2031", &cx), "River Days 2031");
    }
}
