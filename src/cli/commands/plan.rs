//! `plan` and `export`: the plan the options ask for, shown or written out.

use super::super::Failure;
use super::super::args::{ExportFormat, PlanFormat, PlanOptions};
use super::super::settings::{Context, PlanRequest, Timing};
use super::calendar::CalendarExport;
use super::output::{check_output, write_output};
use super::planned_reviews::reviews;
use chrono::NaiveDate;
use learnpath::availability::busy::BusyCalendar;
use learnpath::availability::over_busy_horizon;
use learnpath::calendar::Reminder;
use learnpath::curriculum::duration::format_minutes;
use learnpath::error::exit;
use learnpath::plan::{ByDate, Plan, Planner};
use learnpath::render::{csv, json, markdown, plan as plan_render, sheet, wrap};
use learnpath::words::count;
use learnpath::{Error, Opened};
use std::io::Write;
use std::path::PathBuf;

/// What building a plan came to.
pub(super) enum Outcome {
    /// The plan; with `--by`, the deadline it was made for.
    Planned { plan: Plan, by: Option<NaiveDate> },
    /// No weekly hours finish by the deadline; the fastest plan there is.
    Missed { by: NaiveDate, fastest: Plan },
}

/// The busy calendars; when one that cannot be read is saved in the profile, a note says how to
/// remove it from there.
fn read_busy(request: &PlanRequest, context: &Context) -> Result<BusyCalendar, Failure> {
    BusyCalendar::read(&request.busy).map_err(|error| {
        let saved = &request.busy[..request.saved_busy];
        if let Error::Calendar { path, .. } = &error
            && saved.contains(path)
        {
            context.report.note(format!(
                "{} is a busy calendar saved in your profile; `learnpath profile unset busy {}` removes it",
                path.display(),
                path.display()
            ));
        }
        Failure::from(error)
    })
}

/// Builds the plan the options (and the profile) ask for, with the reviews they ask for placed
/// in the sittings; the request it was made from. Busy calendars are read against the
/// request's clock: when sittings start (`--at`, `--tz`).
pub(super) fn build(
    options: &PlanOptions,
    context: &Context,
    opened: &Opened,
) -> Result<(Outcome, PlanRequest), Failure> {
    let request = PlanRequest::resolve(options, context, opened)?;
    let calendar = match request.busy.is_empty() {
        true => None,
        false => Some(read_busy(&request, context)?),
    };
    let clock = calendar.as_ref().map(|_| request.clock(context));
    let planner = Planner::new(
        &opened.curriculum,
        &opened.graph,
        request.selection.clone(),
        &request.done,
    )
    .with_partial(request.partial.iter().cloned());
    let reviews = reviews(request.review, context, &opened.curriculum, request.start())?;
    let planner = match reviews {
        Some(reviews) => planner.with_reviews(reviews),
        None => planner,
    };
    let outcome = over_busy_horizon(
        calendar.as_ref().zip(clock),
        request.start(),
        |busy| {
            let planner = planner
                .clone()
                .with_availability(request.availability(busy));
            let (plan, by) = match request.timing {
                Timing::Hours(weekly) => (planner.plan(&request.settings(weekly))?, None),
                Timing::By(by) => match planner.plan_by(by, |weekly| request.settings(weekly))? {
                    ByDate::Met(plan) => (plan, Some(by)),
                    ByDate::Missed { fastest } => return Ok(Outcome::Missed { by, fastest }),
                },
            };
            let forecast = planner.forecast(&plan, &request.logged, by)?;
            Ok::<_, Error>(Outcome::Planned {
                plan: Plan { forecast, ..plan },
                by,
            })
        },
        |outcome| match outcome {
            Outcome::Planned { plan, .. } | Outcome::Missed { fastest: plan, .. } => {
                plan.summary.finish_date
            }
        },
    )?;
    Ok((outcome, request))
}

/// Things the learner should know about their settings, and a deadline the forecast says is
/// more likely missed than a learner would want.
pub(super) fn say_notes(plan: &Plan, context: &Context) {
    for note in &plan.notes {
        context.report.note(learnpath::render::notes::text(note));
    }
    if let Some(forecast) = &plan.forecast
        && let (Some(by), Some(chance)) = (forecast.by, forecast.chance_by)
        && chance < 0.8
    {
        context.report.warning(format!(
            "the chance of finishing by {by} is {:.0}% (likely finish {}, 80% by {}); plan more weekly time or a later date",
            chance * 100.0,
            forecast.p50,
            forecast.p90
        ));
    }
}

/// "To finish by DATE, study H h a week": the weekly time the plan was made with (half-hour
/// steps: one decimal is exact), and the most it uses in any week when that is less.
pub(super) fn met_answer(by: NaiveDate, plan: &Plan) -> String {
    let allowed = plan.settings.weekly_minutes.get();
    let busiest = plan.busiest_week_minutes();
    let used = if busiest < allowed {
        format!(" (its busiest week uses {})", format_minutes(busiest))
    } else {
        String::new()
    };
    format!(
        "To finish by {by}, study {:.1} h a week{used}.",
        plan.settings.weekly_minutes.hours()
    )
}

