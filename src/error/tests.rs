//! The library's messages state facts: what to do about them, where that names a flag, an
//! environment variable or a command, is the command line's to say.

use super::*;
use std::path::Path;

/// Words of the command line: its flags, its variables, its commands.
fn command_line_words(text: &str) -> Vec<&'static str> {
    const COMMANDS: &[&str] = &[
        "check",
        "done",
        "export",
        "follow",
        "init",
        "list",
        "plan",
        // "a learnpath profile" is the file; its commands are these.
        "profile set",
        "profile unset",
        "profile reset",
        "profile show",
        "ready",
        "report",
        "status",
        "sync",
        "undo",
        "validate",
    ];
    let mut found: Vec<&'static str> = ["--", "LEARNPATH_", "`learnpath"]
        .into_iter()
        .filter(|word| text.contains(word))
        .collect();
    found.extend(
        COMMANDS
            .iter()
            .filter(|command| text.contains(&format!("learnpath {command}"))),
    );
    found
}

/// Every variant this test covers: a variant added to [`Error`] fails to compile here until
/// it is given a value below. The stores' variants (profile, progress, baseline, calendar
/// record) and the time settings' are worded elsewhere and are being reworked.
fn covered(error: &Error) -> bool {
    match error {
        Error::Kept { .. } | Error::Time(_) => true,
        Error::CurriculumMissing { .. }
        | Error::CurriculumNotADir { .. }
        | Error::Io { .. }
        | Error::InvalidCurriculum { .. }
        | Error::UnknownDoc { .. }
        | Error::UnknownSpecialization { .. }
        | Error::UnknownRole { .. }
        | Error::Ambiguous { .. }
        | Error::SpecializationCount { .. }
        | Error::EmptySpecialization { .. }
        | Error::ByBeforeStart { .. }
        | Error::PastYear9999
        | Error::SessionPastYear9999 { .. }
        | Error::NothingFits { .. }
        | Error::Refused { .. }
        | Error::NoProgressForRecording { .. }
        | Error::BadRecord(_)
        | Error::NoHome { .. }
        | Error::NoProfileForChanging { .. }
        | Error::NotFollowing { .. }
        | Error::Calendar { .. }
        | Error::CaldavUsage { .. }
        | Error::NoPassword { .. }
        | Error::Network { .. }
        | Error::PermissionDenied { .. }
        | Error::NotACalendar { .. }
        | Error::CaldavProtocol { .. }
        | Error::Conflict { .. }
        | Error::UidTaken { .. } => true,
    }
}

fn curriculum_errors() -> Vec<Error> {
    let path = || Path::new("course").to_path_buf();
    let date = |text: &str| text.parse::<NaiveDate>().unwrap();
    let names = || vec!["a".to_string(), "b".to_string()];
    let mut errors = vec![
        Error::CurriculumMissing { path: path() },
        Error::CurriculumNotADir { path: path() },
        Error::io(path(), std::io::Error::other("denied")),
        Error::InvalidCurriculum {
            diagnostics: vec![Diagnostic::error("bad").file("a.md")],
        },
        Error::UnknownSpecialization {
            name: "x".into(),
            suggestion: Some("y".into()),
            known: names(),
        },
        Error::UnknownRole {
            name: "x".into(),
            suggestion: None,
            known: names(),
        },
        Error::Ambiguous {
            kind: Kind::Document,
            name: "x".into(),
            candidates: names(),
        },
        Error::EmptySpecialization {
            specialization: "3.1".into(),
            origin: "the curriculum".into(),
        },
        Error::ByBeforeStart {
            by: date("2027-01-01"),
            start: date("2027-02-01"),
        },
        Error::PastYear9999,
        Error::SessionPastYear9999 {
            date: date("9999-12-31"),
            utc: true,
        },
        Error::NothingFits {
            since: date("2027-01-01"),
        },
    ];
    for candidates in [Vec::new(), names()] {
        errors.push(Error::UnknownDoc {
            name: "x".into(),
            candidates,
        });
    }
    for named in [Vec::new(), names()] {
        errors.push(Error::SpecializationCount { named });
    }
    errors
}

fn file_errors() -> Vec<Error> {
    let path = || Path::new("out.ics").to_path_buf();
    let mut errors: Vec<Error> = [
        Refusal::NamesAFolder,
        Refusal::IsAFolder,
        Refusal::NotARegularFile,
        Refusal::DanglingLink,
        Refusal::SymbolicLink,
        Refusal::Kept("the progress file"),
        Refusal::Exists,
    ]
    .into_iter()
    .map(|reason| Error::Refused {
        path: path(),
        reason,
    })
    .collect();
    errors.extend([
        Error::NoProgressForRecording { command: "done" },
        Error::NoProfileForChanging {
            command: "profile set",
        },
        Error::NoHome {
            what: HomeFor::Progress,
        },
        Error::NoHome {
            what: HomeFor::Profile,
        },
        Error::NotFollowing { path: path() },
        Error::Calendar {
            path: path(),
            line: 3,
            problem: CalendarProblem::Empty,
        },
        Error::BadRecord(RecordProblem::Minutes {
            of: MinutesOf::TimeTaken,
            minutes: 0,
        }),
        Error::BadRecord(RecordProblem::Minutes {
            of: MinutesOf::Partial,
            minutes: 9999,
        }),
        Error::BadRecord(RecordProblem::Part {
            index: 3,
            count: 2,
            most: 99,
        }),
    ]);
    errors
}

