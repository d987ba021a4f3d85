//! Writers killed before their rename leave temporary files (`.NAME.XXXXXX`); the next write of
//! that file removes them, for every file learnpath writes: the baseline, the calendar record,
//! the profile and an output (`-o`), as for the progress file (tests/progress.rs). Nothing else
//! beside them is removed.

mod common;

use common::Run;
use std::path::Path;
use std::time::{Duration, SystemTime};

const PLAN: &[&str] = &[
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
    "2027-01-04",
    "--today",
    "2027-01-01",
];

/// Writes `content` to `folder/name`, last changed a day ago when `old`.
fn plant(folder: &Path, name: &str, content: &str, old: bool) {
    let path = folder.join(name);
    std::fs::write(&path, content).unwrap();
    if old {
        let day_ago = SystemTime::now() - Duration::from_secs(24 * 60 * 60);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(day_ago).unwrap();
    }
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_written_file_removes_the_temporaries_killed_writers_left() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let stale = [
        (".baseline.yaml.Ab3dE9", "# learnpath baseline", true),
        // Under the file's lock, no writer is busy: a recent one is stale too.
        (".baseline.yaml.n0wn0w", "", false),
        (
            ".calendar.yaml.Xy12ab",
            "# learnpath calendar: the ev",
            true,
        ),
        (".calendar.yaml.n0wn0w", "# learnpath calendar", false),
        (".profile.yaml.Qq11ww", "# learnpath prof", true),
        (".profile.yaml.n0wn0w", "# learnpath profile", false),
        (".OUT.ics.Zz99zz", "BEGIN:VCAL", true),
        (".OUT.ics.empty0", "", true),
    ];
    let kept = [
        // Not as the crate names its files.
        (".baseline.yaml.Ab3dE", "# learnpath baseline", true),
        ("baseline.yaml.Ab3dE9", "# learnpath baseline", true),
        (".profile.yaml.Qq11wwx", "", true),
        // Someone's own content.
        (".calendar.yaml.notes1", "my notes\n", true),
        (".OUT.ics.notes1", "BEGIN:VCARD\r\n", true),
        // Without a lock, a recent one may be another writer's.
        (".OUT.ics.n0wn0w", "BEGIN:VCALENDAR\r\n", false),
    ];
    for (name, content, old) in stale.iter().chain(&kept) {
        plant(folder, name, content, *old);
    }
    std::os::unix::fs::symlink("OUT.ics", folder.join(".OUT.ics.L1nk00")).unwrap();
    let progress = folder.join("progress.yaml");
    let profile = folder.join("profile.yaml");
    let env = [
        ("LEARNPATH_PROGRESS", progress.to_str().unwrap()),
        ("LEARNPATH_PROFILE", profile.to_str().unwrap()),
    ];
    let out = folder.join("OUT.ics");
    let export = ["export", "--format", "ics", "--tz", "UTC", "-o"];
    let export = [&export[..], &[out.to_str().unwrap()], PLAN].concat();
    let follow = [&["follow"][..], PLAN].concat();
    for args in [&export[..], &follow, &["profile", "set", "--hours", "5"]] {
        Run::with_env(args, &env).code(0);
    }
    for written in ["OUT.ics", "calendar.yaml", "baseline.yaml", "profile.yaml"] {
        assert!(folder.join(written).is_file(), "{written} was not written");
    }
    let left = names(folder);
    for (name, _, _) in &stale {
        assert!(!left.contains(&name.to_string()), "{name} is still there");
    }
    for (name, content, _) in &kept {
        let path = folder.join(name);
        assert_eq!(std::fs::read_to_string(path).unwrap(), *content, "{name}");
    }
    assert!(folder.join(".OUT.ics.L1nk00").is_symlink());
}
