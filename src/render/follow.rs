//! The followed plan (`follow --show`), where the learner stands against it (`status`), and
//! what a new baseline changed.

use super::table::{Style, new_table};
use super::wrap;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::follow::{Standing, View};
use crate::words::count;
use std::io::{self, Write};

/// The sittings of the followed plan, done documents ticked, then a line of totals.
pub fn view(view: &View, style: Style, w: &mut dyn Write) -> io::Result<()> {
    let mut table = new_table(&["#", "Date", "Time", "Study"], style);
    for sitting in &view.sessions {
        let items: Vec<String> = sitting
            .items
            .iter()
            .map(|item| {
                let mark = if item.done { "[x]" } else { "[ ]" };
                let part = item
                    .part
                    .as_ref()
                    .map_or_else(String::new, |part| format!(", part {part}"));
                format!(
                    "{mark} {}{part} ({})",
                    item.title,
                    format_minutes(item.minutes)
                )
            })
            .collect();
        let date = sitting.date.format("%a %Y-%m-%d").to_string();
        let date = if sitting.past {
            format!("{date} (as done)")
        } else {
            date
        };
        table.add_row(vec![
            sitting.number.to_string(),
            date,
            format_minutes(sitting.minutes),
            items.join("\n"),
        ]);
    }
    writeln!(w, "{table}")?;
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

/// "30 min behind (1 sitting)", "on schedule", "45 min ahead (1 sitting)".
pub fn behind_words(standing: &Standing) -> String {
    let sittings = |n: i64| count(n.unsigned_abs() as usize, "sitting");
    match standing.behind_minutes {
        0 => "on schedule".to_string(),
        minutes if minutes > 0 => format!(
            "{} behind ({})",
            format_minutes(minutes as u32),
            sittings(standing.behind_sessions)
        ),
        minutes => format!(
            "{} ahead ({})",
            format_minutes(minutes.unsigned_abs() as u32),
            sittings(standing.behind_sessions)
        ),
    }
}

/// The lines of `status` about the followed plan.
pub fn standing(standing: &Standing, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "Following the plan saved {}:", standing.followed_since)?;
    let today = match standing.planned_minutes_today {
        0 => String::new(),
        minutes => format!(" (today's {} included)", format_minutes(minutes)),
    };
    writeln!(
        w,
        "  planned to date {}{today}, done {}: {}",
        format_minutes(standing.planned_minutes_to_date),
        format_minutes(standing.done_minutes_to_date),
        behind_words(standing)
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
