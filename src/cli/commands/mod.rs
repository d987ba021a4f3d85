//! What each command does: a function from the resolved settings to an exit code, grouped by
//! what the commands are about. Library calls and a renderer; no logic of their own.

mod calendar;
mod follow;
mod info;
mod output;
mod parts;
mod plan;
mod planned_reviews;
mod profile;
mod progress;
mod ready;
mod report;
mod review;
mod sync;

use super::Failure;
use super::args::Command;
use super::settings::Context;
use std::io::Write;

/// Runs one command; the exit code on success. The commands that plan first, then those that
/// record progress, then those about the course and the tool.
pub(super) fn execute(
    command: Command,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    match command {
        Command::Plan {
            options,
            format,
            explain,
        } => plan::plan(&options, format, explain, context, out),
        Command::Export {
            options,
            format,
            output,
            remind,
        } => plan::export(
            &options,
            plan::Export {
                format,
                output,
                remind,
            },
            context,
            out,
        ),
        Command::Report { options, output } => report::report(&options, output, context, out),
        Command::Sync {
            options,
            caldav,
            user,
            remind,
            format,
        } => sync::sync(
            &options,
            sync::Sync {
                caldav,
                user,
                remind,
            },
            format.format,
            context,
            out,
        ),
        Command::Follow {
            options,
            show,
            format,
        } => match show {
            true => follow::show(format.format, context, out),
            false => follow::follow(&options, context, out),
        },
        Command::Replan {
            keep_finish,
            window,
            review,
        } => follow::replan(keep_finish, window, &review, context, out),
        other => record_or_inspect(other, context, out),
    }
}

/// Runs a command that records progress or the profile, or tells about the course or the tool.
fn record_or_inspect(
    command: Command,
    context: &Context,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    match command {
        Command::Done {
            docs,
            through,
            on,
            took,
            part,
            minutes,
            grade,
        } => progress::done(
            &docs,
            progress::DoneArgs {
                through,
                on,
                took,
                part,
                minutes,
                grade,
            },
            context,
            out,
        ),
        Command::Undo { docs } => progress::undo(&docs, context, out),
        Command::Review {
            doc,
            grade,
            on,
            took,
            retention,
            fit,
            format,
        } => match (doc, grade) {
            _ if fit => review::fit(format.format, context, out),
            (Some(doc), Some(grade)) => {
                review::record(&doc, grade, on, took, retention, context, out)
            }
            _ => review::list(retention, format.format, context, out),
        },
        Command::Status {
            choice,
            window,
            format,
        } => progress::status(&choice, window, format.format, context, out),
        Command::Check {
            targets,
            done,
            format,
        } => ready::check(&targets, &done, format.format, context, out),
        // `next` takes the window so that one command line works for every command that plans;
        // what can be started now does not depend on it.
        Command::Next {
            choice,
            done,
            window: _,
            format,
        } => ready::next(&choice, &done, format.format, context, out),
        Command::Why {
            doc,
            choice,
            done,
            format,
        } => ready::why(&doc, &choice, &done, format.format, context, out),
        Command::Graph {
            docs,
            choice,
            done,
            format,
            output,
        } => info::graph(&docs, &choice, &done, format, output, context, out),
        other => inspect(other, context, out),
    }
}

/// Runs a command about the profile, the course or the tool itself.
fn inspect(command: Command, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
    match command {
        Command::Profile { action } => profile::execute(action, context, out),
        Command::Completions { shell } => info::completions(shell, out),
        Command::Man { out: folder } => info::man(folder, context, out),
        Command::Validate(format) => info::validate(format.format, context, out),
        Command::Init { dir, force } => info::init(dir, force, context),
        Command::List(list) => info::list(list, context, out),
        Command::Show { doc, format } => info::show(&doc, format.format, context, out),
        Command::Plan { .. }
        | Command::Export { .. }
        | Command::Report { .. }
        | Command::Sync { .. }
        | Command::Follow { .. }
        | Command::Replan { .. }
        | Command::Done { .. }
        | Command::Undo { .. }
        | Command::Review { .. }
        | Command::Status { .. }
        | Command::Check { .. }
        | Command::Next { .. }
        | Command::Why { .. }
        | Command::Graph { .. } => unreachable!("dispatched by `execute`"),
    }
}
