//! `report`: the plan `plan` would make, with the progress on it, as one HTML page.

use super::super::Failure;
use super::super::args::PlanOptions;
use super::super::settings::Context;
use super::output::write_output;
use super::plan::planned;
use learnpath::diagram::{self, Subject};
use learnpath::error::exit;
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
    let Some((plan, request)) = planned(options, context, &opened)? else {
        return Ok(exit::NO);
    };
    let progress = context.progress_again(curriculum)?;
    let baseline = context.followed(curriculum, &request.selection)?;
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
    write_output(output, &bytes, context, curriculum, out, &what)?;
    Ok(exit::OK)
}
