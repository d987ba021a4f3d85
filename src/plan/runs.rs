//! Where a forecast's runs land: packed exactly as the plan is packed, on the same calendar
//! (each run's minutes per document through the same packing), or, for a plan of many
//! documents, along the plan's own sittings and then the calendar's free time. Either way a
//! run with every ratio exactly 1 is the plan.

use super::days::LAST_DATE;
use super::fill::{self, Queue};
use super::forecast::{Capacity, Placer, Run};
use super::review::Reserved;
use super::schedule::{self, Piece};
use super::settings::{Settings, Studied};
use super::shape::Plan;
use crate::availability::Availability;
use crate::error::Error;
use chrono::{Datelike, NaiveDate};

/// Plans of at most this many documents are packed run by run; a longer one follows its own
/// sittings (packing 1,000 runs of thousands of documents would cost seconds).
pub const PACKED_UP_TO: usize = 200;

/// How a plan's forecast places its runs.
pub enum Placement<'a> {
    Packed(Packing<'a>),
    Curve(PlanCurve),
}

impl Placer for Placement<'_> {
    fn needs_each(&self) -> bool {
        matches!(self, Placement::Packed(_))
    }

    fn finish(&mut self, run: Run<'_>) -> Result<NaiveDate, Error> {
        match self {
            Placement::Packed(packing) => packing.finish(run),
            Placement::Curve(curve) => curve.finish(run),
        }
    }
}

/// Places runs by the plan's packing.
pub struct Packing<'a> {
    queue: Queue,
    /// The plan's pieces, each with its document's position in the queue, for `--whole` plans
    /// (which pack pieces, not documents).
    pieces: Option<Vec<(Piece, usize)>>,
    settings: &'a Settings,
    availability: &'a Availability,
    /// The fluid calendar: a run it cannot place is not packed (packing finishes no sooner).
    fluid: Capacity,
    rounded: Vec<u32>,
    finisher: fill::Finisher,
    /// The plan's review minutes of each day, which each run keeps free.
    reserved: Reserved,
}

impl<'a> Packing<'a> {
    /// For a plan of `queue` (its documents and their planned minutes), or of `pieces` when it
    /// packs whole documents, keeping the review minutes of `reserved` free.
    pub fn new(
        queue: Queue,
        pieces: Option<Vec<Piece>>,
        settings: &'a Settings,
        availability: &'a Availability,
        reserved: Reserved,
    ) -> Packing<'a> {
        let position: std::collections::HashMap<_, usize> = queue
            .docs()
            .iter()
            .enumerate()
            .map(|(at, &doc)| (doc, at))
            .collect();
        let pieces = pieces.map(|pieces| {
            let at = |piece: &Piece| position[&piece.doc];
            pieces
                .into_iter()
                .map(|piece| (piece, at(&piece)))
                .collect()
        });
        Packing {
            queue,
            pieces,
            settings,
            availability,
            fluid: Capacity::new(settings, availability),
            rounded: Vec::new(),
            finisher: fill::Finisher::default(),
            reserved,
        }
    }

    /// The run's pieces for a whole-documents plan: each of the plan's pieces scaled by its
    /// document's ratio, cut again where that makes it longer than a sitting.
    fn scaled_pieces(&self, pieces: &[(Piece, usize)]) -> Vec<Piece> {
        let session = self.settings.longest_sitting();
        let planned = self.queue.minutes();
        let mut scaled = Vec::with_capacity(pieces.len());
        for &(piece, position) in pieces {
            let ratio = ratio(planned[position], self.rounded[position]);
            let minutes = (f64::from(piece.minutes) * ratio).round() as u32;
            schedule::cut_into(&mut scaled, piece.doc, minutes, session);
        }
        scaled
    }
}

fn ratio(planned: u32, drawn: u32) -> f64 {
    if planned == 0 {
        1.0
    } else {
        f64::from(drawn) / f64::from(planned)
    }
}

impl Placer for Packing<'_> {
    fn finish(&mut self, run: Run<'_>) -> Result<NaiveDate, Error> {
        let fluid = self.fluid.finish_after(run.total)?;
        self.rounded.clear();
        self.rounded.extend(
            run.each
                .iter()
                .map(|&m| m.round().min(f64::from(u32::MAX)) as u32),
        );
        let last = match &self.pieces {
            Some(pieces) => {
                let scaled = self.scaled_pieces(pieces);
                let reserved = &mut self.reserved;
                let packed =
                    schedule::pack_with(&scaled, reserved, self.settings, self.availability)?;
                packed.sittings.last().map(|sitting| sitting.date)
            }
            None => self.finisher.finish(
                &self.queue,
                &self.rounded,
                &mut self.reserved,
                self.settings,
                self.availability,
            )?,
        };
        Ok(last.unwrap_or(fluid))
    }
}

/// Places a run's total along the plan's own sittings (the minutes of new material they hold
/// by each date),
/// and what is left past the plan's finish on the calendar's free time from the next day (the
/// fluid learner, counting what the finish's week already holds).
pub struct PlanCurve {
    /// Each sitting's date and the minutes through it.
    through: Vec<(NaiveDate, f64)>,
    after: Option<Capacity>,
}

impl PlanCurve {
    pub fn new(plan: &Plan, availability: &Availability) -> PlanCurve {
        let mut total = 0.0;
        let through = plan
            .sessions
            .iter()
            .map(|session| {
                // A run draws the minutes of new material; reviews keep their place.
                let studied = session.items.iter().filter(|item| !item.is_review());
                total += f64::from(studied.map(|item| item.minutes).sum::<u32>());
                (session.date, total)
            })
            .collect();
        let after = plan.summary.finish_date.and_then(|finish| {
            let next = finish.succ_opt().filter(|next| *next <= LAST_DATE)?;
            let sittings = plan.sessions.iter().map(|s| (s.minutes, s.date));
            let mut studied = Studied::before(next, sittings);
            studied.on_start_day = false;
            if plan.settings.start.iso_week() == next.iso_week() {
                studied.week_minutes += plan.settings.studied.week_minutes;
            }
            let settings = Settings {
                start: next,
                ..plan.settings
            }
            .with_studied(studied);
            Some(Capacity::new(&settings, availability))
        });
        PlanCurve { through, after }
    }
}

impl Placer for PlanCurve {
    fn needs_each(&self) -> bool {
        false
    }

    fn finish(&mut self, run: Run<'_>) -> Result<NaiveDate, Error> {
        let planned = self.through.last().map_or(0.0, |&(_, through)| through);
        if run.total <= planned {
            let index = self
                .through
                .partition_point(|&(_, through)| through < run.total);
            if let Some(&(date, _)) = self.through.get(index) {
                return Ok(date);
            }
        }
        match &mut self.after {
            Some(after) => after.finish_after(run.total - planned),
            None => Err(Error::PastYear9999),
        }
    }
}
