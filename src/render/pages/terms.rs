//! The term pages and their indexes: speakers, countries, SDGs, action lines, topics.

use crate::routes::{self, Section};
use tera::Context;

use super::{Lazy, ListKey, Pages, SessionList};
use crate::index::sort_key;
use crate::model::{PersonId, SessionId};
use crate::render::views::Views;
use crate::render::views::{CountryRowView, LetterLink, LetterView, TermView};
use crate::taxonomy::{ActionLine, Sdg};

/// Above this many speakers, the A–Z index gets one page per initial letter:
/// 20 000 names on one page would weigh megabytes.
pub(crate) const SPEAKERS_ON_ONE_PAGE: usize = 1500;

/// Co-speakers shown on a speaker page (the busiest speakers share the stage with hundreds).
const CO_SPEAKERS_SHOWN: usize = 40;

impl Pages<'_, '_> {
    pub(super) fn speakers(&mut self) {
        let views = self.views;
        let az = &views.index.speakers_az;

        let mut groups: Vec<(char, Vec<PersonId>)> = Vec::new();
        for &p in az {
            let letter = views.index.initial_of(p);
            match groups.last_mut() {
                Some((l, people)) if *l == letter => people.push(p),
                _ => groups.push((letter, vec![p])),
            }
        }
        let split = az.len() > SPEAKERS_ON_ONE_PAGE;
        if !self.wants_speakers_index() {
            self.paths.push(routes::page_file(Section::Speakers.dir()));
            for &(letter, _) in groups.iter().filter(|_| split) {
                let path = crate::routes::page_file(&crate::routes::speakers_letter(letter));
                self.paths.push(path);
            }
            for &p in az {
                self.speaker(p);
            }
            return;
        }
        let letters: Vec<LetterView> = groups
            .iter()
            .map(|&(letter, ref people)| LetterView {
                letter: letter.to_string(),
                id: format!("letter-{}", routes::letter_name(letter)),
                count: people.len(),
                url: split.then(|| views.url(&crate::routes::speakers_letter(letter))),
                people: if split {
                    Vec::new()
                } else {
                    people.iter().map(|&p| views.person_term(p)).collect()
                },
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("letters", &letters);
        ctx.insert("total", &az.len());
        self.single(
            "speakers.html",
            &routes::page_file(Section::Speakers.dir()),
            "Speakers",
            Some(Section::Speakers),
            ctx,
        );
        if split {
            let links: Vec<LetterLink> = letters.iter().map(LetterLink::from).collect();
            for &(letter, ref people) in &groups {
                if !self.wants_speakers_letter(letter) {
                    let path = crate::routes::page_file(&crate::routes::speakers_letter(letter));
                    self.paths.push(path);
                    continue;
                }
                let mut ctx = Context::new();
                ctx.insert("letter", &letter.to_string());
                ctx.insert("letters", &links);
                ctx.insert(
                    "people",
                    &people
                        .iter()
                        .map(|&p| views.person_term(p))
                        .collect::<Vec<_>>(),
                );
                let path = crate::routes::page_file(&crate::routes::speakers_letter(letter));
                self.single(
                    "speakers_letter.html",
                    &path,
                    &format!("Speakers: {letter}"),
                    Some(Section::Speakers),
                    ctx,
                );
            }
        }
        for &p in az {
            self.speaker(p);
        }
    }

    fn speaker(&mut self, p: PersonId) {
        let views = self.views;
        let (i, person) = (p.index(), &views.site.people[p.index()]);
        let appearances = &views.index.by_person[i];
        let dir = ListKey::Speaker(p).dir(views.site);
        if !self.wants_list(ListKey::Speaker(p)) {
            self.skip_list(&dir, appearances.len());
            return;
        }
        let sessions: Vec<SessionId> = appearances.iter().map(|a| a.0).collect();
        let roles: Vec<&str> = appearances.iter().map(|a| a.1.label()).collect();
        let pages = self.paginated(
            ListKey::Speaker(p),
            SessionList {
                template: "speaker.html",
                dir,
                title: person.name.clone(),
                description: None,
                section: Some(Section::Speakers),
                sessions: &sessions,
                context: Context::new(),
                lazy: Some(Lazy::Speaker(p)),
            },
        );
        self.per_item(pages, "roles", &roles);
    }

    pub(super) fn countries(&mut self) {
        let views = self.views;
        let mut list: Vec<_> = views.index.by_country.iter().collect();
        list.sort_by_cached_key(|(c, _)| sort_key(c.name()));
        let rows: Vec<CountryRowView> = list
            .iter()
            .map(|(c, entry)| CountryRowView {
                name: c.name(),
                code: c.iso2(),
                url: views.country_url(**c),
                speakers: entry.people.len(),
                sessions: entry.sessions.len(),
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("countries", &rows);
        self.single(
            "countries.html",
            &routes::page_file(Section::Countries.dir()),
            "Countries",
            Some(Section::Countries),
            ctx,
        );
        for (row, (c, entry)) in rows.iter().zip(list) {
            let dir = ListKey::Country(*c).dir(views.site);
            if !self.wants_list(ListKey::Country(*c)) {
                self.skip_list(&dir, entry.sessions.len());
                continue;
            }
            let mut ctx = Context::new();
            ctx.insert("country", row);
            let pages = self.paginated(
                ListKey::Country(*c),
                SessionList {
                    template: "country.html",
                    dir,
                    title: c.name().to_string(),
                    description: None,
                    section: Some(Section::Countries),
                    sessions: &entry.sessions,
                    context: ctx,
                    lazy: None,
                },
            );
            // The country's people are listed once, on its first page; later pages list sessions only.
            if let Some(first) = self.jobs[pages].iter_mut().find(|j| j.page == 1) {
                let people: Vec<TermView> =
                    entry.people.iter().map(|&p| views.person_term(p)).collect();
                first.context.insert("people", &people);
            }
        }
    }

    pub(super) fn sdgs(&mut self) {
        let views = self.views;
        let mut ctx = Context::new();
        ctx.insert(
            "sdgs",
            &Sdg::all().map(|g| views.sdg(g)).collect::<Vec<_>>(),
        );
        self.single(
            "sdgs.html",
            &routes::page_file(Section::Sdgs.dir()),
            "Sustainable Development Goals",
            Some(Section::Sdgs),
            ctx,
        );
        for g in Sdg::all() {
            let dir = ListKey::Sdg(g).dir(views.site);
            if !self.wants_list(ListKey::Sdg(g)) {
                self.skip_list(&dir, views.index.sdg_sessions(g).len());
                continue;
            }
            let co_lines: Vec<TermView> = views.index.sdg_action_lines[usize::from(g.number() - 1)]
                .iter()
                .map(|&(a, n)| TermView {
                    name: a.label(),
                    url: views.action_line_url(a),
                    count: n as usize,
                })
                .collect();
            let mut ctx = Context::new();
            ctx.insert("sdg", &views.sdg(g));
            ctx.insert("action_lines", &co_lines);
            self.paginated(
                ListKey::Sdg(g),
                SessionList {
                    template: "sdg.html",
                    dir,
                    title: format!("SDG {}: {}", g.number(), g.short_name()),
                    description: Some(g.title().to_string()),
                    section: Some(Section::Sdgs),
                    sessions: views.index.sdg_sessions(g),
                    context: ctx,
                    lazy: None,
                },
            );
        }
    }

    pub(super) fn action_lines(&mut self) {
        let views = self.views;
        let top: Vec<_> = ActionLine::all()
            .filter(|a| a.parent().is_none())
            .map(|a| views.action_line(a))
            .collect();
        let mut ctx = Context::new();
        ctx.insert("action_lines", &top);
        self.single(
            "action_lines.html",
            &routes::page_file(Section::ActionLines.dir()),
            "WSIS Action Lines",
            Some(Section::ActionLines),
            ctx,
        );
        for a in ActionLine::all() {
            let dir = ListKey::ActionLine(a).dir(views.site);
            if !self.wants_list(ListKey::ActionLine(a)) {
                self.skip_list(&dir, views.index.action_line_sessions(a).len());
                continue;
            }
            let mut ctx = Context::new();
            ctx.insert("action_line", &views.action_line(a));
            ctx.insert("parent", &a.parent().map(|p| views.action_line(p)));
            self.paginated(
                ListKey::ActionLine(a),
                SessionList {
                    template: "action_line.html",
                    dir,
                    title: format!("{}: {}", a.label(), a.title()),
                    description: None,
                    section: Some(Section::ActionLines),
                    sessions: views.index.action_line_sessions(a),
                    context: ctx,
                    lazy: None,
                },
            );
        }
    }

    pub(super) fn topics(&mut self) {
        let views = self.views;
        let (site, index) = (views.site, views.index);
        let list: Vec<TermView> = index
            .topics_az
            .iter()
            .map(|t| TermView {
                name: site.topics[t.index()].name.clone(),
                url: views.topic_url(&site.topics[t.index()]),
                count: index.by_topic[t.index()].len(),
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("topics", &list);
        let path = routes::page_file(Section::Topics.dir());
        self.single("topics.html", &path, "Topics", Some(Section::Topics), ctx);
        for &id in &index.topics_az {
            let (i, t) = (id.index(), &site.topics[id.index()]);
            let dir = ListKey::Topic(id).dir(site);
            if !self.wants_list(ListKey::Topic(id)) {
                self.skip_list(&dir, index.by_topic[i].len());
                continue;
            }
            let mut ctx = Context::new();
            ctx.insert(
                "topic",
                &TermView {
                    name: t.name.clone(),
                    url: views.topic_url(t),
                    count: index.by_topic[i].len(),
                },
            );
            self.paginated(
                ListKey::Topic(id),
                SessionList {
                    template: "topic.html",
                    dir,
                    title: t.name.clone(),
                    description: None,
                    section: Some(Section::Topics),
                    sessions: &index.by_topic[i],
                    context: ctx,
                    lazy: None,
                },
            );
        }
    }
}

/// A speaker page's own context: the person's facts and co-speakers.
pub(super) fn speaker_context(views: &Views<'_>, p: PersonId, ctx: &mut Context) {
    let co = views.index.co_speakers(views.site, p);
    let co_speakers: Vec<TermView> = co
        .iter()
        .take(CO_SPEAKERS_SHOWN)
        .map(|&(q, n)| TermView {
            count: n as usize,
            ..views.person_term(q)
        })
        .collect();
    ctx.insert("person", &views.person(p));
    ctx.insert("jsonld", &crate::render::jsonld::person(views, p));
    ctx.insert("co_speakers", &co_speakers);
    ctx.insert("co_speakers_total", &co.len());
}
