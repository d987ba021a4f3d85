//! The progress store: which documents are done, and since when. A YAML file per curriculum,
//! read and written whole; writes are atomic and serialized by an advisory lock on the resolved
//! file, so that two `learnpath done` running at once lose neither mark, and a crash never
//! leaves a half-written file. The file is learnpath's; a hand-edited one is copied aside
//! before it is rewritten.

mod fast;
mod format;
mod grade;
mod location;
mod record;
mod review;
mod store;

pub use grade::Grade;
pub use location::{EMBEDDED_ID, beside, curriculum_id};
pub use record::{
    DoneReport, PartialReport, ReviewReport, UndoReport, record_done, record_partial,
    record_review, record_undo,
};
pub use review::{ReviewRecord, Reviewed};
pub use store::{Migrated, ProgressStore, Updated};

use crate::curriculum::{Curriculum, DocId};
use crate::plan::{DoneSet, PartlyDone};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The version of the progress file's format learnpath writes when a file uses what version 1
/// has not: the time a document took, or partial progress. A file without either is written as
/// version 1, which earlier versions of learnpath read.
pub const SCHEMA_VERSION: u32 = 2;

/// The version of a file with reviews, or a document done with a grade: version 2 readers
/// would refuse their fields, so such a file says so.
pub const REVIEW_SCHEMA_VERSION: u32 = 3;

/// The version of a file that records only documents done and their dates.
pub const PLAIN_SCHEMA_VERSION: u32 = 1;

/// The largest progress file learnpath reads or writes: 16 MiB, about 250,000 entries of
/// ordinary paths, far more than anyone studies. Like the page and frontmatter limits, it
/// bounds what a file can cost: the YAML parser, which reads hand-edited files, takes about 20
/// times a file's size in memory.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The longest time one record may give (a document's `took`, a partial record's `minutes` or
/// `took`): 24 hours.
pub const MAX_RECORD_MINUTES: u32 = 24 * 60;

/// The most parts a document can be split into: its longest time (100 h) in the shortest
/// sittings (15 min).
pub const MAX_PART: u32 =
    crate::curriculum::duration::MAX_MINUTES / crate::plan::settings::MIN_SESSION_MINUTES;

/// Completed documents by path (relative to the curriculum root), with the day each was done
/// and, when the learner said, how long it took; and partial progress on documents: minutes
/// or parts of a split document studied on a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    done: BTreeMap<String, NaiveDate>,
    /// The minutes done documents really took, for those the learner gave: a map of its own,
    /// so that a file without times costs what it did before times existed.
    took: BTreeMap<String, u32>,
    /// By path, in date order (records of one date in the order they were made).
    partial: BTreeMap<String, Vec<Partial>>,
    /// The grade a done document was studied with, where the learner gave one.
    grade: BTreeMap<String, Grade>,
    /// By path, in date order: the reviews of done documents.
    review: BTreeMap<String, Vec<ReviewRecord>>,
}

/// Partial progress on a document: some minutes of it, or one part of its split, studied on a
/// day. A document may have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partial {
    pub date: NaiveDate,
    /// The minutes of the document this covers (of its estimated time).
    pub minutes: u32,
    /// Which part of the document's split (from 1), when it was recorded as a part.
    pub part: Option<u32>,
    /// The minutes it really took, when the learner said.
    pub took: Option<u32>,
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
    /// It was done; the time it took is now the one given. `was` is the time recorded before
    /// (`None`: none was), `date_was` the date before when the date changed too.
    TookChanged {
        was: Option<u32>,
        date_was: Option<NaiveDate>,
    },
}

/// The time a document's partial records took: each record's `took`, or its minutes when it
/// was recorded without one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartialTime {
    /// The records' times added up.
    pub took: u32,
    /// Of those, the minutes of records without a `took`, counted at their estimated minutes.
    pub untimed: u32,
}

