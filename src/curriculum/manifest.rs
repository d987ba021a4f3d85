//! The manifest, `learnpath.yaml`: the curriculum's name and source, its parts and sections,
//! the specializations a learner chooses from, and the roles that lead to them.

use super::duration::parse_minutes;
use super::frontmatter;
use super::lookup::normalize_name;
use super::{Role, Section, Specialization};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

pub use super::manifest_schema::{Manifest, PartDef, RoleDef, SectionDef, SpecializationDef};

/// The manifest with its references checked and turned into indices.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    pub name: String,
    pub id: Option<String>,
    pub source_url: Option<String>,
    pub sections: Vec<Section>,
    pub specializations: Vec<Specialization>,
    pub roles: Vec<Role>,
}

/// Whether the manifest belongs to the folder, or was borrowed from the embedded curriculum
/// for a folder that has none (then sections whose folders are absent are simply left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ownership {
    Own,
    Borrowed,
}

/// The rule of Part 3: a learner chooses one or two specializations.
pub const MAX_SPECIALIZATIONS: usize = 2;

struct Checker<'a> {
    text: &'a str,
    shown: &'a str,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// The line of the `nth` (from 0) line that contains `needle`.
    fn line_of_nth(&self, needle: &str, nth: usize) -> Option<usize> {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, line)| line.contains(needle))
            .nth(nth)
            .map(|(index, _)| index + 1)
    }

    fn error(&mut self, needle: &str, field: &str, message: String, help: Option<String>) {
        self.error_at(needle, 0, field, message, help);
    }

    fn error_at(
        &mut self,
        needle: &str,
        nth: usize,
        field: &str,
        message: String,
        help: Option<String>,
    ) {
        let mut diagnostic = Diagnostic::error(message)
            .file(self.shown)
            .line(self.line_of_nth(needle, nth))
            .field(field);
        if let Some(help) = help {
            diagnostic = diagnostic.help(help);
        }
        self.out.push(diagnostic);
    }
}

/// The embedded manifest, decoded by the build script (build.rs) from the same YAML; `None`
/// only if that went wrong, and then the caller decodes the YAML.
pub(crate) fn decode_embedded() -> Option<Manifest> {
    serde_json::from_str(include_str!(concat!(
        env!("OUT_DIR"),
        "/embedded_manifest.json"
    )))
    .ok()
}

/// Decodes a manifest. `shown` names the file in messages.
pub(crate) fn decode(text: &str, shown: &str) -> Result<Manifest, Diagnostic> {
    frontmatter::decode(text).map_err(|error| {
        let help = if error.message.contains("floating point") || error.message.contains("integer")
        {
            "quote ids and times, e.g. id: \"1.1\""
        } else {
            "see curriculum/learnpath.yaml in the learnpath repository for the format"
        };
        Diagnostic::error(format!("invalid manifest: {}", error.message))
            .file(shown)
            .line(error.line)
            .help(help)
    })
}

/// The longest curriculum id: it names a folder.
pub const MAX_ID_BYTES: usize = 64;

/// The manifest's `id`, when it may name the curriculum's progress folder: 1 to 64 letters,
/// digits, `.`, `-` or `_`, not starting with `.` (so never `..`, a hidden or another folder).
/// A borrowed manifest's id is the embedded curriculum's, not the folder's.
fn checked_id(check: &mut Checker<'_>, id: Option<&str>, ownership: Ownership) -> Option<String> {
    let id = id.filter(|_| ownership == Ownership::Own)?;
    let fits = !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b".-_".contains(&byte));
    if !fits {
        check.out.push(
            Diagnostic::error(format!(
                "id '{id}' cannot name the curriculum's progress folder"
            ))
            .file(check.shown)
            .line(frontmatter::key_line(check.text, "id"))
            .field("id")
            .help(format!(
                "use 1 to {MAX_ID_BYTES} letters, digits, '.', '-' or '_', not starting with '.'"
            )),
        );
        return None;
    }
    Some(id.to_string())
}

