//! The study window (`--at`, `--tz`) on every command that plans: the same values, from the
//! flags or from the profile, give the same sittings in `plan`, `export`, `follow`, `status`
//! and `replan`, and a busy calendar is read against them in all of them.

mod common;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use common::{Learner, Run, learnpath};
use serde_json::Value;

/// examples/work.ics: a stand-up on Mondays 19:00-19:30 in Berlin (18:00-18:30 UTC) from
/// 2027-01-04, and a trip on 2027-01-13 and 14.
const WORK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/work.ics");

/// Mondays of 1 h 30 min, from the first stand-up's Monday.
const WEEK: &[&str] = &[
    "--role",
    "storage engineer",
    "--days",
    "mon=1h30m,wed=1h30m,sat=2h",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-04",
    "--busy",
    WORK,
];

/// A sitting as the plan's JSON has it: date, minutes, and the minutes after --at it starts.
type Sitting = (NaiveDate, u64, u64);

fn sittings(plan: &Value) -> Vec<Sitting> {
    plan["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|session| {
            (
                session["date"].as_str().unwrap().parse().unwrap(),
                session["minutes"].as_u64().unwrap(),
                session["delay_minutes"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn json(run: Run) -> Value {
    serde_json::from_str(&run.code(0).stdout).unwrap()
}

/// The command's JSON with the week, the window and `--format json`.
fn planned(command: &str, window: &[&str]) -> Vec<Sitting> {
    let args = [&[command, "--format", "json"][..], WEEK, window].concat();
    sittings(&json(learnpath(&args)))
}

/// The UTC starts and ends of an iCalendar text's events, in order.
fn event_times(ics: &str) -> Vec<(String, String)> {
    let values = |name: &str| -> Vec<String> {
        ics.split("\r\n")
            .filter_map(|line| line.strip_prefix(name))
            .map(str::to_string)
            .collect()
    };
    let (starts, ends) = (values("DTSTART:"), values("DTEND:"));
    assert_eq!(starts.len(), ends.len(), "{ics}");
    starts.into_iter().zip(ends).collect()
}

/// Where `sittings` fall at `at` in `zone`, as iCalendar writes UTC times.
fn expected_times(sittings: &[Sitting], at: NaiveTime, zone: Tz) -> Vec<(String, String)> {
    let utc = |minutes: u64, (date, _, delay): &Sitting| {
        let start = zone.from_local_datetime(&date.and_time(at)).unwrap();
        let time = start + Duration::minutes((delay + minutes) as i64);
        time.naive_utc().format("%Y%m%dT%H%M%SZ").to_string()
    };
    sittings
        .iter()
        .map(|sitting| (utc(0, sitting), utc(sitting.1, sitting)))
        .collect()
}

#[test]
fn plan_export_and_follow_give_the_same_sittings_for_the_same_window() {
    let windows: [(&[&str], &str, Tz); 3] = [
        (
            &["--tz", "Europe/Berlin"],
            "19:00",
            chrono_tz::Europe::Berlin,
        ),
        (
            &["--tz", "Europe/Berlin", "--at", "19:30"],
            "19:30",
            chrono_tz::Europe::Berlin,
        ),
        (&["--tz", "UTC", "--at", "18:00"], "18:00", chrono_tz::UTC),
    ];
    let mut all = Vec::new();
    for (window, at, zone) in windows {
        let plan = planned("plan", window);
        assert_eq!(planned("export", window), plan, "export {window:?}");
        let args = [
            &["export", "--format", "ics", "--no-progress"][..],
            WEEK,
            window,
        ]
        .concat();
        let ics = learnpath(&args).code(0).stdout;
        let at = NaiveTime::parse_from_str(at, "%H:%M").unwrap();
        assert_eq!(
            event_times(&ics),
            expected_times(&plan, at, zone),
            "ics {window:?}"
        );
        let learner = Learner::new();
        learner
            .run(&[&["follow"][..], WEEK, window].concat())
            .code(0);
        let shown = json(learner.run(&["follow", "--show", "--format", "json"]));
        let dates = |sittings: &[Sitting]| -> Vec<(NaiveDate, u64)> {
            sittings
                .iter()
                .map(|&(date, minutes, _)| (date, minutes))
                .collect()
        };
        assert_eq!(dates(&sittings(&shown)), dates(&plan), "follow {window:?}");
        all.push(plan);
    }
    // The stand-up shortens the first Monday at 19:00 in Berlin and at 18:00 in UTC, not at
    // 19:30: the window reached the busy time in every command.
    assert_eq!(all[0][0].2, 30, "{:?}", all[0]);
    assert_eq!(all[2][0].2, 30, "{:?}", all[2]);
    assert_eq!(all[1][0].2, 0, "{:?}", all[1]);
    assert!(all[1][0].1 > all[0][0].1, "{all:?}");
}

#[test]
fn plan_takes_the_profiles_window_unless_the_flags_say_otherwise() {
    let learner = Learner::new();
    learner
        .run(&[
            "profile",
            "set",
            "--at",
            "19:30",
            "--tz",
            "Europe/Berlin",
            "--busy",
            WORK,
        ])
        .code(0);
    let plan = |extra: &[&str]| {
        let args = [&["plan", "--format", "json"][..], WEEK, extra].concat();
        sittings(&json(learner.run(&args)))
    };
    let from_profile = plan(&[]);
    let given = plan(&["--no-profile", "--at", "19:30", "--tz", "Europe/Berlin"]);
    assert_eq!(from_profile, given);
    assert_eq!(from_profile[0].2, 0, "after the stand-up: {from_profile:?}");
    // The flag wins over the profile's time, for that run.
    let at_seven = plan(&["--at", "19:00"]);
    assert_eq!(at_seven[0].2, 30, "{at_seven:?}");
    assert_eq!(
        at_seven,
        plan(&["--no-profile", "--at", "19:00", "--tz", "Europe/Berlin"])
    );
    // The calendar starts the sittings where the plan put them.
    let args = [&["export", "--format", "ics", "-q"][..], WEEK].concat();
    let ics = learner.run(&args).code(0).stdout;
    let berlin = chrono_tz::Europe::Berlin;
    let at = NaiveTime::from_hms_opt(19, 30, 0).unwrap();
    assert_eq!(event_times(&ics), expected_times(&from_profile, at, berlin));
}

#[test]
fn a_followed_plan_keeps_its_window_for_status_and_replan() {
    let learner = Learner::new();
    let window = ["--tz", "Europe/Berlin", "--at", "19:30"];
    learner
        .run(&[&["follow"][..], WEEK, &window].concat())
        .code(0);
    let baseline = std::fs::read_to_string(learner.path("baseline.yaml")).unwrap();
    assert!(baseline.contains("19:30"), "{baseline}");
    assert!(baseline.contains("Europe/Berlin"), "{baseline}");
    let today = ["--today", "2027-01-04"];
    let status = |extra: &[&str]| {
        let args = [&["status", "--format", "json"][..], &today, extra].concat();
        json(learner.run(&args))["schedule"].clone()
    };
    // Re-planned at the followed plan's time, what is left finishes as it did; at 19:00 the
    // stand-ups take time from the Mondays and it finishes later.
    let followed = status(&[]);
    assert_eq!(followed["projected_finish"], followed["baseline_finish"]);
    let earlier = status(&["--at", "19:00"]);
    assert!(
        earlier["projected_finish"].as_str() > followed["projected_finish"].as_str(),
        "{earlier} {followed}"
    );
    learner
        .run(&[&["replan"][..], &today].concat())
        .code(0)
        .stdout_has(&["nothing changed"]);
    // replan --at: the new time, kept in the baseline and in its sittings.
    learner
        .run(&[&["replan", "--at", "19:00"][..], &today].concat())
        .code(0)
        .stdout_has(&["finish: "]);
    let baseline = std::fs::read_to_string(learner.path("baseline.yaml")).unwrap();
    assert!(baseline.contains("19:00"), "{baseline}");
    let shown = json(learner.run(&["follow", "--show", "--format", "json"]));
    let plan = planned("plan", &["--tz", "Europe/Berlin", "--at", "19:00"]);
    let dates: Vec<(NaiveDate, u64)> = plan.iter().map(|&(d, m, _)| (d, m)).collect();
    let kept: Vec<(NaiveDate, u64)> = sittings(&shown).iter().map(|&(d, m, _)| (d, m)).collect();
    assert_eq!(kept, dates);
    assert_eq!(status(&[])["projected_finish"], earlier["projected_finish"]);
}

/// The lines of a command's help that document `option`, up to the next option.
fn help_of(command: &str, option: &str) -> String {
    let help = learnpath(&[command, "--help"]).code(0).stdout;
    let mut lines = help
        .lines()
        .skip_while(|line| !line.trim_start().starts_with(option));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("{command} has no {option}"));
    let rest = lines.take_while(|line| !line.trim_start().starts_with('-'));
    [first.to_string()]
        .into_iter()
        .chain(rest.map(str::to_string))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_command_that_plans_takes_the_window_alike() {
    let commands = [
        "plan", "follow", "replan", "status", "next", "report", "export", "sync",
    ];
    for option in ["--at <HH:MM>", "--tz <ZONE>"] {
        let plan = help_of("plan", option);
        assert!(plan.contains("[default: the profile's"), "{plan}");
        for command in commands {
            assert_eq!(help_of(command, option), plan, "{command} {option}");
        }
    }
    for command in commands {
        learnpath(&[command, "--at", "7pm"])
            .code(2)
            .stderr_has(&["invalid value '7pm' for '--at <HH:MM>'"]);
        learnpath(&[command, "--tz", "Mars/Base"])
            .code(2)
            .stderr_has(&["for '--tz <ZONE>'"]);
    }
    // What can be started now does not depend on the time of day.
    let next = |extra: &[&str]| {
        let args = [&["next", "--role", "storage engineer"][..], extra].concat();
        learnpath(&args).code(0).stdout
    };
    assert_eq!(next(&["--at", "07:30", "--tz", "Asia/Tokyo"]), next(&[]));
}
