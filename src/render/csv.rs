//! The plan as CSV with the columns Google Calendar imports.

use super::plan::{item_label, session_title};
use crate::plan::Plan;
use crate::time::Clock;
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
        let (start, end) = session.span(clock);
        let documents: Vec<String> = session
            .items
            .iter()
            .map(
                |item| match crate::weblink::safe_link(item.link.as_deref()) {
                    Some(link) => format!("{} <{link}>", item_label(item)),
                    None => item_label(item),
                },
            )
            .collect();
        writer.write_record([
            session_title(session),
            start.format("%m/%d/%Y").to_string(),
            start.format("%I:%M %p").to_string(),
            end.format("%m/%d/%Y").to_string(),
            end.format("%I:%M %p").to_string(),
            inert(documents.join("\n")),
        ])?;
    }
    writer.flush()
}

/// A cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (curricula are often other people's, and a
/// title such as `=HYPERLINK(...)` would otherwise run when the file is opened).
pub fn inert(text: String) -> String {
    match text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{text}"),
        false => text,
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_made_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(inert("-5 min".into()), "'-5 min");
        assert_eq!(inert("Title = x".into()), "Title = x");
    }
}
