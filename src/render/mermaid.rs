//! The diagram as a Mermaid `flowchart`: a subgraph per section, a legend, classes by state.

use super::dot::fill;
use crate::curriculum::duration::format_minutes;
use crate::diagram::{Diagram, State};
use std::io::{self, Write};

/// Text in a quoted Mermaid label, shown as written: on one line (a line break would end the
/// statement and start any other, `click` or `%%{init}%%` included); quotes, angle brackets
/// and `&` as Mermaid's entity codes (not read as HTML); `#` coded so no code of the text is
/// decoded, `%` so no directive or comment can start, backticks so no Markdown string can,
/// `;` so no statement ends.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' => out.push_str("#35;"),
            '%' => out.push_str("#37;"),
            ';' => out.push_str("#59;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted string on one line, for the diagram's frontmatter title; `%`, backticks
/// and angle brackets written as `\x` escapes, so that no `%%`, Markdown string or tag appears
/// in the diagram's text at all.
pub fn yaml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("\\x25"),
            '`' => out.push_str("\\x60"),
            '<' => out.push_str("\\x3C"),
            '>' => out.push_str("\\x3E"),
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
