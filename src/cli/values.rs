//! Turning what the learner types into the library's typed values: hours, session lengths,
//! study days, dates and times of day. Each error says what was expected, with an example.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use learnpath::curriculum::duration::parse_minutes;
use learnpath::plan::{SessionMinutes, StudyDays, WeeklyMinutes};

/// Hours per week as typed ("5", "7.5").
pub(crate) fn hours(text: &str) -> Result<WeeklyMinutes, String> {
    let hours: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of hours (try 5 or 7.5)"))?;
    WeeklyMinutes::from_hours(hours).map_err(|error| error.to_string())
}

/// The longest sitting: "90 min", "1h30m".
pub(crate) fn session(text: &str) -> Result<SessionMinutes, String> {
    let minutes = parse_minutes(text).map_err(|error| {
        format!("'{text}' is not a session length like \"90 min\" or \"1h30m\": {error}")
    })?;
    SessionMinutes::new(minutes).map_err(|error| error.to_string())
}

const DAY_NAMES: [(&str, &str, Weekday); 7] = [
    ("mon", "monday", Weekday::Mon),
    ("tue", "tuesday", Weekday::Tue),
    ("wed", "wednesday", Weekday::Wed),
    ("thu", "thursday", Weekday::Thu),
    ("fri", "friday", Weekday::Fri),
    ("sat", "saturday", Weekday::Sat),
    ("sun", "sunday", Weekday::Sun),
];

/// "mon,wed,sat", full names, "weekdays", "weekend" or "daily".
pub(crate) fn days(text: &str) -> Result<StudyDays, String> {
    let mut chosen: Vec<Weekday> = Vec::new();
    for word in text.split([',', ' ']).filter(|word| !word.is_empty()) {
        let word = word.to_ascii_lowercase();
        let all = DAY_NAMES.iter().map(|(_, _, day)| *day);
        match word.as_str() {
            "weekdays" => chosen.extend(all.take(5)),
            "weekend" | "weekends" => chosen.extend(all.skip(5)),
            "daily" | "all" => chosen.extend(all),
            _ => {
                let (_, _, day) = DAY_NAMES
                    .iter()
                    .find(|(short, long, _)| {
                        word == *short || word == *long || (word.len() >= 3 && long.starts_with(&word))
                    })
                    .ok_or_else(|| {
                        format!("unknown day '{word}' (use mon, tue, wed, thu, fri, sat, sun, weekdays or weekend)")
                    })?;
                chosen.push(*day);
            }
        }
    }
    StudyDays::from_weekdays(chosen)
        .ok_or_else(|| "no study days given (e.g. --days mon,wed,sat)".to_string())
}

/// An ISO 8601 date, with a message that says what was wrong. Years outside 1-9999 are
/// refused: calendars and spreadsheets cannot hold them.
pub(crate) fn date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|error| format!("'{text}' is not a date like 2027-01-04 (YYYY-MM-DD): {error}"))?;
    if !(1..=9999).contains(&date.year()) {
        return Err(format!("'{text}' is outside the years 1 to 9999"));
    }
    Ok(date)
}

/// A time of day as typed: "19:00" or "7:30".
pub(crate) fn time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("'{text}' is not a time of day like 19:00 (HH:MM, 24-hour)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_numbers_of_hours() {
        assert_eq!(hours("7.5").unwrap().get(), 450);
        for (bad, words) in [
            ("0", "positive"),
            ("-1", "positive"),
            ("NaN", "positive"),
            ("inf", "positive"),
            ("113", "more than 112"),
            ("0.1", "less than one"),
            ("five", "not a number"),
        ] {
            let error = hours(bad).unwrap_err();
            assert!(error.contains(words), "{bad}: {error}");
        }
    }

    #[test]
    fn days_parse_names_and_groups() {
        assert_eq!(days("mon,wed,sat").unwrap().names(), ["mon", "wed", "sat"]);
        assert_eq!(days("Tuesday thursday").unwrap().names(), ["tue", "thu"]);
        assert_eq!(days("weekdays").unwrap().count(), 5);
        assert_eq!(days("weekend").unwrap().names(), ["sat", "sun"]);
        assert!(
            days("mon,funday")
                .unwrap_err()
                .contains("unknown day 'funday'")
        );
        assert!(days(",").unwrap_err().contains("no study days"));
    }

    #[test]
    fn sessions_are_bounded() {
        assert_eq!(session("1h30m").unwrap().get(), 90);
        assert!(
            session("10 min")
                .unwrap_err()
                .contains("outside 15 min to 8 h")
        );
        assert!(session("9h").unwrap_err().contains("outside"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(date("2026-02-30").unwrap_err().contains("2026-02-30"));
        assert!(date("2027-01-04").is_ok());
        assert!(date("-262143-01-01").unwrap_err().contains("1 to 9999"));
        assert!(date("+12345-01-01").unwrap_err().contains("1 to 9999"));
    }

    #[test]
    fn bad_times_are_named() {
        assert!(time("25:00").unwrap_err().contains("'25:00'"));
        assert_eq!(
            time("7:30").unwrap(),
            NaiveTime::from_hms_opt(7, 30, 0).unwrap()
        );
    }
}
