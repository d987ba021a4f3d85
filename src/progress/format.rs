//! The progress file's format: YAML with a `schema_version`, a `done:` list (each document's
//! path, date and, when given, the minutes it took) and an optional `partial:` list (partial
//! progress: path, date, minutes, and optionally the part and the minutes it took). Version 1
//! has neither times nor partial records; learnpath writes it when a file needs neither, so
//! that earlier versions keep reading it, and version 2 otherwise. Version 3 adds a done
//! document's `grade` and a `review:` list (path, date, grade, and optionally the minutes it
//! took); learnpath writes it only for a file that has either. It reads all three.

use super::fast::Entries;
use super::store::ProgressKind;
use super::{
    Grade, MAX_PART, MAX_RECORD_MINUTES, PLAIN_SCHEMA_VERSION, Partial, Progress,
    REVIEW_SCHEMA_VERSION, ReviewRecord, SCHEMA_VERSION,
};
use crate::error::Invalid;
use crate::store::{self, Broken, Problem};
use crate::yaml;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The first line of every progress file learnpath writes.
pub(super) const HEADER: &str = "# learnpath progress: the documents you have studied. Edit with `learnpath done` / `learnpath undo`.\n";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressFile {
    schema_version: u32,
    #[serde(default)]
    done: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    partial: Vec<PartialEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    review: Vec<ReviewEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    took: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grade: Option<Grade>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialEntry {
    path: String,
    date: NaiveDate,
    minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    took: Option<u32>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewEntry {
    path: String,
    date: NaiveDate,
    grade: Grade,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    took: Option<u32>,
}

/// The first value of the decoded file outside its range, as the YAML parser names places:
/// its dotted path (`done.0.took`, for its line) and its message (`done[0].took: ...`).
fn out_of_range(file: &ProgressFile) -> Option<(String, Invalid)> {
    let minutes = |place: String, value: u32| {
        (!(1..=MAX_RECORD_MINUTES).contains(&value)).then_some(Invalid::Minutes {
            place,
            minutes: value,
            most: MAX_RECORD_MINUTES,
        })
    };
    let part = |place: String, value: u32| {
        (!(1..=MAX_PART).contains(&value)).then_some(Invalid::Part {
            place,
            part: value,
            most: MAX_PART,
        })
    };
    let done = file.done.iter().enumerate().filter_map(|(index, entry)| {
        let invalid = minutes(format!("done[{index}].took"), entry.took?)?;
        Some((format!("done.{index}.took"), invalid))
    });
    let partial = file
        .partial
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            let place = |field: &str| format!("partial[{index}].{field}");
            let (field, invalid) = minutes(place("minutes"), entry.minutes)
                .map(|invalid| ("minutes", invalid))
                .or_else(|| Some(("part", part(place("part"), entry.part?)?)))
                .or_else(|| Some(("took", minutes(place("took"), entry.took?)?)))?;
            Some((format!("partial.{index}.{field}"), invalid))
        });
    let review = file.review.iter().enumerate().filter_map(|(index, entry)| {
        let invalid = minutes(format!("review[{index}].took"), entry.took?)?;
        Some((format!("review.{index}.took"), invalid))
    });
    done.chain(partial).chain(review).next()
}

/// Reads the file with the YAML parser, in one pass when it is a progress file of a known
/// version. When it is not, a look at the version alone names the problem (another schema, not a
/// progress file at all) before the details.
fn decode_yaml(text: &str) -> Result<ProgressFile, Broken> {
    let error = match yaml::decode::<ProgressFile>(text) {
        Ok(file) => {
            store::check_version::<ProgressKind>(Some(file.schema_version), text)?;
            return match out_of_range(&file) {
                None => Ok(file),
                Some((place, invalid)) => Err((
                    yaml::positions::Positions::of(text).line(&place),
                    Problem::Invalid(invalid),
                )),
            };
        }
        Err(error) => error,
    };
    store::probe::<ProgressKind>(text, "")?;
    Err((error.line, Problem::Invalid(Invalid::Parser(error.message))))
}

