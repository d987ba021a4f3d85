//! Command-line arguments and dispatch. No logic beyond turning arguments into library calls,
//! picking a renderer and mapping errors to exit codes.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand, ValueEnum};
use learnpath::curriculum::duration::format_minutes;
use learnpath::diagram;
use learnpath::error::exit;
use learnpath::plan::ready::{self, Target};
use learnpath::plan::settings::parse_date;
use learnpath::plan::status;
use learnpath::plan::{
    ByDate, Plan, Planner, Selection, SessionMinutes, Settings, StudyDays, WeeklyMinutes,
};
use learnpath::progress::{Progress, ProgressStore};
use learnpath::render::clock::{self, Clock};
use learnpath::render::{
    csv, dot, ics, json, markdown, mermaid, plan as plan_render, ready as ready_render, svg, table,
};
use learnpath::{Curriculum, Error, Opened, Source, atomic_file, listing, validate};
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

#[derive(Debug, Parser)]
#[command(
    name = "learnpath",
    version,
    about = "Plan your way through a Markdown curriculum"
)]
struct Cli {
    /// Curriculum folder to read instead of the embedded datacenter curriculum.
    #[arg(long, global = true, env = "LEARNPATH_CURRICULUM", value_name = "DIR")]
    curriculum: Option<PathBuf>,

    /// Progress file [default: $XDG_DATA_HOME/learnpath/progress.yaml].
    #[arg(long, global = true, env = "LEARNPATH_PROGRESS", value_name = "FILE")]
    progress: Option<PathBuf>,

    /// Ignore the progress file (plan, check, next, why, export, status).
    #[arg(long, global = true)]
    no_progress: bool,

    /// When to use color: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Print no warnings or notes (errors still go to stderr).
    #[arg(short, long, global = true)]
    quiet: bool,

