//! `export --format ics`: the plan's sittings as events that update and cancel the events of
//! the last export, which the ledger beside the progress file remembers.

use super::super::Failure;
use super::super::settings::Context;
use learnpath::calendar::{self, Ledger, LedgerStore, Reminder, Status, ics};
use learnpath::plan::Plan;
use learnpath::progress::curriculum_id;
use learnpath::render::clock::Clock;
use learnpath::words::count;
use learnpath::{Curriculum, Error};

/// The calendar to write, and the ledger to keep once it is written.
pub(super) struct CalendarExport {
    pub bytes: Vec<u8>,
    /// What the file holds, for the note: "5 sessions" or "5 sessions, 2 cancelled".
    pub what: String,
    /// Events written, cancellations included: none makes no valid iCalendar file (RFC 5545
    /// wants at least one component), so nothing is written then.
    pub events: usize,
    record: Option<(LedgerStore, bool, Ledger)>,
}

impl CalendarExport {
    pub(super) fn new(
        plan: &Plan,
        clock: &Clock,
        reminders: &[Reminder],
        curriculum: &Curriculum,
        context: &Context,
    ) -> Result<Self, Failure> {
        let key = curriculum_id(curriculum, &context.source);
        let events = calendar::events(plan, clock, &key, reminders);
        let store = context.ledger_store(curriculum)?;
        let last = match &store {
            Some((store, _)) => store.load()?,
            None => Ledger::default(),
        };
        let (outgoing, next) = last.apply(&events, context.now);
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
            record: store.map(|(store, writable)| (store, writable, next)),
        })
    }

    /// Remembers what was written. A record that cannot be written leaves the calendar as
    /// written, with a warning: the next export cannot cancel these events then.
    pub(super) fn record(self, context: &Context) -> Result<(), Failure> {
        let Some((store, writable, ledger)) = self.record else {
            return Ok(());
        };
        let unrecorded = |why: String| {
            context.report.warning(format!(
                "this export is not recorded ({why}): the next one cannot update or cancel its events"
            ));
        };
        if !writable {
            unrecorded(format!(
                "the folder of {} does not exist",
                store.path().display()
            ));
            return Ok(());
        }
        match store.save(&ledger) {
            Ok(()) => Ok(()),
            Err(error @ Error::Io { .. }) => {
                unrecorded(error.to_string());
                Ok(())
            }
            Err(error) => Err(error.into()),
        }
    }
}
