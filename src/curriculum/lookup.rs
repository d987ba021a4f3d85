//! Finding documents, specializations and roles by the names people type, and suggesting the
//! closest one when a name matches nothing.

use super::page::file_stem;
use super::{Curriculum, DocId, RoleId, SpecId};
use crate::error::{Error, Kind};
use std::collections::HashMap;

/// Lowercase words separated by single spaces, each without a plural `s`, so that
/// "Storage Engineers" and "storage engineer" are the same name.
pub fn normalize_name(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let word = word.to_lowercase();
            match word.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_string(),
                _ => word,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The candidate most like `query`, if any is alike enough to be worth suggesting.
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let query = query.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(&query, &candidate.to_lowercase())
            .max(strsim::jaro_winkler(&query, &candidate.to_lowercase()) - 0.15);
        if score >= 0.6 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The path without its `.md` extension, whatever its case (`Intro.MD` is a page too).
fn without_md(path: &str) -> &str {
    match path.len().checked_sub(3) {
        Some(cut) if path.is_char_boundary(cut) && path[cut..].eq_ignore_ascii_case(".md") => {
            &path[..cut]
        }
        _ => path,
    }
}

/// The folder of a lesson's own page (`5-types/article.md`, `setup/index.md`): its name names
/// the page too.
fn lesson_folder(path: &str) -> Option<&str> {
    let folder = own_page_folder(path)?;
    Some(folder.rsplit('/').next().unwrap_or(folder))
}

/// The whole path of the folder a lesson's own page opens.
fn own_page_folder(path: &str) -> Option<&str> {
    let (folder, _) = path.rsplit_once('/')?;
    super::toc::folders::is_own_page(path).then_some(folder)
}

/// A typed document name as paths are written: without surrounding spaces or a leading `./`,
/// with `/` separators.
fn spelled(name: &str) -> String {
    name.trim().trim_start_matches("./").replace('\\', "/")
}

/// The names [`Curriculum::find_doc`] accepts, indexed, for looking up many names at once (a
/// progress file may hold 100,000 entries): a name finds what `find_doc` finds, or nothing
/// where `find_doc` would fail, without building the error's suggestions.
pub struct DocNames<'a> {
    /// Paths without `.md`.
    exact: HashMap<&'a str, DocId>,
    stems: HashMap<&'a str, Vec<DocId>>,
    /// Every end of a path (without `.md`) that starts after a `/`.
    suffixes: HashMap<&'a str, Vec<DocId>>,
}

impl DocNames<'_> {
    pub fn find(&self, name: &str) -> Option<DocId> {
        let wanted = spelled(name);
        let wanted = without_md(&wanted);
        if let Some(&id) = self.exact.get(wanted) {
            return Some(id);
        }
        let matches = match self.stems.get(wanted) {
            Some(by_stem) => by_stem,
            None => self.suffixes.get(wanted)?,
        };
        match matches.as_slice() {
            [id] => Some(*id),
            _ => None,
        }
    }
}

