//! The diagram as a Mermaid `flowchart`: a subgraph per section, a legend, classes by state.

use super::dot::fill;
use crate::curriculum::duration::format_minutes;
use crate::diagram::{Diagram, State};
use std::io::{self, Write};

/// Text in a quoted Mermaid label: quotes and angle brackets become Mermaid's entity codes, so
/// that they show as written and are not read as HTML.
fn text(value: &str) -> String {
    value
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// A YAML double-quoted string, for the diagram's frontmatter title.
fn yaml_string(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

fn class(state: State) -> &'static str {
    match state {
        State::Done => "done",
        State::Ready => "ready",
        State::Blocked => "blocked",
    }
}

pub fn render(diagram: &Diagram, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "---")?;
    writeln!(w, "title: {}", yaml_string(&diagram.title))?;
    writeln!(w, "---")?;
    writeln!(w, "flowchart LR")?;
    for (index, group) in diagram.groups.iter().enumerate() {
        writeln!(w, "  subgraph s{index} [\"{}\"]", text(&group.label))?;
        for &node in &group.nodes {
            let n = &diagram.nodes[node];
            writeln!(
                w,
                "    d{node}[\"{}<br/>{}\"]:::{}",
                text(&n.doc.title),
                format_minutes(n.doc.minutes),
                class(n.state)
            )?;
        }
        writeln!(w, "  end")?;
    }
    for (from, to) in &diagram.edges {
        writeln!(w, "  d{from} --> d{to}")?;
    }
    writeln!(w, "  subgraph legend [\"Legend\"]")?;
    writeln!(w, "    legend_done[\"done\"]:::done")?;
    writeln!(w, "    legend_ready[\"ready now\"]:::ready")?;
    writeln!(w, "    legend_blocked[\"still blocked\"]:::blocked")?;
    writeln!(w, "    legend_target[\"target\"]:::blocked")?;
    writeln!(w, "  end")?;
    for state in [State::Done, State::Ready, State::Blocked] {
        writeln!(
            w,
            "  classDef {} fill:{},stroke:#555",
            class(state),
            fill(state)
        )?;
    }
    let targets: Vec<String> = diagram
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.target)
        .map(|(index, _)| format!("d{index}"))
        .chain(std::iter::once("legend_target".to_string()))
        .collect();
    writeln!(w, "  classDef target stroke:#1f5fbf,stroke-width:3px")?;
    writeln!(w, "  class {} target", targets.join(","))
}
