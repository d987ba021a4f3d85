//! The diagram as SVG, laid out in process by layout-rs (no Graphviz needed). layout-rs has no
//! clusters, so each node names its section on a third line; the legend is a row of nodes.

use super::dot::fill;
use crate::curriculum::duration::format_minutes;
use crate::diagram::{Diagram, State};
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::io::{self, Write};

/// The most documents the in-process layout draws: its time grows steeply past this (about a
/// second at 250 documents, a minute at 500, on the machine of the README's figures).
pub const MAX_NODES: usize = 300;

fn look(state: State, target: bool) -> StyleAttr {
    let hex = u32::from_str_radix(fill(state).trim_start_matches('#'), 16).unwrap_or(0xe4e4e4);
    let (line, width) = if target { (0x1f5fbf, 4) } else { (0x555555, 1) };
    StyleAttr::new(
        Color::new((line << 8) | 0xff),
        width,
        Some(Color::new((hex << 8) | 0xff)),
        6,
        14,
    )
}

fn element(label: &str, state: State, target: bool) -> Element {
    let widest = label
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(1);
    let size = Point::new(
        widest as f64 * 8.0 + 24.0,
        label.lines().count() as f64 * 18.0 + 20.0,
    );
    Element::create(
        ShapeKind::new_box(label),
        look(state, target),
        Orientation::TopToBottom,
        size,
    )
}

pub fn render(diagram: &Diagram, w: &mut dyn Write) -> io::Result<()> {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let mut section = vec![""; diagram.nodes.len()];
    for group in &diagram.groups {
        for &node in &group.nodes {
            section[node] = &group.label;
        }
    }
    let handles: Vec<_> = diagram
        .nodes
        .iter()
        .zip(&section)
        .map(|(node, section)| {
            let label = format!(
                "{}\n{}\n{section}",
                node.doc.title,
                format_minutes(node.doc.minutes)
            );
            graph.add_node(element(&label, node.state, node.target))
        })
        .collect();
    for &(from, to) in &diagram.edges {
        graph.add_edge(Arrow::simple(""), handles[from], handles[to]);
    }
    for (label, state, target) in [
        ("legend: done", State::Done, false),
        ("legend: ready now", State::Ready, false),
        ("legend: still blocked", State::Blocked, false),
        ("legend: target", State::Blocked, true),
    ] {
        graph.add_node(element(label, state, target));
    }
    let mut svg = SVGWriter::new();
    graph.do_it(false, false, false, &mut svg);
    w.write_all(sorted_styles(&svg.finalize()).as_bytes())
}

/// layout-rs writes its CSS classes in hash-map order; sorted, the same graph gives the same
/// bytes every time.
fn sorted_styles(svg: &str) -> String {
    let (Some(open), Some(close)) = (svg.find("<style>"), svg.find("</style>")) else {
        return svg.to_string();
    };
    let start = open + "<style>".len();
    let mut rules: Vec<&str> = svg[start..close]
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    rules.sort_unstable();
    format!("{}\n{}\n{}", &svg[..start], rules.join("\n"), &svg[close..])
}
