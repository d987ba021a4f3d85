//! Which documents are done: a set sized to its curriculum, so that a flag list of the wrong
//! length cannot reach the planner.

use crate::curriculum::{Curriculum, DocId};

/// The documents of one curriculum that are already studied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneSet {
    done: Vec<bool>,
}

impl DoneSet {
    /// Nothing done yet.
    pub fn none(curriculum: &Curriculum) -> DoneSet {
        DoneSet {
            done: vec![false; curriculum.docs.len()],
        }
    }

    /// The given documents done.
    pub fn of(curriculum: &Curriculum, ids: impl IntoIterator<Item = DocId>) -> DoneSet {
        let mut set = DoneSet::none(curriculum);
        for id in ids {
            set.insert(id);
        }
        set
    }

    pub fn insert(&mut self, id: DocId) {
        self.done[id.0] = true;
    }

    pub fn contains(&self, id: DocId) -> bool {
        self.done[id.0]
    }

    /// The done documents, in curriculum order.
    pub fn ids(&self) -> impl Iterator<Item = DocId> + '_ {
        self.done
            .iter()
            .enumerate()
            .filter(|(_, done)| **done)
            .map(|(index, _)| DocId(index))
    }

    /// Per document, whether it is done (the form the graph's walks take).
    pub fn flags(&self) -> &[bool] {
        &self.done
    }
}
