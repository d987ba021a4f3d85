//! The saved profile through the CLI: a round trip, one profile per curriculum, flags that win
//! over it, plain `learnpath plan`, and broken or foreign files that are named and left alone.

mod common;

use common::Run;
use std::path::{Path, PathBuf};

/// A scratch home: `XDG_CONFIG_HOME` for the profiles and `XDG_DATA_HOME` for the progress
/// files, both in a temporary folder, and no `LEARNPATH_PROGRESS` (an empty value counts as
/// unset).
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The embedded curriculum's profile.
    fn profile(&self) -> PathBuf {
        self.config()
            .join("learnpath")
            .join(learnpath::progress::EMBEDDED_ID)
            .join("profile.yaml")
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let config = self.config().display().to_string();
        let data = self.dir.path().join("data").display().to_string();
        let home = self.dir.path().display().to_string();
        let mut all = vec![
            ("XDG_CONFIG_HOME", config.as_str()),
            ("XDG_DATA_HOME", data.as_str()),
            ("HOME", home.as_str()),
            ("LEARNPATH_PROGRESS", ""),
            ("LEARNPATH_TODAY", "2027-01-04"),
        ];
        all.extend_from_slice(env);
        Run::with_env(args, &all)
    }

    /// `plan --format json` (or another command's JSON), parsed.
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let run = self
            .run(&[args, &["--format", "json"][..]].concat())
            .code(0);
        serde_json::from_str(&run.stdout).unwrap()
    }
}

