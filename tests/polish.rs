//! Pictures of the graph and fitting into the shell: graph formats, completions, man page,
//! colors, closed pipes and help.

mod common;

use common::learnpath;
use std::io::Read;
use std::process::{Command, Stdio};

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("learnpath")
}

#[test]
fn dot_and_mermaid_snapshots_for_3_4() {
    let dot = learnpath(&["graph", "--spec", "3.4", "--format", "dot"])
        .code(0)
        .stdout;
    assert!(
        dot.contains("subgraph cluster_2 {\n    label=\"3.4 CPU & Memory Virtualization\";"),
        "{dot}"
    );
    assert!(dot.contains("penwidth=3"), "targets are marked");
    insta::assert_snapshot!("graph_dot_3_4", dot);
    let mermaid = learnpath(&["graph", "--spec", "3.4", "--format", "mermaid"])
        .code(0)
        .stdout;
    assert!(mermaid.contains("flowchart LR\n"));
    assert!(
        mermaid.contains("class d4,d5,legend_target target"),
        "{mermaid}"
    );
    insta::assert_snapshot!("graph_mermaid_3_4", mermaid);
}

#[test]
fn the_svg_is_well_formed_with_one_node_per_document() {
    let svg = learnpath(&["graph", "--format", "svg"]).code(0).stdout;
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    let first_lines: Vec<String> = document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|text| text.children().find(|child| child.is_element()))
        .filter_map(|tspan| tspan.text().map(str::to_string))
        .collect();
    let list = learnpath(&["list", "docs", "--format", "json"])
        .code(0)
        .stdout;
    let docs: serde_json::Value = serde_json::from_str(&list).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 65);
    for doc in docs {
        let title = doc["title"].as_str().unwrap();
        let count = first_lines
            .iter()
            .filter(|line| line.as_str() == title)
            .count();
        assert_eq!(count, 1, "{title}");
    }
    assert_eq!(
        first_lines
            .iter()
            .filter(|line| line.starts_with("legend: "))
            .count(),
        4
    );
}

#[test]
fn graphviz_accepts_our_dot() {
    let has_dot = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_dot {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install graphviz (see .ci/run)"
        );
        eprintln!("skipped: graphviz is not installed");
        return;
    }
    for args in [
        &["graph", "--format", "dot"][..],
        &["graph", "--role", "storage engineer", "--format", "dot"][..],
    ] {
        let dot = learnpath(args).code(0).stdout;
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), dot.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
    }
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = learnpath(&["completions", shell]).code(0).stdout;
        assert!(script.contains("learnpath"), "{shell}");
        assert!(
            script.contains("plan") && script.contains("export"),
            "{shell}: subcommands"
        );
    }
    learnpath(&["completions", "tcsh"])
        .code(2)
        .stderr_has(&["invalid value 'tcsh'"]);
    learnpath(&["man"])
        .code(0)
        .stdout_has(&[".TH learnpath 1", "plan"]);
}

/// The `learnpath-*(1)` pages a roff page refers to (roff writes a hyphen as `\-`).
fn page_references(roff: &str) -> Vec<String> {
    let text = roff.replace("\\-", "-");
    let mut references = Vec::new();
    for (at, _) in text.match_indices("learnpath-") {
        let name: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if text[at + name.len()..].starts_with("(1)") {
            references.push(format!("{name}.1"));
        }
    }
    references
}

