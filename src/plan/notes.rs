//! What the learner should know about a plan's time, in words: settings that hold less than
//! the hours, time already studied this week, and the study days the availability took away.

use super::settings::Settings;
use super::shape::{BlockReason, BlockedDay};
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::words::count;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// Days that hold less than the hours, and time already studied this week.
pub fn settings(settings: &Settings) -> Vec<String> {
    let mut notes = Vec::new();
    let usable = settings.usable_weekly_minutes();
    if usable < settings.weekly_minutes.get() {
        notes.push(format!(
            "{} of at most {} min can hold {} a week, less than the {} asked; add days (--days) or allow longer sessions (--session)",
            count(settings.days.count() as usize, "day"),
            settings.effective_session(),
            format_hours(usable),
            format_hours(settings.weekly_minutes.get())
        ));
    }
    let studied = settings.studied;
    if studied.week_minutes > 0 {
        notes.push(format!(
            "{} already studied this week (from the progress file) count toward this week's {}{}",
            format_minutes(studied.week_minutes),
            format_minutes(settings.weekly_minutes.get()),
            if studied.on_start_day {
                format!("; {} already had its sitting", settings.start)
            } else {
                String::new()
            }
        ));
    }
    notes
}

/// The study days passed over, once per cause: "14 Thursdays cut below 15 min by work.ics;
/// nothing planned there", "2 Saturdays skipped (--skip)".
pub fn blocked(blocked: &[BlockedDay]) -> Vec<String> {
    let mut causes: BTreeMap<(u8, String), [usize; 7]> = BTreeMap::new();
    for day in blocked {
        let (rank, sources) = match day.reason {
            BlockReason::Skip => (0, String::new()),
            BlockReason::AllDay => (1, day.sources.join(", ")),
            BlockReason::TooShort => (2, day.sources.join(", ")),
        };
        let weekday = day.date.weekday().num_days_from_monday() as usize;
        causes.entry((rank, sources)).or_default()[weekday] += 1;
    }
    causes
        .into_iter()
        .map(|((rank, sources), weekdays)| {
            let days = weekday_counts(&weekdays);
            match rank {
                0 => format!("{days} skipped (--skip); nothing planned there"),
                1 => format!("{days} busy all day in {sources}; nothing planned there"),
                _ => format!("{days} cut below 15 min by {sources}; nothing planned there"),
            }
        })
        .collect()
}

/// "3 sittings shortened by busy events in work.ics", once.
pub fn shortened<'a>(
    dates: &[NaiveDate],
    sources: impl Fn(NaiveDate) -> &'a [String],
) -> Option<String> {
    if dates.is_empty() {
        return None;
    }
    let mut files: Vec<&str> = dates
        .iter()
        .flat_map(|&date| sources(date))
        .map(String::as_str)
        .collect();
    files.sort();
    files.dedup();
    Some(format!(
        "{} shortened by busy events in {}",
        count(dates.len(), "sitting"),
        files.join(", ")
    ))
}

/// "14 Thursdays", "2 Mondays and 1 Thursday", "1 Monday, 2 Tuesdays and 3 Fridays".
fn weekday_counts(weekdays: &[usize; 7]) -> String {
    let parts: Vec<String> = weekdays
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(index, &n)| {
            let day = Weekday::try_from(index as u8).expect("a weekday");
            count(n, &day_name(day))
        })
        .collect();
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn day_name(day: Weekday) -> String {
    let name = match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::Blocked;

    fn day(date: &str, reason: BlockReason) -> BlockedDay {
        BlockedDay {
            date: date.parse().unwrap(),
            by: match reason {
                BlockReason::Skip => Blocked::Skip,
                _ => Blocked::Busy,
            },
            reason,
            free_minutes: None,
            sources: match reason {
                BlockReason::Skip => Vec::new(),
                _ => vec!["work.ics".to_string()],
            },
        }
    }

    #[test]
    fn blocked_days_are_told_once_per_cause_by_weekday() {
        let days = [
            day("2027-01-07", BlockReason::TooShort),
            day("2027-01-14", BlockReason::TooShort),
            day("2027-01-11", BlockReason::TooShort),
            day("2027-01-09", BlockReason::Skip),
            day("2027-01-13", BlockReason::AllDay),
        ];
        assert_eq!(
            blocked(&days),
            [
                "1 Saturday skipped (--skip); nothing planned there",
                "1 Wednesday busy all day in work.ics; nothing planned there",
                "1 Monday and 2 Thursdays cut below 15 min by work.ics; nothing planned there",
            ]
        );
        assert!(blocked(&[]).is_empty());
    }
}
