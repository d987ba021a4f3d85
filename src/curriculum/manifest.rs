//! The manifest, `learnpath.yaml`: the curriculum's name and source, its parts and sections,
//! the specializations a learner chooses from, and the roles that lead to them.

use super::duration::parse_minutes;
use super::fields::FieldNames;
use super::lookup::normalize_name;
use super::page::Reading;
use super::toc::TableKind;
use super::{Role, Section, SectionId, SpecId, Specialization};
use crate::diagnostic::Diagnostic;
use crate::yaml;
use crate::yaml::positions::Positions;
use std::collections::HashMap;

pub use super::manifest_schema::{
    Manifest, OrderDef, PartDef, RoleDef, SchemaDef, SectionDef, SpecializationDef,
};

/// The manifest with its references checked and turned into indices.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    pub name: String,
    pub id: Option<String>,
    pub source_url: Option<String>,
    pub sections: Vec<Section>,
    pub specializations: Vec<Specialization>,
    pub roles: Vec<Role>,
    /// How the pages are read: as the `schema:` block says; without one, as learnpath's own
    /// curricula are (times are never estimated).
    pub reading: Reading,
    /// Where the order comes from, as the `order:` block says.
    pub order: Order,
    /// The table's file the `order:` block records.
    pub order_file: Option<String>,
}

/// Where a course's order comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Order {
    /// A table of contents if one is found (no `order:` block).
    #[default]
    Detect,
    /// This kind of table.
    Kind(TableKind),
    /// The pages' frontmatter alone (`kind: none`).
    Frontmatter,
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
    /// Read from `text` at the first message that needs a line: most manifests have none.
    positions: std::cell::OnceCell<Positions>,
    shown: &'a str,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn line(&self, path: &str) -> Option<usize> {
        self.positions
            .get_or_init(|| Positions::of(self.text))
            .line(path)
    }

    /// An error at the node `path` (see [`Positions`]) of the manifest.
    fn error(&mut self, path: &str, field: &str, message: String, help: Option<String>) {
        let mut diagnostic = Diagnostic::error(message)
            .file(self.shown)
            .line(self.line(path))
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
    yaml::decode(text).map_err(|error| {
        let help = if error.message.contains("floating point") || error.message.contains("integer")
        {
            "quote ids and times, e.g. id: \"1.1\""
        } else {
            "see curriculum/learnpath.yaml in the learnpath repository for the format"
        };
        // The parser names the start of the mapping for a key written twice: point at the
        // second one.
        let repeated = error
            .message
            .split("duplicate field `")
            .nth(1)
            .and_then(|rest| rest.split('`').next())
            .and_then(|key| Positions::of(text).repeat_of(key, error.line.unwrap_or(1)));
        Diagnostic::error(format!("invalid manifest: {}", error.message))
            .file(shown)
            .line(repeated.or(error.line))
            .help(help)
    })
}

/// The `order:` block's kind; one learnpath does not know is an error.
fn order(manifest: &Manifest, check: &mut Checker<'_>) -> Order {
    let Some(order) = &manifest.order else {
        return Order::Detect;
    };
    if order.kind == "none" {
        return Order::Frontmatter;
    }
    match TableKind::parse(&order.kind) {
        Some(kind) => Order::Kind(kind),
        None => {
            let known: Vec<&str> = TableKind::ALL.iter().map(|kind| kind.name()).collect();
            check.error(
                "order.kind",
                "kind",
                format!(
                    "unknown order kind '{}'; expected {} or none",
                    order.kind,
                    known.join(", ")
                ),
                None,
            );
            Order::Detect
        }
    }
}

/// How the manifest's pages are read (see [`Resolved::reading`]).
fn reading(manifest: &Manifest, check: &mut Checker<'_>) -> Reading {
    let Some(schema) = &manifest.schema else {
        return Reading::default();
    };
    let names = FieldNames::with_schema(schema).unwrap_or_else(|problem| {
        check.error("schema.time_unit", "time_unit", problem.to_string(), None);
        FieldNames::default()
    });
    Reading {
        names,
        estimate: schema.estimate.unwrap_or(true),
        prefixes: schema
            .link_prefixes
            .iter()
            .map(|(prefix, folder)| (prefix.clone(), folder.clone()))
            .collect(),
    }
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
            .line(check.line("id"))
            .field("id")
            .help(format!(
                "use 1 to {MAX_ID_BYTES} letters, digits, '.', '-' or '_', not starting with '.'"
            )),
        );
        return None;
    }
    Some(id.to_string())
}

