//! The progress file's format: YAML with a `schema_version` and a `done:` list.

use super::{Progress, SCHEMA_VERSION};
use crate::curriculum::frontmatter;
use crate::error::{Error, ProgressProblem, Result};
use crate::yaml;
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

/// Reads the file with the YAML parser, in one pass when it is a progress file of this
/// version. When it is not, a look at the version alone names the problem (another schema, not a
/// progress file at all) before the details.
fn decode_yaml(
    text: &str,
    fail: impl Fn(Option<usize>, ProgressProblem) -> Error,
) -> Result<ProgressFile> {
    let other_version = |other: u32| {
        fail(
            yaml::key_line(text, "schema_version"),
            ProgressProblem::OtherVersion(other),
        )
    };
    let error = match yaml::decode::<ProgressFile>(text) {
        Ok(file) if file.schema_version == SCHEMA_VERSION => return Ok(file),
        Ok(file) => return Err(other_version(file.schema_version)),
        Err(error) => error,
    };
    let probe: VersionProbe = yaml::decode(text)
        .map_err(|error| fail(error.line, ProgressProblem::Yaml(error.message)))?;
    Err(match probe.schema_version {
        Some(SCHEMA_VERSION) => fail(error.line, ProgressProblem::Invalid(error.message)),
        Some(other) => other_version(other),
        None => fail(None, ProgressProblem::NoVersion),
    })
}

impl Progress {
    /// Reads the file's text. A UTF-8 BOM and CRLF line ends (an editor's doing) are fine, as
    /// they are in pages.
    pub(super) fn parse(text: &str, path: &Path) -> Result<Progress> {
        let text = &*frontmatter::normalize(text);
        let fail = |line: Option<usize>, problem: ProgressProblem| Error::Progress {
            path: path.to_path_buf(),
            line,
            problem,
        };
        if text.trim().is_empty() {
            return Err(fail(None, ProgressProblem::Empty));
        }
        let mut progress = Progress::default();
        if let Some(entries) = super::fast::read(text) {
            for (entry_path, date) in entries {
                progress.record(entry_path.to_string(), date);
            }
            return Ok(progress);
        }
        for entry in decode_yaml(text, fail)?.done {
            progress.record(entry.path, entry.date);
        }
        Ok(progress)
    }

    pub(super) fn render(&self) -> String {
        let entries = self.done.iter().map(|(path, date)| (path.as_str(), *date));
        let body = super::fast::write(entries).unwrap_or_else(|| self.render_yaml());
        format!("{HEADER}{body}")
    }

