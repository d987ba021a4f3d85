//! `check`, `next` and `why` as text.

use crate::curriculum::duration::format_minutes;
use crate::listing::DocRow;
use crate::plan::ready::{Check, Why};
use std::io::{self, Write};

pub fn check(check: &Check, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "Prerequisites of {}:", check.targets.join(", "))?;
    for prerequisite in &check.prerequisites {
        let mark = if prerequisite.met { "x" } else { " " };
        writeln!(
            w,
            "  [{mark}] {}  {} ({})",
            prerequisite.path,
            prerequisite.title,
            format_minutes(prerequisite.minutes)
        )?;
    }
    if check.prerequisites.is_empty() {
        writeln!(w, "  none")?;
    }
    if check.ready {
        writeln!(w, "ready: all {} prerequisites met", check.met)
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

pub fn next(rows: &[DocRow], w: &mut dyn Write) -> io::Result<()> {
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

pub fn why(why: &Why, w: &mut dyn Write) -> io::Result<()> {
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

/// The status of each specialization as a bar, then the documents to start next.
pub fn status(status: &crate::plan::status::Status, w: &mut dyn Write) -> io::Result<()> {
    const WIDTH: usize = 20;
    writeln!(
        w,
        "{} documents done ({} in all)",
        status.documents_done,
        format_minutes(status.minutes_done)
    )?;
    for spec in &status.specializations {
        let filled = (spec.percent as usize * WIDTH / 100).min(WIDTH);
        writeln!(
            w,
            "  {} {:<32} [{}{}] {:>3}%  {} done, {} left",
            spec.id,
            spec.title,
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            spec.percent,
            format_minutes(spec.minutes_done),
            format_minutes(spec.minutes - spec.minutes_done)
        )?;
    }
    writeln!(w)?;
    next(&status.next, w)?;
    match &status.progress_file {
        Some(path) => writeln!(w, "\nprogress file: {path}"),
        None => writeln!(w, "\nprogress file: none read"),
    }
}
