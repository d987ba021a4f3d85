//! The command line's wording of the library's errors. The library's messages state what went
//! wrong; what to do about it, where that names a flag, an environment variable or a command,
//! is written here, in one place.

use learnpath::Error;
use learnpath::error::{HomeFor, KeptFile, Problem, Refusal, UsageProblem};

/// `review` of a document not done yet.
pub(super) fn review_not_done(path: &str) -> String {
    format!(
        "{path} is not done yet, so there is nothing to review; mark it with `learnpath done` first"
    )
}

/// `review --on` a day before the document was done.
pub(super) fn review_before_done(
    path: &str,
    date: chrono::NaiveDate,
    done: chrono::NaiveDate,
) -> String {
    format!("--on {date} is before {path} was done ({done}); a review comes after the study")
}

/// `done --through` a chapter the table of contents lists but that is not written yet.
pub(super) fn through_a_draft(name: &str) -> String {
    format!(
        "'{name}' is a draft in the table of contents (listed, not written yet); name a written page"
    )
}

/// `--review-minutes` that is no duration of 1 to 60 minutes.
pub(super) fn review_minutes(text: &str) -> String {
    format!("'{text}' is not a review's time from 1 to 60 min (e.g. 10m)")
}

/// What the command line adds to the library's message.
enum Hint {
    /// After the message: "message; hint".
    Inline(String),
    /// On a line of its own: "message\n  help: hint".
    Help(String),
}

/// The message for `error`, as the command line says it (without the "error: " label).
pub(super) fn describe(error: &Error) -> String {
    if let Some(message) = reworded(error) {
        return message;
    }
    match hint(error) {
        Some(Hint::Inline(hint)) => format!("{error}; {hint}"),
        Some(Hint::Help(hint)) => format!("{error}\n  help: {hint}"),
        None => error.to_string(),
    }
}

/// The messages the command line says in its own words: the fact as the flags give it.
fn reworded(error: &Error) -> Option<String> {
    let message = match error {
        Error::ByBeforeStart { by, start } => {
            format!("--by {by} is earlier than the start date {start}")
        }
        Error::NoProgressForRecording { command } => format!(
            "`{command}` records progress in the progress file and cannot be used with --no-progress; leave out --no-progress (or pass --progress FILE for another file)"
        ),
        Error::NoProfileForChanging { command } => format!(
            "`{command}` changes the profile and cannot be used with --no-profile; leave out --no-profile (or pass --profile FILE for another file)"
        ),
        Error::Refused {
            reason: Refusal::Exists,
            ..
        } => format!("{error} (--force replaces it)"),
        Error::CaldavUsage {
            problem: UsageProblem::NoUser { host },
        } => format!(
            "a password is given (LEARNPATH_CALDAV_PASSWORD) but no user for {host}; give --user NAME or save it with `learnpath profile set --user NAME`"
        ),
        Error::Kept {
            path,
            line,
            file,
            problem,
        } => {
            let line = line.map(|line| format!(":{line}")).unwrap_or_default();
            format!(
                "{}{line}: {}\n  help: {}",
                path.display(),
                kept_fact(*file, problem),
                kept_help(*file, problem)
            )
        }
        _ => return None,
    };
    Some(message)
}

/// What is wrong with a kept file, where the command line can say which command writes it or
/// which flag keeps two apart.
fn kept_fact(file: KeptFile, problem: &Problem) -> String {
    let fact = problem.in_file(file).to_string();
    match (file, problem) {
        (KeptFile::Baseline, Problem::Empty { .. }) => {
            format!("{fact} written by `learnpath follow`")
        }
        (KeptFile::CalendarRecord, Problem::Empty { .. }) => {
            format!("{fact} written by `learnpath export --format ics`")
        }
        (KeptFile::Memory, Problem::Empty { .. }) => {
            format!("{fact} written by `learnpath review --fit`")
        }
        (KeptFile::CalendarRecord, Problem::Foreign { .. }) => format!(
            "{fact} (two curricula that share a progress file cannot share its calendar record: give each its own --progress)"
        ),
        _ => fact,
    }
}

