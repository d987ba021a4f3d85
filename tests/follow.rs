//! Following a plan through the command line: the baseline, where the learner stands against
//! it, re-plans that keep the past, and baselines that cannot be read.

mod common;

use chrono::{Datelike, NaiveDate};
use common::Run;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A learner's own data folder: progress and baseline side by side.
struct Learner {
    _dir: tempfile::TempDir,
    progress: PathBuf,
}

impl Learner {
    fn new() -> Learner {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("progress.yaml");
        Learner {
            _dir: dir,
            progress,
        }
    }

    /// A learner who followed the storage engineer's plan (5 h a week) on Monday 2027-01-04.
    fn following() -> Learner {
        let learner = Learner::new();
        learner
            .run("2027-01-04", &[&FOLLOW[..], &["2027-01-04"]].concat())
            .code(0);
        learner
    }

    fn baseline(&self) -> PathBuf {
        self.progress.with_file_name("baseline.yaml")
    }

    fn run(&self, today: &str, args: &[&str]) -> Run {
        let args = [&["--today", today][..], args].concat();
        Run::with_env(
            &args,
            &[("LEARNPATH_PROGRESS", self.progress.to_str().unwrap())],
        )
    }

    fn json(&self, today: &str, args: &[&str]) -> Value {
        let run = self
            .run(today, &[args, &["--format", "json"][..]].concat())
            .code(0);
        serde_json::from_str(&run.stdout).unwrap()
    }
}

fn date(value: &Value) -> NaiveDate {
    value.as_str().unwrap().parse().unwrap()
}

/// Without reviews: these tests count the minutes of documents; reviews have their own below.
const FOLLOW: [&str; 7] = [
    "follow",
    "--no-review",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
];

/// The same with whole documents only, so that a sitting's documents can be marked done.
const FOLLOW_WHOLE: [&str; 8] = [
    "follow",
    "--no-review",
    "--whole",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
];

#[test]
fn status_is_behind_by_the_minutes_planned_and_not_done() {
    let learner = Learner::new();
    learner
        .run("2027-01-04", &[&FOLLOW_WHOLE[..], &["2027-01-04"]].concat())
        .code(0)
        .stdout_has(&["Following the plan for storage engineer", "Saved to"]);
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let sessions = shown["sessions"].as_array().unwrap();
    // Study the first sitting's documents on time, none of the second's.
    let first = &sessions[0];
    for item in first["items"].as_array().unwrap() {
        let path = item["path"].as_str().unwrap();
        learner
            .run(
                "2027-01-12",
                &["done", path, "--on", first["date"].as_str().unwrap()],
            )
            .code(0);
    }
    let today: NaiveDate = "2027-01-12".parse().unwrap();
    let planned: u64 = sessions
        .iter()
        .filter(|s| date(&s["date"]) <= today)
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum();
    let done = first["minutes"].as_u64().unwrap();
    let status = learner.json("2027-01-12", &["status"]);
    let schedule = &status["schedule"];
    assert_eq!(schedule["planned_minutes_to_date"], planned);
    assert_eq!(schedule["done_minutes_to_date"], done);
    assert_eq!(schedule["behind_minutes"], planned as i64 - done as i64);
    let due = sessions
        .iter()
        .filter(|s| date(&s["date"]) <= today)
        .count() as i64;
    assert_eq!(schedule["behind_sessions"], due - 1);
    assert_eq!(
        schedule["baseline_finish"],
        sessions.last().unwrap()["date"]
    );
    assert!(date(&schedule["projected_finish"]) > date(&schedule["baseline_finish"]));
    learner
        .run("2027-01-12", &["status"])
        .code(0)
        .stdout_has(&["behind", "projected finish"]);
}

