//! Time zones: an IANA zone from chrono-tz's built-in database (`--tz`, or `TZ` naming one), or
//! whatever else `TZ` says as the C library reads it, such as the POSIX rule
//! `CET-1CEST,M3.5.0,M10.5.0/3`, so that sessions land where the user's other programs put them.

use chrono::{FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// A time zone, as far as sessions need one: the offset at an instant and the offsets of a
/// local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone such as Europe/Berlin.
    Iana(Tz),
    /// What `TZ` says when it is not an IANA name, read by tz-rs as the C library reads it: a
    /// POSIX rule, or a TZif file (`:/etc/localtime`).
    Posix(tz::TimeZone),
}

impl Zone {
    /// The offset from UTC at the instant `utc`.
    pub fn offset_at(&self, utc: NaiveDateTime) -> FixedOffset {
        match self {
            Zone::Iana(zone) => zone.offset_from_utc_datetime(&utc).fix(),
            Zone::Posix(zone) => zone
                .find_local_time_type(utc.and_utc().timestamp())
                .ok()
                .and_then(|kind| FixedOffset::east_opt(kind.ut_offset()))
                .unwrap_or_else(|| Utc.fix()),
        }
    }

    /// The instant `utc` as a local time with its offset.
    pub fn at(&self, utc: NaiveDateTime) -> chrono::DateTime<FixedOffset> {
        self.offset_at(utc).from_utc_datetime(&utc)
    }

    /// The offsets `local` has: one, two when clocks go back over it, none when it falls in a
    /// gap.
    pub fn local_offsets(&self, local: NaiveDateTime) -> LocalResult<FixedOffset> {
        match self {
            Zone::Iana(zone) => zone.offset_from_local_datetime(&local).map(|o| o.fix()),
            Zone::Posix(zone) => posix_local_offsets(zone, local),
        }
    }
}

/// [`Zone::local_offsets`] for a tz-rs zone, whose search lists the instants a local time is.
fn posix_local_offsets(zone: &tz::TimeZone, local: NaiveDateTime) -> LocalResult<FixedOffset> {
    use chrono::{Datelike, Timelike};
    use tz::datetime::FoundDateTimeKind;
    // Month, day, hour, minute and second always fit in a u8.
    let [month, day, hour, minute, second] = [
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second(),
    ]
    .map(|part| u8::try_from(part).unwrap_or(u8::MAX));
    let found = tz::DateTime::find(
        local.year(),
        month,
        day,
        hour,
        minute,
        second,
        0,
        zone.as_ref(),
    );
    let offsets: Vec<FixedOffset> = found
        .map(|found| found.into_inner())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|kind| match kind {
            FoundDateTimeKind::Normal(time) => {
                FixedOffset::east_opt(time.local_time_type().ut_offset())
            }
            FoundDateTimeKind::Skipped { .. } => None,
        })
        .collect();
    match offsets[..] {
        [] => LocalResult::None,
        [offset] => LocalResult::Single(offset),
        [first, second, ..] => LocalResult::Ambiguous(first, second),
    }
}

/// An IANA time zone name such as "Europe/Berlin". Names are case-sensitive and not always
/// what people type, so a near miss gets a "did you mean".
pub fn parse_tz(text: &str) -> Result<Tz, UnknownZone> {
    let name = text.trim();
    name.parse::<Tz>().map_err(|_| UnknownZone {
        text: text.to_string(),
        hint: did_you_mean(name),
    })
}

/// A name that is not an IANA time zone, with the zone it most likely means.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not an IANA time zone name{}", match hint {
    Some(hint) => format!("; {hint}"),
    None => " like Europe/Berlin or America/New_York".to_string(),
})]
pub struct UnknownZone {
    pub text: String,
    pub hint: Option<String>,
}

/// The hint for a name that is not a zone: an offset such as "UTC+2" is the Etc/GMT zone of
/// the opposite sign, which surprises everyone, so it is said; else the known name it is most
/// likely meant to be.
fn did_you_mean(name: &str) -> Option<String> {
    if let Some(zone) = offset_zone(name) {
        return Some(format!(
            "did you mean {zone}? (Etc/GMT zones count hours west of Greenwich: {zone} is {name})"
        ));
    }
    known_name(name).map(|known| format!("did you mean {known}?"))
}

/// "UTC+2" or "GMT-5" as IANA names it: Etc/GMT-2, Etc/GMT+5.
fn offset_zone(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let offset = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))?;
    let flipped = match offset.get(..1)? {
        "+" => '-',
        "-" => '+',
        _ => return None,
    };
    let hours: u8 = offset.get(1..)?.parse().ok()?;
    let zone = format!("Etc/GMT{flipped}{hours}");
    zone.parse::<Tz>().is_ok().then_some(zone)
}

