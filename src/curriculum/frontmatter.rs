//! Splitting a Markdown page into YAML frontmatter and body, and decoding YAML.
//!
//! Every use of `serde_yaml` in the crate lives in this module, so the YAML library can be
//! swapped in one place.

use serde::de::DeserializeOwned;
use std::borrow::Cow;

/// A page's text with a UTF-8 BOM removed and CRLF line endings turned into LF.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The frontmatter block of a page and what follows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Frontmatter<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Line number (1-based, in the file) of the first YAML line.
    pub first_line: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Split<'a> {
    /// The page does not start with `---`: it has no frontmatter.
    None {
        body: &'a str,
    },
    Found(Frontmatter<'a>),
    /// The page starts with `---` but no closing `---` (or `...`) line follows.
    Unclosed,
}

/// Splits a normalized page (see [`normalize`]).
pub fn split(text: &str) -> Split<'_> {
    let Some(after_open) = strip_delimiter_line(text, "---") else {
        return Split::None { body: text };
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Split::Found(Frontmatter {
                yaml: &after_open[..offset],
                first_line: 2,
                body: &after_open[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Split::Unclosed
}

/// Returns the text after the first line when that line is exactly `delimiter`.
fn strip_delimiter_line<'a>(text: &'a str, delimiter: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(delimiter)?;
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if !rest[..line_end].trim().is_empty() {
        return None;
    }
    Some(rest.get(line_end + 1..).unwrap_or(""))
}

/// The first `# ` heading of a Markdown body, if any.
pub fn first_heading(body: &str) -> Option<&str> {
    body.lines()
        .map(str::trim_end)
        .find_map(|line| line.strip_prefix("# "))
        .map(str::trim)
        .filter(|title| !title.is_empty())
}

/// A YAML decoding failure: the message and the 1-based line within the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
}

/// Decodes YAML text into `T`. Empty text decodes as an empty mapping.
pub fn decode<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    let source = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(source).map_err(|error| {
        let line = error.location().map(|location| location.line());
        YamlError {
            message: without_location(&error.to_string()),
            line,
        }
    })
}

/// The message without its " at line L column C" part: the caller reports the location
/// itself, in the file's own line numbering.
fn without_location(message: &str) -> String {
    let Some(at) = message.find(" at line ") else {
        return message.to_string();
    };
    let rest = &message[at..];
    let end = rest
        .find(" column ")
        .map(|column| {
            let digits = &rest[column + " column ".len()..];
            column
                + " column ".len()
                + digits
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(digits.len())
        })
        .unwrap_or(rest.len());
    // The parser may name a second place (where a scalar started); in the YAML's numbering it
    // would mislead, so every one goes.
    without_location(&format!("{}{}", &message[..at], &rest[end..]))
}

/// Encodes a value as YAML.
pub fn encode<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|error| YamlError {
        message: error.to_string(),
        line: None,
    })
}

/// The 1-based line (within `yaml`) of the top-level key `key`, if it is written plainly.
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|index| index + 1)
}

/// The 1-based lines (within `yaml`) where each of `values` is written under `key` (as list
/// items or inline), falling back to the key's own line. One pass over the key's block.
pub fn value_lines(yaml: &str, key: &str, values: &[String]) -> Vec<Option<usize>> {
    let Some(start) = key_line(yaml, key) else {
        return vec![None; values.len()];
    };
    let block: Vec<(usize, &str)> = yaml
        .lines()
        .enumerate()
        .skip(start - 1)
        .take_while(|(index, line)| {
            *index + 1 == start || line.starts_with(' ') || line.starts_with('-')
        })
        .collect();
    values
        .iter()
        .map(|value| {
            block
                .iter()
                .find(|(_, line)| line.contains(value.as_str()))
                .map_or(Some(start), |(index, _)| Some(index + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_frontmatter_from_body() {
        let page = "---\nlevel: x\n---\n\n# Title\n";
        let Split::Found(found) = split(page) else {
            panic!("no frontmatter found")
        };
        assert_eq!(found.yaml, "level: x\n");
        assert_eq!(found.body, "\n# Title\n");
        assert_eq!(first_heading(found.body), Some("Title"));
    }

    #[test]
    fn page_without_delimiter_has_no_frontmatter() {
        assert_eq!(split("# Index\n"), Split::None { body: "# Index\n" });
        assert_eq!(split("----\n"), Split::None { body: "----\n" });
    }

    #[test]
    fn unclosed_frontmatter_is_reported() {
        assert_eq!(split("---\nlevel: x\n# Title\n"), Split::Unclosed);
    }

    #[test]
    fn crlf_and_bom_are_normalized() {
        assert_eq!(
            normalize("\u{feff}---\r\na: 1\r\n---\r\n"),
            "---\na: 1\n---\n"
        );
    }

    #[test]
    fn finds_lines_of_keys_and_values() {
        let yaml = "level: x\nprerequisites:\n  - a.md\n  - b.md\ntags: [b.md]\n";
        assert_eq!(key_line(yaml, "tags"), Some(5));
        let values = ["b.md".to_string(), "zzz".to_string()];
        assert_eq!(
            value_lines(yaml, "prerequisites", &values),
            [Some(4), Some(2)]
        );
        assert_eq!(key_line(yaml, "missing"), None);
    }

    #[test]
    fn location_is_cut_from_messages() {
        assert_eq!(
            without_location("bad thing at line 4 column 1, while parsing"),
            "bad thing, while parsing"
        );
        assert_eq!(
            without_location("tags: bad at line 2 column 7"),
            "tags: bad"
        );
    }

    #[test]
    fn decode_errors_carry_the_line() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Fields {
            tags: Vec<String>,
        }
        let error = decode::<Fields>("a: 1\ntags: nope\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(
            error.message.contains("expected a sequence"),
            "{}",
            error.message
        );
    }
}
