//! Writing files so that they are never half-written: a temporary file in the same folder,
//! flushed to disk, then renamed over the target (the `atomic-write-file` crate does the work).
//! And the care the files learnpath keeps for the user (the progress file, the profile) get
//! alike: where a write really goes, a lock for read-change-write, no read-only file replaced,
//! a copy of a hand-edited file kept.

use crate::error::{Error, Refusal, Result};
use atomic_write_file::AtomicWriteFile;
use std::fs::{File, OpenOptions, Permissions};
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

/// How messages name a file learnpath keeps for the user, and what writing it is for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kept {
    /// "the progress file".
    pub name: &'static str,
    /// "record progress".
    pub purpose: &'static str,
}

/// Whether a file is at `path` (following links), after refusing what cannot be such a file: a
/// folder, a name ending in `/`, a device or a pipe. Those are I/O problems (exit 74) for every
/// command alike, whether it reads the file or writes it.
pub(crate) fn existing_file(path: &Path, kept: Kept) -> Result<bool> {
    let name = kept.name;
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") {
        return Err(unusable(
            path,
            &format!("ends with '/', which names a folder; give a file name for {name}"),
        ));
    }
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Err(unusable(
            path,
            &format!("is a folder; give a file name for {name}"),
        )),
        Ok(metadata) if !metadata.is_file() => Err(unusable(
            path,
            "is not a regular file; refusing to read or replace it",
        )),
        Ok(_) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(Error::io(path, error)),
    }
}

/// The file a write to `path` goes to, however the path spells it: through symbolic links (to
/// the file or to a folder on the way) and relative parts, so that every writer of one file
/// takes one lock. The folder is created when missing.
pub(crate) fn resolve_for_update(path: &Path, kept: Kept) -> Result<PathBuf> {
    if existing_file(path, kept)? {
        return std::fs::canonicalize(path).map_err(|error| Error::io(path, error));
    }
    if is_dangling_link(path) {
        return Err(unusable(
            path,
            "is a symbolic link to nothing; refusing to replace it",
        ));
    }
    let Some(name) = path.file_name() else {
        return Err(unusable(
            path,
            &format!("names no file; give a file name for {}", kept.name),
        ));
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(|error| Error::io(folder, error))?;
    let folder = std::fs::canonicalize(folder).map_err(|error| Error::io(folder, error))?;
    Ok(folder.join(name))
}

/// A symbolic link whose target does not exist (asked after [`existing_file`] found no file; a
/// file another writer has just created is not one).
fn is_dangling_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_symlink())
        && std::fs::metadata(path).is_err()
}

/// An advisory lock on a sidecar file next to the resolved file (which is replaced on each
/// write, so it cannot carry the lock itself). Released when the returned file is dropped.
pub(crate) fn lock(target: &Path) -> Result<File> {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = target.with_file_name(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|error| Error::io(&lock_path, error))?;
    file.lock().map_err(|error| Error::io(&lock_path, error))?;
    Ok(file)
}

/// A file without write permission is the user's "do not change this": replacing it by a
/// rename (which only needs the folder to be writable) would ignore that. The bits are read
/// here rather than left to the system, which lets root write anything.
pub(crate) fn refuse_read_only(path: &Path, kept: Kept) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.permissions().readonly() => Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "{} is read-only; learnpath leaves it unchanged (make it writable, e.g. chmod u+w, to {})",
                    kept.name, kept.purpose
                ),
            ),
        )),
        _ => Ok(()),
    }
}

/// Copies a hand-edited file next to it, as `NAME.bak`, or the first of `NAME.bak.1`, `.2`, ...
/// that does not exist: an earlier copy is never replaced. The copy keeps the file's
/// permissions. Called under the lock, so no other learnpath takes the same name meanwhile.
pub(crate) fn keep_copy(target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let mut base = target.file_name().unwrap_or_default().to_os_string();
    base.push(".bak");
    let free = (0..=u32::MAX)
        .map(|n| {
            let mut name = base.clone();
            if n > 0 {
                name.push(format!(".{n}"));
            }
            target.with_file_name(name)
        })
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .ok_or_else(|| unusable(target, "has no free name left for a copy of it"))?;
    let permissions = std::fs::metadata(target).ok().map(|m| m.permissions());
    write_with_permissions(&free, bytes, permissions)?;
    Ok(free)
}

/// A path that cannot be used, and why.
fn unusable(path: &Path, why: &str) -> Error {
    Error::io(path, std::io::Error::other(why.to_string()))
}
