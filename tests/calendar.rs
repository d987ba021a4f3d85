//! Calendars that stay in step with the plan: a second export, applied by UID to the first,
//! leaves exactly the second plan's sittings (checked with Python's `icalendar` and with
//! Debian's `khal`); SEQUENCE rises on every changed event, also on the same day; the past is
//! never cancelled; the record of the last export is never overwritten when it cannot be read.

mod common;

use common::Learner;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What these tests do as a learner: export, and read the plan back.
trait Exports {
    fn export(&self, name: &str, options: &[&str]) -> String;
    fn sittings(&self, options: &[&str]) -> Vec<(String, String)>;
}

impl Exports for Learner {
    /// Exports the plan of `options` as iCalendar to `name`; the file's text.
    fn export(&self, name: &str, options: &[&str]) -> String {
        let file = self.path(name);
        let args = [
            &["export", "--format", "ics", "--tz", "UTC", "-q", "-o"][..],
            &[file.to_str().unwrap()],
            options,
        ]
        .concat();
        self.run(&args).code(0);
        std::fs::read_to_string(file).unwrap()
    }

    /// The plan's sittings as (start in UTC, summary), from `plan --format json`.
    fn sittings(&self, options: &[&str]) -> Vec<(String, String)> {
        let mut args = vec!["plan", "--format", "json"];
        let mut options = options.iter();
        while let Some(&option) = options.next() {
            match option {
                "--remind" => {
                    options.next();
                }
                _ => args.push(option),
            }
        }
        let plan: serde_json::Value =
            serde_json::from_str(&self.run(&args).code(0).stdout).unwrap();
        plan["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|session| {
                let date = session["date"].as_str().unwrap().replace('-', "");
                let delay = session["delay_minutes"].as_u64().unwrap_or(0);
                assert_eq!(delay, 0, "these plans have no busy time");
                (format!("{date}T190000Z"), common::session_title(session))
            })
            .collect()
    }
}

/// The events of an iCalendar text: UID to (SEQUENCE, STATUS, DTSTART), folding undone.
fn events(ics: &str) -> BTreeMap<String, (u32, String, String)> {
    let unfolded = ics.replace("\r\n ", "");
    let mut found = BTreeMap::new();
    let (mut uid, mut sequence, mut status, mut start) =
        (String::new(), 0, String::new(), String::new());
    let mut in_alarm = false;
    for line in unfolded.split("\r\n") {
        match line.split_once(':') {
            Some(("BEGIN", "VEVENT")) => {
                (sequence, status) = (0, "CONFIRMED".to_string());
            }
            Some(("BEGIN", "VALARM")) => in_alarm = true,
            Some(("END", "VALARM")) => in_alarm = false,
            Some(("UID", value)) if !in_alarm => uid = value.to_string(),
            Some(("SEQUENCE", value)) => sequence = value.parse().unwrap(),
            Some(("STATUS", value)) => status = value.to_string(),
            Some(("DTSTART", value)) => start = value.to_string(),
            Some(("END", "VEVENT")) => {
                found.insert(uid.clone(), (sequence, status.clone(), start.clone()));
            }
            _ => {}
        }
    }
    found
}

const FIRST: &[&str] = &[
    "--role",
    "storage engineer",
    "--hours",
    "4",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-01",
    "--remind",
    "15m",
];

/// The first plan changed in every way: two documents done, more hours, other days, a day off,
/// another reminder; exported on the same day.
const SECOND: &[&str] = &[
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--days",
    "mon,tue,thu,sat",
    "--skip",
    "2027-01-07",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-01",
    "--remind",
    "10m",
    "--remind",
    "1h",
];

/// The learner follows the first plan, studies two documents, changes everything, exports again.
fn two_exports(learner: &Learner) -> (String, String) {
    let first = learner.export("first.ics", FIRST);
    learner
        .run(&[
            "--today",
            "2027-01-01",
            "done",
            "01_the_ring0_problem,02_hardware_solution",
            "-q",
        ])
        .code(0);
    let second = learner.export("second.ics", SECOND);
    (first, second)
}

