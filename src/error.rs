//! The library's error type. Each variant knows its exit code (see docs/limits.md).

use crate::diagnostic::Diagnostic;
use crate::words::format_minutes;
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;

mod caldav;
#[cfg(test)]
mod tests;

pub use caldav::{
    CollectionProblem, NetworkProblem, ProtocolProblem, UidProblem, UsageProblem, XmlProblem,
};

/// Exit codes, as documented in docs/limits.md.
pub mod exit {
    pub const OK: i32 = 0;
    /// The answer is "no" (for example `check` found unmet prerequisites).
    pub const NO: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const DATA: i32 = 65;
    pub const IO: i32 = 74;
    /// A server refused the login (CalDAV `sync`).
    pub const PERMISSION: i32 = 77;
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
    Time(#[from] TimeError),

    /// learnpath refuses to write to this path (see `atomic_file::check_target`).
    #[error("'{}' {reason}", path.display())]
    Refused { path: PathBuf, reason: Refusal },

    /// A command that writes the progress file, asked not to use it.
    #[error("`{command}` records progress in the progress file and cannot be used without it")]
    NoProgressForRecording { command: &'static str },

    /// A time taken, minutes or a part to record that the progress file cannot hold.
    #[error("{0}")]
    BadRecord(RecordProblem),

    /// No home folder to put the default files in.
    #[error("cannot find the home folder for {what}")]
    NoHome { what: HomeFor },

    /// A command that changes the profile, asked not to use it.
    #[error("`{command}` changes the profile and cannot be used without it")]
    NoProfileForChanging { command: &'static str },

    /// A file learnpath keeps (the progress file, the profile, the baseline, the calendar
    /// record) cannot be understood or used here. It is never overwritten in that case.
    #[error("{}{}: {}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default(), problem.in_file(*file))]
    Kept {
        path: PathBuf,
        line: Option<usize>,
        file: KeptFile,
        problem: Problem,
    },

    /// A command that needs a followed plan, and none is.
    #[error("no plan is followed yet ({} does not exist)", path.display())]
    NotFollowing { path: PathBuf },

    /// A busy calendar that cannot be read as iCalendar: the file, the line (1-based, the
    /// first line of a folded content line) and what is wrong there.
    #[error("{}:{line}: {problem}", path.display())]
    Calendar {
        path: PathBuf,
        line: usize,
        problem: CalendarProblem,
    },

    /// A CalDAV setting learnpath will not use (a URL that is not one, a password in it, plain
    /// http to a host that is not this machine). Nothing was sent.
    #[error("{problem}")]
    CaldavUsage { problem: UsageProblem },

    /// A user name without a password to send.
    #[error("no password for {user} at {host}")]
    NoPassword { user: String, host: String },

    /// The server could not be reached, or broke off, or answered with a server error. What
    /// a sync did before is kept; the next sync finishes it.
    #[error("CalDAV server {url}: {problem}")]
    Network {
        url: String,
        problem: NetworkProblem,
    },

    /// The server refused the login or the access (HTTP 401 or 403).
    #[error("CalDAV server {url} refused {} (HTTP {status})", user.as_deref().map_or_else(|| "access without a login".to_string(), |user| format!("the login of {user}")))]
    PermissionDenied {
        url: String,
        status: u16,
        user: Option<String>,
    },

    /// The URL answers, but is not a calendar collection learnpath can write to.
    #[error("{url} {problem}")]
    NotACalendar {
        url: String,
        problem: CollectionProblem,
    },

    /// The server answered in a way CalDAV does not allow (bad XML, an unexpected status).
    #[error("CalDAV server {url}: {problem}")]
    CaldavProtocol {
        url: String,
        problem: ProtocolProblem,
    },

    /// An event changed on the server while learnpath was changing it, twice.
    #[error("{url} changed on the server while learnpath was updating it")]
    Conflict { url: String },

    /// The server refused to store an event as conflicting with what it holds (HTTP 409): in
    /// CalDAV, another event of the calendar has its UID (RFC 4791 §5.3.2.1, no-uid-conflict).
    #[error("CalDAV server {url}: {problem}")]
    UidTaken { url: String, problem: UidProblem },
}

impl Error {
    pub fn code(&self) -> i32 {
        match self {
            Error::CurriculumMissing { .. }
            | Error::CurriculumNotADir { .. }
            | Error::Io { .. }
            | Error::Network { .. }
            | Error::CaldavProtocol { .. }
            | Error::Conflict { .. }
            | Error::UidTaken { .. } => exit::IO,
            Error::PermissionDenied { .. } => exit::PERMISSION,
            Error::InvalidCurriculum { .. } | Error::Kept { .. } | Error::Calendar { .. } => {
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
            | Error::BadRecord(_)
            | Error::NoProfileForChanging { .. }
            | Error::NotFollowing { .. }
            | Error::CaldavUsage { .. }
            | Error::NoPassword { .. }
            | Error::NotACalendar { .. } => exit::USAGE,
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

/// A time taken, minutes or a part that the progress file cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordProblem {
    /// Minutes outside 1 min to 24 h: of a time taken, or of partial progress.
    Minutes { of: MinutesOf, minutes: u32 },
    /// A part that is not one of its split's (1 to `most` parts).
    Part { index: u32, count: u32, most: u32 },
}

/// What minutes were given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesOf {
    TimeTaken,
    Partial,
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::Minutes { of, minutes } => {
                let what = match of {
                    MinutesOf::TimeTaken => "a time taken",
                    MinutesOf::Partial => "partial progress",
                };
                write!(f, "{what} of {minutes} min is outside 1 min to 24 h")
            }
            RecordProblem::Part { index, count, most } => write!(
                f,
                "part {index} of {count} is not a part of a split (1 to {most} parts)"
            ),
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

/// A file learnpath keeps for the user, beside the progress file or in the config folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptFile {
    Progress,
    Profile,
    /// The plan followed (`learnpath follow`).
    Baseline,
    /// What was last exported to a calendar.
    CalendarRecord,
    /// The learner's own memory parameters, fitted to their reviews.
    Memory,
}

impl KeptFile {
    /// How messages name the file: "the progress file".
    pub fn name(self) -> &'static str {
        match self {
            KeptFile::Progress => "the progress file",
            KeptFile::Profile => "the profile",
            KeptFile::Baseline => "the baseline",
            KeptFile::CalendarRecord => "the calendar record",
            KeptFile::Memory => "the memory file",
        }
    }

    /// What writing the file is for: "record progress".
    pub fn purpose(self) -> &'static str {
        match self {
            KeptFile::Progress => "record progress",
            KeptFile::Profile => "change the profile",
            KeptFile::Baseline => "follow a plan",
            KeptFile::CalendarRecord => "keep an exported calendar in step",
            KeptFile::Memory => "save your memory parameters",
        }
    }

    /// The kind of file, after "a": "progress file".
    fn noun(self) -> &'static str {
        match self {
            KeptFile::Progress => "progress file",
            KeptFile::Profile => "profile",
            KeptFile::Baseline => "baseline",
            KeptFile::CalendarRecord => "calendar record",
            KeptFile::Memory => "memory file",
        }
    }

    /// What an empty file was expected to hold, `version` being the first version read.
    fn expected(self, version: u32) -> String {
        match self {
            KeptFile::Progress => format!("`schema_version: {version}` and a `done:` list"),
            KeptFile::Profile => format!("`schema_version: {version}` and `curriculum: <id>`"),
            KeptFile::Baseline | KeptFile::CalendarRecord | KeptFile::Memory => {
                format!("a {}", self.noun())
            }
        }
    }
}

/// What is wrong with a file learnpath keeps (see [`KeptFile`]); each carries what its message
/// needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Nothing but blank lines; `version` is the first version read.
    Empty {
        version: u32,
    },
    NotUtf8 {
        offset: usize,
    },
    /// Past the size limit (`limit` bytes), as read (`bytes`) or as a change would write it.
    TooLarge {
        bytes: u64,
        limit: usize,
        writing: bool,
    },
    /// The YAML parser's message.
    Yaml(String),
    /// What is wrong in a file of a version read.
    Invalid(Invalid),
    /// A `schema_version` this learnpath does not read; `reads` are those it reads.
    OtherVersion {
        found: u32,
        reads: &'static [u32],
    },
    /// No `schema_version`: not such a file; `expected` is the first version read.
    NoVersion {
        expected: u32,
    },
    /// No `curriculum:`; `expected` is this curriculum's id.
    NoCurriculum {
        expected: String,
    },
    /// The file of another curriculum (copied, or given with a flag).
    Foreign {
        found: String,
        expected: String,
    },
    /// Both `role` and `spec` in a profile, which holds one or the other.
    RoleAndSpec,
    /// A profile's value that cannot be used: not what its flag accepts, or naming nothing in
    /// the curriculum. `key` is the key's name; `list` whether it holds a list.
    Value {
        key: &'static str,
        list: bool,
        value: String,
        message: String,
    },
}

impl Problem {
    /// The problem's message for a file of this kind.
    pub fn in_file(&self, file: KeptFile) -> InFile<'_> {
        InFile {
            problem: self,
            file,
        }
    }
}

