//! The progress store: which documents are done, and since when. A YAML file, read and written
//! whole; writes are atomic and serialized by an advisory lock, so that two `learnpath done`
//! running at once lose neither mark, and a crash never leaves a half-written file.

use crate::atomic_file;
use crate::curriculum::frontmatter;
use crate::curriculum::{Curriculum, DocId};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// The version of the progress file's format.
pub const SCHEMA_VERSION: u32 = 1;

/// Completed documents by path (relative to the curriculum root), with the day each was done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    done: BTreeMap<String, NaiveDate>,
}

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
    pub fn is_done(&self, path: &str) -> bool {
        self.done.contains_key(path)
    }

    pub fn date(&self, path: &str) -> Option<NaiveDate> {
        self.done.get(path).copied()
    }

    /// Marks a document done on `date`; returns false when it already was (its date is kept).
    pub fn mark(&mut self, path: &str, date: NaiveDate) -> bool {
        if self.done.contains_key(path) {
            return false;
        }
        self.done.insert(path.to_string(), date);
        true
    }

    /// Returns false when the document was not marked.
    pub fn unmark(&mut self, path: &str) -> bool {
        self.done.remove(path).is_some()
    }

    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// Per document of the curriculum: is it done?
    pub fn done_flags(&self, curriculum: &Curriculum) -> Vec<bool> {
        curriculum
            .docs
            .iter()
            .map(|doc| self.is_done(&doc.path))
            .collect()
    }

    /// Recorded paths that name no document of the curriculum. They are kept in the file.
    pub fn unknown(&self, curriculum: &Curriculum) -> Vec<String> {
        let known: std::collections::HashSet<&str> = curriculum
            .docs
            .iter()
            .map(|doc| doc.path.as_str())
            .collect();
        self.done
            .keys()
            .filter(|path| !known.contains(path.as_str()))
            .cloned()
            .collect()
    }

    pub fn mark_ids(
        &mut self,
        curriculum: &Curriculum,
        ids: &[DocId],
        date: NaiveDate,
    ) -> Vec<DocId> {
        ids.iter()
            .copied()
            .filter(|&id| self.mark(&curriculum.doc(id).path, date))
            .collect()
    }

    fn parse(text: &str, path: &Path) -> Result<Progress> {
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
        Ok(Progress {
            done: file
                .done
                .into_iter()
                .map(|entry| (entry.path, entry.date))
                .collect(),
        })
    }

    fn render(&self) -> String {
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
        format!(
            "# learnpath progress: the documents you have studied. Edit with `learnpath done` / `learnpath undo`.\n{body}"
        )
    }
}

/// Where the progress file lives and how it is read and changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressStore {
    path: PathBuf,
}

impl ProgressStore {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        ProgressStore { path: path.into() }
    }

    /// `$XDG_DATA_HOME/learnpath/progress.yaml` (XDG on every platform, macOS included).
    pub fn default_path() -> Result<PathBuf> {
        use etcetera::BaseStrategy;
        let strategy = etcetera::base_strategy::Xdg::new().map_err(|_| Error::NoHome {
            what: "the progress file",
        })?;
        Ok(strategy.data_dir().join("learnpath").join("progress.yaml"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The recorded progress; a missing file is no progress yet.
    pub fn load(&self) -> Result<Progress> {
        match std::fs::read(&self.path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|error| Error::Progress {
                    path: self.path.clone(),
                    line: None,
                    message: format!(
                        "not valid UTF-8 (invalid byte at offset {})",
                        error.utf8_error().valid_up_to()
                    ),
                })?;
                Progress::parse(&text, &self.path)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Progress::default()),
            Err(error) => Err(Error::io(&self.path, error)),
        }
    }

    /// Reads, changes and writes back the progress under an exclusive lock. Nothing is written
    /// when the file cannot be read or parsed, or when `change` fails or changes nothing.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Progress) -> Result<T>,
    ) -> Result<(Progress, T)> {
        atomic_file::check_target(&self.path)?;
        if let Some(folder) = self
            .path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|error| Error::io(folder, error))?;
        }
        let _lock = self.lock()?;
        let mut progress = self.load()?;
        let before = progress.clone();
        let result = change(&mut progress)?;
        if progress != before {
            atomic_file::write(&self.path, progress.render().as_bytes())?;
        }
        Ok((progress, result))
    }

    /// An advisory lock on a sidecar file (the progress file itself is replaced on each write,
    /// so it cannot carry the lock). Released when the returned file is dropped.
    fn lock(&self) -> Result<File> {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let lock_path = self.path.with_file_name(name);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|error| Error::io(&lock_path, error))?;
        file.lock().map_err(|error| Error::io(&lock_path, error))?;
        Ok(file)
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
