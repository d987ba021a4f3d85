//! Where the baseline lives (beside the progress file) and reading and replacing it safely: an
//! atomic write under a lock, no read-only file replaced, and a file that cannot be read or is
//! another curriculum's is never overwritten.

use super::baseline::Baseline;
use super::{MAX_FILE_BYTES, SCHEMA_VERSION, file};
use crate::error::Result;
use crate::store::{Broken, KeptFile, Kind, Store};
use std::path::{Path, PathBuf};

/// The baseline's file name beside a progress file named `progress.yaml`.
pub const FILE_NAME: &str = "baseline.yaml";

/// The baseline, as the store keeps it: tied to its curriculum, and replaced whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BaselineKind;

impl Kind for BaselineKind {
    const FILE: KeptFile = KeptFile::Baseline;
    const VERSIONS: &'static [u32] = &[SCHEMA_VERSION];
    const MAX_BYTES: usize = MAX_FILE_BYTES;
    const TIED: bool = true;
    const KEEP_EDITED: bool = false;
    type Value = Baseline;

    fn parse(text: &str, curriculum: &str) -> Result<Baseline, Broken> {
        file::parse(text, curriculum)
    }

    fn render(baseline: &Baseline, curriculum: &str) -> Result<String, Broken> {
        file::render(baseline, curriculum)
    }
}

/// Where a curriculum's baseline lives and how it is read and replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineStore {
    store: Store<BaselineKind>,
}

impl BaselineStore {
    pub fn new(path: impl Into<PathBuf>, curriculum: impl Into<String>) -> Self {
        BaselineStore {
            store: Store::new(path, curriculum),
        }
    }

    /// The baseline beside a progress file: `baseline.yaml` beside `progress.yaml`, else
    /// `<name>.baseline.yaml` beside `<name>.yaml`.
    pub fn beside(progress: &Path, curriculum: impl Into<String>) -> Self {
        BaselineStore::new(crate::progress::beside(progress, FILE_NAME), curriculum)
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The baseline; `None` when no plan is followed yet.
    pub fn load(&self) -> Result<Option<Baseline>> {
        Ok(self.store.load()?.map(|loaded| loaded.value))
    }

    /// Replaces the baseline; the one it replaces, if any. A file that cannot be read as a
    /// baseline of this curriculum is left as it is, and the error says so.
    pub fn save(&self, baseline: &Baseline) -> Result<Option<Baseline>> {
        self.store.save(baseline)
    }
}
