//! Jupyter notebooks (`.ipynb`, nbformat 4): the title, the prose and the code cells that a
//! study time is estimated from. Outputs and metadata, megabytes at times, are skipped as the
//! JSON is read: never built into values, never kept.

use super::estimate::{Estimate, estimate};
use super::title::plain_title;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use std::fmt;

/// What a notebook gives a study plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notebook {
    /// The first heading of its Markdown cells, as plain text (see [`plain_title`]).
    pub title: Option<String>,
    /// Its Markdown cells' text, joined by blank lines: for [`estimate`].
    pub text: String,
    /// Its code cells that hold code.
    pub code_cells: u32,
}

/// Why bytes are not a notebook learnpath reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotebookError {
    /// The bytes are not JSON (or not UTF-8, or end too soon).
    #[error("not JSON: {message} (line {line}, column {column})")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not shaped as a notebook (cells that are not a list, a source that is a number).
    #[error("not a Jupyter notebook: {message} (line {line}, column {column})")]
    Shape {
        line: usize,
        column: usize,
        message: String,
    },
    /// A notebook of another format than nbformat 4.
    #[error("nbformat {found}; learnpath reads notebooks of nbformat 4")]
    Version { found: u64 },
    /// A JSON object without `nbformat`: not a notebook.
    #[error("no nbformat: not a Jupyter notebook")]
    NoVersion,
}

/// Reads a notebook from its file's bytes.
pub fn read(bytes: &[u8]) -> Result<Notebook, NotebookError> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let json = if bom { &bytes[3..] } else { bytes };
    let raw: RawNotebook = serde_json::from_slice(json).map_err(|error| error_of(&error, bom))?;
    match raw.nbformat {
        Some(4) => {}
        Some(found) => return Err(NotebookError::Version { found }),
        None => return Err(NotebookError::NoVersion),
    }
    let mut notebook = Notebook::default();
    for cell in raw.cells {
        match cell.cell_type {
            CellType::Markdown if !cell.source.trim().is_empty() => {
                if notebook.title.is_none() {
                    notebook.title = first_heading(&cell.source);
                }
                if !notebook.text.is_empty() {
                    notebook.text.push_str("\n\n");
                }
                notebook.text.push_str(&cell.source);
            }
            CellType::Code if !cell.source.trim().is_empty() => {
                notebook.code_cells = notebook.code_cells.saturating_add(1);
            }
            _ => {}
        }
    }
    Ok(notebook)
}

/// The estimate for a notebook: its Markdown as [`estimate`] reads a page, each code cell a
/// block of code.
pub fn estimate_notebook(notebook: &Notebook, max: u32) -> Estimate {
    let prose = estimate(&notebook.text, max);
    let code_blocks = prose.code_blocks.saturating_add(notebook.code_cells);
    Estimate::of(prose.words, code_blocks, prose.includes, max)
}

/// A notebook as the JSON holds it; what is not named here (metadata, each cell's outputs) is
/// skipped by serde as `IgnoredAny`, which reads past a value without building it.
#[derive(Deserialize)]
#[serde(expecting = "a notebook: an object with `cells` and `nbformat`")]
struct RawNotebook {
    #[serde(default)]
    cells: Vec<RawCell>,
    #[serde(default)]
    nbformat: Option<u64>,
}

#[derive(Deserialize)]
#[serde(expecting = "a cell: an object with `cell_type` and `source`")]
struct RawCell {
    #[serde(default)]
    cell_type: CellType,
    #[serde(default, deserialize_with = "source_text")]
    source: String,
}

#[derive(Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum CellType {
    Markdown,
    Code,
    /// `raw` cells, and kinds this reader does not know.
    #[default]
    #[serde(other)]
    Other,
}

/// A cell's `source`: a string, or a list of strings (its lines) joined as they are.
fn source_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Source;
    impl<'de> Visitor<'de> for Source {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a list of strings")
        }
        fn visit_str<E>(self, text: &str) -> Result<String, E> {
            Ok(text.to_owned())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut lines: A) -> Result<String, A::Error> {
            let mut text = String::new();
            while lines.next_element_seed(Append(&mut text))?.is_some() {}
            Ok(text)
        }
    }
    deserializer.deserialize_any(Source)
}

/// Appends one string of a list to the text, without a string of its own.
struct Append<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for Append<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Append<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a line of text")
    }
    fn visit_str<E>(self, line: &str) -> Result<(), E> {
        self.0.push_str(line);
        Ok(())
    }
}

/// The error for a failed read, with serde_json's line and column (in the file, byte-order
/// mark included) and its message without them.
fn error_of(error: &serde_json::Error, bom: bool) -> NotebookError {
    let (line, column) = (error.line(), error.column());
    let column = if bom && line == 1 { column + 3 } else { column };
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    if error.is_data() {
        NotebookError::Shape {
            line,
            column,
            message,
        }
    } else {
        NotebookError::Json {
            line,
            column,
            message,
        }
    }
}

/// The first ATX heading (`#` to `######`) of a cell's Markdown outside code fences, as plain
/// text; one with nothing left of it is passed over.
fn first_heading(markdown: &str) -> Option<String> {
    let mut fence: Option<(char, usize)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 {
            continue;
        }
        let mark = trimmed.chars().next().filter(|&c| c == '`' || c == '~');
        let marks = mark.map_or(0, |mark| trimmed.chars().take_while(|&c| c == mark).count());
        match (fence, mark) {
            (None, Some(mark)) if marks >= 3 => fence = Some((mark, marks)),
            (Some((open, length)), Some(mark))
                if mark == open && marks >= length && trimmed[marks..].trim().is_empty() =>
            {
                fence = None;
            }
            (Some(_), _) => {}
            (None, _) => {
                let heading = heading_text(trimmed).map(plain_title);
                if let Some(title) = heading.filter(|title| !title.is_empty()) {
                    return Some(title);
                }
            }
        }
    }
    None
}

