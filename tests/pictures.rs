//! The SVG graph checked by its geometry: boxes apart, labels inside their boxes, arrows
//! around boxes, documents inside their section's frame, a canvas the size of its content
//! plus the margin; and in a real browser, text measured in the real font fits its box.

mod common;

use common::{browse, chromium, learnpath};
use roxmltree::{Document, Node};

const MARGIN: f64 = 16.0;

#[derive(Debug, Clone, Copy)]
struct Box {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Box {
    fn of(rect: Node) -> Box {
        let get = |name| rect.attribute(name).unwrap_or("0").parse::<f64>().unwrap();
        Box {
            x: get("x"),
            y: get("y"),
            w: get("width"),
            h: get("height"),
        }
    }
    fn overlaps(&self, other: &Box) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
    fn contains(&self, other: &Box) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.y + other.h <= self.y + self.h
    }
    /// Whether the segment passes through the inside of the box (touching its edge is not).
    fn crossed_by(&self, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> bool {
        let inner = Box {
            x: self.x + 0.5,
            y: self.y + 0.5,
            w: self.w - 1.0,
            h: self.h - 1.0,
        };
        (0..=200).any(|step| {
            let t = f64::from(step) / 200.0;
            let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
            x > inner.x && x < inner.x + inner.w && y > inner.y && y < inner.y + inner.h
        })
    }
}

fn class_is(node: &Node, prefix: &str) -> bool {
    node.attribute("class")
        .is_some_and(|class| class == prefix || class.starts_with(&format!("{prefix} ")))
}

fn number(node: &Node, name: &str) -> f64 {
    node.attribute(name).unwrap().parse().unwrap()
}

/// A rough width for sans-serif text, independent of the layout's own measure: 0.5 em a
/// character, Arial's average (the browser test measures the real font).
fn rough_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * 0.5 * size
}

/// The points of a path made of M and L commands.
fn points(d: &str) -> Vec<(f64, f64)> {
    d.split_whitespace()
        .map(|step| {
            let (x, y) = step[1..].split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// Every line of a document's labels lies inside its box, with room at the sides.
fn check_text_inside(doc: &Node, rect: &Box) {
    for text in doc.children().filter(|n| n.has_tag_name("text")) {
        let size = number(&text, "font-size");
        let lines: Vec<Node> = match text.children().any(|n| n.has_tag_name("tspan")) {
            true => text
                .children()
                .filter(|n| n.has_tag_name("tspan"))
                .collect(),
            false => vec![text],
        };
        for line in lines {
            let (x, y) = (number(&line, "x"), number(&line, "y"));
            let words = line.text().unwrap_or("");
            assert!(x >= rect.x + 4.0, "{words}");
            assert!(
                x + rough_width(words, size) <= rect.x + rect.w - 4.0,
                "{words:?} overflows {rect:?}"
            );
            assert!(
                y - size >= rect.y && y + 0.3 * size <= rect.y + rect.h,
                "{words:?} {rect:?}"
            );
        }
    }
}

/// The bounds (left, top, right, bottom) of what the picture draws: boxes, frames, texts
/// and arrows; no arrow crosses a document's box.
fn content_bounds(root: &Node, boxes: &[Box]) -> (f64, f64, f64, f64) {
    let mut content = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut grow = |x: f64, y: f64| {
        content = (
            content.0.min(x),
            content.1.min(y),
            content.2.max(x),
            content.3.max(y),
        );
    };
    for rect in root
        .descendants()
        .filter(|n| n.has_tag_name("rect") && !class_is(n, "bg"))
    {
        let b = Box::of(rect);
        if rect.ancestors().any(|a| a.has_tag_name("defs")) {
            continue;
        }
        grow(b.x, b.y);
        grow(b.x + b.w, b.y + b.h);
    }
    for text in root
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("x").is_some())
    {
        let (x, y, size) = (
            number(&text, "x"),
            number(&text, "y"),
            number(&text, "font-size"),
        );
        grow(x, y - size);
        grow(x + rough_width(text.text().unwrap_or(""), size), y);
    }
    for path in root.descendants().filter(|n| class_is(n, "edge")) {
        let points = points(path.attribute("d").unwrap());
        for &(x, y) in &points {
            grow(x, y);
        }
        for pair in points.windows(2) {
            for rect in boxes {
                assert!(
                    !rect.crossed_by(pair[0], pair[1]),
                    "an arrow crosses {rect:?}"
                );
            }
        }
    }
    content
}

/// Checks one SVG; returns how many documents it draws.
fn check_geometry(svg: &str) -> usize {
    let document = Document::parse(svg).expect("well-formed XML");
    let root = document.root_element();
    let (width, height) = (number(&root, "width"), number(&root, "height"));
    let background = root
        .children()
        .find(|n| class_is(n, "bg"))
        .expect("a background");
    assert_eq!(background.attribute("fill"), Some("#ffffff"), "opaque");
    assert!(
        root.attribute("font-family")
            .unwrap()
            .contains("sans-serif")
    );
    let docs: Vec<Node> = root.descendants().filter(|n| class_is(n, "doc")).collect();
    let boxes: Vec<Box> = docs
        .iter()
        .map(|doc| Box::of(doc.children().find(|n| n.has_tag_name("rect")).unwrap()))
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
        }
    }
    for (doc, rect) in docs.iter().zip(&boxes) {
        check_text_inside(doc, rect);
    }
    let frames: Vec<Box> = root
        .descendants()
        .filter(|n| class_is(n, "section"))
        .map(|n| Box::of(n.children().find(|c| c.has_tag_name("rect")).unwrap()))
        .collect();
    for rect in &boxes {
        assert_eq!(
            frames.iter().filter(|f| f.contains(rect)).count(),
            1,
            "{rect:?} in one section"
        );
    }
    let content = content_bounds(&root, &boxes);
    let (w, h) = (
        content.2 - content.0 + 2.0 * MARGIN,
        content.3 - content.1 + 2.0 * MARGIN,
    );
    assert!(content.0 >= 0.0 && content.1 >= 0.0 && content.2 <= width && content.3 <= height);
    assert!(
        width <= w * 1.05 && height <= h * 1.05,
        "canvas {width}x{height}, content + margin {w}x{h}"
    );
    docs.len()
}

