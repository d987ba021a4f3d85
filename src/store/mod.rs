//! One way to keep a versioned YAML file beside the progress (the progress file itself, the
//! profile, the baseline, the calendar record): read whole or not at all, with a size cap, as
//! UTF-8 (a BOM and CRLF line ends are fine), of a version read and, for a file tied to a
//! curriculum, of this curriculum; changed under a lock and replaced atomically, never over a
//! file that cannot be read, a read-only one, and with the temporaries of killed writers
//! cleaned. Each file says what it is through [`Kind`]; every problem is a [`Problem`].

use crate::atomic_file;
use crate::error::Error;
pub use crate::error::{KeptFile, Problem};
use crate::yaml;
use serde::Deserialize;
use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where in a file something is wrong (its 1-based line, when known), and what.
pub type Broken = (Option<usize>, Problem);

/// A kind of file the store keeps.
pub trait Kind {
    /// Which file it is, for messages.
    const FILE: KeptFile;
    /// The `schema_version`s it reads, oldest first.
    const VERSIONS: &'static [u32];
    /// The largest file it reads or writes, in bytes.
    const MAX_BYTES: usize;
    /// Whether the file names the curriculum it is for (then one of another is refused).
    const TIED: bool;
    /// Whether a hand-edited file is copied aside before [`Store::update`] rewrites it.
    const KEEP_EDITED: bool;
    /// What the file holds (for [`Store::update`], a missing file holds the default).
    type Value: Clone + PartialEq;
    /// Reads a file's text (not empty; without BOM and CRLF line ends), which should be of the
    /// curriculum of id `curriculum`.
    fn parse(text: &str, curriculum: &str) -> Result<Self::Value, Broken>;
    /// The file learnpath writes for `value`.
    fn render(value: &Self::Value, curriculum: &str) -> Result<String, Broken>;
}

/// A file as read: what it holds and its text (for the lines of values).
#[derive(Debug, Clone)]
pub struct Loaded<V> {
    pub value: V,
    pub text: String,
}

/// What [`Store::update`] did.
#[derive(Debug)]
pub struct Updated<V, T> {
    /// What the file holds now.
    pub value: V,
    /// What the change returned.
    pub result: T,
    /// Whether the file was written (the change changed something).
    pub written: bool,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// A file of kind `K` at a path, for the curriculum of an id.
pub struct Store<K> {
    path: PathBuf,
    curriculum: String,
    kind: PhantomData<fn() -> K>,
}

impl<K> Clone for Store<K> {
    fn clone(&self) -> Self {
        Store::new(self.path.clone(), self.curriculum.clone())
    }
}

impl<K> PartialEq for Store<K> {
    fn eq(&self, other: &Self) -> bool {
        (&self.path, &self.curriculum) == (&other.path, &other.curriculum)
    }
}

impl<K> Eq for Store<K> {}

impl<K> std::fmt::Debug for Store<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("curriculum", &self.curriculum)
            .finish()
    }
}

