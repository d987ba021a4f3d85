//! `follow`, `follow --show` and `replan`: saving the plan to follow, showing it, and making
//! what is left again from today with the past kept as it happened.

use super::super::Failure;
use super::super::args::{Format, PlanOptions, ReviewOptions, Window};
use super::super::settings::{Context, FollowRequest};
use super::output::emit;
use super::plan::{planned, say_notes};
use super::planned_reviews::reviews;
use chrono::NaiveDate;
use learnpath::curriculum::duration::{format_hours, format_minutes};
use learnpath::error::exit;
use learnpath::follow::{
    self, Baseline, BaselineStore, Changes, Made, Replanned, Resume, Resumed, View,
};
use learnpath::plan::Plan;
use learnpath::progress::Progress;
use learnpath::render::{follow as follow_render, wrap};
use learnpath::words::count;
use learnpath::{Error, Opened};
use std::io::Write;
use std::path::Path;

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
    review: &ReviewOptions,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let store = context.baseline_store(&opened.curriculum)?;
    let old = followed(&store)?;
    let (progress, _) = context.progress(&opened.curriculum)?;
    let request = FollowRequest::resolve(window, review, context, &old, store.path())?;
    let time = request.time;
    let resumed = resumed(&old, request, &opened, &progress, context, store.path())?;
    let (new, kept) = match follow::replan(&old, &resumed, &progress, keep_finish, time)? {
        Replanned::Missed { finish, fastest } => {
            context.report.reason(shortfall(finish, &fastest));
            return Ok(exit::NO);
        }
        Replanned::Made(made) => {
            let Made {
                baseline,
                plan,
                kept,
                nothing_left,
            } = *made;
            if nothing_left {
                context
                    .report
                    .note("nothing is left to study: the weekly time stays as it is");
            }
            say_notes(&plan, context);
            (baseline, kept)
        }
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

/// The followed plan resumed from today with the request's calendars and reviews (`replan`,
/// `status`).
pub(super) fn resumed<'a>(
    baseline: &Baseline,
    request: FollowRequest,
    opened: &'a Opened,
    progress: &'a Progress,
    context: &Context,
    file: &'a Path,
) -> Result<Resumed<'a>, Error> {
    let placed = reviews(request.review, context, &opened.curriculum, context.today)?;
    let resume = Resume {
        curriculum: &opened.curriculum,
        graph: &opened.graph,
        progress,
        today: context.today,
        calendar: request.calendar,
        file,
        reviews: request.review.zip(placed),
    };
    Resumed::new(baseline, resume)
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
