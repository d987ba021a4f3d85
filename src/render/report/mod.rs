//! The report: one self-contained HTML page of a plan and the progress on it: a calendar of
//! the sittings, a burn-up chart with the followed plan and the forecast, the prerequisite
//! graph, the checklist and the milestones. Everything is inline; the page asks for nothing.

pub mod data;
mod html;

pub use data::{Data, Inputs, data};

use crate::diagram::layout::layout;
use crate::render::svg;
use std::io::{self, Write};

/// Writes the report of `inputs` as HTML.
pub fn render(inputs: Inputs<'_>, w: &mut dyn Write) -> io::Result<()> {
    let data = data::data(inputs);
    let graph = svg::picture(inputs.diagram, &layout(inputs.diagram));
    html::page(&data, &graph, w)
}
