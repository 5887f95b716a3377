//! Which lists a session is in: the one definition that the full index build, its
//! one-session patch, `serve`'s live diff and the views all read. A new kind of list
//! is a new [`ListKey`] variant and a line in [`postings`]; the compiler then points
//! at every `match` that must learn it.

use crate::model::{EventId, OrgId, PersonId, Role, Session, TopicId};
use crate::taxonomy::{ActionLine, Country, Sdg};

/// A paginated list of sessions: its pages are `…/`, `…/page/2/`, ….
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKey {
    /// All sessions, newest first.
    Sessions,
    /// An event's programme.
    Event(EventId),
    /// A speaker's sessions.
    Speaker(PersonId),
    /// A country's sessions.
    Country(Country),
    /// An SDG's sessions.
    Sdg(Sdg),
    /// An action line's sessions.
    ActionLine(ActionLine),
    /// A topic's sessions.
    Topic(TopicId),
    /// The sessions where someone speaks for an organization of the registry.
    Organization(OrgId),
}

/// One list a session is in, with what the list records about the session besides
/// its id (a speaker's list keeps the role they had in it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Posting {
    /// The list.
    pub list: ListKey,
    /// For a speaker's list, their role in the session (the first one given).
    pub role: Option<Role>,
}

/// Every list `s` is in, each once, [`ListKey::Sessions`] first: its event, each of
/// its people and the countries they represent, its SDGs, its action lines and the
/// parents of sub-lines (C7's page lists the sessions of C7 E-health too), its topics,
/// the registry organizations its people speak for.
///
/// Linear in the session's size: the model keeps one participant per person, and
/// the countries and action lines are made distinct by sorting.
pub fn postings(s: &Session) -> Vec<Posting> {
    let list = |list| Posting { list, role: None };
    let mut out = vec![list(ListKey::Sessions)];
    out.extend(s.event.map(|e| list(ListKey::Event(e))));
    out.extend(s.participants.iter().map(|p| Posting {
        list: ListKey::Speaker(p.person),
        role: Some(p.role),
    }));
    let mut countries: Vec<Country> = s.participants.iter().filter_map(|p| p.country).collect();
    countries.sort_unstable();
    countries.dedup();
    out.extend(countries.into_iter().map(|c| list(ListKey::Country(c))));
    out.extend(s.sdgs.iter().map(|&g| list(ListKey::Sdg(g))));
    let mut lines: Vec<ActionLine> = s.action_lines.clone();
    lines.extend(s.action_lines.iter().filter_map(|a| a.parent()));
    lines.sort_unstable();
    lines.dedup();
    out.extend(lines.into_iter().map(|a| list(ListKey::ActionLine(a))));
    out.extend(s.topics.iter().map(|&t| list(ListKey::Topic(t))));
    // An organization's sessions are those its people spoke at and those it organized.
    let mut orgs: Vec<OrgId> = (s.participants.iter())
        .filter_map(|p| p.organization_id)
        .chain(s.organizer_ids.iter().flatten().copied())
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    out.extend(orgs.into_iter().map(|o| list(ListKey::Organization(o))));
    out
}

/// The lists of [`postings`], without the roles.
pub fn lists(s: &Session) -> impl Iterator<Item = ListKey> {
    postings(s).into_iter().map(|p| p.list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participation;
    use crate::taxonomy::EService;
    use crate::url::Slug;

    fn person(i: usize, role: Role, country: Option<&str>) -> Participation {
        Participation {
            person: PersonId::from_index(i),
            role,
            honorific: None,
            title: None,
            organization: None,
            organization_id: None,
            country: country.and_then(Country::from_code),
        }
    }

    #[test]
    fn a_session_is_in_each_of_its_lists_once() {
        let c7 = |i: usize| ActionLine::c7(EService::ALL[i]);
        let s = Session {
            slug: Slug::parse_exact("a").expect("slug"),
            file: "sessions/a.md".into(),
            title: "A".into(),
            event: Some(EventId::from_index(0)),
            kind: None,
            date: None,
            time: None,
            timezone: None,
            room: None,
            materials: Vec::new(),
            organizers: Vec::new(),
            organizer_ids: Vec::new(),
            links: Vec::new(),
            participants: vec![
                person(0, Role::Moderator, Some("KE")),
                person(1, Role::Speaker, Some("KE")),
                person(2, Role::Speaker, None),
            ],
            topics: vec![TopicId::from_index(3)],
            sdgs: vec![Sdg::new(4).expect("goal")],
            action_lines: vec![ActionLine::line(1).expect("C1"), c7(0), c7(1)],
            summary: None,
            body: "".into(),
            old_urls: Vec::new(),
        };
        let all = postings(&s);
        let lists: Vec<ListKey> = all.iter().map(|p| p.list).collect();
        let parent = c7(0).parent().expect("C7");
        assert_eq!(lists[0], ListKey::Sessions);
        assert_eq!(
            lists
                .iter()
                .filter(|l| **l == ListKey::ActionLine(parent))
                .count(),
            1,
            "two sub-lines put the session in C7's list once"
        );
        assert_eq!(
            lists
                .iter()
                .filter(|l| matches!(l, ListKey::Country(_)))
                .count(),
            1,
            "two people from one country put the session in its list once"
        );
        assert!(all.contains(&Posting {
            list: ListKey::Speaker(PersonId::from_index(0)),
            role: Some(Role::Moderator),
        }));
        let mut distinct = lists.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), lists.len());
        // Sessions, event, three people, one country, one goal, C1 + two sub-lines + C7, a topic.
        assert_eq!(lists.len(), 1 + 1 + 3 + 1 + 1 + 4 + 1);
    }

    #[test]
    fn two_people_of_one_organization_put_the_session_in_its_list_once() {
        let mut s = crate::model::Session::empty_for_tests();
        let org = |i: usize, o: Option<u32>| Participation {
            organization_id: o.map(OrgId),
            ..person(i, Role::Speaker, None)
        };
        s.participants = vec![
            org(0, Some(1)),
            org(1, Some(1)),
            org(2, Some(0)),
            org(3, None),
        ];
        let orgs: Vec<ListKey> = (lists(&s))
            .filter(|l| matches!(l, ListKey::Organization(_)))
            .collect();
        assert_eq!(
            orgs,
            [
                ListKey::Organization(OrgId(0)),
                ListKey::Organization(OrgId(1))
            ]
        );
    }
}
