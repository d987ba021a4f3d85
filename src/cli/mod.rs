//! Command-line arguments and dispatch. No logic beyond turning arguments into library calls,
//! picking a renderer and mapping errors to exit codes.

mod args;
mod commands;
mod man;
mod messages;
mod values;

use args::{Cli, Done};
use chrono::NaiveDate;
use clap::Parser;
use learnpath::error::exit;
use learnpath::progress::{Progress, ProgressStore};
use learnpath::render::{table, wrap};
use learnpath::{Curriculum, Error, Source};
use std::io::{self, Write};
use std::path::PathBuf;

const QUICK_START: &str = "\
learnpath: plan your way through a Markdown curriculum

Quick start:
  learnpath plan --role \"storage engineer\" --hours 5
                                       a dated study plan for a role
  learnpath list                       the specializations you can choose
  learnpath list roles                 the roles that lead to them
  learnpath done 01_modern_topology    mark a document studied
  learnpath status                     how far along you are
  learnpath export --role \"storage engineer\" --hours 5 --format ics -o plan.ics

Use --curriculum DIR for your own curriculum; `learnpath --help` for everything.
";

/// What every command may need besides its own arguments.
struct Context {
    source: Source,
    today: NaiveDate,
    /// The progress file given with --progress or LEARNPATH_PROGRESS, if any.
    progress_path: Option<PathBuf>,
    use_progress: bool,
    /// How standard output looks (color, width).
    style: table::Style,
}

impl Context {
    /// The progress file: the one given (--progress, LEARNPATH_PROGRESS), used as is; else the
    /// curriculum's own, started from the file all curricula shared before, the first time.
    fn store(&self, curriculum: &Curriculum) -> Result<ProgressStore, Error> {
        if let Some(path) = &self.progress_path {
            return Ok(ProgressStore::new(path));
        }
        let store = ProgressStore::for_curriculum(curriculum, &self.source)?;
        if let Some(migrated) = store.migrate(curriculum)? {
            say(format!(
                "note: progress is now kept per curriculum: copied {} entries of this curriculum from {} to {} (that file is left as it was)",
                migrated.entries,
                migrated.from.display(),
                store.path().display()
            ));
        }
        Ok(store)
    }

    /// `done` and `undo` exist to change the progress file: with --no-progress they would
    /// either write it against the flag or do nothing while saying they did.
    fn require_progress(&self, command: &'static str) -> Result<(), Error> {
        if self.use_progress {
            return Ok(());
        }
        Err(Error::NoProgressForRecording { command })
    }

    /// The progress file's marks and where they were read, unless --no-progress. Recorded
    /// documents the curriculum does not have are kept in the file and reported here.
    fn progress(&self, curriculum: &Curriculum) -> Result<(Progress, Option<PathBuf>), Error> {
        if !self.use_progress {
            return Ok((Progress::default(), None));
        }
        let store = self.store(curriculum)?;
        let mut progress = store.load()?;
        progress.canonicalize(curriculum);
        let unknown = progress.unknown(curriculum);
        if !unknown.is_empty() {
            // The first few name the problem; a file of thousands would bury the terminal.
            const SHOWN: usize = 10;
            let more = match unknown.len().saturating_sub(SHOWN) {
                0 => String::new(),
                more => format!(" and {more} more"),
            };
            say(format!(
                "warning: {} lists {} this curriculum does not have (kept in the file): {}{more}",
                store.path().display(),
                learnpath::words::count(unknown.len(), "document"),
                unknown[..unknown.len().min(SHOWN)].join(", ")
            ));
        }
        Ok((progress, Some(store.path().to_path_buf())))
    }

    /// Done flags from the progress file and --done.
    fn done(&self, curriculum: &Curriculum, extra: &Done) -> Result<Vec<bool>, Error> {
        self.done_with(curriculum, &self.progress(curriculum)?.0, extra)
    }

    /// Done flags from a progress file already read and --done.
    fn done_with(
        &self,
        curriculum: &Curriculum,
        progress: &Progress,
        extra: &Done,
    ) -> Result<Vec<bool>, Error> {
        let mut done = progress.done_flags(curriculum);
        for id in curriculum.find_docs(&extra.done)? {
            done[id.0] = true;
        }
        Ok(done)
    }
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static STDERR_COLOR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// The terminal's width when standard error is one, else 0: messages are wrapped to it.
static STDERR_WIDTH: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);

/// Writes a line to standard error, its "error:"/"warning:"/"note:" label in color when that
/// is on, wrapped on a terminal. `-q` silences everything but errors. A closed or full stderr
/// is not worth dying for.
fn say(message: impl std::fmt::Display) {
    use std::sync::atomic::Ordering::Relaxed;
    let text = message.to_string();
    if QUIET.load(Relaxed) && !text.starts_with("error") {
        return;
    }
    tell(text);
}

/// Writes a line to standard error even under `-q`: the reason for a non-zero exit is never
/// chatter.
fn tell(message: impl std::fmt::Display) {
    use std::sync::atomic::Ordering::Relaxed;
    let width = Some(STDERR_WIDTH.load(Relaxed)).filter(|&width| width > 0);
    let line = table::paint_label(&message.to_string(), STDERR_COLOR.load(Relaxed));
    let _ = wrap::wrapped(&mut io::stderr(), width, |w| writeln!(w, "{line}"));
}

/// The width to lay output out for on a terminal: `COLUMNS` when it is a number (as GNU tools
/// honor it, and tests can set it), else the width the terminal reports (comfy-table asks it).
/// A terminal that reports no size (0 columns), or fewer than 40, counts as unknown: nothing is
/// wrapped.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|&columns| columns > 0)
        .or_else(|| comfy_table::Table::new().width())
        .filter(|&columns| columns >= 40)
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let style = {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering::Relaxed;
        QUIET.store(cli.quiet, Relaxed);
        let stderr_terminal = io::stderr().is_terminal();
        STDERR_COLOR.store(cli.color.enabled(stderr_terminal), Relaxed);
        let stderr_width = stderr_terminal.then(terminal_width).flatten();
        STDERR_WIDTH.store(stderr_width.unwrap_or(0), Relaxed);
        let stdout_terminal = io::stdout().is_terminal();
        table::Style {
            color: cli.color.enabled(stdout_terminal),
            width: stdout_terminal.then(terminal_width).flatten(),
        }
    };
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
    let context = Context {
        source: cli.curriculum.map_or(Source::Embedded, Source::Dir),
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        progress_path: cli.progress,
        use_progress: !cli.no_progress,
        style,
    };
    let mut out = io::stdout().lock();
    match command.execute(&context, &mut out).and_then(|code| {
        out.flush().map_err(Failure::Output)?;
        Ok(code)
    }) {
        Ok(code) => code,
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(Failure::Output(error)) => {
            say(format!("error: cannot write output: {error}"));
            exit::IO
        }
        Err(Failure::Usage(message)) => {
            say(format!("error: {message}"));
            exit::USAGE
        }
        Err(Failure::Library(error)) => {
            match error {
                // Its diagnostics carry their own "error:" labels.
                Error::InvalidCurriculum { .. } => say(&error),
                _ => say(format!("error: {}", messages::describe(&error))),
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
