//! What the learner worked on of the baseline's documents, and when: from the progress file.
//! A re-plan keeps these as the past sittings, as they happened.

use super::baseline::{Baseline, Piece, Sitting};
use crate::progress::Progress;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Work on one document of the baseline: minutes on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stint {
    date: NaiveDate,
    minutes: u32,
    /// "1/2" when a part was recorded.
    part: Option<String>,
}

/// The baseline's documents, in plan order, with the work recorded on each.
#[derive(Debug, Clone, Default)]
pub struct Worked {
    docs: Vec<(String, Vec<Stint>)>,
}

impl Worked {
    /// The work the progress file records on the baseline's documents (its reviews are not
    /// documents to study). A document counts the minutes the baseline gives it in all: partial progress its recorded minutes, and the
    /// day it was marked done whatever was left.
    pub fn of(baseline: &Baseline, progress: &Progress) -> Worked {
        let mut totals: Vec<(String, u32)> = Vec::new();
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for piece in baseline.sessions.iter().flat_map(|s| s.study()) {
            match index.get(piece.path.as_str()) {
                Some(&at) => totals[at].1 += piece.minutes,
                None => {
                    index.insert(&piece.path, totals.len());
                    totals.push((piece.path.clone(), piece.minutes));
                }
            }
        }
        let docs = totals
            .into_iter()
            .map(|(path, total)| {
                let stints = stints(progress, &path, total);
                (path, stints)
            })
            .collect();
        Worked { docs }
    }

    /// Minutes worked up to and including `day`.
    pub fn minutes_by(&self, day: NaiveDate) -> u32 {
        self.docs
            .iter()
            .flat_map(|(_, stints)| stints)
            .filter(|stint| stint.date <= day)
            .map(|stint| stint.minutes)
            .sum()
    }
}

/// The recorded work on one document whose baseline minutes are `total`.
fn stints(progress: &Progress, path: &str, total: u32) -> Vec<Stint> {
    let mut stints = partial_stints(progress, path);
    // Never more than the document's minutes, in date order.
    stints.sort_by_key(|stint| stint.date);
    let mut left = total;
    for stint in &mut stints {
        stint.minutes = stint.minutes.min(left);
        left -= stint.minutes;
    }
    if let Some(date) = progress.date(path) {
        stints.retain(|stint| stint.date <= date);
        let partial: u32 = stints.iter().map(|stint| stint.minutes).sum();
        stints.push(Stint {
            date,
            minutes: total - partial.min(total),
            part: None,
        });
    }
    stints.retain(|stint| stint.minutes > 0);
    stints
}

/// Partial progress recorded on a document.
fn partial_stints(progress: &Progress, path: &str) -> Vec<Stint> {
    progress
        .partials(path)
        .iter()
        .map(|partial| Stint {
            date: partial.date,
            minutes: partial.minutes,
            part: partial.part.map(|part| format!("{part}")),
        })
        .collect()
}

/// The sittings that happened up to and including `today`: the work recorded on the
/// baseline's documents, by day, in plan order within a day.
pub fn past_sittings(worked: &Worked, today: NaiveDate) -> Vec<Sitting> {
    let mut days: BTreeMap<NaiveDate, Vec<Piece>> = BTreeMap::new();
    for (path, stints) in &worked.docs {
        for stint in stints.iter().filter(|stint| stint.date <= today) {
            days.entry(stint.date).or_default().push(Piece {
                path: path.clone(),
                minutes: stint.minutes,
                part: stint.part.clone(),
                review: false,
            });
        }
    }
    days.into_iter()
        .map(|(date, items)| Sitting {
            date,
            minutes: items.iter().map(|item| item.minutes).sum(),
            past: true,
            items,
        })
        .collect()
}
