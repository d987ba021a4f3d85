//! `review`: the reviews due, recording one, and fitting the learner's own memory parameters.

use super::super::Failure;
use super::super::args::Format;
use super::super::messages;
use super::super::settings::Context;
use chrono::NaiveDate;
use learnpath::error::exit;
use learnpath::memory::{Fit, Fitted, MemoryStore, Retention, Saved, fit::fit as fit_history};
use learnpath::progress::{self, Grade, ReviewRecord, Reviewed};
use learnpath::render::{self, fit::Outcome, review};
use std::io::Write;
use std::path::Path;

/// `review DOC --grade G`: records a review of a done document, and says when the next is due.
pub(super) fn record(
    name: &str,
    grade: Grade,
    on: Option<NaiveDate>,
    took: Option<u32>,
    retention: Option<Retention>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("review")?;
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let id = curriculum.find_doc(name)?;
    let path = &curriculum.doc(id).path;
    let date = on.unwrap_or(context.today);
    if date > context.today {
        context.report.warning(format!(
            "--on {date} is in the future (today is {})",
            context.today
        ));
    }
    let store = context.store(curriculum)?;
    let mut known = store.load()?;
    known.canonicalize(curriculum);
    match known.date(path) {
        None => return Err(Failure::Usage(messages::review_not_done(path))),
        Some(done) if date < done => {
            return Err(Failure::Usage(messages::review_before_done(
                path, date, done,
            )));
        }
        Some(_) => {}
    }
    // Before recording: a memory file, profile or followed plan that cannot be read stops the
    // command with nothing written.
    let memory = context.memory(curriculum)?;
    let retention = context.review_retention(retention, curriculum)?;
    let review = ReviewRecord { date, grade, took };
    let report = progress::record_review(&store, curriculum, id, review)?;
    super::progress::note_kept_copy(report.kept_copy.clone(), context);
    if report.reviewed == Reviewed::NotDone {
        return Err(Failure::Usage(messages::review_not_done(path)));
    }
    let memory = memory.of(&report.progress, path, date, retention);
    let next = memory.map_or_else(String::new, |recall| {
        format!("; next review {}", recall.due)
    });
    writeln!(out, "reviewed: {path} ({date}, {grade}){next}")?;
    Ok(exit::OK)
}

/// `review`: the done documents due for review today or before, the most overdue first.
pub(super) fn list(
    retention: Option<Retention>,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let (progress, _) = context.progress(curriculum)?;
    let memory = context.memory(curriculum)?;
    let retention = context.review_retention(retention, curriculum)?;
    let due = memory.due(curriculum, &progress, context.today, retention);
    let due = review::Due {
        curriculum,
        due: &due,
        today: context.today,
        retention,
    };
    match format {
        Format::Json => review::json(&due, out)?,
        Format::Table => review::table(&due, out)?,
    }
    Ok(exit::OK)
}

/// `review --fit`: fits the learner's memory parameters to their reviews and saves them when
/// they predict those reviews better than the defaults; "no" when nothing was saved.
pub(super) fn fit(format: Format, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let (progress, _) = context.progress(curriculum)?;
    let store = (context.use_progress)
        .then(|| context.memory_store(curriculum))
        .transpose()?;
    // Read first: a memory file that cannot be read stops the fit, and is left as it is.
    let had = match &store {
        Some(store) => store.load()?.is_some(),
        None => false,
    };
    let fit = fit_history(curriculum, &progress);
    let better = match &fit {
        Fit::Fitted(fitted) => Some(fitted).filter(|fitted| fitted.is_better()),
        _ => None,
    };
    let saved = match (better, &store) {
        (Some(fitted), Some(store)) => Some(save(store, fitted, context.today)?),
        _ => None,
    };
    let outcome = Outcome {
        fit: &fit,
        saved,
        kept: store.as_ref().filter(|_| had).map(MemoryStore::path),
    };
    match format {
        Format::Json => render::fit::json(&outcome, out)?,
        Format::Table => render::fit::text(&outcome, out)?,
    }
    Ok(if saved.is_some() { exit::OK } else { exit::NO })
}

/// Saves the fitted parameters, fitted on `today`; where.
fn save<'a>(
    store: &'a MemoryStore,
    fitted: &Fitted,
    today: NaiveDate,
) -> Result<&'a Path, Failure> {
    store.save(&Saved {
        parameters: fitted.parameters.clone(),
        fitted_on: today,
        reviews: fitted.reviews,
        documents: fitted.documents,
        log_loss_default: fitted.log_loss_default,
        log_loss_fitted: fitted.log_loss_fitted,
    })?;
    Ok(store.path())
}
