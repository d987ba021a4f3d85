//! The plan as an iCalendar file (RFC 5545): one event per session, times in UTC, a UID that
//! depends only on the session's content so that re-importing a replanned schedule updates
//! events instead of adding copies.

use super::clock::Clock;
use super::plan::{item_label, session_title};
use crate::plan::{Plan, Session};
use chrono::{NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use sha2::{Digest, Sha256};
use std::io::{self, Write};

/// The stable identity of a session: the curriculum and the documents (with part numbers) it
/// holds; never its date.
pub fn uid(plan: &Plan, session: &Session) -> String {
    let mut hasher = Sha256::new();
    hasher.update(plan.curriculum.as_bytes());
    for item in &session.items {
        hasher.update(b"\n");
        hasher.update(item.path.as_bytes());
        if let Some(part) = item.part {
            hasher.update(format!("#{}/{}", part.index, part.count).as_bytes());
        }
    }
    let digest = hasher.finalize();
    let hex: String = digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{hex}@learnpath")
}

fn description(session: &Session) -> String {
    let mut lines = vec![format!(
        "Session {} ({} min):",
        session.number, session.minutes
    )];
    for item in &session.items {
        lines.push(format!("- {}", item_label(item)));
        if let Some(link) = &item.link {
            lines.push(format!("  {link}"));
        }
    }
    lines.join("\n")
}

/// Writes the calendar. `stamp` is the DTSTAMP date (the date the CLI passes in as today).
///
/// Calendar clients apply a re-imported event with a known UID only when its SEQUENCE has gone
/// up, so SEQUENCE counts the days from 2000-01-01 to the export date: a later export wins.
pub fn render(plan: &Plan, clock: &Clock, stamp: NaiveDate, w: &mut dyn Write) -> io::Result<()> {
    let dtstamp = stamp.and_time(chrono::NaiveTime::MIN).and_utc();
    let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let sequence = (stamp - epoch).num_days().max(0).to_string();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//learnpath//learnpath study plan//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property((
            "X-WR-CALNAME",
            format!("Study plan: {}", plan.selection).as_str(),
        ));
    for session in &plan.sessions {
        let (start, end) = clock.span(session.date, session.minutes);
        calendar.push(
            Event::new()
                .uid(&uid(plan, session))
                .timestamp(dtstamp)
                .add_property("SEQUENCE", sequence.as_str())
                .add_property(
                    "LAST-MODIFIED",
                    dtstamp.format("%Y%m%dT%H%M%SZ").to_string(),
                )
                .starts(start.with_timezone(&Utc))
                .ends(end.with_timezone(&Utc))
                .summary(&session_title(session))
                .description(&description(session))
                .done(),
        );
    }
    write!(w, "{calendar}")
}
