//! The plan as a table of sessions followed by a summary.

use super::table::Style;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::plan::{Item, Plan, Session};
use crate::words::count;
use std::io::{self, Write};

/// "Title (40 min)" or "Title, part 1/2 (45 min)".
pub fn item_label(item: &Item) -> String {
    match item.part {
        Some(part) => format!(
            "{}, part {}/{} ({})",
            item.title,
            part.index,
            part.count,
            format_minutes(item.minutes)
        ),
        None => format!("{} ({})", item.title, format_minutes(item.minutes)),
    }
}

/// "Title" or "Title (part 1/2)": the parts of a split document must differ where only titles
/// show, as in a calendar.
pub fn item_title(item: &Item) -> String {
    match item.part {
        Some(part) => format!("{} (part {}/{})", item.title, part.index, part.count),
        None => item.title.clone(),
    }
}

/// "Study: Title A; Title B (part 1/2)": a session's name in a calendar (the iCalendar SUMMARY,
/// the CSV Subject), which is all a calendar's grid shows of an event.
pub fn session_title(session: &Session) -> String {
    let titles: Vec<String> = session.items.iter().map(item_title).collect();
    format!("Study: {}", titles.join("; "))
}

/// The table of sessions, then the summary; on a terminal both fit its width.
pub fn render(plan: &Plan, style: Style, w: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    if plan.sessions.is_empty() {
        return super::wrap::wrapped(w, width, |w| {
            writeln!(
                w,
                "Nothing left to study for {}: every document is done.",
                plan.selection
            )
        });
    }
    writeln!(w, "{}", super::session_table::table(plan, style))?;
    super::wrap::wrapped(w, width, |w| summary(plan, w))
}

pub fn summary(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    let summary = &plan.summary;
    writeln!(w, "Plan for {}", plan.selection)?;
    writeln!(
        w,
        "  {}, {} in {} over {}{}",
        count(summary.documents, "document"),
        format_minutes(summary.total_minutes),
        count(summary.sessions, "session"),
        count(summary.weeks, "week"),
        if !plan.done.is_empty() {
            format!(" ({} already done)", plan.done.len())
        } else {
            String::new()
        }
    )?;
    if let (Some(first), Some(finish)) = (summary.first_date, summary.finish_date) {
        writeln!(
            w,
            "  from {} to {}, {} a week on {}, sessions up to {}",
            first.format("%a %Y-%m-%d"),
            finish.format("%a %Y-%m-%d"),
            format_hours(plan.settings.weekly_minutes.get()),
            plan.settings.days.names().join(", "),
            format_minutes(plan.settings.effective_session())
        )?;
    }
    for spec in &summary.specializations {
        writeln!(
            w,
            "  {} {}: {}",
            spec.id,
            spec.title,
            format_minutes(spec.minutes)
        )?;
    }
    writeln!(
        w,
        "  prerequisites and the rest of the path: {}",
        format_minutes(summary.prerequisite_minutes)
    )?;
    if !summary.labels.is_empty() {
        writeln!(w, "Milestones:")?;
        for label in &summary.labels {
            match (label.reached, label.session, label.date) {
                (false, ..) => writeln!(
                    w,
                    "  \"{}\" (for {}): not reached by this plan",
                    label.label, label.section
                )?,
                (true, Some(session), Some(date)) => writeln!(
                    w,
                    "  \"{}\" (for {}): reached in session {session}, {}",
                    label.label, label.section, date
                )?,
                _ => writeln!(
                    w,
                    "  \"{}\" (for {}): met before you start",
                    label.label, label.section
                )?,
            }
        }
    }
    Ok(())
}
