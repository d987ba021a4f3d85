//! Recurrence rules (RRULE), expanded by the `rrule` crate.
//!
//! A rule is expanded in the wall-clock time of its event (a time zone's local time, UTC, or
//! floating time), as RFC 5545 asks: the crate gets that time as if it were UTC, so it never
//! moves an instance for daylight saving time, and the caller turns each wall-clock instance
//! into an instant with the event's zone. UNTIL is taken out of the rule and given back in the
//! same wall-clock time (the crate would read a local UNTIL in the machine's zone).

use super::values::{self, Written};
use chrono::{Datelike, Month, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

/// Past this many instances from where a rule's expansion starts, it stops: a daily rule
/// reaches 270 years, but a rule with a large COUNT, or SECONDLY, can ask for more than any
/// calendar means.
const MOST_STEPS: usize = 100_000;

/// An RRULE value, without its UNTIL.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    rule: RRule<Unvalidated>,
    /// As written.
    pub until: Option<Written>,
    /// UNTIL in the event's wall-clock time, once its zone is known (see [`Rule::set_until`]).
    until_wall: Option<NaiveDateTime>,
}

/// The instant `wall` as the `rrule` crate's UTC: the crate computes in wall-clock time.
fn pseudo(wall: NaiveDateTime) -> chrono::DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&wall)
}

/// Why an RRULE value is not a rule learnpath can expand.
#[derive(Debug)]
pub enum RuleProblem {
    UntilTwice,
    /// An UNTIL that is neither a date nor a date-time.
    BadUntil {
        text: String,
    },
    Colon,
    /// The `rrule` crate's reason.
    Rejected(rrule::RRuleError),
}

impl std::fmt::Display for RuleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleProblem::UntilTwice => f.write_str("UNTIL is given twice"),
            RuleProblem::BadUntil { text } => write!(
                f,
                "UNTIL={text} is not a date like 20271231 or a date-time like 20271231T235959Z"
            ),
            RuleProblem::Colon => f.write_str("':' has no place in a rule"),
            RuleProblem::Rejected(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for RuleProblem {}

impl Rule {
    /// Reads an RRULE value; the error is the reason it is not one.
    pub fn parse(value: &str) -> Result<Rule, RuleProblem> {
        let mut until = None;
        let mut kept = Vec::new();
        for part in value.trim().split(';').filter(|part| !part.is_empty()) {
            let (name, text) = part.split_once('=').unwrap_or((part, ""));
            if name.eq_ignore_ascii_case("UNTIL") {
                if until.is_some() {
                    return Err(RuleProblem::UntilTwice);
                }
                until = Some(
                    values::written(text, None).ok_or_else(|| RuleProblem::BadUntil {
                        text: text.to_string(),
                    })?,
                );
            } else if name.len() < 2 || !name[..2].eq_ignore_ascii_case("X-") {
                kept.push(part);
            }
        }
        let kept = kept.join(";");
        if kept.contains(':') {
            return Err(RuleProblem::Colon);
        }
        let rule: RRule<Unvalidated> = kept.parse().map_err(RuleProblem::Rejected)?;
        Ok(Rule {
            rule,
            until,
            until_wall: None,
        })
    }

    /// Gives UNTIL in the event's wall-clock time: `to_wall` turns a UTC time into it. An UNTIL
    /// that is a date lets the rule run to the end of that day.
    pub fn set_until(&mut self, to_wall: impl Fn(NaiveDateTime) -> NaiveDateTime) {
        self.until_wall = self.until.as_ref().map(|until| match *until {
            Written::Date(day) => {
                day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default())
            }
            Written::Local(at) => at,
            Written::Utc(at) => to_wall(at),
        });
    }

    /// Whether the `rrule` crate takes the rule for an event starting at `start` (wall-clock
    /// time); the error is its reason. An UNTIL before the start is no error: the rule adds
    /// nothing.
    pub fn check(&self, start: NaiveDateTime) -> Result<(), RuleProblem> {
        let mut rule = self.rule.clone();
        if let Some(until) = self.until_wall.filter(|&until| until >= start) {
            rule = rule.until(pseudo(until));
        }
        rule.validate(pseudo(start))
            .map(drop)
            .map_err(RuleProblem::Rejected)
    }

    /// Adds to `out` the instances (wall-clock starts) of the rule for an event starting at
    /// `start`, from `low` to `high`. Without a COUNT the expansion starts near `low`, not at
    /// `start`, so that an old daily event costs no more than a new one.
    pub fn expand(
        &self,
        start: NaiveDateTime,
        low: NaiveDateTime,
        high: NaiveDateTime,
        out: &mut Vec<NaiveDateTime>,
    ) {
        let (rule, first) = match self.rule.get_count() {
            None => skip_ahead(&self.rule, start, low),
            Some(_) => (self.rule.clone(), start),
        };
        self.expand_from(rule, first, low, high, out);
    }

    fn expand_from(
        &self,
        mut rule: RRule<Unvalidated>,
        first: NaiveDateTime,
        low: NaiveDateTime,
        high: NaiveDateTime,
        out: &mut Vec<NaiveDateTime>,
    ) {
        if let Some(until) = self.until_wall {
            if until < first || until < low {
                return;
            }
            rule = rule.until(pseudo(until));
        }
        let Ok(rule) = rule.validate(pseudo(first)) else {
            return;
        };
        let set = RRuleSet::new(pseudo(first)).rrule(rule).limit();
        for (step, instance) in (&set).into_iter().enumerate() {
            let wall = instance.naive_utc();
            if wall > high || step >= MOST_STEPS {
                break;
            }
            if wall >= low {
                out.push(wall);
            }
        }
    }
}

