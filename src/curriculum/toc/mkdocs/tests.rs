use super::*;
use proptest::prelude::*;

/// A site's `mkdocs.yml` as Material for MkDocs sites write it: tags in the other keys.
const MATERIAL: &str = "site_name: A course
docs_dir: !ENV [COURSE_DOCS, './course/']
theme:
  name: material
  custom_dir: !relative $config_dir/overrides
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
plugins:
  - search
  - social:
      enabled: !ENV [CI, false]
nav:
  - index.md
  - 'Getting started': start.md
  - Guide:
    - guide/index.md
    - Install: ./guide/install.md
    - Deeper:
      - Internals: guide/deep/internals.md
  - GitHub: https://github.com/example/course
  - Last words: end.md
extra:
  version: &v 1
  again: *v
";

#[test]
fn a_material_site_reads_despite_its_tags() {
    assert_eq!(docs_dir(MATERIAL).unwrap(), "course");
    let toc = read(MATERIAL).unwrap().unwrap();
    assert!(toc.parts.is_empty());
    let found: Vec<_> = toc
        .entries
        .iter()
        .map(|entry| {
            assert!(!entry.draft && entry.part.is_none());
            let (title, target) = (entry.title.as_deref(), entry.target.as_deref());
            (title, target, entry.depth, entry.line.unwrap())
        })
        .collect();
    assert_eq!(
        found,
        [
            (None, Some("index.md"), 0, 20),
            (Some("Getting started"), Some("start.md"), 0, 21),
            (Some("Guide"), None, 0, 22),
            (None, Some("guide/index.md"), 1, 23),
            (Some("Install"), Some("guide/install.md"), 1, 24),
            (Some("Deeper"), None, 1, 25),
            (Some("Internals"), Some("guide/deep/internals.md"), 2, 26),
            (Some("Last words"), Some("end.md"), 0, 28),
        ]
    );
}

#[test]
fn docs_dir_defaults_to_docs_and_is_kept_as_written() {
    let cases = [
        ("site_name: A\n", "docs"),
        ("", "docs"),
        ("docs_dir:\n", "docs"),
        ("docs_dir: site/pages/\n", "site/pages"),
        ("docs_dir: /srv/docs\n", "/srv/docs"),
        ("docs_dir: ./\n", "."),
        ("docs_dir: !ENV [A, B, fallback]\n", "fallback"),
    ];
    for (text, expected) in cases {
        assert_eq!(docs_dir(text).unwrap(), expected, "{text:?}");
    }
    let error = docs_dir("site_name: A\ndocs_dir: [a, b]\n").unwrap_err();
    assert_eq!(error.line, Some(2));
    assert!(error.message.contains("`docs_dir:`"), "{error:?}");
}

#[test]
fn no_nav_is_none() {
    for text in [
        "site_name: A\n",
        "",
        "nav:\n",
        "nav: []\n",
        "site_name: A\nnav: ~\n",
    ] {
        assert_eq!(read(text).unwrap(), None, "{text:?}");
    }
}

#[test]
fn errors_name_the_line_and_what_was_expected() {
    let cases = [
        ("- a.md\n", 1, "expected mkdocs.yml to be a mapping"),
        (
            "nav: index.md\n",
            1,
            "expected a list of pages and sections",
        ),
        (
            "nav:\n  - a.md\n  - A: a.md\n    B: b.md\n",
            3,
            "expected a page (`- page.md`)",
        ),
        ("nav:\n  - Guide:\n  - b.md\n", 2, "after `Guide:`"),
        ("nav:\n  - Guide: {a: a.md}\n", 2, "after `Guide:`"),
        ("nav:\n  - [a.md]\n", 2, "expected a page"),
        ("nav:\n  - ? [a]\n    : a.md\n", 2, "expected a page"),
        ("site_name: 'A\n", 1, "not YAML"),
    ];
    crate::curriculum::toc::testing::assert_errors(read, &cases);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any text reads (nav and docs_dir) or fails with a line; nothing panics.
    #[test]
    fn any_text_reads_or_fails_without_panicking(text in tree::yamlish_text("nav:\n")) {
        let nav = read(&text).err();
        let folder = docs_dir(&text).err();
        for error in nav.into_iter().chain(folder) {
            prop_assert!(error.line.is_some(), "{:?}: {:?}", text, error);
        }
    }
}
