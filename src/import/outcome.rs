//! The WSIS Forum "Session Outcome Document" template: a header (title,
//! organizers, date and time, session URL), labelled fields (moderators,
//! panellists, topics, action lines, SDGs) and free sections (key issues,
//! outcomes, plans) that become Markdown headings with their lists.

use std::str::FromStr;

use super::body::Body;
use super::clean::{fold_lookalikes, is_blank, list_item};
use super::detect::is_event_line;
use super::labels::{Field, label};
use super::person::{country, fill_appositive, from_listed, is_role, split_commas, split_name};
use super::when::{find_date, find_time, find_timezone};
use super::{Context, ImportedSession};
use crate::taxonomy::{ActionLine, Sdg};
use crate::url::Slug;

/// Reads one outcome document.
pub(crate) fn parse(text: &str, cx: &Context) -> ImportedSession {
    let mut s = ImportedSession {
        kind: Some("outcome-document".into()),
        ..ImportedSession::default()
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut field: Option<Field> = None;
    let mut header: Vec<&str> = Vec::new();
    let mut body = Body::default();
    let mut blank_items = 0usize;
    let mut event_hint: Option<String> = None;
    for line in &lines {
        if let Some((f, value)) = label(line) {
            if let Field::Section(h) = &f {
                body.heading(h);
            } else if !value.is_empty() {
                read_value(&mut s, &f, value, cx);
                // "Organizers: X" on one line: what follows is the header again (date, URL).
                if matches!(
                    f,
                    Field::Title | Field::Organizers | Field::Date | Field::Link
                ) {
                    field = None;
                    continue;
                }
            }
            field = Some(f);
            continue;
        }
        if is_blank(line) {
            if !line.trim().is_empty() {
                blank_items += 1;
            }
            continue;
        }
        match &field {
            None => {
                let lower = line.trim().to_lowercase();
                if lower.contains("session outcome document") {
                    // "WSIS Forum 2024 — Session Outcome Document": the event is on the same line.
                    let before = &lower[..lower.find("session outcome document").unwrap_or(0)];
                    if is_event_line(before) {
                        event_hint = Slug::from_text(before).map(|s| s.as_str().to_string());
                    }
                    continue;
                }
                if is_event_line(line) {
                    event_hint = Slug::from_text(line.trim()).map(|s| s.as_str().to_string());
                    continue;
                }
                header.push(line.trim());
            }
            Some(Field::Section(_)) => body.line(line),
            Some(f) => {
                let item = list_item(line).map_or(line.trim(), |i| i.text);
                read_value(&mut s, f, item, cx);
            }
        }
    }
    if s.moderators.is_empty() && s.speakers.is_empty() {
        // No label the importer knows: take the lines that read as introductions.
        let before = header.len();
        header.retain(|l| !introduction_line(l, cx));
        for line in lines.iter().skip(1) {
            let text = list_item(line).map_or(line.trim(), |i| i.text);
            if introduction_line(text, cx) {
                person(&mut s, false, text, cx);
            }
        }
        if !s.speakers.is_empty() {
            s.notes.push(format!(
                "no moderator or panellist label was recognised: {} people were taken from lines that read as introductions{}",
                s.speakers.len(),
                if before > header.len() { "" } else { " (check the body for duplicates)" }
            ));
        }
    }
    if s.sdgs.is_empty() || s.action_lines.is_empty() {
        codes_anywhere(&mut s, &lines);
    }
    read_header(&mut s, &header, cx);
    s.body = body.finish();
    if blank_items > 0 {
        s.notes
            .push(format!("{blank_items} empty list item(s) were skipped"));
    }
    check_people(&mut s);
    event(&mut s, cx, event_hint);
    missing(&mut s);
    if let Some(last) = lines.iter().rev().find(|l| !l.trim().is_empty()) {
        s.notes.extend(super::clean::cut_off_note(
            last.trim(),
            &['.', '!', '?', ')', '"', '”', ':', '>'],
        ));
    }
    s
}

/// One value of a labelled field (a list item, or the text after the label).
fn read_value(s: &mut ImportedSession, field: &Field, value: &str, cx: &Context) {
    match field {
        Field::Title if s.title.is_empty() => s.title = value.to_string(),
        Field::Title => {}
        Field::Organizers => s.organizers.extend(
            value
                .split(';')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(String::from),
        ),
        Field::Date => date_time(s, value),
        Field::Link => link(s, value),
        Field::Moderators | Field::Speakers => {
            for one in value.split(';') {
                person(s, field == &Field::Moderators, one, cx);
            }
        }
        Field::Topics => {
            for t in value.split([',', ';']).map(str::trim) {
                let t = t.trim_end_matches('.');
                if Slug::from_text(t).is_some()
                    && t.chars().count() <= 80
                    && !s.topics.iter().any(|x| x.eq_ignore_ascii_case(t))
                {
                    s.topics.push(t.to_string());
                }
            }
        }
        Field::ActionLines => action_lines(s, &fold_lookalikes(value)),
        Field::Sdgs => sdgs(s, &fold_lookalikes(value)),
        Field::Section(_) => {}
    }
}

fn person(s: &mut ImportedSession, moderator: bool, text: &str, cx: &Context) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let list = if moderator {
        &mut s.moderators
    } else {
        &mut s.speakers
    };
    // "Counsellor, ITU, Geneva" on the line after "Ms. Cristina Bueti": the rest of that entry.
    if let Some(prev) = list.last_mut() {
        let parts = split_commas(text);
        let first = parts.first().copied().unwrap_or("");
        let bare = prev.role.is_none() && prev.organization.is_none();
        if bare
            && split_name(first).honorific.is_none()
            && (is_role(first) || country(text, &cx.countries).is_some())
        {
            fill_appositive(prev, &parts, &cx.countries);
            return;
        }
    }
    match from_listed(text, &cx.countries) {
        Some(p) => list.push(p),
        None => s.notes.push(format!("no name in the list item {text:?}")),
    }
}

