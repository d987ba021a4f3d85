//! `status`: how far along each specialization is.

use super::done::DoneSet;
use super::select::{Selection, needed};
use crate::curriculum::{Curriculum, DocId, SpecId};
use crate::graph::PrereqGraph;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SpecializationStatus {
    pub id: String,
    pub title: String,
    /// The specialization's documents and everything they require.
    pub documents: usize,
    pub documents_done: usize,
    pub minutes: u32,
    pub minutes_done: u32,
    /// Whole percent of the minutes done.
    pub percent: u32,
}

fn progress_of(
    curriculum: &Curriculum,
    docs: &[DocId],
    done: &DoneSet,
    id: String,
    title: String,
) -> SpecializationStatus {
    let minutes: u32 = docs.iter().map(|&id| curriculum.doc(id).minutes).sum();
    let finished: Vec<DocId> = docs
        .iter()
        .copied()
        .filter(|&id| done.contains(id))
        .collect();
    let minutes_done: u32 = finished.iter().map(|&id| curriculum.doc(id).minutes).sum();
    SpecializationStatus {
        id,
        title,
        documents: docs.len(),
        documents_done: finished.len(),
        minutes,
        minutes_done,
        // Nothing to study is no progress to report: 0, not 100.
        percent: (u64::from(minutes_done) * 100)
            .checked_div(u64::from(minutes))
            .unwrap_or(0) as u32,
    }
}

/// How far along the learner is: per chosen specialization (every one without a selection)
/// with all it requires, plus the role's whole path, and what can be started now.
pub fn status(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: Option<&Selection>,
    done: &DoneSet,
) -> Status {
    let specs: Vec<SpecId> = match selection {
        Some(selection) => selection.specializations.clone(),
        None => curriculum.spec_ids().collect(),
    };
    let mut rows: Vec<SpecializationStatus> = specs
        .iter()
        .map(|&spec| {
            let section = curriculum.specialization_section(spec);
            let docs = graph.closure(&section.docs);
            progress_of(
                curriculum,
                &docs,
                done,
                section.id.clone(),
                section.title.clone(),
            )
        })
        .collect();
    if let Some(selection) = selection.filter(|selection| !selection.includes.is_empty()) {
        let path: Vec<DocId> = needed(curriculum, graph, selection, &DoneSet::none(curriculum))
            .ids()
            .collect();
        let name = selection
            .role
            .map_or_else(String::new, |role| curriculum.role(role).name.clone());
        rows.push(progress_of(
            curriculum,
            &path,
            done,
            "all".to_string(),
            format!("the {name} path"),
        ));
    }
    let finished: Vec<DocId> = done.ids().collect();
    Status {
        documents_done: finished.len(),
        minutes_done: finished.iter().map(|&id| curriculum.doc(id).minutes).sum(),
        specializations: rows,
        next: crate::listing::doc_rows(
            curriculum,
            &super::ready::next(curriculum, graph, selection, done),
        ),
        progress_file: None,
        schedule: None,
        forecast: None,
    }
}

/// What `learnpath status` shows.
#[derive(Debug, Serialize)]
pub struct Status {
    pub documents_done: usize,
    pub minutes_done: u32,
    pub specializations: Vec<SpecializationStatus>,
    /// The documents that can be started now.
    pub next: Vec<crate::listing::DocRow>,
    /// The progress file the marks were read from; `None` when none was read (the caller, who
    /// reads it, fills this in).
    pub progress_file: Option<String>,
    /// Ahead or behind the followed plan (see `learnpath follow`); `None` when none is
    /// followed (the caller, who reads the baseline, fills this in).
    pub schedule: Option<crate::follow::Standing>,
    /// Likely finish dates of what is left of the followed plan, with the chance of meeting its
    /// finish; `None` when no plan is followed or nothing is left.
    pub forecast: Option<super::forecast::Forecast>,
}