/// The zone name `name` most likely means: the same name in other case, else a zone of that
/// city ("new york"), else a spelling at most a few letters off. Names with digits get no
/// spelling guess: "GMT+1" is not "GMT+0".
fn known_name(name: &str) -> Option<&'static str> {
    let names = || chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name());
    let city = name.replace(' ', "_");
    let is_city = |known: &&str| {
        known
            .rsplit_once('/')
            .is_some_and(|(_, last)| last.eq_ignore_ascii_case(&city))
    };
    let lower = name.to_lowercase();
    let most_off = (lower.chars().count() / 6).max(1);
    let spelling = || {
        names()
            .map(|known| {
                (
                    strsim::damerau_levenshtein(&lower, &known.to_lowercase()),
                    known,
                )
            })
            .filter(|&(off, _)| off <= most_off)
            .min_by_key(|&(off, _)| off)
            .map(|(_, known)| known)
    };
    names()
        .find(|known| known.eq_ignore_ascii_case(name))
        .or_else(|| names().find(is_city))
        .or_else(|| {
            let has_digits = name.contains(|c: char| c.is_ascii_digit());
            if has_digits { None } else { spelling() }
        })
}

/// The zone that a `TZ` value names, read as the C library reads it: an IANA name (also
/// `:Europe/Berlin`, or a path ending in `zoneinfo/Europe/Berlin`), else a TZif file or a POSIX
/// rule (`CET-1CEST,M3.5.0,M10.5.0/3`). `None` when it is none of these.
pub fn from_tz_var(value: &str) -> Option<Zone> {
    let value = value.trim();
    let name = value.strip_prefix(':').unwrap_or(value);
    let iana = |name: &str| name.parse::<Tz>().ok().map(Zone::Iana);
    let in_zoneinfo = || iana(name.rsplit_once("zoneinfo/")?.1);
    iana(name)
        .or_else(in_zoneinfo)
        .or_else(|| tz::TimeZone::from_posix_tz(value).ok().map(Zone::Posix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset_hours(zone: &Zone, utc: &str) -> f64 {
        let utc: NaiveDateTime = utc.parse().unwrap();
        f64::from(zone.offset_at(utc).local_minus_utc()) / 3600.0
    }

    #[test]
    fn a_zone_name_typed_wrong_gets_a_suggestion() {
        let message = |name| parse_tz(name).unwrap_err().to_string();
        for (typed, meant) in [
            ("europe/berlin", "Europe/Berlin"),
            ("EUROPE/BERLIN", "Europe/Berlin"),
            ("Europe/Berln", "Europe/Berlin"),
            ("Amerika/New_York", "America/New_York"),
            ("new york", "America/New_York"),
            ("tokyo", "Asia/Tokyo"),
        ] {
            assert!(
                message(typed).ends_with(&format!("did you mean {meant}?")),
                "{typed}: {}",
                message(typed)
            );
        }
        assert!(message("UTC+2").ends_with("did you mean Etc/GMT-2? (Etc/GMT zones count hours west of Greenwich: Etc/GMT-2 is UTC+2)"));
        assert!(message("gmt-5").contains("did you mean Etc/GMT+5?"));
        for nothing_near in [
            "Mars/Base",
            "Mars/Olympus_Mons",
            "GMT+1:30",
            "CET-1CEST,M3.5.0",
        ] {
            let message = message(nothing_near);
            assert!(!message.contains("did you mean"), "{message}");
            assert!(message.contains("like Europe/Berlin"), "{message}");
        }
    }

    #[test]
    fn tz_names_an_iana_zone_in_any_of_the_c_librarys_spellings() {
        let berlin = Some(Zone::Iana(chrono_tz::Europe::Berlin));
        assert_eq!(from_tz_var("Europe/Berlin"), berlin);
        assert_eq!(from_tz_var(":Europe/Berlin"), berlin);
        assert_eq!(from_tz_var(":/usr/share/zoneinfo/Europe/Berlin"), berlin);
        assert_eq!(from_tz_var("Mars/Olympus_Mons"), None);
        assert_eq!(from_tz_var("CET-1CEST,M13.5.0"), None);
    }

    #[test]
    fn a_posix_rule_in_tz_gives_its_offsets() {
        let zone = from_tz_var("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        assert!(matches!(zone, Zone::Posix(_)));
        assert_eq!(offset_hours(&zone, "2027-01-04T18:00:00"), 1.0);
        assert_eq!(offset_hours(&zone, "2027-07-05T17:00:00"), 2.0);
        // The change is at 01:00 UTC on the last Sunday of March.
        assert_eq!(offset_hours(&zone, "2027-03-28T00:59:00"), 1.0);
        assert_eq!(offset_hours(&zone, "2027-03-28T01:00:00"), 2.0);
        let fixed = from_tz_var("<+0530>-5:30").unwrap();
        assert_eq!(offset_hours(&fixed, "2027-01-04T18:00:00"), 5.5);
    }

    #[test]
    fn a_posix_rule_has_gaps_and_repeats() {
        let zone = from_tz_var("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let local = |text: &str| zone.local_offsets(text.parse().unwrap());
        let hours = |offset: FixedOffset| offset.local_minus_utc() / 3600;
        assert_eq!(local("2027-03-28T02:30:00"), LocalResult::None);
        assert_eq!(
            local("2027-03-28T03:30:00").map(hours),
            LocalResult::Single(2)
        );
        assert_eq!(
            local("2027-10-31T02:30:00").map(hours),
            LocalResult::Ambiguous(2, 1)
        );
    }
}
