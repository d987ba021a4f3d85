//! The progress file's format: YAML with a `schema_version` and a `done:` list.

use super::{Progress, SCHEMA_VERSION};
use crate::curriculum::frontmatter;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The first line of every progress file learnpath writes.
pub(super) const HEADER: &str = "# learnpath progress: the documents you have studied. Edit with `learnpath done` / `learnpath undo`.\n";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressFile {
    schema_version: u32,
    #[serde(default)]
    done: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    date: NaiveDate,
}

/// Only the version, read first so that a file of another schema is named as such.
#[derive(Debug, Deserialize)]
struct VersionProbe {
    schema_version: Option<u32>,
}

impl Progress {
    /// Reads the file's text. A UTF-8 BOM and CRLF line ends (an editor's doing) are fine, as
    /// they are in pages.
    pub(super) fn parse(text: &str, path: &Path) -> Result<Progress> {
        let text = &*frontmatter::normalize(text);
        let fail = |line: Option<usize>, message: String| Error::Progress {
            path: path.to_path_buf(),
            line,
            message,
        };
        if text.trim().is_empty() {
            return Err(fail(
                None,
                format!(
                    "the file is empty; expected `schema_version: {SCHEMA_VERSION}` and a `done:` list"
                ),
            ));
        }
        let probe: VersionProbe = frontmatter::decode(text)
            .map_err(|error| fail(error.line, format!("invalid YAML: {}", error.message)))?;
        match probe.schema_version {
            Some(SCHEMA_VERSION) => {}
            Some(other) => {
                return Err(fail(
                    frontmatter::key_line(text, "schema_version"),
                    format!(
                        "schema_version {other} is not one this learnpath knows (it reads {SCHEMA_VERSION}); a newer learnpath may have written it"
                    ),
                ));
            }
            None => {
                return Err(fail(
                    None,
                    format!(
                        "no schema_version; this is not a learnpath progress file (expected `schema_version: {SCHEMA_VERSION}`)"
                    ),
                ));
            }
        }
        let file: ProgressFile = frontmatter::decode(text).map_err(|error| {
            fail(
                error.line,
                format!("invalid progress file: {}", error.message),
            )
        })?;
        let mut progress = Progress::default();
        for entry in file.done {
            progress.record(entry.path, entry.date);
        }
        Ok(progress)
    }

    pub(super) fn render(&self) -> String {
        let file = ProgressFile {
            schema_version: SCHEMA_VERSION,
            done: self
                .done
                .iter()
                .map(|(path, date)| Entry {
                    path: path.clone(),
                    date: *date,
                })
                .collect(),
        };
        let body = frontmatter::encode(&file).unwrap_or_else(|error| {
            // Strings and dates always encode; this branch only keeps the function total.
            format!("# learnpath could not encode progress: {}\n", error.message)
        });
        format!("{HEADER}{body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Progress> {
        Progress::parse(text, Path::new("progress.yaml"))
    }

    #[test]
    fn round_trips_through_yaml() {
        let mut progress = Progress::default();
        progress.mark("b.md", "2027-01-05".parse().unwrap());
        progress.mark("a.md", "2027-01-04".parse().unwrap());
        assert!(!progress.mark("a.md", "2027-02-01".parse().unwrap()));
        let again = parse(&progress.render()).unwrap();
        assert_eq!(again, progress);
        assert_eq!(again.date("a.md"), Some("2027-01-04".parse().unwrap()));
    }

    #[test]
    fn reads_a_file_that_starts_with_a_bom_or_has_crlf_lines() {
        let text = "\u{feff}schema_version: 1\r\ndone:\r\n- path: a.md\r\n  date: 2027-01-04\r\n";
        let progress = parse(text).unwrap();
        assert_eq!(progress.date("a.md"), Some("2027-01-04".parse().unwrap()));
    }

    #[test]
    fn a_document_listed_twice_keeps_its_earliest_date() {
        let text = "schema_version: 1\ndone:\n- path: a.md\n  date: 2027-01-09\n- path: a.md\n  date: 2027-01-04\n- path: a.md\n  date: 2027-01-06\n";
        assert_eq!(
            parse(text).unwrap().date("a.md"),
            Some("2027-01-04".parse().unwrap())
        );
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for (text, words) in [
            ("", "empty"),
            ("schema_version: 2\ndone: []\n", "schema_version 2"),
            ("done: []\n", "no schema_version"),
            ("schema_version: 1\ndone: [\n", "invalid YAML"),
            (
                "schema_version: 1\ndone:\n  - path: a.md\n    date: 2027-02-30\n",
                "invalid progress file",
            ),
            ("schema_version: 1\nextra: 1\n", "unknown field `extra`"),
        ] {
            let error = parse(text).unwrap_err().to_string();
            assert!(error.contains(words), "{text:?}: {error}");
        }
    }
}
