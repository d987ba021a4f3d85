//! The progress store: which documents are done, and since when. A YAML file per curriculum,
//! read and written whole; writes are atomic and serialized by an advisory lock on the resolved
//! file, so that two `learnpath done` running at once lose neither mark, and a crash never
//! leaves a half-written file. The file is learnpath's; a hand-edited one is copied aside
//! before it is rewritten.

mod fast;
mod format;
mod location;
mod record;
mod store;

pub use location::{EMBEDDED_ID, curriculum_id, data_dir};
pub use record::{DoneReport, UndoReport, record_done, record_undo};
pub use store::{Migrated, ProgressStore, Updated};

use crate::curriculum::Curriculum;
use crate::plan::DoneSet;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The version of the progress file's format.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest progress file learnpath reads or writes: 16 MiB, about 250,000 entries of
/// ordinary paths, far more than anyone studies. Like the page and frontmatter limits, it
/// bounds what a file can cost: the YAML parser, which reads hand-edited files, takes about 20
/// times a file's size in memory.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Completed documents by path (relative to the curriculum root), with the day each was done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    done: BTreeMap<String, NaiveDate>,
}

/// What [`Progress::mark_on`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    /// The document was not done; now it is.
    Done,
    AlreadyDone {
        since: NaiveDate,
    },
    /// It was done on `was`; the date is now the one given.
    DateChanged {
        was: NaiveDate,
    },
}

impl Progress {
    pub fn is_done(&self, path: &str) -> bool {
        self.done.contains_key(path)
    }

    pub fn date(&self, path: &str) -> Option<NaiveDate> {
        self.done.get(path).copied()
    }

    /// Marks a document done on `date`; returns false when it already was (its date is kept).
    pub fn mark(&mut self, path: &str, date: NaiveDate) -> bool {
        if self.done.contains_key(path) {
            return false;
        }
        self.done.insert(path.to_string(), date);
        true
    }

    /// Marks a document done on `date`. One already done keeps its date unless `change_date`
    /// (the user named a day with `--on`): then the date becomes `date`.
    pub fn mark_on(&mut self, path: &str, date: NaiveDate, change_date: bool) -> Marked {
        match self.done.get_mut(path) {
            None => {
                self.done.insert(path.to_string(), date);
                Marked::Done
            }
            Some(known) if change_date && *known != date => {
                let was = std::mem::replace(known, date);
                Marked::DateChanged { was }
            }
            Some(known) => Marked::AlreadyDone { since: *known },
        }
    }

    /// Adds an entry as read from a file: a document listed twice (by hand, or under two
    /// spellings) keeps the earliest date, the day it was first done.
    fn record(&mut self, path: String, date: NaiveDate) {
        self.done
            .entry(path)
            .and_modify(|known| *known = (*known).min(date))
            .or_insert(date);
    }

    /// Rewrites recorded paths spelled as the command line accepts them (without `.md`, with a
    /// leading `./`, a unique file name or end of a path) to the document's path, so that a
    /// hand-written entry counts. Paths that name no document stay as they are.
    pub fn canonicalize(&mut self, curriculum: &Curriculum) {
        let names = curriculum.doc_names();
        let canonical = |path: &str| {
            names
                .find(path)
                .map(|id| curriculum.doc(id).path.as_str())
                .filter(|&found| found != path)
        };
        if self.done.keys().all(|path| canonical(path).is_none()) {
            return;
        }
        for (path, date) in std::mem::take(&mut self.done) {
            let path = canonical(&path).map_or(path, str::to_string);
            self.record(path, date);
        }
    }

    /// Only the entries that name documents of the curriculum.
    pub fn restricted_to(&self, curriculum: &Curriculum) -> Progress {
        let known: std::collections::HashSet<&str> = curriculum
            .docs
            .iter()
            .map(|doc| doc.path.as_str())
            .collect();
        Progress {
            done: self
                .done
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, date)| (path.clone(), *date))
                .collect(),
        }
    }

    /// Returns false when the document was not marked.
    pub fn unmark(&mut self, path: &str) -> bool {
        self.done.remove(path).is_some()
    }

    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// The documents of the curriculum that are done.
    pub fn done_set(&self, curriculum: &Curriculum) -> DoneSet {
        DoneSet::of(
            curriculum,
            curriculum
                .ids()
                .filter(|&id| self.is_done(&curriculum.doc(id).path)),
        )
    }

    /// Recorded paths that name no document of the curriculum. They are kept in the file.
    pub fn unknown(&self, curriculum: &Curriculum) -> Vec<String> {
        let known: std::collections::HashSet<&str> = curriculum
            .docs
            .iter()
            .map(|doc| doc.path.as_str())
            .collect();
        self.done
            .keys()
            .filter(|path| !known.contains(path.as_str()))
            .cloned()
            .collect()
    }
}
