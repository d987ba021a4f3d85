//! `follow`, `follow --show` and `replan`: saving the plan to follow, showing it, and making
//! what is left again from today with the past kept as it happened.

use super::super::args::{Format, PlanOptions, Window};
use super::super::settings::{Context, DEFAULT_AT, studied_before};
use super::super::{Failure, values};
use super::output::emit;
use super::plan::{planned, say_notes};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use learnpath::availability::busy::BusyCalendar;
use learnpath::availability::{Availability, DateRange, over_busy_horizon};
use learnpath::curriculum::duration::{format_hours, format_minutes};
use learnpath::error::{KeptFile, Problem, exit};
use learnpath::follow::{self, Baseline, BaselineStore, Changes, FollowedSettings, View, Worked};
use learnpath::plan::settings::Week;
use learnpath::plan::{ByDate, Plan, Planner, SessionMinutes, Settings, Studied, WeeklyMinutes};
use learnpath::progress::Progress;
use learnpath::render::{follow as follow_render, wrap};
use learnpath::time::clock::Clock;
use learnpath::time::zone;
use learnpath::words::count;
use learnpath::{Error, Opened};
use std::io::Write;
use std::path::PathBuf;

/// `follow`: the plan the options ask for becomes the baseline.
pub(super) fn follow(
    options: &PlanOptions,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let Some((plan, request)) = planned(options, context, &opened)? else {
        return Ok(exit::NO);
    };
    let store = context.baseline_store(&opened.curriculum)?;
    let baseline = Baseline::of(&plan, context.today, request.extras());
    let previous = store.save(&baseline)?;
    wrap::wrapped(out, context.style.width, |w| {
        match (baseline.first(), baseline.finish()) {
            (Some(first), Some(finish)) => writeln!(
                w,
                "Following the plan for {}: {}, {} from {first} to {finish}, {} a week.",
                plan.selection,
                count(plan.sessions.len(), "sitting"),
                format_minutes(plan.summary.total_minutes),
                format_hours(plan.settings.weekly_minutes.get()),
            )?,
            _ => writeln!(
                w,
                "Following the plan for {}: nothing is left to study.",
                plan.selection
            )?,
        }
        if let Some(previous) = &previous {
            changes(
                w,
                &format!("It replaces the plan saved {}", previous.made),
                previous,
                &baseline,
            )?;
        }
        writeln!(
            w,
            "Saved to {}; `learnpath status` tells you where you stand.",
            store.path().display()
        )
    })?;
    Ok(exit::OK)
}

/// What a new baseline changed, under a heading.
fn changes(
    w: &mut dyn Write,
    heading: &str,
    old: &Baseline,
    new: &Baseline,
) -> std::io::Result<()> {
    let changes = Changes::between(old, new);
    if changes.is_nothing() {
        return writeln!(w, "{heading}; nothing changed.");
    }
    writeln!(w, "{heading}:")?;
    for line in changes.lines() {
        writeln!(w, "  {line}")?;
    }
    Ok(())
}

/// `follow --show`: the followed plan, done documents ticked.
pub(super) fn show(format: Format, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let store = context.baseline_store(curriculum)?;
    let baseline = followed(&store)?;
    let (progress, _) = context.progress(curriculum)?;
    let view = View::of(
        &baseline,
        curriculum,
        &progress,
        store.path().display().to_string(),
    );
    emit(format, &view, follow_render::view, context, out)?;
    Ok(exit::OK)
}

/// The followed plan, or the error that says none is.
pub(super) fn followed(store: &BaselineStore) -> Result<Baseline, Error> {
    store.load()?.ok_or_else(|| Error::NotFollowing {
        path: store.path().to_path_buf(),
    })
}

