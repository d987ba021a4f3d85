//! The learner's time, validated once at the edge into types that cannot hold bad values.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use std::fmt;

/// Most weekly hours anyone can mean: 16 hours a day, 7 days a week.
pub const MAX_WEEKLY_HOURS: f64 = 112.0;
/// The shortest session (the availability model's, where a shorter free time blocks a day).
pub use crate::availability::MIN_SESSION_MINUTES;
pub const MAX_SESSION_MINUTES: u32 = 8 * 60;
/// The longest sitting we pick when the learner does not say.
pub const DEFAULT_MAX_SESSION_MINUTES: u32 = 120;

/// A weekly time or a session length learnpath does not plan with (defined with the error
/// type, which says it).
pub use crate::error::TimeError;

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
            return Err(TimeError::TooManyHours {
                hours,
                most: MAX_WEEKLY_HOURS,
            });
        }
        // Never round capacity up: 1.01 h is 60 minutes, not 61. The small allowance keeps
        // hours that are exact in decimal but not in binary (4.1 * 60 = 245.999...) whole.
        let minutes = (hours * 60.0 + 1e-6).floor() as u32;
        if minutes < MIN_SESSION_MINUTES {
            return Err(TimeError::LessThanASession {
                hours,
                session: MIN_SESSION_MINUTES,
            });
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
            return Err(TimeError::SessionOutOfRange {
                minutes,
                least: MIN_SESSION_MINUTES,
                most: MAX_SESSION_MINUTES,
            });
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

    /// Days spread over the week for the given weekly time: about 100 minutes a day. The
    /// patterns nest (the days for more hours keep every day of those for fewer), so that the
    /// days do not jump about as the hours change and more hours never finish later.
    pub fn spread_for(weekly: WeeklyMinutes) -> Self {
        /// The order days join the pattern: Saturday, then Monday, Wednesday, Friday, Tuesday,
        /// Thursday and Sunday.
        const JOINING: [Weekday; 7] = [
            Weekday::Sat,
            Weekday::Mon,
            Weekday::Wed,
            Weekday::Fri,
            Weekday::Tue,
            Weekday::Thu,
            Weekday::Sun,
        ];
        let count = weekly.get().div_ceil(100).clamp(1, 7) as usize;
        StudyDays(
            JOINING[..count]
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

/// Per weekday, the longest sitting that day, when the learner says (`--days mon=30m,sat=2h`);
/// a day without minutes is not a study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayMinutes([u32; 7]);

impl DayMinutes {
    /// From (day, minutes) pairs; a later pair for the same day wins. Each at least one
    /// shortest sitting and at most the longest.
    pub fn new(days: impl IntoIterator<Item = (Weekday, u32)>) -> Result<Self, TimeError> {
        let mut minutes = [0; 7];
        for (day, day_minutes) in days {
            SessionMinutes::new(day_minutes)?;
            minutes[day.num_days_from_monday() as usize] = day_minutes;
        }
        Ok(DayMinutes(minutes))
    }

    pub fn get(self, day: Weekday) -> u32 {
        self.0[day.num_days_from_monday() as usize]
    }

    /// The study days: those with minutes.
    pub fn days(self) -> Option<StudyDays> {
        StudyDays::from_weekdays(
            (0..7u8)
                .filter(|&i| self.0[usize::from(i)] > 0)
                .filter_map(|i| Weekday::try_from(i).ok()),
        )
    }

    pub fn total(self) -> u32 {
        self.0.iter().sum()
    }

    pub fn longest(self) -> u32 {
        self.0.iter().copied().max().unwrap_or(0)
    }
}

impl Serialize for DayMinutes {
    /// As `{"mon": 30, "sat": 120}`, the days without minutes left out.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (index, (short, _)) in DAY_NAMES.iter().enumerate() {
            if self.0[index] > 0 {
                map.serialize_entry(short, &self.0[index])?;
            }
        }
        map.end()
    }
}

/// When the learner studies: days of the week, or days each with its own longest sitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Week {
    Days(StudyDays),
    Minutes(DayMinutes),
}

