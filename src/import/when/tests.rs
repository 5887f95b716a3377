use super::*;

fn d(y: i16, m: i8, day: i8) -> Option<Date> {
    Date::new(y, m, day).ok()
}

#[test]
fn a_range_of_days_is_no_session_date() {
    assert!(spans_days(
        "Between Oct. 29, 2006 and November 3, 2006, the city hosts"
    ));
    assert!(spans_days("held in Athens, October 30- November 2, 2006"));
    assert!(spans_days("du 10 au 12 décembre 2003"));
    assert!(spans_days("10–14 May 2010"));
    assert!(!spans_days("Monday, 10 May 2010, 10:30-12:00"));
    assert!(!spans_days(
        "Sunday, 8th October, 2023 (04:45 UTC) - Sunday, 8th October, 2023"
    ));
    assert!(!spans_days("Goal 3 and 4"));
}

#[test]
fn a_day_without_its_year_takes_the_texts_year_that_fits_its_weekday() {
    let day = find_day("Tuesday, 20 March").expect("a day");
    // 20 March was a Tuesday in 2018, not in 2017 or 2019.
    assert_eq!(
        year_in_text(day, "Geneva, 14 March 2018. Also in 2017 and 2019."),
        Some(2018)
    );
    // No year fits, or two do: no guess.
    assert_eq!(year_in_text(day, "In 2019 and 2020."), None);
    let plain = find_day("20 March").expect("a day");
    assert_eq!(year_in_text(plain, "Geneva, 14 March 2018"), Some(2018));
    assert_eq!(year_in_text(plain, "2017 and 2018"), None);
    assert_eq!(year_in_text(plain, "no year at all"), None);
}

#[test]
fn dates_in_the_usual_spellings() {
    assert_eq!(
        find_date("30th May 2024: 10:00-10:45 (UTC+02:00)"),
        d(2024, 5, 30)
    );
    // Russian, Portuguese, Chinese.
    assert_eq!(find_date("7 апреля 2025 года в Москве"), d(2025, 4, 7));
    assert_eq!(
        find_date("quinta-feira, 12 de março de 2026"),
        d(2026, 3, 12)
    );
    assert_eq!(find_date("会议于2025年4月7日在北京举行"), d(2025, 4, 7));
    assert_eq!(find_date("20161022日,论坛在北京举办"), d(2016, 10, 22));
    assert_eq!(find_date("编号12345678日"), None);
    assert_eq!(
        find_day("4月7日").map(|d| (d.month, d.day, d.year)),
        Some((4, 7, None))
    );
    assert!(find_day("第3月").is_none());
    assert_eq!(find_date("Date: 8 July 2025"), d(2025, 7, 8));
    assert_eq!(find_date("May 30, 2024"), d(2024, 5, 30));
    assert_eq!(find_date("2024-05-30"), d(2024, 5, 30));
    assert_eq!(find_date("30/05/2024"), d(2024, 5, 30));
    assert_eq!(find_date("15-05-2009 (Paris)"), d(2009, 5, 15));
    assert_eq!(find_date("10.05.2010"), d(2010, 5, 10));
    assert_eq!(find_date("Friday, 12 April 2019"), d(2019, 4, 12));
    assert_eq!(find_date("Thursday, 15 February 2024"), d(2024, 2, 15));
    assert_eq!(
        find_date("Tuesday, 17th November, 2020 (17:20 UTC)"),
        d(2020, 11, 17)
    );
    assert_eq!(
        find_date("14:45–16:00, Friday, 12 April 2019"),
        d(2019, 4, 12)
    );
    assert_eq!(
        find_date("Sunday December 15, 2024 09:30 - 10:30 GMT+03"),
        d(2024, 12, 15)
    );
    assert_eq!(find_date("8 de julio de 2025"), d(2025, 7, 8));
    assert_eq!(find_date("jeudi 17 mai 2012"), d(2012, 5, 17));
    assert_eq!(find_date("20 Mar 2018 09:00h - 13:00h"), d(2018, 3, 20));
    assert_eq!(find_date("Mayor of 2024"), None);
    assert_eq!(find_date("9th of April 2019"), d(2019, 4, 9));
    assert_eq!(find_date("2019/04/09"), d(2019, 4, 9));
    assert_eq!(find_date("9-Apr-2019, Room 2"), d(2019, 4, 9));
    assert_eq!(
        find_time("7 May 2031 @ 9:30 AM - 12:00 PM UTC-5").as_deref(),
        Some("09:30-12:00")
    );
    assert_eq!(find_time("2:00 - 3:30 PM").as_deref(), Some("14:00-15:30"));
    let day = find_day("Monday, December 18").expect("day");
    assert_eq!(day.year, None);
    assert_eq!(day.date(Some(2017)), d(2017, 12, 18));
    assert_eq!(day.date(Some(2016)), None);
}

#[test]
fn french_hours_without_minutes_count_inside_a_range() {
    assert_eq!(
        find_time("9h – 9h15 : Introduction").as_deref(),
        Some("09:00-09:15")
    );
    assert_eq!(
        find_time("14h – 15h30 : Atelier").as_deref(),
        Some("14:00-15:30")
    );
    assert_eq!(find_time("(9h-10h30)").as_deref(), Some("09:00-10:30"));
    // Alone, "24h" or "9h" is a duration or a bare mention, no time.
    assert_eq!(find_time("open 24h"), None);
    assert_eq!(find_time("48h - 72h"), None);
}

#[test]
fn times_and_zones_in_the_usual_spellings() {
    assert_eq!(
        find_time("30th May 2024: 10:00-10:45 (UTC+02:00)").as_deref(),
        Some("10:00-10:45")
    );
    assert_eq!(find_time("9:30 – 10:15").as_deref(), Some("09:30-10:15"));
    assert_eq!(
        find_time("Tuesday, 13 May 2008, 9:00 − 10:30").as_deref(),
        Some("09:00-10:30")
    );
    assert_eq!(find_time("2:00 - 3:30 PM").as_deref(), Some("14:00-15:30"));
    assert_eq!(
        find_time("9:00-9:45 AM CEST").as_deref(),
        Some("09:00-09:45")
    );
    assert_eq!(find_time("11:00-10:00"), None);
    assert_eq!(find_time("10.05.2010"), None);
    assert_eq!(find_timezone("(UTC+02:00)").as_deref(), Some("UTC+02:00"));
    assert_eq!(find_timezone("UTC+2").as_deref(), Some("UTC+02:00"));
    assert_eq!(find_timezone("09:30 GMT+03").as_deref(), Some("UTC+03:00"));
    assert_eq!(find_timezone("11:00 CEST").as_deref(), Some("UTC+02:00"));
    assert_eq!(find_timezone("(17:20 UTC)").as_deref(), Some("UTC"));
    assert_eq!(find_timezone("UTC+99"), None);
}

#[test]
fn when_lines_are_only_dates_and_times() {
    assert!(is_when_line("Tuesday, 13 May 2008, 9:00 − 10:30"));
    assert!(is_when_line("09:30 GMT+03"));
    assert!(is_when_line("9:00-9:45 AM CEST"));
    assert!(is_when_line("8 July 2025"));
    assert!(!is_when_line(
        "The event took place on 8 July 2025 in Geneva with many"
    ));
    assert!(is_when_line("Geneva, 10 April 2008"));
    assert!(!is_when_line("10:00 - 10:45 Opening Keynotes"));
    assert!(!is_when_line("09.30 – 10.00: Welcome and framing"));
}