/// What to do about a kept file that cannot be used; learnpath never overwrites it then.
fn kept_help(file: KeptFile, problem: &Problem) -> String {
    let what = match file {
        KeptFile::Profile => {
            return format!(
                "{}; learnpath left the file untouched",
                profile_help(problem)
            );
        }
        KeptFile::Progress => "fix the progress file or move it away",
        KeptFile::Baseline => {
            "fix the baseline or move it away (`learnpath follow` makes a new one)"
        }
        KeptFile::CalendarRecord => {
            "move the file away to start the calendar's record afresh (events exported before cannot be cancelled then)"
        }
        KeptFile::Memory => {
            "fix the memory file or move it away (reviews then use the default parameters, and `learnpath review --fit` fits yours again)"
        }
    };
    format!("{what}; learnpath left it untouched")
}

/// What to do about a profile that cannot be used.
fn profile_help(problem: &Problem) -> String {
    match problem {
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
    }
}

/// The flag, variable or command that helps with `error`, if one does.
fn hint(error: &Error) -> Option<Hint> {
    let inline = |text: &str| Some(Hint::Inline(text.to_string()));
    match error {
        Error::InvalidCurriculum { .. } => inline("run `learnpath validate` for the full report"),
        Error::UnknownDoc { candidates, .. } if candidates.is_empty() => {
            inline("run `learnpath list docs` to see them all")
        }
        Error::SpecializationCount { named } if named.is_empty() => inline(
            "see `learnpath list` (give --role or --spec, or save them with `learnpath profile set`)",
        ),
        Error::SpecializationCount { .. } => inline("see `learnpath list`"),
        Error::PastYear9999 => inline("study more hours a week (--hours)"),
        Error::SessionPastYear9999 { .. } => inline("choose an earlier --at"),
        Error::NoHome {
            what: HomeFor::Progress,
        } => inline("pass --progress FILE or set LEARNPATH_PROGRESS"),
        Error::NoHome {
            what: HomeFor::Profile,
        } => inline("pass --profile FILE or set LEARNPATH_PROFILE"),
        Error::CaldavUsage {
            problem: UsageProblem::LoginInUrl,
        } => inline(
            "give the user with --user and the password in LEARNPATH_CALDAV_PASSWORD or ~/.netrc",
        ),
        _ => help(error).map(Hint::Help),
    }
}

