//! Packing that fills the sittings: a sitting with free time takes ready work (a document whose
//! prerequisites, hard and soft, are finished in an earlier sitting or earlier in this one),
//! whole documents first (the next in order when it fits, else the first ready one that fits),
//! else a part of the first ready document that can give one. No part is shorter than
//! [`MIN_PART_MINUTES`] and no document is left with a remainder shorter than that.

use super::review::{Agenda, Reviewing};
use super::schedule::{self, Packed, Piece};
use super::settings::Settings;
use crate::availability::Availability;
use crate::curriculum::DocId;
use crate::error::Error;

/// The shortest part a document is cut into, and the least it may be left with.
pub const MIN_PART_MINUTES: u32 = 15;

/// The documents to pack, in study order, with what each requires among them.
#[derive(Debug, Clone, Default)]
pub struct Queue {
    docs: Vec<DocId>,
    minutes: Vec<u32>,
    /// How many documents earlier in the queue each one requires.
    unmet: Vec<u32>,
    /// The positions requiring each position: `dependents[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    dependents: Vec<usize>,
}

impl Queue {
    /// `requires(i)` lists the positions (in `docs`) that position `i` requires; only those
    /// before `i` count, so the queue's order is always a valid order.
    pub fn new<I: IntoIterator<Item = usize>>(
        docs: Vec<DocId>,
        minutes: Vec<u32>,
        requires: impl Fn(usize) -> I,
    ) -> Queue {
        let count = docs.len();
        let mut edges: Vec<(usize, usize)> = (0..count)
            .flat_map(|position| {
                requires(position)
                    .into_iter()
                    .filter(move |&before| before < position)
                    .map(move |before| (before, position))
            })
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let mut unmet = vec![0; count];
        let mut starts = vec![0; count + 1];
        for &(before, after) in &edges {
            starts[before + 1] += 1;
            unmet[after] += 1;
        }
        for position in 0..count {
            starts[position + 1] += starts[position];
        }
        let dependents = edges.into_iter().map(|(_, after)| after).collect();
        Queue {
            docs,
            minutes,
            unmet,
            starts,
            dependents,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Each position's document.
    pub fn docs(&self) -> &[DocId] {
        &self.docs
    }

    /// Each position's minutes.
    pub fn minutes(&self) -> &[u32] {
        &self.minutes
    }
}

/// Packs the queue into sittings that use each open day's time.
pub fn fill(
    queue: &Queue,
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    fill_with(queue, &mut Agenda::none(), settings, availability)
}

/// The same, with the reviews of `agenda` first in each sitting.
pub fn fill_with(
    queue: &Queue,
    agenda: &mut impl Reviewing,
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    let mut state = Fill::new(queue, &queue.minutes, settings.longest_sitting());
    let mut packed = Packed::default();
    schedule::walk_with(
        &mut Filling {
            queue,
            state: &mut state,
        },
        agenda,
        settings,
        availability,
        &mut packed,
    )?;
    Ok(packed)
}

/// The filling packer over its queue.
struct Filling<'a> {
    queue: &'a Queue,
    state: &'a mut Fill,
}

impl schedule::Take for Filling<'_> {
    fn take(&mut self, minutes: u32, pieces: &mut Vec<Piece>) {
        self.state.sitting(self.queue, minutes, pieces);
    }

    fn is_done(&self) -> bool {
        self.state.left == 0
    }
}

/// Packs a queue again and again with other minutes per position (a forecast's runs), for
/// the finish of each, reusing the same memory.
#[derive(Default)]
pub struct Finisher {
    state: Box<Fill>,
}

impl Finisher {
    /// The finish date of the queue's packing with these minutes per position, with the
    /// reviews of `agenda` first in each sitting: the date of its last sitting, `None` when there is nothing to pack.
    pub fn finish(
        &mut self,
        queue: &Queue,
        minutes: &[u32],
        agenda: &mut impl Reviewing,
        settings: &Settings,
        availability: &Availability,
    ) -> Result<Option<chrono::NaiveDate>, Error> {
        let state = &mut self.state;
        state.reset(queue, minutes, settings.longest_sitting());
        let mut last = LastSitting(None);
        schedule::walk_with(
            &mut Filling { queue, state },
            agenda,
            settings,
            availability,
            &mut last,
        )?;
        Ok(last.0)
    }
}

/// Keeps only the date of the last sitting.
struct LastSitting(Option<chrono::NaiveDate>);

impl schedule::Keep for LastSitting {
    fn sitting(
        &mut self,
        date: chrono::NaiveDate,
        _: (u32, Vec<super::review::Placed>),
        _: &mut Vec<Piece>,
        _: bool,
    ) {
        self.0 = Some(date);
    }
}

