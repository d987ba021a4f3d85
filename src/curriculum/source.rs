//! Where a curriculum comes from: the copy embedded in the binary, a folder on disk, or files
//! held in memory. This is the only part of the loader that touches the file system.

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use include_dir::{Dir, include_dir};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/curriculum");

/// The name of the manifest file at a curriculum's root.
pub const MANIFEST_FILE: &str = "learnpath.yaml";

/// How the embedded curriculum is named in messages.
pub const EMBEDDED_ORIGIN: &str = "<embedded>";

/// The most Markdown pages a curriculum may hold: a hundred times the largest real ones, and
/// a bound on the memory a load may take.
pub const MAX_PAGES: usize = 1_000_000;

/// The longest page path (relative to the root) and link, in bytes.
pub const MAX_PATH_BYTES: usize = 1024;

/// How much of a page is read: the frontmatter and the first heading are all the planner
/// needs, and a limit keeps a huge file from costing memory or time.
pub const PAGE_READ_LIMIT: usize = 128 * 1024;

/// How much of a Jupyter notebook is read: its JSON must be whole to be read at all, and its
/// outputs (skipped) can be large.
pub const NOTEBOOK_READ_LIMIT: usize = 16 * 1024 * 1024;

/// The read limit for a page: a notebook's, or [`PAGE_READ_LIMIT`].
pub fn read_limit(path: &str) -> usize {
    match path.rsplit_once('.') {
        Some((_, extension)) if extension.eq_ignore_ascii_case("ipynb") => NOTEBOOK_READ_LIMIT,
        _ => PAGE_READ_LIMIT,
    }
}

/// The largest manifest read: two hundred times the embedded one. A larger file is an error.
pub const MANIFEST_READ_LIMIT: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The default curriculum compiled into the binary.
    Embedded,
    /// A curriculum folder.
    Dir(PathBuf),
    /// Files held in memory: (path relative to the root, content). A `learnpath.yaml` among
    /// them is the manifest. For tests, fuzzing and benchmarks.
    Memory(Arc<Vec<(String, Vec<u8>)>>),
}

/// Where a page's bytes are.
#[derive(Clone)]
pub(crate) enum Content<'a> {
    Bytes(&'a [u8]),
    File(PathBuf),
}

impl Content<'_> {
    /// The page's first `limit` bytes (all of it when shorter; see [`read_limit`]). A file is
    /// read into `buffer`, which the caller reuses from page to page.
    pub fn head<'b>(&'b self, buffer: &'b mut Vec<u8>, limit: usize) -> std::io::Result<&'b [u8]> {
        match self {
            Content::Bytes(bytes) => Ok(&bytes[..bytes.len().min(limit)]),
            Content::File(path) => {
                buffer.clear();
                open_regular(path)?.take(limit as u64).read_to_end(buffer)?;
                Ok(buffer)
            }
        }
    }
}

/// A page of the source, not read yet.
#[derive(Clone)]
pub(crate) struct Entry<'a> {
    /// Relative to the root, `/`-separated.
    pub path: String,
    pub content: Content<'a>,
}

/// Everything the loader needs from a source.
pub(crate) struct Listing<'a> {
    pub origin: String,
    /// In path order.
    pub entries: Vec<Entry<'a>>,
    /// The files that may order a book or course site ([`TABLE_FILES`]), in path order.
    pub tables: Vec<Entry<'a>>,
    /// The folder's own manifest, or what made it unreadable; `None` when there is none.
    pub manifest: Option<Result<String, Diagnostic>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Source {
    pub(crate) fn list(&self) -> Result<Listing<'_>> {
        match self {
            Source::Embedded => Ok(list_embedded()),
            Source::Dir(root) => list_dir(root),
            Source::Memory(files) => list_memory(files),
        }
    }

    /// The embedded manifest's text, used for folders that have none of their own.
    pub(crate) fn embedded_manifest() -> &'static str {
        EMBEDDED
            .get_file(MANIFEST_FILE)
            .and_then(|file| file.contents_utf8())
            .unwrap_or_default()
    }
}

pub(crate) fn display_path(origin: &str, path: &str) -> String {
    if origin == EMBEDDED_ORIGIN {
        format!("{EMBEDDED_ORIGIN}/{path}")
    } else {
        Path::new(origin).join(path).display().to_string()
    }
}

/// A page: Markdown (`.md`, MDX's `.mdx`) or a Jupyter notebook (`.ipynb`).
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            ["md", "mdx", "ipynb"]
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

/// The files that say how a book or course site is ordered (see `super::toc::layout`).
pub(crate) const TABLE_FILES: [&str; 11] = [
    "book.toml",
    "_toc.yml",
    "_toctree.yml",
    "mkdocs.yml",
    "mkdocs.yaml",
    "_category_.json",
    "_category_.yml",
    "_category_.yaml",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
];

