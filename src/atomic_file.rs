//! Writing files so that they are never half-written: a temporary file in the same folder,
//! flushed to disk, then renamed over the target (the `atomic-write-file` crate does the work).

use crate::error::{Error, Result};
use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes` atomically (see [`check_target`] for what it refuses).
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    check_target(path)?;
    let mut file = AtomicWriteFile::options()
        .open(path)
        .map_err(|error| Error::io(path, error))?;
    file.write_all(bytes)
        .map_err(|error| Error::io(path, error))?;
    file.commit().map_err(|error| Error::io(path, error))
}

/// Whether `path` may be replaced: not a folder (nor a name ending in `/`), nor anything that
/// is not a regular file (a device, a pipe), since renaming over those would lose what the
/// user had. A path that does not exist yet is fine.
pub fn check_target(path: &Path) -> Result<()> {
    let refuse = |what: &str| {
        Err(Error::Usage {
            message: format!("'{}' {what}", path.display()),
        })
    };
    if path.as_os_str().to_string_lossy().ends_with('/') {
        return refuse("is a folder; give a file name to write to");
    }
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => refuse("is a folder; give a file name to write to"),
        Ok(metadata) if !metadata.is_file() => {
            refuse("is not a regular file; refusing to replace it")
        }
        _ => Ok(()),
    }
}