    /// The body as the YAML encoder writes it, for paths the fast writer leaves to it.
    fn render_yaml(&self) -> String {
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
        yaml::encode(&file).unwrap_or_else(|error| {
            // Strings and dates always encode; this branch only keeps the function total.
            format!("# learnpath could not encode progress: {}\n", error.message)
        })
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

    use proptest::prelude::*;

    /// Progress files, mostly in the fast reader's form, with values and lines in and out of
    /// its subset and at its borders.
    fn progress_text() -> impl Strategy<Value = String> {
        let odd_path = prop::sample::select(vec![
            "'quoted.md'",
            "\"double.md\"",
            "'it''s.md'",
            "\"esc\\\"aped\"",
            "'a: b.md'",
            "a: b.md",
            "a #b.md",
            "a#b.md",
            "a.md ",
            " a.md",
            "2027",
            "1.5",
            "0x1F",
            "true",
            "null",
            "~",
            "yes",
            "-a.md",
            "? a",
            "[a]",
            "{a}",
            "&a x",
            "*a",
            "!t x",
            "|",
            ">",
            "%a",
            "@a",
            "`a",
            "a\u{a0}.md",
            "é/ü.md",
            "a\u{85}b",
            "",
        ]);
        let path = prop_oneof![
            3 => "[a-z0-9_]{1,6}(/[a-z0-9_. :#-]{1,8}){0,2}(\\.md)?",
            2 => odd_path.prop_map(str::to_string),
        ];
        let odd_date = prop::sample::select(vec![
            "2027-02-30",
            "2027-1-4",
            "'2027-01-04'",
            "+2027-01-04",
            "20270104",
            "2027-01-04T00:00:00",
            "2027-01-04 ",
        ]);
        let date = prop_oneof![
            3 => (1970..2100i32, 1..13u32, 1..32u32)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            1 => odd_date.prop_map(str::to_string),
        ];
        let entry =
            (path, date).prop_map(|(path, date)| format!("- path: {path}\n  date: {date}\n"));
        let odd_line = prop::sample::select(vec![
            "# a comment\n",
            "schema_version: 1\n",
            "schema_version: 2\n",
            "done:\n",
            "done: []\n",
            "\n",
            "  path: a.md\n",
            "- date: 2027-01-04\n",
            "extra: 1\n",
        ]);
        let piece = prop_oneof![8 => entry, 1 => odd_line.prop_map(str::to_string)];
        let start = prop::sample::select(vec![
            "# header\nschema_version: 1\ndone:\n",
            "schema_version: 1\ndone:\n",
            "# a\n# b\nschema_version: 1\ndone:\n",
            "schema_version: 1\ndone: []\n",
            "done:\n",
            "",
        ]);
        (start, prop::collection::vec(piece, 0..5))
            .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()))
    }

    /// Entries as the YAML parser reads them, for files of this version.
    fn yaml_entries(text: &str) -> Option<Vec<(String, NaiveDate)>> {
        let file: ProgressFile = yaml::decode(text).ok()?;
        (file.schema_version == SCHEMA_VERSION).then(|| {
            file.done
                .into_iter()
                .map(|entry| (entry.path, entry.date))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// The fast reader agrees with the YAML parser on everything it accepts.
        #[test]
        fn fast_reader_agrees_with_the_yaml_parser(text in progress_text()) {
            if let Some(fast) = super::super::fast::read(&text) {
                let fast: Vec<(String, NaiveDate)> =
                    fast.into_iter().map(|(path, date)| (path.to_string(), date)).collect();
                prop_assert_eq!(Some(fast), yaml_entries(&text), "{:?}", text);
            }
        }

        /// The fast writer writes what the YAML encoder writes, byte for byte, whenever it
        /// writes at all, and it does for paths like real ones.
        #[test]
        fn fast_writer_agrees_with_the_yaml_encoder(
            paths in prop::collection::btree_map("[a-zA-Z0-9_./ :#'\"~!&*?|>%@`,\\[\\]{}é\u{a0}-]{0,10}", 0..1000u32, 0..8),
            real in prop::collection::btree_map("[a-z0-9_]{1,8}(/[a-z0-9_.-]{1,12}){0,3}[.]md", 0..1000u32, 0..8),
        ) {
            for (paths, must_be_fast) in [(paths, false), (real, true)] {
                let mut progress = Progress::default();
                for (path, day) in &paths {
                    let date = NaiveDate::from_num_days_from_ce_opt(738_000 + *day as i32).unwrap();
                    progress.mark(path, date);
                }
                let entries = progress.done.iter().map(|(path, date)| (path.as_str(), *date));
                match super::super::fast::write(entries) {
                    Some(fast) => prop_assert_eq!(fast, progress.render_yaml()),
                    None => prop_assert!(!must_be_fast, "{:?}", paths),
                }
            }
        }

        /// What learnpath writes, the fast reader reads, for paths like real ones.
        #[test]
        fn the_fast_reader_reads_what_learnpath_writes(
            paths in prop::collection::btree_map("[a-z0-9_]{1,8}(/[a-z0-9_. -]{1,12}){0,3}[.]md", 0..1000u32, 0..20)
        ) {
            let mut progress = Progress::default();
            for (path, day) in &paths {
                let date = NaiveDate::from_num_days_from_ce_opt(738_000 + *day as i32).unwrap();
                progress.mark(path, date);
            }
            let text = progress.render();
            let fast = super::super::fast::read(&text);
            prop_assert!(fast.is_some(), "{}", text);
            prop_assert_eq!(parse(&text).unwrap(), progress);
        }
    }

    /// Words at the borders of what YAML reads as a number, a boolean or null.
    #[test]
    fn fast_writer_agrees_with_the_yaml_encoder_on_ambiguous_words() {
        let words = [
            "inf",
            "Infinity",
            "infinity",
            "nan",
            "NaN",
            "e",
            "E5",
            "1_000",
            "0b1",
            "0o7",
            "0x1f",
            "_",
            "-",
            ".",
            "1.",
            "+1",
            "0",
            "00",
            "1e",
            "1e3",
            "true",
            "True",
            "TRUE",
            "y",
            "Y",
            "yes",
            "off",
            "On",
            "null",
            "Null",
            "NULL",
            "a.md",
            "-a",
            "a-",
            ".a",
            "a.",
            "1-2",
            "2027-01-04",
            "12:30",
            "0.5.md",
            "1.0",
            "1_2.md",
            "x/1",
            "x/-1",
            "e/1.md",
            "n",
            "N",
        ];
        for word in words {
            let mut progress = Progress::default();
            progress.mark(word, "2027-01-04".parse().unwrap());
            let entries = progress
                .done
                .iter()
                .map(|(path, date)| (path.as_str(), *date));
            if let Some(fast) = super::super::fast::write(entries) {
                assert_eq!(fast, progress.render_yaml(), "{word:?}");
            }
        }
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