#[test]
#[ignore = "needs Python with icalendar (installed by .ci/run)"]
fn a_second_export_applied_by_uid_leaves_exactly_the_new_plan() {
    let python = common::python_with_icalendar();
    let learner = Learner::new();
    let (first, second) = two_exports(&learner);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/apply_by_uid.py");
    let output = std::process::Command::new(python)
        .arg(script)
        .args([learner.path("first.ics"), learner.path("second.ics")])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let held: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let held: Vec<(String, String, Vec<u64>)> = held["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| {
            let start = event["start"].as_str().unwrap().replace(['-', ':'], "");
            let alarms = event["alarms"].as_array().unwrap();
            let alarms = alarms.iter().map(|a| a.as_u64().unwrap()).collect();
            (
                start,
                event["summary"].as_str().unwrap().to_string(),
                alarms,
            )
        })
        .collect();
    let expected: Vec<(String, String, Vec<u64>)> = learner
        .sittings(SECOND)
        .into_iter()
        .map(|(start, summary)| (start, summary, vec![10, 60]))
        .collect();
    assert_eq!(held, expected);
    // The change really moved, dropped and added sittings.
    let (before, after) = (events(&first), events(&second));
    assert!(after.values().any(|(_, status, _)| status == "CANCELLED"));
    assert!(
        after.keys().any(|uid| !before.contains_key(uid)),
        "a new slot"
    );
    assert!(
        after.keys().any(|uid| before.contains_key(uid)),
        "a slot kept"
    );
}

#[test]
#[ignore = "needs khal (installed by .ci/run)"]
fn khal_importing_both_files_holds_exactly_the_new_plan() {
    let khal = khal();
    let learner = Learner::new();
    two_exports(&learner);
    let calendar = learner.path("khal-calendar");
    std::fs::create_dir_all(&calendar).unwrap();
    let config = learner.path("khal.conf");
    std::fs::write(
        &config,
        format!(
            "[calendars]\n[[plan]]\npath = {}\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\ndefault_timezone = UTC\nlocal_timezone = UTC\n",
            calendar.display()
        ),
    )
    .unwrap();
    let khal_run = |args: &[&str]| {
        let output = std::process::Command::new(&khal)
            .arg("-c")
            .arg(&config)
            .args(args)
            .env("TZ", "UTC")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    for file in ["first.ics", "second.ics"] {
        khal_run(&["import", "--batch", learner.path(file).to_str().unwrap()]);
    }
    let listed = khal_run(&[
        "list",
        "--format",
        "{start}|{status}|{title}",
        "--day-format",
        "",
        "2027-01-01",
        "120d",
    ]);
    let held: Vec<(String, String)> = listed
        .lines()
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let mut fields = line.splitn(3, '|');
            let (start, status, title) = (fields.next()?, fields.next()?, fields.next()?);
            // khal keeps a cancelled event, marked so: the client has applied the cancel.
            (status.trim() != "CANCELLED").then(|| {
                let start = start.replace(['-', ':', ' '], "");
                (
                    format!("{}T{}00Z", &start[..8], &start[8..]),
                    title.to_string(),
                )
            })
        })
        .collect();
    assert_eq!(held, learner.sittings(SECOND));
    assert!(listed.contains("CANCELLED"), "{listed}");
}

/// Debian's khal.
fn khal() -> PathBuf {
    common::program(&["khal"], &["--version"])
}

