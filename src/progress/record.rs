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
        progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        progress.canonicalize(curriculum);
        Ok(ids
            .iter()
            .map(|&id| progress.mark_on(&curriculum.doc(id).path, date, change_date))
            .collect::<Vec<_>>())
    })?;
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
        progress,
        result,
        kept_copy,
    } = store.update(|progress| {
        progress.canonicalize(curriculum);
        Ok(paths
            .iter()
            .map(|path| progress.unmark(path))
            .collect::<Vec<_>>())
    })?;
    Ok(UndoReport {
        undone: paths.into_iter().zip(result).collect(),
        progress,
        kept_copy,
    })
}
