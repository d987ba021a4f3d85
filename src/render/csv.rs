//! The plan as CSV with the columns Google Calendar imports.

use super::clock::Clock;
use super::plan::{item_label, session_title};
use crate::plan::Plan;
use std::io::{self, Write};

pub const HEADER: [&str; 6] = [
    "Subject",
    "Start Date",
    "Start Time",
    "End Date",
    "End Time",
    "Description",
];

/// One row per session. The Subject is the session's titles (as the iCalendar SUMMARY), since it
/// is all a calendar's grid shows; the columns stay the ones Google Calendar imports.
pub fn render(plan: &Plan, clock: &Clock, w: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(HEADER)?;
    for session in &plan.sessions {
        let (start, end) = clock.session_span(session);
        let documents: Vec<String> = session
            .items
            .iter()
            .map(|item| match &item.link {
                Some(link) => format!("{} <{link}>", item_label(item)),
                None => item_label(item),
            })
            .collect();
        writer.write_record([
            session_title(session),
            start.format("%m/%d/%Y").to_string(),
            start.format("%I:%M %p").to_string(),
            end.format("%m/%d/%Y").to_string(),
            end.format("%I:%M %p").to_string(),
            documents.join("\n"),
        ])?;
    }
    writer.flush()
}