/// What is left of each document, and which are ready.
#[derive(Default)]
struct Fill {
    rest: Vec<u32>,
    unmet: Vec<u32>,
    /// Ready documents with time left, by position.
    ready: Ready,
    /// Documents not finished.
    left: usize,
    /// The longest sitting any day can hold.
    longest: u32,
}

impl Fill {
    fn new(queue: &Queue, minutes: &[u32], longest: u32) -> Fill {
        let mut fill = Fill::default();
        fill.reset(queue, minutes, longest);
        fill
    }

    /// The state before the first sitting, in the memory of an earlier one.
    fn reset(&mut self, queue: &Queue, minutes: &[u32], longest: u32) {
        self.ready.reset(queue.len());
        for (position, &unmet) in queue.unmet.iter().enumerate() {
            if unmet == 0 {
                self.ready.set(position, minutes[position]);
            }
        }
        self.rest.clear();
        self.rest.extend_from_slice(minutes);
        self.unmet.clone_from(&queue.unmet);
        (self.left, self.longest) = (queue.len(), longest);
    }

    /// Adds the pieces of one sitting of at most `capacity` minutes to `pieces`.
    fn sitting(&mut self, queue: &Queue, capacity: u32, pieces: &mut Vec<Piece>) {
        let mut free = capacity;
        while self.left > 0 {
            if let Some(position) = self.ready.first_at_most(free) {
                let minutes = self.rest[position];
                free -= minutes;
                pieces.push(piece(queue, position, minutes));
                self.finished(queue, position);
                continue;
            }
            let Some((position, minutes)) = self.part(free) else {
                break;
            };
            free -= minutes;
            self.rest[position] -= minutes;
            self.ready.set(position, self.rest[position]);
            pieces.push(piece(queue, position, minutes));
        }
    }

    /// The first ready document to take a part of, and the part's minutes, with `free`
    /// minutes left in the sitting: at least [`MIN_PART_MINUTES`], leaving at least as much.
    /// A document longer than any sitting can be (shorter than twice that, so that the rule
    /// cannot hold) gives what fits instead, so that it is studied at all.
    fn part(&self, free: u32) -> Option<(usize, u32)> {
        if free < MIN_PART_MINUTES.min(self.longest) {
            return None;
        }
        if free >= MIN_PART_MINUTES
            && let Some(position) = self.ready.first_at_least(2 * MIN_PART_MINUTES)
        {
            return Some((position, free.min(self.rest[position] - MIN_PART_MINUTES)));
        }
        let position = self.ready.first_at_least(self.longest.saturating_add(1))?;
        Some((position, free.min(self.rest[position] - 1)))
    }

    /// A document is done: what requires it may become ready.
    fn finished(&mut self, queue: &Queue, position: usize) {
        self.rest[position] = 0;
        self.ready.clear(position);
        self.left -= 1;
        for &after in &queue.dependents[queue.starts[position]..queue.starts[position + 1]] {
            self.unmet[after] -= 1;
            if self.unmet[after] == 0 {
                self.ready.set(after, self.rest[after]);
            }
        }
    }
}

fn piece(queue: &Queue, position: usize, minutes: u32) -> Piece {
    Piece {
        doc: queue.docs[position],
        minutes,
        part: None,
        part_of_rest: false,
    }
}

/// Queues of at most this many documents find their ready ones by a scan of the leaves: a
/// forecast's runs pack such queues a thousand times, and for them a scan is cheaper than the
/// tree's upkeep.
const SCANNED_UP_TO: usize = 32;

/// The ready documents' minutes left, by position: a segment tree of the least and the most
/// of each range, to find the first position that fits a sitting's free time, or the first
/// that can give a part, in O(log n). Up to [`SCANNED_UP_TO`] positions, only the leaves are
/// kept, with the set of ready positions, and the ready ones are scanned in order: the same
/// answers.
#[derive(Default)]
struct Ready {
    /// Each node's least and most; leaves from `size`. A position not ready is `u32::MAX`
    /// and 0.
    nodes: Vec<(u32, u32)>,
    size: usize,
    /// Whether the leaves are scanned (the nodes above them are not kept).
    scanned: bool,
    /// When scanned: bit `i` for each ready position `i`.
    ready: u64,
}

impl Ready {
    /// No position ready, of `count`.
    fn reset(&mut self, count: usize) {
        self.size = count.next_power_of_two().max(1);
        self.scanned = self.size <= SCANNED_UP_TO;
        self.ready = 0;
        self.nodes.clear();
        self.nodes.resize(2 * self.size, (u32::MAX, 0));
    }

