//! Every bad input gets a clear error: the documented exit code (never 101), no panic, and the
//! file, line, field or value named in the message. One case per line of the table.

mod common;

use std::path::Path;

/// How a case sets up its curriculum folder (`{root}` in the arguments).
enum Setup {
    /// No folder: the embedded curriculum, or arguments alone.
    None,
    /// Files (path, content) written under the root.
    Files(Vec<(String, Vec<u8>)>),
    /// Anything else, done by a function given the root.
    Custom(fn(&Path)),
}

struct Case {
    name: &'static str,
    setup: Setup,
    /// Content of the progress file (`{progress}`), when the case needs one.
    progress: Option<&'static [u8]>,
    args: Vec<&'static str>,
    code: i32,
    /// Words that must appear in what the command printed (stdout and stderr together).
    words: Vec<&'static str>,
}

/// A study document with the given extra frontmatter lines.
fn doc(frontmatter: &str) -> Vec<u8> {
    format!("---\n{frontmatter}---\n\n# A document\n").into_bytes()
}

fn ok_doc() -> Vec<u8> {
    doc("estimated_time: \"30 min\"\n")
}

fn files(list: &[(&str, Vec<u8>)]) -> Setup {
    Setup::Files(
        list.iter()
            .map(|(path, bytes)| (path.to_string(), bytes.clone()))
            .collect(),
    )
}

fn one(frontmatter: &str) -> Setup {
    files(&[("a.md", doc(frontmatter))])
}

fn with_prerequisites(pairs: &[(&str, &[&str])]) -> Setup {
    Setup::Files(
        pairs
            .iter()
            .map(|(path, prerequisites)| {
                let list: Vec<String> =
                    prerequisites.iter().map(|p| format!("  - {p}\n")).collect();
                let body = format!(
                    "estimated_time: \"10 min\"\nprerequisites:\n{}",
                    list.concat()
                );
                (path.to_string(), doc(&body))
            })
            .collect(),
    )
}

const VALIDATE: [&str; 3] = ["validate", "--curriculum", "{root}"];
const PLAN: [&str; 5] = ["plan", "--spec", "3.1", "--start", "2027-01-04"];

fn validate() -> Vec<&'static str> {
    VALIDATE.to_vec()
}

