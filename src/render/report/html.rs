//! The report's page: the skeleton, the style, the data and the script, all inline. A
//! Content-Security-Policy forbids the page any request: it works offline and from a file.

use super::data::Data;
use crate::render::svg::escape;
use std::io::{self, Write};

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The policy: inline style and script only; images only from `data:`; nothing fetched.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// JSON safe inside a `<script>` element: no `<` that could close it.
fn embedded(data: &Data) -> io::Result<String> {
    let json = serde_json::to_string(data).map_err(io::Error::other)?;
    Ok(json.replace('<', "\\u003c"))
}

/// Writes the page; `graph` is the SVG of the prerequisite graph.
pub fn page(data: &Data, graph: &str, w: &mut dyn Write) -> io::Result<()> {
    let heading = format!("Study plan: {}", data.selection);
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
<header>\n<h1>{title}</h1>\n<div class=\"sub\">{curriculum} · as of {today}</div>\n\
<div class=\"cards\" id=\"lp-summary\"></div>\n<ul id=\"lp-notes\" class=\"muted\"></ul>\n\
<noscript><p>This page draws its timeline, chart and checklist with JavaScript; the graph below shows without it.</p></noscript>\n</header>\n\
<section id=\"timeline\">\n<h2>Timeline</h2>\n\
<div class=\"key\"><span><i style=\"background:var(--ready)\"></i>sitting</span><span><i style=\"background:var(--done)\"></i>done</span><span><i style=\"background:var(--busy)\"></i>skipped or busy day</span><span><i style=\"outline:2px solid var(--today)\"></i>today</span></div>\n\
<div class=\"calendar\" id=\"lp-calendar\"></div>\n</section>\n\
<section id=\"progress\">\n<h2>Progress</h2>\n\
<div class=\"key\"><span><i style=\"background:#2da44e\"></i>done</span><span><i style=\"border-top:2px dashed var(--plan)\"></i>planned</span><span><i style=\"background:var(--base)\"></i>followed plan</span><span><i style=\"background:var(--band)\"></i>likely finish, P10 to P90 (line: P50)</span><span><i style=\"background:var(--today)\"></i>today</span></div>\n\
<div class=\"chart\" id=\"lp-chart\"></div>\n</section>\n\
<section id=\"graph\">\n<h2>Prerequisites</h2>\n\
<p class=\"hint muted\">Point at a document (or click it, to keep it) to see its path to the targets.</p>\n\
<div class=\"graph\" id=\"lp-graph\">\n{graph}</div>\n</section>\n\
<section id=\"checklist\" class=\"checklist\">\n<h2>Checklist</h2>\n<ol id=\"lp-checklist\"></ol>\n</section>\n\
<section id=\"milestones\">\n<h2>Milestones</h2>\n\
<table><thead><tr><th>Milestone</th><th>Section</th><th>When</th></tr></thead><tbody id=\"lp-milestones\"></tbody></table>\n</section>\n\
<script type=\"application/json\" id=\"lp-data\">{json}</script>\n\
<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape(&heading),
        curriculum = escape(&data.curriculum),
        today = data.today,
        json = embedded(data)?,
    )
}