/// Whether a line reads as a person's introduction even without a label: "Ms. Name,
/// Role, …" or "Name, Role, …, Country".
fn introduction_line(text: &str, cx: &Context) -> bool {
    let parts = split_commas(text);
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if parts.len() < 2 || text.chars().count() > 300 {
        return false;
    }
    let name = split_name(first);
    let words: Vec<&str> = name.name.split_whitespace().collect();
    let name_like = (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.len() <= 3)
        && !is_role(&name.name);
    let role_after = parts[1..].iter().any(|p| is_role(p));
    name_like && role_after && (name.honorific.is_some() || country(last, &cx.countries).is_some())
}

/// Whether a line holds goals or action lines (as `codes_anywhere` reads them).
fn is_code_line(line: &str) -> bool {
    let text = fold_lookalikes(list_item(line).map_or(line.trim(), |i| i.text));
    let first = text.split([';', ',']).next().unwrap_or("");
    first.parse::<Sdg>().is_ok()
        || first.parse::<ActionLine>().is_ok()
        || first
            .get(3..)
            .is_some_and(|rest| first.starts_with("AL ") && rest.parse::<ActionLine>().is_ok())
}

/// Goals and action lines written anywhere, when no labelled list had them: lines
/// that start with "Goal N", "SDG N", "CN." or "AL CN".
fn codes_anywhere(s: &mut ImportedSession, lines: &[&str]) {
    let (had_goals, had_lines) = (!s.sdgs.is_empty(), !s.action_lines.is_empty());
    let notes = s.notes.len();
    for line in lines {
        let text = fold_lookalikes(list_item(line).map_or(line.trim(), |i| i.text));
        let lower = text.to_lowercase();
        let code_start = |t: &str| {
            t.strip_prefix('c')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        };
        if !had_goals
            && (lower.starts_with("goal ") || lower.starts_with("sdg"))
            && text.chars().count() <= 200
        {
            sdgs(s, &text);
        }
        if !had_lines
            && (code_start(&lower) || lower.starts_with("al c"))
            && text.chars().count() <= 200
        {
            action_lines(s, &text);
        }
    }
    // What did not parse here was never claimed to be a goal or a line: no notes for it.
    s.notes.truncate(notes);
    if !had_goals && !s.sdgs.is_empty() {
        s.notes.push(
            "no SDG label was recognised: goals were taken from lines starting with Goal/SDG"
                .into(),
        );
    }
    if !had_lines && !s.action_lines.is_empty() {
        s.notes.push(
            "no action-line label was recognised: lines were taken from lines starting with a code"
                .into(),
        );
    }
}

