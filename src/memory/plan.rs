//! What a plan needs to place reviews, from what the learner remembers: each done document's
//! next review, and the memory model at the learner's target retention, which the planner
//! asks how each review it places moves the next.

use super::{Memory, Retention};
use crate::curriculum::Curriculum;
use crate::plan::review::{Due, Forgetting, Reviews, Strength};
use crate::progress::{Grade, Progress};
use chrono::NaiveDate;
use fsrs::MemoryState;
use std::sync::Arc;

/// The memory model at a target retention, as the planner asks it: every review graded good.
#[derive(Debug, Clone)]
pub struct AtRetention {
    pub memory: Memory,
    pub retention: Retention,
}

fn state(strength: Strength) -> MemoryState {
    MemoryState {
        stability: strength.stability,
        difficulty: strength.difficulty,
    }
}

fn strength(state: MemoryState) -> Strength {
    Strength {
        stability: state.stability,
        difficulty: state.difficulty,
    }
}

impl AtRetention {
    /// The strength after a good review; the strength before when the model gives none.
    fn good(&self, before: Option<Strength>, elapsed: u32) -> Option<Strength> {
        let after = self.memory.after(before.map(state), elapsed, Grade::Good);
        after.map(strength)
    }
}

impl Forgetting for AtRetention {
    fn learned(&self) -> Strength {
        // The crate's first good state; a day's stability should the model give none.
        self.good(None, 0).unwrap_or(Strength {
            stability: 1.0,
            difficulty: 5.0,
        })
    }

    fn reviewed(&self, before: Strength, elapsed: u32) -> Strength {
        self.good(Some(before), elapsed).unwrap_or(before)
    }

    fn interval(&self, strength: Strength) -> u32 {
        self.memory.interval(strength.stability, self.retention)
    }

    fn recall(&self, strength: Strength, elapsed: u32) -> f32 {
        self.memory.retrievability(state(strength), elapsed)
    }
}

impl Memory {
    /// The reviews for a plan starting on `start`: each done document's next review, the
    /// model at `retention`; each review of `minutes`, or of the default length for its
    /// document when `None`; reviews placed through `until` once the new material is studied.
    pub fn plan_reviews(
        &self,
        curriculum: &Curriculum,
        progress: &Progress,
        start: NaiveDate,
        retention: Retention,
        minutes: Option<u32>,
    ) -> Reviews {
        let due = curriculum
            .ids()
            .filter_map(|doc| {
                let path = &curriculum.doc(doc).path;
                let recall = self.of(progress, path, start, retention)?;
                Some(Due {
                    doc,
                    last: recall.last,
                    strength: Strength {
                        stability: recall.stability,
                        difficulty: recall.difficulty,
                    },
                    due: recall.due,
                })
            })
            .collect();
        let model = AtRetention {
            memory: self.clone(),
            retention,
        };
        Reviews {
            due,
            model: Arc::new(model),
            minutes,
            until: None,
        }
    }
}
