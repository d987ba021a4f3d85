//! `check`, `next`, `why` and `status` as text, wrapped to a terminal's width.

use super::table::Style;
use super::wrap;
use crate::curriculum::duration::format_minutes;
use crate::follow::status::{SpecializationStatus, Status};
use crate::listing::DocRow;
use crate::plan::ready::{Check, Why};
use crate::words::count;
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

fn next_lines(rows: &[DocRow], w: &mut dyn Write) -> io::Result<()> {
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

/// What `status` says when no plan is followed: how to follow one, and what it then says.
const NOT_FOLLOWING: &str = "Not following a plan: `learnpath follow` saves the plan you mean to keep, and `status` then says whether you are ahead or behind.";

/// The status of each specialization as a bar, then the documents to start next.
pub fn status(status: &Status, style: Style, w: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    wrap::wrapped(w, width, |w| {
        writeln!(w, "{}", done_words(status))?;
        let bars = Bars::new(&status.specializations, width.map(usize::from));
        for spec in &status.specializations {
            writeln!(w, "{}", bars.lines(spec))?;
        }
        match &status.schedule {
            Some(standing) => {
                writeln!(w)?;
                super::follow::standing(standing, w)?;
            }
            None => {
                writeln!(w)?;
                writeln!(w, "{NOT_FOLLOWING}")?;
            }
        }
        if let Some(forecast) = &status.forecast {
            writeln!(w, "  {}", super::plan::likely_finish(forecast))?;
        }
        writeln!(w)?;
        next_lines(&status.next, w)?;
        match &status.progress_file {
            Some(path) => writeln!(w, "\nprogress file: {path}"),
            None => writeln!(w, "\nprogress file: none read"),
        }
    })
}

/// The first line of `status`, which says what every "done" of it counts: "4 documents done:
/// 1 h 55 min of estimated time", "3 documents done and 1 partly done: 2 h 10 min of estimated
/// time, partial progress included".
fn done_words(status: &Status) -> String {
    let documents = count(status.documents_done, "document");
    let minutes = format_minutes(status.minutes_done);
    match status.documents_partly_done {
        0 => format!("{documents} done: {minutes} of estimated time"),
        partly => format!(
            "{documents} done and {partly} partly done: {minutes} of estimated time, partial progress included"
        ),
    }
}

/// How the status lines are laid out. Off a terminal, and on one wide enough, each is one line
/// as it always was. On a narrower one the times go to a line of their own, the titles are
/// padded only to the longest, and the bars shrink to fit, all to one width so that they line
/// up; where not even a short bar fits beside the titles, the bars go under them, and the times
/// under the bars.
struct Bars {
    /// The bars' width; `None`: the one-line layout.
    narrow: Option<usize>,
    /// The width of the widest "  id title", to which the others are padded.
    head: usize,
    /// Whether the bars go on a line of their own.
    under: bool,
}

impl Bars {
    const FULL: usize = 20;
    /// Narrower than this a bar says little: it goes under the title instead.
    const MIN: usize = 5;
    /// What a bar line has besides the bar: " [", "] " and "100%".
    const AROUND: usize = 8;
    const INDENT: &str = "      ";

    fn new(specs: &[SpecializationStatus], width: Option<usize>) -> Bars {
        let head = specs.iter().map(|spec| wrap::width(&head(spec))).max();
        let head = head.unwrap_or(0);
        let fits = |width: usize| {
            specs
                .iter()
                .all(|spec| wrap::width(&one_line(spec)) <= width)
        };
        let Some(width) = width.filter(|&width| !fits(width)) else {
            return Bars {
                narrow: None,
                head,
                under: false,
            };
        };
        let beside = width.saturating_sub(head + Self::AROUND).min(Self::FULL);
        if beside >= Self::MIN {
            return Bars {
                narrow: Some(beside),
                head,
                under: false,
            };
        }
        let under = width.saturating_sub(Self::INDENT.len() + Self::AROUND);
        Bars {
            narrow: Some(under.clamp(1, Self::FULL)),
            head,
            under: true,
        }
    }

    /// The line, or lines, of one specialization.
    fn lines(&self, spec: &SpecializationStatus) -> String {
        let Some(size) = self.narrow else {
            return one_line(spec);
        };
        let head = head(spec);
        let bar = format!("[{}] {:>3}%", bar(spec.percent, size), spec.percent);
        if self.under {
            let indent = Self::INDENT;
            format!("{head}\n{indent}{bar}\n{indent}{}", times(spec))
        } else {
            let pad = " ".repeat(self.head - wrap::width(&head));
            format!("{head}{pad} {bar}\n{}{}", Self::INDENT, times(spec))
        }
    }
}

fn head(spec: &SpecializationStatus) -> String {
    format!("  {} {}", spec.id, spec.title)
}

fn times(spec: &SpecializationStatus) -> String {
    format!(
        "{} done, {} left",
        format_minutes(spec.minutes_done),
        format_minutes(spec.minutes - spec.minutes_done)
    )
}

/// "[#####---------------]" without its brackets, `size` characters wide.
fn bar(percent: u32, size: usize) -> String {
    let filled = (percent as usize * size / 100).min(size);
    format!("{}{}", "#".repeat(filled), "-".repeat(size - filled))
}

/// The status line as it has always been, off a terminal and on a wide one.
fn one_line(spec: &SpecializationStatus) -> String {
    format!(
        "  {} {:<32} [{}] {:>3}%  {}",
        spec.id,
        spec.title,
        bar(spec.percent, Bars::FULL),
        spec.percent,
        times(spec)
    )
}