/// The manifest's `source`, when it is a web address: it becomes the link of every document, in
/// the report, the Markdown and the calendar, so a `javascript:` or `file:` one would run or
/// open whatever it says from there.
fn checked_source(check: &mut Checker<'_>, source: Option<&str>) -> Option<String> {
    let source = source?;
    if crate::weblink::is_web_url(source) {
        return Some(source.to_string());
    }
    check.error(
        "source",
        "source",
        format!("'{}' is not an http or https URL", source.escape_debug()),
        Some(
            "give the web address of the documents, e.g. source: https://github.com/you/notes/blob/main/"
                .to_string(),
        ),
    );
    None
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
        positions: std::cell::OnceCell::new(),
        shown,
        out: Vec::new(),
    };
    let mut resolved = Resolved {
        name: manifest.name.clone(),
        id: checked_id(&mut check, manifest.id.as_deref(), ownership),
        source_url: checked_source(&mut check, manifest.source.as_deref()),
        reading: reading(manifest, &mut check),
        order: order(manifest, &mut check),
        order_file: manifest.order.as_ref().and_then(|order| order.file.clone()),
        ..Resolved::default()
    };
    let section_index = sections(
        manifest,
        &mut check,
        ownership,
        &folder_exists,
        &mut resolved,
    );
    let spec_index = specializations(
        manifest,
        &mut check,
        ownership,
        &section_index,
        &mut resolved,
    );
    roles(
        manifest,
        &mut check,
        ownership,
        &section_index,
        &spec_index,
        &mut resolved,
    );
    (resolved, check.out)
}

/// A section folder as the loader names folders: no slashes around it, and `""` for the
/// curriculum root (written `.` or `./`).
pub(crate) fn folder_key(folder: &str) -> &str {
    let folder = folder.trim();
    let folder = folder
        .strip_prefix("./")
        .unwrap_or(folder)
        .trim_end_matches('/');
    if folder == "." { "" } else { folder }
}

/// Whether a folder as written leaves the curriculum: absolute, or climbing out with `..`.
fn outside(folder: &str) -> bool {
    let folder = folder.trim();
    folder.starts_with('/') || folder.split('/').any(|part| part == "..")
}

/// The sections, in manifest order, with the folders that exist; each folder belongs to one
/// section. Returns the index of each section id.
fn sections<'m>(
    manifest: &'m Manifest,
    check: &mut Checker<'_>,
    ownership: Ownership,
    folder_exists: &impl Fn(&str) -> bool,
    resolved: &mut Resolved,
) -> HashMap<&'m str, SectionId> {
    let mut section_index: HashMap<&str, SectionId> = HashMap::new();
    let mut claimed: HashMap<&str, &str> = HashMap::new();
    for (p, part) in manifest.parts.iter().enumerate() {
        for (s, def) in part.sections.iter().enumerate() {
            let at = format!("parts.{p}.sections.{s}");
            let present = section_folders(def, &at, check, ownership, folder_exists, &mut claimed);
            if ownership == Ownership::Borrowed && present.is_empty() {
                continue;
            }
            if def.folders.is_empty() {
                check.error(
                    &format!("{at}.folders"),
                    "folders",
                    format!(
                        "section {} lists no folders, so it can hold no documents",
                        def.id
                    ),
                    Some("name the section's folders, e.g. folders: [01_intro]".to_string()),
                );
            }
            if section_index.contains_key(def.id.as_str()) {
                check.error(
                    &format!("{at}.id"),
                    "id",
                    format!("section id '{}' is used twice", def.id),
                    None,
                );
                continue;
            }
            let claimed_minutes = claimed_minutes(def, &at, check);
            section_index.insert(&def.id, SectionId(resolved.sections.len()));
            resolved.sections.push(Section {
                id: def.id.clone(),
                title: def.title.clone(),
                part: part.title.clone(),
                folders: present,
                claimed_time: def.claimed_time.clone(),
                claimed_minutes,
                prerequisite_label: def.prerequisite_label.clone(),
                docs: Vec::new(),
                defined_at: Some((check.shown.to_string(), at)),
            });
        }
    }
    section_index
}

/// The minutes a section claims (`claimed_time`), when it gives a time that reads as one;
/// an error when it gives one that does not.
fn claimed_minutes(def: &SectionDef, at: &str, check: &mut Checker<'_>) -> Option<u32> {
    let time = def.claimed_time.as_deref()?;
    parse_minutes(time)
        .map_err(|error| {
            check.error(
                &format!("{at}.claimed_time"),
                "claimed_time",
                format!("expected a duration like \"~1.5 hours\", found \"{time}\": {error}"),
                None,
            )
        })
        .ok()
}

