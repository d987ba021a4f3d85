//! Following a plan. `learnpath follow` saves the plan the learner means to keep to: the
//! baseline, kept beside the progress file. Against it, [`standing`] tells how far ahead or
//! behind the learner is as of a day; [`Changes`] says what a new plan moved; and
//! [`past_sittings`] rebuilds the sittings that already happened from the progress file, so a
//! re-plan keeps the past as it was and re-packs only what is left ([`replan`]).

mod baseline;
mod changes;
mod file;
mod past;
mod remembered;
mod replan;
pub mod status;
mod store;
mod track;
mod view;

pub use baseline::{
    Baseline, Chosen, Extras, FollowedSettings, Piece, ReviewSettings, SettingsError, Sitting,
};
pub use changes::Changes;
pub use past::{Worked, past_sittings};
pub use remembered::Remembered;
pub use replan::{Made, Replanned, Resume, Resumed, TimeOfDay, replan};
pub use store::{BaselineStore, FILE_NAME};
pub use track::{Standing, WeekLoad, standing};
pub use view::{View, ViewItem, ViewSitting};

/// The version of the baseline file's format.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest baseline learnpath reads: a plan of 100,000 documents is about 10 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
