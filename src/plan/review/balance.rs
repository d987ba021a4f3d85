//! Where a review the plan schedules lands: not always on its due date, but on the study day
//! with the fewest reviews within a few days of it, so that reviews do not pile up on one
//! evening. The window grows with the interval, as in FSRS's fuzz: none below three days, then
//! about 15% of the days up to a week, 10% up to twenty days and 5% beyond, plus one day.

use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// The earliest and latest number of days after the last review the next one may fall on,
/// for an interval of `days`.
pub fn window(days: u32) -> (u32, u32) {
    if days < 3 {
        return (days, days);
    }
    let days_f = f64::from(days);
    let part = |from: f64, to: f64| (days_f.min(to) - from).max(0.0);
    let spread = 1.0 + 0.15 * part(2.5, 7.0) + 0.10 * part(7.0, 20.0) + 0.05 * part(20.0, f64::MAX);
    let earliest = ((days_f - spread).round() as u32).max(2);
    let latest = (days_f + spread).round() as u32;
    (earliest, latest.max(earliest))
}

/// How many reviews fall due on each day.
#[derive(Debug, Clone, Default)]
pub struct Load {
    /// Whether each weekday (Monday first) is a study day; all when none is.
    study: [bool; 7],
    by_day: BTreeMap<NaiveDate, u32>,
}

impl Load {
    /// An empty load over the study weekdays `study` (Monday first).
    pub fn new(study: [bool; 7]) -> Load {
        let study = if study.contains(&true) {
            study
        } else {
            [true; 7]
        };
        Load {
            study,
            by_day: BTreeMap::new(),
        }
    }

    /// Whether `date` falls on a study weekday.
    fn is_study(&self, date: NaiveDate) -> bool {
        self.study[date.weekday().num_days_from_monday() as usize]
    }

    /// Counts a review due on `date`.
    pub fn add(&mut self, date: NaiveDate) {
        *self.by_day.entry(date).or_default() += 1;
    }

    /// The due date `days` after `last`, or the study day within its window with the fewest
    /// reviews: the nearest to `days` among equals, the earlier of two as near. The due date
    /// itself when no day of the window is a study day.
    pub fn balanced(&self, last: NaiveDate, days: u32) -> Option<NaiveDate> {
        self.balanced_from(last, days, last)
    }

    /// The same, on `from` or after.
    pub fn balanced_from(&self, last: NaiveDate, days: u32, from: NaiveDate) -> Option<NaiveDate> {
        let (earliest, latest) = window(days);
        let after = |days: u32| last.checked_add_days(Days::new(days.into()));
        let best = (earliest..=latest)
            .filter_map(|days| Some((days, after(days)?)))
            .filter(|&(_, date)| date >= from && self.is_study(date))
            .min_by_key(|&(count, date)| {
                let load = self.by_day.get(&date).copied().unwrap_or(0);
                (load, count.abs_diff(days), count)
            });
        best.map_or_else(|| after(days), |(_, date)| Some(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_window_grows_with_the_interval_and_holds_it() {
        assert_eq!(window(1), (1, 1));
        assert_eq!(window(2), (2, 2));
        let mut last = (0, 0);
        for days in 3..400 {
            let (earliest, latest) = window(days);
            assert!(
                earliest <= days && days <= latest,
                "{days}: {earliest}..{latest}"
            );
            assert!(earliest >= last.0 && latest >= last.1, "{days}");
            assert!(latest - earliest <= 3 + days / 4, "{days}");
            last = (earliest, latest);
        }
        assert_eq!(window(10), (8, 12));
    }

    #[test]
    fn a_review_goes_to_the_least_loaded_study_day_nearest_its_due_date() {
        // Monday to Friday.
        let mut load = Load::new([true, true, true, true, true, false, false]);
        let monday = day("2027-03-01");
        // Ten days after is Thursday the 11th; the window is 8 to 12 days.
        assert_eq!(load.balanced(monday, 10), Some(day("2027-03-11")));
        load.add(day("2027-03-11"));
        // Thursday has one: Wednesday (9) and Friday (11) are as near; the earlier wins.
        assert_eq!(load.balanced(monday, 10), Some(day("2027-03-10")));
        load.add(day("2027-03-10"));
        assert_eq!(load.balanced(monday, 10), Some(day("2027-03-12")));
        load.add(day("2027-03-12"));
        // Saturday the 13th is no study day: Tuesday the 9th is the one left free.
        assert_eq!(load.balanced(monday, 10), Some(day("2027-03-09")));
        load.add(day("2027-03-09"));
        // All equal again: the due date.
        assert_eq!(load.balanced(monday, 10), Some(day("2027-03-11")));
        // A due date with no study day in its window stays: Wednesday, for weekends only.
        let weekends = Load::new([false, false, false, false, false, true, true]);
        assert_eq!(weekends.balanced(monday, 2), Some(day("2027-03-03")));
    }
}
