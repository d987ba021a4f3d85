//! `check`, `next` and `why`: questions about readiness.

use super::super::Failure;
use super::super::args::{Choice, Done, Format};
use super::super::settings::Context;
use super::output::emit;
use learnpath::error::exit;
use learnpath::listing;
use learnpath::plan::ready::{self, Target};
use learnpath::render::ready as ready_render;
use std::io::Write;

/// `check`: are the prerequisites of these documents or specializations met? (exit 1: no)
pub(super) fn check(
    names: &[String],
    done: &Done,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let targets: Vec<Target> = if names.is_empty() {
        let Some(selection) = context.selection(&Choice::default(), curriculum)? else {
            return Err(Failure::Usage(
                "give documents or specializations to check, or save a role or specializations with `learnpath profile set`".to_string(),
            ));
        };
        let docs = selection.targets.into_iter().map(Target::Doc);
        selection
            .specializations
            .into_iter()
            .map(Target::Specialization)
            .chain(docs)
            .collect()
    } else {
        // A document or specialization, else a folder: its documents.
        let found = names
            .iter()
            .filter(|name| !name.trim().is_empty())
            .map(|name| match Target::find(curriculum, name) {
                Ok(target) => Ok(vec![target]),
                Err(error) => curriculum
                    .find_target(name)
                    .map(|ids| ids.into_iter().map(Target::Doc).collect())
                    .map_err(|_| error),
            })
            .collect::<Result<Vec<Vec<_>>, _>>()?;
        found.into_iter().flatten().collect()
    };
    let done = context.done(curriculum, done)?;
    let report = ready::check(curriculum, &opened.graph, &targets, &done);
    emit(format, &report, ready_render::check, context, out)?;
    Ok(if report.ready { exit::OK } else { exit::NO })
}

/// `next`: the documents that can be started now.
pub(super) fn next(
    choice: &Choice,
    done: &Done,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let selection = context.selection(choice, curriculum)?;
    let done = context.done(curriculum, done)?;
    let ids = ready::next(curriculum, &opened.graph, selection.as_ref(), &done);
    let rows = listing::doc_rows(curriculum, &ids);
    emit(format, &rows[..], ready_render::next, context, out)?;
    Ok(exit::OK)
}

/// `why`: the chain of prerequisites from a target down to a document (exit 1: not needed).
pub(super) fn why(
    name: &str,
    choice: &Choice,
    done: &Done,
    format: Format,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let opened = context.open()?;
    let curriculum = &opened.curriculum;
    let selection = match context.selection(choice, curriculum)? {
        Some(selection) => selection,
        // Says that a role or specializations are needed.
        None => choice.resolve(curriculum)?,
    };
    let doc = curriculum.find_doc(name)?;
    let done = context.done(curriculum, done)?;
    let answer = ready::why(curriculum, &opened.graph, &selection, doc, &done);
    emit(format, &answer, ready_render::why, context, out)?;
    Ok(if answer.reason.is_some() {
        exit::OK
    } else {
        exit::NO
    })
}