impl Curriculum {
    /// The index behind [`DocNames::find`].
    pub fn doc_names(&self) -> DocNames<'_> {
        let mut names = DocNames {
            exact: HashMap::new(),
            stems: HashMap::new(),
            suffixes: HashMap::new(),
        };
        for id in self.ids() {
            let path = self.doc(id).path.as_str();
            names.stems.entry(file_stem(path)).or_default().push(id);
            if let Some(folder) = lesson_folder(path) {
                names.stems.entry(folder).or_default().push(id);
            }
            let base = without_md(path);
            names.exact.entry(base).or_insert(id);
            if let Some(folder) = own_page_folder(path) {
                names.exact.entry(folder).or_insert(id);
            }
            for (slash, _) in base.match_indices('/') {
                names
                    .suffixes
                    .entry(&base[slash + 1..])
                    .or_default()
                    .push(id);
            }
        }
        names
    }

    /// The documents a `--target` names: a folder (its path, or a unique folder name) and
    /// every document under it, else one document as [`Curriculum::find_doc`] finds it.
    pub fn find_target(&self, name: &str) -> Result<Vec<DocId>, Error> {
        let wanted = spelled(name);
        let wanted = wanted.trim_matches('/');
        let under = |folder: &str| -> Vec<DocId> {
            let prefix = format!("{folder}/");
            self.ids()
                .filter(|&id| self.doc(id).path.starts_with(&prefix))
                .collect()
        };
        if !wanted.is_empty() {
            let exact = under(wanted);
            if !exact.is_empty() {
                return Ok(exact);
            }
            // Folders whose own name is the one given, at any depth.
            let mut named: Vec<&str> = self
                .docs
                .iter()
                .flat_map(|doc| {
                    doc.path
                        .match_indices('/')
                        .map(|(end, _)| &doc.path[..end])
                        .filter(|folder| {
                            folder.rsplit('/').next() == Some(wanted) && *folder != wanted
                        })
                })
                .collect();
            named.sort();
            named.dedup();
            if let [folder] = named.as_slice() {
                return Ok(under(folder));
            }
        }
        match self.find_doc_by_path(name) {
            Err(Error::UnknownDoc { .. }) if let Some(found) = self.find_titled(name) => Ok(found),
            found => found.map(|id| vec![id]),
        }
    }

    /// The documents a title names: a part's, a section's (a chapter's) or one document's,
    /// compared as [`normalize_name`] spells them.
    fn find_titled(&self, name: &str) -> Option<Vec<DocId>> {
        let wanted = normalize_name(name);
        if wanted.is_empty() {
            return None;
        }
        let same = |title: &str| normalize_name(title) == wanted;
        let in_part: Vec<DocId> = self
            .sections
            .iter()
            .filter(|section| !section.part.is_empty() && same(&section.part))
            .flat_map(|section| section.docs.iter().copied())
            .collect();
        if !in_part.is_empty() {
            return Some(in_part);
        }
        if let Some(section) = self.sections.iter().find(|section| same(&section.title)) {
            return Some(section.docs.clone());
        }
        self.titled_doc(name).map(|id| vec![id])
    }

    /// The one document titled `name` (as [`normalize_name`] spells titles), if one is.
    fn titled_doc(&self, name: &str) -> Option<DocId> {
        let wanted = normalize_name(name);
        let mut titled = self
            .ids()
            .filter(|&id| !wanted.is_empty() && normalize_name(&self.doc(id).title) == wanted);
        match (titled.next(), titled.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }

    /// Finds a document by full path, path without `.md`, unique file stem or unique suffix,
    /// else by its title when one document has it.
    pub fn find_doc(&self, name: &str) -> Result<DocId, Error> {
        match self.find_doc_by_path(name) {
            Err(Error::UnknownDoc { .. }) if let Some(id) = self.titled_doc(name) => Ok(id),
            found => found,
        }
    }

    /// [`Curriculum::find_doc`] without titles.
    fn find_doc_by_path(&self, name: &str) -> Result<DocId, Error> {
        let wanted = spelled(name);
        let wanted = without_md(&wanted);
        let exact = self.ids().find(|&id| {
            let path = &self.doc(id).path;
            without_md(path) == wanted || own_page_folder(path) == Some(wanted)
        });
        if let Some(id) = exact {
            return Ok(id);
        }
        let by_stem: Vec<DocId> = self
            .ids()
            .filter(|&id| {
                let path = &self.doc(id).path;
                file_stem(path) == wanted || lesson_folder(path) == Some(wanted)
            })
            .collect();
        let suffix = format!("/{wanted}");
        let by_suffix: Vec<DocId> = self
            .ids()
            .filter(|&id| without_md(&self.doc(id).path).ends_with(&suffix))
            .collect();
        let matches = if by_stem.is_empty() {
            by_suffix
        } else {
            by_stem
        };
        match matches.as_slice() {
            [id] => Ok(*id),
            [] => Err(Error::UnknownDoc {
                name: name.to_string(),
                candidates: self.doc_candidates(wanted),
            }),
            many => Err(Error::Ambiguous {
                kind: Kind::Document,
                name: name.to_string(),
                candidates: many.iter().map(|&id| self.doc(id).path.clone()).collect(),
            }),
        }
    }

    /// What someone who typed `wanted` may have meant: the paths that contain it (when there
    /// are at most five), else the closest path or file name.
    fn doc_candidates(&self, wanted: &str) -> Vec<String> {
        let lower = wanted.to_lowercase();
        let containing: Vec<&str> = self
            .docs
            .iter()
            .map(|doc| doc.path.as_str())
            .filter(|path| path.to_lowercase().contains(&lower))
            .collect();
        if !containing.is_empty() && containing.len() <= 5 {
            return containing.into_iter().map(str::to_string).collect();
        }
        closest(
            wanted,
            self.docs
                .iter()
                .flat_map(|doc| [doc.path.as_str(), file_stem(&doc.path)]),
        )
        .map(|path| vec![path.to_string()])
        .unwrap_or_default()
    }

    /// Finds every named document; the first name that matches nothing (or too much) fails.
    /// Empty names (from a trailing or doubled comma) are passed over.
    pub fn find_docs(&self, names: &[String]) -> Result<Vec<DocId>, Error> {
        names
            .iter()
            .filter(|name| !name.trim().is_empty())
            .map(|name| self.find_doc(name))
            .collect()
    }

    /// Finds a specialization by section id ("3.2"), folder, or words of its title.
    pub fn find_specialization(&self, name: &str) -> Result<SpecId, Error> {
        let wanted = name.trim().trim_matches('/');
        let query = normalize_name(wanted);
        let mut matches: Vec<SpecId> = Vec::new();
        for index in self.spec_ids() {
            let section = self.specialization_section(index);
            let by_id_or_folder = section.id == wanted
                || section
                    .folders
                    .iter()
                    .any(|folder| folder == wanted || folder.rsplit('/').next() == Some(wanted));
            if by_id_or_folder {
                return Ok(index);
            }
            let title = format!(" {} ", normalize_name(&section.title));
            if !query.is_empty() && title.contains(&format!(" {query} ")) {
                matches.push(index);
            }
        }
        let described = |index: &SpecId| self.specialization_section(*index).label();
        match matches.as_slice() {
            [index] => Ok(*index),
            [] => {
                let known: Vec<String> = self.spec_ids().map(|i| described(&i)).collect();
                Err(Error::UnknownSpecialization {
                    name: name.to_string(),
                    suggestion: closest(wanted, known.iter().map(String::as_str))
                        .map(str::to_string),
                    known,
                })
            }
            many => Err(Error::Ambiguous {
                kind: Kind::Specialization,
                name: name.to_string(),
                candidates: many.iter().map(described).collect(),
            }),
        }
    }

    /// Finds a role by name or alias, ignoring case and plurals.
    pub fn find_role(&self, name: &str) -> Result<RoleId, Error> {
        let query = normalize_name(name);
        let found = self.roles.iter().position(|role| {
            std::iter::once(&role.name)
                .chain(&role.aliases)
                .any(|alias| normalize_name(alias) == query)
        });
        if let Some(index) = found {
            return Ok(RoleId(index));
        }
        let names: Vec<(&str, &str)> = self
            .roles
            .iter()
            .flat_map(|role| {
                std::iter::once(role.name.as_str())
                    .chain(role.aliases.iter().map(String::as_str))
                    .map(move |alias| (alias, role.name.as_str()))
            })
            .collect();
        let suggestion = closest(name, names.iter().map(|(alias, _)| *alias))
            .and_then(|alias| names.iter().find(|(a, _)| *a == alias))
            .map(|(_, role)| role.to_string());
        Err(Error::UnknownRole {
            name: name.to_string(),
            suggestion,
            known: self.roles.iter().map(|role| role.name.clone()).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds exactly what `find_doc` finds, for every spelling of every document and
    /// for ambiguous, partial and unknown names.
    #[test]
    fn doc_names_agree_with_find_doc() {
        let page = b"---\nestimated_time: \"10 min\"\n---\n# T\n".to_vec();
        let paths = [
            "a/x.md",
            "b/x.md",
            "a/b/y.md",
            "c/a/b/y.md",
            "d/only.md",
            "e/UPPER.MD",
            "y.md",
        ];
        let files = paths
            .iter()
            .map(|p| (p.to_string(), page.clone()))
            .collect();
        let source = crate::Source::Memory(std::sync::Arc::new(files));
        let curriculum = crate::open(&source).unwrap().curriculum;
        let names = curriculum.doc_names();
        let mut queries: Vec<String> = ["", ".md", "x", "y", "b/y", "a/b/y", "nothing", " only "]
            .iter()
            .map(|q| q.to_string())
            .collect();
        for path in paths {
            let base = path.strip_suffix(".md").unwrap_or(path);
            queries.extend([
                path.to_string(),
                base.to_string(),
                format!("./{path}"),
                path.replace('/', "\\"),
                file_stem(path).to_string(),
            ]);
            queries.extend(
                base.match_indices('/')
                    .map(|(i, _)| base[i + 1..].to_string()),
            );
        }
        for query in &queries {
            assert_eq!(
                names.find(query),
                curriculum.find_doc(query).ok(),
                "{query:?}"
            );
        }
        assert_eq!(
            names
                .find("./a/b/y")
                .map(|id| curriculum.doc(id).path.as_str()),
            Some("a/b/y.md")
        );
    }

    #[test]
    fn names_ignore_case_plural_and_punctuation() {
        assert_eq!(normalize_name("Storage Engineers"), "storage engineer");
        assert_eq!(normalize_name("  SDN   engineers "), "sdn engineer");
        assert_eq!(
            normalize_name("low-level optimization"),
            "low level optimization"
        );
        assert_eq!(normalize_name("class"), "class");
    }

    #[test]
    fn closest_finds_a_typo_and_ignores_noise() {
        let names = ["storage engineer", "storage", "network engineer"];
        assert_eq!(closest("storge", names), Some("storage"));
        assert_eq!(closest("networ engineer", names), Some("network engineer"));
        assert_eq!(closest("zzzz", names), None);
    }
}
