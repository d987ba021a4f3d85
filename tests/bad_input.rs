//! Every bad input gets a clear error: the documented exit code (never 101), no panic, and the
//! file, line, field or value named in the message.
//!
//! Most bad inputs are case files in `tests/cmd/` (run by tests/cmd.rs), which compare the whole
//! output. The ones here cannot be written as files beside a case: a generated 50 MB page, a
//! chain of folders deeper than the system's path limit, symbolic links, paths under /proc and
//! /sys, permissions, and progress files compared byte for byte.

mod common;

use std::path::Path;

/// A study document of 30 minutes.
const OK_DOC: &str = "---\nestimated_time: \"30 min\"\n---\n\n# A document\n";

/// A new folder `curriculum` in a scratch folder that lives as long as the returned guard.
fn curriculum() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("curriculum");
    std::fs::create_dir(&root).unwrap();
    (dir, root)
}

fn validate(root: &Path) -> common::Run {
    common::learnpath(&["validate", "--curriculum", &root.display().to_string()])
}

#[test]
fn a_50_mb_document_is_counted() {
    let (_dir, root) = curriculum();
    let mut text = String::from("---\nestimated_time: \"10 min\"\n---\n# Big\n");
    let line = "lorem ipsum dolor sit amet ".repeat(40) + "\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&line);
    }
    std::fs::write(root.join("a.md"), text).unwrap();
    validate(&root).code(0).stdout_has(&["1 study document,"]);
}

#[test]
fn a_symlink_loop_is_named_and_not_followed() {
    let (_dir, root) = curriculum();
    std::fs::create_dir(root.join("s")).unwrap();
    std::fs::write(root.join("s/a.md"), OK_DOC).unwrap();
    std::os::unix::fs::symlink(root.join("s"), root.join("s/loop")).unwrap();
    validate(&root)
        .code(0)
        .stdout_has(&["s/loop", "symbolic links are not followed"]);
}

#[test]
fn a_symlink_outside_the_curriculum_is_named_and_not_followed() {
    let (_dir, root) = curriculum();
    std::fs::write(root.join("a.md"), OK_DOC).unwrap();
    std::os::unix::fs::symlink("/etc", root.join("outside")).unwrap();
    validate(&root)
        .code(0)
        .stdout_has(&["outside", "symbolic links are not followed"]);
}

/// What /proc and /sys refuse, and how, depends on the kernel: only the code and path are fixed.
#[test]
fn a_progress_file_in_an_unwritable_place_is_an_io_error() {
    // (the progress file, what the message must name)
    for (path, named) in [
        ("/proc/learnpath/progress.yaml", "/proc/learnpath"),
        (
            "/sys/learnpath-progress.yaml",
            "/sys/learnpath-progress.yaml",
        ),
    ] {
        let run = common::learnpath(&["done", "01_modern_topology", "--progress", path]);
        let said = format!("{}{}", run.stdout, run.stderr);
        assert_eq!(run.code, 74, "{path}: {said}");
        assert!(said.contains(named), "{path}: lacks {named:?}:\n{said}");
    }
}

/// The progress cases of tests/cmd/ compare the output, and their `.out/` folders the file
/// afterwards, but trycmd compares text with its line endings made uniform. Here the same files
/// must come out with the very same bytes.
#[test]
fn a_progress_file_that_is_refused_or_kept_is_left_byte_for_byte_untouched() {
    let cases: [(&str, &[&str], i32); 4] = [
        ("progress-empty", &["status"], 65),
        (
            "progress-another-schema",
            &[
                "plan",
                "--spec",
                "3.1",
                "--hours",
                "5",
                "--today",
                "2027-01-04",
            ],
            65,
        ),
        ("progress-invalid-yaml", &["done", "01_modern_topology"], 65),
        (
            "progress-unknown-documents",
            &["status", "--today", "2027-01-04"],
            0,
        ),
    ];
    for (case, args, code) in cases {
        let given = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cmd")
            .join(format!("{case}.in/progress.yaml"));
        let content = std::fs::read(&given).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.yaml");
        std::fs::write(&file, &content).unwrap();
        let run =
            common::Run::with_env(args, &[("LEARNPATH_PROGRESS", &file.display().to_string())]);
        assert_eq!(run.code, code, "{case}: {}{}", run.stdout, run.stderr);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            content,
            "{case}: the progress file changed"
        );
    }
}

