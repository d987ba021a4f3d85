//! A starter manifest for a curriculum that has none: what `learnpath init` writes, from what
//! the loader found (sections from folders, the fields pages use), for the user to edit.

use super::load::{FieldsUsed, Loaded};
use super::manifest::{Manifest, PartDef, SchemaDef, SectionDef};
use std::collections::BTreeMap;

/// The manifest's text: a comment saying where it came from, then YAML that reads the
/// curriculum as it was read without it.
pub fn starter_manifest(loaded: &Loaded) -> String {
    let curriculum = &loaded.curriculum;
    let manifest = Manifest {
        name: curriculum.name.clone(),
        id: None,
        source: None,
        parts: vec![PartDef {
            id: "1".to_string(),
            title: curriculum.name.clone(),
            sections: curriculum
                .sections
                .iter()
                .map(|section| SectionDef {
                    id: section.id.clone(),
                    title: section.title.clone(),
                    folders: section
                        .folders
                        .iter()
                        .map(|folder| match folder.as_str() {
                            "" => ".".to_string(),
                            folder => folder.to_string(),
                        })
                        .collect(),
                    claimed_time: None,
                    prerequisite_label: None,
                })
                .collect(),
        }],
        specializations: Vec::new(),
        roles: Vec::new(),
        schema: Some(schema(&loaded.used)),
    };
    let yaml = crate::yaml::encode(&manifest).unwrap_or_default();
    format!(
        "# learnpath's manifest for this curriculum, written by `learnpath init` from what it found:\n# {}.\n# Edit freely: rename sections, group them into parts, add specializations and roles\n# (see `learnpath help` and the README). `learnpath validate` checks it.\n{yaml}",
        found(&loaded.used)
    )
}

/// The schema block: each field that all pages agree on, named; where they differ, none, so
/// that learnpath keeps detecting them page by page.
fn schema(used: &FieldsUsed) -> SchemaDef {
    let single = |counts: &BTreeMap<String, usize>| match counts.len() {
        1 => counts.keys().next().cloned(),
        _ => None,
    };
    let time = single(&used.time);
    let time_unit = time.as_ref().map(|key| {
        let names = super::fields::FieldNames::default();
        let unit = names
            .time
            .iter()
            .find(|(name, _)| name == key)
            .map_or(super::fields::TimeUnit::Text, |(_, unit)| *unit);
        match unit {
            super::fields::TimeUnit::Minutes => "minutes",
            super::fields::TimeUnit::Hours => "hours",
            super::fields::TimeUnit::Text => "text",
        }
        .to_string()
    });
    SchemaDef {
        time,
        time_unit,
        level: single(&used.level),
        prerequisites: single(&used.prerequisites),
        id: None,
        estimate: Some(true),
        link_prefixes: BTreeMap::new(),
    }
}

/// "times in estimatedMinutes (8 pages), duration (1); 2 estimated from words; ...".
fn found(used: &FieldsUsed) -> String {
    let list = |what: &str, counts: &BTreeMap<String, usize>| {
        let fields: Vec<String> = counts
            .iter()
            .map(|(key, n)| format!("{key} ({})", crate::words::count(*n, "page")))
            .collect();
        match fields.is_empty() {
            true => format!("no {what} field"),
            false => format!("{what} in {}", fields.join(", ")),
        }
    };
    format!(
        "{}; {}; {}; {} estimated from their words",
        list("times", &used.time),
        list("levels", &used.level),
        list("prerequisites", &used.prerequisites),
        crate::words::count_with(used.estimated, "time", "times")
    )
}
