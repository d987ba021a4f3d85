//! The progress store through the CLI: round trips, refusals that leave files alone, and
//! concurrent or killed writers that lose nothing.

mod common;

use common::Run;
use learnpath::progress::ProgressStore;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn with_progress(file: &Path, args: &[&str]) -> Run {
    Run::with_env(args, &[("LEARNPATH_PROGRESS", file.to_str().unwrap())])
}

#[test]
fn done_undo_status_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nested/progress.yaml");
    with_progress(
        &file,
        &[
            "done",
            "01_modern_topology",
            "02_server_hierarchy",
            "--on",
            "2027-01-04",
        ],
    )
    .code(0)
    .stdout_has(&[
        "done: 01_foundations/02_datacenter_topology/01_modern_topology.md (2027-01-04)",
        "2 documents done",
    ]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("schema_version: 1") && text.contains("date: 2027-01-04"),
        "{text}"
    );

    with_progress(
        &file,
        &["done", "01_modern_topology", "--today", "2027-02-01"],
    )
    .code(0)
    .stdout_has(&["already done", "since 2027-01-04"]);
    let status = with_progress(&file, &["status", "--spec", "3.1", "--format", "json"]).code(0);
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["documents_done"], 2);
    assert_eq!(status["specializations"][0]["minutes_done"], 70);
    assert_eq!(status["specializations"][0]["percent"], 70 * 100 / 375);
    with_progress(&file, &["status", "--spec", "3.1"])
        .code(0)
        .stdout_has(&["[###-", "18%", "1 h 10 min done, 5 h 5 min left"]);

    with_progress(
        &file,
        &["undo", "01_modern_topology", "03_3tier_vs_spine_leaf"],
    )
    .code(0)
    .stdout_has(&[
        "undone: 01_foundations/02_datacenter_topology/01_modern_topology.md",
        "not marked done: 01_foundations/02_datacenter_topology/03_3tier_vs_spine_leaf.md",
        "1 document done",
    ]);
    let store = ProgressStore::new(&file);
    let progress = store.load().unwrap();
    assert!(progress.is_done("01_foundations/02_datacenter_topology/02_server_hierarchy.md"));
    assert!(!progress.is_done("01_foundations/02_datacenter_topology/01_modern_topology.md"));
}

#[test]
fn plan_reads_the_progress_file_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    with_progress(
        &file,
        &[
            "done",
            "01_modern_topology",
            "02_server_hierarchy",
            "--on",
            "2027-01-04",
        ],
    )
    .code(0);
    let plan = [
        "plan",
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
    ];
    with_progress(&file, &plan)
        .code(0)
        .stdout_has(&["7 documents", "(2 already done)"]);
    with_progress(&file, &[&plan[..], &["--no-progress"]].concat())
        .code(0)
        .stdout_has(&["9 documents"]);
    with_progress(&file, &["check", "3.1"])
        .code(1)
        .stdout_has(&["2 of 8 met"]);
}

#[test]
fn marking_before_the_prerequisites_warns_and_unknown_documents_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    with_progress(&file, &["done", "01_pfc_dcb_storage", "--on", "2027-01-04"])
        .code(0)
        .stderr_has(&["warning: 05_specialized/01_storage/01_pfc_dcb_storage.md is marked done, but 8 of its prerequisites are not"]);
    let before = std::fs::read(&file).unwrap();
    with_progress(
        &file,
        &["done", "01_modern_topology", "01_rdma_fundamentalz"],
    )
    .code(2)
    .stderr_has(&[
        "unknown document '01_rdma_fundamentalz'",
        "01_rdma_fundamentals",
    ]);
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
}

#[test]
fn a_corrupt_or_foreign_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "invalid YAML",
            b"schema_version: 1\ndone: [\n",
            "invalid YAML",
        ),
        (
            "another schema",
            b"schema_version: 7\ndone: []\n",
            "schema_version 7",
        ),
        (
            "someone else's file",
            b"title: my notes\n",
            "no schema_version",
        ),
        ("empty", b"", "empty"),
        (
            "not UTF-8",
            b"schema_version: 1\n\xff\xfe\n",
            "not valid UTF-8",
        ),
    ];
    for (name, bytes, words) in cases {
        let file = dir.path().join(format!("{}.yaml", name.replace(' ', "_")));
        std::fs::write(&file, bytes).unwrap();
        for args in [
            &["done", "01_modern_topology"][..],
            &["undo", "01_modern_topology"][..],
            &["plan", "--spec", "3.1", "--hours", "5"][..],
            &["status"][..],
        ] {
            with_progress(&file, args).code(65).stderr_has(&[
                words,
                file.to_str().unwrap(),
                "left it untouched",
            ]);
            assert_eq!(
                &std::fs::read(&file).unwrap(),
                bytes,
                "{name}: {args:?} changed the file"
            );
        }
    }
}

/// The binary, isolated from the caller's environment like `common::learnpath`.
fn learnpath_command() -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("learnpath"));
    command
        .env_remove("LEARNPATH_CURRICULUM")
        .env_remove("LEARNPATH_TODAY")
        .env_remove("LEARNPATH_PROGRESS")
        .env_remove("LEARNPATH_PROFILE")
        .env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME);
    command
}

