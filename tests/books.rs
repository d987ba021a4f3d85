//! Books and course sites read in their own order: each fixture under tests/fixtures/books
//! against its `NAME.expected.yaml` (which tests/books_tools.rs checks against the format's own
//! tool where one exists), and plans for a chapter through the command line.

mod common;

use common::learnpath;
use learnpath::curriculum::{Source, load};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct Expected {
    kind: String,
    #[serde(default)]
    order: Vec<Entry>,
    #[serde(default)]
    drafts: Vec<String>,
    #[serde(default)]
    not_pages: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
struct Entry {
    path: String,
    title: String,
    section: String,
    part: String,
}

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
