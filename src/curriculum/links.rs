//! Resolving the links between pages: a prerequisite, soft prerequisite or next_recommended
//! entry, as written, to the document it names, with a message for every link that names
//! nothing usable. Links are written in many styles (see [`LinkResolver::find`]); the names
//! (stems, slugs, ids, titles) are indexed only when a link is not a path.

use super::page::name_of;
use super::source::{MAX_PATH_BYTES, display_path};
use super::written::{LinkAt, Links, Written};
use super::{Doc, DocId, OtherPages, closest};
use crate::diagnostic::Diagnostic;
use crate::words::count;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// What else the resolver needs to know of the curriculum.
#[derive(Clone, Copy)]
pub(crate) struct KnownPages<'a> {
    /// Pages that failed to parse (already reported).
    pub broken: &'a [String],
    pub other: &'a OtherPages,
    /// Every folder that holds a page.
    pub folders: &'a HashSet<String>,
    /// Per document, its own names for links (`id`, `slug`).
    pub ids: &'a [Vec<String>],
    /// The manifest's URL prefixes and the folders they stand for.
    pub prefixes: &'a [(String, String)],
}

/// Resolves every document's links and stores them in the documents. Returns the documents
/// that require a page with errors (they cannot be planned, and are left out), and the
/// pages that are not studied but that a study page requires, when there are any: the
/// caller studies those and resolves again (what was stored is then replaced).
pub(crate) fn resolve_all(
    docs: &mut [Doc],
    links: &Written,
    known: KnownPages<'_>,
    (origin, promote): (&str, bool),
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<DocId>, Vec<String>> {
    let mut blocked = Vec::new();
    // The paths and titles are lent to the resolver while it stores each document's links
    // as soon as they are resolved (no second copy of every document's links).
    let (paths, titles): (Vec<String>, Vec<String>) = docs
        .iter_mut()
        .map(|doc| {
            (
                std::mem::take(&mut doc.path),
                std::mem::take(&mut doc.title),
            )
        })
        .unzip();
    let mut required = {
        let index: HashMap<&str, DocId> = paths
            .iter()
            .enumerate()
            .map(|(i, path)| (path.as_str(), DocId(i)))
            .collect();
        let (broken, non_study) = pages_not_studied(&known);
        let mut resolver = LinkResolver {
            index: &index,
            paths: &paths,
            titles: &titles,
            broken: &broken,
            non_study: &non_study,
            known,
            names: OnceCell::new(),
            non_study_names: OnceCell::new(),
            origin,
            out,
            required: Vec::new(),
        };
        for (position, (doc, &written)) in docs.iter_mut().zip(&links.docs).enumerate() {
            let fields = [0, 1, 2].map(|field| links.of(written, field));
            resolver.store(doc, DocId(position), fields, &mut blocked);
        }
        resolver.required
    };
    for (doc, (path, title)) in docs.iter_mut().zip(paths.into_iter().zip(titles)) {
        (doc.path, doc.title) = (path, title);
    }
    if promote && !required.is_empty() {
        required.sort();
        required.dedup();
        return Err(required);
    }
    Ok(blocked)
}

/// The pages that failed to parse, and the other pages that are not studied.
fn pages_not_studied<'a>(known: &KnownPages<'a>) -> (HashSet<&'a str>, HashSet<&'a str>) {
    let broken = known.broken.iter().map(String::as_str).collect();
    let non_study = known
        .other
        .index
        .iter()
        .chain(&known.other.reference)
        .chain(&known.other.plain)
        .map(String::as_str)
        .collect();
    (broken, non_study)
}

/// Which of a page's link fields a link is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Prerequisites,
    Soft,
    Next,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Prerequisites | Field::Soft => "prerequisites",
            Field::Next => "next_recommended",
        }
    }
}