/// Notes on the people read: names that may not be names, people without a country.
fn check_people(s: &mut ImportedSession) {
    let mut notes = Vec::new();
    for p in s.moderators.iter().chain(&s.speakers) {
        let words = p.name.split_whitespace().count();
        if !(2..=6).contains(&words)
            || p.name.chars().any(|c| c.is_ascii_digit())
            || is_role(&p.name)
        {
            notes.push(format!("{:?} may not be a person's name: check", p.name));
        }
        if p.country.is_none() {
            notes.push(format!(
                "no known country in the introduction of {:?}",
                p.name
            ));
        }
    }
    s.notes.extend(notes);
}

fn action_lines(s: &mut ImportedSession, value: &str) {
    // "AL C3 – Access …; AL C11 – International …": one line per semicolon.
    if value.contains(';') {
        for piece in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            action_lines(s, piece);
        }
        return;
    }
    // "C1, C3, C7 E-health" on one line (a full title has commas too, but then a piece fails).
    let pieces: Vec<&str> = value.split([',', ';']).map(str::trim).collect();
    let parsed: Vec<ActionLine> = pieces.iter().filter_map(|p| p.parse().ok()).collect();
    if pieces.len() > 1 && parsed.len() == pieces.len() {
        parsed.into_iter().for_each(|a| s.add_action_line(a));
        return;
    }
    if let Ok(a) = ActionLine::from_str(value) {
        s.add_action_line(a);
        return;
    }
    // "Action Line C5: Building confidence": the code where it starts.
    let start = value.char_indices().find(|&(i, c)| {
        matches!(c, 'C' | 'c' | 'С' | 'с')
            && value[i + c.len_utf8()..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit())
    });
    if let Some(a) = start.and_then(|(i, _)| value[i..].parse::<ActionLine>().ok()) {
        s.add_action_line(a);
        return;
    }
    s.notes
        .push(format!("could not read the action line {value:?}"));
}

fn sdgs(s: &mut ImportedSession, value: &str) {
    // "SDG 9 – Industry, Innovation and Infrastructure; SDG 17 – Partnerships": one per semicolon.
    if value.contains(';') {
        for piece in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            sdgs(s, piece);
        }
        return;
    }
    let pieces: Vec<&str> = value.split([',', ';']).map(str::trim).collect();
    let parsed: Vec<Sdg> = pieces.iter().filter_map(|p| p.parse().ok()).collect();
    if pieces.len() > 1 && parsed.len() == pieces.len() {
        parsed.into_iter().for_each(|g| s.add_sdg(g));
        return;
    }
    if let Ok(g) = Sdg::from_str(value) {
        s.add_sdg(g);
        return;
    }
    // A wrapped goal title continues on the next line: only text naming a goal is a miss.
    let lower = value.to_lowercase();
    if lower.contains("goal")
        || lower.contains("sdg")
        || value.starts_with(|c: char| c.is_ascii_digit())
    {
        s.notes.push(format!("could not read the SDG {value:?}"));
    }
}

/// The lines before the first label: title, organizers, date and time, URL.
fn read_header(s: &mut ImportedSession, header: &[&str], cx: &Context) {
    let mut rest = header.iter();
    if s.title.is_empty() {
        match rest.next() {
            Some(t) => s.title = (*t).to_string(),
            None => s
                .notes
                .push("no title found: the file is named after its source".into()),
        }
    }
    for line in rest {
        if line.contains("http://") || line.contains("https://") {
            link(s, line);
        } else if find_date(line).is_some() || find_time(line).is_some() {
            date_time(s, line);
        } else if s.organizers.is_empty() {
            read_value(s, &Field::Organizers, line, cx);
        } else if is_code_line(line) {
            // Read by `codes_anywhere`.
        } else {
            s.notes.push(format!("unrecognised header line {line:?}"));
        }
    }
}

fn link(s: &mut ImportedSession, text: &str) {
    let Some(start) = text.find("https://").or_else(|| text.find("http://")) else {
        return;
    };
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '<' | '"' | ')'))
        .collect();
    let url = url.trim_end_matches(['.', ',']).to_string();
    if !s.links.iter().any(|(_, u)| u == &url) {
        s.links.push(("Session page".into(), url));
    }
}

fn date_time(s: &mut ImportedSession, text: &str) {
    if s.date.is_none() {
        s.date = find_date(text);
    }
    if s.time.is_none() {
        s.time = find_time(text);
    }
    if s.timezone.is_none() {
        s.timezone = find_timezone(text);
    }
}

