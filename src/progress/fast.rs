//! A fast reader for the progress file exactly as learnpath writes it: comment lines, then
//! `schema_version: 1`, then `done: []` or `done:` and its `- path: ...` / `  date: ...` pairs.
//! Anything else (another order, indentation, blank lines, comments further down, quoting with
//! escapes, a date that is not YYYY-MM-DD, a path YAML would read as something else) returns
//! `None`, and the caller falls back to the YAML parser, which stays the reference: a property
//! test checks that whatever this reader accepts, the YAML parser reads the same way.
//!
//! It exists for size: the YAML parser takes about 10 bytes of memory and 70 ns per byte of a
//! progress file, so a file of 100,000 entries (6 MB) cost a second and 120 MB; this reader
//! takes a few milliseconds and the entries themselves.

use crate::yaml::flat as flat_yaml;
use chrono::NaiveDate;

/// The entries of a file in the subset, in file order, or `None` to ask the YAML parser.
pub(super) fn read(text: &str) -> Option<Vec<(&str, NaiveDate)>> {
    if flat_yaml::needs_the_full_parser(text) {
        return None;
    }
    // Every line ends with `\n`, so the last piece is empty.
    let mut lines = text.strip_suffix('\n')?.split('\n').peekable();
    while lines.next_if(|line| line.starts_with('#')).is_some() {}
    if lines.next()? != "schema_version: 1" {
        return None;
    }
    let mut entries = Vec::new();
    match lines.next()? {
        "done: []" => {}
        "done:" => loop {
            let path = value(lines.next()?, "- path: ")?;
            let date = date(lines.next()?.strip_prefix("  date: ")?)?;
            entries.push((path, date));
            if lines.peek().is_none() {
                break;
            }
        },
        _ => return None,
    }
    lines.next().is_none().then_some(entries)
}

/// The value of a `key: value` line that starts with `prefix`, if the subset has it.
fn value<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let text = line.strip_prefix(prefix)?;
    if text.starts_with(' ') || text.ends_with(' ') {
        return None;
    }
    flat_yaml::block_scalar(text)
}

/// A date written YYYY-MM-DD, as learnpath writes them (chrono would take other forms too). A
/// plain scalar to YAML, which has no date type in its core schema.
fn date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    text.parse().ok()
}

/// The file for `entries` exactly as the YAML encoder writes it after the header, when every
/// path is one it writes plainly (letters, digits and `_./-`, as real paths are, and nothing
/// YAML would read as another type); `None` asks the encoder. A property test checks that the
/// two agree byte for byte.
pub(super) fn write<'a>(
    entries: impl ExactSizeIterator<Item = (&'a str, NaiveDate)> + Clone,
) -> Option<String> {
    if entries.len() == 0 {
        return Some("schema_version: 1\ndone: []\n".to_string());
    }
    let plain = |path: &str| {
        path.bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"_./-".contains(&byte))
            && flat_yaml::block_scalar(path) == Some(path)
    };
    if !entries.clone().all(|(path, _)| plain(path)) {
        return None;
    }
    let size: usize = entries.clone().map(|(path, _)| path.len() + 28).sum();
    let mut text = String::with_capacity(size + 32);
    text.push_str("schema_version: 1\ndone:\n");
    for (path, date) in entries {
        use std::fmt::Write;
        let _ = write!(text, "- path: {path}\n  date: {date}\n");
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_learnpath_writes() {
        let text = "# header\nschema_version: 1\ndone:\n- path: a/b.md\n  date: 2027-01-04\n- path: 'c: d.md'\n  date: 2027-01-05\n";
        assert_eq!(
            read(text),
            Some(vec![
                ("a/b.md", "2027-01-04".parse().unwrap()),
                ("c: d.md", "2027-01-05".parse().unwrap()),
            ])
        );
        assert_eq!(read("schema_version: 1\ndone: []\n"), Some(vec![]));
    }

    #[test]
    fn leaves_everything_else_to_the_yaml_parser() {
        for text in [
            "",
            "schema_version: 1\ndone: []",
            "schema_version: 2\ndone: []\n",
            "done: []\nschema_version: 1\n",
            "schema_version: 1\ndone:\n",
            "schema_version: 1\ndone: []\nextra: 1\n",
            "schema_version: 1\n\ndone: []\n",
            "schema_version: 1\ndone:\n  - path: a.md\n    date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: a.md\n  date: 2027-02-30\n",
            "schema_version: 1\ndone:\n- path: a.md\n  date: 2027-1-04\n",
            "schema_version: 1\ndone:\n- path: a.md # note\n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: a.md\n# note\n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- date: 2027-01-04\n  path: a.md\n",
            "schema_version: 1\ndone:\n- path: a.md \n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: 2027\n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: \"a\\tb\"\n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: a\tb\n  date: 2027-01-04\n",
            "schema_version: 1\ndone:\n- path: a.md\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