fn is_table_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| TABLE_FILES.contains(&name))
}

fn list_embedded() -> Listing<'static> {
    let mut entries = Vec::new();
    let mut stack = vec![&EMBEDDED];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        entries.extend(
            dir.files()
                .filter(|file| is_markdown(file.path()))
                .map(|file| Entry {
                    path: file.path().to_string_lossy().replace('\\', "/"),
                    content: Content::Bytes(file.contents()),
                }),
        );
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Listing {
        origin: EMBEDDED_ORIGIN.to_string(),
        entries,
        tables: Vec::new(),
        manifest: Some(Ok(Source::embedded_manifest().to_string())),
        diagnostics: Vec::new(),
    }
}

fn list_memory(files: &[(String, Vec<u8>)]) -> Result<Listing<'_>> {
    let mut entries: Vec<Entry<'_>> = files
        .iter()
        .filter(|(path, _)| is_markdown(Path::new(path)))
        .map(|(path, bytes)| Entry {
            path: path.clone(),
            content: Content::Bytes(bytes),
        })
        .collect();
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let tables = files
        .iter()
        .filter(|(path, _)| is_table_file(Path::new(path)))
        .map(|(path, bytes)| Entry {
            path: path.clone(),
            content: Content::Bytes(bytes),
        })
        .collect();
    let manifest =
        files
            .iter()
            .find(|(path, _)| path == MANIFEST_FILE)
            .map(|(_, bytes)| match bytes.len() > MANIFEST_READ_LIMIT {
                true => Err(too_large_manifest(Path::new(MANIFEST_FILE))),
                false => manifest_text(bytes, Path::new(MANIFEST_FILE)),
            });
    Ok(Listing {
        origin: "<memory>".to_string(),
        entries,
        tables,
        manifest,
        diagnostics: Vec::new(),
    })
}

/// Opens a file of a curriculum folder for reading, only if it is a regular file and not a
/// symbolic link (the walk enters no linked folder, so the file is inside the curriculum). A
/// FIFO is refused at once rather than waited on.
pub(crate) fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let is_link = || std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
    if !cfg!(unix) && is_link() {
        return Err(Unreadable::Link.into());
    }
    let file = options.open(path).map_err(|error| match is_link() {
        true => Unreadable::Link.into(),
        false => error,
    })?;
    if !file.metadata()?.is_file() {
        return Err(Unreadable::NotAFile.into());
    }
    Ok(file)
}

/// Why a file of the curriculum is not read.
#[derive(Debug)]
enum Unreadable {
    Link,
    NotAFile,
    TooLarge(usize),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Link => f.write_str("is a symbolic link; symbolic links are not followed"),
            Unreadable::NotAFile => f.write_str("is not a regular file (a pipe or a device)"),
            Unreadable::TooLarge(limit) => {
                write!(f, "is larger than the limit of {} KiB", limit / 1024)
            }
        }
    }
}

impl std::error::Error for Unreadable {}

impl From<Unreadable> for std::io::Error {
    fn from(unreadable: Unreadable) -> Self {
        std::io::Error::other(unreadable)
    }
}

/// The folder's manifest: `None` when there is none. What cannot be a manifest (a link, a
/// pipe, a device, a file over [`MANIFEST_READ_LIMIT`]) is a diagnostic; other I/O errors fail.
fn read_manifest(path: &Path) -> Result<Option<Result<String, Diagnostic>>> {
    let unreadable = |why: Unreadable| Ok(Some(Err(unreadable_manifest(path, why))));
    let file = match open_regular(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => match error.downcast::<Unreadable>() {
            Ok(why) => return unreadable(why),
            Err(error) => return Err(Error::io(path, error)),
        },
    };
    let mut bytes = Vec::new();
    file.take(MANIFEST_READ_LIMIT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io(path, error))?;
    if bytes.len() > MANIFEST_READ_LIMIT {
        return Ok(Some(Err(too_large_manifest(path))));
    }
    Ok(Some(manifest_text(&bytes, path)))
}

fn unreadable_manifest(path: &Path, why: Unreadable) -> Diagnostic {
    let help = match why {
        Unreadable::Link => "replace the link with the file itself",
        _ => "make learnpath.yaml a regular file of at most 1 MiB",
    };
    Diagnostic::error(format!("the manifest {why}"))
        .file(path.display().to_string())
        .help(help)
}

fn too_large_manifest(path: &Path) -> Diagnostic {
    unreadable_manifest(path, Unreadable::TooLarge(MANIFEST_READ_LIMIT))
}

/// The manifest's text; not UTF-8 is a diagnostic like any other problem in it.
fn manifest_text(bytes: &[u8], shown: &Path) -> Result<String, Diagnostic> {
    // A UTF-8 byte order mark (an editor's doing) is read past, as in pages.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        Diagnostic::error(format!(
            "not valid UTF-8 (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        ))
        .file(shown.display().to_string())
        .help("save the manifest as UTF-8")
    })
}

