//! `status`: how far along each specialization is.

use crate::curriculum::{Curriculum, DocId};
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

/// Progress toward each of `specializations` (indices into `Curriculum::specializations`).
pub fn specializations(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    specializations: &[usize],
    done: &[bool],
) -> Vec<SpecializationStatus> {
    specializations
        .iter()
        .map(|&spec| {
            let section = curriculum.specialization_section(spec);
            let mut docs: Vec<DocId> = graph.ancestors(section.docs.iter().copied());
            docs.extend(&section.docs);
            docs.sort();
            docs.dedup();
            let minutes: u32 = docs.iter().map(|&id| curriculum.doc(id).minutes).sum();
            let finished: Vec<DocId> = docs.iter().copied().filter(|id| done[id.0]).collect();
            let minutes_done: u32 = finished.iter().map(|&id| curriculum.doc(id).minutes).sum();
            SpecializationStatus {
                id: section.id.clone(),
                title: section.title.clone(),
                documents: docs.len(),
                documents_done: finished.len(),
                minutes,
                minutes_done,
                percent: (u64::from(minutes_done) * 100)
                    .checked_div(u64::from(minutes))
                    .unwrap_or(100) as u32,
            }
        })
        .collect()
}

/// What `learnpath status` shows.
#[derive(Debug, Serialize)]
pub struct Status {
    pub documents_done: usize,
    pub minutes_done: u32,
    pub specializations: Vec<SpecializationStatus>,
    /// The documents that can be started now.
    pub next: Vec<crate::listing::DocRow>,
}
