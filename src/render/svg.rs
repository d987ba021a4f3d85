//! The diagram as SVG, laid out in process by [`crate::diagram::layout`] (no Graphviz
//! needed): a framed band per section, boxes in sans-serif that fit their text, arrows through
//! the gaps, an opaque background and a canvas just larger than its content.

use super::dot::fill;
use crate::diagram::layout::{
    LABEL_SIZE, LEGEND_SIZE, LINE, Layout, META_SIZE, Rect, SECTION_SIZE, TITLE_SIZE, layout,
};
use crate::diagram::text::FONT_FAMILY;
use crate::diagram::{Diagram, State};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Text for XML: the five special characters escaped, control characters (and the two
/// characters XML forbids, U+FFFE and U+FFFF) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// A length in pixels, to one decimal, without a needless ".0".
fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn rect_attrs(rect: &Rect) -> String {
    format!(
        "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
        px(rect.x),
        px(rect.y),
        px(rect.w),
        px(rect.h)
    )
}

/// The CSS class of a state.
pub fn class(state: State) -> &'static str {
    match state {
        State::Done => "done",
        State::Ready => "ready",
        State::Blocked => "blocked",
    }
}

pub fn render(diagram: &Diagram, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(picture(diagram, &layout(diagram)).as_bytes())
}

/// The SVG document of a laid-out diagram.
pub fn picture(diagram: &Diagram, layout: &Layout) -> String {
    let mut s = String::new();
    let (width, height) = (px(layout.width), px(layout.height));
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lp-graph\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\" role=\"img\">",
        escape(FONT_FAMILY)
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&diagram.title));
    s.push_str("<defs><marker id=\"lp-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>\n");
    let _ = writeln!(
        s,
        "<rect class=\"bg\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    let (x, y) = layout.title_at;
    let _ = writeln!(
        s,
        "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\" fill=\"#1f2328\">{}</text>",
        px(x),
        px(y),
        escape(&diagram.title)
    );
    legend(&mut s, layout);
    frames(&mut s, layout);
    edges(&mut s, diagram, layout);
    section_labels(&mut s, layout);
    boxes(&mut s, diagram, layout);
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String, layout: &Layout) {
    s.push_str("<g class=\"legend\">\n");
    for swatch in &layout.legend {
        let (stroke, width) = stroke(swatch.target);
        let _ = writeln!(
            s,
            "<rect class=\"swatch {}\" {} rx=\"3\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/><text x=\"{}\" y=\"{}\" font-size=\"{LEGEND_SIZE}\" fill=\"#1f2328\">{}</text>",
            class(swatch.state),
            rect_attrs(&swatch.rect),
            fill(swatch.state),
            px(swatch.rect.right() + 6.0),
            px(swatch.rect.y + 11.0),
            swatch.label
        );
    }
    s.push_str("</g>\n");
}

fn frames(s: &mut String, layout: &Layout) {
    s.push_str("<g class=\"sections\">\n");
    for frame in &layout.frames {
        let _ = writeln!(
            s,
            "<g class=\"section\"><rect {} rx=\"8\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/></g>",
            rect_attrs(&frame.rect),
        );
    }
    s.push_str("</g>\n");
}

/// The sections' names, over the arrows that pass them, each on a halo of the frame's color.
fn section_labels(s: &mut String, layout: &Layout) {
    s.push_str("<g class=\"section-labels\" stroke=\"#f6f8fa\" stroke-width=\"5\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n");
    for frame in &layout.frames {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{SECTION_SIZE}\" font-weight=\"bold\" fill=\"#424a53\">{}</text>",
            px(frame.rect.x + 12.0),
            px(frame.rect.y + 20.0),
            escape(&frame.label)
        );
    }
    s.push_str("</g>\n");
}

fn edges(s: &mut String, diagram: &Diagram, layout: &Layout) {
    s.push_str("<g class=\"edges\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.3\" stroke-linejoin=\"round\">\n");
    for (&(from, to), points) in diagram.edges.iter().zip(&layout.edges) {
        let d: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, (x, y))| format!("{}{},{}", if i == 0 { 'M' } else { 'L' }, px(*x), px(*y)))
            .collect();
        let _ = writeln!(
            s,
            "<path class=\"edge\" data-from=\"{from}\" data-to=\"{to}\" d=\"{}\" marker-end=\"url(#lp-arrow)\"/>",
            d.join(" ")
        );
    }
    s.push_str("</g>\n");
}

fn stroke(target: bool) -> (&'static str, &'static str) {
    if target {
        ("#1f5fbf", "3")
    } else {
        ("#6e7781", "1")
    }
}

fn boxes(s: &mut String, diagram: &Diagram, layout: &Layout) {
    s.push_str("<g class=\"docs\">\n");
    for (index, (node, placed)) in diagram.nodes.iter().zip(&layout.nodes).enumerate() {
        let rect = &placed.rect;
        let target = if node.target { " target" } else { "" };
        let (stroke, width) = stroke(node.target);
        let _ = write!(
            s,
            "<g class=\"doc {}{target}\" data-node=\"{index}\" data-path=\"{}\" tabindex=\"0\"><title>{}</title><rect {} rx=\"6\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/><text font-size=\"{LABEL_SIZE}\" fill=\"#1f2328\">",
            class(node.state),
            escape(&node.doc.path),
            escape(&node.doc.title),
            rect_attrs(rect),
            fill(node.state),
        );
        let x = px(rect.x + 10.0);
        for (line, text) in placed.lines.iter().enumerate() {
            let y = rect.y + 10.0 + LABEL_SIZE + line as f64 * LINE - 2.0;
            let _ = write!(
                s,
                "<tspan x=\"{x}\" y=\"{}\">{}</tspan>",
                px(y),
                escape(text)
            );
        }
        let _ = writeln!(
            s,
            "</text><text class=\"meta\" x=\"{x}\" y=\"{}\" font-size=\"{META_SIZE}\" fill=\"#424a53\">{}</text></g>",
            px(rect.bottom() - 10.0),
            escape(&placed.meta)
        );
    }
    s.push_str("</g>\n");
}