/// What a check found wrong in a kept file of a version learnpath reads.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Invalid {
    /// The YAML parser's own words: a wrong type, an unknown key, a missing field.
    #[error("{0}")]
    Parser(String),
    /// Minutes at `place` ("done[3].took") outside 1 to `most`.
    #[error("{place}: {minutes} minutes is outside 1 to {most} (1 min to 24 h)")]
    Minutes {
        place: String,
        minutes: u32,
        most: u32,
    },
    /// A part number at `place` outside 1 to `most`.
    #[error("{place}: {part} is outside 1 to {most}")]
    Part { place: String, part: u32, most: u32 },
    /// An exported event's sequence past the largest iCalendar allows.
    #[error("the sequence of {uid} is past {most}, the largest iCalendar allows")]
    Sequence { uid: String, most: u32 },
    /// A followed plan's selection with neither a role nor specializations, or both.
    #[error("selection: give a role or specializations")]
    Selection,
    /// A followed plan's sitting of `date` listed after one of `before`.
    #[error("sessions: {date} comes after {before}; sittings are in date order")]
    OutOfOrder { date: NaiveDate, before: NaiveDate },
    /// A followed plan's settings that learnpath does not plan with.
    #[error("settings: {0}")]
    Settings(SettingsError),
    /// A busy calendar the followed plan names that cannot be used, in the command line's
    /// words (which say how such a path is saved).
    #[error("busy: {0}")]
    Busy(String),
    /// A memory file's FSRS parameters that the model cannot use.
    #[error("parameters: {0}")]
    Parameters(ParametersProblem),
}

