//! JSON output: pretty-printed, with a trailing newline.

use serde::Serialize;
use std::io::{self, Write};

pub fn write<T: Serialize + ?Sized>(value: &T, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    writeln!(w)
}