#[test]
fn profile_round_trip_set_show_unset_reset() {
    let home = Home::new();
    let calendar = home.dir.path().join("work.ics");
    std::fs::write(&calendar, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    let calendar = std::fs::canonicalize(calendar).unwrap();
    let file = home.profile();
    let path = file.display().to_string();

    home.run(&["profile", "show"]).code(0).stdout_has(&[
        "No profile for datacenter-infrastructure; `learnpath profile set` saves one.",
        &format!("profile file: {path} (does not exist)"),
    ]);
    // `--busy` is read relative to the working folder, which is not the home here; nothing
    // is saved when a value is refused.
    home.run(&["profile", "set", "--hours", "5", "--busy", "work.ics"])
        .code(2)
        .stderr_has(&["'work.ics' does not exist"]);
    assert!(!file.exists());
    let calendar_arg = calendar.display().to_string();
    set_storage_engineer(&home, &calendar_arg);
    // Again: nothing new, nothing written.
    let again = home
        .run(&[
            "profile",
            "set",
            "--hours",
            "5",
            "--skip",
            "2027-03-01..2027-03-01",
        ])
        .code(0);
    assert_eq!(
        again.stdout,
        format!("hours: 5 (unchanged)\nskip: already has 2027-03-01\nprofile unchanged: {path}\n")
    );

    assert_storage_engineer_shown(&home, &calendar_arg);
    // --spec replaces the role.
    home.run(&["profile", "set", "--spec", "3.1"])
        .code(0)
        .stdout_has(&[
            "spec: 3.1\n",
            "role: unset (was storage engineer; specializations replace the role)",
        ]);

    unset_values_and_keys(&home, &calendar_arg);
    reset_twice(&home);
}

/// `profile set` with a role, hours, days, two skips and the calendar `calendar_arg`; checks
/// what it says and the file it writes.
fn set_storage_engineer(home: &Home, calendar_arg: &str) {
    let file = home.profile();
    let path = file.display().to_string();
    let set = home
        .run(&[
            "profile",
            "set",
            "--role",
            "storage engineer",
            "--hours",
            "5",
            "--days",
            "mon,wed,sat",
            "--skip",
            "2027-02-10..2027-02-20,2027-03-01",
            "--busy",
            calendar_arg,
        ])
        .code(0);
    assert_eq!(
        set.stdout,
        format!(
            "role: storage engineer\nhours: 5\ndays: mon,wed,sat\n\
             skip: added 2027-02-10..2027-02-20\nskip: added 2027-03-01\n\
             busy: added {calendar_arg}\nprofile saved in {path}\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!(
            "# learnpath profile: your usual choices for this curriculum, used when a command does not give them.\n\
             # Change it with `learnpath profile set`, `learnpath profile unset KEY` and `learnpath profile reset`.\n\
             schema_version: 1\n\
             curriculum: datacenter-infrastructure\n\
             role: storage engineer\n\
             hours: 5\n\
             days: mon,wed,sat\n\
             skip:\n\
             - 2027-02-10..2027-02-20\n\
             - 2027-03-01\n\
             busy:\n\
             - {calendar_arg}\n"
        )
    );
}

/// Checks `profile show`, as text and as JSON, after `set_storage_engineer`.
fn assert_storage_engineer_shown(home: &Home, calendar_arg: &str) {
    let path = home.profile().display().to_string();
    assert_eq!(
        home.run(&["profile", "show"]).code(0).stdout,
        format!(
            "Profile for datacenter-infrastructure\n\
             \x20 role     storage engineer\n\
             \x20 hours    5\n\
             \x20 days     mon,wed,sat\n\
             \x20 skip     2027-02-10..2027-02-20\n\
             \x20          2027-03-01\n\
             \x20 busy     {calendar_arg}\n\
             profile file: {path}\n"
        )
    );
    let shown = home.json(&["profile", "show"]);
    assert_eq!(shown["schema_version"], 1);
    assert_eq!(shown["curriculum"], "datacenter-infrastructure");
    assert_eq!(shown["profile_file"], path.as_str());
    assert_eq!(shown["exists"], true);
    assert_eq!(
        shown["profile"],
        serde_json::json!({
            "role": "storage engineer", "spec": [], "hours": "5", "days": "mon,wed,sat",
            "session": null, "at": null, "tz": null, "start": null,
            "skip": ["2027-02-10..2027-02-20", "2027-03-01"], "busy": [calendar_arg],
            "remind": [], "caldav": null, "user": null, "whole": null,
            "review": null, "retention": null, "review-minutes": null,
        })
    );
}

/// Removes a value of a list, a whole key, a key not set and a value not there, checks what
/// each says, and the profile left.
fn unset_values_and_keys(home: &Home, calendar_arg: &str) {
    // One value of a list, a whole key, a key not set, a value not there.
    home.run(&["profile", "unset", "skip", "2027-02-10..2027-02-20"])
        .code(0)
        .stdout_has(&["skip: removed 2027-02-10..2027-02-20", "profile saved in"]);
    home.run(&["profile", "unset", "busy", calendar_arg])
        .code(0)
        .stdout_has(&[&format!("busy: removed {calendar_arg}")]);
    home.run(&["profile", "unset", "hours"])
        .code(0)
        .stdout_has(&["hours: unset (was 5)"]);
    home.run(&["profile", "unset", "hours"])
        .code(0)
        .stdout_has(&["hours: not set", "profile unchanged"]);
    home.run(&["profile", "unset", "skip", "2027-12-24"])
        .code(0)
        .stdout_has(&["skip: does not have 2027-12-24"]);
    home.run(&["profile", "unset", "hours", "5"])
        .code(2)
        .stderr_has(&["hours holds one value; `learnpath profile unset hours` removes it"]);
    let shown = home.json(&["profile", "show"]);
    assert_eq!(
        shown["profile"],
        serde_json::json!({
            "role": null, "spec": ["3.1"], "hours": null, "days": "mon,wed,sat",
            "session": null, "at": null, "tz": null, "start": null,
            "skip": ["2027-03-01"], "busy": [],
            "remind": [], "caldav": null, "user": null, "whole": null,
            "review": null, "retention": null, "review-minutes": null,
        })
    );
}

/// `profile reset` removes the file; a second one finds nothing to remove.
fn reset_twice(home: &Home) {
    let file = home.profile();
    let path = file.display().to_string();
    home.run(&["profile", "reset"])
        .code(0)
        .stdout_has(&[&format!("removed the profile {path}")]);
    assert!(!file.exists());
    home.run(&["profile", "reset"])
        .code(0)
        .stdout_has(&[&format!("no profile to remove: {path} does not exist")]);
    assert_eq!(home.json(&["profile", "show"])["exists"], false);
}

#[test]
fn profiles_are_kept_per_curriculum() {
    let page = "---\nestimated_time: \"10 min\"\n---\n# Welcome\n";
    let one = common::folder(&[
        ("intro/01_welcome.md", page),
        ("learnpath.yaml", "name: My Course\n"),
    ]);
    let two = common::folder(&[
        ("intro/01_welcome.md", page),
        ("learnpath.yaml", "name: Course Two\nid: course-two\n"),
    ]);
    let home = Home::new();
    home.run(&["--curriculum", &one.root, "profile", "set", "--hours", "5"])
        .code(0);
    home.run(&[
        "--curriculum",
        &two.root,
        "profile",
        "set",
        "--hours",
        "3",
        "--days",
        "sat",
    ])
    .code(0);
    home.run(&["profile", "set", "--hours", "8"]).code(0);
    let shown = |args: &[&str]| home.json(&[args, &["profile", "show"][..]].concat());
    let first = shown(&["--curriculum", &one.root]);
    let second = shown(&["--curriculum", &two.root]);
    let embedded = shown(&[]);
    let folder = home.config().join("learnpath").display().to_string();
    let first_file = first["profile_file"].as_str().unwrap();
    assert!(
        first_file.starts_with(&format!("{folder}/my-course-"))
            && first_file.ends_with("/profile.yaml"),
        "{first_file}"
    );
    assert_eq!(
        second["profile_file"],
        format!("{folder}/course-two/profile.yaml").as_str()
    );
    assert_eq!(
        embedded["profile_file"],
        home.profile().display().to_string().as_str()
    );
    assert_eq!(first["profile"]["hours"], "5");
    assert_eq!(first["profile"]["days"], serde_json::Value::Null);
    assert_eq!(second["profile"]["hours"], "3");
    assert_eq!(second["profile"]["days"], "sat");
    assert_eq!(embedded["profile"]["hours"], "8");
    // The curriculum id is the one the progress file uses.
    assert_eq!(
        first["curriculum"],
        Path::new(first_file)
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
    );
    // Unsetting in one leaves the other.
    home.run(&["--curriculum", &two.root, "profile", "unset", "hours"])
        .code(0);
    assert_eq!(shown(&["--curriculum", &one.root])["profile"]["hours"], "5");
}

#[test]
fn plain_plan_after_profile_set() {
    let home = Home::new();
    home.run(&["plan"]).code(2).stderr_has(&[
        "give --hours (weekly study hours), --by DATE or minutes per day (--days mon=30m,sat=2h), or save your weekly hours with `learnpath profile set --hours H`",
    ]);
    home.run(&[
        "profile",
        "set",
        "--role",
        "storage engineer",
        "--hours",
        "5",
    ])
    .code(0);
    let plain = home.run(&["plan"]).code(0);
    let flags = home
        .run(&[
            "plan",
            "--role",
            "storage engineer",
            "--hours",
            "5",
            "--no-profile",
        ])
        .code(0);
    assert!(
        plain.stdout.contains("Plan for storage engineer"),
        "{}",
        plain.stdout
    );
    assert_eq!(plain.stdout, flags.stdout, "the profile is the flags");
    let role = ["--role", "storage engineer", "--no-profile"];
    for (command, flags) in [
        (&["status"][..], &role[..]),
        (&["next"][..], &role[..]),
        // The role's specialization.
        (&["check"][..], &["3.1", "--no-profile"][..]),
        (&["why", "01_modern_topology"][..], &role[..]),
        (&["graph", "--format", "mermaid"][..], &role[..]),
        (
            &["export", "--format", "csv"][..],
            &[&role[..], &["--hours", "5"][..]].concat()[..],
        ),
    ] {
        let saved = home.run(command);
        let given = home.run(&[command, flags].concat());
        assert_eq!(saved.code, given.code, "{command:?}: {}", saved.stderr);
        assert_eq!(saved.stdout, given.stdout, "{command:?}");
    }
    assert!(
        home.run(&["status"])
            .stdout
            .contains("all the storage engineer path")
    );
    // Without a saved choice, check asks for one.
    home.run(&["profile", "unset", "role"]).code(0);
    home.run(&["check"]).code(2).stderr_has(&[
        "give documents or specializations to check, or save a role or specializations with `learnpath profile set`",
    ]);
}

/// A profile with a role, hours, days, a session length, a start, a time and a zone.
const FULL_PROFILE: &[&str] = &[
    "profile",
    "set",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--days",
    "mon,wed,sat",
    "--session",
    "90min",
    "--start",
    "2027-02-01",
    "--at",
    "07:30",
    "--tz",
    "Europe/Berlin",
];

/// A home with `FULL_PROFILE` saved.
fn home_with_full_profile() -> Home {
    let home = Home::new();
    home.run(FULL_PROFILE).code(0);
    home
}

#[test]
fn flags_override_the_profile() {
    let home = home_with_full_profile();
    let plan = home.json(&["plan"]);
    assert_eq!(plan["role"], "storage engineer");
    assert_eq!(plan["settings"]["weekly_minutes"], 300);
    assert_eq!(
        plan["settings"]["days"],
        serde_json::json!(["mon", "wed", "sat"])
    );
    assert_eq!(plan["settings"]["session_minutes"], 90);
    assert_eq!(plan["settings"]["start"], "2027-02-01");

    // Profile hours 5, --hours 3: 3 wins, for that run only.
    let three = home.json(&["plan", "--hours", "3"]);
    assert_eq!(three["settings"]["weekly_minutes"], 180);
    assert_eq!(three["role"], "storage engineer");
    assert_eq!(home.json(&["plan"])["settings"]["weekly_minutes"], 300);
    // A saved role, --spec on the command line: the specialization wins.
    let spec = home.json(&["plan", "--spec", "3.4"]);
    assert_eq!(spec["role"], serde_json::Value::Null);
    assert_eq!(spec["specializations"], serde_json::json!(["3.4"]));
    // --by instead of the saved hours; --days, --session, --start.
    let by = home.json(&["plan", "--by", "2027-06-01"]);
    assert_ne!(by["settings"]["weekly_minutes"], 300);
    let other = home.json(&[
        "plan",
        "--days",
        "tue",
        "--session",
        "2h",
        "--start",
        "2027-03-02",
    ]);
    assert_eq!(other["settings"]["days"], serde_json::json!(["tue"]));
    assert_eq!(other["settings"]["session_minutes"], 120);
    assert_eq!(other["settings"]["start"], "2027-03-02");
}

#[test]
fn a_past_start_in_the_profile_is_named_as_the_profiles() {
    let home = home_with_full_profile();
    // A saved start in the past is named as the profile's.
    home.run(&["profile", "set", "--start", "2026-12-01"])
        .code(0);
    home.run(&["plan"])
        .code(0)
        .stderr_has(&["warning: the profile's start 2026-12-01 is before today (2027-01-04)"]);
    home.run(&["profile", "unset", "start"]).code(0);
}

#[test]
fn export_takes_the_profiles_time_and_zone_unless_given() {
    let home = home_with_full_profile();
    // Without a start, the plan starts today.
    home.run(&["profile", "unset", "start"]).code(0);
    // Export: the profile's --at and --tz, unless given.
    let csv = home.run(&["export", "--format", "csv"]).code(0).stdout;
    assert!(csv.contains(",01/04/2027,07:30 AM,"), "{csv}");
    let ics = home.run(&["export", "--format", "ics"]).code(0).stdout;
    assert!(
        ics.contains("DTSTART:20270104T063000Z"),
        "Berlin is UTC+1 in January: {ics}"
    );
    let given = home
        .run(&["export", "--format", "ics", "--at", "20:00", "--tz", "UTC"])
        .code(0)
        .stdout;
    assert!(given.contains("DTSTART:20270104T200000Z"), "{given}");
}

#[test]
fn no_profile_goes_back_to_the_flags_and_defaults() {
    let home = home_with_full_profile();
    // --no-profile: back to the flags and defaults.
    home.run(&["plan", "--no-profile"])
        .code(2)
        .stderr_has(&["give --hours"]);
}

#[test]
fn the_profile_file_can_be_given_and_ignored() {
    let home = Home::new();
    let file = home.dir.path().join("mine.yaml");
    let given = file.display().to_string();
    home.run(&["--profile", &given, "profile", "set", "--hours", "4"])
        .code(0)
        .stdout_has(&[&format!("profile saved in {given}")]);
    assert!(
        !home.profile().exists(),
        "the given file, not the default one"
    );
    let plan = home
        .run_with(
            &["plan", "--spec", "3.1", "--format", "json"],
            &[("LEARNPATH_PROFILE", &given)],
        )
        .code(0);
    let plan: serde_json::Value = serde_json::from_str(&plan.stdout).unwrap();
    assert_eq!(plan["settings"]["weekly_minutes"], 240);
    // --no-profile: not read (even when broken), and not changed.
    std::fs::write(&file, "schema_version: 1\ncurriculum: [\n").unwrap();
    home.run(&[
        "--profile",
        &given,
        "plan",
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--no-profile",
    ])
    .code(0);
    home.run(&[
        "--profile",
        &given,
        "profile",
        "set",
        "--hours",
        "5",
        "--no-profile",
    ])
    .code(2)
    .stderr_has(&["`profile set` changes the profile and cannot be used with --no-profile"]);
}

/// Profiles that cannot be read, or are another curriculum's: a name for the case, the file's
/// bytes, the line the error names, and words of its message.
const BROKEN_PROFILES: &[(&str, &[u8], Option<usize>, &str)] = &[
    (
        "invalid YAML",
        b"schema_version: 1\ncurriculum: datacenter-infrastructure\nskip: [\n",
        Some(4),
        "invalid YAML",
    ),
    (
        "wrong type",
        b"schema_version: 1\ncurriculum: datacenter-infrastructure\nhours: [5]\n",
        Some(3),
        "invalid type: sequence",
    ),
    (
        "unknown key",
        b"schema_version: 1\ncurriculum: datacenter-infrastructure\nhours: 5\nweeks: 4\n",
        Some(4),
        "unknown field `weeks`",
    ),
    (
        "another schema",
        b"# mine\nschema_version: 2\ncurriculum: datacenter-infrastructure\n",
        Some(2),
        "schema_version 2 is not one this learnpath knows",
    ),
    (
        "not UTF-8",
        b"schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: \xff\xfe\n",
        Some(3),
        "not valid UTF-8",
    ),
    (
        "foreign",
        b"schema_version: 1\ncurriculum: someone-elses-course\nhours: 5\n",
        Some(2),
        "a foreign profile: it is for the curriculum 'someone-elses-course', not this one ('datacenter-infrastructure')",
    ),
];

/// Checks that with `bytes` as its profile every command that reads it fails (exit 65) naming
/// the file, `line` and `words`, that none changes the file, and that `profile reset` removes it.
fn assert_named_and_untouched(name: &str, bytes: &[u8], line: Option<usize>, words: &str) {
    let home = Home::new();
    let file = home.profile();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, bytes).unwrap();
    let located = match line {
        Some(line) => format!("error: {}:{line}: ", file.display()),
        None => format!("error: {}: ", file.display()),
    };
    let changes = [
        &["profile", "set", "--hours", "4"][..],
        &["profile", "unset", "hours"][..],
    ];
    let readers = [
        &["plan"][..],
        &["status"][..],
        &["export", "--format", "ics"][..],
    ];
    for args in readers.iter().chain(&changes) {
        home.run(args)
            .code(65)
            .stderr_has(&[&located, words, "learnpath left the file untouched"]);
        assert_eq!(
            &std::fs::read(&file).unwrap(),
            bytes,
            "{name}: {args:?} changed the file"
        );
    }
    home.run(&["profile", "show"])
        .code(65)
        .stderr_has(&[&located]);
    assert_eq!(
        &std::fs::read(&file).unwrap(),
        bytes,
        "{name}: show changed it"
    );
    // The user asked: reset removes it.
    home.run(&["profile", "reset"])
        .code(0)
        .stdout_has(&["removed the profile"]);
    assert!(!file.exists(), "{name}");
}

