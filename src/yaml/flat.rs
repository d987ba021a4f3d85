//! A fast reader for the flat YAML that frontmatter nearly always is: `key: value` lines whose
//! values are plain or simply quoted strings, `[a, b]` lists, or `- item` lists. Anything else
//! (nesting, anchors, block scalars, escapes, values YAML would read as numbers, booleans or
//! null, duplicate keys, tabs, comments after values) returns `None`, and the caller falls back
//! to the full YAML parser, which stays the reference: a property test checks that whatever
//! this reader accepts, the full parser reads the same way.
//!
//! It exists for speed: the full parser costs about ten times as much per page, and loading
//! is most of what `learnpath` does (see the README's Performance section).

/// A value of the subset. List items carry the 1-based line they are written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Str(&'a str),
    List(Vec<(&'a str, usize)>),
}

/// The keys and values in order, or `None` when the text leaves the subset.
pub fn parse(yaml: &str) -> Option<Vec<(&str, Value<'_>)>> {
    let mut entries: Vec<(&str, Value<'_>)> = Vec::new();
    // The indentation of the `- item` lines of the current block list, once one is seen.
    let mut item_indent: Option<usize> = None;
    // Whether the last key had an empty value, so that `- item` lines may follow it.
    let mut block_list_open = false;
    if needs_the_full_parser(yaml) {
        return None;
    }
    for (index, line) in yaml.lines().enumerate() {
        let number = index + 1;
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if indent > 0 || content.starts_with('-') {
            // An item of a block list under the last key, whose value was empty.
            let item = content.strip_prefix("- ")?.trim_matches(' ');
            if !block_list_open || item_indent.is_some_and(|expected| expected != indent) {
                return None;
            }
            item_indent = Some(indent);
            let scalar = value_scalar(item, false)?;
            match entries.last_mut() {
                Some((_, value @ Value::Null)) => *value = Value::List(vec![(scalar, number)]),
                Some((_, Value::List(items))) if !items.is_empty() => items.push((scalar, number)),
                _ => return None,
            }
            continue;
        }
        item_indent = None;
        let (key, rest) = content.split_once(':')?;
        block_list_open = rest.trim_matches(' ').is_empty();
        if !is_key(key) || !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        if entries.iter().any(|(known, _)| *known == key) {
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
        entries.push((key, value));
    }
    // A list opened by `key:` with no items is null, as in YAML.
    Some(entries)
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
    yaml.chars()
        .any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
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
            "meta:\n  nested: map\n",
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