#[test]
fn sequence_rises_on_every_change_also_on_the_same_day() {
    let learner = Learner::new();
    let first = learner.export("1.ics", FIRST);
    // The same plan again: the same file, byte for byte (DTSTAMP is --today's midnight).
    assert_eq!(learner.export("2.ics", FIRST), first);
    learner
        .run(&[
            "--today",
            "2027-01-01",
            "done",
            "01_the_ring0_problem",
            "-q",
        ])
        .code(0);
    let second = learner.export("3.ics", FIRST);
    learner
        .run(&[
            "--today",
            "2027-01-01",
            "done",
            "02_hardware_solution",
            "-q",
        ])
        .code(0);
    let third = learner.export("4.ics", FIRST);
    let (one, two, three) = (events(&first), events(&second), events(&third));
    let mut rose = 0;
    for (uid, (sequence, status, _)) in &three {
        let before = two.get(uid).map_or(0, |(sequence, ..)| *sequence);
        let changed = event_block(&second, uid) != event_block(&third, uid);
        if changed {
            assert!(
                *sequence > before || !two.contains_key(uid),
                "{uid}: {sequence} after {before}"
            );
            rose += 1;
        } else {
            assert_eq!(*sequence, before, "{uid} did not change");
        }
        if status == "CANCELLED" {
            assert!(two.contains_key(uid));
        }
    }
    assert!(rose >= 2, "two changes on one day raise SEQUENCE");
    assert!(
        three.values().any(|(sequence, ..)| *sequence >= 2),
        "{three:?}"
    );
    assert!(one.values().all(|(sequence, ..)| *sequence == 0));
}

