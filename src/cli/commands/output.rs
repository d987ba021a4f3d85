//! Where command output goes: a table or JSON on standard output, or a file written whole.

use super::super::Failure;
use super::super::args::Format;
use super::super::settings::Context;
use learnpath::error::{Error, Refusal};
use learnpath::render::{json, table};
use learnpath::{Curriculum, atomic_file};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `value` as a table or as JSON.
pub(super) fn emit<T: serde::Serialize + ?Sized>(
    format: Format,
    value: &T,
    as_table: fn(&T, table::Style, &mut dyn Write) -> io::Result<()>,
    context: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => as_table(value, context.style, out),
        Format::Json => json::write(value, out),
    }
}

/// Writes `bytes` to the file (atomically) or, for none or `-`, to standard output. A file
/// learnpath keeps for `curriculum` (see [`Context::kept_files`]) is refused.
pub(super) fn write_output(
    output: Option<PathBuf>,
    bytes: &[u8],
    context: &Context,
    curriculum: &Curriculum,
    out: &mut dyn Write,
    what: &str,
) -> Result<(), Failure> {
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            check_output(Some(&path), context, curriculum)?;
            atomic_file::write(&path, bytes)?;
            context
                .report
                .note(format!("wrote {what} to {}", path.display()));
        }
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// Refuses an output file that is a file learnpath keeps for `curriculum`, or that cannot be
/// written as a file (a folder, a device), before anything is written.
pub(super) fn check_output(
    output: Option<&Path>,
    context: &Context,
    curriculum: &Curriculum,
) -> Result<(), Failure> {
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            refuse_kept(path, &context.kept_files(curriculum))?;
            atomic_file::check_target(path)?;
            Ok(())
        }
        None => Ok(()),
    }
}

/// Refuses `path` when it is one of the `kept` files: the same path once links and relative
/// parts are resolved, or (on Unix) the same file by another name.
fn refuse_kept(path: &Path, kept: &[(PathBuf, &'static str)]) -> Result<(), Error> {
    let Some(target) = resolved(path) else {
        return Ok(());
    };
    match kept.iter().find(|(file, _)| {
        resolved(file).is_some_and(|file| file == target) || same_file(path, file)
    }) {
        Some((_, name)) => Err(Error::Refused {
            path: path.to_path_buf(),
            reason: Refusal::Kept(name),
        }),
        None => Ok(()),
    }
}

/// The path with links and relative parts resolved: the file's, else its folder's and its
/// name (a file not written yet); `None` when the folder does not exist either.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = std::fs::canonicalize(path) {
        return Some(path);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(folder).ok()?.join(name))
}

/// Whether two existing paths are one file (a hard link is another name for it).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}
