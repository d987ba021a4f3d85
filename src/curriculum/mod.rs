//! The curriculum model: documents, sections, specializations and roles, and how to load them.

pub mod course;
pub mod duration;
pub mod estimate;
pub mod fields;
mod folders;
pub(crate) mod frontmatter;
pub(crate) mod links;
mod load;
mod lookup;
pub(crate) mod loose;
pub mod manifest;
mod manifest_schema;
pub mod notebook;
#[doc(hidden)]
pub mod page;
mod raw;
mod source;
pub mod starter;
mod subset;
pub mod title;
pub mod toc;
mod written;

pub use load::{FieldsUsed, Loaded, load, load_detected};
pub use lookup::{DocNames, closest, normalize_name};
pub use source::{MANIFEST_FILE, Source};

use serde::Serialize;
use std::fmt;

/// Index of a study document in [`Curriculum::docs`] (and of its node in the graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DocId(pub usize);

/// Index of a section in [`Curriculum::sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SectionId(pub usize);

/// Index of a specialization in [`Curriculum::specializations`] (not of its section).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SpecId(pub usize);

/// Index of a role in [`Curriculum::roles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RoleId(pub usize);

/// A document's level. Foundational < intermediate < specialized = advanced; reference pages and
/// levels we do not know are not ranked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub enum Level {
    Foundational,
    Intermediate,
    Specialized,
    Advanced,
    Reference,
    Other(String),
}

impl Level {
    pub fn parse(text: &str) -> Level {
        let text = text.trim();
        let known = [
            ("foundational", Level::Foundational),
            ("foundation", Level::Foundational),
            ("beginner", Level::Foundational),
            ("basic", Level::Foundational),
            ("easy", Level::Foundational),
            ("introductory", Level::Foundational),
            ("intermediate", Level::Intermediate),
            ("medium", Level::Intermediate),
            ("specialized", Level::Specialized),
            ("specialised", Level::Specialized),
            ("advanced", Level::Advanced),
            ("expert", Level::Advanced),
            ("hard", Level::Advanced),
            ("reference", Level::Reference),
        ];
        known
            .into_iter()
            .find(|(name, _)| text.eq_ignore_ascii_case(name))
            .map_or_else(|| Level::Other(text.to_string()), |(_, level)| level)
    }

    /// Where the level puts a document among those the prerequisites leave in any order:
    /// foundational first; a document without a known level sits with the intermediate ones.
    pub fn order_rank(&self) -> u8 {
        self.rank().unwrap_or(1)
    }

    /// The position used to detect a document that requires one of a higher level.
    pub fn rank(&self) -> Option<u8> {
        match self {
            Level::Foundational => Some(0),
            Level::Intermediate => Some(1),
            Level::Specialized | Level::Advanced => Some(2),
            Level::Reference | Level::Other(_) => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Foundational => "foundational",
            Level::Intermediate => "intermediate",
            Level::Specialized => "specialized",
            Level::Advanced => "advanced",
            Level::Reference => "reference",
            Level::Other(text) => text,
        })
    }
}

impl From<Level> for String {
    fn from(level: Level) -> String {
        level.to_string()
    }
}

/// A study document: a page with frontmatter and an `estimated_time`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Doc {
    /// Path relative to the curriculum root, with `/` separators.
    pub path: String,
    pub title: String,
    pub level: Level,
    pub minutes: u32,
    /// Whether `minutes` is estimated from the page's words (it gives no time).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    pub prerequisites: Vec<DocId>,
    /// The frontmatter line of each prerequisite, for messages.
    #[serde(skip)]
    pub prerequisite_lines: Vec<Option<usize>>,
    /// Documents to study first when both are in a plan (`soft` prerequisites); they never
    /// pull a document into a plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub soft_prerequisites: Vec<DocId>,
    pub next_recommended: Vec<DocId>,
    pub tags: Vec<String>,
    pub section: Option<SectionId>,
}

/// A document as other records name it: path, title and estimated time. Flattened into
/// them in JSON, so each keeps these three keys first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRef {
    /// Relative to the curriculum root.
    pub path: String,
    pub title: String,
    pub minutes: u32,
}

/// A section of the curriculum (one or more folders), as the manifest describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub part: String,
    pub folders: Vec<String>,
    pub claimed_time: Option<String>,
    pub claimed_minutes: Option<u32>,
    pub prerequisite_label: Option<String>,
    pub docs: Vec<DocId>,
    /// Where the manifest defines it (file and line), for messages.
    #[serde(skip)]
    /// The manifest file as shown and the section's place in it (`parts.0.sections.1`); see
    /// [`Curriculum::manifest_lines`].
    pub defined_at: Option<(String, String)>,
}

