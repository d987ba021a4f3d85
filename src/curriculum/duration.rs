//! Study times: "55 min", "90 minutes", "1 hour", "~1.5 hours", "1h30m", "2h", "45m".

use std::fmt;

/// The longest time one document or one section may claim (100 hours). Anything longer is
/// far more likely a typo than a real reading time, and it keeps the arithmetic small.
pub const MAX_MINUTES: u32 = 100 * 60;

/// Why a duration did not parse. The message completes "expected a duration like \"55 min\"".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    pub reason: String,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

fn fail<T>(reason: impl Into<String>) -> Result<T, DurationError> {
    Err(DurationError {
        reason: reason.into(),
    })
}

/// Parses a human duration into whole minutes (rounded to the nearest minute).
///
/// A leading `~` ("about") is allowed. One or more `<number><unit>` parts follow, with or
/// without spaces between them. Units: m, min, mins, minute, minutes, h, hr, hrs, hour, hours.
pub fn parse_minutes(text: &str) -> Result<u32, DurationError> {
    let trimmed = text.trim();
    let body = trimmed.strip_prefix('~').unwrap_or(trimmed).trim_start();
    if body.is_empty() {
        return fail("the value is empty");
    }
    let lower = body.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut total = 0.0_f64;
    let mut last_unit = 0.0_f64;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number_text = &rest[..number_len];
        if number_text.is_empty() {
            return fail(format!("'{rest}' does not start with a number"));
        }
        let Ok(number) = number_text.parse::<f64>() else {
            return fail(format!("'{number_text}' is not a number"));
        };
        rest = rest[number_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        let per_unit = match unit {
            "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
            // "1h30": minutes after hours may go without their unit.
            "" if last_unit == 60.0 && rest[unit_len..].trim().is_empty() => 1.0,
            "" => {
                return fail(format!(
                    "'{number_text}' has no unit (write '{number_text} min')"
                ));
            }
            other => return fail(format!("unknown unit '{other}' (use min or hours)")),
        };
        total += number * per_unit;
        last_unit = per_unit;
        rest = rest[unit_len..].trim_start();
    }
    let minutes = total.round();
    if !minutes.is_finite() || minutes > f64::from(MAX_MINUTES) {
        return fail(format!("more than the limit of {} hours", MAX_MINUTES / 60));
    }
    if minutes < 1.0 {
        return fail("a study time must be at least 1 minute");
    }
    // In range 1..=MAX_MINUTES, so the cast is exact.
    Ok(minutes as u32)
}

pub use crate::words::format_minutes;

/// Weekly time as hours with one decimal ("5.0 h") when that is exact, else in hours and
/// minutes ("4 h 5 min"), so that a summary never shows more time than the plan uses.
pub fn format_hours(minutes: u32) -> String {
    if minutes.is_multiple_of(6) {
        format!("{:.1} h", f64::from(minutes) / 60.0)
    } else {
        format_minutes(minutes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_shown_exactly() {
        assert_eq!(format_hours(300), "5.0 h");
        assert_eq!(format_hours(246), "4.1 h");
        assert_eq!(format_hours(15), "15 min");
        assert_eq!(format_hours(245), "4 h 5 min");
    }

    #[test]
    fn accepts_the_documented_forms() {
        for (text, minutes) in [
            ("55 min", 55),
            ("90 minutes", 90),
            ("1 hour", 60),
            ("~1.5 hours", 90),
            ("1h30m", 90),
            ("2h", 120),
            ("45m", 45),
            ("  20 MIN ", 20),
            ("1 hr 15 mins", 75),
            ("~ 2.5 hours", 150),
            ("1h30", 90),
            ("2 h 5", 125),
        ] {
            assert_eq!(parse_minutes(text), Ok(minutes), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for (text, words) in [
            ("", "empty"),
            ("~", "empty"),
            ("soon", "does not start with a number"),
            ("55", "no unit"),
            ("30 1h", "no unit"),
            ("1h 30 20", "no unit"),
            ("5 days", "unknown unit 'days'"),
            ("0 min", "at least 1 minute"),
            ("-5 min", "does not start with a number"),
            ("99999 hours", "limit"),
            ("1e309 min", "unknown unit 'e'"),
            ("1.2.3 min", "not a number"),
        ] {
            let error = parse_minutes(text).expect_err(text);
            assert!(error.reason.contains(words), "{text}: {}", error.reason);
        }
    }

    #[test]
    fn formats_hours_and_minutes() {
        assert_eq!(format_minutes(55), "55 min");
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(375), "6 h 15 min");
    }
}
