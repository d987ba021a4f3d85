//! `export`: iCalendar, CSV, JSON and Markdown, checked byte by byte, parsed back, and read by
//! an independent iCalendar parser.

mod common;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use common::{learnpath, session_title};
use std::collections::BTreeSet;
use std::path::Path;

/// A plan without progress, and so without the record of the last calendar export: these
/// tests are about one export (tests/calendar.rs follows exports one after another).
const STORAGE: &[&str] = &[
    "--no-progress",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-01",
];

fn export(format: &str, extra: &[&str]) -> String {
    let args = [
        &["export", "--format", format, "--tz", "Europe/Berlin"][..],
        STORAGE,
        extra,
    ]
    .concat();
    learnpath(&args).code(0).stdout
}

fn plan_json(extra: &[&str]) -> serde_json::Value {
    let args = [&["plan", "--format", "json"][..], STORAGE, extra].concat();
    serde_json::from_str(&learnpath(&args).code(0).stdout).unwrap()
}

/// The content lines of an iCalendar text, folding undone (RFC 5545 §3.1: a CRLF followed by one
/// space or tab is removed).
fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

/// A TEXT value with its escapes undone (RFC 5545 §3.3.11).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The values of property `name` (without parameters) in order, unfolded and unescaped.
fn property_values(ics: &str, name: &str) -> Vec<String> {
    let prefix = format!("{name}:");
    unfold(ics)
        .split("\r\n")
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(unescape)
        .collect()
}

fn uids(ics: &str) -> Vec<String> {
    ics.split("\r\n")
        .filter_map(|line| line.strip_prefix("UID:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn ics_is_crlf_folded_and_deterministic() {
    let ics = export("ics", &[]);
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for (index, byte) in ics.bytes().enumerate() {
        if byte == b'\n' {
            assert_eq!(ics.as_bytes()[index - 1], b'\r', "bare LF at byte {index}");
        }
    }
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let sessions = plan_json(&[])["sessions"].as_array().unwrap().len();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), sessions);
    assert!(sessions >= 5, "{sessions}");
    assert!(ics.contains("DTSTAMP:20270101T000000Z\r\n"));
    // Berlin is UTC+1 in January: 19:00 local is 18:00 UTC.
    assert!(ics.contains("DTSTART:20270104T180000Z\r\n"));
    assert_eq!(export("ics", &[]), ics, "same inputs, same bytes");
    insta::assert_snapshot!("export_ics", ics);
}

#[test]
fn folding_never_splits_a_utf8_character() {
    let doc = "---\nlevel: foundational\nestimated_time: \"30 min\"\n---\n\n# Ünïcödé çøürsé — ŝtüdÿ ŵïth äççéñtš ëvërÿwhérë ïñ thë tïtlé, lōñg ëñōügh tō fōld\n";
    let manifest = common::one_section_manifest("name: Unicode", "Ünïcödé");
    let ics = common::one_page_ics(doc, &manifest);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("Ünïcödé çøürsé"), "{unfolded}");
}

/// Checks the folding of a whole calendar, on its bytes: CRLF line ends, every line at most 75
/// octets and valid UTF-8 on its own (so no character is cut in two).
fn assert_folded(ics: &[u8]) {
    let text = std::str::from_utf8(ics).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "{text}");
    for line in ics[..ics.len() - 1].split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").expect("CRLF line endings");
        let shown = String::from_utf8_lossy(line);
        assert!(line.len() <= 75, "{} octets: {shown}", line.len());
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a character cut: {shown}"
        );
    }
}

