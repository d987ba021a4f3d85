//! The library's error type. Each variant knows its exit code (see the README).

use crate::diagnostic::Diagnostic;
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;

/// Exit codes, as documented in the README and DESIGN.md.
pub mod exit {
    pub const OK: i32 = 0;
    /// The answer is "no" (for example `check` found unmet prerequisites).
    pub const NO: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const DATA: i32 = 65;
    pub const IO: i32 = 74;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("curriculum folder '{}' does not exist", path.display())]
    CurriculumMissing { path: PathBuf },

    #[error("curriculum path '{}' is not a folder", path.display())]
    CurriculumNotADir { path: PathBuf },

    #[error("'{}': {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The curriculum has errors; each diagnostic names its file, line and field.
    #[error("{}", render_invalid(.diagnostics))]
    InvalidCurriculum { diagnostics: Vec<Diagnostic> },

    /// No document has this name. `candidates` are the closest names, best first (at most
    /// five), possibly none.
    #[error("unknown document '{name}'{}", did_you_mean(.candidates))]
    UnknownDoc {
        name: String,
        candidates: Vec<String>,
    },

    /// No specialization has this id, folder or title word.
    #[error("{}", unknown_specialization(.name, .suggestion.as_deref(), .known))]
    UnknownSpecialization {
        name: String,
        suggestion: Option<String>,
        /// Every specialization, "3.1 Storage & RDMA Applications" style.
        known: Vec<String>,
    },

    /// No role has this name or alias.
    #[error("unknown role '{name}'; {}the roles are: {}", suggestion.as_ref().map(|role| format!("did you mean '{role}'? ")).unwrap_or_default(), .known.join(", "))]
    UnknownRole {
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },

    /// A name matches more than one thing of its kind.
    #[error("{kind} '{name}' is ambiguous; it matches:\n  {}\nwrite more of the path to choose one", .candidates.join("\n  "))]
    Ambiguous {
        kind: Kind,
        name: String,
        candidates: Vec<String>,
    },

    /// A plan follows one or two specializations.
    #[error("choose 1-2 specializations, not {}{}", .named.len(), if .named.is_empty() { String::new() } else { format!(" ({})", .named.join(", ")) })]
    SpecializationCount { named: Vec<String> },

    /// A chosen specialization has no study documents.
    #[error("specialization '{specialization}' has no study documents in {origin}")]
    EmptySpecialization {
        specialization: String,
        origin: String,
    },

    /// A deadline before the plan starts.
    #[error("the deadline {by} is earlier than the start date {start}")]
    ByBeforeStart { by: NaiveDate, start: NaiveDate },

    /// Calendars and spreadsheets hold years up to 9999; the plan would not fit.
    #[error("the plan would run past the year 9999")]
    PastYear9999,

    /// A session that ends after the year 9999 at the chosen time of day.
    #[error("the session on {date} ends after the year 9999{}, which calendars cannot hold", if *.utc { " in UTC" } else { "" })]
    SessionPastYear9999 { date: NaiveDate, utc: bool },

    /// No sitting for years: the calendar leaves no room for what is next in the plan.
    #[error(
        "nothing fits the free time left after {since} for four years; the busy calendars or skipped dates leave too little room"
    )]
    NothingFits { since: NaiveDate },

    /// Weekly hours or a session length outside what learnpath plans with.
    #[error(transparent)]
    Time(#[from] crate::plan::settings::TimeError),

    /// learnpath refuses to write to this path (see `atomic_file::check_target`).
    #[error("'{}' {reason}", path.display())]
    Refused { path: PathBuf, reason: Refusal },

    /// A command that writes the progress file, asked not to use it.
    #[error(
        "`{command}` records progress in the progress file and cannot be used with --no-progress"
    )]
    NoProgressForRecording { command: &'static str },

    /// No home folder to put the default files in.
    #[error("cannot find the home folder for {what}")]
    NoHome { what: HomeFor },

    /// A command that changes the profile, asked not to use it.
    #[error("`{command}` changes the profile and cannot be used with --no-profile")]
    NoProfileForChanging { command: &'static str },

    /// The profile cannot be understood or used here. It is never overwritten in that case.
    #[error("{}{}: {problem}\n  help: fix the profile or move it away; learnpath left it untouched", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Profile {
        path: PathBuf,
        line: Option<usize>,
        problem: ProfileProblem,
    },

    /// The progress file cannot be understood. It is never overwritten in that case.
    #[error("{}{}: {problem}\n  help: fix the progress file or move it away; learnpath left it untouched", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Progress {
        path: PathBuf,
        line: Option<usize>,
        problem: ProgressProblem,
    },
}

