use super::*;
use crate::curriculum::toc::testing::entry;

#[test]
fn a_summary_gives_prefix_parts_nesting_drafts_and_suffix() {
    let summary = "# Summary\n\n[Preface](preface.md)\n\n---\n\n# First steps\n\n- [Setup](setup/README.md)\n    - [On Linux](setup/linux.md)\n        - [From source](setup/source.md#build)\n    - [On *macOS*](<setup/mac os.md>)\n- [Later]()\n\n# Going further\n\n1. [Traits](traits.md)\n<!-- - [Hidden](hidden.md)\n-->\n---\n\n[Thanks](thanks.md)\n";
    let toc = read(summary).unwrap();
    assert_eq!(toc.parts, ["First steps", "Going further"]);
    let found: Vec<TocEntry> = toc
        .entries
        .into_iter()
        .map(|entry| TocEntry {
            line: None,
            ..entry
        })
        .collect();
    assert_eq!(
        found,
        [
            entry("Preface", Some("preface.md"), 0, None),
            entry("Setup", Some("setup/README.md"), 0, Some(0)),
            entry("On Linux", Some("setup/linux.md"), 1, Some(0)),
            entry("From source", Some("setup/source.md"), 2, Some(0)),
            entry("On *macOS*", Some("setup/mac os.md"), 1, Some(0)),
            entry("Later", None, 0, Some(0)),
            entry("Traits", Some("traits.md"), 0, Some(1)),
            entry("Thanks", Some("thanks.md"), 0, None),
        ]
    );
}

#[test]
fn a_line_that_is_no_chapter_is_an_error_with_its_line() {
    let error = read("# Summary\n\n- [One](one.md)\njust words\n").unwrap_err();
    assert_eq!(error.line, Some(4));
    assert!(error.message.contains("expected a chapter"), "{error:?}");
}

#[test]
fn book_toml_names_the_source_folder() {
    assert_eq!(source_folder("[book]\ntitle = \"T\"\n").unwrap(), "src");
    assert_eq!(
        source_folder("[book]\nsrc = \"./book/\"\n").unwrap(),
        "book"
    );
    assert_eq!(source_folder("").unwrap(), "src");
    let error = source_folder("[book]\nsrc = \n").unwrap_err();
    assert_eq!(error.line, Some(2));
}

#[test]
fn titles_keep_nested_brackets() {
    let toc = read("- [The `[T]` type](t.md)\n").unwrap();
    assert_eq!(toc.entries[0].title.as_deref(), Some("The `[T]` type"));
}

#[test]
fn link_titles_escapes_and_tabs_read_as_mdbook_reads_them() {
    let toc =
        read("- [A](a.md \"The A\")\n\t- [B](caf%C3%A9.md)\n  - [C](<c d.md> \"t\")\n").unwrap();
    let found: Vec<(Option<&str>, usize)> = toc
        .entries
        .iter()
        .map(|entry| (entry.target.as_deref(), entry.depth))
        .collect();
    assert_eq!(
        found,
        [(Some("a.md"), 0), (Some("café.md"), 1), (Some("c d.md"), 1)]
    );
}
