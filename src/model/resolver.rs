//! One session's front matter resolved against the site: its people (found by
//! name, id, organization or country), its vocabulary values, its event, topics,
//! slug and materials, each problem reported at the value's own line.

use super::*;

/// The error (message and help) for an entry that names no one person.
fn unresolved(e: &PersonEntry, why: &Unresolved<'_>) -> (String, String) {
    match why {
        Unresolved::UnknownId(nearest) => {
            let id = e.id.as_ref().map_or("", |i| i.value.trim());
            let help = match nearest {
                Some(n) => format!("did you mean `{n}`?"),
                None => "write the `id:` of an entry of data/speakers.yaml, or leave `id:` out and name the person".to_string(),
            };
            (
                format!("there is no speaker `{id}` in data/speakers.yaml"),
                help,
            )
        }
        Unresolved::Ambiguous(group) => {
            let listed: Vec<String> = group.iter().map(Namesake::describe).collect();
            let first = group.first().map_or("…", |n| n.id.as_str());
            (
                format!(
                    "`{}` may be any of {} people in data/speakers.yaml: {}",
                    e.name.trim(),
                    group.len(),
                    listed.join(", ")
                ),
                format!(
                    "add `id: {first}` (or the id of the one you mean) to this entry, or an organization or country that fits one of them only"
                ),
            )
        }
    }
}

/// The honorific an entry gives: an explicit `honorific:` wins over one written
/// inside the name.
fn written_honorific(e: &PersonEntry, parsed: &ParsedName) -> Option<String> {
    let explicit = e
        .honorific
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty());
    explicit
        .map(str::to_string)
        .or_else(|| parsed.honorific.clone())
}

/// Front-matter positions are relative to the YAML, which starts on line 2 of the file.
fn front_location<T>(s: &Spanned<T>) -> Option<Location> {
    Origin { lines: 1, bytes: 0 }
        .locate(s.referenced)
        .map(|l| Location { offset: None, ..l })
}

pub(super) struct SessionResolver<'a> {
    pub(super) file: &'a Path,
    pub(super) diags: &'a mut Diagnostics,
    pub(super) countries: &'a CountryAliases,
    pub(super) organizations: &'a Organizations,
    /// The organization each written name found, so that a name sessions repeat
    /// thousands of times is folded once.
    pub(super) found_orgs: &'a mut FxHashMap<Box<str>, Option<OrgId>>,
    pub(super) memo: &'a mut Memo,
}

