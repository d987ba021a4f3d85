//! The command line's wording of the library's errors: where a message can name the flag or
//! the command that helps, it is written here, in one place.

use learnpath::Error;

/// The message for `error`, as the command line says it (without the "error: " label).
pub(super) fn describe(error: &Error) -> String {
    match error {
        Error::UnknownDoc { candidates, .. } if candidates.is_empty() => {
            format!("{error}; run `learnpath list docs` to see them all")
        }
        Error::SpecializationCount { .. } => format!("{error}; see `learnpath list`"),
        Error::ByBeforeStart { by, start } => {
            format!("--by {by} is earlier than the start date {start}")
        }
        Error::PastYear9999 => format!("{error}; study more hours a week (--hours)"),
        Error::SessionPastYear9999 { .. } => format!("{error}; choose an earlier --at"),
        Error::NoProgressForRecording { .. } => {
            format!("{error}; leave out --no-progress (or pass --progress FILE for another file)")
        }
        Error::NoHome { .. } => {
            format!("{error}; pass --progress FILE or set LEARNPATH_PROGRESS")
        }
        _ => error.to_string(),
    }
}