#[test]
fn twenty_concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    let docs: Vec<String> = {
        let list = common::learnpath(&["list", "docs", "--format", "json"]).code(0);
        let rows: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .take(20)
            .map(|row| row["path"].as_str().unwrap().to_string())
            .collect()
    };
    let children: Vec<_> = docs
        .iter()
        .map(|doc| {
            learnpath_command()
                .args(["done", doc, "--on", "2027-01-04", "--progress"])
                .arg(&file)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let progress = ProgressStore::new(&file).load().unwrap();
    assert_eq!(progress.len(), 20);
    for doc in &docs {
        assert!(progress.is_done(doc), "{doc} was lost");
    }
}

/// The first `n` documents of the embedded curriculum, by path.
fn first_docs(n: usize) -> Vec<String> {
    let list = common::learnpath(&["list", "docs", "--format", "json"]).code(0);
    let rows: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .take(n)
        .map(|row| row["path"].as_str().unwrap().to_string())
        .collect()
}

/// Writers that reach one file through a symbolic link and by its real path take one lock:
/// 40 at once, half by the real path (`--progress`), half through links: the default path
/// under `XDG_DATA_HOME` and `LEARNPATH_PROGRESS`. Every mark lands.
#[test]
fn concurrent_writers_through_a_symlink_and_the_real_path_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real/progress.yaml");
    let link = dir.path().join("elsewhere/progress.yaml");
    let xdg = dir.path().join("xdg");
    let default = xdg
        .join("learnpath")
        .join(learnpath::progress::EMBEDDED_ID)
        .join("progress.yaml");
    let docs = first_docs(41);
    // The file exists first (a link to nothing is refused), as learnpath writes it.
    with_progress(&real, &["done", &docs[40], "--on", "2027-01-04"]).code(0);
    for path in [&link, &default] {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&real, path).unwrap();
    }
    let children: Vec<_> = docs[..40]
        .iter()
        .enumerate()
        .map(|(index, doc)| {
            let mut command = learnpath_command();
            command.args(["done", doc, "--on", "2027-01-04"]);
            match index % 4 {
                1 => command.env("XDG_DATA_HOME", &xdg),
                3 => command.env("LEARNPATH_PROGRESS", &link),
                _ => command.arg("--progress").arg(&real),
            };
            command
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for path in [&link, &default] {
        assert!(std::fs::symlink_metadata(path).unwrap().is_symlink());
    }
    let progress = ProgressStore::new(&real).load().unwrap();
    let lost: Vec<&String> = docs.iter().filter(|doc| !progress.is_done(doc)).collect();
    assert!(lost.is_empty(), "lost {} marks: {lost:?}", lost.len());
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    let store = ProgressStore::new(&file);
    let docs = [
        "01_modern_topology",
        "02_server_hierarchy",
        "03_3tier_vs_spine_leaf",
    ];
    // Deterministic, varied delays from 0 to about 12 ms: early, mid-write and late kills.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..200 {
        let before = store.load().unwrap();
        let doc = docs[round % docs.len()];
        let verb = if before.is_done(&format!("01_foundations/02_datacenter_topology/{doc}.md")) {
            "undo"
        } else {
            "done"
        };
        let mut child = learnpath_command()
            .args([verb, doc, "--on", "2027-01-04", "--progress"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % 12_000));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let after = store
            .load()
            .unwrap_or_else(|error| panic!("round {round}: {error}"));
        let mut expected = before.clone();
        let path = format!("01_foundations/02_datacenter_topology/{doc}.md");
        if verb == "done" {
            expected.mark(&path, "2027-01-04".parse().unwrap());
        } else {
            expected.unmark(&path);
        }
        assert!(
            after == before || after == expected,
            "round {round}: neither the old nor the new content"
        );
    }
    // The next write that gets through removes what the killed ones left.
    let verb = if store.load().unwrap().is_empty() {
        "done"
    } else {
        "undo"
    };
    let everything = docs.join(",");
    with_progress(&file, &[verb, &everything]).code(0);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".progress.yaml."))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// A folder is an I/O problem (exit 74) for every command that reads or writes progress.
#[test]
fn a_folder_is_never_taken_for_the_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    let slash = format!("{folder}/");
    for path in [folder.as_str(), slash.as_str()] {
        for command in [
            &["done", "01_modern_topology"][..],
            &["undo", "01_modern_topology"][..],
            &["plan", "--spec", "3.1", "--hours", "5"][..],
            &["status"][..],
        ] {
            let args = [command, &["--progress", path][..]].concat();
            common::Run::with_env(&args, &[])
                .code(74)
                .stderr_has(&[path, "folder; give a file name"]);
        }
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no lock file was left"
    );
    assert!(!dir.path().with_extension("lock").exists());
}

#[test]
fn undo_takes_back_a_path_the_curriculum_no_longer_has() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    std::fs::write(
        &file,
        "schema_version: 1\ndone:\n- path: old/removed.md\n  date: 2027-01-04\n",
    )
    .unwrap();
    with_progress(&file, &["status"])
        .code(0)
        .stderr_has(&["old/removed.md", "kept in the file"]);
    with_progress(&file, &["undo", "old/removed.md"])
        .code(0)
        .stdout_has(&["undone: old/removed.md", "0 documents done"]);
}

/// Entries written by hand as the command line accepts names count as the documents they name,
/// and a document listed twice keeps the day it was first done.
#[test]
fn hand_written_spellings_and_duplicates_are_read_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    std::fs::write(
        &file,
        "schema_version: 1\ndone:\n\
         - path: ./01_foundations/02_datacenter_topology/01_modern_topology.md\n  date: 2027-01-08\n\
         - path: 01_foundations/02_datacenter_topology/01_modern_topology\n  date: 2027-01-05\n\
         - path: 02_server_hierarchy\n  date: 2027-01-09\n\
         - path: 02_server_hierarchy\n  date: 2027-01-06\n",
    )
    .unwrap();
    let status = with_progress(&file, &["status", "--spec", "3.1", "--format", "json"]).code(0);
    assert!(
        !status.stderr.contains("does not have"),
        "{}",
        status.stderr
    );
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["documents_done"], 2);
    with_progress(&file, &["done", "01_modern_topology", "02_server_hierarchy"])
        .code(0)
        .stdout_has(&[
            "already done: 01_foundations/02_datacenter_topology/01_modern_topology.md (since 2027-01-05)",
            "already done: 01_foundations/02_datacenter_topology/02_server_hierarchy.md (since 2027-01-06)",
        ]);
}

