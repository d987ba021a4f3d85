//! Is the finish-date forecast calibrated? 200 simulated learners follow the embedded
//! curriculum's plan for a role (those of 40 documents or more), each with a true pace drawn
//! uniformly from 0.7 to 1.3 (stratified: one learner in each 1/200th of the range, in
//! shuffled order) and lognormal per-document noise of log-sigma 0.35: a document takes
//! est × pace × noise. They study fluidly on their calendar from 2027-01-04 (5 h a week on
//! Mon, Wed and Sat in sittings of up to 100 min; some 4 or 6 h; a quarter skip one week of
//! their first ten) and log each document they finish. On the day they finish their 5th
//! document they stop for the day; the forecast is made for the days after, from those 5 logs
//! (and, to compare, from none), on a fresh calendar that knows what that week already had.
//!
//! cargo test --test calibration -- --nocapture
//! (LEARNPATH_CALIBRATION_SEED=N tries another set of learners.)

use chrono::{NaiveDate, Weekday};
use learnpath::availability::{Availability, DateRange};
use learnpath::curriculum::RoleId;
use learnpath::plan::Selection;
use learnpath::plan::forecast::{Capacity, Forecast, Logged, Method, forecast};
use learnpath::plan::{
    DoneSet, Planner, SessionMinutes, Settings, Studied, StudyDays, WeeklyMinutes,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

const LEARNERS: usize = 200;
/// The spread of ln(noise) of a learner's documents around their pace.
const NOISE_SIGMA: f64 = 0.35;
/// Documents logged before the forecast.
const LOGGED: usize = 5;

/// The estimated minutes of the embedded curriculum's plans for its roles of 40 documents or
/// more, in study order.
fn plans() -> Vec<Vec<u32>> {
    let opened = learnpath::open(&learnpath::Source::Embedded).unwrap();
    let curriculum = &opened.curriculum;
    let plans: Vec<Vec<u32>> = (0..curriculum.roles.len())
        .map(|role| {
            let selection = Selection::role(curriculum, RoleId(role)).unwrap();
            let done = DoneSet::none(curriculum);
            let planner = Planner::new(curriculum, &opened.graph, selection, &done);
            planner
                .order()
                .iter()
                .map(|&id| curriculum.doc(id).minutes)
                .collect()
        })
        .filter(|plan: &Vec<u32>| plan.len() >= 40)
        .collect();
    assert!(!plans.is_empty(), "no role has a plan of 40 documents");
    plans
}

/// One learner's week: mostly 5 h on Mon, Wed and Sat; a quarter skip one week of their first
/// ten.
fn calendar(rng: &mut ChaCha8Rng) -> (Settings, Availability) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let hours = [5.0, 5.0, 4.0, 6.0][rng.random_range(0..4)];
    let days = StudyDays::from_weekdays([Weekday::Mon, Weekday::Wed, Weekday::Sat]);
    let settings = Settings::new(
        start,
        WeeklyMinutes::from_hours(hours).unwrap(),
        days,
        Some(SessionMinutes::new(100).unwrap()),
    );
    let mut availability = Availability::default();
    if rng.random_range(0..4) == 0 {
        let monday = start + chrono::Days::new(7 * rng.random_range(1..10));
        let sunday = monday + chrono::Days::new(6);
        availability
            .skip
            .push(DateRange::new(monday, sunday).unwrap());
    }
    (settings, availability)
}

/// What one learner's forecasts said, and when they really finished.
struct Outcome {
    /// The first day the forecast is for.
    start: NaiveDate,
    truth: NaiveDate,
    calibrated: Forecast,
    prior: Forecast,
}

/// The learner of the given stratum of paces, on their plan.
fn learner(estimates: &[u32], stratum: usize, rng: &mut ChaCha8Rng) -> Outcome {
    let within: f64 = rng.random_range(0.0..1.0);
    let pace = 0.7 + 0.6 * (stratum as f64 + within) / LEARNERS as f64;
    let noise = Normal::new(0.0, NOISE_SIGMA).unwrap();
    let truths: Vec<f64> = estimates
        .iter()
        .map(|&estimate| f64::from(estimate) * pace * noise.sample(rng).exp())
        .collect();
    let (settings, availability) = calendar(rng);
    let mut capacity = Capacity::new(&settings, &availability);
    let mut studied = 0.0;
    let mut logs = Vec::new();
    for (&estimated, &truth) in estimates.iter().zip(&truths).take(LOGGED) {
        studied += truth;
        let finished = capacity.finish_after(studied).unwrap();
        let actual = truth.round().max(1.0) as u32;
        logs.push((Logged { estimated, actual }, finished));
    }
    // They stop for the day after the 5th document; from the next day, a fresh calendar that
    // knows what this week already had.
    let start = logs[LOGGED - 1].1.succ_opt().unwrap();
    let week = Studied::before(start, logs.iter().map(|(log, date)| (log.actual, *date)));
    let mut after = Capacity::new(&settings.with_studied(week), &availability);
    let remaining = &estimates[LOGGED..];
    let truth = after.finish_after(truths[LOGGED..].iter().sum()).unwrap();
    let logged: Vec<Logged> = logs.iter().map(|(log, _)| *log).collect();
    let calibrated = forecast(remaining, &logged, &mut after, None)
        .unwrap()
        .unwrap();
    let prior = forecast(remaining, &[], &mut after, None).unwrap().unwrap();
    assert_eq!(calibrated.method, Method::History);
    assert_eq!(calibrated.logged_documents, LOGGED);
    assert_eq!(prior.method, Method::Prior);
    assert!(start <= calibrated.p10 && calibrated.p10 <= calibrated.p50);
    assert!(calibrated.p50 <= calibrated.p90);
    Outcome {
        start,
        truth,
        calibrated,
        prior,
    }
}

