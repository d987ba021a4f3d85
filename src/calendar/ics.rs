//! The calendar as an iCalendar file (RFC 5545): one VEVENT a sitting, times in UTC, the UID of
//! its slot, the SEQUENCE and LAST-MODIFIED the ledger gives it, a DISPLAY alarm a reminder;
//! a cancelled sitting as STATUS:CANCELLED.

use super::ledger::{Outgoing, Status};
use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus};
use std::io::{self, Write};

/// The PRODID of everything learnpath writes.
pub const PRODID: &str = "-//learnpath//learnpath study plan//EN";

/// Writes the calendar named `name`; `stamp` is DTSTAMP, when the file is written.
pub fn render(
    outgoing: &[Outgoing],
    name: &str,
    stamp: DateTime<Utc>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("X-WR-CALNAME", name));
    for one in outgoing {
        calendar.push(vevent(one, stamp));
    }
    w.write_all(refold(&calendar.to_string()).as_bytes())
}

/// One event alone in a calendar, as a CalDAV resource holds it.
pub fn resource(one: &Outgoing, stamp: DateTime<Utc>) -> String {
    resource_with(one, stamp, &[])
}

/// [`resource`] with more properties in the VEVENT, e.g. the `X-` properties a sync reads
/// back.
pub fn resource_with(one: &Outgoing, stamp: DateTime<Utc>, properties: &[(&str, &str)]) -> String {
    let mut event = vevent(one, stamp);
    for &(name, value) in properties {
        event.add_property(name, value);
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .push(event);
    refold(&calendar.to_string())
}

/// The VEVENT of a sitting: a cancelled one keeps its UID, times and title only.
pub fn vevent(one: &Outgoing, stamp: DateTime<Utc>) -> Event {
    let event = &one.event;
    let mut vevent = Event::new();
    vevent
        .uid(&event.uid())
        .timestamp(stamp)
        .sequence(one.sequence)
        .last_modified(one.modified)
        .starts(event.start)
        .ends(event.end)
        .summary(&event.summary);
    match one.status {
        Status::Cancelled => {
            vevent.status(EventStatus::Cancelled);
        }
        Status::Confirmed => {
            vevent.description(&event.description);
            for reminder in &event.reminders {
                let before = Duration::minutes(-i64::from(reminder.minutes_before));
                // The crate writes a DTSTAMP and a UID in every component, a random UID and
                // the clock's time unless given: given here, so that the file is the same
                // for the same inputs (RFC 9074 gives alarms a UID).
                let mut alarm = Alarm::display(&event.summary, before);
                alarm
                    .uid(&format!(
                        "{}.alarm.{}",
                        event.uid(),
                        reminder.minutes_before
                    ))
                    .timestamp(stamp);
                vevent.alarm(alarm);
            }
        }
    }
    vevent.done()
}

/// RFC 5545 §3.1: a content line is at most 75 octets, excluding the CRLF, and a continuation
/// line's leading space counts toward its 75. The `icalendar` crate (0.17) lets a last
/// continuation line reach 76 octets, so its folding is undone and done again here. Undoing it
/// cannot join real lines: TEXT values are escaped, so a value never holds a line break.
fn refold(calendar: &str) -> String {
    let unfolded = calendar.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        fold_line(line, &mut out);
        out.push_str("\r\n");
    }
    out
}

/// Appends `line` folded: at most 75 octets on the first line, a space and at most 74 on each
/// continuation.
fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let cut = cut_point(rest, limit);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
}

/// Where to cut `rest` (longer than `limit` octets): only between UTF-8 characters (one is at
/// most 4 octets, so the piece is never empty), and, as the `icalendar` crate does, a few
/// characters earlier rather than before a blank, which a client that trims lines would lose.
fn cut_point(rest: &str, limit: usize) -> usize {
    let mut cut = limit;
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let longest = cut;
    for _ in 0..8 {
        if !rest[cut..].starts_with([' ', '\t']) {
            return cut;
        }
        match rest[..cut].char_indices().next_back() {
            Some((before, _)) if before > 0 => cut = before,
            _ => break,
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_line(line, &mut out);
        out
    }

    #[test]
    fn lines_fold_at_75_octets_counting_the_leading_space() {
        assert_eq!(folded(&"a".repeat(75)), "a".repeat(75));
        let long = "b".repeat(75 + 74 + 1);
        let expected = format!("{}\r\n {}\r\n b", "b".repeat(75), "b".repeat(74));
        assert_eq!(folded(&long), expected);
        // 76 octets: the old folding left 75 octets plus the space on the second line.
        let pieces: Vec<usize> = folded(&"c".repeat(76 + 74))
            .split("\r\n")
            .map(str::len)
            .collect();
        assert_eq!(pieces, [75, 75, 2]);
    }

    #[test]
    fn folding_cuts_between_characters() {
        // 74 ASCII octets, then a 4-octet emoji across the 75th octet.
        let line = format!("{}😀漢é", "d".repeat(74));
        let out = folded(&line);
        assert_eq!(out, format!("{}\r\n 😀漢é", "d".repeat(74)));
        assert_eq!(out.replace("\r\n ", ""), line);
    }

    #[test]
    fn a_continuation_does_not_start_with_a_blank() {
        let line = format!("{} two", "f".repeat(75));
        assert_eq!(folded(&line), format!("{}\r\n f two", "f".repeat(74)));
        // Blanks all the way back: cut at the limit all the same.
        let blanks = format!("g{}h", " ".repeat(80));
        let out = folded(&blanks);
        assert_eq!(out.replace("\r\n ", ""), blanks);
        assert_eq!(out.split("\r\n").next().map(str::len), Some(75));
    }

    #[test]
    fn refolding_undoes_the_crates_folding_and_keeps_short_lines() {
        // As the crate folds 150 octets: 75, then a space and 75 (76 octets).
        let (head, tail) = ("e".repeat(73), "e".repeat(75));
        let out = refold(&format!("A:short\r\nB:{head}\r\n {tail}\r\nC:x\r\n"));
        let tail = "e".repeat(74);
        assert_eq!(
            out,
            format!("A:short\r\nB:{head}\r\n {tail}\r\n e\r\nC:x\r\n")
        );
    }
}
