//! Reading one page: is it a study document, an index page, or a page of another schema?

use super::Level;
use super::duration::parse_minutes;
use super::frontmatter::{self, Frontmatter, Split};
use crate::diagnostic::Diagnostic;
use crate::yaml;
use crate::yaml::flat::{self as flat_yaml, Value};
use serde::Deserialize;

/// The frontmatter fields the planner reads. Unknown fields are ignored on purpose: real
/// curricula carry all sorts of extra metadata.
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
struct Fields {
    title: Option<String>,
    level: Option<String>,
    estimated_time: Option<String>,
    prerequisites: Option<Vec<String>>,
    next_recommended: Option<Vec<String>>,
    tags: Option<Vec<String>>,
}

/// The lines (within the YAML) of each prerequisite and each next_recommended link.
type LinkLines = (Vec<Option<usize>>, Vec<Option<usize>>);

/// The fields, read by the fast reader when the frontmatter is in its subset, with the lines of
/// the links; `None` sends the page to the full YAML parser.
fn fast_fields(yaml: &str) -> Option<(Fields, LinkLines)> {
    let mut fields = Fields::default();
    let mut lines: LinkLines = (Vec::new(), Vec::new());
    for (key, value) in flat_yaml::parse(yaml)? {
        let item_lines =
            |items: &[(&str, usize)]| items.iter().map(|(_, line)| Some(*line)).collect();
        match (key, &value) {
            ("prerequisites", Value::List(items)) => lines.0 = item_lines(items),
            ("next_recommended", Value::List(items)) => lines.1 = item_lines(items),
            _ => {}
        }
        let text = |value: Value<'_>| match value {
            Value::Null => Some(None),
            Value::Str(text) => Some(Some(text.to_string())),
            Value::List(_) => None,
        };
        let list = |value: Value<'_>| match value {
            Value::Null => Some(None),
            Value::List(items) => Some(Some(
                items.iter().map(|(item, _)| item.to_string()).collect(),
            )),
            Value::Str(_) => None,
        };
        match key {
            "title" => fields.title = text(value)?,
            "level" => fields.level = text(value)?,
            "estimated_time" => fields.estimated_time = text(value)?,
            "prerequisites" => fields.prerequisites = list(value)?,
            "next_recommended" => fields.next_recommended = list(value)?,
            "tags" => fields.tags = list(value)?,
            _ => {}
        }
    }
    Some((fields, lines))
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

/// The most prerequisites one document may list: far more than any real document needs, few
/// enough that no input makes the graph explode.
pub const MAX_PREREQUISITES: usize = 256;