impl SessionResolver<'_> {
    fn at<T>(&self, s: &Spanned<T>) -> Option<Location> {
        front_location(s)
    }

    /// A parsed term of a closed vocabulary, or an error at `at` (the parse error's
    /// text holds its help after [`crate::diag::HELP_SEPARATOR`]).
    fn vocabulary<T, V, E: std::fmt::Display>(
        &mut self,
        at: &Spanned<T>,
        parsed: Result<V, E>,
    ) -> Option<V> {
        parsed
            .map_err(|e| {
                let text = e.to_string();
                let (message, help) =
                    (text.split_once(crate::diag::HELP_SEPARATOR)).unwrap_or((text.as_str(), ""));
                let mut d = Diagnostic::error(self.file, self.at(at), message);
                if !help.is_empty() {
                    d = d.with_help(help);
                }
                self.diags.push(d);
            })
            .ok()
    }

    /// The registry's organization `written` names ([`Organizations::find`]).
    fn organization(&mut self, written: &str) -> Option<OrgId> {
        if self.organizations.is_empty() {
            return None;
        }
        if let Some(&found) = self.found_orgs.get(written) {
            return found;
        }
        let found = self.organizations.find(written);
        self.found_orgs.insert(written.into(), found);
        found
    }

    pub(super) fn error<T>(&mut self, at: &Spanned<T>, message: String, help: &str) {
        let d = Diagnostic::error(self.file, self.at(at), message).with_help(help);
        self.diags.push(d);
    }

    pub(super) fn slug(&mut self, src: &SessionSource) -> Option<Slug> {
        let slug = match &src.front.slug {
            Some(s) => {
                let Some(slug) = Slug::parse_exact(&s.value) else {
                    let suggestion = Slug::from_text(&s.value)
                        .map_or_else(String::new, |x| format!(", e.g. `{x}`"));
                    self.error(
                        s,
                        format!("`{}` is not a valid slug", s.value),
                        &format!("slugs are lower-case ASCII letters, digits and single hyphens{suggestion}"),
                    );
                    return None;
                };
                slug
            }
            None => {
                let Some(slug) = Slug::from_text(&src.stem) else {
                    self.diags.push(
                        Diagnostic::error(self.file, Some(Location::START), "the file name gives no usable slug")
                            .with_help("rename the file with letters or digits, or add `slug: …` to the front matter"),
                    );
                    return None;
                };
                slug
            }
        };
        if RESERVED_SESSION_SLUGS.contains(&slug.as_str()) {
            self.diags.push(
                Diagnostic::error(
                    self.file,
                    Some(Location::START),
                    format!("the slug `{slug}` is reserved for the site's own pages"),
                )
                .with_help("add `slug: …` with another value"),
            );
            return None;
        }
        Some(slug)
    }

    /// The session of `src`, with what it writes of its people, topics and event.
    pub(super) fn session(
        &mut self,
        src: &SessionSource,
        slug: Slug,
        names: &mut dyn Names,
    ) -> (Session, Spellings) {
        let mut spellings = Spellings::default();
        // What reading the file mended (control characters): reported with the rest of
        // the session's diagnostics, so `serve` shows them after an edit as a build does.
        for w in &src.warnings {
            self.diags.push(w.clone());
        }
        let fm = &src.front;
        let title = fm.title.value.trim().to_string();
        let organizers: Vec<String> = (fm.organizers.iter())
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect();
        if title.is_empty() {
            self.error(
                &fm.title,
                "the title is empty".into(),
                "write the session's title after `title:`",
            );
        }
        let event = fm.event.as_ref().and_then(|e| match names.event(&e.value) {
            Ok(id) => {
                spellings.event(id.index(), &e.value);
                Some(id)
            }
            Err(NoEvent::Empty) => {
                self.error(
                    e,
                    "the event is empty".into(),
                    "write an id from data/events.yaml or the event's name",
                );
                None
            }
            Err(NoEvent::UnknownId { nearest }) => {
                let help = match nearest {
                    Some(id) => format!("did you mean `{id}`? Otherwise add the event to data/events.yaml, or write its name as it should be shown"),
                    None => "add the event to data/events.yaml, or write its name as it should be shown (\"WSIS Forum 2025\")".to_string(),
                };
                self.error(
                    e,
                    format!("there is no event `{}` in data/events.yaml", e.value.trim()),
                    &help,
                );
                None
            }
        });
        let kind = fm.kind.as_ref().and_then(|k| {
            let r = k.value.parse::<SessionKind>().ok();
            if r.is_none() {
                self.error(
                    k,
                    format!("`{}` is not a session type", k.value),
                    "e.g. roundtable, panel, workshop, outcome-document, keynote",
                );
            }
            r
        });
        let date = fm.date.as_ref().and_then(|d| {
            let r = d.value.trim().parse::<jiff::civil::Date>().ok();
            if r.is_none() {
                self.error(
                    d,
                    format!("`{}` is not a date", d.value),
                    "write dates as YYYY-MM-DD, e.g. 2024-05-30",
                );
            }
            r
        });
        let time = fm
            .time
            .as_ref()
            .and_then(|t| match t.value.parse::<TimeRange>() {
                Ok(r) => Some(r),
                Err(e) => {
                    self.error(
                        t,
                        format!("bad time: {e}"),
                        "write `time: \"10:00-10:45\"` (24-hour clock)",
                    );
                    None
                }
            });
        let timezone = fm.timezone.as_ref().and_then(|z| {
            let ok = session::is_valid_timezone(&z.value);
            if !ok {
                self.error(
                    z,
                    format!("`{}` is not a time zone", z.value),
                    "write an offset such as \"UTC+02:00\" or a name such as \"Europe/Zurich\"",
                );
            }
            ok.then(|| z.value.trim().to_string())
        });
        let mut participants: Vec<Participation> = Vec::new();
        // Sets beside the lists: a session may list thousands of people or topics.
        let mut listed: rustc_hash::FxHashSet<PersonId> = rustc_hash::FxHashSet::default();
        for (role, list) in [
            (Role::Moderator, &fm.moderators),
            (Role::Speaker, &fm.speakers),
        ] {
            for entry in list {
                let Some(p) = self.participant(role, entry, names, &mut spellings) else {
                    continue;
                };
                if !listed.insert(p.person) {
                    let name = entry.value.0.name.trim();
                    let d = Diagnostic::warning(
                        self.file,
                        self.at(entry),
                        format!("`{name}` is listed twice in this session"),
                    )
                    .with_help(
                        "the second entry is ignored: keep one, with the role that fits best",
                    );
                    self.diags.push(d);
                    continue;
                }
                participants.push(p);
            }
        }
        let mut topic_ids: Vec<TopicId> = Vec::new();
        let mut seen_topics: rustc_hash::FxHashSet<TopicId> = rustc_hash::FxHashSet::default();
        for t in &fm.topics {
            match names.topic(&t.value) {
                Some(id) if seen_topics.insert(id) => {
                    spellings.topic(id.index(), &t.value);
                    topic_ids.push(id);
                }
                Some(_) => {}
                None => self.error(
                    t,
                    "the topic is empty".into(),
                    "remove it, or write the topic's name",
                ),
            }
        }
        // Every bad goal and action line of the file is an error at its own position.
        let mut sdgs: Vec<Sdg> = (fm.sdgs.iter())
            .filter_map(|s| self.vocabulary(s, s.value.parse::<Sdg>()))
            .collect();
        sdgs.sort();
        sdgs.dedup();
        let mut action_lines: Vec<ActionLine> = (fm.action_lines.iter())
            .filter_map(|a| self.vocabulary(a, a.value.parse::<ActionLine>()))
            .collect();
        action_lines.sort();
        action_lines.dedup();
        let session = Session {
            slug,
            file: src.file.clone(),
            title,
            event,
            kind,
            date,
            time,
            timezone,
            organizer_ids: organizers.iter().map(|o| self.organization(o)).collect(),
            organizers,
            links: fm.links.clone(),
            room: (fm.room.as_ref())
                .map(|r| r.value.trim().to_string())
                .filter(|r| !r.is_empty()),
            materials: self.materials(fm),
            participants,
            topics: topic_ids,
            sdgs,
            action_lines,
            summary: fm
                .summary
                .as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            body: src.body.clone(),
            old_urls: old_urls::written(
                &fm.aliases,
                crate::routes::Section::Sessions,
                self.file,
                front_location,
                self.diags,
            ),
        };
        (session, spellings)
    }

    fn participant(
        &mut self,
        role: Role,
        entry: &Spanned<PersonRef>,
        names: &mut dyn Names,
        spellings: &mut Spellings,
    ) -> Option<Participation> {
        let e = &entry.value.0;
        let clean = |s: &Option<String>| {
            s.as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let (parsed, key) = self.memo.name(&e.name);
        let honorific = written_honorific(e, parsed);
        let picked = (names.namesakes())
            .pick(e, key.as_ref(), self.countries)
            .map_err(|why| (matches!(why, Unresolved::UnknownId(_)), unresolved(e, &why)));
        let index = match picked {
            Ok(Some(i)) => Some(i),
            Ok(None) => key.as_ref().map(|key| names.person(key)),
            Err((unknown_id, (message, help))) => {
                // An unknown id is pointed at itself; an ambiguous name at its entry.
                match e.id.as_ref().filter(|_| unknown_id) {
                    Some(id) => self.error(id, message, &help),
                    None => self.error(entry, message, &help),
                }
                return None;
            }
        };
        if let Some(i) = index {
            spellings.person(i, &parsed.name, honorific.as_deref());
        }
        let Some(index) = index else {
            self.error(
                entry,
                "a person without a name".into(),
                "every moderator and speaker needs `name: …`",
            );
            return None;
        };
        let country = e.country.as_ref().and_then(|c| match self.countries.resolve(&c.value) {
            Ok(country) => Some(country),
            Err(err) => {
                let help = match err.suggestion {
                    Some(s) => format!("did you mean `{s}`? Otherwise add the spelling to data/countries.yaml"),
                    None => "use the country's ISO 3166 or UN name, or map this spelling in data/countries.yaml".to_string(),
                };
                let d = Diagnostic::warning(self.file, self.at(c), format!("unknown country `{}`: it is left out", c.value)).with_help(help);
                self.diags.push(d);
                None
            }
        });
        let organization = clean(&e.organization);
        Some(Participation {
            person: PersonId::from_index(index),
            role,
            honorific,
            title: clean(&e.role),
            organization_id: organization.as_deref().and_then(|o| self.organization(o)),
            organization,
            country,
        })
    }
}
