//! `export --format ics`: the plan's sittings as events that update and cancel the events of
//! the last export, which the ledger beside the progress file remembers.

use super::super::Failure;
use super::super::settings::Context;
use learnpath::Curriculum;
use learnpath::calendar::{self, Ledger, Reminder, Status, ics};
use learnpath::plan::Plan;
use learnpath::progress::curriculum_id;
use learnpath::time::clock::Clock;
use learnpath::words::count;

/// The calendar to write; the record of it is already kept.
pub(super) struct CalendarExport {
    pub bytes: Vec<u8>,
    /// What the file holds, for the note: "5 sessions" or "5 sessions, 2 cancelled".
    pub what: String,
    /// Events written, cancellations included: none makes no valid iCalendar file (RFC 5545
    /// wants at least one component), so nothing is written then.
    pub events: usize,
}

impl CalendarExport {
    /// The calendar of `plan`, following on from the last export. The record of the last export
    /// is read, followed on and written back under one lock, before the calendar is written, so
    /// that two exports at once never lose each other's events; a record that cannot be written
    /// is an error (exit 74), and no calendar is written then. Only a record in a folder that
    /// does not exist (a `--progress` path the user gave, whose folder learnpath does not make)
    /// leaves the calendar unrecorded, with a warning.
    pub(super) fn new(
        plan: &Plan,
        clock: &Clock,
        reminders: &[Reminder],
        curriculum: &Curriculum,
        context: &Context,
    ) -> Result<Self, Failure> {
        let key = curriculum_id(curriculum, &context.source);
        let events = calendar::events(plan, clock, &key, reminders);
        let follow = |last: &Ledger| {
            let (outgoing, next) = last.apply(&events, context.now);
            // Nothing to write, nothing to remember.
            let next = if outgoing.is_empty() {
                last.clone()
            } else {
                next
            };
            (next, outgoing)
        };
        let outgoing = match context.ledger_store(curriculum)? {
            None => follow(&Ledger::default()).1,
            Some((store, false)) => {
                let outgoing = follow(&store.load()?).1;
                if !outgoing.is_empty() {
                    context.report.warning(format!(
                        "this export is not recorded (the folder of {} does not exist): the next one cannot update or cancel its events",
                        store.path().display()
                    ));
                }
                outgoing
            }
            // A record that cannot be written (a full disk, a read-only record) fails the
            // export before any calendar is written: a calendar the record does not know of
            // would have the next export reuse its SEQUENCE numbers and never cancel its events.
            Some((store, true)) => store.update(|last| Ok(follow(last)))?,
        };
        let mut bytes = Vec::new();
        let name = format!("Study plan: {}", plan.selection);
        ics::render(&outgoing, &name, context.now, &mut bytes)?;
        let cancelled = outgoing
            .iter()
            .filter(|one| one.status == Status::Cancelled)
            .count();
        let mut what = count(plan.sessions.len(), "session");
        if cancelled > 0 {
            what.push_str(&format!(", {cancelled} cancelled"));
        }
        Ok(CalendarExport {
            bytes,
            what,
            events: outgoing.len(),
        })
    }
}
