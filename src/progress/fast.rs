//! A fast reader for the progress file exactly as learnpath writes it: comment lines, then
//! `schema_version: 1`, `2` or `3`, then `done: []` or `done:` and its `- path: ...` /
//! `  date: ...` (/ `  took: N`) (/ `  grade: G`, in version 3) entries, then optionally
//! `partial:` and its `- path: ...` / `  date: ...` / `  minutes: N` (/ `  part: N`)
//! (/ `  took: N`) entries, then, in version 3, optionally `review:` and its `- path: ...` /
//! `  date: ...` / `  grade: G` (/ `  took: N`) entries. Anything else (another order,
//! indentation, blank lines, comments further down, quoting with escapes, a date that is not
//! YYYY-MM-DD, a number with a sign or a leading zero or out of its range, a grade not written
//! as learnpath writes it, a path YAML would read as something else) returns `None`, and the
//! caller falls back to the YAML parser, which stays the reference: a property test checks that
//! whatever this reader accepts, the YAML parser reads the same way.
//!
//! It exists for size: the YAML parser takes about 10 bytes of memory and 70 ns per byte of a
//! progress file, so a file of 100,000 entries (6 MB) cost a second and 120 MB; this reader
//! takes a few milliseconds and the entries themselves.

use super::{Grade, MAX_PART, MAX_RECORD_MINUTES, Partial, Progress, ReviewRecord};
use crate::yaml::flat as flat_yaml;
use chrono::NaiveDate;

/// The entries of a file, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Entries<S> {
    /// Done documents: path and date.
    pub done: Vec<(S, NaiveDate)>,
    /// The minutes done documents took, where given: the index of the entry in `done`, and
    /// the minutes. (Apart, so that a file without times costs what it did before.)
    pub took: Vec<(usize, u32)>,
    /// Partial records: path and record.
    pub partial: Vec<(S, Partial)>,
    /// The grades done documents were studied with, where given: the index of the entry in
    /// `done`, and the grade. (Apart, as `took` is.)
    pub grade: Vec<(usize, Grade)>,
    /// Reviews: path and record.
    pub review: Vec<(S, ReviewRecord)>,
}

/// The entries of a file in the subset, in file order, or `None` to ask the YAML parser.
pub(super) fn read(text: &str) -> Option<Entries<&str>> {
    if flat_yaml::needs_the_full_parser(text) {
        return None;
    }
    // Every line ends with `\n`, so the last piece is empty.
    let mut lines = text.strip_suffix('\n')?.split('\n').peekable();
    while lines.next_if(|line| line.starts_with('#')).is_some() {}
    // Grades and reviews are in version 3 only, as learnpath writes them.
    let graded = match lines.next()? {
        "schema_version: 1" | "schema_version: 2" => false,
        "schema_version: 3" => true,
        _ => return None,
    };
    let mut entries = Entries::default();
    match lines.next()? {
        "done: []" => {}
        "done:" => loop {
            let path = value(lines.next()?, "- path: ")?;
            let date = date(lines.next()?.strip_prefix("  date: ")?)?;
            if let Some(took) = optional(&mut lines, "  took: ", MAX_RECORD_MINUTES)? {
                entries.took.push((entries.done.len(), took));
            }
            if graded && let Some(line) = lines.next_if(|line| line.starts_with("  grade: ")) {
                entries
                    .grade
                    .push((entries.done.len(), grade(&line["  grade: ".len()..])?));
            }
            entries.done.push((path, date));
            if lines
                .peek()
                .is_none_or(|line| matches!(*line, "partial:" | "review:"))
            {
                break;
            }
        },
        _ => return None,
    }
    if lines.next_if_eq(&"partial:").is_some() {
        loop {
            let path = value(lines.next()?, "- path: ")?;
            let date = date(lines.next()?.strip_prefix("  date: ")?)?;
            let minutes = number(
                lines.next()?.strip_prefix("  minutes: ")?,
                MAX_RECORD_MINUTES,
            )?;
            let part = optional(&mut lines, "  part: ", MAX_PART)?;
            let took = optional(&mut lines, "  took: ", MAX_RECORD_MINUTES)?;
            entries.partial.push((
                path,
                Partial {
                    date,
                    minutes,
                    part,
                    took,
                },
            ));
            if lines.peek().is_none_or(|line| *line == "review:") {
                break;
            }
        }
    }
    if graded && lines.next_if_eq(&"review:").is_some() {
        loop {
            let path = value(lines.next()?, "- path: ")?;
            let date = date(lines.next()?.strip_prefix("  date: ")?)?;
            let grade = grade(lines.next()?.strip_prefix("  grade: ")?)?;
            let took = optional(&mut lines, "  took: ", MAX_RECORD_MINUTES)?;
            entries
                .review
                .push((path, ReviewRecord { date, grade, took }));
            if lines.peek().is_none() {
                break;
            }
        }
    }
    lines.next().is_none().then_some(entries)
}

