//! When a session happens: its date at a time of day in a time zone.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// The time of day sessions start, in a time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub at: NaiveTime,
    pub tz: Tz,
}

impl Clock {
    /// The start of a session on `date`. A time that does not exist that day (it falls in a
    /// daylight-saving gap) moves an hour later; an ambiguous one takes the first occurrence.
    pub fn start(&self, date: NaiveDate) -> DateTime<Tz> {
        let local = date.and_time(self.at);
        match self.tz.from_local_datetime(&local) {
            LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => time,
            LocalResult::None => {
                let later = local + Duration::hours(1);
                self.tz
                    .from_local_datetime(&later)
                    .earliest()
                    .unwrap_or_else(|| self.tz.from_utc_datetime(&local))
            }
        }
    }

    /// The start and the end of a session of `minutes` on `date`.
    pub fn span(&self, date: NaiveDate, minutes: u32) -> (DateTime<Tz>, DateTime<Tz>) {
        let start = self.start(date);
        (start, start + Duration::minutes(i64::from(minutes)))
    }
}

/// A time of day as typed: "19:00" or "7:30".
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("'{text}' is not a time of day like 19:00 (HH:MM, 24-hour)"))
}

/// An IANA time zone name such as "Europe/Berlin".
pub fn parse_tz(text: &str) -> Result<Tz, String> {
    text.trim().parse::<Tz>().map_err(|_| {
        format!("'{text}' is not an IANA time zone name like Europe/Berlin or America/New_York")
    })
}

/// The system's time zone, if it can be told and is a known IANA name: `TZ` when it names
/// one (as "Europe/Berlin" or ":Europe/Berlin"), else the zone the system is set to.
pub fn system_tz() -> Option<Tz> {
    let from_env = std::env::var("TZ")
        .ok()
        .and_then(|name| name.trim_start_matches(':').parse().ok());
    from_env.or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn daylight_saving_changes_the_utc_time() {
        let clock = Clock {
            at: parse_time("19:00").unwrap(),
            tz: parse_tz("Europe/Berlin").unwrap(),
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
            tz: parse_tz("Europe/Berlin").unwrap(),
        };
        let start = clock
            .start("2027-03-28".parse().unwrap())
            .with_timezone(&Utc);
        assert_eq!(start.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    }

    #[test]
    fn bad_times_and_zones_are_named() {
        assert!(parse_time("25:00").unwrap_err().contains("'25:00'"));
        assert!(parse_tz("Mars/Olympus").unwrap_err().contains("IANA"));
    }
}
