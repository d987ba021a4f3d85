//! The command line, end to end: output, exit codes and messages.

mod common;

use common::{fixture, learnpath};
use std::path::PathBuf;

#[test]
fn list_shows_the_five_specializations_with_times() {
    let run = learnpath(&["list"]).code(0).stdout_has(&[
        "Storage & RDMA Applications",
        "55 min",
        "5 h 50 min",
        "3 h 20 min",
        "2 h 20 min",
        "2 h 40 min",
    ]);
    insta::assert_snapshot!("list", run.stdout);
    let same = learnpath(&["list", "specializations"]).code(0);
    assert_eq!(same.stdout, run.stdout);
}

#[test]
fn validate_embedded_is_clean_but_for_warnings() {
    let run = learnpath(&["validate", "--format", "json"]).code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["counts"]["documents"], 65);
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    assert!(!report["warnings"].as_array().unwrap().is_empty());
    insta::assert_snapshot!("validate_json", run.stdout);
    learnpath(&["validate"])
        .code(0)
        .stdout_has(&["65 study documents", "ok: 0 errors"]);
}

#[test]
fn list_docs_of_one_specialization_and_roles_as_json() {
    learnpath(&["list", "docs", "--spec", "3.2"])
        .code(0)
        .stdout_has(&["01_vxlan_geneve_bgp.md", "7 documents, 5 h 50 min"]);
    let all = learnpath(&["list", "docs", "--format", "json"]).code(0);
    let docs: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 65);
    let roles = learnpath(&["list", "roles", "--format", "json"]).code(0);
    let roles: serde_json::Value = serde_json::from_str(&roles.stdout).unwrap();
    let storage = roles
        .as_array()
        .unwrap()
        .iter()
        .find(|role| role["name"] == "storage engineer")
        .unwrap();
    assert_eq!(storage["specializations"], serde_json::json!(["3.1"]));
}

#[test]
fn show_gives_prerequisites_dependents_and_link() {
    learnpath(&["show", "03_converged_ethernet"]).code(0).stdout_has(&[
        "RoCE and Converged Ethernet Explained",
        "Prerequisites:\n  02_intermediate/02_rdma/02_protocol_variants.md",
        "All prerequisites (6 documents, 3 h 50 min)",
        "05_specialized/01_storage/01_pfc_dcb_storage.md",
        "https://github.com/skeptomai/datacenter-curriculum/blob/main/docs/02_intermediate/02_rdma/03_converged_ethernet.md",
    ]);
    let json = learnpath(&["show", "02_rdma/03_converged_ethernet", "--format", "json"]).code(0);
    let detail: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(detail["minutes"], 50);
    assert_eq!(detail["needed_by_all"], 2);
}

#[test]
fn a_copy_of_the_curriculum_with_one_broken_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("curriculum"),
        dir.path(),
    );
    let broken = dir
        .path()
        .join("02_intermediate/02_rdma/02_protocol_variants.md");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replace(
            "estimated_time: \"45 min\"",
            "estimated_time: \"45 minuets\"",
        ),
    )
    .unwrap();
    let root = dir.path().display().to_string();
    learnpath(&["validate", "--curriculum", &root])
        .code(65)
        .stdout_has(&[
            "02_protocol_variants.md:3",
            "estimated_time",
            "45 minuets",
            "unknown unit 'minuets'",
        ]);
    // Planning goes ahead without the page and what requires it, naming the problem.
    learnpath(&["list", "--curriculum", &root])
        .code(0)
        .stderr_has(&[
            "left out of plans: 1 page with errors and 3 documents that require one",
            "02_protocol_variants.md:3",
        ]);
}

#[test]
fn the_environment_variable_chooses_the_curriculum() {
    common::Run::with_env(
        &["list", "docs"],
        &[("LEARNPATH_CURRICULUM", &fixture("messy"))],
    )
    .code(0)
    .stdout_has(&["basics/03_bom.md"]);
}

#[test]
fn no_arguments_prints_a_quick_start() {
    learnpath(&[])
        .code(0)
        .stdout_has(&["Quick start", "learnpath list"]);
}

const STORAGE_PLAN: &[&str] = &[
    "plan",
    "--role",
    "storage engineer",
    "--hours",
    "5",
    "--start",
    "2027-01-04",
];

