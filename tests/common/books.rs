//! What a loader must make of each fixture course under tests/fixtures/books: NAME.expected.yaml.

use serde::Deserialize;
use std::collections::BTreeMap;

/// One planned page, as NAME.expected.yaml lists it and as a tool's sidebar shows it.
#[derive(Debug, Deserialize, PartialEq, Eq, Clone)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub title: String,
    pub section: String,
    pub part: String,
}

/// A page of the Hugo project's plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    pub path: String,
    pub title: String,
    pub time: String,
}

/// NAME.expected.yaml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub kind: String,
    #[serde(default)]
    pub order: Vec<Entry>,
    #[serde(default)]
    pub drafts: Vec<String>,
    #[serde(default)]
    pub not_pages: Vec<String>,
    #[serde(default)]
    pub nested_books: Vec<String>,
    #[serde(default)]
    pub exercises: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub project: Option<String>,
    #[serde(default)]
    pub plan_for_project: Vec<Required>,
    #[serde(default)]
    pub hubs: Vec<String>,
    #[serde(default)]
    pub not_in_plan: Vec<String>,
}