/// A profile that cannot be read, or is another curriculum's, is an error that names the file
/// and the line (exit 65) for every command that reads it, and it stays byte for byte as it
/// was; only `profile reset` removes it.
#[test]
fn a_broken_or_foreign_profile_is_named_and_never_overwritten() {
    for &(name, bytes, line, words) in BROKEN_PROFILES {
        assert_named_and_untouched(name, bytes, line, words);
    }
}

#[test]
fn a_hand_edited_profile_is_kept_before_it_is_rewritten() {
    let home = Home::new();
    let file = home.profile();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mine = "# my study plan for the spring\nschema_version: 1\ncurriculum: datacenter-infrastructure\nhours: 7.50\n";
    std::fs::write(&file, mine).unwrap();
    let plan = home.json(&["plan", "--spec", "3.1"]);
    assert_eq!(
        plan["settings"]["weekly_minutes"], 450,
        "a number written by hand"
    );
    home.run(&["profile", "set", "--days", "sat"])
        .code(0)
        .stderr_has(&["note: kept your hand-edited copy as", "profile.yaml.bak"]);
    let copy = file.with_file_name("profile.yaml.bak");
    assert_eq!(std::fs::read_to_string(copy).unwrap(), mine);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(
        now.contains("\nhours: '7.50'\ndays: sat\n"),
        "kept as written: {now}"
    );
}

