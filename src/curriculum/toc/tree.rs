//! What the YAML table readers (Jupyter Book, Hugging Face, MkDocs) share: the document as a
//! tree of nodes, each with the line it starts on and its tag, built from yaml-rust2's events.
//! The tree is built in a loop, not by recursion, and refuses nesting deeper than
//! [`MAX_NESTING`], so that no input overflows the stack; tags are kept, not judged, so that
//! an `mkdocs.yml` with `!!python/name:...` or `!ENV [...]` in its other keys reads.

use super::TableError;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;

/// The most lists and mappings open at once: far more than any table of contents holds.
pub(super) const MAX_NESTING: usize = 128;

/// One node of a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    /// The line (1-based) it starts on.
    pub line: usize,
    /// Its tag: `!ENV` as written, `!!x` as `tag:yaml.org,2002:x`.
    pub tag: Option<String>,
    pub value: Value,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    /// Nothing, `~` or `null`, unquoted.
    Null,
    /// Any other scalar, as written (`01` stays `01`, `true` stays `true`).
    Text(String),
    List(Vec<Node>),
    /// Pairs in the order written; a key that is not a scalar is `None`.
    Map(Vec<(Option<String>, Node)>),
    /// `*name`: not followed (no table needs one, and following them invites alias bombs).
    Alias,
}

impl Node {
    /// The value of `key` in a mapping; the last one when the key is repeated, as Python's
    /// YAML loaders (which these tools use) read it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        let Value::Map(pairs) = &self.value else {
            return None;
        };
        pairs
            .iter()
            .rev()
            .find(|(name, _)| name.as_deref() == Some(key))
            .map(|(_, node)| node)
    }

    /// The value of `key`, unless it is absent or null.
    pub fn field(&self, key: &str) -> Option<&Node> {
        self.get(key).filter(|node| node.value != Value::Null)
    }

    /// The text of `key`: `None` when absent or null, an error when it is not a scalar.
    pub fn text_of(&self, key: &str) -> Result<Option<&str>, TableError> {
        let Some(node) = self.field(key) else {
            return Ok(None);
        };
        match &node.value {
            Value::Text(text) => Ok(Some(text)),
            _ => Err(TableError::new(
                Some(node.line),
                format!("expected text after `{key}:`, found {}", node.kind()),
            )),
        }
    }

    /// The items of a list.
    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    /// Whether the node is YAML's (1.1, as Python reads it) true.
    pub fn is_true(&self) -> bool {
        matches!(&self.value, Value::Text(text) if matches!(
            text.as_str(),
            "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON"
        ))
    }

    /// What the node is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
            Value::Alias => "an alias (`*name`), which is not followed",
        }
    }
}

/// A list or mapping being read.
struct Open {
    node: Node,
    /// In a mapping, the key whose value comes next, once read: `Some(None)` for a key that
    /// is not a scalar (a null key is the empty text).
    key: Option<Option<String>>,
}

impl Open {
    fn add(&mut self, child: Node) {
        match &mut self.node.value {
            Value::List(items) => items.push(child),
            Value::Map(pairs) => match self.key.take() {
                Some(key) => pairs.push((key, child)),
                None => {
                    let key = match child.value {
                        Value::Text(text) => Some(text),
                        Value::Null => Some(String::new()),
                        _ => None,
                    };
                    self.key = Some(key);
                }
            },
            _ => {}
        }
    }
}

/// The first document of `text`; an empty one is a null node on line 1.
pub(super) fn parse(text: &str) -> Result<Node, TableError> {
    let mut parser = Parser::new_from_str(text);
    let mut open: Vec<Open> = Vec::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|error| {
            TableError::new(
                Some(error.marker().line()),
                format!("not YAML: {}", error.info()),
            )
        })?;
        let (line, value, tag) = match event {
            Event::StreamEnd | Event::DocumentEnd => return Ok(node(1, Value::Null, None)),
            Event::Scalar(text, style, _, tag) => (mark.line(), scalar(text, style, &tag), tag),
            Event::Alias(_) => (mark.line(), Value::Alias, None),
            Event::SequenceStart(_, tag) => (mark.line(), Value::List(Vec::new()), tag),
            Event::MappingStart(_, tag) => (mark.line(), Value::Map(Vec::new()), tag),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(done) = open.pop() else { continue };
                match open.last_mut() {
                    Some(parent) => parent.add(done.node),
                    None => return Ok(done.node),
                }
                continue;
            }
            _ => continue,
        };
        let new = node(line, value, tag);
        if matches!(new.value, Value::List(_) | Value::Map(_)) {
            if open.len() >= MAX_NESTING {
                let message = format!("nested deeper than {MAX_NESTING} levels");
                return Err(TableError::new(Some(line), message));
            }
            open.push(Open {
                node: new,
                key: None,
            });
            continue;
        }
        match open.last_mut() {
            Some(parent) => parent.add(new),
            None => return Ok(new),
        }
    }
}

