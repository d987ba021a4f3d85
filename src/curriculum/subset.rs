//! A curriculum without some of its documents: those a plan cannot use (they need a page with
//! errors, or sit on or behind a prerequisite cycle).

use super::{Curriculum, DocId};

impl Curriculum {
    /// The curriculum without the `left_out` documents (sorted, without repeats); links to
    /// them are dropped and the other documents renumbered. Their paths are kept in
    /// `other_pages.left_out`.
    pub fn without(mut self, left_out: &[DocId]) -> Curriculum {
        if left_out.is_empty() {
            return self;
        }
        let mut kept: Vec<Option<DocId>> = vec![None; self.docs.len()];
        let mut next = 0;
        for (index, slot) in kept.iter_mut().enumerate() {
            if left_out.binary_search(&DocId(index)).is_err() {
                *slot = Some(DocId(next));
                next += 1;
            }
        }
        let renumber = |ids: &mut Vec<DocId>| {
            ids.retain(|id| kept[id.0].is_some());
            for id in ids.iter_mut() {
                *id = kept[id.0].expect("kept");
            }
        };
        let docs = std::mem::take(&mut self.docs);
        let mut paths = Vec::new();
        for (index, mut doc) in docs.into_iter().enumerate() {
            if kept[index].is_none() {
                paths.push(doc.path);
                continue;
            }
            let lines = std::mem::take(&mut doc.prerequisite_lines);
            let (prerequisites, lines): (Vec<DocId>, Vec<Option<usize>>) = doc
                .prerequisites
                .iter()
                .zip(lines)
                .filter_map(|(id, line)| kept[id.0].map(|id| (id, line)))
                .unzip();
            doc.prerequisites = prerequisites;
            doc.prerequisite_lines = lines;
            renumber(&mut doc.soft_prerequisites);
            renumber(&mut doc.next_recommended);
            self.docs.push(doc);
        }
        for section in &mut self.sections {
            renumber(&mut section.docs);
        }
        if let Some(table) = &mut self.table {
            renumber(&mut table.order);
        }
        let mut all = std::mem::take(&mut self.other_pages.left_out);
        all.extend(paths);
        all.sort();
        all.dedup();
        self.other_pages.left_out = all;
        self
    }
}
