//! One sitting as a CalDAV resource: written with the fingerprint of what it shows, and read
//! back for that fingerprint, its SEQUENCE and its start.

use crate::calendar::{Outgoing, SittingEvent, Status, ics};
use chrono::{DateTime, NaiveDateTime, Utc};

/// The property of each VEVENT learnpath puts: [`SittingEvent::fingerprint`].
pub const FINGERPRINT: &str = "X-LEARNPATH-FINGERPRINT";

/// The resource's file name in the collection: `<slot name>.ics`.
pub fn file_name(event: &SittingEvent) -> String {
    format!("{}.ics", event.slot.name())
}

/// The iCalendar text of `event` with this SEQUENCE, stamped (DTSTAMP, LAST-MODIFIED) `now`.
pub fn body(event: &SittingEvent, sequence: u32, now: DateTime<Utc>) -> String {
    let outgoing = Outgoing {
        event: event.clone(),
        status: Status::Confirmed,
        sequence,
        modified: now,
    };
    ics::resource_with(&outgoing, now, &[(FINGERPRINT, &event.fingerprint())])
}

/// What a sync needs to know of a resource on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// None when the event has none (changed by another program, or not learnpath's doing).
    pub fingerprint: Option<String>,
    pub sequence: u32,
    /// None when DTSTART is not a UTC time as learnpath writes it.
    pub start: Option<DateTime<Utc>>,
    /// As `start`, of DTEND.
    pub end: Option<DateTime<Utc>>,
    /// SUMMARY, unescaped.
    pub summary: Option<String>,
}

impl Marks {
    /// Whether the server's event shows `event`: the fingerprint learnpath wrote, and the
    /// start, end and title it has now, which another calendar program may have changed
    /// while keeping the fingerprint.
    pub fn show(&self, event: &SittingEvent) -> bool {
        self.fingerprint.as_deref() == Some(event.fingerprint().as_str())
            && self.start.is_none_or(|start| start == event.start)
            && self.end.is_none_or(|end| end == event.end)
            && self
                .summary
                .as_ref()
                .is_none_or(|summary| *summary == event.summary)
    }
}

/// The marks of the first VEVENT of an iCalendar text.
pub fn marks(data: &str) -> Marks {
    let unfolded = data
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    let mut marks = Marks::default();
    // 0: outside the event; 1: in the VEVENT; more: in a component inside it (an alarm),
    // whose properties are not the event's.
    let mut depth = 0usize;
    for line in unfolded.lines() {
        let line = line.trim_end_matches('\r');
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.split(';').next().unwrap_or(name).to_ascii_uppercase();
        match (name.as_str(), depth) {
            ("BEGIN", 0) if value.eq_ignore_ascii_case("VEVENT") => depth = 1,
            ("BEGIN", 1..) => depth += 1,
            ("END", 1) => break,
            ("END", 2..) => depth -= 1,
            (FINGERPRINT, 1) => marks.fingerprint = Some(value.trim().to_string()),
            ("SEQUENCE", 1) => marks.sequence = value.trim().parse().unwrap_or(0),
            ("DTSTART", 1) => marks.start = utc(value),
            ("DTEND", 1) => marks.end = utc(value),
            ("SUMMARY", 1) => marks.summary = Some(unescape(value)),
            _ => {}
        }
    }
    marks
}

/// A UTC date-time as learnpath writes it, `20270104T190000Z`.
fn utc(value: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(value.trim(), "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|time| time.and_utc())
}

/// A TEXT value unescaped (RFC 5545 §3.3.11): `\\`, `\;`, `\,` and `\n`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n' | 'N')) => {
                out.push('\n');
                chars.next();
            }
            ('\\', Some(next @ ('\\' | ';' | ','))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::calendar::{Reminder, Slot};
    use chrono::{NaiveDate, TimeZone};

    pub(crate) fn event(day: u32, index: u32, summary: &str) -> SittingEvent {
        let start = Utc.with_ymd_and_hms(2027, 1, day, 19, 0, 0).unwrap();
        SittingEvent {
            slot: Slot {
                curriculum: "course".to_string(),
                date: NaiveDate::from_ymd_opt(2027, 1, day).unwrap(),
                index,
            },
            start,
            end: start + chrono::Duration::minutes(90),
            summary: summary.to_string(),
            description: "Session 1 (90 min):\n- a document".to_string(),
            reminders: vec![Reminder { minutes_before: 15 }],
        }
    }

    #[test]
    fn a_written_resource_reads_back() {
        let event = event(
            4,
            1,
            "Study: a rather long title, that the writer folds; over lines \\ too",
        );
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let body = body(&event, 3, now);
        assert!(body.contains("UID:learnpath.course.2027-01-04.1@learnpath"));
        assert_eq!(file_name(&event), "learnpath.course.2027-01-04.1.ics");
        assert_eq!(
            marks(&body),
            Marks {
                fingerprint: Some(event.fingerprint()),
                sequence: 3,
                start: Some(event.start),
                end: Some(event.end),
                summary: Some(event.summary.clone()),
            }
        );
        assert!(marks(&body).show(&event));
        let moved = body.replace("DTSTART:20270104T190000Z", "DTSTART:20270104T200000Z");
        assert!(!marks(&moved).show(&event), "{moved}");
    }

    #[test]
    fn marks_of_an_event_learnpath_did_not_write() {
        let data = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Europe/Berlin:20270104T190000\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(marks(data), Marks::default());
        assert_eq!(marks("not a calendar"), Marks::default());
    }

    #[test]
    fn an_alarms_properties_are_not_the_events() {
        let data = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Study: A\r\nSEQUENCE:3\r\nBEGIN:VALARM\r\nACTION:EMAIL\r\nSUMMARY:Mail\r\nSEQUENCE:9\r\nEND:VALARM\r\nDTEND:20270104T200000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let found = marks(data);
        assert_eq!(found.summary.as_deref(), Some("Study: A"));
        assert_eq!(found.sequence, 3);
        assert!(
            found.end.is_some(),
            "the event's lines after its alarm are read"
        );
    }
}
