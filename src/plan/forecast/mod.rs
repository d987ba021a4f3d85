//! A calibrated finish date: P10, P50 and P90 of a Monte Carlo over the remaining documents on
//! the learner's real calendar.
//!
//! People finish by their own prediction only about 30% of the time; the ratio of actual to
//! estimated time is roughly lognormal, with a median about 1.0 and a mean about 1.8 (issue
//! 13). The model ([`Model`]):
//!
//! - A document's ratio is `exp(m + e)`: `m` is the learner's log-pace, shared by all their
//!   documents, and `e ~ N(0, s²)` is the document's own noise.
//! - Prior: `m ~ N(0, s0²/k)` and `s = s0`, with `k` = 1 pseudo-document. The per-document
//!   ratio is then lognormal with median 1 and mean `exp((s0² + s0²/k)/2)` = 1.8, so
//!   `s0² = ln 1.8`.
//! - With `n` logged ratios `l_i` (mean `l̄`): the conjugate normal-inverse-gamma update,
//!   with `ν0` = 0.5 pseudo-observation of the prior's spread. The noise's variance is the
//!   posterior mode `ŝ² = (ν0·s0² + Σ(l_i − l̄)² + k·n/(k+n)·l̄²) / (ν0 + n + 2)`, and the
//!   log-pace is normal around `n·l̄/(n+k)` with spread `ŝ/√(n+k)`: it moves toward the
//!   learner's own ratios as they log more. Logged ratios count within 1/20 to 20.
//! - Why these and not the textbook predictive (`ν0` = 1, the scale `ŝ²` over `ν0 + n`, a
//!   Student-t pace): issue 13's prior spread (0.77 in log) is much wider than that of a
//!   consistent learner, and with few logs it kept the forecast wide: for learners whose
//!   documents vary by 0.4 in log, its P10-P90 of the remaining minutes held the truth for
//!   89% of them after 5 logs, and the dates, being whole days, some 4 points more. The
//!   choices above make the dates' P10-P90 hold it for about 80% of learners whose documents
//!   vary by 0.35 in log, 78% by 0.4 (`tests/calibration.rs`, over many seeds). The price:
//!   for learners as erratic as the prior itself (0.7 in log), the interval is too narrow
//!   early on (the minutes' P10-P90 holds the truth for about 66% after 5 logs, 73% after
//!   20).
//! - A run takes `m` from its own slice of the log-pace's distribution (run i of n: a point
//!   drawn within the quantiles i/n to (i+1)/n), then draws each remaining document's `e`; its
//!   documents' actual minutes are `est_i·exp(m + e_i)`. Past the first 1,000 documents, the
//!   sum of the others' `est_i·exp(e_i)` is drawn at once from its normal approximation (mean
//!   `Σ est_i·E[exp e]`, variance `Σ est_i²·Var[exp e]`) and shared in proportion to their
//!   estimates, so a run costs at most about 1,000 draws. The pace decides most of a run, and
//!   spreading it evenly keeps the bands stable with fewer runs.
//! - A [`Placer`] puts a run's minutes on the learner's calendar: `Planner::forecast` packs
//!   them exactly as the plan is packed (`super::runs`), so a run with every ratio 1 is the plan;
//!   [`Capacity`] is the fluid learner, who uses every usable minute. Percentiles are by
//!   nearest rank over the runs' finish dates.
//!
//! The generator is ChaCha8, seeded from a fixed constant: the same inputs give the same
//! forecast, and forecasts for the same remaining documents use the same draws, so that what
//! the learner logs moves the dates only by what it changes in the model.

mod capacity;
mod model;
mod total;

#[cfg(test)]
mod tests;

pub use capacity::Capacity;
pub use model::{Logged, Model, PRIOR_MEAN_RATIO};
pub use total::{DRAWN_ONE_BY_ONE, Remaining};

use crate::error::Error;
use chrono::NaiveDate;
use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

/// Runs of the Monte Carlo in a forecast.
pub const RUNS: u32 = 1000;

/// The generator's seed: "learnpat".
const SEED: u64 = 0x6c65_6172_6e70_6174;

