use super::*;

fn read_text(text: &str) -> (ImportedSession, Findings) {
    let lines = crate::import::lines::read(text);
    read(&lines, &Context::default(), false, true)
}

fn names(f: &Findings) -> Vec<(String, Part)> {
    f.roster
        .members()
        .iter()
        .map(|m| (m.person.name.clone(), m.part))
        .collect()
}

#[test]
fn a_singular_chair_label_ends_where_the_list_changes_form() {
    let (_, f) = read_text(
        "Session Chair:\nAnna Holm, Director of Policy, Orbis Union, Paris, France\n\
         - Ben Okafor, Senior Adviser, Delta Forum, London, UK\n- Cara Voss, Consultant, Nova Institute, Berlin, Germany\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Anna Holm".into(), Part::Moderator),
            ("Ben Okafor".into(), Part::Speaker),
            ("Cara Voss".into(), Part::Speaker)
        ]
    );
}

#[test]
fn a_singular_facilitator_label_ends_where_fields_stop_standing_one_per_line() {
    let (_, f) = read_text(
        "Lead Track Facilitator\nMs. Ines Varga\nSenior Analyst\nNorth Sea Data Office\n\n\
         Ghana – Mr. Kofi Mensah, Director, Office of Digital Services\n\
         Peru – Ms. Rosa Quispe, Adviser, Andean Telecom Board\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Ines Varga".into(), Part::Moderator),
            ("Kofi Mensah".into(), Part::Speaker),
            ("Rosa Quispe".into(), Part::Speaker)
        ]
    );
}

#[test]
fn labels_in_french_and_spanish_and_inline_values() {
    let (_, f) = read_text(
        "- Moderador: Lucía Prado, Coordinadora de Políticas, UIT\n\
         - Palabras de apertura: Martín Ríos, Secretario General Adjunto de la UIT\n\
         Intervenants :\n- Mme Claire Dubois, Directrice, Agence du Numérique, France\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Lucía Prado".into(), Part::Moderator),
            ("Martín Ríos".into(), Part::Speaker),
            ("Claire Dubois".into(), Part::Speaker)
        ]
    );
}

#[test]
fn placeholders_organizers_and_team_fields_are_not_speakers() {
    let (s, f) = read_text(
        "Organizers: Delta Forum; Nova Institute\nModerator and Organizer: Kenji Sato (main), Aiko Mori (sub)\n\
         Moderator: Kenji Sato\nSpeakers: TBD\nKenji Sato\nAiko Mori\nRapporteur\nYuki Tan\n",
    );
    assert_eq!(names(&f), [("Kenji Sato".into(), Part::Moderator)]);
    assert_eq!(s.organizers, ["Delta Forum", "Nova Institute"]);
    assert_eq!(f.placeholders, 1);
}

#[test]
fn unlabelled_lists_of_goals_and_action_lines() {
    let (s, f) = read_text(
        "Some Session\n- C1. The role of governments and all stakeholders\n- С3. Access to information and knowledge\n\
         - C7. ICT applications: benefits in all aspects of life — E-he",
    );
    let lines: Vec<String> = s.action_lines.iter().map(|a| a.label()).collect();
    assert_eq!(lines, ["C1", "C3"]);
    assert_eq!(f.cut_codes.len(), 1);
    let (s, _) = read_text(
        "Goals\n1. No Poverty\n8. Decent Work and Economic Growth\n17. Partnerships for the Goals\n",
    );
    let goals: Vec<u8> = s.sdgs.iter().map(|g| g.number()).collect();
    assert_eq!(goals, [1, 8, 17]);
    let (s, _) = read_text("SDGs:\n4.1\n4.4\n9.c\n17.9\n");
    let goals: Vec<u8> = s.sdgs.iter().map(|g| g.number()).collect();
    assert_eq!(goals, [4, 9, 17]);
}

#[test]
fn affiliation_fields_next_to_a_person_are_theirs() {
    let (_, f) = read_text(
        "Organizational Affiliation: Ministry of Digital Affairs, Japan\nModerator: Kenji Sato\n",
    );
    let m = &f.roster.members()[0];
    assert_eq!(
        m.person.organization.as_deref(),
        Some("Ministry of Digital Affairs")
    );
    assert_eq!(m.person.country.map(|c| c.iso2()), Some("JP"));
}

