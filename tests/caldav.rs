//! `learnpath sync` against a real CalDAV server: Radicale, started for each test on a free
//! loopback port with a login and a storage folder of its own, and read back with Python's
//! independent `caldav` client (tests/interop/caldav_client.py).

mod common;

use common::{Learner, Run};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const USER: &str = "alice";
const PASSWORD: &str = "correct-horse-battery-staple";
const CLIENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/interop/caldav_client.py"
);

/// A Radicale server for one test, killed when dropped (a failing test too).
struct Radicale {
    python: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
}

impl Radicale {
    /// Starts Radicale with the user `alice`.
    fn start() -> Radicale {
        let python = common::python_with_radicale();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("users"), format!("{USER}:{PASSWORD}\n")).unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut server = Radicale {
            python,
            dir,
            port,
            child: None,
        };
        server.run();
        server
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Starts the server process on the port and storage of this server; waits until it
    /// answers.
    fn run(&mut self) {
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = {storage}\n[logging]\nlevel = info\n",
            port = self.port,
            users = self.path("users").display(),
            storage = self.path("storage").display(),
        );
        std::fs::write(self.path("config"), config).unwrap();
        let log = std::fs::File::create(self.path("radicale.log")).unwrap();
        let child = Command::new(&self.python)
            .args(["-m", "radicale", "--config"])
            .arg(self.path("config"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            let exited = self.child.as_mut().unwrap().try_wait().unwrap();
            assert!(
                exited.is_none() && Instant::now() < deadline,
                "Radicale did not start: {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.path("radicale.log")).unwrap_or_default()
    }

    /// The URL of the collection `name` of alice.
    fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{USER}/{name}/", self.port)
    }

    /// Makes the calendar `name`; its URL.
    fn calendar(&self, name: &str) -> String {
        let url = self.url(name);
        self.client(&["mkcalendar", &url]);
        url
    }

    /// Runs the Python client; what it printed.
    fn client(&self, args: &[&str]) -> String {
        let output = Command::new(&self.python)
            .arg(CLIENT)
            .args(&args[..2])
            .args([USER, PASSWORD])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "caldav_client.py {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// The events in the calendar at `url`, by file name, as the Python client reads them.
    fn events(&self, url: &str) -> BTreeMap<String, Value> {
        serde_json::from_str(&self.client(&["list", url])).unwrap()
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A learner's files for one test: progress, config (profile) and home (no ~/.netrc unless
/// the test writes one).
/// What these tests do as a learner: run with or without the password, sync, read the plan.
trait Syncs {
    fn run_as(&self, args: &[&str], password: Option<&str>) -> Run;
    fn sync(&self, url: &str, plan: &[&str]) -> Run;
    fn sessions(&self, plan: &[&str]) -> Vec<Value>;
}

impl Syncs for Learner {
    /// Runs learnpath with these files, and the password in the environment when given.
    fn run_as(&self, args: &[&str], password: Option<&str>) -> Run {
        let extra: Vec<(&str, &str)> = password
            .map(|password| ("LEARNPATH_CALDAV_PASSWORD", password))
            .into_iter()
            .collect();
        let run = self.run_with(args, &extra);
        for secret in [PASSWORD, "wrong-password-do-not-print"] {
            assert!(
                !run.stdout.contains(secret) && !run.stderr.contains(secret),
                "the password was printed:\n{}\n{}",
                run.stdout,
                run.stderr
            );
        }
        run
    }

    /// `learnpath sync` of the plan `plan` into `url`, with the right password.
    fn sync(&self, url: &str, plan: &[&str]) -> Run {
        let args = [&["sync", "--caldav", url, "--user", USER][..], plan, TIMES].concat();
        self.run_as(&args, Some(PASSWORD))
    }

    /// The plan's sessions as `plan --format json` gives them.
    fn sessions(&self, plan: &[&str]) -> Vec<Value> {
        let args = [&["plan", "--format", "json"][..], plan].concat();
        let run = self.run_as(&args, None).code(0);
        let plan: Value = serde_json::from_str(&run.stdout).unwrap();
        plan["sessions"].as_array().unwrap().clone()
    }
}

/// When sittings start, for every sync and plan here: 19:00 UTC.
const TIMES: &[&str] = &["--at", "19:00", "--tz", "UTC"];

/// A plan of 8 sittings, from 2027-01-04, planned on 2027-01-01.
const PLAN: &[&str] = &[
    "--spec",
    "3.2",
    "--hours",
    "5",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-01",
];

/// Checks that the calendar holds exactly the plan's sittings (and the foreign events named):
/// one event a session, at its start and end, with its titles, the reminders given.
fn assert_holds_the_plan(
    events: &BTreeMap<String, Value>,
    sessions: &[Value],
    foreign: &[&str],
    alarms: &[u64],
) {
    let ours: Vec<(&String, &Value)> = events
        .iter()
        .filter(|(name, _)| name.starts_with("learnpath."))
        .collect();
    assert_eq!(
        ours.len(),
        sessions.len(),
        "one event a session: {events:#?}"
    );
    let mut index = 0;
    let mut previous_date = String::new();
    for (session, (name, event)) in sessions.iter().zip(&ours) {
        let date = session["date"].as_str().unwrap();
        index = if date == previous_date { index + 1 } else { 1 };
        previous_date = date.to_string();
        assert_eq!(
            **name,
            format!("learnpath.datacenter-infrastructure.{date}.{index}.ics")
        );
        assert_eq!(
            event["uid"],
            format!("learnpath.datacenter-infrastructure.{date}.{index}@learnpath")
        );
        assert_eq!(event["start"], format!("{date}T19:00:00Z"));
        let minutes = session["minutes"].as_i64().unwrap();
        let end = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(19, 0, 0)
            .unwrap()
            + chrono::Duration::minutes(minutes);
        assert_eq!(event["end"], end.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        let summary = event["summary"].as_str().unwrap();
        let items = session["items"].as_array().unwrap();
        // "Study: ..." with new material, "Review: ..." for a sitting of reviews only.
        assert_eq!(summary, common::session_title(session), "{name}");
        assert_eq!(summary.matches("; ").count(), items.len() - 1, "{summary}");
        for item in items {
            let title = item["title"].as_str().unwrap();
            assert!(summary.contains(title), "{summary} lacks {title}");
        }
        let expected: Vec<Value> = alarms.iter().map(|&m| Value::from(m)).collect();
        assert_eq!(event["alarms"].as_array().unwrap(), &expected, "{name}");
    }
    let others: Vec<&String> = events
        .keys()
        .filter(|name| !name.starts_with("learnpath."))
        .collect();
    assert_eq!(others, foreign);
}

fn etags(events: &BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    events
        .iter()
        .map(|(name, event)| (name.clone(), event["etag"].clone()))
        .collect()
}

/// Marks the first two documents of the first sitting done, on 2027-01-01.
fn mark_first_two_done(learner: &Learner, sessions: &[serde_json::Value]) {
    let done: Vec<&str> = sessions[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|item| item["path"].as_str().unwrap())
        .collect();
    let args = [
        &["done"][..],
        &done,
        &["--on", "2027-01-01", "--today", "2027-01-01"],
    ]
    .concat();
    learner.run_as(&args, None).code(0);
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn sync_puts_the_plan_in_the_calendar_and_keeps_it_in_step() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    server.client(&["add-foreign", &url]);
    let foreign = ["dentist-appointment@example.org.ics"];
    let plan = [PLAN, &["--remind", "15m", "--remind", "1h"]].concat();

    let started = Instant::now();
    let run = learner.sync(&url, &plan).code(0);
    let took = started.elapsed();
    let sessions = learner.sessions(PLAN);
    let first = format!(
        "{} created, 0 updated, 0 deleted, 0 unchanged\n",
        sessions.len()
    );
    assert_eq!(run.stdout, first);
    eprintln!("synced {} new events in {took:?}", sessions.len());
    let events = server.events(&url);
    assert_holds_the_plan(&events, &sessions, &foreign, &[15, 60]);
    assert!(events.values().all(|event| event["sequence"] == 0));

    // Again: nothing to do, and nothing touched.
    let run = learner.sync(&url, &plan).code(0);
    assert_eq!(
        run.stdout,
        format!(
            "0 created, 0 updated, 0 deleted, {} unchanged\n",
            sessions.len()
        )
    );
    assert_eq!(etags(&server.events(&url)), etags(&events));

    // Two documents done and more hours: the calendar holds the new plan, and only it.
    mark_first_two_done(&learner, &sessions);
    let changed = [
        "--spec",
        "3.2",
        "--hours",
        "8",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-01",
    ];
    let run = learner.sync(&url, &[&changed[..], &["--remind", "15m"]].concat());
    let run = run.code(0);
    let new_sessions = learner.sessions(&changed);
    assert_ne!(new_sessions, sessions);
    let after = server.events(&url);
    assert_holds_the_plan(&after, &new_sessions, &foreign, &[15]);
    assert!(run.stdout.contains(" updated, "), "{}", run.stdout);
    // Updated events have a higher SEQUENCE; the foreign event is as it was.
    for (name, event) in &after {
        if let Some(before) = events.get(name)
            && name.starts_with("learnpath.")
        {
            assert_eq!(event["sequence"], before["sequence"].as_u64().unwrap() + 1);
        }
    }
    assert_eq!(after[foreign[0]], events[foreign[0]]);
    let run = learner.sync(&url, &[&changed[..], &["--remind", "15m"]].concat());
    assert!(
        run.code(0)
            .stdout
            .starts_with("0 created, 0 updated, 0 deleted"),
        "converged"
    );
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn another_curriculums_events_are_left_alone() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    learner.sync(&url, PLAN).code(0);
    // Another curriculum's sync into the same calendar sees none of these events as its own.
    let course = common::folder(&[(
        "basics/intro.md",
        "---\ntitle: Intro\nestimated_time: 30min\n---\n# Intro\n",
    )]);
    let other = learner
        .sync(
            &url,
            &[
                "--curriculum",
                &course.root,
                "--target",
                "intro",
                "--hours",
                "2",
                "--start",
                "2027-01-04",
                "--today",
                "2027-01-01",
            ],
        )
        .code(0);
    assert_eq!(
        other.stdout,
        "1 created, 0 updated, 0 deleted, 0 unchanged\n"
    );
    let events = server.events(&url);
    let ours = events
        .keys()
        .filter(|name| name.starts_with("learnpath.datacenter-infrastructure."))
        .count();
    assert_eq!(ours, learner.sessions(PLAN).len());
    assert_eq!(events.len(), ours + 1);
}

/// A folder curriculum of one document whose manifest has the id `id`.
fn course_with_id(id: &str) -> common::Folder {
    let manifest = common::one_section_manifest(&format!("name: X\nid: {id}"), "X");
    common::folder(&[
        (
            "one/a.md",
            "---\ntitle: A\nestimated_time: 30min\n---\n# A\n",
        ),
        ("learnpath.yaml", &manifest),
    ])
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn curricula_whose_ids_differ_in_punctuation_keep_their_own_events() {
    let server = Radicale::start();
    let url = server.calendar("study");
    // Each with its own progress (and learner), as two curricula are.
    let sync = |learner: &Learner, course: &common::Folder| {
        let plan = [
            "--curriculum",
            course.root.as_str(),
            "--spec",
            "1.1",
            "--hours",
            "2",
            "--start",
            "2027-01-04",
            "--today",
            "2027-01-01",
        ];
        learner.sync(&url, &plan).code(0).stdout
    };
    let (dotted, underscored) = (course_with_id("my.course"), course_with_id("my_course"));
    let (one, two) = (Learner::new(), Learner::new());
    let created = "1 created, 0 updated, 0 deleted, 0 unchanged\n";
    assert_eq!(sync(&one, &dotted), created);
    // Before ids were escaped both had the slot learnpath.my-course.2027-01-04.1: this sync
    // updated the other curriculum's event.
    assert_eq!(sync(&two, &underscored), created);
    let events = server.events(&url);
    let names: Vec<&str> = events.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "learnpath.my_2ecourse.2027-01-04.1.ics",
            "learnpath.my_5fcourse.2027-01-04.1.ics"
        ]
    );
    assert_eq!(
        sync(&one, &dotted),
        "0 created, 0 updated, 0 deleted, 1 unchanged\n"
    );
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn a_uid_the_calendar_holds_under_another_name_is_said_as_such() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    learner.sync(&url, PLAN).code(0);
    // As if the client had imported an exported file: the first event under a name of its own.
    let moved = server.client(&["rename-one", &url]);
    let run = learner.sync(&url, PLAN).code(74);
    let run = run.stderr_has(&[
        moved.trim(),
        "another event in the calendar already has its UID (HTTP 409)",
        "delete that copy",
    ]);
    assert!(
        !run.stderr.contains("may not speak CalDAV"),
        "{}",
        run.stderr
    );
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn a_wrong_password_is_refused_with_77_and_never_printed() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    let args = [&["sync", "--caldav", &url, "--user", USER][..], PLAN].concat();
    let run = learner
        .run_as(&args, Some("wrong-password-do-not-print"))
        .code(77);
    assert!(
        run.stderr.contains("refused the login of alice"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("LEARNPATH_CALDAV_PASSWORD"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    // No user and no password: the server refuses access without a login.
    let args = [&["sync", "--caldav", &url][..], PLAN].concat();
    learner.run_as(&args, None).code(77);
    // A user without a password anywhere: said before anything is sent.
    let args = [&["sync", "--caldav", &url, "--user", USER][..], PLAN].concat();
    let run = learner.run_as(&args, None).code(2);
    assert!(
        run.stderr.contains("no password for alice"),
        "{}",
        run.stderr
    );
    assert!(server.events(&url).is_empty());
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn errors_name_the_calendar_and_exit_74_when_the_server_is_away() {
    let mut server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    let sync = |url: &str| {
        let args = [&["sync", "--caldav", url, "--user", USER][..], PLAN].concat();
        learner.run_as(&args, Some(PASSWORD))
    };
    let run = sync(&server.url("nowhere")).code(2);
    assert!(
        run.stderr.contains("does not exist (HTTP 404)"),
        "{}",
        run.stderr
    );
    let home = format!("http://127.0.0.1:{}/{USER}/", server.port);
    let run = sync(&home).code(2);
    assert!(run.stderr.contains("not a calendar"), "{}", run.stderr);
    server.kill();
    let run = sync(&url).code(74);
    assert!(run.stderr.contains(&url), "{}", run.stderr);
    assert!(
        run.stderr.contains("run `learnpath sync` again"),
        "{}",
        run.stderr
    );
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn a_sync_cut_off_halfway_is_finished_by_the_next() {
    let mut server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    // A long plan: half-hour sittings every day.
    let plan = [
        "--target",
        "05_specialized",
        "--days",
        "mon=30m,tue=30m,wed=30m,thu=30m,fri=30m,sat=30m,sun=30m",
        "--start",
        "2027-01-04",
        "--today",
        "2027-01-01",
    ];
    let sessions = learner.sessions(&plan);
    assert!(sessions.len() > 40, "{} sittings", sessions.len());
    let args = [
        &["sync", "--caldav", &url, "--user", USER][..],
        &plan,
        TIMES,
    ]
    .concat();
    let mut sync = Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .args(&args)
        .envs(learner.env())
        .env("LEARNPATH_CALDAV_PASSWORD", PASSWORD)
        .env("TZ", "UTC")
        .env_remove("LEARNPATH_PROFILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kill the server once a few events are in.
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.log().matches("PUT response status").count() < 5 {
        assert!(Instant::now() < deadline, "no PUT seen: {}", server.log());
        assert!(
            sync.try_wait().unwrap().is_none(),
            "the sync ended before the server was stopped"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    let status = sync.wait().unwrap();
    let mut stderr = String::new();
    sync.stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(74), "{stderr}");
    assert!(stderr.contains("CalDAV server"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    server.run();
    let partial = server.events(&url);
    assert!(
        !partial.is_empty() && partial.len() < sessions.len(),
        "{} of {} events in",
        partial.len(),
        sessions.len()
    );
    let started = Instant::now();
    let run = learner.sync(&url, &plan).code(0);
    eprintln!(
        "finished a cut-off sync of {} events ({}) in {:?}",
        sessions.len(),
        run.stdout.trim(),
        started.elapsed()
    );
    let created = sessions.len() - partial.len();
    assert!(
        run.stdout
            .starts_with(&format!("{created} created, 0 updated, 0 deleted")),
        "{}",
        run.stdout
    );
    assert_holds_the_plan(&server.events(&url), &sessions, &[], &[]);
}

#[test]
fn plain_http_is_only_for_this_machine() {
    // Refused before any request: the address does not exist.
    let learner = Learner::new();
    for url in [
        "http://calendar.invalid/dav/me/study/",
        "http://192.0.2.1/me/study/",
    ] {
        let args = [&["sync", "--caldav", url, "--user", USER][..], PLAN].concat();
        let run = learner.run_as(&args, Some(PASSWORD)).code(2);
        assert!(run.stderr.contains("use https://"), "{}", run.stderr);
        let run = learner
            .run_as(&["profile", "set", "--caldav", url], None)
            .code(2);
        assert!(run.stderr.contains("refusing plain http"), "{}", run.stderr);
    }
    let run = learner
        .run_as(
            &[
                "profile",
                "set",
                "--caldav",
                "https://me:secret@dav.example.org/c/",
            ],
            None,
        )
        .code(2);
    assert!(!run.stderr.contains("secret"), "{}", run.stderr);
}

#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn the_profile_names_the_calendar_and_netrc_gives_the_password() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    learner
        .run_as(
            &[
                "profile",
                "set",
                "--caldav",
                &url,
                "--user",
                USER,
                "--remind",
                "10m",
                "--spec",
                "3.2",
                "--hours",
                "5",
                "--start",
                "2027-01-04",
                "--at",
                "19:00",
                "--tz",
                "UTC",
            ],
            None,
        )
        .code(0)
        .stdout_has(&["caldav: ", "user: alice", "remind: 10m"]);
    let profile = learner.run_as(&["profile", "show", "--format", "json"], None);
    let profile: Value = serde_json::from_str(&profile.code(0).stdout).unwrap();
    assert_eq!(profile["profile"]["caldav"], url);
    assert_eq!(profile["profile"]["remind"], serde_json::json!(["10m"]));
    std::fs::write(
        learner.path(".netrc"),
        format!("machine 127.0.0.1 login {USER} password {PASSWORD}\n"),
    )
    .unwrap();
    let run = learner
        .run_as(&["sync", "--today", "2027-01-01"], None)
        .code(0);
    let sessions = learner.sessions(&["--today", "2027-01-01"]);
    assert_eq!(
        run.stdout,
        format!(
            "{} created, 0 updated, 0 deleted, 0 unchanged\n",
            sessions.len()
        )
    );
    assert_holds_the_plan(&server.events(&url), &sessions, &[], &[10]);
    // The profile's reminders go into an exported calendar too.
    let run = learner.run_as(
        &["export", "--format", "ics", "--today", "2027-01-01"],
        None,
    );
    assert!(run.code(0).stdout.contains("TRIGGER:-PT600S"));
    // Without the profile's calendar, sync asks for one.
    learner
        .run_as(&["profile", "unset", "caldav"], None)
        .code(0);
    let run = learner
        .run_as(&["sync", "--today", "2027-01-01"], None)
        .code(2);
    assert!(run.stderr.contains("--caldav URL"), "{}", run.stderr);
}

/// The conditions a sync relies on, as the server applies them: a PUT of a new event over an
/// existing one, or with a stale ETag, and a DELETE with a stale ETag are refused (HTTP 412),
/// and change nothing.
#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn stale_etags_are_refused_by_the_server() {
    use learnpath::caldav::client::{Condition, Outcome};
    use learnpath::caldav::{Client, CollectionUrl, Credentials};
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    learner.sync(&url, PLAN).code(0);
    let before = server.events(&url);
    let (file, event) = before.iter().next().unwrap();
    let etag = event["etag"].as_str().unwrap();
    let login = Credentials::new(USER, PASSWORD);
    let client = Client::new(CollectionUrl::parse(&url).unwrap(), Some(&login));
    let fetched = client.get(file).unwrap().unwrap();
    assert_eq!(fetched.etag, etag);
    let body = fetched.data.replace("SUMMARY:", "SUMMARY:Changed ");
    let put = |condition| client.put(file, body.clone(), condition).unwrap();
    assert_eq!(put(Condition::New), Outcome::Changed);
    assert_eq!(put(Condition::Unchanged("\"stale\"")), Outcome::Changed);
    assert_eq!(client.delete(file, "\"stale\"").unwrap(), Outcome::Changed);
    assert_eq!(server.events(&url), before);
    assert_eq!(
        client.delete("learnpath.nothing.ics", etag).unwrap(),
        Outcome::Gone
    );
    // Someone else's change to one of our events: the next sync puts the plan's back.
    assert_eq!(put(Condition::Unchanged(etag)), Outcome::Done);
    let run = learner.sync(&url, &[PLAN, &["--format", "json"]].concat());
    let report: Value = serde_json::from_str(&run.code(0).stdout).unwrap();
    assert_eq!(report["calendar"], url);
    assert_eq!(
        (&report["created"], &report["updated"], &report["deleted"]),
        (&Value::from(0), &Value::from(1), &Value::from(0))
    );
    let after = server.events(&url);
    assert_eq!(after[file]["summary"], before[file]["summary"]);
    assert_eq!(after[file]["sequence"], 1);
}

/// A busy calendar is read against the window of --at and --tz, in `sync` as in `plan`: the
/// stand-up of examples/work.ics (Mondays 18:00-18:30 UTC) moves Monday's event to 18:30 at
/// `--at 18:00`, and the calendar holds the sittings `plan` gives for the same flags.
#[test]
#[ignore = "needs Python with radicale and caldav (installed by .ci/run)"]
fn sync_reads_busy_calendars_in_the_window_plan_uses() {
    let server = Radicale::start();
    let learner = Learner::new();
    let url = server.calendar("study");
    let work = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/work.ics");
    let plan = [PLAN, &["--at", "18:00", "--tz", "UTC", "--busy", work]].concat();
    let args = [&["sync", "--caldav", &url, "--user", USER][..], &plan].concat();
    learner.run_as(&args, Some(PASSWORD)).code(0);
    let sessions = learner.sessions(&plan);
    assert_eq!(sessions[0]["delay_minutes"], 30, "{sessions:?}");
    let mut events: Vec<(String, String)> = server
        .events(&url)
        .values()
        .map(|event| (event["start"].to_string(), event["end"].to_string()))
        .collect();
    events.sort();
    let at = |session: &Value, minutes: i64| {
        let date = session["date"].as_str().unwrap();
        let delay = session["delay_minutes"].as_i64().unwrap_or(0);
        let start = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap()
            + chrono::Duration::minutes(delay + minutes);
        format!("\"{}\"", start.format("%Y-%m-%dT%H:%M:%SZ"))
    };
    let expected: Vec<(String, String)> = sessions
        .iter()
        .map(|session| {
            (
                at(session, 0),
                at(session, session["minutes"].as_i64().unwrap()),
            )
        })
        .collect();
    assert_eq!(events, expected);
}
