//! The plan as a table of sessions followed by a summary.

use super::table::Style;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::plan::{BlockReason, BlockedDay, IdleDay, IdleReason, Item, LabelMet, Plan, Session};
use crate::words::count;
use std::io::{self, Write};

/// "Title (40 min)" or "Title, part 1/2 (45 min)"; for what is left of a partly done document,
/// "Title, the rest (25 min)" or "Title, the rest, part 1/2 (50 min)"; a review is "review:
/// Title (10 min)".
pub fn item_label(item: &Item) -> String {
    format!(
        "{}{}{} ({}{})",
        if item.is_review() { "review: " } else { "" },
        item.title,
        item_which(item, ", "),
        if item.estimated { "~" } else { "" },
        format_minutes(item.minutes)
    )
}

/// "Title" or "Title (part 1/2)", "Title (the rest)" or "Title (the rest, part 1/2)": the parts
/// of a split document must differ where only titles show, as in a calendar; "Title (review)".
pub fn item_title(item: &Item) -> String {
    if item.is_review() {
        return format!("{} (review)", item.title);
    }
    match item_which(item, "") {
        which if which.is_empty() => item.title.clone(),
        which => format!("{} ({which})", item.title),
    }
}

/// Which piece of its document an item is, after `lead`: "part 1/2", "the rest" (of a partly
/// done document), "the rest, part 1/2", or nothing for a whole document.
fn item_which(item: &Item, lead: &str) -> String {
    // Parts of the whole document (its other parts, after some were done) need no "rest".
    let rest = item.done_minutes > 0 && (item.part.is_none() || item.part_of_rest);
    match (rest, item.part) {
        (false, None) => String::new(),
        (false, Some(part)) => format!("{lead}part {}/{}", part.index, part.count),
        (true, None) => format!("{lead}the rest"),
        (true, Some(part)) => format!("{lead}the rest, part {}/{}", part.index, part.count),
    }
}

/// "Study: Title A (review); Title B (part 1/2)": a session's name in a calendar (the
/// iCalendar SUMMARY, the CSV Subject), which is all a calendar's grid shows of an event; a
/// sitting of reviews only is "Review: Title A; Title B".
pub fn session_title(session: &Session) -> String {
    if session.items.iter().all(Item::is_review) {
        let titles: Vec<&str> = session.items.iter().map(|i| i.title.as_str()).collect();
        return format!("Review: {}", titles.join("; "));
    }
    let titles: Vec<String> = session.items.iter().map(item_title).collect();
    format!("Study: {}", titles.join("; "))
}

/// Each study day before the finish without a sitting, and why (`plan --explain`).
pub fn explain(plan: &Plan, width: Option<u16>, w: &mut dyn Write) -> io::Result<()> {
    let mut days: Vec<(chrono::NaiveDate, String)> = plan
        .blocked
        .iter()
        .map(|day| (day.date, blocked_reason(day)))
        .chain(
            plan.idle
                .iter()
                .map(|day| (day.date, idle_reason(plan, day))),
        )
        .collect();
    days.sort();
    super::wrap::wrapped(w, width, |w| {
        if days.is_empty() {
            return writeln!(w, "Every study day up to the finish has a sitting.");
        }
        writeln!(w, "Study days without a sitting:")?;
        for (date, why) in &days {
            writeln!(w, "  {}  {why}", date.format("%a %Y-%m-%d"))?;
        }
        Ok(())
    })
}

fn blocked_reason(day: &BlockedDay) -> String {
    let sources = day.sources.join(", ");
    match day.reason {
        BlockReason::Skip => "skipped (--skip)".to_string(),
        BlockReason::AllDay => format!("busy all day in {sources}"),
        BlockReason::TooShort => format!(
            "busy events in {sources} leave {} of the study window, less than 15 min",
            format_minutes(day.free_minutes.unwrap_or(0))
        ),
    }
}

