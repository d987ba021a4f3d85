//! A plan's notes in words: what the learner should know about the plan's time, naming the
//! flags that change it.

use crate::curriculum::duration::{format_hours, format_minutes};
use crate::plan::Note;
use crate::plan::notes::PassedOver;
use crate::words::count;
use chrono::Weekday;

/// The note as a sentence: "2 Saturdays skipped (--skip); nothing planned there".
pub fn text(note: &Note) -> String {
    match note {
        Note::LessThanAsked {
            days,
            session,
            usable,
            asked,
        } => format!(
            "{} of at most {session} min can hold {} a week, less than the {} asked; add days (--days) or allow longer sessions (--session)",
            count(*days, "day"),
            format_hours(*usable),
            format_hours(*asked)
        ),
        Note::StudiedThisWeek {
            minutes,
            weekly,
            had_sitting,
        } => format!(
            "{} already studied this week (from the progress file) count toward this week's {}{}",
            format_minutes(*minutes),
            format_minutes(*weekly),
            had_sitting.map_or_else(String::new, |start| format!(
                "; {start} already had its sitting"
            ))
        ),
        Note::PassedOver { cause, weekdays } => {
            let days = weekday_counts(weekdays);
            match cause {
                PassedOver::Skip => format!("{days} skipped (--skip); nothing planned there"),
                PassedOver::AllDay { sources } => {
                    format!("{days} busy all day in {sources}; nothing planned there")
                }
                PassedOver::TooShort { sources } => {
                    format!("{days} cut below 15 min by {sources}; nothing planned there")
                }
            }
        }
        Note::Shortened { sittings, files } => format!(
            "{} shortened by busy events in {}",
            count(*sittings, "sitting"),
            files.join(", ")
        ),
    }
}

/// Every note of a plan, in words.
pub fn texts(notes: &[Note]) -> Vec<String> {
    notes.iter().map(text).collect()
}

/// "14 Thursdays", "2 Mondays and 1 Thursday", "1 Monday, 2 Tuesdays and 3 Fridays".
fn weekday_counts(weekdays: &[usize; 7]) -> String {
    let parts: Vec<String> = weekdays
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(index, &n)| {
            let day = Weekday::try_from(index as u8).expect("a weekday");
            count(n, day_name(day))
        })
        .collect();
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_passed_over_are_told_by_weekday() {
        let work = || "work.ics".to_string();
        let notes = [
            Note::PassedOver {
                cause: PassedOver::Skip,
                weekdays: [0, 0, 0, 0, 0, 1, 0],
            },
            Note::PassedOver {
                cause: PassedOver::AllDay { sources: work() },
                weekdays: [0, 0, 1, 0, 0, 0, 0],
            },
            Note::PassedOver {
                cause: PassedOver::TooShort { sources: work() },
                weekdays: [1, 0, 0, 2, 0, 0, 0],
            },
            Note::PassedOver {
                cause: PassedOver::Skip,
                weekdays: [1, 2, 0, 0, 3, 0, 0],
            },
        ];
        assert_eq!(
            texts(&notes),
            [
                "1 Saturday skipped (--skip); nothing planned there",
                "1 Wednesday busy all day in work.ics; nothing planned there",
                "1 Monday and 2 Thursdays cut below 15 min by work.ics; nothing planned there",
                "1 Monday, 2 Tuesdays and 3 Fridays skipped (--skip); nothing planned there",
            ]
        );
    }
}