/// A value that its flag would refuse (a hand edit, or a curriculum that changed) is an error
/// naming its line for the commands that use it, with the way to fix it; `profile set` replaces
/// it.
#[test]
fn a_value_that_does_not_read_names_its_line_and_how_to_fix_it() {
    let home = Home::new();
    let file = home.profile();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let text = "schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: astronaut\nhours: five\nskip:\n- 2027-02-20..2027-02-10\n";
    std::fs::write(&file, text).unwrap();
    let at = |line: usize| format!("error: {}:{line}: ", file.display());
    home.run(&["plan", "--spec", "3.1"]).code(65).stderr_has(&[
        &at(4),
        "hours: 'five' is not a number of hours (try 5 or 7.5)",
        "help: save another with `learnpath profile set --hours ...`, or remove it with `learnpath profile unset hours`",
    ]);
    home.run(&["status"]).code(65).stderr_has(&[
        &at(3),
        "role: unknown role 'astronaut'",
        "`learnpath profile unset role`",
    ]);
    home.run(&["plan", "--spec", "3.1", "--hours", "5"])
        .code(65)
        .stderr_has(&[
            &at(6),
            "skip: '2027-02-20..2027-02-10' ends before it starts",
            "`learnpath profile unset skip '2027-02-20..2027-02-10'`",
        ]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // The flags of this run do not read the profile's choice.
    home.run(&["status", "--spec", "3.1"]).code(0);
    home.run(&[
        "profile",
        "set",
        "--role",
        "storage engineer",
        "--hours",
        "5",
    ])
    .code(0);
    // As the help says: a value that does not read is removed as written.
    home.run(&["profile", "unset", "skip", "2027-02-20..2027-02-10"])
        .code(0)
        .stdout_has(&["skip: removed 2027-02-20..2027-02-10"]);
    home.run(&["plan"]).code(0);
}

/// A file that is no calendar is refused when saved with `profile set --busy`; a saved calendar
/// that later cannot be read is named as the profile's, with the command that removes it
/// (issue 22, item 15).
#[test]
fn a_busy_file_is_checked_when_saved_and_named_when_it_breaks() {
    let home = Home::new();
    let page = home.dir.path().join("page.html");
    std::fs::write(&page, "<html><body>not a calendar</body></html>\n").unwrap();
    let page = page.display().to_string();
    home.run(&["profile", "set", "--busy", &page]).code(65);
    assert!(!home.profile().exists(), "nothing saved");
    let calendar = home.dir.path().join("work.ics");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/work.ics"),
        &calendar,
    )
    .unwrap();
    let calendar = calendar.display().to_string();
    home.run(&[
        "profile", "set", "--busy", &calendar, "--spec", "3.1", "--hours", "5",
    ])
    .code(0);
    std::fs::write(&calendar, "BEGIN:VCALENDAR\nnot a line\n").unwrap();
    home.run(&["plan", "--start", "2027-01-04"])
        .code(65)
        .stderr_has(&[&format!("`learnpath profile unset busy {calendar}`")]);
}

