//! Jupyter Book: `_toc.yml` lists the book's pages. `format: jb-book` has a `root:` page, then
//! `chapters:`, or `parts:` each with a `caption:` and `chapters:`; any entry may hold
//! `sections:` (nested to any depth). `format: jb-article` has a `root:` and `sections:`.
//! An entry names a page with `file:` (usually without its extension), an external link with
//! `url:` (skipped) or a pattern with `glob:` (skipped: a pattern gives no order). Options
//! (`options:`, `defaults:`, `numbered:`, `maxdepth:`...) are tolerated and ignored.

use super::tree::{self, Node, Value};
use super::{TableError, Toc, TocEntry};

/// Which list an entry is in, for messages.
#[derive(Clone, Copy)]
enum Level {
    Chapter,
    Section,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Chapter => "chapter",
            Level::Section => "section",
        }
    }
}

/// Reads `_toc.yml`: the root page first (depth 0), then the chapters in order. Targets are
/// the `file:` values as written, relative to the folder of `_toc.yml`.
pub(crate) fn read(text: &str) -> Result<Toc, TableError> {
    let document = tree::parse(text)?;
    let mut toc = Toc::default();
    let old_form = " (a list at the top is the _toc.yml of Jupyter Book before 0.11: \
                    `jupyter-book toc migrate` updates it)";
    match document.value {
        Value::Null => return Ok(toc),
        Value::Map(_) => {}
        ref other => {
            let hint = if matches!(other, Value::List(_)) {
                old_form
            } else {
                ""
            };
            let message = format!("expected `format: jb-book` and `root:`{hint}");
            return Err(TableError::new(Some(document.line), message));
        }
    }
    let root = document.text_of("root")?.ok_or_else(|| {
        TableError::new(
            Some(document.line),
            "expected `root:`, the book's first page",
        )
    })?;
    toc.entries.push(TocEntry {
        target: Some(tree::page(root)),
        line: document.field("root").map(|node| node.line),
        ..TocEntry::default()
    });
    match document.text_of("format")?.unwrap_or("jb-book") {
        "jb-book" => read_book(&document, &mut toc)?,
        "jb-article" => {
            if let Some(sections) = document.field("sections") {
                read_list(sections, Level::Section, 0, None, &mut toc)?;
            }
        }
        _ => {
            let line = document.field("format").map(|node| node.line);
            return Err(TableError::new(
                line,
                "expected `format: jb-book` or `format: jb-article`",
            ));
        }
    }
    Ok(toc)
}

/// A book's `parts:` or `chapters:`.
fn read_book(document: &Node, toc: &mut Toc) -> Result<(), TableError> {
    let Some(parts) = document.field("parts") else {
        if let Some(chapters) = document.field("chapters") {
            read_list(chapters, Level::Chapter, 0, None, toc)?;
        }
        return Ok(());
    };
    if let Some(chapters) = document.field("chapters") {
        return Err(TableError::new(
            Some(chapters.line),
            "expected `parts:` or `chapters:` at the top, not both",
        ));
    }
    let items = parts.items().ok_or_else(|| {
        let message = "expected a list of parts under `parts:`: `- caption: Title` and `chapters:`";
        TableError::new(Some(parts.line), message)
    })?;
    for part in items {
        let chapters = part
            .field("chapters")
            .ok_or_else(|| TableError::new(Some(part.line), "expected `chapters:` in a part"))?;
        // A part without a caption groups its chapters under no title.
        let index = part.text_of("caption")?.map(|caption| {
            toc.parts.push(caption.to_string());
            toc.parts.len() - 1
        });
        read_list(chapters, Level::Chapter, 0, index, toc)?;
    }
    Ok(())
}

/// The entries of a list of chapters or sections, at `depth`.
fn read_list(
    list: &Node,
    level: Level,
    depth: usize,
    part: Option<usize>,
    toc: &mut Toc,
) -> Result<(), TableError> {
    let items = list.items().ok_or_else(|| {
        let message = format!("expected a list of {}s: `- file: page`", level.name());
        TableError::new(Some(list.line), message)
    })?;
    for item in items {
        read_entry(item, level, depth, part, toc)?;
    }
    Ok(())
}

/// One chapter or section, then its sections.
fn read_entry(
    item: &Node,
    level: Level,
    depth: usize,
    part: Option<usize>,
    toc: &mut Toc,
) -> Result<(), TableError> {
    let name = level.name();
    if !item.is_map() {
        let message = format!("expected a {name}: `- file: page`, with `title:` if any");
        return Err(TableError::new(Some(item.line), message));
    }
    if item.field("url").is_some() || item.field("glob").is_some() {
        return Ok(());
    }
    let file = item.text_of("file")?;
    let nested = item.field("sections").is_some() || item.field("parts").is_some();
    if file.is_none() && !nested {
        let message = format!("expected `file:`, `url:`, `glob:` or `sections:` in a {name}");
        return Err(TableError::new(Some(item.line), message));
    }
    toc.entries.push(TocEntry {
        title: item.text_of("title")?.map(str::to_string),
        target: file.map(tree::page),
        depth,
        part,
        line: Some(item.line),
        draft: false,
    });
    if let Some(sections) = item.field("sections") {
        read_list(sections, Level::Section, depth + 1, part, toc)?;
    }
    if let Some(groups) = item.field("parts") {
        read_groups(groups, depth + 1, part, toc)?;
    }
    Ok(())
}

/// A page's sections split into captioned groups: `parts:`, each with `sections:`. The
/// groups' captions are not the book's parts, and are not kept.
fn read_groups(
    groups: &Node,
    depth: usize,
    part: Option<usize>,
    toc: &mut Toc,
) -> Result<(), TableError> {
    let groups = groups.items().ok_or_else(|| {
        let message = "expected a list under `parts:`: `- caption: Title` and `sections:`";
        TableError::new(Some(groups.line), message)
    })?;
    for group in groups {
        let sections = group.field("sections").ok_or_else(|| {
            TableError::new(Some(group.line), "expected `sections:` in a part of a page")
        })?;
        read_list(sections, Level::Section, depth, part, toc)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
