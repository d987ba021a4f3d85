//! The diagram as Graphviz DOT: a cluster per section, a legend, styles by state; top to
//! bottom in ranks, titles wrapped as in the SVG, one sans-serif font throughout.

use crate::curriculum::duration::format_minutes;
use crate::diagram::layout::LABEL_SIZE;
use crate::diagram::text::wrap;
use crate::diagram::{Diagram, Node, State};
use std::io::{self, Write};

/// Fill colors by state, shared with the other pictures.
pub fn fill(state: State) -> &'static str {
    match state {
        State::Done => "#b7e1b0",
        State::Ready => "#fde58a",
        State::Blocked => "#e4e4e4",
    }
}

/// A DOT string literal; line breaks become `\n`, which DOT centres, and other control
/// characters are dropped; a backslash is doubled, so no other escape of DOT's (`\l`, `\N`, ...)
/// can be written.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_line(
    w: &mut dyn Write,
    id: &str,
    label: &str,
    state: State,
    target: bool,
) -> io::Result<()> {
    let border = if target {
        ", penwidth=3, color=\"#1f5fbf\""
    } else {
        ""
    };
    writeln!(
        w,
        "    {id} [label={}, fillcolor=\"{}\"{border}];",
        quoted(label),
        fill(state)
    )
}

/// The font of every label: Graphviz takes the first it finds.
const FONT: &str = "Helvetica,Arial,Liberation Sans,sans-serif";

/// A box's label: the title wrapped to the width of the SVG's boxes, then its time.
pub fn label(node: &Node) -> String {
    let lines = wrap(&node.doc.title, LABEL_SIZE, 176.0, 4);
    format!("{}\n{}", lines.join("\n"), format_minutes(node.doc.minutes))
}

pub fn render(diagram: &Diagram, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph learnpath {{")?;
    writeln!(w, "  label={};", quoted(&diagram.title))?;
    writeln!(w, "  labelloc=t;")?;
    writeln!(w, "  rankdir=TB;")?;
    writeln!(w, "  newrank=true;")?;
    writeln!(w, "  nodesep=0.25;")?;
    writeln!(w, "  ranksep=0.4;")?;
    writeln!(w, "  bgcolor=\"white\";")?;
    writeln!(w, "  fontname=\"{FONT}\";")?;
    writeln!(
        w,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"{FONT}\", fontsize=11];"
    )?;
    writeln!(w, "  edge [fontname=\"{FONT}\", color=\"#57606a\"];")?;
    for (index, group) in diagram.groups.iter().enumerate() {
        writeln!(w, "  subgraph cluster_{index} {{")?;
        writeln!(w, "    label={};", quoted(&group.label))?;
        writeln!(
            w,
            "    style=\"rounded,filled\"; fillcolor=\"#f6f8fa\"; color=\"#d0d7de\";"
        )?;
        for &node in &group.nodes {
            let n = &diagram.nodes[node];
            node_line(w, &format!("d{node}"), &label(n), n.state, n.target)?;
        }
        writeln!(w, "  }}")?;
    }
    for (from, to) in &diagram.edges {
        writeln!(w, "  d{from} -> d{to};")?;
    }
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(w, "    label=\"Legend\";")?;
    node_line(w, "legend_done", "done", State::Done, false)?;
    node_line(w, "legend_ready", "ready now", State::Ready, false)?;
    node_line(w, "legend_blocked", "still blocked", State::Blocked, false)?;
    node_line(w, "legend_target", "target", State::Blocked, true)?;
    writeln!(w, "  }}")?;
    writeln!(w, "}}")
}
