use super::*;
use proptest::prelude::*;

fn entry(title: &str, target: Option<&str>, depth: usize, line: usize, draft: bool) -> TocEntry {
    TocEntry {
        title: Some(title.to_string()),
        target: target.map(str::to_string),
        depth,
        part: None,
        line: Some(line),
        draft,
    }
}

#[test]
fn headings_pages_nesting_and_drafts() {
    let text = "- title: 0. Setup\n  sections:\n  - local: chapter0/1\n    title: Introduction\n\n- title: 1. Transformer models\n  isExpanded: false\n  sections:\n  - local: chapter1/1\n    title: Introduction\n    new: true\n  - title: Going deeper\n    sections:\n    - local: ./chapter1/deep\n      title: Deep\n  - local: chapter1/10\n    title: End-of-chapter quiz\n    quiz: 1\n- title: Coming soon\n  draft: true\n  sections:\n  - local: chapter2/1\n    title: Later\n- local: https://example.org/forum\n  title: Forum\n- {local: glossary, title: Glossary}\n";
    let toc = read(text).unwrap();
    assert!(toc.parts.is_empty());
    assert_eq!(
        toc.entries,
        [
            entry("0. Setup", None, 0, 1, false),
            entry("Introduction", Some("chapter0/1"), 1, 3, false),
            entry("1. Transformer models", None, 0, 6, false),
            entry("Introduction", Some("chapter1/1"), 1, 9, false),
            entry("Going deeper", None, 1, 12, false),
            entry("Deep", Some("chapter1/deep"), 2, 14, false),
            entry("End-of-chapter quiz", Some("chapter1/10"), 1, 16, false),
            entry("Coming soon", None, 0, 19, true),
            entry("Later", Some("chapter2/1"), 1, 22, true),
            entry("Glossary", Some("glossary"), 0, 26, false),
        ]
    );
}

#[test]
fn a_page_may_hold_sections_and_an_entry_need_not_have_a_title() {
    let toc = read("- local: index\n  sections:\n  - local: sub\n    draft: false\n").unwrap();
    let found: Vec<_> = toc
        .entries
        .iter()
        .map(|entry| {
            (
                entry.title.as_deref(),
                entry.target.as_deref(),
                entry.depth,
                entry.draft,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (None, Some("index"), 0, false),
            (None, Some("sub"), 1, false)
        ]
    );
    assert_eq!(read("").unwrap(), Toc::default());
    assert_eq!(read("# nothing yet\n").unwrap(), Toc::default());
}

#[test]
fn errors_name_the_line_and_what_was_expected() {
    let cases = [
        ("title: Not a list\n", 1, "expected a list of entries"),
        (
            "- title: A\n  local: a\n- title: B\n",
            3,
            "expected `local:` or `sections:` in an entry",
        ),
        (
            "- title: A\n  sections:\n  - just text\n",
            3,
            "expected an entry",
        ),
        (
            "- title: A\n  sections: {local: a}\n",
            2,
            "expected a list of entries",
        ),
        (
            "- title: A\n  local: {a: b}\n",
            2,
            "expected text after `local:`",
        ),
        (
            "- title: [A]\n  local: a\n",
            1,
            "expected text after `title:`",
        ),
        ("- title: A\n  local: 'a\n", 2, "not YAML"),
    ];
    crate::curriculum::toc::testing::assert_errors(read, &cases);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any text reads as a table or as an error with a line; nothing panics.
    #[test]
    fn any_text_reads_or_fails_without_panicking(text in tree::yamlish_text("")) {
        if let Err(error) = read(&text) {
            prop_assert!(error.line.is_some(), "{:?}: {:?}", text, error);
        }
    }
}
