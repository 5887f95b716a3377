//! The reader's people: entries after labels and on the label's own line, the
//! fields that attach to a person ("Organizational Affiliation:"), the names that
//! are not speakers (organizers, proposers, rapporteurs).

use super::{Ctx, Evidence, Field, Form, Line, Part, Reader, is_prose};
use crate::import::entries::{self, NotPerson, block, checked_name, entry, split_people};
use crate::import::person::{is_org, split_commas};
use crate::import::places::take_country;
use crate::import::prose;

impl Reader<'_> {
    /// "Moderator: Ann Lee, Director, Acme" (maybe continued on the next lines), or
    /// "Panelists: Ann Lee (Gov), Bo Chen (CS)"; `sentence`: a label whose value is a
    /// sentence ("WHO:"). Returns the next line to read.
    pub(super) fn inline_people(
        &mut self,
        value: &str,
        part: Part,
        i: usize,
        inline: bool,
        sentence: bool,
    ) -> usize {
        // "WHO: Ana Lima, Secretary-General of …, will open the Forum, with …": a
        // media advisory's sentence about the people, read as running text but under
        // its label (other labels' long values are lists of entries).
        let pieces = split_people(value, self.aliases());
        if sentence {
            let found = prose::introductions(value, self.aliases());
            if !found.is_empty() {
                for f in found {
                    self.announced_person(f, part, i);
                }
                // The next paragraphs may name more ("… will provide his perspective").
                self.announced = Some(part);
                self.ctx = Ctx::Free;
                return i + 1;
            }
        }
        let mut next = i + 1;
        if pieces.len() == 1 && !inline {
            // The entry may go on in the lines after the label's line.
            let mut tmp = vec![Line {
                text: value.to_string(),
                written: value.to_string(),
                item: None,
                gap: 0,
                indent: 0,
            }];
            tmp.extend(self.lines[i + 1..].iter().take(4).cloned());
            // "Speaker 2: khaled Wally, …": under a label, a given name typed in lower
            // case is still the person's (kept as written).
            let lowered = capitalised(value);
            let read = block(&tmp, 0, self.aliases()).or_else(|| {
                let (fixed, first) = lowered.as_ref()?;
                tmp[0].text.clone_from(fixed);
                let mut b = block(&tmp, 0, self.aliases())?;
                let name = &mut b.entry.person.name;
                if let Some(rest) = name.strip_prefix(first.as_str()) {
                    let written = value.trim_start().get(..first.len()).unwrap_or(first);
                    *name = format!("{written}{rest}");
                }
                Some(b)
            });
            match read {
                Some(b) => {
                    next = i + b.end;
                    self.add(b.entry, part, true, Evidence::Labelled, i);
                }
                None => self.not_a_person(value),
            }
        } else {
            for p in pieces {
                match entry(&p, self.aliases()) {
                    Ok(e) => self.add(e, part, true, Evidence::Labelled, i),
                    Err(_) => self.not_a_person(&p),
                }
            }
        }
        // The value was the label's list; after "Moderated by X", a bulleted list is the
        // panel.
        self.ctx = if part == Part::Moderator && !inline {
            Ctx::Panel
        } else {
            Ctx::Free
        };
        next
    }

    /// A person a "WHO:" sentence (or a paragraph after it) names: a speaker in `part`
    /// even in a press item, as the label says who they are.
    pub(super) fn announced_person(&mut self, f: prose::Found, part: Part, i: usize) {
        let part = if f.moderator { Part::Moderator } else { part };
        let e = entries::Entry {
            person: f.person,
            part: None,
            excluded: false,
            tentative: false,
        };
        self.add(e, part, true, Evidence::Labelled, i);
    }

    /// Whether a label's value names at least one person.
    pub(super) fn has_person(&self, value: &str) -> bool {
        let named = |value: &str| {
            split_people(value, self.aliases())
                .iter()
                .any(|p| entry(p, self.aliases()).is_ok())
                || entry(value.trim_end_matches(','), self.aliases()).is_ok()
        };
        named(value) || capitalised(value).is_some_and(|(fixed, _)| named(&fixed))
    }

    pub(super) fn not_a_person(&mut self, text: &str) {
        if entries::is_placeholder(text) {
            self.f.placeholders += 1;
        } else if !text.trim().is_empty() {
            self.f.not_people.push(text.trim().to_string());
        }
    }

    pub(super) fn add(
        &mut self,
        e: entries::Entry,
        part: Part,
        given: bool,
        ev: Evidence,
        i: usize,
    ) {
        if e.excluded {
            self.f.roster.exclude(&e.person.name);
            return;
        }
        let mut person = e.person;
        if let Some((field, value, at)) = self.pending.take() {
            // Only the line just after: a field further away is another record's.
            if i == at + 1 {
                self.fill(&mut person, &field, &value);
            }
        }
        // Listed "(TBC)": not confirmed, so not a speaker; the note names them.
        if e.tentative {
            self.f.tentative.push(person.name.clone());
            self.f.roster.exclude(&person.name);
            return;
        }
        if person.country_inferred {
            self.f.inferred.push(person.name.clone());
        }
        let (part, given) = match e.part {
            Some(p) => (p, true),
            None => (part, given),
        };
        self.f.roster.add(person, part, given, ev);
        self.last_person = Some(i);
    }

    /// "Organizational Affiliation: …", "Country: …" next to a person's line.
    pub(super) fn attach(&mut self, field: Field, value: String, i: usize) {
        let near = self.last_person.is_some_and(|l| i <= l + 2);
        let mut done = false;
        if near {
            if let Some(m) = self.f.roster.last_mut() {
                let missing = match field {
                    Field::Country => m.person.country.is_none(),
                    _ => m.person.organization.is_none(),
                };
                if missing {
                    let mut p = std::mem::take(&mut m.person);
                    self.fill(&mut p, &field, &value);
                    if let Some(m) = self.f.roster.last_mut() {
                        m.person = p;
                    }
                    done = true;
                }
            }
        }
        if !done {
            self.pending = Some((field, value, i));
        }
    }

    pub(super) fn fill(
        &self,
        person: &mut crate::import::ImportedPerson,
        field: &Field,
        value: &str,
    ) {
        if *field == Field::Country {
            if person.country.is_none() {
                person.country = crate::import::places::country(value, self.aliases());
            }
            return;
        }
        let mut parts: Vec<String> = split_commas(value).into_iter().map(String::from).collect();
        if person.country.is_none() {
            if let Some((c, found)) = take_country(&mut parts, self.aliases()) {
                person.country = Some(c);
                person.country_inferred = found == crate::import::places::Source::Inside;
            }
        }
        if person.organization.is_none() && !parts.is_empty() {
            person.organization = Some(parts.join(", "));
        }
    }

    /// A run of at least [`NAME_RUN`] lines that are each a bare name ("Fred Baker" /
    /// "Ken Renard" / "Lars-Johan Liman"): one person a line, none the descriptor of
    /// the one before. Returns the line after the run.
    pub(super) fn name_run(&mut self, i: usize, part: Part, ev: Evidence) -> Option<usize> {
        let bare = |l: &Line, r: &Self| bare_name(&l.text, r.aliases()).is_some();
        self.run_of(i, 2, bare, part, ev)
    }

    /// A run of at least [`NAME_RUN`] unlabelled lines that are each one person with
    /// where they come from ("Ann Lee - ITU Africa, Intergovernmental Organization" /
    /// "Bo Chen - Institute of Media, Civil Society (China)" / …), as pages print a
    /// speaker list whose heading they lost. Returns the line after the run.
    pub(super) fn described_run(&mut self, i: usize) -> Option<usize> {
        let described = |l: &Line, r: &Self| {
            l.text.chars().count() <= 200
                && !is_prose(&l.text)
                && entry(&l.text, r.aliases()).is_ok_and(|e| {
                    let p = &e.person;
                    e.is_described() && (p.organization.is_some() || p.country.is_some())
                })
        };
        self.run_of(i, 1, described, Part::Speaker, Evidence::Layout)
    }

    /// The people of a run of at least [`NAME_RUN`] lines from `i` that are each
    /// `one` person, at most `max_gap` blank lines apart and all list items or none.
    fn run_of(
        &mut self,
        i: usize,
        max_gap: usize,
        one: impl Fn(&Line, &Self) -> bool,
        part: Part,
        ev: Evidence,
    ) -> Option<usize> {
        let first = self.lines.get(i)?;
        let mut end = i;
        while let Some(l) = self.lines.get(end) {
            if (end > i && l.gap > max_gap) || l.is_item() != first.is_item() || !one(l, self) {
                break;
            }
            end += 1;
        }
        if end - i < NAME_RUN {
            return None;
        }
        self.content(i);
        for k in i..end {
            if let Ok(e) = entry(&self.lines[k].text, self.aliases()) {
                self.add(e, part, ev == Evidence::Labelled, ev, k);
            }
        }
        Some(end)
    }

    pub(super) fn people_line(&mut self, i: usize, part: Part, form: Option<Form>) -> usize {
        let line = &self.lines[i];
        let text = line.text.clone();
        if is_prose(&text) && !line.is_item() {
            self.ctx = Ctx::Free;
            return self.free(i);
        }
        if let Some(end) = self.name_run(i, part, Evidence::Labelled) {
            return end;
        }
        // A singular moderator label ("Session Chair:") covers its list; where the
        // form of the list changes, the people after it are not under it.
        let found = block(self.lines, i, self.aliases());
        let this = found.as_ref().map(|b| Form {
            marker: line.item,
            laid_out: b.laid_out,
        });
        let changed = match (form, this) {
            (Some(f), Some(t)) => f != t,
            (Some(f), None) => f.marker != line.item,
            _ => false,
        };
        if part == Part::Moderator && changed {
            self.ctx = Ctx::Free;
            return self.free(i);
        }
        if self.run_on(i, part, Evidence::Labelled) {
            return i + 1;
        }
        match found {
            Some(b) => {
                self.ctx = Ctx::People { part, form: this };
                let end = b.end;
                self.add(b.entry, part, true, Evidence::Labelled, i);
                end
            }
            None => {
                match entry(&text, self.aliases()) {
                    Err(NotPerson::Placeholder) => self.f.placeholders += 1,
                    _ if line.is_item() || text.split_whitespace().count() <= 6 => {
                        self.not_a_person(&text)
                    }
                    _ => {
                        self.ctx = Ctx::Free;
                        return self.free(i);
                    }
                }
                i + 1
            }
        }
    }

    pub(super) fn not_people_text(&mut self, value: &str, organizers: bool) {
        for piece in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match entry(piece, self.aliases()) {
                Ok(e) if checked_name(&e.person.name, self.aliases()).is_some() => {
                    self.f.roster.exclude(&e.person.name);
                }
                _ if organizers && piece.chars().count() <= 200 => {
                    let o = piece.trim_end_matches('.').to_string();
                    if !self.s.organizers.contains(&o) {
                        self.s.organizers.push(o);
                    }
                }
                _ => {}
            }
        }
        // "Moderator and Organizer: A (main), B (sub)": every name listed.
        for p in split_people(value, self.aliases()) {
            if let Ok(e) = entry(&p, self.aliases()) {
                self.f.roster.exclude(&e.person.name);
            }
        }
    }

    pub(super) fn not_people_line(&mut self, i: usize, organizers: bool) -> usize {
        let text = self.lines[i].text.clone();
        if is_prose(&text) {
            self.ctx = Ctx::Free;
            return self.free(i);
        }
        if let Some(b) = block(self.lines, i, self.aliases()) {
            self.f.roster.exclude(&b.entry.person.name);
            return b.end;
        }
        if self.lines[i].is_item() || (organizers && is_org(&text)) {
            self.not_people_text(&text, organizers);
            return i + 1;
        }
        self.ctx = Ctx::Free;
        self.free(i)
    }

    /// "NAME — Role, Org NAME — Role, Org" on one line: each a person. Whether the
    /// line was one.
    pub(super) fn run_on(&mut self, i: usize, part: Part, ev: Evidence) -> bool {
        // "A (Org) et B (Org)": a list's joined people on one line of a labelled list.
        let text = &self.lines[i].text;
        let Some(pieces) = entries::split_run_on(text)
            .map(|ps| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>())
            .or_else(|| {
                // Only a list line joined by "and"/"et"/";": every piece a person with
                // a descriptor or an honorific, no sentence around them ("Ana Lima,
                // Derechos Digitales" is one person, "Satellite Broadband and Spectrum
                // Sharing" a title).
                let joined = split_people(text, self.aliases());
                let described = |p: &String| {
                    entry(p, self.aliases()).is_ok_and(|e| {
                        let q = &e.person;
                        q.honorific.is_some()
                            || q.role.is_some()
                            || q.organization.is_some()
                            || q.country.is_some()
                    })
                };
                (joined.len() >= 2
                    && entries::has_joiner(text)
                    && !is_prose(text)
                    && joined.iter().all(described))
                .then_some(joined)
            })
        else {
            return false;
        };
        let people: Vec<_> = pieces
            .iter()
            .filter_map(|p| entry(p, self.aliases()).ok())
            .collect();
        if people.len() < 2 {
            return false;
        }
        self.content(i);
        for e in people {
            self.add(e, part, ev == Evidence::Labelled, ev, i);
        }
        true
    }
}

