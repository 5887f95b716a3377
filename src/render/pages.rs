//! Enumerates every page of the site (DESIGN §5) and renders it with Tera.
//!
//! Each session's card is rendered once and reused by every list that shows
//! it; long lists are paginated (`…/page/2/`). Rendering runs in parallel and
//! returns bytes in memory: writing is the next stage's job.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::Output;
use super::markdown;
use super::theme::{Theme, tera_message};
use super::views::{LinkView, TermView, Views, human_date};
use crate::error::BuildError;
use crate::index::sort_key;
use crate::model::{Role, SessionId};
use crate::taxonomy::{ActionLine, Sdg};

/// Above this many speakers, the A–Z index gets one page per initial letter.
const SPEAKERS_ON_ONE_PAGE: usize = 1500;

/// Site-wide values every template receives as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    base: &'a str,
    home: String,
    assets: String,
    feed: String,
    nav: Vec<NavItem>,
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: &'static str,
    url: String,
}

/// What every page says about itself, as `page`.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: Option<String>,
    url: String,
    canonical: String,
    section: &'static str,
}

/// Links between pages of a paginated list.
#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: Option<String>,
    current: bool,
}

/// One page to render: template, output path, and its own context.
struct Job {
    template: &'static str,
    path: String,
    meta: PageMeta,
    context: Context,
}

/// Renders every page of the site.
pub(crate) fn render(views: &Views<'_>, theme: &Theme) -> Result<Vec<Output>, BuildError> {
    let site = views.site;
    let cards = session_cards(views, theme)?;
    let site_view = site_view(views);
    let mut jobs = Vec::new();
    home(views, &cards, &mut jobs);
    sessions(views, &cards, &mut jobs);
    events(views, &cards, &mut jobs);
    speakers(views, &cards, &mut jobs);
    countries(views, &cards, &mut jobs);
    sdgs(views, &cards, &mut jobs);
    action_lines(views, &cards, &mut jobs);
    topics(views, &cards, &mut jobs);
    jobs.push(Job {
        template: "404.html",
        path: "404.html".into(),
        meta: meta(views, "Page not found", None, "404.html", ""),
        context: Context::new(),
    });
    let base_context = {
        let mut c = Context::new();
        c.insert("site", &site_view);
        c
    };
    let _ = site;
    jobs.into_par_iter()
        .map(|job| {
            let mut ctx = base_context.clone();
            ctx.extend(job.context);
            ctx.insert("page", &job.meta);
            theme
                .tera
                .render(job.template, &ctx)
                .map(|html| Output {
                    path: job.path,
                    bytes: html.into_bytes(),
                })
                .map_err(|e| BuildError::Template(tera_message(&e)))
        })
        .collect()
}

fn site_view<'a>(views: &'a Views<'_>) -> SiteView<'a> {
    let c = &views.site.config;
    let nav = [
        ("sessions", "Sessions", "sessions/"),
        ("events", "Events", "events/"),
        ("speakers", "Speakers", "speakers/"),
        ("countries", "Countries", "countries/"),
        ("sdgs", "SDGs", "sdgs/"),
        ("action-lines", "Action Lines", "action-lines/"),
        ("topics", "Topics", "topics/"),
    ]
    .into_iter()
    .map(|(key, label, path)| NavItem {
        key,
        label,
        url: views.url(path),
    })
    .collect();
    SiteView {
        title: &c.title,
        description: c.description.as_deref(),
        language: &c.language,
        base: views.site.base.path(),
        home: views.url(""),
        assets: views.url("assets/"),
        feed: views.url("feed.xml"),
        nav,
    }
}

fn meta(
    views: &Views<'_>,
    title: &str,
    description: Option<String>,
    path: &str,
    section: &'static str,
) -> PageMeta {
    let site_path = path.strip_suffix("index.html").unwrap_or(path);
    PageMeta {
        title: title.to_string(),
        description,
        url: views.url(site_path),
        canonical: views.site.base.absolute(site_path),
        section,
    }
}