impl<K> Store<K> {
    /// The file at `path`, used as given, for the curriculum of id `curriculum` (any text for
    /// a file that is not tied to one).
    pub fn new(path: impl Into<PathBuf>, curriculum: impl Into<String>) -> Self {
        Store {
            path: path.into(),
            curriculum: curriculum.into(),
            kind: PhantomData,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The id of the curriculum the file is for.
    pub fn curriculum(&self) -> &str {
        &self.curriculum
    }
}

impl<K: Kind> Store<K> {
    /// The file as read; `None` when there is none.
    pub fn load(&self) -> Result<Option<Loaded<K::Value>>, Error> {
        if !atomic_file::existing_file(&self.path, K::FILE)? {
            return Ok(None);
        }
        self.read(&self.path)?
            .map(|bytes| self.decode(bytes))
            .transpose()
    }

    /// Reads, changes and writes back the file under an exclusive lock (on a `.lock` file
    /// beside it), so that two learnpaths at once each start from what the other wrote.
    /// Nothing is written when the file cannot be read as this kind's of this curriculum, when
    /// `change` fails, or when it changes nothing. A hand-edited file (its bytes are not what
    /// learnpath would write for what it holds) is copied aside first when the kind keeps
    /// edits, so that nothing the user wrote disappears silently.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut K::Value) -> Result<T, Error>,
    ) -> Result<Updated<K::Value, T>, Error>
    where
        K::Value: Default,
    {
        let target = atomic_file::resolve_for_update(&self.path, K::FILE)?;
        let _lock = atomic_file::lock(&target)?;
        let original = self.read(&target)?;
        let before = match &original {
            Some(bytes) => self.decode(bytes.clone())?.value,
            None => K::Value::default(),
        };
        let mut value = before.clone();
        let result = change(&mut value)?;
        let written = value != before;
        let mut kept_copy = None;
        if written {
            let rendered = self.render(&value)?;
            atomic_file::refuse_read_only(&target, K::FILE)?;
            let learnpaths = K::render(&before, &self.curriculum).ok();
            if let Some(bytes) = original.filter(|bytes| {
                K::KEEP_EDITED && Some(bytes.as_slice()) != learnpaths.as_deref().map(str::as_bytes)
            }) {
                kept_copy = Some(atomic_file::keep_copy(&target, &bytes)?);
            }
            put(&target, &rendered)?;
        }
        Ok(Updated {
            value,
            result,
            written,
            kept_copy,
        })
    }

    /// Replaces the file with `value`, under the lock; what it held, if anything. A file that
    /// cannot be read as this kind's of this curriculum is left as it is, and the error says
    /// so.
    pub fn save(&self, value: &K::Value) -> Result<Option<K::Value>, Error> {
        let target = atomic_file::resolve_for_update(&self.path, K::FILE)?;
        let _lock = atomic_file::lock(&target)?;
        let before = self
            .read(&target)?
            .map(|bytes| self.decode(bytes).map(|loaded| loaded.value))
            .transpose()?;
        atomic_file::refuse_read_only(&target, K::FILE)?;
        self.write(&target, value)?;
        Ok(before)
    }

    /// Writes `value` when there is no file yet (another learnpath may have written one
    /// meanwhile); whether it did.
    pub fn create(&self, value: &K::Value) -> Result<bool, Error> {
        let target = atomic_file::resolve_for_update(&self.path, K::FILE)?;
        let _lock = atomic_file::lock(&target)?;
        if std::fs::symlink_metadata(&target).is_ok() {
            return Ok(false);
        }
        self.write(&target, value)?;
        Ok(true)
    }

    /// Writes the file at `target`; called under the lock.
    fn write(&self, target: &Path, value: &K::Value) -> Result<(), Error> {
        put(target, &self.render(value)?)
    }

    /// The bytes of the file at `from` (the file, or the one it links to), if any; never more
    /// than the kind's limit.
    fn read(&self, from: &Path) -> Result<Option<Vec<u8>>, Error> {
        let file = match File::open(from) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Error::io(&self.path, error)),
        };
        let size = file.metadata().map_or(0, |metadata| metadata.len());
        let cap = K::MAX_BYTES as u64 + 1;
        let mut bytes = Vec::with_capacity(size.min(cap) as usize);
        file.take(cap)
            .read_to_end(&mut bytes)
            .map_err(|error| Error::io(&self.path, error))?;
        if bytes.len() > K::MAX_BYTES {
            return Err(self.too_large(size.max(bytes.len() as u64), false));
        }
        Ok(Some(bytes))
    }

    /// The file's new content, refused past the kind's limit.
    fn render(&self, value: &K::Value) -> Result<String, Error> {
        let rendered = K::render(value, &self.curriculum)
            .map_err(|(line, problem)| self.broken(line, problem))?;
        if rendered.len() > K::MAX_BYTES {
            return Err(self.too_large(rendered.len() as u64, true));
        }
        Ok(rendered)
    }

    fn too_large(&self, bytes: u64, writing: bool) -> Error {
        let problem = Problem::TooLarge {
            bytes,
            limit: K::MAX_BYTES,
            writing,
        };
        self.broken(None, problem)
    }

    /// Reads the file's bytes; messages name the file as the user gave it.
    fn decode(&self, bytes: Vec<u8>) -> Result<Loaded<K::Value>, Error> {
        let text = String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            let line = error.as_bytes()[..offset]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count()
                + 1;
            self.broken(Some(line), Problem::NotUtf8 { offset })
        })?;
        self.parse(text)
    }

    /// Reads a file's text as [`Store::load`] does (a BOM and CRLF line ends are fine).
    pub fn parse(&self, text: impl Into<String>) -> Result<Loaded<K::Value>, Error> {
        let text = text.into();
        let text = match yaml::normalize(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(normalized) => normalized,
        };
        if text.trim().is_empty() {
            let version = K::VERSIONS[0];
            return Err(self.broken(None, Problem::Empty { version }));
        }
        let value = K::parse(&text, &self.curriculum)
            .map_err(|(line, problem)| self.broken(line, problem))?;
        Ok(Loaded { value, text })
    }

    fn broken(&self, line: Option<usize>, problem: Problem) -> Error {
        Error::Kept {
            path: self.path.clone(),
            line,
            file: K::FILE,
            problem,
        }
    }
}

