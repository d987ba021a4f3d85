//! The prerequisite graph as a picture: which documents, grouped by section, in which state.
//! Plain data; `render::dot`, `render::mermaid` and `render::svg` draw it, the last with
//! [`layout`].

pub mod layout;
pub mod text;

use crate::curriculum::{Curriculum, DocId, DocRef};
use crate::graph::PrereqGraph;
use crate::plan::{DoneSet, Selection};
use serde::Serialize;

/// How a document stands for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Studied.
    Done,
    /// Not studied, and every prerequisite is: it can be started now.
    Ready,
    /// Waiting for a prerequisite.
    Blocked,
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    #[serde(flatten)]
    pub doc: DocRef,
    pub state: State,
    /// A document of a chosen specialization (or named on the command line).
    pub target: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// "3.1 Storage & RDMA Applications", or "Other documents".
    pub label: String,
    /// Indices into `Diagram::nodes`.
    pub nodes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagram {
    pub title: String,
    pub nodes: Vec<Node>,
    /// (prerequisite, dependent) as indices into `nodes`.
    pub edges: Vec<(usize, usize)>,
    pub groups: Vec<Group>,
}

/// What to draw: the documents of `roots` and everything they require (the whole curriculum
/// when `roots` is empty), with `targets` framed.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub roots: &'a [DocId],
    /// The documents chosen for their own sake (a chosen specialization's, or those named).
    pub targets: &'a [DocId],
}

/// What a picture is of.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// The whole curriculum.
    Curriculum,
    /// A role or specializations: their documents and all they require, the chosen
    /// specializations' own documents framed.
    Selection(&'a Selection),
    /// Documents and all they require, those framed; `named` is how they were asked for.
    Docs { ids: &'a [DocId], named: &'a str },
}

/// The picture of a subject, titled after it.
pub fn of_subject(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    subject: Subject<'_>,
    done: &DoneSet,
) -> Diagram {
    let (roots, targets, title) = match subject {
        Subject::Curriculum => (Vec::new(), Vec::new(), curriculum.name.clone()),
        Subject::Selection(selection) => (
            selection.targets(curriculum),
            selection.specialization_docs(curriculum),
            selection.describe(curriculum),
        ),
        Subject::Docs { ids, named } => (ids.to_vec(), ids.to_vec(), named.to_string()),
    };
    let scope = Scope {
        roots: &roots,
        targets: &targets,
    };
    diagram(curriculum, graph, scope, done, title)
}

/// The subgraph of a scope, with each document's state against `done`.
pub fn diagram(
    curriculum: &Curriculum,
    graph: &PrereqGraph,
    scope: Scope<'_>,
    done: &DoneSet,
    title: String,
) -> Diagram {
    let targets = scope.targets;
    let shown: Vec<DocId> = if scope.roots.is_empty() {
        curriculum.ids().collect()
    } else {
        graph.closure(scope.roots)
    };
    let mut index_of = vec![usize::MAX; curriculum.docs.len()];
    for (index, id) in shown.iter().enumerate() {
        index_of[id.0] = index;
    }
    let mut is_target = vec![false; curriculum.docs.len()];
    for id in targets {
        is_target[id.0] = true;
    }
    let nodes = shown
        .iter()
        .map(|&id| {
            let doc = curriculum.doc(id);
            let state = if done.contains(id) {
                State::Done
            } else if doc.prerequisites.iter().all(|&p| done.contains(p)) {
                State::Ready
            } else {
                State::Blocked
            };
            Node {
                doc: curriculum.doc_ref(id),
                state,
                target: is_target[id.0],
            }
        })
        .collect();
    let index_of = &index_of;
    let edges = shown
        .iter()
        .flat_map(|&id| {
            let to = index_of[id.0];
            curriculum
                .doc(id)
                .prerequisites
                .iter()
                .map(move |p| (index_of[p.0], to))
        })
        .collect();
    let groups = groups(curriculum, &shown);
    Diagram {
        title,
        nodes,
        edges,
        groups,
    }
}

/// The shown documents (by index into `shown`) grouped by section, in order of first
/// appearance; documents in no section last, as "Other documents".
fn groups(curriculum: &Curriculum, shown: &[DocId]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut other = Vec::new();
    for (index, &id) in shown.iter().enumerate() {
        match curriculum.doc(id).section {
            Some(section) => {
                let label = curriculum.section(section).label();
                match groups.iter_mut().find(|group| group.label == label) {
                    Some(group) => group.nodes.push(index),
                    None => groups.push(Group {
                        label,
                        nodes: vec![index],
                    }),
                }
            }
            None => other.push(index),
        }
    }
    if !other.is_empty() {
        groups.push(Group {
            label: "Other documents".to_string(),
            nodes: other,
        });
    }
    groups
}
