use super::*;

fn free(lines: &[&str]) -> Vec<Free> {
    lines
        .iter()
        .enumerate()
        .map(|(index, t)| Free {
            index,
            text: t.to_string(),
            gap: 0,
        })
        .collect()
}

#[test]
fn the_title_is_the_first_line_that_reads_as_one() {
    let f = free(&[
        "Image of a World Map Home - WSIS Forum 2010",
        "image: squares decoration HIGH LEVEL PLENARY SESSION",
        "High Level Plenary Session",
        "Turning Targets into action",
        "Monday 10 May 2010, 10:30-12:00",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Turning Targets into action")
    );
    let f = free(&[
        "Posted by: APO | 10 April 2008",
        "ITU TELECOM AFRICA 2008 Forum Session focus on",
        "WSIS Commitments: where do we stand now?",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some(
            "ITU TELECOM AFRICA 2008 Forum Session focus on WSIS Commitments: where do we stand now?"
        )
    );
    let f = free(&[
        "Welcome to IGF2017! Create your schedule",
        "Venue Map",
        "Monday, December 18",
        "09:00 CET",
        "Data governance and policy: Developing a curriculum (WS186)",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Data governance and policy: Developing a curriculum")
    );
    let f = free(&[
        "Hi",
        "Cheers,",
        "Bill",
        "WSIS Forum 2012 Workshop",
        "9:00-10:45, Thursday 17 May 2012",
        "Global Internet Governance for Development",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Global Internet Governance for Development")
    );
}

#[test]
fn navigation_above_the_title_is_skipped() {
    let f = free(&[
        "Go Top",
        "Committed to connecting the world",
        "Newsroom • Press release",
        "Issue 3 2031 > Lakeside Forum 2031",
        "You are here",
        "Rivers of data: who owns the measurements",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Rivers of data: who owns the measurements")
    );
    assert!(!is_title("12 views"));
    assert!(!is_title("This event has passed."));
}

#[test]
fn a_bare_session_type_is_the_title_when_nothing_else_is() {
    let f = free(&["Official opening segment", "3 Feb 2031 09:00h"]);
    assert_eq!(title(&f, 99).as_deref(), Some("Official opening segment"));
    // With a title of its own after it, the type heading is not the title.
    let f = free(&["Ministerial round table", "Open data for river basins"]);
    assert_eq!(title(&f, 99).as_deref(), Some("Open data for river basins"));
}

#[test]
fn a_heading_above_its_date_line_is_the_title_after_a_sites_labels() {
    let mut f = free(&[
        "docs site · upload",
        "River Basin Sessions: Closing Session",
        "Friday 4 May 2031 Room 2",
    ]);
    f[1].index = 7;
    f[2].index = 8;
    assert_eq!(
        title(&f, 5).as_deref(),
        Some("River Basin Sessions: Closing Session")
    );
}

#[test]
fn an_opening_sentence_or_a_todays_dateline_dates_a_report() {
    let f = free(&["On 9 March 2031, ministers met to compare their plans."]);
    let (day, _, _) = date(&f, false).expect("date");
    assert_eq!(day.date(None), jiff::civil::Date::new(2031, 3, 9).ok());
    let f = free(&[
        "Lakeside, 9 March 2031 – The forum opened this morning with ministers from twelve countries and many guests.",
    ]);
    assert!(date(&f, true).is_none());
    assert!(reports_today("The forum opened this morning"));
    assert!(date(&f, false).is_some());
}

#[test]
fn a_dateline_whose_day_the_story_names_again_is_the_sessions() {
    let f = free(&[
        "march 9, 2031",
        "Con cientos de asistentes, este lunes 9 de marzo comenzaron los trabajos de la escuela.",
    ]);
    assert!(dateline_recurs(&f));
    let f = free(&[
        "march 9, 2031",
        "The school, which opens on 12 March, expects hundreds of students this year.",
    ]);
    assert!(!dateline_recurs(&f));
}

#[test]
fn titles_lose_rooms_times_numbers_and_event_suffixes() {
    assert_eq!(
        clean("IGF 2031 WS #12 Rivers and Data: Shared Lessons"),
        "Rivers and Data: Shared Lessons"
    );
    assert_eq!(
        clean("Twenty years of river data.rtf"),
        "Twenty years of river data"
    );
    // The event stays where no session number follows it.
    assert_eq!(
        clean("IGF 2031 Side Meeting: Rivers"),
        "IGF 2031 Side Meeting: Rivers"
    );
    assert_eq!(
        clean(
            "Main Hall - 9:30-12:30 (3 Hours) - Focus Session (Access/Diversity): Internet as an engine for growth"
        ),
        "Focus Session (Access/Diversity): Internet as an engine for growth"
    );
    assert_eq!(
        clean("NRIs Coordination Session | IGF 2023"),
        "NRIs Coordination Session"
    );
    assert_eq!(
        clean("Main Session | Policy Network on Internet Fragmentation"),
        "Policy Network on Internet Fragmentation"
    );
    assert_eq!(
        clean("WS #51 Internet & SDGs: Aligning the Agendas"),
        "Internet & SDGs: Aligning the Agendas"
    );
    // A title wholly in quotes loses them; a quote inside a title stays.
    assert_eq!(
        clean("\"Rivers of data – one basin, many views?\""),
        "Rivers of data – one basin, many views?"
    );
    assert_eq!(
        clean("The “open” river: data for all"),
        "The “open” river: data for all"
    );
    assert_eq!(clean("Why basins matter (Saal Ost)"), "Why basins matter");
    // A transcript's heading: the event, its day, the room and the session's code go.
    assert_eq!(
        clean("IGF 2031 – Day 3 – Convention Hall II – DC – Rivers of data for all"),
        "Rivers of data for all"
    );
    assert_eq!(
        clean("IGF 2031 – Day 0 – Event #59 River Basins Coordination Session – RAW"),
        "River Basins Coordination Session"
    );
    assert_eq!(
        clean("OF #33 Rivers of data for all"),
        "Rivers of data for all"
    );
    // An event and a page's heading in two parts name a page: they stay as written.
    assert_eq!(
        clean("WSIS Forum 2031 – Outcome Document"),
        "WSIS Forum 2031 – Outcome Document"
    );
    // Two parts of a title of its own stay.
    assert_eq!(
        clean("Official Opening Segment – Opening Ceremony"),
        "Official Opening Segment – Opening Ceremony"
    );
    assert!(is_generic("High Level Plenary Session"));
    assert!(is_generic("WSIS Forum 2012 Workshop"));
    assert!(!is_generic("WSIS Forum 2016 Official Opening Ceremony"));
    assert!(is_generic("Official Opening Ceremony"));
}

#[test]
fn the_date_comes_from_a_date_line_not_a_deadline() {
    let f = free(&[
        "Geneva, 10 April 2008",
        "Tuesday, 13 May 2008, 9:00 − 10:30",
        "Deadline for requests: 15 June 2010",
    ]);
    let (day, time, _) = date(&f, false).expect("date");
    assert_eq!(day.date(None), jiff::civil::Date::new(2008, 5, 13).ok());
    assert_eq!(time.as_deref(), Some("09:00-10:30"));
    assert!(date(&free(&["Deadline for requests: 15 June 2010"]), false).is_none());
}

#[test]
fn logos_menu_cells_numbers_and_wrapped_sentences_are_no_titles() {
    let f = free(&[
        "Logo Forum Harbour Data Week",
        "| download pdf",
        "٣ يونيو ٢٠٢١",
        "12 / 06 / 2021",
        "Harbour data week opens its doors",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Harbour data week opens its doors")
    );
    // The second line of a hard-wrapped sentence is no heading.
    let f = free(&[
        "The week is a meeting of the data community organised, according to the",
        "Harbour Institute (HI), the host and organiser of the week.",
    ]);
    assert_eq!(title(&f, 99), None);
    // A qualifier and a small number name a session; a bare number or a year does not.
    assert_eq!(
        title(&free(&["Main Session 3"]), 99).as_deref(),
        Some("Main Session 3")
    );
    assert_eq!(title(&free(&["Session 251"]), 99), None);
    assert_eq!(title(&free(&["WSIS Forum 2015"]), 99), None);
}

#[test]
fn slogans_form_fields_and_datelines_are_not_titles() {
    // Invented page tops: a banner slogan with a hashtag, a form field, a place and date.
    let f = free(&[
        "Connecting Every Village #Bandwidth4All",
        "Objectif : rapprocher les acteurs du numérique",
        "Time: 2-3.30pm CEST",
        "Rivermouth - 12 mars (9h-10h30)",
        "Community networks after the storm",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Community networks after the storm")
    );
    // A workshop number is not a hashtag.
    assert!(is_title(
        "Open Forum #33 Community networks after the storm"
    ));
    // " date 2031-01-05 Date: 7 March 2031": the labelled date is the session's.
    let f = free(&[" date 2031-01-05 Date: 7 March 2031"]);
    let (d, _, _) = date(&f, false).expect("date");
    assert_eq!((d.year, d.month, d.day), (Some(2031), 3, 7));
}

#[test]
fn a_heading_printed_twice_is_the_title_not_the_banner_above_it() {
    let f = free(&[
        "Lakeside Union at 75 years",
        "Connecting rivers and beyond",
        "River Forum 2031 - Concluding Session: Outcomes since January",
        "Opening Remarks by Ilse Brandt, Deputy Secretary-General",
        "River Forum 2031 - Concluding Session: Outcomes since January",
        "19 April 2031",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("River Forum 2031 - Concluding Session: Outcomes since January")
    );
    // The byline is content: the second printing may come after it.
    assert_eq!(
        title(&f, 3).as_deref(),
        Some("River Forum 2031 - Concluding Session: Outcomes since January")
    );
}

#[test]
fn an_events_name_and_year_is_its_pages_banner_not_the_title() {
    let f = free(&[
        "Lakeside Digital Week 2031",
        "Roundtable - Rivers of data: services driving change",
        "Forum session",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Roundtable - Rivers of data: services driving change")
    );
    assert!(is_title("Rivers of data at the Lakeside Forum"));
}

#[test]
fn a_sentence_saying_when_the_session_was_held_outranks_a_posting_date() {
    // Invented coverage page: the posting date stands alone above the report.
    let f = free(&[
        "Harbour Forum 2031",
        "3 June 2031",
        "The Award Ceremony was held on 21 May 2031 during the Harbour Forum 2031, in Oslo, Norway.",
    ]);
    let (day, _, _) = date(&f, false).expect("a date");
    assert_eq!((day.day, day.month, day.year), (21, 5, Some(2031)));
    // A range of days is the forum's, not a session's date.
    let f = free(&[
        "3 June 2031",
        "The Harbour Forum was held on 20-24 May 2031 in Oslo.",
    ]);
    let (day, _, _) = date(&f, false).expect("a date");
    assert_eq!((day.day, day.month), (3, 6));
}

#[test]
fn a_line_opening_with_a_whole_date_is_a_date_line() {
    // Invented transcript header: the date, then the session type and the venue.
    let f = free(&[
        "River Basins IGF",
        "16 October 2031 - A Workshop on Regional Initiatives in Tartu, Estonia",
        "Note: the following is the output of the captioning.",
    ]);
    let (day, _, _) = date(&f, false).expect("a date");
    assert_eq!((day.day, day.month, day.year), (16, 10, Some(2031)));
}

#[test]
fn a_generic_heading_gives_way_to_the_title_stated_in_prose() {
    // Invented session page: a type heading, then the title in running text.
    assert!(is_generic("IGF 2031 High-Level Leaders Session II"));
    let f = free(&[
        "IGF 2031 High-Level Leaders Session II",
        "This second session of the leaders track, titled Clean, Cheap & Shared Ports, will look at how ports share data with their cities and what it costs them.",
    ]);
    assert_eq!(
        prose_title(&f).as_deref(),
        Some("Clean, Cheap & Shared Ports")
    );
    let f = free(&[
        "Round Table III",
        "The Round Table III on the theme “From Plans to Harbours” took place on 3 May 2031 in Bergen.",
    ]);
    assert_eq!(prose_title(&f).as_deref(), Some("From Plans to Harbours"));
    // A heading above a long body paragraph is the title; the body's cut last line is not.
    let f = free(&[
        "Harbour Forum 2031 Focus Session",
        "The ports of the north have shared their data for ten years now, and the session looks at what that has brought to the towns around them, the shipping lines and the people who work in both of them.",
        "As the data commons grows, simply publishing more",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Harbour Forum 2031 Focus Session")
    );
}

#[test]
fn banners_and_document_types_are_not_titles() {
    for banner in [
        "ITU's 160 anniversary",
        "Media Advisory",
        "Celebrating 20 years of WSIS",
    ] {
        assert!(!is_title(banner), "{banner}");
    }
    let f = free(&[
        "Harbour Union's 75 anniversary",
        "Media Advisory",
        "Ports and people in the data age",
        "Geneva, 3 May 2031",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Ports and people in the data age")
    );
}

#[test]
fn a_when_line_with_its_room_and_services_run_on_is_no_title() {
    let f = free(&[
        "Closing Plenary - Closing Ceremony",
        "Session 902",
        "1  Document",
        "16:00–17:30, Friday, 4 March 2033 Hall B, Harbour Centre Captioning Interpretation: E/F Closing Ceremony",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Closing Plenary - Closing Ceremony")
    );
}

#[test]
fn a_title_may_hold_one_word_of_a_sentence() {
    assert_eq!(
        title(
            &free(&[
                "How can rivers help towns reach their water goals",
                "3 May 2033"
            ]),
            99
        )
        .as_deref(),
        Some("How can rivers help towns reach their water goals")
    );
    // A line that opens like a sentence, or holds several of its words, is none.
    assert_eq!(
        title(
            &free(&["This will be a moderated session with the river towns"]),
            99
        ),
        None
    );
}
#[test]
fn a_date_field_is_no_title_and_capacity_building_is_no_venue() {
    let f = free(&[
        "Day 0 Capacity Building Program",
        "Date: 27 September 2033 (Monday)",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Day 0 Capacity Building Program")
    );
    assert_eq!(
        title(&free(&["Date: 27 September 2033 (Monday)"]), 99),
        None
    );
}

#[test]
fn mottos_and_captions_printed_twice_are_not_titles_but_a_panels_question_is() {
    let f = free(&[
        "HDC'31: Meet. Mend. Move.",
        "HDC'31: Meet. Mend. Move.",
        "\"What are river agencies doing to make sure the levees are ready for the floods ?\"",
        "18 January 2031",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("What are river agencies doing to make sure the levees are ready for the floods ?")
    );
    let f = free(&[
        "Harbour Week closes with rivers in focus",
        "Visitors try the new flood maps at the Harbour Week stand on Thursday",
        "Visitors try the new flood maps at the Harbour Week stand on Thursday",
    ]);
    assert_eq!(
        title(&f, 99).as_deref(),
        Some("Harbour Week closes with rivers in focus")
    );
}

#[test]
fn a_weekdays_date_with_a_time_in_a_long_sentence_dates_the_session() {
    let f = free(&[
        "Lakeside, 14 March 2031",
        "A press conference on the activities, sessions and media opportunities of the Harbour Forum 2031 has been organized for immediately after the official Opening Ceremony on Tuesday, 18 March, 11:30 AM -12:15 PM, Room 18 at the Lakeside Centre.",
    ]);
    let (day, time, _) = date(&f, true).expect("date");
    assert_eq!((day.month, day.day), (3, 18));
    assert_eq!(time.as_deref(), Some("11:30-12:15"));
}

#[test]
fn a_press_release_s_headline_comes_after_its_genre_line_and_contacts() {
    // Invented.
    let f = free(&[
        "Acme Union Home Page English | Français | Español",
        "Home : Newsroom : Press Releases",
        "Press Release",
        "For immediate release",
        "Telephone: +41 22 000 0000",
        "Lakeside Week closes with a call for open networks",
    ]);
    assert_eq!(
        title(&f, 4).as_deref(),
        Some("Lakeside Week closes with a call for open networks")
    );
}

#[test]
fn a_chinese_headline_is_a_title_and_a_sentence_is_not() {
    assert!(is_title("2030年湖畔论坛:开放网络促进可持续发展"));
    assert!(!is_title("论坛将自六月起每周举办公开在线会议。"));
    assert!(!is_title("湖畔"));
}

#[test]
fn a_long_heading_in_title_case_is_a_title_though_it_holds_verbs() {
    assert!(is_title(
        "Why Rivers Matter and What You Should Know About Them"
    ));
    assert!(!is_title(
        "We should know what you think about rivers and their banks"
    ));
}

#[test]
fn a_menu_bar_of_links_is_no_title() {
    assert!(!is_title("首页|论坛|社区|客户端|邮箱 某网"));
    assert!(!is_title("Home | News | Events | Contact"));
    assert!(is_title("Open Data | Rivers and Cities"));
    assert!(!is_title("某某大学新闻与传播研究所"));
    assert!(!is_title("您所在的位置: 首页 >>重点推荐"));
}

#[test]
fn a_sentence_with_its_full_stop_is_no_title_in_any_language() {
    assert!(!is_title(
        "Председатель конференции Ана Лима утвердил повестку дня."
    ));
    assert!(is_title("Председатель конференции и повестка дня"));
}

#[test]
fn an_advisory_s_session_is_the_briefing_it_announces() {
    // Invented.
    let f = free(&[
        "Media Advisory",
        "Open networks set to lead Lakeside Week 2031, Lakeside, 3-7 May 2031",
        "Press Conference – Lakeside Week 2031",
        "Lakeside, 1 May 2031",
    ]);
    assert_eq!(
        title(&f, 9).as_deref(),
        Some("Press Conference – Lakeside Week 2031")
    );
}
