//! What a plan needs to place reviews, from what the learner remembers: each done document's
//! next review (its due date and estimated recall) and how soon a document the plan studies
//! comes back, as the plain data the planner takes.

use super::{Memory, Retention, Review};
use crate::curriculum::Curriculum;
use crate::plan::review::{Due, Reviews};
use crate::progress::{Grade, Progress};
use chrono::NaiveDate;

impl Memory {
    /// The reviews for a plan starting on `start`: each done document's next review, with its
    /// estimated recall on its due date (on `start` when it is overdue); each review of
    /// `minutes`, or of the default length for its document when `None`.
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
                let due = self.of(progress, path, start, retention)?.due;
                let recall = self.of(progress, path, due.max(start), retention)?.recall;
                Some(Due { doc, due, recall })
            })
            .collect();
        Reviews {
            due,
            first_after_days: self.first_after_days(start, retention),
            retention: retention.value(),
            minutes,
        }
    }

    /// Days from studying a document (graded good) to its first review.
    pub fn first_after_days(&self, day: NaiveDate, retention: Retention) -> u32 {
        let studied = [Review {
            date: day,
            grade: Grade::Good,
        }];
        self.recall(&studied, day, retention)
            .map_or(1, |recall| (recall.due - day).num_days().max(1) as u32)
    }
}