fn caldav_errors() -> Vec<Error> {
    let url = || "https://dav.example.org/cal/".to_string();
    let text = || "https://***@dav.example.org/".to_string();
    let usage = [
        UsageProblem::NotAUrl { text: text() },
        UsageProblem::NotAbsolute { text: text() },
        UsageProblem::LoginInUrl,
        UsageProblem::BadPort { text: text() },
        UsageProblem::Query { text: text() },
        UsageProblem::PlainHttp { host: "h".into() },
        UsageProblem::Scheme {
            text: text(),
            scheme: "ftp".into(),
        },
        UsageProblem::NoUser { host: "h".into() },
    ];
    let mut errors: Vec<Error> = usage
        .into_iter()
        .map(|problem| Error::CaldavUsage { problem })
        .collect();
    errors.extend([
        Error::NoPassword {
            user: "me".into(),
            host: "h".into(),
        },
        Error::PermissionDenied {
            url: url(),
            status: 401,
            user: Some("me".into()),
        },
        Error::Conflict { url: url() },
    ]);
    errors
}

fn server_errors() -> Vec<Error> {
    let url = || "https://dav.example.org/cal/".to_string();
    let mut errors = Vec::new();
    let network = [
        NetworkProblem::Transport(ureq::Error::ConnectionFailed),
        NetworkProblem::Reading(ureq::Error::HostNotFound),
        NetworkProblem::ServerFailed { status: 503 },
    ];
    errors.extend(network.into_iter().map(|problem| Error::Network {
        url: url(),
        problem,
    }));
    let collection = [
        CollectionProblem::Missing,
        CollectionProblem::NoWebDav { status: 405 },
        CollectionProblem::NotACalendar,
        CollectionProblem::NotListed,
        CollectionProblem::Redirect {
            status: 301,
            location: None,
        },
    ];
    errors.extend(collection.into_iter().map(|problem| Error::NotACalendar {
        url: url(),
        problem,
    }));
    let protocol = [
        ProtocolProblem::NoEtag,
        ProtocolProblem::Unexpected { status: 418 },
        ProtocolProblem::Xml(XmlProblem::NoHref),
        ProtocolProblem::Xml(XmlProblem::NotMultistatus {
            root: "html".into(),
        }),
    ];
    errors.extend(protocol.into_iter().map(|problem| Error::CaldavProtocol {
        url: url(),
        problem,
    }));
    let uid = [
        UidProblem::TakenBy {
            holder: "/cal/x.ics".into(),
        },
        UidProblem::Taken,
        UidProblem::Conflicting,
    ];
    errors.extend(uid.into_iter().map(|problem| Error::UidTaken {
        url: url(),
        problem,
    }));
    errors
}

/// Every problem of every kept file, and the time settings' errors.
fn kept_and_time_errors() -> Vec<Error> {
    let problems = || {
        [
            Problem::Empty { version: 1 },
            Problem::NotUtf8 { offset: 3 },
            Problem::TooLarge {
                bytes: 9,
                limit: 8 << 20,
                writing: true,
            },
            Problem::Yaml("bad".into()),
            Problem::Invalid(Invalid::Parser("bad".into())),
            Problem::Invalid(Invalid::Busy("not absolute".into())),
            Problem::Invalid(Invalid::Parameters(ParametersProblem::Count {
                found: 20,
                expected: 21,
            })),
            Problem::OtherVersion {
                found: 9,
                reads: &[1, 2],
            },
            Problem::NoVersion { expected: 1 },
            Problem::NoCurriculum {
                expected: "x".into(),
            },
            Problem::Foreign {
                found: "y".into(),
                expected: "x".into(),
            },
            Problem::RoleAndSpec,
            Problem::Value {
                key: "days",
                list: false,
                value: "x".into(),
                message: "not a day".into(),
            },
        ]
    };
    let files = [
        KeptFile::Progress,
        KeptFile::Profile,
        KeptFile::Baseline,
        KeptFile::CalendarRecord,
        KeptFile::Memory,
    ];
    let mut errors: Vec<Error> = files
        .into_iter()
        .flat_map(|file| {
            problems().into_iter().map(move |problem| Error::Kept {
                path: Path::new("kept.yaml").to_path_buf(),
                line: Some(2),
                file,
                problem,
            })
        })
        .collect();
    errors.extend(
        [
            TimeError::NotPositive(0.0),
            TimeError::TooManyHours {
                hours: 200.0,
                most: 112.0,
            },
            TimeError::LessThanASession {
                hours: 0.1,
                session: 15,
            },
            TimeError::SessionOutOfRange {
                minutes: 5,
                least: 15,
                most: 480,
            },
        ]
        .map(Error::Time),
    );
    errors
}

#[test]
fn messages_name_no_flag_variable_or_command() {
    let errors: Vec<Error> = [
        curriculum_errors(),
        file_errors(),
        caldav_errors(),
        server_errors(),
        kept_and_time_errors(),
    ]
    .into_iter()
    .flatten()
    .collect();
    for error in &errors {
        assert!(covered(error), "{error:?}");
        let text = error.to_string();
        let found = command_line_words(&text);
        assert!(found.is_empty(), "{error:?} says {found:?}: {text}");
        assert!(!text.contains("help:"), "{text}");
    }
}

#[test]
fn the_guard_sees_the_command_lines_words() {
    for text in [
        "pass --hours",
        "set LEARNPATH_PROGRESS",
        "run `learnpath sync` again",
        "save it with learnpath profile set",
    ] {
        assert!(!command_line_words(text).is_empty(), "{text}");
    }
    assert!(command_line_words("learnpath keeps the progress file").is_empty());
    assert!(command_line_words("this is not a learnpath profile").is_empty());
}