/// Checks a manifest against the folders that exist and resolves its references.
pub(crate) fn resolve(
    manifest: &Manifest,
    text: &str,
    shown: &str,
    ownership: Ownership,
    folder_exists: impl Fn(&str) -> bool,
) -> (Resolved, Vec<Diagnostic>) {
    let mut check = Checker {
        text,
        shown,
        out: Vec::new(),
    };
    // Where each `id:` is written, found in one pass (searching per section would be
    // quadratic in a manifest of thousands of sections).
    let mut id_lines: HashMap<&str, usize> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let content = line.trim_start().trim_start_matches("- ");
        if let Some(value) = content.strip_prefix("id:") {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            id_lines.entry(value).or_insert(index + 1);
        }
    }
    let mut resolved = Resolved {
        name: manifest.name.clone(),
        id: checked_id(&mut check, manifest.id.as_deref(), ownership),
        source_url: manifest.source.clone(),
        ..Resolved::default()
    };
    let mut section_index: HashMap<&str, usize> = HashMap::new();
    for part in &manifest.parts {
        for def in &part.sections {
            let present: Vec<String> = def
                .folders
                .iter()
                .map(|folder| folder.trim_matches('/').to_string())
                .filter(|folder| folder_exists(folder))
                .collect();
            if ownership == Ownership::Borrowed && present.is_empty() {
                continue;
            }
            if ownership == Ownership::Own {
                for folder in &def.folders {
                    if !present.contains(&folder.trim_matches('/').to_string()) {
                        let needle = if folder.trim().is_empty() {
                            "folders"
                        } else {
                            folder.as_str()
                        };
                        check.error(
                            needle,
                            "folders",
                            format!(
                                "section {} names the folder '{folder}', which does not exist",
                                def.id
                            ),
                            Some("fix the folder name or create the folder".to_string()),
                        );
                    }
                }
            }
            if section_index.contains_key(def.id.as_str()) {
                check.error(
                    &format!("id: \"{}\"", def.id),
                    "id",
                    format!("section id '{}' is used twice", def.id),
                    None,
                );
                continue;
            }
            let claimed_minutes = def.claimed_time.as_deref().and_then(|time| {
                parse_minutes(time)
                    .map_err(|error| {
                        check.error(
                            time,
                            "claimed_time",
                            format!(
                                "expected a duration like \"~1.5 hours\", found \"{time}\": {error}"
                            ),
                            None,
                        )
                    })
                    .ok()
            });
            section_index.insert(&def.id, resolved.sections.len());
            resolved.sections.push(Section {
                id: def.id.clone(),
                title: def.title.clone(),
                part: part.title.clone(),
                folders: present,
                claimed_time: def.claimed_time.clone(),
                claimed_minutes,
                prerequisite_label: def.prerequisite_label.clone(),
                docs: Vec::new(),
                defined_at: Some((shown.to_string(), id_lines.get(def.id.as_str()).copied())),
            });
        }
    }

    let mut spec_index: HashMap<&str, usize> = HashMap::new();
    for (position, def) in manifest.specializations.iter().enumerate() {
        match section_index.get(def.section.as_str()) {
            Some(_) if spec_index.contains_key(def.section.as_str()) => check.error_at(
                &format!("section: \"{}\"", def.section),
                manifest.specializations[..position]
                    .iter()
                    .filter(|earlier| earlier.section == def.section)
                    .count(),
                "specializations",
                format!("specialization '{}' is listed twice", def.section),
                None,
            ),
            Some(&section) => {
                spec_index.insert(&def.section, resolved.specializations.len());
                resolved.specializations.push(Specialization {
                    section,
                    when: def.when.clone(),
                });
            }
            None if ownership == Ownership::Borrowed => {}
            None => check.error(
                &def.section,
                "specializations",
                format!("specialization '{}' names no section", def.section),
                Some("use the id of a section listed under `parts`".to_string()),
            ),
        }
    }

    let mut role_names: HashMap<String, String> = HashMap::new();
    for def in &manifest.roles {
        let role_needle = format!("name: {}", def.name);
        let mut specializations = Vec::new();
        for id in &def.specializations {
            match spec_index.get(id.as_str()) {
                Some(spec) if specializations.contains(spec) => check.error(
                    &role_needle,
                    "specializations",
                    format!("role '{}' names '{id}' twice", def.name),
                    None,
                ),
                Some(&spec) => specializations.push(spec),
                None if ownership == Ownership::Borrowed => {}
                None => check.error(
                    &role_needle,
                    "specializations",
                    format!(
                        "role '{}' names '{id}', which is not a specialization",
                        def.name
                    ),
                    Some(format!(
                        "use one of: {}",
                        manifest
                            .specializations
                            .iter()
                            .map(|spec| spec.section.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ),
            }
        }
        if ownership == Ownership::Borrowed && specializations.is_empty() {
            continue;
        }
        let distinct: std::collections::HashSet<&String> = def.specializations.iter().collect();
        if distinct.is_empty() || distinct.len() > MAX_SPECIALIZATIONS {
            check.error(
                &role_needle,
                "specializations",
                format!(
                    "role '{}' leads to {} specializations; choose 1-2 specializations",
                    def.name,
                    distinct.len()
                ),
                None,
            );
        }
        let includes = def
            .includes
            .iter()
            .filter_map(|id| {
                let found = section_index.get(id.as_str()).copied();
                if found.is_none() && ownership == Ownership::Own {
                    check.error(
                        &role_needle,
                        "includes",
                        format!(
                            "role '{}' includes '{id}', which names no section",
                            def.name
                        ),
                        None,
                    );
                }
                found
            })
            .collect();
        for name in std::iter::once(&def.name).chain(&def.aliases) {
            let previous = role_names.insert(normalize_name(name), def.name.clone());
            if let Some(other) = previous.filter(|other| *other != def.name) {
                check.error(
                    name,
                    "aliases",
                    format!("'{name}' names both role '{other}' and role '{}'", def.name),
                    None,
                );
            }
        }
        resolved.roles.push(Role {
            name: def.name.clone(),
            aliases: def.aliases.clone(),
            specializations,
            includes,
        });
    }
    (resolved, check.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prebuilt_embedded_manifest_matches_its_yaml() {
        let yaml = crate::curriculum::Source::embedded_manifest();
        let from_yaml: Manifest = frontmatter::decode(yaml).unwrap();
        assert_eq!(decode_embedded(), Some(from_yaml));
    }
}
