//! A document's memory under FSRS, from its history of reviews.

use super::Retention;
use super::parameters::{self, COUNT};
use crate::error::ParametersProblem;
use crate::progress::Grade;
use chrono::{Days, NaiveDate};
use fsrs::{DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview, MemoryState};

/// One review of a document: the day, and how well it was remembered. The day a document was
/// done is its first review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    pub date: NaiveDate,
    pub grade: Grade,
}

/// What the learner remembers of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recall {
    /// Days until the estimated recall falls to 90% (FSRS's stability).
    pub stability: f32,
    /// FSRS's difficulty, from 1 to 10.
    pub difficulty: f32,
    /// The day of the last review.
    pub last: NaiveDate,
    /// The estimated probability of recalling the document on the day asked for.
    pub recall: f32,
    /// The day the estimated recall falls to the target retention: the next review is due.
    pub due: NaiveDate,
}

impl Recall {
    /// Whether the review is due on `day` (or was before it).
    pub fn is_due(&self, day: NaiveDate) -> bool {
        self.due <= day
    }
}

/// The memory model: FSRS with its parameters (the crate's defaults, fitted to the average
/// learner, or the learner's own).
#[derive(Debug, Clone)]
pub struct Memory {
    fsrs: FSRS,
    /// The forgetting curve's decay, the last of the parameters.
    decay: f32,
    /// The parameters the model was made with, to save or compare.
    parameters: [f32; COUNT],
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            fsrs: FSRS::default(),
            decay: DEFAULT_PARAMETERS[20],
            parameters: DEFAULT_PARAMETERS,
        }
    }
}

impl Memory {
    /// The model with these parameters (the learner's own, fitted to their reviews): FSRS 6's
    /// 21, the last being the decay. Refused when the model cannot use them.
    pub fn with_parameters(parameters: &[f32]) -> Result<Memory, ParametersProblem> {
        let parameters = parameters::check(parameters)?;
        // The crate refuses only a wrong count or a number that is not finite, which the check
        // has ruled out; it clips the rest into its ranges.
        let fsrs = FSRS::new(&parameters).map_err(|_| ParametersProblem::Count {
            found: parameters.len(),
            expected: COUNT,
        })?;
        Ok(Memory {
            fsrs,
            decay: parameters[COUNT - 1],
            parameters,
        })
    }

    /// The parameters the model runs with.
    pub fn parameters(&self) -> &[f32] {
        &self.parameters
    }

    /// The crate's model, for the fit's evaluation.
    pub(super) fn fsrs(&self) -> &FSRS {
        &self.fsrs
    }
}

impl Memory {
    /// A document's memory on `today`, from its reviews (in any order; those of one day in the
    /// order given), with its next review due at `retention`. `None` without reviews, or when
    /// the model gives no finite state.
    pub fn recall(
        &self,
        history: &[Review],
        today: NaiveDate,
        retention: Retention,
    ) -> Option<Recall> {
        let (state, last) = self.state(history)?;
        let days = self.interval(state.stability, retention);
        let elapsed = (today - last).num_days().max(0) as u32;
        Some(Recall {
            stability: state.stability,
            difficulty: state.difficulty,
            last,
            recall: self.retrievability(state, elapsed),
            due: last.checked_add_days(Days::new(days.into()))?,
        })
    }

    /// Days from a review that left `stability` to the next, when the estimated recall falls
    /// to `retention`: at least one.
    pub fn interval(&self, stability: f32, retention: Retention) -> u32 {
        let days =
            self.fsrs
                .next_interval(Some(stability), retention.value(), Grade::Good.rating());
        days.round().clamp(1.0, f32::from(u16::MAX)) as u32
    }

    /// The estimated recall of a memory `state`, `elapsed` days after the last review.
    pub fn retrievability(&self, state: MemoryState, elapsed: u32) -> f32 {
        fsrs::current_retrievability(state, elapsed as f32, self.decay)
    }

    /// The memory state after a review graded `grade`, `elapsed` days after the last review
    /// that left `state`; after a first reading when `state` is `None`. `None` when the model
    /// gives no finite state.
    pub fn after(
        &self,
        state: Option<MemoryState>,
        elapsed: u32,
        grade: Grade,
    ) -> Option<MemoryState> {
        // The retention only sets the intervals of the answer, which are not used here.
        let next = self.fsrs.next_states(state, 0.9, elapsed).ok()?;
        let item = match grade {
            Grade::Again => next.again,
            Grade::Hard => next.hard,
            Grade::Good => next.good,
            Grade::Easy => next.easy,
        };
        Some(item.memory)
    }

    /// The memory state after the reviews, and the day of the last.
    fn state(&self, history: &[Review]) -> Option<(MemoryState, NaiveDate)> {
        let mut sorted = history.to_vec();
        sorted.sort_by_key(|review| review.date);
        let first = sorted.first()?.date;
        let mut previous = first;
        let reviews = sorted
            .iter()
            .map(|review| {
                let elapsed = (review.date - previous).num_days();
                previous = review.date;
                FSRSReview {
                    rating: review.grade.rating(),
                    delta_t: u32::try_from(elapsed).unwrap_or(u32::MAX),
                }
            })
            .collect();
        let state = self.fsrs.memory_state(FSRSItem { reviews }, None).ok()?;
        Some((state, previous))
    }
}
