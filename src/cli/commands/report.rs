//! `report`: the plan `plan` would make, with the progress on it, as one HTML page.

use super::super::Failure;
use super::super::args::PlanOptions;
use super::super::settings::Context;
use super::output::write_output;
use super::plan::planned;
use learnpath::curriculum::Curriculum;
use learnpath::diagram::{self, Subject};
use learnpath::error::exit;
use learnpath::follow::Baseline;
use learnpath::plan::Selection;
use learnpath::progress::Progress;
use learnpath::render::report;
use learnpath::words::count;
use std::io::Write;
use std::path::PathBuf;

/// `report`: the page, to a file or standard output.
pub(super) fn report(
    options: &PlanOptions,
    output: Option<PathBuf>,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let Some((plan, request)) = planned(options, context, &opened, (None, None))? else {
        return Ok(exit::NO);
    };
    let progress = progress(context, curriculum)?;
    let baseline = followed(context, curriculum, &request.selection)?;
    let subject = Subject::Selection(&request.selection);
    let picture = diagram::of_subject(curriculum, &opened.graph, subject, &request.done);
    let inputs = report::Inputs {
        plan: &plan,
        curriculum,
        diagram: &picture,
        progress: &progress,
        baseline: baseline.as_ref(),
        today: context.today,
    };
    let mut bytes = Vec::new();
    report::render(inputs, &mut bytes)?;
    let what = format!("the report of {}", count(plan.sessions.len(), "sitting"));
    write_output(output, &bytes, context, out, &what)?;
    Ok(exit::OK)
}

/// The progress file's records (its warnings were given when the plan was made).
fn progress(context: &Context, curriculum: &Curriculum) -> Result<Progress, Failure> {
    if !context.use_progress {
        return Ok(Progress::default());
    }
    let mut progress = context.store(curriculum)?.load()?;
    progress.canonicalize(curriculum);
    Ok(progress)
}

/// The followed plan, when it is for the same selection.
fn followed(
    context: &Context,
    curriculum: &Curriculum,
    selection: &Selection,
) -> Result<Option<Baseline>, Failure> {
    if !context.use_progress {
        return Ok(None);
    }
    let Some(baseline) = context.baseline_store(curriculum)?.load()? else {
        return Ok(None);
    };
    let same = baseline.selection(curriculum).ok().as_ref() == Some(selection);
    Ok(same.then_some(baseline))
}