/// `--on` on a document already done moves its date; without `--on` the date stays. A day
/// after today is allowed, with a warning.
#[test]
fn done_on_a_date_changes_the_date_of_a_done_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    let path = "01_foundations/02_datacenter_topology/01_modern_topology.md";
    let today = ["--today", "2027-01-10"];
    let done = |extra: &[&str]| {
        with_progress(
            &file,
            &[&["done", "01_modern_topology"][..], extra, &today].concat(),
        )
        .code(0)
    };
    done(&["--on", "2027-01-04"]).stdout_has(&[&format!("done: {path} (2027-01-04)")]);
    let moved = done(&["--on", "2027-01-02"]);
    moved.stdout_has(&[&format!(
        "date changed: {path} (was 2027-01-04, now 2027-01-02)"
    )]);
    let store = ProgressStore::new(&file);
    assert_eq!(
        store.load().unwrap().date(path),
        Some("2027-01-02".parse().unwrap())
    );
    done(&[]).stdout_has(&[&format!("already done: {path} (since 2027-01-02)")]);
    done(&["--on", "2027-01-02"]).stdout_has(&["already done", "since 2027-01-02"]);
    let on_today = done(&["--on", "2027-01-10"]);
    assert!(!on_today.stderr.contains("future"), "{}", on_today.stderr);
    done(&["--on", "2030-01-01"])
        .stdout_has(&["was 2027-01-10, now 2030-01-01"])
        .stderr_has(&["warning: --on 2030-01-01 is in the future (today is 2027-01-10)"]);
}

/// `done` and `undo` take comma-separated lists like `--done`, and refuse `--no-progress`
/// (which they could only ignore) before touching anything.
#[test]
fn done_and_undo_take_lists_and_refuse_no_progress() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    for command in ["done", "undo"] {
        with_progress(&file, &[command, "01_modern_topology", "--no-progress"])
            .code(2)
            .stderr_has(&[command, "--no-progress"]);
    }
    assert!(!file.exists(), "--no-progress wrote the file");
    with_progress(&file, &["done", "01_modern_topology,02_server_hierarchy"])
        .code(0)
        .stdout_has(&["2 documents done"]);
    with_progress(
        &file,
        &[
            "undo",
            "01_modern_topology,02_server_hierarchy",
            "03_3tier_vs_spine_leaf",
        ],
    )
    .code(0)
    .stdout_has(&[
        "undone: 01_foundations/02_datacenter_topology/01_modern_topology.md",
        "undone: 01_foundations/02_datacenter_topology/02_server_hierarchy.md",
        "not marked done: 01_foundations/02_datacenter_topology/03_3tier_vs_spine_leaf.md",
        "0 documents done",
    ]);
}

/// A read-only progress file is left as it is, even where the folder is writable (and even for
/// root, whom permissions do not stop).
#[test]
fn a_read_only_progress_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    with_progress(&file, &["done", "01_modern_topology"]).code(0);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    for command in [
        &["done", "02_server_hierarchy"][..],
        &["undo", "01_modern_topology"][..],
    ] {
        with_progress(&file, command)
            .code(74)
            .stderr_has(&[file.to_str().unwrap(), "read-only"]);
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "the file was replaced");
    // Nothing to change, nothing to write: reading a read-only file is fine.
    with_progress(&file, &["done", "01_modern_topology"])
        .code(0)
        .stdout_has(&["already done"]);
}

/// The temporary files of killed writers (atomic-write-file names them `.progress.yaml.` and
/// six letters or digits) are removed by the next write; files that only look alike stay.
#[test]
fn stale_temporary_files_are_removed_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    with_progress(&file, &["done", "01_modern_topology"]).code(0);
    let full = std::fs::read_to_string(&file).unwrap();
    let stale = [
        (".progress.yaml.Ab3dE9", String::new()),
        (".progress.yaml.zZ09xy", full[..20].to_string()),
        (".progress.yaml.Q1w2E3", full[..full.len() - 5].to_string()),
        (".progress.yaml.000000", full.clone()),
    ];
    let kept = [
        (".progress.yaml.Ab3dE", full.clone()),
        (".progress.yaml.Ab3dE9x", full.clone()),
        (".progress.yaml.ab-123", full.clone()),
        (".other.yaml.Ab3dE9", full.clone()),
        ("progress.yaml.Ab3dE9", full.clone()),
        (".progress.yaml.backup", "my own notes\n".to_string()),
        (".progress.yaml.bak", full.clone()),
    ];
    for (name, content) in stale.iter().chain(&kept) {
        std::fs::write(dir.path().join(name), content).unwrap();
    }
    std::fs::create_dir(dir.path().join(".progress.yaml.D1r3ct")).unwrap();
    std::os::unix::fs::symlink(&file, dir.path().join(".progress.yaml.L1nk00")).unwrap();
    with_progress(&file, &["status"]).code(0);
    assert!(
        dir.path().join(stale[0].0).exists(),
        "reading removes nothing"
    );
    with_progress(&file, &["done", "02_server_hierarchy"]).code(0);
    for (name, _) in &stale {
        assert!(!dir.path().join(name).exists(), "{name} is still there");
    }
    for (name, content) in &kept {
        assert_eq!(
            &std::fs::read_to_string(dir.path().join(name)).unwrap(),
            content,
            "{name}"
        );
    }
    assert!(dir.path().join(".progress.yaml.D1r3ct").is_dir());
    assert!(std::fs::symlink_metadata(dir.path().join(".progress.yaml.L1nk00")).is_ok());
}