/// A link target cleaned: no scheme and host, no `?query` or `#anchor`, `\` as `/`.
fn clean_target(target: &str) -> &str {
    let target = target.trim();
    // Most links are plain paths.
    if !target
        .bytes()
        .any(|byte| matches!(byte, b':' | b'#' | b'?'))
    {
        return target;
    }
    let target = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
        None => target,
    };
    let end = target.find(['#', '?']).unwrap_or(target.len());
    target[..end].trim()
}

/// A link target as a root-relative path: no `./`, no `#anchor`, `..` resolved, no leading
/// or trailing `/`. `None` when it climbs out of the root.
fn normalize_link(target: &str) -> Option<String> {
    // Most links are already clean: no anchor, no backslash, no `.` or empty segment.
    let clean = !target.is_empty()
        && !target.contains(['#', '\\', ' ', '?'])
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
    resolve_dots(&target)
}

/// A `/`-separated path with `.`, `..` and empty segments resolved; `None` when it climbs out
/// of the root.
pub(crate) fn resolve_dots(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
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

/// The page a path may name: itself, with `.md`, or the index page of the folder it names.
fn page_candidates(path: &str) -> impl Iterator<Item = String> + '_ {
    let folder = (!path.is_empty()).then_some(path);
    let as_page = (!path.is_empty()).then(|| path.to_string());
    let with_md = (!path.is_empty() && !path.to_ascii_lowercase().ends_with(".md"))
        .then(|| format!("{path}.md"));
    as_page.into_iter().chain(with_md).chain(
        ["_index.md", "index.md", "README.md", "readme.md"]
            .into_iter()
            .map(move |name| match folder {
                Some(folder) => format!("{folder}/{name}"),
                None => name.to_string(),
            }),
    )
}

/// A resolved link and the line it was written on.
type LinkedDoc = (DocId, Option<usize>);

/// The name keys of the documents: stems, slugs (stems without a `NN-` number), ids and
/// titles, lowercase, each with the documents that have it.
type Names = HashMap<String, Vec<DocId>>;

/// A page's stem without its number: "01-css-fundamentals" -> "css-fundamentals".
fn slug_of(stem: &str) -> &str {
    super::folders::numbered(stem).map_or(stem, |(_, slug)| slug)
}

/// What a link calls a page: an index page by its folder, another page by its path without
/// the extension.
fn named_as(page: &str) -> &str {
    match super::page::is_index_name(page) {
        true => page.rsplit_once('/').map_or("", |(folder, _)| folder),
        false => page.rsplit_once('.').map_or(page, |(stem, _)| stem),
    }
}

struct LinkResolver<'a> {
    index: &'a HashMap<&'a str, DocId>,
    /// Every document path, in order, for deterministic suggestions.
    paths: &'a [String],
    titles: &'a [String],
    /// Pages that failed to parse (already reported).
    broken: &'a HashSet<&'a str>,
    non_study: &'a HashSet<&'a str>,
    known: KnownPages<'a>,
    /// Built at the first link that is not a path.
    names: OnceCell<Names>,
    /// The pages not studied, by the last name of what a link calls them (see
    /// [`LinkResolver::non_study_at`]).
    non_study_names: OnceCell<HashMap<&'a str, Vec<&'a str>>>,
    origin: &'a str,
    out: &'a mut Vec<Diagnostic>,
    /// Pages that are not studied but that a study page requires.
    required: Vec<String>,
}

/// What a link names.
enum Found {
    Doc(DocId),
    /// A name several documents have: the nearest, and how many there were.
    Nearest(DocId, Vec<DocId>),
}

