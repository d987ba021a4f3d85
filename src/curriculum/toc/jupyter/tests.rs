use super::*;
use proptest::prelude::*;

/// An entry as `(title, target, depth, part, line)`.
type Row<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    usize,
    Option<usize>,
    Option<usize>,
);

fn rows(toc: &Toc) -> Vec<Row<'_>> {
    toc.entries
        .iter()
        .map(|entry| {
            assert!(!entry.draft);
            let (title, target) = (entry.title.as_deref(), entry.target.as_deref());
            (title, target, entry.depth, entry.part, entry.line)
        })
        .collect()
}

#[test]
fn a_book_gives_its_root_then_parts_chapters_and_nested_sections() {
    let text = "# Table of contents\nformat: jb-book\nroot: intro\noptions:\n  numbered: true\nparts:\n  - caption: Basics\n    numbered: true\n    chapters:\n    - file: basics/setup\n      title: Setting up\n      sections:\n      - file: ./basics/linux.md\n        sections:\n        - file: basics/source\n      - url: https://example.org\n        title: Elsewhere\n      - glob: basics/extra*\n  - caption: Further\n    maxdepth: 2\n    chapters:\n    - file: further/oop\n      parts:\n      - caption: Inside\n        sections:\n        - file: further/classes\n  - chapters:\n    - file: appendix\n";
    let toc = read(text).unwrap();
    assert_eq!(toc.parts, ["Basics", "Further"]);
    assert_eq!(
        rows(&toc),
        [
            (None, Some("intro"), 0, None, Some(3)),
            (
                Some("Setting up"),
                Some("basics/setup"),
                0,
                Some(0),
                Some(10)
            ),
            (None, Some("basics/linux.md"), 1, Some(0), Some(13)),
            (None, Some("basics/source"), 2, Some(0), Some(15)),
            (None, Some("further/oop"), 0, Some(1), Some(22)),
            (None, Some("further/classes"), 1, Some(1), Some(26)),
            (None, Some("appendix"), 0, None, Some(28)),
        ]
    );
}

#[test]
fn chapters_without_parts_and_an_article() {
    let book = read("format: jb-book\nroot: index\nchapters:\n- file: one\n- title: Group\n  sections:\n  - file: two\n").unwrap();
    assert_eq!(
        rows(&book),
        [
            (None, Some("index"), 0, None, Some(2)),
            (None, Some("one"), 0, None, Some(4)),
            (Some("Group"), None, 0, None, Some(5)),
            (None, Some("two"), 1, None, Some(7)),
        ]
    );
    assert!(book.parts.is_empty());
    let article = read("format: jb-article\nroot: index\nsections:\n- file: a\n  sections:\n  - {file: b, title: B}\n").unwrap();
    assert_eq!(
        rows(&article),
        [
            (None, Some("index"), 0, None, Some(2)),
            (None, Some("a"), 0, None, Some(4)),
            (Some("B"), Some("b"), 1, None, Some(6)),
        ]
    );
    assert_eq!(
        read("format: jb-book\nroot: index\n")
            .unwrap()
            .entries
            .len(),
        1
    );
    assert_eq!(read("").unwrap(), Toc::default());
}

#[test]
fn errors_name_the_line_and_what_was_expected() {
    let cases = [
        ("- file: intro\n", 1, "jupyter-book toc migrate"),
        ("just words\n", 1, "expected `format: jb-book` and `root:`"),
        ("format: jb-book\nchapters: []\n", 1, "expected `root:`"),
        (
            "format: default\nroot: a\n",
            1,
            "`format: jb-book` or `format: jb-article`",
        ),
        (
            "root: a\nchapters:\n- file: b\n- title: T\n",
            4,
            "expected `file:`, `url:`, `glob:` or `sections:` in a chapter",
        ),
        (
            "root: a\nchapters:\n- file: b\n  sections:\n  - c\n",
            5,
            "expected a section",
        ),
        (
            "root: a\nparts:\n- caption: P\n",
            3,
            "expected `chapters:` in a part",
        ),
        ("root: a\nparts: []\nchapters: []\n", 3, "not both"),
        (
            "root: a\nchapters:\n- file: [b]\n",
            3,
            "expected text after `file:`",
        ),
        (
            "root: a\nchapters: {file: b}\n",
            2,
            "expected a list of chapters",
        ),
        ("root: a\nchapters: [\n", 3, "not YAML"),
    ];
    crate::curriculum::toc::testing::assert_errors(read, &cases);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any text reads as a table or as an error with a line; nothing panics.
    #[test]
    fn any_text_reads_or_fails_without_panicking(text in tree::yamlish_text("root: index\nchapters:\n")) {
        if let Err(error) = read(&text) {
            prop_assert!(error.line.is_some(), "{:?}: {:?}", text, error);
        }
    }
}