/// Writes `rendered` at `target` whole; called under the lock, so that any temporary file of
/// this one is a killed writer's and is removed first.
fn put(target: &Path, rendered: &str) -> Result<(), Error> {
    atomic_file::remove_stale_temporaries(target, rendered.as_bytes(), Duration::ZERO);
    atomic_file::write(target, rendered.as_bytes())
}

/// Only the version and the curriculum, read first.
#[derive(Debug, Deserialize)]
struct Probe {
    schema_version: Option<u32>,
    #[serde(default)]
    curriculum: Option<Named>,
}

/// A `curriculum:` value: its text, or anything else (left to the kind's own parse to name).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Named {
    Text(String),
    Other(serde::de::IgnoredAny),
}

/// Checks what a file says it is, read first so that a file of another version, not such a
/// file at all, or another curriculum's is named as such rather than by the fields it lacks:
/// YAML, of a version the kind reads, and (when tied to one) not of another curriculum than
/// `curriculum`.
pub fn probe<K: Kind>(text: &str, curriculum: &str) -> Result<(), Broken> {
    let probe: Probe =
        yaml::decode(text).map_err(|error| (error.line, Problem::Yaml(error.message)))?;
    check_version::<K>(probe.schema_version, text)?;
    if K::TIED
        && let Some(Named::Text(found)) = probe.curriculum
    {
        check_curriculum(found, curriculum, text)?;
    }
    Ok(())
}

/// Whether the kind reads files of the version `found` (`None`: the file has none).
pub fn check_version<K: Kind>(found: Option<u32>, text: &str) -> Result<(), Broken> {
    match found {
        Some(version) if K::VERSIONS.contains(&version) => Ok(()),
        Some(other) => Err((
            yaml::key_line(text, "schema_version"),
            Problem::OtherVersion {
                found: other,
                reads: K::VERSIONS,
            },
        )),
        None => Err((
            None,
            Problem::NoVersion {
                expected: K::VERSIONS[0],
            },
        )),
    }
}

/// Whether a file for the curriculum `found` is one for `expected`.
pub fn check_curriculum(found: String, expected: &str, text: &str) -> Result<(), Broken> {
    if found == expected {
        return Ok(());
    }
    Err((
        yaml::key_line(text, "curriculum"),
        Problem::Foreign {
            found,
            expected: expected.to_string(),
        },
    ))
}

#[cfg(test)]
mod tests;
