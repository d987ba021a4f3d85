//! The zone sessions are in when neither `--tz` nor the profile names one: the environment's
//! (`TZ`) or the system's. The library reads no environment variable; this is where it is read.

use chrono_tz::Tz;
use learnpath::time::zone::{self, Zone};

/// The zone sessions are in when `--tz` is not given: what `TZ` names when it is set and not
/// empty, else the zone the system is set to. When neither can be told, UTC and a warning
/// saying why, which zone is used, and that `--tz` chooses one.
pub(crate) fn system_zone() -> (Zone, Option<String>) {
    const UTC: Zone = Zone::Iana(Tz::UTC);
    match std::env::var_os("TZ").filter(|value| !value.is_empty()) {
        Some(value) => match value.to_str().and_then(zone::from_tz_var) {
            Some(zone) => (zone, None),
            None => (
                UTC,
                Some(format!(
                    "TZ='{}' is not a time zone learnpath understands (an IANA name such as \
                     Europe/Berlin, a zoneinfo file, or a POSIX rule such as \
                     CET-1CEST,M3.5.0,M10.5.0/3); using UTC (pass --tz ZONE to choose one)",
                    value.to_string_lossy()
                )),
            ),
        },
        None => match iana_time_zone::get_timezone()
            .ok()
            .and_then(|n| n.parse().ok())
        {
            Some(zone) => (Zone::Iana(zone), None),
            None => (
                UTC,
                Some(
                    "cannot tell the system's time zone; using UTC (pass --tz ZONE to choose one)"
                        .to_string(),
                ),
            ),
        },
    }
}
