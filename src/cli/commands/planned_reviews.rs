//! The reviews a plan places (`--review`, or the profile's or followed plan's choice), from what
//! the learner remembers.

use super::super::settings::Context;
use chrono::NaiveDate;
use learnpath::follow::ReviewSettings;
use learnpath::plan::review::Reviews;
use learnpath::{Curriculum, Error};

/// The reviews for a plan starting on `start` with `review`: those of the documents done, and
/// the first review of each the plan studies; none without it (the plan is as before).
pub(super) fn reviews(
    review: Option<ReviewSettings>,
    context: &Context,
    curriculum: &Curriculum,
    start: NaiveDate,
) -> Result<Option<Reviews>, Error> {
    let Some(review) = review else {
        return Ok(None);
    };
    let progress = context.progress_again(curriculum)?;
    let reviews = context.memory(curriculum)?.plan_reviews(
        curriculum,
        &progress,
        start,
        review.retention,
        review.minutes,
    );
    Ok(Some(reviews))
}