#[test]
fn the_svg_of_each_role_has_sound_geometry() {
    let roles = learnpath(&["list", "roles", "--format", "json"])
        .code(0)
        .stdout;
    let roles: serde_json::Value = serde_json::from_str(&roles).unwrap();
    for role in roles.as_array().unwrap() {
        let name = role["name"].as_str().unwrap();
        let svg = learnpath(&["graph", "--role", name]).code(0).stdout;
        assert!(check_geometry(&svg) > 0, "{name}");
    }
}

#[test]
fn the_svg_of_the_whole_curriculum_has_sound_geometry() {
    let svg = learnpath(&["graph"]).code(0).stdout;
    assert_eq!(check_geometry(&svg), 65);
    let document = Document::parse(&svg).unwrap();
    let width = number(&document.root_element(), "width");
    assert!(width < 1400.0, "readable at a screen's width: {width}");
}

#[test]
fn the_svg_of_some_documents_has_sound_geometry() {
    let svg = learnpath(&[
        "graph",
        "01_tlb_ept_explained",
        "--done",
        "01_the_ring0_problem",
    ])
    .code(0)
    .stdout;
    assert!(check_geometry(&svg) > 1);
}

/// A page that measures every text of the SVG in the browser's real font and says which
/// do not fit their box (or frame).
const MEASURE: &str = r#"<script>
const bad = [];
const inside = (t, r) => {
  const b = t.getBBox();
  if (b.x < r.x || b.y < r.y || b.x + b.width > r.x + r.width || b.y + b.height > r.y + r.height) {
    bad.push(t.textContent);
  }
};
for (const g of document.querySelectorAll(".doc")) {
  for (const t of g.querySelectorAll("text")) inside(t, g.querySelector("rect").getBBox());
}
const frames = [...document.querySelectorAll(".section rect")];
[...document.querySelectorAll(".section-labels text")].forEach((t, i) => inside(t, frames[i].getBBox()));
const out = document.createElement("pre");
out.id = "measured";
out.textContent = bad.length ? "overflow: " + bad.join(" | ") : "all fit";
document.body.append(out);
</script>"#;

#[test]
#[ignore = "needs Chromium (installed by .ci/run)"]
fn a_browser_finds_every_label_inside_its_box() {
    let chromium = chromium();
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        (
            "role",
            &["graph", "--role", "container platform engineer"][..],
        ),
        ("all", &["graph"][..]),
    ] {
        let svg = learnpath(args).code(0).stdout;
        let page = dir.path().join(format!("{name}.html"));
        std::fs::write(
            &page,
            format!("<!DOCTYPE html><html><body>{svg}{MEASURE}</body></html>"),
        )
        .unwrap();
        let browsed = browse(&chromium, &page, &[]);
        assert!(
            browsed.dom.contains("<pre id=\"measured\">all fit</pre>"),
            "{name}: {}",
            browsed.dom
        );
        let shot = dir.path().join(format!("{name}.png"));
        browse(
            &chromium,
            &page,
            &[format!("--screenshot={}", shot.display())],
        );
        assert!(std::fs::read(&shot).unwrap().starts_with(b"\x89PNG"));
    }
}

/// The DOT of a role's graph, checked: top to bottom, in one font.
fn role_dot() -> String {
    let dot = learnpath(&["graph", "--role", "storage engineer", "--format", "dot"])
        .code(0)
        .stdout;
    assert!(dot.contains("rankdir=TB;"));
    let fonts: std::collections::BTreeSet<&str> = dot
        .match_indices("fontname=\"")
        .map(|(at, found)| {
            let rest = &dot[at + found.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(fonts.len(), 1, "{fonts:?}");
    dot
}

#[test]
fn the_dot_of_a_role_reads_top_to_bottom_in_one_font() {
    role_dot();
}

#[test]
#[ignore = "needs graphviz's dot (installed by .ci/run)"]
fn graphviz_draws_the_dot_of_a_role_at_a_screens_width() {
    let dot = role_dot();
    let graphviz = common::program(&["dot"], &["-V"]);
    let mut child = std::process::Command::new(graphviz)
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let svg = String::from_utf8(output.stdout).unwrap();
    // Graphviz's SVG has a DOCTYPE; its size is on the root element, in points.
    let at = svg.find("<svg width=\"").expect("the root element") + "<svg width=\"".len();
    let width: f64 = svg[at..at + svg[at..].find("pt").unwrap()].parse().unwrap();
    assert!(width <= 1280.0, "{width} pt wide");
}
