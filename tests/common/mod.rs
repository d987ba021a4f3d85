//! The test helpers shared by the CLI test binaries: run `learnpath`, check what it said.
#![allow(dead_code)]

pub mod books;

use assert_cmd::Command;
use std::path::PathBuf;

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A curriculum folder made for one test: removed when dropped.
pub struct Folder {
    _dir: tempfile::TempDir,
    /// The folder, as an argument for `--curriculum`.
    pub root: String,
}

/// Writes `files` (path relative to the root, content) into a new folder.
pub fn folder(files: &[(&str, &str)]) -> Folder {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    Folder {
        root: dir.path().display().to_string(),
        _dir: dir,
    }
}

/// The manifest of a course of one section: the folder `one` is section 1.1, titled
/// `section` (YAML as written), and the one specialization. `head` is YAML as written before
/// the parts: the name line and any other (`id:`, `source:`).
pub fn one_section_manifest(head: &str, section: &str) -> String {
    format!(
        "{head}\nparts:\n  - id: \"1\"\n    title: One\n    sections:\n      - id: \"1.1\"\n        title: {section}\n        folders: [one]\nspecializations:\n  - section: \"1.1\"\n"
    )
}

/// The calendar of a course of one page (`one/a.md`) with this manifest: section 1.1 at 2 h a
/// week from 2027-01-04, in UTC.
pub fn one_page_ics(page: &str, manifest: &str) -> String {
    let folder = folder(&[("one/a.md", page), ("learnpath.yaml", manifest)]);
    let args = [
        "export",
        "--curriculum",
        &folder.root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--start",
        "2027-01-04",
        "--format",
        "ics",
        "--tz",
        "UTC",
    ];
    learnpath(&args).code(0).stdout
}

/// A progress file that does not exist, so that no test reads the real one.
pub const NO_PROGRESS_FILE: &str = "/nonexistent/learnpath-tests/progress.yaml";

/// A config folder that does not exist, so that no test reads the real profile
/// (`$XDG_CONFIG_HOME/learnpath/<id>/profile.yaml`).
pub const NO_CONFIG_HOME: &str = "/nonexistent/learnpath-tests/config";

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `learnpath` with `args`, isolated from the user's environment.
pub fn learnpath(args: &[&str]) -> Run {
    Run::with_env(args, &[])
}

impl Run {
    pub fn with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::cargo_bin("learnpath").unwrap();
        command
            .env_remove("LEARNPATH_CURRICULUM")
            .env_remove("LEARNPATH_TODAY")
            .env_remove("NO_COLOR")
            .env_remove("LEARNPATH_PROFILE")
            .env("LEARNPATH_PROGRESS", NO_PROGRESS_FILE)
            .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
            .env("TZ", "UTC")
            .args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        let run = Run {
            code: output.status.code().expect("exited, not killed"),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        };
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run
    }

    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn stdout_has(self, words: &[&str]) -> Self {
        for word in words {
            assert!(
                self.stdout.contains(word),
                "stdout lacks {word:?}:\n{}",
                self.stdout
            );
        }
        self
    }

    pub fn stderr_has(self, words: &[&str]) -> Self {
        for word in words {
            assert!(
                self.stderr.contains(word),
                "stderr lacks {word:?}:\n{}",
                self.stderr
            );
        }
        self
    }
}

/// The Python interpreter with the `icalendar` package: `LEARNPATH_TEST_PYTHON` (set by
/// .ci/run, which installs it), else `python3` if it has the package. The tests that need it are
/// `#[ignore]`d (run with `cargo test -- --include-ignored`); a missing one fails them.
pub fn python_with_icalendar() -> PathBuf {
    python_with("icalendar")
}

/// The Python interpreter with the CalDAV server `radicale` and the client `caldav`, found as
/// [`python_with_icalendar`] finds its own.
pub fn python_with_radicale() -> PathBuf {
    python_with("radicale, caldav")
}

/// The Python interpreter with the CommonMark parser `markdown_it` (markdown-it-py), found as
/// [`python_with_icalendar`] finds its own.
pub fn python_with_markdown_it() -> PathBuf {
    python_with("markdown_it")
}

/// `LEARNPATH_TEST_PYTHON`, else `python3`, if it imports `modules` (a Python import list);
/// a failure otherwise.
fn python_with(modules: &str) -> PathBuf {
    let python = std::env::var_os("LEARNPATH_TEST_PYTHON")
        .map_or_else(|| PathBuf::from("python3"), PathBuf::from);
    let imports = std::process::Command::new(&python)
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(
        imports,
        "this test needs a Python that imports {modules}: set LEARNPATH_TEST_PYTHON to one \
         (.ci/run installs them into a virtualenv), or leave out --include-ignored"
    );
    python
}

