//! Dates, times and time zones as people write them ("Friday, 12 April 2019",
//! "Tuesday, 17th November, 2020 (17:20 UTC)", "30th May 2024: 10:00-10:45
//! (UTC+02:00)", "Monday, December 18", "15.05.2009", "8 de julio de 2025",
//! "9:00-9:45 AM CEST"), turned into the forms a session file takes.

use jiff::civil::{Date, Weekday};

use crate::model::TimeRange;

/// Month names (English, French, Spanish), lower case, by month number.
#[rustfmt::skip]
const MONTHS: &[(&str, i8)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("sept", 9),
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5),
    ("juin", 6), ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("décembre", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
    // Russian, as a date writes them ("7 апреля 2025 года") and alone ("апрель").
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12), ("январь", 1), ("февраль", 2), ("март", 3), ("апрель", 4), ("май", 5),
    ("июнь", 6), ("июль", 7), ("август", 8), ("сентябрь", 9), ("октябрь", 10),
    ("ноябрь", 11), ("декабрь", 12),
    // Portuguese (those Spanish does not share).
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7),
    ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
];

/// Weekday names, lower case.
#[rustfmt::skip]
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday), ("tuesday", Weekday::Tuesday), ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday), ("friday", Weekday::Friday), ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday), ("lundi", Weekday::Monday), ("mardi", Weekday::Tuesday),
    ("mercredi", Weekday::Wednesday), ("jeudi", Weekday::Thursday), ("vendredi", Weekday::Friday),
    ("lunes", Weekday::Monday), ("martes", Weekday::Tuesday), ("miércoles", Weekday::Wednesday),
    ("jueves", Weekday::Thursday), ("viernes", Weekday::Friday), ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday), ("tues", Weekday::Tuesday), ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday), ("thurs", Weekday::Thursday), ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday), ("sun", Weekday::Sunday),
    ("понедельник", Weekday::Monday), ("вторник", Weekday::Tuesday), ("среда", Weekday::Wednesday),
    ("среду", Weekday::Wednesday), ("четверг", Weekday::Thursday), ("пятница", Weekday::Friday),
    ("пятницу", Weekday::Friday), ("суббота", Weekday::Saturday), ("субботу", Weekday::Saturday),
    ("воскресенье", Weekday::Sunday), ("segunda-feira", Weekday::Monday),
    ("terça-feira", Weekday::Tuesday), ("quarta-feira", Weekday::Wednesday),
    ("quinta-feira", Weekday::Thursday), ("sexta-feira", Weekday::Friday),
];

/// A day as written: the year may be missing ("Monday, December 18").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Day {
    /// 1..=12.
    pub month: i8,
    /// 1..=31.
    pub day: i8,
    /// When written.
    pub year: Option<i16>,
    /// When written: it decides a missing year's candidates.
    pub weekday: Option<Weekday>,
}

impl Day {
    /// The date, with `year` for a day written without one; then a written weekday
    /// must agree with the date (a wrong year guess shows as a wrong weekday).
    pub(crate) fn date(self, year: Option<i16>) -> Option<Date> {
        let d = Date::new(self.year.or(year)?, self.month, self.day).ok()?;
        (self.year.is_some() || self.weekday.is_none_or(|w| w == d.weekday())).then_some(d)
    }
}

/// The year a day written without one ("Tuesday, 20 March") belongs to, from the years
/// `text` names: the only one that puts it on its weekday, or, without a weekday, the
/// only year the text names at all.
pub(crate) fn year_in_text(day: Day, text: &str) -> Option<i16> {
    let mut years: Vec<i16> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i16>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    let fits: Vec<i16> = match day.weekday {
        Some(_) => years
            .into_iter()
            .filter(|&y| day.date(Some(y)).is_some())
            .collect(),
        None => years,
    };
    match fits.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

fn month_of(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| *m == w || (w.len() == 3 && m.starts_with(w) && m.is_ascii()))
        .map(|&(_, n)| n)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    let w = w.trim_end_matches('.');
    WEEKDAYS.iter().find(|(d, _)| *d == w).map(|&(_, d)| d)
}