/// The progress file is learnpath's, but what a user wrote into it is never lost silently: a
/// hand-edited file is copied (to a free name, never over an earlier copy) before a rewrite.
#[test]
fn a_hand_edited_file_is_kept_before_it_is_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    let bak = |suffix: &str| dir.path().join(format!("progress.yaml.bak{suffix}"));
    let edited = "# my notes: the topology ones were hard\nschema_version: 1\ndone:\n- path: 01_foundations/02_datacenter_topology/01_modern_topology.md  # twice!\n  date: 2027-01-04\n";
    std::fs::write(&file, edited).unwrap();
    // Nothing to change, nothing rewritten, no copy.
    with_progress(&file, &["done", "01_modern_topology"])
        .code(0)
        .stdout_has(&["already done"]);
    assert!(!bak("").exists());
    with_progress(&file, &["done", "02_server_hierarchy"])
        .code(0)
        .stderr_has(&[&format!(
            "note: kept your hand-edited copy as {}",
            bak("").display()
        )]);
    assert_eq!(std::fs::read_to_string(bak("")).unwrap(), edited);
    let rewritten = std::fs::read_to_string(&file).unwrap();
    assert!(!rewritten.contains("my notes"), "{rewritten}");
    // learnpath's own form: no copy on the next change.
    let run = with_progress(&file, &["done", "03_3tier_vs_spine_leaf"]).code(0);
    assert!(!run.stderr.contains("hand-edited"), "{}", run.stderr);
    // Edited again, with .bak and .bak.1 taken: the copy goes to .bak.2, the others stay.
    std::fs::write(bak(".1"), "someone's file\n").unwrap();
    let current = std::fs::read_to_string(&file).unwrap();
    let again = format!("{current}# and another note\n");
    std::fs::write(&file, &again).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    with_progress(&file, &["undo", "03_3tier_vs_spine_leaf"])
        .code(0)
        .stderr_has(&[&format!(
            "kept your hand-edited copy as {}",
            bak(".2").display()
        )]);
    assert_eq!(std::fs::read_to_string(bak("")).unwrap(), edited);
    assert_eq!(
        std::fs::read_to_string(bak(".1")).unwrap(),
        "someone's file\n"
    );
    assert_eq!(std::fs::read_to_string(bak(".2")).unwrap(), again);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(bak(".2")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the copy keeps the file's permissions");
}

/// A progress file past the 16 MiB limit is an error naming the file and the limit (exit 65),
/// read or about to be written, and it is left as it was.
#[test]
fn a_progress_file_past_the_size_limit_is_refused() {
    const LIMIT: usize = learnpath::progress::MAX_FILE_BYTES;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    let mut text = String::from("schema_version: 1\ndone: []\n");
    text.push_str(&"#".repeat(LIMIT));
    text.push('\n');
    std::fs::write(&big, &text).unwrap();
    for command in [&["status"][..], &["done", "01_modern_topology"][..]] {
        with_progress(&big, command).code(65).stderr_has(&[
            big.to_str().unwrap(),
            "more than the limit of 16 MiB",
            "left it untouched",
        ]);
    }
    assert_eq!(std::fs::read(&big).unwrap().len(), text.len());

    // Just under the limit, in learnpath's own form: one more entry would pass it.
    let full = dir.path().join("full.yaml");
    let mut text = String::from(
        "# learnpath progress: the documents you have studied. Edit with `learnpath done` / `learnpath undo`.\nschema_version: 1\ndone:\n",
    );
    let entry = |n: usize, length: usize| {
        format!(
            "- path: archive/{n:06}{}.md\n  date: 2027-01-04\n",
            "x".repeat(length)
        )
    };
    let mut n = 0;
    while text.len() + entry(n, 1000).len() < LIMIT - 40 {
        text.push_str(&entry(n, 1000));
        n += 1;
    }
    let rest = LIMIT - 40 - text.len() - entry(n, 0).len();
    text.push_str(&entry(n, rest));
    std::fs::write(&full, &text).unwrap();
    with_progress(&full, &["status"]).code(0);
    with_progress(&full, &["done", "01_modern_topology"])
        .code(65)
        .stderr_has(&[
            "would be",
            "more than the limit of 16 MiB",
            "nothing was written",
        ]);
    assert_eq!(std::fs::read_to_string(&full).unwrap(), text);
}

/// A scratch data home: `XDG_DATA_HOME` for the default progress files, and no
/// `LEARNPATH_PROGRESS` (an empty value counts as unset).
struct DataHome {
    dir: tempfile::TempDir,
}