    fn set(&mut self, position: usize, minutes: u32) {
        self.update(position, (minutes, minutes));
    }

    fn clear(&mut self, position: usize) {
        self.update(position, (u32::MAX, 0));
    }

    fn update(&mut self, position: usize, leaf: (u32, u32)) {
        let nodes = &mut self.nodes;
        let mut node = self.size + position;
        nodes[node] = leaf;
        if self.scanned {
            let bit = 1 << position;
            self.ready = if leaf == (u32::MAX, 0) {
                self.ready & !bit
            } else {
                self.ready | bit
            };
            return;
        }
        while node > 1 {
            node /= 2;
            let (left, right) = (nodes[2 * node], nodes[2 * node + 1]);
            let joined = (left.0.min(right.0), left.1.max(right.1));
            if nodes[node] == joined {
                // The nodes above depend on this one alone among those that changed.
                break;
            }
            nodes[node] = joined;
        }
    }

    /// The first ready position with at most `minutes` left.
    fn first_at_most(&self, minutes: u32) -> Option<usize> {
        self.descend(|(least, _)| least <= minutes)
    }

    /// The first ready position with at least `minutes` left.
    fn first_at_least(&self, minutes: u32) -> Option<usize> {
        self.descend(|(_, most)| most >= minutes)
    }

    /// The first leaf whose range holds one matching `holds`.
    fn descend(&self, holds: impl Fn((u32, u32)) -> bool) -> Option<usize> {
        if self.scanned {
            return self.scan(holds);
        }
        if !holds(self.nodes[1]) {
            return None;
        }
        let mut node = 1;
        while node < self.size {
            node *= 2;
            if !holds(self.nodes[node]) {
                node += 1;
            }
        }
        Some(node - self.size)
    }

    /// What [`Ready::descend`] finds, by a scan of the ready positions.
    fn scan(&self, holds: impl Fn((u32, u32)) -> bool) -> Option<usize> {
        if holds((u32::MAX, 0)) {
            // Every leaf holds one, ready or not: the tree's answer is the first.
            return Some(0);
        }
        let mut ready = self.ready;
        while ready != 0 {
            let position = ready.trailing_zeros() as usize;
            if holds(self.nodes[self.size + position]) {
                return Some(position);
            }
            ready &= ready - 1;
        }
        None
    }
}

