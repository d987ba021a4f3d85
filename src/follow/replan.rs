//! Re-planning the followed plan: the past kept as it happened (rebuilt from the progress file),
//! what is left packed again from a day with the plan's own choices of time: the same days,
//! sittings, days off and busy calendars, at its time of day unless another is given.

use super::baseline::{Baseline, FollowedSettings, ReviewSettings};
use super::past::{Worked, past_sittings};
use crate::availability::busy::BusyCalendar;
use crate::availability::{Availability, DateRange, over_busy_horizon};
use crate::curriculum::Curriculum;
use crate::error::{Error, Invalid, KeptFile, Problem};
use crate::graph::PrereqGraph;
use crate::plan::forecast::Logged;
use crate::plan::review::Reviews;
use crate::plan::settings::TimeChoices;
use crate::plan::{ByDate, Plan, Planner, Studied, WeeklyMinutes};
use crate::progress::Progress;
use crate::time::clock::Clock;
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use std::path::Path;

/// The followed plan's settings, resumed from a day: what is left of its selection, with what
/// was studied that week counted, on the same days, around the same days off and calendars.
pub struct Resumed<'a> {
    planner: Planner<'a>,
    today: NaiveDate,
    choices: TimeChoices,
    /// The followed plan's weekly time.
    pub weekly: WeeklyMinutes,
    studied: Studied,
    skip: Vec<DateRange>,
    calendar: Option<(BusyCalendar, Clock)>,
    /// The reviews it places, as chosen; a re-plan keeps them.
    review: Option<ReviewSettings>,
}

/// What the followed plan is resumed with besides itself.
pub struct Resume<'a> {
    pub curriculum: &'a Curriculum,
    pub graph: &'a PrereqGraph,
    pub progress: &'a Progress,
    /// The day it resumes from.
    pub today: NaiveDate,
    /// Its busy calendars, read, with the clock its sittings start by; none without calendars.
    pub calendar: Option<(BusyCalendar, Clock)>,
    /// The baseline's file, for errors.
    pub file: &'a Path,
    /// The reviews to place in the sittings, with the settings they come from (the followed
    /// plan's, or those a re-plan is asked for); none plans new material only.
    pub reviews: Option<(ReviewSettings, Reviews)>,
}