#[test]
fn replan_keeps_the_past_and_packs_the_rest_from_today() {
    let learner = Learner::new();
    learner
        .run("2027-01-04", &[&FOLLOW_WHOLE[..], &["2027-01-04"]].concat())
        .code(0);
    let before = learner.json("2027-01-04", &["follow", "--show"]);
    let first = &before["sessions"][0];
    let first_date = first["date"].as_str().unwrap();
    let done_paths: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["path"].as_str().unwrap())
        .collect();
    for path in &done_paths {
        learner
            .run("2027-01-13", &["done", path, "--on", first_date])
            .code(0);
    }
    // Something studied this week, today's Monday: it counts against this week's cap.
    let second = before["sessions"][1]["items"][0]["path"].as_str().unwrap();
    learner
        .run("2027-01-13", &["done", second, "--on", "2027-01-11"])
        .code(0);
    learner.run("2027-01-13", &["replan"]).code(0).stdout_has(&[
        "Re-planned from 2027-01-13, keeping 2 past sittings",
        "finish:",
    ]);
    let after = learner.json("2027-01-13", &["follow", "--show"]);
    let today: NaiveDate = "2027-01-13".parse().unwrap();
    let sessions = after["sessions"].as_array().unwrap();
    // The past as it happened: the done documents on their days.
    assert_eq!(sessions[0]["date"], first_date);
    assert_eq!(sessions[0]["past"], true);
    let kept: Vec<&str> = sessions[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["path"].as_str().unwrap())
        .collect();
    assert_eq!(kept, done_paths);
    assert_eq!(sessions[1]["date"], "2027-01-11");
    // Nothing planned before today; this week never over its cap.
    let week = today.iso_week();
    let mut this_week = 0;
    for sitting in sessions.iter().filter(|s| s["past"] == false) {
        assert!(date(&sitting["date"]) >= today, "{sitting}");
    }
    for sitting in sessions
        .iter()
        .filter(|s| date(&s["date"]).iso_week() == week)
    {
        this_week += sitting["minutes"].as_u64().unwrap();
    }
    assert!(this_week <= 300, "{this_week} minutes this week");
    // Right after a re-plan, the learner is on schedule, today's sitting due today.
    let status = learner.json("2027-01-13", &["status"]);
    let today_minutes: u64 = sessions
        .iter()
        .filter(|s| date(&s["date"]) == today)
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum();
    assert!(today_minutes > 0);
    assert_eq!(status["schedule"]["behind_minutes"], 0);
    assert_eq!(status["schedule"]["planned_minutes_today"], today_minutes);
    assert_eq!(status["schedule"]["due_today_minutes"], today_minutes);
    assert_eq!(status["schedule"]["projected_finish"], after["finish_date"]);
}