/// The folders of one section that exist and no earlier section has; each other one is an
/// error (for the folder's own manifest).
fn section_folders<'m>(
    def: &'m SectionDef,
    at: &str,
    check: &mut Checker<'_>,
    ownership: Ownership,
    folder_exists: &impl Fn(&str) -> bool,
    claimed: &mut HashMap<&'m str, &'m str>,
) -> Vec<String> {
    let mut present = Vec::new();
    for (f, folder) in def.folders.iter().enumerate() {
        if outside(folder) {
            check.error(
                &format!("{at}.folders.{f}"),
                "folders",
                format!(
                    "section {} names the folder '{folder}', which is outside the curriculum",
                    def.id
                ),
                Some("name folders relative to the curriculum root, e.g. 01_intro".to_string()),
            );
            continue;
        }
        let key = folder_key(folder);
        if !folder_exists(key) {
            if ownership == Ownership::Own {
                check.error(
                    &format!("{at}.folders.{f}"),
                    "folders",
                    format!(
                        "section {} names the folder '{folder}', which does not exist",
                        def.id
                    ),
                    Some("fix the folder name or create the folder".to_string()),
                );
            }
            continue;
        }
        if let Some(owner) = claimed.insert(key, &def.id) {
            check.error(
                &format!("{at}.folders.{f}"),
                "folders",
                format!(
                    "section {} names the folder '{folder}', which section {owner} already has",
                    def.id
                ),
                Some("a folder belongs to one section; remove it from one of them".to_string()),
            );
            continue;
        }
        present.push(key.to_string());
    }
    present
}

/// The specializations, each a section listed once. Returns the index of each section id.
fn specializations<'m>(
    manifest: &'m Manifest,
    check: &mut Checker<'_>,
    ownership: Ownership,
    section_index: &HashMap<&str, SectionId>,
    resolved: &mut Resolved,
) -> HashMap<&'m str, SpecId> {
    let mut spec_index: HashMap<&str, SpecId> = HashMap::new();
    for (position, def) in manifest.specializations.iter().enumerate() {
        let at = format!("specializations.{position}.section");
        match section_index.get(def.section.as_str()) {
            Some(_) if spec_index.contains_key(def.section.as_str()) => check.error(
                &at,
                "specializations",
                format!("specialization '{}' is listed twice", def.section),
                None,
            ),
            Some(&section) => {
                spec_index.insert(&def.section, SpecId(resolved.specializations.len()));
                resolved.specializations.push(Specialization {
                    section,
                    when: def.when.clone(),
                });
            }
            None if ownership == Ownership::Borrowed => {}
            None => check.error(
                &at,
                "specializations",
                format!("specialization '{}' names no section", def.section),
                Some("use the id of a section listed under `parts`".to_string()),
            ),
        }
    }
    spec_index
}

/// The roles: 1-2 specializations each, sections that exist, names that are not shared.
fn roles(
    manifest: &Manifest,
    check: &mut Checker<'_>,
    ownership: Ownership,
    section_index: &HashMap<&str, SectionId>,
    spec_index: &HashMap<&str, SpecId>,
    resolved: &mut Resolved,
) {
    let mut role_names: HashMap<String, String> = HashMap::new();
    for (r, def) in manifest.roles.iter().enumerate() {
        let at = format!("roles.{r}");
        let Some(specializations) = role_specializations(manifest, check, ownership, spec_index, r)
        else {
            continue;
        };
        let includes = def
            .includes
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let found = section_index.get(id.as_str()).copied();
                if found.is_none() && ownership == Ownership::Own {
                    check.error(
                        &format!("{at}.includes.{i}"),
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
        let names = std::iter::once((format!("{at}.name"), &def.name)).chain(
            def.aliases
                .iter()
                .enumerate()
                .map(|(a, alias)| (format!("{at}.aliases.{a}"), alias)),
        );
        for (place, name) in names {
            let previous = role_names.insert(normalize_name(name), def.name.clone());
            if let Some(other) = previous.filter(|other| *other != def.name) {
                check.error(
                    &place,
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
}

/// The specializations of role `r`, checked; `None` when a borrowed manifest's role leads to
/// none of the folder's sections.
fn role_specializations(
    manifest: &Manifest,
    check: &mut Checker<'_>,
    ownership: Ownership,
    spec_index: &HashMap<&str, SpecId>,
    r: usize,
) -> Option<Vec<SpecId>> {
    let def = &manifest.roles[r];
    let mut specializations = Vec::new();
    for (k, id) in def.specializations.iter().enumerate() {
        let at = format!("roles.{r}.specializations.{k}");
        match spec_index.get(id.as_str()) {
            Some(spec) if specializations.contains(spec) => check.error(
                &at,
                "specializations",
                format!("role '{}' names '{id}' twice", def.name),
                None,
            ),
            Some(&spec) => specializations.push(spec),
            None if ownership == Ownership::Borrowed => {}
            None => check.error(
                &at,
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
        return None;
    }
    let distinct: std::collections::HashSet<&String> = def.specializations.iter().collect();
    if distinct.is_empty() || distinct.len() > MAX_SPECIALIZATIONS {
        check.error(
            &format!("roles.{r}.specializations"),
            "specializations",
            format!(
                "role '{}' leads to {} specializations; choose 1-2 specializations",
                def.name,
                distinct.len()
            ),
            None,
        );
    }
    Some(specializations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prebuilt_embedded_manifest_matches_its_yaml() {
        let yaml = crate::curriculum::Source::embedded_manifest();
        let from_yaml: Manifest = yaml::decode(yaml).unwrap();
        assert_eq!(decode_embedded(), Some(from_yaml));
    }
}
