use super::*;
use crate::curriculum::Level;
use crate::curriculum::toc::testing::entry;

fn doc(path: &str) -> Doc {
    Doc {
        path: path.to_string(),
        title: format!("Page {path}"),
        level: Level::Other(String::new()),
        minutes: 10,
        estimated: true,
        prerequisites: Vec::new(),
        prerequisite_lines: Vec::new(),
        soft_prerequisites: Vec::new(),
        next_recommended: Vec::new(),
        tags: Vec::new(),
        section: None,
    }
}

#[test]
fn each_entry_requires_the_one_before_unless_it_names_its_own() {
    let mut docs = vec![doc("c.md"), doc("a.md"), doc("b.md")];
    docs[0].prerequisites = vec![DocId(1)];
    docs[0].prerequisite_lines = vec![Some(3)];
    let toc = Toc {
        entries: vec![
            entry("A", Some("a.md"), 0, None),
            entry("B", Some("b.md"), 0, None),
            entry("C", Some("c.md"), 0, None),
        ],
        parts: Vec::new(),
    };
    let (table, _) = apply(TableKind::Mdbook, "SUMMARY.md".into(), &toc, &mut docs);
    assert_eq!(table.order, [DocId(1), DocId(2), DocId(0)]);
    assert_eq!(docs[2].prerequisites, [DocId(1)]);
    assert_eq!(docs[1].prerequisites, []);
    // c.md keeps the prerequisite its frontmatter gives.
    assert_eq!(docs[0].prerequisites, [DocId(1)]);
}

#[test]
fn chapters_are_sections_in_their_parts_and_table_titles_win() {
    let mut docs = vec![
        doc("intro.md"),
        doc("one.md"),
        doc("one-a.md"),
        doc("two.md"),
    ];
    let toc = Toc {
        entries: vec![
            entry("Intro", Some("intro.md"), 0, None),
            entry("One", Some("one.md"), 0, Some(0)),
            entry("One *A*", Some("one-a.md"), 1, Some(0)),
            entry("Soon", None, 1, Some(0)),
            entry("Two", Some("two.md"), 0, Some(1)),
        ],
        parts: vec!["Basics".into(), "More".into()],
    };
    let (table, sections) = apply(TableKind::Mdbook, "SUMMARY.md".into(), &toc, &mut docs);
    let found: Vec<(&str, &str, Vec<DocId>)> = sections
        .iter()
        .map(|s| (s.title.as_str(), s.part.as_str(), s.docs.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("Intro", "", vec![DocId(0)]),
            ("One", "Basics", vec![DocId(1), DocId(2)]),
            ("Two", "More", vec![DocId(3)]),
        ]
    );
    assert_eq!(docs[2].section, Some(SectionId(1)));
    assert_eq!(table.drafts, ["Soon"]);
    assert_eq!(docs[1].title, "One");
}
