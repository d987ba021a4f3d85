//! Command-line arguments and dispatch. No logic beyond turning arguments into library calls,
//! picking a renderer and mapping errors to exit codes.

use clap::{Args, Parser, Subcommand, ValueEnum};
use learnpath::error::exit;
use learnpath::render::{json, table};
use learnpath::{Error, Source, listing, validate};
use std::io::{self, Write};
use std::path::PathBuf;

const QUICK_START: &str = "\
learnpath: plan your way through a Markdown curriculum

Quick start:
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

#[derive(Debug, Subcommand)]
enum Command {
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
    let mut out = io::stdout().lock();
    match command.execute(&source, &mut out).and_then(|code| {
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
    fn execute(self, source: &Source, out: &mut dyn Write) -> Result<i32, Failure> {
        match self {
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
