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
    // Each document's box is a group titled with its whole title (its lines may wrap).
    let first_lines: Vec<String> = document
        .descendants()
        .filter(|node| {
            node.has_tag_name("g")
                && node
                    .attribute("class")
                    .is_some_and(|c| c.starts_with("doc "))
        })
        .filter_map(|group| group.children().find(|child| child.has_tag_name("title")))
        .filter_map(|title| title.text().map(str::to_string))
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
    let legend = document
        .descendants()
        .find(|node| node.attribute("class") == Some("legend"))
        .expect("a legend");
    assert_eq!(
        legend.children().filter(|n| n.has_tag_name("text")).count(),
        4
    );
}

#[test]
#[ignore = "needs graphviz's dot (installed by .ci/run)"]
fn graphviz_accepts_our_dot() {
    let graphviz = common::program(&["dot"], &["-V"]);
    for args in [
        &["graph", "--format", "dot"][..],
        &["graph", "--role", "storage engineer", "--format", "dot"][..],
    ] {
        let dot = learnpath(args).code(0).stdout;
        let mut child = Command::new(&graphviz)
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
        .stderr_has(&["note: wrote 30 man pages to", "learnpath-list-docs.1"]);
    assert_eq!(run.stdout, "", "the pages go to the folder");
    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    for name in [
        "learnpath.1",
        "learnpath-plan.1",
        "learnpath-sync.1",
        "learnpath-follow.1",
        "learnpath-replan.1",
        "learnpath-list-docs.1",
    ] {
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
#[ignore = "needs man (installed by .ci/run)"]
fn man_renders_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    learnpath(&["man", "--out", &folder]).code(0);
    let man = common::program(&["man"], &["--version"]);
    for name in [
        "learnpath.1",
        "learnpath-plan.1",
        "learnpath-follow.1",
        "learnpath-replan.1",
        "learnpath-list-docs.1",
    ] {
        let output = Command::new(&man)
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
    let (code, output) = on_a_terminal_of(200, env, args);
    assert_eq!(code, Some(0), "{output}");
    output
}

/// Runs `learnpath` on a pseudo-terminal `columns` wide, as the terminal reports it (no
/// `COLUMNS` unless `env` sets one), with its exit code. Lines end in "\r\n" there: they are
/// given back in '\n'.
fn on_a_terminal_of(columns: u16, env: &str, args: &str) -> (Option<i32>, String) {
    let command = format!(
        "stty cols {columns} rows 50; {env} {} {args}",
        binary().display()
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LEARNPATH_PROGRESS", common::NO_PROGRESS_FILE)
        .env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME)
        .env_remove("LEARNPATH_PROFILE")
        .env_remove("COLUMNS")
        .env_remove("LEARNPATH_TODAY")
        .env_remove("LEARNPATH_CURRICULUM")
        .env("TZ", "UTC")
        .output()
        .expect("script(1) from util-linux");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains("panicked"), "{text}");
    (output.status.code(), text.replace("\r\n", "\n"))
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
        .args(["graph", "--format", "svg", "--no-progress", "--no-profile"])
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
        "sync",
        "done",
        "review",
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

/// `text` without ANSI escape sequences (colors).
fn strip_ansi(text: &str) -> String {
    let mut plain = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            plain.push(c);
        }
    }
    plain
}

/// A line's cells: split at a table's borders, or the whole line outside a table.
fn cells(line: &str) -> Vec<&str> {
    line.split(['│', '┆']).collect()
}

/// Whether the space between words `at` and `at + 1` lies inside a duration: "40 min",
/// "(40 min)", "5.0 h", "1 h 15 min".
fn inside_a_duration(words: &[&str], at: usize) -> bool {
    let unit = |word: &str| word.trim_end_matches([')', ',', '.', ':', ';']).to_string();
    let number = |word: &str| word.ends_with(|c: char| c.is_ascii_digit());
    let next = words[at + 1];
    let minutes_follow = words.get(at + 2).is_some_and(|word| unit(word) == "min");
    (number(words[at]) && ["h", "min"].contains(&unit(next).as_str()))
        || (words[at] == "h" && at > 0 && number(words[at - 1]) && number(next) && minutes_follow)
}

/// Checks what a terminal `columns` wide shows: no line wider (colors not counted; a lone URL
/// may be, so that it stays whole and clickable), and no duration broken between two lines,
/// in prose or in a table's cell.
fn assert_fits(output: &str, columns: usize, what: &str) {
    let lines: Vec<String> = output.lines().map(strip_ansi).collect();
    for line in &lines {
        let lone_url = line.trim().starts_with("https://") && !line.trim().contains(' ');
        assert!(
            line.chars().count() <= columns || lone_url,
            "{what} at {columns}: {} columns: {line}\n{output}",
            line.chars().count()
        );
    }
    for pair in lines.windows(2) {
        let (above, below) = (cells(&pair[0]), cells(&pair[1]));
        if above.len() != below.len() {
            continue;
        }
        for (a, b) in above.iter().zip(&below) {
            let (a, b) = (a.trim(), b.trim());
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let words: Vec<&str> = a.split_whitespace().chain(b.split_whitespace()).collect();
            let junction = a.split_whitespace().count() - 1;
            assert!(
                !inside_a_duration(&words, junction),
                "{what} at {columns}: a duration broken between\n{a}\n{b}\n{output}"
            );
        }
    }
}

/// The text of a table's column, headed `header`, its lines joined by spaces.
fn column_text(output: &str, header: &str) -> String {
    let lines: Vec<String> = output.lines().map(strip_ansi).collect();
    let head = lines
        .iter()
        .find(|line| cells(line).iter().any(|cell| cell.trim() == header))
        .unwrap_or_else(|| panic!("no column {header}:\n{output}"));
    let count = cells(head).len();
    let index = cells(head).iter().position(|c| c.trim() == header).unwrap();
    let text: Vec<&str> = lines
        .iter()
        .map(|line| cells(line))
        .filter(|cells| cells.len() == count)
        .map(|cells| cells[index].trim())
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn format_minutes(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Every document of every session, with its part and time, and every date, are in the table.
fn assert_every_document(output: &str, plan_args: &[&str]) {
    let json = learnpath(&[plan_args, &["--format", "json"]].concat())
        .code(0)
        .stdout;
    let plan: serde_json::Value = serde_json::from_str(&json).unwrap();
    let documents = column_text(output, "documents");
    let dates = column_text(output, "date");
    let sessions = plan["sessions"].as_array().unwrap();
    assert!(sessions.len() > 2);
    for session in sessions {
        let date = session["date"].as_str().unwrap();
        assert!(dates.contains(date), "{date}:\n{output}");
        for item in session["items"].as_array().unwrap() {
            let part = match item.get("part") {
                Some(part) => format!(", part {}/{}", part["index"], part["count"]),
                None => String::new(),
            };
            let minutes = format_minutes(item["minutes"].as_u64().unwrap());
            let label = format!("{}{part} ({minutes})", item["title"].as_str().unwrap());
            assert!(documents.contains(&label), "{label}:\n{output}");
        }
    }
}

#[test]
fn output_fits_a_terminal_of_60_80_or_120_columns() {
    let progress = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/progress.yaml");
    let storage = [
        "plan",
        "--role",
        "'storage engineer'",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
    ];
    let parts = [
        "plan",
        "--spec",
        "3.3",
        "--hours",
        "2",
        "--session",
        "45min",
        "--start",
        "2027-01-04",
    ];
    let others = [
        format!("status --progress {progress}"),
        "next --role 'storage engineer'".to_string(),
        "show 03_converged_ethernet".to_string(),
        "check 3.1".to_string(),
        "why 01_modern_topology --spec 3.1".to_string(),
        "plan --spec 3.2 --by 2027-01-05 --start 2027-01-04".to_string(),
        "list".to_string(),
        "validate".to_string(),
    ];
    for columns in [60, 80, 120] {
        for plan in [&storage[..], &parts[..]] {
            let (code, output) = on_a_terminal_of(columns, "env -u NO_COLOR", &plan.join(" "));
            assert_eq!(code, Some(0), "{output}");
            assert!(output.contains('\u{1b}'), "colored: {output}");
            assert_fits(&output, columns.into(), &plan.join(" "));
            let unquoted: Vec<&str> = plan.iter().map(|arg| arg.trim_matches('\'')).collect();
            assert_every_document(&output, &unquoted);
        }
        for args in &others {
            let (code, output) = on_a_terminal_of(columns, "env -u NO_COLOR", args);
            // `check` finds prerequisites missing, `plan --by` a date it cannot meet.
            let expected = if args.starts_with("check") || args.contains("--by") {
                1
            } else {
                0
            };
            assert_eq!(code, Some(expected), "{args}: {output}");
            assert_fits(&output, columns.into(), args);
        }
    }
}

#[test]
fn a_wide_terminal_shows_what_a_pipe_gets_and_columns_leaves_a_pipe_alone() {
    // Without reviews, whose titles ("review: ...") are too wide for 120 columns.
    let args = [
        "plan",
        "--role",
        "storage engineer",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
        "--no-review",
    ];
    let piped = learnpath(&args).code(0).stdout;
    let (_, terminal) = on_a_terminal_of(
        120,
        "env NO_COLOR=1",
        "plan --role 'storage engineer' --hours 5 --start 2027-01-04 --no-review",
    );
    assert_eq!(terminal, piped, "all of it fits 120 columns");
    let narrow = common::Run::with_env(&args, &[("COLUMNS", "60")]).code(0);
    assert_eq!(narrow.stdout, piped, "COLUMNS counts on a terminal only");
}

#[test]
fn columns_sets_the_width_on_a_terminal() {
    let args = "plan --role 'storage engineer' --hours 5 --start 2027-01-04";
    let (_, output) = on_a_terminal_of(200, "env NO_COLOR=1 COLUMNS=70", args);
    assert_fits(&output, 70, args);
    let has_week = |output: &str| {
        output
            .lines()
            .any(|line| cells(line).iter().any(|cell| cell.trim() == "week"))
    };
    assert!(!has_week(&output), "the week column goes:\n{output}");
    let (_, wide) = on_a_terminal_of(200, "env NO_COLOR=1", args);
    assert!(has_week(&wide), "{wide}");
}

/// The checks above can fail: on what an 80-column terminal showed before lines were laid out
/// for it, a cell's "(50" / "min)" and a summary's "7 h" / "30 min" are caught.
#[test]
fn the_layout_checks_catch_a_broken_duration() {
    let cell = "\
│ 3 ┆ Sat 2027-01-09 ┆ 2027-W01 ┆ ECMP: Corrected (50     ┆ 1 h 25 min ┆ 4.3 h │
│   ┆                ┆          ┆ min)                    ┆            ┆       │
";
    let prose = "  12 documents, 7 h\n  30 min in 5 sessions\n";
    for text in [cell, prose] {
        assert!(std::panic::catch_unwind(|| assert_fits(text, 80, "before")).is_err());
    }
    assert_fits(
        &cell.replace("(50 ", "    ").replace("min)", "    "),
        80,
        "fixed",
    );
}

/// `follow --show` lays its table out as `plan` does: at 80 columns (the terminal's, or
/// `COLUMNS`) and at 60, no line is wider and no "(50 min)" is broken over two lines, a
/// re-plan's past sittings "(as done)" included.
#[test]
fn follow_show_at_80_columns_never_splits_a_duration() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.yaml").display().to_string();
    let run = |today: &str, args: &[&str]| {
        let args = [&["--today", today][..], args].concat();
        common::Run::with_env(&args, &[("LEARNPATH_PROGRESS", &progress)]).code(0)
    };
    run(
        "2027-01-04",
        &[
            "follow",
            "--whole",
            "--spec",
            "3.4",
            "--hours",
            "3",
            "--start",
            "2027-01-04",
        ],
    );
    run(
        "2027-01-11",
        &["done", "01_the_ring0_problem", "--on", "2027-01-04"],
    );
    let env = format!("env NO_COLOR=1 LEARNPATH_PROGRESS={progress}");
    for today in ["2027-01-04", "2027-01-11"] {
        if today == "2027-01-11" {
            run(today, &["replan"]);
        }
        let show = format!("--today {today} follow --show");
        for (columns, env) in [
            (80, env.clone()),
            (60, env.clone()),
            (200, format!("{env} COLUMNS=80")),
        ] {
            let (code, output) = on_a_terminal_of(columns, &env, &show);
            assert_eq!(code, Some(0), "{output}");
            let width = if columns == 200 { 80 } else { columns.into() };
            assert_fits(&output, width, &show);
            assert!(output.contains("(50 min)"), "{output}");
            assert!(output.contains("(1 h 30 min)"), "{output}");
            assert_eq!(
                output.contains("(as done)"),
                today == "2027-01-11",
                "{output}"
            );
        }
    }
}