/// An event's lines without DTSTAMP, SEQUENCE and LAST-MODIFIED, to tell whether it changed.
fn event_block(ics: &str, uid: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let uid_line = format!("UID:{uid}");
    unfolded
        .split("BEGIN:VEVENT")
        .find(|block| block.split("\r\n").any(|line| line == uid_line))
        .unwrap_or_default()
        .split("\r\n")
        .filter(|line| !line.starts_with("SEQUENCE:") && !line.starts_with("LAST-MODIFIED:"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn sittings_that_have_begun_are_never_cancelled() {
    let learner = Learner::new();
    let first = events(&learner.export("1.ics", FIRST));
    // Ten days on, nothing done: the plan starts again from today.
    let later = [&FIRST[..6], &["--today", "2027-01-10"]].concat();
    let later = [&later[..4], &later[6..]].concat(); // without --start
    let second = events(&learner.export("2.ics", &later));
    for (uid, (_, _, start)) in &first {
        let begun = start.as_str() < "20270110T000000Z";
        match second.get(uid) {
            Some((_, status, _)) if status == "CANCELLED" => {
                assert!(!begun, "{uid} began before today and was cancelled")
            }
            Some(_) => assert!(!begun, "{uid} is in the past and was exported again"),
            None => assert!(
                begun,
                "{uid} is in the future and neither kept nor cancelled"
            ),
        }
    }
    assert!(
        first
            .values()
            .any(|(_, _, start)| start.as_str() < "20270110")
    );
}

#[test]
fn a_calendar_record_that_cannot_be_read_is_left_alone() {
    let learner = Learner::new();
    learner.export("1.ics", FIRST);
    let record = learner.path("calendar.yaml");
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .contains("sequence: 0")
    );
    for broken in [
        "schema_version: 1\ncurriculum: datacenter-infrastructure\nevents: [\n",
        "schema_version: 9\ncurriculum: datacenter-infrastructure\n",
        "schema_version: 1\ncurriculum: another-course\nevents: {}\n",
    ] {
        std::fs::write(&record, broken).unwrap();
        let args = [&["export", "--format", "ics"][..], FIRST].concat();
        let run = learner.run(&args).code(65);
        assert!(
            run.stderr.contains(record.to_str().unwrap()),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
        assert_eq!(std::fs::read_to_string(&record).unwrap(), broken);
    }
}

#[test]
fn the_tracking_sheet_has_a_row_a_document_with_its_dates() {
    let learner = Learner::new();
    learner
        .run(&[
            "--today",
            "2027-01-05",
            "done",
            "01_the_ring0_problem",
            "--on",
            "2027-01-04",
            "--took",
            "25m",
            "-q",
        ])
        .code(0);
    let options = [
        "--role",
        "storage engineer",
        "--hours",
        "4",
        "--today",
        "2027-01-05",
    ];
    let args = [&["export", "--format", "sheet"][..], &options].concat();
    let text = learner.run(&args).code(0).stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "path",
            "title",
            "minutes",
            "planned date",
            "done date",
            "actual minutes"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let plan: serde_json::Value = serde_json::from_str(
        &learner
            .run(&[&["plan", "--format", "json"][..], &options].concat())
            .code(0)
            .stdout,
    )
    .unwrap();
    let mut expected: Vec<(String, String, String)> = vec![(
        "01_foundations/01_virtualization_basics/01_the_ring0_problem.md".into(),
        String::new(),
        "2027-01-04".into(),
    )];
    for session in plan["sessions"].as_array().unwrap() {
        for item in session["items"].as_array().unwrap() {
            let path = item["path"].as_str().unwrap().to_string();
            if !expected.iter().any(|(known, ..)| *known == path) {
                expected.push((
                    path,
                    session["date"].as_str().unwrap().into(),
                    String::new(),
                ));
            }
        }
    }
    let found: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| (row[0].to_string(), row[3].to_string(), row[4].to_string()))
        .collect();
    assert_eq!(found, expected);
    assert_eq!(&rows[0][5], "25");
    assert_eq!(&rows[0][2], "20");
}

#[test]
fn a_cancelled_sitting_planned_again_outranks_its_cancellation() {
    let learner = Learner::new();
    learner.export("1.ics", FIRST);
    let faster = [&FIRST[..3], &["5"], &FIRST[4..]].concat();
    let cancelled = events(&learner.export("2.ics", &faster));
    let dropped: Vec<(&String, u32)> = cancelled
        .iter()
        .filter(|(_, (_, status, _))| status == "CANCELLED")
        .map(|(uid, (sequence, ..))| (uid, *sequence))
        .collect();
    assert!(!dropped.is_empty(), "{cancelled:?}");
    // Back to the slower plan: the cancelled slots return with a higher SEQUENCE.
    let again = events(&learner.export("3.ics", FIRST));
    for (uid, sequence) in dropped {
        let (back, status, _) = &again[uid];
        assert_eq!(status, "CONFIRMED");
        assert!(
            *back > sequence,
            "{uid}: {back} after a cancellation at {sequence}"
        );
    }
    // Nothing left and nothing to cancel: no file, which would be no valid calendar.
    let target = [
        "--target",
        "01_the_ring0_problem",
        "--hours",
        "4",
        "--today",
        "2027-01-01",
    ];
    learner.export("4.ics", &target);
    learner
        .run(&[
            "--today",
            "2027-01-01",
            "done",
            "01_the_ring0_problem",
            "-q",
        ])
        .code(0);
    assert!(
        learner
            .export("5.ics", &target)
            .contains("STATUS:CANCELLED")
    );
    let file = learner.path("6.ics");
    let args = [
        &["export", "--format", "ics", "-o", file.to_str().unwrap()][..],
        &target,
    ]
    .concat();
    learner
        .run(&args)
        .code(0)
        .stderr_has(&["no calendar written"]);
    assert!(!file.exists());
}

#[test]
fn a_sheet_never_hands_a_spreadsheet_a_formula() {
    let course = common::folder(&[(
        "a.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://x.example\\\")\"\nestimated_time: 30 min\n---\n# A\n",
    )]);
    let learner = Learner::new();
    let args = [
        "--curriculum",
        &course.root,
        "export",
        "--format",
        "sheet",
        "--target",
        "a",
        "--hours",
        "2",
        "--today",
        "2027-01-01",
    ];
    let text = learner.run(&args).code(0).stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[1], "'=HYPERLINK(\"http://x.example\")");
}

#[test]
fn a_sheet_warns_about_unknown_progress_entries_once() {
    let learner = Learner::new();
    std::fs::write(
        learner.path("progress.yaml"),
        "schema_version: 1\ndone:\n- path: nowhere/x.md\n  date: 2027-01-01\n",
    )
    .unwrap();
    let args = [
        "export",
        "--format",
        "sheet",
        "--role",
        "storage engineer",
        "--hours",
        "5",
        "--today",
        "2027-01-02",
    ];
    let run = learner.run(&args).code(0);
    assert_eq!(
        run.stderr.matches("does not have").count(),
        1,
        "{}",
        run.stderr
    );
}

/// The UIDs the record beside the progress file knows, each with whether it is remembered as
/// cancelled.
fn recorded(learner: &Learner) -> BTreeMap<String, bool> {
    let text = std::fs::read_to_string(learner.path("calendar.yaml")).unwrap();
    let mut found = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if let Some(uid) = line
            .strip_prefix("  ")
            .filter(|rest| !rest.starts_with(' '))
            .and_then(|rest| rest.strip_suffix(':'))
        {
            found.insert(uid.to_string(), false);
            current = Some(uid.to_string());
        } else if line.trim() == "cancelled: true" {
            found.insert(current.clone().expect("an event first"), true);
        }
    }
    found
}