/// A grade by its name, as learnpath writes it (`good`; not `Good` or `'good'`).
fn grade(text: &str) -> Option<Grade> {
    text.parse().ok()
}

/// The number of an optional `key: N` line next: `Some(None)` when the next line is not one,
/// `None` when it is one the subset does not have.
fn optional<'a>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
    prefix: &str,
    most: u32,
) -> Option<Option<u32>> {
    match lines.next_if(|line| line.starts_with(prefix)) {
        Some(line) => number(&line[prefix.len()..], most).map(Some),
        None => Some(None),
    }
}

/// A whole number from 1 to `most`, written in decimal digits without a sign or a leading
/// zero, as learnpath writes them (YAML reads other forms too).
fn number(text: &str, most: u32) -> Option<u32> {
    let bytes = text.as_bytes();
    let shape =
        (1..=5).contains(&bytes.len()) && bytes[0] != b'0' && bytes.iter().all(u8::is_ascii_digit);
    if !shape {
        return None;
    }
    text.parse().ok().filter(|n| (1..=most).contains(n))
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

/// The file for `progress` exactly as the YAML encoder writes it after the header, when every
/// path is one it writes plainly (letters, digits and `_./-`, as real paths are, and nothing
/// YAML would read as another type); `None` asks the encoder. A property test checks that the
/// two agree byte for byte.
pub(super) fn write(progress: &Progress) -> Option<String> {
    use std::fmt::Write;
    if !progress.done.keys().all(|path| plain(path))
        || !progress.partial.keys().all(|path| plain(path))
        || !progress.review.keys().all(|path| plain(path))
    {
        return None;
    }
    let version = progress.schema_version();
    if progress.done.is_empty() && progress.partial.is_empty() && progress.review.is_empty() {
        return Some(format!("schema_version: {version}\ndone: []\n"));
    }
    let mut text = String::with_capacity(capacity(progress));
    let _ = writeln!(text, "schema_version: {version}");
    write_done(progress, &mut text);
    write_partial(progress, &mut text);
    write_review(progress, &mut text);
    Some(text)
}

/// Whether the encoder writes `path` as it is: letters, digits and `_./-` only, and nothing
/// YAML would read as another type.
fn plain(path: &str) -> bool {
    path.bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || b"_./-".contains(&byte))
        && flat_yaml::block_scalar(path) == Some(path)
}

/// About the length of the file for `progress`, so that its text is allocated once.
fn capacity(progress: &Progress) -> usize {
    let done: usize = progress.done.keys().map(|path| path.len() + 40).sum();
    let partial: usize = progress
        .partial
        .iter()
        .map(|(path, records)| (path.len() + 80) * records.len())
        .sum();
    let review: usize = progress
        .review
        .iter()
        .map(|(path, records)| (path.len() + 60) * records.len())
        .sum();
    done + partial + review + 48
}

/// The `done:` list, each document with its date, and the minutes it took and the grade it was
/// studied with, if known.
fn write_done(progress: &Progress, text: &mut String) {
    use std::fmt::Write;
    if progress.done.is_empty() {
        text.push_str("done: []\n");
    } else {
        text.push_str("done:\n");
    }
    let mut took = progress.took.iter().peekable();
    let mut grade = progress.grade.iter().peekable();
    for (path, date) in &progress.done {
        let _ = write!(text, "- path: {path}\n  date: {date}\n");
        // The maps are in path order; a time or a grade has a done document (skipped
        // otherwise, as the encoder skips it).
        while took.next_if(|(took_path, _)| *took_path < path).is_some() {}
        if let Some((_, minutes)) = took.next_if(|(took_path, _)| *took_path == path) {
            let _ = writeln!(text, "  took: {minutes}");
        }
        while grade
            .next_if(|(grade_path, _)| *grade_path < path)
            .is_some()
        {}
        if let Some((_, grade)) = grade.next_if(|(grade_path, _)| *grade_path == path) {
            let _ = writeln!(text, "  grade: {grade}");
        }
    }
}

/// The `partial:` list, if any: each record with its date, minutes, and part and time if known.
fn write_partial(progress: &Progress, text: &mut String) {
    use std::fmt::Write;
    if !progress.partial.is_empty() {
        text.push_str("partial:\n");
    }
    for (path, records) in &progress.partial {
        for partial in records {
            let _ = write!(
                text,
                "- path: {path}\n  date: {}\n  minutes: {}\n",
                partial.date, partial.minutes
            );
            if let Some(part) = partial.part {
                let _ = writeln!(text, "  part: {part}");
            }
            if let Some(took) = partial.took {
                let _ = writeln!(text, "  took: {took}");
            }
        }
    }
}

