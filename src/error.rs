//! The library's error type. Each variant knows its exit code (see the README).

use crate::diagnostic::Diagnostic;
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

    /// A name given on the command line matches nothing (or too much).
    #[error("{message}")]
    Lookup { message: String },

    /// An argument value the library cannot accept (the CLI validates most of them first).
    #[error("{message}")]
    Usage { message: String },

    /// The progress file cannot be understood. It is never overwritten in that case.
    #[error("{}{}: {message}\n  help: fix the progress file or move it away; learnpath left it untouched", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Progress {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
}

impl Error {
    pub fn code(&self) -> i32 {
        match self {
            Error::CurriculumMissing { .. }
            | Error::CurriculumNotADir { .. }
            | Error::Io { .. } => exit::IO,
            Error::InvalidCurriculum { .. } | Error::Progress { .. } => exit::DATA,
            Error::Lookup { .. } | Error::Usage { .. } => exit::USAGE,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
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