/// The arguments of the `i`th of the concurrent exports: one of six plans, into `{i}.ics`.
fn export_args(learner: &Learner, i: usize) -> Vec<String> {
    let hours = ["3", "5", "4"][i % 3];
    let start = ["2027-01-04", "2027-01-05"][i % 2];
    [
        "export",
        "--format",
        "ics",
        "--tz",
        "UTC",
        "-q",
        "--role",
        "storage engineer",
        "--hours",
        hours,
        "--start",
        start,
        "--today",
        "2027-01-01",
        "-o",
    ]
    .iter()
    .map(|arg| arg.to_string())
    .chain([learner.path(&format!("{i}.ics")).display().to_string()])
    .collect()
}

#[test]
fn exports_at_once_lose_no_event_from_the_record() {
    let learner = Learner::new();
    const WRITERS: usize = 20;
    let plans: Vec<Vec<String>> = (0..WRITERS).map(|i| export_args(&learner, i)).collect();
    std::thread::scope(|scope| {
        for args in &plans {
            let learner = &learner;
            scope.spawn(move || {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                learner.run(&args).code(0);
            });
        }
    });
    let record = recorded(&learner);
    let mut written = BTreeMap::new();
    for i in 0..WRITERS {
        let ics = std::fs::read_to_string(learner.path(&format!("{i}.ics"))).unwrap();
        for (uid, (_, status, _)) in events(&ics) {
            assert!(
                record.contains_key(&uid),
                "export {i} wrote {uid} ({status}), which the record lost"
            );
            written.insert(uid, status);
        }
    }
    assert!(
        written.len() > 6,
        "the plans differ in their slots: {written:?}"
    );
    // Still a record learnpath reads, which follows on from every export: one more export of one
    // of the plans keeps every slot it ever wrote, cancelling the ones that plan has not.
    let last = learner.export(
        "last.ics",
        &[
            "--role",
            "storage engineer",
            "--hours",
            "5",
            "--start",
            "2027-01-04",
            "--today",
            "2027-01-01",
        ],
    );
    let last = events(&last);
    let after = recorded(&learner);
    for uid in written.keys() {
        assert!(after.contains_key(uid), "{uid} forgotten");
        let cancelled_now = last
            .get(uid)
            .is_some_and(|(_, status, _)| status == "CANCELLED");
        let planned = last
            .get(uid)
            .is_some_and(|(_, status, _)| status == "CONFIRMED");
        assert!(
            planned || cancelled_now || after[uid],
            "{uid} is neither planned, nor cancelled now, nor remembered as cancelled"
        );
    }
}

