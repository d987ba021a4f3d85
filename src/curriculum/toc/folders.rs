//! The order of a course laid out in folders (numbered names, Docusaurus' positions): each
//! folder's pages and subfolders by position, else by the number their name starts with,
//! else by name; a folder's own page (`article.md`, `index.md`, `README.md`, `_index.md`)
//! comes first, and its subfolders' entries nest under it.

use super::layout::{file_name, number_of, parent, under};
use super::{TableKind, Toc, TocEntry};
use crate::curriculum::loose::Sidebar;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A Docusaurus `_category_` file's label and position for its folder.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct Category {
    pub label: Option<String>,
    pub position: Option<f64>,
}

/// What the order is built from: the study pages (with their positions), the titles of hub
/// pages by folder, and the categories by folder.
pub(crate) struct Tree<'a> {
    pub base: &'a str,
    pub kind: TableKind,
    pub pages: Vec<(&'a str, &'a Sidebar)>,
    pub hub_titles: &'a HashMap<String, String>,
    pub categories: &'a HashMap<String, Category>,
}

/// The course's table, and each exercise page with the lesson it belongs to.
pub(crate) fn order(tree: &Tree<'_>) -> (Toc, Vec<(String, String)>) {
    let mut children: BTreeMap<&str, BTreeSet<Child<'_>>> = BTreeMap::new();
    let sidebars: HashMap<&str, &Sidebar> = tree.pages.iter().copied().collect();
    let own_pages: HashMap<&str, &str> = tree
        .pages
        .iter()
        .filter(|(path, _)| is_own_page(path))
        .map(|(path, _)| (parent(path), *path))
        .collect();
    let exercises = exercises(tree, &own_pages);
    let is_exercise: std::collections::HashSet<&str> = exercises
        .iter()
        .map(|(exercise, _)| exercise.as_str())
        .collect();
    for (path, _) in &tree.pages {
        if is_exercise.contains(path) {
            continue;
        }
        let mut child = Child::Page(path);
        let mut folder = parent(path);
        while under(tree.base, &format!("{folder}/")) || folder == tree.base {
            children.entry(folder).or_default().insert(child);
            if folder == tree.base {
                break;
            }
            child = Child::Folder(folder);
            folder = parent(folder);
        }
    }
    let walk = Walk {
        tree,
        children: &children,
        sidebars: &sidebars,
        own_pages: &own_pages,
    };
    let mut toc = Toc::default();
    walk.visit(tree.base, 0, &mut toc);
    (toc, exercises)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Child<'a> {
    Page(&'a str),
    Folder(&'a str),
}

impl<'a> Child<'a> {
    fn path(self) -> &'a str {
        match self {
            Child::Page(path) | Child::Folder(path) => path,
        }
    }
}

struct Walk<'t, 'a> {
    tree: &'t Tree<'a>,
    children: &'t BTreeMap<&'a str, BTreeSet<Child<'a>>>,
    sidebars: &'t HashMap<&'a str, &'a Sidebar>,
    own_pages: &'t HashMap<&'a str, &'a str>,
}

impl Walk<'_, '_> {
    fn visit(&self, folder: &str, depth: usize, toc: &mut Toc) {
        let Some(children) = self.children.get(folder) else {
            return;
        };
        let mut sorted: Vec<Child<'_>> = children.iter().copied().collect();
        sorted.sort_by(|a, b| self.compare(*a, *b));
        for child in sorted {
            match child {
                // The base's own page is a page like the others; a folder's opens it.
                Child::Page(path) if is_own_page(path) && folder != self.tree.base => {}
                Child::Page(path) => {
                    let label = self.sidebars.get(path).and_then(|s| s.label.clone());
                    toc.entries.push(entry(Some(path), label, depth));
                }
                Child::Folder(sub) => {
                    let page = self.own_pages.get(sub).copied();
                    toc.entries
                        .push(entry(page, self.folder_title(sub, page), depth));
                    self.visit(sub, depth + 1, toc);
                }
            }
        }
    }

    /// A folder's title: its category's label, else its hub page's title; a folder with a
    /// page of its own is titled by that page, else after its name.
    fn folder_title(&self, folder: &str, page: Option<&str>) -> Option<String> {
        let category = self.tree.categories.get(folder);
        category
            .and_then(|category| category.label.clone())
            .or_else(|| self.tree.hub_titles.get(folder).cloned())
            .or_else(|| page.is_none().then(|| self.name_title(file_name(folder))))
    }

    /// A folder's name as its title: Docusaurus shows it as it is, without a leading number;
    /// elsewhere it reads as words.
    fn name_title(&self, name: &str) -> String {
        match self.tree.kind {
            TableKind::Docusaurus => crate::curriculum::folders::numbered(name)
                .map_or(name, |(_, rest)| rest)
                .to_string(),
            _ => crate::curriculum::folders::title_from_name(name),
        }
    }

    fn compare<'c>(&self, a: Child<'c>, b: Child<'c>) -> Ordering {
        let key = |child: Child<'c>| -> (Option<f64>, &'c str) {
            let position = match child {
                Child::Page(path) => self.sidebars.get(path).and_then(|s| s.position),
                Child::Folder(path) => self
                    .tree
                    .categories
                    .get(path)
                    .and_then(|category| category.position),
            };
            let name = file_name(child.path());
            (position.or_else(|| number_of(name).map(|n| n as f64)), name)
        };
        let ((a_rank, a_name), (b_rank, b_name)) = (key(a), key(b));
        match (a_rank, b_rank) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| a_name.cmp(b_name))
    }
}

fn entry(target: Option<&str>, title: Option<String>, depth: usize) -> TocEntry {
    TocEntry {
        title,
        target: target.map(str::to_string),
        depth,
        ..TocEntry::default()
    }
}

/// A folder's own page: its lesson (`article.md`) or its index.
pub(crate) fn is_own_page(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    matches!(stem, "article" | "index" | "readme" | "_index")
}

fn is_exercise(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    matches!(stem, "task" | "solution")
}

/// Each exercise page (`task.md`, `solution.md`) and the lesson it belongs to: the own page
/// of its folder or the nearest folder above.
fn exercises(tree: &Tree<'_>, own_pages: &HashMap<&str, &str>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, _) in tree.pages.iter().filter(|(path, _)| is_exercise(path)) {
        let mut folder = parent(path);
        loop {
            if let Some(lesson) = own_pages.get(folder) {
                found.push((path.to_string(), lesson.to_string()));
                break;
            }
            if folder.is_empty() || folder == tree.base {
                break;
            }
            folder = parent(folder);
        }
    }
    found
}

#[cfg(test)]
mod tests;
