//! `review`: the reviews due, and recording one.

use super::super::Failure;
use super::super::args::Format;
use super::super::messages;
use super::super::settings::Context;
use chrono::NaiveDate;
use learnpath::error::exit;
use learnpath::memory::{Memory, Retention};
use learnpath::progress::{self, Grade, ReviewRecord, Reviewed};
use learnpath::render::review;
use std::io::Write;

/// `review DOC --grade G`: records a review of a done document, and says when the next is due.
pub(super) fn record(
    name: &str,
    grade: Grade,
    on: Option<NaiveDate>,
    took: Option<u32>,
    retention: Retention,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("review")?;
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let id = curriculum.find_doc(name)?;
    let path = &curriculum.doc(id).path;
    let date = on.unwrap_or(context.today);
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
    let review = ReviewRecord { date, grade, took };
    let report = progress::record_review(&store, curriculum, id, review)?;
    super::progress::note_kept_copy(report.kept_copy.clone(), context);
    if report.reviewed == Reviewed::NotDone {
        return Err(Failure::Usage(messages::review_not_done(path)));
    }
    let memory = Memory::default().of(&report.progress, path, date, retention);
    let next = memory.map_or_else(String::new, |recall| {
        format!("; next review {}", recall.due)
    });
    writeln!(out, "reviewed: {path} ({date}, {grade}){next}")?;
    Ok(exit::OK)
}

/// `review`: the done documents due for review today or before, the most overdue first.
pub(super) fn list(
    retention: Retention,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let (progress, _) = context.progress(curriculum)?;
    let due = Memory::default().due(curriculum, &progress, context.today, retention);
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
