//! The command line: parse the arguments, resolve them once into settings, run the command,
//! and map what went wrong to a message and an exit code.

mod args;
mod commands;
mod man;
mod messages;
mod settings;
mod stderr;
mod values;
mod zone;

use args::Cli;
use clap::Parser;
use learnpath::Error;
use learnpath::error::exit;
use settings::Context;
use std::io::{self, Write};

const QUICK_START: &str = "\
learnpath: plan your way through a Markdown curriculum

Quick start:
  learnpath plan --role \"storage engineer\" --hours 5
                                       a dated study plan for a role
  learnpath profile set --role \"storage engineer\" --hours 5
                                       save your choices: then plain `learnpath plan`
  learnpath list                       the specializations you can choose
  learnpath list roles                 the roles that lead to them
  learnpath done 01_modern_topology    mark a document studied
  learnpath status                     how far along you are
  learnpath export --role \"storage engineer\" --hours 5 --format ics -o plan.ics

Use --curriculum DIR for your own curriculum; `learnpath --help` for everything.
";

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    // A folder may hold a hundred thousand pages; the embedded curriculum holds 65.
    if cli.curriculum.is_some() || matches!(cli.command, Some(args::Command::Init { .. })) {
        crate::give_back_freed_memory();
    }
    let context = Context::resolve(&cli);
    let Some(command) = cli.command else {
        let mut out = io::stdout().lock();
        return match out
            .write_all(QUICK_START.as_bytes())
            .and_then(|()| out.flush())
        {
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => exit::IO,
            _ => exit::OK,
        };
    };
    let mut out = io::stdout().lock();
    let result = commands::execute(command, &context, &mut out).and_then(|code| {
        out.flush().map_err(Failure::Output)?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(failure) => fail(failure, &context),
    }
}

/// Says what went wrong; the exit code for it.
fn fail(failure: Failure, context: &Context) -> i32 {
    let report = &context.report;
    match failure {
        Failure::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Failure::Output(error) => {
            report.error(format!("cannot write output: {error}"));
            exit::IO
        }
        Failure::Usage(message) => {
            report.error(message);
            exit::USAGE
        }
        Failure::Library(error) => {
            match &error {
                // Its diagnostics carry their own "error:" labels.
                Error::InvalidCurriculum { .. } => report.labelled(messages::describe(&error)),
                _ => report.error(messages::describe(&error)),
            }
            error.code()
        }
    }
}

enum Failure {
    Library(Error),
    Output(io::Error),
    /// A combination of arguments clap cannot check on its own.
    Usage(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Library(error)
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}