impl ProgressFile {
    /// The entries, in file order.
    fn entries(self) -> Entries<String> {
        Entries {
            grade: self
                .done
                .iter()
                .enumerate()
                .filter_map(|(index, entry)| entry.grade.map(|grade| (index, grade)))
                .collect(),
            took: self
                .done
                .iter()
                .enumerate()
                .filter_map(|(index, entry)| entry.took.map(|took| (index, took)))
                .collect(),
            done: self
                .done
                .into_iter()
                .map(|entry| (entry.path, entry.date))
                .collect(),
            partial: self
                .partial
                .into_iter()
                .map(|entry| {
                    (
                        entry.path,
                        Partial {
                            date: entry.date,
                            minutes: entry.minutes,
                            part: entry.part,
                            took: entry.took,
                        },
                    )
                })
                .collect(),
            review: self
                .review
                .into_iter()
                .map(|entry| {
                    let review = ReviewRecord {
                        date: entry.date,
                        grade: entry.grade,
                        took: entry.took,
                    };
                    (entry.path, review)
                })
                .collect(),
        }
    }
}

impl Progress {
    /// Reads the file's text (not empty, without BOM and CRLF line ends: see the store).
    pub(super) fn parse(text: &str) -> Result<Progress, Broken> {
        match super::fast::read(text) {
            Some(entries) => {
                let mut progress = Progress::default();
                progress.add(entries, str::to_string);
                Ok(progress)
            }
            None => Progress::parse_yaml(text),
        }
    }

    /// Reads the file's text with the YAML parser.
    fn parse_yaml(text: &str) -> Result<Progress, Broken> {
        let mut progress = Progress::default();
        progress.add(decode_yaml(text)?.entries(), |path| path);
        Ok(progress)
    }

    /// Adds the entries of a file.
    fn add<S: AsRef<str>>(&mut self, entries: Entries<S>, owned: impl Fn(S) -> String) {
        let sorted = entries
            .done
            .windows(2)
            .all(|pair| pair[0].0.as_ref() < pair[1].0.as_ref());
        let path_of = |index: usize| entries.done[index].0.as_ref().to_string();
        if sorted && self.done.is_empty() && self.took.is_empty() && self.grade.is_empty() {
            // As learnpath writes them: each path once, in order. Built in bulk, which is
            // faster than an insertion each.
            self.took = entries
                .took
                .iter()
                .map(|&(index, took)| (path_of(index), took))
                .collect();
            self.grade = entries
                .grade
                .iter()
                .map(|&(index, grade)| (path_of(index), grade))
                .collect();
            self.done = entries
                .done
                .into_iter()
                .map(|(entry_path, date)| (owned(entry_path), date))
                .collect();
        } else {
            for &(index, grade) in &entries.grade {
                // A document listed twice keeps the first grade given.
                self.grade.entry(path_of(index)).or_insert(grade);
            }
            self.add_one_by_one(entries.done, entries.took, &owned);
        }
        for (entry_path, partial) in entries.partial {
            self.record_partial_entry(owned(entry_path), partial);
        }
        for (entry_path, review) in entries.review {
            // In file order, as [`Progress::add_review`] keeps a document's reviews in date
            // order.
            self.add_review(owned(entry_path), review);
        }
    }

    /// Adds done entries as [`Progress::record`] does, earliest dates first.
    fn add_one_by_one<S>(
        &mut self,
        done: Vec<(S, NaiveDate)>,
        took: Vec<(usize, u32)>,
        owned: impl Fn(S) -> String,
    ) {
        let entries = done;
        let mut took = took.into_iter().peekable();
        for (index, (entry_path, date)) in entries.into_iter().enumerate() {
            let minutes = took.next_if(|(at, _)| *at == index).map(|(_, took)| took);
            self.record(owned(entry_path), date, minutes);
        }
    }

    /// The version of the format this progress needs: 1 without times and partial records.
    pub(super) fn schema_version(&self) -> u32 {
        if self.uses_version_3() {
            REVIEW_SCHEMA_VERSION
        } else if self.uses_version_2() {
            SCHEMA_VERSION
        } else {
            PLAIN_SCHEMA_VERSION
        }
    }

    pub(super) fn render(&self) -> String {
        let body = super::fast::write(self).unwrap_or_else(|| self.render_yaml());
        format!("{HEADER}{body}")
    }

