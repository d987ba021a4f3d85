//! Which order a folder's course has: a table of contents found among its files (the
//! shallowest one), or the order of its folders, and which of its pages are the course's.

use super::folders::Category;
use super::{TableError, TableKind, Toc, mdbook};
use crate::curriculum::links::resolve_dots;
use crate::curriculum::source::{Entry, display_path};
use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};

/// How a course is laid out.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub kind: TableKind,
    /// The table's file, or the folder whose order is the course's, relative to the root.
    pub file: String,
    /// The folder the course's pages are under ("" for the root).
    pub base: String,
    /// The table, its targets resolved to pages of the listing; `None` for a course ordered
    /// by its folders (built once its pages are read, see `super::folders`).
    pub toc: Option<Toc>,
    /// Docusaurus' `_category_` files, by folder.
    pub categories: HashMap<String, Category>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Layout {
    /// The pages a table lists; `None` for a course ordered by its folders.
    pub fn listed(&self) -> Option<HashSet<&str>> {
        let toc = self.toc.as_ref()?;
        Some(
            toc.entries
                .iter()
                .filter_map(|entry| entry.target.as_deref())
                .collect(),
        )
    }
}

/// The largest table of contents read whole: a hundred times a 10,000-page book's.
pub const TABLE_READ_LIMIT: usize = 16 * 1024 * 1024;

/// Reads the files of a listing that a table may need.
pub(crate) struct Files<'l, 'a> {
    origin: &'l str,
    tables: &'l [Entry<'a>],
    pages: &'l [Entry<'a>],
    /// The table files by path.
    by_path: HashMap<&'l str, &'l Entry<'a>>,
}

