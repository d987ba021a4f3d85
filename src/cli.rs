//! Command-line arguments and dispatch. No logic beyond turning arguments into library calls,
//! picking a renderer and mapping errors to exit codes.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use learnpath::error::exit;
use learnpath::plan::ready::{self, Target};
use learnpath::plan::settings::parse_date;
use learnpath::plan::{Planner, Selection, SessionMinutes, Settings, StudyDays, WeeklyMinutes};
use learnpath::render::{json, markdown, plan as plan_render, ready as ready_render, table};
use learnpath::{Curriculum, Error, Opened, Source, listing, validate};
use std::io::{self, Write};
use std::path::PathBuf;

const QUICK_START: &str = "\
learnpath: plan your way through a Markdown curriculum

Quick start:
  learnpath plan --role \"storage engineer\" --hours 5
                                       a dated study plan for a role
  learnpath list                       the specializations you can choose
  learnpath list roles                 the roles that lead to them
  learnpath show 01_pfc_dcb_storage    one document and what it needs
  learnpath validate                   check a curriculum folder

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

    #[command(subcommand)]
    command: Option<Command>,
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
    /// A checklist grouped by week, each document linked to its source.
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

/// What the learner has already studied.
#[derive(Debug, Clone, Args)]
struct Done {
    /// Documents already studied (names as for `show`; repeat or separate with commas).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    done: Vec<String>,
}

#[derive(Debug, Args)]
struct PlanArgs {
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
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: PlanFormat,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Plan study sessions for a role or 1-2 specializations: what, in which order, on which days.
    #[command(
        after_help = "Examples:\n  learnpath plan --role \"storage engineer\" --hours 5\n  learnpath plan --spec 3.3 --spec 3.4 --hours 8 --days mon,tue,thu --start 2027-01-04\n  learnpath plan --spec overlay --by 2027-03-01 --format markdown"
    )]
    Plan(PlanArgs),

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
    #[command(flatten)]
    format: FormatArg,
}

