//! The review time a forecast's runs keep free: each day's minutes of reviews in the plan.
//! A run follows the plan's calendar of reviews rather than placing its own, which would
//! cost a thousand times the plan's work.

use super::{Placed, Reviewing};
use crate::plan::schedule::Piece;
use crate::plan::shape::Plan;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The minutes of reviews of each day of a plan.
#[derive(Debug, Clone, Default)]
pub struct Reserved {
    by_day: BTreeMap<NaiveDate, u32>,
}

impl Reserved {
    /// None: a plan without reviews.
    pub fn none() -> Reserved {
        Reserved::default()
    }

    /// The review minutes of each sitting of `plan`.
    pub fn of(plan: &Plan) -> Reserved {
        let by_day = (plan.sessions.iter())
            .map(|session| {
                let reviews = session.items.iter().filter(|item| item.is_review());
                (session.date, reviews.map(|item| item.minutes).sum())
            })
            .filter(|&(_, minutes)| minutes > 0)
            .collect();
        Reserved { by_day }
    }
}

impl Reviewing for Reserved {
    fn sitting(&mut self, date: NaiveDate, minutes: u32, _: Option<u32>) -> (u32, Vec<Placed>) {
        let reserved = self.by_day.get(&date).copied().unwrap_or(0);
        (reserved.min(minutes), Vec::new())
    }

    fn studied(&mut self, _: NaiveDate, _: &[Piece]) {}

    fn clear_by(&self, _: NaiveDate) -> bool {
        true
    }
}