impl DataHome {
    fn new() -> Self {
        DataHome {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn learnpath(&self) -> std::path::PathBuf {
        self.dir.path().join("learnpath")
    }

    fn run(&self, args: &[&str]) -> Run {
        let data = self.dir.path().to_str().unwrap();
        Run::with_env(
            args,
            &[
                ("XDG_DATA_HOME", data),
                ("HOME", data),
                ("LEARNPATH_PROGRESS", ""),
            ],
        )
    }

    /// The progress file `status` says it reads.
    fn progress_file(&self, args: &[&str]) -> String {
        let run = self
            .run(&[&["status", "--format", "json"][..], args].concat())
            .code(0);
        let status: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        status["progress_file"].as_str().unwrap().to_string()
    }
}

/// Two curricula with a document of the same path keep their marks apart by default.
#[test]
fn progress_is_kept_per_curriculum() {
    let page = "---\nestimated_time: \"10 min\"\n---\n# Welcome\n";
    let one = common::folder(&[
        ("intro/01_welcome.md", page),
        ("learnpath.yaml", "name: My Course\n"),
    ]);
    let two = common::folder(&[
        ("intro/01_welcome.md", page),
        ("learnpath.yaml", "name: Course Two\nid: course-two\n"),
    ]);
    let home = DataHome::new();
    home.run(&["--curriculum", &one.root, "done", "01_welcome"])
        .code(0)
        .stdout_has(&["1 document done in"]);
    let done_in = |root: &str| {
        let run = home
            .run(&["--curriculum", root, "status", "--format", "json"])
            .code(0);
        let status: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        status["documents_done"].as_u64().unwrap()
    };
    assert_eq!(done_in(&one.root), 1);
    assert_eq!(done_in(&two.root), 0, "course two shares course one's mark");
    let first = home.progress_file(&["--curriculum", &one.root]);
    let second = home.progress_file(&["--curriculum", &two.root]);
    let folder = home.learnpath().display().to_string();
    assert!(
        first.starts_with(&format!("{folder}/my-course-")),
        "{first}"
    );
    assert!(first.ends_with("/progress.yaml"), "{first}");
    assert_eq!(second, format!("{folder}/course-two/progress.yaml"));
    assert_eq!(
        home.progress_file(&[]),
        format!(
            "{folder}/{}/progress.yaml",
            learnpath::progress::EMBEDDED_ID
        )
    );
    // The table says it on its last line; an explicit file is used as given.
    let table = home
        .run(&["--curriculum", &one.root, "status"])
        .code(0)
        .stdout;
    assert_eq!(
        table.lines().last(),
        Some(format!("progress file: {first}").as_str())
    );
    let given = home.dir.path().join("mine.yaml").display().to_string();
    assert_eq!(home.progress_file(&["--progress", &given]), given);
    let none = home
        .run(&["status", "--no-progress", "--format", "json"])
        .code(0)
        .stdout;
    let none: serde_json::Value = serde_json::from_str(&none).unwrap();
    assert!(none["progress_file"].is_null(), "{none}");
}

/// The file all curricula shared before is migrated once per curriculum: its entries for that
/// curriculum are copied to the curriculum's own file, and it is left in place.
#[test]
fn the_shared_progress_file_is_migrated_without_losing_an_entry() {
    let page = "---\nestimated_time: \"10 min\"\n---\n# Welcome\n";
    let course = common::folder(&[
        ("intro/01_welcome.md", page),
        ("intro/02_next.md", page),
        ("learnpath.yaml", "name: Course\nid: course\n"),
    ]);
    let home = DataHome::new();
    let legacy = home.learnpath().join("progress.yaml");
    std::fs::create_dir_all(home.learnpath()).unwrap();
    let shared = "schema_version: 1\ndone:\n\
        - path: intro/01_welcome\n  date: 2027-01-04\n\
        - path: 01_foundations/02_datacenter_topology/01_modern_topology.md\n  date: 2027-01-05\n\
        - path: elsewhere/gone.md\n  date: 2027-01-06\n";
    std::fs::write(&legacy, shared).unwrap();
    let note = "note: progress is now kept per curriculum: copied 1 entry of this curriculum";
    home.run(&["--curriculum", &course.root, "status"])
        .code(0)
        .stderr_has(&[note, legacy.to_str().unwrap()]);
    let own = home.learnpath().join("course/progress.yaml");
    let progress = ProgressStore::new(&own).load().unwrap();
    assert_eq!(progress.len(), 1);
    assert_eq!(
        progress.date("intro/01_welcome.md"),
        Some("2027-01-04".parse().unwrap())
    );
    // Said once; the shared file stays as it was, for the other curricula.
    let again = home
        .run(&["--curriculum", &course.root, "done", "02_next"])
        .code(0);
    assert!(!again.stderr.contains("per curriculum"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&legacy).unwrap(), shared);
    // The embedded curriculum gets its own entry, by `done` as well as by `status`.
    home.run(&["done", "02_server_hierarchy"])
        .code(0)
        .stderr_has(&[note])
        .stdout_has(&["2 documents done"]);
    assert_eq!(ProgressStore::new(&own).load().unwrap().len(), 2);
    assert_eq!(std::fs::read_to_string(&legacy).unwrap(), shared);
}

// Actual time and partial progress: `done --took`, `--part` and `--minutes`.

const TLB: &str = "05_specialized/04_cpu_memory/01_tlb_ept_explained.md";
const PFC: &str = "05_specialized/01_storage/01_pfc_dcb_storage.md";
const TOPOLOGY: &str = "01_foundations/02_datacenter_topology/01_modern_topology.md";

/// A progress file and a profile in a scratch folder. The profile chooses 3.4 with 2 hours a
/// week and whole documents only: sittings of up to 1 h on Mondays and Saturdays, which cut
/// the 90-minute 01_tlb_ept_explained into two parts of 45 min (the split `done --part`
/// names).
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("profile.yaml"),
            "schema_version: 1\ncurriculum: datacenter-infrastructure\nspec:\n- '3.4'\nhours: 2\nwhole: true\n",
        )
        .unwrap();
        Scratch { dir }
    }

    fn progress(&self) -> std::path::PathBuf {
        self.dir.path().join("progress.yaml")
    }

    fn run(&self, args: &[&str]) -> Run {
        let progress = self.progress();
        let profile = self.dir.path().join("profile.yaml");
        Run::with_env(
            args,
            &[
                ("LEARNPATH_PROGRESS", progress.to_str().unwrap()),
                ("LEARNPATH_PROFILE", profile.to_str().unwrap()),
            ],
        )
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.progress()).unwrap()
    }

    /// The plan's JSON.
    fn plan(&self, args: &[&str]) -> serde_json::Value {
        let run = self
            .run(&[&["plan", "--format", "json"][..], args].concat())
            .code(0);
        serde_json::from_str(&run.stdout).unwrap()
    }
}

