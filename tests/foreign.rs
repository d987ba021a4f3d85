//! Curricula not written for learnpath (issue 14), planned unmodified: the five fixtures under
//! tests/fixtures/foreign, each with what a loader must find beside it (NAME.expected.md).

mod common;

use common::learnpath;
use learnpath::{Opened, Source};
use std::path::{Path, PathBuf};

fn foreign(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/foreign")
        .join(name)
}

fn open(name: &str) -> Opened {
    learnpath::open(&Source::Dir(foreign(name))).unwrap()
}

/// The document's prerequisites, as paths.
fn requires(opened: &Opened, path: &str) -> Vec<String> {
    let curriculum = &opened.curriculum;
    let id = curriculum
        .ids()
        .find(|&id| curriculum.doc(id).path == path)
        .unwrap_or_else(|| panic!("{path} is not a study document"));
    curriculum
        .doc(id)
        .prerequisites
        .iter()
        .map(|&p| curriculum.doc(p).path.clone())
        .collect()
}

fn doc<'a>(opened: &'a Opened, path: &str) -> &'a learnpath::Doc {
    opened
        .curriculum
        .docs
        .iter()
        .find(|doc| doc.path == path)
        .unwrap_or_else(|| panic!("{path} is not a study document"))
}

/// The documents of `plan --target ...` in plan order, from its JSON.
/// The documents of a plan toward `targets`, in study order (a split document once).
fn plan(root: &Path, targets: &[&str]) -> Vec<String> {
    let root = root.display().to_string();
    let mut args = vec![
        "--no-progress",
        "--no-profile",
        "--curriculum",
        &root,
        "plan",
        "--hours",
        "5",
        "--start",
        "2027-01-04",
        "--format",
        "json",
    ];
    for target in targets {
        args.extend(["--target", target]);
    }
    let run = learnpath(&args).code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|session| session["items"].as_array().unwrap().clone())
        // New material only: reviews come back to documents already studied.
        .filter(|item| item["kind"].is_null())
        .map(|item| item["path"].as_str().unwrap().to_string())
        .fold(Vec::new(), |mut order: Vec<String>, path| {
            if order.last() != Some(&path) {
                order.push(path);
            }
            order
        })
}

#[test]
fn integer_minutes_site_urls_and_three_broken_pages() {
    let opened = open("minutes_urls");
    let other = &opened.curriculum.other_pages;
    assert_eq!(other.broken.len(), 3, "{:?}", other.broken);
    assert_eq!(
        other.left_out,
        [
            "learn/html/03-semantics.md",
            "learn/js/04-events.md",
            "learn/js/05-async.md"
        ]
    );
    assert_eq!(opened.curriculum.docs.len(), 7);
    let minutes = |path| doc(&opened, path).minutes;
    assert_eq!(minutes("learn/css/02-selectors.md"), 40); // estimated_minutes
    assert_eq!(minutes("learn/css/03-box-model.md"), 90); // duration: "1h30"
    assert_eq!(minutes("learn/css/04-flexbox.md"), 45); // estimatedMinutes before duration
    assert_eq!(minutes("learn/js/01-js-intro.md"), 90); // hours: 1.5
    let estimated = doc(&opened, "learn/js/02-functions.md");
    assert!(estimated.estimated);
    assert_eq!(estimated.minutes, 3); // 215 words and one code block
    assert_eq!(
        requires(&opened, "learn/css/02-selectors.md"),
        ["learn/css/01-css-fundamentals.md"]
    );
    let order = plan(&foreign("minutes_urls"), &["learn/css/04-flexbox"]);
    assert_eq!(order.len(), 5, "{order:?}");
    let at = |path: &str| order.iter().position(|p| p == path).unwrap();
    assert!(at("learn/html/01-html-basics.md") < at("learn/css/01-css-fundamentals.md"));
    assert!(at("learn/css/01-css-fundamentals.md") < at("learn/css/02-selectors.md"));
    assert!(at("learn/css/03-box-model.md") < at("learn/css/04-flexbox.md"));
    // A folder target covers what of it can be planned.
    assert_eq!(
        plan(&foreign("minutes_urls"), &["learn/js"]),
        [
            "learn/html/01-html-basics.md",
            "learn/js/01-js-intro.md",
            "learn/js/02-functions.md"
        ]
    );
}