#[test]
fn report_sections_name_their_speakers_and_quotes_in_news_are_not_speakers() {
    let (_, f) = read_text(
        "Session report\n\nLena Park\n\nThe speaker argued at length that the regional initiatives deserve more support and funding from donors.\n",
    );
    assert_eq!(names(&f), [("Lena Park".into(), Part::Speaker)]);
    let lines = crate::import::lines::read(
        "“We will connect everyone,” said Omar Haddad, Minister of Digital Economy, Jordan, at the launch of the new plan.",
    );
    let (_, f) = read(&lines, &Context::default(), true, true);
    assert!(f.roster.is_empty());
}

#[test]
fn a_title_with_a_label_word_before_its_colon_stays_a_title() {
    let (_, f) = read_text(
        "Lakeside 2031 – High-level policy statements: closing session\n\n3 Mar 2031 15:30h\n",
    );
    assert!(f.first_content.is_none());
    assert_eq!(f.free.first().map(|l| l.index), Some(0));
    // A run of labels on one line is still read label by label.
    let (_, f) =
        read_text("Opening – Moderator: Ana Lima  Panelists: Bo Chen (Gov), Di Das (CS)\n");
    assert_eq!(names(&f).len(), 3);
}

#[test]
fn a_heading_that_ends_in_a_people_label_opens_the_list() {
    let (_, f) = read_text(
        "Part II – Speakers:\nAna Lima, Director, Open Maps Lab, Kenya\nBo Chen, Adviser, Survey Office, Chile\n",
    );
    assert_eq!(names(&f).len(), 2);
}

#[test]
fn a_list_line_that_joins_two_people_gives_both() {
    // Invented programme lines: two people joined by "et", then one "Name, Org" line
    // whose organization reads like a name.
    let (_, f) = read_text(
        "Intervenants :\nAnne Roy (Conseil du Numérique) et Marc Petit (Réseau Ouvert)\n\
         - Lina Castro, Derechos Abiertos\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Anne Roy".into(), Part::Speaker),
            ("Marc Petit".into(), Part::Speaker),
            ("Lina Castro".into(), Part::Speaker)
        ]
    );
}

#[test]
fn input_from_lists_speakers() {
    // Invented agenda item with its contributors run together.
    let (_, f) = read_text(
        "Break-out group: lessons learned\nInput from: Ines Varga, Civic Watch Austria; Tomas Rehn,Open Budget Lab\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Ines Varga".into(), Part::Speaker),
            ("Tomas Rehn".into(), Part::Speaker)
        ]
    );
}

#[test]
fn a_run_of_bare_names_is_a_list_of_people_and_two_names_are_not() {
    let (_, f) = read_text(
        "Mapping the delta\n\nIlse Brandt\n\nOmar Haddad\n\nNadia Petrova tbc\n\n\
         Onsite Moderator:\n\nChidi Okafor\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Ilse Brandt".into(), Part::Speaker),
            ("Omar Haddad".into(), Part::Speaker),
            ("Chidi Okafor".into(), Part::Moderator)
        ]
    );
    // "tbc": listed as to be confirmed, so not a speaker.
    assert_eq!(f.tentative, ["Nadia Petrova"]);
    // Organizations, one a line, are no run of names.
    let (_, f) =
        read_text("Partners\n\nDelta Works Foundation\n\nNova Institute\n\nOrbis University\n");
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn a_sentence_cut_off_at_the_end_of_the_text_is_still_read_as_prose() {
    let (_, f) = read_text(
        "Session report\n\nMs Ilse Brandt (Nordic Institute for Water Data) expounded on flood \
         resilience with a trained workforce: the focus on sensors requires the establishment",
    );
    assert_eq!(names(&f), [("Ilse Brandt".into(), Part::Speaker)]);
}

