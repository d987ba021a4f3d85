//! One run's actual minutes for each document still to study.

use super::model::Model;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

/// Documents beyond this many are not drawn one by one: their factors' sum is drawn at once
/// from its normal approximation.
pub const DRAWN_ONE_BY_ONE: usize = 1000;

/// The remaining documents' estimated minutes, ready for drawing runs.
#[derive(Debug, Clone)]
pub struct Remaining {
    /// The first [`DRAWN_ONE_BY_ONE`] documents.
    each: Vec<f64>,
    /// The others, and the sum of their estimates.
    rest: Vec<f64>,
    rest_sum: f64,
    /// The sum of the others' `estimate × exp(e)`: its mean and standard deviation.
    rest_mean: f64,
    rest_deviation: f64,
}

impl Remaining {
    /// For a model's per-document spread. The documents past the first
    /// [`DRAWN_ONE_BY_ONE`] add up to a sum of many independent lognormal terms, which is
    /// close to normal with mean `Σ est·E[exp(e)]` and variance `Σ est²·Var[exp(e)]`.
    pub fn new(estimates: &[u32], model: &Model) -> Remaining {
        let cut = estimates.len().min(DRAWN_ONE_BY_ONE);
        let (each, rest) = estimates.split_at(cut);
        let variance = model.spread().powi(2);
        let noise_mean = (variance / 2.0).exp();
        let noise_variance = variance.exp_m1() * variance.exp();
        let rest_sum: f64 = rest.iter().map(|&e| f64::from(e)).sum();
        let rest_squares: f64 = rest.iter().map(|&e| f64::from(e).powi(2)).sum();
        Remaining {
            each: each.iter().map(|&e| f64::from(e)).collect(),
            rest: rest.iter().map(|&e| f64::from(e)).collect(),
            rest_sum,
            rest_mean: rest_sum * noise_mean,
            rest_deviation: (rest_squares * noise_variance).sqrt(),
        }
    }

    /// One draw of each document's actual minutes, in order, into `minutes`: a pace for the
    /// learner, a factor for each of the first [`DRAWN_ONE_BY_ONE`] documents, and one factor
    /// for all the others (their sum drawn at once, shared in proportion to their estimates).
    /// Never negative nor NaN, though a value may be infinite for absurd inputs (then the run
    /// never finishes).
    pub fn draw<R: Rng + ?Sized>(&self, model: &Model, rng: &mut R, minutes: &mut Vec<f64>) {
        let pace = model.draw_pace(rng);
        self.draw_with_pace(model, pace, rng, minutes);
    }

    /// The same for a given pace factor.
    pub fn draw_with_pace<R: Rng + ?Sized>(
        &self,
        model: &Model,
        pace: f64,
        rng: &mut R,
        minutes: &mut Vec<f64>,
    ) {
        minutes.clear();
        minutes.extend(
            self.each
                .iter()
                .map(|&estimate| finite(pace * estimate * model.draw_noise(rng))),
        );
        if self.rest_mean > 0.0 {
            let z: f64 = StandardNormal.sample(rng);
            let sum = (self.rest_mean + self.rest_deviation * z).max(0.0);
            let factor = pace * sum / self.rest_sum;
            minutes.extend(self.rest.iter().map(|&estimate| finite(estimate * factor)));
        } else {
            minutes.extend(self.rest.iter().map(|_| 0.0));
        }
    }

    /// The total of [`Remaining::draw_with_pace`], without keeping each document's minutes.
    pub fn total_with_pace<R: Rng + ?Sized>(&self, model: &Model, pace: f64, rng: &mut R) -> f64 {
        let mut sum: f64 = self
            .each
            .iter()
            .map(|&estimate| estimate * model.draw_noise(rng))
            .sum();
        if self.rest_mean > 0.0 {
            let z: f64 = StandardNormal.sample(rng);
            sum += (self.rest_mean + self.rest_deviation * z).max(0.0);
        }
        finite(pace * sum)
    }

    /// One draw of the total actual minutes.
    pub fn draw_total<R: Rng + ?Sized>(&self, model: &Model, rng: &mut R) -> f64 {
        let mut minutes = Vec::new();
        self.draw(model, rng, &mut minutes);
        finite(minutes.iter().sum())
    }
}

/// NaN (from absurd inputs) as never finishing.
fn finite(minutes: f64) -> f64 {
    if minutes.is_nan() {
        f64::INFINITY
    } else {
        minutes
    }
}