/// A better line and a fix for the YAML errors people make most: a tab in the indentation and
/// a key written twice (the parser points at the mapping, not at the second key).
fn explain_yaml_error(yaml: &str, error: &yaml::YamlError) -> (Option<usize>, &'static str) {
    if let Some(key) = error
        .message
        .split("duplicate field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        let second = yaml
            .lines()
            .enumerate()
            .filter(|(_, line)| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .nth(1)
            .map(|(index, _)| index + 1);
        return (
            second.or(error.line),
            "remove one of the two; each key may appear once",
        );
    }
    let tab_line = error
        .line
        .and_then(|line| yaml.lines().nth(line.saturating_sub(1)))
        .is_some_and(|line| line.contains('\t'));
    if tab_line {
        return (
            error.line,
            "YAML does not allow tabs for indentation; indent with spaces",
        );
    }
    (
        error.line,
        "frontmatter is YAML: `key: value` lines, lists as `- item`",
    )
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
    let Some(text) = utf8_text(bytes, truncated, shown, out) else {
        return Page::Broken;
    };
    let text = frontmatter::normalize(text);
    let found = match frontmatter_of(path, shown, &text, truncated, out) {
        Ok(found) => found,
        Err(Without::Index) => return Page::Index,
        Err(Without::Plain) => return Page::Plain,
        Err(Without::Broken) => return Page::Broken,
    };
    let in_file = |yaml_line: usize| found.first_line + yaml_line - 1;
    let (fields, fast_lines) = match decode_fields(found.yaml) {
        Ok(decoded) => decoded,
        Err(error) => {
            let (line, help) = explain_yaml_error(found.yaml, &error);
            out.push(
                Diagnostic::error(format!("invalid frontmatter: {}", error.message))
                    .file(shown)
                    .line(line.map(in_file))
                    .help(help),
            );
            return Page::Broken;
        }
    };
    if let Some(count) = fields.prerequisites.as_ref().map(Vec::len)
        && count > MAX_PREREQUISITES
    {
        out.push(
            Diagnostic::error(format!(
                "{count} prerequisites, more than the limit of {MAX_PREREQUISITES}"
            ))
            .file(shown)
            .line(yaml::key_line(found.yaml, "prerequisites").map(in_file))
            .field("prerequisites")
            .help("split the document, or list only its direct prerequisites"),
        );
        return Page::Broken;
    }
    let Some(minutes) = minutes_of(&fields, &found, shown, out) else {
        return if fields.estimated_time.is_none() {
            Page::Reference
        } else {
            Page::Broken
        };
    };
    let level = level_of(&fields, &found, shown, out);
    let (prerequisite_lines, next_lines) = fast_lines.unwrap_or_default();
    let links = |key: &str, targets: Option<Vec<String>>, known: Vec<Option<usize>>| -> Vec<Link> {
        let targets = targets.unwrap_or_default();
        let lines = if known.len() == targets.len() {
            known
        } else {
            yaml::value_lines(found.yaml, key, &targets)
        };
        targets
            .into_iter()
            .zip(lines)
            .map(|(target, line)| Link {
                target,
                line: line.map(in_file),
            })
            .collect()
    };
    Page::Study(StudyPage {
        title: title_of(fields.title, &found, path),
        level,
        minutes,
        prerequisites: links("prerequisites", fields.prerequisites, prerequisite_lines),
        next_recommended: links("next_recommended", fields.next_recommended, next_lines),
        tags: fields.tags.unwrap_or_default(),
    })
}

/// The page as text; `None` (reported) when it is not UTF-8. A read that stopped inside a
/// character keeps the text before it.
fn utf8_text<'a>(
    bytes: &'a [u8],
    truncated: bool,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) if truncated && error.error_len().is_none() => {
            Some(std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default())
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
            None
        }
    }
}

/// The page's frontmatter, or what the page is without one (an index page, a plain page, or a
/// broken one, reported).
fn frontmatter_of<'t>(
    path: &str,
    shown: &str,
    text: &'t str,
    truncated: bool,
    out: &mut Vec<Diagnostic>,
) -> Result<Frontmatter<'t>, Without> {
    let unclosed = |message: String| {
        Diagnostic::error(message)
            .file(shown)
            .line(Some(1))
            .help("end the frontmatter with a line holding only `---`")
    };
    match frontmatter::split(text) {
        Split::None { .. } if is_index_name(path) => Err(Without::Index),
        Split::None { .. } => {
            out.push(
                Diagnostic::warning("no frontmatter; not a study document")
                    .file(shown)
                    .help("add `estimated_time:` in a `---` block at the top to schedule it"),
            );
            Err(Without::Plain)
        }
        Split::Unclosed if truncated => {
            out.push(unclosed(format!(
                "the frontmatter is longer than the limit of {} KiB, or never closed",
                MAX_FRONTMATTER_BYTES / 1024
            )));
            Err(Without::Broken)
        }
        Split::Unclosed => {
            out.push(unclosed(
                "the frontmatter opened on line 1 is never closed".to_string(),
            ));
            Err(Without::Broken)
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
            Err(Without::Broken)
        }
        Split::Found(found) => Ok(found),
    }
}

/// What a page without a usable frontmatter is.
#[derive(Debug, Clone, Copy)]
enum Without {
    Index,
    Plain,
    Broken,
}

/// The fields, by the fast reader when the frontmatter is in its subset (with the lines of
/// the links), else by the YAML parser.
fn decode_fields(yaml: &str) -> Result<(Fields, Option<LinkLines>), yaml::YamlError> {
    match fast_fields(yaml) {
        Some((fields, lines)) => Ok((fields, Some(lines))),
        None => yaml::decode::<Fields>(yaml).map(|fields| (fields, None)),
    }
}