impl<'l, 'a> Files<'l, 'a> {
    pub fn new(origin: &'l str, tables: &'l [Entry<'a>], pages: &'l [Entry<'a>]) -> Self {
        let by_path = tables
            .iter()
            .map(|entry| (entry.path.as_str(), entry))
            .collect();
        Files {
            origin,
            tables,
            pages,
            by_path,
        }
    }

    /// The text of a file of the listing; `None` when it is not there.
    fn read(&self, path: &str) -> Option<Result<String, Diagnostic>> {
        let entry = match self.by_path.get(path) {
            Some(entry) => *entry,
            None => self.pages.iter().find(|entry| entry.path == path)?,
        };
        let mut buffer = Vec::new();
        let shown = display_path(self.origin, path);
        Some(
            match entry.content.head(&mut buffer, TABLE_READ_LIMIT + 1) {
                Ok(bytes) if bytes.len() > TABLE_READ_LIMIT => Err(Diagnostic::error(format!(
                    "larger than the limit of {} MiB for a table of contents",
                    TABLE_READ_LIMIT >> 20
                ))
                .file(shown)),
                Ok(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| {
                    Diagnostic::error("not valid UTF-8")
                        .file(shown)
                        .help("save the file as UTF-8")
                }),
                Err(error) => {
                    Err(Diagnostic::error(format!("cannot be read: {error}")).file(shown))
                }
            },
        )
    }

    /// The table files of one name, shallowest first.
    fn named(&self, name: &str) -> Vec<&str> {
        let mut found: Vec<&str> = self
            .tables
            .iter()
            .map(|entry| entry.path.as_str())
            .filter(|path| file_name(path) == name)
            .collect();
        found.sort_by_key(|path| (path.matches('/').count(), !path.contains("/en/"), *path));
        found
    }

    fn error(&self, file: &str, error: TableError) -> Diagnostic {
        Diagnostic::error(error.message)
            .file(display_path(self.origin, file))
            .line(error.line)
    }
}

/// The files that hold each kind's table (or config), by kind.
const TABLE_NAMES: [(TableKind, &[&str]); 5] = [
    (TableKind::Mdbook, &["book.toml"]),
    (TableKind::JupyterBook, &["_toc.yml"]),
    (TableKind::HfToctree, &["_toctree.yml"]),
    (TableKind::Mkdocs, &["mkdocs.yml", "mkdocs.yaml"]),
    (
        TableKind::Docusaurus,
        &[
            "docusaurus.config.js",
            "docusaurus.config.ts",
            "docusaurus.config.mjs",
        ],
    ),
];

/// The layout of a course: `forced` when the manifest names the kind, else the kind whose
/// table is the shallowest (the first in [`TableKind::ALL`] among equals, with a warning
/// naming the others), else Docusaurus' category files, else numbered names; `None` for a
/// curriculum of frontmatter alone.
pub(crate) fn detect(files: &Files<'_, '_>, forced: Option<TableKind>) -> Option<Layout> {
    if let Some(kind) = forced {
        return layout_of(files, kind, true);
    }
    let mut found: Vec<(usize, usize, TableKind, &str)> = TABLE_NAMES
        .iter()
        .enumerate()
        .filter_map(|(rank, (kind, names))| {
            let path = names
                .iter()
                .flat_map(|name| files.named(name))
                .min_by_key(|path| depth(path))?;
            Some((depth(path), rank, *kind, path))
        })
        .collect();
    found.sort_by_key(|(depth, rank, _, path)| (*depth, *rank, *path));
    for (position, (depth_found, _, kind, path)) in found.iter().enumerate() {
        let Some(mut layout) = layout_of(files, *kind, false) else {
            continue;
        };
        for (other_depth, _, other, other_path) in &found[position + 1..] {
            if other_depth == depth_found {
                layout
                    .diagnostics
                    .push(also_found(files, (path, *kind), (other_path, *other)));
            }
        }
        return Some(layout);
    }
    [TableKind::Docusaurus, TableKind::Numbered]
        .into_iter()
        .find_map(|kind| layout_of(files, kind, false))
}

fn layout_of(files: &Files<'_, '_>, kind: TableKind, forced: bool) -> Option<Layout> {
    match kind {
        TableKind::Mdbook => mdbook_layout(files),
        TableKind::JupyterBook => yaml_layout(files, TableKind::JupyterBook, "_toc.yml"),
        TableKind::HfToctree => yaml_layout(files, TableKind::HfToctree, "_toctree.yml"),
        TableKind::Mkdocs => mkdocs_layout(files),
        TableKind::Docusaurus => docusaurus_layout(files, forced),
        TableKind::Numbered => numbered_layout(files, forced),
    }
}

/// A second table beside the one read.
fn also_found(
    files: &Files<'_, '_>,
    (read, kind): (&str, TableKind),
    (other, other_kind): (&str, TableKind),
) -> Diagnostic {
    Diagnostic::warning(format!(
        "{other} ({other_kind}) is beside {read} ({kind}); the {kind} order is read"
    ))
    .file(display_path(files.origin, other))
    .help(format!(
        "to read the other, write `order: {{kind: {other_kind}}}` in learnpath.yaml"
    ))
}

fn depth(path: &str) -> usize {
    path.matches('/').count()
}

/// A table in its own YAML file, whose pages are named from the file's folder.
fn yaml_layout(files: &Files<'_, '_>, kind: TableKind, name: &str) -> Option<Layout> {
    let file = files.named(name).first()?.to_string();
    let base = parent(&file).to_string();
    let read = match kind {
        TableKind::JupyterBook => super::jupyter::read,
        _ => super::hf::read,
    };
    let toc = match files.read(&file)? {
        Ok(text) => read(&text).map_err(|error| files.error(&file, error)),
        Err(diagnostic) => Err(diagnostic),
    };
    Some(table_layout(files, (kind, file, base), toc, Vec::new()))
}

/// MkDocs: `nav` in `mkdocs.yml`, pages under its `docs_dir`; without a `nav`, the pages
/// of `docs_dir` in the order of their folders.
fn mkdocs_layout(files: &Files<'_, '_>) -> Option<Layout> {
    let file = ["mkdocs.yml", "mkdocs.yaml"]
        .iter()
        .find_map(|name| files.named(name).first().map(|file| file.to_string()))?;
    let text = match files.read(&file)? {
        Ok(text) => text,
        Err(diagnostic) => {
            let mut layout = folder_layout(TableKind::Mkdocs, join(parent(&file), "docs"));
            layout.diagnostics.push(diagnostic);
            return Some(layout);
        }
    };
    let docs_dir = super::mkdocs::docs_dir(&text).unwrap_or_else(|_| "docs".to_string());
    let Some(base) = resolve_dots(&join(parent(&file), &docs_dir)) else {
        let mut layout = folder_layout(TableKind::Mkdocs, join(parent(&file), "docs"));
        layout.diagnostics.push(
            Diagnostic::error(format!(
                "docs_dir '{docs_dir}' is outside the course folder"
            ))
            .file(display_path(files.origin, &file))
            .help("learnpath reads only the folder it is pointed at"),
        );
        return Some(layout);
    };
    match super::mkdocs::read(&text) {
        Ok(Some(toc)) => Some(table_layout(
            files,
            (TableKind::Mkdocs, file, base),
            Ok(toc),
            Vec::new(),
        )),
        Ok(None) => Some(folder_layout(TableKind::Mkdocs, base)),
        Err(error) => {
            let toc = Err(files.error(&file, error));
            Some(table_layout(
                files,
                (TableKind::Mkdocs, file, base),
                toc,
                Vec::new(),
            ))
        }
    }
}

fn mdbook_layout(files: &Files<'_, '_>) -> Option<Layout> {
    let books = files.named("book.toml");
    let book = *books.first()?;
    let folder = parent(book);
    let mut diagnostics = Vec::new();
    let src = match files.read(book)? {
        Ok(text) => mdbook::source_folder(&text).unwrap_or_else(|error| {
            diagnostics.push(files.error(book, error));
            "src".to_string()
        }),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            "src".to_string()
        }
    };
    let base = join(folder, &src);
    let summary = join(&base, "SUMMARY.md");
    for nested in &books[1..] {
        diagnostics.push(
            Diagnostic::warning("another book inside this one; its pages are not planned with it")
                .file(display_path(files.origin, nested))
                .help("point --curriculum at its folder to plan it"),
        );
    }
    let toc = match files.read(&summary) {
        Some(Ok(text)) => mdbook::read(&text).map_err(|error| files.error(&summary, error)),
        Some(Err(diagnostic)) => Err(diagnostic),
        None => Err(Diagnostic::error("the book has no SUMMARY.md")
            .file(display_path(files.origin, &summary))
            .help("mdBook lists a book's chapters in SUMMARY.md beside its pages")),
    };
    Some(table_layout(
        files,
        (TableKind::Mdbook, summary, base),
        toc,
        diagnostics,
    ))
}

/// A layout from a table read (or not), with its targets resolved against the listing.
pub(crate) fn table_layout(
    files: &Files<'_, '_>,
    (kind, file, base): (TableKind, String, String),
    toc: Result<Toc, Diagnostic>,
    mut diagnostics: Vec<Diagnostic>,
) -> Layout {
    let toc = match toc {
        Ok(mut toc) => {
            resolve_targets(files, &file, &base, &mut toc, &mut diagnostics);
            toc
        }
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            Toc::default()
        }
    };
    Layout {
        kind,
        file,
        base,
        toc: Some(toc),
        categories: HashMap::new(),
        diagnostics,
    }
}

