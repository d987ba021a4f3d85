//! The learner's calendar as usable minutes per day, for a learner who studies "fluidly".

use crate::availability::Availability;
use crate::error::Error;
use crate::plan::settings::Settings;
use chrono::{Datelike, IsoWeek, NaiveDate};

use crate::plan::days::{LAST_DATE, LONGEST_WAIT_DAYS};

/// Why the calendar holds no more minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    PastYear9999,
    NothingFits { since: NaiveDate },
}

impl Stop {
    fn error(self) -> Error {
        match self {
            Stop::PastYear9999 => Error::PastYear9999,
            Stop::NothingFits { since } => Error::NothingFits { since },
        }
    }
}

/// The learner's calendar as minutes per day from `settings.start`, by the rules
/// `days::Days::offer` applies for both packers, for whether and how long a day can hold a
/// sitting: the day's capacity
/// (0 on a day off), none on a start day that already had its sitting, the free time
/// `availability` leaves (0 on a blocked day), and the weekly cap per ISO week (the first week
/// counting what was already studied in it).
///
/// "Fluid": the learner uses all of a day's usable minutes and carries on with the next
/// document in the next sitting, where the packers leave minutes unused (a piece that does not
/// fit, a part that would be shorter than 15 minutes).
/// So by any date this calendar holds at least the minutes a packed plan has placed, and a
/// fluid finish is never later than the plan's. Days are walked lazily, as far as asked.
#[derive(Debug, Clone)]
pub struct Capacity {
    settings: Settings,
    availability: Availability,
    /// The next day to walk; `None` once the walk has stopped.
    next: Option<NaiveDate>,
    week: IsoWeek,
    used_this_week: u32,
    /// The last day with usable minutes (the start before there is one).
    last_usable: NaiveDate,
    /// Each day with usable minutes, with the minutes from the start through it.
    days: Vec<(NaiveDate, u64)>,
    stop: Option<Stop>,
}

impl Capacity {
    pub fn new(settings: &Settings, availability: &Availability) -> Capacity {
        let start = settings.start;
        Capacity {
            settings: *settings,
            availability: availability.clone(),
            next: Some(start),
            week: start.iso_week(),
            used_this_week: settings.studied.week_minutes,
            last_usable: start,
            days: Vec::new(),
            stop: None,
        }
    }

    /// The first day by which the usable minutes from the start reach `minutes`. Zero, less or
    /// NaN ask for the first day with any usable minute. Fails like the packers: past
    /// 9999-12-31, or after four years without a usable minute.
    pub fn finish_after(&mut self, minutes: f64) -> Result<NaiveDate, Error> {
        while self
            .days
            .last()
            .is_none_or(|&(_, through)| (through as f64) < minutes)
        {
            self.step()?;
        }
        let index = self
            .days
            .partition_point(|&(_, through)| (through as f64) < minutes);
        Ok(self.days[index].0)
    }

    /// The usable minutes from the start through `date`, inclusive: 0 before the start, and
    /// none after the walk stops (past 9999-12-31, or where [`Capacity::finish_after`] gives
    /// up after four years without a usable minute).
    pub fn minutes_through(&mut self, date: NaiveDate) -> u64 {
        while self.next.is_some_and(|next| next <= date) {
            if self.step().is_err() {
                break;
            }
        }
        let count = self.days.partition_point(|&(day, _)| day <= date);
        count.checked_sub(1).map_or(0, |last| self.days[last].1)
    }

    /// The usable minutes on `date`, the walk's next day, before the weekly cap's share is
    /// taken: the same tests, in the same order, as `days::Days::offer`.
    fn usable(&self, date: NaiveDate) -> u32 {
        let settings = &self.settings;
        let weekly = settings.weekly_minutes.get();
        let had_its_sitting = date == settings.start && settings.studied.on_start_day;
        let day = settings.day_capacity(date.weekday());
        if day == 0 || had_its_sitting || self.used_this_week >= weekly {
            return 0;
        }
        match self.availability.slot(date, day) {
            Ok(slot) => slot.minutes.min(weekly - self.used_this_week),
            Err(_) => 0,
        }
    }

    /// Walks one more day, or fails when the walk has stopped.
    fn step(&mut self) -> Result<(), Error> {
        let Some(date) = self.next else {
            let stop = *self.stop.get_or_insert(Stop::PastYear9999);
            return Err(stop.error());
        };
        if date.iso_week() != self.week {
            self.week = date.iso_week();
            self.used_this_week = 0;
        }
        let minutes = self.usable(date);
        if minutes > 0 {
            self.used_this_week += minutes;
            self.last_usable = date;
            let before = self.days.last().map_or(0, |&(_, through)| through);
            self.days.push((date, before + u64::from(minutes)));
        } else if (date - self.last_usable).num_days() > LONGEST_WAIT_DAYS {
            let stop = Stop::NothingFits {
                since: self.last_usable,
            };
            (self.next, self.stop) = (None, Some(stop));
            return Err(stop.error());
        }
        self.next = date.succ_opt().filter(|next| *next <= LAST_DATE);
        Ok(())
    }
}
