//! The saved study profile: the learner's usual choices for one curriculum (a role or
//! specializations, weekly hours, days, session length, start, time of day and zone, days off,
//! busy calendars, reminders, the CalDAV calendar and user of `sync`, and reviews), so that `learnpath plan` needs no flags. A YAML file per curriculum in the
//! XDG config folder, `$XDG_CONFIG_HOME/learnpath/<curriculum id>/profile.yaml`.
//!
//! Values are kept as the learner typed them (checked when set by the command line, with the
//! parsers of the flags), so that the file stays readable and a value is read exactly as the
//! flag would read it. The file names the curriculum it is for; a profile of another curriculum
//! is refused. A file that cannot be read is an error that names its line, and it is never
//! overwritten: only a reset removes it.

mod format;
mod store;

pub use store::{ProfileStore, Saved, Updated};

use serde::Serialize;
use std::fmt;

/// The version of the profile's format.
pub const SCHEMA_VERSION: u32 = 1;

/// The profile's file name, in its curriculum's folder.
pub const FILE_NAME: &str = "profile.yaml";

/// The largest profile learnpath reads: a profile is a few lines; this bounds what a wrong file
/// (a large one given with `--profile`) can cost.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// What a profile can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Role,
    Spec,
    Hours,
    Days,
    Session,
    At,
    Tz,
    Start,
    Skip,
    Busy,
    Remind,
    Caldav,
    User,
    Whole,
    Review,
    Retention,
    ReviewMinutes,
}

impl Key {
    /// Every key, in the order the file and `profile show` list them.
    pub const ALL: [Key; 17] = [
        Key::Role,
        Key::Spec,
        Key::Hours,
        Key::Days,
        Key::Session,
        Key::At,
        Key::Tz,
        Key::Start,
        Key::Skip,
        Key::Busy,
        Key::Remind,
        Key::Caldav,
        Key::User,
        Key::Whole,
        Key::Review,
        Key::Retention,
        Key::ReviewMinutes,
    ];

    /// The key's name in the file, which is also its flag's name.
    pub fn name(self) -> &'static str {
        match self {
            Key::Role => "role",
            Key::Spec => "spec",
            Key::Hours => "hours",
            Key::Days => "days",
            Key::Session => "session",
            Key::At => "at",
            Key::Tz => "tz",
            Key::Start => "start",
            Key::Skip => "skip",
            Key::Busy => "busy",
            Key::Remind => "remind",
            Key::Caldav => "caldav",
            Key::User => "user",
            Key::Whole => "whole",
            Key::Review => "review",
            Key::Retention => "retention",
            Key::ReviewMinutes => "review-minutes",
        }
    }

    /// Keys that hold a list (`spec`, `skip`, `busy`, `remind`); the others hold one value.
    pub fn is_list(self) -> bool {
        matches!(self, Key::Spec | Key::Skip | Key::Busy | Key::Remind)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The learner's saved choices, as typed. The JSON of `profile show` has every key: `null` or
/// `[]` when not set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// A role; excludes `spec`.
    pub role: Option<String>,
    /// One or two specializations; exclude `role`.
    pub spec: Vec<String>,
    /// Weekly hours, e.g. "5" or "7.5".
    pub hours: Option<String>,
    /// Study days, e.g. "mon,wed,sat".
    pub days: Option<String>,
    /// The longest sitting, e.g. "90min".
    pub session: Option<String>,
    /// The local time sessions start, "HH:MM".
    pub at: Option<String>,
    /// The IANA time zone of `at`.
    pub tz: Option<String>,
    /// The first day of the plan, "YYYY-MM-DD".
    pub start: Option<String>,
    /// Days off: "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD", inclusive.
    pub skip: Vec<String>,
    /// Calendars (.ics) of busy times, as absolute paths.
    pub busy: Vec<String>,
    /// Reminders before each sitting of an exported or synced calendar, e.g. "15m".
    pub remind: Vec<String>,
    /// The CalDAV calendar collection `sync` writes to.
    pub caldav: Option<String>,
    /// The CalDAV user.
    pub user: Option<String>,
    /// "true" to plan whole documents only.
    pub whole: Option<String>,
    /// "true" to place reviews in the sittings of every plan.
    pub review: Option<String>,
    /// The target retention of reviews, e.g. "0.85".
    pub retention: Option<String>,
    /// Minutes of each review, e.g. "10m".
    #[serde(rename = "review-minutes")]
    pub review_minutes: Option<String>,
}

