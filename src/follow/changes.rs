//! What a new baseline changes for the learner: the finish, the sittings, the documents whose
//! day moved, and the weekly time.

use super::baseline::Baseline;
use crate::curriculum::duration::format_hours;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The differences between the baseline followed and its replacement, from `today` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub old_finish: Option<NaiveDate>,
    pub new_finish: Option<NaiveDate>,
    /// Sittings planned (not counting those kept as they happened).
    pub old_sessions: usize,
    pub new_sessions: usize,
    /// Documents planned in both whose first planned sitting is on another day.
    pub moved: usize,
    /// Documents only the new one has, and only the old one had.
    pub added: usize,
    pub dropped: usize,
    pub old_weekly_minutes: u32,
    pub new_weekly_minutes: u32,
}

/// Each planned document's first planned day (of study, not of a review).
fn first_days(baseline: &Baseline) -> BTreeMap<&str, NaiveDate> {
    let mut days = BTreeMap::new();
    for sitting in baseline.sessions.iter().filter(|s| !s.past) {
        for piece in sitting.study() {
            days.entry(piece.path.as_str()).or_insert(sitting.date);
        }
    }
    days
}

/// Every document of the baseline, planned or kept as done (reviews are not documents added).
fn all_docs(baseline: &Baseline) -> BTreeSet<&str> {
    baseline
        .sessions
        .iter()
        .flat_map(|s| s.study())
        .map(|piece| piece.path.as_str())
        .collect()
}

fn planned(baseline: &Baseline) -> usize {
    baseline.sessions.iter().filter(|s| !s.past).count()
}

impl Changes {
    pub fn between(old: &Baseline, new: &Baseline) -> Changes {
        let (before, after) = (first_days(old), first_days(new));
        let moved = after
            .iter()
            .filter(|(path, day)| before.get(*path).is_some_and(|was| was != *day))
            .count();
        let (old_docs, new_docs) = (all_docs(old), all_docs(new));
        Changes {
            old_finish: old.finish(),
            new_finish: new.finish(),
            old_sessions: planned(old),
            new_sessions: planned(new),
            moved,
            added: new_docs.difference(&old_docs).count(),
            dropped: old_docs.difference(&new_docs).count(),
            old_weekly_minutes: old.settings.weekly_minutes,
            new_weekly_minutes: new.settings.weekly_minutes,
        }
    }

    /// Whether the learner would notice nothing.
    pub fn is_nothing(&self) -> bool {
        self.old_finish == self.new_finish
            && self.old_sessions == self.new_sessions
            && self.moved + self.added + self.dropped == 0
            && self.old_weekly_minutes == self.new_weekly_minutes
    }

    /// What changed, a line each: "finish: 2027-03-01 -> 2027-03-08 (7 days later)".
    pub fn lines(&self) -> Vec<String> {
        let date = |day: Option<NaiveDate>| day.map_or_else(|| "-".to_string(), |d| d.to_string());
        let mut lines = Vec::new();
        let shift = match (self.old_finish, self.new_finish) {
            (Some(old), Some(new)) if new != old => {
                let days = (new - old).num_days();
                let word = if days > 0 { "later" } else { "earlier" };
                format!(
                    " ({} {word})",
                    crate::words::count(days.unsigned_abs() as usize, "day")
                )
            }
            (Some(_), Some(_)) => " (unchanged)".to_string(),
            _ => String::new(),
        };
        lines.push(format!(
            "finish: {} -> {}{shift}",
            date(self.old_finish),
            date(self.new_finish)
        ));
        let mut sittings = format!(
            "sittings planned: {} -> {}; {} moved",
            self.old_sessions,
            self.new_sessions,
            crate::words::count(self.moved, "document")
        );
        if self.added > 0 {
            sittings.push_str(&format!(", {} added", self.added));
        }
        if self.dropped > 0 {
            sittings.push_str(&format!(", {} dropped", self.dropped));
        }
        lines.push(sittings);
        if self.old_weekly_minutes != self.new_weekly_minutes {
            lines.push(format!(
                "weekly time: {} -> {}",
                format_hours(self.old_weekly_minutes),
                format_hours(self.new_weekly_minutes)
            ));
        }
        lines
    }
}