#[test]
fn hugo_index_pages_with_hard_and_soft_maps_and_no_times() {
    let opened = open("hugo_maps");
    assert_eq!(opened.curriculum.docs.len(), 9);
    assert!(opened.curriculum.docs.iter().all(|doc| doc.estimated));
    let total: u32 = opened.curriculum.docs.iter().map(|doc| doc.minutes).sum();
    assert_eq!(total, 30);
    // A soft link never pulls a page in...
    let routing = plan(&foreign("hugo_maps"), &["content/networking/routing"]);
    assert_eq!(routing.len(), 5, "{routing:?}");
    assert!(!routing.contains(&"content/networking/dns/_index.md".to_string()));
    // ...and orders the two when both are in the plan.
    let both = plan(
        &foreign("hugo_maps"),
        &["content/networking/routing", "content/security/tls"],
    );
    assert_eq!(both.len(), 8, "{both:?}");
    let at = |path: &str| both.iter().position(|p| p == path).unwrap();
    assert!(at("content/networking/dns/_index.md") < at("content/networking/routing/_index.md"));
}

#[test]
fn ids_and_slugs_across_two_language_trees_resolve_to_the_nearest() {
    let opened = open("two_languages");
    assert_eq!(opened.curriculum.docs.len(), 12);
    let ambiguous = opened
        .warnings
        .iter()
        .filter(|w| w.message.contains("using the nearest"))
        .count();
    assert_eq!(ambiguous, 7);
    for doc in &opened.curriculum.docs {
        let tree = doc.path.split('/').next().unwrap();
        for required in requires(&opened, &doc.path) {
            assert!(
                required.starts_with(tree),
                "{} requires {required}",
                doc.path
            );
        }
    }
}

#[test]
fn relative_links_resolve_and_bad_ones_are_reported_and_ignored() {
    let opened = open("relative_links");
    assert_eq!(opened.curriculum.docs.len(), 9);
    assert_eq!(opened.error_count(), 3);
    assert!(opened.curriculum.other_pages.left_out.is_empty());
    assert!(opened.curriculum.other_pages.broken.is_empty());
    let root = foreign("relative_links").display().to_string();
    learnpath(&["validate", "--curriculum", &root])
        .code(65)
        .stdout_has(&[
            "points outside the curriculum folder",
            "is this page itself; link ignored",
            "names no document; link ignored",
        ]);
}

#[test]
fn a_plain_folder_has_sections_from_its_folders() {
    let opened = open("plain_folder");
    let titles: Vec<(&str, &str)> = opened
        .curriculum
        .sections
        .iter()
        .map(|s| (s.folders[0].as_str(), s.title.as_str()))
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(
        opened
            .curriculum
            .sections
            .iter()
            .all(|s| !s.docs.is_empty())
    );
    let root = foreign("plain_folder").display().to_string();
    learnpath(&["--curriculum", &root, "list"])
        .code(0)
        .stdout_has(&[titles[0].1, titles[1].1, titles[2].1, "--target"]);
}

/// `init` writes a manifest that validates as the folder did and plans the same.
#[test]
fn init_writes_a_manifest_that_plans_the_same() {
    for (name, target) in [
        ("minutes_urls", "learn/css/04-flexbox"),
        ("hugo_maps", "content/security/firewalls"),
        ("two_languages", "fr"),
        ("plain_folder", "geometry"),
    ] {
        let copy = tempfile::tempdir().unwrap();
        copy_dir(&foreign(name), copy.path());
        let before = plan(copy.path(), &[target]);
        let root = copy.path().display().to_string();
        learnpath(&["init", &root])
            .code(0)
            .stderr_has(&["wrote", "learnpath.yaml"]);
        let after = learnpath::open(&Source::Dir(copy.path().to_path_buf())).unwrap();
        let first = open(name);
        assert_eq!(after.error_count(), first.error_count(), "{name}");
        assert_eq!(after.curriculum.docs, first.curriculum.docs, "{name}");
        assert_eq!(plan(copy.path(), &[target]), before, "{name}");
        // Never over the user's file without --force.
        learnpath(&["init", &root])
            .code(2)
            .stderr_has(&["already exists"]);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