/// The items of a plan for one document.
/// The items of new material of a document (not its reviews).
fn items_of(plan: &serde_json::Value, path: &str) -> Vec<serde_json::Value> {
    plan["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|session| session["items"].as_array().unwrap().clone())
        .filter(|item| item["path"] == path && item["kind"].is_null())
        .collect()
}

/// The minutes of new material of a plan: all its minutes but its reviews'.
fn studied_minutes(plan: &serde_json::Value) -> u64 {
    let summary = &plan["summary"];
    summary["total_minutes"].as_u64().unwrap() - summary["review_minutes"].as_u64().unwrap_or(0)
}

#[test]
fn the_time_a_document_took_is_kept_in_the_file_and_can_be_changed() {
    let scratch = Scratch::new();
    scratch
        .run(&[
            "done",
            "01_modern_topology",
            "--took",
            "50m",
            "--today",
            "2027-01-06",
        ])
        .code(0)
        .stdout_has(&[&format!("done: {TOPOLOGY} (2027-01-06, took 50 min)")]);
    let text = scratch.text();
    assert!(
        text.contains("schema_version: 2\n")
            && text.contains(&format!(
                "- path: {TOPOLOGY}\n  date: 2027-01-06\n  took: 50\n"
            )),
        "{text}"
    );
    let progress = ProgressStore::new(scratch.progress()).load().unwrap();
    assert_eq!(progress.took(TOPOLOGY), Some(50));
    scratch
        .run(&[
            "done",
            "01_modern_topology",
            "--took",
            "1h5m",
            "--today",
            "2027-01-07",
        ])
        .code(0)
        .stdout_has(&[&format!(
            "took changed: {TOPOLOGY} (was 50 min, now 1 h 5 min)"
        )]);
    assert!(
        scratch.text().contains("  date: 2027-01-06\n  took: 65\n"),
        "the date is kept"
    );
    // Without --took, nothing changes.
    let before = scratch.text();
    scratch
        .run(&["done", "01_modern_topology", "--today", "2027-01-07"])
        .code(0)
        .stdout_has(&["already done"]);
    assert_eq!(scratch.text(), before);
    // A document done without a time gets one later.
    scratch
        .run(&[
            "done",
            "02_server_hierarchy",
            "--on",
            "2027-01-06",
            "--today",
            "2027-01-07",
        ])
        .code(0);
    scratch
        .run(&["done", "02_server_hierarchy", "--took", "90min", "--today", "2027-01-07"])
        .code(0)
        .stdout_has(&["took recorded: 01_foundations/02_datacenter_topology/02_server_hierarchy.md (1 h 30 min)"]);
    // Taking the marks back leaves a file earlier versions read.
    scratch
        .run(&["undo", "01_modern_topology", "02_server_hierarchy"])
        .code(0);
    assert!(
        scratch.text().contains("schema_version: 1\ndone: []\n"),
        "{}",
        scratch.text()
    );
}

#[test]
fn after_part_1_a_replan_schedules_only_part_2() {
    let scratch = Scratch::new();
    let before = scratch.plan(&["--start", "2027-01-11", "--today", "2027-01-11"]);
    let whole = items_of(&before, TLB);
    assert_eq!(whole.len(), 2, "{whole:?}");
    scratch
        .run(&[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "1",
            "--took",
            "50m",
            "--today",
            "2027-01-04",
        ])
        .code(0)
        .stdout_has(&[&format!(
            "part 1/2 done: {TLB} (45 min, 2027-01-04, took 50 min)"
        )])
        .stderr_has(&["is partly done, but 4 of its prerequisites are not"]);
    assert!(
        scratch.text().contains(&format!(
            "partial:\n- path: {TLB}\n  date: 2027-01-04\n  minutes: 45\n  part: 1\n  took: 50\n"
        )),
        "{}",
        scratch.text()
    );
    let after = scratch.plan(&["--start", "2027-01-11", "--today", "2027-01-11"]);
    let left = items_of(&after, TLB);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["minutes"], 45);
    assert_eq!(left[0]["done_minutes"], 45);
    assert_eq!(
        left[0]["part"],
        serde_json::json!({ "index": 2, "count": 2 })
    );
    assert_eq!(studied_minutes(&after) + 45, studied_minutes(&before));
    assert_eq!(
        after["summary"]["specializations"][0]["minutes"]
            .as_u64()
            .unwrap()
            + 45,
        before["summary"]["specializations"][0]["minutes"]
            .as_u64()
            .unwrap()
    );
    // Items not partly done have no done_minutes.
    assert!(
        after["sessions"][0]["items"][0]
            .get("done_minutes")
            .is_none()
    );
    scratch
        .run(&["plan", "--start", "2027-01-11", "--today", "2027-01-11"])
        .code(0)
        .stdout_has(&["TLB and Page Walk Caching with EPT/NPT, part 2/2 (45 min)"]);
    // The same part again changes nothing.
    let text = scratch.text();
    scratch
        .run(&[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "1",
            "--today",
            "2027-01-11",
        ])
        .code(0)
        .stdout_has(&[&format!("part 1/2 already done: {TLB} (since 2027-01-04)")]);
    assert_eq!(scratch.text(), text);
}

#[test]
fn the_last_part_marks_the_document_done() {
    let scratch = Scratch::new();
    scratch
        .run(&[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "2",
            "--took",
            "40m",
            "--today",
            "2027-01-05",
        ])
        .code(0)
        .stdout_has(&["part 2/2 done"]);
    scratch
        .run(&[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "1",
            "--on",
            "2027-01-04",
            "--took",
            "50m",
            "--today",
            "2027-01-05",
        ])
        .code(0)
        .stdout_has(&[
            &format!("part 1/2 done: {TLB} (45 min, 2027-01-04, took 50 min)"),
            // On the day of its last part, with the parts' times added up.
            &format!("done: {TLB} (2027-01-05, all 2 parts, took 1 h 30 min)"),
            "1 document done",
        ])
        .stderr_has(&["is marked done, but"]);
    let progress = ProgressStore::new(scratch.progress()).load().unwrap();
    assert_eq!(progress.took(TLB), Some(90));
    assert_eq!(progress.partial_minutes(TLB), 0);
    let plan = scratch.plan(&["--start", "2027-01-11", "--today", "2027-01-11"]);
    assert!(items_of(&plan, TLB).is_empty());
    assert!(
        plan["done"]
            .as_array()
            .unwrap()
            .iter()
            .any(|doc| doc["path"] == TLB),
        "{}",
        plan["done"]
    );
    // A done document takes no more partial progress.
    let text = scratch.text();
    scratch
        .run(&[
            "done",
            "01_tlb_ept_explained",
            "--minutes",
            "10m",
            "--today",
            "2027-01-11",
        ])
        .code(0)
        .stdout_has(&[&format!("already done: {TLB} (since 2027-01-05)")]);
    assert_eq!(scratch.text(), text);
}