/// What [`Progress::record_partial`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialMarked {
    /// The record was added.
    Recorded,
    /// This part of the document was recorded before, on `since`; nothing changed.
    PartAlreadyDone { since: NaiveDate },
    /// This part was recorded before; the time it took is now the one given (`was`: the time
    /// recorded before, if any).
    PartTookChanged { was: Option<u32> },
    /// The whole document is done already; nothing was recorded.
    AlreadyDone { since: NaiveDate },
    /// Minutes (not a part) on a document whose partial records cover all of its estimated
    /// minutes already; nothing was recorded: it is to be marked done.
    NothingLeft,
}

impl Progress {
    pub fn is_done(&self, path: &str) -> bool {
        self.done.contains_key(path)
    }

    pub fn date(&self, path: &str) -> Option<NaiveDate> {
        self.done.get(path).copied()
    }

    /// The minutes a done document really took, when the learner said.
    pub fn took(&self, path: &str) -> Option<u32> {
        self.took.get(path).copied()
    }

    /// The partial records of a document, in date order (those of a done document are kept as
    /// its history).
    pub fn partials(&self, path: &str) -> &[Partial] {
        self.partial.get(path).map_or(&[], Vec::as_slice)
    }

    /// The minutes of a document not done yet that its partial records cover; 0 when it is
    /// done.
    pub fn partial_minutes(&self, path: &str) -> u32 {
        if self.is_done(path) {
            return 0;
        }
        self.partials(path)
            .iter()
            .fold(0u32, |sum, partial| sum.saturating_add(partial.minutes))
    }

    /// The time the partial records of a document took (see [`PartialTime`]).
    pub fn partial_time(&self, path: &str) -> PartialTime {
        self.partials(path)
            .iter()
            .fold(PartialTime::default(), |sum, partial| match partial.took {
                Some(took) => PartialTime {
                    took: sum.took.saturating_add(took),
                    ..sum
                },
                None => PartialTime {
                    took: sum.took.saturating_add(partial.minutes),
                    untimed: sum.untimed.saturating_add(partial.minutes),
                },
            })
    }

    /// The time a document took in all when `took` is the time of what was left of it: for a
    /// document not done yet, `took` and the time of its partial records (see
    /// [`Progress::partial_time`]), at most [`MAX_RECORD_MINUTES`]; for one done, `took` itself
    /// (it replaces the time recorded).
    pub fn took_in_all(&self, path: &str, took: u32) -> u32 {
        match self.is_done(path) {
            true => took,
            false => took
                .saturating_add(self.partial_time(path).took)
                .min(MAX_RECORD_MINUTES),
        }
    }

    /// The done documents whose time the learner gave, with that time in minutes, by path.
    pub fn logged(&self) -> impl Iterator<Item = (&str, u32)> {
        self.took.iter().map(|(path, took)| (path.as_str(), *took))
    }

    /// Whether the file needs version 2 of the format: a time taken or a partial record.
    pub(crate) fn uses_version_2(&self) -> bool {
        !self.partial.is_empty() || !self.took.is_empty()
    }

    /// Marks a document done on `date`; returns false when it already was (its date is kept).
    pub fn mark(&mut self, path: &str, date: NaiveDate) -> bool {
        if self.done.contains_key(path) {
            return false;
        }
        self.done.insert(path.to_string(), date);
        true
    }

    /// Marks a document done on `date`, with the time it took when `took` is given. One
    /// already done keeps its date unless `change_date` (the user named a day with `--on`):
    /// then the date becomes `date`; a `took` given replaces the one recorded (that is how a
    /// time is added later). Partial records are kept, as the document's history.
    pub fn mark_on(
        &mut self,
        path: &str,
        date: NaiveDate,
        change_date: bool,
        took: Option<u32>,
    ) -> Marked {
        let Some(known) = self.done.get_mut(path) else {
            self.done.insert(path.to_string(), date);
            if let Some(took) = took {
                self.took.insert(path.to_string(), took);
            }
            return Marked::Done;
        };
        let date_was = (change_date && *known != date).then(|| std::mem::replace(known, date));
        let known_took = self.took.get(path).copied();
        match took.filter(|&took| known_took != Some(took)) {
            Some(took) => Marked::TookChanged {
                was: self.took.insert(path.to_string(), took),
                date_was,
            },
            None => match date_was {
                Some(was) => Marked::DateChanged { was },
                None => Marked::AlreadyDone {
                    since: self.done[path],
                },
            },
        }
    }

