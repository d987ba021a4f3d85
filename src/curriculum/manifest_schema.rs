//! The manifest's schema, `learnpath.yaml` as written. It depends on serde alone, so that the
//! build script can decode the embedded manifest ahead of time (see build.rs).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The manifest as written. Unknown keys are errors: a typo in a key would otherwise silently
/// drop a section or a role.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    /// A stable identity for the curriculum's progress (its own progress file), kept when the
    /// folder moves or the name changes. Letters, digits, `.`, `-` and `_`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default)]
    pub parts: Vec<PartDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specializations: Vec<SpecializationDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleDef>,
    /// How this curriculum's pages name their fields and links, when learnpath's detection is
    /// not enough (`learnpath init` writes what it detected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<SchemaDef>,
    /// Where a book's or course site's order comes from (`learnpath init` writes what it
    /// detected); without it, learnpath looks for a table of contents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderDef>,
}

/// The `order:` block: the kind of table of contents (`mdbook`, `jupyter-book`,
/// `hf-toctree`, `mkdocs`, `docusaurus`, `numbered`, or `none` for frontmatter alone) and,
/// for the record, its file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrderDef {
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// The `schema:` block: which frontmatter field means what, and how links are written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaDef {
    /// The field holding a page's study time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// How that field reads: `minutes`, `hours` or `text` ("45 min").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<String>,
    /// The field holding a page's level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The field holding a page's prerequisites (a list, or a map of `hard` and `soft` lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<String>,
    /// The field holding a page's own name for links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether a page without a time gets one estimated from its words (default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<bool>,
    /// URL prefixes that links start with, and the folder each stands for ("" for the root).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub link_prefixes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartDef {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub sections: Vec<SectionDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    pub id: String,
    pub title: String,
    pub folders: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisite_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SpecializationDef {
    /// The id of the section that is the specialization.
    pub section: String,
    /// Whom it is for ("When to specialize").
    #[serde(default)]
    pub when: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Section ids of the 1-2 specializations, in the order they are studied.
    pub specializations: Vec<String>,
    /// Section ids on the role's learning path besides what the specializations require.
    #[serde(default)]
    pub includes: Vec<String>,
}
