//! Where the progress file lives, and reading and changing it safely.

use super::format::HEADER;
use super::location::{self, curriculum_id};
use super::{MAX_FILE_BYTES, Progress};
use crate::atomic_file;
use crate::atomic_file::Kept;
use crate::curriculum::{Curriculum, Source};
use crate::error::{Error, ProgressProblem, Result};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How messages name the progress file.
const KEPT: Kept = Kept {
    name: "the progress file",
    purpose: "record progress",
};

/// What [`ProgressStore::update`] did.
#[derive(Debug)]
pub struct Updated<T> {
    /// The progress as it is now.
    pub progress: Progress,
    /// What the change returned.
    pub result: T,
    /// Where the hand-edited file was copied before it was rewritten.
    pub kept_copy: Option<PathBuf>,
}

/// Where the progress file lives and how it is read and changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressStore {
    path: PathBuf,
    /// The one file all curricula shared before each had its own, to migrate from.
    legacy: Option<PathBuf>,
}

/// What [`ProgressStore::migrate`] copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The shared file the entries came from (left as it was).
    pub from: PathBuf,
    pub entries: usize,
}

impl ProgressStore {
    /// The progress file at `path`, used as given.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        ProgressStore {
            path: path.into(),
            legacy: None,
        }
    }

    /// The curriculum's own progress file, `$XDG_DATA_HOME/learnpath/<id>/progress.yaml` (see
    /// [`curriculum_id`]), with the shared file of earlier versions to migrate from.
    pub fn for_curriculum(curriculum: &Curriculum, source: &Source) -> Result<Self> {
        let data = location::data_dir()?;
        Ok(ProgressStore {
            path: data
                .join(curriculum_id(curriculum, source))
                .join(location::FILE_NAME),
            legacy: Some(data.join(location::FILE_NAME)),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file all curricula shared before each had its own, which it is started from.
    pub fn legacy(&self) -> Option<&Path> {
        self.legacy.as_deref()
    }

    /// The recorded progress; a missing file is no progress yet.
    pub fn load(&self) -> Result<Progress> {
        if !atomic_file::existing_file(&self.path, KEPT)? {
            return Ok(Progress::default());
        }
        self.read(&self.path)?
            .map_or_else(|| Ok(Progress::default()), |bytes| self.decode(bytes))
    }

    /// The bytes of the file at `from` (the progress file, or the file it links to), if any;
    /// never more than [`MAX_FILE_BYTES`].
    fn read(&self, from: &Path) -> Result<Option<Vec<u8>>> {
        use std::io::Read;
        let file = match File::open(from) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Error::io(&self.path, error)),
        };
        let size = file.metadata().map_or(0, |metadata| metadata.len());
        let mut bytes = Vec::with_capacity(size.min(MAX_FILE_BYTES as u64 + 1) as usize);
        file.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Error::io(&self.path, error))?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(self.too_large(size.max(bytes.len() as u64), false));
        }
        Ok(Some(bytes))
    }

    /// A file past [`MAX_FILE_BYTES`], read or about to be written.
    fn too_large(&self, bytes: u64, writing: bool) -> Error {
        Error::Progress {
            path: self.path.clone(),
            line: None,
            problem: ProgressProblem::TooLarge { bytes, writing },
        }
    }

    /// Parses the file's bytes; messages name the progress file as the user gave it.
    fn decode(&self, bytes: Vec<u8>) -> Result<Progress> {
        let text = String::from_utf8(bytes).map_err(|error| Error::Progress {
            path: self.path.clone(),
            line: None,
            problem: ProgressProblem::NotUtf8 {
                offset: error.utf8_error().valid_up_to(),
            },
        })?;
        Progress::parse(&text, &self.path)
    }

    /// Reads, changes and writes back the progress under an exclusive lock. Nothing is written
    /// when the file cannot be read or parsed, or when `change` fails or changes nothing. The
    /// file is learnpath's: when it was edited by hand (its bytes are not what learnpath would
    /// write for what it holds, say a comment was added), a copy of it is kept before it is
    /// rewritten, so that nothing the user wrote disappears silently.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> Result<T>) -> Result<Updated<T>> {
        let target = atomic_file::resolve_for_update(&self.path, KEPT)?;
        let _lock = atomic_file::lock(&target)?;
        let original = self.read(&target)?;
        let before = match &original {
            Some(bytes) => self.decode(bytes.clone())?,
            None => Progress::default(),
        };
        let mut progress = before.clone();
        let result = change(&mut progress)?;
        let mut kept_copy = None;
        if progress != before {
            let rendered = self.render(&progress)?;
            atomic_file::refuse_read_only(&target, KEPT)?;
            atomic_file::remove_stale_temporaries(&target, HEADER.as_bytes(), Duration::ZERO);
            if let Some(bytes) = original.filter(|bytes| *bytes != before.render().as_bytes()) {
                kept_copy = Some(atomic_file::keep_copy(&target, &bytes)?);
            }
            atomic_file::write(&target, rendered.as_bytes())?;
        }
        Ok(Updated {
            progress,
            result,
            kept_copy,
        })
    }

    /// Starts the curriculum's own file from the shared file of earlier versions: when the own
    /// file does not exist yet and the shared one does, the shared entries that name documents
    /// of this curriculum (in any spelling it accepts) are copied. The shared file is left as it
    /// was, for the other curricula. `None` when there was nothing to copy.
    pub fn migrate(&self, curriculum: &Curriculum) -> Result<Option<Migrated>> {
        let Some(legacy) = &self.legacy else {
            return Ok(None);
        };
        if std::fs::symlink_metadata(&self.path).is_ok() || !legacy.is_file() {
            return Ok(None);
        }
        let mut shared = ProgressStore::new(legacy).load()?;
        shared.canonicalize(curriculum);
        let mine = shared.restricted_to(curriculum);
        if mine.is_empty() {
            return Ok(None);
        }
        let target = atomic_file::resolve_for_update(&self.path, KEPT)?;
        let _lock = atomic_file::lock(&target)?;
        if std::fs::symlink_metadata(&target).is_ok() {
            // Another learnpath migrated meanwhile.
            return Ok(None);
        }
        atomic_file::write(&target, self.render(&mine)?.as_bytes())?;
        Ok(Some(Migrated {
            from: legacy.clone(),
            entries: mine.len(),
        }))
    }

    /// The file's new content, refused past [`MAX_FILE_BYTES`].
    fn render(&self, progress: &Progress) -> Result<String> {
        let rendered = progress.render();
        if rendered.len() > MAX_FILE_BYTES {
            return Err(self.too_large(rendered.len() as u64, true));
        }
        Ok(rendered)
    }
}
