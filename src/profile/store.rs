//! Where the profile lives, and reading and changing it safely: the care the progress file
//! gets (atomic writes under a lock, no read-only file replaced, a copy of a hand-edited file
//! kept), and a file that cannot be read, or is another curriculum's, is never overwritten.

use super::format::{self, Decoded};
use super::{FILE_NAME, Key, MAX_FILE_BYTES, Profile, config_dir};
use crate::atomic_file::{self, Kept};
use crate::curriculum::{Curriculum, Source, frontmatter};
use crate::error::{Error, ProfileProblem, Result};
use crate::progress::curriculum_id;
use crate::yaml;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How messages name the profile.
const KEPT: Kept = Kept {
    name: "the profile",
    purpose: "change the profile",
};

/// Where a curriculum's profile lives and how it is read and changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileStore {
    path: PathBuf,
    /// The id of the curriculum the profile is for (see [`curriculum_id`]).
    curriculum: String,
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
        Error::Profile {
            path: self.path.clone(),
            line: self.line(key, value),
            problem: ProfileProblem::Value {
                key,
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
            path: path.into(),
            curriculum: curriculum.into(),
        }
    }

    /// The curriculum's own profile, `$XDG_CONFIG_HOME/learnpath/<id>/profile.yaml`.
    pub fn for_curriculum(curriculum: &Curriculum, source: &Source) -> Result<Self> {
        let id = curriculum_id(curriculum, source);
        Ok(ProfileStore {
            path: config_dir()?.join(&id).join(FILE_NAME),
            curriculum: id,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The id of the curriculum the profile is for.
    pub fn curriculum(&self) -> &str {
        &self.curriculum
    }

    /// The saved profile; `None` when there is no file.
    pub fn load(&self) -> Result<Option<Saved>> {
        if !atomic_file::existing_file(&self.path, KEPT)? {
            return Ok(None);
        }
        let Some(bytes) = self.read(&self.path)? else {
            return Ok(None);
        };
        let (text, decoded) = self.decode(bytes)?;
        Ok(Some(Saved {
            profile: decoded.profile,
            path: self.path.clone(),
            text,
        }))
    }

    /// Reads, changes and writes back the profile under an exclusive lock. Nothing is written
    /// when the file cannot be read, is another curriculum's, or when `change` fails or changes
    /// nothing. A hand-edited file (its bytes are not what learnpath would write for what it
    /// holds) is copied aside before it is rewritten.
    pub fn update<T>(&self, change: impl FnOnce(&mut Profile) -> Result<T>) -> Result<Updated<T>> {
        let target = atomic_file::resolve_for_update(&self.path, KEPT)?;
        let _lock = atomic_file::lock(&target)?;
        let original = self.read(&target)?;
        let before = match &original {
            Some(bytes) => self.decode(bytes.clone())?.1.profile,
            None => Profile::default(),
        };
        let mut profile = before.clone();
        let result = change(&mut profile)?;
        let written = profile != before;
        let mut kept_copy = None;
        if written {
            let rendered = format::render(&profile, &self.curriculum);
            atomic_file::refuse_read_only(&target, KEPT)?;
            // Under the lock: any temporary file of this one is a killed writer's.
            atomic_file::remove_stale_temporaries(&target, rendered.as_bytes(), Duration::ZERO);
            let learnpaths = format::render(&before, &self.curriculum);
            if let Some(bytes) = original.filter(|bytes| *bytes != learnpaths.as_bytes()) {
                kept_copy = Some(atomic_file::keep_copy(&target, &bytes)?);
            }
            atomic_file::write(&target, rendered.as_bytes())?;
        }
        Ok(Updated {
            profile,
            result,
            written,
            kept_copy,
        })
    }

    /// Removes the profile, whatever it holds (a symbolic link is removed, not the file it
    /// points to); false when there was none.
    pub fn reset(&self) -> Result<bool> {
        match std::fs::symlink_metadata(&self.path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(error) => return Err(Error::io(&self.path, error)),
            Ok(_) => {}
        }
        // A folder or a device is refused; a link to nothing is simply removed.
        let _lock = if atomic_file::existing_file(&self.path, KEPT)? {
            let target = atomic_file::resolve_for_update(&self.path, KEPT)?;
            Some(atomic_file::lock(&target)?)
        } else {
            None
        };
        std::fs::remove_file(&self.path).map_err(|error| Error::io(&self.path, error))?;
        Ok(true)
    }

    /// The bytes of the file at `from` (the profile, or the file it links to), if any; never
    /// more than [`MAX_FILE_BYTES`].
    fn read(&self, from: &Path) -> Result<Option<Vec<u8>>> {
        use std::io::Read;
        let file = match File::open(from) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Error::io(&self.path, error)),
        };
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Error::io(&self.path, error))?;
        if bytes.len() > MAX_FILE_BYTES {
            let size = std::fs::metadata(from).map_or(0, |metadata| metadata.len());
            return Err(self.broken(
                None,
                ProfileProblem::TooLarge {
                    bytes: size.max(bytes.len() as u64),
                },
            ));
        }
        Ok(Some(bytes))
    }

    /// Parses the file's bytes and checks it is this curriculum's; messages name the profile
    /// as the user gave it.
    fn decode(&self, bytes: Vec<u8>) -> Result<(String, Decoded)> {
        let text = String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            let line = error.as_bytes()[..offset]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count()
                + 1;
            self.broken(Some(line), ProfileProblem::NotUtf8 { offset })
        })?;
        let text = frontmatter::normalize(&text).into_owned();
        let decoded = format::parse(&text, &self.path, &self.curriculum)?;
        if decoded.curriculum != self.curriculum {
            return Err(self.broken(
                yaml::key_line(&text, "curriculum"),
                ProfileProblem::Foreign {
                    found: decoded.curriculum,
                    expected: self.curriculum.clone(),
                },
            ));
        }
        Ok((text, decoded))
    }

    fn broken(&self, line: Option<usize>, problem: ProfileProblem) -> Error {
        Error::Profile {
            path: self.path.clone(),
            line,
            problem,
        }
    }
}
