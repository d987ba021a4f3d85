//! Writing files so that they are never half-written: a temporary file in the same folder,
//! flushed to disk, then renamed over the target (the `atomic-write-file` crate does the work).

use crate::error::{Error, Refusal, Result};
use atomic_write_file::AtomicWriteFile;
use std::fs::Permissions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically (see [`check_target`] for what it refuses). A
/// symbolic link keeps pointing where it did: the file it points to is replaced.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with_permissions(path, bytes, None)
}

/// [`write()`], and the new file gets `permissions` (by default a file that is replaced keeps
/// its own, and a new one gets the usual ones).
pub fn write_with_permissions(
    path: &Path,
    bytes: &[u8],
    permissions: Option<Permissions>,
) -> Result<()> {
    let target = check_target(path)?;
    let mut file = AtomicWriteFile::options()
        .open(&target)
        .map_err(|error| Error::io(path, error))?;
    if let Some(permissions) = permissions {
        file.set_permissions(permissions)
            .map_err(|error| Error::io(path, error))?;
    }
    file.write_all(bytes)
        .map_err(|error| Error::io(path, error))?;
    file.commit().map_err(|error| Error::io(path, error))
}

/// Where a write to `path` would go, if it may: not a folder (nor a name ending in `/`), nor
/// anything that is not a regular file (a device, a pipe), since renaming over those would lose
/// what the user had. A path that does not exist yet is fine; a symbolic link resolves to the
/// file it points to.
pub fn check_target(path: &Path) -> Result<PathBuf> {
    let refuse = |reason: Refusal| {
        Err(Error::Refused {
            path: path.to_path_buf(),
            reason,
        })
    };
    if path.as_os_str().to_string_lossy().ends_with('/') {
        return refuse(Refusal::NamesAFolder);
    }
    let target = match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_symlink() => match std::fs::canonicalize(path) {
            Ok(target) => target,
            Err(_) => return refuse(Refusal::DanglingLink),
        },
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => refuse(Refusal::IsAFolder),
        Ok(metadata) if !metadata.is_file() => refuse(Refusal::NotARegularFile),
        _ => Ok(target),
    }
}
