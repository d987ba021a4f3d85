//! When the learner can study on a given date, beyond the week's pattern: dates blocked
//! outright (`--skip`), and busy time from their own calendars, which shortens a day's sitting
//! to the free time left in its study window or blocks the day.

use super::busy::BusyCalendar;
pub use super::busy::DayBusy;
use crate::time::clock::Clock;
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// The shortest sitting worth having: a day with less free time is blocked, and no session is
/// planned shorter.
pub const MIN_SESSION_MINUTES: u32 = 15;

/// An inclusive range of dates; one date is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DateRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateRange {
    /// `None` when `last` is before `first`.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Option<DateRange> {
        (first <= last).then_some(DateRange { first, last })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.first..=self.last).contains(&date)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}..{}", self.first, self.last)
        }
    }
}

/// Busy time by date, and the time of day sittings start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Busy {
    pub at: NaiveTime,
    pub days: BTreeMap<NaiveDate, DayBusy>,
}

impl Busy {
    /// The calendars' busy time from `from` to `to` in the clock's zone, for sittings at the
    /// clock's time; each day names its calendars by file name, for messages.
    pub fn of(calendar: &BusyCalendar, clock: &Clock, from: NaiveDate, to: NaiveDate) -> Busy {
        let mut days = calendar.busy_days(from, to, &clock.zone);
        for day in days.values_mut() {
            for source in &mut day.sources {
                if let Some(name) = std::path::Path::new(source).file_name() {
                    *source = name.to_string_lossy().into_owned();
                }
            }
        }
        Busy { at: clock.at, days }
    }
}

/// Makes a plan over the calendar's busy time worked out for a horizon from `start`: a year, and
/// when the plan ends past it, again over 4, 16 and 64 years (most plans end within the first,
/// and working out busy time costs in proportion to the horizon). Without a calendar, `plan` is
/// made once, with no busy time.
pub fn over_busy_horizon<T, E>(
    calendar: Option<(&BusyCalendar, &Clock)>,
    start: NaiveDate,
    mut plan: impl FnMut(Option<Busy>) -> Result<T, E>,
    finish: impl Fn(&T) -> Option<NaiveDate>,
) -> Result<T, E> {
    let Some((calendar, clock)) = calendar else {
        return plan(None);
    };
    let mut years = 1;
    loop {
        let horizon = start + chrono::Months::new(12 * years);
        let made = plan(Some(Busy::of(calendar, clock, start, horizon)))?;
        if finish(&made).is_none_or(|finish| finish <= horizon) || years >= 64 {
            return Ok(made);
        }
        years *= 4;
    }
}

/// What a date offers a sitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub minutes: u32,
    /// Minutes after the usual start time (`--at`) the free time begins.
    pub delay: u32,
}

/// Why a study day offers nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Blocked {
    /// A `--skip` date.
    Skip,
    /// Busy all day, or too little free time in the study window.
    Busy,
}

/// How busy time blocks a study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusyBlock {
    /// An all-day event.
    AllDay,
    /// Timed events leave only `free` minutes of the study window.
    TooShort { free: u32 },
}

/// Everything beyond the weekly pattern that decides a date's free time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Availability {
    pub skip: Vec<DateRange>,
    pub busy: Option<Busy>,
}

impl Availability {
    /// The free time on `date` for a sitting of at most `capacity` minutes (the day's
    /// capacity, more than 0): all of it, a shorter stretch between busy events, or none.
    pub fn slot(&self, date: NaiveDate, capacity: u32) -> Result<Slot, Blocked> {
        if self.skip.iter().any(|range| range.contains(date)) {
            return Err(Blocked::Skip);
        }
        let whole = Slot {
            minutes: capacity,
            delay: 0,
        };
        let Some(busy) = &self.busy else {
            return Ok(whole);
        };
        let Some(day) = busy.days.get(&date) else {
            return Ok(whole);
        };
        if day.all_day {
            return Err(Blocked::Busy);
        }
        let slot = longest_free(busy.at, capacity, &day.intervals);
        if slot.minutes < MIN_SESSION_MINUTES.min(capacity) {
            return Err(Blocked::Busy);
        }
        Ok(slot)
    }

