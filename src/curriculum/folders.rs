//! Sections for a curriculum whose manifest names none: each folder that directly holds study
//! documents is one, in path order, titled by its index page or after its name.

use super::{Doc, Section};
use std::collections::{BTreeSet, HashMap};

/// The sections of the folders holding `docs` (their documents are assigned later). Ids are
/// 1, 2, 3... in path order; the root's section, if it has documents, takes the curriculum's
/// name.
pub(crate) fn sections(
    docs: &[Doc],
    index_titles: &HashMap<String, String>,
    curriculum_name: &str,
) -> Vec<Section> {
    let folders: BTreeSet<&str> = docs.iter().map(folder_of).collect();
    // The title of each folder's index page, where that page is itself studied: one pass,
    // not a search of every page for every folder.
    let mut studied_index: HashMap<&str, &str> = HashMap::new();
    for doc in docs
        .iter()
        .filter(|doc| super::page::is_index_name(&doc.path))
    {
        studied_index.entry(folder_of(doc)).or_insert(&doc.title);
    }
    folders
        .into_iter()
        .enumerate()
        .map(|(position, folder)| Section {
            id: (position + 1).to_string(),
            title: index_titles
                .get(folder)
                .cloned()
                .or_else(|| studied_index.get(folder).map(|title| title.to_string()))
                .unwrap_or_else(|| match folder {
                    "" => curriculum_name.to_string(),
                    folder => title_from_name(folder.rsplit('/').next().unwrap_or(folder)),
                }),
            part: String::new(),
            folders: vec![folder.to_string()],
            claimed_time: None,
            claimed_minutes: None,
            prerequisite_label: None,
            docs: Vec::new(),
            defined_at: None,
        })
        .collect()
}

/// The folder of a page: its path up to the last `/`; "" at the root.
fn folder_of(doc: &Doc) -> &str {
    doc.path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// A name's leading number and what follows its separator (`-`, `_`, `.` or a space), when
/// it has both: `05-types` -> (5, "types"); `2024` and `3d-printing` have none. The one rule
/// for numbered names: a course's order, titles and link slugs all read names by it.
pub fn numbered(name: &str) -> Option<(u64, &str)> {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = name[digits..].strip_prefix(['-', '_', '.', ' '])?;
    if digits == 0 || digits > 18 || rest.is_empty() {
        return None;
    }
    Some((name[..digits].parse().ok()?, rest))
}

/// A folder's name as a title: "02_css-layout" -> "Css layout".
pub fn title_from_name(name: &str) -> String {
    let rest = numbered(name).map_or(name, |(_, rest)| rest);
    let words = rest.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::title_from_name;

    #[test]
    fn folder_names_become_titles() {
        assert_eq!(title_from_name("02_css-layout"), "Css layout");
        assert_eq!(title_from_name("basics"), "Basics");
        assert_eq!(title_from_name("2024"), "2024");
    }
}
