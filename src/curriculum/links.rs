//! Resolving the links between pages: a prerequisite or next_recommended entry, as written,
//! to the document it names, with a message for every link that names nothing usable.

use super::page::Link;
use super::source::{MAX_PATH_BYTES, display_path};
use super::{Doc, DocId, OtherPages, closest};
use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};

/// The pages that are not study documents, for messages about links to them.
#[derive(Clone, Copy)]
pub(crate) struct KnownPages<'a> {
    /// Pages that failed to parse (already reported).
    pub broken: &'a [String],
    pub other: &'a OtherPages,
}

/// Resolves every document's links and stores them in the documents.
pub(crate) fn resolve_all(
    docs: &mut [Doc],
    links: Vec<(Vec<Link>, Vec<Link>)>,
    known: KnownPages<'_>,
    origin: &str,
    out: &mut Vec<Diagnostic>,
) {
    // Resolved while the index borrows the paths, then stored in the documents.
    let resolved: Vec<(Vec<LinkedDoc>, Vec<DocId>)> = {
        let paths: Vec<&str> = docs.iter().map(|doc| doc.path.as_str()).collect();
        let index: HashMap<&str, DocId> = paths
            .iter()
            .enumerate()
            .map(|(i, path)| (*path, DocId(i)))
            .collect();
        let broken: HashSet<&str> = known.broken.iter().map(String::as_str).collect();
        let non_study: HashSet<&str> = known
            .other
            .index
            .iter()
            .chain(&known.other.reference)
            .chain(&known.other.plain)
            .map(String::as_str)
            .collect();
        let mut resolver = LinkResolver {
            index: &index,
            paths: &paths,
            broken: &broken,
            non_study: &non_study,
            origin,
            out,
        };
        docs.iter()
            .zip(links)
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
    for (doc, (prerequisites, next_recommended)) in docs.iter_mut().zip(resolved) {
        (doc.prerequisites, doc.prerequisite_lines) = prerequisites.into_iter().unzip();
        doc.next_recommended = next_recommended;
    }
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
        // Links per page are few and bounded, so the repeat check is a scan.
        for (position, link) in links.iter().enumerate() {
            if links[..position]
                .iter()
                .any(|earlier| earlier.target == link.target)
            {
                continue;
            }
            match self.find(from, link) {
                Ok(id) if !ids.iter().any(|(known, _)| *known == id) => ids.push((id, link.line)),
                Ok(_) => {}
                Err(Unusable::Ignored(message)) => self.out.push(
                    Diagnostic::warning(message)
                        .file(display_path(self.origin, from))
                        .line(link.line)
                        .field(field),
                ),
                Err(Unusable::Broken(message, help)) => {
                    let diagnostic = if required {
                        Diagnostic::error(message)
                    } else {
                        Diagnostic::warning(message)
                    };
                    let mut diagnostic = diagnostic
                        .file(display_path(self.origin, from))
                        .line(link.line)
                        .field(field);
                    if let Some(help) = help {
                        diagnostic = diagnostic.help(help);
                    }
                    self.out.push(diagnostic);
                }
            }
        }
        ids
    }

    /// The document a link from `from` names, or why it names none.
    fn find(&self, from: &str, link: &Link) -> Result<DocId, Unusable> {
        let target = &link.target;
        if target.len() > MAX_PATH_BYTES {
            return Err(Unusable::Broken(
                format!(
                    "a link of {} bytes, longer than the limit of {MAX_PATH_BYTES}",
                    target.len()
                ),
                None,
            ));
        }
        let Some(path) = normalize_link(target) else {
            return Err(Unusable::Broken(
                format!("'{target}' points outside the curriculum folder"),
                Some("links are paths relative to the curriculum root".to_string()),
            ));
        };
        if let Some(&id) = self.index.get(path.as_str()) {
            return Ok(id);
        }
        if self.broken.contains(path.as_str()) {
            return Err(Unusable::Broken(
                format!("'{target}' has errors (reported above), so it cannot be used here"),
                None,
            ));
        }
        if self.non_study.contains(path.as_str()) {
            return Err(Unusable::Ignored(format!(
                "'{target}' is not a study document (no estimated_time); link ignored"
            )));
        }
        let relative = from
            .rsplit_once('/')
            .and_then(|(folder, _)| normalize_link(&format!("{folder}/{target}")))
            .filter(|candidate| self.index.contains_key(candidate.as_str()));
        let suggestion =
            relative.or_else(|| closest(&path, self.paths.iter().copied()).map(str::to_string));
        Err(Unusable::Broken(
            format!("'{target}' names no document"),
            suggestion.map(|suggestion| {
                format!("did you mean '{suggestion}'? (paths are relative to the curriculum root)")
            }),
        ))
    }
}

/// Why a link names no document: a problem (an error for a prerequisite, a warning for a
/// hint), with a help line; or a link to a page that is not studied, only warned about.
enum Unusable {
    Broken(String, Option<String>),
    Ignored(String),
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