/// The minutes of the sittings of a `follow --show` on `day`.
fn minutes_on(shown: &Value, day: &str) -> u64 {
    shown["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["date"] == day)
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum()
}

/// Checks that `status` on `today` says the learner is on schedule, today's sitting due.
fn assert_on_schedule(learner: &Learner, today: &str) {
    let shown = learner.json(today, &["follow", "--show"]);
    let today_minutes = minutes_on(&shown, today);
    assert!(
        today_minutes > 0,
        "a sitting is planned on {today}: {shown}"
    );
    let schedule = learner.json(today, &["status"])["schedule"].clone();
    assert_eq!(schedule["behind_minutes"], 0, "{schedule}");
    assert_eq!(schedule["behind_sessions"], 0, "{schedule}");
    assert_eq!(schedule["planned_minutes_today"], today_minutes);
    assert_eq!(schedule["due_today_minutes"], today_minutes);
    let run = learner.run(today, &["status"]).code(0);
    let line = run
        .stdout
        .lines()
        .find(|line| line.contains("planned before today"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        line.ends_with(&format!(
            ": on schedule; due today {}",
            minutes_words(today_minutes)
        )),
        "{line}"
    );
    assert!(!run.stdout.contains("behind"), "{}", run.stdout);
}

/// "35 min", "1 h", "1 h 15 min", as learnpath writes minutes.
fn minutes_words(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Behind counts the sittings before today: right after `follow`, and right after `replan`,
/// on a day with a sitting planned, the learner is on schedule and today's sitting is due.
#[test]
fn status_right_after_follow_or_replan_is_on_schedule() {
    let learner = Learner::following();
    assert_on_schedule(&learner, "2027-01-04");
    // A week on, the first sitting done and nothing since: behind; then re-planned.
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    for item in shown["sessions"][0]["items"].as_array().unwrap() {
        let path = item["path"].as_str().unwrap();
        learner
            .run("2027-01-11", &["done", path, "--on", "2027-01-04"])
            .code(0);
    }
    let schedule = learner.json("2027-01-11", &["status"])["schedule"].clone();
    assert!(
        schedule["behind_minutes"].as_i64().unwrap() > 0,
        "{schedule}"
    );
    learner.run("2027-01-11", &["replan"]).code(0);
    assert_on_schedule(&learner, "2027-01-11");
}

/// `due_today_minutes`: today's planned minutes not done yet, whether or not the learner is
/// behind on earlier sittings.
#[test]
fn due_today_minutes_are_what_is_left_of_todays_sittings() {
    let learner = Learner::following();
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let monday = minutes_on(&shown, "2027-01-04");
    let first = &shown["sessions"][0]["items"][0];
    let first_minutes = first["minutes"].as_u64().unwrap();
    assert!(first_minutes < monday, "{shown}");
    learner
        .run("2027-01-04", &["done", first["path"].as_str().unwrap()])
        .code(0);
    let schedule = learner.json("2027-01-04", &["status"])["schedule"].clone();
    assert_eq!(schedule["planned_minutes_today"], monday);
    assert_eq!(schedule["due_today_minutes"], monday - first_minutes);
    assert_eq!(schedule["behind_minutes"], 0);
    learner
        .run("2027-01-04", &["status"])
        .code(0)
        .stdout_has(&[&format!(
            "on schedule; due today {} (of today's {})",
            minutes_words(monday - first_minutes),
            minutes_words(monday)
        )]);
    // Wednesday: the rest of Monday's sitting is behind, Wednesday's all due.
    let wednesday = minutes_on(&shown, "2027-01-06");
    assert!(wednesday > 0, "{shown}");
    let schedule = learner.json("2027-01-06", &["status"])["schedule"].clone();
    assert_eq!(schedule["behind_minutes"], monday - first_minutes);
    assert_eq!(schedule["behind_sessions"], 1);
    assert_eq!(schedule["due_today_minutes"], wednesday);
    assert_eq!(schedule["planned_minutes_to_date"], monday + wednesday);
}

/// Every "done" of `status` counts estimated minutes, partial progress included: the first
/// line, the path's bar and the followed plan's line agree, and the first line says so.
#[test]
fn every_line_of_status_counts_partial_progress() {
    let learner = Learner::following();
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let items = shown["sessions"][0]["items"].as_array().unwrap();
    let whole = &items[0];
    let partly = items[1]["path"].as_str().unwrap();
    learner
        .run("2027-01-04", &["done", whole["path"].as_str().unwrap()])
        .code(0);
    learner
        .run("2027-01-04", &["done", partly, "--minutes", "10m"])
        .code(0);
    let done = whole["minutes"].as_u64().unwrap() + 10;
    let status = learner.json("2027-01-04", &["status"]);
    assert_eq!(status["minutes_done"], done, "{status}");
    assert_eq!(status["documents_partly_done"], 1);
    assert_eq!(status["schedule"]["done_minutes_to_date"], done);
    let path = status["specializations"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    assert_eq!(path["id"], "all");
    assert_eq!(path["minutes_done"], done);
    let done = minutes_words(done);
    learner.run("2027-01-04", &["status"]).code(0).stdout_has(&[
        &format!(
            "1 document done and 1 partly done: {done} of estimated time, partial progress included"
        ),
        &format!("  {done} done, "),
        &format!("done {done} of the plan: on schedule"),
    ]);
}

#[test]
fn keep_finish_finds_the_weekly_time_or_names_the_shortfall() {
    let learner = Learner::new();
    learner
        .run(
            "2027-01-04",
            &[
                "follow",
                "--spec",
                "3.1",
                "--hours",
                "2",
                "--start",
                "2027-01-04",
            ],
        )
        .code(0);
    let finish = learner.json("2027-01-04", &["follow", "--show"])["finish_date"].clone();
    // Two weeks with nothing done: more hours a week still make it.
    learner
        .run("2027-01-18", &["replan", "--keep-finish"])
        .code(0)
        .stdout_has(&["weekly time: 2.0 h ->"]);
    let after = learner.json("2027-01-18", &["follow", "--show"]);
    assert!(date(&after["finish_date"]) <= date(&finish), "{after}");
    assert!(after["weekly_minutes"].as_u64().unwrap() > 120);
    // Two days before the finish, nothing done: no weekly time is enough.
    let late = date(&finish) - chrono::Days::new(2);
    let run = learner
        .run(&late.to_string(), &["replan", "--keep-finish"])
        .code(1)
        .stderr_has(&["No weekly time meets the finish", "of study after it"]);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let unchanged = learner.json(&late.to_string(), &["follow", "--show"]);
    assert_eq!(
        unchanged["made"], "2027-01-18",
        "a failed re-plan keeps the baseline"
    );
}

#[test]
fn following_again_says_what_changed() {
    let learner = Learner::following();
    learner
        .run(
            "2027-01-04",
            &[
                "follow",
                "--role",
                "storage engineer",
                "--hours",
                "2",
                "--start",
                "2027-01-04",
            ],
        )
        .code(0)
        .stdout_has(&[
            "It replaces the plan saved 2027-01-04:",
            "days later)",
            "weekly time: 5.0 h -> 2.0 h",
        ]);
    learner
        .run(
            "2027-01-04",
            &[
                "follow",
                "--role",
                "storage engineer",
                "--hours",
                "2",
                "--start",
                "2027-01-04",
            ],
        )
        .code(0)
        .stdout_has(&["nothing changed"]);
}

#[test]
fn replan_and_show_need_a_followed_plan() {
    let learner = Learner::new();
    learner
        .run("2027-01-04", &["replan"])
        .code(2)
        .stderr_has(&["no plan is followed yet", "learnpath follow"]);
    learner.run("2027-01-04", &["follow", "--show"]).code(2);
    // Without one, status has no schedule.
    assert_eq!(
        learner.json("2027-01-04", &["status"])["schedule"],
        Value::Null
    );
}

/// A baseline that cannot be read is named with its line, exits 65 and is left as it was.
#[test]
fn broken_or_foreign_baselines_are_refused_and_kept() {
    let learner = Learner::following();
    let good = std::fs::read_to_string(learner.baseline()).unwrap();
    let cases = [
        (
            good.replace(
                "curriculum: datacenter-infrastructure",
                "curriculum: another-course",
            ),
            "foreign baseline",
            4,
        ),
        (
            good.replace("schema_version: 1", "schema_version: 7"),
            "schema_version 7",
            3,
        ),
        (
            good.replacen("  minutes: ", "  minutes: lots", 1),
            "invalid baseline",
            0,
        ),
        (
            good.replace("made: ", "made: [").to_string(),
            "invalid YAML",
            6,
        ),
        ("hello: world\n".to_string(), "no schema_version", 0),
    ];
    for (text, words, line) in cases {
        std::fs::write(learner.baseline(), &text).unwrap();
        for args in [
            &["status"][..],
            &["replan"],
            &FOLLOW[..6],
            &["follow", "--show"],
        ] {
            let run = learner.run("2027-01-05", args).code(65);
            let named = match line {
                0 => learner.baseline().display().to_string(),
                line => format!("{}:{line}", learner.baseline().display()),
            };
            assert!(
                run.stderr.contains(&named),
                "{args:?} {words}: {}",
                run.stderr
            );
            assert!(run.stderr.contains(words), "{args:?}: {}", run.stderr);
            assert_eq!(std::fs::read_to_string(learner.baseline()).unwrap(), text);
        }
    }
    check_lines_name_the_value(&learner.baseline(), &good);
}

/// A value of a hand-edited file's settings that no plan can use is named too.
fn check_lines_name_the_value(path: &Path, good: &str) {
    let text = good.replace("weekly_minutes: 300", "weekly_minutes: 5");
    std::fs::write(path, &text).unwrap();
    let learner_progress = path.with_file_name("progress.yaml");
    Run::with_env(
        &["--today", "2027-01-05", "status"],
        &[("LEARNPATH_PROGRESS", learner_progress.to_str().unwrap())],
    )
    .code(65)
    .stderr_has(&["settings:", "less than one 15-minute session"]);
}

/// Filled sittings split a document where the days make room: `done --part N` records the
/// minutes of part N of the plan followed, and a re-plan schedules the rest.
#[test]
fn done_part_records_the_part_of_the_followed_plan() {
    let learner = Learner::new();
    let follow = [
        "follow",
        "--spec",
        "3.2",
        "--days",
        "mon=30m,tue=60m,thu=30m,sat=45m",
        "--start",
        "2027-01-04",
    ];
    learner.run("2027-01-04", &follow).code(0);
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let first = &shown["sessions"][0]["items"][0];
    assert_eq!(first["part"], "1/2", "{first}");
    let minutes = first["minutes"].as_u64().unwrap();
    let path = first["path"].as_str().unwrap();
    assert!(minutes < 40, "a part of a longer document: {first}");
    learner
        .run("2027-01-04", &["done", path, "--part", "1"])
        .code(0)
        .stdout_has(&[&format!(
            "part 1/2 done: {path} ({minutes} min, 2027-01-04)"
        )]);
    let status = learner.json("2027-01-05", &["status"]);
    assert_eq!(status["schedule"]["behind_minutes"], 0, "{status}");
    // After a re-plan the plan has what is left of it: a part of the old split is no longer
    // a part of the plan, and recording one is refused rather than marking the document done.
    learner.run("2027-01-05", &["replan"]).code(0);
    learner
        .run("2027-01-05", &["done", path, "--part", "2"])
        .code(2);
    let status = learner.json("2027-01-05", &["status"]);
    assert_eq!(status["documents_done"], 0, "{status}");
}

/// `replan --keep-finish` after the followed finish says no weekly time meets it (exit 1), as
/// on the finish day; with nothing left it keeps the weekly time (issue 22, item 11).
#[test]
fn keep_finish_after_the_finish_or_with_nothing_left() {
    let learner = Learner::following();
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let finish = date(&shown["sessions"].as_array().unwrap().last().unwrap()["date"]);
    let later = (finish + chrono::Days::new(7)).to_string();
    learner
        .run(&later, &["replan", "--keep-finish"])
        .code(1)
        .stderr_has(&[&format!("No weekly time meets the finish {finish}")]);
    let paths: Vec<String> = shown["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap().clone())
        .map(|item| item["path"].as_str().unwrap().to_string())
        .collect();
    let done: Vec<&str> = [
        &["done"][..],
        &paths.iter().map(String::as_str).collect::<Vec<_>>(),
    ]
    .concat();
    learner.run("2027-01-05", &done).code(0);
    learner
        .run("2027-01-05", &["replan", "--keep-finish"])
        .code(0)
        .stderr_has(&["nothing is left to study"]);
    let kept = learner.json("2027-01-05", &["follow", "--show"]);
    assert_eq!(kept["weekly_minutes"], 300, "{kept}");
}

/// A busy calendar in a folder whose name is not UTF-8 cannot be kept in the followed plan
/// (its path is text): `follow` refuses it and writes nothing, rather than saving a baseline
/// that cannot be read back.
#[cfg(unix)]
#[test]
fn a_busy_calendar_whose_path_is_not_utf8_is_refused_and_nothing_is_saved() {
    use std::os::unix::ffi::OsStrExt;
    let learner = common::Learner::new();
    let odd = learner.path("").join(std::ffi::OsStr::from_bytes(b"d\xff"));
    std::fs::create_dir(&odd).unwrap();
    std::fs::write(odd.join("w.ics"), "BEGIN:VCALENDAR\nEND:VCALENDAR\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .current_dir(&odd)
        .env_clear()
        .envs(learner.env())
        .args([
            "--today",
            "2027-01-04",
            "follow",
            "--spec",
            "3.1",
            "--hours",
            "5",
        ])
        .args(["--busy", "w.ics"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not valid UTF-8"), "{stderr}");
    let kept: Vec<_> = std::fs::read_dir(learner.path(""))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().contains("baseline"))
        .collect();
    assert!(kept.is_empty(), "{kept:?}");
}

/// A followed plan whose busy calendar was edited into a relative path: status names the
/// baseline and what writes such a path (`follow --busy`), not the profile.
#[test]
fn a_relative_busy_path_in_the_baseline_names_follow() {
    let learner = common::Learner::new();
    let calendar = learner.path("work.ics");
    std::fs::write(&calendar, "BEGIN:VCALENDAR\nEND:VCALENDAR\n").unwrap();
    let calendar = calendar.display().to_string();
    let follow = [
        "--today",
        "2027-01-04",
        "follow",
        "--spec",
        "3.1",
        "--hours",
        "5",
    ];
    learner
        .run(&[&follow[..], &["--busy", &calendar, "-q"]].concat())
        .code(0);
    let baseline = learner.path("baseline.yaml");
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(text.contains(&calendar), "{text}");
    std::fs::write(&baseline, text.replace(&calendar, "work.ics")).unwrap();
    let status = learner.run(&["--today", "2027-01-11", "status"]).code(65);
    assert!(
        status.stderr.contains(
            "busy: 'work.ics' is not an absolute path (`learnpath follow --busy FILE` stores one)"
        ),
        "{}",
        status.stderr
    );
}

/// A plan followed with reviews keeps them (and their retention) in its file; studying every
/// document of its first sitting on time is on schedule, whatever the reviews; a re-plan keeps
/// the reviews unless told otherwise, and --no-review drops them.
#[test]
fn a_followed_plan_with_reviews_keeps_them_and_tracks_documents_only() {
    let learner = Learner::new();
    learner
        .run("2026-12-28", &["done", "01_the_ring0_problem"])
        .code(0);
    let follow = [
        &FOLLOW_WHOLE[..],
        &["2027-01-04", "--review", "--retention", "0.85"],
    ]
    .concat();
    learner.run("2027-01-04", &follow).code(0);
    let file = std::fs::read_to_string(learner.baseline()).unwrap();
    assert!(file.contains("  review:\n    retention: 0.85\n"), "{file}");
    assert!(file.contains("  review: true\n"), "{file}");
    let shown = learner.json("2027-01-04", &["follow", "--show"]);
    let first = &shown["sessions"][0];
    let items = first["items"].as_array().unwrap();
    assert_eq!(
        items[0]["review"], true,
        "the overdue review comes first: {items:?}"
    );
    let study: Vec<&Value> = items.iter().filter(|i| i.get("review").is_none()).collect();
    assert!(!study.is_empty());
    for item in &study {
        let path = item["path"].as_str().unwrap();
        learner
            .run("2027-01-04", &["done", path, "--on", "2027-01-04"])
            .code(0);
    }
    let study_minutes: u64 = study.iter().map(|i| i["minutes"].as_u64().unwrap()).sum();
    assert!(first["minutes"].as_u64().unwrap() > study_minutes);
    let status = learner.json("2027-01-05", &["status"]);
    let schedule = &status["schedule"];
    assert_eq!(schedule["planned_minutes_to_date"], study_minutes);
    assert_eq!(schedule["done_minutes_to_date"], study_minutes);
    assert_eq!(schedule["behind_minutes"], 0);
    assert_eq!(schedule["behind_sessions"], 0);
    learner.run("2027-01-05", &["replan"]).code(0);
    let file = std::fs::read_to_string(learner.baseline()).unwrap();
    assert!(file.contains("  review:\n    retention: 0.85\n"), "{file}");
    learner
        .run("2027-01-05", &["replan", "--no-review"])
        .code(0);
    let file = std::fs::read_to_string(learner.baseline()).unwrap();
    assert!(!file.contains("review"), "{file}");
}
