//! When the learner can study: the week's pattern bent by dates skipped outright and by busy
//! time read from their own calendars (the model), and the iCalendar reader for those calendars
//! (`busy`). Below the planner, which asks it for each day's free time.

pub mod busy;
mod model;

pub use model::*;