impl Error {
    pub fn code(&self) -> i32 {
        match self {
            Error::CurriculumMissing { .. }
            | Error::CurriculumNotADir { .. }
            | Error::Io { .. } => exit::IO,
            Error::InvalidCurriculum { .. } | Error::Progress { .. } | Error::Profile { .. } => {
                exit::DATA
            }
            Error::UnknownDoc { .. }
            | Error::UnknownSpecialization { .. }
            | Error::UnknownRole { .. }
            | Error::Ambiguous { .. }
            | Error::SpecializationCount { .. }
            | Error::EmptySpecialization { .. }
            | Error::ByBeforeStart { .. }
            | Error::PastYear9999
            | Error::SessionPastYear9999 { .. }
            | Error::NothingFits { .. }
            | Error::Time(_)
            | Error::Refused { .. }
            | Error::NoHome { .. }
            | Error::NoProgressForRecording { .. }
            | Error::NoProfileForChanging { .. } => exit::USAGE,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// What a name was looked up as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Document,
    Specialization,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Document => "document",
            Kind::Specialization => "specialization",
        })
    }
}

/// What is wrong with a progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressProblem {
    Empty,
    /// A `schema_version` this learnpath does not read.
    OtherVersion(u32),
    /// No `schema_version`: not a progress file.
    NoVersion,
    /// The YAML parser's message.
    Yaml(String),
    /// The YAML parser's message about a progress file of this version.
    Invalid(String),
    NotUtf8 {
        offset: usize,
    },
    /// Past the size limit, as read (`bytes`) or as a change would write it.
    TooLarge {
        bytes: u64,
        writing: bool,
    },
}

impl fmt::Display for ProgressProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::progress::{MAX_FILE_BYTES, SCHEMA_VERSION};
        match self {
            ProgressProblem::Empty => write!(
                f,
                "the file is empty; expected `schema_version: {SCHEMA_VERSION}` and a `done:` list"
            ),
            ProgressProblem::OtherVersion(other) => write!(
                f,
                "schema_version {other} is not one this learnpath knows (it reads {SCHEMA_VERSION}); a newer learnpath may have written it"
            ),
            ProgressProblem::NoVersion => write!(
                f,
                "no schema_version; this is not a learnpath progress file (expected `schema_version: {SCHEMA_VERSION}`)"
            ),
            ProgressProblem::Yaml(message) => write!(f, "invalid YAML: {message}"),
            ProgressProblem::Invalid(message) => write!(f, "invalid progress file: {message}"),
            ProgressProblem::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (invalid byte at offset {offset})")
            }
            ProgressProblem::TooLarge { bytes, writing } => {
                let limit = format!(
                    "more than the limit of {} MiB for a progress file (about 250,000 entries)",
                    MAX_FILE_BYTES >> 20
                );
                if *writing {
                    write!(
                        f,
                        "with this change the file would be {bytes} bytes, {limit}; nothing was written"
                    )
                } else {
                    write!(f, "the file is {bytes} bytes, {limit}")
                }
            }
        }
    }
}

/// What the home folder was looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeFor {
    /// The default progress file, under `$XDG_DATA_HOME`.
    Progress,
    /// The default profile, under `$XDG_CONFIG_HOME`.
    Profile,
}

impl fmt::Display for HomeFor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HomeFor::Progress => "the progress file",
            HomeFor::Profile => "the profile",
        })
    }
}

