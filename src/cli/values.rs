//! Turning what the learner types into the library's typed values: hours, session lengths,
//! study days, dates and times of day. Each error says what was expected, with an example.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use learnpath::curriculum::duration::parse_minutes;
use learnpath::plan::settings::{DayMinutes, Week};
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

/// The study days: "mon,wed,sat" (full names, "weekdays", "weekend" or "daily" too), or each
/// with its longest sitting: "mon=30m,wed=30m,sat=2h", "weekdays=45m,sun=2h" (a later day
/// wins over an earlier group).
pub(crate) fn days(text: &str) -> Result<Week, String> {
    let mut chosen: Vec<(Weekday, Option<u32>)> = Vec::new();
    for item in text.split([',', ' ']).filter(|item| !item.is_empty()) {
        let (word, minutes) = match item.split_once('=') {
            Some((word, duration)) => {
                let minutes = parse_minutes(duration).map_err(|error| {
                    format!("'{duration}' for {word} is not a duration like 30m or 1h30m: {error}")
                })?;
                (word, Some(minutes))
            }
            None => (item, None),
        };
        chosen.extend(day_group(word)?.into_iter().map(|day| (day, minutes)));
    }
    let with_minutes = chosen
        .iter()
        .filter(|(_, minutes)| minutes.is_some())
        .count();
    if with_minutes == 0 {
        return StudyDays::from_weekdays(chosen.into_iter().map(|(day, _)| day))
            .map(Week::Days)
            .ok_or_else(|| "no study days given (e.g. --days mon,wed,sat)".to_string());
    }
    if with_minutes < chosen.len() {
        return Err(format!(
            "'{text}' gives minutes for some days only: give every day its minutes (mon=30m,sat=2h) or none (mon,sat)"
        ));
    }
    DayMinutes::new(
        chosen
            .into_iter()
            .map(|(day, minutes)| (day, minutes.unwrap_or(0))),
    )
    .map(Week::Minutes)
    .map_err(|error| format!("in '{text}': {error}"))
}

/// The days a word names: one day, "weekdays", "weekend" or "daily".
fn day_group(word: &str) -> Result<Vec<Weekday>, String> {
    let word = word.to_ascii_lowercase();
    let all = DAY_NAMES.iter().map(|(_, _, day)| *day);
    Ok(match word.as_str() {
        "weekdays" => all.take(5).collect(),
        "weekend" | "weekends" => all.skip(5).collect(),
        "daily" | "all" => all.collect(),
        _ => {
            let (_, _, day) = DAY_NAMES
                .iter()
                .find(|(short, long, _)| {
                    word == *short || word == *long || (word.len() >= 3 && long.starts_with(&word))
                })
                .ok_or_else(|| {
                    format!("unknown day '{word}' (use mon, tue, wed, thu, fri, sat, sun, weekdays or weekend)")
                })?;
            vec![*day]
        }
    })
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
        let names = |text: &str| match days(text).unwrap() {
            Week::Days(days) => days.names(),
            Week::Minutes(minutes) => panic!("{text} gave {minutes:?}"),
        };
        assert_eq!(names("mon,wed,sat"), ["mon", "wed", "sat"]);
        assert_eq!(names("Tuesday thursday"), ["tue", "thu"]);
        assert_eq!(names("weekdays").len(), 5);
        assert_eq!(names("weekend"), ["sat", "sun"]);
        assert!(
            days("mon,funday")
                .unwrap_err()
                .contains("unknown day 'funday'")
        );
        assert!(days(",").unwrap_err().contains("no study days"));
    }

    #[test]
    fn days_may_each_have_their_minutes() {
        let Week::Minutes(minutes) = days("weekdays=45m,sun=2h,fri=1h").unwrap() else {
            panic!("no minutes")
        };
        assert_eq!(minutes.get(Weekday::Mon), 45);
        assert_eq!(minutes.get(Weekday::Fri), 60);
        assert_eq!(minutes.get(Weekday::Sat), 0);
        assert_eq!(minutes.get(Weekday::Sun), 120);
        assert_eq!(minutes.total(), 4 * 45 + 60 + 120);
        assert!(
            days("mon,sat=2h")
                .unwrap_err()
                .contains("every day its minutes")
        );
        assert!(
            days("mon=10m")
                .unwrap_err()
                .contains("outside 15 min to 8 h")
        );
        assert!(days("mon=soon").unwrap_err().contains("not a duration"));
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
