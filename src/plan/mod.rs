//! The study plan: selection, order, packing and dates, as plain data.

pub mod days;
pub mod done;
pub mod fill;
pub mod forecast;
pub mod notes;
pub mod ready;
pub mod review;
pub mod runs;
pub mod schedule;
pub mod select;
pub mod settings;
pub mod shape;

pub use done::DoneSet;
pub use notes::Note;
pub use schedule::{Part, PartlyDone};
pub use select::{Needed, Selection, needed};
pub use settings::{SessionMinutes, Settings, Studied, StudyDays, WeeklyMinutes};
pub use shape::{
    BlockReason, BlockedDay, DoneDoc, IdleDay, IdleReason, Item, ItemKind, LabelMet, Plan,
    SCHEMA_VERSION, Session, SpecializationMinutes, Summary,
};

use crate::availability::{self, Availability, Blocked};
use crate::curriculum::{Curriculum, DocId};
use crate::error::Error;
use crate::graph::PrereqGraph;
use chrono::{Datelike, NaiveDate};
use schedule::{Packed, Sitting};
use std::collections::BTreeMap;

fn hours(minutes: u32) -> f64 {
    (f64::from(minutes) / 60.0 * 100.0).round() / 100.0
}

/// The answer of [`Planner::plan_by`].
#[derive(Debug, Clone)]
pub enum ByDate {
    /// The plan with the fewest weekly hours that finishes in time.
    Met(Plan),
    /// No weekly hours are enough; this is the plan that finishes soonest.
    Missed { fastest: Plan },
}

/// Everything that does not depend on the learner's hours: what to study and in which order.
#[derive(Debug, Clone)]
pub struct Planner<'a> {
    curriculum: &'a Curriculum,
    graph: &'a PrereqGraph,
    selection: Selection,
    order: Vec<DocId>,
    /// The done documents the selection needs, shown as done in the plan.
    done: Vec<DocId>,
    /// Everything done (milestones look past the selection).
    done_set: DoneSet,
    /// Dates skipped and busy time, beyond the weekly pattern.
    availability: Availability,
    /// What is done of documents not done yet: only the rest is planned.
    partly: BTreeMap<DocId, PartlyDone>,
    /// The reviews to place in the sittings; none plans new material only.
    reviews: Option<review::Reviews>,
}

impl<'a> Planner<'a> {
    /// `done` holds the documents already studied.
    pub fn new(
        curriculum: &'a Curriculum,
        graph: &'a PrereqGraph,
        selection: Selection,
        done: &DoneSet,
    ) -> Self {
        let all = select::needed(curriculum, graph, &selection, &DoneSet::none(curriculum));
        let needed = select::needed(curriculum, graph, &selection, done);
        Planner {
            curriculum,
            graph,
            order: schedule::order(curriculum, graph, &needed),
            done: all.ids().filter(|&id| done.contains(id)).collect(),
            done_set: done.clone(),
            availability: Availability::default(),
            partly: BTreeMap::new(),
            reviews: None,
            selection,
        }
    }

    /// The same planner, placing reviews in the sittings before new material: those of
    /// `reviews`, and the first review of each document the plan studies.
    pub fn with_reviews(self, reviews: review::Reviews) -> Self {
        Planner {
            reviews: Some(reviews),
            ..self
        }
    }

    /// The reviews waiting to be placed when packing starts.
    fn agenda(&self, settings: &Settings) -> review::Agenda {
        let Some(reviews) = &self.reviews else {
            return review::Agenda::none();
        };
        let planned = self.order.iter().map(|&doc| (doc, self.minutes_left(doc)));
        review::Agenda::new(
            reviews,
            planned,
            |doc| self.curriculum.doc(doc).minutes,
            settings,
        )
    }

    /// The same planner, planning only what is left of partly done documents: each with the
    /// minutes done (a number of minutes, or a [`PartlyDone`] with the parts of its split
    /// recorded done). A document planned for 90 minutes with 45 done is planned for 45; see
    /// [`schedule::pieces_left`]. Documents done or not in the plan are ignored.
    pub fn with_partial<P: Into<PartlyDone>>(
        self,
        done: impl IntoIterator<Item = (DocId, P)>,
    ) -> Self {
        let mut partly = self.partly;
        for (id, done) in done {
            let done = done.into();
            if done.minutes > 0 && !self.done_set.contains(id) {
                partly.insert(id, done);
            }
        }
        Planner { partly, ..self }
    }

