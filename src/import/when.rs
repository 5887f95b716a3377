//! Dates, times and time zones as people write them in documents, turned into
//! the forms a session file takes ("2024-05-30", "10:00-10:45", "UTC+02:00").

use crate::model::TimeRange;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "30th May 2024", "May 30, 2024", "8 July 2025", "2024-05-30", "30/05/2024".
pub(crate) fn find_date(text: &str) -> Option<jiff::civil::Date> {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '/')
        .filter(|t| !t.is_empty())
        .collect();
    for t in &tokens {
        if let Ok(d) = t.parse::<jiff::civil::Date>() {
            return Some(d);
        }
        let nums: Vec<&str> = t.split('/').collect();
        if let [d, m, y] = nums[..] {
            if let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>()) {
                if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    let words: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let mi = words.iter().position(|w| {
        w.len() >= 3
            && MONTHS
                .iter()
                .any(|m| m.starts_with(w.as_str()) && (w.len() == 3 || *m == w))
    })?;
    let month = MONTHS
        .iter()
        .position(|m| m.starts_with(words[mi].as_str()))?
        + 1;
    let day_of = |w: &String| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<i8>()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .filter(|_| w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 4)
    };
    let day = mi
        .checked_sub(1)
        .and_then(|i| day_of(&words[i]))
        .or_else(|| words.get(mi + 1).and_then(day_of))?;
    let year = words
        .iter()
        .filter_map(|w| w.parse::<i16>().ok())
        .find(|y| (1990..=2100).contains(y))?;
    jiff::civil::Date::new(year, i8::try_from(month).ok()?, day).ok()
}

/// "10:00-10:45", "10:00 – 10:45", "14.00-15.00" after a date: "HH:MM-HH:MM" or "HH:MM".
pub(crate) fn find_time(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut times = Vec::new();
    let mut i = 0;
    while i < chars.len() && times.len() < 2 {
        let is_d = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        if is_d(i) && (i == 0 || !is_d(i - 1)) {
            let h_len = if is_d(i + 1) { 2 } else { 1 };
            let sep = chars.get(i + h_len).copied();
            if matches!(sep, Some(':') | Some('.') | Some('h'))
                && is_d(i + h_len + 1)
                && is_d(i + h_len + 2)
                && !is_d(i + h_len + 3)
            {
                let h: String = chars[i..i + h_len].iter().collect();
                let m: String = chars[i + h_len + 1..i + h_len + 3].iter().collect();
                times.push(format!("{h:0>2}:{m}"));
                i += h_len + 3;
                continue;
            }
        }
        i += 1;
    }
    let range = times.join("-");
    (!range.is_empty() && range.parse::<TimeRange>().is_ok()).then_some(range)
}

/// "(UTC+02:00)", "UTC+2", "GMT+1", "CEST": as the build accepts it.
pub(crate) fn find_timezone(text: &str) -> Option<String> {
    for (abbr, tz) in [
        ("CEST", "UTC+02:00"),
        ("CET", "UTC+01:00"),
        ("EAT", "UTC+03:00"),
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
    if offset.is_empty() {
        return Some("UTC".into());
    }
    let (sign, num) = offset.split_at(1);
    let (h, m) = num.split_once(':').unwrap_or((num, "00"));
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    let tz = format!("UTC{sign}{h:02}:{m:02}");
    crate::model::is_valid_timezone(&tz).then_some(tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_zones_in_the_usual_spellings() {
        let d = |y, m, d| jiff::civil::Date::new(y, m, d).ok();
        assert_eq!(
            find_date("30th May 2024: 10:00-10:45 (UTC+02:00)"),
            d(2024, 5, 30)
        );
        assert_eq!(find_date("Date: 8 July 2025"), d(2025, 7, 8));
        assert_eq!(find_date("May 30, 2024"), d(2024, 5, 30));
        assert_eq!(find_date("2024-05-30"), d(2024, 5, 30));
        assert_eq!(find_date("30/05/2024"), d(2024, 5, 30));
        assert_eq!(find_date("Mayor of 2024"), None);
        assert_eq!(
            find_time("30th May 2024: 10:00-10:45 (UTC+02:00)").as_deref(),
            Some("10:00-10:45")
        );
        assert_eq!(find_time("9:30 – 10:15").as_deref(), Some("09:30-10:15"));
        assert_eq!(find_time("11:00-10:00"), None);
        assert_eq!(find_timezone("(UTC+02:00)").as_deref(), Some("UTC+02:00"));
        assert_eq!(find_timezone("UTC+2").as_deref(), Some("UTC+02:00"));
        assert_eq!(find_timezone("11:00 CEST").as_deref(), Some("UTC+02:00"));
        assert_eq!(find_timezone("UTC+99"), None);
    }
}
