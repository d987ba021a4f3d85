//! Ordering the needed documents and packing them into dated sessions.

use super::availability::{Availability, Blocked};
use super::select::Needed;
use super::settings::Settings;
use crate::curriculum::{Curriculum, DocId};
use crate::error::Error;
use crate::graph::PrereqGraph;
use chrono::{Datelike, IsoWeek, NaiveDate};
use serde::Serialize;

/// A deterministic topological order of the needed documents: prerequisites first, then the
/// specialization rank, then the level (foundational before advanced), then curriculum (path)
/// order.
pub fn order(curriculum: &Curriculum, graph: &PrereqGraph, needed: &Needed) -> Vec<DocId> {
    graph.topological_order(&needed.included, |id| {
        (needed.rank[id.0], curriculum.doc(id).level.order_rank())
    })
}

/// Which part of a split document a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Part {
    pub index: u32,
    pub count: u32,
}

/// A document, or one part of a document longer than a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub doc: DocId,
    pub minutes: u32,
    pub part: Option<Part>,
}

/// Cuts the ordered documents into pieces that each fit in a session. A document that fits is
/// one piece; a longer one becomes the fewest near-equal consecutive parts.
pub fn pieces(curriculum: &Curriculum, order: &[DocId], session: u32) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(order.len());
    for &doc in order {
        let minutes = curriculum.doc(doc).minutes;
        if minutes <= session {
            pieces.push(Piece {
                doc,
                minutes,
                part: None,
            });
            continue;
        }
        let count = minutes.div_ceil(session);
        let (base, extra) = (minutes / count, minutes % count);
        for index in 0..count {
            pieces.push(Piece {
                doc,
                minutes: base + u32::from(index < extra),
                part: Some(Part {
                    index: index + 1,
                    count,
                }),
            });
        }
    }
    pieces
}

/// One sitting on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sitting {
    pub date: NaiveDate,
    /// Minutes after the usual start time it begins (busy time before it).
    pub delay: u32,
    pub pieces: Vec<Piece>,
}

/// The sittings, and the study days the availability took away or shortened on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Packed {
    pub sittings: Vec<Sitting>,
    pub blocked: Vec<(NaiveDate, Blocked)>,
    pub shortened: Vec<NaiveDate>,
}

/// Four years without a sitting: nothing in the plan fits what the calendar leaves.
const LONGEST_WAIT_DAYS: i64 = 4 * 366;

/// The last day a session may fall on: calendars and spreadsheets hold years up to 9999.
const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// Packs pieces in order into sittings: only on study days, at most one a day, none longer
/// than the day's capacity or its free time, no ISO week over the weekly time (a partial first
/// week included, with what was already studied in it; a start day that already had a sitting
/// gets none). A piece that does not fit in what is left of a sitting starts the next one.
pub fn pack(
    pieces: &[Piece],
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    let weekly = settings.weekly_minutes.get();
    let mut packed = Packed::default();
    let mut date = settings.start;
    let mut last_sitting = date;
    let mut week: IsoWeek = date.iso_week();
    let mut used_this_week = settings.studied.week_minutes;
    let mut next = 0;
    while next < pieces.len() {
        if date.iso_week() != week {
            week = date.iso_week();
            used_this_week = 0;
        }
        if date > LAST_DATE {
            return Err(Error::PastYear9999);
        }
        let had_its_sitting = date == settings.start && settings.studied.on_start_day;
        let day = settings.day_capacity(date.weekday());
        // A day with nothing left to give (a day off, this week's time used up) is neither
        // planned nor reported as blocked.
        let open = day > 0 && !had_its_sitting && used_this_week < weekly;
        let slot = match open.then(|| availability.slot(date, day)) {
            None => None,
            Some(Ok(slot)) => Some(slot),
            Some(Err(blocked)) => {
                packed.blocked.push((date, blocked));
                None
            }
        };
        if let Some(slot) = slot {
            let capacity = slot.minutes.min(weekly.saturating_sub(used_this_week));
            let mut filled = 0;
            let start = next;
            while next < pieces.len() && filled + pieces[next].minutes <= capacity {
                filled += pieces[next].minutes;
                next += 1;
            }
            if next > start {
                used_this_week += filled;
                last_sitting = date;
                if slot.minutes < day {
                    packed.shortened.push(date);
                }
                packed.sittings.push(Sitting {
                    date,
                    delay: slot.delay,
                    pieces: pieces[start..next].to_vec(),
                });
            }
        }
        if (date - last_sitting).num_days() > LONGEST_WAIT_DAYS {
            return Err(Error::NothingFits {
                since: last_sitting,
            });
        }
        if next < pieces.len() {
            date = date
                .succ_opt()
                .filter(|date| *date <= LAST_DATE)
                .ok_or(Error::PastYear9999)?;
        }
    }
    Ok(packed)
}
