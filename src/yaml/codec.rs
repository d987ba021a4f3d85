//! The crate's YAML codec: decoding pages' frontmatter, the manifest and the progress file,
//! encoding the progress file, and finding where a key is written. Every use of `serde_yaml`
//! lives here, so the YAML library can be swapped in one place. The build script uses this file
//! too (see build.rs), so it depends on serde and serde_yaml alone.

use serde::de::DeserializeOwned;

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
            message: shorten_quotes(&without_location(&error.to_string())),
            line,
        }
    })
}

/// The most characters of a quoted value a message repeats: enough to recognize it, not
/// enough to copy a file's contents into a terminal or a log.
const QUOTE_CHARS: usize = 40;

/// The message with each quoted part cut to [`QUOTE_CHARS`] characters and `...`: values in
/// double quotes (which the parser writes with escapes) and names in backquotes (which it
/// writes as they are, so a key of the file's can be long too). Control characters are escaped,
/// so that no message moves a terminal's cursor or colours it.
fn shorten_quotes(message: &str) -> String {
    let mut shortened = String::with_capacity(message.len().min(1024));
    // The closing quote of the part being read, if any.
    let (mut quote, mut escaped, mut kept) = (None, false, 0);
    for c in message.chars() {
        if quote == Some(c) && !escaped {
            quote = None;
            if kept > QUOTE_CHARS {
                shortened.push_str("...");
            }
        } else if quote.is_none() && (c == '"' || c == '`') {
            (quote, kept) = (Some(c), 0);
        } else if quote.is_some() {
            escaped = quote == Some('"') && !escaped && c == '\\';
            kept += 1;
            if kept > QUOTE_CHARS {
                continue;
            }
        }
        if c.is_control() {
            shortened.extend(c.escape_default());
        } else {
            shortened.push(c);
        }
    }
    shortened
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        name: Option<String>,
    }

    #[test]
    fn long_quoted_values_are_cut_in_messages() {
        let secret = format!("machine example.com password {}", "x".repeat(100));
        let error = decode::<std::collections::BTreeMap<String, String>>(&secret).unwrap_err();
        assert!(
            !error.message.contains(&"x".repeat(41)),
            "{}",
            error.message
        );
        assert!(
            error.message.contains("\"machine example.com password"),
            "{}",
            error.message
        );
        assert!(error.message.contains("...\""), "{}", error.message);
        assert_eq!(shorten_quotes(r#"a "b\"c" d"#), r#"a "b\"c" d"#);
        let key = "k".repeat(100);
        let error = decode::<Option<Strict>>(&format!("{key}: 1\n")).unwrap_err();
        assert!(
            error.message.contains(&format!("`{}...`", &key[..40])),
            "{}",
            error.message
        );
        assert_eq!(shorten_quotes("a `\u{1b}[2J` b"), "a `\\u{1b}[2J` b");
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
