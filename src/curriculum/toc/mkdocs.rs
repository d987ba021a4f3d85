//! MkDocs: `mkdocs.yml` says where the pages are (`docs_dir:`, `docs` by default) and, in
//! `nav:`, their order: a list of pages (`- index.md`), titled pages (`- Install: install.md`),
//! titled sections holding a list of their own (`- Guide:` then the list), and external
//! links (`- GitHub: https://...`, skipped). Without `nav:`, MkDocs orders the pages by name.
//! The file's other keys (theme, plugins, extensions) are not read, and their YAML tags
//! (`!!python/name:...`, `!ENV [...]`, `!relative`) do not fail the read.

use super::tree::{self, Node, Value};
use super::{TableError, Toc, TocEntry};

/// The folder of the site's pages, relative to `mkdocs.yml`'s folder (or absolute, as
/// written). `!ENV [VARIABLE, fallback]` gives its fallback: what `mkdocs build` reads in a
/// fresh clone.
pub(crate) fn docs_dir(mkdocs_yml: &str) -> Result<String, TableError> {
    let document = config(mkdocs_yml)?;
    let Some(node) = document.field("docs_dir") else {
        return Ok("docs".to_string());
    };
    let fallback = match &node.value {
        Value::List(items) if node.tag.as_deref() == Some("!ENV") => items.last(),
        _ => Some(node),
    };
    let Some(Value::Text(folder)) = fallback.map(|node| &node.value) else {
        return Err(TableError::new(
            Some(node.line),
            "expected `docs_dir:` to name a folder",
        ));
    };
    let folder = tree::page(folder);
    let folder = folder.trim_end_matches('/');
    Ok(if folder.is_empty() { "." } else { folder }.to_string())
}

/// Reads `nav:`; `None` when there is none or it is empty (MkDocs then orders the pages by
/// name). Targets are the paths as
/// written (with their `.md`), relative to [`docs_dir`]; a section is an entry without a
/// target, its pages one level deeper.
pub(crate) fn read(mkdocs_yml: &str) -> Result<Option<Toc>, TableError> {
    let document = config(mkdocs_yml)?;
    let Some(nav) = document.field("nav") else {
        return Ok(None);
    };
    if nav.items().is_some_and(<[Node]>::is_empty) {
        return Ok(None);
    }
    let mut toc = Toc::default();
    read_list(nav, 0, &mut toc)?;
    Ok(Some(toc))
}

/// The document, which must be a mapping (or empty).
fn config(mkdocs_yml: &str) -> Result<Node, TableError> {
    let document = tree::parse(mkdocs_yml)?;
    match document.value {
        Value::Map(_) | Value::Null => Ok(document),
        _ => Err(TableError::new(
            Some(document.line),
            "expected mkdocs.yml to be a mapping of settings (`site_name:`, `nav:`...)",
        )),
    }
}

/// A list of nav items at `depth`.
fn read_list(list: &Node, depth: usize, toc: &mut Toc) -> Result<(), TableError> {
    let items = list.items().ok_or_else(|| {
        let message = "expected a list of pages and sections: `- page.md`, `- Title: page.md`";
        TableError::new(Some(list.line), message)
    })?;
    for item in items {
        read_item(item, depth, toc)?;
    }
    Ok(())
}

/// One nav item: a page, a titled page, a titled section (then its items) or a link.
fn read_item(item: &Node, depth: usize, toc: &mut Toc) -> Result<(), TableError> {
    let mut push = |title: Option<&str>, target: Option<&str>| {
        toc.entries.push(TocEntry {
            title: title.map(str::to_string),
            target: target.map(tree::page),
            depth,
            part: None,
            line: Some(item.line),
            draft: false,
        })
    };
    let (title, value) = match &item.value {
        Value::Text(path) if !tree::is_external(path) => {
            push(None, Some(path));
            return Ok(());
        }
        Value::Text(_) => return Ok(()),
        Value::Map(pairs) if pairs.len() == 1 => match &pairs[0] {
            (Some(title), value) => (title.as_str(), value),
            (None, _) => return Err(expected_item(item.line)),
        },
        _ => return Err(expected_item(item.line)),
    };
    match &value.value {
        Value::Text(path) if tree::is_external(path) => Ok(()),
        Value::Text(path) => {
            push(Some(title), Some(path));
            Ok(())
        }
        Value::List(_) => {
            push(Some(title), None);
            read_list(value, depth + 1, toc)
        }
        // An empty value's line is that of what follows it: name the item's. The title is
        // shown short and without control characters, which could move a terminal's cursor.
        _ => {
            let shown: String = title.chars().filter(|c| !c.is_control()).take(40).collect();
            let message = format!("expected a page, a link or a list of pages after `{shown}:`");
            Err(TableError::new(Some(item.line), message))
        }
    }
}

fn expected_item(line: usize) -> TableError {
    TableError::new(
        Some(line),
        "expected a page (`- page.md`), a titled page (`- Title: page.md`) or a section \
         (`- Title:` and a list)",
    )
}

#[cfg(test)]
mod tests;
