//! Related sessions: for a session, up to [`RELATED_MAX`] others that share the most
//! with it (speakers, topics, SDGs, action lines, the event), each with what it shares.
//!
//! Near-linear: the candidates are the sessions of the session's *short* lists (a
//! speaker's, a small topic's) and its neighbours in the event's programme; lists
//! longer than [`WALKED_MAX`] (an SDG of thousands of sessions) are never walked, so
//! the work per session is bounded whatever the size of the site. They still count in
//! the score of every candidate found otherwise.

use rustc_hash::FxHashSet;

use super::{Index, ListKey, lists};
use crate::model::{EventId, PersonId, Session, SessionId, Site, TopicId};
use crate::taxonomy::{ActionLine, Sdg};

/// The most related sessions a page shows.
pub const RELATED_MAX: usize = 5;
/// Lists longer than this are not walked for candidates.
const WALKED_MAX: usize = 64;
/// Sessions this close in the event's programme are always candidates.
const NEIGHBOURS: usize = 6;
/// A candidate must share at least this much ([`weight`]): sharing only the event, or
/// one goal, relates everything to everything on a large site.
const MIN_SCORE: u32 = 3;

/// A related session and what it shares with the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The other session.
    pub session: SessionId,
    /// The lists both are in, strongest first (speakers, topics, the event, goals,
    /// action lines); never the list of all sessions or a country.
    pub shared: Vec<ListKey>,
}

/// How much sharing a list says about two sessions.
fn weight(key: ListKey) -> u32 {
    match key {
        ListKey::Speaker(_) => 4,
        ListKey::Topic(_) => 3,
        ListKey::Event(_) | ListKey::Sdg(_) | ListKey::ActionLine(_) => 1,
        // Everyone shares the first; a country or an organization (one may send a
        // speaker to most sessions) says little about the content.
        ListKey::Sessions | ListKey::Country(_) | ListKey::Organization(_) => 0,
    }
}

/// What a session has, sorted for lookups: compared with each candidate's own fields
/// (not its [`lists`], which allocate), since a session has hundreds of candidates.
struct Own {
    people: Vec<PersonId>,
    topics: Vec<TopicId>,
    event: Option<EventId>,
    sdgs: Vec<Sdg>,
    action_lines: Vec<ActionLine>,
}

impl Own {
    fn of(s: &Session) -> Own {
        let mut people: Vec<PersonId> = s.participants.iter().map(|p| p.person).collect();
        people.sort_unstable();
        let mut topics = s.topics.clone();
        topics.sort_unstable();
        let mut sdgs = s.sdgs.clone();
        sdgs.sort_unstable();
        let mut action_lines = s.action_lines.clone();
        action_lines.sort_unstable();
        Own {
            people,
            topics,
            event: s.event,
            sdgs,
            action_lines,
        }
    }

    /// Calls `f` with each list `c` shares with this session, in the order they are
    /// explained: speakers, topics, the event, goals, action lines.
    fn each_shared(&self, c: &Session, mut f: impl FnMut(ListKey)) {
        for p in c.participants.iter().map(|p| p.person) {
            if self.people.binary_search(&p).is_ok() {
                f(ListKey::Speaker(p));
            }
        }
        for &t in &c.topics {
            if self.topics.binary_search(&t).is_ok() {
                f(ListKey::Topic(t));
            }
        }
        if let Some(e) = c.event.filter(|&e| self.event == Some(e)) {
            f(ListKey::Event(e));
        }
        for &g in &c.sdgs {
            if self.sdgs.binary_search(&g).is_ok() {
                f(ListKey::Sdg(g));
            }
        }
        for &a in &c.action_lines {
            if self.action_lines.binary_search(&a).is_ok() {
                f(ListKey::ActionLine(a));
            }
        }
    }

    /// How much `c` shares with this session: the [`weight`]s of what it shares.
    fn score(&self, c: &Session) -> u32 {
        let mut score = 0;
        self.each_shared(c, |k| score += weight(k));
        score
    }

    /// The lists `c` shares with this session, in the order they are explained.
    fn shared_with(&self, c: &Session) -> Vec<ListKey> {
        let mut out = Vec::new();
        self.each_shared(c, |k| out.push(k));
        out
    }
}

