//! One session's lines, read in order. A label ("Panellists:", "Moderador:",
//! "WSIS Action Lines", "Organizers:") sets what the lines after it hold until
//! the layout says otherwise (a sentence, a heading, another label); lines no
//! label claims are recognised by their own shape wherever they stand: a person
//! block, a list of goals or action lines, a paragraph that introduces speakers,
//! a title or a date line. What is left is the body. [`super::finish`] turns
//! what was found into the session.

use super::body::Body;
use super::codes::{self, Codes};
use super::entries::{self, block, checked_name, entry, split_people};
use super::header::Free;
use super::labels::{Field, Label, Part, label, split_inline};
use super::lines::{Line, Marker};
use super::person::is_role;
use super::prose;
use super::roster::{Evidence, Roster};
use super::shapes::{self, is_prose};
use super::{Context, ImportedSession};

/// What the lines being read hold.
#[derive(Clone, Debug, PartialEq)]
enum Ctx {
    Free,
    /// People of a part; `form` is that of the first entry (for singular moderator
    /// labels, whose scope ends where the list's form changes).
    People {
        part: Part,
        form: Option<Form>,
    },
    NotPeople {
        organizers: bool,
    },
    Codes {
        sdg: bool,
        listed: bool,
    },
    Topics,
    Section {
        report: bool,
    },
    Pending(Field),
    /// After "Moderated by X": list items are the speakers.
    Panel,
}

/// How an entry is laid out: its list marker, and whether its fields stand one per
/// line ("Ana Lima" / "Director" / "Acme") or run on one line.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Form {
    marker: Option<Marker>,
    laid_out: bool,
}

/// What the reader found, for [`super::finish`].
#[derive(Default)]
pub(crate) struct Findings {
    /// The people.
    pub roster: Roster,
    /// List items under a people label that were not read as people (quoted in a note).
    pub not_people: Vec<String>,
    /// "TBD" and the like, skipped.
    pub placeholders: usize,
    /// Items cut off at the end of the text.
    pub cut_codes: Vec<String>,
    /// Lines no label or shape claimed (title and date candidates).
    pub free: Vec<Free>,
    /// Index of the first line that is content (a label, a person, a code).
    pub first_content: Option<usize>,
    /// A labelled date.
    pub date_text: Option<String>,
    /// A labelled title.
    pub title: Option<String>,
    /// People listed as "to be confirmed".
    pub tentative: Vec<String>,
    /// People whose country was read inside an organization's or role's name.
    pub inferred: Vec<String>,
    /// Codes were found without a label.
    pub unlabelled_codes: bool,
}

struct Reader<'a> {
    lines: &'a [Line],
    cx: &'a Context,
    press: bool,
    /// The last line of the text belongs to these lines (a cut item is possible).
    at_end: bool,
    ctx: Ctx,
    s: ImportedSession,
    f: Findings,
    body: Body,
    /// Line of the last person added, and an affiliation or country waiting for
    /// the person on the next line.
    last_person: Option<usize>,
    pending: Option<(Field, String, usize)>,
    /// A transcript's turn (">> NAME:", ">> MODERATOR:") was read: "My name is X" in
    /// what follows is a speaker naming themselves.
    transcript: bool,
    /// After a media advisory's "WHO:", the paragraphs up to the next label are about
    /// the people who will speak: the part they speak in.
    announced: Option<Part>,
    /// The transcript's current turn: its speaker's name, or `None` in a turn named by
    /// role; and whether that role is the chair's.
    turn: Option<String>,
    chair_turn: bool,
}

/// Reads one session's lines. `press`: people quoted in prose are not speakers.
/// `at_end`: the lines end the text.
pub(crate) fn read(
    lines: &[Line],
    cx: &Context,
    press: bool,
    at_end: bool,
) -> (ImportedSession, Findings) {
    let mut r = Reader {
        lines,
        cx,
        press,
        at_end,
        ctx: Ctx::Free,
        s: ImportedSession::default(),
        f: Findings::default(),
        body: Body::default(),
        last_person: None,
        pending: None,
        transcript: false,
        announced: None,
        turn: None,
        chair_turn: false,
    };
    let mut i = 0;
    while i < lines.len() {
        i = r.line(i).max(i + 1);
    }
    r.s.body = std::mem::take(&mut r.body).finish();
    (r.s, r.f)
}

