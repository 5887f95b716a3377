use super::*;
use crate::import::lines::read;

fn titles(text: &str) -> Vec<Option<String>> {
    let lines = read(text);
    split(&lines)
        .segments
        .into_iter()
        .map(|s| s.title)
        .collect()
}

#[test]
fn time_slots_split_a_programme_and_breaks_are_dropped() {
    assert!(is_break("Coffee break"));
    assert!(is_break("Lunch"));
    assert!(!is_break("Breakthrough Teams"));
    let text = "Programme\n\n10.30 – 11.00: Opening and Setting the Scene\nWhy we meet.\n\
                Moderator: Ana Lima  Panelists: Bo Chen (Gov), Di Das (CS)\n\n\
                11.00 – 11.15: Coffee break\n\n\
                11.15 – 12.30: Next steps and closing\nModerator: Eve Adams\n";
    assert_eq!(
        titles(text),
        [
            Some("Opening and Setting the Scene".to_string()),
            Some("Next steps and closing".to_string())
        ]
    );
    assert_eq!(
        after_time("10:00 - 10:45Opening Keynotes"),
        Some("Opening Keynotes")
    );
}

#[test]
fn a_bare_session_type_in_a_slot_is_a_session_and_a_date_line_is_no_slot() {
    let text = "Tuesday, 4 March 2031
08.30-09.00 Badge collection
                09.00-09.45 Opening ceremony
The meeting is opened by the hosts of this year and the chair.
                09.45-10.15 Tea break
                10.15-12.00 Measuring rural access with open data
This panel will compare three national surveys of rural access.
";
    assert_eq!(
        titles(text),
        [
            Some("Opening ceremony".to_string()),
            Some("Measuring rural access with open data".to_string())
        ]
    );
    assert_eq!(after_time("7 May 2031 @ 9:30 AM - 11:00 AM UTC-5"), None);
    assert_eq!(
        after_time("9:30 AM – 11:00 AM EDT Toronto | 15:30 – 17:00 CEST Lyon"),
        None
    );
    // A webinar's own agenda inside the time its date line gives stays one session.
    let webinar = "Third Lakeside Webinar on Open Maps

7 May 2031 @ 9:30 AM - 11:00 AM UTC-5

                   9:30     Welcome Remarks
  • Ana Lima (Chair of the Lakeside Circle)

                   9:40     Panel 1: Maps for Everyone
Moderator: Bo Chen, Director, Open Maps Lab
";
    assert_eq!(titles(webinar).len(), 1);
}

#[test]
fn titles_followed_by_their_time_split_a_list_of_sessions() {
    let text = "8 July 2025\nShaping Our Commons:\nVoices from the South\n9:00-9:45 AM CEST\n\
                Venue: Room F\nSpeakers:\n- Ana Lima, Org A\n\
                Planet First in Digital Policy\n10:00-11:00 AM CEST\nVenue: Room K\n\
                Our director Bo Chen, will speak at this session about many things.\n";
    assert_eq!(
        titles(text),
        [
            Some("Shaping Our Commons: Voices from the South".to_string()),
            Some("Planet First in Digital Policy".to_string())
        ]
    );
}

#[test]
fn a_sessions_own_agenda_is_not_split() {
    let text = "Opening Session\nSession 139\nMonday, 30 May 2022 09:00–10:00\n\
                09:00–09:10 Welcome by the host and opening of the day\nMr. A B, Director\n\
                09:10–09:50 Panel on the state of play in the region\nMs. C D, Minister\n";
    assert_eq!(split(&read(text)).segments.len(), 1);
}

#[test]
fn a_slot_named_by_its_session_type_is_a_session_without_a_description() {
    let text = "Monday 3 May 2021\n09.00-10.00 Opening ceremony\n10.00-10.30 Coffee break\n\
                10.30-12.00 Water data in practice\nModerator: Dr Ana Lima, Head, Harbour Lab\n\
                14.00-15.30 Measuring rivers\nThis session will show how the rivers of the region are measured every day.\n";
    assert_eq!(
        titles(text),
        [
            Some("Opening ceremony".to_string()),
            Some("Water data in practice".to_string()),
            Some("Measuring rivers".to_string())
        ]
    );
}

#[test]
fn a_french_programme_splits_at_hours_written_with_h() {
    // Invented programme: bare hours ("9h"), a one-word item, a slot whose title
    // names its speaker, and a slot holding a workshop.
    let text = "Programme de la journée\n\
                9h – 9h20 : Introduction\nAline Moreau (Agence Régionale) et Paul Vidal (Réseau Sud)\n\
                9h20 – 10h30 : Les réseaux communautaires en zone rurale\nIntervenants :\n\
                Léa Martin, Directrice, Fondation Village Connecté\n\
                10h30 – 11h : Synthèse de la matinée par Hugo Lambert\n\
                14h – 15h30 : Forum des territoires\nAtelier « Données ouvertes »\n";
    assert_eq!(
        titles(text),
        [
            Some("Introduction".to_string()),
            Some("Les réseaux communautaires en zone rurale".to_string()),
            Some("Synthèse de la matinée par Hugo Lambert".to_string()),
            Some("Forum des territoires".to_string()),
        ]
    );
}

#[test]
fn a_listing_of_titles_above_their_times_keeps_sessions_with_nothing_under_them() {
    let text = "Tuesday, March 8\n\n\
                Harbour Summit 2033 Opening Ceremony\n\
                Tuesday March 8, 2033 10:00 - 10:30 GMT+01\n\
                -Main Hall\n\n\
                Lightning Talk #4 Rivers of Data\n\
                Tuesday March 8, 2033 11:00 - 11:30 GMT+01\n\
                A short talk on how river basins share their measurements with the towns along them.\n\n\
                Lunch Break\n\
                Tuesday March 8, 2033 12:00 - 13:00 GMT+01\n";
    assert_eq!(
        titles(text),
        [
            Some("Harbour Summit 2033 Opening Ceremony".to_string()),
            Some("Lightning Talk #4 Rivers of Data".to_string())
        ]
    );
}

#[test]
fn a_slot_cut_off_at_the_end_of_the_text_is_a_session_a_slot_before_it_without_people_is_not() {
    let text = "Day one\n\n10:00 – 10:30\n\nRivers and cities\n\nModerator: Ana Lima, Delta Union\n\n\
                10:30 – 10:45\n\nFlag raising\n\n\
                11:00 – 12:00\n\nRiver data for all\n\nModerator: Bo Chen, Lake Office\n\n\
                12:30 – 14:00\n\nSection 2. Open wat";
    let got = titles(text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].as_deref(), Some("Section 2. Open wat"));
}
