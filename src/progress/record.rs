//! `done` and `undo` as library calls: what changed in the progress file, and what the
//! learner should be told about it (prerequisites not done yet, a hand-edited copy kept).

use super::{
    Grade, MAX_PART, MAX_RECORD_MINUTES, Marked, Partial, PartialMarked, Progress, ProgressStore,
    ReviewRecord, Reviewed, Updated,
};
use crate::curriculum::{Curriculum, DocId};
use crate::error::{Error, MinutesOf, RecordProblem, Result};
use crate::graph::PrereqGraph;
use crate::plan::{Part, ready};
use chrono::NaiveDate;
use std::path::PathBuf;

/// What [`record_done`] did.
#[derive(Debug)]
pub struct DoneReport {
    /// The progress as it is now.
    pub progress: Progress,
    /// Each document asked for, and what became of it.
    pub marked: Vec<(DocId, Marked)>,
    /// Documents marked done while prerequisites of theirs are not: each with those.
    pub unmet: Vec<(DocId, Vec<DocId>)>,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Checks minutes to record: 1 to [`MAX_RECORD_MINUTES`].
fn check_minutes(minutes: u32, of: MinutesOf) -> Result<()> {
    if (1..=MAX_RECORD_MINUTES).contains(&minutes) {
        return Ok(());
    }
    Err(Error::BadRecord(RecordProblem::Minutes { of, minutes }))
}

/// Marks documents done on `date`, with the minutes each took when `took` is given: for a
/// document with partial progress, `took` is the time of what was left, and its partial records
/// add theirs (see [`Progress::took_in_all`]). A document already done keeps its date unless
/// `change_date` (the learner named the date); a `took` given replaces the one it has. A
/// `grade` given is how well the document was studied (good when none is ever given): its
/// first review, and it replaces one given before.
#[allow(clippy::too_many_arguments)]
pub fn record_done(
    store: &ProgressStore,
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    ids: &[DocId],
    date: NaiveDate,
    change_date: bool,
    took: Option<u32>,
    grade: Option<Grade>,
) -> Result<DoneReport> {
    if let Some(took) = took {
        check_minutes(took, MinutesOf::TimeTaken)?;
    }
    let Updated {
        mut progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        unchanged_unless_marked(progress, curriculum, |progress| {
            ids.iter()
                .map(|&id| {
                    let path = &curriculum.doc(id).path;
                    let took = took.map(|took| progress.took_in_all(path, took));
                    let marked = progress.mark_on(path, date, change_date, took);
                    if let Some(grade) = grade {
                        progress.set_done_grade(path, grade);
                    }
                    marked
                })
                .collect::<Vec<_>>()
        })
    })?;
    progress.canonicalize(curriculum);
    let done = progress.done_set(curriculum);
    let unmet = ids
        .iter()
        .map(|&id| (id, ready::unmet(graph, id, &done)))
        .filter(|(_, missing)| !missing.is_empty())
        .collect();
    Ok(DoneReport {
        marked: ids.iter().copied().zip(result).collect(),
        progress,
        unmet,
        kept_copy,
    })
}

/// What [`record_partial`] did.
#[derive(Debug)]
pub struct PartialReport {
    /// The progress as it is now.
    pub progress: Progress,
    /// What became of the record.
    pub marked: PartialMarked,
    /// When every part of the document's split is now recorded: the document is done, on the
    /// date of its last part, with the sum of the parts' times when each has one. This is what
    /// marking it done did.
    pub completed: Option<Marked>,
    /// The minutes of the document its partial records cover now (0 once it is done).
    pub partial_minutes: u32,
    /// The minutes recorded: those asked, or for minutes (not a part) more than what was left
    /// of the document's estimated minutes, what was left.
    pub counted: u32,
    /// Prerequisites of the document that are not done.
    pub unmet: Vec<DocId>,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Records partial progress on a document on `date`: `minutes` of it, or (with `part`) that
/// part of its split, which is `minutes` long; `took` is the minutes it really took. Minutes
/// count at most what is left of the document's estimated minutes (none left: nothing is
/// recorded). Recording the last part not recorded yet of a split marks the document done, with
/// the parts' times added up when each has one. Minutes alone never do: a document whose
/// partial minutes reach its estimate stays in plans (with at least
/// [`crate::plan::schedule::LEAST_MINUTES_LEFT`]) until it is marked done.
#[allow(clippy::too_many_arguments)]
pub fn record_partial(
    store: &ProgressStore,
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    id: DocId,
    date: NaiveDate,
    minutes: u32,
    part: Option<Part>,
    took: Option<u32>,
) -> Result<PartialReport> {
    check_minutes(minutes, MinutesOf::Partial)?;
    if let Some(took) = took {
        check_minutes(took, MinutesOf::TimeTaken)?;
    }
    if let Some(part) = part
        && (!(1..=part.count).contains(&part.index) || part.count > MAX_PART)
    {
        return Err(Error::BadRecord(RecordProblem::Part {
            index: part.index,
            count: part.count,
            most: MAX_PART,
        }));
    }
    let path = &curriculum.doc(id).path;
    let Updated {
        mut progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        unchanged_unless_marked(progress, curriculum, |progress| {
            let estimate = curriculum.doc(id).minutes;
            let partial = Partial {
                date,
                minutes,
                part: part.map(|part| part.index),
                took,
            };
            record_one(progress, path, estimate, partial, part)
        })
    })?;
    progress.canonicalize(curriculum);
    let (marked, completed, counted) = result;
    let done = progress.done_set(curriculum);
    Ok(PartialReport {
        marked,
        completed,
        partial_minutes: progress.partial_minutes(path),
        counted,
        unmet: ready::unmet(graph, id, &done),
        progress,
        kept_copy,
    })
}

