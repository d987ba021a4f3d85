//! Reviews in the plan's sittings: the next review of each document done before the plan, the
//! first review of each document the plan studies, and each review after those, every one
//! graded good as the plan expects. A review goes into the first sitting on or after its due
//! date with room for it, the most overdue first, before new material; a review the plan
//! schedules may move within a few days of its due date to the study day with the fewest
//! reviews (see [`balance`]).
//!
//! The planner knows nothing of how memory works: it asks a [`Forgetting`] model (the
//! `memory` module's FSRS) how strong a document is after a review and when it falls due.

mod agenda;
pub mod balance;
mod reserved;

pub use agenda::Agenda;
pub use reserved::Reserved;

use crate::curriculum::DocId;
use crate::plan::schedule::Piece;
use chrono::NaiveDate;
use std::fmt;
use std::sync::Arc;

/// The least and the most minutes a review takes by default.
pub const LEAST_MINUTES: u32 = 5;
pub const MOST_MINUTES: u32 = 15;

/// The minutes of a review of a document of `minutes`, by default: a tenth of them, at least
/// [`LEAST_MINUTES`] and at most [`MOST_MINUTES`].
pub fn default_minutes(minutes: u32) -> u32 {
    minutes.div_ceil(10).clamp(LEAST_MINUTES, MOST_MINUTES)
}

/// How well a document is remembered, as the memory model keeps it (FSRS's stability, in
/// days, and difficulty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strength {
    pub stability: f32,
    pub difficulty: f32,
}

/// What the planner asks of the memory model, at the learner's target retention. Every
/// review the plan places is expected to be graded good.
pub trait Forgetting: fmt::Debug + Send + Sync {
    /// The strength of a document right after it is studied.
    fn learned(&self) -> Strength;
    /// The strength after a review `elapsed` days after the last one.
    fn reviewed(&self, strength: Strength, elapsed: u32) -> Strength;
    /// Days from a review that left `strength` to the next one: when the estimated recall
    /// falls to the target retention (at least one).
    fn interval(&self, strength: Strength) -> u32;
    /// The estimated recall `elapsed` days after the last review.
    fn recall(&self, strength: Strength, elapsed: u32) -> f32;
}

/// The next review of a document done before the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due {
    pub doc: DocId,
    /// The day of its last review (or the day it was done).
    pub last: NaiveDate,
    /// How well it is remembered since.
    pub strength: Strength,
    /// The day its estimated recall falls to the target retention.
    pub due: NaiveDate,
}

/// What the planner needs to plan reviews.
#[derive(Debug, Clone)]
pub struct Reviews {
    /// The next reviews of documents done before the plan.
    pub due: Vec<Due>,
    /// The memory model, at the learner's target retention.
    pub model: Arc<dyn Forgetting>,
    /// Minutes of every review; `None` for [`default_minutes`] of each document.
    pub minutes: Option<u32>,
    /// Reviews go on being placed through this day once the new material is studied; `None`
    /// ends the plan with the last sitting of new material (and the reviews due by then).
    pub until: Option<NaiveDate>,
}

impl Reviews {
    /// The minutes of a review of a document of `minutes`.
    pub fn minutes_for(&self, minutes: u32) -> u32 {
        self.minutes.unwrap_or_else(|| default_minutes(minutes))
    }
}

/// A review placed in a sitting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub doc: DocId,
    pub minutes: u32,
    /// The day it fell due.
    pub due: NaiveDate,
    /// The estimated recall on the day of its sitting.
    pub recall: f32,
}

/// What a walk over the learner's days asks of the reviews: those that open each sitting, what
/// studying changes, and whether any is left. [`Agenda`] places each review; [`Reserved`]
/// keeps the plan's review minutes free on each day, for a forecast's runs.
pub trait Reviewing {
    /// The reviews that open a sitting of `minutes` on `date`, and the minutes they take;
    /// `next`: the minutes of the next piece, for a packer that never cuts one (`--whole`).
    fn sitting(&mut self, date: NaiveDate, minutes: u32, next: Option<u32>) -> (u32, Vec<Placed>);
    /// The pieces studied on `date`.
    fn studied(&mut self, date: NaiveDate, pieces: &[Piece]);
    /// Whether no review due on `date` or before is left, once the new material is placed.
    fn clear_by(&self, date: NaiveDate) -> bool;
}
