//! A course read in its own order: the table's entries become the order of its documents
//! (each requires the one before it, unless its frontmatter names its prerequisites), its
//! chapters become sections and its parts group them, and its titles win over the pages'.

use super::toc::{TableKind, Toc};
use super::{Doc, DocId, Section, SectionId};
use serde::Serialize;
use std::collections::HashMap;

/// Where a course's order came from, and the order itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub kind: TableKind,
    /// The table's file (or the folder ordered by its names), relative to the root.
    pub file: String,
    /// Every document in the table's order.
    pub order: Vec<DocId>,
    /// The titles of the parts that group sections.
    pub parts: Vec<String>,
    /// Entries listed but not written yet: never planned.
    pub drafts: Vec<String>,
}

/// The order, sections and titles a table gives the documents. `docs` holds only pages of
/// the course; a page the table lists twice is read where it is first listed.
pub(crate) fn apply(
    kind: TableKind,
    file: String,
    toc: &Toc,
    docs: &mut [Doc],
) -> (Table, Vec<Section>) {
    let by_path: HashMap<&str, DocId> = docs
        .iter()
        .enumerate()
        .map(|(index, doc)| (doc.path.as_str(), DocId(index)))
        .collect();
    let mut placed: Vec<Option<DocId>> = Vec::with_capacity(toc.entries.len());
    let mut seen = vec![false; docs.len()];
    for entry in &toc.entries {
        let id = entry
            .target
            .as_deref()
            .and_then(|path| by_path.get(path).copied())
            .filter(|id| !std::mem::replace(&mut seen[id.0], true));
        placed.push(id);
    }
    let order: Vec<DocId> = placed.iter().flatten().copied().collect();
    let sections = sections(toc, &placed, docs, kind.from_folders());
    retitle(toc, &placed, docs);
    chain(&order, docs);
    let drafts = toc
        .entries
        .iter()
        .filter(|entry| entry.draft)
        .filter_map(|entry| entry.title.as_deref().map(plain))
        .collect();
    let table = Table {
        kind,
        file,
        order,
        parts: toc.parts.iter().map(|part| plain(part)).collect(),
        drafts,
    };
    (table, sections)
}

impl super::Curriculum {
    /// Whether `name` is the title of a draft of the table of contents, and of no document.
    pub fn is_draft(&self, name: &str) -> bool {
        let wanted = super::normalize_name(name);
        let drafts = self
            .table
            .as_ref()
            .map_or(&[][..], |table| &table.drafts[..]);
        drafts
            .iter()
            .any(|draft| super::normalize_name(draft) == wanted)
            && self.find_doc(name).is_err()
    }

    /// In a course read in its table's order: `last` and every entry before it.
    pub fn entries_through(&self, last: DocId) -> Option<Vec<DocId>> {
        let order = &self.table.as_ref()?.order;
        let end = order.iter().position(|&id| id == last)?;
        Some(order[..=end].to_vec())
    }
}

/// Each document without prerequisites of its own requires the one before it.
fn chain(order: &[DocId], docs: &mut [Doc]) {
    for pair in order.windows(2) {
        let doc = &mut docs[pair[1].0];
        if doc.prerequisites.is_empty() {
            doc.prerequisites.push(pair[0]);
            doc.prerequisite_lines.push(None);
        }
    }
}

/// The table's title of an entry wins over the page's own, when it has words.
fn retitle(toc: &Toc, placed: &[Option<DocId>], docs: &mut [Doc]) {
    for (entry, id) in toc.entries.iter().zip(placed) {
        if let (Some(id), Some(title)) = (id, &entry.title) {
            let title = plain(title);
            if !title.is_empty() {
                docs[id.0].title = title;
            }
        }
    }
}

/// The sections: each chapter (an entry at depth 0) with everything under it. In a course
/// ordered by its folders, three levels deep, the top folders are parts and the folders in
/// them the chapters.
fn sections(toc: &Toc, placed: &[Option<DocId>], docs: &mut [Doc], folders: bool) -> Vec<Section> {
    let implied_parts = folders && toc.entries.iter().any(|entry| entry.depth >= 2);
    let chapter_depth = usize::from(implied_parts);
    let mut sections: Vec<Section> = Vec::new();
    let mut part = String::new();
    for (entry, id) in toc.entries.iter().zip(placed) {
        if implied_parts && entry.depth == 0 {
            part = entry.title.as_deref().map(plain).unwrap_or_default();
        }
        if !implied_parts {
            part = entry
                .part
                .and_then(|index| toc.parts.get(index))
                .map(|title| plain(title))
                .unwrap_or_default();
        }
        let opens = entry.depth <= chapter_depth || sections.is_empty();
        if opens && !entry.draft {
            let title = entry
                .title
                .as_deref()
                .map(plain)
                .filter(|title| !title.is_empty())
                .or_else(|| id.map(|id| docs[id.0].title.clone()))
                .unwrap_or_default();
            sections.push(section(sections.len(), title, &part));
        }
        if let (Some(id), Some(section)) = (id, sections.last_mut()) {
            section.docs.push(*id);
            docs[id.0].section = Some(SectionId(sections.len() - 1));
        }
    }
    sections.retain(|section| !section.docs.is_empty());
    renumber(&mut sections, docs);
    sections
}

fn section(position: usize, title: String, part: &str) -> Section {
    Section {
        id: (position + 1).to_string(),
        title,
        part: part.to_string(),
        folders: Vec::new(),
        claimed_time: None,
        claimed_minutes: None,
        prerequisite_label: None,
        docs: Vec::new(),
        defined_at: None,
    }
}

/// Ids 1, 2, 3... and the documents' sections, after empty sections were dropped.
fn renumber(sections: &mut [Section], docs: &mut [Doc]) {
    for (index, section) in sections.iter_mut().enumerate() {
        section.id = (index + 1).to_string();
        for id in &section.docs {
            docs[id.0].section = Some(SectionId(index));
        }
    }
}

/// A title as plain text.
fn plain(title: &str) -> String {
    super::title::plain_title(title)
}

#[cfg(test)]
mod tests;