/// FSRS parameters the memory model cannot use (a hand-edited memory file).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum ParametersProblem {
    /// Not as many numbers as FSRS 6 has parameters.
    #[error("{found} numbers, expected {expected} (the parameters of FSRS 6)")]
    Count { found: usize, expected: usize },
    /// A parameter (0-based `index`) that is infinite or not a number.
    #[error("the number at {index} (counting from 0) is not a finite number")]
    NotFinite { index: usize },
    /// The forgetting curve's decay, the last parameter, outside what the model accepts.
    #[error("the last number, the forgetting curve's decay, is {value}, outside {least} to {most}")]
    Decay { value: f32, least: f32, most: f32 },
}

/// A followed plan's settings that learnpath does not plan with (a hand-edited file).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Time(#[from] TimeError),
    #[error("{key}: '{name}' is not a weekday (mon to sun)")]
    NotAWeekday { key: &'static str, name: String },
    #[error("days: no study day")]
    NoStudyDay,
}

/// A [`Problem`] and the file it is in, to display.
#[derive(Debug, Clone, Copy)]
pub struct InFile<'a> {
    problem: &'a Problem,
    file: KeptFile,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, noun) = (self.file, self.file.noun());
        match self.problem {
            Problem::Empty { version } => {
                write!(f, "the file is empty; expected {}", file.expected(*version))
            }
            Problem::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (invalid byte at offset {offset})")
            }
            Problem::TooLarge {
                bytes,
                limit,
                writing,
            } => f.write_str(&too_large(file, *bytes, *limit, *writing)),
            Problem::Yaml(message) => write!(f, "invalid YAML: {message}"),
            Problem::Invalid(message) => write!(f, "invalid {noun}: {message}"),
            Problem::OtherVersion { found, reads } => {
                let reads: Vec<String> = reads.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "schema_version {found} is not one this learnpath knows (it reads {}); a newer learnpath may have written it",
                    and_list(&reads)
                )
            }
            Problem::NoVersion { expected } => write!(
                f,
                "no schema_version; this is not a learnpath {noun} (expected `schema_version: {expected}`)"
            ),
            Problem::NoCurriculum { expected } => write!(
                f,
                "no `curriculum:`; a {noun} names the curriculum it is for (here `curriculum: {expected}`)"
            ),
            Problem::Foreign { found, expected } => {
                write!(
                    f,
                    "a foreign {noun}: it is for the curriculum '{found}', not this one ('{expected}')"
                )
            }
            Problem::RoleAndSpec => f.write_str(
                "both role and spec are set; a profile holds a role or specializations, not both",
            ),
            Problem::Value { key, message, .. } => write!(f, "{key}: {message}"),
        }
    }
}

