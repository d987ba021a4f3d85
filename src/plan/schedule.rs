//! Ordering the needed documents and packing them into dated sessions.

use super::days::{Days, LAST_DATE, Offer};
use super::review::{Agenda, Placed, Reviewing};
use super::select::Needed;
use super::settings::Settings;
use crate::availability::{Availability, Blocked};
use crate::curriculum::{Curriculum, DocId};
use crate::error::Error;
use crate::graph::PrereqGraph;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

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

/// A document, or one part of a document split over sittings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub doc: DocId,
    pub minutes: u32,
    pub part: Option<Part>,
    /// Whether `part` counts the parts of what is left of a partly done document (whose done
    /// minutes match no parts of its split), rather than the parts of the whole document.
    pub part_of_rest: bool,
}

/// What is done of a document not done yet: the plan schedules only the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartlyDone {
    /// The minutes of its estimated time that are done.
    pub minutes: u32,
    /// The parts of its split (numbered from 1) recorded done, when progress was recorded by
    /// part.
    pub parts: Vec<u32>,
}

impl From<u32> for PartlyDone {
    fn from(minutes: u32) -> Self {
        PartlyDone {
            minutes,
            parts: Vec::new(),
        }
    }
}

/// The least a plan keeps of a document whose done minutes reach its estimated time but that
/// is not marked done (the learner still has to finish it): 5 minutes, or the whole document
/// when it is shorter.
pub const LEAST_MINUTES_LEFT: u32 = 5;

/// The minutes of part `index` (from 1) of a document of `minutes` cut into `count` near-equal
/// parts: the first `minutes % count` parts take a minute more.
fn part_size(minutes: u32, count: u32, index: u32) -> u32 {
    minutes / count + u32::from(index <= minutes % count)
}

/// Cuts the ordered documents into pieces that each fit in a session. A document that fits is
/// one piece; a longer one becomes the fewest near-equal consecutive parts.
pub fn pieces(curriculum: &Curriculum, order: &[DocId], session: u32) -> Vec<Piece> {
    pieces_left(curriculum, order, session, &BTreeMap::new())
}

/// The same, for what is left of partly done documents: a document with some of its minutes
/// done is planned for the rest. When the parts recorded done are parts of its split for this
/// session (and account for all its done minutes), the rest is its other parts, numbered as in
/// the whole document; otherwise the rest is cut as a document of its own (its pieces are
/// `part_of_rest`). The rest is never less than [`LEAST_MINUTES_LEFT`].
pub fn pieces_left(
    curriculum: &Curriculum,
    order: &[DocId],
    session: u32,
    partly: &BTreeMap<DocId, PartlyDone>,
) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(order.len());
    for &doc in order {
        let minutes = curriculum.doc(doc).minutes;
        let Some(done) = partly.get(&doc).filter(|done| done.minutes > 0) else {
            cut(&mut pieces, doc, minutes, session, false);
            continue;
        };
        if let Some(parts) = parts_left(doc, minutes, session, done) {
            pieces.extend(parts);
            continue;
        }
        cut(&mut pieces, doc, rest_of(minutes, done), session, true);
    }
    pieces
}

/// What is left of a document of `minutes` with `done` of it done: never less than
/// [`LEAST_MINUTES_LEFT`] (or the whole document when shorter).
pub fn rest_of(minutes: u32, done: &PartlyDone) -> u32 {
    minutes
        .saturating_sub(done.minutes)
        .max(LEAST_MINUTES_LEFT.min(minutes))
}

/// `minutes` of a document as one piece, or cut into the fewest near-equal parts that fit in
/// `session` (numbered as parts of the whole).
pub fn cut_into(pieces: &mut Vec<Piece>, doc: DocId, minutes: u32, session: u32) {
    cut(pieces, doc, minutes, session, false);
}

/// `minutes` of a document as one piece, or cut into the fewest near-equal parts that fit in
/// `session`.
fn cut(pieces: &mut Vec<Piece>, doc: DocId, minutes: u32, session: u32, of_rest: bool) {
    if minutes <= session {
        pieces.push(Piece {
            doc,
            minutes,
            part: None,
            part_of_rest: false,
        });
        return;
    }
    let count = minutes.div_ceil(session);
    pieces.extend((1..=count).map(|index| Piece {
        doc,
        minutes: part_size(minutes, count, index),
        part: Some(Part { index, count }),
        part_of_rest: of_rest,
    }));
}