/// Records `partial` on the document at `path`, estimated at `estimate` minutes, and marks it
/// done when that was the last of the parts of `part`'s split: what became of the record, of the
/// document, and the minutes counted (minutes, not a part, count at most what is left of the
/// estimate; none left, nothing is recorded).
fn record_one(
    progress: &mut Progress,
    path: &str,
    estimate: u32,
    mut partial: Partial,
    part: Option<Part>,
) -> (PartialMarked, Option<Marked>, u32) {
    if part.is_none() {
        partial.minutes = partial
            .minutes
            .min(estimate.saturating_sub(progress.partial_minutes(path)));
        if partial.minutes == 0 && !progress.is_done(path) {
            return (PartialMarked::NothingLeft, None, 0);
        }
    }
    let marked = progress.record_partial(path, partial);
    let completed = part
        .filter(|_| !progress.is_done(path))
        .filter(|part| all_parts_recorded(progress.partials(path), part.count))
        .map(|_| mark_parts_done(progress, path, partial.date));
    (marked, completed, partial.minutes)
}

/// Marks a document whose parts are all recorded done, on the date of its last part (`date`
/// when it has none), with the parts' times added up when each has one (at most
/// [`MAX_RECORD_MINUTES`], the most a record holds).
fn mark_parts_done(progress: &mut Progress, path: &str, date: NaiveDate) -> Marked {
    let records = progress.partials(path);
    let last = records.iter().map(|partial| partial.date).max();
    let took = records
        .iter()
        .map(|partial| partial.took)
        .sum::<Option<u32>>()
        .map(|took| took.min(MAX_RECORD_MINUTES));
    progress.mark_on(path, last.unwrap_or(date), false, took)
}

/// Whether the records hold every part of a split into `count`.
fn all_parts_recorded(records: &[Partial], count: u32) -> bool {
    (1..=count).all(|index| records.iter().any(|partial| partial.part == Some(index)))
}

/// Applies `change` to the progress with its hand-written spellings made canonical; when the
/// change marks nothing new, the progress is left exactly as read, so that the file (and a
/// user's comments in it) is not rewritten for nothing.
fn unchanged_unless_marked<T>(
    progress: &mut Progress,
    curriculum: &Curriculum,
    change: impl FnOnce(&mut Progress) -> T,
) -> Result<T> {
    let as_read = progress.clone();
    progress.canonicalize(curriculum);
    let canonical = progress.clone();
    let result = change(progress);
    if *progress == canonical {
        *progress = as_read;
    }
    Ok(result)
}

/// What [`record_review`] did.
#[derive(Debug)]
pub struct ReviewReport {
    /// The progress as it is now.
    pub progress: Progress,
    pub reviewed: Reviewed,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Records a review of a done document on `date`, with its grade and the minutes it took
/// when `took` is given. A document not done is left as it is ([`Reviewed::NotDone`]).
pub fn record_review(
    store: &ProgressStore,
    curriculum: &Curriculum,
    id: DocId,
    review: ReviewRecord,
) -> Result<ReviewReport> {
    if let Some(took) = review.took {
        check_minutes(took, MinutesOf::TimeTaken)?;
    }
    let path = &curriculum.doc(id).path;
    let Updated {
        mut progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        unchanged_unless_marked(progress, curriculum, |progress| {
            progress.record_review(path, review)
        })
    })?;
    progress.canonicalize(curriculum);
    Ok(ReviewReport {
        progress,
        reviewed: result,
        kept_copy,
    })
}

/// What [`record_undo`] did.
#[derive(Debug)]
pub struct UndoReport {
    /// The progress as it is now.
    pub progress: Progress,
    /// Each path asked for, and whether it was marked done.
    pub undone: Vec<(String, bool)>,
    /// The paths asked for that had partial records, with how many were dropped.
    pub dropped_partials: Vec<(String, usize)>,
    /// The paths asked for that had reviews, with how many were dropped.
    pub dropped_reviews: Vec<(String, usize)>,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Unmarks documents named as for [`Curriculum::find_doc`], and drops their partial records
/// and reviews;
/// a path the progress file records but the curriculum no longer has can be taken back by that
/// path.
pub fn record_undo(
    store: &ProgressStore,
    curriculum: &Curriculum,
    names: &[String],
) -> Result<UndoReport> {
    let mut recorded = store.load()?;
    recorded.canonicalize(curriculum);
    let paths = names
        .iter()
        .map(|name| match curriculum.find_doc(name) {
            Ok(id) => Ok(curriculum.doc(id).path.clone()),
            Err(_) if recorded.is_done(name) || !recorded.partials(name).is_empty() => {
                Ok(name.clone())
            }
            Err(error) => Err(error),
        })
        .collect::<Result<Vec<_>>>()?;
    let Updated {
        mut progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        unchanged_unless_marked(progress, curriculum, |progress| {
            paths
                .iter()
                .map(|path| {
                    let dropped = (progress.partials(path).len(), progress.reviews(path).len());
                    (progress.unmark(path), dropped)
                })
                .collect::<Vec<_>>()
        })
    })?;
    progress.canonicalize(curriculum);
    let dropped = |count: fn(&(usize, usize)) -> usize| {
        (paths.iter().zip(&result))
            .filter(|(_, (_, dropped))| count(dropped) > 0)
            .map(|(path, (_, dropped))| (path.clone(), count(dropped)))
            .collect()
    };
    let (dropped_partials, dropped_reviews) = (dropped(|d| d.0), dropped(|d| d.1));
    Ok(UndoReport {
        undone: paths
            .into_iter()
            .zip(result)
            .map(|(path, (was_done, _))| (path, was_done))
            .collect(),
        dropped_partials,
        dropped_reviews,
        progress,
        kept_copy,
    })
}
