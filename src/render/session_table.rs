//! The plan's table of sessions, laid out for the terminal's width.
//!
//! comfy-table alone would squeeze the documents column and break "(50 min)" over two lines
//! while the other columns keep their width. Here, on a terminal that is too narrow for the
//! whole table, the columns that repeat information go first, and the documents are wrapped
//! between words (never inside a duration) to the width that is left.

use super::plan::item_label;
use super::table::{Style, new_table};
use super::wrap;
use crate::curriculum::duration::format_minutes;
use crate::plan::{Plan, Session};
use comfy_table::{ContentArrangement, Table};

/// Which columns a table shows, and how.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// The ISO week: the date says it already.
    week: bool,
    /// The running total of hours: the times add up to it.
    total: bool,
    /// The weekday above the date rather than before it, for a narrower column.
    stacked_date: bool,
    /// The session's time: its documents carry theirs.
    time: bool,
}

/// From the full table to the narrowest, each dropping what the one before repeats least.
const LAYOUTS: [Layout; 5] = [
    Layout {
        week: true,
        total: true,
        stacked_date: false,
        time: true,
    },
    Layout {
        week: false,
        total: true,
        stacked_date: false,
        time: true,
    },
    Layout {
        week: false,
        total: false,
        stacked_date: false,
        time: true,
    },
    Layout {
        week: false,
        total: false,
        stacked_date: true,
        time: true,
    },
    Layout {
        week: false,
        total: false,
        stacked_date: true,
        time: false,
    },
];

/// A documents column narrower than this wraps most titles over three lines or more, so a
/// narrower terminal drops another column rather than squeeze it further.
const MIN_DOCUMENTS: usize = 24;

/// The table for a terminal `width` columns wide; without a width (not a terminal), the full
/// table, exactly as it always was.
pub fn table(plan: &Plan, style: Style) -> Table {
    let Some(width) = style.width else {
        return build(plan, LAYOUTS[0], None, style);
    };
    let (layout, documents) = choose(plan, width.into());
    let mut table = build(plan, layout, Some(documents), style);
    // The cells are wrapped already, to widths that fit: comfy-table is not to wrap them again.
    table.set_content_arrangement(ContentArrangement::Disabled);
    table
}

/// The layout for `width` columns and the width of its documents column: the full table when
/// its documents need no wrapping; else the first layout with room enough for them (all of
/// it, or at least [`MIN_DOCUMENTS`]); else the narrowest.
fn choose(plan: &Plan, width: usize) -> (Layout, usize) {
    let room = |layout: Layout| {
        let columns = column_widths(plan, layout);
        let documents = columns[documents_column(layout)];
        let others: usize = columns.iter().sum::<usize>() - documents;
        // Each column has a space on either side and a border after it; one more before all.
        let borders = 3 * columns.len() + 1;
        (width.saturating_sub(borders + others), documents)
    };
    let (full_room, natural) = room(LAYOUTS[0]);
    if full_room >= natural {
        return (LAYOUTS[0], natural);
    }
    let narrower = &LAYOUTS[1..];
    for &layout in narrower {
        let (room, natural) = room(layout);
        if room >= natural.min(MIN_DOCUMENTS) {
            return (layout, room.min(natural));
        }
    }
    let narrowest = LAYOUTS[LAYOUTS.len() - 1];
    (narrowest, room(narrowest).0.max(1))
}

fn headers(layout: Layout) -> Vec<&'static str> {
    let mut headers = vec!["#", "date"];
    headers.extend(layout.week.then_some("week"));
    headers.push("documents");
    headers.extend(layout.time.then_some("time"));
    headers.extend(layout.total.then_some("total"));
    headers
}

fn documents_column(layout: Layout) -> usize {
    if layout.week { 3 } else { 2 }
}

/// A session's cells; the documents wrapped to `documents` columns if given.
fn cells(session: &Session, layout: Layout, documents: Option<usize>) -> Vec<String> {
    let separator = if layout.stacked_date { "\n" } else { " " };
    let mut cells = vec![
        session.number.to_string(),
        format!("{}{separator}{}", session.weekday, session.date),
    ];
    cells.extend(layout.week.then(|| session.iso_week.clone()));
    let labels: Vec<String> = session
        .items
        .iter()
        .map(|item| {
            let label = item_label(item);
            match documents {
                Some(columns) => wrap::fill(&label, columns).join("\n"),
                None => label,
            }
        })
        .collect();
    cells.push(labels.join("\n"));
    cells.extend(layout.time.then(|| format_minutes(session.minutes)));
    cells.extend(
        layout
            .total
            .then(|| format!("{:.1} h", session.cumulative_hours)),
    );
    cells
}

/// The widest line of each column, its header included, with nothing wrapped.
fn column_widths(plan: &Plan, layout: Layout) -> Vec<usize> {
    let mut widths: Vec<usize> = headers(layout).iter().map(|h| wrap::width(h)).collect();
    for session in &plan.sessions {
        for (width, cell) in widths.iter_mut().zip(cells(session, layout, None)) {
            let widest = cell.lines().map(wrap::width).max().unwrap_or(0);
            *width = (*width).max(widest);
        }
    }
    widths
}

fn build(plan: &Plan, layout: Layout, documents: Option<usize>, style: Style) -> Table {
    let mut table = new_table(&headers(layout), style);
    for session in &plan.sessions {
        table.add_row(cells(session, layout, documents));
    }
    table
}
