//! How long a learner takes for a document, as a ratio of its estimate: the prior from issue
//! 13, updated by the documents they logged (see the module above for the model).

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

/// Issue 13: across learners, the mean ratio of actual to estimated time. The median is 1.
pub const PRIOR_MEAN_RATIO: f64 = 1.8;

/// How many documents the prior's pace is worth (`k`).
const PSEUDO_DOCUMENTS: f64 = 1.0;

/// How many observations the prior's per-document spread is worth (`ν0`): half of one, so
/// that a learner's own spread soon outweighs issue 13's wide one (chosen with
/// `tests/calibration.rs`; see the module above).
const PSEUDO_SPREADS: f64 = 0.5;

/// No logged ratio counts as more than 20 times, or less than a twentieth of, its estimate:
/// a slip of the keyboard (`--took 50h`) must not outweigh everything else.
const MOST_RATIO: f64 = 20.0;

/// One document with a recorded actual time.
#[derive(Debug, Clone, Copy)]
pub struct Logged {
    pub estimated: u32,
    pub actual: u32,
}

impl Logged {
    /// ln(actual / estimated), within 1/20 to 20 (an actual of 0 counts as 1 minute); `None`
    /// when there is no estimate to compare with.
    pub fn log_ratio(self) -> Option<f64> {
        if self.estimated == 0 {
            return None;
        }
        let ratio = f64::from(self.actual.max(1)) / f64::from(self.estimated);
        let most = MOST_RATIO.ln();
        Some(ratio.ln().clamp(-most, most))
    }
}

/// The prior's per-document variance `s0²` (the pace's is `s0²/k`): together they make the
/// prior's mean ratio [`PRIOR_MEAN_RATIO`], its median 1.
fn prior_variance() -> f64 {
    2.0 * PRIOR_MEAN_RATIO.ln() / (1.0 + 1.0 / PSEUDO_DOCUMENTS)
}

/// What the forecast believes about a learner's ratios: a log-pace `m ~ N(center, scale²)`
/// shared by all their documents and a per-document log-noise `e ~ N(0, spread²)`; a
/// document's ratio is `exp(m + e)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    pace_center: f64,
    pace_scale: f64,
    spread: f64,
    logged: usize,
}

impl Model {
    /// Before any logged document: issue 13's figures.
    pub fn prior() -> Model {
        let variance = prior_variance();
        Model {
            pace_center: 0.0,
            pace_scale: (variance / PSEUDO_DOCUMENTS).sqrt(),
            spread: variance.sqrt(),
            logged: 0,
        }
    }

    /// The prior updated by the logged ratios (those with an estimate), as a
    /// normal-inverse-gamma posterior taken at the mode of the noise's variance; the prior
    /// itself when there are none.
    pub fn from_logged(logged: &[Logged]) -> Model {
        let ratios: Vec<f64> = logged.iter().filter_map(|log| log.log_ratio()).collect();
        if ratios.is_empty() {
            return Model::prior();
        }
        let n = ratios.len() as f64;
        let mean = ratios.iter().sum::<f64>() / n;
        let squares: f64 = ratios.iter().map(|l| (l - mean).powi(2)).sum();
        let weight = PSEUDO_DOCUMENTS + n;
        let scatter = PSEUDO_SPREADS * prior_variance()
            + squares
            + PSEUDO_DOCUMENTS * n / weight * mean * mean;
        // The mode of the scaled inverse chi-squared posterior with ν0 + n degrees of freedom.
        let variance = scatter / (PSEUDO_SPREADS + n + 2.0);
        Model {
            pace_center: n * mean / weight,
            pace_scale: (variance / weight).sqrt(),
            spread: variance.sqrt(),
            logged: ratios.len(),
        }
    }

    /// The logged documents the model learned from.
    pub fn logged_documents(&self) -> usize {
        self.logged
    }

    /// The spread (standard deviation) of a document's log-noise.
    pub fn spread(&self) -> f64 {
        self.spread
    }

    /// One draw of the learner's pace factor, `exp(m)`.
    pub fn draw_pace<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        let z: f64 = StandardNormal.sample(rng);
        self.pace_at(z)
    }

    /// The pace factor `z` standard deviations from the centre of the log-pace.
    pub fn pace_at(&self, z: f64) -> f64 {
        (self.pace_center + self.pace_scale * z).exp()
    }

    /// One draw of a document's own factor, `exp(e)`.
    pub fn draw_noise<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        let z: f64 = StandardNormal.sample(rng);
        (self.spread * z).exp()
    }

    /// One document's ratio of actual to estimated time, for a learner drawn afresh.
    pub fn sample_ratio<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        self.draw_pace(rng) * self.draw_noise(rng)
    }
}