    /// Take this date as today (YYYY-MM-DD), for reproducible output.
    #[arg(long, global = true, env = "LEARNPATH_TODAY", value_parser = parse_date, value_name = "DATE", hide_short_help = true)]
    today: Option<NaiveDate>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Color for a stream: `--color always|never` decide; `auto` means a terminal and no
    /// NO_COLOR (set and not empty), as no-color.org asks.
    fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    /// A picture, laid out in process (no Graphviz needed).
    Svg,
    /// Graphviz DOT, for `dot -Tpng` and friends.
    Dot,
    /// A Mermaid flowchart, which GitHub and GitLab render in Markdown.
    Mermaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
enum Format {
    /// Human-readable tables.
    #[default]
    Table,
    /// Stable JSON for scripts (documented in the README).
    Json,
}

#[derive(Debug, Clone, Copy, Args)]
struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
enum PlanFormat {
    /// A table of sessions and a summary.
    #[default]
    Table,
    /// The plan as JSON (schema_version 1, documented in the README).
    Json,
    /// A checklist grouped by week, each document linked to its source, and a gantt chart.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// iCalendar (RFC 5545), one event per session.
    Ics,
    /// CSV with the columns Google Calendar imports.
    Csv,
    /// The plan's JSON.
    Json,
    /// The Markdown checklist with a Mermaid gantt chart.
    Markdown,
}

/// Who the learner is: a role, or one or two specializations.
#[derive(Debug, Clone, Args)]
struct Choice {
    /// A role, e.g. "storage engineer" (see `learnpath list roles`).
    #[arg(long, conflicts_with = "spec")]
    role: Option<String>,
    /// A specialization: "3.2", its folder or a word of its title. Give one or two.
    #[arg(long)]
    spec: Vec<String>,
}

/// Documents studied besides those in the progress file.
#[derive(Debug, Clone, Args)]
struct Done {
    /// Documents already studied (names as for `show`; repeat or separate with commas).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    done: Vec<String>,
}

/// Everything that shapes a plan; shared by `plan` and `export`.
#[derive(Debug, Args)]
struct PlanOptions {
    #[command(flatten)]
    choice: Choice,
    /// Study hours per week, e.g. 5 or 7.5.
    #[arg(
        long,
        value_parser = WeeklyMinutes::from_hours_text,
        allow_negative_numbers = true,
        required_unless_present = "by",
        conflicts_with = "by"
    )]
    hours: Option<WeeklyMinutes>,
    /// Find the fewest weekly hours (in half hours) that finish by this date.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    by: Option<NaiveDate>,
    /// First day of the plan (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    start: Option<NaiveDate>,
    /// Study days, e.g. mon,wed,sat, weekdays or weekend; default spread for the hours.
    #[arg(long, value_parser = StudyDays::parse)]
    days: Option<StudyDays>,
    /// Longest sitting, e.g. 90min or 1h30m (15 min to 8 h); default from hours and days, at most 2 h.
    #[arg(long, value_parser = SessionMinutes::parse, value_name = "DURATION")]
    session: Option<SessionMinutes>,
    #[command(flatten)]
    done: Done,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Plan study sessions for a role or 1-2 specializations: what, in which order, on which days.
    #[command(
        after_help = "Examples:\n  learnpath plan --role \"storage engineer\" --hours 5\n  learnpath plan --spec 3.3 --spec 3.4 --hours 8 --days mon,tue,thu --start 2027-01-04\n  learnpath plan --spec overlay --by 2027-03-01 --format markdown"
    )]
    Plan {
        #[command(flatten)]
        options: PlanOptions,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: PlanFormat,
    },

    /// Write the plan to a calendar (.ics), a spreadsheet (.csv), JSON or Markdown.
    #[command(
        after_help = "Examples:\n  learnpath export --role \"storage engineer\" --hours 5 --format ics -o plan.ics\n  learnpath export --spec 3.2 --hours 4 --format csv --at 07:30 --tz Europe/Berlin -o plan.csv\n  learnpath export --spec 3.4 --hours 3 --format markdown"
    )]
    Export {
        #[command(flatten)]
        options: PlanOptions,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// File to write (atomically); `-` or none for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Local time sessions start (HH:MM).
        #[arg(long, value_parser = clock::parse_time, default_value = "19:00", value_name = "HH:MM")]
        at: NaiveTime,
        /// IANA time zone of --at, e.g. Europe/Berlin [default: the system's].
        #[arg(long, value_parser = clock::parse_tz, value_name = "ZONE")]
        tz: Option<Tz>,
    },

    /// Mark documents as studied (today, or --on DATE).
    #[command(
        after_help = "Examples:\n  learnpath done 01_modern_topology 02_server_hierarchy\n  learnpath done 01_rdma_fundamentals --on 2027-01-06"
    )]
    Done {
        /// Documents (names as for `show`).
        #[arg(required = true)]
        docs: Vec<String>,
        /// The day they were done (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        on: Option<NaiveDate>,
    },

    /// Unmark documents.
    #[command(after_help = "Examples:\n  learnpath undo 01_modern_topology")]
    Undo {
        /// Documents (names as for `show`).
        #[arg(required = true)]
        docs: Vec<String>,
    },

    /// How far along each specialization is, and what to study next.
    #[command(
        after_help = "Examples:\n  learnpath status\n  learnpath status --role \"storage engineer\" --format json"
    )]
    Status {
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Are the prerequisites of these documents or specializations met? (exit 1 when not)
    #[command(
        after_help = "Examples:\n  learnpath check 3.1 --done 01_modern_topology,02_server_hierarchy\n  learnpath check 01_tlb_ept_explained --format json"
    )]
    Check {
        /// Documents or specializations.
        #[arg(required = true)]
        targets: Vec<String>,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        format: FormatArg,
    },

    /// The documents you can start now, optionally only those toward a role or specializations.
    #[command(
        after_help = "Examples:\n  learnpath next --role \"network engineer\" --done 01_modern_topology\n  learnpath next --spec 3.4 --format json"
    )]
    Next {
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Why a document is in the plan: the chain of prerequisites from a target down to it.
    #[command(
        after_help = "Examples:\n  learnpath why 01_modern_topology --role \"storage engineer\"\n  learnpath why 02_hardware_solution --spec 3.4 --format json"
    )]
    Why {
        /// The document.
        doc: String,
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        #[command(flatten)]
        format: FormatArg,
    },

    /// Draw the prerequisite graph of a choice (or the whole curriculum) as SVG, DOT or Mermaid.
    #[command(
        after_help = "Examples:\n  learnpath graph --spec 3.4 -o cpu.svg\n  learnpath graph --role \"storage engineer\" --format dot | dot -Tpng > storage.png\n  learnpath graph 01_tlb_ept_explained --format mermaid"
    )]
    Graph {
        /// Documents to draw with all they require (instead of --role/--spec).
        docs: Vec<String>,
        #[command(flatten)]
        choice: Choice,
        #[command(flatten)]
        done: Done,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Svg)]
        format: GraphFormat,
        /// File to write (atomically); `-` or none for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  learnpath completions bash > ~/.local/share/bash-completion/completions/learnpath\n  learnpath completions zsh > ~/.zfunc/_learnpath\n  learnpath completions fish > ~/.config/fish/completions/learnpath.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff).
    #[command(
        after_help = "Examples:\n  learnpath man > ~/.local/share/man/man1/learnpath.1\n  learnpath man | man -l -"
    )]
    Man,

    /// Check a curriculum: errors, warnings and counts (exit 65 when it has errors).
    #[command(
        after_help = "Examples:\n  learnpath validate\n  learnpath validate --curriculum ~/notes/course --format json"
    )]
    Validate(FormatArg),

    /// List specializations (the default), documents or roles.
    #[command(
        after_help = "Examples:\n  learnpath list\n  learnpath list docs --spec 3.1\n  learnpath list roles --format json"
    )]
    List(ListArgs),

    /// Show one document: metadata, prerequisites, what needs it, and its source link.
    #[command(
        after_help = "Examples:\n  learnpath show 01_pfc_dcb_storage\n  learnpath show 05_specialized/04_cpu_memory/01_tlb_ept_explained.md --format json"
    )]
    Show {
        /// A path, a path without .md, a unique file name or a unique end of a path.
        doc: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
struct ListArgs {
    #[command(subcommand)]
    what: Option<ListWhat>,
    /// Output format.
    #[arg(long, value_enum, default_value_t, global = true)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum ListWhat {
    /// The specializations a learner chooses 1-2 of (the default).
    Specializations,
    /// Study documents, optionally of one specialization.
    Docs {
        /// Only the documents of this specialization ("3.1", its folder or a word of its title).
        #[arg(long)]
        spec: Option<String>,
    },
    /// Roles and the specializations they lead to.
    Roles,
}

/// What every command may need besides its own arguments.
struct Context {
    source: Source,
    today: NaiveDate,
    /// The progress file's location (even with --no-progress: `done` and `undo` need it).
    progress_path: Option<PathBuf>,
    use_progress: bool,
}

impl Context {
    fn store(&self) -> Result<ProgressStore, Error> {
        match &self.progress_path {
            Some(path) => Ok(ProgressStore::new(path)),
            None => ProgressStore::default_path().map(ProgressStore::new),
        }
    }

    /// The progress file's marks, unless --no-progress. Recorded documents the curriculum does
    /// not have are kept in the file and reported here.
    fn progress(&self, curriculum: &Curriculum) -> Result<Progress, Error> {
        if !self.use_progress {
            return Ok(Progress::default());
        }
        let store = self.store()?;
        let progress = store.load()?;
        let unknown = progress.unknown(curriculum);
        if !unknown.is_empty() {
            say(format!(
                "warning: {} lists {} documents this curriculum does not have (kept in the file): {}",
                store.path().display(),
                unknown.len(),
                unknown.join(", ")
            ));
        }
        Ok(progress)
    }

    /// Done flags from the progress file and --done.
    fn done(&self, curriculum: &Curriculum, extra: &Done) -> Result<Vec<bool>, Error> {
        let mut done = self.progress(curriculum)?.done_flags(curriculum);
        for name in &extra.done {
            done[curriculum.find_doc(name)?.0] = true;
        }
        Ok(done)
    }
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static STDERR_COLOR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes a line to standard error, its "error:"/"warning:"/"note:" label in color when that
/// is on. `-q` silences everything but errors. A closed or full stderr is not worth dying for.
fn say(message: impl std::fmt::Display) {
    use std::sync::atomic::Ordering::Relaxed;
    let text = message.to_string();
    if QUIET.load(Relaxed) && !text.starts_with("error") {
        return;
    }
    let _ = writeln!(
        io::stderr(),
        "{}",
        table::paint_label(&text, STDERR_COLOR.load(Relaxed))
    );
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering::Relaxed;
        QUIET.store(cli.quiet, Relaxed);
        STDERR_COLOR.store(cli.color.enabled(io::stderr().is_terminal()), Relaxed);
        let stdout_terminal = io::stdout().is_terminal();
        table::set_style(table::Style {
            color: cli.color.enabled(stdout_terminal),
            // Tables wrap to the terminal; comfy-table finds its width while it may look. A
            // terminal that reports no size (0 columns) counts as unknown.
            width: stdout_terminal
                .then(|| comfy_table::Table::new().width())
                .flatten()
                .filter(|&columns| columns >= 40),
        });
    }
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
        Err(Failure::Library(error)) => {
            match error {
                // Its diagnostics carry their own "error:" labels.
                Error::InvalidCurriculum { .. } => say(&error),
                _ => say(format!("error: {error}")),
            }
            error.code()
        }
    }
}