/// The rule and a later start that give the same instances from `low` on: whole periods of
/// the rule later, as late as still before `low`. Where the crate takes the day or the month
/// from the start, they are written into the rule first.
fn skip_ahead(
    rule: &RRule<Unvalidated>,
    start: NaiveDateTime,
    low: NaiveDateTime,
) -> (RRule<Unvalidated>, NaiveDateTime) {
    let unchanged = (rule.clone(), start);
    let interval = i64::from(rule.get_interval());
    if low <= start || interval == 0 {
        return unchanged;
    }
    let unit = match rule.get_freq() {
        Frequency::Secondly => Some(1),
        Frequency::Minutely => Some(60),
        Frequency::Hourly => Some(3600),
        Frequency::Daily => Some(86_400),
        Frequency::Weekly => Some(7 * 86_400),
        Frequency::Monthly | Frequency::Yearly => None,
    };
    if let Some(unit) = unit {
        let period = unit * interval;
        let periods = (low - start).num_seconds() / period;
        return (rule.clone(), values::shifted(start, periods * period));
    }
    // A month or a year has no fixed length: count months, from the first of the month.
    let yearly = rule.get_freq() == Frequency::Yearly;
    let step = if yearly { 12 * interval } else { interval };
    let months = |at: NaiveDateTime| i64::from(at.year()) * 12 + i64::from(at.month0());
    let periods = (months(low) - months(start) - 1).max(0) / step;
    if periods == 0 {
        return unchanged;
    }
    let month = months(start) + periods * step;
    let (year, month0) = (month.div_euclid(12), month.rem_euclid(12));
    let (year, month0) = if yearly { (year, 0) } else { (year, month0) };
    let Some(first) = i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, u32::try_from(month0).ok()? + 1, 1))
    else {
        return unchanged;
    };
    let Some(pinned) = pinned(rule, start, yearly) else {
        return unchanged;
    };
    (pinned, first.and_time(start.time()))
}