/// Every session's card, rendered once.
fn session_cards(views: &Views<'_>, theme: &Theme) -> Result<Vec<String>, BuildError> {
    views
        .site
        .sessions
        .par_iter()
        .map(|s| {
            let mut ctx = Context::new();
            ctx.insert("session", &views.session(s));
            theme
                .tera
                .render("session_card.html", &ctx)
                .map_err(|e| BuildError::Template(tera_message(&e)))
        })
        .collect()
}

fn cards_of<'c>(cards: &'c [String], ids: &[SessionId]) -> Vec<&'c str> {
    ids.iter().map(|s| cards[s.index()].as_str()).collect()
}

/// Splits a session list into pages under `dir` ("topics/iot/"), one job each.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site per page kind; a struct would only rename the arguments"
)]
fn paginated(
    views: &Views<'_>,
    jobs: &mut Vec<Job>,
    template: &'static str,
    dir: &str,
    title: &str,
    description: Option<String>,
    section: &'static str,
    sessions: &[SessionId],
    cards: &[String],
    context: &Context,
) {
    let per_page = views.site.config.sessions_per_page.max(1);
    let total = sessions.len().div_ceil(per_page).max(1);
    let page_path = |n: usize| {
        if n == 1 {
            dir.to_string()
        } else {
            format!("{dir}page/{n}/")
        }
    };
    for n in 1..=total {
        let chunk = sessions.chunks(per_page).nth(n - 1).unwrap_or(&[]);
        let pager = Pager {
            current: n,
            total,
            prev: (n > 1).then(|| views.url(&page_path(n - 1))),
            next: (n < total).then(|| views.url(&page_path(n + 1))),
            pages: (1..=total)
                .filter(|&k| k == 1 || k == total || k.abs_diff(n) <= 2)
                .map(|k| PageLink {
                    number: k,
                    url: (k != n).then(|| views.url(&page_path(k))),
                    current: k == n,
                })
                .collect(),
        };
        let mut ctx = context.clone();
        ctx.insert("cards", &cards_of(cards, chunk));
        ctx.insert("sessions_total", &sessions.len());
        ctx.insert("pager", &pager);
        let page_title = if n == 1 {
            title.to_string()
        } else {
            format!("{title} (page {n} of {total})")
        };
        let path = format!("{}index.html", page_path(n));
        jobs.push(Job {
            template,
            meta: meta(views, &page_title, description.clone(), &path, section),
            path,
            context: ctx,
        });
    }
}

fn home(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let (site, index) = (views.site, views.index);
    let latest = &index.chronological[..index.chronological.len().min(site.config.latest_sessions)];
    let mut ctx = Context::new();
    ctx.insert("latest", &cards_of(cards, latest));
    ctx.insert("events", &event_terms(views));
    let figures = [
        ("sessions", index.chronological.len(), "sessions/"),
        ("speakers", index.speakers_az.len(), "speakers/"),
        ("countries", index.by_country.len(), "countries/"),
        (
            "SDGs",
            Sdg::all()
                .filter(|g| !index.sdg_sessions(*g).is_empty())
                .count(),
            "sdgs/",
        ),
        (
            "action lines",
            ActionLine::all()
                .filter(|a| a.children().is_empty() && !index.action_line_sessions(*a).is_empty())
                .count(),
            "action-lines/",
        ),
        ("topics", site.topics.len(), "topics/"),
        ("events", site.events.len(), "events/"),
    ]
    .map(|(label, count, path)| TermView {
        name: label.to_string(),
        url: views.url(path),
        count,
    });
    ctx.insert("figures", &figures);
    ctx.insert(
        "sdgs",
        &Sdg::all().map(|g| views.sdg(g)).collect::<Vec<_>>(),
    );
    jobs.push(Job {
        template: "index.html",
        path: "index.html".into(),
        meta: meta(
            views,
            &site.config.title,
            site.config.description.clone(),
            "index.html",
            "home",
        ),
        context: ctx,
    });
}