/// The parts of a document's split not recorded done, when the parts recorded are parts of the
/// split for `session` and their minutes are all the minutes done; `None` otherwise (or when
/// no part is left).
fn parts_left(
    doc: DocId,
    minutes: u32,
    session: u32,
    done: &PartlyDone,
) -> Option<impl Iterator<Item = Piece>> {
    let count = minutes.div_ceil(session);
    if count < 2 || done.parts.is_empty() {
        return None;
    }
    let mut recorded = done.parts.clone();
    recorded.sort_unstable();
    recorded.dedup();
    let in_split = recorded.iter().all(|&index| (1..=count).contains(&index));
    let recorded_minutes: u32 = recorded
        .iter()
        .map(|&index| part_size(minutes, count, index))
        .sum();
    if !in_split || recorded_minutes != done.minutes || recorded.len() as u32 == count {
        return None;
    }
    Some(
        (1..=count)
            .filter(move |index| recorded.binary_search(index).is_err())
            .map(move |index| Piece {
                doc,
                minutes: part_size(minutes, count, index),
                part: Some(Part { index, count }),
                part_of_rest: false,
            }),
    )
}

/// One sitting on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Sitting {
    pub date: NaiveDate,
    /// Minutes after the usual start time it begins (busy time before it).
    pub delay: u32,
    /// The reviews, before the new material.
    pub reviews: Vec<Placed>,
    pub pieces: Vec<Piece>,
}

/// Why a study day before the finish has no sitting, when the availability did not take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// The week's time was used up on earlier days.
    WeekFull,
    /// Nothing ready fitted in the day's `minutes`.
    NothingFits { minutes: u32 },
}

/// The sittings, and the study days the availability took away, shortened or left idle on
/// the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Packed {
    pub sittings: Vec<Sitting>,
    pub blocked: Vec<(NaiveDate, Blocked)>,
    pub shortened: Vec<NaiveDate>,
    pub idle: Vec<(NaiveDate, Idle)>,
}

/// What a packer makes of one study day's free time.
pub(super) trait Take {
    /// Adds to `pieces` (empty) those of a sitting of at most `minutes`; none when nothing
    /// fits.
    fn take(&mut self, minutes: u32, pieces: &mut Vec<Piece>);
    /// Whether everything is placed.
    fn is_done(&self) -> bool;
    /// The minutes of the next piece, for a packer that never cuts one (`--whole`): reviews
    /// not yet overdue leave it room when it fits the day. `None` for one that cuts.
    fn next_minutes(&self) -> Option<u32> {
        None
    }
}

/// What a walk keeps of the days it walks: everything for a plan ([`Packed`]), less for a
/// forecast's runs, which only need the finish.
pub(super) trait Keep {
    /// A sitting on `date`, `delay` minutes after the usual start, of `reviews` then
    /// `pieces` (taken or cleared), on a day busy time `shortened`.
    fn sitting(
        &mut self,
        date: NaiveDate,
        delay: (u32, Vec<Placed>),
        pieces: &mut Vec<Piece>,
        shortened: bool,
    );
    /// A study day left idle.
    fn idle(&mut self, _date: NaiveDate, _idle: Idle) {}
    /// A study day the availability took away.
    fn blocked(&mut self, _date: NaiveDate, _blocked: Blocked) {}
}

impl Keep for Packed {
    fn sitting(
        &mut self,
        date: NaiveDate,
        (delay, reviews): (u32, Vec<Placed>),
        pieces: &mut Vec<Piece>,
        shortened: bool,
    ) {
        if shortened {
            self.shortened.push(date);
        }
        let pieces = std::mem::take(pieces);
        self.sittings.push(Sitting {
            date,
            delay,
            reviews,
            pieces,
        });
    }

    fn idle(&mut self, date: NaiveDate, idle: Idle) {
        self.idle.push((date, idle));
    }

    fn blocked(&mut self, date: NaiveDate, blocked: Blocked) {
        self.blocked.push((date, blocked));
    }
}