/// The `review:` list, if any: each review with its date, grade, and time if known.
fn write_review(progress: &Progress, text: &mut String) {
    use std::fmt::Write;
    if !progress.review.is_empty() {
        text.push_str("review:\n");
    }
    for (path, records) in &progress.review {
        for review in records {
            let _ = write!(
                text,
                "- path: {path}\n  date: {}\n  grade: {}\n",
                review.date, review.grade
            );
            if let Some(took) = review.took {
                let _ = writeln!(text, "  took: {took}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn reads_what_learnpath_writes() {
        let text = "# header\nschema_version: 1\ndone:\n- path: a/b.md\n  date: 2027-01-04\n- path: 'c: d.md'\n  date: 2027-01-05\n";
        assert_eq!(
            read(text),
            Some(Entries {
                done: vec![
                    ("a/b.md", day("2027-01-04")),
                    ("c: d.md", day("2027-01-05")),
                ],
                took: vec![],
                partial: vec![],
                ..Entries::default()
            })
        );
        assert_eq!(
            read("schema_version: 1\ndone: []\n"),
            Some(Entries::default())
        );
    }

    #[test]
    fn reads_times_taken_and_partial_records() {
        let text = "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 50\n- path: b.md\n  date: 2027-01-05\npartial:\n- path: c.md\n  date: 2027-01-06\n  minutes: 45\n  part: 1\n  took: 1440\n- path: c.md\n  date: 2027-01-07\n  minutes: 30\n";
        let partial = |date, minutes, part, took| Partial {
            date: day(date),
            minutes,
            part,
            took,
        };
        assert_eq!(
            read(text),
            Some(Entries {
                done: vec![("a.md", day("2027-01-04")), ("b.md", day("2027-01-05"))],
                took: vec![(0, 50)],
                partial: vec![
                    ("c.md", partial("2027-01-06", 45, Some(1), Some(1440))),
                    ("c.md", partial("2027-01-07", 30, None, None)),
                ],
                ..Entries::default()
            })
        );
        let only_partial = "schema_version: 2\ndone: []\npartial:\n- path: c.md\n  date: 2027-01-06\n  minutes: 5\n";
        assert_eq!(
            read(only_partial).map(|entries| entries.partial.len()),
            Some(1)
        );
    }

    #[test]
    fn reads_grades_and_reviews_in_version_3() {
        let text = "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 50\n  grade: hard\n- path: b.md\n  date: 2027-01-05\npartial:\n- path: c.md\n  date: 2027-01-06\n  minutes: 45\nreview:\n- path: a.md\n  date: 2027-01-09\n  grade: again\n  took: 8\n- path: b.md\n  date: 2027-01-07\n  grade: easy\n";
        let review = |date, grade, took| ReviewRecord {
            date: day(date),
            grade,
            took,
        };
        let entries = read(text).unwrap();
        assert_eq!(entries.took, [(0, 50)]);
        assert_eq!(entries.grade, [(0, Grade::Hard)]);
        assert_eq!(entries.partial.len(), 1);
        assert_eq!(
            entries.review,
            [
                ("a.md", review("2027-01-09", Grade::Again, Some(8))),
                ("b.md", review("2027-01-07", Grade::Easy, None)),
            ]
        );
        let reviews_only = "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n";
        assert_eq!(
            read(reviews_only).map(|entries| entries.review.len()),
            Some(1)
        );
        assert_eq!(
            read("schema_version: 3\ndone: []\n"),
            Some(Entries::default())
        );
    }

    #[test]
    fn leaves_everything_else_to_the_yaml_parser() {
        for text in [
            "",
            "schema_version: 1\ndone: []",
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
            "schema_version: 4\ndone: []\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n",
            "schema_version: 2\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n  took: 5\n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: Good\n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: 'good'\n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: good \n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: \n",
            "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n  grade: easy\n",
            "schema_version: 3\ndone: []\nreview: []\n",
            "schema_version: 3\ndone: []\nreview:\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  took: 5\n  grade: good\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: ok\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n  took: 0\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\n",
            "schema_version: 3\ndone: []\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\nreview:\n- path: a.md\n  date: 2027-01-04\n  grade: good\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 0\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 050\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: +50\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 1441\n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 50 \n",
            "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 5\n  took: 6\n",
            "schema_version: 2\ndone:\n- path: a.md\n  took: 5\n  date: 2027-01-04\n",
            "schema_version: 2\ndone: []\npartial: []\n",
            "schema_version: 2\ndone: []\npartial:\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 0\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\n  part: 0\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\n  part: 401\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\n  took: 5\n  part: 1\n",
            "schema_version: 2\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\ndone: []\n",
            "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 5\ndone: []\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