/// The message for a file of `bytes` past its limit, as read or as a change would write it.
fn too_large(file: KeptFile, bytes: u64, limit: usize, writing: bool) -> String {
    let note = match file {
        KeptFile::Progress => " (about 250,000 entries)",
        _ => "",
    };
    let limit = format!(
        "more than the limit of {} MiB for a {}{note}",
        limit >> 20,
        file.noun()
    );
    if writing {
        format!("with this change the file would be {bytes} bytes, {limit}; nothing was written")
    } else {
        format!("the file is {bytes} bytes, {limit}")
    }
}

/// "1", "1 and 2", "1, 2 and 3".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A weekly time or a session length learnpath does not plan with; each carries the limit it
/// is past.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum TimeError {
    #[error("weekly hours must be a positive number, not {0}")]
    NotPositive(f64),
    #[error("{hours} hours a week is more than {most} (16 hours a day, 7 days a week)")]
    TooManyHours { hours: f64, most: f64 },
    #[error("{hours} hours a week is less than one {session}-minute session (use at least 0.25)")]
    LessThanASession { hours: f64, session: u32 },
    #[error("a session of {} is outside {} to {}", format_minutes(*.minutes), format_minutes(*.least), format_minutes(*.most))]
    SessionOutOfRange { minutes: u32, least: u32, most: u32 },
}

/// What is wrong in a busy calendar (an iCalendar file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarProblem {
    /// Nothing but blank lines.
    Empty,
    /// The first line is not BEGIN:VCALENDAR; `found` is that line, shortened.
    NotACalendar { found: String },
    /// A line that starts with a space or a tab (a folded line's continuation) first of all.
    StrayContinuation,
    /// Not `NAME:value` nor `NAME;PARAM=value:value`; `text` is the line, shortened.
    NotAContentLine { text: String },
    /// Content before BEGIN:VCALENDAR or after its END.
    OutsideCalendar { name: String },
    /// An END that closes nothing (`open` is `None`) or another component than the open one.
    UnexpectedEnd { found: String, open: Option<String> },
    /// A component that is never closed; the line is its BEGIN.
    Unclosed { component: String },
    /// A property the component cannot do without; the line is the component's BEGIN.
    MissingProperty {
        component: String,
        property: &'static str,
    },
    /// A value that is not what the property holds; `value` is shortened.
    BadValue {
        property: String,
        value: String,
        expected: CalendarValue,
    },
    /// A recurrence rule the `rrule` crate rejects, with its reason.
    BadRule { value: String, reason: String },
    /// A TZID that is no IANA time zone name and that no VTIMEZONE of the file defines.
    UnknownZone { tzid: String },
    /// A VTIMEZONE with neither STANDARD nor DAYLIGHT.
    EmptyZone { tzid: String },
    /// DTEND before DTSTART, or a negative DURATION.
    EndBeforeStart { property: &'static str },
    /// A date where DTSTART has a date-time, or the reverse.
    DateAndTime { property: String },
}

