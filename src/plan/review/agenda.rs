//! The reviews waiting for a sitting while the plan is packed.

use super::balance::Load;
use super::{Due, Forgetting, Placed, Reviewing, Reviews, Strength};
use crate::curriculum::DocId;
use crate::plan::schedule::Piece;
use crate::plan::settings::Settings;
use chrono::{NaiveDate, Weekday};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A review waiting for a sitting.
#[derive(Debug, Clone, Copy)]
struct Waiting {
    minutes: u32,
    last: NaiveDate,
    strength: Strength,
}

/// The reviews waiting for a sitting, by due date, and the documents whose first review is
/// scheduled once they are studied. Each review placed schedules the next.
#[derive(Debug, Clone, Default)]
pub struct Agenda {
    waiting: BTreeMap<(NaiveDate, DocId), Waiting>,
    /// Each planned document's minutes still to study and its review's minutes.
    studying: BTreeMap<DocId, (u32, u32)>,
    model: Option<Arc<dyn Forgetting>>,
    load: Load,
    until: Option<NaiveDate>,
}

impl Agenda {
    /// No reviews: the plan packs new material only.
    pub fn none() -> Agenda {
        Agenda::default()
    }

    /// The reviews of `reviews`, and the first review of each planned document, given with its
    /// minutes to study; `minutes` gives a document's whole minutes. Reviews are spread over
    /// the study days of `settings`; one whose window reaches its start may move within it.
    pub fn new(
        reviews: &Reviews,
        planned: impl IntoIterator<Item = (DocId, u32)>,
        minutes: impl Fn(DocId) -> u32,
        settings: &Settings,
    ) -> Agenda {
        let study = std::array::from_fn(|day| {
            let day = Weekday::try_from(day as u8).unwrap_or(Weekday::Mon);
            settings.day_capacity(day) > 0
        });
        // A review never takes longer than the longest sitting, or it would wait for ever.
        let longest = settings.longest_sitting().max(1);
        let minutes = |doc| reviews.minutes_for(minutes(doc)).min(longest);
        let studying = planned
            .into_iter()
            .map(|(doc, left)| (doc, (left, minutes(doc))))
            .collect();
        let mut agenda = Agenda {
            waiting: BTreeMap::new(),
            studying,
            model: Some(Arc::clone(&reviews.model)),
            load: Load::new(study),
            until: reviews.until,
        };
        let mut due = reviews.due.clone();
        due.sort_by_key(|due| (due.due, due.doc));
        for due in due {
            let waiting = Waiting {
                minutes: minutes(due.doc),
                last: due.last,
                strength: due.strength,
            };
            agenda.wait(due, waiting, settings.start);
        }
        agenda
    }

    /// A review of a document done before the plan: on the least loaded study day of its
    /// window from the plan's first day. Any day of the window is as good as the due date (a
    /// review due on a Sunday without a sitting is not late on Monday); past the window, it is
    /// overdue and keeps its due date, so that it comes first.
    fn wait(&mut self, due: Due, waiting: Waiting, start: NaiveDate) {
        let days = u32::try_from((due.due - due.last).num_days()).unwrap_or(0);
        let date = (self.load.balanced_from(due.last, days, start)).unwrap_or(due.due);
        self.load.add(date);
        self.waiting.insert((date, due.doc), waiting);
    }

    /// The reviews due on `date` or before that fit in `minutes`, the most overdue first; each
    /// schedules the next.
    fn take(&mut self, date: NaiveDate, minutes: u32) -> Vec<Placed> {
        let Some(model) = self.model.clone() else {
            return Vec::new();
        };
        let mut free = minutes;
        let mut taken = Vec::new();
        for (&key, waiting) in self.waiting.range(..=(date, DocId(usize::MAX))) {
            if waiting.minutes <= free {
                free -= waiting.minutes;
                taken.push((key, *waiting));
            }
        }
        let mut placed = Vec::with_capacity(taken.len());
        for ((due, doc), waiting) in taken {
            self.waiting.remove(&(due, doc));
            placed.push(self.review(&*model, date, (due, doc), waiting));
        }
        placed
    }

    /// A review of `doc` on `date`, due on `due`: its recall then; the next is scheduled.
    fn review(
        &mut self,
        model: &dyn Forgetting,
        date: NaiveDate,
        (due, doc): (NaiveDate, DocId),
        waiting: Waiting,
    ) -> Placed {
        let elapsed = u32::try_from((date - waiting.last).num_days()).unwrap_or(0);
        let recall = model.recall(waiting.strength, elapsed);
        let strength = model.reviewed(waiting.strength, elapsed);
        self.schedule(doc, date, strength, waiting.minutes, model);
        Placed {
            doc,
            minutes: waiting.minutes,
            due,
            recall,
        }
    }

    /// Schedules the next review of `doc`, last reviewed (or studied) on `last`.
    fn schedule(
        &mut self,
        doc: DocId,
        last: NaiveDate,
        strength: Strength,
        minutes: u32,
        model: &dyn Forgetting,
    ) {
        let Some(due) = self.load.balanced(last, model.interval(strength)) else {
            return;
        };
        self.load.add(due);
        let waiting = Waiting {
            minutes,
            last,
            strength,
        };
        self.waiting.insert((due, doc), waiting);
    }
}

impl Reviewing for Agenda {
    /// The overdue reviews first, then those due that day; when the packer never cuts a piece
    /// and its next one fits the day, those due that day get only what it leaves (a review
    /// due today may wait a day; a whole piece that never fits beside reviews would wait for
    /// ever).
    fn sitting(&mut self, date: NaiveDate, minutes: u32, next: Option<u32>) -> (u32, Vec<Placed>) {
        let next = next.filter(|&next| next <= minutes);
        let reviews = match (next, date.pred_opt()) {
            (Some(next), Some(yesterday)) => {
                let mut reviews = self.take(yesterday, minutes);
                let overdue: u32 = reviews.iter().map(|review| review.minutes).sum();
                reviews.extend(self.take(date, (minutes - overdue).saturating_sub(next)));
                reviews
            }
            _ => self.take(date, minutes),
        };
        (reviews.iter().map(|review| review.minutes).sum(), reviews)
    }

    /// A document finished on `date` gets its first review.
    fn studied(&mut self, date: NaiveDate, pieces: &[Piece]) {
        let Some(model) = self.model.clone() else {
            return;
        };
        for piece in pieces {
            let Some((left, minutes)) = self.studying.get_mut(&piece.doc) else {
                continue;
            };
            *left = left.saturating_sub(piece.minutes);
            if *left > 0 {
                continue;
            }
            let minutes = *minutes;
            self.studying.remove(&piece.doc);
            self.schedule(piece.doc, date, model.learned(), minutes, &*model);
        }
    }

    /// Whether the reviews are over on `date` once the new material is: none waiting is due by
    /// then, and the plan does not go on placing reviews past it.
    fn clear_by(&self, date: NaiveDate) -> bool {
        let none_due = (self.waiting.first_key_value()).is_none_or(|(&(due, _), _)| due > date);
        none_due && self.until.is_none_or(|until| date >= until)
    }
}
