//! Writing files so that they are never half-written: a temporary file in the same folder,
//! flushed to disk, then renamed over the target (the `atomic-write-file` crate does the work).
//! And the care the files learnpath keeps for the user (the progress file, the profile) get
//! alike: where a write really goes, a lock for read-change-write, no read-only file replaced,
//! a copy of a hand-edited file kept.

use crate::error::{Error, KeptFile, Refusal, Result};
use atomic_write_file::AtomicWriteFile;
use std::fs::{File, OpenOptions, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

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
    remove_stale_temporaries(&target, bytes, STALE_AFTER);
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

/// How old a temporary file must be for a write that holds no lock to take it as left by a
/// killed writer: far longer than any write takes, so that another writer's file is never
/// removed from under it.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// The most of the new content's first line that a temporary file is compared with.
const START_BYTES: usize = 256;

/// Removes the temporary files that writers of `target` killed before their rename left
/// beside it. Only those are taken: named exactly as the atomic-write-file crate names them
/// (`.` + file name + `.` + 6 ASCII letters or digits; see its `RandomName`), regular files
/// (not links), not changed for `older_than` (zero under the file's lock, where no other writer
/// can be busy), and holding the start of what is written now (empty, or a prefix of or
/// starting with the first line of `bytes`, which for the files learnpath keeps is their
/// header): anything else is someone's file. Failures are ignored: this is tidying, not the
/// write.
pub(crate) fn remove_stale_temporaries(target: &Path, bytes: &[u8], older_than: Duration) {
    let (Some(name), Ok(entries)) = (target.file_name(), std::fs::read_dir(folder_of(target)))
    else {
        return;
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let start = first_line(bytes);
    for entry in entries.flatten() {
        let is_ours = entry
            .file_name()
            .as_encoded_bytes()
            .strip_prefix(prefix.as_encoded_bytes())
            .is_some_and(|suffix| {
                suffix.len() == 6 && suffix.iter().all(u8::is_ascii_alphanumeric)
            });
        let stale = entry.metadata().is_ok_and(|metadata| {
            metadata.is_file() && (older_than.is_zero() || unchanged_for(&metadata, older_than))
        });
        if is_ours && stale && starts_like(&entry.path(), start) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// The first line of `bytes` with its line end, at most [`START_BYTES`] of it.
fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| at + 1);
    &bytes[..end.min(START_BYTES)]
}

fn unchanged_for(metadata: &std::fs::Metadata, age: Duration) -> bool {
    metadata
        .modified()
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|elapsed| elapsed >= age)
}

/// Whether the file holds nothing or starts as `start` does (as far as either goes).
fn starts_like(path: &Path, start: &[u8]) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(start.len().max(1));
    let read = File::open(path)
        .and_then(|file| file.take(start.len().max(1) as u64).read_to_end(&mut head));
    read.is_ok() && start.starts_with(&head)
}

/// Whether a file is at `path` (following links), after refusing what cannot be such a file: a
/// folder, a name ending in `/`, a device or a pipe. Those are I/O problems (exit 74) for every
/// command alike, whether it reads the file or writes it.
pub(crate) fn existing_file(path: &Path, kept: KeptFile) -> Result<bool> {
    let name = kept.name();
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
pub(crate) fn resolve_for_update(path: &Path, kept: KeptFile) -> Result<PathBuf> {
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
            &format!("names no file; give a file name for {}", kept.name()),
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
pub(crate) fn refuse_read_only(path: &Path, kept: KeptFile) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.permissions().readonly() => Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "{} is read-only; learnpath leaves it unchanged (make it writable, e.g. chmod u+w, to {})",
                    kept.name(),
                    kept.purpose()
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
