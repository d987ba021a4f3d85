//! The command line's wording of the library's errors: where a message can name the flag or
//! the command that helps, it is written here, in one place.

use learnpath::Error;
use learnpath::error::{HomeFor, KeptFile, Problem};

/// The message for `error`, as the command line says it (without the "error: " label).
pub(super) fn describe(error: &Error) -> String {
    match error {
        Error::UnknownDoc { candidates, .. } if candidates.is_empty() => {
            format!("{error}; run `learnpath list docs` to see them all")
        }
        Error::SpecializationCount { named } if named.is_empty() => format!(
            "{error}; see `learnpath list` (give --role or --spec, or save them with `learnpath profile set`)"
        ),
        Error::SpecializationCount { .. } => format!("{error}; see `learnpath list`"),
        Error::ByBeforeStart { by, start } => {
            format!("--by {by} is earlier than the start date {start}")
        }
        Error::PastYear9999 => format!("{error}; study more hours a week (--hours)"),
        Error::SessionPastYear9999 { .. } => format!("{error}; choose an earlier --at"),
        Error::NoProgressForRecording { .. } => {
            format!("{error}; leave out --no-progress (or pass --progress FILE for another file)")
        }
        Error::NoHome {
            what: HomeFor::Progress,
        } => {
            format!("{error}; pass --progress FILE or set LEARNPATH_PROGRESS")
        }
        Error::NoHome {
            what: HomeFor::Profile,
        } => {
            format!("{error}; pass --profile FILE or set LEARNPATH_PROFILE")
        }
        Error::NoProfileForChanging { .. } => {
            format!("{error}; leave out --no-profile (or pass --profile FILE for another file)")
        }
        Error::Kept {
            path,
            line,
            file: KeptFile::Profile,
            problem,
        } => {
            let help = match problem {
                Problem::Value {
                    key,
                    list: true,
                    value,
                    ..
                } => format!(
                    "save another with `learnpath profile set --{key} ...`, or remove it with `learnpath profile unset {key} '{value}'`"
                ),
                Problem::Value { key, .. } => format!(
                    "save another with `learnpath profile set --{key} ...`, or remove it with `learnpath profile unset {key}`"
                ),
                Problem::Foreign { .. } => "give this curriculum's profile (--profile FILE), or remove this one with `learnpath profile reset`".to_string(),
                _ => "fix it by hand, or remove it with `learnpath profile reset`".to_string(),
            };
            let line = line.map(|line| format!(":{line}")).unwrap_or_default();
            format!(
                "{}{line}: {}\n  help: {help}; learnpath left the file untouched",
                path.display(),
                problem.in_file(KeptFile::Profile)
            )
        }
        _ => error.to_string(),
    }
}
