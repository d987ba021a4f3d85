//! The manifest's schema, `learnpath.yaml` as written. It depends on serde alone, so that the
//! build script can decode the embedded manifest ahead of time (see build.rs).

use serde::{Deserialize, Serialize};

/// The manifest as written. Unknown keys are errors: a typo in a key would otherwise silently
/// drop a section or a role.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    /// A stable identity for the curriculum's progress (its own progress file), kept when the
    /// folder moves or the name changes. Letters, digits, `.`, `-` and `_`.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub parts: Vec<PartDef>,
    #[serde(default)]
    pub specializations: Vec<SpecializationDef>,
    #[serde(default)]
    pub roles: Vec<RoleDef>,
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
    #[serde(default)]
    pub claimed_time: Option<String>,
    #[serde(default)]
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