/// The text of an ATX heading line: after one to six `#` and a space (or nothing).
fn heading_text(line: &str) -> Option<&str> {
    let level = line.bytes().take_while(|&byte| byte == b'#').count();
    let rest = &line[level..];
    let heading = (1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t']));
    heading.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A notebook as Jupyter writes one: sources as lists of lines, outputs, metadata.
    const NOTEBOOK: &str = r###"{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": [
    "```python\n", "# not a heading\n", "```\n", "# *Intro* to {index}`NumPy <single: NumPy>`\n", "\n", "Arrays hold numbers."
  ]},
  {"cell_type": "code", "execution_count": 1, "metadata": {"tags": []}, "outputs": [
    {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]}}
  ], "source": ["import numpy as np\n", "np.arange(3)"]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "  \n"},
  {"cell_type": "raw", "metadata": {}, "source": "raw words are not read"},
  {"cell_type": "markdown", "id": "x1", "metadata": {}, "source": "## Second\nMore <b>prose</b> here."},
  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "print('x')"}
 ],
 "metadata": {"kernelspec": {"name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}"###;

    #[test]
    fn reads_the_title_the_prose_and_the_code_cells() {
        let notebook = read(NOTEBOOK.as_bytes()).unwrap();
        assert_eq!(notebook.title.as_deref(), Some("Intro to NumPy"));
        assert_eq!(
            notebook.text,
            "```python\n# not a heading\n```\n# *Intro* to {index}`NumPy <single: NumPy>`\n\n\
             Arrays hold numbers.\n\n## Second\nMore <b>prose</b> here."
        );
        assert_eq!(notebook.code_cells, 2);
        let found = estimate_notebook(&notebook, 6000);
        // Intro, to, the role's three tokens (its target too: a page's words are not titles),
        // Arrays, hold, numbers, Second, More, prose, here.
        assert_eq!((found.words, found.code_blocks), (12, 3));
        assert_eq!(found.minutes, 1 + 3 * 2);
        assert_eq!(estimate_notebook(&notebook, 4).minutes, 4);
    }

    #[test]
    fn a_notebook_without_a_heading_has_no_title() {
        let json = r##"{"cells": [{"cell_type": "markdown", "source": "#hashtag, not a heading"},
            {"cell_type": "markdown", "source": "# <a id='x'></a>"}], "nbformat": 4}"##;
        let notebook = read(json.as_bytes()).unwrap();
        assert_eq!(notebook.title, None);
        assert_eq!(read(br#"{"nbformat": 4}"#).unwrap(), Notebook::default());
    }

    #[test]
    fn errors_say_what_the_bytes_are_and_where() {
        let json = |line: usize, column: usize, message: &str| NotebookError::Json {
            line,
            column,
            message: message.to_string(),
        };
        assert_eq!(
            read(b"{\n  \"cells\": [,"),
            Err(json(2, 13, "expected value"))
        );
        assert_eq!(read(b""), Err(json(1, 0, "EOF while parsing a value")));
        assert_eq!(
            read(b"\xEF\xBB\xBF{]"),
            Err(json(1, 5, "key must be a string"))
        );
        let Err(NotebookError::Shape {
            line,
            column,
            message,
        }) = read(b"{\"nbformat\": 4,\n\"cells\": [{\"source\": 5}]}")
        else {
            panic!("a source that is a number is not a notebook's")
        };
        assert_eq!((line, column), (2, 22));
        assert!(
            message.contains("a string or a list of strings"),
            "{message}"
        );
        assert!(matches!(read(b"3"), Err(NotebookError::Shape { .. })));
        assert_eq!(
            read(br#"{"nbformat": 3, "worksheets": []}"#),
            Err(NotebookError::Version { found: 3 })
        );
        assert_eq!(read(b"{}"), Err(NotebookError::NoVersion));
        assert_eq!(
            NotebookError::Version { found: 3 }.to_string(),
            "nbformat 3; learnpath reads notebooks of nbformat 4"
        );
    }

    #[test]
    fn hostile_notebooks_are_read_or_refused_without_a_crash() {
        let deep = format!(
            r#"{{"nbformat": 4, "cells": [{{"outputs": {}{}}}]}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        // Outputs nested deeper than any stack would hold are skipped, not recursed into.
        assert_eq!(read(deep.as_bytes()), Ok(Notebook::default()));
        let huge = format!(
            r#"{{"nbformat": 4, "cells": [{{"cell_type": "code", "outputs": ["{}"], "source": "x"}}]}}"#,
            "A".repeat(8 << 20)
        );
        assert_eq!(read(huge.as_bytes()).unwrap().code_cells, 1);
        assert!(read(br#"{"nbformat": 4, "cells": [{"source": "\ud800"}]}"#).is_err());
        assert!(read(br#"{"nbformat": 99999999999999999999999}"#).is_err());
        for end in 0..NOTEBOOK.len() {
            assert!(read(&NOTEBOOK.as_bytes()[..end]).is_err(), "{end}");
        }
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let _ = read(&bytes);
        }

        #[test]
        fn any_json_shaped_text_is_read_or_refused(text in r#"[\[\]{}",:0-9a-z\\ ]{0,80}"#) {
            let _ = read(format!(r#"{{"nbformat": 4, "cells": [{text}"#).as_bytes());
            let _ = read(format!(r#"{{"nbformat": 4, "cells": [{{"source": {text}}}]}}"#).as_bytes());
        }
    }
}
