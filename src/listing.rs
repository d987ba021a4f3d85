//! The data behind `list` and `show`: plain rows, rendered as tables or JSON.

pub use crate::curriculum::DocRef;
use crate::curriculum::{Curriculum, DocId, SpecId};
use crate::graph::PrereqGraph;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SpecializationRow {
    pub id: String,
    pub title: String,
    pub folders: Vec<String>,
    pub documents: usize,
    pub minutes: u32,
    pub roles: Vec<String>,
    pub when: Vec<String>,
}

pub fn specializations(curriculum: &Curriculum) -> Vec<SpecializationRow> {
    curriculum
        .spec_ids()
        .map(|index| {
            let spec = curriculum.specialization(index);
            let section = curriculum.section(spec.section);
            SpecializationRow {
                id: section.id.clone(),
                title: section.title.clone(),
                folders: section.folders.clone(),
                documents: section.docs.len(),
                minutes: curriculum.section_minutes(spec.section),
                roles: curriculum
                    .roles_for(index)
                    .map(|role| role.name.clone())
                    .collect(),
                when: spec.when.clone(),
            }
        })
        .collect()
}

/// A section: for a curriculum without specializations, what a learner plans toward.
#[derive(Debug, Serialize)]
pub struct SectionRow {
    pub id: String,
    pub title: String,
    pub folders: Vec<String>,
    /// The part it is in, in a book whose table of contents groups chapters into parts.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub part: String,
    pub documents: usize,
    pub minutes: u32,
    /// How many of the documents have a time estimated from their words.
    pub estimated_documents: usize,
}

pub fn sections(curriculum: &Curriculum) -> Vec<SectionRow> {
    curriculum
        .section_ids()
        .map(|id| {
            let section = curriculum.section(id);
            SectionRow {
                id: section.id.clone(),
                title: section.title.clone(),
                folders: section.folders.clone(),
                part: match curriculum.table {
                    Some(_) => section.part.clone(),
                    None => String::new(),
                },
                documents: section.docs.len(),
                minutes: curriculum.section_minutes(id),
                estimated_documents: section
                    .docs
                    .iter()
                    .filter(|&&doc| curriculum.doc(doc).estimated)
                    .count(),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct DocRow {
    pub path: String,
    pub title: String,
    pub level: String,
    pub minutes: u32,
    /// Whether the time is estimated from the page's words (it gives none).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    pub section: Option<String>,
    pub prerequisites: usize,
}

/// All study documents, or those of one specialization.
pub fn docs(curriculum: &Curriculum, specialization: Option<SpecId>) -> Vec<DocRow> {
    match specialization {
        Some(spec) => doc_rows(curriculum, &curriculum.specialization_section(spec).docs),
        // A book's pages in the order of its table of contents.
        None => match &curriculum.table {
            Some(table) => doc_rows(curriculum, &table.order),
            None => doc_rows(curriculum, &curriculum.ids().collect::<Vec<_>>()),
        },
    }
}

pub fn doc_rows(curriculum: &Curriculum, ids: &[DocId]) -> Vec<DocRow> {
    ids.iter()
        .map(|&id| {
            let doc = curriculum.doc(id);
            DocRow {
                path: doc.path.clone(),
                title: doc.title.clone(),
                level: doc.level.to_string(),
                minutes: doc.minutes,
                estimated: doc.estimated,
                section: doc.section.map(|s| curriculum.section(s).id.clone()),
                prerequisites: doc.prerequisites.len(),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct RoleRow {
    pub name: String,
    pub aliases: Vec<String>,
    /// Section ids of the specializations, in study order.
    pub specializations: Vec<String>,
    /// Section ids of the other sections on the role's path.
    pub includes: Vec<String>,
}

pub fn roles(curriculum: &Curriculum) -> Vec<RoleRow> {
    curriculum
        .roles
        .iter()
        .map(|role| RoleRow {
            name: role.name.clone(),
            aliases: role.aliases.clone(),
            specializations: role
                .specializations
                .iter()
                .map(|&spec| curriculum.specialization_section(spec).id.clone())
                .collect(),
            includes: role
                .includes
                .iter()
                .map(|&section| curriculum.section(section).id.clone())
                .collect(),
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct DocDetail {
    pub path: String,
    pub title: String,
    pub level: String,
    pub minutes: u32,
    /// Whether `minutes` is estimated from the page's words (it gives no time).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub link: Option<String>,
    pub prerequisites: Vec<DocRef>,
    /// Every document that must come first, direct or not, in curriculum order.
    pub all_prerequisites: Vec<DocRef>,
    pub all_prerequisites_minutes: u32,
    /// Documents that list this one as a direct prerequisite.
    pub needed_by: Vec<DocRef>,
    /// How many documents need it, directly or not.
    pub needed_by_all: usize,
    pub next_recommended: Vec<DocRef>,
}

fn doc_ref(curriculum: &Curriculum, id: DocId) -> DocRef {
    curriculum.doc_ref(id)
}

pub fn doc_detail(curriculum: &Curriculum, graph: &PrereqGraph, id: DocId) -> DocDetail {
    let doc = curriculum.doc(id);
    let refs =
        |ids: &[DocId]| -> Vec<DocRef> { ids.iter().map(|&id| doc_ref(curriculum, id)).collect() };
    let all = graph.ancestors([id]);
    DocDetail {
        path: doc.path.clone(),
        title: doc.title.clone(),
        level: doc.level.to_string(),
        minutes: doc.minutes,
        estimated: doc.estimated,
        section: doc.section.map(|s| {
            let section = curriculum.section(s);
            section.label()
        }),
        tags: doc.tags.clone(),
        link: curriculum.link(id),
        prerequisites: refs(&graph.prerequisites(id)),
        all_prerequisites_minutes: all.iter().map(|&id| curriculum.doc(id).minutes).sum(),
        all_prerequisites: refs(&all),
        needed_by: refs(&graph.dependents(id)),
        needed_by_all: graph.descendants([id]).len(),
        next_recommended: refs(&doc.next_recommended),
    }
}
