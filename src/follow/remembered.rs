//! What the learner remembers of the documents they studied, for `status`: the reviews due
//! today and overdue, and the average estimated recall of the done documents.

use crate::curriculum::Curriculum;
use crate::memory::{Memory, Recall, Retention};
use crate::progress::Progress;
use chrono::NaiveDate;
use serde::Serialize;

/// The learner's memory of the done documents on a day (`status`'s JSON has these fields at
/// its top level).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Remembered {
    /// Done documents whose review falls due that day.
    pub reviews_due: usize,
    /// Done documents whose review fell due before that day.
    pub reviews_overdue: usize,
    /// The mean of the done documents' estimated recall that day, from 0 to 1, to three
    /// decimals.
    pub average_recall: f64,
    /// The target retention the due dates are reckoned at.
    pub retention: f64,
}

impl Remembered {
    /// The memory of the done documents of `curriculum` on `today` under `memory`, with reviews
    /// due at `retention`; `None` when no document is done (or the model gives none a recall).
    pub fn of(
        memory: &Memory,
        curriculum: &Curriculum,
        progress: &Progress,
        today: NaiveDate,
        retention: Retention,
    ) -> Option<Remembered> {
        let recalls: Vec<Recall> = curriculum
            .ids()
            .filter_map(|id| memory.of(progress, &curriculum.doc(id).path, today, retention))
            .collect();
        if recalls.is_empty() {
            return None;
        }
        let due = recalls.iter().filter(|recall| recall.is_due(today)).count();
        let overdue = recalls.iter().filter(|recall| recall.due < today).count();
        let sum: f64 = recalls.iter().map(|recall| f64::from(recall.recall)).sum();
        let average = sum / recalls.len() as f64;
        Some(Remembered {
            reviews_due: due - overdue,
            reviews_overdue: overdue,
            average_recall: thousandths(average),
            retention: thousandths(f64::from(retention.value())),
        })
    }
}

/// A share to three decimals.
fn thousandths(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