#[test]
fn a_record_that_cannot_be_written_fails_the_export_and_writes_no_calendar() {
    use std::os::unix::fs::PermissionsExt;
    // Both stop root too: learnpath reads a read-only record's bits itself, and no one opens a
    // folder for writing where the lock file should be.
    let read_only = |learner: &Learner| {
        let record = learner.path("calendar.yaml");
        std::fs::set_permissions(&record, std::fs::Permissions::from_mode(0o444)).unwrap();
        "read-only"
    };
    let lock_is_a_folder = |learner: &Learner| {
        let lock = learner.path("calendar.yaml.lock");
        std::fs::remove_file(&lock).unwrap();
        std::fs::create_dir(&lock).unwrap();
        "calendar.yaml.lock"
    };
    let ways: [&dyn Fn(&Learner) -> &'static str; 2] = [&read_only, &lock_is_a_folder];
    for break_it in ways {
        let learner = Learner::new();
        learner.export("1.ics", FIRST);
        let record = learner.path("calendar.yaml");
        let before = std::fs::read_to_string(&record).unwrap();
        let said = break_it(&learner);
        let file = learner.path("2.ics");
        let args = [
            &["export", "--format", "ics", "-o", file.to_str().unwrap()][..],
            SECOND,
        ]
        .concat();
        learner.run(&args).code(74).stderr_has(&[said]);
        assert!(!file.exists(), "a calendar the record does not know of");
        // To stdout neither.
        let args = [&["export", "--format", "ics"][..], SECOND].concat();
        let run = learner.run(&args).code(74);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(std::fs::read_to_string(&record).unwrap(), before);
    }
}

#[test]
fn a_record_in_a_folder_that_cannot_be_written_fails_the_export() {
    use std::os::unix::fs::PermissionsExt;
    let learner = Learner::new();
    learner.export("1.ics", FIRST);
    let home = learner.path("");
    let mode = |bits| std::fs::set_permissions(&home, std::fs::Permissions::from_mode(bits));
    mode(0o555).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("2.ics");
    let args = [
        &["export", "--format", "ics", "-o", file.to_str().unwrap()][..],
        SECOND,
    ]
    .concat();
    // Permissions do not stop root (CI runs as root): there learnpath runs as nobody.
    let probe = learner.path("probe");
    let run = if std::fs::write(&probe, "").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        as_nobody(&learner, elsewhere.path(), &args)
    } else {
        learner.run(&args)
    };
    mode(0o755).unwrap();
    run.code(74).stderr_has(&["calendar.yaml"]);
    assert!(!file.exists(), "a calendar the record does not know of");
}

/// Runs learnpath (a copy in `elsewhere`) as `nobody` on the learner's files, which root owns:
/// they become readable to all (the folders not writable), `elsewhere` writable to all. The
/// standard library sets the child's user and group and drops the other groups.
fn as_nobody(learner: &Learner, elsewhere: &Path, args: &[&str]) -> common::Run {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |path: &Path, bits| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap();
    };
    for entry in std::fs::read_dir(learner.path("")).unwrap() {
        let path = entry.unwrap().path();
        mode(&path, if path.is_dir() { 0o555 } else { 0o644 });
    }
    mode(elsewhere, 0o777);
    let binary = elsewhere.join("learnpath");
    std::fs::copy(env!("CARGO_BIN_EXE_learnpath"), &binary).unwrap();
    mode(&binary, 0o755);
    let output = std::process::Command::new(&binary)
        .uid(65534)
        .gid(65534)
        .args(args)
        .env_remove("LEARNPATH_CURRICULUM")
        .env_remove("LEARNPATH_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("LEARNPATH_PROFILE")
        .env("TZ", "UTC")
        .envs(learner.env())
        .output()
        .unwrap();
    std::fs::remove_file(&binary).unwrap();
    let run = common::Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}
