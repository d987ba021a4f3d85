//! Packing that fills the sittings: a sitting with free time takes ready work (a document whose
//! prerequisites, hard and soft, are finished in an earlier sitting or earlier in this one),
//! whole documents first (the next in order when it fits, else the first ready one that fits),
//! else a part of the first ready document that can give one. No part is shorter than
//! [`MIN_PART_MINUTES`] and no document is left with a remainder shorter than that.

use super::review::Agenda;
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
    agenda: &mut Agenda,
    settings: &Settings,
    availability: &Availability,
) -> Result<Packed, Error> {
    let state = Fill::new(queue, &queue.minutes, settings.longest_sitting());
    schedule::walk_with(
        &mut Filling { queue, state },
        agenda,
        settings,
        availability,
    )
}

/// The filling packer over its queue.
struct Filling<'a> {
    queue: &'a Queue,
    state: Fill,
}

impl schedule::Take for Filling<'_> {
    fn take(&mut self, minutes: u32) -> Vec<Piece> {
        self.state.sitting(self.queue, minutes)
    }

    fn is_done(&self) -> bool {
        self.state.left == 0
    }
}

/// The finish date of the queue's packing with these minutes per position (a forecast's run):
/// the date of its last sitting, `None` when there is nothing to pack.
pub fn finish(
    queue: &Queue,
    minutes: &[u32],
    settings: &Settings,
    availability: &Availability,
) -> Result<Option<chrono::NaiveDate>, Error> {
    let state = Fill::new(queue, minutes, settings.longest_sitting());
    let packed = schedule::walk(&mut Filling { queue, state }, settings, availability)?;
    Ok(packed.sittings.last().map(|sitting| sitting.date))
}

/// What is left of each document, and which are ready.
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
        let mut ready = Ready::new(queue.len());
        for (position, &unmet) in queue.unmet.iter().enumerate() {
            if unmet == 0 {
                ready.set(position, minutes[position]);
            }
        }
        Fill {
            rest: minutes.to_vec(),
            unmet: queue.unmet.clone(),
            ready,
            left: queue.len(),
            longest,
        }
    }

    /// The pieces of one sitting of at most `capacity` minutes.
    fn sitting(&mut self, queue: &Queue, capacity: u32) -> Vec<Piece> {
        let mut pieces = Vec::new();
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
        pieces
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

/// The ready documents' minutes left, by position: a segment tree of the least and the most
/// of each range, to find the first position that fits a sitting's free time, or the first
/// that can give a part, in O(log n).
struct Ready {
    /// Leaves from `size`; a position not ready is `u32::MAX` in `least` and 0 in `most`.
    least: Vec<u32>,
    most: Vec<u32>,
    size: usize,
}

impl Ready {
    fn new(count: usize) -> Ready {
        let size = count.next_power_of_two().max(1);
        Ready {
            least: vec![u32::MAX; 2 * size],
            most: vec![0; 2 * size],
            size,
        }
    }

    fn set(&mut self, position: usize, minutes: u32) {
        self.update(position, minutes, minutes);
    }

    fn clear(&mut self, position: usize) {
        self.update(position, u32::MAX, 0);
    }

    fn update(&mut self, position: usize, least: u32, most: u32) {
        let mut node = self.size + position;
        (self.least[node], self.most[node]) = (least, most);
        while node > 1 {
            node /= 2;
            self.least[node] = self.least[2 * node].min(self.least[2 * node + 1]);
            self.most[node] = self.most[2 * node].max(self.most[2 * node + 1]);
        }
    }

    /// The first ready position with at most `minutes` left.
    fn first_at_most(&self, minutes: u32) -> Option<usize> {
        self.descend(|node| self.least[node] <= minutes)
    }

    /// The first ready position with at least `minutes` left.
    fn first_at_least(&self, minutes: u32) -> Option<usize> {
        self.descend(|node| self.most[node] >= minutes)
    }

    /// The first leaf whose range holds one matching `holds`.
    fn descend(&self, holds: impl Fn(usize) -> bool) -> Option<usize> {
        if !holds(1) {
            return None;
        }
        let mut node = 1;
        while node < self.size {
            node = if holds(2 * node) {
                2 * node
            } else {
                2 * node + 1
            };
        }
        Some(node - self.size)
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

    use chrono::Datelike;
}
