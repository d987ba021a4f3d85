//! `done`, `undo` and `status`: recording what was studied, and how far along it is.

use super::super::Failure;
use super::super::args::{Choice, Format, ReviewOptions, Window};
use super::super::settings::{Context, FollowRequest, logged};
use super::follow::resumed;
use super::output::emit;
use super::parts::part_minutes;
use chrono::NaiveDate;
use learnpath::curriculum::duration::format_minutes;
use learnpath::curriculum::{Doc, DocId};
use learnpath::error::exit;
use learnpath::follow::status;
use learnpath::follow::{self, Remembered, Worked};
use learnpath::plan::Part;
use learnpath::plan::schedule::LEAST_MINUTES_LEFT;
use learnpath::progress::{self, Marked, PartialMarked, Progress, ProgressStore};
use learnpath::render::status as status_render;
use learnpath::words::{count, count_with};
use learnpath::{Curriculum, Opened};
use std::io::{self, Write};
use std::path::PathBuf;

/// What `done` was asked besides the documents.
pub(super) struct DoneArgs {
    /// Everything up to this entry (`--through`).
    pub through: Option<String>,
    /// The day (`--on`); default today.
    pub on: Option<NaiveDate>,
    /// The minutes it took (`--took`).
    pub took: Option<u32>,
    /// Only this part of the document's split (`--part`).
    pub part: Option<u32>,
    /// Only these minutes of the document (`--minutes`).
    pub minutes: Option<u32>,
    /// How well it went (`--grade`).
    pub grade: Option<progress::Grade>,
}

impl DoneArgs {
    /// --part, --minutes and --took are for one document: a usage error for `named` others.
    fn check_for_one(&self, named: usize) -> Result<(), Failure> {
        let for_one = [
            ("--part", self.part.is_some()),
            ("--minutes", self.minutes.is_some()),
            ("--took", self.took.is_some()),
        ]
        .into_iter()
        .find(|(_, given)| *given);
        match for_one {
            Some((flag, _)) if named != 1 => Err(Failure::Usage(format!(
                "{flag} is for one document, and {named} are named; mark them one at a time"
            ))),
            _ => Ok(()),
        }
    }
}

/// `done`: marks documents studied, today or `--on` a date, with the time taken; or records
/// part of one.
pub(super) fn done(
    names: &[String],
    args: DoneArgs,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("done")?;
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let mut ids = curriculum.find_docs(names)?;
    if let Some(last) = &args.through {
        if curriculum.is_draft(last) {
            return Err(Failure::Usage(super::super::messages::through_a_draft(
                last,
            )));
        }
        let last = curriculum.find_doc(last)?;
        ids.extend(
            curriculum
                .entries_through(last)
                .unwrap_or_else(|| opened.graph.closure(&[last])),
        );
    }
    // A document named twice is marked once.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    args.check_for_one(ids.len())?;
    let date = args.on.unwrap_or(context.today);
    if date > context.today {
        context.report.warning(format!(
            "--on {date} is in the future (today is {})",
            context.today
        ));
    }
    let portion = match (args.part, args.minutes) {
        (Some(index), _) => Some(Portion::Part(index)),
        (None, Some(minutes)) => Some(Portion::Minutes(minutes)),
        (None, None) => None,
    };
    if let Some(portion) = portion {
        return done_in_part(&opened, ids[0], date, portion, args.took, context, out);
    }
    let store = context.store(curriculum)?;
    let report = progress::record_done(
        &store,
        curriculum,
        &opened.graph,
        &ids,
        date,
        args.on.is_some(),
        args.took,
        args.grade,
    )?;
    note_kept_copy(report.kept_copy, context);
    for (id, missing) in &report.unmet {
        warn_unmet(curriculum, *id, missing, "is marked done", context);
    }
    for (id, marked) in report.marked {
        let path = &curriculum.doc(id).path;
        let already = matches!(marked, Marked::AlreadyDone { .. });
        say_marked(out, path, marked, date, &report.progress, args.took)?;
        if let (true, Some(grade)) = (already, args.grade) {
            writeln!(
                out,
                "graded {grade}: {path} (its first study; `review` reckons from it)"
            )?;
        }
    }
    footer(out, curriculum, &report.progress, &store)?;
    Ok(exit::OK)
}

