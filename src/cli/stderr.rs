//! What learnpath says on standard error. Every message has an explicit severity: errors are
//! always shown, warnings and notes unless `-q`, and the reason for a non-zero exit always.

use learnpath::render::{table, wrap};
use std::fmt::Display;
use std::io;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Severity {
    Error,
    Warning,
    Note,
}

/// Where messages go and how they look: decided once from `-q`, `--color` and the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Reporter {
    pub quiet: bool,
    /// Labels in color.
    pub color: bool,
    /// Standard error's terminal width: messages are wrapped to it.
    pub width: Option<u16>,
}

impl Reporter {
    pub fn error(&self, message: impl Display) {
        self.say(Severity::Error, message);
    }

    pub fn warning(&self, message: impl Display) {
        self.say(Severity::Warning, message);
    }

    pub fn note(&self, message: impl Display) {
        self.say(Severity::Note, message);
    }

    /// An answer that belongs beside the output but not in it (the `--by` answer next to
    /// JSON), as plain prose: silenced by `-q` like a note.
    pub fn prose(&self, message: impl Display) {
        if !self.quiet {
            self.write(&message.to_string());
        }
    }

    /// The reason for a non-zero exit, as plain prose: never silenced.
    pub fn reason(&self, message: impl Display) {
        self.write(&message.to_string());
    }

    /// Lines that carry their own labels (a curriculum's diagnostics): shown like errors.
    pub fn labelled(&self, message: impl Display) {
        self.write(&message.to_string());
    }

    fn say(&self, severity: Severity, message: impl Display) {
        if self.quiet && severity != Severity::Error {
            return;
        }
        let label = match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        self.write(&format!("{label}: {message}"));
    }

    /// A closed or full standard error is not worth dying for.
    fn write(&self, text: &str) {
        let line = table::paint_label(text, self.color);
        let _ = wrap::wrapped(&mut io::stderr(), self.width, |w| writeln!(w, "{line}"));
    }
}