fn sessions(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    paginated(
        views,
        jobs,
        "sessions.html",
        "sessions/",
        "All sessions",
        None,
        "sessions",
        &views.index.chronological,
        cards,
        &Context::new(),
    );
    for s in &views.site.sessions {
        let mut ctx = Context::new();
        ctx.insert("session", &views.session(s));
        ctx.insert("body", &markdown::to_html(&s.body));
        let path = format!("sessions/{}/index.html", s.slug);
        jobs.push(Job {
            template: "session.html",
            meta: meta(views, &s.title, s.summary.clone(), &path, "sessions"),
            path,
            context: ctx,
        });
    }
}

fn event_terms(views: &Views<'_>) -> Vec<serde_json::Value> {
    views
        .index
        .events_newest_first(views.site)
        .into_iter()
        .map(|id| {
            let e = &views.site.events[id.index()];
            serde_json::json!({
                "name": e.name,
                "url": views.event_url(e),
                "count": views.index.by_event[id.index()].len(),
                "start": e.start.map(human_date),
                "end": e.end.map(human_date),
                "location": e.location,
            })
        })
        .collect()
}

fn events(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let mut ctx = Context::new();
    ctx.insert("events", &event_terms(views));
    jobs.push(index_job(
        views,
        "events.html",
        "events/",
        "Events",
        "events",
        ctx,
    ));
    for (i, e) in views.site.events.iter().enumerate() {
        let sessions = &views.index.by_event[i];
        let mut kinds: Vec<(String, usize)> = Vec::new();
        for s in sessions {
            let label = views.site.sessions[s.index()]
                .kind
                .as_ref()
                .map_or_else(|| "Other".to_string(), |k| k.label());
            match kinds.iter_mut().find(|k| k.0 == label) {
                Some(k) => k.1 += 1,
                None => kinds.push((label, 1)),
            }
        }
        kinds.sort();
        let days: Vec<Option<String>> = sessions
            .iter()
            .map(|s| views.site.sessions[s.index()].date.map(human_date))
            .collect();
        let mut ctx = Context::new();
        ctx.insert(
            "event",
            &serde_json::json!({
                "name": e.name,
                "start": e.start.map(human_date),
                "end": e.end.map(human_date),
                "location": e.location,
                "url": e.url,
                "description": e.description.as_deref().map(markdown::to_html),
                "kinds": kinds.iter().map(|(l, n)| serde_json::json!({"label": l, "count": n})).collect::<Vec<_>>(),
            }),
        );
        ctx.insert("days", &days);
        paginated_days(views, jobs, e, sessions, cards, &days, ctx);
    }
}

/// Event pages group their cards by day; the day of each card comes along with it.
fn paginated_days(
    views: &Views<'_>,
    jobs: &mut Vec<Job>,
    e: &crate::model::Event,
    sessions: &[SessionId],
    cards: &[String],
    days: &[Option<String>],
    ctx: Context,
) {
    let dir = format!("events/{}/", e.slug);
    let start = jobs.len();
    paginated(
        views,
        jobs,
        "event.html",
        &dir,
        &e.name,
        None,
        "events",
        sessions,
        cards,
        &ctx,
    );
    let per_page = views.site.config.sessions_per_page.max(1);
    for (n, job) in jobs[start..].iter_mut().enumerate() {
        let chunk_days = days.chunks(per_page).nth(n).unwrap_or(&[]);
        job.context.insert("days", chunk_days);
    }
}

fn index_job(
    views: &Views<'_>,
    template: &'static str,
    dir: &str,
    title: &str,
    section: &'static str,
    ctx: Context,
) -> Job {
    let path = format!("{dir}index.html");
    Job {
        template,
        meta: meta(views, title, None, &path, section),
        path,
        context: ctx,
    }
}