    /// The body as the YAML encoder writes it, for paths the fast writer leaves to it.
    fn render_yaml(&self) -> String {
        let file = ProgressFile {
            schema_version: self.schema_version(),
            done: self
                .done
                .iter()
                .map(|(path, date)| Entry {
                    path: path.clone(),
                    date: *date,
                    took: self.took.get(path).copied(),
                    grade: self.grade.get(path).copied(),
                })
                .collect(),
            partial: self
                .partial
                .iter()
                .flat_map(|(path, records)| {
                    records.iter().map(|partial| PartialEntry {
                        path: path.clone(),
                        date: partial.date,
                        minutes: partial.minutes,
                        part: partial.part,
                        took: partial.took,
                    })
                })
                .collect(),
            review: self
                .review
                .iter()
                .flat_map(|(path, records)| {
                    records.iter().map(|review| ReviewEntry {
                        path: path.clone(),
                        date: review.date,
                        grade: review.grade,
                        took: review.took,
                    })
                })
                .collect(),
        };
        yaml::encode(&file).unwrap_or_else(|error| {
            // Strings, dates and numbers always encode; this branch only keeps the function
            // total.
            format!("# learnpath could not encode progress: {}\n", error.message)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Marked;

    fn parse(text: &str) -> crate::Result<Progress> {
        crate::store::Store::<ProgressKind>::new("progress.yaml", "")
            .parse(text)
            .map(|loaded| loaded.value)
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

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn writes_version_1_without_times_and_partial_records_and_2_with_them() {
        let mut progress = Progress::default();
        progress.mark_on("b.md", day("2027-01-05"), false, None);
        let plain = progress.render();
        assert_eq!(
            plain,
            format!("{HEADER}schema_version: 1\ndone:\n- path: b.md\n  date: 2027-01-05\n")
        );
        assert_eq!(parse(&plain).unwrap(), progress);

        progress.mark_on("a.md", day("2027-01-04"), false, Some(50));
        let partial = |date: &str, minutes, part, took| Partial {
            date: day(date),
            minutes,
            part,
            took,
        };
        // Recorded out of date order: the file keeps a document's records in date order.
        progress.record_partial("c.md", partial("2027-01-08", 30, None, None));
        progress.record_partial("c.md", partial("2027-01-06", 45, Some(1), Some(55)));
        let text = progress.render();
        assert_eq!(
            text,
            format!(
                "{HEADER}schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 50\n- path: b.md\n  date: 2027-01-05\npartial:\n- path: c.md\n  date: 2027-01-06\n  minutes: 45\n  part: 1\n  took: 55\n- path: c.md\n  date: 2027-01-08\n  minutes: 30\n"
            )
        );
        let again = parse(&text).unwrap();
        assert_eq!(again, progress);
        assert_eq!(again.took("a.md"), Some(50));
        assert_eq!(again.took("b.md"), None);
        assert_eq!(again.partial_minutes("c.md"), 75);
        assert_eq!(again.partials("c.md")[0].part, Some(1));
        assert_eq!(again.logged().collect::<Vec<_>>(), [("a.md", 50)]);
        // The YAML encoder writes the same, and the YAML parser reads it back the same.
        assert_eq!(format!("{HEADER}{}", progress.render_yaml()), text);
        let spaced = text.replace("done:\n", "done:\n\n");
        assert_eq!(super::super::fast::read(&spaced), None);
        assert_eq!(parse(&spaced).unwrap(), progress);

        // Without the times and the partial records, the file is version 1 again.
        progress.unmark("c.md");
        assert_eq!(
            progress.mark_on("a.md", day("2027-01-04"), false, None),
            Marked::AlreadyDone {
                since: day("2027-01-04")
            }
        );
        progress.unmark("a.md");
        assert_eq!(progress.render(), plain);
    }

    #[test]
    fn grades_and_reviews_make_version_3_and_read_back() {
        let mut progress = Progress::default();
        progress.mark_on("a.md", day("2027-01-04"), false, Some(50));
        let before = progress.render();
        assert!(before.contains("schema_version: 2\n"));
        let review = |date: &str, grade, took| ReviewRecord {
            date: day(date),
            grade,
            took,
        };
        assert_eq!(
            progress.record_review("b.md", review("2027-01-05", Grade::Good, None)),
            crate::progress::Reviewed::NotDone
        );
        assert!(progress.set_done_grade("a.md", Grade::Hard));
        progress.record_review("a.md", review("2027-01-20", Grade::Easy, None));
        progress.record_review("a.md", review("2027-01-09", Grade::Again, Some(8)));
        let text = progress.render();
        assert_eq!(
            text,
            format!(
                "{HEADER}schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 50\n  grade: hard\nreview:\n- path: a.md\n  date: 2027-01-09\n  grade: again\n  took: 8\n- path: a.md\n  date: 2027-01-20\n  grade: easy\n"
            )
        );
        let again = parse(&text).unwrap();
        assert_eq!(again, progress);
        assert_eq!(again.done_grade("a.md"), Grade::Hard);
        assert_eq!(again.reviews("a.md")[0].took, Some(8));
        // Undone, the document takes its grade and reviews with it: version 2 again, as before.
        progress.unmark("a.md");
        progress.mark_on("a.md", day("2027-01-04"), false, Some(50));
        assert_eq!(progress.render(), before);
    }

    #[test]
    fn the_fast_reader_and_the_yaml_parser_read_a_hand_written_version_3_file_alike() {
        // Out of path order, a document listed twice with two grades and two times, reviews
        // out of date order, and a review of a document not done.
        let text = "# mine\nschema_version: 3\ndone:\n- path: b.md\n  date: 2027-01-06\n  grade: easy\n- path: a.md\n  date: 2027-01-04\n  took: 50\n  grade: hard\n- path: b.md\n  date: 2027-01-05\n  took: 20\n  grade: again\n- path: c.md\n  date: 2027-01-07\npartial:\n- path: d.md\n  date: 2027-01-08\n  minutes: 30\nreview:\n- path: a.md\n  date: 2027-01-20\n  grade: good\n- path: a.md\n  date: 2027-01-09\n  grade: again\n  took: 8\n- path: b.md\n  date: 2027-01-09\n  grade: hard\n- path: e.md\n  date: 2027-01-10\n  grade: good\n";
        let entries = super::super::fast::read(text).unwrap();
        assert_eq!(
            entries.grade,
            [(0, Grade::Easy), (1, Grade::Hard), (2, Grade::Again)]
        );
        assert_eq!(entries.review.len(), 4);
        let fast = parse(text).unwrap();
        assert_eq!(fast, Progress::parse_yaml(text).unwrap());
        assert_eq!(fast.date("b.md"), Some(day("2027-01-05")));
        assert_eq!(fast.took("b.md"), Some(20));
        assert_eq!(fast.given_grade("b.md"), Some(Grade::Easy));
        assert_eq!(fast.given_grade("a.md"), Some(Grade::Hard));
        assert_eq!(fast.given_grade("c.md"), None);
        let dates: Vec<_> = fast
            .reviews("a.md")
            .iter()
            .map(|review| review.date)
            .collect();
        assert_eq!(dates, [day("2027-01-09"), day("2027-01-20")]);
        assert_eq!(fast.reviews("a.md")[0].took, Some(8));
        assert_eq!(fast.reviews("e.md").len(), 1);
        assert_eq!(fast.partial_minutes("d.md"), 30);

        // As learnpath writes it back, both read it alike too, and the two writers agree.
        let written = fast.render();
        assert!(super::super::fast::read(&written).is_some(), "{written}");
        assert_eq!(format!("{HEADER}{}", fast.render_yaml()), written);
        assert_eq!(parse(&written).unwrap(), fast);
        assert_eq!(Progress::parse_yaml(&written).unwrap(), fast);
    }

    #[test]
    fn a_review_out_of_range_names_the_line() {
        let text = "schema_version: 3\ndone:\n- path: a.md\n  date: 2027-01-04\nreview:\n- path: a.md\n  date: 2027-01-05\n  grade: good\n  took: 0\n";
        let error = parse(text).unwrap_err().to_string();
        assert!(
            error.starts_with("progress.yaml:9: invalid progress file: review[0].took: 0 minutes"),
            "{error}"
        );
    }

    #[test]
    fn a_file_of_version_1_with_times_is_read() {
        let text = "schema_version: 1\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 40\n";
        assert_eq!(parse(text).unwrap().took("a.md"), Some(40));
    }

    #[test]
    fn values_out_of_range_name_the_line_and_the_field() {
        for (text, expected) in [
            (
                "schema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n  took: 0\n",
                ":5: invalid progress file: done[0].took: 0 minutes is outside 1 to 1440",
            ),
            (
                "# mine\nschema_version: 2\ndone:\n- path: a.md\n  date: 2027-01-04\n- path: b.md\n  date: 2027-01-04\n  took: 1441\n",
                ":8: invalid progress file: done[1].took: 1441 minutes is outside 1 to 1440",
            ),
            (
                "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 30\n  part: 0\n",
                ":7: invalid progress file: partial[0].part: 0 is outside 1 to 400",
            ),
            (
                "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 30\n- path: a.md\n  date: 2027-01-05\n  minutes: 2000\n",
                ":9: invalid progress file: partial[1].minutes: 2000 minutes is outside 1 to 1440",
            ),
            (
                "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: 30\n  took: 0\n",
                ":7: invalid progress file: partial[0].took: 0 minutes is outside",
            ),
            (
                "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n",
                ":4: invalid progress file: partial[0]: missing field `minutes`",
            ),
            (
                "schema_version: 2\ndone: []\npartial:\n- path: a.md\n  date: 2027-01-04\n  minutes: half\n",
                ":6: invalid progress file: partial[0].minutes: invalid type: string \"half\"",
            ),
        ] {
            let error = parse(text).unwrap_err().to_string();
            assert!(
                error.starts_with(&format!("progress.yaml{expected}")),
                "{text:?}: {error}"
            );
        }
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
        prop_oneof![1 => mixed_text(), 2 => shaped_text()]
    }

    /// Paths the fast reader must leave to the YAML parser, or read as YAML does: quoted,
    /// typed, with a comment, spaces or odd characters, or empty.
    fn odd_path() -> impl Strategy<Value = String> + Clone {
        prop::sample::select(vec![
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
        ])
        .prop_map(str::to_string)
    }

    /// A `took:` line with a number of `number`, in a share `weight` of entries; else nothing.
    fn took_line(
        weight: f64,
        number: impl Strategy<Value = String> + Clone,
    ) -> impl Strategy<Value = String> + Clone {
        prop::option::weighted(weight, number)
            .prop_map(|took| took.map_or(String::new(), |took| format!("  took: {took}\n")))
    }

    /// A `grade:` line with a grade of `grade`, in a share `weight` of entries; else nothing.
    fn grade_line(
        weight: f64,
        grade: impl Strategy<Value = String> + Clone,
    ) -> impl Strategy<Value = String> + Clone {
        prop::option::weighted(weight, grade)
            .prop_map(|grade| grade.map_or(String::new(), |grade| format!("  grade: {grade}\n")))
    }

    /// Grades as learnpath writes them, and mostly as it does not.
    fn odd_grade() -> impl Strategy<Value = String> + Clone {
        prop::sample::select(vec![
            "Good",
            "GOOD",
            "'good'",
            "\"easy\"",
            "ok",
            "good ",
            " good",
            "1",
            "",
            "~",
            "null",
            "again # note",
            "hard\n  grade: easy",
        ])
        .prop_map(str::to_string)
    }

    fn clean_grade() -> impl Strategy<Value = String> + Clone {
        prop::sample::select(Grade::ALL.to_vec()).prop_map(|grade| grade.to_string())
    }

    /// An entry of `done:`: a path, a date and the lines of `took` and `grade`, in either
    /// order.
    fn done_entry(
        path: impl Strategy<Value = String>,
        date: impl Strategy<Value = String>,
        took: impl Strategy<Value = String>,
        grade: impl Strategy<Value = String>,
    ) -> impl Strategy<Value = String> {
        (path, date, took, grade, prop::bool::weighted(0.1)).prop_map(
            |(path, date, took, grade, swapped)| {
                let (first, second) = if swapped {
                    (grade, took)
                } else {
                    (took, grade)
                };
                format!("- path: {path}\n  date: {date}\n{first}{second}")
            },
        )
    }

    /// An entry of `review:`: a path, a date, a grade (or now and then none) and the lines of
    /// `took`.
    fn review_entry(
        path: impl Strategy<Value = String>,
        date: impl Strategy<Value = String>,
        grade: impl Strategy<Value = String>,
        took: impl Strategy<Value = String>,
    ) -> impl Strategy<Value = String> {
        (path, date, prop::option::weighted(0.95, grade), took).prop_map(
            |(path, date, grade, took)| {
                let grade = grade.map_or(String::new(), |grade| format!("  grade: {grade}\n"));
                format!("- path: {path}\n  date: {date}\n{grade}{took}")
            },
        )
    }

    /// An entry of `partial:`: a path, a date, minutes, half the time a part, and the lines of
    /// `took`.
    fn partial_entry(
        path: impl Strategy<Value = String>,
        date: impl Strategy<Value = String>,
        minutes: impl Strategy<Value = String>,
        part: impl Strategy<Value = String>,
        took: impl Strategy<Value = String>,
    ) -> impl Strategy<Value = String> {
        (path, date, minutes, prop::option::weighted(0.5, part), took).prop_map(
            |(path, date, minutes, part, took)| {
                let part = part.map_or(String::new(), |part| format!("  part: {part}\n"));
                format!("- path: {path}\n  date: {date}\n  minutes: {minutes}\n{part}{took}")
            },
        )
    }

    /// A start, then entries and stray lines in any order, with values in and out of the
    /// subset.
    fn mixed_text() -> impl Strategy<Value = String> {
        let path = prop_oneof![
            3 => "[a-z0-9_]{1,6}(/[a-z0-9_. :#-]{1,8}){0,2}(\\.md)?",
            2 => odd_path(),
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
        let number = prop_oneof![
            4 => (1..=1440u32).prop_map(|n| n.to_string()),
            1 => prop::sample::select(vec![
                "0", "050", "1441", "+5", "-5", "5.0", "'5'", "\"5\"", "1e2", "0x10", "99999",
                "100000", "1_000", "~", "null", "five", "",
            ])
            .prop_map(str::to_string),
        ];
        let part = prop_oneof![
            4 => (1..=400u32).prop_map(|n| n.to_string()),
            1 => prop::sample::select(vec!["0", "401", "01", "-1", "1.5"]).prop_map(str::to_string),
        ];
        let took = took_line(0.4, number.clone());
        let grade = prop_oneof![3 => clean_grade(), 1 => odd_grade()];
        let piece = prop_oneof![
            6 => done_entry(path.clone(), date.clone(), took.clone(), grade_line(0.3, grade.clone())),
            3 => partial_entry(path.clone(), date.clone(), number, part, took.clone()),
            3 => review_entry(path, date, grade, took),
            2 => odd_line(),
        ];
        (start(), prop::collection::vec(piece, 0..6))
            .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()))
    }

    /// A line out of place: a comment, a header again, a blank line, a field without its entry.
    fn odd_line() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "# a comment\n",
            "schema_version: 1\n",
            "schema_version: 2\n",
            "done:\n",
            "done: []\n",
            "partial:\n",
            "partial: []\n",
            "review:\n",
            "review: []\n",
            "\n",
            "  path: a.md\n",
            "- date: 2027-01-04\n",
            "  took: 5\n",
            "  minutes: 5\n",
            "  part: 1\n",
            "  grade: good\n",
            "extra: 1\n",
        ])
        .prop_map(str::to_string)
    }