#[test]
fn plan_snapshots_for_the_storage_engineer() {
    let table = learnpath(STORAGE_PLAN).code(0).stdout_has(&[
        "Mon 2027-01-04",
        "RDMA complete",
        "12 documents",
    ]);
    insta::assert_snapshot!("plan_table", table.stdout);
    let json = learnpath(&[STORAGE_PLAN, &["--format", "json"]].concat()).code(0);
    let plan: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(plan["schema_version"], 1);
    assert_eq!(plan["sessions"][0]["date"], "2027-01-04");
    insta::assert_snapshot!("plan_json", json.stdout);
    let markdown = learnpath(&[STORAGE_PLAN, &["--format", "markdown"]].concat())
        .code(0)
        .stdout_has(&["## Week 2027-W01", "- [ ] [PFC, DCB, and RDMA in Storage, part 1/2 (40 min)](https://github.com/skeptomai/datacenter-curriculum/blob/main/docs/05_specialized/01_storage/01_pfc_dcb_storage.md)"]);
    insta::assert_snapshot!("plan_markdown", markdown.stdout);
    // Same inputs, same bytes.
    assert_eq!(learnpath(STORAGE_PLAN).stdout, table.stdout);
}

#[test]
fn plan_leaves_out_what_is_done_and_splits_long_documents() {
    learnpath(&[
        "plan",
        "--spec",
        "3.1",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
        "--done",
        "01_modern_topology,02_server_hierarchy",
    ])
    .code(0)
    .stdout_has(&["7 documents", "(2 already done)"]);
    learnpath(&[
        "plan",
        "--spec",
        "3.3",
        "--hours",
        "2",
        "--session",
        "45min",
        "--start",
        "2027-01-04",
    ])
    .code(0)
    .stdout_has(&["part 1/2", "part 2/2"]);
}

#[test]
fn plan_by_finds_the_fewest_weekly_hours() {
    let run = learnpath(&[
        "plan",
        "--spec",
        "3.2",
        "--by",
        "2027-02-01",
        "--start",
        "2027-01-04",
    ])
    .code(0)
    .stdout_has(&["To finish by 2027-02-01, study"]);
    let hours: f64 = run
        .stdout
        .split("study ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let finish = |h: f64| {
        let json = learnpath(&[
            "plan",
            "--spec",
            "3.2",
            "--hours",
            &h.to_string(),
            "--start",
            "2027-01-04",
            "--format",
            "json",
        ]);
        let plan: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        plan["summary"]["finish_date"].as_str().unwrap().to_string()
    };
    assert!(finish(hours).as_str() <= "2027-02-01");
    assert!(
        finish(hours - 0.5).as_str() > "2027-02-01",
        "half an hour less would be enough"
    );
    learnpath(&[
        "plan",
        "--spec",
        "3.2",
        "--by",
        "2027-01-05",
        "--start",
        "2027-01-04",
    ])
    .code(1)
    .stdout_has(&["No weekly hours are enough to finish by 2027-01-05"]);
}

#[test]
fn check_exits_1_when_prerequisites_are_missing() {
    learnpath(&["check", "3.1"])
        .code(1)
        .stdout_has(&["not ready: 0 of 8 met; 8 missing (5 h 20 min)"]);
    let done = "01_modern_topology,02_server_hierarchy,03_3tier_vs_spine_leaf,04_ecmp_load_balancing,01_rdma_fundamentals,02_protocol_variants,03_converged_ethernet,04_numa_considerations";
    learnpath(&["check", "3.1", "--done", done])
        .code(0)
        .stdout_has(&["ready: all 8 prerequisites met"]);
    let json = learnpath(&["check", "01_tlb_ept_explained", "--format", "json"]).code(1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["ready"], false);
}

#[test]
fn next_and_why_answer_for_a_role() {
    learnpath(&[
        "next",
        "--role",
        "storage engineer",
        "--done",
        "01_modern_topology",
    ])
    .code(0)
    .stdout_has(&["01_the_ring0_problem.md", "02_server_hierarchy.md"]);
    learnpath(&["why", "01_modern_topology", "--spec", "3.1"])
        .code(0)
        .stdout_has(&[
            "needed for 3.1 Storage & RDMA Applications",
            "requires 01_foundations/02_datacenter_topology/01_modern_topology.md",
        ]);
    learnpath(&["why", "01_the_ring0_problem", "--spec", "3.1"])
        .code(1)
        .stdout_has(&["not in this plan"]);
}

