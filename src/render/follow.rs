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
pub fn standing(standing: &Standing, w: &mut dyn Write) -> io::Result<()> {
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
