//! Turning what the learner types into the library's typed values: hours, session lengths,
//! study days, dates, date ranges, times of day and calendar files. Each error says what was
//! expected, with an example. The same parsers read the flags and the saved profile.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use learnpath::curriculum::duration::parse_minutes;
use learnpath::plan::settings::{DayMinutes, Week};
use learnpath::plan::{SessionMinutes, StudyDays, WeeklyMinutes};
use learnpath::progress::MAX_RECORD_MINUTES;
use std::path::{Path, PathBuf};

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

/// The grade of a review: again, hard, good or easy.
pub(crate) fn grade(text: &str) -> Result<learnpath::progress::Grade, String> {
    text.trim()
        .to_lowercase()
        .parse()
        .map_err(|()| format!("'{text}' is not a grade (use again, hard, good or easy)"))
}

/// A target retention, e.g. 0.9 or 90%: 0.70 to 0.97.
pub(crate) fn retention(text: &str) -> Result<learnpath::memory::Retention, String> {
    use learnpath::memory::Retention;
    let trimmed = text.trim();
    let value = match trimmed.strip_suffix('%') {
        Some(percent) => percent.trim().parse::<f64>().map(|value| value / 100.0),
        None => trimmed.parse::<f64>(),
    };
    value.ok().and_then(Retention::new).ok_or_else(|| {
        format!(
            "'{text}' is not a retention from {:.2} to {:.2} (e.g. 0.9 or 90%)",
            Retention::LEAST,
            Retention::MOST
        )
    })
}

/// Time spent on a document, as typed ("50m", "1h30m", "90min"): 1 min to 24 h.
pub(crate) fn spent(text: &str) -> Result<u32, String> {
    let minutes = parse_minutes(text).map_err(|error| {
        format!("'{text}' is not a duration like \"50m\" or \"1h30m\": {error}")
    })?;
    if minutes > MAX_RECORD_MINUTES {
        return Err(format!("'{text}' is more than 24 h"));
    }
    Ok(minutes)
}

/// The minutes of a review, as typed ("10m"): 1 to 60 min.
pub(crate) fn review_minutes(text: &str) -> Result<u32, String> {
    let minutes = parse_minutes(text)
        .map_err(|error| format!("'{text}' is not a duration like \"10m\": {error}"))?;
    match (1..=60).contains(&minutes) {
        true => Ok(minutes),
        false => Err(super::messages::review_minutes(text)),
    }
}

/// A reminder before a sitting, as typed ("15m", "1h", "0m" at the start): at most 7 days.
pub(crate) fn remind(text: &str) -> Result<learnpath::calendar::Reminder, String> {
    // Zero in any unit ("0", "0m", "0 min", "0h") is a reminder when the sitting starts; the
    // duration reader takes only times of a minute or more.
    let zero = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .trim_end();
    let minutes = match !zero.is_empty() && zero.bytes().all(|b| b == b'0') {
        true => 0,
        false => match whole_days_or_hours(text) {
            Some(minutes) => minutes,
            None => parse_minutes(text).map_err(|error| {
                format!("'{text}' is not a time before the sitting like \"15m\", \"1h\" or \"2d\": {error}")
            })?,
        },
    };
    if minutes > 7 * 24 * 60 {
        return Err(format!("'{text}' is more than 7 days before the sitting"));
    }
    Ok(learnpath::calendar::Reminder {
        minutes_before: minutes,
    })
}

/// A CalDAV calendar collection's URL, checked as `sync` checks it.
pub(crate) fn caldav(text: &str) -> Result<learnpath::caldav::CollectionUrl, String> {
    learnpath::caldav::CollectionUrl::parse(text).map_err(|error| error.to_string())
}

/// A user name: any text but blank.
pub(crate) fn user(text: &str) -> Result<String, String> {
    match text.trim() {
        "" => Err("the user name is empty".to_string()),
        name => Ok(name.to_string()),
    }
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

/// A whole number of days or hours ("2d", "3 days", "120h"), which a reminder may be (up to 7
/// days, past the 100 hours a duration allows elsewhere); `None` for anything else.
fn whole_days_or_hours(text: &str) -> Option<u32> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u32 = number.parse().ok()?;
    let per = match unit.trim() {
        "d" | "day" | "days" => 24 * 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60,
        _ => return None,
    };
    number.checked_mul(per)
}

/// Yes or no, as the profile keeps `whole`: "true" or "false".
pub(crate) fn yes_no(text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" | "yes" => Ok(true),
        "false" | "no" => Ok(false),
        _ => Err(format!("'{text}' is not true or false")),
    }
}

/// A time of day as typed: "19:00" or "7:30".
pub(crate) fn time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("'{text}' is not a time of day like 19:00 (HH:MM, 24-hour)"))
}

/// A parser that checks a value and keeps its text (trimmed), for the profile, which stores
/// what was typed.
pub(crate) fn text<T: 'static>(
    parse: fn(&str) -> Result<T, String>,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |text| parse(text).map(|_| text.trim().to_string())
}

