//! The learner's time, validated once at the edge into types that cannot hold bad values.

use crate::curriculum::duration::format_minutes;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use std::fmt;

/// Most weekly hours anyone can mean: 16 hours a day, 7 days a week.
pub const MAX_WEEKLY_HOURS: f64 = 112.0;
/// The shortest and longest sitting.
pub const MIN_SESSION_MINUTES: u32 = 15;
pub const MAX_SESSION_MINUTES: u32 = 8 * 60;
/// The longest sitting we pick when the learner does not say.
pub const DEFAULT_MAX_SESSION_MINUTES: u32 = 120;

/// A weekly time or a session length learnpath does not plan with.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum TimeError {
    #[error("weekly hours must be a positive number, not {0}")]
    NotPositive(f64),
    #[error("{0} hours a week is more than {MAX_WEEKLY_HOURS} (16 hours a day, 7 days a week)")]
    TooManyHours(f64),
    #[error(
        "{0} hours a week is less than one {MIN_SESSION_MINUTES}-minute session (use at least 0.25)"
    )]
    LessThanASession(f64),
    #[error("a session of {} is outside {} to {}", format_minutes(*.0), format_minutes(MIN_SESSION_MINUTES), format_minutes(MAX_SESSION_MINUTES))]
    SessionOutOfRange(u32),
}

/// Study time per ISO week, in whole minutes, at least one shortest session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct WeeklyMinutes(u32);

impl WeeklyMinutes {
    pub fn from_hours(hours: f64) -> Result<Self, TimeError> {
        if !hours.is_finite() || hours <= 0.0 {
            return Err(TimeError::NotPositive(hours));
        }
        if hours > MAX_WEEKLY_HOURS {
            return Err(TimeError::TooManyHours(hours));
        }
        // Never round capacity up: 1.01 h is 60 minutes, not 61. The small allowance keeps
        // hours that are exact in decimal but not in binary (4.1 * 60 = 245.999...) whole.
        let minutes = (hours * 60.0 + 1e-6).floor() as u32;
        if minutes < MIN_SESSION_MINUTES {
            return Err(TimeError::LessThanASession(hours));
        }
        Ok(WeeklyMinutes(minutes))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    pub fn hours(self) -> f64 {
        f64::from(self.0) / 60.0
    }
}

/// The longest sitting, 15 min to 8 h.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SessionMinutes(u32);

impl SessionMinutes {
    pub fn new(minutes: u32) -> Result<Self, TimeError> {
        if !(MIN_SESSION_MINUTES..=MAX_SESSION_MINUTES).contains(&minutes) {
            return Err(TimeError::SessionOutOfRange(minutes));
        }
        Ok(SessionMinutes(minutes))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// The days of the week one studies on: a non-empty set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyDays(u8);

const DAY_NAMES: [(&str, &str); 7] = [
    ("mon", "monday"),
    ("tue", "tuesday"),
    ("wed", "wednesday"),
    ("thu", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
];

impl StudyDays {
    /// The given days; `None` when there are none.
    pub fn from_weekdays(days: impl IntoIterator<Item = Weekday>) -> Option<Self> {
        let bits = days
            .into_iter()
            .fold(0u8, |bits, day| bits | 1 << day.num_days_from_monday());
        (bits != 0).then_some(StudyDays(bits))
    }

    /// Days spread over the week for the given weekly time: about 100 minutes a day.
    pub fn spread_for(weekly: WeeklyMinutes) -> Self {
        let count = weekly.get().div_ceil(100).clamp(1, 7);
        let pattern: &[Weekday] = match count {
            1 => &[Weekday::Sat],
            2 => &[Weekday::Tue, Weekday::Sat],
            3 => &[Weekday::Mon, Weekday::Wed, Weekday::Sat],
            4 => &[Weekday::Mon, Weekday::Wed, Weekday::Fri, Weekday::Sun],
            5 => &[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
            ],
            6 => &[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
            ],
            _ => &[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
        };
        StudyDays(
            pattern
                .iter()
                .fold(0, |bits, day| bits | 1 << day.num_days_from_monday()),
        )
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    pub fn names(self) -> Vec<&'static str> {
        DAY_NAMES
            .iter()
            .enumerate()
            .filter(|(index, _)| self.0 & (1 << index) != 0)
            .map(|(_, (short, _))| *short)
            .collect()
    }
}

impl fmt::Display for StudyDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(","))
    }
}

impl Serialize for StudyDays {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(serializer)
    }
}

/// What the progress file says was already studied in the week of the start date, up to and
/// including the start date: it counts against that week's time, and a day that already had
/// its sitting gets no second one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Studied {
    /// Minutes done from the Monday of the start's ISO week up to the start date.
    pub week_minutes: u32,
    /// Whether something was done on the start date itself.
    pub on_start_day: bool,
}

