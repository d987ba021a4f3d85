//! Busy calendars written by an independent program, Python's `icalendar` package
//! (tests/interop/write_busy_ics.py), read into busy time.

mod common;

use chrono::NaiveDate;
use learnpath::availability::busy::{BusyCalendar, DayBusy};
use learnpath::time::zone::Zone;
use std::collections::BTreeMap;

/// A folder with the calendars tests/interop/write_busy_ics.py writes with Python's
/// `icalendar`.
fn python_calendars() -> tempfile::TempDir {
    let python = common::python_with_icalendar();
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/interop/write_busy_ics.py"
        ))
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

/// The busy days as text: "2027-04-01 all day", "2027-03-15 17:00-18:30".
fn show(days: &BTreeMap<NaiveDate, DayBusy>) -> Vec<String> {
    days.iter()
        .map(|(date, day)| {
            let mut text = date.to_string();
            if day.all_day {
                text.push_str(" all day");
            }
            for (start, end) in &day.intervals {
                text.push_str(&format!(
                    " {}-{}",
                    start.format("%H:%M"),
                    end.format("%H:%M")
                ));
            }
            text
        })
        .collect()
}

#[test]
#[ignore = "needs Python with icalendar (installed by .ci/run)"]
fn calendars_written_by_python_icalendar_are_read_exactly() {
    let dir = python_calendars();
    let (from, to) = ("2027-03-01".parse().unwrap(), "2027-04-30".parse().unwrap());
    let utc = Zone::Iana(chrono_tz::UTC);
    let berlin = Zone::Iana(chrono_tz::Europe::Berlin);
    // The Mondays at 18:00 in Berlin are 17:00 UTC before 2027-03-28 and 16:00 after; 03-22 is
    // left out, 03-29 moved to 03-30 20:00 (18:00 UTC); the transparent (03-16) and cancelled
    // (03-17) events are not busy; 03-19 is floating, so 09:00 wherever the learner is.
    let in_utc = [
        "2027-03-15 17:00-18:30",
        "2027-03-18 06:00-07:00",
        "2027-03-19 09:00-10:00",
        "2027-03-30 18:00-19:00",
        "2027-04-01 all day",
        "2027-04-02 all day",
        "2027-04-05 16:00-17:30",
    ];
    let in_berlin = [
        "2027-03-15 18:00-19:30",
        "2027-03-18 07:00-08:00",
        "2027-03-19 09:00-10:00",
        "2027-03-30 20:00-21:00",
        "2027-04-01 all day",
        "2027-04-02 all day",
        "2027-04-05 18:00-19:30",
    ];
    // Europe/Berlin is read as the IANA zone; "Mitteleuropa" only from the VTIMEZONE.
    for name in ["work.ics", "renamed.ics"] {
        let path = dir.path().join(name);
        let calendar = BusyCalendar::read(std::slice::from_ref(&path)).unwrap();
        let days = calendar.busy_days(from, to, &utc);
        assert_eq!(show(&days), in_utc, "{name}");
        assert!(
            days.values()
                .all(|day| day.sources == [path.display().to_string()]),
            "{name}"
        );
        assert_eq!(
            show(&calendar.busy_days(from, to, &berlin)),
            in_berlin,
            "{name}"
        );
    }
}

/// A plan around the same calendars: no sitting on the holiday, Mondays start after the
/// meeting (not on the excluded 03-22), and the moved instance shortens Tuesday 03-30.
#[test]
#[ignore = "needs Python with icalendar (installed by .ci/run)"]
fn a_plan_goes_around_calendars_written_by_python_icalendar() {
    let dir = python_calendars();
    let work = dir.path().join("work.ics");
    let output = assert_cmd::Command::cargo_bin("learnpath")
        .unwrap()
        .env(
            "LEARNPATH_PROGRESS",
            "/nonexistent/learnpath-tests/progress.yaml",
        )
        .env("XDG_CONFIG_HOME", "/nonexistent/learnpath-tests/config")
        .env("TZ", "Europe/Berlin")
        .args(["plan", "--role", "network engineer", "--days"])
        .args(["mon=100m,tue=100m,thu=60m,fri=60m", "--start", "2027-03-15"])
        .args(["--format", "json", "--busy"])
        .arg(&work)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let sessions = plan["sessions"].as_array().unwrap();
    let on = |date: &str| sessions.iter().find(|s| s["date"] == date);
    assert!(sessions.len() > 8, "{plan}");
    // The fourth instance, 04-05, is busy again (the excluded 03-22 counts toward COUNT=4).
    assert_eq!(on("2027-04-05").unwrap()["delay_minutes"], 30);
    for holiday in ["2027-04-01", "2027-04-02"] {
        assert!(on(holiday).is_none(), "a sitting on {holiday}");
    }
    // Mondays 18:00-19:30: the sitting starts at 19:30.
    assert_eq!(on("2027-03-15").unwrap()["delay_minutes"], 30);
    assert_eq!(
        on("2027-03-22").unwrap()["delay_minutes"],
        serde_json::Value::Null
    );
    // The moved instance, Tuesday 20:00-21:00: 19:00-20:00 is left.
    assert!(on("2027-03-30").unwrap()["minutes"].as_u64().unwrap() <= 60);
    // A transparent event that Tuesday takes nothing.
    assert_eq!(
        on("2027-03-16").unwrap()["delay_minutes"],
        serde_json::Value::Null
    );
    let blocked: Vec<&str> = plan["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| day["date"].as_str().unwrap())
        .collect();
    assert_eq!(blocked, ["2027-04-01", "2027-04-02"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("in work.ics"), "{stderr}");
}