#[test]
fn a_transcript_turn_without_arrows_names_its_speaker_once_the_text_is_a_transcript() {
    // Invented caption file: the notice, then turns in capitals without ">>".
    let (_, f) = read_text(
        "Harbour Data Dialogue\n\nThe following are the outputs of the real-time captioning taken during the meeting.\n\n\
         ANNA HOLM:  Thank you, Ben. Let me add a few words on the survey we ran last spring in four ports.\n\n\
         BEN OKAFOR: Thanks. We found that most ports publish nothing at all about their data.\n",
    );
    assert_eq!(
        names(&f),
        [
            ("ANNA HOLM".into(), Part::Speaker),
            ("BEN OKAFOR".into(), Part::Speaker)
        ]
    );
    // The same lines in a text that is not a transcript are headings, not turns.
    let (_, f) = read_text(
        "PLEASE NOTE: the room has changed.\n\nSESSION DETAILS: to be announced in May.\n",
    );
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn a_heading_with_digits_or_full_stops_is_not_a_person_of_a_one_field_per_line_list() {
    // Invented speech page: the event's slogan above the quoted session title.
    let (_, f) = read_text(
        "HDW'31: Rethink. Rebuild. Renew.\n\"What are ports doing to share their data?\"\n\n3 May 2031\n",
    );
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn handles_and_a_dash_glued_to_the_name_do_not_hide_the_descriptor() {
    // Invented programme lines with social-media handles.
    let (_, f) = read_text(
        "Moderated by: Heather Lane- Public Policy, Portflare @heatherlane\n\n\
         - Tom Reed – Ph.D. Candidate, University of Tartu @tomreed\n\
         - Greg Hill – Director of News, The Daily Port @GHill\n",
    );
    let got: Vec<(String, Option<String>, Option<String>)> = f
        .roster
        .members()
        .iter()
        .map(|m| {
            (
                m.person.name.clone(),
                m.person.role.clone(),
                m.person.organization.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Heather Lane".into(),
                Some("Public Policy".into()),
                Some("Portflare".into())
            ),
            (
                "Tom Reed".into(),
                Some("Ph.D. Candidate".into()),
                Some("University of Tartu".into())
            ),
            (
                "Greg Hill".into(),
                Some("Director of News".into()),
                Some("The Daily Port".into())
            ),
        ]
    );
}

#[test]
fn a_label_followed_by_who_gives_it_is_still_the_label() {
    let (_, f) = read_text(
        "- Welcome Remarks by the Harbour Organizers:  Dr. Susan Amos, Shane Toll, David Vorst\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Susan Amos".into(), Part::Speaker),
            ("Shane Toll".into(), Part::Speaker),
            ("David Vorst".into(), Part::Speaker)
        ]
    );
}

#[test]
fn an_outline_heading_ending_in_a_people_label_opens_that_list() {
    // Invented listing: the heading, then one field per line.
    let (_, f) = read_text(
        "Harbour Talks\n\nI - INTRODUCTION - Co-moderators\n  • Mona Salem\n    Director of Coordination at the National Ports Authority of Egypt\n  • Hans Gruber\n    Executive Secretary of the Harbour Committee\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Mona Salem".into(), Part::Moderator),
            ("Hans Gruber".into(), Part::Moderator)
        ]
    );
}

#[test]
fn a_list_in_a_sentence_ends_with_the_sentence() {
    let (_, f) = read_text(
        "Featured speakers in her session included H.E. Carlos Vidal, Secretary of State for Ports; Ajay Mehta, Chairman of the Maritime Commission; and Sam Okoro, CEO of operator Portcom. Their contributions were followed by a Q&A with the audience.\n",
    );
    let okoro = f
        .roster
        .members()
        .iter()
        .find(|m| m.person.name == "Sam Okoro")
        .expect("Sam Okoro");
    assert_eq!(
        okoro.person.role.as_deref(),
        Some("CEO of operator Portcom")
    );
}

#[test]
fn a_media_advisorys_who_sentence_names_its_speakers() {
    let (_, f) = read_text(
        "Media Advisory\n\nHarbour Forum to open with ministers\n\n\
         WHAT: Opening of the Harbour Forum.\n\n\
         WHO: Ana Lima, Secretary-General of the Harbour Union, will open the Forum, together with H.E. Mr. Bo Chen, Minister of Rivers of Chile, and Ms. Eve Stone, Youth Envoy of the Delta Network.\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Ana Lima".into(), Part::Speaker),
            ("Bo Chen".into(), Part::Speaker),
            ("Eve Stone".into(), Part::Speaker)
        ]
    );
}

#[test]
fn in_a_press_item_the_paragraphs_under_who_name_speakers_up_to_the_next_label() {
    let text = "WHO: Harbour Union Secretary-General Ana Lima will outline the week.\n\n\
         Forum Chair H.E. Mr. Bo Chen, Deputy Director, Rivers Authority, Chile will give his view on the process.\n\n\
         Eve Stone, Lead Coordinator, will be available to answer questions from the media.\n\n\
         WHAT: A press conference. Afterwards Dan Roe, Director, Delta Labs, said the week went well.\n";
    let lines = crate::import::lines::read(text);
    let (_, f) = read(&lines, &Context::default(), true, true);
    let got: Vec<String> = names(&f).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["Ana Lima", "Bo Chen", "Eve Stone"]);
}

#[test]
fn a_listed_person_whose_role_is_a_label_word_is_a_person() {
    let (_, f) = read_text(
        "Open Mic\n\n  • Ana Lima, Director, Find Out Why\n  • Bo Chen, Chair, Harbour Board\n  • Eve Stone, Moderator, Delta Labs\n",
    );
    let got: Vec<String> = names(&f).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["Ana Lima", "Bo Chen", "Eve Stone"]);
    assert!(crate::import::labels::label("Moderator & Chair").is_some());
}

