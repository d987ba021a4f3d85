//! The time zones of a calendar's times: floating (the learner's own local time), UTC, an IANA
//! zone named by TZID, or a zone a VTIMEZONE defines under another name (Outlook writes
//! Windows names such as "W. Europe Standard Time").

use super::lines::{Component, Located};
use super::rules::Rule;
use super::values::{self, Written};
use crate::error::{CalendarProblem, CalendarValue};
use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone};
use std::collections::HashMap;

/// Where a wall-clock time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// No zone: the learner's local time.
    Floating,
    Utc,
    Iana(chrono_tz::Tz),
    /// A zone defined by a VTIMEZONE: an index in [`Zones::custom`].
    Custom(usize),
}

/// The zones that VTIMEZONEs define, of all the files read.
#[derive(Debug, Clone, Default)]
pub(super) struct Zones {
    pub custom: Vec<CustomZone>,
}

impl Zones {
    /// The offset from UTC, in seconds, at the instant `utc`.
    fn offset_at(&self, frame: Frame, utc: NaiveDateTime) -> i32 {
        match frame {
            Frame::Floating | Frame::Utc => 0,
            Frame::Iana(zone) => zone.offset_from_utc_datetime(&utc).fix().local_minus_utc(),
            Frame::Custom(index) => self.custom.get(index).map_or(0, |zone| zone.offset_at(utc)),
        }
    }

    /// The instant of the wall-clock time `wall` (a floating time is taken as UTC). As RFC 5545
    /// says, a time that happens twice when clocks go back is the first, and a time skipped
    /// when they go forward is read with the offset from before the change.
    pub fn instant(&self, frame: Frame, wall: NaiveDateTime) -> NaiveDateTime {
        if matches!(frame, Frame::Floating | Frame::Utc) {
            return wall;
        }
        // The offsets a day either side are the two around any change near `wall`.
        let before = self.offset_at(frame, values::shifted_days(wall, -1));
        let after = self.offset_at(frame, values::shifted_days(wall, 1));
        if before == after {
            return values::shifted(wall, -i64::from(before));
        }
        [before, after]
            .into_iter()
            .map(|offset| (offset, values::shifted(wall, -i64::from(offset))))
            .filter(|&(offset, utc)| self.offset_at(frame, utc) == offset)
            .map(|(_, utc)| utc)
            .min()
            .unwrap_or_else(|| values::shifted(wall, -i64::from(before)))
    }

    /// The wall-clock time of the instant `utc` (a floating time is taken as UTC).
    pub fn wall(&self, frame: Frame, utc: NaiveDateTime) -> NaiveDateTime {
        values::shifted(utc, i64::from(self.offset_at(frame, utc)))
    }
}

/// Transitions are worked out up to this year; later times keep the last offset.
const LAST_YEAR: i32 = 2200;
/// And from this year on; earlier times keep the first offset.
const FIRST_YEAR: i32 = 1900;

/// A zone a VTIMEZONE defines: its offsets and when each starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CustomZone {
    pub tzid: String,
    /// The offset before the first transition.
    first: i32,
    /// When each offset starts (UTC), in order.
    transitions: Vec<(NaiveDateTime, i32)>,
}

impl CustomZone {
    fn offset_at(&self, utc: NaiveDateTime) -> i32 {
        let after = self.transitions.partition_point(|&(start, _)| start <= utc);
        match after {
            0 => self.first,
            _ => self.transitions[after - 1].1,
        }
    }

    /// The zone of a VTIMEZONE: its STANDARD and DAYLIGHT parts, each with an onset
    /// (DTSTART, in the local time of the offset before it), TZOFFSETFROM, TZOFFSETTO, and
    /// RRULEs and RDATEs that repeat the onset.
    pub fn read(component: &Component) -> Result<CustomZone, Located> {
        let tzid = component
            .property("TZID")
            .ok_or_else(|| missing(component.line, "VTIMEZONE", "TZID"))?
            .value
            .trim()
            .to_string();
        let mut onsets = Vec::new();
        for part in &component.children {
            if part.name == "STANDARD" || part.name == "DAYLIGHT" {
                onsets.extend(Self::onsets(part)?);
            }
        }
        onsets.sort_unstable();
        onsets.dedup();
        let Some(&(_, first, _)) = onsets.first() else {
            return Err((component.line, CalendarProblem::EmptyZone { tzid }));
        };
        Ok(CustomZone {
            tzid,
            first,
            transitions: onsets.into_iter().map(|(at, _, to)| (at, to)).collect(),
        })
    }

