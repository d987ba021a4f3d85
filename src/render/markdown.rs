//! The plan as a Markdown checklist grouped by ISO week, each document linked to its source.

use super::plan::item_label;
use crate::curriculum::duration::format_minutes;
use crate::plan::Plan;
use std::io::{self, Write};

pub fn render(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    let summary = &plan.summary;
    writeln!(w, "# Study plan: {}", plan.selection)?;
    writeln!(w)?;
    writeln!(
        w,
        "{}: {} documents, {} in {} sessions.",
        plan.curriculum,
        summary.documents,
        format_minutes(summary.total_minutes),
        summary.sessions
    )?;
    if let (Some(first), Some(finish)) = (summary.first_date, summary.finish_date) {
        writeln!(
            w,
            "From {} to {}, {:.1} h a week on {}.",
            first.format("%a %Y-%m-%d"),
            finish.format("%a %Y-%m-%d"),
            plan.settings.weekly_minutes.hours(),
            plan.settings.days.names().join(", ")
        )?;
    }
    let mut week = None;
    for session in &plan.sessions {
        if week != Some(&session.iso_week) {
            week = Some(&session.iso_week);
            writeln!(w)?;
            writeln!(w, "## Week {}", session.iso_week)?;
        }
        writeln!(w)?;
        writeln!(
            w,
            "### Session {}: {} {} ({})",
            session.number,
            session.weekday,
            session.date,
            format_minutes(session.minutes)
        )?;
        writeln!(w)?;
        for item in &session.items {
            let label = item_label(item);
            match &item.link {
                Some(link) => writeln!(w, "- [ ] [{label}]({link})")?,
                None => writeln!(w, "- [ ] {label} (`{}`)", item.path)?,
            }
        }
    }
    Ok(())
}
