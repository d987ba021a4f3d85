//! What the learner remembers of the documents they studied: each done document's memory state
//! under FSRS (the `fsrs` crate's model, with its default parameters or the learner's own,
//! fitted to their reviews and kept in `memory.yaml`), its estimated recall on a day, and the
//! day its next review is due at the learner's target retention.
//!
//! A document's history is the day it was done (its first review, graded good unless the
//! learner said otherwise) and the reviews after it. The model is the crate's: nothing here
//! computes a stability, a difficulty or a recall by itself.

mod due;
pub mod fit;
mod model;
mod parameters;
mod plan;
mod retention;
mod store;

pub use due::history;
pub use fit::{FIT_LEAST_REVIEWS, Fit, Fitted};
pub use model::{Memory, Recall, Review};
pub use retention::Retention;
pub use store::{MemoryStore, Saved};

#[cfg(test)]
mod tests;