/// Permissions do not stop root, and CI runs as root: there the command runs as `nobody` (the
/// standard library sets the child's user, group and no other groups), so that the file really
/// cannot be read.
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let (dir, root) = curriculum();
    let page = root.join("a.md");
    std::fs::write(&page, OK_DOC).unwrap();
    mode(&page, 0o000);
    if std::fs::read(&page).is_err() {
        let root = root.display().to_string();
        common::learnpath(&["validate", "--curriculum", &root])
            .code(74)
            .stderr_has(&["a.md", "ermission denied"]);
        return;
    }
    // Root: the folders and a copy of the binary (its own folder may be closed to others, as
    // /root is) open to everyone, the page still to no one.
    mode(dir.path(), 0o755);
    mode(&root, 0o755);
    let binary = dir.path().join("learnpath");
    std::fs::copy(env!("CARGO_BIN_EXE_learnpath"), &binary).unwrap();
    mode(&binary, 0o755);
    let as_nobody = |args: &[&str]| {
        use std::os::unix::process::CommandExt;
        std::process::Command::new(&binary)
            .uid(65534)
            .gid(65534)
            .args(args)
            .env_remove("LEARNPATH_CURRICULUM")
            .env_remove("LEARNPATH_TODAY")
            .env_remove("NO_COLOR")
            .env_remove("LEARNPATH_PROFILE")
            .env("LEARNPATH_PROGRESS", common::NO_PROGRESS_FILE)
            .env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME)
            .env("TZ", "UTC")
            .output()
    };
    let version = as_nobody(&["--version"]).unwrap();
    assert!(version.status.success(), "as nobody: {version:?}");
    let output = as_nobody(&["validate", "--curriculum", &root.display().to_string()]).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(74), "{stderr}");
    for word in ["a.md", "ermission denied"] {
        assert!(stderr.contains(word), "stderr lacks {word:?}:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A chain of `depth` folders named `d` under `root`, with `page` at its bottom, made through
/// file descriptors (`mkdirat`, `openat`): the whole path is longer than the system's own limit
/// (PATH_MAX, 4,096 bytes), so no call could take it at once.
fn folder_chain(root: &Path, depth: usize, page: &str) {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let name = CString::new("d").unwrap();
    let root = CString::new(root.as_os_str().as_bytes()).unwrap();
    // SAFETY: every path is a NUL-terminated CString alive across the call, every descriptor is
    // one `open`/`openat` returned (checked) and is closed once the next is open.
    unsafe {
        let mut fd = libc::open(root.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
        assert!(fd >= 0, "{}", std::io::Error::last_os_error());
        for _ in 0..depth {
            assert_eq!(libc::mkdirat(fd, name.as_ptr(), 0o755), 0);
            let next = libc::openat(fd, name.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            assert!(next >= 0, "{}", std::io::Error::last_os_error());
            libc::close(fd);
            fd = next;
        }
        let file = CString::new("deep.md").unwrap();
        let out = libc::openat(fd, file.as_ptr(), libc::O_WRONLY | libc::O_CREAT, 0o644);
        assert!(out >= 0, "{}", std::io::Error::last_os_error());
        let written = libc::write(out, page.as_ptr().cast(), page.len());
        assert_eq!(written, page.len() as isize);
        libc::close(out);
        libc::close(fd);
    }
}

#[test]
fn a_folder_chain_deeper_than_the_system_path_limit_is_skipped_with_a_warning() {
    let (_dir, root) = curriculum();
    std::fs::write(root.join("a.md"), OK_DOC).unwrap();
    folder_chain(&root, 2_100, OK_DOC);
    // The first folder of the chain whose path passes the 1,024 bytes: `d` and 512 `/d`.
    let folder = root.join(vec!["d"; 513].join("/")).display().to_string();
    let warning = "the path is longer than the limit of 1024 bytes; skipped";
    // `validate` names what was skipped; `plan`, which does not print the curriculum's
    // warnings, plans the rest.
    validate(&root)
        .code(0)
        .stdout_has(&["1 study document,", warning, &folder]);
    let root = root.display().to_string();
    common::learnpath(&[
        "--curriculum",
        &root,
        "plan",
        "--target",
        "a.md",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
    ])
    .code(0)
    .stdout_has(&["Plan for a.md", "1 document, 30 min"]);
}