/// Where the forecast's ratios come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// No logged document yet: issue 13's figures.
    Prior,
    /// Updated by the learner's logged documents.
    History,
}

/// When the remaining documents are likely done.
#[derive(Debug, Clone, Serialize)]
pub struct Forecast {
    pub p10: NaiveDate,
    pub p50: NaiveDate,
    pub p90: NaiveDate,
    /// Total actual / total estimated over the logged documents, 2 decimals; None (null) with
    /// none logged.
    pub pace: Option<f64>,
    pub logged_documents: usize,
    pub method: Method,
    pub runs: u32,
    /// The deadline asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
    /// With a deadline: the share of runs finishing on or before it, 0..1 to 2 decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chance_by: Option<f64>,
}

/// One run of the Monte Carlo: its total actual minutes, and each remaining document's (in
/// plan order) when the placer needs them (else empty).
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub total: f64,
    pub each: &'a [f64],
}

/// Where a run's sampled minutes land on the learner's calendar.
pub trait Placer {
    /// Whether a run must give each document's minutes; when not, only its total is drawn.
    fn needs_each(&self) -> bool {
        true
    }

    /// The day by which a run's minutes are all studied. Fails past 9999-12-31, or when the
    /// calendar leaves no room.
    fn finish(&mut self, run: Run<'_>) -> Result<NaiveDate, Error>;
}

/// The fluid learner: all of each day's usable minutes, whatever the documents.
impl Placer for Capacity {
    fn needs_each(&self) -> bool {
        false
    }

