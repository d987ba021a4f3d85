//! A fast reader for the flat YAML that frontmatter nearly always is: `key: value` lines whose
//! values are plain or simply quoted strings, `[a, b]` lists, or `- item` lists, or one level of
//! such lines under a key (`prerequisites:` with `hard:` and `soft:`). Anything else (deeper
//! nesting, anchors, block scalars, escapes, values YAML would read as numbers, booleans or
//! null, duplicate keys, tabs, comments after values) returns `None`, and the caller falls back
//! to the full YAML parser, which stays the reference: a property test checks that whatever
//! this reader accepts, the full parser reads the same way.
//!
//! It exists for speed: the full parser costs about ten times as much per page, and loading
//! is most of what `learnpath` does (see docs/development.md, Performance).

/// A value of the subset. List items carry the 1-based line they are written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Str(&'a str),
    List(Vec<(&'a str, usize)>),
    /// One level of `key: value` lines under a key, as `prerequisites:` with `hard:` and
    /// `soft:` lists; their values are never maps.
    Map(Vec<(&'a str, Value<'a>)>),
}

/// The keys and values in order, or `None` when the text leaves the subset.
pub fn parse(yaml: &str) -> Option<Vec<(&str, Value<'_>)>> {
    if needs_the_full_parser(yaml) {
        return None;
    }
    let mut entries: Vec<(&str, Value<'_>)> = Vec::new();
    let mut block = Block::Closed;
    for (index, line) in yaml.lines().enumerate() {
        let number = index + 1;
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if indent == 0 && !content.starts_with('-') {
            let (key, value, open) = entry(content, number)?;
            if entries.iter().any(|(known, _)| *known == key) {
                return None;
            }
            entries.push((key, value));
            block = if open { Block::Open } else { Block::Closed };
            continue;
        }
        let (_, value) = entries.last_mut()?;
        block = nested(block, value, content, indent, number)?;
    }
    // A key with an empty value and nothing under it is null, as in YAML.
    Some(entries)
}

/// What lines under the last top-level key may be.
#[derive(Debug, Clone, Copy)]
enum Block {
    /// Nothing: its value was on its line.
    Closed,
    /// Its value was empty and nothing followed yet: `- item` lines or `key: value` lines.
    Open,
    /// `- item` lines at this indentation.
    List { indent: usize },
    /// `key: value` lines at this indentation; the last of them may take `- item` lines
    /// (`open`) at one deeper indentation (`items`, once one is seen).
    Map {
        indent: usize,
        open: bool,
        items: Option<usize>,
    },
}

/// A `key: value` line: the key, the value, and whether the value was empty (so that lines
/// under it may give it one).
fn entry(content: &str, number: usize) -> Option<(&str, Value<'_>, bool)> {
    let (key, rest) = content.split_once(':')?;
    if !is_key(key) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let rest = rest.trim_matches(' ');
    let value = if rest.is_empty() {
        Value::Null
    } else if let Some(inner) = rest.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.trim_matches(' ').is_empty() {
            // An empty flow list: not an empty block list, so no items may follow.
            Value::List(Vec::new())
        } else {
            Value::List(
                inner
                    .split(',')
                    .map(|item| {
                        value_scalar(item.trim_matches(' '), true).map(|item| (item, number))
                    })
                    .collect::<Option<Vec<_>>>()?,
            )
        }
    } else {
        Value::Str(value_scalar(rest, false)?)
    };
    Some((key, value, rest.is_empty()))
}

/// An indented line (or a `- item` one) under the top-level key whose value is `value`: an item
/// of its block list, an entry of its map, or an item of the map's last entry.
fn nested<'a>(
    block: Block,
    value: &mut Value<'a>,
    content: &'a str,
    indent: usize,
    number: usize,
) -> Option<Block> {
    if let Some(item) = content.strip_prefix("- ") {
        let item = (value_scalar(item.trim_matches(' '), false)?, number);
        return match block {
            Block::Open => {
                *value = Value::List(vec![item]);
                Some(Block::List { indent })
            }
            Block::List { indent: expected } if expected == indent => {
                push_item(value, item)?;
                Some(block)
            }
            Block::Map {
                indent: map,
                open: true,
                items,
            } if indent > map && items.is_none_or(|i| i == indent) => {
                let Value::Map(entries) = value else {
                    return None;
                };
                push_item(&mut entries.last_mut()?.1, item)?;
                Some(Block::Map {
                    indent: map,
                    open: true,
                    items: Some(indent),
                })
            }
            _ => None,
        };
    }
    let map = match block {
        Block::Open if indent > 0 => indent,
        Block::Map { indent: map, .. } if map == indent => map,
        _ => return None,
    };
    let (key, sub, open) = entry(content, number)?;
    if matches!(block, Block::Open) {
        *value = Value::Map(Vec::new());
    }
    let Value::Map(entries) = value else {
        return None;
    };
    if entries.iter().any(|(known, _)| *known == key) {
        return None;
    }
    entries.push((key, sub));
    Some(Block::Map {
        indent: map,
        open,
        items: None,
    })
}

/// Adds an item to a block list: the first makes the empty value a list.
fn push_item<'a>(value: &mut Value<'a>, item: (&'a str, usize)) -> Option<()> {
    match value {
        Value::Null => *value = Value::List(vec![item]),
        Value::List(items) if !items.is_empty() => items.push(item),
        _ => return None,
    }
    Some(())
}

