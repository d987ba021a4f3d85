//! What a plan needs to place reviews, from what the learner remembers: each done document's
//! next review, and the memory model at the learner's target retention, which the planner
//! asks how each review it places moves the next.

use super::{Memory, Retention};
use crate::curriculum::Curriculum;
use crate::plan::review::{Due, Forgetting, Reviews, Strength};
use crate::progress::{Grade, Progress};
use chrono::NaiveDate;
use fsrs::MemoryState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The memory model at a target retention, as the planner asks it: every review graded good.
/// Its answers are kept: a plan and its forecast's thousand runs ask the same questions again
/// and again, and each answer of the model costs a few hundred nanoseconds.
#[derive(Debug)]
pub struct AtRetention {
    memory: Memory,
    retention: Retention,
    learned: Strength,
    known: Mutex<Known>,
}

/// The model's answers so far, by the bits of the strength (and the days elapsed).
#[derive(Debug, Default)]
struct Known {
    reviewed: HashMap<(u32, u32, u32), Strength>,
    interval: HashMap<u32, u32>,
    recall: HashMap<(u32, u32), f32>,
}

fn bits(strength: Strength) -> (u32, u32) {
    (strength.stability.to_bits(), strength.difficulty.to_bits())
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
    pub fn new(memory: Memory, retention: Retention) -> AtRetention {
        let after = memory.after(None, 0, Grade::Good).map(strength);
        AtRetention {
            // The crate's first good state; a day's stability should the model give none.
            learned: after.unwrap_or(Strength {
                stability: 1.0,
                difficulty: 5.0,
            }),
            memory,
            retention,
            known: Mutex::default(),
        }
    }

    /// The answers kept so far (a poisoned lock only means a panic elsewhere: they stand).
    fn known(&self) -> std::sync::MutexGuard<'_, Known> {
        self.known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Forgetting for AtRetention {
    fn learned(&self) -> Strength {
        self.learned
    }

    fn reviewed(&self, before: Strength, elapsed: u32) -> Strength {
        let (stability, difficulty) = bits(before);
        let key = (stability, difficulty, elapsed);
        let mut known = self.known();
        *known.reviewed.entry(key).or_insert_with(|| {
            let after = self.memory.after(Some(state(before)), elapsed, Grade::Good);
            after.map_or(before, strength)
        })
    }

    fn interval(&self, strength: Strength) -> u32 {
        let mut known = self.known();
        *known
            .interval
            .entry(bits(strength).0)
            .or_insert_with(|| self.memory.interval(strength.stability, self.retention))
    }

    fn recall(&self, strength: Strength, elapsed: u32) -> f32 {
        let mut known = self.known();
        *known
            .recall
            .entry((bits(strength).0, elapsed))
            .or_insert_with(|| self.memory.retrievability(state(strength), elapsed))
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
        let model = AtRetention::new(self.clone(), retention);
        Reviews {
            due,
            model: Arc::new(model),
            minutes,
            until: None,
        }
    }
}