impl LinkResolver<'_> {
    /// Stores a document's links resolved: its hard prerequisites with their lines, its soft
    /// ones and what it recommends next, each list no longer than it needs; `from` joins
    /// `blocked` when it requires a page with errors.
    fn store(
        &mut self,
        doc: &mut Doc,
        from: DocId,
        [hard, soft, next]: [Links<'_>; 3],
        blocked: &mut Vec<DocId>,
    ) {
        let (hard, needs_broken) = self.resolve(from, Field::Prerequisites, hard);
        if needs_broken {
            blocked.push(from);
        }
        // Built at their exact sizes (`collect` and `unzip` may keep room for more).
        let ids = |linked: &[LinkedDoc]| -> Vec<DocId> {
            let mut ids = Vec::with_capacity(linked.len());
            ids.extend(linked.iter().map(|&(id, _)| id));
            ids
        };
        let mut lines = Vec::with_capacity(hard.len());
        lines.extend(hard.iter().map(|&(_, line)| line));
        (doc.prerequisites, doc.prerequisite_lines) = (ids(&hard), lines);
        doc.soft_prerequisites = ids(&self.resolve(from, Field::Soft, soft).0);
        doc.next_recommended = ids(&self.resolve(from, Field::Next, next).0);
    }

    /// Resolves the links of one field, and whether one of them names a page with errors.
    /// Problems with prerequisites are errors (`validate` fails); the link is left out and the
    /// page stays plannable. Soft and next_recommended links are hints: only warnings.
    fn resolve(&mut self, from: DocId, field: Field, links: Links<'_>) -> (Vec<LinkedDoc>, bool) {
        let mut ids: Vec<LinkedDoc> = Vec::with_capacity(links.len());
        let mut needs_broken = false;
        // Links per page are few and bounded, so the repeat check is a scan.
        for (position, link) in links.iter().enumerate() {
            if links
                .iter()
                .take(position)
                .any(|earlier| earlier.target == link.target)
            {
                continue;
            }
            let problem = match self.find(from, link) {
                Ok(Found::Doc(id)) if id == from => Unusable::Broken(
                    format!("'{}' is this page itself; link ignored", link.target),
                    None,
                ),
                Ok(Found::Doc(id)) => {
                    if !ids.iter().any(|(known, _)| *known == id) {
                        ids.push((id, link.line));
                    }
                    continue;
                }
                Ok(Found::Nearest(id, all)) => {
                    let warning = self.ambiguity(from, link, id, &all);
                    self.out.push(warning.field(field.name()));
                    if id != from && !ids.iter().any(|(known, _)| *known == id) {
                        ids.push((id, link.line));
                    }
                    continue;
                }
                Err(problem) => problem,
            };
            needs_broken |=
                matches!(problem, Unusable::NeedsBroken(_)) && field == Field::Prerequisites;
            if let (Unusable::NonStudy(path), Field::Prerequisites) = (&problem, field) {
                self.required.push(path.clone());
            }
            self.report(from, field, link, problem);
        }
        (ids, needs_broken)
    }

    fn report(&mut self, from: DocId, field: Field, link: LinkAt<'_>, problem: Unusable) {
        let file = display_path(self.origin, &self.paths[from.0]);
        let diagnostic = match problem {
            Unusable::NonStudy(path) => {
                Diagnostic::warning(format!("'{path}' is not a study document; link ignored"))
            }
            Unusable::NeedsBroken(message) if field == Field::Prerequisites => {
                Diagnostic::error(message)
                    .help("this page is left out of plans until that one is fixed")
            }
            Unusable::NeedsBroken(message) => Diagnostic::warning(message),
            Unusable::Broken(message, help) => {
                let diagnostic = if field == Field::Prerequisites {
                    Diagnostic::error(message)
                } else {
                    Diagnostic::warning(message)
                };
                match help {
                    Some(help) => diagnostic.help(help),
                    None => diagnostic,
                }
            }
        };
        self.out
            .push(diagnostic.file(file).line(link.line).field(field.name()));
    }

    fn ambiguity(&self, from: DocId, link: LinkAt<'_>, chosen: DocId, all: &[DocId]) -> Diagnostic {
        let listed: Vec<&str> = all
            .iter()
            .take(4)
            .map(|id| self.paths[id.0].as_str())
            .collect();
        let more = if all.len() > listed.len() {
            ", ..."
        } else {
            ""
        };
        Diagnostic::warning(format!(
            "'{}' names {} ({}{more}); using the nearest, '{}'",
            link.target,
            count(all.len(), "page"),
            listed.join(", "),
            self.paths[chosen.0]
        ))
        .file(display_path(self.origin, &self.paths[from.0]))
        .line(link.line)
        .help("write the path to say which one")
    }

    /// The document a link from `from` names, or why it names none. In order: a path from
    /// the root, or from the citing page when it starts with `./` or `../` (a page, the page
    /// with `.md`, or a folder's index page); a root path whose leading segments are no
    /// folder (a site URL such as `/learn/css/intro`); a path from the citing page's folder;
    /// then a name: a file stem, a slug without its number, an `id`, a `slug` or a title.
    fn find(&self, from: DocId, link: LinkAt<'_>) -> Result<Found, Unusable> {
        let written = link.target;
        if written.len() > MAX_PATH_BYTES {
            return Err(Unusable::Broken(
                format!(
                    "a link of {} bytes, longer than the limit of {MAX_PATH_BYTES}",
                    written.len()
                ),
                None,
            ));
        }
        let target = self.mapped(clean_target(written));
        let folder = self.paths[from.0]
            .rsplit_once('/')
            .map_or("", |(folder, _)| folder);
        let relative = target.starts_with("./") || target.starts_with("../");
        let rooted = target.starts_with('/');
        let outside = || {
            Unusable::Broken(
                format!("'{written}' points outside the curriculum folder"),
                Some(
                    "links are paths from the curriculum root, or from the page with ./ or ../"
                        .to_string(),
                ),
            )
        };
        if relative {
            let path = normalize_link(&format!("{folder}/{target}")).ok_or_else(outside)?;
            return self
                .at_path(&path)?
                .map(Found::Doc)
                .ok_or_else(|| self.dangling(written, &path));
        }
        let Some(path) = normalize_link(&target) else {
            return Err(outside());
        };
        if let Some(id) = self.at_path(&path)? {
            return Ok(Found::Doc(id));
        }
        if let Some(id) = self.under_site_prefix(&path)? {
            return Ok(Found::Doc(id));
        }
        if !rooted
            && !folder.is_empty()
            && let Some(near) = normalize_link(&format!("{folder}/{path}"))
            && let Some(id) = self.at_path(&near)?
        {
            return Ok(Found::Doc(id));
        }
        self.by_name(from, &target, &path)
            .ok_or_else(|| self.dangling(written, &path))
    }

    /// The target with a manifest URL prefix replaced by its folder.
    fn mapped<'t>(&self, target: &'t str) -> std::borrow::Cow<'t, str> {
        for (prefix, folder) in self.known.prefixes {
            if let Some(rest) = target.strip_prefix(prefix.as_str()) {
                let rest = rest.trim_start_matches('/');
                return match folder.trim_matches('/') {
                    "" => format!("/{rest}").into(),
                    folder => format!("/{folder}/{rest}").into(),
                };
            }
        }
        target.into()
    }

    /// The document at a root-relative path, if one is there; an error when the page there
    /// has errors or is not studied.
    fn at_path(&self, path: &str) -> Result<Option<DocId>, Unusable> {
        if let Some(&id) = self.index.get(path) {
            return Ok(Some(id));
        }
        if path.is_empty() {
            return Ok(None);
        }
        for candidate in page_candidates(path) {
            if let Some(&id) = self.index.get(candidate.as_str()) {
                return Ok(Some(id));
            }
            if self.broken.contains(candidate.as_str()) {
                return Err(Unusable::NeedsBroken(format!(
                    "'{candidate}' has errors (reported above), so it cannot be used here"
                )));
            }
            if self.non_study.contains(candidate.as_str()) {
                return Err(Unusable::NonStudy(candidate));
            }
        }
        Ok(None)
    }

    /// A site URL: the path with its leading segments dropped while they are no folder at the
    /// root (`/learn/css/intro` in a curriculum whose root holds `css/`).
    fn under_site_prefix(&self, path: &str) -> Result<Option<DocId>, Unusable> {
        let mut rest = path;
        while let Some((first, after)) = rest.split_once('/') {
            if self.known.folders.contains(first) {
                return Ok(None);
            }
            rest = after;
            if let Some(id) = self.at_path(rest)? {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// A document by name: its last path segment as a stem, slug or id, or the whole text as a
    /// title. Several: the nearest to the citing page.
    fn by_name(&self, from: DocId, target: &str, path: &str) -> Option<Found> {
        let names = self.names.get_or_init(|| self.build_names());
        let last = path.rsplit('/').next().unwrap_or(path);
        let last = last.strip_suffix(".md").unwrap_or(last).to_lowercase();
        let title = target.trim().trim_matches('/').to_lowercase();
        let found = names
            .get(&last)
            .or_else(|| names.get(slug_of(&last)))
            .or_else(|| names.get(&title))?;
        let others: Vec<DocId> = found.iter().copied().filter(|&id| id != from).collect();
        match others.as_slice() {
            [] => Some(Found::Doc(from)),
            [id] => Some(Found::Doc(*id)),
            _ => Some(Found::Nearest(self.nearest(from, &others), others)),
        }
    }

    /// The candidate sharing the most leading folders with the citing page; the first in path
    /// order among equals.
    fn nearest(&self, from: DocId, candidates: &[DocId]) -> DocId {
        let shared = |id: DocId| {
            self.paths[from.0]
                .split('/')
                .zip(self.paths[id.0].split('/'))
                .take_while(|(a, b)| a == b)
                .count()
        };
        let mut best = candidates[0];
        for &id in &candidates[1..] {
            if shared(id) > shared(best) {
                best = id;
            }
        }
        best
    }

    /// The one page that is not studied whose path ends as the link's does (a site path such
    /// as `topics/redux-intro/` names `content/topics/redux-intro/_index.md`).
    fn non_study_at(&self, path: &str) -> Option<String> {
        let wanted = path.trim_matches('/');
        let wanted = wanted.strip_suffix(".md").unwrap_or(wanted);
        let last = wanted.rsplit('/').next().filter(|last| !last.is_empty())?;
        // Indexed by their last name at the first such link: a link that names nothing is
        // rare, and a course may hold many pages that are not studied.
        let by_name = self.non_study_names.get_or_init(|| {
            let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
            for page in self.non_study.iter().copied() {
                let name = named_as(page).rsplit('/').next().unwrap_or(page);
                by_name.entry(name).or_default().push(page);
            }
            by_name
        });
        let ends = |page: &&str| {
            let named = named_as(page);
            named
                .strip_suffix(wanted)
                .is_some_and(|before| before.is_empty() || before.ends_with('/'))
        };
        let mut found = by_name.get(last)?.iter().filter(|page| ends(page));
        match (found.next(), found.next()) {
            (Some(page), None) => Some(page.to_string()),
            _ => None,
        }
    }

    fn build_names(&self) -> Names {
        let mut names: Names = HashMap::new();
        let mut add = |key: String, id: DocId| {
            let ids = names.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for (position, path) in self.paths.iter().enumerate() {
            let id = DocId(position);
            let name = name_of(path).to_lowercase();
            add(slug_of(&name).to_string(), id);
            add(name, id);
            for own in &self.known.ids[position] {
                add(own.trim().to_lowercase(), id);
            }
            add(self.titles[position].trim().to_lowercase(), id);
        }
        names
    }

    fn dangling(&self, written: &str, path: &str) -> Unusable {
        if let Some(page) = self.non_study_at(path) {
            return Unusable::NonStudy(page);
        }
        let suggestion = closest(path, self.paths.iter().map(String::as_str)).map(str::to_string);
        Unusable::Broken(
            format!("'{written}' names no document; link ignored"),
            suggestion.map(|suggestion| format!("did you mean '{suggestion}'?")),
        )
    }
}

/// Why a link names no document: a problem (an error for a prerequisite, a warning for a
/// hint), with a help line; a link to a page with errors; or a link to a page that is not
/// studied, only warned about.
enum Unusable {
    Broken(String, Option<String>),
    NeedsBroken(String),
    /// A page that is there but not studied (its path).
    NonStudy(String),
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