/// The rule with the day (and for a yearly rule, the month) that the crate would take from
/// the start written into it, when the rule does not choose days itself; `None` when the
/// start's day or month cannot be written.
fn pinned(
    rule: &RRule<Unvalidated>,
    start: NaiveDateTime,
    yearly: bool,
) -> Option<RRule<Unvalidated>> {
    let by_day = !rule.get_by_week_no().is_empty()
        || !rule.get_by_year_day().is_empty()
        || !rule.get_by_month_day().is_empty()
        || !rule.get_by_weekday().is_empty();
    if by_day {
        return Some(rule.clone());
    }
    let mut pinned = rule.clone();
    if yearly && rule.get_by_month().is_empty() {
        let month = u8::try_from(start.month())
            .ok()
            .and_then(|month| Month::try_from(month).ok())?;
        pinned = pinned.by_month(&[month]);
    }
    let day = i8::try_from(start.day()).ok()?;
    Some(pinned.by_month_day(vec![day]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn instances(rule: &str, start: &str, low: &str, high: &str) -> Vec<String> {
        let mut rule = Rule::parse(rule).unwrap();
        rule.set_until(|utc| utc);
        let mut out = Vec::new();
        rule.expand(at(start), at(low), at(high), &mut out);
        out.iter()
            .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
            .collect()
    }

    #[test]
    fn count_until_and_a_window() {
        assert_eq!(
            instances(
                "FREQ=WEEKLY;COUNT=3",
                "2027-01-04 09:00",
                "2000-01-01 00:00",
                "2100-01-01 00:00"
            ),
            ["2027-01-04 09:00", "2027-01-11 09:00", "2027-01-18 09:00"]
        );
        // UNTIL is inclusive; as a date it includes that day.
        assert_eq!(
            instances(
                "FREQ=DAILY;UNTIL=20270106T090000",
                "2027-01-04 09:00",
                "2000-01-01 00:00",
                "2100-01-01 00:00"
            ),
            ["2027-01-04 09:00", "2027-01-05 09:00", "2027-01-06 09:00"]
        );
        assert_eq!(
            instances(
                "FREQ=DAILY;UNTIL=20270105",
                "2027-01-04 09:00",
                "2000-01-01 00:00",
                "2100-01-01 00:00"
            ),
            ["2027-01-04 09:00", "2027-01-05 09:00"]
        );
        // Unbounded: only the window, even from long ago.
        assert_eq!(
            instances(
                "FREQ=DAILY;INTERVAL=2",
                "1990-01-02 07:00",
                "2027-03-01 00:00",
                "2027-03-06 00:00"
            ),
            ["2027-03-01 07:00", "2027-03-03 07:00", "2027-03-05 07:00"]
        );
        assert_eq!(
            instances(
                "FREQ=MONTHLY",
                "1999-01-31 07:00",
                "2027-01-15 00:00",
                "2027-06-01 00:00"
            ),
            ["2027-01-31 07:00", "2027-03-31 07:00", "2027-05-31 07:00"]
        );
        // An UNTIL before the start adds nothing.
        assert!(
            instances(
                "FREQ=DAILY;UNTIL=20200101",
                "2027-01-04 09:00",
                "2000-01-01 00:00",
                "2100-01-01 00:00"
            )
            .is_empty()
        );
        // X- parts are left out; a rule that never happens ends.
        assert_eq!(
            instances(
                "FREQ=YEARLY;X-FOO=1;BYMONTH=2;BYMONTHDAY=30",
                "2027-01-04 09:00",
                "2000-01-01 00:00",
                "2100-01-01 00:00"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn rules_the_crate_rejects_say_why() {
        for bad in [
            "FREQ=FORTNIGHTLY",
            "COUNT=3",
            "FREQ=DAILY;COUNT=x",
            "FREQ=DAILY;UNTIL=tomorrow",
            "FREQ=DAILY;A:B",
            "FREQ=DAILY;UNTIL=20270101;UNTIL=20270102",
        ] {
            assert!(Rule::parse(bad).is_err(), "{bad}");
        }
        let rule = Rule::parse("FREQ=MONTHLY;BYSETPOS=40;BYDAY=MO").unwrap();
        assert!(rule.check(at("2027-01-04 09:00")).is_err());
    }

    fn rule_text() -> impl Strategy<Value = String> {
        let freq = prop::sample::select(vec!["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
        let extra = prop::sample::select(vec![
            "",
            ";BYDAY=MO,WE",
            ";BYDAY=-1FR",
            ";BYMONTHDAY=31",
            ";BYMONTHDAY=-1",
            ";BYMONTH=2,11",
            ";BYDAY=TU;BYSETPOS=2",
            ";BYWEEKNO=10",
            ";BYHOUR=6,18",
            ";WKST=SU;BYDAY=SU,SA",
            ";BYYEARDAY=100",
        ]);
        (freq, 1..5u8, extra)
            .prop_map(|(freq, interval, extra)| format!("FREQ={freq};INTERVAL={interval}{extra}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        /// Starting near the window gives the very instances of starting at the start.
        #[test]
        fn skipping_ahead_changes_nothing(
            text in rule_text(),
            start_days in 0..4000i64,
            start_minute in 0..1440i64,
            window_days in 1..40i64,
        ) {
            let rule = Rule::parse(&text).unwrap();
            let start = values::shifted(values::shifted_days(at("2010-01-31 00:00"), start_days), start_minute * 60);
            let low = at("2021-02-27 00:00");
            let high = values::shifted_days(low, window_days);
            prop_assume!(rule.check(start).is_ok());
            let mut skipped = Vec::new();
            rule.expand(start, low, high, &mut skipped);
            let mut whole = Vec::new();
            rule.expand_from(rule.rule.clone(), start, low, high, &mut whole);
            prop_assert_eq!(skipped, whole);
        }
    }
}