    /// Records partial progress on a document not done yet. A part recorded before keeps its
    /// record (its date too); a `took` given for it replaces the one recorded.
    pub fn record_partial(&mut self, path: &str, partial: Partial) -> PartialMarked {
        if let Some(&since) = self.done.get(path) {
            return PartialMarked::AlreadyDone { since };
        }
        let records = self.partial.entry(path.to_string()).or_default();
        if let Some(part) = partial.part
            && let Some(known) = records.iter_mut().find(|known| known.part == Some(part))
        {
            return match partial.took.filter(|&took| known.took != Some(took)) {
                Some(took) => PartialMarked::PartTookChanged {
                    was: known.took.replace(took),
                },
                None => PartialMarked::PartAlreadyDone { since: known.date },
            };
        }
        let at = records.partition_point(|known| known.date <= partial.date);
        records.insert(at, partial);
        PartialMarked::Recorded
    }

    /// Adds an entry as read from a file: a document listed twice (by hand, or under two
    /// spellings) keeps the earliest date, the day it was first done, and a time either entry
    /// gives (the earlier's first).
    fn record(&mut self, path: String, date: NaiveDate, took: Option<u32>) {
        use std::collections::btree_map::Entry;
        match self.done.entry(path) {
            Entry::Vacant(vacant) => {
                if let Some(took) = took {
                    self.took.insert(vacant.key().clone(), took);
                }
                vacant.insert(date);
            }
            Entry::Occupied(mut occupied) => {
                let earlier = date < *occupied.get();
                if earlier {
                    occupied.insert(date);
                }
                if let Some(took) = took
                    && (earlier || !self.took.contains_key(occupied.key()))
                {
                    self.took.insert(occupied.key().clone(), took);
                }
            }
        }
    }

