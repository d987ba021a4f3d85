//! The prerequisite graph: an edge runs from a prerequisite to the document that needs it.

use crate::curriculum::{Curriculum, DocId};
use crate::diagnostic::Diagnostic;
use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Node `i` is document `DocId(i)`.
#[derive(Debug, Clone)]
pub struct PrereqGraph {
    graph: DiGraph<(), ()>,
    /// Per document, those that name it a soft prerequisite: they come after it when both
    /// are planned, and nothing more.
    soft: Vec<Vec<DocId>>,
}

fn node(id: DocId) -> NodeIndex {
    NodeIndex::new(id.0)
}

fn doc(index: NodeIndex) -> DocId {
    DocId(index.index())
}

/// The report of each cycle, naming the line where its first document requires the next.
fn cycle_diagnostics(curriculum: &Curriculum, cycles: Vec<Vec<DocId>>) -> Vec<Diagnostic> {
    cycles
        .into_iter()
        .map(|cycle| {
            let first = curriculum.doc(cycle[0]);
            let next = cycle.get(1).copied().unwrap_or(cycle[0]);
            let line = first
                .prerequisites
                .iter()
                .position(|&p| p == next)
                .and_then(|index| first.prerequisite_lines.get(index).copied().flatten());
            let chain: Vec<&str> = cycle
                .iter()
                .chain(std::iter::once(&cycle[0]))
                .map(|&id| curriculum.doc(id).path.as_str())
                .collect();
            Diagnostic::error(format!(
                "prerequisite cycle: {} (each requires the next)",
                chain.join(" → ")
            ))
            .file(curriculum.display_path(&first.path))
            .line(line)
            .field("prerequisites")
            .help("remove one of these prerequisites to break the cycle")
        })
        .collect()
}

impl PrereqGraph {
    /// Builds the graph and checks it has no cycle. Each cycle is reported once, in full.
    pub fn build(curriculum: &Curriculum) -> Result<PrereqGraph, Vec<Diagnostic>> {
        let graph = PrereqGraph::unchecked(curriculum);
        let cycles = graph.cycles();
        if cycles.is_empty() {
            return Ok(graph);
        }
        Err(cycle_diagnostics(curriculum, cycles))
    }

    /// The graph as the documents' prerequisites make it, cycles and all.
    pub fn unchecked(curriculum: &Curriculum) -> PrereqGraph {
        let mut graph = DiGraph::with_capacity(curriculum.docs.len(), curriculum.docs.len() * 2);
        for _ in &curriculum.docs {
            graph.add_node(());
        }
        let mut soft = vec![Vec::new(); curriculum.docs.len()];
        for id in curriculum.ids() {
            let document = curriculum.doc(id);
            for &prerequisite in &document.prerequisites {
                graph.add_edge(node(prerequisite), node(id), ());
            }
            for &before in &document.soft_prerequisites {
                if before != id {
                    soft[before.0].push(id);
                }
            }
        }
        PrereqGraph { graph, soft }
    }

