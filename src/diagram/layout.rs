//! Where a diagram's boxes, section frames and arrows go: a band per section, its documents
//! in study order left to right on a grid (wrapping after a few), arrows routed only through
//! the gaps between boxes so that none crosses one. The canvas is the content plus a margin.

use super::text::{self, width, wrap};
use super::{Diagram, State};
use crate::curriculum::duration::format_minutes;

/// Canvas margin around everything.
pub const MARGIN: f64 = 16.0;
/// Pixel sizes of the title, a document's title lines, its minutes line, section labels.
pub const TITLE_SIZE: f64 = 16.0;
pub const LABEL_SIZE: f64 = 13.0;
pub const META_SIZE: f64 = 11.0;
pub const SECTION_SIZE: f64 = 13.0;
pub const LEGEND_SIZE: f64 = 12.0;
/// Height of one title line in a box.
pub const LINE: f64 = 16.0;

const BOX_WIDTH: f64 = 196.0;
const PAD: f64 = 10.0;
const MAX_LINES: usize = 3;
const MAX_COLUMNS: usize = 5;
const COLUMN_GAP: f64 = 36.0;
const ROW_GAP: f64 = 30.0;
const BAND_PAD_X: f64 = 24.0;
const BAND_HEAD: f64 = 40.0;
const BAND_FOOT: f64 = 14.0;
const BAND_GAP: f64 = 12.0;
const HEADER: f64 = 56.0;

/// A rectangle: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    fn center_x(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// A document's box and the lines written in it.
#[derive(Debug, Clone)]
pub struct Placed {
    pub rect: Rect,
    /// The title, wrapped to the box.
    pub lines: Vec<String>,
    /// Its time, e.g. "1 h 15 min".
    pub meta: String,
}

/// A section's frame.
#[derive(Debug, Clone)]
pub struct Frame {
    pub rect: Rect,
    pub label: String,
}

/// A legend entry: a swatch and its words.
#[derive(Debug, Clone)]
pub struct Swatch {
    pub rect: Rect,
    pub state: State,
    pub target: bool,
    pub label: &'static str,
}

/// Where everything of a diagram goes.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The title's baseline (x, y).
    pub title_at: (f64, f64),
    /// By index of the diagram's nodes.
    pub nodes: Vec<Placed>,
    /// By index of the diagram's groups.
    pub frames: Vec<Frame>,
    /// By index of the diagram's edges: the points of the arrow, from the prerequisite's box
    /// to the dependent's.
    pub edges: Vec<Vec<(f64, f64)>>,
    pub legend: Vec<Swatch>,
}

/// A document's place on the grid: band (group), row in the band, column.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    band: usize,
    row: usize,
    column: usize,
}

/// Lays out a diagram.
pub fn layout(diagram: &Diagram) -> Layout {
    let columns = diagram
        .groups
        .iter()
        .map(|group| group.nodes.len())
        .max()
        .unwrap_or(1)
        .clamp(1, MAX_COLUMNS);
    let inner = BOX_WIDTH - 2.0 * PAD;
    let lines: Vec<Vec<String>> = diagram
        .nodes
        .iter()
        .map(|node| wrap(&node.doc.title, LABEL_SIZE, inner, MAX_LINES))
        .collect();
    let most = lines.iter().map(Vec::len).max().unwrap_or(1);
    let box_height = PAD + most as f64 * LINE + META_SIZE + 6.0 + PAD;
    let grid = 2.0 * BAND_PAD_X + columns as f64 * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP;
    let legend = legend_row();
    let legend_width = legend.last().map_or(0.0, |s| s.rect.right() - MARGIN);
    let content = grid
        .max(width(&diagram.title, TITLE_SIZE) * 1.05)
        .max(legend_width);
    let (cells, frames, top) = bands(diagram, columns, box_height, content);
    let height = (top - BAND_GAP).max(MARGIN + HEADER) + MARGIN;
    let grid = Grid {
        frames: &frames,
        box_height,
        columns,
    };
    let nodes = diagram
        .nodes
        .iter()
        .zip(lines)
        .zip(&cells)
        .map(|((node, lines), &cell)| Placed {
            rect: grid.rect(cell),
            lines,
            meta: format_minutes(node.doc.minutes),
        })
        .collect();
    let edges = diagram
        .edges
        .iter()
        .enumerate()
        .map(|(index, &(from, to))| grid.route(cells[from], cells[to], index))
        .collect();
    Layout {
        width: content + 2.0 * MARGIN,
        height,
        title_at: (MARGIN, MARGIN + TITLE_SIZE),
        nodes,
        frames,
        edges,
        legend,
    }
}

/// Each document's cell and each group's band, the bands stacked from under the header, each
/// `content` wide: the cells, the bands' frames, and the top of the band after the last.
fn bands(
    diagram: &Diagram,
    columns: usize,
    box_height: f64,
    content: f64,
) -> (Vec<Cell>, Vec<Frame>, f64) {
    let mut cells = vec![Cell::default(); diagram.nodes.len()];
    let mut frames = Vec::new();
    let mut top = MARGIN + HEADER;
    let mut out = vec![Vec::new(); diagram.nodes.len()];
    for &(from, to) in &diagram.edges {
        out[from].push(to);
    }
    let mut local = vec![usize::MAX; diagram.nodes.len()];
    for (band, group) in diagram.groups.iter().enumerate() {
        let order = study_order(&out, &group.nodes, &mut local);
        for (at, &node) in order.iter().enumerate() {
            cells[node] = Cell {
                band,
                row: at / columns,
                column: at % columns,
            };
        }
        let rows = order.len().div_ceil(columns).max(1);
        let height = BAND_HEAD + rows as f64 * (box_height + ROW_GAP) - ROW_GAP + BAND_FOOT;
        let label = wrap(&group.label, SECTION_SIZE, content - 24.0, 1).remove(0);
        frames.push(Frame {
            rect: Rect {
                x: MARGIN,
                y: top,
                w: content,
                h: height,
            },
            label,
        });
        top += height + BAND_GAP;
    }
    (cells, frames, top)
}

