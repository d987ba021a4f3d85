//! Where a curriculum comes from: the copy embedded in the binary, or a folder on disk.
//! This is the only part of the loader that touches the file system.

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/curriculum");

/// The name of the manifest file at a curriculum's root.
pub const MANIFEST_FILE: &str = "learnpath.yaml";

/// How the embedded curriculum is named in messages.
pub const EMBEDDED_ORIGIN: &str = "<embedded>";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The default curriculum compiled into the binary.
    Embedded,
    /// A curriculum folder.
    Dir(PathBuf),
}

/// A Markdown page as read from the source.
pub(crate) struct RawPage {
    /// Relative to the root, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything the loader needs from a source.
pub(crate) struct RawCurriculum {
    pub origin: String,
    pub pages: Vec<RawPage>,
    pub manifest: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Source {
    pub(crate) fn read(&self) -> Result<RawCurriculum> {
        match self {
            Source::Embedded => Ok(read_embedded()),
            Source::Dir(root) => read_dir(root),
        }
    }

    /// The embedded manifest's text, used for folders that have none of their own.
    pub(crate) fn embedded_manifest() -> &'static str {
        EMBEDDED
            .get_file(MANIFEST_FILE)
            .and_then(|file| file.contents_utf8())
            .expect("the embedded curriculum has a UTF-8 manifest (checked by tests)")
    }
}

pub(crate) fn display_path(origin: &str, path: &str) -> String {
    if origin == EMBEDDED_ORIGIN {
        format!("{EMBEDDED_ORIGIN}/{path}")
    } else {
        Path::new(origin).join(path).display().to_string()
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extension.eq_ignore_ascii_case("md"))
}

fn read_embedded() -> RawCurriculum {
    let mut pages = Vec::new();
    let mut stack = vec![&EMBEDDED];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        pages.extend(
            dir.files()
                .filter(|file| is_markdown(file.path()))
                .map(|file| RawPage {
                    path: file.path().to_string_lossy().replace('\\', "/"),
                    bytes: file.contents().to_vec(),
                }),
        );
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    RawCurriculum {
        origin: EMBEDDED_ORIGIN.to_string(),
        pages,
        manifest: Some(Source::embedded_manifest().to_string()),
        diagnostics: Vec::new(),
    }
}

fn read_dir(root: &Path) -> Result<RawCurriculum> {
    let metadata = std::fs::metadata(root).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Error::CurriculumMissing {
            path: root.to_path_buf(),
        },
        _ => Error::io(root, error),
    })?;
    if !metadata.is_dir() {
        return Err(Error::CurriculumNotADir {
            path: root.to_path_buf(),
        });
    }
    let origin = root.display().to_string();
    let mut pages = Vec::new();
    let mut diagnostics = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(root).to_path_buf();
            let io = error
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
            Error::io(path, io)
        })?;
        let path = entry.path();
        if !is_markdown(path) {
            continue;
        }
        let Some(relative) = relative_path(root, path) else {
            diagnostics.push(
                Diagnostic::warning("the file name is not valid UTF-8; skipped")
                    .file(path.display().to_string()),
            );
            continue;
        };
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::warning("symbolic links are not followed; skipped")
                    .file(path.display().to_string()),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
        pages.push(RawPage {
            path: relative,
            bytes,
        });
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest_path = root.join(MANIFEST_FILE);
    let manifest = match std::fs::read(&manifest_path) {
        Ok(bytes) => Some(
            String::from_utf8(bytes).map_err(|error| Error::InvalidCurriculum {
                diagnostics: vec![
                    Diagnostic::error(format!(
                        "not valid UTF-8 (invalid byte at offset {})",
                        error.utf8_error().valid_up_to()
                    ))
                    .file(manifest_path.display().to_string()),
                ],
            })?,
        ),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(Error::io(manifest_path, error)),
    };
    Ok(RawCurriculum {
        origin,
        pages,
        manifest,
        diagnostics,
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}

fn relative_path(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|component| component.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}