    /// The documents on a prerequisite cycle, and the report of each cycle. (Kosaraju's
    /// algorithm walks without recursion: a book is one chain of thousands of pages.)
    pub fn on_cycles(&self, curriculum: &Curriculum) -> (Vec<DocId>, Vec<Diagnostic>) {
        let cycles = self.cycles();
        let mut on: Vec<DocId> = kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|component| {
                component.len() > 1 || self.graph.contains_edge(component[0], component[0])
            })
            .flatten()
            .map(doc)
            .collect();
        on.sort();
        (on, cycle_diagnostics(curriculum, cycles))
    }

    /// Each cycle as the documents along it, starting at its smallest id and following
    /// "requires" links. Sorted, so the report is deterministic.
    fn cycles(&self) -> Vec<Vec<DocId>> {
        let mut cycles: Vec<Vec<DocId>> = kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|component| {
                component.len() > 1 || self.graph.contains_edge(component[0], component[0])
            })
            .map(|component| self.cycle_within(&component))
            .collect();
        cycles.sort();
        cycles
    }

    /// A shortest cycle through the smallest node of a strongly connected component.
    fn cycle_within(&self, component: &[NodeIndex]) -> Vec<DocId> {
        let start = *component.iter().min().expect("components are not empty");
        let inside: std::collections::HashSet<NodeIndex> = component.iter().copied().collect();
        let mut came_from: std::collections::HashMap<NodeIndex, NodeIndex> = Default::default();
        let mut queue = VecDeque::from([start]);
        while let Some(current) = queue.pop_front() {
            let mut requires: Vec<NodeIndex> = self
                .graph
                .neighbors_directed(current, Direction::Incoming)
                .filter(|next| inside.contains(next))
                .collect();
            requires.sort();
            for next in requires {
                if next == start {
                    let mut path = vec![doc(current)];
                    let mut at = current;
                    while at != start {
                        at = came_from[&at];
                        path.push(doc(at));
                    }
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(entry) = came_from.entry(next) {
                    entry.insert(current);
                    queue.push_back(next);
                }
            }
        }
        vec![doc(start)]
    }

    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The documents that directly require `id`, in curriculum order.
    pub fn dependents(&self, id: DocId) -> Vec<DocId> {
        self.sorted_neighbors(id, Direction::Outgoing)
    }

    /// The direct prerequisites of `id`, in curriculum order.
    pub fn prerequisites(&self, id: DocId) -> Vec<DocId> {
        self.sorted_neighbors(id, Direction::Incoming)
    }

    fn sorted_neighbors(&self, id: DocId, direction: Direction) -> Vec<DocId> {
        let mut found: Vec<DocId> = self
            .graph
            .neighbors_directed(node(id), direction)
            .map(doc)
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// All transitive prerequisites of the given documents (not the documents themselves
    /// unless one requires another), in curriculum order.
    pub fn ancestors(&self, of: impl IntoIterator<Item = DocId>) -> Vec<DocId> {
        self.reach(of, Direction::Incoming)
    }

    /// The given documents and all they require, in curriculum order.
    pub fn closure(&self, of: &[DocId]) -> Vec<DocId> {
        let mut all = self.ancestors(of.iter().copied());
        all.extend(of);
        all.sort();
        all.dedup();
        all
    }

    /// All documents that transitively require any of the given ones, in curriculum order.
    pub fn descendants(&self, of: impl IntoIterator<Item = DocId>) -> Vec<DocId> {
        self.reach(of, Direction::Outgoing)
    }

    fn reach(&self, of: impl IntoIterator<Item = DocId>, direction: Direction) -> Vec<DocId> {
        let mut seen = vec![false; self.len()];
        let mut stack: Vec<NodeIndex> = of.into_iter().map(node).collect();
        while let Some(current) = stack.pop() {
            for next in self.graph.neighbors_directed(current, direction) {
                if !seen[next.index()] {
                    seen[next.index()] = true;
                    stack.push(next);
                }
            }
        }
        seen.iter()
            .enumerate()
            .filter(|(_, seen)| **seen)
            .map(|(index, _)| DocId(index))
            .collect()
    }

    /// A topological order of the `included` documents: prerequisites first, ties broken by the
    /// smallest `priority` (then by curriculum order). Kahn's algorithm with a heap, so the
    /// order is deterministic and O((V + E) log V).
    pub fn topological_order<K: Ord + Copy>(
        &self,
        included: &[bool],
        priority: impl Fn(DocId) -> K,
    ) -> Vec<DocId> {
        let (hard, soft) = self.links_within(included);
        let mut kahn = Kahn {
            hard,
            soft,
            queued: vec![false; self.len()],
            ready: BinaryHeap::new(),
            priority,
        };
        for index in (0..self.len()).filter(|&index| included[index]) {
            kahn.release(DocId(index));
        }
        let wanted = included.iter().filter(|included| **included).count();
        let mut order = Vec::with_capacity(wanted);
        loop {
            while let Some(Reverse((_, id))) = kahn.ready.pop() {
                order.push(id);
                for next in self.graph.neighbors_directed(node(id), Direction::Outgoing) {
                    let next = doc(next);
                    if included[next.0] {
                        kahn.hard[next.0] -= 1;
                        kahn.release(next);
                    }
                }
                for &next in &self.soft[id.0] {
                    if included[next.0] {
                        kahn.soft[next.0] = kahn.soft[next.0].saturating_sub(1);
                        kahn.release(next);
                    }
                }
            }
            if order.len() >= wanted {
                return order;
            }
            // Soft links that go against the hard ones (or round in a circle) give way: the
            // first document whose prerequisites are all placed goes next.
            let Some(free) = (0..self.len())
                .filter(|&index| included[index] && !kahn.queued[index] && kahn.hard[index] == 0)
                .map(DocId)
                .min_by_key(|&id| ((kahn.priority)(id), id))
            else {
                return order;
            };
            kahn.soft[free.0] = 0;
            kahn.release(free);
        }
    }

    /// For each document, how many of its hard and of its soft prerequisites are `included`
    /// (counted only for included documents).
    fn links_within(&self, included: &[bool]) -> (Vec<usize>, Vec<usize>) {
        let mut hard = vec![0usize; self.len()];
        let mut soft = vec![0usize; self.len()];
        for edge in self.graph.raw_edges() {
            if included[edge.source().index()] && included[edge.target().index()] {
                hard[edge.target().index()] += 1;
            }
        }
        for (before, afters) in self.soft.iter().enumerate() {
            for after in afters.iter().filter(|_| included[before]) {
                soft[after.0] += usize::from(included[after.0]);
            }
        }
        (hard, soft)
    }
}

/// Kahn's algorithm's state: the prerequisites not yet placed of each document, hard and soft,
/// and the documents ready, smallest priority first.
struct Kahn<K, P> {
    hard: Vec<usize>,
    soft: Vec<usize>,
    queued: Vec<bool>,
    ready: BinaryHeap<Reverse<(K, DocId)>>,
    priority: P,
}

impl<K: Ord + Copy, P: Fn(DocId) -> K> Kahn<K, P> {
    /// Queues `id` when nothing it waits for is left and it is not queued yet.
    fn release(&mut self, id: DocId) {
        if self.hard[id.0] == 0 && self.soft[id.0] == 0 && !self.queued[id.0] {
            self.queued[id.0] = true;
            self.ready.push(Reverse(((self.priority)(id), id)));
        }
    }
}