/// "30th May 2024", "May 30, 2024", "8 July 2025", "2024-05-30", "30/05/2024",
/// "15-05-2009", "10.05.2010".
#[cfg(test)]
fn find_date(text: &str) -> Option<Date> {
    let day = find_day(text)?;
    day.date(None)
}

/// The first day written in `text`, with or without its year.
pub(crate) fn find_day(text: &str) -> Option<Day> {
    cjk_day(text).or_else(|| written_day(text))
}

/// "2025年4月7日", "4月7日": a Chinese (or Japanese) date, year first; also
/// "20250407日", the same with its year and month signs lost.
fn cjk_day(text: &str) -> Option<Day> {
    let Some((head, tail)) = text.split_once('月') else {
        return compact_cjk_day(text);
    };
    let month_digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let month: i8 = month_digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .ok()?;
    let day_digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
    let day: i8 = day_digits.parse().ok()?;
    if !tail[day_digits.len()..].starts_with(['日', '号']) || !(1..=12).contains(&month) {
        return None;
    }
    let before = head[..head.len() - month_digits.len()].strip_suffix('年');
    let year = before.and_then(|b| {
        let y: String = b.chars().rev().take_while(char::is_ascii_digit).collect();
        y.chars().rev().collect::<String>().parse::<i16>().ok()
    });
    Some(Day {
        month,
        day,
        year: year.filter(|y| (1990..=2100).contains(y)),
        weekday: None,
    })
}

/// "20161022日": eight digits, a valid date, and the day sign.
fn compact_cjk_day(text: &str) -> Option<Day> {
    let (head, _) = text.split_once('日')?;
    let digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 8 {
        return None;
    }
    let digits: String = digits.chars().rev().collect();
    let (y, m, d) = (&digits[..4], &digits[4..6], &digits[6..]);
    let date = format!("{y}-{m}-{d}").parse::<Date>().ok()?;
    Some(Day {
        month: date.month(),
        day: date.day(),
        year: Some(date.year()).filter(|y| (1990..=2100).contains(y)),
        weekday: None,
    })
}

/// [`find_day`] for dates in words and numbers ("30th May 2024", "2024-05-30").
fn written_day(text: &str) -> Option<Day> {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '/' | '.'))
        .map(|t| t.trim_matches(['-', '.']))
        .filter(|t| !t.is_empty())
        .collect();
    for t in &tokens {
        if let Ok(d) = t.parse::<Date>() {
            return Some(Day {
                month: d.month(),
                day: d.day(),
                year: Some(d.year()),
                weekday: None,
            });
        }
        if let Some(d) = numeric(t) {
            return Some(d);
        }
    }
    let words: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let mi = words
        .iter()
        .position(|w| month_of(w).is_some() && w.len() >= 3)?;
    let month = month_of(&words[mi])?;
    let day_of = |w: &String| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 4)
            .then(|| digits.parse::<i8>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    // "8 de julio", "9th of April": the day may stand before "de" or "of".
    let before = mi.checked_sub(1).and_then(|i| {
        if words[i] == "de" || words[i] == "of" {
            i.checked_sub(1).and_then(|j| day_of(&words[j]))
        } else {
            day_of(&words[i])
        }
    });
    let day = before.or_else(|| words.get(mi + 1).and_then(day_of))?;
    let year = words
        .iter()
        .skip(mi.saturating_sub(1))
        .take(6)
        .filter_map(|w| w.parse::<i16>().ok())
        .find(|y| (1990..=2100).contains(y));
    let weekday = words[..mi].iter().rev().take(4).find_map(|w| weekday_of(w));
    Some(Day {
        month,
        day,
        year,
        weekday,
    })
}

