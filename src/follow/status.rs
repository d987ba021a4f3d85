//! `status`: how far along each specialization is.

use crate::curriculum::{Curriculum, DocId, SpecId};
use crate::graph::PrereqGraph;
use crate::plan::DoneSet;
use crate::plan::{Selection, needed};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Serialize)]
pub struct SpecializationStatus {
    pub id: String,
    pub title: String,
    /// The specialization's documents and everything they require.
    pub documents: usize,
    pub documents_done: usize,
    pub minutes: u32,
    /// Estimated minutes done: of the documents done, and of those partly done what their
    /// partial records cover (at most the document's minutes).
    pub minutes_done: u32,
    /// Whole percent of the minutes done.
    pub percent: u32,
}

/// What is done of each document: the estimated minutes of a document done, and of one partly
/// done what its partial records cover, at most its minutes.
pub struct DoneMinutes<'a> {
    pub done: &'a DoneSet,
    /// Minutes recorded on documents not done yet (as [`crate::progress::Progress::partly_done`]
    /// gives them).
    pub partial: HashMap<DocId, u32>,
}

impl DoneMinutes<'_> {
    fn of(&self, curriculum: &Curriculum, id: DocId) -> u32 {
        let minutes = curriculum.doc(id).minutes;
        match self.done.contains(id) {
            true => minutes,
            false => self
                .partial
                .get(&id)
                .map_or(0, |&partial| partial.min(minutes)),
        }
    }
}

fn progress_of(
    curriculum: &Curriculum,
    docs: &[DocId],
    done: &DoneMinutes,
    id: String,
    title: String,
) -> SpecializationStatus {
    let minutes: u32 = docs.iter().map(|&id| curriculum.doc(id).minutes).sum();
    let documents_done = docs.iter().filter(|&&id| done.done.contains(id)).count();
    let minutes_done: u32 = docs.iter().map(|&id| done.of(curriculum, id)).sum();
    SpecializationStatus {
        id,
        title,
        documents: docs.len(),
        documents_done,
        minutes,
        minutes_done,
        // Nothing to study is no progress to report: 0, not 100.
        percent: (u64::from(minutes_done) * 100)
            .checked_div(u64::from(minutes))
            .unwrap_or(0) as u32,
    }
}

/// The status of each chosen specialization (every one without a selection) with all it
/// requires, then of the role's whole path when it includes more.
fn rows(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: Option<&Selection>,
    done_minutes: &DoneMinutes,
) -> Vec<SpecializationStatus> {
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
                done_minutes,
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
            done_minutes,
            "all".to_string(),
            format!("the {name} path"),
        ));
    }
    rows
}

/// How far along the learner is: per chosen specialization (every one without a selection)
/// with all it requires, plus the role's whole path, and what can be started now. Minutes done
/// are estimated minutes, partial progress included.
pub fn status(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: Option<&Selection>,
    done_minutes: &DoneMinutes,
) -> Status {
    let done = done_minutes.done;
    let partly = done_minutes
        .partial
        .keys()
        .filter(|&&id| !done.contains(id));
    Status {
        documents_done: done.ids().count(),
        documents_partly_done: partly.count(),
        minutes_done: curriculum
            .ids()
            .map(|id| done_minutes.of(curriculum, id))
            .sum(),
        specializations: rows(curriculum, graph, selection, done_minutes),
        next: crate::listing::doc_rows(
            curriculum,
            &crate::plan::ready::next(curriculum, graph, selection, done),
        ),
        progress_file: None,
        schedule: None,
        forecast: None,
        remembered: None,
    }
}

/// What `learnpath status` shows.
#[derive(Debug, Serialize)]
pub struct Status {
    pub documents_done: usize,
    /// Documents not done with partial progress recorded.
    pub documents_partly_done: usize,
    /// Estimated minutes done, partial progress included (see [`DoneMinutes`]).
    pub minutes_done: u32,
    pub specializations: Vec<SpecializationStatus>,
    /// The documents that can be started now.
    pub next: Vec<crate::listing::DocRow>,
    /// The progress file the marks were read from; `None` when none was read (the caller, who
    /// reads it, fills this in).
    pub progress_file: Option<String>,
    /// Ahead or behind the followed plan (see `learnpath follow`); `None` when none is
    /// followed (the caller, who reads the baseline, fills this in).
    pub schedule: Option<super::Standing>,
    /// Likely finish dates of what is left of the followed plan, with the chance of meeting its
    /// finish; `None` when no plan is followed or nothing is left.
    pub forecast: Option<crate::plan::forecast::Forecast>,
    /// The reviews due and overdue and the average estimated recall, at the top level of the
    /// JSON; left out when no document is done (the caller, who picks the memory model, fills
    /// this in).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub remembered: Option<super::Remembered>,
}
