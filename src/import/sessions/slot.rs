//! Two more ways a programme marks where a session starts: a time slot whose
//! title comes after an organizer's line or a type label ("11:00 - 12:00 UTC" /
//! "ORGANIZER: …" / "Open Forum:" / "Future of the Internet"), and a listing that
//! closes each session with its date, time and venue (sched.com: the title, its
//! fields, then "Wednesday November 27, 2019 08:15 - 09:15" / "Room, Street, City"),
//! so that the next title starts the next session.

use super::super::labels::{Field, label};
use super::super::lines::Line;
use super::super::shapes::{is_prose, sentence_break};
use super::super::when::{find_day, find_time, is_when_line};
use super::{after_time, has_substance, names_a_session, title_like};

/// How many lines may stand between a time and its title (an organizer, a type label).
const BETWEEN: usize = 2;

/// Whether a line names the organizers ("ORGANIZER: Ministry of …", "Organized by …").
pub(super) fn is_organizer_line(text: &str) -> bool {
    label(text).is_some_and(|l| {
        l.field == Field::NotPeople && {
            let key = l.key.to_lowercase();
            key.contains("organi") || key.contains("host")
        }
    })
}

/// A label that names only the kind of session, its title on the next line
/// ("Open Forum:", "High-Level Exchange Panel 7:").
fn is_type_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(':')
        && (1..=5).contains(&t.split_whitespace().count())
        && names_a_session(t)
        && label(t).is_none_or(|l| matches!(l.field, Field::Section(_)))
}

/// After the time line `i`: the title's line and the title, over at most
/// [`BETWEEN`] organizer or type lines. A type label is kept before the title
/// ("Open Forum: Future of the Internet").
pub(super) fn title_after_time(lines: &[Line], i: usize) -> Option<(usize, String)> {
    let mut kind: Option<&str> = None;
    let end = (i + 2 + BETWEEN).min(lines.len());
    for (at, n) in lines.iter().enumerate().take(end).skip(i + 1) {
        if is_organizer_line(&n.text) {
            continue;
        }
        if kind.is_none() && is_type_label(&n.text) {
            kind = Some(n.text.trim());
            continue;
        }
        let ok = title_like(&n.text) && !n.is_item() && after_time(&n.text).is_none();
        // Over an organizer's line the title must not be two sentences (a
        // description); a quoted title with small words is still a title.
        if !ok || (at > i + 1 && sentence_break(&n.text)) {
            return None;
        }
        let title = match kind {
            Some(k) => format!("{} {}", k, n.text.trim()),
            None => n.text.trim().to_string(),
        };
        return Some((at, title));
    }
    None
}

/// Whether line `i` is a listing's closing date-and-time line: a day and a time on
/// one line ("Wednesday November 27, 2019 08:15 - 09:15"), not a title.
fn is_trailer(text: &str) -> bool {
    is_when_line(text) && find_day(text).is_some() && find_time(text).is_some()
}

/// Sessions of a listing that ends each with its date and time (and a venue line
/// right under it): the first session starts at the top, each next one at the
/// first title after a trailer, when fields or a description follow that title.
/// Only a session with a people label above its trailer is closed by it.
pub(super) fn trailer_heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    let mut out = Vec::new();
    for i in 0..lines.len() {
        if !is_trailer(&lines[i].text) {
            continue;
        }
        // The venue under the time: the same block, not a title.
        let mut next = i + 1;
        if lines
            .get(next)
            .is_some_and(|v| v.gap == 0 && !is_trailer(&v.text) && !is_prose(&v.text))
        {
            next += 1;
        }
        let Some(head) = lines.get(next) else {
            continue;
        };
        let body = next..(next + 4).min(lines.len());
        // The trailer closes a session that had its own people above it (a people
        // label): a page's header date over the description is no trailer.
        let prev = out
            .last()
            .map_or(0, |h: &(usize, Option<String>, Option<usize>)| h.0);
        let people_above = lines[prev..i]
            .iter()
            .any(|l| label(&l.text).is_some_and(|lb| matches!(lb.field, Field::People(_))));
        if head.gap >= 1
            && people_above
            && !head.is_item()
            && title_like(&head.text)
            && !is_when_line(&head.text)
            && has_substance(lines, &body)
        {
            if out.is_empty() {
                out.push((0, None, None));
            }
            out.push((next, Some(head.text.trim().to_string()), Some(next)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::split;
    use super::*;
    use crate::import::lines::read;

    fn titles(text: &str) -> Vec<Option<String>> {
        split(&read(text))
            .segments
            .into_iter()
            .map(|s| s.title)
            .collect()
    }

    #[test]
    fn an_organizer_line_or_a_type_label_may_stand_between_a_time_and_its_title() {
        let text = "Our events at the meeting\n\n3 March 2031\n\n10:00 - 11:00 UTC\n\n\
                    ORGANIZER: Ministry of Lakes, Freedonia\n\n\n\
                    \"Rivers of data – one basin, many views?\"\n\n\
                    Aino Virtanen\n\nBruno Costa\n\nOnsite Moderator:\n\nRoom 4\n\n\
                    3 March 2031\n\n14:00 - 15:00 UTC\n\nYouth track: Mapping the delta\n\n\
                    Onsite Moderator:\n\nChidi Okafor\n\nRoom 9\n\n\
                    4 March 2031\n\n09:30- 10:30 UTC\n\nORGANIZER: Delta Council\n\n\
                    Open Forum:\n\nFuture of the Wetlands\n\nHall C\n";
        let lines = read(text);
        let at = lines
            .iter()
            .position(|l| l.text.starts_with("10:00"))
            .unwrap_or(0);
        assert_eq!(
            title_after_time(&lines, at).map(|t| t.1),
            Some("\"Rivers of data – one basin, many views?\"".to_string())
        );
        assert_eq!(
            titles(text),
            [
                Some("\"Rivers of data – one basin, many views?\"".to_string()),
                Some("Youth track: Mapping the delta".to_string()),
                Some("Open Forum: Future of the Wetlands".to_string()),
            ]
        );
    }

    #[test]
    fn a_listing_that_closes_each_session_with_its_time_is_split_after_the_time() {
        let text = "Tuesday, March 4\n\nRiver Talks: Why basins matter (Hall A)\n\
                    Moderator: Board Chair\n\
                    Co-moderators\n- Aino Virtanen\n  Director, Lake Agency\n\
                    - Bruno Costa\n  Chief Engineer, Delta Works\n\
                    Tuesday March 4, 2031 08:15 - 09:15\nHall A, 12 Quay Street, Portville\n\n\n\
                    Measuring floods with open sensors (Delta Lab)\n\
                    This workshop is part of a pilot that tests whether a forum can speed up \
                    the adoption of flood sensors.\n";
        let got = titles(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1].as_deref(),
            Some("Measuring floods with open sensors (Delta Lab)")
        );
        // A page's own date line above its description closes nothing.
        let page = "Rivers and Data: a Forum Session\n\nTuesday, 4 March 2031, 9:00 - 10:30\n\n\
                    Quay Hall, Portville\n\nThe session will be chaired by Ms Aino Virtanen.\n\n\
                    Speakers:\nBruno Costa, Chief Engineer, Delta Works\n";
        assert_eq!(titles(page).len(), 1);
    }
}