/// "30/05/2024", "15-05-2009", "10.05.2010": day first (international documents),
/// unless the first number cannot be a day.
fn numeric(t: &str) -> Option<Day> {
    let sep = ['/', '-', '.'].into_iter().find(|&s| t.contains(s))?;
    let nums: Vec<&str> = t.split(sep).collect();
    let [a, b, y] = nums[..] else { return None };
    // "2019/04/09": the year first, then month and day.
    if a.len() == 4 && b.len() <= 2 && y.len() <= 2 && sep != '-' {
        let (year, month, day) = (
            a.parse::<i16>().ok()?,
            b.parse::<i8>().ok()?,
            y.parse::<i8>().ok()?,
        );
        return Date::new(year, month, day).ok().map(|_| Day {
            month,
            day,
            year: Some(year),
            weekday: None,
        });
    }
    // "9-Apr-2019": the month by name between day and year.
    if let (Some(month), 4) = (
        month_of(&b.to_lowercase()).filter(|_| b.len() >= 3),
        y.len(),
    ) {
        let (day, year) = (a.parse::<i8>().ok()?, y.parse::<i16>().ok()?);
        return Date::new(year, month, day).ok().map(|_| Day {
            month,
            day,
            year: Some(year),
            weekday: None,
        });
    }
    if y.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b, y) = (
        a.parse::<i8>().ok()?,
        b.parse::<i8>().ok()?,
        y.parse::<i16>().ok()?,
    );
    let (day, month) = if b > 12 { (b, a) } else { (a, b) };
    Date::new(y, month, day).ok().map(|_| Day {
        month,
        day,
        year: Some(y),
        weekday: None,
    })
}

/// "10:00-10:45", "10:00 – 10:45", "14.00-15.00", "9:00-9:45 AM", "2:00 - 3:30 pm":
/// "HH:MM-HH:MM" or "HH:MM".
pub(crate) fn find_time(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut times: Vec<(u8, u8, usize)> = Vec::new();
    // "9h", "11h": a French hour without minutes; a time only inside a range.
    let mut bare_hours = 0;
    let mut i = 0;
    while i < chars.len() && times.len() < 2 {
        let is_d = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        if is_d(i) && (i == 0 || !(is_d(i - 1) || chars[i - 1] == '.')) {
            let h_len = if is_d(i + 1) { 2 } else { 1 };
            let sep = chars.get(i + h_len).copied();
            let bare = sep == Some('h')
                && !chars
                    .get(i + h_len + 1)
                    .is_some_and(|c| c.is_alphanumeric());
            if bare {
                let h: String = chars[i..i + h_len].iter().collect();
                if let Ok(h) = h.parse::<u8>() {
                    times.push((h, 0, i + h_len + 1));
                    bare_hours += 1;
                }
                i += h_len + 1;
                continue;
            }
            if matches!(sep, Some(':' | '.' | 'h'))
                && is_d(i + h_len + 1)
                && is_d(i + h_len + 2)
                && !is_d(i + h_len + 3)
                && chars.get(i + h_len + 3) != Some(&'.')
            {
                let h: String = chars[i..i + h_len].iter().collect();
                let m: String = chars[i + h_len + 1..i + h_len + 3].iter().collect();
                if let (Ok(h), Ok(m)) = (h.parse::<u8>(), m.parse::<u8>()) {
                    times.push((h, m, i + h_len + 3));
                }
                i += h_len + 3;
                continue;
            }
        }
        i += 1;
    }
    if bare_hours > 0 && times.len() < 2 {
        return None;
    }
    // "AM"/"PM" after the last time applies to both, unless the first is later.
    let after: String = times
        .last()
        .map(|&(_, _, end)| {
            chars[end..]
                .iter()
                .take(6)
                .collect::<String>()
                .to_lowercase()
        })
        .unwrap_or_default();
    let pm = after.trim_start().starts_with("pm") || after.trim_start().starts_with("p.m");
    // "9:30 AM - 12:00 PM": a time's own marker wins over the last one.
    let marker = |end: usize| {
        let next: String = chars[end..]
            .iter()
            .take(5)
            .collect::<String>()
            .to_lowercase();
        let next = next.trim_start();
        if next.starts_with("am") || next.starts_with("a.m") {
            Some(false)
        } else if next.starts_with("pm") || next.starts_with("p.m") {
            Some(true)
        } else {
            None
        }
    };
    let shown: Vec<String> = times
        .iter()
        .map(|&(h, m, end)| {
            let h = match marker(end) {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                Some(_) => h,
                None if pm
                    && h < 12
                    && !(times.len() == 2 && times[0].0 > times[1].0 && h == times[0].0) =>
                {
                    h + 12
                }
                None => h,
            };
            format!("{h:02}:{m:02}")
        })
        .collect();
    let range = shown.join("-");
    (!range.is_empty() && range.parse::<TimeRange>().is_ok()).then_some(range)
}

