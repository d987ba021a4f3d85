//! Where a review the plan schedules lands: not always on its due date, but on the study day
//! with the fewest reviews within a few days of it, so that reviews do not pile up on one
//! evening. The window grows with the interval, as in FSRS's fuzz: none below three days, then
//! about 15% of the days up to a week, 10% up to twenty days and 5% beyond, plus one day; the
//! search looks no further than a week either way.

use chrono::{Datelike, Days, NaiveDate};

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
    /// The count of each day from `first`, a day number from the common era.
    counts: Vec<u32>,
    first: i32,
}

/// A date's day number, counted from the common era.
fn number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
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
            counts: Vec::new(),
            first: 0,
        }
    }

    /// Whether day number `day` falls on a study weekday (day 1 of the era is a Monday).
    fn is_study(&self, day: i32) -> bool {
        self.study[(day - 1).rem_euclid(7) as usize]
    }

    /// The count of day number `day`.
    fn count(&self, day: i32) -> u32 {
        let at = day - self.first;
        (at >= 0)
            .then(|| self.counts.get(at as usize))
            .flatten()
            .copied()
            .unwrap_or(0)
    }

    /// Counts a review due on `date`.
    pub fn add(&mut self, date: NaiveDate) {
        let day = number(date);
        if self.counts.is_empty() {
            self.first = day;
        } else if day < self.first {
            let before = (self.first - day) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, before));
            self.first = day;
        }
        let at = (day - self.first) as usize;
        if at >= self.counts.len() {
            self.counts.resize(at + 1, 0);
        }
        self.counts[at] += 1;
    }

    /// The due date `days` after `last`, or the study day within its window with the fewest
    /// reviews: the nearest to `days` among equals, the earlier of two as near. The due date
    /// itself when no day of the window is a study day.
    pub fn balanced(&self, last: NaiveDate, days: u32) -> Option<NaiveDate> {
        self.balanced_from(last, days, last)
    }

    /// The same, on `from` or after.
    pub fn balanced_from(&self, last: NaiveDate, days: u32, from: NaiveDate) -> Option<NaiveDate> {
        // A week each way holds every weekday: a wider window finds no lighter day of the week,
        // only later ones (and costs a long interval's review a look at a month of days).
        let (earliest, latest) = window(days);
        let (earliest, latest) = (earliest.max(days.saturating_sub(7)), latest.min(days + 7));
        let (last_day, from) = (number(last), number(from));
        let best = (earliest..=latest)
            .map(|after| (after, last_day.saturating_add_unsigned(after)))
            .filter(|&(_, day)| day >= from && self.is_study(day))
            .min_by_key(|&(after, day)| (self.count(day), after.abs_diff(days), after));
        let after = best.map_or(days, |(after, _)| after);
        last.checked_add_days(Days::new(after.into()))
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