/// A time zone (`--tz`): an IANA name, with a "did you mean" for a near miss.
pub(crate) fn tz(text: &str) -> Result<chrono_tz::Tz, String> {
    learnpath::time::zone::parse_tz(text).map_err(|error| error.to_string())
}

/// Days off: an inclusive range "2027-02-10..2027-02-20", or one date. A range that ends before
/// it starts is refused.
pub(crate) fn skip(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let Some((first, last)) = text.split_once("..") else {
        let day = date(text)?;
        return Ok((day, day));
    };
    let (first, last) = (date(first)?, date(last)?);
    if last < first {
        return Err(format!(
            "'{}' ends before it starts (write the earlier date first: {last}..{first})",
            text.trim()
        ));
    }
    Ok((first, last))
}

/// A range of days off as the profile keeps it: "FIRST..LAST", or the date of a single day.
pub(crate) fn skip_text((first, last): (NaiveDate, NaiveDate)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}..{last}")
    }
}

/// A calendar of busy times: a file that exists, as an absolute path (its folder's links and
/// `..` resolved; the file's own name kept, so a link to a calendar stays that link).
pub(crate) fn busy(text: &str) -> Result<PathBuf, String> {
    let path = Path::new(text);
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => {}
        Ok(_) => return Err(format!("'{text}' is not a file (give an .ics calendar)")),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("'{text}' does not exist (give an .ics calendar)"));
        }
        Err(error) => return Err(format!("cannot read '{text}': {error}")),
    }
    let found =
        absolute(path).map_err(|error| format!("cannot find where '{text}' is: {error}"))?;
    if found.to_str().is_none() {
        return Err(format!(
            "'{}' is not valid UTF-8; learnpath keeps a calendar's path as text (move or link it to a folder whose name is)",
            found.display()
        ));
    }
    Ok(found)
}

/// `path` made absolute: its folder canonical, its file name as given.
pub(crate) fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("it names no file"))?;
    Ok(std::fs::canonicalize(folder)?.join(name))
}

/// A busy calendar as the profile keeps it: an absolute path to a file that exists.
pub(crate) fn saved_busy(text: &str) -> Result<PathBuf, String> {
    kept_busy(text, "`learnpath profile set --busy FILE` stores one")
}

/// A busy calendar as a file learnpath keeps names it: an absolute path to a file that exists;
/// `writer` says what writes such a path.
pub(crate) fn kept_busy(text: &str, writer: &str) -> Result<PathBuf, String> {
    if !Path::new(text).is_absolute() {
        return Err(format!("'{text}' is not an absolute path ({writer})"));
    }
    busy(text)
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

    #[test]
    fn skips_are_days_or_ranges() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        assert_eq!(
            skip("2027-02-10..2027-02-20").unwrap(),
            (day("2027-02-10"), day("2027-02-20"))
        );
        assert_eq!(
            skip(" 2027-02-14 ").unwrap(),
            (day("2027-02-14"), day("2027-02-14"))
        );
        assert_eq!(
            skip_text(skip("2027-02-14..2027-02-14").unwrap()),
            "2027-02-14"
        );
        assert_eq!(
            skip_text(skip("2027-2-1..2027-02-03").unwrap()),
            "2027-02-01..2027-02-03"
        );
        let backwards = skip("2027-02-20..2027-02-10").unwrap_err();
        assert!(backwards.contains("ends before it starts"), "{backwards}");
        assert!(backwards.contains("2027-02-10..2027-02-20"), "{backwards}");
        assert!(skip("2027-02-30").unwrap_err().contains("2027-02-30"));
        assert!(skip("2027-02-10..").unwrap_err().contains("not a date"));
    }

    #[test]
    fn busy_calendars_exist_and_are_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("work.ics");
        std::fs::write(&file, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
        let spelled = dir.path().join(".").join("work.ics");
        let found = busy(spelled.to_str().unwrap()).unwrap();
        assert!(found.is_absolute(), "{}", found.display());
        assert_eq!(found, std::fs::canonicalize(&file).unwrap());
        let missing = dir.path().join("gone.ics");
        assert!(
            busy(missing.to_str().unwrap())
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            busy(dir.path().to_str().unwrap())
                .unwrap_err()
                .contains("not a file")
        );
        assert!(
            saved_busy("work.ics")
                .unwrap_err()
                .contains("not an absolute path")
        );
    }

    #[test]
    fn reminders_reach_seven_days_in_days_or_hours() {
        let minutes = |text: &str| remind(text).map(|r| r.minutes_before);
        assert_eq!(minutes("15m"), Ok(15));
        assert_eq!(minutes("2d"), Ok(2 * 24 * 60));
        assert_eq!(minutes("7 days"), Ok(7 * 24 * 60));
        assert_eq!(minutes("120h"), Ok(120 * 60));
        assert_eq!(minutes("168h"), Ok(7 * 24 * 60));
        assert!(minutes("8d").unwrap_err().contains("more than 7 days"));
        assert!(minutes("169h").unwrap_err().contains("more than 7 days"));
        assert!(minutes("99999999999d").is_err());
    }
}
