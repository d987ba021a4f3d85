//! From "who I am" (a role, or 1-2 specializations) to the documents a plan must cover.

use super::done::DoneSet;
use crate::curriculum::manifest::MAX_SPECIALIZATIONS;
use crate::curriculum::{Curriculum, DocId, RoleId, SectionId, SpecId};
use crate::error::Error;
use crate::graph::PrereqGraph;
use serde::Serialize;

/// What the learner chose. Built only through [`Selection::role`] or
/// [`Selection::specializations`], so it always holds 1-2 specializations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// The role, when chosen by role.
    pub role: Option<RoleId>,
    /// In study order.
    pub specializations: Vec<SpecId>,
    /// The role's other sections.
    pub includes: Vec<SectionId>,
    /// Documents chosen directly (`--target`): any documents or folders of any curriculum.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<DocId>,
    /// How the targets were named, for the plan's title.
    #[serde(skip)]
    pub target_names: Vec<String>,
}

impl Selection {
    pub fn role(curriculum: &Curriculum, role: RoleId) -> Result<Selection, Error> {
        let definition = curriculum.role(role);
        let mut selection =
            Selection::specializations(curriculum, definition.specializations.clone())?;
        selection.role = Some(role);
        selection.includes = definition.includes.clone();
        Ok(selection)
    }

    /// Documents to plan toward (with all they require), as named.
    pub fn documents(mut targets: Vec<DocId>, names: Vec<String>) -> Selection {
        targets.sort();
        targets.dedup();
        Selection {
            role: None,
            specializations: Vec::new(),
            includes: Vec::new(),
            targets,
            target_names: names,
        }
    }

    pub fn specializations(
        curriculum: &Curriculum,
        mut specs: Vec<SpecId>,
    ) -> Result<Selection, Error> {
        let mut seen = Vec::new();
        specs.retain(|spec| {
            let new = !seen.contains(spec);
            seen.push(*spec);
            new
        });
        if specs.is_empty() || specs.len() > MAX_SPECIALIZATIONS {
            let named: Vec<String> = specs
                .iter()
                .map(|&spec| curriculum.specialization_section(spec).id.clone())
                .collect();
            return Err(Error::SpecializationCount { named });
        }
        if let Some(&empty) = specs
            .iter()
            .find(|&&spec| curriculum.specialization_section(spec).docs.is_empty())
        {
            return Err(Error::EmptySpecialization {
                specialization: curriculum.specialization_section(empty).label(),
                origin: curriculum.origin.clone(),
            });
        }
        Ok(Selection {
            role: None,
            specializations: specs,
            includes: Vec::new(),
            targets: Vec::new(),
            target_names: Vec::new(),
        })
    }

    /// The documents of the chosen specializations and of the role's other sections.
    pub fn targets(&self, curriculum: &Curriculum) -> Vec<DocId> {
        let mut targets: Vec<DocId> = self
            .specializations
            .iter()
            .map(|&spec| curriculum.specialization(spec).section)
            .chain(self.includes.iter().copied())
            .flat_map(|section| curriculum.section(section).docs.iter().copied())
            .chain(self.targets.iter().copied())
            .collect();
        targets.sort();
        targets.dedup();
        targets
    }

    /// The documents of the chosen specializations only (not the role's other sections).
    pub fn specialization_docs(&self, curriculum: &Curriculum) -> Vec<DocId> {
        let mut docs: Vec<DocId> = self
            .specializations
            .iter()
            .flat_map(|&spec| curriculum.specialization_section(spec).docs.iter().copied())
            .collect();
        docs.sort();
        docs
    }

    /// A human name: the role, or the specializations' ids and titles.
    pub fn describe(&self, curriculum: &Curriculum) -> String {
        let specs: Vec<String> = self
            .specializations
            .iter()
            .map(|&spec| {
                let section = curriculum.specialization_section(spec);
                section.label()
            })
            .collect();
        match self.role {
            Some(role) => format!("{} ({})", curriculum.role(role).name, specs.join(" + ")),
            None if specs.is_empty() => self.target_names.join(" + "),
            None => specs.join(" + "),
        }
    }
}

/// The documents a plan covers and the rank that orders them.
#[derive(Debug, Clone)]
pub struct Needed {
    /// Per document: is it in the plan?
    pub included: Vec<bool>,
    /// Per document: the position of the first chosen specialization that needs it (0 also for
    /// the role's other sections), so a specialization is finished before the next starts.
    pub rank: Vec<u8>,
}

impl Needed {
    pub fn ids(&self) -> impl Iterator<Item = DocId> + '_ {
        self.included
            .iter()
            .enumerate()
            .filter(|(_, included)| **included)
            .map(|(index, _)| DocId(index))
    }
}

/// The targets plus all their transitive prerequisites, minus what is done.
pub fn needed(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    selection: &Selection,
    done: &DoneSet,
) -> Needed {
    const NOT_NEEDED: u8 = u8::MAX;
    let mut rank = vec![NOT_NEEDED; curriculum.docs.len()];
    let mut mark = |docs: Vec<DocId>, position: u8| {
        for doc in graph
            .ancestors(docs.iter().copied())
            .into_iter()
            .chain(docs)
        {
            rank[doc.0] = rank[doc.0].min(position);
        }
    };
    let included_sections: Vec<DocId> = selection
        .includes
        .iter()
        .flat_map(|&section| curriculum.section(section).docs.iter().copied())
        .collect();
    mark(included_sections, 0);
    mark(selection.targets.clone(), 0);
    for (position, &spec) in selection.specializations.iter().enumerate() {
        let docs = curriculum.specialization_section(spec).docs.clone();
        mark(docs, position as u8);
    }
    let included = rank
        .iter()
        .zip(done.flags())
        .map(|(&rank, &done)| rank != NOT_NEEDED && !done)
        .collect();
    Needed { included, rank }
}
