//! The plan in the learner's calendar. Each sitting of the plan is an [`SittingEvent`] whose
//! identity is its slot (the curriculum, the day, and its place in the day), never its contents,
//! so a changed plan updates events in place. The [`Ledger`] remembers what was last exported
//! per curriculum, so that a new export raises SEQUENCE on every changed event and cancels the
//! events the plan no longer has; [`ics`] writes them as an iCalendar file.

pub mod events;
pub mod ics;
pub mod ledger;

pub use events::{Reminder, SittingEvent, Slot, events};
pub use ledger::{Exported, Ledger, LedgerStore, Outgoing, Status};