/// `replan`: the past as it happened, what is left packed from today; at the followed plan's
/// time of day unless `window` gives another, which the new baseline keeps.
pub(super) fn replan(
    keep_finish: bool,
    window: Window,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let store = context.baseline_store(&opened.curriculum)?;
    let old = followed(&store)?;
    let (progress, _) = context.progress(&opened.curriculum)?;
    let resumed = Resumed::new(&old, window, &opened, &progress, context, store.path())?;
    let plan = match old.finish().filter(|_| keep_finish) {
        None => resumed.plan(resumed.weekly)?,
        Some(finish) => match keeping(&resumed, finish, context)? {
            Ok(plan) => plan,
            Err(fastest) => {
                context.report.reason(shortfall(finish, &fastest));
                return Ok(exit::NO);
            }
        },
    };
    say_notes(&plan, context);
    let worked = Worked::of(&old, &progress);
    let past = follow::past_sittings(&worked, context.today);
    let kept = past.len();
    let new = Baseline {
        made: context.today,
        selection: old.selection.clone(),
        settings: FollowedSettings {
            weekly_minutes: plan.settings.weekly_minutes.get(),
            at: window.at.map(values::time_text).or(old.settings.at.clone()),
            tz: window
                .tz
                .map(|tz| tz.name().to_string())
                .or(old.settings.tz.clone()),
            ..old.settings.clone()
        },
        sessions: past.into_iter().chain(Baseline::sittings(&plan)).collect(),
    };
    store.save(&new)?;
    wrap::wrapped(out, context.style.width, |w| {
        let heading = format!(
            "Re-planned from {}, keeping {} as {} happened",
            context.today,
            count(kept, "past sitting"),
            if kept == 1 { "it" } else { "they" }
        );
        changes(w, &heading, &old, &new)?;
        writeln!(
            w,
            "Saved to {}; see it with `learnpath follow --show`.",
            store.path().display()
        )
    })?;
    Ok(exit::OK)
}

/// When the followed plan's sittings start: --at and --tz when given, else the plan's own,
/// else 19:00 in the system's zone; a saved value that does not read is named.
fn followed_window(
    settings: &FollowedSettings,
    window: Window,
) -> Result<(NaiveTime, Option<Tz>), String> {
    let at = match window.at {
        Some(at) => Some(at),
        None => settings
            .at
            .as_deref()
            .map(values::time)
            .transpose()
            .map_err(|message| format!("at: {message}"))?,
    };
    let tz = match window.tz {
        Some(tz) => Some(tz),
        None => settings
            .tz
            .as_deref()
            .map(zone::parse_tz)
            .transpose()
            .map_err(|message| format!("tz: {message}"))?,
    };
    Ok((at.unwrap_or(DEFAULT_AT), tz))
}

/// The plan that keeps the followed finish with the fewest weekly hours, or the fastest plan
/// when none does (a finish already past included). With nothing left, the weekly time stays.
fn keeping(
    resumed: &Resumed,
    finish: NaiveDate,
    context: &Context,
) -> Result<Result<Plan, Plan>, Error> {
    let as_is = resumed.plan(resumed.weekly)?;
    if as_is.sessions.is_empty() {
        context
            .report
            .note("nothing is left to study: the weekly time stays as it is");
        return Ok(Ok(as_is));
    }
    Ok(match resumed.plan_by(finish.max(context.today))? {
        ByDate::Met(plan) if finish >= context.today => Ok(plan),
        ByDate::Met(fastest) | ByDate::Missed { fastest } => Err(fastest),
    })
}

/// No weekly time meets the finish: how much of the fastest plan is left after it.
fn shortfall(finish: NaiveDate, fastest: &Plan) -> String {
    let late: u32 = fastest
        .sessions
        .iter()
        .filter(|session| session.date > finish)
        .map(|session| session.minutes)
        .sum();
    format!(
        "No weekly time meets the finish {finish}: even the most these days hold ({} a week on {}, sittings up to {}) leaves {} of study after it, finishing on {}.\nAdd study days or allow longer sittings (`learnpath follow` with --days or --session), or run `learnpath replan` to move the finish.",
        format_minutes(fastest.settings.usable_weekly_minutes()),
        fastest.settings.days,
        format_minutes(fastest.settings.effective_session()),
        format_minutes(late),
        fastest
            .summary
            .finish_date
            .map_or_else(|| "-".to_string(), |date| date.to_string()),
    )
}

