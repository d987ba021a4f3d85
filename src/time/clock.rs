//! When a session happens: its date at a time of day in a time zone.

use super::zone::Zone;
use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};

/// The time of day sessions start, in a time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    pub at: NaiveTime,
    pub zone: Zone,
}

impl Clock {
    /// The start of a session on `date`, as RFC 5545 §3.3.5 reads a local time: one that occurs
    /// twice (clocks go back) is the first occurrence; one that does not exist (it falls in a
    /// gap, clocks go forward) is read with the UTC offset from before the gap, so 02:00 in a
    /// 30-minute gap from 02:00 is 02:30, and a time on a skipped day lands on the next day.
    pub fn start(&self, date: NaiveDate) -> DateTime<FixedOffset> {
        let local = date.and_time(self.at);
        let offset = resolve(local, |time| self.zone.local_offsets(time))
            .unwrap_or_else(|| self.zone.offset_at(local));
        self.zone.at(local - offset)
    }

    /// When a sitting happens: from the usual start time on `date`, later by `delay_minutes`
    /// (busy time before it), for `minutes`; the start and the end each with the offset in force
    /// then (a sitting can span a change).
    pub fn span(
        &self,
        date: NaiveDate,
        delay_minutes: u32,
        minutes: u32,
    ) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        let start = self.start(date).naive_utc() + Duration::minutes(i64::from(delay_minutes));
        let end = start + Duration::minutes(i64::from(minutes));
        (self.zone.at(start), self.zone.at(end))
    }
}

/// The UTC offset that `local` is read with (see [`Clock::start`]), given the offsets a zone
/// has for a local time. `None` only when no existing time is found in the two days before a
/// gap, which no zone has: the longest gap, Samoa's skipped 2011-12-30, is one day.
fn resolve(
    local: NaiveDateTime,
    local_offsets: impl Fn(NaiveDateTime) -> LocalResult<FixedOffset>,
) -> Option<FixedOffset> {
    let first = |a: FixedOffset, b: FixedOffset| {
        // The earlier instant of the two is the one with the larger offset.
        if a.local_minus_utc() >= b.local_minus_utc() {
            a
        } else {
            b
        }
    };
    match local_offsets(local) {
        LocalResult::Single(offset) => return Some(offset),
        LocalResult::Ambiguous(a, b) => return Some(first(a, b)),
        LocalResult::None => {}
    }
    // In a gap: the offset of the last minute before it. Session times are whole minutes, and a
    // gap that starts between minutes still ends on an earlier minute that exists.
    let mut earlier = local;
    for _ in 0..2 * 24 * 60 {
        earlier = earlier.checked_sub_signed(Duration::minutes(1))?;
        match local_offsets(earlier) {
            LocalResult::Single(offset) => return Some(offset),
            // The later occurrence is the one just before the gap.
            LocalResult::Ambiguous(a, b) => return Some(if first(a, b) == a { b } else { a }),
            LocalResult::None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::zone::parse_tz;
    use super::*;
    use chrono::Utc;

    fn parse_time(text: &str) -> Result<NaiveTime, String> {
        NaiveTime::parse_from_str(text, "%H:%M").map_err(|error| error.to_string())
    }

    #[test]
    fn daylight_saving_changes_the_utc_time() {
        let clock = Clock {
            at: parse_time("19:00").unwrap(),
            zone: Zone::Iana(parse_tz("Europe/Berlin").unwrap()),
        };
        let winter = clock
            .start("2027-03-27".parse().unwrap())
            .with_timezone(&Utc);
        let summer = clock
            .start("2027-03-29".parse().unwrap())
            .with_timezone(&Utc);
        assert_eq!(winter.to_rfc3339(), "2027-03-27T18:00:00+00:00");
        assert_eq!(summer.to_rfc3339(), "2027-03-29T17:00:00+00:00");
    }

    #[test]
    fn a_time_in_the_gap_moves_an_hour_later() {
        let clock = Clock {
            at: parse_time("02:30").unwrap(),
            zone: Zone::Iana(parse_tz("Europe/Berlin").unwrap()),
        };
        let start = clock
            .start("2027-03-28".parse().unwrap())
            .with_timezone(&Utc);
        assert_eq!(start.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    }

    fn start_utc(at: &str, tz: &str, date: &str) -> (String, String) {
        let clock = Clock {
            at: parse_time(at).unwrap(),
            zone: Zone::Iana(parse_tz(tz).unwrap()),
        };
        let start = clock.start(date.parse().unwrap());
        (
            start.naive_local().to_string(),
            start.with_timezone(&Utc).to_rfc3339(),
        )
    }

    #[test]
    fn a_time_in_a_half_hour_gap_is_read_with_the_offset_before_it() {
        // Lord Howe Island: 02:00 standard time (+10:30) becomes 02:30 daylight time (+11:00).
        let (local, utc) = start_utc("02:00", "Australia/Lord_Howe", "2026-10-04");
        assert_eq!(local, "2026-10-04 02:30:00");
        assert_eq!(utc, "2026-10-03T15:30:00+00:00");
        let (local, _) = start_utc("02:15", "Australia/Lord_Howe", "2026-10-04");
        assert_eq!(local, "2026-10-04 02:45:00");
    }

    #[test]
    fn a_time_on_a_skipped_day_lands_on_the_next_day() {
        // Samoa went from UTC-10 to UTC+14 and skipped 2011-12-30.
        let (local, utc) = start_utc("00:30", "Pacific/Apia", "2011-12-30");
        assert_eq!(local, "2011-12-31 00:30:00");
        assert_eq!(utc, "2011-12-30T10:30:00+00:00");
        let (local, _) = start_utc("19:00", "Pacific/Apia", "2011-12-30");
        assert_eq!(local, "2011-12-31 19:00:00");
    }

    #[test]
    fn a_time_that_occurs_twice_is_the_first_occurrence() {
        // Berlin, 2027-10-31: 02:30 happens in summer time (+2), then again in winter time (+1).
        let (_, utc) = start_utc("02:30", "Europe/Berlin", "2027-10-31");
        assert_eq!(utc, "2027-10-31T00:30:00+00:00");
        // Lord Howe goes back half an hour: 01:45 first at +11:00.
        let (_, utc) = start_utc("01:45", "Australia/Lord_Howe", "2027-04-04");
        assert_eq!(utc, "2027-04-03T14:45:00+00:00");
    }

    #[test]
    fn bad_zones_are_named() {
        assert!(
            parse_tz("Mars/Olympus")
                .unwrap_err()
                .to_string()
                .contains("IANA")
        );
    }
}