enum Failure {
    Library(Error),
    Output(io::Error),
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

impl Command {
    fn execute(self, context: &Context, out: &mut dyn Write) -> Result<i32, Failure> {
        match self {
            Command::Plan { options, format } => {
                let Some(plan) = build_plan(&options, context, format == PlanFormat::Table, out)?
                else {
                    return Ok(exit::NO);
                };
                match format {
                    PlanFormat::Table => plan_render::render(&plan, out)?,
                    PlanFormat::Json => json::write(&plan, out)?,
                    PlanFormat::Markdown => markdown::render(&plan, out)?,
                }
                Ok(exit::OK)
            }
            Command::Export {
                options,
                format,
                output,
                at,
                tz,
            } => {
                let Some(plan) = build_plan(&options, context, false, out)? else {
                    return Ok(exit::NO);
                };
                let tz = match tz.or_else(clock::system_tz) {
                    Some(tz) => tz,
                    None => {
                        say("warning: cannot tell the system's time zone; using UTC (pass --tz)");
                        Tz::UTC
                    }
                };
                let clock = Clock { at, tz };
                let mut bytes = Vec::new();
                match format {
                    ExportFormat::Ics => ics::render(&plan, &clock, context.today, &mut bytes)?,
                    ExportFormat::Csv => csv::render(&plan, &clock, &mut bytes)?,
                    ExportFormat::Json => json::write(&plan, &mut bytes)?,
                    ExportFormat::Markdown => markdown::render(&plan, &mut bytes)?,
                }
                write_output(
                    output,
                    &bytes,
                    out,
                    &format!("{} sessions", plan.sessions.len()),
                )?;
                Ok(exit::OK)
            }
            Command::Done { docs, on } => {
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let ids = docs
                    .iter()
                    .map(|name| curriculum.find_doc(name))
                    .collect::<Result<Vec<_>, _>>()?;
                let date = on.unwrap_or(context.today);
                let store = context.store()?;
                let (progress, marked) =
                    store.update(|progress| Ok(progress.mark_ids(&curriculum, &ids, date)))?;
                let done = progress.done_flags(&curriculum);
                for &id in &ids {
                    let missing = ready::unmet(&graph, id, &done);
                    if !missing.is_empty() {
                        let paths: Vec<&str> = missing
                            .iter()
                            .map(|&p| curriculum.doc(p).path.as_str())
                            .collect();
                        say(format!(
                            "warning: {} is marked done, but {} of its prerequisites are not: {}",
                            curriculum.doc(id).path,
                            missing.len(),
                            paths.join(", ")
                        ));
                    }
                }
                for &id in &ids {
                    let path = &curriculum.doc(id).path;
                    if marked.contains(&id) {
                        writeln!(out, "done: {path} ({date})")?;
                    } else if let Some(since) = progress.date(path) {
                        writeln!(out, "already done: {path} (since {since})")?;
                    }
                }
                writeln!(
                    out,
                    "{} documents done in {}",
                    progress.len(),
                    store.path().display()
                )?;
                Ok(exit::OK)
            }
            Command::Undo { docs } => {
                let Opened { curriculum, .. } = learnpath::open(&context.source)?;
                let store = context.store()?;
                // A recorded path the curriculum no longer has can still be taken back.
                let recorded = store.load()?;
                let paths = docs
                    .iter()
                    .map(|name| match curriculum.find_doc(name) {
                        Ok(id) => Ok(curriculum.doc(id).path.clone()),
                        Err(_) if recorded.is_done(name) => Ok(name.clone()),
                        Err(error) => Err(error),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let (progress, unmarked) = store.update(|progress| {
                    Ok(paths
                        .iter()
                        .map(|path| progress.unmark(path))
                        .collect::<Vec<_>>())
                })?;
                for (path, was_done) in paths.iter().zip(unmarked) {
                    if was_done {
                        writeln!(out, "undone: {path}")?;
                    } else {
                        writeln!(out, "not marked done: {path}")?;
                    }
                }
                writeln!(
                    out,
                    "{} documents done in {}",
                    progress.len(),
                    store.path().display()
                )?;
                Ok(exit::OK)
            }
            Command::Status { choice, format } => {
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let selection = choice.resolve_optional(&curriculum)?;
                let done = context.done(&curriculum, &Done { done: Vec::new() })?;
                let report = status::status(&curriculum, &graph, selection.as_ref(), &done);
                emit(format.format, &report, ready_render::status, out)?;
                Ok(exit::OK)
            }
            Command::Check {
                targets,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let targets = targets
                    .iter()
                    .map(|name| Target::find(curriculum, name))
                    .collect::<Result<Vec<_>, _>>()?;
                let done = context.done(curriculum, &done)?;
                let report = ready::check(curriculum, &opened.graph, &targets, &done);
                emit(format.format, &report, ready_render::check, out)?;
                Ok(if report.ready { exit::OK } else { exit::NO })
            }
            Command::Next {
                choice,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve_optional(curriculum)?;
                let done = context.done(curriculum, &done)?;
                let ids = ready::next(curriculum, &opened.graph, selection.as_ref(), &done);
                emit(
                    format.format,
                    &listing::doc_rows(curriculum, &ids)[..],
                    ready_render::next,
                    out,
                )?;
                Ok(exit::OK)
            }
            Command::Why {
                doc,
                choice,
                done,
                format,
            } => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve(curriculum)?;
                let doc = curriculum.find_doc(&doc)?;
                let done = context.done(curriculum, &done)?;
                let answer = ready::why(curriculum, &opened.graph, &selection, doc, &done);
                emit(format.format, &answer, ready_render::why, out)?;
                Ok(if answer.reason.is_some() {
                    exit::OK
                } else {
                    exit::NO
                })
            }
            Command::Graph {
                docs,
                choice,
                done,
                format,
                output,
            } => {
                let Opened {
                    curriculum, graph, ..
                } = learnpath::open(&context.source)?;
                let done = context.done(&curriculum, &done)?;
                let (targets, title) = if docs.is_empty() {
                    match choice.resolve_optional(&curriculum)? {
                        Some(selection) => (
                            selection.targets(&curriculum),
                            selection.describe(&curriculum),
                        ),
                        None => (Vec::new(), curriculum.name.clone()),
                    }
                } else {
                    let ids = docs
                        .iter()
                        .map(|name| curriculum.find_doc(name))
                        .collect::<Result<Vec<_>, _>>()?;
                    (ids, docs.join(", "))
                };
                let picture = diagram::diagram(&curriculum, &graph, &targets, &done, title);
                let mut bytes = Vec::new();
                match format {
                    GraphFormat::Svg => svg::render(&picture, &mut bytes)?,
                    GraphFormat::Dot => dot::render(&picture, &mut bytes)?,
                    GraphFormat::Mermaid => mermaid::render(&picture, &mut bytes)?,
                }
                write_output(
                    output,
                    &bytes,
                    out,
                    &format!("{} documents", picture.nodes.len()),
                )?;
                Ok(exit::OK)
            }
            Command::Completions { shell } => {
                let mut command = <Cli as clap::CommandFactory>::command();
                clap_complete::generate(shell, &mut command, "learnpath", out);
                Ok(exit::OK)
            }
            Command::Man => {
                let command = <Cli as clap::CommandFactory>::command();
                clap_mangen::Man::new(command).render(out)?;
                Ok(exit::OK)
            }
            Command::Validate(FormatArg { format }) => {
                let report = validate::validate(&context.source)?;
                match format {
                    Format::Table => table::validation(&report, out)?,
                    Format::Json => json::write(&report, out)?,
                }
                Ok(if report.ok { exit::OK } else { exit::DATA })
            }
            Command::List(ListArgs { what, format }) => {
                let opened = learnpath::open(&context.source)?;
                let curriculum = &opened.curriculum;
                match what.unwrap_or(ListWhat::Specializations) {
                    ListWhat::Specializations => emit(
                        format,
                        &listing::specializations(curriculum)[..],
                        table::specializations,
                        out,
                    )?,
                    ListWhat::Docs { spec } => {
                        let spec = spec
                            .map(|name| curriculum.find_specialization(&name))
                            .transpose()?;
                        emit(
                            format,
                            &listing::docs(curriculum, spec)[..],
                            table::docs,
                            out,
                        )?
                    }
                    ListWhat::Roles => {
                        emit(format, &listing::roles(curriculum)[..], table::roles, out)?
                    }
                }
                Ok(exit::OK)
            }
            Command::Show { doc, format } => {
                let opened = learnpath::open(&context.source)?;
                let id = opened.curriculum.find_doc(&doc)?;
                let detail = listing::doc_detail(&opened.curriculum, &opened.graph, id);
                emit(format.format, &detail, table::doc_detail, out)?;
                Ok(exit::OK)
            }
        }
    }
}

impl Choice {
    /// The selection; a role or 1-2 specializations are required.
    fn resolve(&self, curriculum: &Curriculum) -> Result<Selection, Error> {
        match &self.role {
            Some(role) => Selection::role(curriculum, curriculum.find_role(role)?),
            None => {
                let specs = self
                    .spec
                    .iter()
                    .map(|name| curriculum.find_specialization(name))
                    .collect::<Result<Vec<_>, _>>()?;
                Selection::specializations(curriculum, specs)
            }
        }
    }