#[test]
fn man_out_writes_every_page_the_pages_refer_to() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("man/man1");
    let run = learnpath(&["man", "--out", &folder.display().to_string()])
        .code(0)
        .stderr_has(&["note: wrote 18 man pages to", "learnpath-list-docs.1"]);
    assert_eq!(run.stdout, "", "the pages go to the folder");
    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    for name in ["learnpath.1", "learnpath-plan.1", "learnpath-list-docs.1"] {
        assert!(written.contains(&name.to_string()), "{written:?}");
    }
    let main = std::fs::read_to_string(folder.join("learnpath.1")).unwrap();
    assert_eq!(
        learnpath(&["man"]).code(0).stdout,
        main,
        "`man` prints the main page"
    );
    assert!(page_references(&main).len() >= 14, "{main}");
    for name in &written {
        let roff = std::fs::read_to_string(folder.join(name)).unwrap();
        let title = format!("\n.TH {} 1 ", name.trim_end_matches(".1"));
        assert!(roff.contains(&title), "{name}: {roff}");
        for reference in page_references(&roff) {
            assert!(written.contains(&reference), "{name} refers to {reference}");
        }
        // Every option and argument (`.TP`, its name, its description) is described.
        let lines: Vec<&str> = roff.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            if *line == ".TP" {
                let body = lines.get(at + 2).copied().unwrap_or_default();
                assert!(
                    !body.is_empty() && !body.starts_with('.'),
                    "{name}: {} has no description",
                    lines[at + 1]
                );
            }
        }
    }
    // Again, over the pages written before.
    learnpath(&["man", "--out", &folder.display().to_string()]).code(0);
    // A file where the folder should be is an I/O error, not a panic.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    learnpath(&["man", "--out", &file.display().to_string()])
        .code(74)
        .stderr_has(&["error:"]);
}

#[test]
fn man_renders_the_pages_when_it_is_installed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    learnpath(&["man", "--out", &folder]).code(0);
    let works = Command::new("man")
        .args(["-l", "/dev/null"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !works {
        eprintln!("skipped: man is not installed");
        return;
    }
    for name in ["learnpath.1", "learnpath-plan.1", "learnpath-list-docs.1"] {
        let output = Command::new("man")
            .arg("-l")
            .arg(dir.path().join(name))
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name}: {text}");
        assert!(text.contains("--today"), "{name}: {text}");
        assert!(text.contains("reproducible"), "{name}: {text}");
    }
}

/// Runs `learnpath` on a pseudo-terminal (util-linux `script`), so that `auto` color applies.
fn on_a_terminal(env: &str, args: &str) -> String {
    let command = format!("stty cols 200 rows 50; {env} {} {args}", binary().display());
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LEARNPATH_PROGRESS", common::NO_PROGRESS_FILE)
        .env("COLUMNS", "200")
        .output()
        .expect("script(1) from util-linux");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn no_color_means_no_escape_codes() {
    let colored = on_a_terminal("env -u NO_COLOR", "list");
    assert!(
        colored.contains('\u{1b}'),
        "a terminal gets color: {colored:?}"
    );
    let plain = on_a_terminal("env NO_COLOR=1", "list");
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    assert!(plain.contains("Storage & RDMA Applications"));
    let never = on_a_terminal("env -u NO_COLOR", "--color never list");
    assert!(!never.contains('\u{1b}'));
    // Piped output has none unless asked for.
    assert!(!learnpath(&["list"]).stdout.contains('\u{1b}'));
    assert!(
        learnpath(&["--color", "always", "list"])
            .stdout
            .contains('\u{1b}')
    );
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let mut child = Command::new(binary())
        .args(["graph", "--format", "svg", "--no-progress"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then hang up, as `| head -1` does.
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn quiet_silences_warnings_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.yaml");
    let path = file.display().to_string();
    let args = ["done", "01_pfc_dcb_storage", "--progress", &path];
    learnpath(&args).code(0).stderr_has(&["warning:"]);
    let quiet = learnpath(&[&args[..], &["-q"]].concat()).code(0);
    assert_eq!(quiet.stderr, "");
    learnpath(&["show", "nope-nothing-here", "-q"])
        .code(2)
        .stderr_has(&["error: unknown document"]);
}

#[test]
fn every_subcommand_help_has_examples() {
    let commands = [
        "plan",
        "export",
        "done",
        "undo",
        "status",
        "check",
        "next",
        "why",
        "graph",
        "completions",
        "man",
        "validate",
        "list",
        "show",
    ];
    for command in commands {
        learnpath(&[command, "--help"])
            .code(0)
            .stdout_has(&["Examples:", &format!("learnpath {command}")]);
    }
    let top = learnpath(&["--help"]).code(0).stdout;
    for command in commands {
        assert!(top.contains(command), "--help lists {command}");
    }
}