impl<'a> Resumed<'a> {
    /// The baseline's settings resumed; an error names the file when one is not a setting
    /// learnpath plans with, or the selection is no longer in the curriculum.
    pub fn new(baseline: &Baseline, resume: Resume<'a>) -> Result<Resumed<'a>, Error> {
        let Resume {
            curriculum,
            graph,
            progress,
            today,
            calendar,
            file,
            reviews,
        } = resume;
        let settings: &FollowedSettings = &baseline.settings;
        let invalid = |error: super::SettingsError| Error::Kept {
            path: file.to_path_buf(),
            line: None,
            file: KeptFile::Baseline,
            problem: Problem::Invalid(Invalid::Settings(error)),
        };
        let choices = settings.choices().map_err(invalid)?;
        let weekly = settings.weekly_time().map_err(invalid)?;
        let done = progress.done_set(curriculum);
        let selection = baseline.selection(curriculum)?;
        let planner = Planner::new(curriculum, graph, selection, &done)
            .with_partial(progress.partly_done(curriculum));
        let (review, planner) = match reviews {
            Some((review, reviews)) => (Some(review), planner.with_reviews(reviews)),
            None => (None, planner),
        };
        Ok(Resumed {
            planner,
            today,
            choices,
            weekly,
            studied: Studied::before(today, progress.studied(curriculum)),
            skip: settings.skip.clone(),
            calendar,
            review,
        })
    }

    /// Runs `make` with the planner over the availability.
    fn over<T>(
        &self,
        make: impl Fn(&Planner<'a>) -> Result<T, Error>,
        finish: impl Fn(&T) -> Option<NaiveDate>,
    ) -> Result<T, Error> {
        let calendar = self
            .calendar
            .as_ref()
            .map(|(calendar, clock)| (calendar, clock));
        over_busy_horizon(
            calendar,
            self.today,
            |busy| {
                let availability = Availability {
                    skip: self.skip.clone(),
                    busy,
                };
                make(&self.planner.clone().with_availability(availability))
            },
            finish,
        )
    }

    /// What is left, from today, at a weekly time.
    pub fn plan(&self, weekly: WeeklyMinutes) -> Result<Plan, Error> {
        self.over(
            |planner| planner.plan(&self.choices.settings(self.today, weekly, self.studied)),
            |plan| plan.summary.finish_date,
        )
    }

    /// What is left, from today, with its finish-date forecast (and the chance of finishing
    /// by `by`).
    pub fn forecast(&self, logged: &[Logged], by: Option<NaiveDate>) -> Result<Plan, Error> {
        self.over(
            |planner| {
                let settings = self.choices.settings(self.today, self.weekly, self.studied);
                let plan = planner.plan(&settings)?;
                let forecast = planner.forecast(&plan, logged, by)?;
                Ok(Plan { forecast, ..plan })
            },
            |plan| plan.summary.finish_date,
        )
    }

    /// The fewest weekly hours that finish what is left by `by`.
    fn plan_by(&self, by: NaiveDate) -> Result<ByDate, Error> {
        self.over(
            |planner| {
                planner.plan_by(by, |weekly| {
                    self.choices.settings(self.today, weekly, self.studied)
                })
            },
            |made| match made {
                ByDate::Met(plan) | ByDate::Missed { fastest: plan } => plan.summary.finish_date,
            },
        )
    }

    /// The plan that keeps `finish` with the fewest weekly hours, or the fastest plan when none
    /// does (a finish already past included). With nothing left, the weekly time stays.
    fn keeping(&self, finish: NaiveDate) -> Result<Kept, Error> {
        let as_is = self.plan(self.weekly)?;
        if as_is.sessions.is_empty() {
            return Ok(Kept::NothingLeft(as_is));
        }
        Ok(match self.plan_by(finish.max(self.today))? {
            ByDate::Met(plan) if finish >= self.today => Kept::Met(plan),
            ByDate::Met(fastest) | ByDate::Missed { fastest } => Kept::Missed(fastest),
        })
    }
}

/// What keeping the followed finish came to.
enum Kept {
    Met(Plan),
    NothingLeft(Plan),
    Missed(Plan),
}

/// The time of day a re-plan is made at, which the new baseline keeps: the one given, else the
/// followed plan's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeOfDay {
    pub at: Option<NaiveTime>,
    pub tz: Option<Tz>,
}

/// What a re-plan came to.
#[derive(Debug)]
pub enum Replanned {
    /// The new baseline.
    Made(Box<Made>),
    /// No weekly time keeps the followed finish; the fastest plan there is.
    Missed {
        finish: NaiveDate,
        fastest: Box<Plan>,
    },
}

/// A re-plan made: the new baseline, the past sittings as they happened (`kept` of them), then
/// `plan`.
#[derive(Debug)]
pub struct Made {
    pub baseline: Baseline,
    pub plan: Plan,
    pub kept: usize,
    /// The finish was to be kept but nothing is left: the weekly time stays as it was.
    pub nothing_left: bool,
}

/// The followed plan `old` made again from `resumed`'s day: what is left re-packed (with the
/// fewest weekly hours that keep its finish, when `keep_finish`), the past as it happened.
pub fn replan(
    old: &Baseline,
    resumed: &Resumed,
    progress: &Progress,
    keep_finish: bool,
    time: TimeOfDay,
) -> Result<Replanned, Error> {
    let (plan, nothing_left) = match old.finish().filter(|_| keep_finish) {
        None => (resumed.plan(resumed.weekly)?, false),
        Some(finish) => match resumed.keeping(finish)? {
            Kept::Met(plan) => (plan, false),
            Kept::NothingLeft(plan) => (plan, true),
            Kept::Missed(fastest) => {
                let fastest = Box::new(fastest);
                return Ok(Replanned::Missed { finish, fastest });
            }
        },
    };
    let worked = Worked::of(old, progress);
    let past = past_sittings(&worked, resumed.today);
    let kept = past.len();
    let baseline = Baseline {
        made: resumed.today,
        selection: old.selection.clone(),
        settings: FollowedSettings {
            weekly_minutes: plan.settings.weekly_minutes.get(),
            at: time.at,
            tz: time.tz,
            review: resumed.review,
            ..old.settings.clone()
        },
        sessions: past.into_iter().chain(Baseline::sittings(&plan)).collect(),
    };
    Ok(Replanned::Made(Box::new(Made {
        baseline,
        plan,
        kept,
        nothing_left,
    })))
}