impl Section {
    /// "3.1 Storage & RDMA Applications".
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.title)
    }
}

/// A Part 3 specialization: a section a learner may choose, and whom it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Specialization {
    pub section: SectionId,
    pub when: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    pub name: String,
    pub aliases: Vec<String>,
    /// In the order they are studied.
    pub specializations: Vec<SpecId>,
    /// Sections on this role's learning path besides what its specializations require.
    pub includes: Vec<SectionId>,
}

/// Pages that are not study documents, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OtherPages {
    /// README.md / index.md pages without frontmatter.
    pub index: Vec<String>,
    /// Pages with frontmatter but no `estimated_time` (another schema, such as resource pages).
    pub reference: Vec<String>,
    /// Other pages without frontmatter.
    pub plain: Vec<String>,
    /// Pages with errors, left out (reported by `validate`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub broken: Vec<String>,
    /// Study documents left out because they require a page with errors, or are on or behind a
    /// prerequisite cycle (reported by `validate`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// Exercise pages (`task.md`, `solution.md`) whose time is their lesson's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<String>,
    /// Pages of a book's or course site's folder that its table of contents leaves out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Curriculum {
    pub name: String,
    /// The manifest's `id`, when the curriculum has its own manifest and sets one: what its
    /// progress is kept under (see `progress::ProgressStore::for_curriculum`).
    pub id: Option<String>,
    /// The manifest's text, for the lines of messages about it (read only when one is needed).
    #[serde(skip)]
    pub manifest_text: Option<std::sync::Arc<str>>,
    /// Base URL of the full documents; a document's link is this joined with its path.
    pub source_url: Option<String>,
    /// Where it was loaded from, as shown to the user (`<embedded>` or the folder).
    pub origin: String,
    pub docs: Vec<Doc>,
    pub sections: Vec<Section>,
    pub specializations: Vec<Specialization>,
    pub roles: Vec<Role>,
    pub other_pages: OtherPages,
    /// The table of contents a book or course site is read in, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<course::Table>,
}

impl Curriculum {
    pub fn doc(&self, id: DocId) -> &Doc {
        &self.docs[id.0]
    }

    /// The path, title and time of a document.
    pub fn doc_ref(&self, id: DocId) -> DocRef {
        let doc = self.doc(id);
        DocRef {
            path: doc.path.clone(),
            title: doc.title.clone(),
            minutes: doc.minutes,
        }
    }

    pub fn ids(&self) -> impl Iterator<Item = DocId> + '_ {
        (0..self.docs.len()).map(DocId)
    }

    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id.0]
    }

    pub fn specialization(&self, id: SpecId) -> &Specialization {
        &self.specializations[id.0]
    }

    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.0]
    }

    pub fn spec_ids(&self) -> impl Iterator<Item = SpecId> + '_ {
        (0..self.specializations.len()).map(SpecId)
    }

    pub fn section_ids(&self) -> impl Iterator<Item = SectionId> + '_ {
        (0..self.sections.len()).map(SectionId)
    }

    pub fn specialization_section(&self, spec: SpecId) -> &Section {
        self.section(self.specialization(spec).section)
    }

    /// Roles that lead to the given specialization.
    pub fn roles_for(&self, spec: SpecId) -> impl Iterator<Item = &Role> {
        self.roles
            .iter()
            .filter(move |role| role.specializations.contains(&spec))
    }

    pub fn section_minutes(&self, section: SectionId) -> u32 {
        self.section(section)
            .docs
            .iter()
            .map(|&id| self.doc(id).minutes)
            .sum()
    }

    /// The link to a document's full text, when the curriculum has a source URL.
    pub fn link(&self, id: DocId) -> Option<String> {
        let base = self.source_url.as_ref()?;
        let separator = if base.ends_with('/') { "" } else { "/" };
        Some(format!("{base}{separator}{}", self.doc(id).path))
    }

    /// The lines of places in the manifest (as `Section::defined_at` names them), read from its
    /// text once, by the YAML parser: ask only when a message needs them.
    pub fn manifest_lines(&self) -> impl Fn(&str) -> Option<usize> + '_ {
        let positions = std::cell::OnceCell::new();
        move |place: &str| {
            positions
                .get_or_init(|| {
                    crate::yaml::positions::Positions::of(
                        self.manifest_text.as_deref().unwrap_or(""),
                    )
                })
                .line(place)
        }
    }

    /// The path as the user should see it in messages.
    pub fn display_path(&self, path: &str) -> String {
        source::display_path(&self.origin, path)
    }
}