/// `--event`, else the WSIS Forum of the session URL's year, else a header line.
fn event(s: &mut ImportedSession, cx: &Context, hint: Option<String>) {
    if let Some(e) = &cx.event {
        s.event = Some(e.clone());
        return;
    }
    let from_url = s.links.iter().find_map(|(_, url)| {
        let rest = &url[url.find("/forum/")? + "/forum/".len()..];
        let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (year.len() == 4 && url.contains("wsis")).then(|| {
            // The registry's id when the site has the event, else its name: an id the
            // registry lacks is an error in a session file.
            let id = format!("wsis-forum-{year}");
            if cx.events.iter().any(|e| e.id == id) {
                id
            } else {
                format!("WSIS Forum {year}")
            }
        })
    });
    s.event = from_url.or(hint);
    match &s.event {
        Some(e) => s.notes.push(format!(
            "event {e:?} was guessed from the document: check, or pass --event"
        )),
        None => s.notes.push("no event: pass --event ID".into()),
    }
}

/// Notes for what the template asks for and the document did not say.
fn missing(s: &mut ImportedSession) {
    let checks = [
        (s.date.is_none(), "no date found"),
        (s.time.is_none(), "no time found"),
        (s.moderators.is_empty(), "no moderator found"),
        (s.speakers.is_empty(), "no panellists found"),
        (s.sdgs.is_empty(), "no SDGs found"),
        (s.action_lines.is_empty(), "no WSIS action lines found"),
    ];
    for (is_missing, note) in checks {
        if is_missing {
            s.notes.push(note.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panellist_written_over_two_lines_is_one_person() {
        let text = "Session Outcome Document\n\nTitle\n\nPanellists:\n\nMs. Cristina Bueti\n\
                    Counsellor, ITU, Switzerland\nDr. Ana Lima\nDirector, Anatel, Brazil\n";
        let s = parse(text, &Context::default());
        let names: Vec<&str> = s.speakers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Cristina Bueti", "Ana Lima"]);
        assert_eq!(s.speakers[0].role.as_deref(), Some("Counsellor"));
        assert_eq!(s.speakers[1].country.map(|c| c.iso2()), Some("BR"));
    }

    #[test]
    fn without_known_labels_introductions_and_codes_are_still_found() {
        let text = "Session Outcome Document\n\nTitle\n\nThe people on stage\n\n\
                    - Ms. Ana Lima, Director, Anatel, Brazil\n\
                    - John Smith, CEO, Acme, Kenya\n\
                    - Capacity building, Director of nothing\n\n\
                    Goals we served\n\n- Goal 4: Quality education\n- C7 E-health\n";
        let s = parse(text, &Context::default());
        let names: Vec<&str> = s.speakers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ana Lima", "John Smith"]);
        assert_eq!(s.sdgs.iter().map(|g| g.number()).collect::<Vec<_>>(), [4]);
        assert_eq!(s.action_lines.len(), 1);
    }

    #[test]
    fn action_lines_and_goals_in_lists_and_inline() {
        let mut s = ImportedSession::default();
        action_lines(
            &mut s,
            "С7. ICT applications: benefits in all aspects of life — E-health",
        );
        action_lines(&mut s, "C1, C3");
        action_lines(&mut s, "Action Line C5: Building confidence");
        action_lines(&mut s, "nonsense");
        let codes: Vec<String> = s.action_lines.iter().map(|a| a.label()).collect();
        assert_eq!(codes, ["C7 E-health", "C1", "C3", "C5"]);
        assert_eq!(s.notes.len(), 1);
        sdgs(
            &mut s,
            "Goal 4: Ensure inclusive and equitable quality education",
        );
        sdgs(&mut s, "SDG 3, SDG 5");
        sdgs(&mut s, "opportunities for all");
        sdgs(
            &mut s,
            "SDG 9 – Industry, Innovation and Infrastructure; SDG 17 – Partnerships",
        );
        read_value(&mut s, &Field::Sdgs, "Gоal 9: Build", &Context::default());
        let goals: Vec<u8> = s.sdgs.iter().map(|g| g.number()).collect();
        assert_eq!(goals, [4, 3, 5, 9, 17]);
        assert_eq!(s.notes.len(), 1, "a wrapped title line is no miss");
    }
}
