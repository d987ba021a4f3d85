//! mdBook: `book.toml` says where the pages are (`[book] src`, `src` by default), and
//! `SUMMARY.md` there lists them: prefix chapters, numbered chapters nested by indentation
//! (parts titled by `# Part` headings), suffix chapters, separators and drafts (`[Title]()`).

use super::{TableError, Toc, TocEntry};

/// The folder of the book's pages, relative to `book.toml`'s folder.
pub(crate) fn source_folder(book_toml: &str) -> Result<String, TableError> {
    #[derive(serde::Deserialize, Default)]
    struct Book {
        src: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct BookToml {
        #[serde(default)]
        book: Book,
    }
    let parsed: BookToml = toml::from_str(book_toml).map_err(|error| {
        let line = error.span().map(|span| {
            book_toml[..span.start.min(book_toml.len())]
                .lines()
                .count()
                .max(1)
        });
        TableError::new(
            line,
            format!("not a book.toml mdBook reads: {}", error.message()),
        )
    })?;
    let src = parsed.book.src.unwrap_or_else(|| "src".to_string());
    Ok(src.trim_matches('/').trim_start_matches("./").to_string())
}

/// Reads `SUMMARY.md`.
pub(crate) fn read(summary: &str) -> Result<Toc, TableError> {
    let mut toc = Toc::default();
    let mut indents: Vec<usize> = Vec::new();
    let mut titled = false;
    let mut in_comment = false;
    for (index, line) in summary.lines().enumerate() {
        let number = index + 1;
        if skip_comment(line, &mut in_comment) {
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || is_separator(trimmed) {
            continue;
        }
        if let Some(heading) = heading_text(trimmed) {
            // The first heading before any chapter is the summary's own title.
            if titled || !toc.entries.is_empty() {
                toc.parts.push(heading.to_string());
            }
            titled = true;
            continue;
        }
        titled = true;
        // mdBook counts a tab as four columns.
        let indent: usize = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let (item, listed) = match list_item(trimmed) {
            Some(item) => (item, true),
            None => (trimmed, false),
        };
        let Some((title, target)) = link(item) else {
            return Err(TableError::new(
                Some(number),
                "expected a chapter: `- [Title](page.md)`, `[Title](page.md)` or `# Part`",
            ));
        };
        let depth = if listed {
            depth_of(&mut indents, indent)
        } else {
            0
        };
        toc.entries.push(TocEntry {
            title: Some(title.to_string()),
            draft: target.is_empty(),
            target: (!target.is_empty()).then(|| target.to_string()),
            depth,
            // Prefix and suffix chapters stand outside the parts.
            part: toc.parts.len().checked_sub(1).filter(|_| listed),
            line: Some(number),
        });
    }
    Ok(toc)
}

/// Whether a line is inside an HTML comment (and so skipped); keeps track across lines.
fn skip_comment(line: &str, in_comment: &mut bool) -> bool {
    let trimmed = line.trim();
    if *in_comment {
        *in_comment = !trimmed.contains("-->");
        return true;
    }
    if trimmed.starts_with("<!--") {
        *in_comment = !trimmed.contains("-->");
        return true;
    }
    false
}

fn is_separator(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|mark| compact.chars().all(|c| c.to_string() == *mark))
}

/// The text of an ATX heading line (`# Part One`).
fn heading_text(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| rest.trim().trim_end_matches('#').trim())
}

/// The text after a list marker: `- `, `* `, `+ ` or `1. `.
fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+'])
        && rest.starts_with([' ', '\t'])
    {
        return Some(rest.trim_start());
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0)
        .then(|| rest.strip_prefix(['.', ')']))
        .flatten()
        .filter(|rest| rest.starts_with([' ', '\t']))
        .map(str::trim_start)
}

/// The depth of a list item from its indentation, against the items still open above it.
fn depth_of(indents: &mut Vec<usize>, indent: usize) -> usize {
    while indents.last().is_some_and(|&open| open >= indent) {
        indents.pop();
    }
    indents.push(indent);
    indents.len() - 1
}

/// `[Title](target)`: the title (brackets may nest) and the target without an `#anchor`;
/// an empty target is a draft.
fn link(text: &str) -> Option<(&str, String)> {
    let rest = text.strip_prefix('[')?;
    let mut depth = 1usize;
    let close = rest.char_indices().find_map(|(at, c)| {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(at)
    })?;
    let title = &rest[..close];
    let target = rest[close + 1..].strip_prefix('(')?;
    let target = target[..target.rfind(')')?].trim();
    let target = match target.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map_or(inner, |(path, _)| path),
        // A link title (`(page.md "Title")`) follows the destination after a space.
        None => target.split_whitespace().next().unwrap_or(""),
    };
    let target = target.split('#').next().unwrap_or("");
    let target = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
    Some((title, target.trim_start_matches("./").to_string()))
}

#[cfg(test)]
mod tests;
