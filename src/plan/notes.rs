//! What the learner should know about a plan's time, as data: settings that hold less than
//! the hours, time already studied this week, and the study days the availability took away.
//! The renderers put them in words (`render::notes`).

use super::settings::Settings;
use super::shape::{BlockReason, BlockedDay};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// One thing the learner should know about a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// The study days, with sittings of at most `session` minutes, hold `usable` minutes a
    /// week: less than the `asked` weekly minutes.
    LessThanAsked {
        days: usize,
        session: u32,
        usable: u32,
        asked: u32,
    },
    /// `minutes` already studied this week (from the progress file) count toward the week's
    /// `weekly` minutes; `had_sitting` is the start day when it already had its sitting.
    StudiedThisWeek {
        minutes: u32,
        weekly: u32,
        had_sitting: Option<NaiveDate>,
    },
    /// Study days passed over for one cause, counted by weekday (Monday first).
    PassedOver {
        cause: PassedOver,
        weekdays: [usize; 7],
    },
    /// `sittings` sittings shortened by busy events in these calendars.
    Shortened { sittings: usize, files: Vec<String> },
}

/// Why study days were passed over: skipped dates, or the busy calendars (named, joined by
/// ", ") that leave nothing or too little of the day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum PassedOver {
    Skip,
    AllDay { sources: String },
    TooShort { sources: String },
}

/// Days that hold less than the hours, and time already studied this week.
pub fn settings(settings: &Settings) -> Vec<Note> {
    let mut notes = Vec::new();
    let usable = settings.usable_weekly_minutes();
    if usable < settings.weekly_minutes.get() {
        notes.push(Note::LessThanAsked {
            days: settings.days.count() as usize,
            session: settings.effective_session(),
            usable,
            asked: settings.weekly_minutes.get(),
        });
    }
    let studied = settings.studied;
    if studied.week_minutes > 0 {
        notes.push(Note::StudiedThisWeek {
            minutes: studied.week_minutes,
            weekly: settings.weekly_minutes.get(),
            had_sitting: studied.on_start_day.then_some(settings.start),
        });
    }
    notes
}

/// The study days passed over, once per cause, skipped dates first.
pub fn blocked(blocked: &[BlockedDay]) -> Vec<Note> {
    let mut causes: BTreeMap<PassedOver, [usize; 7]> = BTreeMap::new();
    for day in blocked {
        let cause = match day.reason {
            BlockReason::Skip => PassedOver::Skip,
            BlockReason::AllDay => PassedOver::AllDay {
                sources: day.sources.join(", "),
            },
            BlockReason::TooShort => PassedOver::TooShort {
                sources: day.sources.join(", "),
            },
        };
        let weekday = day.date.weekday().num_days_from_monday() as usize;
        causes.entry(cause).or_default()[weekday] += 1;
    }
    causes
        .into_iter()
        .map(|(cause, weekdays)| Note::PassedOver { cause, weekdays })
        .collect()
}

/// The sittings shortened by busy events, once, with the calendars that shortened them.
pub fn shortened<'a>(
    dates: &[NaiveDate],
    sources: impl Fn(NaiveDate) -> &'a [String],
) -> Option<Note> {
    if dates.is_empty() {
        return None;
    }
    let mut files: Vec<String> = dates
        .iter()
        .flat_map(|&date| sources(date))
        .cloned()
        .collect();
    files.sort();
    files.dedup();
    Some(Note::Shortened {
        sittings: dates.len(),
        files,
    })
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
        let work = || "work.ics".to_string();
        assert_eq!(
            blocked(&days),
            [
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
            ]
        );
        assert!(blocked(&[]).is_empty());
    }
}
