//! Turning a source's pages and manifest into a [`Curriculum`], with diagnostics.

use super::links::{self, KnownPages};
use super::manifest::{self, Ownership, Resolved};
use super::page::{self, Link, Page};
use super::source::{EMBEDDED_ORIGIN, Entry, MANIFEST_FILE, PAGE_READ_LIMIT, Source, display_path};
use super::{Curriculum, Doc, DocId, OtherPages, Section, SectionId};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A curriculum as loaded, with everything found wrong or odd in it.
#[derive(Debug)]
pub struct Loaded {
    pub curriculum: Curriculum,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Below this many pages, parsing on one thread is faster than starting the pool.
const PARALLEL_FROM: usize = 256;

/// Reads and parses a curriculum. Only I/O problems fail here; problems with the content are
/// diagnostics, so that `validate` can report all of them at once.
pub fn load(source: &Source) -> Result<Loaded> {
    let listing = source.list()?;
    let origin = listing.origin;
    let mut diagnostics = listing.diagnostics;
    let folders = folders_of(&listing.entries);
    let pages = read_pages(&origin, listing.entries, &mut diagnostics)?;
    let (resolved, found, manifest_text) =
        resolve_manifest(source, &origin, listing.manifest, &folders);
    diagnostics.extend(found);
    let Resolved {
        name,
        id,
        source_url,
        mut sections,
        specializations,
        roles,
    } = resolved;
    let Pages {
        mut docs,
        links,
        other_pages,
        broken,
    } = pages;
    let known = KnownPages {
        broken: &broken,
        other: &other_pages,
    };
    links::resolve_all(&mut docs, links, known, &origin, &mut diagnostics);
    assign_sections(&mut docs, &mut sections);
    Ok(Loaded {
        curriculum: Curriculum {
            name,
            id,
            manifest_text,
            source_url,
            origin,
            docs,
            sections,
            specializations,
            roles,
            other_pages,
        },
        diagnostics,
    })
}

/// Every folder that holds a page, at any depth.
fn folders_of(entries: &[Entry<'_>]) -> HashSet<String> {
    let mut folders: HashSet<String> = HashSet::new();
    for entry in entries {
        let mut path = entry.path.as_str();
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !folders.insert(parent.to_string()) {
                break;
            }
            path = parent;
        }
    }
    folders
}

/// The pages of a source, sorted out: study documents (their links not resolved yet) and the
/// others by kind.
struct Pages {
    docs: Vec<Doc>,
    /// Per document: its prerequisites and next_recommended links as written.
    links: Vec<(Vec<Link>, Vec<Link>)>,
    other_pages: OtherPages,
    /// Pages that failed to parse (already reported).
    broken: Vec<String>,
}

/// Reads and parses every page; in parallel when there are many, in path order whatever the
/// threads do. Pages become documents at once, so that no second copy of every page is alive
/// at the peak.
fn read_pages(
    origin: &str,
    entries: Vec<Entry<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Pages> {
    let parse_one = |buffer: &mut Vec<u8>, entry: &Entry<'_>| -> Result<(Page, Vec<Diagnostic>)> {
        let shown = display_path(origin, &entry.path);
        let head = entry
            .content
            .head(buffer)
            .map_err(|error| Error::io(&shown, error))?;
        let mut found = Vec::new();
        let truncated = head.len() >= PAGE_READ_LIMIT;
        let page = page::parse(&entry.path, &shown, head, truncated, &mut found);
        Ok((page, found))
    };
    let parsed: Vec<Result<(Page, Vec<Diagnostic>)>> = if entries.len() >= PARALLEL_FROM {
        entries
            .par_iter()
            .map_init(|| Vec::with_capacity(8192), parse_one)
            .collect()
    } else {
        let mut buffer = Vec::new();
        entries
            .iter()
            .map(|entry| parse_one(&mut buffer, entry))
            .collect()
    };
    let study_count = parsed
        .iter()
        .filter(|result| matches!(result, Ok((Page::Study(_), _))))
        .count();
    let mut pages = Pages {
        docs: Vec::with_capacity(study_count),
        links: Vec::with_capacity(study_count),
        other_pages: OtherPages::default(),
        broken: Vec::new(),
    };
    for (entry, result) in entries.into_iter().zip(parsed) {
        let (page, found) = result?;
        diagnostics.extend(found);
        pages.add(entry.path, page);
    }
    Ok(pages)
}

impl Pages {
    fn add(&mut self, path: String, page: Page) {
        match page {
            Page::Study(page) => {
                self.links.push((page.prerequisites, page.next_recommended));
                self.docs.push(Doc {
                    path,
                    title: page.title,
                    level: page.level,
                    minutes: page.minutes,
                    prerequisites: Vec::new(),
                    prerequisite_lines: Vec::new(),
                    next_recommended: Vec::new(),
                    tags: page.tags,
                    section: None,
                });
            }
            Page::Index => self.other_pages.index.push(path),
            Page::Plain => self.other_pages.plain.push(path),
            Page::Reference => self.other_pages.reference.push(path),
            Page::Broken => self.broken.push(path),
        }
    }
}

/// Puts each document in the section whose folder holds it.
fn assign_sections(docs: &mut [Doc], sections: &mut [Section]) {
    let section_by_folder: HashMap<String, SectionId> = sections
        .iter()
        .enumerate()
        .flat_map(|(index, section)| {
            section
                .folders
                .iter()
                .map(move |folder| (folder.clone(), SectionId(index)))
        })
        .collect();
    for (position, doc) in docs.iter_mut().enumerate() {
        doc.section = section_of(&section_by_folder, &doc.path);
        if let Some(section) = doc.section {
            sections[section.0].docs.push(DocId(position));
        }
    }
}

/// The manifest, checked against the folders: the folder's own, else the embedded one (whose
/// sections then apply only where the folder has their folders). A manifest that cannot be
/// read or decoded is a diagnostic, and the curriculum takes the folder's name.
fn resolve_manifest(
    source: &Source,
    origin: &str,
    manifest: Option<std::result::Result<String, Diagnostic>>,
    folders: &HashSet<String>,
) -> (Resolved, Vec<Diagnostic>, Option<Arc<str>>) {
    let unnamed = || Resolved {
        name: folder_name(origin),
        ..Resolved::default()
    };
    let (text, shown, ownership) = match &manifest {
        Some(Ok(text)) => (
            text.as_str(),
            display_path(origin, MANIFEST_FILE),
            Ownership::Own,
        ),
        Some(Err(diagnostic)) => return (unnamed(), vec![diagnostic.clone()], None),
        // Messages about a borrowed manifest name the embedded one: the folder has no file.
        None => (
            Source::embedded_manifest(),
            display_path(EMBEDDED_ORIGIN, MANIFEST_FILE),
            Ownership::Borrowed,
        ),
    };
    // The embedded manifest comes decoded from the build (see build.rs).
    let embedded = ownership == Ownership::Borrowed || *source == Source::Embedded;
    let prebuilt = if embedded {
        manifest::decode_embedded()
    } else {
        None
    };
    match prebuilt.map_or_else(|| manifest::decode(text, &shown), Ok) {
        Ok(manifest) => {
            // The root (written `.`) always exists.
            let folder_exists = |folder: &str| folder.is_empty() || folders.contains(folder);
            let (mut resolved, found) =
                manifest::resolve(&manifest, text, &shown, ownership, folder_exists);
            if ownership == Ownership::Borrowed && resolved.sections.is_empty() {
                resolved.name = folder_name(origin);
                resolved.source_url = None;
            }
            (resolved, found, Some(Arc::from(text)))
        }
        Err(diagnostic) => (unnamed(), vec![diagnostic], Some(Arc::from(text))),
    }
}

/// The folder's own name, however its path was spelled (`.`, `..`, `../course`).
fn folder_name(origin: &str) -> String {
    let path = std::path::Path::new(origin);
    std::fs::canonicalize(path)
        .ok()
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .or_else(|| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| origin.to_string())
}

/// The section whose folder holds the path: the deepest one, if section folders nest; a
/// section of the root (`.`) holds what no other section does.
fn section_of(section_by_folder: &HashMap<String, SectionId>, path: &str) -> Option<SectionId> {
    let mut folder = path;
    while let Some((parent, _)) = folder.rsplit_once('/') {
        if let Some(&section) = section_by_folder.get(parent) {
            return Some(section);
        }
        folder = parent;
    }
    section_by_folder.get("").copied()
}
