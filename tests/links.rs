//! A curriculum's files are read only when they are regular files inside it: a manifest that
//! is a symbolic link (to /dev/zero, to a secret outside the folder), a pipe or a huge file
//! fails at once and cleanly, and `init` never writes through a link. Each run has a deadline,
//! so that a hang fails the test instead of stalling the suite.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A study document of 30 minutes.
const OK_DOC: &str = "---\nestimated_time: \"30 min\"\n---\n\n# A document\n";

/// What a secret outside the curriculum holds; it must never be printed.
const SECRET: &str = "machine example.com login me password hunter2-do-not-print\n";

const DEADLINE: Duration = Duration::from_secs(10);

struct Run {
    code: i32,
    /// Standard output and standard error together.
    output: String,
}

/// Runs `learnpath` with `args`, isolated from the user's files; kills it and fails the test
/// past [`DEADLINE`].
fn learnpath(args: &[&str]) -> Run {
    let scratch = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .args(args)
        .env_remove("LEARNPATH_CURRICULUM")
        .env_remove("LEARNPATH_PROFILE")
        .env("LEARNPATH_PROGRESS", scratch.path().join("progress.yaml"))
        .env("XDG_CONFIG_HOME", scratch.path().join("config"))
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(scratch_file(scratch.path(), "stdout"))
        .stderr(scratch_file(scratch.path(), "stderr"))
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("learnpath {args:?} ran past {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |name| std::fs::read_to_string(scratch.path().join(name)).unwrap();
    let output = format!("{}{}", read("stdout"), read("stderr"));
    assert!(!output.contains("panicked"), "{output}");
    Run {
        code: status.code().expect("exited, not killed"),
        output,
    }
}

fn scratch_file(folder: &Path, name: &str) -> std::fs::File {
    std::fs::File::create(folder.join(name)).unwrap()
}

impl Run {
    fn code(self, code: i32) -> Self {
        assert_eq!(self.code, code, "{}", self.output);
        self
    }

    fn has(self, words: &[&str]) -> Self {
        for word in words {
            assert!(
                self.output.contains(word),
                "lacks {word:?}:\n{}",
                self.output
            );
        }
        self
    }

    fn lacks(self, words: &[&str]) -> Self {
        for word in words {
            assert!(
                !self.output.contains(word),
                "has {word:?}:\n{}",
                self.output
            );
        }
        self
    }
}

/// A scratch folder with a curriculum folder `course` holding one page.
fn course() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("course");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("a.md"), OK_DOC).unwrap();
    (dir, root)
}

fn validate(root: &Path) -> Run {
    learnpath(&["validate", "--curriculum", root.to_str().unwrap()])
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_manifest_linked_to_dev_zero_is_refused_at_once() {
    let (_dir, root) = course();
    std::os::unix::fs::symlink("/dev/zero", root.join("learnpath.yaml")).unwrap();
    validate(&root)
        .code(65)
        .has(&["learnpath.yaml", "symbolic link", "not followed"]);
}

#[test]
fn a_manifest_that_is_a_fifo_is_refused_at_once() {
    let (_dir, root) = course();
    mkfifo(&root.join("learnpath.yaml"));
    validate(&root)
        .code(65)
        .has(&["learnpath.yaml", "not a regular file"]);
}

#[test]
fn a_manifest_linked_to_a_fifo_is_refused_at_once() {
    let (dir, root) = course();
    mkfifo(&dir.path().join("pipe"));
    std::os::unix::fs::symlink("../pipe", root.join("learnpath.yaml")).unwrap();
    validate(&root).code(65).has(&["symbolic link"]);
}

#[test]
fn a_page_that_is_a_fifo_is_not_read() {
    let (_dir, root) = course();
    mkfifo(&root.join("b.md"));
    validate(&root).code(0).has(&["1 study document"]);
}

#[test]
fn a_manifest_linked_to_a_secret_outside_is_not_read() {
    let (dir, root) = course();
    let secret = dir.path().join("netrc");
    std::fs::write(&secret, SECRET).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("learnpath.yaml")).unwrap();
    validate(&root)
        .code(65)
        .has(&["symbolic link"])
        .lacks(&["hunter2", "machine", "password"]);
    learnpath(&["list", "--curriculum", root.to_str().unwrap()])
        .code(65)
        .lacks(&["hunter2", "machine", "password"]);
}

#[test]
fn a_manifest_linked_inside_the_course_is_not_followed_either() {
    let (_dir, root) = course();
    std::fs::write(root.join("real.yaml"), "name: Course\n").unwrap();
    std::os::unix::fs::symlink("real.yaml", root.join("learnpath.yaml")).unwrap();
    validate(&root).code(65).has(&["symbolic link"]);
}

#[test]
fn a_manifest_over_the_limit_is_refused() {
    let (_dir, root) = course();
    let text = format!("name: Course\n# {}\n", "x".repeat(2 * 1024 * 1024));
    std::fs::write(root.join("learnpath.yaml"), text).unwrap();
    validate(&root)
        .code(65)
        .has(&["learnpath.yaml", "larger than the limit of 1024 KiB"]);
}

#[test]
fn a_manifest_error_quotes_only_a_short_excerpt() {
    let (_dir, root) = course();
    let long = format!("start {}", "y".repeat(5000));
    std::fs::write(root.join("learnpath.yaml"), &long).unwrap();
    validate(&root)
        .code(65)
        .has(&["invalid manifest", "\"start yyy", "...\""])
        .lacks(&[&"y".repeat(41)]);
}

#[test]
fn init_force_does_not_write_through_a_link() {
    let (dir, root) = course();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me\n").unwrap();
    std::os::unix::fs::symlink("../victim.txt", root.join("learnpath.yaml")).unwrap();
    for force in [true, false] {
        let mut args = vec!["init", root.to_str().unwrap()];
        args.extend(force.then_some("--force"));
        learnpath(&args).code(2).has(&[
            "learnpath.yaml",
            "is a symbolic link",
            "does not write through it",
        ]);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
        assert!(root.join("learnpath.yaml").is_symlink());
    }
}

#[test]
fn init_does_not_write_through_a_dangling_link() {
    let (dir, root) = course();
    std::os::unix::fs::symlink("../new.txt", root.join("learnpath.yaml")).unwrap();
    learnpath(&["init", "--force", root.to_str().unwrap()])
        .code(2)
        .has(&["is a symbolic link"]);
    assert!(!dir.path().join("new.txt").exists());
}