/// "(UTC+02:00)", "UTC+2", "GMT+1", "GMT+03", "CEST": as the build accepts it.
pub(crate) fn find_timezone(text: &str) -> Option<String> {
    for (abbr, tz) in [
        ("CEST", "UTC+02:00"),
        ("CET", "UTC+01:00"),
        ("EAT", "UTC+03:00"),
        ("BST", "UTC+01:00"),
    ] {
        if text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == abbr)
        {
            return Some(tz.to_string());
        }
    }
    let start = text.find("UTC").or_else(|| text.find("GMT"))?;
    let rest = &text[start + 3..];
    let offset: String = rest
        .trim_start()
        .chars()
        .take_while(|c| matches!(c, '+' | '-' | '−' | ':' | '0'..='9'))
        .collect();
    let offset = offset.replace('−', "-");
    if offset.is_empty() || offset.len() == 1 {
        return Some("UTC".into());
    }
    let (sign, num) = offset.split_at(1);
    let (h, m) = num.split_once(':').unwrap_or((num, "00"));
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    let tz = format!("UTC{sign}{h:02}:{m:02}");
    crate::model::is_valid_timezone(&tz).then_some(tz)
}

/// Whether a line is only a date and/or time ("Tuesday, 13 May 2008, 9:00 − 10:30",
/// "09:30 GMT+03", "9:00-9:45 AM CEST", "8 July 2025"): at most two other words.
/// "Between Oct. 29, 2006 and November 3, 2006", "10-14 May 2010", "du 10 au 12
/// décembre": a range of days, the dates of an event rather than of one session.
pub(crate) fn spans_days(text: &str) -> bool {
    let spaced = text.replace(['-', '–', '—'], " - ");
    let tokens: Vec<String> = spaced
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect();
    let day_part = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        // "29", "3rd", "1er", "2006".
        month_of(t).is_some_and(|_| t.len() >= 3)
            || (t.len() - digits.len() <= 2
                && digits
                    .parse::<u16>()
                    .is_ok_and(|n| (1..=31).contains(&n) || n >= 1900))
    };
    let marker = |t: &str| {
        [
            "-", "and", "to", "au", "al", "until", "through", "till", "et", "y",
        ]
        .contains(&t)
    };
    tokens
        .iter()
        .any(|t| month_of(t).is_some_and(|_| t.len() >= 3))
        && tokens
            .windows(3)
            .any(|w| day_part(&w[0]) && marker(&w[1]) && day_part(&w[2]))
}

pub(crate) fn is_when_line(text: &str) -> bool {
    if text.chars().count() > 90 || (find_day(text).is_none() && find_time(text).is_none()) {
        return false;
    }
    let other: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '(' | ')' | '|' | '–' | '—' | '-' | '−' | ':')
        })
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let lower = w.to_lowercase();
            let lower = lower.trim_end_matches('.');
            !(w.chars().any(|c| c.is_ascii_digit())
                || month_of(lower).is_some()
                || weekday_of(lower).is_some()
                || [
                    "am", "pm", "a.m", "p.m", "utc", "gmt", "cet", "cest", "de", "to", "at", "h",
                    "and", "from", "until", "time", "local", "hours", "hour", "min", "mins",
                    "minutes", "le", "du", "au", "del", "al", "y", "et",
                    // "DAY ZERO – 17 November 2014", "Day 2: …": a programme's day heading.
                    "day", "zero", "one", "two", "three", "four", "five", "jour", "día",
                ]
                .contains(&lower))
        })
        .collect();
    // "Geneva, 10 April 2008" is a date line; "10:00 - 10:45 Opening Keynotes" is a
    // time slot with its title.
    other.len() <= 2
        && other.iter().all(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                || super::places::is_city(w.trim_end_matches('.'))
                || super::places::country(w, &crate::taxonomy::CountryAliases::new()).is_some()
        })
}

#[cfg(test)]
mod tests;
