//! Where progress is kept by default: one file per curriculum, under a stable identity, so that
//! two curricula with a document of the same path do not share its mark.

use crate::curriculum::{Curriculum, Source};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The embedded curriculum's identity: fixed, so that its progress survives upgrades.
pub const EMBEDDED_ID: &str = "datacenter-infrastructure";

/// The file name of a progress file, in its curriculum's folder and in the old shared place.
pub const FILE_NAME: &str = "progress.yaml";

/// A file kept beside a progress file (the baseline, the calendar record): `NAME` beside
/// `progress.yaml`, else `<stem>.NAME` beside `<stem>.yaml`, so that two progress files in one
/// folder keep theirs apart.
pub fn beside(progress: &Path, name: &str) -> PathBuf {
    let file = match progress.file_stem().map(|stem| stem.to_string_lossy()) {
        Some(stem) if progress.file_name().is_some_and(|file| file != FILE_NAME) => {
            format!("{stem}.{name}")
        }
        _ => name.to_string(),
    };
    progress.with_file_name(file)
}

/// What a curriculum's progress is kept under: the embedded curriculum's fixed id; else the
/// manifest's `id`; else the name made a slug, and a short hash of the folder's canonical path,
/// so that two folders of one name stay apart and a folder keeps its id whatever path names it.
pub fn curriculum_id(curriculum: &Curriculum, source: &Source) -> String {
    if *source == Source::Embedded {
        return EMBEDDED_ID.to_string();
    }
    if let Some(id) = &curriculum.id {
        return id.clone();
    }
    let place = match source {
        Source::Dir(root) => std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()),
        _ => PathBuf::from(&curriculum.origin),
    };
    format!("{}-{}", slug(&curriculum.name), short_hash(&place))
}

/// Lowercase ASCII letters and digits, anything else one `-`, at most 40 bytes.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(40);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "curriculum".to_string()
    } else {
        slug.to_string()
    }
}

/// The first 8 hex digits of the SHA-256 of the path's bytes.
fn short_hash(path: &Path) -> String {
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    digest[..4]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_folder_names() {
        assert_eq!(
            slug("Datacenter Infrastructure Curriculum"),
            "datacenter-infrastructure-curriculum"
        );
        assert_eq!(slug("  ../Ünïcode & Co!  "), "n-code-co");
        assert_eq!(slug("!!!"), "curriculum");
        assert_eq!(slug(&"x".repeat(100)).len(), 40);
    }

    #[test]
    fn a_folder_is_known_by_its_name_and_place() {
        let page = b"---\nestimated_time: \"10 min\"\n---\n# A\n".to_vec();
        let make = |manifest: &str| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("a.md"), &page).unwrap();
            std::fs::write(dir.path().join("learnpath.yaml"), manifest).unwrap();
            dir
        };
        let id_of = |dir: &Path| {
            let source = Source::Dir(dir.to_path_buf());
            curriculum_id(&crate::open(&source).unwrap().curriculum, &source)
        };
        let (one, two) = (make("name: My Course\n"), make("name: My Course\n"));
        let first = id_of(one.path());
        assert!(first.starts_with("my-course-"), "{first}");
        assert_eq!(first.len(), "my-course-".len() + 8);
        assert_ne!(first, id_of(two.path()), "two folders, two ids");
        assert_eq!(first, id_of(&one.path().join(".")), "one folder, one id");
        let named = make("name: My Course\nid: course-2027\n");
        assert_eq!(id_of(named.path()), "course-2027");
        assert_eq!(
            curriculum_id(
                &crate::open(&Source::Embedded).unwrap().curriculum,
                &Source::Embedded
            ),
            EMBEDDED_ID
        );
    }
}