/// What is wrong with a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    Empty,
    NotUtf8 {
        offset: usize,
    },
    /// The YAML parser's message.
    Yaml(String),
    /// The YAML parser's message about a profile of this version (a wrong type, an unknown
    /// key).
    Invalid(String),
    /// A `schema_version` this learnpath does not read.
    OtherVersion(u32),
    /// No `schema_version`: not a profile.
    NoVersion,
    /// No `curriculum:`; `expected` is this curriculum's id.
    NoCurriculum {
        expected: String,
    },
    /// The profile of another curriculum (copied, or given with `--profile`).
    Foreign {
        found: String,
        expected: String,
    },
    /// Both `role` and `spec`: a profile holds one or the other.
    RoleAndSpec,
    /// Past the size limit.
    TooLarge {
        bytes: u64,
    },
    /// A value that cannot be used: not what its flag accepts, or naming nothing in the
    /// curriculum.
    Value {
        key: crate::profile::Key,
        value: String,
        message: String,
    },
}

impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::profile::{MAX_FILE_BYTES, SCHEMA_VERSION};
        match self {
            ProfileProblem::Empty => write!(
                f,
                "the file is empty; expected `schema_version: {SCHEMA_VERSION}` and `curriculum: <id>`"
            ),
            ProfileProblem::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (invalid byte at offset {offset})")
            }
            ProfileProblem::Yaml(message) => write!(f, "invalid YAML: {message}"),
            ProfileProblem::Invalid(message) => write!(f, "invalid profile: {message}"),
            ProfileProblem::OtherVersion(other) => write!(
                f,
                "schema_version {other} is not one this learnpath knows (it reads {SCHEMA_VERSION}); a newer learnpath may have written it"
            ),
            ProfileProblem::NoVersion => write!(
                f,
                "no schema_version; this is not a learnpath profile (expected `schema_version: {SCHEMA_VERSION}`)"
            ),
            ProfileProblem::NoCurriculum { expected } => write!(
                f,
                "no `curriculum:`; a profile names the curriculum it is for (here `curriculum: {expected}`)"
            ),
            ProfileProblem::Foreign { found, expected } => write!(
                f,
                "a foreign profile: it is for the curriculum '{found}', not this one ('{expected}')"
            ),
            ProfileProblem::RoleAndSpec => f.write_str(
                "both role and spec are set; a profile holds a role or specializations, not both",
            ),
            ProfileProblem::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, more than the limit of {} MiB for a profile",
                MAX_FILE_BYTES >> 20
            ),
            ProfileProblem::Value { key, message, .. } => write!(f, "{key}: {message}"),
        }
    }
}

/// Why a path may not be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The name ends in `/`.
    NamesAFolder,
    IsAFolder,
    /// A device, a pipe, a socket.
    NotARegularFile,
    DanglingLink,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::NamesAFolder => {
                "ends with '/', which names a folder; give a file name to write to"
            }
            Refusal::IsAFolder => "is a folder; give a file name to write to",
            Refusal::NotARegularFile => "is not a regular file; refusing to replace it",
            Refusal::DanglingLink => "is a symbolic link to nothing; refusing to replace it",
        })
    }
}

/// "; did you mean 'x'?" or "; did you mean one of:" and a list; nothing without candidates.
fn did_you_mean(candidates: &[String]) -> String {
    match candidates {
        [] => String::new(),
        [one] => format!("; did you mean '{one}'?"),
        many => format!("; did you mean one of:\n  {}", many.join("\n  ")),
    }
}

fn unknown_specialization(name: &str, suggestion: Option<&str>, known: &[String]) -> String {
    if known.is_empty() {
        return format!(
            "unknown specialization '{name}': this curriculum defines no specializations"
        );
    }
    let suggestion = suggestion
        .map(|spec| format!("did you mean '{spec}'? "))
        .unwrap_or_default();
    format!(
        "unknown specialization '{name}'; {suggestion}the specializations are:\n  {}",
        known.join("\n  ")
    )
}

fn render_invalid(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    let count = errors.len();
    let noun = if count == 1 { "error" } else { "errors" };
    format!(
        "{}\nthe curriculum has {count} {noun}; run `learnpath validate` for the full report",
        errors.join("\n")
    )
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