    /// Adds a partial record as read from a file, in date order.
    fn record_partial_entry(&mut self, path: String, partial: Partial) {
        let records = self.partial.entry(path).or_default();
        let at = records.partition_point(|known| known.date <= partial.date);
        records.insert(at, partial);
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
            // Nothing to rewrite among the done entries (the usual case, and the costly one).
        } else {
            let mut took = std::mem::take(&mut self.took);
            for (path, date) in std::mem::take(&mut self.done) {
                let minutes = took.remove(&path);
                let path = canonical(&path).map_or(path, str::to_string);
                self.record(path, date, minutes);
            }
        }
        if self.partial.keys().any(|path| canonical(path).is_some()) {
            for (path, records) in std::mem::take(&mut self.partial) {
                let path = canonical(&path).map_or(path, str::to_string);
                for partial in records {
                    self.record_partial_entry(path.clone(), partial);
                }
            }
        }
        if (self.grade.keys().chain(self.review.keys())).any(|path| canonical(path).is_some()) {
            self.rename_reviews(|path| canonical(path).map(str::to_string));
        }
    }

    /// Only the entries that name documents of the curriculum.
    pub fn restricted_to(&self, curriculum: &Curriculum) -> Progress {
        let known = known_paths(curriculum);
        Progress {
            done: self
                .done
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, date)| (path.clone(), *date))
                .collect(),
            took: self
                .took
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, took)| (path.clone(), *took))
                .collect(),
            partial: self
                .partial
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, records)| (path.clone(), records.clone()))
                .collect(),
            grade: self
                .grade
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, grade)| (path.clone(), *grade))
                .collect(),
            review: self
                .review
                .iter()
                .filter(|(path, _)| known.contains(path.as_str()))
                .map(|(path, records)| (path.clone(), records.clone()))
                .collect(),
        }
    }

    /// Takes back a document's mark and drops its partial records, grade and reviews. Returns
    /// false when the
    /// document was not marked done.
    pub fn unmark(&mut self, path: &str) -> bool {
        self.partial.remove(path);
        self.grade.remove(path);
        self.review.remove(path);
        self.took.remove(path);
        self.done.remove(path).is_some()
    }

    /// The number of entries: documents done and partial records.
    pub fn len(&self) -> usize {
        self.done.len() + self.partial.values().map(Vec::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty() && self.partial.is_empty()
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

    /// The documents of the curriculum not done yet that partial records cover in part: the
    /// minutes covered and the parts recorded, for [`crate::plan::Planner::with_partial`].
    pub fn partly_done(&self, curriculum: &Curriculum) -> Vec<(DocId, PartlyDone)> {
        if self.partial.is_empty() {
            return Vec::new();
        }
        curriculum
            .ids()
            .filter_map(|id| {
                let path = &curriculum.doc(id).path;
                let records = self.partial.get(path).filter(|_| !self.is_done(path))?;
                Some((
                    id,
                    PartlyDone {
                        minutes: self.partial_minutes(path),
                        parts: records.iter().filter_map(|partial| partial.part).collect(),
                    },
                ))
            })
            .collect()
    }

    /// The minutes studied and their dates, for [`crate::plan::Studied::before`]: each partial
    /// record's minutes on its date, each done document's minutes (less what its partial
    /// records count) on the day it was done, and each review's on its day.
    pub fn studied(&self, curriculum: &Curriculum) -> Vec<(u32, NaiveDate)> {
        let mut studied = Vec::new();
        for doc in &curriculum.docs {
            let records = self.partials(&doc.path);
            studied.extend(
                records
                    .iter()
                    .map(|partial| (partial.minutes, partial.date)),
            );
            if let Some(date) = self.date(&doc.path) {
                let counted = records
                    .iter()
                    .fold(0u32, |sum, partial| sum.saturating_add(partial.minutes));
                studied.push((doc.minutes.saturating_sub(counted), date));
            }
            // A review took what the learner said, else what a plan gives it.
            let review = crate::plan::review::default_minutes(doc.minutes);
            studied.extend(
                self.reviews(&doc.path)
                    .iter()
                    .map(|record| (record.took.unwrap_or(review), record.date)),
            );
        }
        studied
    }

    /// Recorded paths that name no document of the curriculum. They are kept in the file.
    pub fn unknown(&self, curriculum: &Curriculum) -> Vec<String> {
        let known = known_paths(curriculum);
        let unknown: std::collections::BTreeSet<&String> = self
            .done
            .keys()
            .chain(self.partial.keys())
            .filter(|path| !known.contains(path.as_str()))
            .collect();
        unknown.into_iter().cloned().collect()
    }
}

/// The paths of the curriculum's documents.
fn known_paths(curriculum: &Curriculum) -> std::collections::HashSet<&str> {
    curriculum
        .docs
        .iter()
        .map(|doc| doc.path.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn partial(date: &str, minutes: u32, part: Option<u32>, took: Option<u32>) -> Partial {
        Partial {
            date: day(date),
            minutes,
            part,
            took,
        }
    }

    #[test]
    fn a_time_given_later_replaces_the_one_recorded() {
        let mut progress = Progress::default();
        let monday = day("2027-01-04");
        assert_eq!(
            progress.mark_on("a.md", monday, false, Some(50)),
            Marked::Done
        );
        assert_eq!(progress.took("a.md"), Some(50));
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-09"), false, Some(50)),
            Marked::AlreadyDone { since: monday }
        );
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-09"), false, None),
            Marked::AlreadyDone { since: monday }
        );
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-09"), false, Some(40)),
            Marked::TookChanged {
                was: Some(50),
                date_was: None
            }
        );
        assert_eq!(progress.date("a.md"), Some(monday), "the date is kept");
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-05"), true, Some(45)),
            Marked::TookChanged {
                was: Some(40),
                date_was: Some(monday)
            }
        );
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-06"), true, None),
            Marked::DateChanged {
                was: day("2027-01-05")
            }
        );
        assert_eq!(
            (progress.date("a.md"), progress.took("a.md")),
            (Some(day("2027-01-06")), Some(45))
        );
        progress.mark_on("b.md", monday, false, None);
        assert_eq!(
            progress.mark_on("b.md", monday, false, Some(20)),
            Marked::TookChanged {
                was: None,
                date_was: None
            }
        );
        assert_eq!(
            progress.logged().collect::<Vec<_>>(),
            [("a.md", 45), ("b.md", 20)]
        );
    }

    #[test]
    fn partial_records_add_up_until_the_document_is_done() {
        let mut progress = Progress::default();
        assert_eq!(
            progress.record_partial("a.md", partial("2027-01-06", 30, None, None)),
            PartialMarked::Recorded
        );
        assert_eq!(
            progress.record_partial("a.md", partial("2027-01-04", 20, None, Some(25))),
            PartialMarked::Recorded
        );
        assert_eq!(progress.partial_minutes("a.md"), 50);
        let dates: Vec<NaiveDate> = progress.partials("a.md").iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            [day("2027-01-04"), day("2027-01-06")],
            "in date order"
        );
        assert!(!progress.is_done("a.md"));
        assert!(progress.uses_version_2());

        // Parts: once each.
        let first = partial("2027-01-05", 45, Some(1), None);
        assert_eq!(
            progress.record_partial("b.md", first),
            PartialMarked::Recorded
        );
        assert_eq!(
            progress.record_partial("b.md", partial("2027-01-07", 45, Some(1), None)),
            PartialMarked::PartAlreadyDone {
                since: day("2027-01-05")
            }
        );
        assert_eq!(
            progress.record_partial("b.md", partial("2027-01-07", 45, Some(1), Some(50))),
            PartialMarked::PartTookChanged { was: None }
        );
        assert_eq!(progress.partials("b.md").len(), 1);
        assert_eq!(progress.partials("b.md")[0].took, Some(50));

        // Done: partial minutes are 0, the records stay as history, and no more are taken.
        progress.mark_on("a.md", day("2027-01-08"), false, None);
        assert_eq!(progress.partial_minutes("a.md"), 0);
        assert_eq!(progress.partials("a.md").len(), 2);
        assert_eq!(
            progress.record_partial("a.md", partial("2027-01-09", 5, None, None)),
            PartialMarked::AlreadyDone {
                since: day("2027-01-08")
            }
        );
        assert_eq!(progress.len(), 1 + 3);

        // Undo takes the mark and the records.
        assert!(progress.unmark("a.md"));
        assert!(progress.partials("a.md").is_empty());
        assert!(!progress.unmark("b.md"), "b.md was not done");
        assert!(progress.is_empty());
        assert!(!progress.uses_version_2());
    }

    #[test]
    fn studied_time_counts_partial_records_on_their_days() {
        let files = [("a.md", 90), ("b.md", 30), ("c.md", 55)]
            .into_iter()
            .map(|(path, minutes)| {
                let page = format!("---\nestimated_time: \"{minutes} min\"\n---\n# T\n");
                (path.to_string(), page.into_bytes())
            })
            .collect();
        let source = crate::Source::Memory(std::sync::Arc::new(files));
        let curriculum = crate::open(&source).unwrap().curriculum;
        let mut progress = Progress::default();
        progress.record_partial("a.md", partial("2027-01-04", 45, Some(1), None));
        progress.mark_on("a.md", day("2027-01-06"), false, None);
        progress.mark_on("b.md", day("2027-01-05"), false, Some(40));
        progress.record_partial("c.md", partial("2027-01-06", 30, None, None));
        let mut studied = progress.studied(&curriculum);
        studied.sort_by_key(|(_, date)| *date);
        assert_eq!(
            studied,
            [
                (45, day("2027-01-04")),
                (30, day("2027-01-05")),
                (45, day("2027-01-06")),
                (30, day("2027-01-06")),
            ]
        );
        let c = curriculum.doc_names().find("c.md").unwrap();
        assert_eq!(
            progress.partly_done(&curriculum),
            [(c, PartlyDone::from(30))],
            "a.md is done"
        );
    }
}