fn speakers(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let (site, index) = (views.site, views.index);
    // A–Z index grouped by initial letter.
    let mut groups: Vec<(String, Vec<TermView>)> = Vec::new();
    for &p in &index.speakers_az {
        let person = &site.people[p.index()];
        let letter = sort_key(&person.name)
            .chars()
            .find(|c| c.is_alphanumeric())
            .map_or('#', |c| c.to_ascii_uppercase());
        let letter = if letter.is_ascii_alphabetic() {
            letter.to_string()
        } else {
            "#".to_string()
        };
        if groups.last().is_none_or(|g| g.0 != letter) {
            groups.push((letter.clone(), Vec::new()));
        }
        if let Some(g) = groups.last_mut() {
            g.1.push(TermView {
                name: person.name.clone(),
                url: views.person_url(person),
                count: index.by_person[p.index()].len(),
            });
        }
    }
    // A large A–Z would be megabytes on one page: past a threshold each letter gets its own page.
    let split = index.speakers_az.len() > SPEAKERS_ON_ONE_PAGE;
    let letter_id = |l: &str| {
        if l == "#" {
            "other".to_string()
        } else {
            l.to_lowercase()
        }
    };
    let letters: Vec<serde_json::Value> = groups
        .iter()
        .map(|(l, people)| {
            serde_json::json!({
                "letter": l,
                "id": format!("letter-{}", letter_id(l)),
                "count": people.len(),
                "url": split.then(|| views.url(&format!("speakers/a-z/{}/", letter_id(l)))),
                "people": if split { &[][..] } else { people.as_slice() },
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("letters", &letters);
    ctx.insert("total", &index.speakers_az.len());
    jobs.push(index_job(
        views,
        "speakers.html",
        "speakers/",
        "Speakers",
        "speakers",
        ctx,
    ));
    if split {
        for (l, people) in &groups {
            let mut ctx = Context::new();
            ctx.insert("letter", l);
            ctx.insert("people", people);
            ctx.insert("letters", &letters);
            let dir = format!("speakers/a-z/{}/", letter_id(l));
            let title = format!("Speakers: {l}");
            jobs.push(index_job(
                views,
                "speakers_letter.html",
                &dir,
                &title,
                "speakers",
                ctx,
            ));
        }
    }

    for &p in &index.speakers_az {
        let i = p.index();
        let person = &site.people[i];
        let appearances = &index.by_person[i];
        let ids: Vec<SessionId> = appearances.iter().map(|a| a.0).collect();
        let roles: Vec<&str> = appearances
            .iter()
            .map(|a| {
                if a.1 == Role::Moderator {
                    "Moderator"
                } else {
                    "Speaker"
                }
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert(
            "person",
            &serde_json::json!({
                "name": person.name,
                "honorific": person.honorific,
                "bio": person.bio.as_deref().map(markdown::to_html),
                "photo": person.photo,
                "links": person.links.iter().map(|l| LinkView { label: l.label.clone(), url: l.url.clone() }).collect::<Vec<_>>(),
                "titles": index.person_titles[i],
                "organizations": index.person_organizations[i],
                "countries": index.person_countries[i].iter().map(|&c| views.country(c)).collect::<Vec<_>>(),
                "moderated": appearances.iter().filter(|a| a.1 == Role::Moderator).count(),
            }),
        );
        ctx.insert(
            "co_speakers",
            &index.co_speakers[i]
                .iter()
                .take(40)
                .map(|&(q, n)| TermView {
                    name: site.people[q.index()].name.clone(),
                    url: views.person_url(&site.people[q.index()]),
                    count: n as usize,
                })
                .collect::<Vec<_>>(),
        );
        ctx.insert("co_speakers_total", &index.co_speakers[i].len());
        let dir = format!("speakers/{}/", person.slug);
        let start = jobs.len();
        paginated(
            views,
            jobs,
            "speaker.html",
            &dir,
            &person.name,
            None,
            "speakers",
            &ids,
            cards,
            &ctx,
        );
        let per_page = site.config.sessions_per_page.max(1);
        for (n, job) in jobs[start..].iter_mut().enumerate() {
            job.context
                .insert("roles", roles.chunks(per_page).nth(n).unwrap_or(&[]));
        }
    }
}

fn countries(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let (site, index) = (views.site, views.index);
    let mut list: Vec<_> = index.by_country.iter().collect();
    list.sort_by_cached_key(|(c, _)| sort_key(c.name()));
    let rows: Vec<_> = list
        .iter()
        .map(|(c, entry)| {
            serde_json::json!({
                "name": c.name(), "code": c.iso2(), "url": views.country_url(**c),
                "speakers": entry.people.len(), "sessions": entry.sessions.len(),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("countries", &rows);
    jobs.push(index_job(
        views,
        "countries.html",
        "countries/",
        "Countries",
        "countries",
        ctx,
    ));
    for (c, entry) in list {
        let mut ctx = Context::new();
        ctx.insert(
            "country",
            &serde_json::json!({"name": c.name(), "code": c.iso2()}),
        );
        ctx.insert(
            "people",
            &entry
                .people
                .iter()
                .map(|p| {
                    let person = &site.people[p.index()];
                    TermView {
                        name: person.name.clone(),
                        url: views.person_url(person),
                        count: index.by_person[p.index()].len(),
                    }
                })
                .collect::<Vec<_>>(),
        );
        let dir = format!("countries/{}/", c.slug());
        paginated(
            views,
            jobs,
            "country.html",
            &dir,
            c.name(),
            None,
            "countries",
            &entry.sessions,
            cards,
            &ctx,
        );
    }
}

fn sdgs(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let mut ctx = Context::new();
    ctx.insert(
        "sdgs",
        &Sdg::all().map(|g| views.sdg(g)).collect::<Vec<_>>(),
    );
    jobs.push(index_job(
        views,
        "sdgs.html",
        "sdgs/",
        "Sustainable Development Goals",
        "sdgs",
        ctx,
    ));
    for g in Sdg::all() {
        let gi = usize::from(g.number() - 1);
        let mut ctx = Context::new();
        ctx.insert("sdg", &views.sdg(g));
        ctx.insert(
            "action_lines",
            &views.index.sdg_action_lines[gi]
                .iter()
                .map(|&(a, n)| TermView {
                    name: a.label(),
                    url: views.action_line_url(a),
                    count: n as usize,
                })
                .collect::<Vec<_>>(),
        );
        let title = format!("SDG {}: {}", g.number(), g.short_name());
        let dir = format!("sdgs/{}/", g.number());
        paginated(
            views,
            jobs,
            "sdg.html",
            &dir,
            &title,
            Some(g.title().to_string()),
            "sdgs",
            views.index.sdg_sessions(g),
            cards,
            &ctx,
        );
    }
}

fn action_lines(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
    let top: Vec<_> = ActionLine::all()
        .filter(|a| a.parent().is_none())
        .map(|a| views.action_line(a))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("action_lines", &top);
    jobs.push(index_job(
        views,
        "action_lines.html",
        "action-lines/",
        "WSIS Action Lines",
        "action-lines",
        ctx,
    ));
    for a in ActionLine::all() {
        let mut ctx = Context::new();
        ctx.insert("action_line", &views.action_line(a));
        ctx.insert("parent", &a.parent().map(|p| views.action_line(p)));
        let title = format!("{}: {}", a.label(), a.title());
        let dir = format!("action-lines/{}/", a.slug());
        paginated(
            views,
            jobs,
            "action_line.html",
            &dir,
            &title,
            None,
            "action-lines",
            views.index.action_line_sessions(a),
            cards,
            &ctx,
        );
    }
}

fn topics(views: &Views<'_>, cards: &[String], jobs: &mut Vec<Job>) {
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
    jobs.push(index_job(
        views,
        "topics.html",
        "topics/",
        "Topics",
        "topics",
        ctx,
    ));
    for (i, t) in site.topics.iter().enumerate() {
        let mut ctx = Context::new();
        ctx.insert("topic", &serde_json::json!({"name": t.name}));
        let dir = format!("topics/{}/", t.slug);
        paginated(
            views,
            jobs,
            "topic.html",
            &dir,
            &t.name,
            None,
            "topics",
            &index.by_topic[i],
            cards,
            &ctx,
        );
    }
}