/// The followed plan's settings, resumed from today: what is left of its selection, with what
/// was studied this week counted, on the same days, around the same days off and calendars, at
/// the same time of day (unless --at or --tz say otherwise).
pub(super) struct Resumed<'a> {
    planner: Planner<'a>,
    today: NaiveDate,
    week: Option<Week>,
    session: Option<SessionMinutes>,
    pub weekly: WeeklyMinutes,
    studied: Studied,
    skip: Vec<DateRange>,
    calendar: Option<(BusyCalendar, Clock)>,
    whole: bool,
}

impl<'a> Resumed<'a> {
    pub fn new(
        baseline: &Baseline,
        window: Window,
        opened: &'a Opened,
        progress: &Progress,
        context: &Context,
        file: &std::path::Path,
    ) -> Result<Resumed<'a>, Error> {
        let curriculum = &opened.curriculum;
        let invalid = |message: String| Error::Kept {
            path: file.to_path_buf(),
            line: None,
            file: KeptFile::Baseline,
            problem: Problem::Invalid(message),
        };
        let settings = &baseline.settings;
        let (week, session) = settings.week_and_session().map_err(invalid)?;
        let weekly = settings.weekly_time().map_err(invalid)?;
        let skip = settings
            .skip
            .iter()
            .map(|text| values::skip(text).map(|(first, last)| DateRange::new(first, last)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|message| invalid(format!("skip: {message}")))?
            .into_iter()
            .flatten()
            .collect();
        let calendar = match settings.busy.is_empty() {
            true => None,
            false => {
                let paths = settings
                    .busy
                    .iter()
                    .map(|text| values::saved_busy(text))
                    .collect::<Result<Vec<PathBuf>, _>>()
                    .map_err(|message| invalid(format!("busy: {message}")))?;
                let (at, tz) = followed_window(settings, window).map_err(invalid)?;
                Some((BusyCalendar::read(&paths)?, context.clock(at, tz)))
            }
        };
        let done = progress.done_set(curriculum);
        Ok(Resumed {
            planner: Planner::new(
                curriculum,
                &opened.graph,
                baseline.selection(curriculum)?,
                &done,
            )
            .with_partial(progress.partly_done(curriculum)),
            today: context.today,
            week,
            session,
            weekly,
            studied: studied_before(curriculum, progress, context.today),
            skip,
            calendar,
            whole: settings.whole,
        })
    }

    fn settings(&self, weekly: WeeklyMinutes) -> Settings {
        Settings::for_week(self.today, weekly, self.week, self.session)
            .with_studied(self.studied)
            .with_whole(self.whole)
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
            |planner| planner.plan(&self.settings(weekly)),
            |plan| plan.summary.finish_date,
        )
    }

    /// What is left, from today, with its finish-date forecast (and the chance of finishing
    /// by `by`).
    pub fn forecast(
        &self,
        logged: &[learnpath::plan::forecast::Logged],
        by: Option<NaiveDate>,
    ) -> Result<Plan, Error> {
        self.over(
            |planner| {
                let plan = planner.plan(&self.settings(self.weekly))?;
                let forecast = planner.forecast(&plan, logged, by)?;
                Ok(Plan { forecast, ..plan })
            },
            |plan| plan.summary.finish_date,
        )
    }

    /// The fewest weekly hours that finish what is left by `by`.
    fn plan_by(&self, by: NaiveDate) -> Result<ByDate, Error> {
        self.over(
            |planner| planner.plan_by(by, |weekly| self.settings(weekly)),
            |made| match made {
                ByDate::Met(plan) | ByDate::Missed { fastest: plan } => plan.summary.finish_date,
            },
        )
    }
}