pub(super) fn missed_answer(by: NaiveDate, fastest: &Plan) -> String {
    format!(
        "No weekly hours are enough to finish by {by}: even the most this schedule can use ({} a week on {}, sessions up to {}) finishes on {}.\nAdd study days (--days) or allow longer sessions (--session).",
        format_minutes(fastest.settings.usable_weekly_minutes()),
        fastest.settings.days,
        format_minutes(fastest.settings.effective_session()),
        fastest
            .summary
            .finish_date
            .map_or_else(|| "-".to_string(), |date| date.to_string()),
    )
}

/// `plan`: the table (with the `--by` answer above it), JSON or Markdown. Only the table has
/// room for prose; elsewhere the answer goes to standard error.
pub(super) fn plan(
    options: &PlanOptions,
    format: PlanFormat,
    explain: bool,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let table = format == PlanFormat::Table;
    let width = context.style.width;
    let plan = match build(options, context, &context.open()?)?.0 {
        Outcome::Missed { by, fastest } => {
            let answer = missed_answer(by, &fastest);
            if table {
                wrap::wrapped(out, width, |w| writeln!(w, "{answer}"))?;
            } else {
                context.report.reason(answer);
            }
            return Ok(exit::NO);
        }
        Outcome::Planned { plan, by } => {
            if let Some(by) = by {
                let answer = met_answer(by, &plan);
                if table {
                    wrap::wrapped(out, width, |w| writeln!(w, "{answer}\n"))?;
                } else {
                    context.report.prose(answer);
                }
            }
            plan
        }
    };
    say_notes(&plan, context);
    match format {
        PlanFormat::Table => {
            plan_render::render(&plan, context.style, out)?;
            if explain {
                plan_render::explain(&plan, width, out)?;
            }
        }
        PlanFormat::Json => json::plan(&plan, out)?,
        PlanFormat::Markdown => markdown::render(&plan, out)?,
    }
    Ok(exit::OK)
}

/// The plan to write out (export, follow, report, sync), with the notes about it said; none when no weekly
/// time meets the deadline (said too: the command exits 1).
pub(super) fn planned(
    options: &PlanOptions,
    context: &Context,
    opened: &Opened,
) -> Result<Option<(Plan, PlanRequest)>, Failure> {
    let (outcome, request) = build(options, context, opened)?;
    let plan = match outcome {
        Outcome::Missed { by, fastest } => {
            context.report.reason(missed_answer(by, &fastest));
            return Ok(None);
        }
        Outcome::Planned { plan, by } => {
            if let Some(by) = by {
                context.report.prose(met_answer(by, &plan));
            }
            plan
        }
    };
    say_notes(&plan, context);
    Ok(Some((plan, request)))
}

/// `export --format ics`: the calendar, with the events of an earlier export that are no longer
/// planned cancelled; nothing written when there are no events at all.
fn export_ics(
    plan: &Plan,
    request: &PlanRequest,
    export: Export,
    opened: &Opened,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    // Refused before the calendar record moves on, not after.
    check_output(export.output.as_deref(), context, &opened.curriculum)?;
    let reminders = request.reminders(&export.remind);
    let clock = request.clock(context);
    let calendar = CalendarExport::new(plan, clock, &reminders, &opened.curriculum, context)?;
    if calendar.events == 0 {
        context.report.note(
            "no calendar written: nothing is left to study and no exported event needs cancelling",
        );
        return Ok(exit::OK);
    }
    write_output(
        export.output,
        &calendar.bytes,
        context,
        &opened.curriculum,
        out,
        &calendar.what,
    )?;
    Ok(exit::OK)
}

/// What `export` writes, and where.
pub(super) struct Export {
    pub format: ExportFormat,
    pub output: Option<PathBuf>,
    pub remind: Vec<Reminder>,
}

/// `export`: the plan as a calendar, a spreadsheet, JSON or Markdown, to a file or stdout.
pub(super) fn export(
    options: &PlanOptions,
    export: Export,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let Some((plan, request)) = planned(options, context, &opened)? else {
        return Ok(exit::NO);
    };
    let clock = request.clock(context);
    let utc = match export.format {
        ExportFormat::Ics => Some(true),
        ExportFormat::Csv | ExportFormat::Sheet => Some(false),
        ExportFormat::Json | ExportFormat::Markdown => None,
    };
    if let Some(utc) = utc
        && let Some(date) = plan.past_year_9999(clock, utc)
    {
        return Err(Error::SessionPastYear9999 { date, utc }.into());
    }
    let what = count(plan.sessions.len(), "session");
    let mut bytes = Vec::new();
    match export.format {
        ExportFormat::Ics => return export_ics(&plan, &request, export, &opened, context, out),
        ExportFormat::Csv => csv::render(&plan, clock, &mut bytes)?,
        ExportFormat::Sheet => {
            let progress = context.progress_again(&opened.curriculum)?;
            let baseline = context.followed(&opened.curriculum, &request.selection)?;
            sheet::render(&plan, &progress, baseline.as_ref(), &mut bytes)?
        }
        ExportFormat::Json => json::plan(&plan, &mut bytes)?,
        ExportFormat::Markdown => markdown::render(&plan, &mut bytes)?,
    }
    write_output(
        export.output,
        &bytes,
        context,
        &opened.curriculum,
        out,
        &what,
    )?;
    Ok(exit::OK)
}