fn plan_with(extra: &[&'static str]) -> Vec<&'static str> {
    [&PLAN[..], extra].concat()
}

fn cycle(length: usize) -> Setup {
    let docs: Vec<(String, Vec<u8>)> = (0..length)
        .map(|i| {
            let next = (i + 1) % length;
            (
                format!("c{i:02}.md"),
                doc(&format!(
                    "estimated_time: \"10 min\"\nprerequisites: [c{next:02}.md]\n"
                )),
            )
        })
        .collect();
    Setup::Files(docs)
}

fn manifest_with(roles: &str, folders: &str) -> Setup {
    let manifest = format!(
        "name: T\nparts:\n  - id: \"1\"\n    title: P\n    sections:\n      - id: \"1.1\"\n        title: S1\n        folders: [{folders}]\n      - id: \"1.2\"\n        title: S2\n        folders: [two]\n      - id: \"1.3\"\n        title: S3\n        folders: [three]\nspecializations:\n  - section: \"1.1\"\n  - section: \"1.2\"\n  - section: \"1.3\"\nroles:\n{roles}"
    );
    files(&[
        ("learnpath.yaml", manifest.into_bytes()),
        ("one/a.md", ok_doc()),
        ("two/b.md", ok_doc()),
        ("three/c.md", ok_doc()),
    ])
}

fn cases() -> Vec<Case> {
    let case = |name, setup, args: Vec<&'static str>, code, words: Vec<&'static str>| Case {
        name,
        setup,
        progress: None,
        args,
        code,
        words,
    };
    let progress =
        |name, content: &'static [u8], args: Vec<&'static str>, code, words: Vec<&'static str>| {
            Case {
                name,
                setup: Setup::None,
                progress: Some(content),
                args,
                code,
                words,
            }
        };
    vec![
        // Frontmatter and YAML.
        case(
            "unclosed frontmatter",
            files(&[("a.md", b"---\nestimated_time: \"1h\"\n# A\n".to_vec())]),
            validate(),
            65,
            vec!["a.md:1", "never closed"],
        ),
        case(
            "malformed YAML",
            one("estimated_time: \"30 min\"\nprerequisites: [b.md\n"),
            validate(),
            65,
            vec!["a.md:", "invalid frontmatter"],
        ),
        case(
            "tabs in indentation",
            one("estimated_time: \"30 min\"\nprerequisites:\n\t- b.md\n"),
            validate(),
            65,
            vec!["a.md:4", "tabs"],
        ),
        case(
            "prerequisites as a string",
            one("estimated_time: \"30 min\"\nprerequisites: b.md\n"),
            validate(),
            65,
            vec!["a.md:", "prerequisites", "expected a sequence"],
        ),
        case(
            "prerequisites as a number",
            one("estimated_time: \"30 min\"\nprerequisites: 5\n"),
            validate(),
            65,
            vec!["prerequisites", "expected a sequence"],
        ),
        case(
            "duplicate keys",
            one("estimated_time: \"30 min\"\nlevel: a\nlevel: b\n"),
            validate(),
            65,
            vec!["a.md:4", "duplicate field `level`"],
        ),
        case(
            "empty frontmatter",
            files(&[("a.md", b"---\n---\n# A\n".to_vec())]),
            validate(),
            0,
            vec!["a.md:1", "no estimated_time"],
        ),
        case(
            "alias bomb",
            Setup::Custom(|root| {
                let mut text = String::from(
                    "---\nestimated_time: \"10 min\"\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
                );
                let names: Vec<char> = ('b'..='j').collect();
                let mut previous = 'a';
                for name in names {
                    text.push_str(&format!(
                        "{name}: &{name} [{}]\n",
                        vec![format!("*{previous}"); 9].join(", ")
                    ));
                    previous = name;
                }
                text.push_str("tags: *j\n---\n# Bomb\n");
                std::fs::write(root.join("a.md"), text).unwrap();
            }),
            validate(),
            65,
            vec!["a.md:", "tags"],
        ),
        case(
            "10,000-deep nesting",
            Setup::Custom(|root| {
                let text = format!(
                    "---\nestimated_time: \"10 min\"\ntags: {}{}\n---\n# Deep\n",
                    "[".repeat(10_000),
                    "]".repeat(10_000)
                );
                std::fs::write(root.join("a.md"), text).unwrap();
            }),
            validate(),
            65,
            vec!["a.md:3", "tags"],
        ),
        case(
            "a 50 MB document",
            Setup::Custom(|root| {
                let mut text = String::from("---\nestimated_time: \"10 min\"\n---\n# Big\n");
                let line = "lorem ipsum dolor sit amet ".repeat(40) + "\n";
                while text.len() < 50 * 1024 * 1024 {
                    text.push_str(&line);
                }
                std::fs::write(root.join("a.md"), text).unwrap();
            }),
            validate(),
            0,
            vec!["1 study documents"],
        ),
        case(
            "frontmatter over the size limit",
            Setup::Custom(|root| {
                let text = format!(
                    "---\nestimated_time: \"10 min\"\nnotes: \"{}\"\n---\n# Huge\n",
                    "x".repeat(100 * 1024)
                );
                std::fs::write(root.join("a.md"), text).unwrap();
            }),
            validate(),
            65,
            vec!["a.md:1", "limit of 64 KiB"],
        ),
        case(
            "too many prerequisites",
            Setup::Custom(|root| {
                let list: String = (0..300).map(|i| format!("  - p{i}.md\n")).collect();
                std::fs::write(
                    root.join("a.md"),
                    doc(&format!(
                        "estimated_time: \"10 min\"\nprerequisites:\n{list}"
                    )),
                )
                .unwrap();
            }),
            validate(),
            65,
            vec!["a.md:3", "300 prerequisites", "limit of 256"],
        ),
        case(
            "a link longer than the path limit",
            one(&format!(
                "estimated_time: \"10 min\"\nprerequisites: [{}.md]\n",
                "x".repeat(2000)
            )),
            validate(),
            65,
            vec!["a.md:3", "limit of 1024"],
        ),
        // Files and folders.
        case(
            "an empty file",
            files(&[("a.md", Vec::new()), ("b.md", ok_doc())]),
            validate(),
            0,
            vec!["a.md", "no frontmatter"],
        ),
        case(
            "a file that is not UTF-8",
            files(&[(
                "a.md",
                b"---\nestimated_time: \"10 min\"\ntitle: \xff\xfe\n---\n".to_vec(),
            )]),
            validate(),
            65,
            vec!["a.md", "not valid UTF-8", "offset"],
        ),
        case(
            "a symlink loop",
            Setup::Custom(|root| {
                std::fs::create_dir(root.join("s")).unwrap();
                std::fs::write(root.join("s/a.md"), ok_doc()).unwrap();
                std::os::unix::fs::symlink(root.join("s"), root.join("s/loop")).unwrap();
            }),
            validate(),
            0,
            vec!["s/loop", "symbolic links are not followed"],
        ),
        case(
            "a symlink outside the curriculum",
            Setup::Custom(|root| {
                std::fs::write(root.join("a.md"), ok_doc()).unwrap();
                std::os::unix::fs::symlink("/etc", root.join("outside")).unwrap();
            }),
            validate(),
            0,
            vec!["outside", "symbolic links are not followed"],
        ),
        case(
            "a missing curriculum folder",
            Setup::None,
            vec!["validate", "--curriculum", "/nonexistent/learnpath"],
            74,
            vec!["/nonexistent/learnpath", "does not exist"],
        ),
        case(
            "a curriculum folder that is a file",
            Setup::None,
            vec!["list", "--curriculum", "/etc/hostname"],
            74,
            vec!["/etc/hostname", "is not a folder"],
        ),
        case(
            "a manifest that names a missing folder",
            manifest_with("", "nowhere"),
            validate(),
            65,
            vec!["learnpath.yaml:8", "'nowhere'", "does not exist"],
        ),
        case(
            "a manifest id that cannot name a folder",
            files(&[
                (
                    "learnpath.yaml",
                    b"name: T\nparts: []\nid: ../elsewhere\n".to_vec(),
                ),
                ("one/a.md", ok_doc()),
            ]),
            validate(),
            65,
            vec![
                "learnpath.yaml:3",
                "id '../elsewhere' cannot name the curriculum's progress folder",
            ],
        ),
        case(
            "a role with 0 specializations",
            manifest_with("  - name: idle\n    specializations: []\n", "one"),
            validate(),
            65,
            vec!["learnpath.yaml:", "role 'idle' leads to 0", "choose 1-2"],
        ),
        case(
            "a role with 3 specializations",
            manifest_with(
                "  - name: greedy\n    specializations: [\"1.1\", \"1.2\", \"1.3\"]\n",
                "one",
            ),
            validate(),
            65,
            vec!["role 'greedy' leads to 3", "choose 1-2"],
        ),
        case(
            "an unknown manifest key",
            Setup::Custom(|root| {
                std::fs::write(root.join("learnpath.yaml"), "name: T\nsectoins: []\n").unwrap();
            }),
            validate(),
            65,
            vec!["learnpath.yaml:2", "unknown field `sectoins`"],
        ),
        // Times.
        case(
            "time 0 min",
            one("estimated_time: \"0 min\"\n"),
            validate(),
            65,
            vec!["a.md:2", "estimated_time", "\"0 min\"", "at least 1 minute"],
        ),
        case(
            "time -5 min",
            one("estimated_time: \"-5 min\"\n"),
            validate(),
            65,
            vec!["a.md:2", "\"-5 min\""],
        ),
        case(
            "time 99999 hours",
            one("estimated_time: \"99999 hours\"\n"),
            validate(),
            65,
            vec!["a.md:2", "limit of 100 hours"],
        ),
        case(
            "time 1e309 min",
            one("estimated_time: \"1e309 min\"\n"),
            validate(),
            65,
            vec!["a.md:2", "\"1e309 min\""],
        ),
        case(
            "time empty",
            one("estimated_time: \"\"\n"),
            validate(),
            65,
            vec!["a.md:2", "empty"],
        ),
        case(
            "time without a unit",
            one("estimated_time: 55\n"),
            validate(),
            65,
            vec!["a.md:2", "no unit"],
        ),
        // The graph.
        case(
            "a cycle of 1",
            with_prerequisites(&[("a.md", &["a.md"])]),
            validate(),
            65,
            vec!["a.md:4", "a.md → a.md"],
        ),
        case(
            "a cycle of 2",
            with_prerequisites(&[("a.md", &["b.md"]), ("b.md", &["a.md"])]),
            validate(),
            65,
            vec!["a.md → b.md → a.md"],
        ),
        case(
            "a cycle of 50",
            cycle(50),
            validate(),
            65,
            vec!["c00.md → c01.md → c02.md", "c48.md → c49.md → c00.md"],
        ),
        case(
            "a dangling prerequisite",
            with_prerequisites(&[("basics/intro.md", &[]), ("b.md", &["basics/intor.md"])]),
            validate(),
            65,
            vec![
                "b.md:4",
                "'basics/intor.md' names no document",
                "did you mean 'basics/intro.md'",
            ],
        ),
        case(
            "a prerequisite outside the root",
            with_prerequisites(&[("a.md", &["../x.md"])]),
            validate(),
            65,
            vec!["a.md:4", "points outside the curriculum folder"],
        ),
        // Progress files.
        progress(
            "an empty progress file",
            b"",
            vec!["status"],
            65,
            vec!["{progress}", "empty"],
        ),
        progress(
            "a progress file of another schema",
            b"schema_version: 9\ndone: []\n",
            vec!["plan", "--spec", "3.1", "--hours", "5"],
            65,
            vec!["{progress}:1", "schema_version 9"],
        ),
        progress(
            "an invalid progress file",
            b"schema_version: 1\ndone: [\n",
            vec!["done", "01_modern_topology"],
            65,
            vec!["{progress}", "invalid YAML"],
        ),
        progress(
            "a progress file listing unknown documents",
            b"schema_version: 1\ndone:\n- path: gone/away.md\n  date: 2027-01-04\n",
            vec!["status"],
            0,
            vec!["gone/away.md", "kept in the file"],
        ),
        case(
            "a progress file in an unwritable place",
            Setup::None,
            vec![
                "done",
                "01_modern_topology",
                "--progress",
                "/proc/learnpath/progress.yaml",
            ],
            74,
            vec!["/proc/learnpath"],
        ),
        case(
            "a progress file on a read-only file system",
            Setup::None,
            vec![
                "done",
                "01_modern_topology",
                "--progress",
                "/sys/learnpath-progress.yaml",
            ],
            74,
            vec!["/sys/learnpath-progress.yaml"],
        ),
        // Arguments.
        case(
            "hours that are not a number",
            Setup::None,
            plan_with(&["--hours", "lots"]),
            2,
            vec!["'lots' is not a number of hours"],
        ),
        case(
            "hours over the week",
            Setup::None,
            plan_with(&["--hours", "200"]),
            2,
            vec!["more than 112"],
        ),
        case(
            "an unknown day",
            Setup::None,
            plan_with(&["--hours", "5", "--days", "mon,blursday"]),
            2,
            vec!["unknown day 'blursday'"],
        ),
        case(
            "no days",
            Setup::None,
            plan_with(&["--hours", "5", "--days", ","]),
            2,
            vec!["no study days"],
        ),
        case(
            "an impossible date",
            Setup::None,
            vec![
                "plan",
                "--spec",
                "3.1",
                "--hours",
                "5",
                "--start",
                "2026-02-30",
            ],
            2,
            vec!["'2026-02-30' is not a date"],
        ),
        case(
            "a session too short",
            Setup::None,
            plan_with(&["--hours", "5", "--session", "5min"]),
            2,
            vec!["outside 15 min to 8 h"],
        ),
        case(
            "a session in days",
            Setup::None,
            plan_with(&["--hours", "5", "--session", "2 days"]),
            2,
            vec!["unknown unit 'days'"],
        ),
        case(
            "an unknown role",
            Setup::None,
            vec!["plan", "--role", "astronaut", "--hours", "5"],
            2,
            vec!["unknown role 'astronaut'", "storage engineer"],
        ),
        case(
            "an unknown specialization",
            Setup::None,
            vec!["plan", "--spec", "9.9", "--hours", "5"],
            2,
            vec!["unknown specialization '9.9'"],
        ),
        case(
            "an unknown document",
            Setup::None,
            vec!["show", "01_pfc_dcb_storag"],
            2,
            vec!["unknown document '01_pfc_dcb_storag'", "01_pfc_dcb_storage"],
        ),
        case(
            "three specializations",
            Setup::None,
            vec![
                "plan", "--spec", "3.1", "--spec", "3.2", "--spec", "3.3", "--hours", "5",
            ],
            2,
            vec!["choose 1-2 specializations"],
        ),
        case(
            "-o onto a folder",
            Setup::None,
            vec![
                "export", "--spec", "3.1", "--hours", "5", "--format", "ics", "-o", "/tmp",
            ],
            2,
            vec!["'/tmp' is a folder"],
        ),
        case(
            "--by before --start",
            Setup::None,
            vec![
                "plan",
                "--spec",
                "3.1",
                "--by",
                "2027-01-01",
                "--start",
                "2027-02-01",
            ],
            2,
            vec!["earlier than the start date"],
        ),
    ]
}

#[test]
fn every_bad_input_gets_a_clear_error() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("curriculum");
        std::fs::create_dir(&root).unwrap();
        match &case.setup {
            Setup::None => {}
            Setup::Files(list) => {
                for (path, bytes) in list {
                    let path = root.join(path);
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(path, bytes).unwrap();
                }
            }
            Setup::Custom(make) => make(&root),
        }
        let progress_file = dir.path().join("progress.yaml");
        if let Some(content) = case.progress {
            std::fs::write(&progress_file, content).unwrap();
        }
        let root_text = root.display().to_string();
        let progress_text = progress_file.display().to_string();
        let fill = |text: &str| {
            text.replace("{root}", &root_text)
                .replace("{progress}", &progress_text)
        };
        let args: Vec<String> = case.args.iter().map(|arg| fill(arg)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = common::Run::with_env(&args, &[("LEARNPATH_PROGRESS", &progress_text)]);
        let said = format!("{}{}", run.stdout, run.stderr);
        assert_eq!(run.code, case.code, "{}: {args:?}\n{said}", case.name);
        for word in &case.words {
            assert!(
                said.contains(&fill(word)),
                "{}: lacks {word:?}:\n{said}",
                case.name
            );
        }
        if let Some(content) = case.progress {
            assert_eq!(
                std::fs::read(&progress_file).unwrap(),
                content,
                "{}: the progress file changed",
                case.name
            );
        }
    }
}

/// Permissions cannot stop root, so this case runs only where they apply (not as root).
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.md");
    std::fs::write(&page, ok_doc()).unwrap();
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&page).is_ok() {
        eprintln!("skipped: running as root, permissions do not apply");
        return;
    }
    let root = dir.path().display().to_string();
    common::learnpath(&["validate", "--curriculum", &root])
        .code(74)
        .stderr_has(&["a.md", "ermission denied"]);
}