/// What became of a document `done` marked, on `date`, with `took` given.
fn say_marked(
    out: &mut dyn Write,
    path: &str,
    marked: Marked,
    date: NaiveDate,
    progress: &Progress,
    took: Option<u32>,
) -> io::Result<()> {
    match marked {
        Marked::Done => match took {
            Some(took) if progress.partial_time(path).took > 0 => writeln!(
                out,
                "done: {path} ({date}{})",
                took_in_all_words(progress, path, took)
            ),
            _ => writeln!(
                out,
                "done: {path} ({date}{})",
                took_words(progress.took(path))
            ),
        },
        Marked::AlreadyDone { since } => writeln!(out, "already done: {path} (since {since})"),
        Marked::DateChanged { was } => {
            writeln!(out, "date changed: {path} (was {was}, now {date})")
        }
        Marked::TookChanged { was, date_was } => {
            if let Some(was) = date_was {
                writeln!(out, "date changed: {path} (was {was}, now {date})")?;
            }
            let now = progress.took(path).unwrap_or_default();
            match was {
                Some(was) => writeln!(
                    out,
                    "took changed: {path} (was {}, now {})",
                    format_minutes(was),
                    format_minutes(now)
                ),
                None => writeln!(out, "took recorded: {path} ({})", format_minutes(now)),
            }
        }
    }
}

/// ", took 55 min in all: 25 min now and 30 min of partial progress before, counted at its
/// estimated minutes": the time of a document marked done with `--took` after partial progress,
/// which adds the time of its partial records.
fn took_in_all_words(progress: &Progress, path: &str, took: u32) -> String {
    let before = progress.partial_time(path);
    let estimated = match before.untimed {
        0 => String::new(),
        untimed if untimed == before.took => ", counted at its estimated minutes".to_string(),
        untimed => format!(
            ", {} of it counted at its estimated minutes",
            format_minutes(untimed)
        ),
    };
    let in_all = progress.took(path).unwrap_or_default();
    let kept = match in_all < took.saturating_add(before.took) {
        true => "; 24 h kept, the most a record holds",
        false => "",
    };
    format!(
        ", took {} in all: {} now and {} of partial progress before{estimated}{kept}",
        format_minutes(in_all),
        format_minutes(took),
        format_minutes(before.took)
    )
}

/// ", took 50 min", or nothing.
fn took_words(took: Option<u32>) -> String {
    took.map(|took| format!(", took {}", format_minutes(took)))
        .unwrap_or_default()
}

/// Warns that a document was studied before its prerequisites.
fn warn_unmet(
    curriculum: &Curriculum,
    id: DocId,
    missing: &[DocId],
    what: &str,
    context: &Context,
) {
    if missing.is_empty() {
        return;
    }
    let paths: Vec<&str> = missing
        .iter()
        .map(|&p| curriculum.doc(p).path.as_str())
        .collect();
    let verb = if missing.len() == 1 { "is" } else { "are" };
    context.report.warning(format!(
        "{} {what}, but {} of its prerequisites {verb} not: {}",
        curriculum.doc(id).path,
        missing.len(),
        paths.join(", ")
    ));
}

/// Which partial progress `done` records.
enum Portion {
    /// `--part N`.
    Part(u32),
    /// `--minutes M`.
    Minutes(u32),
}

/// What `done --part N` or `done --minutes M` asked to record.
struct Asked {
    date: NaiveDate,
    /// The minutes of the part, or those given with `--minutes`.
    minutes: u32,
    part: Option<Part>,
    took: Option<u32>,
}