/// Walks the learner's days from the start until `packer` has placed everything, giving it
/// each open day's minutes, and tells `keep` what each day became: a sitting, or why it has
/// none.
pub(super) fn walk(
    packer: &mut impl Take,
    settings: &Settings,
    availability: &Availability,
    keep: &mut impl Keep,
) -> Result<(), Error> {
    walk_with(packer, &mut Agenda::none(), settings, availability, keep)
}

/// The same, with the reviews of `agenda` placed first in each sitting, and the walk going on
/// until every review due by the last day is placed.
pub(super) fn walk_with(
    packer: &mut impl Take,
    agenda: &mut impl Reviewing,
    settings: &Settings,
    availability: &Availability,
    keep: &mut impl Keep,
) -> Result<(), Error> {
    let mut days = Days::new(settings, availability);
    if days.date() > LAST_DATE {
        return Err(Error::PastYear9999);
    }
    // One buffer for every sitting's pieces: a keeper that only needs the dates clears it.
    let mut pieces = Vec::new();
    while !done(&*packer, agenda, days.date()) {
        let date = days.date();
        match days.offer() {
            Offer::Off => {}
            Offer::WeekFull => keep.idle(date, Idle::WeekFull),
            Offer::Blocked(blocked) => keep.blocked(date, blocked),
            Offer::Open {
                slot,
                minutes,
                shortened,
            } => {
                let (reviewing, reviews) = agenda.sitting(date, minutes, packer.next_minutes());
                packer.take(minutes - reviewing, &mut pieces);
                agenda.studied(date, &pieces);
                if pieces.is_empty() && reviewing == 0 {
                    // Once everything is studied, a day without a review due is no idle day.
                    if !packer.is_done() {
                        keep.idle(date, Idle::NothingFits { minutes });
                    }
                } else {
                    days.sat(reviewing + pieces.iter().map(|piece| piece.minutes).sum::<u32>());
                    keep.sitting(date, (slot.delay, reviews), &mut pieces, shortened);
                    pieces.clear();
                }
            }
        }
        if !done(&*packer, agenda, date) {
            days.advance()?;
        }
    }
    Ok(())
}

/// Whether the walk is over on `date`: everything placed, and every review due by then.
fn done(packer: &impl Take, agenda: &impl Reviewing, date: NaiveDate) -> bool {
    packer.is_done() && agenda.clear_by(date)
}

/// Pieces in strict order: a sitting takes the next pieces while they fit.
struct InOrder<'a> {
    pieces: &'a [Piece],
    next: usize,
}

impl Take for InOrder<'_> {
    fn take(&mut self, minutes: u32, pieces: &mut Vec<Piece>) {
        let (start, mut filled) = (self.next, 0);
        while self.next < self.pieces.len() && filled + self.pieces[self.next].minutes <= minutes {
            filled += self.pieces[self.next].minutes;
            self.next += 1;
        }
        pieces.extend_from_slice(&self.pieces[start..self.next]);
    }

    fn is_done(&self) -> bool {
        self.next >= self.pieces.len()
    }

    fn next_minutes(&self) -> Option<u32> {
        self.pieces.get(self.next).map(|piece| piece.minutes)
    }
}

/// Packs whole pieces in order into sittings (`--whole`): only on study days, at most one a
/// day, none longer than the day's capacity or its free time, no ISO week over the weekly time
/// (a partial first week included, with what was already studied in it; a start day that
/// already had a sitting gets none). A piece that does not fit in what is left of a sitting
/// starts the next one.
pub fn pack(
    pieces: &[Piece],
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    let mut packed = Packed::default();
    walk(
        &mut InOrder { pieces, next: 0 },
        settings,
        availability,
        &mut packed,
    )?;
    Ok(packed)
}

