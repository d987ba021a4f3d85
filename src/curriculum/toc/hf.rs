//! Hugging Face doc-builder: `_toctree.yml` is a list of entries, each with a `title:` and a
//! page (`local:`, without its extension: `.md` or `.mdx`) or `sections:` (entries nested to
//! any depth), or both. `draft: true` marks a page not published yet; other keys
//! (`isExpanded:`, `new:`, `quiz:`...) are tolerated and ignored.

use super::tree::{self, Node, Value};
use super::{TableError, Toc, TocEntry};

/// Reads `_toctree.yml`. Targets are the `local:` values as written, relative to the folder of
/// `_toctree.yml`; an entry with `sections:` and no `local:` is a heading (no target). A
/// draft keeps its target, and so do the entries nested in it, drafts too.
pub(crate) fn read(text: &str) -> Result<Toc, TableError> {
    let document = tree::parse(text)?;
    let mut toc = Toc::default();
    if document.value != Value::Null {
        read_list(&document, 0, false, &mut toc)?;
    }
    Ok(toc)
}

/// A list of entries at `depth`; `in_draft` when it is nested in a draft.
fn read_list(list: &Node, depth: usize, in_draft: bool, toc: &mut Toc) -> Result<(), TableError> {
    let items = list.items().ok_or_else(|| {
        let message =
            "expected a list of entries: `- title: Title` with `local: page` or `sections:`";
        TableError::new(Some(list.line), message)
    })?;
    for item in items {
        read_entry(item, depth, in_draft, toc)?;
    }
    Ok(())
}

/// One entry, then the entries nested in it.
fn read_entry(item: &Node, depth: usize, in_draft: bool, toc: &mut Toc) -> Result<(), TableError> {
    if !item.is_map() {
        return Err(TableError::new(
            Some(item.line),
            "expected an entry: `- title: Title` with `local: page` or `sections:`",
        ));
    }
    let local = item.text_of("local")?;
    let sections = item.field("sections");
    if local.is_none() && sections.is_none() {
        return Err(TableError::new(
            Some(item.line),
            "expected `local:` or `sections:` in an entry",
        ));
    }
    let draft = in_draft || item.get("draft").is_some_and(Node::is_true);
    // A link away from the site is no page to study.
    if !local.is_some_and(tree::is_external) {
        toc.entries.push(TocEntry {
            title: item.text_of("title")?.map(str::to_string),
            target: local.map(tree::page),
            depth,
            part: None,
            line: Some(item.line),
            draft,
        });
    }
    match sections {
        Some(sections) => read_list(sections, depth + 1, draft, toc),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
