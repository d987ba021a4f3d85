//! A forecast's runs placed the way the plan is packed: each run's minutes per document go
//! through the same packing, on the same calendar, as the plan's own estimates. With every
//! ratio exactly 1 a run is the plan.

use super::availability::Availability;
use super::fill::{self, Queue};
use super::forecast::{Capacity, Placer};
use super::schedule::{self, Piece};
use super::settings::Settings;
use crate::error::Error;
use chrono::NaiveDate;

/// Places runs by the plan's packing.
pub struct Packing<'a> {
    queue: Queue,
    /// The plan's pieces, for `--whole` plans (which pack pieces, not documents).
    pieces: Option<Vec<Piece>>,
    settings: &'a Settings,
    availability: &'a Availability,
    /// The fluid calendar: a run it cannot place is not packed (packing finishes no sooner).
    fluid: Capacity,
    rounded: Vec<u32>,
}

impl<'a> Packing<'a> {
    /// For a plan of `queue` (its documents and their planned minutes), or of `pieces` when it
    /// packs whole documents.
    pub fn new(
        queue: Queue,
        pieces: Option<Vec<Piece>>,
        settings: &'a Settings,
        availability: &'a Availability,
    ) -> Packing<'a> {
        Packing {
            queue,
            pieces,
            settings,
            availability,
            fluid: Capacity::new(settings, availability),
            rounded: Vec::new(),
        }
    }

    /// The run's pieces for a whole-documents plan: each of the plan's pieces scaled by its
    /// document's ratio, cut again where that makes it longer than a sitting.
    fn scaled_pieces(&self, pieces: &[Piece]) -> Vec<Piece> {
        let session = self.settings.effective_session();
        let ratio: std::collections::HashMap<_, f64> = self
            .queue
            .docs()
            .iter()
            .zip(self.queue.minutes().iter().zip(&self.rounded))
            .map(|(&doc, (&planned, &drawn))| (doc, ratio(planned, drawn)))
            .collect();
        let mut scaled = Vec::with_capacity(pieces.len());
        for piece in pieces {
            let minutes = (f64::from(piece.minutes) * ratio[&piece.doc]).round() as u32;
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
    fn finish(&mut self, minutes: &[f64]) -> Result<NaiveDate, Error> {
        let fluid = self.fluid.finish(minutes)?;
        self.rounded.clear();
        self.rounded.extend(
            minutes
                .iter()
                .map(|&m| m.round().min(f64::from(u32::MAX)) as u32),
        );
        let last = match &self.pieces {
            Some(pieces) => {
                let scaled = self.scaled_pieces(pieces);
                let packed = schedule::pack(&scaled, self.settings, self.availability)?;
                packed.sittings.last().map(|sitting| sitting.date)
            }
            None => fill::finish(&self.queue, &self.rounded, self.settings, self.availability)?,
        };
        Ok(last.unwrap_or(fluid))
    }
}
