//! Programmes that print each session as its title and, on the next line, its
//! room ("Democratizing AI for all" / "Room 4, Level 0, CICG"), several to a
//! time slot: each title with a room under it is a session.

use super::super::header::is_room;
use super::super::lines::Line;
use super::{is_break, title_like};

/// The fewest title-and-room pairs that make a page a programme, not one
/// session that names its room.
const LEAST: usize = 3;

/// The head lines of sessions listed as title-then-room pairs: (first line,
/// title, title line).
pub(super) fn room_heads(lines: &[Line]) -> Vec<(usize, Option<String>, Option<usize>)> {
    let heads: Vec<_> = (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let (t, next) = (&lines[i], &lines[i + 1]);
            !t.is_item()
                && title_like(&t.text)
                && !is_room(&t.text)
                && !is_break(&t.text)
                && is_room(&next.text)
        })
        .map(|i| (i, Some(lines[i].text.clone()), Some(i)))
        .collect();
    if heads.len() >= LEAST {
        heads
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        super::super::super::lines::read(text)
    }

    #[test]
    fn titles_with_a_room_under_them_are_sessions() {
        let l = lines(
            "Day 2\n\n09:00 – 10:30 – Parallel tracks\n\nData for cities\n\nRoom 2, Level 0\n\n\
             Open models in health\n\nRoom 4, Level 1\n\nCoffee break\n\nRoom 1\n\n\
             Robots on the farm\n\nSalle 7\n",
        );
        let titles: Vec<String> = room_heads(&l).into_iter().filter_map(|h| h.1).collect();
        assert_eq!(
            titles,
            [
                "Data for cities",
                "Open models in health",
                "Robots on the farm"
            ]
        );
    }

    #[test]
    fn one_session_that_names_its_room_is_no_programme() {
        let l = lines("Data for cities\n\nRoom 2, Level 0\n\nModerator: Ann Lee\n");
        assert!(room_heads(&l).is_empty());
    }
}