/// The same, with the reviews of `agenda` first in each sitting.
pub fn pack_with(
    pieces: &[Piece],
    agenda: &mut impl Reviewing,
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    let mut packed = Packed::default();
    walk_with(
        &mut InOrder { pieces, next: 0 },
        agenda,
        settings,
        availability,
        &mut packed,
    )?;
    Ok(packed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A curriculum of documents with these times, in this order.
    fn curriculum(minutes: &[u32]) -> Curriculum {
        let files = minutes
            .iter()
            .enumerate()
            .map(|(index, minutes)| {
                let page = format!("---\nestimated_time: \"{minutes} min\"\n---\n# D{index}\n");
                (format!("d{index}.md"), page.into_bytes())
            })
            .collect();
        let source = crate::Source::Memory(std::sync::Arc::new(files));
        crate::open(&source).unwrap().curriculum
    }

    /// Minutes, part index and count, and whether it is a part of the rest, of a piece.
    type Shape = (u32, Option<(u32, u32)>, bool);

    fn shape(pieces: &[Piece]) -> Vec<Shape> {
        pieces
            .iter()
            .map(|piece| {
                (
                    piece.minutes,
                    piece.part.map(|part| (part.index, part.count)),
                    piece.part_of_rest,
                )
            })
            .collect()
    }

    fn left(minutes: u32, session: u32, done: PartlyDone) -> Vec<Shape> {
        let curriculum = curriculum(&[minutes]);
        let partly = BTreeMap::from([(DocId(0), done)]);
        shape(&pieces_left(&curriculum, &[DocId(0)], session, &partly))
    }

    fn parts(minutes: u32, parts: &[u32]) -> PartlyDone {
        PartlyDone {
            minutes,
            parts: parts.to_vec(),
        }
    }

    #[test]
    fn without_partial_progress_documents_are_cut_as_before() {
        let curriculum = curriculum(&[150, 40, 61]);
        let order = [DocId(0), DocId(1), DocId(2)];
        let whole = pieces(&curriculum, &order, 60);
        assert_eq!(
            shape(&whole),
            [
                (50, Some((1, 3)), false),
                (50, Some((2, 3)), false),
                (50, Some((3, 3)), false),
                (40, None, false),
                (31, Some((1, 2)), false),
                (30, Some((2, 2)), false),
            ]
        );
        let nothing_done = BTreeMap::from([(DocId(1), PartlyDone::from(0))]);
        assert_eq!(pieces_left(&curriculum, &order, 60, &nothing_done), whole);
    }

    #[test]
    fn the_parts_left_keep_their_numbers_when_done_parts_are_parts_of_the_split() {
        assert_eq!(
            left(150, 60, parts(50, &[1])),
            [(50, Some((2, 3)), false), (50, Some((3, 3)), false)]
        );
        assert_eq!(
            left(150, 60, parts(50, &[2])),
            [(50, Some((1, 3)), false), (50, Some((3, 3)), false)]
        );
        // 61 minutes cut in two: 31 + 30.
        assert_eq!(left(61, 60, parts(31, &[1])), [(30, Some((2, 2)), false)]);
        assert_eq!(
            left(61, 60, parts(30, &[2, 2])),
            [(31, Some((1, 2)), false)]
        );
    }

    #[test]
    fn otherwise_the_rest_is_cut_as_a_document_of_its_own() {
        // Minutes, not parts.
        assert_eq!(
            left(150, 60, PartlyDone::from(30)),
            [(60, Some((1, 2)), true), (60, Some((2, 2)), true)]
        );
        assert_eq!(left(90, 120, PartlyDone::from(45)), [(45, None, false)]);
        // A part of another split (sittings of 2 h: 75 + 75), planned with sittings of 1 h.
        assert_eq!(
            left(150, 60, parts(75, &[1])),
            [(38, Some((1, 2)), true), (37, Some((2, 2)), true)]
        );
        // A part and some minutes more.
        assert_eq!(
            left(150, 60, parts(80, &[1])),
            [(35, Some((1, 2)), true), (35, Some((2, 2)), true)]
        );
    }

    #[test]
    fn a_document_done_by_its_minutes_but_not_marked_keeps_a_little() {
        assert_eq!(
            left(90, 60, PartlyDone::from(88)),
            [(LEAST_MINUTES_LEFT, None, false)]
        );
        assert_eq!(
            left(90, 60, PartlyDone::from(500)),
            [(LEAST_MINUTES_LEFT, None, false)]
        );
        assert_eq!(left(3, 60, PartlyDone::from(3)), [(3, None, false)]);
        // Every part recorded, yet not marked done (a hand-edited file).
        assert_eq!(
            left(150, 60, parts(150, &[1, 2, 3])),
            [(LEAST_MINUTES_LEFT, None, false)]
        );
    }
}