/// The first of `names` that runs with `args` (e.g. `--version`); a failure when none does.
/// The tests that need a real program are `#[ignore]`d: they run under
/// `cargo test -- --include-ignored`, as .ci/run runs them after installing the programs.
pub fn program(names: &[&str], args: &[&str]) -> PathBuf {
    let found = names.iter().find(|name| {
        std::process::Command::new(name)
            .args(args)
            .output()
            .is_ok_and(|output| output.status.success())
    });
    let Some(found) = found else {
        panic!(
            "this test needs {} (.ci/run installs it), or leave out --include-ignored",
            names.join(" or ")
        );
    };
    PathBuf::from(found)
}

/// Debian's Chromium (`chromium`, else `chromium-browser`), for the report's browser tests.
pub fn chromium() -> PathBuf {
    program(&["chromium", "chromium-browser"], &["--version"])
}

/// What headless Chromium made of a page: the DOM after its scripts ran (`--dump-dom`) and
/// everything it logged (console messages included). No name resolves and no proxy answers,
/// so no request can leave for a network address.
pub struct Browsed {
    pub dom: String,
    pub log: String,
}

/// Opens `page` (a file) in headless Chromium, as root needs it, with the network blocked;
/// `extra` adds flags (e.g. `--screenshot=FILE`) and replaces `--dump-dom` when given.
pub fn browse(chromium: &std::path::Path, page: &std::path::Path, extra: &[String]) -> Browsed {
    let profile = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(chromium);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://0.0.0.0:9",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
    ]);
    command.arg(format!("--user-data-dir={}", profile.path().display()));
    if extra.is_empty() {
        command.arg("--dump-dom");
    } else {
        command.args(extra);
    }
    let url = format!("file://{}", page.display());
    let output = command.arg(url).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    Browsed {
        dom: String::from_utf8_lossy(&output.stdout).into_owned(),
        log: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// What a session is called in a calendar, from the plan's JSON: "Study: " and the titles, a
/// split document's with "(part i/n)", a review's with "(review)"; "Review: " and the titles
/// for a sitting of reviews only.
pub fn session_title(session: &serde_json::Value) -> String {
    let items = session["items"].as_array().unwrap();
    let review = |item: &serde_json::Value| item["kind"] == "review";
    let title = |item: &serde_json::Value| item["title"].as_str().unwrap().to_string();
    if items.iter().all(review) {
        let titles: Vec<String> = items.iter().map(title).collect();
        return format!("Review: {}", titles.join("; "));
    }
    let titles: Vec<String> = items
        .iter()
        .map(|item| match item.get("part") {
            _ if review(item) => format!("{} (review)", title(item)),
            Some(part) => format!("{} (part {}/{})", title(item), part["index"], part["count"]),
            None => title(item),
        })
        .collect();
    format!("Study: {}", titles.join("; "))
}

/// A learner's own files for one test, in a temporary folder that is their home: the progress
/// file (and what is kept beside it), the profile's config folder and `~/.netrc`.
pub struct Learner {
    dir: tempfile::TempDir,
}

impl Learner {
    pub fn new() -> Learner {
        Learner {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A file in the learner's home.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The environment that points learnpath at these files.
    pub fn env(&self) -> Vec<(String, String)> {
        let path = |name: &str| self.path(name).display().to_string();
        vec![
            ("LEARNPATH_PROGRESS".into(), path("progress.yaml")),
            ("XDG_CONFIG_HOME".into(), path("config")),
            ("HOME".into(), self.dir.path().display().to_string()),
        ]
    }

    /// Runs learnpath on these files, with `extra` in the environment too.
    pub fn run_with(&self, args: &[&str], extra: &[(&str, &str)]) -> Run {
        let env = self.env();
        let mut env: Vec<(&str, &str)> =
            env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        env.extend_from_slice(extra);
        Run::with_env(args, &env)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }
}

/// A plan with split documents (3.2 in 45-minute sittings), planned once.
pub fn split_plan() -> &'static learnpath::plan::Plan {
    static PLAN: std::sync::OnceLock<learnpath::plan::Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| {
        use learnpath::plan::{Planner, Selection, SessionMinutes, Settings, WeeklyMinutes};
        let opened = learnpath::open(&learnpath::Source::Embedded).unwrap();
        let curriculum = &opened.curriculum;
        let spec = curriculum.find_specialization("3.2").unwrap();
        let selection = Selection::specializations(curriculum, vec![spec]).unwrap();
        let done = learnpath::plan::DoneSet::none(curriculum);
        let planner = Planner::new(curriculum, &opened.graph, selection, &done);
        let settings = Settings::new(
            chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            WeeklyMinutes::from_hours(3.0).unwrap(),
            None,
            Some(SessionMinutes::new(45).unwrap()),
        );
        planner.plan(&settings).unwrap()
    })
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
