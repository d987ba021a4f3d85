//! `done` and `undo` as library calls: what changed in the progress file, and what the
//! learner should be told about it (prerequisites not done yet, a hand-edited copy kept).

use super::{Marked, Progress, ProgressStore, Updated};
use crate::curriculum::{Curriculum, DocId};
use crate::error::Result;
use crate::graph::PrereqGraph;
use crate::plan::ready;
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

/// Marks documents done on `date`. A document already done keeps its date unless
/// `change_date` (the learner named the date).
pub fn record_done(
    store: &ProgressStore,
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    ids: &[DocId],
    date: NaiveDate,
    change_date: bool,
) -> Result<DoneReport> {
    let Updated {
        mut progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        unchanged_unless_marked(progress, curriculum, |progress| {
            ids.iter()
                .map(|&id| progress.mark_on(&curriculum.doc(id).path, date, change_date))
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

/// What [`record_undo`] did.
#[derive(Debug)]
pub struct UndoReport {
    /// The progress as it is now.
    pub progress: Progress,
    /// Each path asked for, and whether it was marked done.
    pub undone: Vec<(String, bool)>,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Unmarks documents named as for [`Curriculum::find_doc`]; a path the progress file records
/// but the curriculum no longer has can be taken back by that path.
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
            Err(_) if recorded.is_done(name) => Ok(name.clone()),
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
                .map(|path| progress.unmark(path))
                .collect::<Vec<_>>()
        })
    })?;
    progress.canonicalize(curriculum);
    Ok(UndoReport {
        undone: paths.into_iter().zip(result).collect(),
        progress,
        kept_copy,
    })
}