/// A CalDAV URL with a user and password that does not parse is refused without repeating the
/// password, by `sync --caldav` and by `profile set --caldav`; nothing is saved.
#[test]
fn a_caldav_url_with_a_password_is_never_repeated() {
    let learner = common::Learner::new();
    for url in [
        "https://alice:hunter2@dav example.org/cal/",
        "https://alice:hunter2@dav.example.org/cal/?x=1 y",
        "ftp://alice:hunter2@dav.example.org/cal/",
        "alice:hunter2@dav.example.org/cal/",
        "https://alice:hun/ter2@dav.example.org/cal/",
        "https://alice:hunter2@dav.example.org/cal/",
    ] {
        for args in [
            &[
                "sync", "--spec", "3.4", "--hours", "3", "--caldav", url, "--user", "alice",
            ][..],
            &["profile", "set", "--caldav", url][..],
        ] {
            let run = learner.run_with(args, &[("LEARNPATH_CALDAV_PASSWORD", "other")]);
            assert_ne!(run.code, 0, "{args:?}: {}", run.stderr);
            for secret in ["hunter2", "hun/ter2", "ter2"] {
                assert!(
                    !run.stderr.contains(secret) && !run.stdout.contains(secret),
                    "{args:?}: {}",
                    run.stderr
                );
            }
            assert!(
                run.stderr.contains("CalDAV") || run.stderr.contains("URL"),
                "{}",
                run.stderr
            );
        }
    }
    let config = learner.path("config");
    assert!(
        !config.exists() || !walk_contains(&config, "ter2"),
        "the URL was saved"
    );
}