#[test]
fn numbered_speaker_fields_keep_a_lower_case_given_name_and_stop_at_the_next_field() {
    let (_, f) = read_text(
        "Speaker 1: Ana Lima, Government, African Group\nSpeaker 2: bo Chen, Civil Society, Asia-Pacific Group\n\
         Speaker 3: Eve Stone, Intergovernmental Organization, Intergovernmental Organization\nDuration (minutes): 90\n",
    );
    let got: Vec<(String, Option<String>)> = (f.roster.members().iter())
        .map(|m| (m.person.name.clone(), m.person.organization.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ana Lima".into(), None),
            ("bo Chen".into(), None),
            ("Eve Stone".into(), None)
        ]
    );
}

#[test]
fn a_transcripts_chair_and_co_moderators_are_moderators() {
    let (_, f) = read_text(
        "The following are the outputs of the real-time captioning taken during the Harbour Forum.\n\n\
         >> CHAIRMAN: Good afternoon. My name is Ana Lima from the Harbour Institute. Welcome.\n\n\
         >> BO CHEN: Thank you. This session is co-moderated together by myself and Eve Stone, who will speak later.\n\n\
         >> DAN ROE: I'll be comoderating this with my colleague, Kai Moss. Let us start.\n\n\
         >> LEE PARK: Thank you for having me.\n",
    );
    let moderators: Vec<String> = (f.roster.members().iter())
        .filter(|m| m.part == Part::Moderator)
        .map(|m| m.person.name.to_lowercase())
        .collect();
    assert_eq!(
        moderators,
        ["ana lima", "eve stone", "bo chen", "kai moss", "dan roe"]
    );
    assert!(
        (f.roster.members().iter()).any(|m| m.person.name == "LEE PARK" && m.part == Part::Speaker)
    );
}

#[test]
fn older_captioning_names_turns_as_names_and_its_chair_by_role() {
    let (_, f) = read_text(
        "The following is the output of the real-time captioning taken during the Harbour Forum.\n\n\
         Ana Lima:  Good morning, ladies and gentlemen, we are about to start our last session.\n\n\
         CHAIR:  Thank you very much. My name is Bo Chen and I welcome you to Porto Nuevo.\n\n\
         Session Chair: Eve Stone\n",
    );
    let got: Vec<(String, Part)> = names(&f);
    assert_eq!(
        got,
        [
            ("Ana Lima".into(), Part::Speaker),
            ("Bo Chen".into(), Part::Moderator),
            ("Eve Stone".into(), Part::Moderator)
        ]
    );
}

#[test]
fn a_speaker_list_whose_heading_was_lost_and_parts_set_apart_read_as_people() {
    // Invented: an IGF-style list with stakeholder groups and regions, then parts on
    // lines of their own above the people they head.
    let (_, f) = read_text(
        "Open Networks for Rural Schools\n\n\
         Ann Lee - Delta Forum, Intergovernmental Organization Africa\n\
         Bo Chen - Institute of Media, Civil Society Asia-Pacific (APAC)\n\
         Carla Diaz - Acme Networks, Technical Community, Africa (Nigeria)\n\n\
         Onsite Moderator\n\nEva Novak\n\nOnline Moderator\n\nFemi Ade\n",
    );
    assert_eq!(
        names(&f),
        [
            ("Ann Lee".into(), Part::Speaker),
            ("Bo Chen".into(), Part::Speaker),
            ("Carla Diaz".into(), Part::Speaker),
            ("Eva Novak".into(), Part::Moderator),
            ("Femi Ade".into(), Part::Moderator)
        ]
    );
    let carla = &f.roster.members()[2].person;
    assert_eq!(carla.organization.as_deref(), Some("Acme Networks"));
    assert_eq!(carla.country.map(|c| c.iso2()), Some("NG"));
    let ann = &f.roster.members()[0].person;
    assert_eq!(
        (ann.role.as_deref(), ann.organization.as_deref()),
        (None, Some("Delta Forum"))
    );
}

#[test]
fn two_described_lines_are_no_list_without_a_heading() {
    let (_, f) = read_text(
        "Open Networks for Rural Schools\n\n\
         Ann Lee - Delta Forum, Intergovernmental Organization Africa\n\
         Bo Chen - Institute of Media, Civil Society Asia-Pacific (APAC)\n",
    );
    assert!(names(&f).is_empty());
}