/// Everything the scheduler needs to know about the learner's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub start: NaiveDate,
    pub weekly_minutes: WeeklyMinutes,
    pub days: StudyDays,
    pub session_minutes: SessionMinutes,
    /// Each study day's longest sitting, when the learner gave them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_minutes: Option<DayMinutes>,
    /// Already studied in the first week (from the progress file).
    #[serde(skip_serializing_if = "Studied::is_nothing")]
    pub studied: Studied,
    /// Whole documents only (`--whole`): a document that fits in a sitting is never split.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub whole: bool,
}

/// What the learner chose of their time besides how much of it: the week (study days, or
/// minutes per day), the longest sitting and whole documents only. Every plan's settings are
/// made of them in one way, [`TimeChoices::settings`], whatever kept them (the flags, the
/// profile, a followed plan).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeChoices {
    pub week: Option<Week>,
    pub session: Option<SessionMinutes>,
    pub whole: bool,
}

impl TimeChoices {
    /// The settings of a plan from `start` at a weekly time, counting what was studied in its
    /// first week.
    pub fn settings(&self, start: NaiveDate, weekly: WeeklyMinutes, studied: Studied) -> Settings {
        Settings::for_week(start, weekly, self.week, self.session)
            .with_studied(studied)
            .with_whole(self.whole)
    }
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
        Settings::for_week(start, weekly_minutes, days.map(Week::Days), session)
    }

    /// The same, with the week as days or as minutes per day. Minutes per day make the
    /// longest sitting their longest day, unless the learner says otherwise.
    pub fn for_week(
        start: NaiveDate,
        weekly_minutes: WeeklyMinutes,
        week: Option<Week>,
        session: Option<SessionMinutes>,
    ) -> Settings {
        let (days, day_minutes) = match week {
            Some(Week::Days(days)) => (days, None),
            Some(Week::Minutes(minutes)) => match minutes.days() {
                Some(days) => (days, Some(minutes)),
                None => (StudyDays::spread_for(weekly_minutes), None),
            },
            None => (StudyDays::spread_for(weekly_minutes), None),
        };
        let session_minutes = session.unwrap_or_else(|| match day_minutes {
            Some(minutes) => SessionMinutes(minutes.longest()),
            None => {
                let per_day = weekly_minutes.get().div_ceil(days.count()).div_ceil(5) * 5;
                SessionMinutes(per_day.clamp(MIN_SESSION_MINUTES, DEFAULT_MAX_SESSION_MINUTES))
            }
        });
        Settings {
            start,
            weekly_minutes,
            days,
            session_minutes,
            day_minutes,
            studied: Studied::default(),
            whole: false,
        }
    }

    /// The longest sitting on a day of the week: 0 on a day off.
    pub fn day_capacity(&self, day: Weekday) -> u32 {
        if !self.days.contains(day) {
            return 0;
        }
        let session = self.effective_session();
        match self.day_minutes {
            Some(minutes) => minutes.get(day).min(session),
            None => session,
        }
    }

    /// The same settings, packing whole documents only when `whole`.
    pub fn with_whole(self, whole: bool) -> Settings {
        Settings { whole, ..self }
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
        self.weekly_minutes.get() >= self.days_hold() + self.studied.week_minutes
    }

    /// The longest sitting any day of the week can hold, within the weekly time.
    pub fn longest_sitting(&self) -> u32 {
        (0..7u8)
            .filter_map(|i| Weekday::try_from(i).ok())
            .map(|day| self.day_capacity(day))
            .max()
            .unwrap_or(0)
            .min(self.weekly_minutes.get())
    }

    /// The most minutes these days and sessions can hold in a week.
    pub fn usable_weekly_minutes(&self) -> u32 {
        self.days_hold().min(self.weekly_minutes.get())
    }

    /// The minutes the study days hold in a week, before the weekly cap.
    fn days_hold(&self) -> u32 {
        (0..7u8)
            .filter_map(|i| Weekday::try_from(i).ok())
            .map(|day| self.day_capacity(day))
            .sum()
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
            Err(TimeError::SessionOutOfRange {
                minutes: 540,
                least: 15,
                most: 480
            })
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