impl Studied {
    fn is_nothing(&self) -> bool {
        *self == Studied::default()
    }

    /// From each done document's minutes and date.
    pub fn before(start: NaiveDate, done: impl IntoIterator<Item = (u32, NaiveDate)>) -> Self {
        let monday = start - chrono::Days::new(u64::from(start.weekday().num_days_from_monday()));
        let mut studied = Studied::default();
        for (minutes, date) in done {
            if (monday..=start).contains(&date) {
                studied.week_minutes += minutes;
                studied.on_start_day |= date == start;
            }
        }
        studied
    }
}

/// Everything the scheduler needs to know about the learner's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub start: NaiveDate,
    pub weekly_minutes: WeeklyMinutes,
    pub days: StudyDays,
    pub session_minutes: SessionMinutes,
    /// Already studied in the first week (from the progress file).
    #[serde(skip_serializing_if = "Studied::is_nothing")]
    pub studied: Studied,
}

impl Settings {
    /// Fills in what the learner left out: days spread for the hours, and a session length
    /// that uses the weekly time on those days, at most 2 h.
    pub fn new(
        start: NaiveDate,
        weekly_minutes: WeeklyMinutes,
        days: Option<StudyDays>,
        session: Option<SessionMinutes>,
    ) -> Settings {
        let days = days.unwrap_or_else(|| StudyDays::spread_for(weekly_minutes));
        let session_minutes = session.unwrap_or_else(|| {
            let per_day = weekly_minutes.get().div_ceil(days.count()).div_ceil(5) * 5;
            SessionMinutes(per_day.clamp(MIN_SESSION_MINUTES, DEFAULT_MAX_SESSION_MINUTES))
        });
        Settings {
            start,
            weekly_minutes,
            days,
            session_minutes,
            studied: Studied::default(),
        }
    }

    /// The same settings, counting what was already studied in the first week.
    pub fn with_studied(self, studied: Studied) -> Settings {
        Settings { studied, ..self }
    }

    /// The longest sitting that also fits in a week.
    pub fn effective_session(&self) -> u32 {
        self.session_minutes.get().min(self.weekly_minutes.get())
    }

    /// Whether more weekly time, with these same days and sessions, would give the same plan:
    /// they already hold less than the week allows, even in the first week after what was
    /// studied in it.
    pub fn more_hours_cannot_help(&self) -> bool {
        let days_hold = self.effective_session() * self.days.count();
        self.weekly_minutes.get() >= days_hold + self.studied.week_minutes
    }

    /// The most minutes these days and sessions can hold in a week.
    pub fn usable_weekly_minutes(&self) -> u32 {
        (self.effective_session() * self.days.count()).min(self.weekly_minutes.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_checked() {
        assert_eq!(WeeklyMinutes::from_hours(7.5).unwrap().get(), 450);
        for (bad, words) in [
            (0.0, "positive"),
            (-1.0, "positive"),
            (f64::NAN, "positive"),
            (f64::INFINITY, "positive"),
            (113.0, "more than 112"),
            (0.1, "less than one"),
        ] {
            let error = WeeklyMinutes::from_hours(bad).unwrap_err().to_string();
            assert!(error.contains(words), "{bad}: {error}");
        }
    }

    #[test]
    fn sessions_are_bounded() {
        assert_eq!(SessionMinutes::new(90).unwrap().get(), 90);
        assert!(
            SessionMinutes::new(10)
                .unwrap_err()
                .to_string()
                .contains("outside 15 min to 8 h")
        );
        assert_eq!(
            SessionMinutes::new(540),
            Err(TimeError::SessionOutOfRange(540))
        );
    }

    #[test]
    fn days_come_from_weekdays() {
        let days = StudyDays::from_weekdays([Weekday::Sat, Weekday::Mon]).unwrap();
        assert_eq!(days.names(), ["mon", "sat"]);
        assert_eq!(StudyDays::from_weekdays([]), None);
    }

    #[test]
    fn defaults_spread_the_week() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let five = WeeklyMinutes::from_hours(5.0).unwrap();
        let settings = Settings::new(start, five, None, None);
        assert_eq!(settings.days.names(), ["mon", "wed", "sat"]);
        assert_eq!(settings.session_minutes.get(), 100);
        let many = WeeklyMinutes::from_hours(30.0).unwrap();
        let settings = Settings::new(start, many, None, None);
        assert_eq!(settings.session_minutes.get(), 120);
        assert_eq!(settings.usable_weekly_minutes(), 7 * 120);
    }
}