#[test]
fn a_106_character_title_folds_within_75_octets() {
    let title = "x".repeat(106);
    let doc = format!("---\nlevel: foundational\nestimated_time: \"30 min\"\n---\n\n# {title}\n");
    let ics = common::one_page_ics(&doc, &common::one_section_manifest("name: X", "X"));
    // "DESCRIPTION:Session 1 (30 min):\n- " and the title made a 76-octet last line.
    assert_folded(ics.as_bytes());
    assert_eq!(
        property_values(&ics, "SUMMARY"),
        [format!("Study: {title}")]
    );
    assert_eq!(
        property_values(&ics, "DESCRIPTION"),
        [format!("Session 1 (30 min):\n- {title} (30 min)")]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// Titles of any length, with escaped characters and characters of 2, 3 and 4 octets.
    #[test]
    fn random_titles_fold_within_75_octets_and_unfold_to_their_summary(
        titles in proptest::collection::vec("[a-z ,;:\\\\éü漢字😀🦀]{0,160}", 1..5)
    ) {
        let mut plan = common::split_plan().clone();
        assert!(plan.sessions.iter().flat_map(|s| &s.items).any(|i| i.part.is_some()));
        for (index, item) in plan.sessions.iter_mut().flat_map(|s| &mut s.items).enumerate() {
            item.title = titles[index % titles.len()].clone();
        }
        let clock = learnpath::time::clock::Clock {
            at: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            zone: learnpath::time::zone::Zone::Iana(chrono_tz::UTC),
        };
        let mut bytes = Vec::new();
        let stamp = Utc.with_ymd_and_hms(2027, 2, 20, 0, 0, 0).unwrap();
        let events = learnpath::calendar::events(&plan, &clock, "test", &[]);
        let (outgoing, _) = learnpath::calendar::Ledger::default().apply(&events, stamp);
        learnpath::calendar::ics::render(&outgoing, "test", stamp, &mut bytes).unwrap();
        assert_folded(&bytes);
        let expected: Vec<String> = plan.sessions.iter().map(|session| {
            let titles: Vec<String> = session.items.iter().map(|item| match item.part {
                Some(part) => format!("{} (part {}/{})", item.title, part.index, part.count),
                None => item.title.clone(),
            }).collect();
            format!("Study: {}", titles.join("; "))
        }).collect();
        let ics = String::from_utf8(bytes).unwrap();
        proptest::prop_assert_eq!(property_values(&ics, "SUMMARY"), expected);
    }
}

#[test]
fn a_sitting_is_known_by_its_slot_not_its_contents() {
    let january = export("ics", &[]);
    let unique: BTreeSet<String> = uids(&january).into_iter().collect();
    let sessions = plan_json(&[])["sessions"].as_array().unwrap().len();
    assert_eq!(unique.len(), sessions, "one UID per session");
    let dates: Vec<String> = plan_json(&[])["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|session| session["date"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = dates
        .iter()
        .map(|date| format!("learnpath.datacenter-infrastructure.{date}.1@learnpath"))
        .collect();
    assert_eq!(uids(&january), expected);
    // Other contents on the same days: the same events, updated in place.
    let replanned = export("ics", &["--done", "01_the_ring0_problem"]);
    assert_ne!(
        property_values(&replanned, "SUMMARY"),
        property_values(&january, "SUMMARY")
    );
    assert_eq!(uids(&replanned)[..3], uids(&january)[..3]);
}

#[test]
fn csv_parses_back_into_the_plan_sessions() {
    let text = export("csv", &[]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "Subject",
            "Start Date",
            "Start Time",
            "End Date",
            "End Time",
            "Description"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let plan = plan_json(&[]);
    let sessions = plan["sessions"].as_array().unwrap();
    assert_eq!(rows.len(), sessions.len());
    for (row, session) in rows.iter().zip(sessions) {
        let date =
            NaiveDate::parse_from_str(session["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(&row[0], session_title(session));
        assert_eq!(&row[1], date.format("%m/%d/%Y").to_string());
        assert_eq!(&row[2], "07:00 PM");
        let end = NaiveTime::from_hms_opt(19, 0, 0).unwrap()
            + chrono::Duration::minutes(session["minutes"].as_i64().unwrap());
        assert_eq!(&row[4], end.format("%I:%M %p").to_string());
        for item in session["items"].as_array().unwrap() {
            assert!(row[5].contains(item["title"].as_str().unwrap()));
        }
    }
    insta::assert_snapshot!("export_csv", text);
}

#[test]
fn split_documents_are_told_apart_in_calendars() {
    // 45-minute sessions split the longer documents of 3.2 in two.
    let split = [
        "--spec",
        "3.2",
        "--hours",
        "1.5",
        "--days",
        "tue,sat",
        "--session",
        "45min",
        "--start",
        "2027-03-01",
        "--today",
        "2027-02-20",
    ];
    let run = |format: &str| {
        let args = [&["export", "--tz", "UTC", "--format", format][..], &split].concat();
        learnpath(&args).code(0).stdout
    };
    let plan: serde_json::Value = serde_json::from_str(
        &learnpath(&[&["plan", "--format", "json"][..], &split[..]].concat())
            .code(0)
            .stdout,
    )
    .unwrap();
    let expected: Vec<String> = plan["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(session_title)
        .collect();
    let vxlan = "Deep Dive: VXLAN, Geneve, and BGP Route Reflectors";
    for part in ["(part 1/3)", "(part 2/3)", "(part 3/3)"] {
        assert!(
            expected
                .iter()
                .any(|title| title.contains(&format!("{vxlan} {part}"))),
            "{expected:#?}"
        );
    }
    let unique: BTreeSet<&String> = expected.iter().collect();
    assert_eq!(unique.len(), expected.len(), "{expected:#?}");
    assert_eq!(property_values(&run("ics"), "SUMMARY"), expected);
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let subjects: Vec<String> = reader
        .records()
        .map(|row| row.unwrap()[0].to_string())
        .collect();
    assert_eq!(subjects, expected);
}

#[test]
fn json_and_markdown_exports_match_plan() {
    let json: serde_json::Value = serde_json::from_str(&export("json", &[])).unwrap();
    assert_eq!(json, plan_json(&[]));
    let markdown = export("markdown", &["--done", "01_the_ring0_problem"]);
    assert!(
        markdown.contains(
            "## Done\n\n- [x] [The Ring-0 Problem: Why Virtualization is Hard (20 min)]("
        ),
        "{markdown}"
    );
    assert!(markdown.contains("```mermaid\ngantt\n"), "{markdown}");
    assert!(
        markdown.contains("    Session 1 (1 h 35 min) :s1, 2027-01-04, 1d\n"),
        "{markdown}"
    );
    insta::assert_snapshot!("export_markdown", markdown);
}

/// `export -o` refused onto a file learnpath keeps: exit 2, the file named and left as it was.
fn refused_onto(output: &str, env: &[(&str, &str)], name: &str) {
    let args = [
        &["export", "--format", "csv", "--no-profile", "-o", output][..],
        STORAGE,
    ]
    .concat();
    common::Run::with_env(&args, env).code(2).stderr_has(&[
        output,
        name,
        "which learnpath keeps",
        "choose another file",
    ]);
}

#[test]
fn export_never_writes_onto_a_file_learnpath_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let progress = folder.join("progress.yaml");
    let profile = folder.join("profile.yaml");
    let env = [
        ("LEARNPATH_PROGRESS", progress.to_str().unwrap()),
        ("LEARNPATH_PROFILE", profile.to_str().unwrap()),
    ];
    let kept = [
        ("progress.yaml", "the progress file"),
        ("baseline.yaml", "the baseline"),
        ("calendar.yaml", "the calendar record"),
        ("profile.yaml", "the profile"),
    ];
    for (file, name) in kept {
        // Refused before the file exists too: it is where learnpath would keep it.
        refused_onto(folder.join(file).to_str().unwrap(), &env, name);
        assert!(!folder.join(file).exists());
        std::fs::write(folder.join(file), "mine\n").unwrap();
        refused_onto(folder.join(file).to_str().unwrap(), &env, name);
        assert_eq!(
            std::fs::read_to_string(folder.join(file)).unwrap(),
            "mine\n"
        );
    }
    // Other spellings of one file: relative parts, a symbolic link, a hard link.
    std::fs::create_dir(folder.join("sub")).unwrap();
    let dotted = folder.join("sub/../progress.yaml");
    refused_onto(dotted.to_str().unwrap(), &env, "the progress file");
    std::os::unix::fs::symlink(&progress, folder.join("link.csv")).unwrap();
    refused_onto(
        folder.join("link.csv").to_str().unwrap(),
        &env,
        "the progress file",
    );
    std::fs::hard_link(&progress, folder.join("hard.csv")).unwrap();
    refused_onto(
        folder.join("hard.csv").to_str().unwrap(),
        &env,
        "the progress file",
    );
    // `report -o` and `graph -o` alike.
    let progress_path = progress.to_str().unwrap();
    let report = [
        &["report", "--no-profile", "-o", progress_path][..],
        STORAGE,
    ]
    .concat();
    let graph = [
        "graph",
        "--no-progress",
        "--no-profile",
        "-o",
        progress_path,
    ];
    for args in [&report[..], &graph[..]] {
        common::Run::with_env(args, &env)
            .code(2)
            .stderr_has(&["the progress file, which learnpath keeps"]);
    }
    assert_eq!(std::fs::read_to_string(&progress).unwrap(), "mine\n");
    // Any other file is written.
    let other = folder.join("plan.csv");
    let args = [
        &[
            "export",
            "--format",
            "csv",
            "--no-profile",
            "-o",
            other.to_str().unwrap(),
        ][..],
        STORAGE,
    ]
    .concat();
    common::Run::with_env(&args, &env).code(0);
    assert!(other.exists());
}

#[test]
fn export_never_writes_onto_the_default_progress_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("learnpath");
    std::fs::create_dir(&data).unwrap();
    let shared = data.join("progress.yaml");
    std::fs::write(&shared, "mine\n").unwrap();
    let run = |output: &Path| {
        assert_cmd::Command::cargo_bin("learnpath")
            .unwrap()
            .env_remove("LEARNPATH_PROGRESS")
            .env_remove("LEARNPATH_PROFILE")
            .env("XDG_DATA_HOME", dir.path())
            .env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME)
            .args(["export", "--format", "csv", "--no-progress", "-o"])
            .arg(output)
            .args(&STORAGE[1..])
            .output()
            .unwrap()
    };
    let refused = run(&shared);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the shared progress file, which learnpath keeps"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&shared).unwrap(), "mine\n");
    // The curriculum's own file, not there yet.
    let own = data.join("datacenter-infrastructure/progress.yaml");
    std::fs::create_dir(own.parent().unwrap()).unwrap();
    let refused = run(&own);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the progress file, which learnpath keeps"),
        "{stderr}"
    );
    assert!(!own.exists());
}

#[test]
fn output_files_are_written_whole_and_never_onto_folders() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    std::fs::write(&file, "old content").unwrap();
    let path = file.display().to_string();
    let args = [
        &["export", "--format", "ics", "--tz", "UTC", "-o", &path][..],
        STORAGE,
    ]
    .concat();
    let sessions = plan_json(&[])["sessions"].as_array().unwrap().len();
    learnpath(&args)
        .code(0)
        .stderr_has(&[&format!("wrote {sessions} sessions to")]);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    let folder = dir.path().display().to_string();
    let args = [&["export", "--format", "csv", "-o", &folder][..], STORAGE].concat();
    learnpath(&args).code(2).stderr_has(&["is a folder"]);
    let args = [
        &["export", "--format", "csv", "-o", "/dev/null"][..],
        STORAGE,
    ]
    .concat();
    learnpath(&args).code(2).stderr_has(&["not a regular file"]);
    let args = [&["export", "--format", "json", "-o", "-"][..], STORAGE].concat();
    assert!(learnpath(&args).code(0).stdout.starts_with('{'));
    let args = [
        &["export", "--format", "ics", "--tz", "Mars/Base"][..],
        STORAGE,
    ]
    .concat();
    learnpath(&args).code(2).stderr_has(&["IANA time zone"]);
    let args = [&["export", "--format", "ics", "--at", "7pm"][..], STORAGE].concat();
    learnpath(&args).code(2).stderr_has(&["HH:MM"]);
}

#[test]
#[ignore = "needs Python with icalendar (installed by .ci/run)"]
fn an_independent_parser_reads_our_calendar() {
    let python = common::python_with_icalendar();
    // Across the start of daylight saving time in New York (2027-03-14).
    let args = [
        "--spec",
        "3.2",
        "--hours",
        "5",
        "--start",
        "2027-03-01",
        "--today",
        "2027-02-20",
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    let path = file.display().to_string();
    learnpath(
        &[
            &[
                "export",
                "--format",
                "ics",
                "--tz",
                "America/New_York",
                "--at",
                "07:30",
                "-o",
                &path,
            ][..],
            &args,
        ]
        .concat(),
    )
    .code(0);
    let output = std::process::Command::new(python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/interop/read_ics.py"
        ))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(parsed["version"], "2.0");
    let plan: serde_json::Value = serde_json::from_str(
        &learnpath(&[&["plan", "--format", "json"][..], &args].concat()).stdout,
    )
    .unwrap();
    let sessions = plan["sessions"].as_array().unwrap();
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events.len(), sessions.len());
    let zone = chrono_tz::America::New_York;
    let mut offsets = BTreeSet::new();
    for (event, session) in events.iter().zip(sessions) {
        let date =
            NaiveDate::parse_from_str(session["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let start = zone
            .from_local_datetime(&date.and_hms_opt(7, 30, 0).unwrap())
            .unwrap()
            .with_timezone(&Utc);
        let end = start + chrono::Duration::minutes(session["minutes"].as_i64().unwrap());
        assert_eq!(
            event["start"],
            start.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        );
        assert_eq!(event["end"], end.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        assert_eq!(event["summary"], session_title(session));
        offsets.insert(event["start"].as_str().unwrap()[11..13].to_string());
    }
    assert_eq!(
        offsets.len(),
        2,
        "the UTC hour changes with daylight saving time: {offsets:?}"
    );
}

#[test]
fn a_start_in_a_daylight_saving_gap_is_read_with_the_offset_before_it() {
    // Lord Howe Island moves from +10:30 to +11:00 at 02:00 on 2026-10-04, a Sunday.
    let args = |format| {
        [
            "export",
            "--format",
            format,
            "--tz",
            "Australia/Lord_Howe",
            "--at",
            "02:00",
            "--days",
            "sun",
            "--role",
            "storage engineer",
            "--hours",
            "2",
            "--start",
            "2026-10-04",
            "--today",
            "2026-10-01",
        ]
    };
    let ics = learnpath(&args("ics")).code(0).stdout;
    // 02:00 at +10:30 is 15:30 UTC, which is 02:30 local, not 03:00.
    assert!(ics.contains("DTSTART:20261003T153000Z\r\n"), "{ics}");
    let csv = learnpath(&args("csv")).code(0).stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!((&first[1], &first[2]), ("10/04/2026", "02:30 AM"));
}

#[test]
fn the_default_time_zone_follows_tz() {
    let args = [&["export", "--format", "ics"][..], STORAGE].concat();
    let tokyo = common::Run::with_env(&args, &[("TZ", "Asia/Tokyo")])
        .code(0)
        .stdout;
    // 19:00 in Tokyo (UTC+9) is 10:00 UTC.
    assert!(tokyo.contains("DTSTART:20270104T100000Z\r\n"), "{tokyo}");
    let utc = common::Run::with_env(&args, &[("TZ", "UTC")])
        .code(0)
        .stdout;
    assert!(utc.contains("DTSTART:20270104T190000Z\r\n"));
}

#[test]
fn a_posix_tz_rule_places_sessions_as_the_zone_it_describes() {
    // Across the change to summer time in the EU (2027-03-28).
    let args = [
        "export",
        "--format",
        "ics",
        "--role",
        "storage engineer",
        "--hours",
        "5",
        "--start",
        "2027-03-20",
        "--today",
        "2027-03-01",
        "--no-progress",
    ];
    let rule = common::Run::with_env(&args, &[("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")]).code(0);
    assert!(!rule.stderr.contains("warning"), "{}", rule.stderr);
    assert!(
        rule.stdout.contains("DTSTART:20270320T180000Z\r\n"),
        "{}",
        rule.stdout
    );
    assert!(
        rule.stdout.contains("DTSTART:20270329T170000Z\r\n"),
        "{}",
        rule.stdout
    );
    let berlin = learnpath(&[&args[..], &["--tz", "Europe/Berlin"]].concat()).code(0);
    assert_eq!(rule.stdout, berlin.stdout);
    // A path into a zoneinfo folder names its zone.
    let tokyo = [("TZ", ":/usr/share/zoneinfo/Asia/Tokyo")];
    let tokyo = common::Run::with_env(&args, &tokyo).code(0).stdout;
    assert!(tokyo.contains("DTSTART:20270320T100000Z\r\n"), "{tokyo}");
}

#[test]
fn a_tz_that_is_not_understood_is_named_in_a_warning() {
    let args = [&["export", "--format", "ics"][..], STORAGE].concat();
    let run = common::Run::with_env(&args, &[("TZ", "Mars/Olympus_Mons")]).code(0);
    let run = run.stderr_has(&["TZ='Mars/Olympus_Mons'", "using UTC", "--tz"]);
    assert!(run.stdout.contains("DTSTART:20270104T190000Z\r\n"));
    // --tz wins, and TZ is not looked at.
    let args = [&args[..], &["--tz", "Asia/Tokyo"]].concat();
    let run = common::Run::with_env(&args, &[("TZ", "Mars/Olympus_Mons")]).code(0);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.contains("DTSTART:20270104T100000Z\r\n"));
}

#[test]
fn a_time_zone_typed_wrong_gets_a_suggestion() {
    for typed in ["europe/berlin", "Europe/Berln"] {
        let args = [&["export", "--format", "ics", "--tz", typed][..], STORAGE].concat();
        learnpath(&args).code(2).stderr_has(&[
            &format!("'{typed}' is not an IANA time zone name"),
            "did you mean Europe/Berlin?",
        ]);
    }
}

#[test]
fn curricula_whose_ids_differ_only_in_punctuation_get_different_uids() {
    let doc = "---\nlevel: foundational\nestimated_time: \"30 min\"\n---\n\n# A\n";
    let uids_of = |id: &str| {
        let manifest = common::one_section_manifest(&format!("name: X\nid: {id}"), "X");
        uids(&common::one_page_ics(doc, &manifest))
    };
    assert_eq!(
        uids_of("my.course"),
        ["learnpath.my_2ecourse.2027-01-04.1@learnpath"]
    );
    assert_eq!(
        uids_of("my_course"),
        ["learnpath.my_5fcourse.2027-01-04.1@learnpath"]
    );
    // An id of lowercase letters, digits and `-` keeps the UIDs it always had.
    assert_eq!(
        uids_of("my-course"),
        ["learnpath.my-course.2027-01-04.1@learnpath"]
    );
}
