//! A starter manifest for a curriculum that has none: what `learnpath init` writes, from what
//! the loader found (sections from folders, the fields pages use), for the user to edit.

use super::course::Table;
use super::load::{FieldsUsed, Loaded};
use super::manifest::{Manifest, OrderDef, PartDef, SchemaDef, SectionDef};
use std::collections::BTreeMap;

/// The manifest's text: a comment saying where it came from, then YAML that reads the
/// curriculum as it was read without it.
pub fn starter_manifest(loaded: &Loaded) -> String {
    let curriculum = &loaded.curriculum;
    if let Some(table) = &curriculum.table {
        return table_manifest(loaded, table);
    }
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
        order: None,
    };
    let yaml = crate::yaml::encode(&manifest).unwrap_or_default();
    format!(
        "# learnpath's manifest for this curriculum, written by `learnpath init` from what it found:\n# {}.\n# Edit freely: rename sections, group them into parts, add specializations and roles\n# (see `learnpath help` and the README). `learnpath validate` checks it.\n{yaml}",
        found(&loaded.used)
    )
}

/// The manifest of a book or course site: the kind and file of its table, which gives its
/// order and its sections (listed in a comment), and the schema.
fn table_manifest(loaded: &Loaded, table: &Table) -> String {
    let curriculum = &loaded.curriculum;
    let manifest = Manifest {
        name: curriculum.name.clone(),
        id: None,
        source: None,
        parts: Vec::new(),
        specializations: Vec::new(),
        roles: Vec::new(),
        schema: Some(schema(&loaded.used)),
        order: Some(OrderDef {
            kind: table.kind.name().to_string(),
            file: Some(table.file.clone()).filter(|file| !file.is_empty()),
        }),
    };
    let yaml = crate::yaml::encode(&manifest).unwrap_or_default();
    let mut chapters = String::new();
    for section in &curriculum.sections {
        let part = match section.part.as_str() {
            "" => String::new(),
            part => format!(" ({part})"),
        };
        let pages = crate::words::count(section.docs.len(), "page");
        chapters.push_str(&format!(
            "#   {} {}{part}: {pages}\n",
            section.id, section.title
        ));
    }
    let source = match (table.kind.from_folders(), table.file.as_str()) {
        (true, "") => format!("its {} names", table.kind),
        (true, folder) => format!("its {} names under {folder}", table.kind),
        (false, file) => format!("its {} table ({file})", table.kind),
    };
    format!(
        "# learnpath's manifest for this course, written by `learnpath init` from what it found:\n# {} in the order of {source}, {}.\n# Its sections are the table's chapters; the table keeps them, so edit it, not this file:\n{chapters}{yaml}",
        crate::words::count(table.order.len(), "page"),
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
