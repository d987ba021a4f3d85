//! Reading one page: is it a study document, an index page, or a page of another schema?

use super::Level;
use super::duration::parse_minutes;
use super::frontmatter::{self, Split};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

/// The frontmatter fields the planner reads. Unknown fields are ignored on purpose: real
/// curricula carry all sorts of extra metadata.
#[derive(Debug, Default, Deserialize)]
struct Fields {
    title: Option<String>,
    level: Option<String>,
    estimated_time: Option<String>,
    prerequisites: Option<Vec<String>>,
    next_recommended: Option<Vec<String>>,
    tags: Option<Vec<String>>,
}

/// A link from one page to another, with the line it was written on.
#[derive(Debug, Clone)]
pub struct Link {
    pub target: String,
    pub line: Option<usize>,
}

#[derive(Debug)]
pub struct StudyPage {
    pub title: String,
    pub level: Level,
    pub minutes: u32,
    pub prerequisites: Vec<Link>,
    pub next_recommended: Vec<Link>,
    pub tags: Vec<String>,
}

#[derive(Debug)]
pub enum Page {
    Study(StudyPage),
    /// README.md or index.md without frontmatter.
    Index,
    /// Another page without frontmatter.
    Plain,
    /// Frontmatter without `estimated_time`.
    Reference,
    /// The page has errors (already reported).
    Broken,
}

fn is_index_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    matches!(name.as_str(), "readme.md" | "index.md" | "_index.md")
}

/// The file name without its extension: "a/01_intro.md" -> "01_intro".
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The longest frontmatter we read. Real frontmatter is a few hundred bytes; the limit keeps a
/// runaway block from costing memory or time.
pub const MAX_FRONTMATTER_BYTES: usize = 64 * 1024;

/// Classifies and parses one page from its first bytes (see `PAGE_READ_LIMIT`); `truncated`
/// says the page may go on past them. `shown` is the path used in messages.
pub fn parse(
    path: &str,
    shown: &str,
    bytes: &[u8],
    truncated: bool,
    out: &mut Vec<Diagnostic>,
) -> Page {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // The read stopped inside a character: the text before it is all we need.
        Err(error) if truncated && error.error_len().is_none() => {
            std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default()
        }
        Err(error) => {
            out.push(
                Diagnostic::error(format!(
                    "not valid UTF-8 (invalid byte at offset {})",
                    error.valid_up_to()
                ))
                .file(shown)
                .help("save the file as UTF-8"),
            );
            return Page::Broken;
        }
    };
    let text = frontmatter::normalize(text);
    let found = match frontmatter::split(&text) {
        Split::None { .. } if is_index_name(path) => return Page::Index,
        Split::None { .. } => {
            out.push(
                Diagnostic::warning("no frontmatter; not a study document")
                    .file(shown)
                    .help("add `estimated_time:` in a `---` block at the top to schedule it"),
            );
            return Page::Plain;
        }
        Split::Unclosed if truncated => {
            out.push(
                Diagnostic::error(format!(
                    "the frontmatter is longer than the limit of {} KiB, or never closed",
                    MAX_FRONTMATTER_BYTES / 1024
                ))
                .file(shown)
                .line(Some(1))
                .help("end the frontmatter with a line holding only `---`"),
            );
            return Page::Broken;
        }
        Split::Unclosed => {
            out.push(
                Diagnostic::error("the frontmatter opened on line 1 is never closed")
                    .file(shown)
                    .line(Some(1))
                    .help("end the frontmatter with a line holding only `---`"),
            );
            return Page::Broken;
        }
        Split::Found(found) if found.yaml.len() > MAX_FRONTMATTER_BYTES => {
            out.push(
                Diagnostic::error(format!(
                    "the frontmatter is {} KiB, more than the limit of {} KiB",
                    found.yaml.len() / 1024,
                    MAX_FRONTMATTER_BYTES / 1024
                ))
                .file(shown)
                .line(Some(1)),
            );
            return Page::Broken;
        }
        Split::Found(found) => found,
    };
    let in_file = |yaml_line: usize| found.first_line + yaml_line - 1;
    let fields: Fields = match frontmatter::decode(found.yaml) {
        Ok(fields) => fields,
        Err(error) => {
            out.push(
                Diagnostic::error(format!("invalid frontmatter: {}", error.message))
                    .file(shown)
                    .line(error.line.map(in_file))
                    .help("frontmatter is YAML: `key: value` lines, lists as `- item`"),
            );
            return Page::Broken;
        }
    };
    let Some(time) = fields.estimated_time else {
        out.push(
            Diagnostic::warning(
                "frontmatter has no estimated_time; treated as a reference page, not scheduled",
            )
            .file(shown)
            .line(Some(1)),
        );
        return Page::Reference;
    };
    let minutes = match parse_minutes(&time) {
        Ok(minutes) => minutes,
        Err(error) => {
            out.push(
                Diagnostic::error(format!(
                    "expected a duration like \"55 min\" or \"1h30m\", found \"{time}\": {error}"
                ))
                .file(shown)
                .line(frontmatter::key_line(found.yaml, "estimated_time").map(in_file))
                .field("estimated_time"),
            );
            return Page::Broken;
        }
    };
    let links = |key: &str, targets: Option<Vec<String>>| -> Vec<Link> {
        let targets = targets.unwrap_or_default();
        let lines = frontmatter::value_lines(found.yaml, key, &targets);
        targets
            .into_iter()
            .zip(lines)
            .map(|(target, line)| Link {
                target,
                line: line.map(in_file),
            })
            .collect()
    };
    let title = fields
        .title
        .filter(|title| !title.trim().is_empty())
        .or_else(|| frontmatter::first_heading(found.body).map(str::to_string))
        .unwrap_or_else(|| file_stem(path).to_string());
    let level = Level::parse(fields.level.as_deref().unwrap_or(""));
    if let Level::Other(text) = &level
        && !text.is_empty()
    {
        out.push(
            Diagnostic::warning(format!(
                "unknown level '{text}'; expected foundational, intermediate, specialized, advanced or reference"
            ))
            .file(shown)
            .line(frontmatter::key_line(found.yaml, "level").map(in_file))
            .field("level"),
        );
    }
    Page::Study(StudyPage {
        title,
        level,
        minutes,
        prerequisites: links("prerequisites", fields.prerequisites),
        next_recommended: links("next_recommended", fields.next_recommended),
        tags: fields.tags.unwrap_or_default(),
    })
}
