//! What the learner remembers of the documents they studied: each done document's memory state
//! under FSRS (the `fsrs` crate's model, with its default parameters), its estimated recall on
//! a day, and the day its next review is due at the learner's target retention.
//!
//! A document's history is the day it was done (its first review, graded good unless the
//! learner said otherwise) and the reviews after it. The model is the crate's: nothing here
//! computes a stability, a difficulty or a recall by itself.

mod due;
mod model;
mod plan;
mod retention;

pub use due::history;
pub use model::{Memory, Recall, Review};
pub use retention::Retention;

#[cfg(test)]
mod tests;