    /// Why busy time blocks `date` for a sitting of at most `capacity` minutes: busy all day,
    /// or the free time left (less than a sitting needs); `None` when it does not.
    pub fn busy_block(&self, date: NaiveDate, capacity: u32) -> Option<BusyBlock> {
        let busy = self.busy.as_ref()?;
        let day = busy.days.get(&date)?;
        if day.all_day {
            return Some(BusyBlock::AllDay);
        }
        let free = longest_free(busy.at, capacity, &day.intervals).minutes;
        (free < MIN_SESSION_MINUTES.min(capacity)).then_some(BusyBlock::TooShort { free })
    }

    /// The calendars busy on `date`, for messages.
    pub fn busy_sources(&self, date: NaiveDate) -> &[String] {
        self.busy
            .as_ref()
            .and_then(|busy| busy.days.get(&date))
            .map_or(&[], |day| day.sources.as_slice())
    }
}

/// Minutes from midnight; the end of the day is 1440.
fn minute_of(time: NaiveTime) -> u32 {
    time.hour() * 60 + time.minute() + u32::from(time.second() > 0)
}

/// The longest free stretch of the window from `at` for `capacity` minutes (ending at
/// midnight at the latest), the earliest of equal ones.
fn longest_free(at: NaiveTime, capacity: u32, intervals: &[(NaiveTime, NaiveTime)]) -> Slot {
    let start = at.hour() * 60 + at.minute();
    let end = (start + capacity).min(24 * 60);
    let mut best = Slot {
        minutes: 0,
        delay: 0,
    };
    let mut free_from = start;
    let busy = intervals.iter().map(|&(from, to)| {
        let to = if to == NaiveTime::MIN {
            24 * 60
        } else {
            minute_of(to)
        };
        (from.hour() * 60 + from.minute(), to)
    });
    for (from, to) in busy.chain([(end, end)]) {
        let gap_end = from.clamp(free_from, end);
        if gap_end - free_from > best.minutes {
            best = Slot {
                minutes: gap_end - free_from,
                delay: free_from - start,
            };
        }
        free_from = free_from.max(to.min(end));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn busy(intervals: &[(&str, &str)]) -> Availability {
        let day = DayBusy {
            all_day: false,
            intervals: intervals.iter().map(|(a, b)| (time(a), time(b))).collect(),
            sources: vec!["work.ics".to_string()],
        };
        Availability {
            skip: Vec::new(),
            busy: Some(Busy {
                at: time("19:00"),
                days: BTreeMap::from([(date("2027-01-04"), day)]),
            }),
        }
    }

    #[test]
    fn busy_time_shortens_the_window_to_its_longest_free_stretch() {
        let day = date("2027-01-04");
        // 19:00-21:00 with a meeting 19:30-20:00: 20:00-21:00 is the longest stretch.
        let slot = busy(&[("19:30", "20:00")]).slot(day, 120).unwrap();
        assert_eq!(
            slot,
            Slot {
                minutes: 60,
                delay: 60
            }
        );
        // Before the window and after it: all free.
        let slot = busy(&[("08:00", "17:00"), ("22:00", "23:00")]).slot(day, 120);
        assert_eq!(
            slot,
            Ok(Slot {
                minutes: 120,
                delay: 0
            })
        );
        // Ten minutes left: blocked.
        assert_eq!(
            busy(&[("19:10", "21:00")]).slot(day, 120),
            Err(Blocked::Busy)
        );
        // Another day: untouched.
        let other = busy(&[("19:00", "21:00")]).slot(date("2027-01-05"), 90);
        assert_eq!(
            other,
            Ok(Slot {
                minutes: 90,
                delay: 0
            })
        );
    }

    #[test]
    fn an_event_to_midnight_and_skips_block() {
        let day = date("2027-01-04");
        assert_eq!(
            busy(&[("18:00", "00:00")]).slot(day, 60),
            Err(Blocked::Busy)
        );
        let skipping = Availability {
            skip: vec![DateRange::new(date("2027-01-01"), date("2027-01-10")).unwrap()],
            busy: None,
        };
        assert_eq!(skipping.slot(day, 60), Err(Blocked::Skip));
        assert_eq!(
            skipping.slot(date("2027-01-11"), 60),
            Ok(Slot {
                minutes: 60,
                delay: 0
            })
        );
        assert_eq!(DateRange::new(date("2027-01-02"), date("2027-01-01")), None);
    }
}