/// Each entry's page as a path of the listing: as written, else with `.md`, `.ipynb` or
/// `.mdx` (tables that leave the extension out), else a folder's index page. A page that is
/// not there is a warning; a draft names none.
fn resolve_targets(
    files: &Files<'_, '_>,
    file: &str,
    base: &str,
    toc: &mut Toc,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let paths: HashSet<&str> = files
        .pages
        .iter()
        .map(|entry| entry.path.as_str())
        .collect();
    let mut first_line: HashMap<String, Option<usize>> = HashMap::new();
    let warn = |message: String, line: Option<usize>| {
        Diagnostic::warning(message)
            .file(display_path(files.origin, file))
            .line(line)
    };
    for entry in &mut toc.entries {
        let Some(target) = entry.target.take() else {
            continue;
        };
        if entry.draft {
            continue;
        }
        let inside = resolve_dots(&join(base, &target));
        let found = inside.as_deref().and_then(|path| page_at(path, &paths));
        match &found {
            None => {
                let why = match inside {
                    None => "points outside the course folder",
                    Some(_) => "names no page of the course",
                };
                diagnostics.push(warn(format!("'{target}' {why}; left out"), entry.line));
            }
            Some(path) => {
                if let Some(first) = first_line.insert(path.clone(), entry.line) {
                    let at = first.map_or(String::new(), |line| format!(" (line {line})"));
                    diagnostics.push(warn(
                        format!(
                            "'{target}' is listed again; it is read where it is first listed{at}"
                        ),
                        entry.line,
                    ));
                }
            }
        }
        entry.target = found;
    }
}