fn node(line: usize, value: Value, tag: Option<Tag>) -> Node {
    Node {
        line,
        tag: tag.map(|tag| format!("{}{}", tag.handle, tag.suffix)),
        value,
    }
}

/// A scalar's value: unquoted and untagged `~`, `null` or nothing is null, anything else text.
fn scalar(text: String, style: TScalarStyle, tag: &Option<Tag>) -> Value {
    let null = matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
    if style == TScalarStyle::Plain && tag.is_none() && null {
        Value::Null
    } else {
        Value::Text(text)
    }
}

/// A page as a table names it: without surrounding spaces or a leading `./`.
pub(super) fn page(text: &str) -> String {
    let text = text.trim();
    text.strip_prefix("./").unwrap_or(text).to_string()
}

/// Whether a table's target is a link away from the site (`https://...`, `mailto:...`), not
/// a page.
pub(super) fn is_external(target: &str) -> bool {
    let target = target.trim();
    let scheme = target
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    scheme.is_some() || target.starts_with("//")
}

/// Keys of the tables' formats, and others, for [`yamlish_text`].
#[cfg(test)]
const KEYS: [&str; 19] = [
    "",
    "format: ",
    "root: ",
    "parts:",
    "chapters:",
    "sections:",
    "caption: ",
    "file: ",
    "title: ",
    "local: ",
    "url: ",
    "glob: ",
    "draft: ",
    "nav:",
    "docs_dir: ",
    "Guide: ",
    "a.md: ",
    "? ",
    "<<: ",
];

/// Values for [`yamlish_text`]: pages, links, flow collections, tags, anchors and broken ones.
#[cfg(test)]
const VALUES: [&str; 22] = [
    "",
    "jb-book",
    "jb-article",
    "index",
    "a.md",
    "./b/c",
    "https://x.org",
    "true",
    "~",
    "[]",
    "[a.md, {T: b.md}]",
    "{file: x}",
    "!ENV [A, d]",
    "!!python/name:x.y",
    "&a x",
    "*a",
    "'q",
    "\"q\"",
    "|",
    "# c",
    "[",
    "é",
];

/// Random text that looks like YAML, and in part like tables of contents and `mkdocs.yml`
/// files: lines of keys, list items and values at a few indentations, or loose pieces of
/// YAML's syntax; half of them after `header`. For the readers' no-panic properties.
#[cfg(test)]
pub(super) fn yamlish_text(
    header: &'static str,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let (keys, values) = (
        prop::sample::select(&KEYS[..]),
        prop::sample::select(&VALUES[..]),
    );
    let indent = prop::sample::select(vec!["", "  ", "    ", "      ", "\t"]);
    let line = (indent, any::<bool>(), keys, values).prop_map(|(indent, dash, key, value)| {
        format!("{indent}{}{key}{value}\n", if dash { "- " } else { "" })
    });
    let pieces = prop::sample::select(vec![
        "- ", "  ", "\n", ": ", ":", "[", "]", "{", "}", ", ", "'", "\"", "#", "---\n", "? ",
        "|\n", ">-\n", "&a ", "*a", "!ENV ", "~", "\u{feff}", "\r\n",
    ]);
    let loose = prop_oneof![4 => pieces.prop_map(str::to_string), 1 => ".{0,6}"];
    let chunk = prop_oneof![3 => line, 1 => loose];
    let header = prop::sample::select(vec!["", header]);
    (header, prop::collection::vec(chunk, 0..40))
        .prop_map(|(header, chunks)| format!("{header}{}", chunks.concat()))
}

#[cfg(test)]
mod tests;
