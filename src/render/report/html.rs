//! The report's page: the skeleton, the style, the data and the script, all inline. A
//! Content-Security-Policy forbids the page any request (it works offline and from a file) and
//! lets run and apply only the page's own script and style, named by their SHA-256: no
//! `'unsafe-inline'`, so markup that got into the page anyway could not run a script.

use super::data::Data;
use crate::render::svg::escape;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::io::{self, Write};

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The text of the page's `<style>` element, exactly.
pub fn style_text() -> String {
    format!("\n{STYLE}")
}

/// The text of the page's `<script>` element (the one that runs), exactly.
pub fn script_text() -> String {
    format!("\n{SCRIPT}")
}

/// A CSP hash source of `text`: `'sha256-BASE64'`.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy: the page's own style and script only, by hash; images only from `data:`;
/// nothing fetched.
pub fn policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:",
        hash_source(&style_text()),
        hash_source(&script_text())
    )
}

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
<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n\
<header>\n<h1>{title}</h1>\n<div class=\"sub\">{curriculum} · as of {today}</div>\n\
<div class=\"cards\" id=\"lp-summary\"></div>\n<ul id=\"lp-notes\" class=\"muted\"></ul>\n\
<noscript><p>This page draws its timeline, chart and checklist with JavaScript; the graph below shows without it.</p></noscript>\n</header>\n\
<section id=\"timeline\">\n<h2>Timeline</h2>\n\
<div class=\"key\"><span><i class=\"k-sitting\"></i>sitting</span><span><i class=\"k-done\"></i>done</span><span><i class=\"k-busy\"></i>skipped or busy day</span><span><i class=\"k-today\"></i>today</span></div>\n\
<div class=\"calendar\" id=\"lp-calendar\"></div>\n</section>\n\
<section id=\"progress\">\n<h2>Progress</h2>\n\
<div class=\"key\"><span><i class=\"k-studied\"></i>done</span><span><i class=\"k-planned\"></i>planned</span><span><i class=\"k-base\"></i>followed plan</span><span><i class=\"k-band\"></i>likely finish, P10 to P90 (line: P50)</span><span><i class=\"k-now\"></i>today</span></div>\n\
<div class=\"chart\" id=\"lp-chart\"></div>\n</section>\n\
<section id=\"graph\">\n<h2>Prerequisites</h2>\n\
<p class=\"hint muted\">Point at a document (or click it, to keep it) to see its path to the targets.</p>\n\
<div class=\"graph\" id=\"lp-graph\">\n{graph}</div>\n</section>\n\
<section id=\"checklist\" class=\"checklist\">\n<h2>Checklist</h2>\n<ol id=\"lp-checklist\"></ol>\n</section>\n\
<section id=\"milestones\">\n<h2>Milestones</h2>\n\
<table><thead><tr><th>Milestone</th><th>Section</th><th>When</th></tr></thead><tbody id=\"lp-milestones\"></tbody></table>\n</section>\n\
<script type=\"application/json\" id=\"lp-data\">{json}</script>\n\
<script>{script}</script>\n</body>\n</html>\n",
        policy = policy(),
        style = style_text(),
        script = script_text(),
        title = escape(&heading),
        curriculum = escape(&data.curriculum),
        today = data.today,
        json = embedded(data)?,
    )
}
