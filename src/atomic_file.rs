//! Writing files so that they are never half-written: a temporary file in the same folder,
//! flushed to disk, then renamed over the target (the `atomic-write-file` crate does the work).

use crate::error::{Error, Result};
use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes` atomically. Refuses to replace a folder or anything that is not
/// a regular file (a device, a pipe), since renaming over those would lose what the user had.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(Error::Usage {
                message: format!(
                    "'{}' is a folder; give a file name to write to",
                    path.display()
                ),
            });
        }
        Ok(metadata) if !metadata.is_file() => {
            return Err(Error::Usage {
                message: format!(
                    "'{}' is not a regular file; refusing to replace it",
                    path.display()
                ),
            });
        }
        _ => {}
    }
    let mut file = AtomicWriteFile::options()
        .open(path)
        .map_err(|error| Error::io(path, error))?;
    file.write_all(bytes)
        .map_err(|error| Error::io(path, error))?;
    file.commit().map_err(|error| Error::io(path, error))
}
