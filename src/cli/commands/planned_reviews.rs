//! The reviews a plan places (`plan --review`), from what the learner remembers.

use super::super::args::ReviewOptions;
use super::super::settings::Context;
use chrono::NaiveDate;
use learnpath::plan::review::Reviews;
use learnpath::{Curriculum, Error};

/// The reviews for a plan starting on `start` with `--review`: those of the documents done,
/// and the first review of each the plan studies; none without it (the plan is as before).
pub(super) fn reviews(
    options: &ReviewOptions,
    context: &Context,
    curriculum: &Curriculum,
    start: NaiveDate,
) -> Result<Option<Reviews>, Error> {
    if !options.review {
        return Ok(None);
    }
    let progress = context.progress_again(curriculum)?;
    let retention = options.retention.unwrap_or_default();
    let reviews = context.memory(curriculum)?.plan_reviews(
        curriculum,
        &progress,
        start,
        retention,
        options.review_minutes,
    );
    Ok(Some(reviews))
}