/// The arguments of a plan for 3.1 at 5 hours a week that starts on `day`, today.
fn spec_3_1_from(day: &str) -> [&str; 8] {
    [
        "--spec", "3.1", "--hours", "5", "--start", day, "--today", day,
    ]
}

#[test]
fn minutes_done_of_a_document_leave_the_rest_to_plan() {
    let scratch = Scratch::new();
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "30m",
            "--on",
            "2027-01-04",
            "--today",
            "2027-01-11",
        ])
        .code(0)
        .stdout_has(&[&format!("30 of 55 min done: {PFC} (2027-01-04)")]);
    let plan = scratch.plan(&spec_3_1_from("2027-01-11"));
    let left = items_of(&plan, PFC);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["minutes"], 25);
    assert_eq!(left[0]["done_minutes"], 30);
    assert_eq!(studied_minutes(&plan), 375 - 30);
    scratch
        .run(&[&["plan"][..], &spec_3_1_from("2027-01-11")].concat())
        .code(0)
        .stdout_has(&["PFC, DCB, and RDMA in Storage, the rest (25 min)"]);
    // More minutes add up, to the estimate at most; reaching it does not mark the document
    // done, and plans keep 5 min.
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "40m",
            "--today",
            "2027-01-11",
        ])
        .code(0)
        .stdout_has(&[&format!("55 of 55 min done: {PFC} (2027-01-11)")])
        .stderr_has(&[
            "counted 25 min of the 40 min given",
            &format!("mark it done with `learnpath done {PFC}`"),
        ]);
    let plan = scratch.plan(&spec_3_1_from("2027-01-18"));
    assert_eq!(items_of(&plan, PFC)[0]["minutes"], 5);
    // Without the progress file, the whole document again.
    let plan = scratch.plan(&[
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--start",
        "2027-01-18",
        "--no-progress",
    ]);
    assert_eq!(items_of(&plan, PFC)[0]["minutes"], 55);
}

/// `done --took` after `done --minutes`: the document took the time given and that of its
/// partial records, a record without a time counting its estimated minutes; the output says so.
#[test]
fn took_after_minutes_adds_the_time_of_the_partial_records() {
    let scratch = Scratch::new();
    let today = ["--today", "2027-01-11"];
    let done = |args: &[&str]| scratch.run(&[&["done"][..], args, &today].concat());
    done(&[
        "01_pfc_dcb_storage",
        "--minutes",
        "30m",
        "--on",
        "2027-01-06",
    ])
    .code(0);
    done(&["01_pfc_dcb_storage", "--took", "25m"])
        .code(0)
        .stdout_has(&[&format!(
            "done: {PFC} (2027-01-11, took 55 min in all: 25 min now and 30 min of partial progress before, counted at its estimated minutes)"
        )]);
    assert!(
        scratch.text().contains(&format!(
            "done:\n- path: {PFC}\n  date: 2027-01-11\n  took: 55\n"
        )),
        "{}",
        scratch.text()
    );
    // A record with a time counts that time; the mix is said.
    done(&["01_modern_topology", "--minutes", "10m", "--took", "15m"]).code(0);
    done(&["01_modern_topology", "--minutes", "5m"]).code(0);
    done(&["01_modern_topology", "--took", "20m"])
        .code(0)
        .stdout_has(&["took 40 min in all: 20 min now and 20 min of partial progress before, 5 min of it counted at its estimated minutes"]);
    // Given again for a document done, a time replaces the one recorded.
    done(&["01_pfc_dcb_storage", "--took", "50m"])
        .code(0)
        .stdout_has(&[&format!("took changed: {PFC} (was 55 min, now 50 min)")]);
    // Without partial progress, the time given is the document's.
    done(&["02_server_hierarchy", "--took", "35m"])
        .code(0)
        .stdout_has(&["02_server_hierarchy.md (2027-01-11, took 35 min)"]);
}

/// `done --minutes` past the document's estimate counts what was left of it, and says so.
#[test]
fn minutes_past_the_estimate_count_what_was_left() {
    let scratch = Scratch::new();
    let ring0 = "01_foundations/01_virtualization_basics/01_the_ring0_problem.md";
    let done = |minutes: &str| {
        scratch.run(&[
            "done",
            "01_the_ring0_problem",
            "--minutes",
            minutes,
            "--today",
            "2027-01-11",
        ])
    };
    done("50m")
        .code(0)
        .stdout_has(&[&format!("20 of 20 min done: {ring0} (2027-01-11)")])
        .stderr_has(&[
            "note: counted 20 min of the 50 min given, what was left: that is all of the 20 min",
            &format!("mark it done with `learnpath done {ring0}`"),
        ]);
    assert!(
        scratch.text().ends_with("  minutes: 20\n"),
        "{}",
        scratch.text()
    );
    let status = scratch.run(&["status", "--format", "json", "--today", "2027-01-11"]);
    let status: serde_json::Value = serde_json::from_str(&status.code(0).stdout).unwrap();
    assert_eq!(status["minutes_done"], 20, "{status}");
    assert_eq!(status["documents_partly_done"], 1);
    // Nothing left: nothing is recorded, and the file is left as it was.
    let text = scratch.text();
    done("5m")
        .code(0)
        .stdout_has(&[&format!(
            "nothing recorded: {ring0} (its partial progress covers all of its 20 min already)"
        )])
        .stderr_has(&["mark it done with"]);
    assert_eq!(scratch.text(), text);
}

