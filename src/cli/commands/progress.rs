//! `done`, `undo` and `status`: recording what was studied, and how far along it is.

use super::super::Failure;
use super::super::args::{Choice, Format};
use super::super::settings::Context;
use super::follow::Resumed;
use super::output::emit;
use chrono::NaiveDate;
use learnpath::Curriculum;
use learnpath::error::exit;
use learnpath::follow::{self, Worked};
use learnpath::plan::status;
use learnpath::progress::{self, Marked, Progress, ProgressStore};
use learnpath::render::ready as ready_render;
use learnpath::words::count;
use std::io::{self, Write};
use std::path::PathBuf;

/// `done`: marks documents studied, today or `--on` a date.
pub(super) fn done(
    names: &[String],
    on: Option<NaiveDate>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("done")?;
    let opened = learnpath::open(&context.source)?;
    let curriculum = &opened.curriculum;
    let mut ids = curriculum.find_docs(names)?;
    // A document named twice is marked once.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    let date = on.unwrap_or(context.today);
    if date > context.today {
        context.report.warning(format!(
            "--on {date} is in the future (today is {})",
            context.today
        ));
    }
    let store = context.store(curriculum)?;
    let report =
        progress::record_done(&store, curriculum, &opened.graph, &ids, date, on.is_some())?;
    note_kept_copy(report.kept_copy, context);
    for (id, missing) in &report.unmet {
        let paths: Vec<&str> = missing
            .iter()
            .map(|&p| curriculum.doc(p).path.as_str())
            .collect();
        let verb = if missing.len() == 1 { "is" } else { "are" };
        context.report.warning(format!(
            "{} is marked done, but {} of its prerequisites {verb} not: {}",
            curriculum.doc(*id).path,
            missing.len(),
            paths.join(", ")
        ));
    }
    for (id, marked) in report.marked {
        let path = &curriculum.doc(id).path;
        match marked {
            Marked::Done => writeln!(out, "done: {path} ({date})")?,
            Marked::AlreadyDone { since } => writeln!(out, "already done: {path} (since {since})")?,
            Marked::DateChanged { was } => {
                writeln!(out, "date changed: {path} (was {was}, now {date})")?
            }
        }
    }
    footer(out, curriculum, &report.progress, &store)?;
    Ok(exit::OK)
}

/// `undo`: unmarks documents.
pub(super) fn undo(
    names: &[String],
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("undo")?;
    let opened = learnpath::open(&context.source)?;
    let store = context.store(&opened.curriculum)?;
    let report = progress::record_undo(&store, &opened.curriculum, names)?;
    note_kept_copy(report.kept_copy, context);
    for (path, was_done) in &report.undone {
        if *was_done {
            writeln!(out, "undone: {path}")?;
        } else {
            writeln!(out, "not marked done: {path}")?;
        }
    }
    footer(out, &opened.curriculum, &report.progress, &store)?;
    Ok(exit::OK)
}

/// `status`: each specialization's progress, what to start next, and the file read.
pub(super) fn status(
    choice: &Choice,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = learnpath::open(&context.source)?;
    let curriculum = &opened.curriculum;
    let (progress, file) = context.progress(curriculum)?;
    let done = progress.done_set(curriculum);
    let store = context.baseline_store(curriculum)?;
    let baseline = store.load()?;
    // The followed plan's choice, unless the flags or the profile make one.
    let selection = match (context.selection(choice, curriculum)?, &baseline) {
        (None, Some(baseline)) => Some(baseline.selection(curriculum)?),
        (selection, _) => selection,
    };
    let mut report = status::status(curriculum, &opened.graph, selection.as_ref(), &done);
    report.progress_file = file.map(|path| path.display().to_string());
    if let Some(baseline) = baseline {
        let worked = Worked::of(&baseline, &progress);
        let mut standing = follow::standing(&baseline, &worked, context.today);
        let resumed = Resumed::new(&baseline, &opened, &progress, context, store.path())?;
        let rest = resumed.plan(resumed.weekly)?;
        standing.projected_finish = rest.summary.finish_date;
        report.schedule = Some(standing);
    }
    emit(format, &report, ready_render::status, context, out)?;
    Ok(exit::OK)
}

/// Says where the hand-edited progress file was copied before learnpath rewrote it.
fn note_kept_copy(kept_copy: Option<PathBuf>, context: &Context) {
    if let Some(copy) = kept_copy {
        context.report.note(format!(
            "kept your hand-edited copy as {} (the progress file is rewritten in learnpath's own form)",
            copy.display()
        ));
    }
}

/// The last line of `done` and `undo`: how many of the curriculum's documents are done, and
/// where that is kept.
fn footer(
    out: &mut dyn Write,
    curriculum: &Curriculum,
    progress: &Progress,
    store: &ProgressStore,
) -> io::Result<()> {
    writeln!(
        out,
        "{} done in {}",
        count(progress.done_set(curriculum).ids().count(), "document"),
        store.path().display()
    )
}