#[test]
fn list_format_may_come_before_the_subcommand() {
    for args in [
        &["list", "--format", "json", "roles"][..],
        &["list", "roles", "--format", "json"][..],
    ] {
        let run = learnpath(args).code(0);
        let roles: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(roles.as_array().unwrap().len(), 8, "{args:?}");
    }
}

#[test]
fn machine_formats_get_no_prose_on_stdout() {
    let run = learnpath(&[
        "plan",
        "--spec",
        "3.2",
        "--by",
        "2027-01-05",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ])
    .code(1)
    .stderr_has(&["No weekly hours are enough"]);
    assert_eq!(run.stdout, "");
    let run = learnpath(&[
        "plan",
        "--spec",
        "3.2",
        "--by",
        "2027-03-01",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ])
    .code(0)
    .stderr_has(&["To finish by 2027-03-01"]);
    assert!(serde_json::from_str::<serde_json::Value>(&run.stdout).is_ok());
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let dev_full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    for args in [&[][..], &["list"][..], &["completions", "bash"][..]] {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("learnpath"))
            .env("LEARNPATH_PROGRESS", common::NO_PROGRESS_FILE)
            .env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME)
            .env_remove("LEARNPATH_PROFILE")
            .args(args)
            .stdout(dev_full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(74), "{args:?}");
        assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    }
}

#[test]
fn a_specialization_without_documents_is_refused() {
    let folder = common::folder(&[("05_specialized/01_storage/README.md", "# Storage\n")]);
    let root = folder.root.clone();
    learnpath(&[
        "plan",
        "--curriculum",
        &root,
        "--spec",
        "3.1",
        "--hours",
        "5",
    ])
    .code(2)
    .stderr_has(&["'3.1 Storage & RDMA Applications' has no study documents"]);
    let status = learnpath(&["status", "--curriculum", &root, "--format", "json"]).code(0);
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["specializations"][0]["percent"], 0);
}

#[test]
fn suggestions_and_follow_on_errors_are_stable_and_precise() {
    let doc = |prerequisite: &str| {
        format!("---\nestimated_time: \"10 min\"\nprerequisites: [{prerequisite}]\n---\n# Doc\n")
    };
    let plain = doc("");
    let mut files: Vec<(String, String)> = ["a", "c", "d", "e", "f", "g", "h"]
        .iter()
        .map(|name| (format!("s/{name}.md"), plain.clone()))
        .collect();
    files.push((
        "s/broken.md".to_string(),
        "---\nestimated_time: soon\n---\n".to_string(),
    ));
    files.push(("z.md".to_string(), doc("s/b.md, s/broken.md, s/b.md")));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let folder = common::folder(&files);
    let root = folder.root.clone();
    let first = learnpath(&["validate", "--curriculum", &root]).code(65);
    for _ in 0..5 {
        assert_eq!(
            learnpath(&["validate", "--curriculum", &root]).stdout,
            first.stdout
        );
    }
    assert_eq!(
        first.stdout.matches("'s/b.md' names no document").count(),
        1,
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("'s/broken.md' has errors (reported above)"),
        "{}",
        first.stdout
    );
}

#[test]
fn manifest_mistakes_are_named_on_their_line() {
    let manifest = "name: Test\nparts:\n  - id: \"1\"\n    title: One\n    sections:\n      - id: \"1.1\"\n        title: One\n        folders: [one]\nspecializations:\n  - section: \"1.1\"\n  - section: \"1.1\"\nroles:\n  - name: r\n    specializations: [\"1.1\", \"1.1\"]\n";
    let folder = common::folder(&[
        ("one/a.md", "---\nestimated_time: \"10 min\"\n---\n# A\n"),
        ("learnpath.yaml", manifest),
    ]);
    let root = folder.root.clone();
    learnpath(&["validate", "--curriculum", &root])
        .code(65)
        .stdout_has(&[
            "learnpath.yaml:11: specializations: specialization '1.1' is listed twice",
            "learnpath.yaml:14: specializations: role 'r' names '1.1' twice",
        ]);
}

