//! Where the progress file lives, and reading and changing it safely (through the store).

use super::location::{self, curriculum_id};
use super::{
    MAX_FILE_BYTES, PLAIN_SCHEMA_VERSION, Progress, REVIEW_SCHEMA_VERSION, SCHEMA_VERSION,
};
use crate::curriculum::{Curriculum, Source};
use crate::error::Result;
use crate::store::{Broken, KeptFile, Kind, Store};
use std::path::{Path, PathBuf};

/// The progress file, as the store keeps it: not tied to a curriculum (one file may be shared),
/// and a hand-edited file is copied aside before it is rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProgressKind;

impl Kind for ProgressKind {
    const FILE: KeptFile = KeptFile::Progress;
    const VERSIONS: &'static [u32] = &[PLAIN_SCHEMA_VERSION, SCHEMA_VERSION, REVIEW_SCHEMA_VERSION];
    const MAX_BYTES: usize = MAX_FILE_BYTES;
    const TIED: bool = false;
    const KEEP_EDITED: bool = true;
    type Value = Progress;

    fn parse(text: &str, _: &str) -> Result<Progress, Broken> {
        Progress::parse(text)
    }

    fn render(progress: &Progress, _: &str) -> Result<String, Broken> {
        Ok(progress.render())
    }
}

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
    store: Store<ProgressKind>,
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
            store: Store::new(path, ""),
            legacy: None,
        }
    }

    /// The curriculum's own progress file, `<data>/<id>/progress.yaml` (see
    /// [`curriculum_id`]), with the shared file of earlier versions to migrate from; `data` is
    /// the folder of learnpath's data (the command line's `$XDG_DATA_HOME/learnpath`).
    pub fn for_curriculum(data: &Path, curriculum: &Curriculum, source: &Source) -> Self {
        ProgressStore {
            store: Store::new(
                data.join(curriculum_id(curriculum, source))
                    .join(location::FILE_NAME),
                "",
            ),
            legacy: Some(data.join(location::FILE_NAME)),
        }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The file all curricula shared before each had its own, which it is started from.
    pub fn legacy(&self) -> Option<&Path> {
        self.legacy.as_deref()
    }

    /// The recorded progress; a missing file is no progress yet.
    pub fn load(&self) -> Result<Progress> {
        Ok(self
            .store
            .load()?
            .map(|loaded| loaded.value)
            .unwrap_or_default())
    }

    /// Reads, changes and writes back the progress under an exclusive lock. Nothing is written
    /// when the file cannot be read or parsed, or when `change` fails or changes nothing. The
    /// file is learnpath's: when it was edited by hand (its bytes are not what learnpath would
    /// write for what it holds, say a comment was added), a copy of it is kept before it is
    /// rewritten, so that nothing the user wrote disappears silently.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> Result<T>) -> Result<Updated<T>> {
        let updated = self.store.update(change)?;
        Ok(Updated {
            progress: updated.value,
            result: updated.result,
            kept_copy: updated.kept_copy,
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
        if std::fs::symlink_metadata(self.path()).is_ok() || !legacy.is_file() {
            return Ok(None);
        }
        let mut shared = ProgressStore::new(legacy).load()?;
        shared.canonicalize(curriculum);
        let mine = shared.restricted_to(curriculum);
        if mine.is_empty() || !self.store.create(&mine)? {
            // Nothing to copy, or another learnpath migrated meanwhile.
            return Ok(None);
        }
        Ok(Some(Migrated {
            from: legacy.clone(),
            entries: mine.len(),
        }))
    }
}
