//! `status`: how far along each specialization is, where the learner stands against the
//! followed plan, and what to start next.

use super::table::Style;
use super::wrap;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::follow::status::{SpecializationStatus, Status};
use crate::follow::{Remembered, Standing};
use crate::words::count;
use std::io::{self, Write};

/// What `status` says when no plan is followed: how to follow one, and what it then says.
const NOT_FOLLOWING: &str = "Not following a plan: `learnpath follow` saves the plan you mean to keep, and `status` then says whether you are ahead or behind.";

/// The status of each specialization as a bar, then the documents to start next.
pub fn status(status: &Status, style: Style, w: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    wrap::wrapped(w, width, |w| {
        writeln!(w, "{}", done_words(status))?;
        if let Some(remembered) = &status.remembered {
            writeln!(w, "{}", remembered_words(remembered))?;
        }
        let bars = Bars::new(&status.specializations, width.map(usize::from));
        for spec in &status.specializations {
            writeln!(w, "{}", bars.lines(spec))?;
        }
        match &status.schedule {
            Some(standing) => {
                writeln!(w)?;
                standing_lines(standing, w)?;
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
        super::ready::next_lines(&status.next, w)?;
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

/// "Reviews: 2 due today, 1 overdue (`learnpath review` lists them); average recall of done
/// documents 87% (target retention 0.90)", or "Reviews: none due; ...".
fn remembered_words(remembered: &Remembered) -> String {
    let mut due = Vec::new();
    if remembered.reviews_due > 0 {
        due.push(format!("{} due today", remembered.reviews_due));
    }
    if remembered.reviews_overdue > 0 {
        due.push(format!("{} overdue", remembered.reviews_overdue));
    }
    let due = match due.is_empty() {
        true => "none due".to_string(),
        false => format!("{} (`learnpath review` lists them)", due.join(", ")),
    };
    format!(
        "Reviews: {due}; average recall of done documents {:.0}% (target retention {:.2})",
        remembered.average_recall * 100.0,
        remembered.retention
    )
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

/// "30 min behind (1 sitting)", "on schedule", "45 min ahead (1 sitting)", "10 min ahead"
/// (less than a sitting).
pub fn behind_words(standing: &Standing) -> String {
    let sittings = |n: i64| count(n.unsigned_abs() as usize, "sitting");
    match standing.behind_minutes {
        0 => "on schedule".to_string(),
        minutes if minutes > 0 => format!(
            "{} behind ({})",
            format_minutes(minutes as u32),
            sittings(standing.behind_sessions)
        ),
        minutes => {
            let ahead = format_minutes(minutes.unsigned_abs() as u32);
            match standing.behind_sessions {
                0 => format!("{ahead} ahead"),
                sessions => format!("{ahead} ahead ({})", sittings(sessions)),
            }
        }
    }
}

/// "; due today 35 min", "; due today 15 min (of today's 35 min)", "; today's 35 min done",
/// or nothing when no sitting is planned today.
fn due_today_words(standing: &Standing) -> String {
    let (due, today) = (standing.due_today_minutes, standing.planned_minutes_today);
    match due {
        _ if today == 0 => String::new(),
        0 => format!("; today's {} done", format_minutes(today)),
        due if due == today => format!("; due today {}", format_minutes(due)),
        due => format!(
            "; due today {} (of today's {})",
            format_minutes(due),
            format_minutes(today)
        ),
    }
}

/// The lines of `status` about the followed plan. "Behind" is of the sittings before today;
/// today's are due today. Done minutes are estimated minutes, partial progress included, as in
/// the lines above them.
fn standing_lines(standing: &Standing, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "Following the plan saved {}:", standing.followed_since)?;
    writeln!(
        w,
        "  planned before today {}, done {} of the plan: {}{}",
        format_minutes(standing.planned_minutes_to_date - standing.planned_minutes_today),
        format_minutes(standing.done_minutes_to_date),
        behind_words(standing),
        due_today_words(standing)
    )?;
    let week = &standing.this_week;
    writeln!(
        w,
        "  this week ({}): {} done of {} planned, at most {}",
        week.iso_week,
        format_minutes(week.done_minutes),
        format_minutes(week.planned_minutes),
        format_hours(week.cap_minutes)
    )?;
    let date =
        |day: Option<chrono::NaiveDate>| day.map_or_else(|| "-".to_string(), |d| d.to_string());
    writeln!(
        w,
        "  baseline finish {}; projected finish {} (what is left, re-planned from today)",
        date(standing.baseline_finish),
        date(standing.projected_finish)
    )
}