/// Whether any file under `dir` holds `text`.
fn walk_contains(dir: &std::path::Path, text: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            walk_contains(&path, text)
        } else {
            std::fs::read_to_string(&path).is_ok_and(|content| content.contains(text))
        }
    })
}

/// A busy calendar saved in the profile that no longer reads: the plan fails on it and says how
/// to remove it from the profile; one given with --busy gets no such note.
#[test]
fn a_broken_saved_calendar_is_named_as_the_profiles() {
    let learner = common::Learner::new();
    let calendar = learner.path("work.ics");
    std::fs::write(&calendar, "BEGIN:VCALENDAR\nEND:VCALENDAR\n").unwrap();
    let calendar = calendar.display().to_string();
    learner
        .run(&[
            "profile",
            "set",
            "--busy",
            &calendar,
            "--role",
            "storage engineer",
        ])
        .code(0);
    std::fs::write(&calendar, "not a calendar\n").unwrap();
    let plan = ["--today", "2027-01-04", "plan", "--hours", "5"];
    let saved = learner.run(&plan).code(65);
    assert!(
        saved.stderr.contains(&format!(
            "{calendar} is a busy calendar saved in your profile; `learnpath profile unset busy {calendar}` removes it"
        )),
        "{}",
        saved.stderr
    );
    let other = learner.path("other.ics").display().to_string();
    std::fs::write(&other, "not a calendar either\n").unwrap();
    let given = [
        &plan[..],
        &[
            "--no-profile",
            "--role",
            "storage engineer",
            "--busy",
            &other,
        ],
    ]
    .concat();
    let given = learner.run(&given).code(65);
    assert!(
        !given.stderr.contains("saved in your profile"),
        "{}",
        given.stderr
    );
}
