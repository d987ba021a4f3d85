//! Questions about readiness: `check` (are the prerequisites of X met?), `next` (what can I
//! start now?) and `why` (why is this document in my plan?).

use super::done::DoneSet;
use super::select::{Selection, needed};
use crate::curriculum::{Curriculum, DocId, DocRef, SectionId, SpecId};
use crate::error::Error;
use crate::graph::PrereqGraph;
use serde::Serialize;
use std::collections::VecDeque;

/// Something to check readiness for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Doc(DocId),
    Specialization(SpecId),
}

impl Target {
    /// A document name, else a specialization name. When both fail, the document's error is
    /// returned unless the name looks like a section id.
    pub fn find(curriculum: &Curriculum, name: &str) -> Result<Target, Error> {
        match curriculum.find_doc(name) {
            Ok(id) => Ok(Target::Doc(id)),
            Err(doc_error) => match curriculum.find_specialization(name) {
                Ok(spec) => Ok(Target::Specialization(spec)),
                Err(spec_error) => {
                    let looks_like_id = name.chars().all(|c| c.is_ascii_digit() || c == '.');
                    Err(if looks_like_id { spec_error } else { doc_error })
                }
            },
        }
    }

    fn docs(self, curriculum: &Curriculum) -> Vec<DocId> {
        match self {
            Target::Doc(id) => vec![id],
            Target::Specialization(spec) => curriculum.specialization_section(spec).docs.clone(),
        }
    }

    pub fn describe(self, curriculum: &Curriculum) -> String {
        match self {
            Target::Doc(id) => curriculum.doc(id).path.clone(),
            Target::Specialization(spec) => {
                let section = curriculum.specialization_section(spec);
                section.label()
            }
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Prerequisite {
    #[serde(flatten)]
    pub doc: DocRef,
    pub met: bool,
}

#[derive(Debug, Serialize)]
pub struct Check {
    pub targets: Vec<String>,
    pub prerequisites: Vec<Prerequisite>,
    pub met: usize,
    pub missing: usize,
    pub missing_minutes: u32,
    /// True when every prerequisite is met.
    pub ready: bool,
}

/// Every transitive prerequisite of the targets (outside the targets themselves), met or missing.
pub fn check(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    targets: &[Target],
    done: &DoneSet,
) -> Check {
    let own: Vec<DocId> = targets
        .iter()
        .flat_map(|target| target.docs(curriculum))
        .collect();
    let mut is_own = vec![false; curriculum.docs.len()];
    for id in &own {
        is_own[id.0] = true;
    }
    let prerequisites: Vec<Prerequisite> = graph
        .ancestors(own.iter().copied())
        .into_iter()
        .filter(|id| !is_own[id.0])
        .map(|id| Prerequisite {
            doc: curriculum.doc_ref(id),
            met: done.contains(id),
        })
        .collect();
    let missing: Vec<&Prerequisite> = prerequisites.iter().filter(|p| !p.met).collect();
    Check {
        targets: targets
            .iter()
            .map(|target| target.describe(curriculum))
            .collect(),
        met: prerequisites.len() - missing.len(),
        missing: missing.len(),
        missing_minutes: missing.iter().map(|p| p.doc.minutes).sum(),
        ready: missing.is_empty(),
        prerequisites,
    }
}

/// The transitive prerequisites of `id` that are not done, in curriculum order.
pub fn unmet(graph: &PrereqGraph, id: DocId, done: &DoneSet) -> Vec<DocId> {
    graph
        .ancestors([id])
        .into_iter()
        .filter(|&p| !done.contains(p))
        .collect()
}

/// Documents not done whose prerequisites are all done; with a selection, only those that
/// lead toward it. In curriculum order.
pub fn next(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: Option<&Selection>,
    done: &DoneSet,
) -> Vec<DocId> {
    let candidates: Vec<bool> = match selection {
        Some(selection) => needed(curriculum, graph, selection, done).included,
        None => done.flags().iter().map(|done| !done).collect(),
    };
    curriculum
        .ids()
        .filter(|id| candidates[id.0])
        .filter(|&id| {
            curriculum
                .doc(id)
                .prerequisites
                .iter()
                .all(|&p| done.contains(p))
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Why {
    pub doc: String,
    pub in_plan: bool,
    pub done: bool,
    /// What the chain leads to: a specialization or a section of the role.
    pub reason: Option<String>,
    /// From the target down to the document; each requires the next.
    pub chain: Vec<String>,
}

/// Why a document is in the plan: the shortest chain of "requires" from a chosen
/// specialization down to it, else from a section of the role's path.
pub fn why(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: &Selection,
    doc: DocId,
    done: &DoneSet,
) -> Why {
    let all = needed(curriculum, graph, selection, &DoneSet::none(curriculum));
    let specializations: Vec<SectionId> = selection
        .specializations
        .iter()
        .map(|&spec| curriculum.specialization(spec).section)
        .collect();
    let path = selection
        .role
        .map(|role| format!(", on the {} path", curriculum.role(role).name))
        .unwrap_or_default();
    // A chosen specialization explains it best; else a section of the role's path.
    let found = chain_to(curriculum, graph, &all.included, &specializations, doc).or_else(|| {
        chain_to(curriculum, graph, &all.included, &selection.includes, doc)
            .map(|(chain, reason)| (chain, reason + &path))
    });
    let (chain, reason) = match found {
        Some((chain, reason)) => (chain, Some(reason)),
        None => (Vec::new(), None),
    };
    Why {
        doc: curriculum.doc(doc).path.clone(),
        in_plan: all.included[doc.0] && !done.contains(doc),
        done: done.contains(doc),
        reason,
        chain,
    }
}

/// Breadth-first from `doc` toward what needs it, to the nearest document of `sections`:
/// the chain from there down to `doc`, and the section's name.
fn chain_to(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    included: &[bool],
    sections: &[SectionId],
    doc: DocId,
) -> Option<(Vec<String>, String)> {
    let section_of = |id: DocId| {
        curriculum
            .doc(id)
            .section
            .filter(|section| sections.contains(section))
    };
    let mut came_from: Vec<Option<DocId>> = vec![None; curriculum.docs.len()];
    let mut seen = vec![false; curriculum.docs.len()];
    seen[doc.0] = true;
    let mut queue = VecDeque::from([doc]);
    while let Some(current) = queue.pop_front() {
        if let Some(section) = section_of(current) {
            let mut chain = Vec::new();
            let mut at = Some(current);
            while let Some(id) = at {
                chain.push(curriculum.doc(id).path.clone());
                at = came_from[id.0];
            }
            let section = curriculum.section(section);
            return Some((chain, section.label()));
        }
        for next in graph.dependents(current) {
            if !seen[next.0] && included[next.0] {
                seen[next.0] = true;
                came_from[next.0] = Some(current);
                queue.push_back(next);
            }
        }
    }
    None
}