/// Numbers the pieces of each document split over several sittings: "part 1/3", in date
/// order. `of_rest` tells the documents planned for what is left of them.
pub fn label(packed: &mut Packed, of_rest: impl Fn(DocId) -> bool) {
    let pieces = || packed.sittings.iter().flat_map(|sitting| &sitting.pieces);
    let size = pieces().map(|piece| piece.doc.0 + 1).max().unwrap_or(0);
    let mut counts = vec![0u32; size];
    for piece in pieces() {
        counts[piece.doc.0] += 1;
    }
    let mut seen = vec![0u32; size];
    for piece in packed
        .sittings
        .iter_mut()
        .flat_map(|sitting| &mut sitting.pieces)
    {
        let count = counts[piece.doc.0];
        if count < 2 {
            continue;
        }
        seen[piece.doc.0] += 1;
        piece.part = Some(super::schedule::Part {
            index: seen[piece.doc.0],
            count,
        });
        piece.part_of_rest = of_rest(piece.doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::settings::{DayMinutes, Week, WeeklyMinutes};
    use chrono::{NaiveDate, Weekday};

    fn settings(days: &[(Weekday, u32)]) -> Settings {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let minutes = DayMinutes::new(days.iter().copied()).unwrap();
        let weekly = WeeklyMinutes::from_hours(f64::from(minutes.total()) / 60.0).unwrap();
        Settings::for_week(start, weekly, Some(Week::Minutes(minutes)), None)
    }

    fn queue(minutes: &[u32], requires: &[(usize, usize)]) -> Queue {
        let docs = (0..minutes.len()).map(DocId).collect();
        Queue::new(docs, minutes.to_vec(), |position| {
            requires
                .iter()
                .filter(move |(after, _)| *after == position)
                .map(|&(_, before)| before)
                .collect::<Vec<_>>()
        })
    }

    /// Each sitting as (weekday, [(document, minutes)]).
    fn sittings(packed: &Packed) -> Vec<(String, Vec<(usize, u32)>)> {
        packed
            .sittings
            .iter()
            .map(|sitting| {
                let pieces = sitting.pieces.iter().map(|p| (p.doc.0, p.minutes));
                (sitting.date.format("%a %d").to_string(), pieces.collect())
            })
            .collect()
    }

    #[test]
    fn short_evenings_take_a_ready_document_or_a_part() {
        use Weekday::{Mon, Sat, Tue};
        let settings = settings(&[(Mon, 30), (Tue, 60), (Sat, 45)]);
        // 0 (50 min) is first; 1 (20 min) requires it; 2 (25 min) is free.
        let queue = queue(&[50, 20, 25], &[(1, 0)]);
        let packed = fill(&queue, &settings, &Availability::default()).unwrap();
        assert_eq!(
            sittings(&packed),
            [
                // 0 does not fit in 30 min; 2 does, and 5 min are too few for a part.
                ("Mon 04".to_string(), vec![(2, 25)]),
                // 0 fits, then 1 (its prerequisite is finished).
                ("Tue 05".to_string(), vec![(0, 50)]),
                ("Sat 09".to_string(), vec![(1, 20)]),
            ]
        );
        assert!(packed.idle.is_empty());
    }

    #[test]
    fn parts_are_never_shorter_than_fifteen_minutes() {
        use Weekday::{Mon, Thu};
        let settings = settings(&[(Mon, 20), (Thu, 40)]);
        let queue = queue(&[40, 29, 45], &[(1, 0), (2, 1)]);
        let mut packed = fill(&queue, &settings, &Availability::default()).unwrap();
        label(&mut packed, |_| false);
        let pieces: Vec<&Piece> = packed.sittings.iter().flat_map(|s| &s.pieces).collect();
        for position in 0..3 {
            let of: Vec<&&Piece> = pieces.iter().filter(|p| p.doc.0 == position).collect();
            let total: u32 = of.iter().map(|p| p.minutes).sum();
            assert_eq!(total, queue.minutes()[position]);
            if of.len() > 1 {
                assert!(of.iter().all(|p| p.minutes >= MIN_PART_MINUTES), "{of:?}");
                let numbers: Vec<_> = of.iter().map(|p| p.part.unwrap()).collect();
                assert!(numbers.iter().enumerate().all(|(i, part)| {
                    part.index == i as u32 + 1 && part.count == of.len() as u32
                }));
            } else {
                assert_eq!(of[0].part, None);
            }
        }
        // 29 min cannot be cut (two parts of 15 at least): a 20-minute Monday with only it
        // ready stays empty, and says why.
        assert!(packed.idle.iter().any(|(date, idle)| {
            date.weekday() == Mon && *idle == schedule::Idle::NothingFits { minutes: 20 }
        }));
    }

    #[test]
    fn a_document_starts_only_after_all_it_requires_is_finished() {
        use Weekday::{Fri, Mon, Wed};
        let settings = settings(&[(Mon, 25), (Wed, 90), (Fri, 15)]);
        let minutes = [40, 15, 60, 10, 35, 15, 90];
        let requires = [(2, 0), (3, 2), (4, 1), (5, 4), (6, 3), (6, 5)];
        let packed = fill(
            &queue(&minutes, &requires),
            &settings,
            &Availability::default(),
        )
        .unwrap();
        let order: Vec<usize> = packed
            .sittings
            .iter()
            .flat_map(|s| &s.pieces)
            .map(|p| p.doc.0)
            .collect();
        for (after, before) in requires {
            let last_before = order.iter().rposition(|&doc| doc == before).unwrap();
            let first_after = order.iter().position(|&doc| doc == after).unwrap();
            assert!(
                last_before < first_after,
                "{before} then {after}: {order:?}"
            );
        }
    }

    #[test]
    fn scanning_the_ready_documents_finds_what_the_tree_finds() {
        // A small generator is enough to mix sets, clears and questions.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        for count in [1, 2, 3, 9, 16, 17, 32] {
            let (mut scanned, mut tree) = (Ready::default(), Ready::default());
            scanned.reset(count);
            tree.reset(count);
            // Before any update, all nodes agree: the tree keeps them from here on.
            tree.scanned = false;
            for _ in 0..2000 {
                let position = next(count as u64) as usize;
                if next(3) == 0 {
                    scanned.clear(position);
                    tree.clear(position);
                } else {
                    let minutes = [0, 1, 14, 15, 30, 31, 90, u32::MAX][next(8) as usize];
                    scanned.set(position, minutes);
                    tree.set(position, minutes);
                }
                for minutes in [0, 1, 15, 29, 30, 60, 120, u32::MAX - 1, u32::MAX] {
                    assert_eq!(scanned.first_at_most(minutes), tree.first_at_most(minutes));
                    assert_eq!(
                        scanned.first_at_least(minutes),
                        tree.first_at_least(minutes)
                    );
                }
            }
        }
    }

    use chrono::Datelike;
}