#[test]
fn this_weeks_cap_counts_partial_minutes() {
    let scratch = Scratch::new();
    // Monday: 45 minutes of a document. A plan from Wednesday, 2.5 hours a week.
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "45m",
            "--on",
            "2027-01-04",
            "--today",
            "2027-01-06",
        ])
        .code(0);
    let week = [
        "--hours",
        "2.5",
        "--days",
        "wed,sat",
        "--start",
        "2027-01-06",
        "--today",
        "2027-01-06",
    ];
    let first_week = |plan: &serde_json::Value| -> u64 {
        plan["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|session| session["iso_week"] == "2027-W01")
            .map(|session| session["minutes"].as_u64().unwrap())
            .sum()
    };
    let plan = scratch.plan(&week);
    assert_eq!(
        plan["settings"]["studied"],
        serde_json::json!({ "week_minutes": 45, "on_start_day": false })
    );
    let without = scratch.plan(&[&week[..], &["--no-progress"]].concat());
    assert!(first_week(&without) > 150 - 45, "{}", first_week(&without));
    assert!(first_week(&plan) <= 150 - 45, "{}", first_week(&plan));
    // Minutes studied on the start day: that day had its sitting.
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "5m",
            "--today",
            "2027-01-06",
        ])
        .code(0);
    let plan = scratch.plan(&["--start", "2027-01-06", "--today", "2027-01-06"]);
    assert_eq!(
        plan["settings"]["studied"],
        serde_json::json!({ "week_minutes": 50, "on_start_day": true })
    );
    assert_ne!(plan["sessions"][0]["date"], "2027-01-06");
}

#[test]
fn undo_removes_partial_records() {
    let scratch = Scratch::new();
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "20m",
            "--today",
            "2027-01-06",
        ])
        .code(0);
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "15m",
            "--today",
            "2027-01-07",
        ])
        .code(0)
        .stdout_has(&[&format!("35 of 55 min done: {PFC} (2027-01-07)")]);
    scratch
        .run(&["undo", "01_pfc_dcb_storage"])
        .code(0)
        .stdout_has(&[&format!(
            "partial progress removed: {PFC} (2 partial records)"
        )]);
    let progress = ProgressStore::new(scratch.progress()).load().unwrap();
    assert!(progress.partials(PFC).is_empty());
    assert!(scratch.text().contains("schema_version: 1\n"));
    let plan = scratch.plan(&[
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--start",
        "2027-01-11",
        "--today",
        "2027-01-11",
    ]);
    assert_eq!(items_of(&plan, PFC)[0]["minutes"], 55);
}

/// `done` arguments that cannot be recorded: the arguments, the exit code, and words of the
/// error.
const UNRECORDABLE: &[(&[&str], i32, &str)] = &[
    (
        &["done", "01_modern_topology", "--part", "1"],
        2,
        "01_foundations/02_datacenter_topology/01_modern_topology.md (40 min) is not split into parts in your plans (sittings of up to 1 h)",
    ),
    (
        &["done", "01_tlb_ept_explained", "--part", "3"],
        2,
        "has 2 parts in your plans (sittings of up to 1 h), so there is no part 3",
    ),
    (
        &["done", "01_tlb_ept_explained", "--part", "0"],
        2,
        "--part",
    ),
    (
        &[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "1",
            "--minutes",
            "30m",
        ],
        2,
        "cannot be used with",
    ),
    (
        &[
            "done",
            "01_modern_topology",
            "02_server_hierarchy",
            "--took",
            "30m",
        ],
        2,
        "--took is for one document, and 2 are named",
    ),
    (
        &["done", "01_modern_topology", "--took", "25h"],
        2,
        "more than 24 h",
    ),
    (
        &["done", "01_modern_topology", "--took", "50"],
        2,
        "has no unit",
    ),
    (
        &["done", "01_modern_topology", "--minutes", "0m"],
        2,
        "at least 1 minute",
    ),
    (
        &[
            "done",
            "01_modern_topology",
            "--took",
            "5m",
            "--no-progress",
        ],
        2,
        "--no-progress",
    ),
];

#[test]
fn partial_progress_is_refused_when_it_cannot_be_recorded() {
    let scratch = Scratch::new();
    for &(args, code, words) in UNRECORDABLE {
        scratch.run(args).code(code).stderr_has(&[words]);
        assert!(!scratch.progress().exists(), "{args:?} wrote the file");
    }
}

#[test]
fn without_hours_in_the_profile_a_90_minute_document_is_not_split() {
    let scratch = Scratch::new();
    // Without hours in the profile, sittings of 2 h: the 90-minute document is whole.
    Run::with_env(
        &[
            "done",
            "01_tlb_ept_explained",
            "--part",
            "1",
            "--no-profile",
        ],
        &[("LEARNPATH_PROGRESS", scratch.progress().to_str().unwrap())],
    )
    .code(2)
    .stderr_has(&["(1 h 30 min) is not split into parts in your plans (sittings of up to 2 h)"]);
}

#[test]
fn hand_written_partial_records_are_read_as_meant() {
    let scratch = Scratch::new();
    // A name without .md, records out of date order, and a comment: read by the YAML parser.
    std::fs::write(
        scratch.progress(),
        "# mine\nschema_version: 2\ndone: []\npartial:\n- path: 01_pfc_dcb_storage\n  date: 2027-01-05\n  minutes: 10\n- {path: 01_pfc_dcb_storage, date: 2027-01-04, minutes: 20, took: 25}\n",
    )
    .unwrap();
    let plan = scratch.plan(&[
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--start",
        "2027-01-11",
        "--today",
        "2027-01-11",
    ]);
    assert_eq!(items_of(&plan, PFC)[0]["minutes"], 25);
    // The next change writes it in learnpath's form, the hand-edited copy kept.
    scratch
        .run(&[
            "done",
            "01_pfc_dcb_storage",
            "--minutes",
            "5m",
            "--today",
            "2027-01-11",
        ])
        .code(0)
        .stdout_has(&[&format!("35 of 55 min done: {PFC} (2027-01-11)")])
        .stderr_has(&["kept your hand-edited copy"]);
    assert!(
        scratch.text().ends_with(&format!(
            "partial:\n- path: {PFC}\n  date: 2027-01-04\n  minutes: 20\n  took: 25\n- path: {PFC}\n  date: 2027-01-05\n  minutes: 10\n- path: {PFC}\n  date: 2027-01-11\n  minutes: 5\n"
        )),
        "{}",
        scratch.text()
    );
}
