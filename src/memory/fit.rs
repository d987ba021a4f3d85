//! The learner's own memory: FSRS parameters fitted to their reviews with the crate's
//! optimizer, once there are enough of them, and how much better they predict the learner's
//! history than the defaults do.
//!
//! Each review a day or more after the one before it is one thing to predict: the optimizer
//! reads it with the document's history up to it (every prefix of the history that ends in
//! such a review, as the crate's own conversion of Anki's logs does). A review on the same day
//! as the one before is part of the history but is not predicted, and neither is one past the
//! [`MAX_ITEM_REVIEWS`]th of its document (the crate trains on no longer history).

use super::{Memory, Review, history};
use crate::curriculum::Curriculum;
use crate::progress::Progress;
use chrono::NaiveDate;
use fsrs::{ComputeParametersInput, FSRSError, FSRSItem, FSRSReview};

/// The reviews a fit needs: with fewer, the defaults (fitted to many learners) predict a
/// learner's memory better than their own few reviews can.
pub const FIT_LEAST_REVIEWS: usize = 400;

/// The longest history an item holds: the crate's default `max_seq_len`, past which it trains
/// on nothing. It also bounds the work of a hand-edited file with thousands of reviews of one
/// document (its items hold every prefix).
pub const MAX_ITEM_REVIEWS: usize = 256;

/// The learner's history as the optimizer reads it.
#[derive(Debug, Clone, Default)]
pub struct Items {
    /// One item per review predicted, oldest first (the crate weighs recent ones more).
    pub items: Vec<FSRSItem>,
    /// The document of each item, as the crate's card id.
    pub card_ids: Vec<i64>,
    /// The documents with at least one review predicted.
    pub documents: usize,
}

impl Items {
    /// The reviews predicted (one per item).
    pub fn reviews(&self) -> usize {
        self.items.len()
    }
}

/// The history of the curriculum's done documents, as the optimizer reads it.
pub fn items(curriculum: &Curriculum, progress: &Progress) -> Items {
    let mut dated: Vec<(NaiveDate, i64, FSRSItem)> = Vec::new();
    let mut documents = 0;
    for id in curriculum.ids() {
        let before = dated.len();
        let mut reviews = history(progress, &curriculum.doc(id).path);
        // Stable: the day it was done stays first among the reviews of that day.
        reviews.sort_by_key(|review| review.date);
        let steps = steps(&reviews);
        let predicted = reviews.iter().enumerate().take(MAX_ITEM_REVIEWS).skip(1);
        for (end, review) in predicted {
            if steps[end].delta_t > 0 {
                let item = FSRSItem {
                    reviews: steps[..=end].to_vec(),
                };
                dated.push((review.date, id.0 as i64, item));
            }
        }
        documents += usize::from(dated.len() > before);
    }
    dated.sort_by_key(|(date, _, _)| *date);
    let (card_ids, items) = dated.into_iter().map(|(_, id, item)| (id, item)).unzip();
    Items {
        items,
        card_ids,
        documents,
    }
}

/// The reviews in date order as the crate's steps: each grade, and the days since the one
/// before (0 for the first).
fn steps(reviews: &[Review]) -> Vec<FSRSReview> {
    let mut previous = reviews.first().map(|review| review.date);
    reviews
        .iter()
        .map(|review| {
            let days = previous.map_or(0, |previous| (review.date - previous).num_days());
            previous = Some(review.date);
            FSRSReview {
                rating: review.grade.rating(),
                delta_t: u32::try_from(days).unwrap_or(u32::MAX),
            }
        })
        .collect()
}

/// What a fit found.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    /// Too few reviews yet: `reviews` (of `documents`) of the `needed`.
    TooFew {
        reviews: usize,
        documents: usize,
        needed: usize,
    },
    /// The optimizer could not fit this history.
    Failed {
        reviews: usize,
        documents: usize,
        reason: Unfit,
    },
    /// Parameters fitted, better than the defaults or not (see [`Fitted::is_better`]).
    Fitted(Fitted),
}

/// Why the optimizer could not fit a history.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unfit {
    /// After setting aside reviews at unusual intervals, too few were left to learn from.
    #[error("too few of the reviews are at intervals the optimizer can learn from")]
    NotEnoughData,
    /// The optimizer or the evaluation failed; the crate's reason.
    #[error("the optimizer failed ({0})")]
    Optimizer(String),
}

/// Parameters fitted to the learner's history, and how well each set predicts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub parameters: Vec<f32>,
    /// The reviews predicted and the documents they are of.
    pub reviews: usize,
    pub documents: usize,
    /// The log loss of the default parameters' predictions of the history (lower is better).
    pub log_loss_default: f32,
    /// The log loss of the fitted parameters' predictions of the same history.
    pub log_loss_fitted: f32,
}

impl Fitted {
    /// Whether the fitted parameters predict the history better than the defaults.
    pub fn is_better(&self) -> bool {
        self.log_loss_fitted < self.log_loss_default
    }

    /// How much lower the fitted log loss is, as a fraction of the default's.
    pub fn improvement(&self) -> f32 {
        1.0 - self.log_loss_fitted / self.log_loss_default
    }
}

/// Fits the learner's parameters to the history of the curriculum's done documents when it has
/// at least [`FIT_LEAST_REVIEWS`] reviews, and evaluates the defaults and the fitted parameters
/// on that same history.
pub fn fit(curriculum: &Curriculum, progress: &Progress) -> Fit {
    let items = items(curriculum, progress);
    let (reviews, documents) = (items.reviews(), items.documents);
    if reviews < FIT_LEAST_REVIEWS {
        return Fit::TooFew {
            reviews,
            documents,
            needed: FIT_LEAST_REVIEWS,
        };
    }
    match fitted(items) {
        Ok(fitted) => Fit::Fitted(fitted),
        Err(reason) => Fit::Failed {
            reviews,
            documents,
            reason,
        },
    }
}

/// Runs the optimizer on the items, however few, then evaluates both parameter sets on them.
/// [`fit`] asks for [`FIT_LEAST_REVIEWS`] first: a fit on fewer follows chance more.
pub fn fitted(items: Items) -> Result<Fitted, Unfit> {
    let input = ComputeParametersInput {
        train_set: items.items.clone(),
        card_ids: Some(items.card_ids.clone()),
        ..ComputeParametersInput::default()
    };
    let parameters = fsrs::compute_parameters(input).map_err(unfit)?;
    let fitted = Memory::with_parameters(&parameters)
        .map_err(|problem| Unfit::Optimizer(problem.to_string()))?;
    let log_loss = |memory: &Memory| {
        memory
            .fsrs()
            .evaluate_with_card_ids(items.items.clone(), items.card_ids.clone(), |_| true)
            .map(|evaluation| evaluation.log_loss)
            .map_err(unfit)
    };
    Ok(Fitted {
        log_loss_default: log_loss(&Memory::default())?,
        log_loss_fitted: log_loss(&fitted)?,
        parameters,
        reviews: items.reviews(),
        documents: items.documents,
    })
}

/// Why the crate failed, in the fit's terms.
fn unfit(error: FSRSError) -> Unfit {
    match error {
        FSRSError::NotEnoughData => Unfit::NotEnoughData,
        other => Unfit::Optimizer(format!("{other:?}")),
    }
}