/// The page a table's entry names: as written, with the extension the table left out, or
/// a folder's own page.
fn page_at(path: &str, paths: &HashSet<&str>) -> Option<String> {
    let own = ["index", "README", "_index", "readme", "article"];
    ["", ".md", ".ipynb", ".mdx"]
        .iter()
        .map(|extension| format!("{path}{extension}"))
        .chain(
            own.iter().flat_map(|name| {
                [".md", ".mdx"].map(|extension| format!("{path}/{name}{extension}"))
            }),
        )
        .find(|candidate| paths.contains(candidate.as_str()))
}

fn docusaurus_layout(files: &Files<'_, '_>, forced: bool) -> Option<Layout> {
    let config = [
        "docusaurus.config.js",
        "docusaurus.config.ts",
        "docusaurus.config.mjs",
    ]
    .iter()
    .find_map(|name| files.named(name).first().copied());
    let categories = !files.named("_category_.json").is_empty()
        || !files.named("_category_.yml").is_empty()
        || !files.named("_category_.yaml").is_empty();
    if config.is_none() && !categories && !forced {
        return None;
    }
    let folder = config.map_or("", parent);
    let docs = join(folder, "docs");
    let base = match files.pages.iter().any(|entry| under(&docs, &entry.path)) {
        true => docs,
        false => folder.to_string(),
    };
    let mut layout = folder_layout(TableKind::Docusaurus, base);
    read_categories(files, &mut layout);
    Some(layout)
}

/// Each `_category_.json` or `_category_.yml`'s label and position, by folder.
fn read_categories(files: &Files<'_, '_>, layout: &mut Layout) {
    for name in ["_category_.json", "_category_.yml", "_category_.yaml"] {
        for path in files.named(name) {
            let parsed = match files.read(path) {
                Some(Ok(text)) if name.ends_with("json") => serde_json::from_str::<Category>(&text)
                    .map_err(|error| {
                        TableError::new(Some(error.line()), format!("not a category file: {error}"))
                    }),
                Some(Ok(text)) => crate::yaml::decode::<Category>(&text).map_err(|error| {
                    TableError::new(
                        error.line,
                        format!("not a category file: {}", error.message),
                    )
                }),
                Some(Err(diagnostic)) => {
                    layout.diagnostics.push(diagnostic.into_warning());
                    continue;
                }
                None => continue,
            };
            match parsed {
                Ok(category) => {
                    layout.categories.insert(parent(path).to_string(), category);
                }
                Err(error) => layout
                    .diagnostics
                    .push(files.error(path, error).into_warning()),
            }
        }
    }
}

fn numbered_layout(files: &Files<'_, '_>, forced: bool) -> Option<Layout> {
    let numbered = files
        .pages
        .iter()
        .filter(|entry| entry.path.split('/').any(|part| number_of(part).is_some()))
        .count();
    (forced || numbered >= 2).then(|| folder_layout(TableKind::Numbered, String::new()))
}

pub(crate) fn folder_layout(kind: TableKind, base: String) -> Layout {
    Layout {
        kind,
        file: base.clone(),
        base,
        toc: None,
        categories: HashMap::new(),
        diagnostics: Vec::new(),
    }
}

/// The number a file or folder name starts with (`05-types` -> 5), when a separator follows.
pub(crate) fn number_of(name: &str) -> Option<u64> {
    crate::curriculum::folders::numbered(name).map(|(number, _)| number)
}

pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

pub(crate) fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

pub(crate) fn join(folder: &str, path: &str) -> String {
    let path = path.trim_start_matches("./");
    match folder {
        "" => path.to_string(),
        folder => format!("{folder}/{path}"),
    }
}

/// Whether `path` is under `folder` ("" holds everything).
pub(crate) fn under(folder: &str, path: &str) -> bool {
    folder.is_empty()
        || path
            .strip_prefix(folder)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lead_names_only_before_a_separator() {
        assert_eq!(number_of("05-types"), Some(5));
        assert_eq!(number_of("10_ifelse.md"), Some(10));
        assert_eq!(number_of("2024"), None);
        assert_eq!(number_of("3d-printing"), None);
        assert_eq!(number_of("intro"), None);
    }

    #[test]
    fn paths_resolve_inside_the_root_only() {
        assert_eq!(resolve_dots("src/./a/../b.md").as_deref(), Some("src/b.md"));
        assert_eq!(resolve_dots("../outside.md"), None);
        assert!(under("", "a.md") && under("docs", "docs/a.md") && !under("docs", "docsx/a.md"));
    }
}
