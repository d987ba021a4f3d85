//! Reviews of done documents: the day, the grade and, when the learner said, the minutes it
//! took; and the grade a document was done with (good unless the learner said).

use super::{Grade, Progress};
use chrono::NaiveDate;

/// A review of a done document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewRecord {
    pub date: NaiveDate,
    pub grade: Grade,
    /// The minutes it took, when the learner said.
    pub took: Option<u32>,
}

/// What [`Progress::record_review`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewed {
    Recorded,
    /// The document is not done: there is nothing to review yet.
    NotDone,
}

impl Progress {
    /// The grade a done document was studied with: the one given, or good.
    pub fn done_grade(&self, path: &str) -> Grade {
        self.grade.get(path).copied().unwrap_or_default()
    }

    /// The grade given when the document was done, if one was.
    pub fn given_grade(&self, path: &str) -> Option<Grade> {
        self.grade.get(path).copied()
    }

    /// Sets the grade of a done document's first study; false when it is not done.
    pub fn set_done_grade(&mut self, path: &str, grade: Grade) -> bool {
        if !self.is_done(path) {
            return false;
        }
        self.grade.insert(path.to_string(), grade);
        true
    }

    /// The reviews of a document, in date order (those of one date in the order recorded).
    pub fn reviews(&self, path: &str) -> &[ReviewRecord] {
        self.review.get(path).map_or(&[], Vec::as_slice)
    }

    /// Records a review of a done document.
    pub fn record_review(&mut self, path: &str, review: ReviewRecord) -> Reviewed {
        if !self.is_done(path) {
            return Reviewed::NotDone;
        }
        self.add_review(path.to_string(), review);
        Reviewed::Recorded
    }

    /// Adds a review as read from a file, in date order.
    pub(super) fn add_review(&mut self, path: String, review: ReviewRecord) {
        let records = self.review.entry(path).or_default();
        let at = records.partition_point(|known| known.date <= review.date);
        records.insert(at, review);
    }

    /// Whether the file needs version 3 of the format: a grade or a review.
    pub(crate) fn uses_version_3(&self) -> bool {
        !self.grade.is_empty() || !self.review.is_empty()
    }

    /// The grades and reviews under the paths `canonical` gives (the path itself when `None`).
    pub(super) fn rename_reviews(&mut self, canonical: impl Fn(&str) -> Option<String>) {
        for (path, grade) in std::mem::take(&mut self.grade) {
            let path = canonical(&path).unwrap_or(path);
            self.grade.entry(path).or_insert(grade);
        }
        for (path, records) in std::mem::take(&mut self.review) {
            let path = canonical(&path).unwrap_or(path);
            for review in records {
                self.add_review(path.clone(), review);
            }
        }
    }
}