    /// The selection, or none when neither --role nor --spec is given.
    fn resolve_optional(&self, curriculum: &Curriculum) -> Result<Option<Selection>, Error> {
        if self.role.is_none() && self.spec.is_empty() {
            return Ok(None);
        }
        self.resolve(curriculum).map(Some)
    }
}

/// The plan the options ask for. `None` when `--by` cannot be met (the answer is printed).
/// `prose` says whether the `--by` answer may go to standard output (tables only).
fn build_plan(
    options: &PlanOptions,
    context: &Context,
    prose: bool,
    out: &mut dyn Write,
) -> Result<Option<Plan>, Failure> {
    let Opened {
        curriculum, graph, ..
    } = learnpath::open(&context.source)?;
    let selection = options.choice.resolve(&curriculum)?;
    let done = context.done(&curriculum, &options.done)?;
    let start = options.start.unwrap_or(context.today);
    let planner = Planner::new(&curriculum, &graph, selection, &done);
    let settings_for = |weekly| Settings::new(start, weekly, options.days, options.session);
    let plan = match (options.hours, options.by) {
        (Some(weekly), _) => planner.plan(&settings_for(weekly))?,
        (None, Some(by)) => match planner.plan_by(by, settings_for)? {
            ByDate::Met(plan) => {
                // Half-hour steps: one decimal is exact.
                let answer = format!(
                    "To finish by {by}, study {:.1} h a week.",
                    plan.settings.weekly_minutes.hours()
                );
                // Only the table has room for prose; JSON, Markdown and files stay clean.
                if prose {
                    writeln!(out, "{answer}\n")?;
                } else {
                    say(&answer);
                }
                plan
            }
            ByDate::Missed { fastest } => {
                let answer = format!(
                    "No weekly hours are enough to finish by {by}: even the most this schedule can use ({} a week on {}, sessions up to {}) finishes on {}.\nAdd study days (--days) or allow longer sessions (--session).",
                    format_minutes(fastest.settings.usable_weekly_minutes()),
                    fastest.settings.days,
                    format_minutes(fastest.settings.effective_session()),
                    fastest
                        .summary
                        .finish_date
                        .map_or_else(|| "-".to_string(), |date| date.to_string()),
                );
                if prose {
                    writeln!(out, "{answer}")?;
                } else {
                    say(&answer);
                }
                return Ok(None);
            }
        },
        (None, None) => {
            return Err(Error::Usage {
                message: "give --hours (weekly study hours) or --by DATE".to_string(),
            }
            .into());
        }
    };
    for note in &plan.notes {
        say(format!("note: {note}"));
    }
    Ok(Some(plan))
}

/// Writes `bytes` to the file (atomically) or, for none or `-`, to standard output.
fn write_output(
    output: Option<PathBuf>,
    bytes: &[u8],
    out: &mut dyn Write,
    what: &str,
) -> Result<(), Failure> {
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            atomic_file::write(&path, bytes)?;
            say(format!("note: wrote {what} to {}", path.display()));
        }
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// Writes `value` as a table or as JSON.
fn emit<T: serde::Serialize + ?Sized>(
    format: Format,
    value: &T,
    as_table: fn(&T, &mut dyn Write) -> io::Result<()>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => as_table(value, out),
        Format::Json => json::write(value, out),
    }
}