    fn finish(&mut self, run: Run<'_>) -> Result<NaiveDate, Error> {
        self.finish_after(run.total)
    }
}

/// The forecast for the documents still to study (`remaining`: each one's estimated minutes,
/// already reduced by partial progress, in plan order), from the learner's logged documents,
/// each run placed by `placer`; with a deadline, the chance of finishing by it. `None` when
/// nothing remains. Fails when a percentile's finish is past 9999-12-31 or the calendar
/// leaves no room (as a plan would).
pub fn forecast(
    remaining: &[u32],
    logged: &[Logged],
    placer: &mut impl Placer,
    by: Option<NaiveDate>,
) -> Result<Option<Forecast>, Error> {
    let model = Model::from_logged(logged);
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let forecast = forecast_with(remaining, &model, placer, by, RUNS, &mut rng)?;
    Ok(forecast.map(|forecast| Forecast {
        pace: pace(logged),
        ..forecast
    }))
}

/// The same with a given model, number of runs (at least 1) and generator; `pace` is left
/// `None` (the model does not keep the logged minutes).
pub fn forecast_with<R: Rng + ?Sized>(
    remaining: &[u32],
    model: &Model,
    placer: &mut impl Placer,
    by: Option<NaiveDate>,
    runs: u32,
    rng: &mut R,
) -> Result<Option<Forecast>, Error> {
    if remaining.is_empty() {
        return Ok(None);
    }
    let runs = runs.max(1);
    let documents = Remaining::new(remaining, model);
    let (p10, p50, p90, chance_by) = if placer.needs_each() {
        each_run_placed(&documents, model, placer, by, runs, rng)?
    } else {
        by_sorted_totals(&documents, model, placer, by, runs, rng)?
    };
    let logged_documents = model.logged_documents();
    Ok(Some(Forecast {
        p10,
        p50,
        p90,
        pace: None,
        logged_documents,
        method: if logged_documents == 0 {
            Method::Prior
        } else {
            Method::History
        },
        runs,
        by,
        chance_by,
    }))
}

/// P10, P50 and P90 and the chance by `by` when each run is placed document by document.
fn each_run_placed<R: Rng + ?Sized>(
    documents: &Remaining,
    model: &Model,
    placer: &mut impl Placer,
    by: Option<NaiveDate>,
    runs: u32,
    rng: &mut R,
) -> Result<(NaiveDate, NaiveDate, NaiveDate, Option<f64>), Error> {
    let mut minutes = Vec::new();
    let mut finishes = Vec::with_capacity(runs as usize);
    let mut never = None;
    for run in 0..runs {
        let pace = pace_of(run, runs, model, rng);
        documents.draw_with_pace(model, pace, rng, &mut minutes);
        let run = Run {
            total: minutes.iter().sum(),
            each: &minutes,
        };
        match placer.finish(run) {
            Ok(date) => finishes.push(date),
            Err(Error::PastYear9999) => {
                never.get_or_insert(None);
            }
            Err(Error::NothingFits { since }) => {
                never.get_or_insert(Some(since));
            }
            Err(other) => return Err(other),
        }
    }
    percentiles(finishes, runs, never, by)
}

/// The same when a run's finish depends on its total alone, and only grows with it: the totals
/// are sorted and only the ones asked about are placed (the calendar is walked no further than
/// P90, and the chance by `by` is a binary search).
fn by_sorted_totals<R: Rng + ?Sized>(
    documents: &Remaining,
    model: &Model,
    placer: &mut impl Placer,
    by: Option<NaiveDate>,
    runs: u32,
    rng: &mut R,
) -> Result<(NaiveDate, NaiveDate, NaiveDate, Option<f64>), Error> {
    let mut totals: Vec<f64> = (0..runs)
        .map(|run| {
            let pace = pace_of(run, runs, model, rng);
            documents.total_with_pace(model, pace, rng)
        })
        .collect();
    totals.sort_unstable_by(f64::total_cmp);
    let count = totals.len();
    let mut finish = |total: f64| placer.finish(Run { total, each: &[] });
    let rank = |percent: usize| (percent * count).div_ceil(100).max(1) - 1;
    let (p10, p50, p90) = (
        finish(totals[rank(10)])?,
        finish(totals[rank(50)])?,
        finish(totals[rank(90)])?,
    );
    let chance_by = by.map(|by| {
        let finished = totals.partition_point(|&total| finish(total).is_ok_and(|date| date <= by));
        two_decimals(finished as f64 / count as f64)
    });
    Ok((p10, p50, p90, chance_by))
}

/// The pace of run `run` of `runs`: from the run's own equal slice of the pace's distribution
/// (a point drawn within it), so that the shared pace, which decides most of a run, is spread
/// evenly.
fn pace_of<R: Rng + ?Sized>(run: u32, runs: u32, model: &Model, rng: &mut R) -> f64 {
    let within: f64 = rng.random();
    let quantile = (f64::from(run) + within) / f64::from(runs);
    let z = Normal::standard().inverse_cdf(quantile.clamp(1e-12, 1.0 - 1e-12));
    model.pace_at(z)
}

/// P10, P50 and P90 of the runs' finishes by nearest rank (the runs that never finish, past
/// the last), and the share finished by `by`, to 2 decimals. `never` says why some did not
/// (`Some(since)` when the calendar left no room, `None` past 9999-12-31).
fn percentiles(
    mut finishes: Vec<NaiveDate>,
    runs: u32,
    never: Option<Option<NaiveDate>>,
    by: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate, NaiveDate, Option<f64>), Error> {
    finishes.sort_unstable();
    let total = runs as usize;
    let finish = |percent: usize| {
        let rank = (percent * total).div_ceil(100).max(1);
        match finishes.get(rank - 1) {
            Some(&date) => Ok(date),
            None => Err(match never.flatten() {
                Some(since) => Error::NothingFits { since },
                None => Error::PastYear9999,
            }),
        }
    };
    let (p10, p50, p90) = (finish(10)?, finish(50)?, finish(90)?);
    let chance_by = by.map(|by| {
        let finished = finishes.partition_point(|&date| date <= by);
        two_decimals(finished as f64 / total as f64)
    });
    Ok((p10, p50, p90, chance_by))
}

/// Total actual over total estimated minutes of the logged documents with an estimate, to 2
/// decimals.
pub fn pace(logged: &[Logged]) -> Option<f64> {
    let (actual, estimated) = logged.iter().filter(|log| log.estimated > 0).fold(
        (0u64, 0u64),
        |(actual, estimated), log| {
            (
                actual + u64::from(log.actual),
                estimated + u64::from(log.estimated),
            )
        },
    );
    (estimated > 0).then(|| two_decimals(actual as f64 / estimated as f64))
}

fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
