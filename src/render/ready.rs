//! `check`, `next` and `why` as text, wrapped to a terminal's width.

use super::table::Style;
use super::wrap;
use crate::curriculum::duration::format_minutes;
use crate::listing::DocRow;
use crate::plan::ready::{Check, Why};
use std::io::{self, Write};

pub fn check(check: &Check, style: Style, w: &mut dyn Write) -> io::Result<()> {
    wrap::wrapped(w, style.width, |w| check_lines(check, w))
}

fn check_lines(check: &Check, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "Prerequisites of {}:", check.targets.join(", "))?;
    for prerequisite in &check.prerequisites {
        let mark = if prerequisite.met { "x" } else { " " };
        writeln!(
            w,
            "  [{mark}] {}  {} ({})",
            prerequisite.doc.path,
            prerequisite.doc.title,
            format_minutes(prerequisite.doc.minutes)
        )?;
    }
    if check.prerequisites.is_empty() {
        writeln!(w, "  none")?;
    }
    if check.ready {
        match check.met {
            0 => writeln!(w, "ready: nothing to study first"),
            1 => writeln!(w, "ready: its 1 prerequisite is met"),
            met => writeln!(w, "ready: all {met} prerequisites met"),
        }
    } else {
        writeln!(
            w,
            "not ready: {} of {} met; {} missing ({})",
            check.met,
            check.met + check.missing,
            check.missing,
            format_minutes(check.missing_minutes)
        )
    }
}

pub fn next(rows: &[DocRow], style: Style, w: &mut dyn Write) -> io::Result<()> {
    wrap::wrapped(w, style.width, |w| next_lines(rows, w))
}

pub(super) fn next_lines(rows: &[DocRow], w: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(w, "Nothing to start: everything on this path is done.");
    }
    writeln!(w, "You can start now:")?;
    for row in rows {
        writeln!(
            w,
            "  {}  {} ({})",
            row.path,
            row.title,
            format_minutes(row.minutes)
        )?;
    }
    Ok(())
}

pub fn why(why: &Why, style: Style, w: &mut dyn Write) -> io::Result<()> {
    wrap::wrapped(w, style.width, |w| why_lines(why, w))
}

fn why_lines(why: &Why, w: &mut dyn Write) -> io::Result<()> {
    let Some(reason) = &why.reason else {
        return writeln!(
            w,
            "{} is not in this plan: nothing chosen requires it.",
            why.doc
        );
    };
    if why.chain.len() == 1 {
        writeln!(w, "{} is part of {reason}.", why.doc)?;
    } else {
        writeln!(w, "{} is needed for {reason}:", why.doc)?;
        for (depth, path) in why.chain.iter().enumerate() {
            let lead = if depth == 0 { "" } else { "requires " };
            writeln!(w, "  {}{lead}{path}", "  ".repeat(depth))?;
        }
    }
    if why.done {
        writeln!(w, "It is done, so the plan leaves it out.")?;
    }
    Ok(())
}