/// The line as Markdown-ish text for the body: its marker put back.
fn with_marker(l: &Line) -> String {
    match l.item {
        Some(Marker::Bullet) => format!("- {}", l.written),
        Some(Marker::Number) => format!("1. {}", l.written),
        Some(Marker::Checkbox) => format!("☐ {}", l.written),
        None => l.written.clone(),
    }
}

impl Reader<'_> {
    fn aliases(&self) -> &crate::taxonomy::CountryAliases {
        &self.cx.countries
    }

    fn content(&mut self, i: usize) {
        self.f.first_content.get_or_insert(i);
    }

    /// Reads line `i`; returns the index of the next line to read.
    fn line(&mut self, i: usize) -> usize {
        let line = &self.lines[i];
        let text = line.text.clone();
        let pieces = split_inline(&text);
        // "Moderator: A Panelists: B, C" and "Part II – Speakers:" (a list follows) are
        // labels. "WSIS 2018 – High-level policy statements: concluding session" has no
        // label first and no person after one: a title.
        let run = pieces.first().is_some_and(|p| label(p).is_some())
            || pieces.iter().skip(1).any(|p| {
                label(p).is_some_and(|l| {
                    matches!(l.field, Field::People(_))
                        && (l.value.is_empty() || self.has_person(l.value))
                })
            });
        // "Other speakers … will include A, Role, Org, Keynote: B, …": a sentence that
        // opens a list; a label inside it is part of the list.
        let sentence_list = pieces.first().is_some_and(|p| label(p).is_none())
            && is_prose(&text)
            && shapes::listed_after_cue(&text).is_some();
        if pieces.len() > 1 && run && !sentence_list {
            for p in pieces {
                if let Some(l) = label(p) {
                    self.on_label(l, i, true);
                }
            }
            return i + 1;
        }
        if let Some(l) = label(&text) {
            let item_heading = line.is_item() && matches!(l.field, Field::Section(_));
            let person = crate::model::parse_name(&text).honorific.is_some();
            if !item_heading && !person {
                return self.on_label(l, i, false);
            }
        }
        match self.ctx.clone() {
            Ctx::Pending(field) => {
                self.ctx = Ctx::Free;
                self.value(&field, &text);
                i + 1
            }
            Ctx::People { part, form } => self.people_line(i, part, form),
            Ctx::NotPeople { organizers } => self.not_people_line(i, organizers),
            Ctx::Codes { sdg, listed } => self.code_line(i, sdg, listed),
            Ctx::Topics if line.is_item() => {
                self.topics(&text);
                i + 1
            }
            Ctx::Section { report } => self.section_line(i, report),
            Ctx::Panel if line.is_item() => self.people_line(i, Part::Speaker, None),
            Ctx::Topics | Ctx::Panel | Ctx::Free => {
                self.ctx = Ctx::Free;
                self.free(i)
            }
        }
    }

    /// A label; `inline`: one of several on the line. Returns the next line to read.
    fn on_label(&mut self, l: Label<'_>, i: usize, inline: bool) -> usize {
        let value = l.value;
        self.announced = None;
        match &l.field {
            Field::Title | Field::Date | Field::Venue | Field::Link | Field::Event => {
                if value.is_empty() {
                    self.ctx = Ctx::Pending(l.field.clone());
                } else {
                    self.value(&l.field, value);
                    self.ctx = Ctx::Free;
                }
                if l.field == Field::Date {
                    self.f.free.push(Free {
                        index: i,
                        text: self.lines[i].text.clone(),
                        gap: 0,
                    });
                }
            }
            Field::People(part) => {
                let key = l.key.to_lowercase();
                // A media advisory's "WHO:": its value is a sentence about the speakers.
                let sentence = matches!(key.as_str(), "who" | "qui" | "quién" | "quien");
                let names = |r: &Self| {
                    r.has_person(value)
                        || (sentence && !prose::introductions(value, r.aliases()).is_empty())
                };
                // "Opening Ceremony: Twenty years of …" is a title, not a label with a person.
                if !value.is_empty() && !inline && !entries::is_placeholder(value) && !names(self) {
                    self.ctx = Ctx::Free;
                    return self.free(i);
                }
                // "Speech by Dr X, Secretary-General" heads a speech: its title may follow.
                let byline = [
                    "speech",
                    "address",
                    "remarks by",
                    "statement",
                    "message",
                    "discours",
                    "allocution",
                    "discurso",
                ]
                .iter()
                .any(|k| key.starts_with(k));
                if !byline {
                    self.content(i);
                }
                self.ctx = Ctx::People {
                    part: *part,
                    form: None,
                };
                if !value.is_empty() {
                    return self.inline_people(value, *part, i, inline, sentence);
                }
            }
            Field::NotPeople => {
                self.content(i);
                let key = l.key.to_lowercase();
                let organizers = ["organi", "host", "conven", "lead"]
                    .iter()
                    .any(|k| key.contains(k))
                    && !key.contains("moderat");
                self.ctx = Ctx::NotPeople { organizers };
                if !value.is_empty() {
                    self.not_people_text(value, organizers);
                    self.ctx = Ctx::Free;
                }
            }
            Field::Name => {
                // "Name:" under an organizer label is an organizer's.
                let part = match self.ctx {
                    Ctx::People { part, .. } => Some(part),
                    Ctx::NotPeople { .. } => None,
                    _ => Some(Part::Speaker),
                };
                match (part, entry(value, self.aliases())) {
                    (Some(p), Ok(e)) => {
                        let given = matches!(self.ctx, Ctx::People { .. });
                        self.add(e, p, given, Evidence::Labelled, i);
                    }
                    (None, Ok(e)) => self.f.roster.exclude(&e.person.name),
                    _ => {}
                }
            }
            Field::Affiliation | Field::Country => {
                if !value.is_empty() {
                    self.attach(l.field.clone(), value.to_string(), i);
                }
            }
            Field::Topics => {
                self.content(i);
                self.ctx = Ctx::Topics;
                self.topics(value);
            }
            Field::ActionLines | Field::Sdgs => {
                self.content(i);
                let sdg = l.field == Field::Sdgs;
                self.ctx = Ctx::Codes { sdg, listed: true };
                if !value.is_empty() {
                    let c = self.codes_of(value, sdg, true, i);
                    self.take_codes(c, value);
                }
            }
            Field::Section(h) => {
                self.content(i);
                self.body.heading(h);
                self.ctx = Ctx::Section {
                    report: h.to_lowercase().contains("report"),
                };
            }
        }
        i + 1
    }

    /// A header field's value.
    fn value(&mut self, field: &Field, text: &str) {
        match field {
            Field::Title if self.f.title.is_none() => self.f.title = Some(text.trim().to_string()),
            Field::Date => {
                self.f.date_text.get_or_insert_with(|| text.to_string());
            }
            Field::Link => self.link(text),
            Field::Event if self.s.event.is_none() => self.s.event = Some(text.trim().to_string()),
            _ => {}
        }
    }

    fn link(&mut self, text: &str) {
        let Some(start) = text.find("https://").or_else(|| text.find("http://")) else {
            return;
        };
        let url: String = text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '<' | '"' | ')'))
            .collect();
        let url = url.trim_end_matches(['.', ',']).to_string();
        if !self.s.links.iter().any(|(_, u)| u == &url) {
            self.s.links.push(("Session page".into(), url));
        }
    }

    fn codes_of(&self, text: &str, sdg: bool, listed: bool, i: usize) -> Codes {
        let last = self.at_end && i + 1 == self.lines.len();
        if sdg {
            codes::sdgs(text, listed, last)
        } else {
            codes::action_lines(text, listed, last)
        }
    }

    fn take_codes(&mut self, c: Codes, text: &str) {
        for g in c.sdgs {
            self.s.add_sdg(g);
        }
        for a in c.lines {
            self.s.add_action_line(a);
        }
        if c.cut {
            self.f.cut_codes.push(text.to_string());
        }
    }

    fn code_line(&mut self, i: usize, sdg: bool, listed: bool) -> usize {
        let text = self.lines[i].text.clone();
        // Lists mix both kinds ("C5 …" under "SDGs" is a slip): try the other kind too.
        let c = self.codes_of(&text, sdg, listed, i);
        let c = if c.is_empty() {
            self.codes_of(&text, !sdg, false, i)
        } else {
            c
        };
        if !c.is_empty() {
            self.take_codes(c, &text);
            return i + 1;
        }
        // A wrapped goal title goes on in lower case; anything else ends the list.
        if text.starts_with(|c: char| c.is_lowercase()) && !is_prose(&text) {
            return i + 1;
        }
        self.ctx = Ctx::Free;
        self.free_line(i, false)
    }

    fn topics(&mut self, value: &str) {
        for t in value.split([',', ';']).map(str::trim) {
            let t = t.trim_end_matches('.');
            if crate::url::Slug::from_text(t).is_some()
                && t.chars().count() <= 80
                && !self.s.topics.iter().any(|x| x.eq_ignore_ascii_case(t))
            {
                self.s.topics.push(t.to_string());
            }
        }
    }

    fn section_line(&mut self, i: usize, report: bool) -> usize {
        let line = &self.lines[i];
        let text = line.text.clone();
        // A report's speaker sections: a name alone, then what they said.
        if report && !line.is_item() {
            let next_prose = self.lines.get(i + 1).is_some_and(|n| is_prose(&n.text));
            let words = text.split_whitespace().count();
            if next_prose
                && words <= 4
                && checked_name(&text, self.aliases()).is_some()
                && !is_role(&text)
            {
                if let Ok(e) = entry(&text, self.aliases()) {
                    self.add(e, Part::Speaker, false, Evidence::Layout, i);
                    return i + 1;
                }
            }
        }
        // The body of a section, but its pieces are still recognised: people, lists of
        // codes, dates.
        let kept = self.f.free.len();
        let prose = is_prose(&text);
        let next = self.free_line(i, true);
        if !prose && self.f.free.len() > kept {
            self.body.line(&with_marker(line));
        }
        next
    }

    /// A line outside any label.
    fn free(&mut self, i: usize) -> usize {
        self.free_line(i, true)
    }

    /// A line outside any label; `codes`: it may open a list of codes.
    fn free_line(&mut self, i: usize, codes: bool) -> usize {
        let line = &self.lines[i];
        let text = line.text.clone();
        // "WHAT:", "WHEN:", "WHERE:": the advisory's next heading ends what "WHO:" covers.
        let heading = text
            .split_once(':')
            .is_some_and(|(k, _)| k.len() >= 3 && k.chars().all(|c| c.is_ascii_uppercase()));
        if heading {
            self.announced = None;
        }
        // An e-mail's quoted earlier message: its names wrote it, they did not speak.
        if shapes::is_quote(&text) {
            self.body.line(&line.written);
            return i + 1;
        }
        if text.trim_start().starts_with(">>") || shapes::is_transcript_notice(&text) {
            self.transcript = true;
        }
        if self.transcript {
            self.turn_line(&text, i);
        }
        if let Some(who) = shapes::transcript_speaker(&text, self.transcript) {
            if let Ok(e) = entry(who, self.aliases()) {
                self.add(e, Part::Speaker, false, Evidence::Layout, i);
            }
            self.body.line(&line.written);
            return i + 1;
        }
        if self.run_on(i, Part::Speaker, Evidence::Layout) {
            return i + 1;
        }
        if let Some(end) = self.name_run(i, Part::Speaker, Evidence::Layout) {
            return end;
        }
        if let Some(end) = self.described_run(i) {
            return end;
        }
        let cut = self.at_end && i + 1 == self.lines.len() && shapes::is_cut_prose(&text);
        if is_prose(&text) || cut {
            let mut listed = Vec::new();
            if let Some(list) = shapes::listed_after_cue(&text) {
                let people = split_people(list, self.aliases());
                // Without semicolons only a list that splits into people is one.
                let people = if list.contains(';') || people.len() >= 2 {
                    people
                } else {
                    Vec::new()
                };
                for p in people {
                    if let Ok(e) = entry(&p, self.aliases()) {
                        listed.push(e.person.name.clone());
                        self.add(e, Part::Speaker, false, Evidence::Layout, i);
                    }
                }
            }
            self.prose(&text, line.is_item(), &listed, i);
            self.body.line(&with_marker(line));
            self.f.free.push(Free {
                index: i,
                text,
                gap: line.gap,
            });
            return i + 1;
        }
        if let Some(kind) = shapes::code_list_start(self.lines, i).filter(|_| codes) {
            self.content(i);
            self.f.unlabelled_codes = true;
            self.ctx = Ctx::Codes {
                sdg: kind,
                listed: false,
            };
            return self.code_line(i, kind, false);
        }
        if let Some(b) =
            block(self.lines, i, self.aliases()).filter(|b| shapes::unlabelled_ok(b, line))
        {
            self.content(i);
            let end = b.end;
            let ev = if b.entry.part.is_some() {
                Evidence::Labelled
            } else {
                Evidence::Layout
            };
            self.add(b.entry, Part::Speaker, false, ev, i);
            return end;
        }
        if text.contains("http") {
            self.link(&text);
        }
        self.f.free.push(Free {
            index: i,
            text,
            gap: line.gap,
        });
        i + 1
    }

    /// People introduced in a paragraph. In a press item or news story, quoted
    /// people are not speakers: only those it says ran or spoke at it are.
    /// `listed`: people the sentence's list gave; the prose reading of a list runs
    /// descriptors together, so it adds nothing to them.
    fn prose(&mut self, text: &str, item: bool, listed: &[String], i: usize) {
        for f in prose::introductions(text, self.aliases()) {
            if listed.contains(&f.person.name) {
                continue;
            }
            if let Some(part) = self.announced {
                self.announced_person(f, part, i);
                continue;
            }
            if self.press && !item && !f.moderator && !f.on_stage {
                continue;
            }
            self.found(f, i);
        }
    }

    /// A line of a transcript: who speaks in it (a new turn, or the current one goes
    /// on), who introduce themselves, and who they say runs the session with them.
    fn turn_line(&mut self, text: &str, i: usize) {
        let speaker = shapes::transcript_speaker(text, true).filter(|_| self.transcript);
        if text.trim_start().starts_with(">>") || speaker.is_some() || shapes::is_chair_turn(text) {
            self.chair_turn = shapes::is_chair_turn(text);
            self.turn = speaker.map(str::to_string);
        }
        for mut f in prose::self_introductions(text, self.aliases()) {
            // ">> CHAIRMAN: … My name is Ana Lima": the chair.
            f.moderator |= self.chair_turn;
            self.found(f, i);
        }
        let (people, myself) = prose::co_moderators(text, self.aliases());
        if people.is_empty() {
            return;
        }
        for person in people {
            let e = super::entries::Entry {
                person,
                part: None,
                excluded: false,
                tentative: false,
            };
            self.add(e, Part::Moderator, true, Evidence::Prose, i);
        }
        // "… co-moderated by myself and Bo Chen": so is the turn's speaker.
        if let Some(who) = self.turn.clone().filter(|_| myself) {
            if let Ok(e) = entry(&who, self.aliases()) {
                self.add(e, Part::Moderator, true, Evidence::Layout, i);
            }
        }
    }

    /// A person found in running text, as a moderator or a speaker.
    fn found(&mut self, f: prose::Found, i: usize) {
        let part = if f.moderator {
            Part::Moderator
        } else {
            Part::Speaker
        };
        let e = super::entries::Entry {
            person: f.person,
            part: None,
            excluded: false,
            tentative: false,
        };
        self.add(e, part, f.moderator, Evidence::Prose, i);
    }
}

mod people;
#[cfg(test)]
mod tests;