    /// The onsets of one STANDARD or DAYLIGHT part, in UTC, each with the offsets from and to.
    fn onsets(part: &Component) -> Result<Vec<(NaiveDateTime, i32, i32)>, Located> {
        let low = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1)
            .unwrap_or_default()
            .into();
        let high = NaiveDate::from_ymd_opt(LAST_YEAR, 1, 1)
            .unwrap_or_default()
            .into();
        let property = |name: &'static str| {
            part.property(name)
                .ok_or_else(|| missing(part.line, &part.name, name))
        };
        let start = property("DTSTART")?;
        let start_at = match values::written(&start.value, start.param("VALUE")) {
            Some(Written::Local(at) | Written::Utc(at)) => at,
            Some(Written::Date(day)) => day.into(),
            None => return Err(bad(start, CalendarValue::DateTime)),
        };
        let offset = |name| {
            let property = property(name)?;
            values::utc_offset(&property.value)
                .ok_or_else(|| bad(property, CalendarValue::UtcOffset))
        };
        let (from, to) = (offset("TZOFFSETFROM")?, offset("TZOFFSETTO")?);
        let mut local = vec![start_at];
        for property in part.all("RRULE") {
            let mut rule =
                Rule::parse(&property.value).map_err(|reason| bad_rule(property, reason))?;
            // UNTIL is in UTC; the onsets are in the local time before them.
            rule.set_until(|utc| values::shifted(utc, i64::from(from)));
            rule.check(start_at)
                .map_err(|reason| bad_rule(property, reason))?;
            rule.expand(start_at, low, high, &mut local);
        }
        for property in part.all("RDATE") {
            for text in property.value.split(',') {
                match values::written(text, property.param("VALUE")) {
                    Some(Written::Local(at) | Written::Utc(at)) => local.push(at),
                    Some(Written::Date(day)) => local.push(day.into()),
                    None => return Err(bad(property, CalendarValue::DateTime)),
                }
            }
        }
        Ok(local
            .into_iter()
            .map(|at| (values::shifted(at, -i64::from(from)), from, to))
            .collect())
    }
}

/// A component without a property it needs.
fn missing(line: usize, component: &str, property: &'static str) -> Located {
    (
        line,
        CalendarProblem::MissingProperty {
            component: component.to_string(),
            property,
        },
    )
}

/// The frame a TZID names: an IANA zone chrono-tz knows; else the zone of a VTIMEZONE of the
/// file (`defined`, by TZID); else an IANA name at the end of the TZID, as in the
/// "/mozilla.org/20050126_1/Europe/Berlin" of old Mozilla calendars.
pub(super) fn resolve(tzid: &str, defined: &HashMap<String, usize>) -> Option<Frame> {
    let tzid = tzid.trim();
    if let Ok(zone) = tzid.parse::<chrono_tz::Tz>() {
        return Some(Frame::Iana(zone));
    }
    if let Some(&index) = defined.get(tzid) {
        return Some(Frame::Custom(index));
    }
    tzid.match_indices('/')
        .filter_map(|(at, _)| tzid[at + 1..].parse::<chrono_tz::Tz>().ok())
        .next()
        .map(Frame::Iana)
}

pub(super) fn bad(property: &super::lines::Property, expected: CalendarValue) -> Located {
    (
        property.line,
        CalendarProblem::BadValue {
            property: property.name.clone(),
            value: super::lines::shorten(&property.value),
            expected,
        },
    )
}

pub(super) fn bad_rule(
    property: &super::lines::Property,
    reason: super::rules::RuleProblem,
) -> Located {
    (
        property.line,
        CalendarProblem::BadRule {
            value: super::lines::shorten(&property.value),
            reason: reason.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn gaps_and_repeated_hours_follow_rfc_5545() {
        let zones = Zones::default();
        let berlin = Frame::Iana(chrono_tz::Europe::Berlin);
        // 02:30 does not exist on 2027-03-28: read with the offset before, +01:00.
        assert_eq!(
            zones.instant(berlin, at("2027-03-28 02:30")),
            at("2027-03-28 01:30")
        );
        // 02:30 happens twice on 2027-10-31: the first, still +02:00.
        assert_eq!(
            zones.instant(berlin, at("2027-10-31 02:30")),
            at("2027-10-31 00:30")
        );
        assert_eq!(
            zones.instant(berlin, at("2027-07-01 12:00")),
            at("2027-07-01 10:00")
        );
        assert_eq!(
            zones.wall(berlin, at("2027-07-01 10:00")),
            at("2027-07-01 12:00")
        );
        assert_eq!(
            zones.instant(Frame::Floating, at("2027-07-01 12:00")),
            at("2027-07-01 12:00")
        );
    }

    #[test]
    fn tzids_name_iana_zones_or_vtimezones() {
        let defined = HashMap::from([("W. Europe Standard Time".to_string(), 0)]);
        assert_eq!(
            resolve("America/New_York", &defined),
            Some(Frame::Iana(chrono_tz::America::New_York))
        );
        assert_eq!(
            resolve("W. Europe Standard Time", &defined),
            Some(Frame::Custom(0))
        );
        assert_eq!(
            resolve("/mozilla.org/20050126_1/Europe/Berlin", &defined),
            Some(Frame::Iana(chrono_tz::Europe::Berlin))
        );
        assert_eq!(resolve("Pacific Standard Time", &defined), None);
    }
}
