//! Where command output goes: a table or JSON on standard output, or a file written whole.

use super::super::Failure;
use super::super::args::Format;
use super::super::settings::Context;
use learnpath::atomic_file;
use learnpath::render::{json, table};
use std::io::{self, Write};
use std::path::PathBuf;

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

/// Writes `bytes` to the file (atomically) or, for none or `-`, to standard output.
pub(super) fn write_output(
    output: Option<PathBuf>,
    bytes: &[u8],
    context: &Context,
    out: &mut dyn Write,
    what: &str,
) -> Result<(), Failure> {
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            atomic_file::write(&path, bytes)?;
            context
                .report
                .note(format!("wrote {what} to {}", path.display()));
        }
        None => out.write_all(bytes)?,
    }
    Ok(())
}
