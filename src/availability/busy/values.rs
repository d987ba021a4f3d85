//! The values of the properties read: dates, date-times, durations, periods and UTC offsets
//! (RFC 5545 section 3.3), as written, before any time zone is applied.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// A date or a date-time as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Written {
    Date(NaiveDate),
    /// A local time: in the zone named by TZID, or floating without one.
    Local(NaiveDateTime),
    /// A time ending in Z.
    Utc(NaiveDateTime),
}

/// `YYYYMMDD`.
pub(super) fn date(text: &str) -> Option<NaiveDate> {
    let digits = text.as_bytes();
    if digits.len() != 8 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(4..6)?,
        number(6..8)?,
    )
}

/// `YYYYMMDDTHHMMSS`, optionally followed by `Z`; the bool says it was. A leap second (60)
/// counts as 59.
pub(super) fn date_time(text: &str) -> Option<(NaiveDateTime, bool)> {
    let (text, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (day, time) = text.split_once(['T', 't'])?;
    let day = date(day)?;
    let digits = time.as_bytes();
    if digits.len() != 6 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| time[range].parse::<u32>().ok();
    let second = number(4..6)?;
    let time = NaiveTime::from_hms_opt(number(0..2)?, number(2..4)?, second.min(59))?;
    (second <= 60).then_some((day.and_time(time), utc))
}

/// A date or a date-time, as `VALUE` says, or as it looks when it says nothing.
pub(super) fn written(text: &str, value_param: Option<&str>) -> Option<Written> {
    let text = text.trim();
    let as_date = match value_param {
        Some(kind) if kind.eq_ignore_ascii_case("DATE") => true,
        Some(kind) if kind.eq_ignore_ascii_case("DATE-TIME") => false,
        _ => text.len() == 8,
    };
    if as_date {
        return date(text).map(Written::Date);
    }
    date_time(text).map(|(at, utc)| match utc {
        true => Written::Utc(at),
        false => Written::Local(at),
    })
}

/// A duration: nominal days (weeks count 7) and exact seconds, both negative for `-P...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Duration {
    pub days: i64,
    pub seconds: i64,
}

impl Duration {
    pub fn is_negative(&self) -> bool {
        self.days < 0 || self.seconds < 0
    }
}

/// `P1W`, `P2D`, `PT1H30M`, `-P1DT2H`: the RFC's forms, and any order of W, D, H, M and S.
pub(super) fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (sign, text) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let text = text.strip_prefix(['P', 'p'])?;
    let mut duration = Duration::default();
    let mut in_time = false;
    let mut number: Option<i64> = None;
    let mut parts = 0;
    for c in text.chars() {
        match c.to_ascii_uppercase() {
            digit @ '0'..='9' => {
                // At most 9 digits: no overflow, and far more than any event lasts.
                let so_far = number.unwrap_or(0);
                if so_far >= 100_000_000 {
                    return None;
                }
                number = Some(so_far * 10 + i64::from(digit as u8 - b'0'));
            }
            'T' if !in_time && number.is_none() => in_time = true,
            unit => {
                let count = number.take()?;
                match (unit, in_time) {
                    ('W', false) => duration.days += count * 7,
                    ('D', false) => duration.days += count,
                    ('H', true) => duration.seconds += count * 3600,
                    ('M', true) => duration.seconds += count * 60,
                    ('S', true) => duration.seconds += count,
                    _ => return None,
                }
                parts += 1;
            }
        }
    }
    if number.is_some() || parts == 0 {
        return None;
    }
    Some(Duration {
        days: sign * duration.days,
        seconds: sign * duration.seconds,
    })
}

/// `+0100`, `-0500`, `+053000`: seconds east of UTC.
pub(super) fn utc_offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = &text[1..];
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits[range].parse::<i32>().ok();
    let (hours, minutes) = (number(0..2)?, number(2..4)?);
    let seconds = if digits.len() == 6 { number(4..6)? } else { 0 };
    (hours < 24 && minutes < 60 && seconds < 60)
        .then_some(sign * (hours * 3600 + minutes * 60 + seconds))
}

/// `at` moved by `seconds`; past the range chrono holds (far beyond the years 0000-9999 a
/// calendar can write), the first or the last time it holds.
pub(super) fn shifted(at: NaiveDateTime, seconds: i64) -> NaiveDateTime {
    TimeDelta::try_seconds(seconds)
        .and_then(|delta| at.checked_add_signed(delta))
        .unwrap_or(if seconds < 0 {
            NaiveDateTime::MIN
        } else {
            NaiveDateTime::MAX
        })
}

/// `at` moved by whole days, as [`shifted`].
pub(super) fn shifted_days(at: NaiveDateTime, days: i64) -> NaiveDateTime {
    shifted(at, days.saturating_mul(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(date("20270104"), NaiveDate::from_ymd_opt(2027, 1, 4));
        assert_eq!(date("20270230"), None);
        assert_eq!(date("2027-01-04"), None);
        assert_eq!(date("+2027010"), None);
        assert_eq!(
            date_time("20270104T093000Z"),
            Some((at("2027-01-04 09:30:00"), true))
        );
        assert_eq!(
            date_time("20161231T235960"),
            Some((at("2016-12-31 23:59:59"), false))
        );
        assert_eq!(date_time("20270104T093000+01"), None);
        assert_eq!(date_time("20270104T246000"), None);
        assert_eq!(date_time("20270104"), None);
        assert_eq!(
            written("20270104", None),
            Some(Written::Date(date("20270104").unwrap()))
        );
        assert_eq!(written("20270104", Some("DATE-TIME")), None);
        assert_eq!(written("20270104T090000", Some("DATE")), None);
        assert_eq!(
            written("20270104T090000", Some("date-time")),
            Some(Written::Local(at("2027-01-04 09:00:00")))
        );
    }

    #[test]
    fn durations_and_offsets() {
        let d = |days, seconds| Some(Duration { days, seconds });
        assert_eq!(duration("PT1H30M"), d(0, 5400));
        assert_eq!(duration("P1W"), d(7, 0));
        assert_eq!(duration("P1DT12H"), d(1, 43200));
        assert_eq!(duration("-PT15M"), d(0, -900));
        assert_eq!(duration("+P0D"), d(0, 0));
        for bad in [
            "P",
            "PT",
            "1H",
            "PT1D",
            "P1H",
            "PT1H2",
            "P1TT1H",
            "P9999999999D",
            "",
        ] {
            assert_eq!(duration(bad), None, "{bad}");
        }
        assert_eq!(utc_offset("+0100"), Some(3600));
        assert_eq!(utc_offset("-0530"), Some(-19800));
        assert_eq!(utc_offset("+001500"), Some(900));
        for bad in ["0100", "+1", "+2500", "+0160", "-01:00"] {
            assert_eq!(utc_offset(bad), None, "{bad}");
        }
    }
}