/// The legend, a row under the title.
fn legend_row() -> Vec<Swatch> {
    let mut x = MARGIN;
    let y = MARGIN + 28.0;
    [
        (State::Done, false, "done"),
        (State::Ready, false, "ready now"),
        (State::Blocked, false, "still blocked"),
        (State::Blocked, true, "target"),
    ]
    .into_iter()
    .map(|(state, target, label)| {
        let rect = Rect {
            x,
            y,
            w: 14.0,
            h: 14.0,
        };
        x += 14.0 + 6.0 + width(label, LEGEND_SIZE) + 18.0;
        Swatch {
            rect,
            state,
            target,
            label,
        }
    })
    .collect()
}

/// The documents of a group in an order that puts each after its prerequisites within the
/// group (ties by their order in the diagram); any left on a cycle come last, in order.
/// `out` lists each node's dependents; `local` is scratch space, one slot per node.
fn study_order(out: &[Vec<usize>], members: &[usize], local: &mut [usize]) -> Vec<usize> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    for (at, &node) in members.iter().enumerate() {
        local[node] = at;
    }
    let mut waiting = vec![0usize; members.len()];
    for &node in members {
        for &to in &out[node] {
            if local[to] != usize::MAX && to != node {
                waiting[local[to]] += 1;
            }
        }
    }
    let mut ready: BinaryHeap<Reverse<usize>> = (0..members.len())
        .filter(|&at| waiting[at] == 0)
        .map(Reverse)
        .collect();
    let mut placed = vec![false; members.len()];
    let mut order = Vec::with_capacity(members.len());
    while let Some(Reverse(at)) = ready.pop() {
        placed[at] = true;
        order.push(members[at]);
        for &to in &out[members[at]] {
            let next = local[to];
            if next != usize::MAX && to != members[at] && !placed[next] {
                waiting[next] -= 1;
                if waiting[next] == 0 {
                    ready.push(Reverse(next));
                }
            }
        }
    }
    order.extend(
        (0..members.len())
            .filter(|&at| !placed[at])
            .map(|at| members[at]),
    );
    for &node in members {
        local[node] = usize::MAX;
    }
    order
}

/// The grid the boxes sit on, for placing boxes and routing arrows between them.
struct Grid<'a> {
    frames: &'a [Frame],
    box_height: f64,
    columns: usize,
}

impl Grid<'_> {
    fn column_x(&self, column: usize) -> f64 {
        MARGIN + BAND_PAD_X + column as f64 * (BOX_WIDTH + COLUMN_GAP)
    }

    fn rect(&self, cell: Cell) -> Rect {
        let band = self.frames[cell.band].rect;
        Rect {
            x: self.column_x(cell.column),
            y: band.y + BAND_HEAD + cell.row as f64 * (self.box_height + ROW_GAP),
            w: BOX_WIDTH,
            h: self.box_height,
        }
    }

    /// The height of the gap under a box's row that an arrow leaving it runs along; the
    /// gap above a row an arrow entering it runs along.
    fn below(&self, cell: Cell) -> f64 {
        let rect = self.rect(cell);
        let last = self.frames[cell.band].rect.bottom() - BAND_FOOT;
        if rect.bottom() + 1.0 < last {
            rect.bottom() + ROW_GAP / 2.0
        } else {
            rect.bottom() + BAND_FOOT / 2.0
        }
    }

    fn above(&self, cell: Cell) -> f64 {
        let rect = self.rect(cell);
        if cell.row > 0 {
            rect.y - ROW_GAP / 2.0
        } else {
            rect.y - 8.0
        }
    }

    /// The arrow from one box to another: straight to a neighbor on its right; else down
    /// into the gap under the first, along it to the channel between columns, along that to
    /// the gap over the second, and down into it. Arrows sharing a gap are spread a little.
    fn route(&self, from: Cell, to: Cell, index: usize) -> Vec<(f64, f64)> {
        let (a, b) = (self.rect(from), self.rect(to));
        if from.band == to.band && from.row == to.row && to.column == from.column + 1 {
            let y = a.y + a.h / 2.0;
            return vec![(a.right(), y), (b.x, y)];
        }
        let lane = ((index % 3) as f64 - 1.0) * 3.0;
        let (y1, y2) = (self.below(from) + lane, self.above(to) + lane);
        let (x1, x2) = (a.center_x() + lane * 2.0, b.center_x() + lane * 2.0);
        if (self.below(from) - self.above(to)).abs() < 0.5 {
            return vec![(x1, a.bottom()), (x1, y1), (x2, y1), (x2, b.y)];
        }
        let channel = if to.column < from.column {
            from.column
        } else {
            (from.column + 1).min(self.columns)
        };
        let spread = ((index % 7) as f64 - 3.0) * 3.5;
        let x = match channel {
            0 => MARGIN + BAND_PAD_X / 2.0 + lane,
            _ => self.column_x(channel) - COLUMN_GAP / 2.0 + spread,
        };
        vec![
            (x1, a.bottom()),
            (x1, y1),
            (x, y1),
            (x, y2),
            (x2, y2),
            (x2, b.y),
        ]
    }
}

/// The width a label needs, for checks: see [`text::width`].
pub fn label_width(label: &str, size: f64) -> f64 {
    text::width(label, size)
}
