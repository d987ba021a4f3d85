//! The resolver: flags over the profile, the window over the followed plan.

use super::*;
use crate::cli::args::Command;
use clap::Parser;

/// The request `learnpath ARGS` resolves to, with the profile at `profile`.
fn request(profile: &std::path::Path, args: &[&str]) -> Result<PlanRequest, Failure> {
    let cli = Cli::try_parse_from(
        [
            &[
                "learnpath",
                "--no-progress",
                "--today",
                "2027-01-04",
                "--profile",
                profile.to_str().unwrap(),
            ][..],
            args,
        ]
        .concat(),
    )
    .unwrap();
    let context = Context::resolve(&cli);
    let Some(Command::Plan { options, .. }) = &cli.command else {
        panic!("not a plan: {args:?}");
    };
    let opened = context.open().unwrap();
    PlanRequest::resolve(options, &context, &opened)
}

/// The profile's days off and busy calendars, then those of the flags, without duplicates.
#[test]
fn skip_and_busy_add_the_flags_to_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let home = std::fs::canonicalize(dir.path()).unwrap();
    let (work, gym) = (home.join("work.ics"), home.join("gym.ics"));
    for calendar in [&work, &gym] {
        std::fs::write(calendar, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    }
    let profile = home.join("profile.yaml");
    std::fs::write(
        &profile,
        format!(
            "schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: storage engineer\nhours: 5\nskip:\n- 2027-02-10..2027-02-20\n- 2027-03-01\nbusy:\n- {}\n",
            work.display()
        ),
    )
    .unwrap();
    let day = |text: &str| values::date(text).unwrap();
    let plain = request(&profile, &["plan"]).ok().unwrap();
    assert_eq!(
        plain.skip,
        [
            (day("2027-02-10"), day("2027-02-20")),
            (day("2027-03-01"), day("2027-03-01"))
        ]
    );
    assert_eq!(plain.busy, std::slice::from_ref(&work));
    let merged = request(
        &profile,
        &[
            "plan",
            "--skip",
            "2027-03-01,2027-04-01..2027-04-02",
            "--busy",
            gym.to_str().unwrap(),
            "--busy",
            work.to_str().unwrap(),
        ],
    )
    .ok()
    .unwrap();
    assert_eq!(
        merged.skip,
        [
            (day("2027-02-10"), day("2027-02-20")),
            (day("2027-03-01"), day("2027-03-01")),
            (day("2027-04-01"), day("2027-04-02"))
        ]
    );
    assert_eq!(merged.busy, [work.clone(), gym]);
    // A calendar the profile names that is gone is an error that names the line.
    std::fs::remove_file(&work).unwrap();
    let Err(Failure::Library(error)) = request(&profile, &["plan"]) else {
        panic!("a missing calendar is accepted");
    };
    let message = error.to_string();
    assert!(message.contains("profile.yaml:9: busy:"), "{message}");
    assert!(message.contains("does not exist"), "{message}");
}

/// --at and --tz, else the profile's: what the clock is made of and a followed plan keeps.
#[test]
fn the_window_is_the_flags_else_the_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.yaml");
    std::fs::write(
        &profile,
        "schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: storage engineer\nhours: 5\nat: '07:30'\ntz: Europe/Berlin\n",
    )
    .unwrap();
    let window = |args: &[&str]| {
        let extras = request(&profile, args).ok().unwrap().extras();
        let (at, tz) = (extras.at.unwrap(), extras.tz.unwrap());
        (at.format("%H:%M").to_string(), tz.name().to_string())
    };
    assert_eq!(
        window(&["plan"]),
        ("07:30".into(), "Europe/Berlin".to_string())
    );
    assert_eq!(
        window(&["plan", "--at", "19:30", "--tz", "UTC"]),
        ("19:30".into(), "UTC".into())
    );
    assert_eq!(
        window(&["plan", "--at", "20:00"]),
        ("20:00".into(), "Europe/Berlin".into())
    );
}