impl Index {
    /// The sessions `related` weighs for `id`: those of its lists of at most `walked`
    /// sessions, and its `neighbours` on either side in the event's programme (sorted,
    /// without duplicates, `id` among them).
    fn candidates(
        &self,
        site: &Site,
        id: SessionId,
        walked: usize,
        neighbours: usize,
    ) -> Vec<SessionId> {
        let s = &site.sessions[id.index()];
        let own: FxHashSet<ListKey> = lists(s).filter(|&k| weight(k) > 0).collect();
        let mut candidates: Vec<SessionId> = Vec::new();
        for &key in &own {
            if self.list_len(key) <= walked
                && let Some(list) = self.sessions_of(key)
            {
                candidates.extend(list.iter().copied());
            }
        }
        if let Some(e) = s.event
            && let Some(programme) = self.by_event.get(e.index())
            && let Some(at) = programme.iter().position(|&x| x == id)
        {
            let from = at.saturating_sub(neighbours);
            let to = (at + neighbours + 1).min(programme.len());
            candidates.extend(&programme[from..to]);
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }

    /// The sessions whose related sessions may change when session `id` changes: those
    /// that weigh it (the relation is symmetric: two sessions share a short list, or
    /// stand close in a programme), with one more session of reach for the lists and
    /// programme places that `id` coming or going shifts by one. `serve` looks at these
    /// in the index before an edit and after it.
    pub fn related_reach(&self, site: &Site, id: SessionId) -> Vec<SessionId> {
        self.candidates(site, id, WALKED_MAX + 1, NEIGHBOURS + 1)
    }

    /// The sessions related to `id`, most shared first (then newest first, then in
    /// source order). Computed
    /// when asked, as [`Index::co_speakers`] is: only the session's own page shows them.
    pub fn related(&self, site: &Site, id: SessionId) -> Vec<Related> {
        let s = &site.sessions[id.index()];
        let candidates = self.candidates(site, id, WALKED_MAX, NEIGHBOURS);
        let mine = Own::of(s);
        // Scored without allocating: a session has hundreds of candidates, and only the
        // few shown need what they share spelled out.
        let mut scored: Vec<(u32, SessionId)> = candidates
            .into_iter()
            .filter(|&c| c != id)
            .map(|c| (mine.score(&site.sessions[c.index()]), c))
            .filter(|&(score, _)| score >= MIN_SCORE)
            .collect();
        // Most shared first; ties: the newest first, then in source order. Only the
        // first few are sorted.
        let key = |&(score, c): &(u32, SessionId)| {
            (
                std::cmp::Reverse(score),
                std::cmp::Reverse(site.sessions[c.index()].date),
                c,
            )
        };
        if scored.len() > RELATED_MAX {
            scored.select_nth_unstable_by_key(RELATED_MAX, key);
            scored.truncate(RELATED_MAX);
        }
        scored.sort_unstable_by_key(key);
        scored
            .into_iter()
            .map(|(_, c)| Related {
                session: c,
                shared: mine.shared_with(&site.sessions[c.index()]),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::config::SiteConfig;
    use crate::model::{Participation, Person, Role, Topic};
    use crate::url::{BaseUrl, Slug};

    fn site(people: u32, topics: u32, sessions: Vec<Session>) -> Site {
        let slug = |s: String| Slug::parse_exact(&s).expect("slug");
        Site {
            config: SiteConfig::default(),
            base: BaseUrl::parse("https://example.org/").expect("base"),
            sessions,
            people: (0..people)
                .map(|p| Person::named(slug(format!("p{p}")), format!("P{p}"), None))
                .collect(),
            events: Vec::new(),
            topics: (0..topics)
                .map(|t| Topic {
                    slug: slug(format!("t{t}")),
                    name: format!("T{t}"),
                })
                .collect(),
            organizations: Default::default(),
            sources: Default::default(),
            photos: Default::default(),
        }
    }

    fn session(slug: &str, people: &[u32], topics: &[u32], sdgs: &[u8]) -> Session {
        let mut s = Session::empty_for_tests();
        s.slug = Slug::parse_exact(slug).expect("slug");
        s.title = slug.to_string();
        s.participants = people
            .iter()
            .map(|&p| Participation {
                person: PersonId(p),
                role: Role::Speaker,
                honorific: None,
                title: None,
                organization: None,
                organization_id: None,
                country: None,
            })
            .collect();
        s.topics = topics.iter().map(|&t| TopicId(t)).collect();
        s.sdgs = sdgs.iter().map(|&g| Sdg::new(g).expect("goal")).collect();
        s
    }

    #[test]
    fn the_most_shared_come_first_and_weak_links_are_left_out() {
        let site = site(
            3,
            2,
            vec![
                session("a", &[0, 1], &[0], &[4]),
                session("b", &[0, 1], &[], &[]), // two speakers: 8
                session("c", &[], &[0], &[4]),   // topic and goal: 4
                session("d", &[], &[], &[4]),    // one goal only: left out
                session("e", &[2], &[1], &[5]),  // nothing shared
            ],
        );
        let index = Index::build(&site);
        let related = index.related(&site, SessionId(0));
        let slugs: Vec<&str> = (related.iter())
            .map(|r| site.sessions[r.session.index()].slug.as_str())
            .collect();
        assert_eq!(slugs, ["b", "c"]);
        assert_eq!(
            related[1].shared,
            [
                ListKey::Topic(TopicId(0)),
                ListKey::Sdg(Sdg::new(4).expect("goal"))
            ]
        );
    }

    #[test]
    fn a_long_list_is_not_walked_but_still_counts() {
        // Every session shares goal 4; only "a" and the last share a speaker.
        let n = WALKED_MAX as u32 + 10;
        let sessions = (0..n)
            .map(|i| {
                let people: &[u32] = if i == 0 || i == n - 1 { &[0] } else { &[] };
                session(&format!("s{i}"), people, &[], &[4])
            })
            .collect();
        let site = site(1, 0, sessions);
        let index = Index::build(&site);
        let related = index.related(&site, SessionId(0));
        assert_eq!(related.len(), 1);
        assert_eq!(related[0].session, SessionId(n - 1));
        assert_eq!(related[0].shared.len(), 2, "speaker and goal");
    }
}