fn list_dir(root: &Path) -> Result<Listing<'static>> {
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
    let (entries, diagnostics) = walk(root)?;
    let (tables, pages): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|entry| is_table_file(Path::new(&entry.path)));
    let manifest = read_manifest(&root.join(MANIFEST_FILE))?;
    Ok(Listing {
        origin: root.display().to_string(),
        entries: pages,
        tables,
        manifest,
        diagnostics,
    })
}

/// The warning for a page or folder whose path is longer than [`MAX_PATH_BYTES`].
pub(crate) fn too_long(path: &Path) -> Diagnostic {
    Diagnostic::warning(format!(
        "the path is longer than the limit of {MAX_PATH_BYTES} bytes; skipped"
    ))
    .file(path.display().to_string())
}

/// Whether the system refused a path as too long (`ENAMETOOLONG`).
pub(crate) fn is_name_too_long(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::InvalidFilename
}

/// The Markdown pages under `root`, in path order, and warnings about what was skipped:
/// hidden folders and files are not read, symbolic links not followed, and a folder whose
/// path is longer than [`MAX_PATH_BYTES`] is not entered (no page in it could be read), so a
/// chain of folders deeper than the system's own path limit is skipped, not fatal.
fn walk(root: &Path) -> Result<(Vec<Entry<'static>>, Vec<Diagnostic>)> {
    let mut entries = Vec::new();
    let mut diagnostics = Vec::new();
    let mut walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                skip_or_fail(root, error, &mut diagnostics)?;
                continue;
            }
        };
        if entry.depth() > 0
            && entry.file_type().is_dir()
            && relative_len(root, entry.path()) > MAX_PATH_BYTES
        {
            diagnostics.push(too_long(entry.path()));
            walker.skip_current_dir();
            continue;
        }
        let Some(relative) = page_path(root, &entry, &mut diagnostics) else {
            continue;
        };
        if entries.len() == MAX_PAGES {
            return Err(too_many_pages(root));
        }
        if relative.len() > MAX_PATH_BYTES {
            diagnostics.push(too_long(entry.path()));
            continue;
        }
        entries.push(Entry {
            path: relative,
            content: Content::File(entry.into_path()),
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((entries, diagnostics))
}

/// A folder the walk cannot read: skipped with a warning when its path is too long for the
/// system, else the error.
fn skip_or_fail(
    root: &Path,
    error: walkdir::Error,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    let path = error.path().unwrap_or(root).to_path_buf();
    let io = error
        .into_io_error()
        .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
    if is_name_too_long(&io) && path != root {
        diagnostics.push(too_long(&path));
        return Ok(());
    }
    Err(Error::io(path, io))
}

/// The path of `entry` relative to `root` when it is a Markdown page to read; `None` for
/// anything else, with a warning for a symbolic link to a page or folder and for a name that
/// is not UTF-8.
fn page_path(
    root: &Path,
    entry: &walkdir::DirEntry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let skipped =
        |message: &str| Diagnostic::warning(message).file(entry.path().display().to_string());
    if entry.path_is_symlink() {
        // Links are not followed (a link to a folder could loop or leave the curriculum);
        // say so for links to pages and folders, stay quiet about links to other files.
        if is_markdown(entry.path()) || entry.path().is_dir() {
            diagnostics.push(skipped("symbolic links are not followed; skipped"));
        }
        return None;
    }
    let wanted = is_markdown(entry.path()) || is_table_file(entry.path());
    if !wanted || !entry.file_type().is_file() {
        return None;
    }
    let relative = relative_path(root, entry.path());
    if relative.is_none() {
        diagnostics.push(skipped("the file name is not valid UTF-8; skipped"));
    }
    relative
}

fn too_many_pages(root: &Path) -> Error {
    Error::InvalidCurriculum {
        diagnostics: vec![
            Diagnostic::error(format!(
                "more than {MAX_PAGES} Markdown pages; learnpath reads at most that many"
            ))
            .file(root.display().to_string())
            .help("point --curriculum at a smaller folder"),
        ],
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}

/// The length in bytes of `path` relative to `root`, `/`-separated.
fn relative_len(root: &Path, path: &Path) -> usize {
    path.strip_prefix(root)
        .map_or(usize::MAX, |relative| relative.as_os_str().len())
}

fn relative_path(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|component| component.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_in_memory_over_the_limit_is_a_diagnostic() {
        let big = vec![b'#'; MANIFEST_READ_LIMIT + 1];
        let files = Arc::new(vec![(MANIFEST_FILE.to_string(), big)]);
        let source = Source::Memory(files);
        let listing = source.list().unwrap();
        let diagnostic = listing.manifest.unwrap().unwrap_err();
        assert!(
            diagnostic
                .message
                .contains("larger than the limit of 1024 KiB")
        );
    }
}
