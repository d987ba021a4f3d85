//! Where the profile lives, and reading and changing it safely: the care the progress file
//! gets (atomic writes under a lock, no read-only file replaced, a copy of a hand-edited file
//! kept), and a file that cannot be read, or is another curriculum's, is never overwritten.

use super::format;
use super::{FILE_NAME, Key, MAX_FILE_BYTES, Profile, SCHEMA_VERSION};
use crate::atomic_file;
use crate::curriculum::{Curriculum, Source};
use crate::error::{Error, Result};
use crate::progress::curriculum_id;
use crate::store::{self, Broken, KeptFile, Kind, Problem, Store};
use crate::yaml;
use std::path::{Path, PathBuf};

/// The profile, as the store keeps it: tied to its curriculum, and a hand-edited file is copied
/// aside before it is rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProfileKind;

impl Kind for ProfileKind {
    const FILE: KeptFile = KeptFile::Profile;
    const VERSIONS: &'static [u32] = &[SCHEMA_VERSION];
    const MAX_BYTES: usize = MAX_FILE_BYTES;
    const TIED: bool = true;
    const KEEP_EDITED: bool = true;
    type Value = Profile;

    fn parse(text: &str, curriculum: &str) -> Result<Profile, Broken> {
        let decoded = format::parse(text, curriculum)?;
        store::check_curriculum(decoded.curriculum, curriculum, text)?;
        Ok(decoded.profile)
    }

    fn render(profile: &Profile, curriculum: &str) -> Result<String, Broken> {
        Ok(format::render(profile, curriculum))
    }
}

/// Where a curriculum's profile lives and how it is read and changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileStore {
    /// The file, for the curriculum of an id (see [`curriculum_id`]).
    store: Store<ProfileKind>,
}

/// A profile as read from its file, which knows the lines of its values.
#[derive(Debug, Clone)]
pub struct Saved {
    pub profile: Profile,
    path: PathBuf,
    /// The file's text, for the lines of values.
    text: String,
}

impl Saved {
    /// The file, as the store was given it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line where `value` of `key` is written (a list's own line, else the key's).
    pub fn line(&self, key: Key, value: &str) -> Option<usize> {
        if key.is_list() {
            yaml::value_lines(&self.text, key.name(), &[value.to_string()])[0]
        } else {
            yaml::key_line(&self.text, key.name())
        }
    }

    /// The error for a value of this profile that cannot be used: it names the file, the line
    /// and what is wrong.
    pub fn invalid(&self, key: Key, value: &str, message: impl Into<String>) -> Error {
        Error::Kept {
            path: self.path.clone(),
            line: self.line(key, value),
            file: KeptFile::Profile,
            problem: Problem::Value {
                key: key.name(),
                list: key.is_list(),
                value: value.to_string(),
                message: message.into(),
            },
        }
    }
}

/// What [`ProfileStore::update`] did.
#[derive(Debug)]
pub struct Updated<T> {
    /// The profile as it is now.
    pub profile: Profile,
    /// What the change returned.
    pub result: T,
    /// Whether the file was written (the change changed something).
    pub written: bool,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

impl ProfileStore {
    /// The profile at `path`, used as given, for the curriculum of id `curriculum`.
    pub fn new(path: impl Into<PathBuf>, curriculum: impl Into<String>) -> Self {
        ProfileStore {
            store: Store::new(path, curriculum),
        }
    }

    /// The curriculum's own profile, `<config>/<id>/profile.yaml`, where `config` is the
    /// folder of learnpath's configuration (the command line's `$XDG_CONFIG_HOME/learnpath`).
    pub fn for_curriculum(config: &Path, curriculum: &Curriculum, source: &Source) -> Self {
        let id = curriculum_id(curriculum, source);
        ProfileStore::new(config.join(&id).join(FILE_NAME), id)
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The id of the curriculum the profile is for.
    pub fn curriculum(&self) -> &str {
        self.store.curriculum()
    }

    /// The saved profile; `None` when there is no file.
    pub fn load(&self) -> Result<Option<Saved>> {
        Ok(self.store.load()?.map(|loaded| Saved {
            profile: loaded.value,
            path: self.path().to_path_buf(),
            text: loaded.text,
        }))
    }

    /// Reads, changes and writes back the profile under an exclusive lock. Nothing is written
    /// when the file cannot be read, is another curriculum's, or when `change` fails or changes
    /// nothing. A hand-edited file (its bytes are not what learnpath would write for what it
    /// holds) is copied aside before it is rewritten.
    pub fn update<T>(&self, change: impl FnOnce(&mut Profile) -> Result<T>) -> Result<Updated<T>> {
        let updated = self.store.update(change)?;
        Ok(Updated {
            profile: updated.value,
            result: updated.result,
            written: updated.written,
            kept_copy: updated.kept_copy,
        })
    }

    /// Removes the profile, whatever it holds (a symbolic link is removed, not the file it
    /// points to); false when there was none.
    pub fn reset(&self) -> Result<bool> {
        let path = self.path();
        match std::fs::symlink_metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(error) => return Err(Error::io(path, error)),
            Ok(_) => {}
        }
        // A folder or a device is refused; a link to nothing is simply removed.
        let _lock = if atomic_file::existing_file(path, KeptFile::Profile)? {
            let target = atomic_file::resolve_for_update(path, KeptFile::Profile)?;
            Some(atomic_file::lock(&target)?)
        } else {
            None
        };
        std::fs::remove_file(path).map_err(|error| Error::io(path, error))?;
        Ok(true)
    }
}