    /// The same planner, with dates skipped and busy time taken into account.
    pub fn with_availability(self, availability: Availability) -> Self {
        Planner {
            availability,
            ..self
        }
    }

    /// The finish-date forecast of a plan this planner made: its documents' minutes (what is
    /// left of each) drawn from the learner's logged times, each run packed as the plan is, on
    /// its calendar.
    pub fn forecast(
        &self,
        plan: &Plan,
        logged: &[forecast::Logged],
        by: Option<NaiveDate>,
    ) -> Result<Option<forecast::Forecast>, Error> {
        let (estimates, mut placement) = self.placement(plan);
        // A forecast that runs past what calendars hold (year 9999) or finds no free day is no
        // forecast; the plan itself stands.
        match forecast::forecast(&estimates, logged, &mut placement, by) {
            Err(Error::PastYear9999 | Error::NothingFits { .. }) => Ok(None),
            other => other,
        }
    }

    /// What a forecast of `plan` places: the minutes planned for each document (what is left
    /// of it), in study order, and where its runs land: packed as the plan is, for a plan of
    /// at most [`runs::PACKED_UP_TO`] documents, else along the plan's own sittings. A plan of
    /// whole documents (`--whole`) follows its own sittings too: packing whole documents is
    /// not monotone (a document drawn a little shorter can fit a week earlier), so runs packed
    /// afresh would put the median before a finish the plan itself cannot keep.
    pub fn placement<'s>(&'s self, plan: &'s Plan) -> (Vec<u32>, runs::Placement<'s>) {
        if self.order.len() <= runs::PACKED_UP_TO && !plan.settings.whole {
            let reserved = review::Reserved::of(plan);
            let (estimates, packing) = self.packing(&plan.settings, reserved);
            return (estimates, runs::Placement::Packed(packing));
        }
        let estimates = self
            .order
            .iter()
            .map(|&doc| self.minutes_left(doc))
            .collect();
        let curve = runs::PlanCurve::new(plan, &self.availability);
        (estimates, runs::Placement::Curve(curve))
    }

    /// The minutes planned for each document, in study order, and the placer that packs a
    /// run's minutes as the plan for `settings` is packed, keeping the plan's review minutes
    /// (`reserved`) free. Placing the planned minutes themselves gives the plan's finish.
    pub fn packing<'s>(
        &'s self,
        settings: &'s Settings,
        reserved: review::Reserved,
    ) -> (Vec<u32>, runs::Packing<'s>) {
        let queue = self.queue();
        let estimates = queue.minutes().to_vec();
        let pieces = settings.whole.then(|| {
            schedule::pieces_left(
                self.curriculum,
                &self.order,
                settings.longest_sitting(),
                &self.partly,
            )
        });
        let packing = runs::Packing::new(queue, pieces, settings, &self.availability, reserved);
        (estimates, packing)
    }

    /// The documents of the plan, in study order.
    pub fn order(&self) -> &[DocId] {
        &self.order
    }

    pub fn plan(&self, settings: &Settings) -> Result<Plan, Error> {
        let mut agenda = self.agenda(settings);
        let packed = if settings.whole {
            let pieces = schedule::pieces_left(
                self.curriculum,
                &self.order,
                settings.longest_sitting(),
                &self.partly,
            );
            schedule::pack_with(&pieces, &mut agenda, settings, &self.availability)?
        } else {
            let queue = self.queue();
            let mut packed = fill::fill_with(&queue, &mut agenda, settings, &self.availability)?;
            fill::label(&mut packed, |doc| self.partly.contains_key(&doc));
            packed
        };
        Ok(self.assemble(settings, packed))
    }

    /// The documents of the plan in order, each with what is left of it and what it requires
    /// among them (hard prerequisites, and soft ones the order put first).
    fn queue(&self) -> fill::Queue {
        let curriculum = self.curriculum;
        let mut position = vec![usize::MAX; curriculum.docs.len()];
        for (index, &doc) in self.order.iter().enumerate() {
            position[doc.0] = index;
        }
        let minutes = self
            .order
            .iter()
            .map(|&doc| self.minutes_left(doc))
            .collect();
        fill::Queue::new(self.order.clone(), minutes, |index| {
            let doc = curriculum.doc(self.order[index]);
            doc.prerequisites
                .iter()
                .chain(&doc.soft_prerequisites)
                .map(|required| position[required.0])
                .filter(|&at| at != usize::MAX)
                .collect::<Vec<_>>()
        })
    }

    /// What is left of a document (see [`schedule::rest_of`]).
    fn minutes_left(&self, doc: DocId) -> u32 {
        let minutes = self.curriculum.doc(doc).minutes;
        self.partly
            .get(&doc)
            .map_or(minutes, |done| schedule::rest_of(minutes, done))
    }

    /// The smallest weekly hours, in half-hour steps up to the most there are, whose plan
    /// finishes on or before `by`; or, when none does, the fastest plan there is. More weekly
    /// time almost never finishes later (capacities only grow; but days spread for more hours
    /// give shorter sittings), so a bisection finds it with a handful of plans, and half an
    /// hour less is checked to miss.
    pub fn plan_by(
        &self,
        by: NaiveDate,
        settings_for: impl Fn(WeeklyMinutes) -> Settings,
    ) -> Result<ByDate, Error> {
        let start = settings_for(half_hours(1)?).start;
        if by < start {
            return Err(Error::ByBeforeStart { by, start });
        }
        let most = self.most_useful_step(&settings_for)?;
        let fastest = self.plan(&settings_for(half_hours(most)?))?;
        let meets = |plan: &Plan| plan.summary.finish_date.is_none_or(|finish| finish <= by);
        if !meets(&fastest) {
            return Ok(ByDate::Missed { fastest });
        }
        // The least step that meets lies in (missed, met].
        let (mut missed, mut met, mut best) = (0, most, fastest);
        while met - missed > 1 {
            let step = missed + (met - missed) / 2;
            let plan = self.plan(&settings_for(half_hours(step)?))?;
            if meets(&plan) {
                (met, best) = (step, plan);
            } else {
                missed = step;
            }
        }
        // More hours finishing later is rare but not ruled out (property tests find none on
        // the same days); so half an hour less is tried until it misses.
        while met > 1 {
            let plan = self.plan(&settings_for(half_hours(met - 1)?))?;
            if !meets(&plan) {
                break;
            }
            (met, best) = (met - 1, plan);
        }
        Ok(ByDate::Met(best))
    }

    /// The half-hour step past which more weekly time gives the same plan: the days and
    /// sessions have settled at those of the most hours and hold less than the week allows.
    /// Settings only, no plan is built.
    fn most_useful_step(
        &self,
        settings_for: &impl Fn(WeeklyMinutes) -> Settings,
    ) -> Result<u32, Error> {
        let steps = (settings::MAX_WEEKLY_HOURS * 2.0) as u32;
        let most = settings_for(half_hours(steps)?);
        for step in 1..steps {
            let settings = settings_for(half_hours(step)?);
            let settled =
                (settings.days, settings.session_minutes) == (most.days, most.session_minutes);
            if settled && settings.more_hours_cannot_help() {
                return Ok(step);
            }
        }
        Ok(steps)
    }

    fn assemble(&self, settings: &Settings, packed: Packed) -> Plan {
        let curriculum = self.curriculum;
        let blocked: Vec<BlockedDay> = packed
            .blocked
            .iter()
            .map(|&(date, by)| self.blocked_day(settings, date, by))
            .collect();
        let idle = packed
            .idle
            .iter()
            .map(|&(date, idle)| idle_day(date, idle))
            .collect();
        let mut notes = notes::settings(settings);
        notes.extend(notes::blocked(&blocked));
        notes.extend(notes::shortened(&packed.shortened, |date| {
            self.availability.busy_sources(date)
        }));
        let sessions = self.sessions(packed.sittings);
        let summary = self.summarize(&sessions);
        Plan {
            schema_version: SCHEMA_VERSION,
            curriculum: curriculum.name.clone(),
            selection: self.selection.describe(curriculum),
            role: self
                .selection
                .role
                .map(|role| curriculum.role(role).name.clone()),
            specializations: self
                .selection
                .specializations
                .iter()
                .map(|&spec| curriculum.specialization_section(spec).id.clone())
                .collect(),
            targets: self.selection.target_names.clone(),
            settings: *settings,
            done: self
                .done
                .iter()
                .map(|&id| DoneDoc {
                    doc: curriculum.doc_ref(id),
                    link: curriculum.link(id),
                })
                .collect(),
            sessions,
            summary,
            blocked,
            idle,
            notes,
            forecast: None,
        }
    }

    /// A study day the availability took away, with why.
    fn blocked_day(&self, settings: &Settings, date: NaiveDate, by: Blocked) -> BlockedDay {
        let capacity = settings.day_capacity(date.weekday());
        let (reason, free_minutes) = match (by, self.availability.busy_block(date, capacity)) {
            (Blocked::Skip, _) => (BlockReason::Skip, None),
            (Blocked::Busy, Some(availability::BusyBlock::TooShort { free })) => {
                (BlockReason::TooShort, Some(free))
            }
            (Blocked::Busy, _) => (BlockReason::AllDay, None),
        };
        BlockedDay {
            date,
            by,
            reason,
            free_minutes,
            sources: match by {
                Blocked::Busy => self.availability.busy_sources(date).to_vec(),
                Blocked::Skip => Vec::new(),
            },
        }
    }

    /// The sittings as numbered, dated sessions with running totals.
    fn sessions(&self, sittings: Vec<Sitting>) -> Vec<Session> {
        let mut cumulative = 0;
        sittings
            .into_iter()
            .enumerate()
            .map(|(index, sitting)| {
                let items: Vec<Item> = (sitting.reviews.iter().map(|r| self.review_item(r)))
                    .chain(sitting.pieces.iter().map(|piece| self.item(piece)))
                    .collect();
                let minutes: u32 = items.iter().map(|item| item.minutes).sum();
                cumulative += minutes;
                let week = sitting.date.iso_week();
                Session {
                    number: index + 1,
                    date: sitting.date,
                    delay_minutes: sitting.delay,
                    weekday: sitting.date.format("%a").to_string(),
                    iso_week: format!("{}-W{:02}", week.year(), week.week()),
                    items,
                    minutes,
                    cumulative_minutes: cumulative,
                    cumulative_hours: hours(cumulative),
                }
            })
            .collect()
    }

    /// New material: a document, or a part of one.
    fn item(&self, piece: &schedule::Piece) -> Item {
        let doc = self.curriculum.doc(piece.doc);
        Item {
            doc: piece.doc,
            path: doc.path.clone(),
            title: doc.title.clone(),
            minutes: piece.minutes,
            done_minutes: self.partly.get(&piece.doc).map_or(0, |done| done.minutes),
            part: piece.part,
            part_of_rest: piece.part_of_rest,
            link: self.curriculum.link(piece.doc),
            estimated: doc.estimated,
            kind: ItemKind::Study,
            due: None,
            recall: None,
        }
    }

    /// A review of a document studied before.
    fn review_item(&self, review: &review::Placed) -> Item {
        let doc = self.curriculum.doc(review.doc);
        Item {
            doc: review.doc,
            path: doc.path.clone(),
            title: doc.title.clone(),
            minutes: review.minutes,
            done_minutes: 0,
            part: None,
            part_of_rest: false,
            link: self.curriculum.link(review.doc),
            estimated: false,
            kind: ItemKind::Review,
            due: Some(review.due),
            recall: Some((f64::from(review.recall) * 1000.0).round() / 1000.0),
        }
    }

    fn summarize(&self, sessions: &[Session]) -> Summary {
        let curriculum = self.curriculum;
        let total_minutes: u32 = sessions.iter().map(|session| session.minutes).sum();
        let specializations: Vec<SpecializationMinutes> = self
            .selection
            .specializations
            .iter()
            .map(|&spec| {
                let section_index = curriculum.specialization(spec).section;
                let section = curriculum.section(section_index);
                SpecializationMinutes {
                    id: section.id.clone(),
                    title: section.title.clone(),
                    // What is left of them: the minutes of their pieces in the sessions.
                    minutes: sessions
                        .iter()
                        .flat_map(|session| &session.items)
                        .filter(|item| !item.is_review())
                        .filter(|item| curriculum.doc(item.doc).section == Some(section_index))
                        .map(|item| item.minutes)
                        .sum(),
                }
            })
            .collect();
        let specialization_minutes: u32 = specializations.iter().map(|spec| spec.minutes).sum();
        let reviews = || {
            sessions
                .iter()
                .flat_map(|session| &session.items)
                .filter(|item| item.is_review())
        };
        let review_minutes: u32 = reviews().map(|item| item.minutes).sum();
        let weeks = match (sessions.first(), sessions.last()) {
            (Some(first), Some(last)) => {
                let monday = |date: NaiveDate| {
                    date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
                };
                ((monday(last.date) - monday(first.date)).num_days() / 7 + 1) as usize
            }
            _ => 0,
        };
        Summary {
            documents: self.order.len(),
            total_minutes,
            total_hours: hours(total_minutes),
            sessions: sessions.len(),
            weeks,
            first_date: sessions.first().map(|session| session.date),
            finish_date: sessions.last().map(|session| session.date),
            specializations,
            prerequisite_minutes: total_minutes - specialization_minutes - review_minutes,
            labels: self.labels(sessions),
            reviews: reviews().count(),
            review_minutes,
        }
    }

    /// For each section the plan enters that has a prerequisite label: when everything the
    /// section's documents require from outside it is done. A requirement is met before the
    /// start when it is done, in a session when the plan studies it (and what it requires),
    /// and never when it is neither done nor planned. One pass over the graph in topological
    /// order, so this stays linear however many sections there are.
    fn labels(&self, sessions: &[Session]) -> Vec<LabelMet> {
        let curriculum = self.curriculum;
        let mut finished_in: Vec<Option<usize>> = vec![None; curriculum.docs.len()];
        for session in sessions {
            for item in session.items.iter().filter(|item| !item.is_review()) {
                finished_in[item.doc.0] = Some(session.number);
            }
        }
        let done = &self.done_set;
        let mut ready = vec![Reached::Never; curriculum.docs.len()];
        let everything = vec![true; curriculum.docs.len()];
        for id in self.graph.topological_order(&everything, |_| 0u8) {
            ready[id.0] = if done.contains(id) {
                Reached::Before
            } else if let Some(session) = finished_in[id.0] {
                curriculum
                    .doc(id)
                    .prerequisites
                    .iter()
                    .map(|p| ready[p.0])
                    .fold(Reached::In(session), Reached::max)
            } else {
                Reached::Never
            };
        }
        let mut labels = Vec::new();
        for index in curriculum.section_ids() {
            let section = curriculum.section(index);
            let Some(label) = &section.prerequisite_label else {
                continue;
            };
            if !section.docs.iter().any(|doc| finished_in[doc.0].is_some()) {
                continue;
            }
            let reached = section
                .docs
                .iter()
                .flat_map(|&doc| &curriculum.doc(doc).prerequisites)
                .filter(|p| curriculum.doc(**p).section != Some(index))
                .map(|p| ready[p.0])
                .fold(Reached::Before, Reached::max);
            let session = match reached {
                Reached::In(session) => Some(session),
                Reached::Before | Reached::Never => None,
            };
            labels.push(LabelMet {
                label: label.clone(),
                section: section.label(),
                reached: reached != Reached::Never,
                session,
                date: session.map(|number| sessions[number - 1].date),
            });
        }
        labels
    }
}

/// A study day with time and no sitting, as the plan shows it.
fn idle_day(date: NaiveDate, idle: schedule::Idle) -> IdleDay {
    let (minutes, reason) = match idle {
        schedule::Idle::WeekFull => (0, IdleReason::WeekFull),
        schedule::Idle::NothingFits { minutes } => (minutes, IdleReason::NothingFits),
    };
    IdleDay {
        date,
        minutes,
        reason,
    }
}

/// A weekly time of `step` half hours: the steps `--by` searches.
fn half_hours(step: u32) -> Result<WeeklyMinutes, settings::TimeError> {
    WeeklyMinutes::from_hours(f64::from(step) / 2.0)
}

/// When a document and all it requires are done: before the plan, in a session, or never
/// (something it requires is neither done nor planned). Ordered so that `max` is "the later".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reached {
    Before,
    In(usize),
    Never,
}