/// The kinds of value a busy calendar's properties hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarValue {
    Date,
    DateTime,
    Duration,
    Period,
    UtcOffset,
}

impl fmt::Display for CalendarValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CalendarValue::Date => "a date like 20270104",
            CalendarValue::DateTime => {
                "a date-time like 20270104T093000, or 20270104T083000Z in UTC"
            }
            CalendarValue::Duration => "a duration like PT1H30M or P1D",
            CalendarValue::Period => "a period like 20270104T090000Z/20270104T100000Z",
            CalendarValue::UtcOffset => "a UTC offset like +0100",
        })
    }
}

impl fmt::Display for CalendarProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarProblem::Empty => f.write_str("the calendar is empty"),
            CalendarProblem::NotACalendar { found } => write!(
                f,
                "not an iCalendar file: it starts with '{found}', not BEGIN:VCALENDAR"
            ),
            CalendarProblem::StrayContinuation => f.write_str(
                "the file starts with a continuation line (a line that begins with a space)",
            ),
            CalendarProblem::NotAContentLine { text } => write!(
                f,
                "'{text}' is not an iCalendar line (NAME:value or NAME;PARAMETER=value:value)"
            ),
            CalendarProblem::OutsideCalendar { name } => {
                write!(f, "{name} is outside BEGIN:VCALENDAR ... END:VCALENDAR")
            }
            CalendarProblem::UnexpectedEnd { found, open: None } => {
                write!(f, "END:{found} without a BEGIN:{found}")
            }
            CalendarProblem::UnexpectedEnd {
                found,
                open: Some(open),
            } => write!(f, "END:{found} where BEGIN:{open} is still open"),
            CalendarProblem::Unclosed { component } => {
                write!(f, "BEGIN:{component} is never closed by END:{component}")
            }
            CalendarProblem::MissingProperty {
                component,
                property,
            } => write!(f, "this {component} has no {property}"),
            CalendarProblem::BadValue {
                property,
                value,
                expected,
            } => write!(f, "{property} '{value}' is not {expected}"),
            CalendarProblem::BadRule { value, reason } => {
                write!(f, "the recurrence rule '{value}' is not valid: {reason}")
            }
            CalendarProblem::UnknownZone { tzid } => write!(
                f,
                "the time zone '{tzid}' is not an IANA name like Europe/Berlin, and no VTIMEZONE in the file defines it"
            ),
            CalendarProblem::EmptyZone { tzid } => write!(
                f,
                "the VTIMEZONE '{tzid}' has neither a STANDARD nor a DAYLIGHT part"
            ),
            CalendarProblem::EndBeforeStart { property } => {
                write!(f, "{property} ends this event before its DTSTART")
            }
            CalendarProblem::DateAndTime { property } => write!(
                f,
                "{property} must be a date when DTSTART is a date, and a date-time when DTSTART is a date-time"
            ),
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
    /// A symbolic link where learnpath writes a file of the curriculum (`init`): writing through
    /// it would change a file elsewhere.
    SymbolicLink,
    /// A file learnpath keeps (named: "the progress file"), which an output would replace.
    Kept(&'static str),
    /// A file of the user's that a command would replace only when asked (`init --force`).
    Exists,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Refusal::NamesAFolder => {
                "ends with '/', which names a folder; give a file name to write to"
            }
            Refusal::IsAFolder => "is a folder; give a file name to write to",
            Refusal::NotARegularFile => "is not a regular file; refusing to replace it",
            Refusal::DanglingLink => "is a symbolic link to nothing; refusing to replace it",
            Refusal::SymbolicLink => {
                "is a symbolic link; learnpath does not write through it (remove the link first)"
            }
            Refusal::Exists => "already exists; leaving it as it is",
            Refusal::Kept(name) => {
                return write!(
                    f,
                    "is {name}, which learnpath keeps; writing the output there would replace it (choose another file)"
                );
            }
        };
        f.write_str(text)
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
    format!("{}\nthe curriculum has {count} {noun}", errors.join("\n"))
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
