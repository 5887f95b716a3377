//! The term pages and their indexes: speakers, countries, SDGs, action lines, topics.

use crate::routes::{self, Section};
use tera::Context;

use super::{ListKey, Pages};
use crate::index::sort_key;
use crate::model::PersonId;
use crate::render::views::{CountryRowView, LetterLink, LetterView, TermView, Views};
use crate::taxonomy::{ActionLine, Sdg};

/// Above this many speakers, the A–Z index gets one page per initial letter:
/// 20 000 names on one page would weigh megabytes.
pub(crate) const SPEAKERS_ON_ONE_PAGE: usize = 1500;

/// Above this many speakers, the A–Z index offers a name filter and lists the most
/// frequent speakers: scrolling or paging through letters no longer finds someone.
pub(crate) const SPEAKERS_LARGE: usize = 500;

/// The most frequent speakers the index of a large site lists.
const FREQUENT_SPEAKERS: usize = 20;

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
                self.list(ListKey::Speaker(p));
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
                    people.iter().map(|&p| views.person_entry(p)).collect()
                },
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("letters", &letters);
        ctx.insert("total", &az.len());
        let large = az.len() > SPEAKERS_LARGE;
        ctx.insert("large", &large);
        ctx.insert("split", &split);
        let frequent: Vec<_> = (frequent(views, az).into_iter().filter(|_| large))
            .map(|p| views.person_entry(p))
            .collect();
        ctx.insert("frequent", &frequent);
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
                ctx.insert("large", &large);
                ctx.insert("letter", &letter.to_string());
                ctx.insert("letters", &links);
                ctx.insert(
                    "people",
                    &people
                        .iter()
                        .map(|&p| views.person_entry(p))
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
            self.list(ListKey::Speaker(p));
        }
    }

    pub(super) fn countries(&mut self) {
        let views = self.views;
        let mut list: Vec<_> = views.index.by_country.iter().collect();
        list.sort_by_cached_key(|(c, _)| sort_key(c.name()));
        let rows: Vec<CountryRowView> = list
            .iter()
            .map(|(c, _)| super::lists::country_row(views, **c))
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
        for (c, _) in list {
            self.list(ListKey::Country(*c));
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
            self.list(ListKey::Sdg(g));
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
            self.list(ListKey::ActionLine(a));
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
            self.list(ListKey::Topic(id));
        }
    }
}

/// The [`FREQUENT_SPEAKERS`] people of `az` with the most sessions, most first; ties
/// in A–Z order. Linear in the number of people (a selection, then a sort of the few).
fn frequent(views: &Views<'_>, az: &[PersonId]) -> Vec<PersonId> {
    let by_person = &views.index.by_person;
    let mut ranked: Vec<(std::cmp::Reverse<usize>, usize)> = (az.iter().enumerate())
        .map(|(i, p)| (std::cmp::Reverse(by_person[p.index()].len()), i))
        .collect();
    if ranked.len() > FREQUENT_SPEAKERS {
        ranked.select_nth_unstable(FREQUENT_SPEAKERS);
        ranked.truncate(FREQUENT_SPEAKERS);
    }
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| az[i]).collect()
}
