//! The memory of each done document of a curriculum, from the progress file, and the reviews
//! that are due.

use super::{Memory, Recall, Retention, Review};
use crate::curriculum::{Curriculum, DocId};
use crate::progress::Progress;
use chrono::NaiveDate;

/// A document's history as the model reads it: the day it was done, with the grade it was
/// done with, then its reviews. Empty when it is not done.
pub fn history(progress: &Progress, path: &str) -> Vec<Review> {
    let Some(date) = progress.date(path) else {
        return Vec::new();
    };
    let first = Review {
        date,
        grade: progress.done_grade(path),
    };
    let reviews = progress.reviews(path).iter().map(|review| Review {
        date: review.date,
        grade: review.grade,
    });
    std::iter::once(first).chain(reviews).collect()
}

impl Memory {
    /// The memory of a document on `today`, `None` when it is not done.
    pub fn of(
        &self,
        progress: &Progress,
        path: &str,
        today: NaiveDate,
        retention: Retention,
    ) -> Option<Recall> {
        self.recall(&history(progress, path), today, retention)
    }

    /// The done documents of the curriculum whose review is due on `today` or was before,
    /// the most overdue first (then in the curriculum's order).
    pub fn due(
        &self,
        curriculum: &Curriculum,
        progress: &Progress,
        today: NaiveDate,
        retention: Retention,
    ) -> Vec<(DocId, Recall)> {
        let mut due: Vec<(DocId, Recall)> = curriculum
            .ids()
            .filter_map(|id| {
                let recall = self.of(progress, &curriculum.doc(id).path, today, retention)?;
                recall.is_due(today).then_some((id, recall))
            })
            .collect();
        due.sort_by_key(|(id, recall)| (recall.due, *id));
        due
    }
}