fn idle_reason(plan: &Plan, day: &IdleDay) -> String {
    match day.reason {
        IdleReason::WeekFull => format!(
            "this week's {} were used on earlier days",
            format_minutes(plan.settings.weekly_minutes.get())
        ),
        IdleReason::NothingFits if plan.settings.whole => format!(
            "the next document does not fit in {} (--whole)",
            format_minutes(day.minutes)
        ),
        IdleReason::NothingFits => format!(
            "nothing ready fits in {}: no document that short, and a part needs 15 min and must leave 15",
            format_minutes(day.minutes)
        ),
    }
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

/// The plan's summary: its size and dates, the forecast, minutes by specialization, and the
/// milestones.
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
    if let Some(forecast) = &plan.forecast {
        writeln!(w, "  {}", likely_finish(forecast))?;
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
    if summary.reviews > 0 {
        let share = f64::from(summary.review_minutes) * 100.0 / f64::from(summary.total_minutes);
        writeln!(
            w,
            "  {}: {} ({share:.0}% of the plan's time)",
            count(summary.reviews, "review"),
            format_minutes(summary.review_minutes)
        )?;
    }
    milestones(&summary.labels, w)
}

/// "Milestones:" and, for each label, the session that reaches it, or that none does, or that
/// it is met before the first session; nothing when there are no labels.
fn milestones(labels: &[LabelMet], w: &mut dyn Write) -> io::Result<()> {
    if labels.is_empty() {
        return Ok(());
    }
    writeln!(w, "Milestones:")?;
    for label in labels {
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
    Ok(())
}

/// "likely finish 2027-03-08 (80% between 2027-02-26 and 2027-03-29), from ...": the
/// forecast's P50 and P10-P90, and what its ratios come from.
pub fn likely_finish(forecast: &crate::plan::forecast::Forecast) -> String {
    use crate::plan::forecast::Method;
    let from = match (forecast.method, forecast.pace) {
        (Method::History, Some(pace)) => format!(
            "at your pace ({pace:.2}x the estimates over {})",
            count(forecast.logged_documents, "logged document")
        ),
        _ => "from typical overruns (no times logged)".to_string(),
    };
    let chance = match (forecast.by, forecast.chance_by) {
        (Some(by), Some(chance)) => format!("; {:.0}% chance of finishing by {by}", chance * 100.0),
        _ => String::new(),
    };
    format!(
        "likely finish {} (80% between {} and {}), {from}{chance}",
        forecast.p50, forecast.p10, forecast.p90
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::DocId;
    use crate::plan::ItemKind;

    fn item(title: &str, kind: ItemKind) -> Item {
        Item {
            doc: DocId(0),
            path: format!("{title}.md"),
            title: title.to_string(),
            minutes: 10,
            done_minutes: 0,
            part: None,
            part_of_rest: false,
            link: None,
            estimated: false,
            kind,
            due: None,
            recall: None,
        }
    }

    fn session(items: Vec<Item>) -> Session {
        Session {
            number: 1,
            date: chrono::NaiveDate::from_ymd_opt(2027, 1, 18).unwrap(),
            delay_minutes: 0,
            weekday: "Mon".to_string(),
            iso_week: "2027-W03".to_string(),
            minutes: items.iter().map(|item| item.minutes).sum(),
            items,
            cumulative_minutes: 0,
            cumulative_hours: 0.0,
        }
    }

    /// A calendar names a sitting of reviews only as such, and marks the reviews of a mixed one.
    #[test]
    fn a_sitting_of_reviews_only_is_a_review() {
        let reviews = session(vec![
            item("A", ItemKind::Review),
            item("B", ItemKind::Review),
        ]);
        assert_eq!(session_title(&reviews), "Review: A; B");
        let mixed = session(vec![
            item("A", ItemKind::Review),
            item("C", ItemKind::Study),
        ]);
        assert_eq!(session_title(&mixed), "Study: A (review); C");
        assert_eq!(item_label(&mixed.items[0]), "review: A (10 min)");
    }
}