/// `done --part N` and `done --minutes M`: partial progress on one document, with the time
/// it took when `took` is given.
fn done_in_part(
    opened: &Opened,
    id: DocId,
    date: NaiveDate,
    portion: Portion,
    took: Option<u32>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let curriculum = &opened.curriculum;
    let (minutes, part) = match portion {
        Portion::Part(index) => {
            let (minutes, count) = part_minutes(context, curriculum, id, index)?;
            (minutes, Some(Part { index, count }))
        }
        Portion::Minutes(minutes) => (minutes, None),
    };
    let asked = Asked {
        date,
        minutes,
        part,
        took,
    };
    let store = context.store(curriculum)?;
    let report = progress::record_partial(
        &store,
        curriculum,
        &opened.graph,
        id,
        date,
        minutes,
        part,
        took,
    )?;
    note_kept_copy(report.kept_copy.clone(), context);
    let what = if report.completed.is_some() {
        "is marked done"
    } else {
        "is partly done"
    };
    warn_unmet(curriculum, id, &report.unmet, what, context);
    say_partial(&report, curriculum.doc(id), &asked, context, out)?;
    let path = &curriculum.doc(id).path;
    if let (Some(Marked::Done), Some(part)) = (report.completed, part) {
        let finished = report.progress.date(path).unwrap_or(date);
        writeln!(
            out,
            "done: {path} ({finished}, all {} parts{})",
            part.count,
            took_words(report.progress.took(path))
        )?;
    }
    footer(out, curriculum, &report.progress, &store)?;
    Ok(exit::OK)
}

/// What became of a partial record: the line on stdout, and a note when the document's
/// estimated minutes are all recorded.
fn say_partial(
    report: &progress::PartialReport,
    doc: &Doc,
    asked: &Asked,
    context: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (path, date) = (&doc.path, asked.date);
    let part_name = asked
        .part
        .map(|part| format!("part {}/{}", part.index, part.count));
    let name = part_name.as_deref().unwrap_or("part");
    match report.marked {
        PartialMarked::Recorded => match &part_name {
            Some(name) => writeln!(
                out,
                "{name} done: {path} ({}, {date}{})",
                format_minutes(asked.minutes),
                took_words(asked.took)
            ),
            None => say_minutes(report, doc, asked, context, out),
        },
        PartialMarked::NothingLeft => {
            context.report.note(all_recorded_note(doc));
            writeln!(
                out,
                "nothing recorded: {path} (its partial progress covers all of its {} min already)",
                doc.minutes
            )
        }
        PartialMarked::PartAlreadyDone { since } => {
            writeln!(out, "{name} already done: {path} (since {since})")
        }
        PartialMarked::PartTookChanged { was } => {
            let now = format_minutes(asked.took.unwrap_or_default());
            match was {
                Some(was) => writeln!(
                    out,
                    "took changed: {path}, {name} (was {}, now {now})",
                    format_minutes(was)
                ),
                None => writeln!(out, "took recorded: {path}, {name} ({now})"),
            }
        }
        PartialMarked::AlreadyDone { since } => {
            writeln!(out, "already done: {path} (since {since})")
        }
    }
}

/// `done --minutes M` recorded: "20 of 30 min done: PATH (DATE)"; a note when that is all of
/// the document's estimated minutes, saying so when more were given than were left.
fn say_minutes(
    report: &progress::PartialReport,
    doc: &Doc,
    asked: &Asked,
    context: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    let done = report.partial_minutes;
    if report.counted < asked.minutes {
        context.report.note(format!(
            "counted {} of the {} given, what was left: {}",
            format_minutes(report.counted),
            format_minutes(asked.minutes),
            all_recorded_note(doc)
        ));
    } else if done >= doc.minutes {
        context.report.note(all_recorded_note(doc));
    }
    writeln!(
        out,
        "{done} of {} min done: {} ({}{})",
        doc.minutes,
        doc.path,
        asked.date,
        took_words(asked.took)
    )
}

/// The note that a document's partial records cover all of its estimated minutes.
fn all_recorded_note(doc: &Doc) -> String {
    format!(
        "that is all of the {} min {path} is estimated at; mark it done with `learnpath done {path}` (plans keep {} of it until then)",
        doc.minutes,
        format_minutes(LEAST_MINUTES_LEFT.min(doc.minutes)),
        path = doc.path
    )
}

