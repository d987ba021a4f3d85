//! Turning a source's pages and manifest into a [`Curriculum`], with diagnostics.

use super::manifest::{self, Ownership, Resolved};
use super::page::{self, Link, Page};
use super::source::{Entry, MANIFEST_FILE, MAX_PATH_BYTES, PAGE_READ_LIMIT, Source, display_path};
use super::{Curriculum, Doc, DocId, OtherPages, closest};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

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
/// diagnostics, so that `validate` can report all of them at once. Pages are read and parsed
/// in parallel; the result is in path order whatever the threads do.
pub fn load(source: &Source) -> Result<Loaded> {
    let listing = source.list()?;
    let origin = listing.origin;
    let mut diagnostics = listing.diagnostics;

    let mut folders: HashSet<String> = HashSet::new();
    for entry in &listing.entries {
        let mut path = entry.path.as_str();
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !folders.insert(parent.to_string()) {
                break;
            }
            path = parent;
        }
    }
    let parse_one = |buffer: &mut Vec<u8>, entry: &Entry<'_>| -> Result<(Page, Vec<Diagnostic>)> {
        let shown = display_path(&origin, &entry.path);
        let head = entry
            .content
            .head(buffer)
            .map_err(|error| Error::io(&shown, error))?;
        let mut found = Vec::new();
        let truncated = head.len() >= PAGE_READ_LIMIT;
        let page = page::parse(&entry.path, &shown, head, truncated, &mut found);
        Ok((page, found))
    };
    let parsed: Vec<Result<(Page, Vec<Diagnostic>)>> = if listing.entries.len() >= PARALLEL_FROM {
        listing
            .entries
            .par_iter()
            .map_init(|| Vec::with_capacity(8192), parse_one)
            .collect()
    } else {
        let mut buffer = Vec::new();
        listing
            .entries
            .iter()
            .map(|entry| parse_one(&mut buffer, entry))
            .collect()
    };
    // Pages become documents at once (their links are resolved below), so that no second
    // copy of every page is alive at the peak.
    let study_count = parsed
        .iter()
        .filter(|result| matches!(result, Ok((Page::Study(_), _))))
        .count();
    let mut docs: Vec<Doc> = Vec::with_capacity(study_count);
    let mut raw_links: Vec<(Vec<Link>, Vec<Link>)> = Vec::with_capacity(study_count);
    let mut other_pages = OtherPages::default();
    let mut broken: Vec<String> = Vec::new();
    for (entry, result) in listing.entries.into_iter().zip(parsed) {
        let (page, found) = result?;
        diagnostics.extend(found);
        let path = entry.path;
        match page {
            Page::Study(page) => {
                raw_links.push((page.prerequisites, page.next_recommended));
                docs.push(Doc {
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
            Page::Index => other_pages.index.push(path),
            Page::Plain => other_pages.plain.push(path),
            Page::Reference => other_pages.reference.push(path),
            Page::Broken => broken.push(path),
        }
    }

    let manifest_shown = display_path(&origin, MANIFEST_FILE);
    let (text, ownership) = match &listing.manifest {
        Some(text) => (text.as_str(), Ownership::Own),
        None => (Source::embedded_manifest(), Ownership::Borrowed),
    };
    // The embedded manifest comes decoded from the build (see build.rs).
    let embedded = ownership == Ownership::Borrowed || *source == Source::Embedded;
    let prebuilt = if embedded {
        manifest::decode_embedded()
    } else {
        None
    };
    let resolved = match prebuilt.map_or_else(|| manifest::decode(text, &manifest_shown), Ok) {
        Ok(manifest) => {
            let folder_exists = |folder: &str| folders.contains(folder);
            let (resolved, found) =
                manifest::resolve(&manifest, text, &manifest_shown, ownership, folder_exists);
            diagnostics.extend(found);
            resolved
        }
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            Resolved::default()
        }
    };
    let Resolved {
        mut name,
        id,
        mut source_url,
        mut sections,
        specializations,
        roles,
    } = resolved;
    if ownership == Ownership::Borrowed && sections.is_empty() {
        name = folder_name(&origin);
        source_url = None;
    }

    // Links are resolved while the index borrows the paths, then stored in the documents.
    let links: Vec<(Vec<LinkedDoc>, Vec<DocId>)> = {
        let paths: Vec<&str> = docs.iter().map(|doc| doc.path.as_str()).collect();
        let index: HashMap<&str, DocId> = paths
            .iter()
            .enumerate()
            .map(|(i, path)| (*path, DocId(i)))
            .collect();
        let broken: HashSet<&str> = broken.iter().map(String::as_str).collect();
        let non_study: HashSet<&str> = other_pages
            .index
            .iter()
            .chain(&other_pages.reference)
            .chain(&other_pages.plain)
            .map(String::as_str)
            .collect();
        let mut resolver = LinkResolver {
            index: &index,
            paths: &paths,
            broken: &broken,
            non_study: &non_study,
            origin: &origin,
            out: &mut diagnostics,
        };
        docs.iter()
            .zip(raw_links)
            .map(|(doc, (prerequisites, next))| {
                (
                    resolver.resolve(&doc.path, "prerequisites", &prerequisites, true),
                    resolver
                        .resolve(&doc.path, "next_recommended", &next, false)
                        .into_iter()
                        .map(|(id, _)| id)
                        .collect(),
                )
            })
            .collect()
    };
    let section_by_folder: HashMap<String, usize> = sections
        .iter()
        .enumerate()
        .flat_map(|(index, section)| {
            section
                .folders
                .iter()
                .map(move |folder| (folder.clone(), index))
        })
        .collect();
    for (position, (doc, (prerequisites, next_recommended))) in
        docs.iter_mut().zip(links).enumerate()
    {
        (doc.prerequisites, doc.prerequisite_lines) = prerequisites.into_iter().unzip();
        doc.next_recommended = next_recommended;
        doc.section = section_of(&section_by_folder, &doc.path);
        if let Some(section) = doc.section {
            sections[section].docs.push(DocId(position));
        }
    }

    Ok(Loaded {
        curriculum: Curriculum {
            name,
            id,
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

fn folder_name(origin: &str) -> String {
    std::path::Path::new(origin)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| origin.to_string())
}

/// The section whose folder holds the path: the deepest one, if section folders nest.
fn section_of(section_by_folder: &HashMap<String, usize>, path: &str) -> Option<usize> {
    let mut folder = path;
    while let Some((parent, _)) = folder.rsplit_once('/') {
        if let Some(&section) = section_by_folder.get(parent) {
            return Some(section);
        }
        folder = parent;
    }
    None
}

/// A link target as a root-relative path: no `./`, no `#anchor`, `..` resolved. `None` when it
/// climbs out of the root.
fn normalize_link(target: &str) -> Option<String> {
    // Most links are already clean: no anchor, no backslash, no `.` or empty segment.
    let clean = !target.is_empty()
        && !target.contains(['#', '\\', ' '])
        && target
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    if clean {
        return Some(target.to_string());
    }
    let target = target
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A resolved link and the line it was written on.
type LinkedDoc = (DocId, Option<usize>);

struct LinkResolver<'a> {
    index: &'a HashMap<&'a str, DocId>,
    /// Every document path, in order, for deterministic suggestions.
    paths: &'a [&'a str],
    /// Pages that failed to parse (already reported).
    broken: &'a HashSet<&'a str>,
    non_study: &'a HashSet<&'a str>,
    origin: &'a str,
    out: &'a mut Vec<Diagnostic>,
}

impl LinkResolver<'_> {
    /// Resolves the links of one field. Broken prerequisites are errors (the plan would be
    /// wrong); broken `next_recommended` links are only warnings (they are hints).
    fn resolve(
        &mut self,
        from: &str,
        field: &str,
        links: &[Link],
        required: bool,
    ) -> Vec<LinkedDoc> {
        let mut ids: Vec<LinkedDoc> = Vec::new();
        if links.is_empty() {
            return ids;
        }
        // Only a message needs the path as shown (links per page are few and bounded, so the
        // repeat check is a scan).
        let shown = || display_path(self.origin, from);
        for (position, link) in links.iter().enumerate() {
            if links[..position]
                .iter()
                .any(|earlier| earlier.target == link.target)
            {
                continue;
            }
            let report = |message: String| {
                let diagnostic = if required {
                    Diagnostic::error(message)
                } else {
                    Diagnostic::warning(message)
                };
                diagnostic.file(shown()).line(link.line).field(field)
            };
            if link.target.len() > MAX_PATH_BYTES {
                self.out.push(report(format!(
                    "a link of {} bytes, longer than the limit of {MAX_PATH_BYTES}",
                    link.target.len()
                )));
                continue;
            }
            let Some(path) = normalize_link(&link.target) else {
                self.out.push(
                    report(format!(
                        "'{}' points outside the curriculum folder",
                        link.target
                    ))
                    .help("links are paths relative to the curriculum root"),
                );
                continue;
            };
            if let Some(&id) = self.index.get(path.as_str()) {
                if !ids.iter().any(|(known, _)| *known == id) {
                    ids.push((id, link.line));
                }
                continue;
            }
            if self.broken.contains(path.as_str()) {
                self.out.push(report(format!(
                    "'{}' has errors (reported above), so it cannot be used here",
                    link.target
                )));
                continue;
            }
            if self.non_study.contains(path.as_str()) {
                self.out.push(
                    Diagnostic::warning(format!(
                        "'{}' is not a study document (no estimated_time); link ignored",
                        link.target
                    ))
                    .file(shown())
                    .line(link.line)
                    .field(field),
                );
                continue;
            }
            let mut diagnostic = report(format!("'{}' names no document", link.target));
            let relative = from
                .rsplit_once('/')
                .and_then(|(folder, _)| normalize_link(&format!("{folder}/{}", link.target)))
                .filter(|candidate| self.index.contains_key(candidate.as_str()));
            let suggestion =
                relative.or_else(|| closest(&path, self.paths.iter().copied()).map(str::to_string));
            if let Some(suggestion) = suggestion {
                diagnostic = diagnostic.help(format!(
                    "did you mean '{suggestion}'? (paths are relative to the curriculum root)"
                ));
            }
            self.out.push(diagnostic);
        }
        ids
    }
}

impl Loaded {
    /// The curriculum if it has no errors, else an error carrying all diagnostics.
    pub fn into_result(self) -> Result<(Curriculum, Vec<Diagnostic>)> {
        if self.has_errors() {
            return Err(Error::InvalidCurriculum {
                diagnostics: self.diagnostics,
            });
        }
        Ok((self.curriculum, self.diagnostics))
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_link;

    #[test]
    fn links_are_normalized_against_the_root() {
        assert_eq!(normalize_link("./a/b.md").as_deref(), Some("a/b.md"));
        assert_eq!(normalize_link("a/../b.md#intro").as_deref(), Some("b.md"));
        assert_eq!(normalize_link("../x.md"), None);
    }
}
