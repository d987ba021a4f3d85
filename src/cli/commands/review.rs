//! `review`: the reviews due, and recording one.

use super::super::Failure;
use super::super::args::Format;
use super::super::messages;
use super::super::settings::Context;
use chrono::NaiveDate;
use learnpath::Curriculum;
use learnpath::DocId;
use learnpath::error::exit;
use learnpath::memory::{Memory, Recall, Retention};
use learnpath::progress::{self, Grade, ReviewRecord, Reviewed};
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
    match format {
        Format::Json => write_json(curriculum, &due, context.today, retention, out)?,
        Format::Table => write_table(curriculum, &due, context.today, retention, out)?,
    }
    Ok(exit::OK)
}

fn write_table(
    curriculum: &Curriculum,
    due: &[(DocId, Recall)],
    today: NaiveDate,
    retention: Retention,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if due.is_empty() {
        return writeln!(
            out,
            "No reviews due on {today} (target retention {retention})."
        );
    }
    let width = due
        .iter()
        .map(|(id, _)| curriculum.doc(*id).path.len())
        .max()
        .unwrap_or(0)
        .max("DOCUMENT".len());
    writeln!(out, "{:width$}  DUE         RECALL", "DOCUMENT")?;
    for (id, recall) in due {
        let percent = format!("{:.0}%", recall.recall * 100.0);
        writeln!(
            out,
            "{:width$}  {}  {percent:>6}",
            curriculum.doc(*id).path,
            recall.due
        )?;
    }
    let overdue = due.iter().filter(|(_, recall)| recall.due < today).count();
    let reviews = learnpath::words::count(due.len(), "review");
    writeln!(
        out,
        "{reviews} due on {today}, {overdue} overdue (target retention {retention})"
    )
}

fn write_json(
    curriculum: &Curriculum,
    due: &[(DocId, Recall)],
    today: NaiveDate,
    retention: Retention,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let items: Vec<serde_json::Value> = due
        .iter()
        .map(|(id, recall)| {
            let doc = curriculum.doc(*id);
            serde_json::json!({
                "path": doc.path,
                "title": doc.title,
                "due": recall.due.to_string(),
                "overdue_days": (today - recall.due).num_days(),
                "last_review": recall.last.to_string(),
                "recall": (f64::from(recall.recall) * 1000.0).round() / 1000.0,
                "stability_days": (f64::from(recall.stability) * 100.0).round() / 100.0,
            })
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": 1,
        "today": today.to_string(),
        "retention": (f64::from(retention.value()) * 100.0).round() / 100.0,
        "due": items,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
