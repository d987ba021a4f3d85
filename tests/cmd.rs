//! The command line's case files: `tests/cmd/NAME.toml` runs `learnpath` with its `args` (in
//! `tests/cmd/NAME.in/` when that folder exists) and compares the whole of stdout, stderr and the
//! exit code with `NAME.stdout`, `NAME.stderr` and `status.code`. Each case is reported on its own
//! ("Testing tests/cmd/NAME.toml ... ok"). `TRYCMD=overwrite cargo test --test cmd` rewrites the
//! expected output from what the program prints now; docs/development.md says how to add a case.

use std::path::{Path, PathBuf};

#[test]
fn cases() {
    trycmd::TestCases::new()
        .register_bin("learnpath", Path::new(env!("CARGO_BIN_EXE_learnpath")))
        .case("tests/cmd/*.toml");
}

fn case_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    cases.sort();
    cases
}

/// trycmd checks only what a case gives it: a case without a `.stdout` file would not look at
/// stdout, one whose binary has another name would be skipped, and one that inherits the
/// environment would depend on the machine. Every case file must pin all of it.
#[test]
fn every_case_compares_everything_in_a_fixed_environment() {
    let cases = case_files();
    assert!(cases.len() >= 85, "{} case files", cases.len());
    let required = [
        "bin.name = \"learnpath\"\n",
        "status.code = ",
        "env.inherit = false\n",
        "env.add.TZ = \"UTC\"\n",
        "env.add.LEARNPATH_PROGRESS = ",
        "env.add.XDG_CONFIG_HOME = ",
    ];
    let mut problems = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case).unwrap();
        for line in required {
            if !text.contains(line) {
                problems.push(format!("{}: lacks `{}`", case.display(), line.trim()));
            }
        }
        for stream in ["stdout", "stderr"] {
            if !case.with_extension(stream).is_file() && !text.contains(&format!("{stream} = ")) {
                problems.push(format!(
                    "{}: no .{stream} file, so {stream} would not be compared",
                    case.display()
                ));
            }
        }
    }
    // Nothing else in the folder but cases, their outputs and their folders.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let known = ["toml", "stdout", "stderr", "in", "out"];
        let extension = path.extension().and_then(|ext| ext.to_str()).unwrap_or("");
        if !known.contains(&extension) || !path.with_extension("toml").is_file() {
            problems.push(format!("{}: not part of a case", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