fn covered(forecast: &Forecast, truth: NaiveDate) -> bool {
    (forecast.p10..=forecast.p90).contains(&truth)
}

fn median_error_days(outcomes: &[Outcome], pick: impl Fn(&Outcome) -> &Forecast) -> f64 {
    let mut errors: Vec<i64> = outcomes
        .iter()
        .map(|outcome| (pick(outcome).p50 - outcome.truth).num_days().abs())
        .collect();
    errors.sort_unstable();
    let middle = errors.len() / 2;
    (errors[middle - 1] + errors[middle]) as f64 / 2.0
}

fn share(outcomes: &[Outcome], test: impl Fn(&Outcome) -> bool) -> f64 {
    outcomes.iter().filter(|outcome| test(outcome)).count() as f64 / outcomes.len() as f64
}

/// The seed of the simulated learners: 1 unless the environment says.
fn seed() -> u64 {
    std::env::var("LEARNPATH_CALIBRATION_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(1)
}

/// The strata of paces, 0..LEARNERS, in random order.
fn strata(rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut strata: Vec<usize> = (0..LEARNERS).collect();
    for last in (1..LEARNERS).rev() {
        strata.swap(last, rng.random_range(0..=last));
    }
    strata
}

fn mean_days(outcomes: &[Outcome], days: impl Fn(&Outcome) -> i64) -> f64 {
    outcomes.iter().map(|o| days(o) as f64).sum::<f64>() / outcomes.len() as f64
}

#[test]
fn the_forecast_is_calibrated_and_learns_from_the_logged_documents() {
    let plans = plans();
    let mut rng = ChaCha8Rng::seed_from_u64(seed());
    let strata = strata(&mut rng);
    let outcomes: Vec<Outcome> = (0..LEARNERS)
        .map(|index| learner(&plans[index % plans.len()], strata[index], &mut rng))
        .collect();
    let coverage = share(&outcomes, |o| covered(&o.calibrated, o.truth));
    let prior_coverage = share(&outcomes, |o| covered(&o.prior, o.truth));
    let by_p50 = share(&outcomes, |o| o.truth <= o.calibrated.p50);
    let error = median_error_days(&outcomes, |o| &o.calibrated);
    let prior_error = median_error_days(&outcomes, |o| &o.prior);
    println!(
        "{LEARNERS} learners (seed {}), plans of {:?} documents, noise log-sigma {NOISE_SIGMA}, forecast after {LOGGED} logged",
        seed(),
        plans.iter().map(Vec::len).collect::<Vec<_>>()
    );
    println!(
        "  true finish within P10-P90: calibrated {:.1}%, prior only {:.1}%",
        coverage * 100.0,
        prior_coverage * 100.0
    );
    println!(
        "  median |P50 - true finish|: calibrated {error} days, prior only {prior_error} days"
    );
    println!(
        "  true finish on or before the calibrated P50: {:.1}%",
        by_p50 * 100.0
    );
    println!(
        "  mean days to the true finish {:.1}; mean P10-P90 width: calibrated {:.1} days, prior only {:.1}",
        mean_days(&outcomes, |o| (o.truth - o.start).num_days()),
        mean_days(&outcomes, |o| (o.calibrated.p90 - o.calibrated.p10)
            .num_days()),
        mean_days(&outcomes, |o| (o.prior.p90 - o.prior.p10).num_days()),
    );
    assert!(
        (0.75..=0.85).contains(&coverage),
        "P10-P90 holds the true finish for {:.1}% of learners, not 75-85%",
        coverage * 100.0
    );
    assert!(
        error <= prior_error / 2.0,
        "the calibrated P50 is off by {error} days (median), the prior's by {prior_error}: not half"
    );
}
