//! The learner's calendar, walked a day at a time: what each date offers a sitting after the
//! week's pattern, the weekly cap, days off and busy time. Both packers walk it, so they agree
//! on every date.

use super::settings::Settings;
use crate::availability::{Availability, Blocked, Slot};
use crate::error::Error;
use chrono::{Datelike, NaiveDate, Weekday};

/// Four years without a sitting: nothing in the plan fits what the calendar leaves.
pub const LONGEST_WAIT_DAYS: i64 = 4 * 366;

/// The last day a session may fall on: calendars and spreadsheets hold years up to 9999.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// What one date offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Not a study day, or its sitting already happened (the start day): nothing to say.
    Off,
    /// A study day whose week's time is used up.
    WeekFull,
    /// A study day the availability took away.
    Blocked(Blocked),
    /// A sitting of at most `minutes` (the free time, within what the week has left).
    Open {
        slot: Slot,
        minutes: u32,
        /// The free time is less than the day's usual sitting (busy time shortened it).
        shortened: bool,
    },
}

/// The walk: one date after another from the plan's start, counting the week's minutes.
#[derive(Debug, Clone)]
pub struct Days<'a> {
    settings: &'a Settings,
    availability: &'a Availability,
    date: NaiveDate,
    /// The date's weekday, kept as the walk advances (cheaper than working it out each day).
    weekday: Weekday,
    used_this_week: u32,
    last_sitting: NaiveDate,
    /// Days walked since the last sitting (or the start).
    since_sitting: i64,
}

impl<'a> Days<'a> {
    pub fn new(settings: &'a Settings, availability: &'a Availability) -> Days<'a> {
        Days {
            settings,
            availability,
            date: settings.start,
            weekday: settings.start.weekday(),
            used_this_week: settings.studied.week_minutes,
            last_sitting: settings.start,
            since_sitting: 0,
        }
    }

    /// The date the walk is on.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// What the current date offers.
    pub fn offer(&self) -> Offer {
        let settings = self.settings;
        let weekly = settings.weekly_minutes.get();
        let had_its_sitting = self.date == settings.start && settings.studied.on_start_day;
        let day = settings.day_capacity(self.weekday);
        if day == 0 || had_its_sitting {
            return Offer::Off;
        }
        if self.used_this_week >= weekly {
            return Offer::WeekFull;
        }
        match self.availability.slot(self.date, day) {
            Err(blocked) => Offer::Blocked(blocked),
            Ok(slot) => Offer::Open {
                slot,
                minutes: slot.minutes.min(weekly - self.used_this_week),
                shortened: slot.minutes < day,
            },
        }
    }

    /// Records a sitting of `minutes` on the current date.
    pub fn sat(&mut self, minutes: u32) {
        self.used_this_week += minutes;
        self.last_sitting = self.date;
        self.since_sitting = 0;
    }

    /// Moves to the next date. Fails past 9999-12-31, or after four years without a sitting.
    pub fn advance(&mut self) -> Result<(), Error> {
        if self.since_sitting > LONGEST_WAIT_DAYS {
            return Err(Error::NothingFits {
                since: self.last_sitting,
            });
        }
        self.date = self
            .date
            .succ_opt()
            .filter(|date| *date <= LAST_DATE)
            // Lazily: an Error built on every day and dropped costs the forecast's 1,000 runs
            // some 2% of a plan.
            .ok_or_else(|| Error::PastYear9999)?;
        self.since_sitting += 1;
        self.weekday = self.weekday.succ();
        // One day at a time, the ISO week changes on each Monday.
        if self.weekday == Weekday::Mon {
            self.used_this_week = 0;
        }
        Ok(())
    }
}
