use super::*;
use crate::curriculum::toc::TableKind;

fn sidebars(pages: &[(&str, Option<f64>)]) -> Vec<Sidebar> {
    let sidebar = |position: Option<f64>| Sidebar {
        position,
        label: None,
    };
    pages
        .iter()
        .map(|(_, position)| sidebar(*position))
        .collect()
}

fn with_sidebars<'a>(
    pages: &[(&'a str, Option<f64>)],
    sidebars: &'a [Sidebar],
) -> Vec<(&'a str, &'a Sidebar)> {
    pages
        .iter()
        .zip(sidebars)
        .map(|((path, _), sidebar)| (*path, sidebar))
        .collect()
}

fn ordered(
    pages: &[(&str, Option<f64>)],
    categories: &HashMap<String, Category>,
) -> Vec<(String, usize)> {
    let titles = HashMap::new();
    let sidebars = sidebars(pages);
    let tree = Tree {
        base: "",
        kind: TableKind::Numbered,
        pages: with_sidebars(pages, &sidebars),
        hub_titles: &titles,
        categories,
    };
    let (toc, _) = order(&tree);
    toc.entries
        .into_iter()
        .map(|entry| {
            (
                entry.target.or(entry.title).unwrap_or_default(),
                entry.depth,
            )
        })
        .collect()
}

#[test]
fn numbers_order_as_numbers_and_a_folder_opens_with_its_own_page() {
    let pages = [
        ("1-js/10-ifelse/article.md", None),
        ("1-js/2-structure/article.md", None),
        ("1-js/index.md", None),
        ("1-js/2-structure/1-task/task.md", None),
        ("2-ui/1-dom/article.md", None),
    ];
    let found = ordered(&pages, &HashMap::new());
    let expected = [
        ("1-js/index.md", 0),
        ("1-js/2-structure/article.md", 1),
        ("1-js/10-ifelse/article.md", 1),
        ("Ui", 0),
        ("2-ui/1-dom/article.md", 1),
    ];
    let expected: Vec<(String, usize)> =
        expected.iter().map(|(p, d)| (p.to_string(), *d)).collect();
    assert_eq!(found, expected);
}

#[test]
fn exercises_belong_to_the_nearest_lesson() {
    let pages = [
        ("a/1-l/article.md", None),
        ("a/1-l/1-x/task.md", None),
        ("a/1-l/1-x/solution.md", None),
    ];
    let titles = HashMap::new();
    let categories = HashMap::new();
    let sidebars = sidebars(&pages);
    let tree = Tree {
        base: "",
        kind: TableKind::Numbered,
        pages: with_sidebars(&pages, &sidebars),
        hub_titles: &titles,
        categories: &categories,
    };
    let (toc, exercises) = order(&tree);
    assert_eq!(exercises.len(), 2);
    assert!(
        exercises
            .iter()
            .all(|(_, lesson)| lesson == "a/1-l/article.md")
    );
    assert!(
        toc.entries
            .iter()
            .all(|entry| !entry.target.as_deref().unwrap_or("").contains("task"))
    );
}

#[test]
fn positions_come_before_names_and_categories_place_folders() {
    let pages = [
        ("b.md", None),
        ("a.md", None),
        ("intro.md", Some(1.0)),
        ("guide/x.md", Some(2.0)),
        ("guide/y.md", Some(1.0)),
    ];
    let categories = HashMap::from([(
        "guide".to_string(),
        Category {
            label: Some("The guide".into()),
            position: Some(2.0),
        },
    )]);
    let found = ordered(&pages, &categories);
    let names: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "intro.md",
            "The guide",
            "guide/y.md",
            "guide/x.md",
            "a.md",
            "b.md"
        ]
    );
}
