//! Turning a source's pages and manifest into a [`Curriculum`], with diagnostics.

use super::course;
use super::folders;
use super::links::{self, KnownPages};
use super::loose::{Loose, Sidebar};
use super::manifest::{self, Order, Ownership, Resolved};
use super::page::{self, Page, Reading, Role, StudyPage};
use super::source::{
    EMBEDDED_ORIGIN, Entry, MANIFEST_FILE, Source, display_path, is_name_too_long, read_limit,
    too_long,
};
use super::toc::folders::{self as toc_folders, Tree};
use super::toc::layout::{self, Files, Layout};
use super::toc::{TableKind, Toc};
use super::written::Written;
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
    /// Documents that require a page with errors (directly): plans leave them out, with
    /// everything that requires them.
    pub blocked: Vec<DocId>,
    /// Whether an error concerns the whole curriculum (its listing or manifest), not a page.
    pub fatal: bool,
    /// Which fields the study pages' times, levels and prerequisites came from.
    pub used: FieldsUsed,
}

/// How many study pages took their time, level and prerequisites from each field, and how
/// many times were estimated: the mapping `validate` reports and `init` writes down.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FieldsUsed {
    pub time: std::collections::BTreeMap<String, usize>,
    pub level: std::collections::BTreeMap<String, usize>,
    pub prerequisites: std::collections::BTreeMap<String, usize>,
    pub estimated: usize,
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
    load_listing(source, source.list()?)
}

/// Reads a curriculum as if it had no manifest of its own: what `init` detects.
pub fn load_detected(source: &Source) -> Result<Loaded> {
    let mut listing = source.list()?;
    listing.manifest = None;
    load_listing(source, listing)
}

fn load_listing(source: &Source, listing: super::source::Listing<'_>) -> Result<Loaded> {
    let origin = listing.origin;
    let mut diagnostics = listing.diagnostics;
    let folders = folders_of(&listing.entries);
    let (mut resolved, found, manifest_text) =
        resolve_manifest(source, &origin, listing.manifest, &folders);
    // Problems with the listing or the manifest concern the whole curriculum; those of a
    // page leave out only that page and what needs it.
    let fatal = diagnostics.iter().chain(&found).any(Diagnostic::is_error);
    let files = (listing.tables.as_slice(), listing.entries.as_slice());
    let mut layout = layout_for(&origin, &resolved, files);
    let course = (&resolved.reading, &mut layout);
    let mut pages = read_course(&origin, listing.entries, course, &mut diagnostics)?;
    diagnostics.extend(found);
    let toc = layout.as_ref().map(|layout| {
        diagnostics.extend(layout.diagnostics.iter().cloned());
        pages.toc_of(layout)
    });
    let prefixes = &resolved.reading.prefixes;
    let blocked = pages.resolve_links(&folders, prefixes, &origin, &mut diagnostics);
    let mut docs = pages.docs;
    let mut other_pages = pages.other_pages;
    let (sections, table) = match (layout, &toc) {
        (Some(layout), Some(toc)) => {
            let (table, sections) = course::apply(layout.kind, layout.file, toc, &mut docs);
            (sections, Some(table))
        }
        _ => (
            folder_sections(&mut docs, &pages.index_titles, &mut resolved),
            None,
        ),
    };
    other_pages.left_out = blocked.iter().map(|&id| docs[id.0].path.clone()).collect();
    Ok(Loaded {
        curriculum: Curriculum {
            name: resolved.name,
            id: resolved.id,
            manifest_text,
            source_url: resolved.source_url,
            origin,
            docs,
            sections,
            specializations: resolved.specializations,
            roles: resolved.roles,
            other_pages,
            table,
        },
        diagnostics,
        blocked,
        fatal,
        used: pages.used,
    })
}

