//! Reviews in the plan's sittings: the reviews of documents done before the plan (their due
//! dates and recall computed by the caller from what the learner remembers, as plain data) and
//! the first review of each document the plan studies. Each goes into the first sitting on or
//! after its due date with room for it, the most overdue first, before new material.

use super::schedule::Piece;
use crate::curriculum::DocId;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// The least and the most minutes a review takes by default.
pub const LEAST_MINUTES: u32 = 5;
pub const MOST_MINUTES: u32 = 15;

/// The minutes of a review of a document of `minutes`, by default: a tenth of them, at least
/// [`LEAST_MINUTES`] and at most [`MOST_MINUTES`].
pub fn default_minutes(minutes: u32) -> u32 {
    minutes.div_ceil(10).clamp(LEAST_MINUTES, MOST_MINUTES)
}

/// The next review of a document done before the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due {
    pub doc: DocId,
    /// The day its estimated recall falls to the target retention.
    pub due: NaiveDate,
    /// The estimated recall on its due date, or on the plan's first day when it is overdue.
    pub recall: f32,
}

/// What the planner needs to plan reviews, as plain data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reviews {
    /// The next reviews of documents done before the plan.
    pub due: Vec<Due>,
    /// Days from studying a document to its first review (graded good), at the target
    /// retention.
    pub first_after_days: u32,
    /// The target retention: the recall expected on a review's due date.
    pub retention: f32,
    /// Minutes of every review; `None` for [`default_minutes`] of each document.
    pub minutes: Option<u32>,
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
    pub due: NaiveDate,
    pub recall: f32,
}

/// The reviews waiting for a sitting while the plan is packed, and the documents whose first
/// review is placed once they are studied.
#[derive(Debug, Clone, Default)]
pub struct Agenda {
    /// By due date, then document: (minutes, recall).
    waiting: BTreeMap<(NaiveDate, DocId), (u32, f32)>,
    /// Each planned document's minutes still to study and its review's minutes.
    studying: BTreeMap<DocId, (u32, u32)>,
    first_after_days: u64,
    retention: f32,
}

impl Agenda {
    /// No reviews: the plan packs new material only.
    pub fn none() -> Agenda {
        Agenda::default()
    }

    /// The reviews of `reviews`, and the first review of each planned document, given with its
    /// minutes to study; `minutes` gives a document's whole minutes.
    pub fn new(
        reviews: &Reviews,
        planned: impl IntoIterator<Item = (DocId, u32)>,
        minutes: impl Fn(DocId) -> u32,
    ) -> Agenda {
        let waiting = reviews
            .due
            .iter()
            .map(|due| {
                let length = reviews.minutes_for(minutes(due.doc));
                ((due.due, due.doc), (length, due.recall))
            })
            .collect();
        let studying = planned
            .into_iter()
            .map(|(doc, left)| (doc, (left, reviews.minutes_for(minutes(doc)))))
            .collect();
        Agenda {
            waiting,
            studying,
            first_after_days: u64::from(reviews.first_after_days.max(1)),
            retention: reviews.retention,
        }
    }

    /// The reviews due on `date` or before that fit in `minutes`, the most overdue first.
    pub fn take(&mut self, date: NaiveDate, minutes: u32) -> Vec<Placed> {
        let mut free = minutes;
        let mut placed = Vec::new();
        for (&(due, doc), &(length, recall)) in self.waiting.range(..=(date, DocId(usize::MAX))) {
            if length <= free {
                free -= length;
                placed.push(Placed {
                    doc,
                    minutes: length,
                    due,
                    recall,
                });
            }
        }
        for review in &placed {
            self.waiting.remove(&(review.due, review.doc));
        }
        placed
    }

    /// The pieces studied on `date`: a document finished then gets its first review.
    pub fn studied(&mut self, date: NaiveDate, pieces: &[Piece]) {
        for piece in pieces {
            let Some((left, minutes)) = self.studying.get_mut(&piece.doc) else {
                continue;
            };
            *left = left.saturating_sub(piece.minutes);
            if *left > 0 {
                continue;
            }
            let minutes = *minutes;
            self.studying.remove(&piece.doc);
            if let Some(due) = date.checked_add_days(Days::new(self.first_after_days)) {
                self.waiting
                    .insert((due, piece.doc), (minutes, self.retention));
            }
        }
    }

    /// Whether no review is waiting that is due on `date` or before.
    pub fn clear_by(&self, date: NaiveDate) -> bool {
        self.waiting
            .first_key_value()
            .is_none_or(|(&(due, _), _)| due > date)
    }
}
