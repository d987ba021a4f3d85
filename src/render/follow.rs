//! The followed plan (`follow --show`) and what a new baseline changed. Where the learner
//! stands against it is part of `status` (`super::status`).

use super::table::{Style, new_table};
use super::wrap;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::follow::{View, ViewItem, ViewSitting};
use crate::words::count;
use comfy_table::{ContentArrangement, Table};
use std::io::{self, Write};

/// The sittings of the followed plan, done documents ticked, then a line of totals.
pub fn view(view: &View, style: Style, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}", sittings_table(view, style))?;
    wrap::wrapped(w, style.width, |w| {
        writeln!(
            w,
            "Following the plan for {} saved {}: {}, {} in {} a week",
            view.selection,
            view.made,
            count(view.sessions.len(), "sitting"),
            format_minutes(view.total_minutes),
            format_hours(view.weekly_minutes),
        )?;
        if let (Some(first), Some(finish)) = (view.first_date, view.finish_date) {
            writeln!(w, "  from {first} to {finish}")?;
        }
        writeln!(w, "  kept in {}", view.file)
    })
}

const HEADERS: [&str; 4] = ["#", "Date", "Time", "Study"];

/// A Study column narrower than this wraps titles into crumbs: on a terminal too narrow for
/// it, the table is let overflow instead.
const MIN_STUDY: usize = 16;

/// The table of sittings. On a terminal it fits the width as `plan`'s table does: the other
/// columns keep their width (a past sitting's "(as done)" goes under its date when that makes
/// room), and each document of the Study column is wrapped between words, never inside its
/// "(30 min)", to the width that is left; comfy-table wraps nothing again.
fn sittings_table(view: &View, style: Style) -> Table {
    let Some(width) = style.width.map(usize::from) else {
        return build(view, false, None, style);
    };
    let fits = |stacked: bool| {
        let widths = column_widths(view, stacked);
        // Each column has a space on either side and a border after it; one more before all.
        let room = width.saturating_sub(3 * widths.len() + 1 + widths[..3].iter().sum::<usize>());
        (room, widths[3])
    };
    let (mut room, study) = fits(false);
    let stacked = room < study && view.sessions.iter().any(|sitting| sitting.past);
    if stacked {
        room = fits(true).0;
    }
    let mut table = build(view, stacked, Some(room.min(study).max(MIN_STUDY)), style);
    table.set_content_arrangement(ContentArrangement::Disabled);
    table
}

fn build(view: &View, stacked: bool, study: Option<usize>, style: Style) -> Table {
    let mut table = new_table(&HEADERS, style);
    for sitting in &view.sessions {
        table.add_row(cells(sitting, stacked, study).to_vec());
    }
    table
}

/// The widest line of each column, its header included, with nothing wrapped.
fn column_widths(view: &View, stacked: bool) -> Vec<usize> {
    let mut widths: Vec<usize> = HEADERS.iter().map(|header| wrap::width(header)).collect();
    for sitting in &view.sessions {
        for (width, cell) in widths.iter_mut().zip(cells(sitting, stacked, None)) {
            let widest = cell.lines().map(wrap::width).max().unwrap_or(0);
            *width = (*width).max(widest);
        }
    }
    widths
}

/// A sitting's cells: "(as done)" under the date when `stacked`, the documents wrapped to
/// `study` columns when given.
fn cells(sitting: &ViewSitting, stacked: bool, study: Option<usize>) -> [String; 4] {
    let date = sitting.date.format("%a %Y-%m-%d");
    let date = match (sitting.past, stacked) {
        (false, _) => date.to_string(),
        (true, false) => format!("{date} (as done)"),
        (true, true) => format!("{date}\n(as done)"),
    };
    let items: Vec<String> = sitting
        .items
        .iter()
        .map(|item| match study {
            Some(columns) => wrap::fill(&item_label(item), columns).join("\n"),
            None => item_label(item),
        })
        .collect();
    [
        sitting.number.to_string(),
        date,
        format_minutes(sitting.minutes),
        items.join("\n"),
    ]
}

/// "[x] Title (30 min)", "[ ] Title, part 1/2 (45 min)", "[ ] review: Title (10 min)".
fn item_label(item: &ViewItem) -> String {
    let mark = if item.done { "[x]" } else { "[ ]" };
    let review = if item.review { "review: " } else { "" };
    let part = item
        .part
        .as_ref()
        .map_or_else(String::new, |part| format!(", part {part}"));
    format!(
        "{mark} {review}{}{part} ({})",
        item.title,
        format_minutes(item.minutes)
    )
}