/// The help line for `error`, if it has one.
fn help(error: &Error) -> Option<String> {
    const SYNC_AGAIN: &str = "run `learnpath sync` again";
    let text = match error {
        Error::NotFollowing { .. } => "save the plan you mean to follow with `learnpath follow` (same options as `learnpath plan`)".to_string(),
        Error::Calendar { .. } => "learnpath reads busy time from this calendar; fix that line or export the calendar again".to_string(),
        Error::NoPassword { user, host } => format!(
            "set LEARNPATH_CALDAV_PASSWORD, or add `machine {host} login {user} password ...` to ~/.netrc"
        ),
        Error::Network { .. } => format!(
            "check the URL and the network, then {SYNC_AGAIN}; it finishes what this one left undone"
        ),
        Error::PermissionDenied { .. } => "check --user and the password in LEARNPATH_CALDAV_PASSWORD or ~/.netrc, and that this user may write the calendar".to_string(),
        Error::NotACalendar { .. } => "give the URL of a calendar collection, e.g. https://HOST/remote.php/dav/calendars/USER/CALENDAR/ (Nextcloud)".to_string(),
        Error::CaldavProtocol { .. } => format!(
            "the server may not speak CalDAV (RFC 4791); {SYNC_AGAIN}, and report it if it persists"
        ),
        Error::Conflict { .. } => SYNC_AGAIN.to_string(),
        Error::UidTaken { .. } => format!(
            "keep a calendar in step one way: an event with this UID was most likely imported from a file `learnpath export --format ics` wrote, or synced under another name; delete that copy (or sync into another calendar), then {SYNC_AGAIN}"
        ),
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use learnpath::error::{CalendarProblem, CollectionProblem, UidProblem};

    /// The help lines the library's messages carried before they moved here, word for word.
    #[test]
    fn hints_are_said_after_the_fact() {
        let url = || "https://h/cal/".to_string();
        let cases = [
            (
                Error::CaldavUsage {
                    problem: UsageProblem::LoginInUrl,
                },
                "the CalDAV URL holds a user or password; give the user with --user and the password in LEARNPATH_CALDAV_PASSWORD or ~/.netrc",
            ),
            (
                Error::Calendar {
                    path: "work.ics".into(),
                    line: 2,
                    problem: CalendarProblem::Empty,
                },
                "work.ics:2: the calendar is empty\n  help: learnpath reads busy time from this calendar; fix that line or export the calendar again",
            ),
            (
                Error::UidTaken {
                    url: url(),
                    problem: UidProblem::Taken,
                },
                "CalDAV server https://h/cal/: the server refused the event because another event in the calendar already has its UID (HTTP 409)\n  help: keep a calendar in step one way: an event with this UID was most likely imported from a file `learnpath export --format ics` wrote, or synced under another name; delete that copy (or sync into another calendar), then run `learnpath sync` again",
            ),
            (
                Error::NotACalendar {
                    url: url(),
                    problem: CollectionProblem::Missing,
                },
                "https://h/cal/ does not exist (HTTP 404)\n  help: give the URL of a calendar collection, e.g. https://HOST/remote.php/dav/calendars/USER/CALENDAR/ (Nextcloud)",
            ),
            (
                Error::Conflict { url: url() },
                "https://h/cal/ changed on the server while learnpath was updating it\n  help: run `learnpath sync` again",
            ),
            (
                Error::Refused {
                    path: "learnpath.yaml".into(),
                    reason: Refusal::Exists,
                },
                "'learnpath.yaml' already exists; leaving it as it is (--force replaces it)",
            ),
        ];
        for (error, said) in cases {
            assert_eq!(describe(&error), said);
        }
    }

    /// A kept file's message: the library's fact, what writes the file, and what to do.
    #[test]
    fn kept_files_are_said_with_their_command_and_help() {
        let kept = |file, problem| Error::Kept {
            path: "f.yaml".into(),
            line: None,
            file,
            problem,
        };
        let foreign = || Problem::Foreign {
            found: "a".into(),
            expected: "b".into(),
        };
        let cases = [
            (
                kept(KeptFile::Baseline, Problem::Empty { version: 1 }),
                "f.yaml: the file is empty; expected a baseline written by `learnpath follow`\n  help: fix the baseline or move it away (`learnpath follow` makes a new one); learnpath left it untouched",
            ),
            (
                kept(KeptFile::CalendarRecord, foreign()),
                "f.yaml: a foreign calendar record: it is for the curriculum 'a', not this one ('b') (two curricula that share a progress file cannot share its calendar record: give each its own --progress)\n  help: move the file away to start the calendar's record afresh (events exported before cannot be cancelled then); learnpath left it untouched",
            ),
            (
                kept(KeptFile::Profile, foreign()),
                "f.yaml: a foreign profile: it is for the curriculum 'a', not this one ('b')\n  help: give this curriculum's profile (--profile FILE), or remove this one with `learnpath profile reset`; learnpath left the file untouched",
            ),
            (
                kept(KeptFile::Progress, Problem::NoVersion { expected: 1 }),
                "f.yaml: no schema_version; this is not a learnpath progress file (expected `schema_version: 1`)\n  help: fix the progress file or move it away; learnpath left it untouched",
            ),
        ];
        for (error, said) in cases {
            assert_eq!(describe(&error), said);
        }
    }
}
