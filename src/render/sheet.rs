//! The tracking sheet: a CSV with a row a document of the plan, done ones first, then in plan
//! order, with when each is planned and when it was done, for a spreadsheet kept beside the
//! calendar. Reviews are not rows: `review` keeps them.

use crate::follow::Baseline;
use crate::plan::Plan;
use crate::progress::Progress;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub const HEADER: [&str; 6] = [
    "path",
    "title",
    "minutes",
    "planned date",
    "done date",
    "actual minutes",
];

/// One row a document: those the plan has as done (their planned date from the followed
/// baseline, if one is), then the plan's documents in the order it first studies them, each
/// with the date of its first sitting. Actual minutes: the time logged with `done --took`, or
/// for a document partly done, the minutes recorded so far.
pub fn render(
    plan: &Plan,
    progress: &Progress,
    baseline: Option<&Baseline>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let followed = baseline.map(planned_dates).unwrap_or_default();
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(HEADER)?;
    let date = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    for done in &plan.done {
        let path = &done.doc.path;
        writer.write_record([
            super::csv::inert(path.clone()),
            super::csv::inert(done.doc.title.clone()),
            done.doc.minutes.to_string(),
            date(followed.get(path.as_str()).copied()),
            date(progress.date(path)),
            progress
                .took(path)
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ])?;
    }
    let mut seen = std::collections::HashSet::new();
    for session in &plan.sessions {
        for item in session.items.iter().filter(|item| !item.is_review()) {
            if !seen.insert(item.path.as_str()) {
                continue;
            }
            let partial = progress.partial_minutes(&item.path);
            writer.write_record([
                super::csv::inert(item.path.clone()),
                super::csv::inert(item.title.clone()),
                (item.done_minutes + rest_of(plan, &item.path)).to_string(),
                session.date.to_string(),
                String::new(),
                if partial > 0 {
                    partial.to_string()
                } else {
                    String::new()
                },
            ])?;
        }
    }
    writer.flush()
}

/// The minutes the plan gives a document, over all its parts.
fn rest_of(plan: &Plan, path: &str) -> u32 {
    plan.sessions
        .iter()
        .flat_map(|session| &session.items)
        .filter(|item| item.path == path && !item.is_review())
        .map(|item| item.minutes)
        .sum()
}

/// The first day the baseline planned each document on.
fn planned_dates(baseline: &Baseline) -> BTreeMap<&str, NaiveDate> {
    let mut dates = BTreeMap::new();
    for sitting in &baseline.sessions {
        for piece in sitting.study() {
            dates.entry(piece.path.as_str()).or_insert(sitting.date);
        }
    }
    dates
}
