//! Where the progress file lives, and reading and changing it safely.

use super::Progress;
use crate::atomic_file;
use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

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
        let strategy = etcetera::base_strategy::Xdg::new().map_err(|_| Error::Usage {
            message: "cannot find the home folder for the progress file; pass --progress FILE or set LEARNPATH_PROGRESS".to_string(),
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
