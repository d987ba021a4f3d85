//! Where the baseline lives (beside the progress file) and reading and replacing it safely: an
//! atomic write under a lock, no read-only file replaced, and a file that cannot be read or is
//! another curriculum's is never overwritten.

use super::baseline::Baseline;
use super::{MAX_FILE_BYTES, file};
use crate::atomic_file::{self, Kept};
use crate::curriculum::frontmatter;
use crate::error::{BaselineProblem, Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The baseline's file name beside a progress file named `progress.yaml`.
pub const FILE_NAME: &str = "baseline.yaml";

const KEPT: Kept = Kept {
    name: "the baseline",
    purpose: "follow a plan",
};

/// Where a curriculum's baseline lives and how it is read and replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineStore {
    path: PathBuf,
    /// The id of the curriculum it is for.
    curriculum: String,
}

impl BaselineStore {
    pub fn new(path: impl Into<PathBuf>, curriculum: impl Into<String>) -> Self {
        BaselineStore {
            path: path.into(),
            curriculum: curriculum.into(),
        }
    }

    /// The baseline beside a progress file: `baseline.yaml` beside `progress.yaml`, else
    /// `<name>.baseline.yaml` beside `<name>.yaml`.
    pub fn beside(progress: &Path, curriculum: impl Into<String>) -> Self {
        BaselineStore::new(crate::progress::beside(progress, FILE_NAME), curriculum)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The baseline; `None` when no plan is followed yet.
    pub fn load(&self) -> Result<Option<Baseline>> {
        if !atomic_file::existing_file(&self.path, KEPT)? {
            return Ok(None);
        }
        self.read(&self.path)?
            .map(|bytes| self.decode(bytes))
            .transpose()
    }

    /// Replaces the baseline; the one it replaces, if any. A file that cannot be read as a
    /// baseline of this curriculum is left as it is, and the error says so.
    pub fn save(&self, baseline: &Baseline) -> Result<Option<Baseline>> {
        let target = atomic_file::resolve_for_update(&self.path, KEPT)?;
        let _lock = atomic_file::lock(&target)?;
        let before = self
            .read(&target)?
            .map(|bytes| self.decode(bytes))
            .transpose()?;
        atomic_file::refuse_read_only(&target, KEPT)?;
        let rendered = file::render(baseline, &self.curriculum);
        // Under the lock: any temporary file of this one is a killed writer's.
        atomic_file::remove_stale_temporaries(&target, rendered.as_bytes(), Duration::ZERO);
        atomic_file::write(&target, rendered.as_bytes())?;
        Ok(before)
    }

    fn read(&self, from: &Path) -> Result<Option<Vec<u8>>> {
        let handle = match std::fs::File::open(from) {
            Ok(handle) => handle,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Error::io(&self.path, error)),
        };
        let mut bytes = Vec::new();
        handle
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Error::io(&self.path, error))?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(self.broken(None, BaselineProblem::TooLarge));
        }
        Ok(Some(bytes))
    }

    fn decode(&self, bytes: Vec<u8>) -> Result<Baseline> {
        let text = String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            let line = error.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            self.broken(Some(line), BaselineProblem::NotUtf8 { offset })
        })?;
        file::parse(&frontmatter::normalize(&text), &self.path, &self.curriculum)
    }

    fn broken(&self, line: Option<usize>, problem: BaselineProblem) -> Error {
        Error::Baseline {
            path: self.path.clone(),
            line,
            problem,
        }
    }
}
