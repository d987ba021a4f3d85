//! When the learner is not free: busy time read from their own calendars.

pub mod busy;