/// `undo`: unmarks documents.
pub(super) fn undo(
    names: &[String],
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    context.require_progress("undo")?;
    let opened = context.open()?;
    let store = context.store(&opened.curriculum)?;
    let report = progress::record_undo(&store, &opened.curriculum, names)?;
    note_kept_copy(report.kept_copy, context);
    for (path, was_done) in &report.undone {
        let partials = report
            .dropped_partials
            .iter()
            .find(|(dropped, _)| dropped == path)
            .map_or(0, |(_, partials)| *partials);
        let records = count_with(partials, "partial record", "partial records");
        let reviews = (report.dropped_reviews.iter())
            .find(|(dropped, _)| dropped == path)
            .map_or(0, |(_, reviews)| *reviews);
        let with = match (partials, reviews) {
            (0, 0) => String::new(),
            (_, 0) => format!(" (and its {records})"),
            (0, _) => format!(" (and its {})", count_with(reviews, "review", "reviews")),
            (_, _) => format!(
                " (and its {records} and {})",
                count_with(reviews, "review", "reviews")
            ),
        };
        match (*was_done, partials) {
            (true, _) => writeln!(out, "undone: {path}{with}")?,
            (false, 0) => writeln!(out, "not marked done: {path}")?,
            (false, _) => writeln!(out, "partial progress removed: {path} ({records})")?,
        }
    }
    footer(out, &opened.curriculum, &report.progress, &store)?;
    Ok(exit::OK)
}

/// `status`: each specialization's progress, what to start next, and the file read; against
/// a followed plan, what is left re-planned at its time of day, or at `window`'s.
pub(super) fn status(
    choice: &Choice,
    window: Window,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
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
    let done_minutes = status::DoneMinutes {
        done: &done,
        partial: progress
            .partly_done(curriculum)
            .into_iter()
            .map(|(id, partly)| (id, partly.minutes))
            .collect(),
    };
    let mut report = status::status(curriculum, &opened.graph, selection.as_ref(), &done_minutes);
    report.progress_file = file.map(|path| path.display().to_string());
    let retention = context.retention(curriculum, baseline.as_ref())?;
    report.remembered = Remembered::of(
        &context.memory(curriculum)?,
        curriculum,
        &progress,
        context.today,
        retention,
    );
    if let Some(baseline) = baseline {
        let worked = Worked::of(&baseline, &progress);
        let mut standing = follow::standing(&baseline, &worked, context.today);
        let no_flags = ReviewOptions::default();
        let request = FollowRequest::resolve(window, &no_flags, context, &baseline, store.path())?;
        let resumed = resumed(
            &baseline,
            request,
            &opened,
            &progress,
            context,
            store.path(),
        )?;
        let logged = logged(curriculum, &progress);
        let rest = resumed.forecast(&logged, standing.baseline_finish)?;
        standing.projected_finish = rest.summary.finish_date;
        report.schedule = Some(standing);
        report.forecast = rest.forecast;
    }
    emit(format, &report, status_render::status, context, out)?;
    Ok(exit::OK)
}

/// Says where the hand-edited progress file was copied before learnpath rewrote it.
pub(super) fn note_kept_copy(kept_copy: Option<PathBuf>, context: &Context) {
    if let Some(copy) = kept_copy {
        context.report.note(format!(
            "kept your hand-edited copy as {} (the progress file is rewritten in learnpath's own form)",
            copy.display()
        ));
    }
}

/// The last line of `done` and `undo`: how many of the curriculum's documents are done (and
/// partly done), and where that is kept.
fn footer(
    out: &mut dyn Write,
    curriculum: &Curriculum,
    progress: &Progress,
    store: &ProgressStore,
) -> io::Result<()> {
    let partly = progress.partly_done(curriculum).len();
    let partly = match partly {
        0 => String::new(),
        partly => format!(" and {partly} partly done"),
    };
    writeln!(
        out,
        "{}{partly} in {}",
        count(progress.done_set(curriculum).ids().count(), "document") + " done",
        store.path().display()
    )
}