/// Where a key's values are kept.
enum Slot<'a> {
    One(&'a mut Option<String>),
    Many(&'a mut Vec<String>),
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        Key::ALL.iter().all(|&key| self.values(key).is_empty())
    }

    /// The values of a key: none, one, or a list's.
    pub fn values(&self, key: Key) -> Vec<&str> {
        fn one(value: &Option<String>) -> Vec<&str> {
            value.iter().map(String::as_str).collect()
        }
        fn many(values: &[String]) -> Vec<&str> {
            values.iter().map(String::as_str).collect()
        }
        match key {
            Key::Role => one(&self.role),
            Key::Spec => many(&self.spec),
            Key::Hours => one(&self.hours),
            Key::Days => one(&self.days),
            Key::Session => one(&self.session),
            Key::At => one(&self.at),
            Key::Tz => one(&self.tz),
            Key::Start => one(&self.start),
            Key::Skip => many(&self.skip),
            Key::Busy => many(&self.busy),
            Key::Remind => many(&self.remind),
            Key::Caldav => one(&self.caldav),
            Key::User => one(&self.user),
            Key::Whole => one(&self.whole),
            Key::Review => one(&self.review),
            Key::Retention => one(&self.retention),
            Key::ReviewMinutes => one(&self.review_minutes),
        }
    }

    /// The value of a key that holds one (the first of a list).
    pub fn value(&self, key: Key) -> Option<&str> {
        self.values(key).first().copied()
    }

    /// Gives a key these values (one for a key that holds one: the first); the values it had.
    pub fn replace(&mut self, key: Key, values: Vec<String>) -> Vec<String> {
        match self.slot(key) {
            Slot::One(value) => std::mem::replace(value, values.into_iter().next())
                .into_iter()
                .collect(),
            Slot::Many(list) => std::mem::replace(list, values),
        }
    }

    /// Adds a value to a list (a key that holds one gets it instead of its own); false when
    /// it is there already, as written.
    pub fn add(&mut self, key: Key, value: String) -> bool {
        match self.slot(key) {
            Slot::One(slot) if slot.as_deref() == Some(value.as_str()) => false,
            Slot::One(slot) => {
                *slot = Some(value);
                true
            }
            Slot::Many(list) if list.contains(&value) => false,
            Slot::Many(list) => {
                list.push(value);
                true
            }
        }
    }

    /// Removes every value of a key; the values it had.
    pub fn unset(&mut self, key: Key) -> Vec<String> {
        self.replace(key, Vec::new())
    }

    /// Removes the values of a key for which `matches` holds; those values.
    pub fn remove(&mut self, key: Key, matches: impl Fn(&str) -> bool) -> Vec<String> {
        match self.slot(key) {
            Slot::One(slot) if slot.as_deref().is_some_and(&matches) => {
                slot.take().into_iter().collect()
            }
            Slot::One(_) => Vec::new(),
            Slot::Many(list) => {
                let (removed, kept) = std::mem::take(list)
                    .into_iter()
                    .partition(|value| matches(value));
                *list = kept;
                removed
            }
        }
    }

    fn slot(&mut self, key: Key) -> Slot<'_> {
        match key {
            Key::Role => Slot::One(&mut self.role),
            Key::Spec => Slot::Many(&mut self.spec),
            Key::Hours => Slot::One(&mut self.hours),
            Key::Days => Slot::One(&mut self.days),
            Key::Session => Slot::One(&mut self.session),
            Key::At => Slot::One(&mut self.at),
            Key::Tz => Slot::One(&mut self.tz),
            Key::Start => Slot::One(&mut self.start),
            Key::Skip => Slot::Many(&mut self.skip),
            Key::Busy => Slot::Many(&mut self.busy),
            Key::Remind => Slot::Many(&mut self.remind),
            Key::Caldav => Slot::One(&mut self.caldav),
            Key::User => Slot::One(&mut self.user),
            Key::Whole => Slot::One(&mut self.whole),
            Key::Review => Slot::One(&mut self.review),
            Key::Retention => Slot::One(&mut self.retention),
            Key::ReviewMinutes => Slot::One(&mut self.review_minutes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hold_one_value_or_a_list() {
        let mut profile = Profile::default();
        assert!(profile.is_empty());
        assert!(profile.add(Key::Hours, "5".into()));
        assert_eq!(profile.replace(Key::Hours, vec!["4".into()]), ["5"]);
        assert!(profile.add(Key::Skip, "2027-02-14".into()));
        assert!(
            !profile.add(Key::Skip, "2027-02-14".into()),
            "no duplicates"
        );
        assert!(profile.add(Key::Skip, "2027-03-01..2027-03-05".into()));
        assert_eq!(
            profile.values(Key::Skip),
            ["2027-02-14", "2027-03-01..2027-03-05"]
        );
        assert_eq!(
            profile.remove(Key::Skip, |value| value == "2027-02-14"),
            ["2027-02-14"]
        );
        assert_eq!(profile.unset(Key::Hours), ["4"]);
        assert_eq!(profile.unset(Key::Hours), Vec::<String>::new());
        assert_eq!(profile.value(Key::Skip), Some("2027-03-01..2027-03-05"));
        assert!(profile.replace(Key::Spec, vec!["3.1".into()]).is_empty());
        assert!(!profile.is_empty());
    }
}