#[test]
fn symbolic_links_are_reported_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("basics")).unwrap();
    std::fs::write(
        root.join("basics/a.md"),
        "---\nestimated_time: \"10 min\"\n---\n# A\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(root.join("basics"), root.join("loop")).unwrap();
    std::os::unix::fs::symlink("/", root.join("outside")).unwrap();
    std::os::unix::fs::symlink(root.join("basics/a.md"), root.join("again.md")).unwrap();
    let run = learnpath(&["validate", "--curriculum", &root.display().to_string()]).code(0);
    assert_eq!(
        run.stdout
            .matches("symbolic links are not followed")
            .count(),
        3,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 study document,"), "{}", run.stdout);
}

#[test]
fn the_examples_are_valid() {
    let tiny = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tiny-curriculum");
    learnpath(&["validate", "--curriculum", tiny])
        .code(0)
        .stdout_has(&[
            "10 study documents",
            "3 sections",
            "1 index page,",
            "ok: 0 errors, 0 warnings",
        ]);
    learnpath(&[
        "plan",
        "--curriculum",
        tiny,
        "--role",
        "team developer",
        "--hours",
        "2",
        "--start",
        "2027-01-04",
    ])
    .code(0)
    .stdout_has(&[
        "10 documents, 7 h 15 min",
        "13 reviews: 1 h 5 min",
        "Comfortable with branches",
    ]);
    let progress = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/progress.yaml");
    learnpath(&["status", "--progress", progress])
        .code(0)
        .stdout_has(&["3 documents done: 1 h 30 min of estimated time"]);
}

#[test]
fn odd_titles_and_names_cannot_break_the_outputs() {
    let manifest = "name: 'Odd \\q \"name\"'\nparts:\n  - id: \"1\"\n    title: One\n    sections:\n      - id: \"1.1\"\n        title: One\n        folders: [one]\nspecializations:\n  - section: \"1.1\"\n";
    let folder = common::folder(&[
        (
            "one/a.md",
            // `<b>` in code, so that it stays in the plain-text title for the outputs to escape.
            "---\nestimated_time: \"30 min\"\ntitle: \"bell\\a `<b>` [c] \\\"q\\\" \\\\ end\"\n---\n",
        ),
        ("learnpath.yaml", manifest),
    ]);
    let root = folder.root.clone();
    let docs = learnpath(&["list", "docs", "--curriculum", &root, "--format", "json"])
        .code(0)
        .stdout;
    let docs: serde_json::Value = serde_json::from_str(&docs).unwrap();
    let title = docs[0]["title"].as_str().unwrap();
    assert!(!title.chars().any(char::is_control), "{title:?}");
    // The bell is a space, and runs of spaces one.
    assert_eq!(title, "bell <b> [c] \"q\" \\ end");
    // The SVG is still XML, the calendar has no bare control characters, Mermaid's title is YAML.
    let svg = learnpath(&["graph", "--curriculum", &root]).code(0).stdout;
    roxmltree::Document::parse(&svg).expect("well-formed XML");
    let ics = learnpath(&[
        "export",
        "--curriculum",
        &root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--format",
        "ics",
        "--tz",
        "UTC",
    ])
    .code(0)
    .stdout;
    assert!(
        !ics.replace("\r\n", "").chars().any(char::is_control),
        "{ics}"
    );
    let mermaid = learnpath(&["graph", "--curriculum", &root, "--format", "mermaid"])
        .code(0)
        .stdout;
    assert!(
        mermaid.contains("title: \"Odd \\\\q \\\"name\\\"\"\n"),
        "{mermaid}"
    );
    assert!(mermaid.contains("#lt;b#gt;"), "{mermaid}");
    let markdown = learnpath(&[
        "plan",
        "--curriculum",
        &root,
        "--spec",
        "1.1",
        "--hours",
        "2",
        "--format",
        "markdown",
    ])
    .code(0)
    .stdout;
    assert!(markdown.contains("&lt;b> \\[c\\]"), "{markdown}");
}

#[test]
fn the_svg_is_the_same_every_time() {
    let first = learnpath(&["graph", "--spec", "3.2"]).code(0).stdout;
    for _ in 0..4 {
        assert_eq!(learnpath(&["graph", "--spec", "3.2"]).stdout, first);
    }
}

#[test]
fn a_symlinked_progress_file_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.yaml");
    std::fs::write(&real, "schema_version: 1\ndone: []\n").unwrap();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    learnpath(&[
        "done",
        "01_the_ring0_problem",
        "--progress",
        &link.display().to_string(),
    ])
    .code(0);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().is_symlink(),
        "the link stays a link"
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("01_the_ring0_problem.md")
    );
}

#[test]
fn an_empty_environment_variable_counts_as_unset() {
    common::Run::with_env(
        &["list"],
        &[("LEARNPATH_CURRICULUM", ""), ("LEARNPATH_TODAY", "")],
    )
    .code(0)
    .stdout_has(&["Storage & RDMA Applications"]);
}
