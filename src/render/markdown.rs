//! The plan as a Markdown checklist grouped by ISO week, each document linked to its source,
//! with what is already done checked, and a Mermaid `gantt` chart of the sessions.

use super::plan::item_label;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::plan::Plan;
use crate::words::count;
use std::io::{self, Write};

pub fn render(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    let summary = &plan.summary;
    writeln!(w, "# Study plan: {}", plan.selection)?;
    writeln!(w)?;
    writeln!(
        w,
        "{}: {}, {} in {}.",
        plan.curriculum,
        count(summary.documents, "document"),
        format_minutes(summary.total_minutes),
        count(summary.sessions, "session")
    )?;
    if let (Some(first), Some(finish)) = (summary.first_date, summary.finish_date) {
        writeln!(
            w,
            "From {} to {}, {} a week on {}.",
            first.format("%a %Y-%m-%d"),
            finish.format("%a %Y-%m-%d"),
            format_hours(plan.settings.weekly_minutes.get()),
            plan.settings.days.names().join(", ")
        )?;
    }
    if !plan.done.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Done")?;
        writeln!(w)?;
        for doc in &plan.done {
            let label = format!("{} ({})", doc.doc.title, format_minutes(doc.doc.minutes));
            checklist_line(w, true, &label, doc.link.as_deref(), &doc.doc.path)?;
        }
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
            checklist_line(
                w,
                false,
                &item_label(item),
                item.link.as_deref(),
                &item.path,
            )?;
        }
    }
    if !plan.sessions.is_empty() {
        gantt(plan, w)?;
    }
    Ok(())
}

fn checklist_line(
    w: &mut dyn Write,
    done: bool,
    label: &str,
    link: Option<&str>,
    path: &str,
) -> io::Result<()> {
    let mark = if done { "x" } else { " " };
    // Brackets would end the link text early and `<` would start HTML.
    let label = label
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "&lt;");
    match crate::weblink::safe_link(link) {
        Some(link) => writeln!(w, "- [{mark}] [{label}]({})", destination(link)),
        None => writeln!(w, "- [{mark}] {label} (`{path}`)"),
    }
}

/// A link destination as CommonMark reads it back unchanged: what would end it, open a title,
/// or be read as an escape is percent-encoded, and `&` written as `&amp;` (a destination's
/// entities are decoded).
fn destination(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for c in link.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            ' ' | '<' | '>' | '(' | ')' | '"' | '\'' | '`' | '\\' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// One bar per session, a Mermaid section per ISO week.
fn gantt(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "## Timeline")?;
    writeln!(w)?;
    writeln!(w, "```mermaid")?;
    writeln!(w, "gantt")?;
    writeln!(w, "    dateFormat YYYY-MM-DD")?;
    writeln!(w, "    axisFormat %b %d")?;
    let mut week = None;
    for session in &plan.sessions {
        if week != Some(&session.iso_week) {
            week = Some(&session.iso_week);
            writeln!(w, "    section {}", session.iso_week)?;
        }
        writeln!(
            w,
            "    Session {} ({}) :s{}, {}, 1d",
            session.number,
            format_minutes(session.minutes),
            session.number,
            session.date
        )?;
    }
    writeln!(w, "```")
}
