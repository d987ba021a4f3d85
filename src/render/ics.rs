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
            let rest = if item.part_of_rest {
                " of the rest"
            } else {
                ""
            };
            hasher.update(format!("#{}/{}{rest}", part.index, part.count).as_bytes());
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
        let (start, end) = clock.session_span(session);
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
    w.write_all(refold(&calendar.to_string()).as_bytes())
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