#[derive(Debug, Subcommand)]
enum ListWhat {
    /// The specializations a learner chooses 1-2 of (the default).
    Specializations(FormatArg),
    /// Study documents, optionally of one specialization.
    Docs {
        /// Only the documents of this specialization ("3.1", its folder or a word of its title).
        #[arg(long)]
        spec: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Roles and the specializations they lead to.
    Roles(FormatArg),
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        print!("{QUICK_START}");
        return exit::OK;
    };
    let source = cli.curriculum.map_or(Source::Embedded, Source::Dir);
    let today = chrono::Local::now().date_naive();
    let mut out = io::stdout().lock();
    match command.execute(&source, today, &mut out).and_then(|code| {
        out.flush().map_err(Failure::Output)?;
        Ok(code)
    }) {
        Ok(code) => code,
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(Failure::Output(error)) => {
            eprintln!("error: cannot write output: {error}");
            exit::IO
        }
        Err(Failure::Library(error)) => {
            match error {
                // Its diagnostics carry their own "error:" labels.
                Error::InvalidCurriculum { .. } => eprintln!("{error}"),
                _ => eprintln!("error: {error}"),
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
    fn execute(
        self,
        source: &Source,
        today: NaiveDate,
        out: &mut dyn Write,
    ) -> Result<i32, Failure> {
        match self {
            Command::Plan(args) => plan(args, source, today, out),
            Command::Check {
                targets,
                done,
                format,
            } => {
                let opened = learnpath::open(source)?;
                let curriculum = &opened.curriculum;
                let targets = targets
                    .iter()
                    .map(|name| Target::find(curriculum, name))
                    .collect::<Result<Vec<_>, _>>()?;
                let done = done.resolve(curriculum)?;
                let report = ready::check(curriculum, &opened.graph, &targets, &done);
                emit(format.format, &report, ready_render::check, out)?;
                Ok(if report.ready { exit::OK } else { exit::NO })
            }
            Command::Next {
                choice,
                done,
                format,
            } => {
                let opened = learnpath::open(source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve_optional(curriculum)?;
                let done = done.resolve(curriculum)?;
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
                let opened = learnpath::open(source)?;
                let curriculum = &opened.curriculum;
                let selection = choice.resolve(curriculum)?;
                let doc = curriculum.find_doc(&doc)?;
                let done = done.resolve(curriculum)?;
                let answer = ready::why(curriculum, &opened.graph, &selection, doc, &done);
                emit(format.format, &answer, ready_render::why, out)?;
                Ok(if answer.reason.is_some() {
                    exit::OK
                } else {
                    exit::NO
                })
            }
            Command::Validate(FormatArg { format }) => {
                let report = validate::validate(source)?;
                match format {
                    Format::Table => table::validation(&report, out)?,
                    Format::Json => json::write(&report, out)?,
                }
                Ok(if report.ok { exit::OK } else { exit::DATA })
            }
            Command::List(args) => {
                let opened = learnpath::open(source)?;
                let curriculum = &opened.curriculum;
                match args.what {
                    None => emit(
                        args.format.format,
                        &listing::specializations(curriculum)[..],
                        table::specializations,
                        out,
                    )?,
                    Some(ListWhat::Specializations(FormatArg { format })) => emit(
                        format,
                        &listing::specializations(curriculum)[..],
                        table::specializations,
                        out,
                    )?,
                    Some(ListWhat::Docs { spec, format }) => {
                        let spec = spec
                            .map(|name| curriculum.find_specialization(&name))
                            .transpose()?;
                        emit(
                            format.format,
                            &listing::docs(curriculum, spec)[..],
                            table::docs,
                            out,
                        )?
                    }
                    Some(ListWhat::Roles(FormatArg { format })) => {
                        emit(format, &listing::roles(curriculum)[..], table::roles, out)?
                    }
                }
                Ok(exit::OK)
            }
            Command::Show { doc, format } => {
                let opened = learnpath::open(source)?;
                let id = opened.curriculum.find_doc(&doc)?;
                let detail = listing::doc_detail(&opened.curriculum, &opened.graph, id);
                emit(format.format, &detail, table::doc_detail, out)?;
                Ok(exit::OK)
            }
        }
    }
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

impl Done {
    /// Per document: is it done?
    fn resolve(&self, curriculum: &Curriculum) -> Result<Vec<bool>, Error> {
        let mut done = vec![false; curriculum.docs.len()];
        for name in &self.done {
            done[curriculum.find_doc(name)?.0] = true;
        }
        Ok(done)
    }
}

fn plan(
    args: PlanArgs,
    source: &Source,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let Opened {
        curriculum, graph, ..
    } = learnpath::open(source)?;
    let selection = args.choice.resolve(&curriculum)?;
    let done = args.done.resolve(&curriculum)?;
    let start = args.start.unwrap_or(today);
    let planner = Planner::new(&curriculum, &graph, selection, &done);
    let settings_for = |weekly| Settings::new(start, weekly, args.days, args.session);
    let plan = match (args.hours, args.by) {
        (Some(weekly), _) => planner.plan(&settings_for(weekly))?,
        (None, Some(by)) => match planner.plan_by(by, settings_for)? {
            Some(plan) => {
                let answer = format!(
                    "To finish by {by}, study {:.1} h a week.",
                    plan.settings.weekly_minutes.hours()
                );
                // Only the table has room for prose; JSON and Markdown stay clean.
                if args.format == PlanFormat::Table {
                    writeln!(out, "{answer}\n")?;
                } else {
                    eprintln!("{answer}");
                }
                plan
            }
            None => {
                let most = WeeklyMinutes::from_hours(learnpath::plan::settings::MAX_WEEKLY_HOURS)
                    .map_err(|message| Error::Usage { message })?;
                let fastest = planner.plan(&settings_for(most))?;
                writeln!(
                    out,
                    "No weekly hours are enough to finish by {by}: even the most this schedule can use ({:.1} h a week on {}, sessions up to {} min) finishes on {}.\nAdd study days (--days) or allow longer sessions (--session).",
                    fastest.settings.usable_weekly_minutes() as f64 / 60.0,
                    fastest.settings.days,
                    fastest.settings.effective_session(),
                    fastest
                        .summary
                        .finish_date
                        .map_or_else(|| "-".to_string(), |date| date.to_string()),
                )?;
                return Ok(exit::NO);
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
        eprintln!("note: {note}");
    }
    match args.format {
        PlanFormat::Table => plan_render::render(&plan, out)?,
        PlanFormat::Json => json::write(&plan, out)?,
        PlanFormat::Markdown => markdown::render(&plan, out)?,
    }
    Ok(exit::OK)
}