/// A value as [`scalar`] reads it, or a plain decimal integer as its text (`25`): the full
/// parser reads those as numbers, and frontmatter readers take numbers as text.
fn value_scalar(text: &str, in_flow: bool) -> Option<&str> {
    scalar(text, in_flow).or_else(|| is_plain_integer(text).then_some(text))
}

/// 0, or 1 to 9 digits without a leading zero: what every YAML version reads as that integer.
fn is_plain_integer(text: &str) -> bool {
    text == "0"
        || (!text.starts_with('0')
            && (1..=9).contains(&text.len())
            && text.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Only spaces are YAML whitespace in the subset; tabs, control characters and the line breaks
/// YAML knows beyond `\n` (NEL, LS, PS) and a stray BOM all go to the full parser.
pub(crate) fn needs_the_full_parser(yaml: &str) -> bool {
    // Nearly all frontmatter is ASCII without control characters: one pass over the bytes
    // without a branch per byte (which the compiler vectorizes) says so; anything else is
    // looked at character by character.
    let suspect = yaml.bytes().fold(false, |suspect, b| {
        suspect | ((b < b' ') & (b != b'\n')) | (b >= 0x7f)
    });
    suspect
        && yaml.chars().any(|c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
        })
}

/// A block value (not in a `[...]` list) as the full parser reads it, when the subset has it:
/// plain, or quoted without escapes. The text must not start or end with a space.
pub(crate) fn block_scalar(text: &str) -> Option<&str> {
    scalar(text, false)
}

fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A string value: plain, or in quotes without escapes. `None` for anything YAML would read
/// differently (a number, a boolean, null) or that needs the full parser.
fn scalar(text: &str, in_flow: bool) -> Option<&str> {
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'')?;
        return (!inner.contains('\'')).then_some(inner);
    }
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if b"-?:,[]{}#&*!|>'\"%@`~".contains(&first) || text.ends_with(':') {
        return None;
    }
    // One pass for what may not appear inside: ": ", " #", and brackets in a flow list.
    for pair in bytes.windows(2) {
        if pair == b": " || pair == b" #" {
            return None;
        }
    }
    if in_flow && bytes.iter().any(|b| b"[]{}".contains(b)) {
        return None;
    }
    if looks_like_a_number(text) || is_reserved_word(text) {
        return None;
    }
    Some(text)
}

/// Conservative: anything that could be one of YAML's number forms (decimal, hex, octal,
/// exponent, `.inf`) counts.
fn looks_like_a_number(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && text
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "xXoO.eE+-_".contains(c))
}

fn is_reserved_word(text: &str) -> bool {
    text.len() <= 5
        && [
            "true", "false", "null", "yes", "no", "on", "off", "y", "n", ".inf", ".nan",
        ]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_shapes() {
        let yaml = "level: intermediate\nestimated_time: \"45 min\"\nprerequisites:\n  - a/b.md\n  - c.md\nnext_recommended: []\ntags: [x, y-z]\ntitle:\n";
        assert_eq!(
            parse(yaml),
            Some(vec![
                ("level", Value::Str("intermediate")),
                ("estimated_time", Value::Str("45 min")),
                (
                    "prerequisites",
                    Value::List(vec![("a/b.md", 4), ("c.md", 5)])
                ),
                ("next_recommended", Value::List(vec![])),
                ("tags", Value::List(vec![("x", 7), ("y-z", 7)])),
                ("title", Value::Null),
            ])
        );
    }

    #[test]
    fn reads_one_level_of_map() {
        let yaml = "title: T\nprerequisites:\n  hard:\n    - /learn/a\n    - b\n  soft: []\n  other:\nweight: 9\n";
        assert_eq!(
            parse(yaml),
            Some(vec![
                ("title", Value::Str("T")),
                (
                    "prerequisites",
                    Value::Map(vec![
                        ("hard", Value::List(vec![("/learn/a", 4), ("b", 5)])),
                        ("soft", Value::List(vec![])),
                        ("other", Value::Null),
                    ])
                ),
                ("weight", Value::Str("9")),
            ])
        );
    }

    #[test]
    fn keeps_unicode_spaces_as_yaml_does() {
        // Only ASCII spaces are YAML whitespace: a no-break space is part of the value.
        assert_eq!(
            parse("title: foo\u{a0}\n"),
            Some(vec![("title", Value::Str("foo\u{a0}"))])
        );
    }

    #[test]
    fn leaves_everything_else_to_the_full_parser() {
        for yaml in [
            "estimated_time: 055\n",
            "estimated_time: 1.5\n",
            "title: true\n",
            "title: ~\n",
            "a: 1\na: 2\n",
            "title: |\n  text\n",
            "title: &anchor x\n",
            "tags:\n\t- x\n",
            "title: \"esc\\\"aped\"\n",
            "meta:\n  nested:\n    deeper: map\n",
            "meta:\n  hard:\n  - a\n",
            "meta:\n  a: 1\n   b: 2\n",
            "meta:\n  a: x\n  a: y\n",
            "meta:\n  hard:\n    - a\n   - b\n",
            "title: x # comment\n",
            "just a string\n",
            "tags: [a, [b]]\n",
            "tags: [a,]\n",
            "- item\n",
            "tags: [a]\n  - b\n",
            "title: a\u{1}b\n",
            "title: a\u{7f}b\n",
            "prerequisites:\n\u{a0}- a.md\n",
            "title: a\u{2028}b\n",
            "title: a\u{85} b\n",
            "level: 0x1F\n",
        ] {
            assert_eq!(parse(yaml), None, "{yaml:?}");
        }
    }
}