/// The manifest's sections, else one for each folder of documents; each document put in
/// the section whose folder holds it.
fn folder_sections(
    docs: &mut [Doc],
    index_titles: &HashMap<String, String>,
    resolved: &mut Resolved,
) -> Vec<Section> {
    let mut sections = std::mem::take(&mut resolved.sections);
    if sections.is_empty() {
        sections = folders::sections(docs, index_titles, &resolved.name);
    }
    assign_sections(docs, &mut sections);
    sections
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
    /// Per document: its links as written.
    links: Written,
    /// Per document: its own names for links (`id`, `slug`).
    ids: Vec<Vec<String>>,
    other_pages: OtherPages,
    /// The titles of index pages that are not studied, by folder.
    index_titles: HashMap<String, String>,
    used: FieldsUsed,
    /// Per document: its sidebar place and label, for a course ordered by its folders.
    positions: Vec<Sidebar>,
    /// What is kept of the pages that are not studied, should a study page require one.
    loose: HashMap<String, Loose>,
}

/// Every page parsed, with what its parse found; in parallel from [`PARALLEL_FROM`] pages.
fn parse_all(
    origin: &str,
    entries: &[Entry<'_>],
    (reading, roles): (&Reading, &[Role]),
) -> Vec<Result<(Page, Vec<Diagnostic>)>> {
    let parse_one = |buffer: &mut Vec<u8>,
                     (entry, role): (&Entry<'_>, &Role)|
     -> Result<(Page, Vec<Diagnostic>)> {
        let shown = display_path(origin, &entry.path);
        let limit = read_limit(&entry.path);
        let head = entry
            .content
            .head(buffer, limit)
            .map_err(|error| Error::io(&shown, error))?;
        let mut found = Vec::new();
        let truncated = head.len() >= limit;
        let page = page::parse_as(
            &entry.path,
            &shown,
            head,
            truncated,
            (reading, *role),
            &mut found,
        );
        Ok((page, found))
    };
    if entries.len() >= PARALLEL_FROM {
        entries
            .par_iter()
            .zip(roles)
            .map_init(|| Vec::with_capacity(8192), parse_one)
            .collect()
    } else {
        let mut buffer = Vec::new();
        entries
            .iter()
            .zip(roles)
            .map(|pair| parse_one(&mut buffer, pair))
            .collect()
    }
}

/// How many pages are parsed at a time: enough to keep the threads busy, few enough that
/// only one batch of parsed pages is alive beside the documents they become.
const BATCH: usize = 4096;

/// A page's path and what its parse gave.
type Parsed = (String, Result<(Page, Vec<Diagnostic>)>);

/// Reads and parses every page, a [`BATCH`] at a time (in parallel when there are many), in
/// path order whatever the threads do. Each batch becomes documents before the next is read,
/// so that the parsed pages are never all alive at once: only those read before the first
/// page that gives a time are held, since whether a page without one is studied depends on
/// whether any page gives one.
fn read_pages(
    origin: &str,
    entries: Vec<Entry<'_>>,
    (reading, roles): (&Reading, &[Role]),
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Pages> {
    let mut pages = Pages::with_capacity(entries.len());
    let mut held: Vec<Parsed> = Vec::new();
    let mut timed = false;
    let mut entries = entries.into_iter();
    for roles in roles.chunks(BATCH) {
        let batch: Vec<Entry<'_>> = entries.by_ref().take(roles.len()).collect();
        let parsed = parse_all(origin, &batch, (reading, roles));
        timed |= parsed.iter().any(gives_time);
        held.extend(batch.into_iter().map(|entry| entry.path).zip(parsed));
        if timed {
            pages.add_all(held.drain(..), false, origin, diagnostics)?;
        }
    }
    // Pages that only might be studied are, when no page of the curriculum gives a time.
    pages.add_all(held.into_iter(), !timed, origin, diagnostics)?;
    pages.shrink_to_fit();
    Ok(pages)
}

/// Whether a parse is a study page that gives its time (not estimated).
fn gives_time(result: &Result<(Page, Vec<Diagnostic>)>) -> bool {
    matches!(result, Ok((Page::Study(page), _)) if !page.estimated)
}

impl Pages {
    /// Room for `count` pages, all of them studied: what is not used is never touched, and
    /// given back by [`Pages::shrink_to_fit`].
    fn with_capacity(count: usize) -> Pages {
        Pages {
            docs: Vec::with_capacity(count),
            links: Written::with_capacity(count),
            ids: Vec::with_capacity(count),
            other_pages: OtherPages::default(),
            index_titles: HashMap::new(),
            used: FieldsUsed::default(),
            positions: Vec::with_capacity(count),
            loose: HashMap::new(),
        }
    }

    /// Gives back the room no document took.
    fn shrink_to_fit(&mut self) {
        self.docs.shrink_to_fit();
        self.links.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.positions.shrink_to_fit();
    }

    /// Adds parsed pages in order, with their diagnostics; the first that could not be read
    /// fails, but one whose whole path the system refuses as too long (a long root) is
    /// skipped like one past the curriculum's own limit.
    fn add_all(
        &mut self,
        parsed: impl Iterator<Item = Parsed>,
        untimed_studied: bool,
        origin: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<()> {
        for (path, result) in parsed {
            let (page, found) = match result {
                Err(Error::Io { path, source }) if is_name_too_long(&source) => {
                    diagnostics.push(too_long(&path));
                    continue;
                }
                result => result?,
            };
            diagnostics.extend(found);
            self.add(path, page, untimed_studied, origin, diagnostics);
        }
        Ok(())
    }
}

impl Pages {
    fn add(
        &mut self,
        path: String,
        page: Page,
        untimed_studied: bool,
        origin: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        match page {
            Page::Study(page) => self.add_study(path, page),
            Page::Untimed(page) if untimed_studied => self.add_study(path, page),
            Page::Untimed(_) => {
                diagnostics.push(
                    Diagnostic::warning(
                        "frontmatter has no time, level or prerequisites; treated as a reference page, not scheduled",
                    )
                    .file(display_path(origin, &path))
                    .line(Some(1))
                    .help("add a time (e.g. `estimated_time: 30 min`), a level or prerequisites to schedule it"),
                );
                self.other_pages.reference.push(path);
            }
            Page::Index(loose) => {
                if let Some(title) = &loose.title {
                    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
                    self.index_titles.insert(folder.to_string(), title.clone());
                }
                self.loose.insert(path.clone(), loose);
                self.other_pages.index.push(path);
            }
            Page::Plain(loose) => {
                self.loose.insert(path.clone(), loose);
                self.other_pages.plain.push(path);
            }
            Page::Reference => self.other_pages.reference.push(path),
            Page::Broken => self.other_pages.broken.push(path),
        }
    }

    fn add_study(&mut self, path: String, page: StudyPage) {
        let [time, level, prerequisites] = &page.keys;
        for (key, counts) in [
            (time, &mut self.used.time),
            (level, &mut self.used.level),
            (prerequisites, &mut self.used.prerequisites),
        ] {
            if let Some(key) = key {
                *counts.entry(key.clone()).or_default() += 1;
            }
        }
        self.used.estimated += usize::from(page.estimated);
        self.links
            .push([&page.prerequisites, &page.soft, &page.next_recommended]);
        self.ids.push(page.ids);
        self.positions.push(page.sidebar);
        self.docs.push(Doc {
            path,
            title: page.title,
            level: page.level,
            minutes: page.minutes,
            estimated: page.estimated,
            prerequisites: Vec::new(),
            prerequisite_lines: Vec::new(),
            soft_prerequisites: Vec::new(),
            next_recommended: Vec::new(),
            tags: page.tags,
            section: None,
        });
    }
}

/// The course's layout: the one the manifest's `order:` names, else one found when the
/// manifest names no sections. A table file other than the one the manifest names is a
/// warning: the manifest records what `init` found, and the table moved.
fn layout_for(
    origin: &str,
    resolved: &Resolved,
    files: (&[Entry<'_>], &[Entry<'_>]),
) -> Option<Layout> {
    let mut layout = match resolved.order {
        Order::Frontmatter => None,
        Order::Kind(kind) => course_layout(origin, files, Some(kind)),
        Order::Detect if resolved.sections.is_empty() => course_layout(origin, files, None),
        Order::Detect => None,
    }?;
    if let Some(file) = resolved.order_file.as_deref()
        && file != layout.file
    {
        layout.diagnostics.push(
            Diagnostic::warning(format!(
                "the manifest's order.file is '{file}', but the table is {}",
                layout.file
            ))
            .file(display_path(origin, MANIFEST_FILE))
            .field("file")
            .help("run `learnpath init` again, or correct order.file"),
        );
    }
    Some(layout)
}

/// The layout of a course found among the listing's files, if it has one.
fn course_layout(
    origin: &str,
    (tables, pages): (&[Entry<'_>], &[Entry<'_>]),
    kind: Option<TableKind>,
) -> Option<Layout> {
    layout::detect(&Files::new(origin, tables, pages), kind)
}

/// Reads the course's pages. Numbered names order a folder only when its pages name no
/// prerequisites of their own: a curriculum that does is read by its frontmatter.
fn read_course(
    origin: &str,
    entries: Vec<Entry<'_>>,
    (reading, layout): (&Reading, &mut Option<Layout>),
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Pages> {
    if layout
        .as_ref()
        .is_some_and(|layout| layout.kind == TableKind::Numbered)
    {
        let mut found = Vec::new();
        let roles = vec![Role::Free; entries.len()];
        let free = read_pages(origin, entries.clone(), (reading, &roles), &mut found)?;
        if !free.used.prerequisites.is_empty() {
            *layout = None;
            diagnostics.extend(found);
            return Ok(free);
        }
    }
    let (entries, roles, outside) = course_pages(entries, layout.as_ref());
    let mut pages = read_pages(origin, entries, (reading, &roles), diagnostics)?;
    pages.other_pages.outside = outside;
    Ok(pages)
}

/// The pages of the course and the role each is read in: only those a table lists, or
/// those under the folder whose order is the course's. Without a layout, every page, free.
fn course_pages<'a>(
    entries: Vec<Entry<'a>>,
    layout: Option<&Layout>,
) -> (Vec<Entry<'a>>, Vec<Role>, Vec<String>) {
    let Some(layout) = layout else {
        let roles = vec![Role::Free; entries.len()];
        return (entries, roles, Vec::new());
    };
    let listed = layout.listed();
    let (kept, outside): (Vec<Entry<'a>>, Vec<Entry<'a>>) =
        entries.into_iter().partition(|entry| match &listed {
            Some(listed) => listed.contains(entry.path.as_str()),
            None => layout::under(&layout.base, &entry.path),
        });
    let outside = outside
        .into_iter()
        .map(|entry| entry.path)
        .filter(|path| *path != layout.file)
        .collect();
    let roles = kept
        .iter()
        .map(|entry| match &listed {
            Some(_) => Role::Listed,
            // The course's own index page is read as any other page: a repository's README.
            None if layout::parent(&entry.path) == layout.base
                && page::is_index_name(&entry.path) =>
            {
                Role::Free
            }
            None => Role::Lesson,
        })
        .collect();
    (kept, roles, outside)
}

impl Pages {
    /// Resolves the documents' links (see [`links::resolve_all`]). A page that is not
    /// studied but that a study page requires becomes a study page: the links are then
    /// resolved again, with it.
    fn resolve_links(
        &mut self,
        folders: &HashSet<String>,
        prefixes: &[(String, String)],
        origin: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Vec<DocId> {
        let mut first = Vec::new();
        match self.resolve_once(folders, prefixes, (origin, true), &mut first) {
            Ok(blocked) => {
                out.extend(first);
                blocked
            }
            Err(required) => {
                self.promote(&required);
                self.resolve_once(folders, prefixes, (origin, false), out)
                    .unwrap_or_default()
            }
        }
    }

    fn resolve_once(
        &mut self,
        folders: &HashSet<String>,
        prefixes: &[(String, String)],
        context: (&str, bool),
        out: &mut Vec<Diagnostic>,
    ) -> Result<Vec<DocId>, Vec<String>> {
        let known = KnownPages {
            broken: &self.other_pages.broken,
            other: &self.other_pages,
            folders,
            ids: &self.ids,
            prefixes,
        };
        links::resolve_all(&mut self.docs, &self.links, known, context, out)
    }

    /// Studies the required pages that are kept loose (hubs and pages without frontmatter),
    /// keeping the documents in path order.
    fn promote(&mut self, required: &[String]) {
        let promoted: HashSet<&str> = required
            .iter()
            .filter(|path| self.loose.contains_key(path.as_str()))
            .map(String::as_str)
            .collect();
        self.other_pages
            .index
            .retain(|known| !promoted.contains(known.as_str()));
        self.other_pages
            .plain
            .retain(|known| !promoted.contains(known.as_str()));
        for path in required {
            let Some(loose) = self.loose.remove(path) else {
                continue;
            };
            if let Page::Study(page) = page::loose_study(loose, path) {
                self.add_study(path.clone(), page);
            }
        }
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by(|&a, &b| self.docs[a].path.cmp(&self.docs[b].path));
        permute(&mut self.docs, &order);
        permute(&mut self.links.docs, &order);
        permute(&mut self.ids, &order);
        permute(&mut self.positions, &order);
    }

    /// The course's table: as the layout read it, or built from the folders; exercise
    /// pages are then folded into their lessons.
    fn toc_of(&mut self, layout: &Layout) -> Toc {
        if let Some(toc) = &layout.toc {
            return toc.clone();
        }
        let tree = Tree {
            base: &layout.base,
            kind: layout.kind,
            pages: self
                .docs
                .iter()
                .zip(&self.positions)
                .map(|(doc, sidebar)| (doc.path.as_str(), sidebar))
                .collect(),
            hub_titles: &self.index_titles,
            categories: &layout.categories,
        };
        let (toc, exercises) = toc_folders::order(&tree);
        self.fold_exercises(&exercises);
        toc
    }

    /// Adds each exercise page's time to its lesson's, and drops the exercise as a document.
    fn fold_exercises(&mut self, exercises: &[(String, String)]) {
        if exercises.is_empty() {
            return;
        }
        let by_path: HashMap<String, usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(index, doc)| (doc.path.clone(), index))
            .collect();
        let mut dropped = vec![false; self.docs.len()];
        for (exercise, lesson) in exercises {
            let (Some(&from), Some(&to)) = (by_path.get(exercise), by_path.get(lesson)) else {
                continue;
            };
            let minutes = self.docs[from].minutes;
            self.docs[to].minutes = self.docs[to].minutes.saturating_add(minutes);
            dropped[from] = true;
            // The fields counted are those of the documents that remain.
            self.used.estimated -= usize::from(self.docs[from].estimated);
            self.other_pages.exercises.push(exercise.clone());
        }
        let flags: Vec<bool> = dropped.iter().map(|dropped| !dropped).collect();
        retain_by(&mut self.docs, &flags);
        retain_by(&mut self.links.docs, &flags);
        retain_by(&mut self.ids, &flags);
        retain_by(&mut self.positions, &flags);
    }
}

/// The items in the given order of their positions.
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.iter().filter_map(|&index| slots[index].take()));
}

fn retain_by<T>(items: &mut Vec<T>, flags: &[bool]) {
    let mut position = 0;
    items.retain(|_| {
        position += 1;
        flags[position - 1]
    });
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
            if ownership == Ownership::Borrowed {
                // A folder of its own: read as found, whatever the embedded curriculum wants.
                resolved.reading.estimate = true;
                if resolved.sections.is_empty() {
                    resolved.name = folder_name(origin);
                    resolved.source_url = None;
                }
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