/// How many bare names in a row make a list of people without a label.
const NAME_RUN: usize = 3;

/// The name when a line is only a person's name ("Fred Baker", "Mandy Carver tbc"):
/// no descriptor, no honorific needed, not an organization, a role or a title.
fn bare_name(text: &str, aliases: &crate::taxonomy::CountryAliases) -> Option<String> {
    let t = text.trim();
    if t.contains([',', '(', ')', ':', ';', '|']) || is_org(t) || crate::import::person::is_role(t)
    {
        return None;
    }
    let e = entry(t, aliases).ok()?;
    let p = &e.person;
    let bare = p.role.is_none() && p.organization.is_none() && p.country.is_none();
    let words = p.name.split_whitespace().count();
    (bare && (2..=5).contains(&words))
        .then(|| checked_name(&p.name, aliases))
        .flatten()
}

/// `text` with its first word capitalised, and that word as capitalised, when it opens
/// in lower case before a capitalised word ("khaled Wally, …"); `None` otherwise.
fn capitalised(text: &str) -> Option<(String, String)> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let second = words.next()?;
    let mut chars = first.chars();
    let initial = chars.next()?;
    if !initial.is_lowercase() || !second.starts_with(char::is_uppercase) {
        return None;
    }
    let upper: String = initial.to_uppercase().chain(chars).collect();
    // Only where the capital has the same length, so the written spelling can go back.
    (upper.len() == first.len()).then(|| (text.replacen(first, &upper, 1), upper))
}
