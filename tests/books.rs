//! Books and course sites read in their own order: each fixture under tests/fixtures/books
//! against its `NAME.expected.yaml` (which tests/books_tools.rs checks against the format's own
//! tool where one exists), and plans for a chapter through the command line.

mod common;

use common::books::{Entry, Expected};
use common::learnpath;
use learnpath::curriculum::{Source, load};
use std::path::PathBuf;

fn root(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/books")
        .join(name)
}

fn expected(name: &str) -> Expected {
    let text = std::fs::read_to_string(root(&format!("{name}.expected.yaml"))).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// What learnpath read: every document in the table's order, as the expected files write it.
fn read(name: &str) -> (String, Vec<Entry>, Vec<String>, Vec<String>) {
    let loaded = load(&Source::Dir(root(name))).unwrap();
    let curriculum = loaded.curriculum;
    let table = curriculum.table.as_ref().expect("a table of contents");
    let entries = table
        .order
        .iter()
        .map(|&id| {
            let doc = curriculum.doc(id);
            let section = doc.section.map(|section| curriculum.section(section));
            Entry {
                path: doc.path.clone(),
                title: doc.title.clone(),
                section: section.map(|s| s.title.clone()).unwrap_or_default(),
                part: section.map(|s| s.part.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let paths = curriculum.docs.iter().map(|doc| doc.path.clone()).collect();
    (
        table.kind.name().to_string(),
        entries,
        table.drafts.clone(),
        paths,
    )
}

fn check(name: &str) {
    let expected = expected(name);
    let (kind, entries, drafts, paths) = read(name);
    assert_eq!(kind, expected.kind, "{name}: kind");
    let found: Vec<&str> = entries.iter().map(|entry| entry.path.as_str()).collect();
    let wanted: Vec<&str> = expected
        .order
        .iter()
        .map(|entry| entry.path.as_str())
        .collect();
    assert_eq!(found, wanted, "{name}: order");
    for (entry, wanted) in entries.iter().zip(&expected.order) {
        assert_eq!(entry, wanted, "{name}: {}", wanted.path);
    }
    assert_eq!(drafts, expected.drafts, "{name}: drafts");
    for page in &expected.not_pages {
        assert!(
            !paths.contains(page),
            "{name}: {page} is not a page of the course"
        );
    }
}

#[test]
fn an_mdbook_is_read_in_its_summarys_order() {
    check("mdbook");
}

#[test]
fn a_numbered_tutorial_is_read_in_its_numbers_order() {
    check("numbered");
}

#[test]
fn a_docusaurus_site_is_read_by_positions_and_categories() {
    check("docusaurus");
}

#[test]
fn a_jupyter_book_is_read_in_its_tocs_order() {
    check("jupyter-book");
}

#[test]
fn a_hugging_face_course_is_read_in_its_toctrees_order() {
    check("hf-course");
}

#[test]
fn an_mkdocs_site_is_read_in_its_navs_order() {
    check("mkdocs");
    check("mkdocs-content");
}

/// The documents of a plan in the order it studies them (a split document once).
fn planned(args: &[&str]) -> Vec<String> {
    let mut all = vec![
        "plan",
        "--start",
        "2027-01-04",
        "--hours",
        "6",
        "--today",
        "2027-01-04",
    ];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = learnpath(&all).code(0);
    let plan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut paths: Vec<String> = Vec::new();
    for session in plan["sessions"].as_array().unwrap() {
        // The order of new material; reviews come back to pages already studied.
        let studied =
            (session["items"].as_array().unwrap().iter()).filter(|item| item["kind"].is_null());
        for item in studied {
            let path = item["path"].as_str().unwrap().to_string();
            if paths.last() != Some(&path) {
                paths.push(path);
            }
        }
    }
    paths
}

/// For each chapter of a fixture: the plan toward it (named by its title) holds exactly its
/// pages and every page before them, in the table's order.
fn chapters_plan_what_comes_before(name: &str) {
    let expected = expected(name);
    let folder = root(name).display().to_string();
    let mut chapters: Vec<&str> = expected.order.iter().map(|e| e.section.as_str()).collect();
    chapters.dedup();
    for chapter in chapters {
        let last = expected
            .order
            .iter()
            .rposition(|e| e.section == chapter)
            .unwrap();
        let wanted: Vec<&str> = expected.order[..=last]
            .iter()
            .map(|e| e.path.as_str())
            .collect();
        let found = planned(&["--curriculum", &folder, "--target", chapter]);
        assert_eq!(found, wanted, "{name}: --target {chapter:?}");
    }
}

#[test]
fn a_chapter_plans_with_everything_before_it_in_every_kind() {
    let kinds = [
        "mdbook",
        "numbered",
        "docusaurus",
        "jupyter-book",
        "hf-course",
        "mkdocs",
    ];
    for name in kinds {
        chapters_plan_what_comes_before(name);
    }
}

#[test]
fn done_through_an_entry_leaves_what_follows_it() {
    let expected = expected("mdbook");
    let folder = root("mdbook").display().to_string();
    let progress = tempfile::tempdir().unwrap();
    let file = progress.path().join("progress.yaml").display().to_string();
    let through = &expected.order[4];
    let done = [
        "--curriculum",
        &folder,
        "--progress",
        &file,
        "--today",
        "2027-01-04",
    ];
    let mut args = done.to_vec();
    args.extend(["done", "--through", &through.path, "--on", "2027-01-03"]);
    learnpath(&args).code(0).stdout_has(&["5 documents done"]);
    let mut args = done[..4].to_vec();
    args.extend(["--target", "Glossary"]);
    let found = planned(&args);
    let wanted: Vec<&str> = expected.order[5..]
        .iter()
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(found, wanted);
}

#[test]
fn pages_a_study_page_requires_are_planned_and_hubs_are_not() {
    let hugo = expected("hugo");
    let project = hugo.project.clone().unwrap();
    let folder = root("hugo").display().to_string();
    let found = planned(&["--curriculum", &folder, "--target", &project]);
    assert_eq!(found.last(), Some(&project));
    let mut wanted: Vec<&str> = hugo
        .plan_for_project
        .iter()
        .map(|p| p.path.as_str())
        .collect();
    wanted.push(&project);
    let mut sorted = found.clone();
    sorted.sort();
    wanted.sort();
    assert_eq!(sorted, wanted);
    for page in hugo.hubs.iter().chain(&hugo.not_in_plan) {
        assert!(!found.contains(page), "{page} is not planned");
    }
    let curriculum = load(&Source::Dir(root("hugo"))).unwrap().curriculum;
    for page in &hugo.plan_for_project {
        let doc = curriculum
            .docs
            .iter()
            .find(|doc| doc.path == page.path)
            .unwrap();
        assert_eq!(doc.title, page.title);
        assert_eq!(doc.estimated, page.time == "estimated", "{}", page.path);
    }
}

/// One line of a random SUMMARY.md: a part title, a draft or a chapter at a depth.
#[derive(Debug, Clone)]
enum Line {
    Part,
    Draft(usize),
    Chapter(usize, usize),
}

fn summary_lines() -> impl proptest::strategy::Strategy<Value = Vec<Line>> {
    use proptest::prelude::*;
    let line = prop_oneof![
        1 => Just(Line::Part),
        1 => (0usize..3).prop_map(Line::Draft),
        6 => (0usize..4, 1usize..900).prop_map(|(depth, words)| Line::Chapter(depth, words)),
    ];
    proptest::collection::vec(line, 1..40)
}

/// A book in memory from the lines: its SUMMARY.md, its pages, and their paths in order.
fn book(lines: &[Line]) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut summary = String::from("# Summary\n\n");
    let mut files = vec![("book.toml".to_string(), b"[book]\n".to_vec())];
    let mut order = Vec::new();
    let mut depth_now = 0;
    for (index, line) in lines.iter().enumerate() {
        match line {
            Line::Part => summary.push_str(&format!("\n# Part {index}\n\n")),
            Line::Draft(depth) => {
                let depth = (*depth).min(depth_now + 1);
                summary.push_str(&format!("{}- [Draft {index}]()\n", "  ".repeat(depth)));
            }
            Line::Chapter(depth, words) => {
                let depth = (*depth).min(depth_now + 1);
                depth_now = depth;
                // Names out of the table's order, so that path order is no help.
                let path = format!("p{:02}.md", (index * 37) % 41);
                summary.push_str(&format!(
                    "{}- [Chapter {index}]({path})\n",
                    "  ".repeat(depth)
                ));
                let body = format!("# Page {index}\n\n{}\n", "word ".repeat(*words));
                files.push((format!("src/{path}"), body.into_bytes()));
                order.push(format!("src/{path}"));
            }
        }
    }
    files.push(("src/SUMMARY.md".to_string(), summary.into_bytes()));
    (files, order)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn a_random_table_of_contents_plans_in_its_order(lines in summary_lines()) {
        use learnpath::plan::{DoneSet, Planner, Selection, Settings, WeeklyMinutes};
        let (files, order) = book(&lines);
        proptest::prop_assume!(!order.is_empty());
        let opened = learnpath::open(&Source::Memory(std::sync::Arc::new(files))).unwrap();
        let curriculum = &opened.curriculum;
        let last = curriculum.find_doc(order.last().unwrap()).unwrap();
        let selection = Selection::documents(vec![last], vec!["last".to_string()]);
        let done = DoneSet::of(curriculum, []);
        let planner = Planner::new(curriculum, &opened.graph, selection, &done);
        let start = "2027-01-04".parse().unwrap();
        let settings = Settings::new(start, WeeklyMinutes::from_hours(3.0).unwrap(), None, None);
        let plan = planner.plan(&settings).unwrap();
        let mut paths: Vec<String> = Vec::new();
        for item in plan.sessions.iter().flat_map(|session| &session.items) {
            if paths.last() != Some(&item.path) {
                paths.push(item.path.clone());
            }
        }
        proptest::prop_assert_eq!(paths, order);
    }
}

#[test]
fn exercises_add_their_time_to_their_lesson_and_are_never_planned() {
    let expected = expected("numbered");
    let with = load(&Source::Dir(root("numbered"))).unwrap().curriculum;
    // The same lesson read alone, without its exercise folders: its own time.
    for (lesson, tasks) in &expected.exercises {
        let folder = tempfile::tempdir().unwrap();
        let page = folder.path().join("01-lesson/article.md");
        std::fs::create_dir_all(page.parent().unwrap()).unwrap();
        std::fs::copy(root("numbered").join(lesson), &page).unwrap();
        std::fs::write(folder.path().join("02-next.md"), "# Next\n\nMore words.\n").unwrap();
        let alone = load(&Source::Dir(folder.path().to_path_buf()))
            .unwrap()
            .curriculum;
        let own = alone
            .docs
            .iter()
            .find(|d| d.path.ends_with("article.md"))
            .unwrap()
            .minutes;
        let mut exercises = 0;
        for task in tasks {
            let solution = task.replace("task.md", "solution.md");
            for page in [task, &solution] {
                assert!(
                    with.docs.iter().all(|doc| &doc.path != page),
                    "{page} is not planned"
                );
                assert!(
                    with.other_pages.exercises.contains(page),
                    "{page} is an exercise"
                );
                let body = std::fs::read_to_string(root("numbered").join(page)).unwrap();
                exercises += learnpath::curriculum::estimate::estimate(&body, 6000).minutes;
            }
        }
        let doc = with.docs.iter().find(|doc| &doc.path == lesson).unwrap();
        assert!(exercises > 0);
        assert_eq!(doc.minutes, own + exercises, "{lesson}");
    }
}

#[test]
fn init_writes_the_table_it_found_and_the_course_plans_the_same() {
    let folder = tempfile::tempdir().unwrap();
    let book = folder.path().join("book");
    common::copy_dir(&root("mdbook"), &book);
    let book = book.display().to_string();
    let before = planned(&["--curriculum", &book, "--target", "Transport"]);
    learnpath(&["init", &book]).code(0);
    let manifest = std::fs::read_to_string(format!("{book}/learnpath.yaml")).unwrap();
    assert!(
        manifest.contains("order:\n  kind: mdbook\n  file: src/SUMMARY.md\n"),
        "{manifest}"
    );
    let after = planned(&["--curriculum", &book, "--target", "Transport"]);
    assert_eq!(after, before);
    assert_eq!(after.len(), 11);
}

/// A book in memory: `book.toml`, a SUMMARY.md listing `count` pages in one chain, and the
/// pages, each a heading and a few words.
fn long_book(count: usize) -> Vec<(String, Vec<u8>)> {
    let mut summary = String::from("# Summary\n\n");
    let mut files = vec![("book.toml".to_string(), b"[book]\n".to_vec())];
    for index in 0..count {
        summary.push_str(&format!("- [Page {index}](p{index}.md)\n"));
        files.push((
            format!("src/p{index}.md"),
            format!("# P{index}\n\nwords\n").into_bytes(),
        ));
    }
    files.push(("src/SUMMARY.md".to_string(), summary.into_bytes()));
    files
}

#[test]
fn a_book_of_25000_pages_is_one_chain_read_whole() {
    // Its SUMMARY.md (about 700 KiB) is past the 128 KiB a page is read to; the chain is deeper
    // than a recursive walk of the graph could go.
    let files = long_book(25_000);
    let opened = learnpath::open(&Source::Memory(std::sync::Arc::new(files))).unwrap();
    let curriculum = &opened.curriculum;
    assert_eq!(curriculum.table.as_ref().unwrap().order.len(), 25_000);
    let last = curriculum.find_doc("p24999").unwrap();
    assert_eq!(opened.graph.ancestors([last]).len(), 24_999);
}

#[test]
fn the_shallowest_table_wins_and_what_it_leaves_out_is_counted() {
    let folder = common::folder(&[
        (
            "mkdocs.yml",
            "site_name: S\nnav:\n  - One: one.md\n  - Two: two.md\n  - Again: one.md\n  - Out: ../../outside.md\n",
        ),
        ("docs/one.md", "# One\n\nwords\n"),
        ("docs/two.md", "# Two\n\nwords\n"),
        ("docs/spare.md", "# Spare\n\nwords\n"),
        ("examples/tiny/book.toml", "[book]\n"),
        ("examples/tiny/src/SUMMARY.md", "- [Tiny](tiny.md)\n"),
        ("examples/tiny/src/tiny.md", "# Tiny\n"),
    ]);
    let run = learnpath(&["--curriculum", &folder.root, "validate"]).code(0);
    run.stdout_has(&[
        "order: the mkdocs table mkdocs.yml, 2 pages",
        "'one.md' is listed again; it is read where it is first listed (line 3)",
        "not in the table of contents, not planned: 3 pages",
        "'../../outside.md' points outside the course folder; left out",
    ]);
}

#[test]
fn a_draft_is_named_as_a_draft_and_an_estimated_time_shows_as_one() {
    let folder = root("mdbook").display().to_string();
    let progress = tempfile::tempdir().unwrap();
    let file = progress.path().join("progress.yaml").display().to_string();
    let args = [
        "--curriculum",
        &folder,
        "--progress",
        &file,
        "done",
        "--through",
        "Not written yet",
    ];
    learnpath(&args)
        .code(2)
        .stderr_has(&["'Not written yet' is a draft in the table of contents"]);
    assert!(!std::path::Path::new(&file).exists(), "nothing is written");
    learnpath(&["--curriculum", &folder, "show", "Subnets"])
        .code(0)
        .stdout_has(&["  time:    ~", " (from its words)"]);
}