    /// The start of a file: comments or none, a version known or not, `done:` or `done: []`,
    /// or nothing at all.
    fn start() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "# header\nschema_version: 1\ndone:\n",
            "schema_version: 1\ndone:\n",
            "# a\n# b\nschema_version: 1\ndone:\n",
            "schema_version: 1\ndone: []\n",
            "schema_version: 2\ndone:\n",
            "schema_version: 2\ndone: []\npartial:\n",
            "# header\nschema_version: 2\ndone: []\n",
            "schema_version: 3\ndone:\n",
            "# header\nschema_version: 3\ndone:\n",
            "schema_version: 3\ndone: []\n",
            "schema_version: 3\ndone: []\nreview:\n",
            "schema_version: 3\ndone: []\npartial:\n",
            "schema_version: 2\ndone: []\nreview:\n",
            "done:\n",
            "",
        ])
    }

    /// The shape learnpath writes, with values mostly in the subset, numbers at its borders.
    fn shaped_text() -> impl Strategy<Value = String> {
        let version = prop::sample::select(vec!["1", "2", "2", "3", "3", "3"]);
        let clean_path = prop_oneof![
            9 => "[a-z0-9_]{1,6}(/[a-z0-9_. -]{1,8}){0,2}[.]md",
            1 => odd_path(),
        ];
        let clean_date = (1970..2100i32, 1..13u32, 1..29u32)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
        let clean_number = prop_oneof![
            9 => prop_oneof![Just(1u32), Just(1440), Just(400), 1..=1440u32].prop_map(|n| n.to_string()),
            1 => prop::sample::select(vec!["0", "050", "1441", "401", "+5", "5.0", "'5'"])
                .prop_map(str::to_string),
        ];
        let clean_took = took_line(0.5, clean_number.clone());
        let grade = prop_oneof![19 => clean_grade(), 1 => odd_grade()];
        let clean_entry = done_entry(
            clean_path.clone(),
            clean_date.clone(),
            clean_took.clone(),
            grade_line(0.5, grade.clone()),
        );
        let clean_partial = partial_entry(
            clean_path.clone(),
            clean_date.clone(),
            clean_number.clone(),
            clean_number,
            clean_took.clone(),
        );
        let clean_review = review_entry(clean_path, clean_date, grade, clean_took);
        (
            version,
            prop::collection::vec(clean_entry, 0..4),
            prop::collection::vec(clean_partial, 0..4),
            prop::collection::vec(clean_review, 0..4),
        )
            .prop_map(|(version, done, partial, review)| {
                let done = if done.is_empty() {
                    "done: []\n".to_string()
                } else {
                    format!("done:\n{}", done.concat())
                };
                let partial = if partial.is_empty() {
                    String::new()
                } else {
                    format!("partial:\n{}", partial.concat())
                };
                let review = if review.is_empty() {
                    String::new()
                } else {
                    format!("review:\n{}", review.concat())
                };
                format!("# header\nschema_version: {version}\n{done}{partial}{review}")
            })
    }

    /// Entries as the YAML parser reads them, for files of a known version.
    fn yaml_entries(text: &str) -> Option<Entries<String>> {
        let file: ProgressFile = yaml::decode(text).ok()?;
        (<ProgressKind as crate::store::Kind>::VERSIONS.contains(&file.schema_version)
            && out_of_range(&file).is_none())
        .then(|| file.entries())
    }

    /// A done document to mark: path, day number, minutes taken, grade.
    type DoneRow = (String, u32, Option<u32>, Option<Grade>);

    /// A review to add: path, day number, grade, minutes taken.
    type ReviewRow = (String, u32, Grade, Option<u32>);

    /// A partial record to make: path, day number, minutes, part, minutes taken.
    type PartialRow = (String, u32, u32, Option<u32>, Option<u32>);

    /// Progress with the given done documents, partial records and reviews (added whether the
    /// document is done or not, as a file may have them).
    fn progress_of(done: &[DoneRow], partial: &[PartialRow], review: &[ReviewRow]) -> Progress {
        let day = |day: u32| NaiveDate::from_num_days_from_ce_opt(738_000 + day as i32).unwrap();
        let mut progress = Progress::default();
        for (path, date, took, grade) in done {
            progress.record(path.clone(), day(*date), *took);
            if let Some(grade) = grade {
                progress.set_done_grade(path, *grade);
            }
        }
        for (path, date, grade, took) in review {
            let review = ReviewRecord {
                date: day(*date),
                grade: *grade,
                took: *took,
            };
            progress.add_review(path.clone(), review);
        }
        for (path, date, minutes, part, took) in partial {
            progress.record_partial_entry(
                path.clone(),
                Partial {
                    date: day(*date),
                    minutes: *minutes,
                    part: *part,
                    took: *took,
                },
            );
        }
        progress
    }

    fn any_grade() -> impl Strategy<Value = Grade> {
        prop::sample::select(Grade::ALL.to_vec())
    }

    /// Done documents, with grades in about a share `graded` of them.
    fn done_entries(
        paths: &'static str,
        most: usize,
        graded: f64,
    ) -> impl Strategy<Value = Vec<DoneRow>> {
        prop::collection::vec(
            (
                paths,
                0..1000u32,
                prop::option::weighted(0.3, 1..=MAX_RECORD_MINUTES),
                prop::option::weighted(graded, any_grade()),
            ),
            0..most,
        )
    }

    /// Reviews, none in about a share `none` of cases.
    fn review_entries(paths: &'static str, none: f64) -> impl Strategy<Value = Vec<ReviewRow>> {
        let reviews = prop::collection::vec(
            (
                paths,
                0..1000u32,
                any_grade(),
                prop::option::weighted(0.3, 1..=MAX_RECORD_MINUTES),
            ),
            1..5,
        );
        prop::option::weighted(1.0 - none, reviews).prop_map(Option::unwrap_or_default)
    }

    fn partial_entries(paths: &'static str) -> impl Strategy<Value = Vec<PartialRow>> {
        prop::collection::vec(
            (
                paths,
                0..1000u32,
                1..=MAX_RECORD_MINUTES,
                prop::option::of(1..=MAX_PART),
                prop::option::of(1..=MAX_RECORD_MINUTES),
            ),
            0..4,
        )
    }

    const ANY_PATH: &str = "[a-zA-Z0-9_./ :#'\"~!&*?|>%@`,\\[\\]{}é\u{a0}-]{0,10}";
    const REAL_PATH: &str = "[a-z0-9_]{1,8}(/[a-z0-9_.-]{1,12}){0,3}[.]md";

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// The fast reader agrees with the YAML parser on everything it accepts.
        #[test]
        fn fast_reader_agrees_with_the_yaml_parser(text in progress_text()) {
            if let Some(fast) = super::super::fast::read(&text) {
                let fast = Entries {
                    done: fast.done.into_iter().map(|(path, date)| (path.to_string(), date)).collect(),
                    took: fast.took,
                    partial: fast.partial.into_iter().map(|(path, partial)| (path.to_string(), partial)).collect(),
                    grade: fast.grade,
                    review: fast.review.into_iter().map(|(path, review)| (path.to_string(), review)).collect(),
                };
                prop_assert_eq!(Some(fast), yaml_entries(&text), "{:?}", text);
            }
        }

        /// The fast writer writes what the YAML encoder writes, byte for byte, whenever it
        /// writes at all, and it does for paths like real ones.
        #[test]
        fn fast_writer_agrees_with_the_yaml_encoder(
            done in done_entries(ANY_PATH, 8, 0.2),
            partial in partial_entries(ANY_PATH),
            review in review_entries(ANY_PATH, 0.5),
            real_done in done_entries(REAL_PATH, 8, 0.2),
            real_partial in partial_entries(REAL_PATH),
            real_review in review_entries(REAL_PATH, 0.5),
        ) {
            for ((done, partial, review), must_be_fast) in [
                ((done, partial, review), false),
                ((real_done, real_partial, real_review), true),
            ] {
                let progress = progress_of(&done, &partial, &review);
                match super::super::fast::write(&progress) {
                    Some(fast) => prop_assert_eq!(fast, progress.render_yaml()),
                    None => prop_assert!(!must_be_fast, "{:?} {:?} {:?}", done, partial, review),
                }
            }
        }

        /// What learnpath writes, the fast reader reads, for paths like real ones, and it reads
        /// back the same progress; the version is 1 exactly when neither times nor partial
        /// records are written.
        #[test]
        fn the_fast_reader_reads_what_learnpath_writes(
            done in done_entries("[a-z0-9_]{1,8}(/[a-z0-9_. -]{1,12}){0,3}[.]md", 20, 0.1),
            partial in partial_entries("[a-z0-9_]{1,8}(/[a-z0-9_. -]{1,12}){0,3}[.]md"),
            review in review_entries("[a-z0-9_]{1,8}(/[a-z0-9_. -]{1,12}){0,3}[.]md", 0.6),
        ) {
            let progress = progress_of(&done, &partial, &review);
            let text = progress.render();
            let fast = super::super::fast::read(&text);
            prop_assert!(fast.is_some(), "{}", text);
            prop_assert_eq!(parse(&text).unwrap(), progress.clone());
            prop_assert_eq!(Progress::parse_yaml(&text).unwrap(), progress.clone());
            let version = if progress.uses_version_3() {
                "schema_version: 3\n"
            } else if progress.logged().next().is_none() && partial.is_empty() {
                "schema_version: 1\n"
            } else {
                "schema_version: 2\n"
            };
            prop_assert!(text.contains(version), "{}", text);
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
            let progress = progress_of(
                &[(word.to_string(), 0, Some(5), Some(Grade::Easy))],
                &[(word.to_string(), 1, 30, Some(1), None)],
                &[(word.to_string(), 2, Grade::Hard, Some(7))],
            );
            if let Some(fast) = super::super::fast::write(&progress) {
                assert_eq!(fast, progress.render_yaml(), "{word:?}");
            }
        }
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for (text, words) in [
            ("", "empty"),
            (
                "schema_version: 4\ndone: []\n",
                "schema_version 4 is not one this learnpath knows (it reads 1, 2 and 3)",
            ),
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