/// The estimated time in minutes; `None` when there is none (reported as a reference page)
/// or it is not a duration (reported as an error).
fn minutes_of(
    fields: &Fields,
    found: &Frontmatter<'_>,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let in_file = |yaml_line: usize| found.first_line + yaml_line - 1;
    let Some(time) = &fields.estimated_time else {
        out.push(
            Diagnostic::warning(
                "frontmatter has no estimated_time; treated as a reference page, not scheduled",
            )
            .file(shown)
            .line(Some(1)),
        );
        return None;
    };
    match parse_minutes(time) {
        Ok(minutes) => Some(minutes),
        Err(error) => {
            out.push(
                Diagnostic::error(format!(
                    "expected a duration like \"55 min\" or \"1h30m\", found \"{time}\": {error}"
                ))
                .file(shown)
                .line(yaml::key_line(found.yaml, "estimated_time").map(in_file))
                .field("estimated_time"),
            );
            None
        }
    }
}

/// The level; an unknown one is kept as written, with a warning.
fn level_of(
    fields: &Fields,
    found: &Frontmatter<'_>,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Level {
    let level = Level::parse(fields.level.as_deref().unwrap_or(""));
    if let Level::Other(text) = &level
        && !text.is_empty()
    {
        out.push(
            Diagnostic::warning(format!(
                "unknown level '{text}'; expected foundational (or foundation, beginner, basic, easy, introductory), intermediate (or medium), specialized (or specialised), advanced (or expert, hard) or reference"
            ))
            .file(shown)
            .line(
                yaml::key_line(found.yaml, "level").map(|line| found.first_line + line - 1),
            )
            .field("level"),
        );
    }
    level
}

/// The title: `title:`, else the first heading, else the file name. Control characters would
/// break calendars, tables and XML: they become spaces.
fn title_of(title: Option<String>, found: &Frontmatter<'_>, path: &str) -> String {
    title
        .filter(|title| !title.trim().is_empty())
        .or_else(|| frontmatter::first_heading(found.body).map(str::to_string))
        .unwrap_or_else(|| file_stem(path).to_string())
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines of frontmatter built from pieces that are in the fast reader's subset and pieces
    /// that are not, so that both paths and their borders are exercised.
    fn frontmatter_lines() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "title",
            "level",
            "estimated_time",
            "prerequisites",
            "next_recommended",
            "tags",
            "author",
            "Title",
            "depth",
        ]);
        let scalar = prop::sample::select(vec![
            "intermediate",
            "45 min",
            "\"1h30m\"",
            "'quoted'",
            "a/b.md",
            "01_x/02_y.md",
            "55",
            "1.5",
            "true",
            "null",
            "~",
            "yes",
            "0x1F",
            "1e3",
            "x: y",
            "a #b",
            "\"\"",
            "-5 min",
            "[a, b]",
            "[]",
            "[ ]",
            "[a,]",
            "{a: 1}",
            "&x y",
            "*x",
            "|",
            ">",
            "!tag x",
            "é ü",
            "12abc",
            ".inf",
            "a,b",
            "[x, 'y', \"z\"]",
            "a\u{1}b",
            "b\u{a0}",
            "\u{3000}c",
            "a\u{2028}b",
            "a\u{85} b",
            "d\u{7f}",
            "[a]\n  - b",
        ]);
        let line = (
            key,
            scalar,
            0..4usize,
            prop::sample::select(vec!["", "  ", "    ", "\t"]),
        )
            .prop_map(|(key, value, items, indent)| match items {
                0 => format!("{key}: {value}\n"),
                1 => format!("{key}:\n"),
                n => {
                    let mut text = format!("{key}:\n");
                    for _ in 1..n {
                        text.push_str(&format!("{indent}- {value}\n"));
                    }
                    text
                }
            });
        prop::collection::vec(line, 0..7).prop_map(|lines| lines.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The fast reader agrees with the full YAML parser on everything it accepts.
        #[test]
        fn fast_reader_agrees_with_the_yaml_parser(yaml in frontmatter_lines()) {
            if let Some((fast, _)) = fast_fields(&yaml) {
                let full: Result<Fields, _> = yaml::decode(&yaml);
                prop_assert_eq!(Ok(fast), full, "{:?}", yaml);
            }
        }
    }

    #[test]
    fn the_embedded_curriculum_takes_the_fast_path() {
        let source = crate::Source::Embedded;
        let listing = source.list().unwrap();
        for entry in &listing.entries {
            let super::super::source::Content::Bytes(bytes) = entry.content else {
                panic!("embedded pages are bytes")
            };
            let text = std::str::from_utf8(bytes).unwrap();
            let Split::Found(found) = frontmatter::split(text) else {
                panic!("{} has frontmatter", entry.path)
            };
            assert!(fast_fields(found.yaml).is_some(), "{}", entry.path);
        }
    }
}
