//! A plan's sittings as calendar events: when, what, and the reminders before them.

use crate::plan::{Plan, Session};
use crate::render::plan::{item_label, session_title};
use crate::time::clock::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};

/// Where a sitting sits: its curriculum, its day, and its place among that day's sittings (from
/// 1). Two plans that both study on a day share the slot, whatever they study in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    /// The curriculum's id as a name (see [`key`]): lowercase letters, digits, `-` and `_`.
    pub curriculum: String,
    pub date: NaiveDate,
    pub index: u32,
}

impl Slot {
    /// `learnpath.<curriculum>.<date>.<index>`: the name of the slot's event, also the file
    /// name (with `.ics`) of its resource in a CalDAV collection.
    pub fn name(&self) -> String {
        format!("learnpath.{}.{}.{}", self.curriculum, self.date, self.index)
    }

    /// The event's UID (RFC 5545 §3.8.4.7): the name at `learnpath`.
    pub fn uid(&self) -> String {
        format!("{}@learnpath", self.name())
    }

    /// The prefix of every event name of a curriculum, to tell its events from others'.
    pub fn prefix(curriculum: &str) -> String {
        format!("learnpath.{}.", key(curriculum))
    }

    /// The slot an event name (`learnpath.<curriculum>.<date>.<index>`, as [`Slot::name`]
    /// writes it) stands for, when it is a name of `curriculum`'s events: nothing for another
    /// curriculum's names, nor for any other name that merely starts the same way.
    pub fn of_name(name: &str, curriculum: &str) -> Option<Slot> {
        let rest = name.strip_prefix(&Slot::prefix(curriculum))?;
        let (date, index) = rest.split_once('.')?;
        let slot = Slot {
            curriculum: key(curriculum),
            date: date.parse().ok()?,
            index: index.parse().ok()?,
        };
        (slot.name() == name).then_some(slot)
    }
}

/// A reminder before a sitting starts (a VALARM with ACTION:DISPLAY).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reminder {
    pub minutes_before: u32,
}

/// One sitting as an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SittingEvent {
    pub slot: Slot,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    pub reminders: Vec<Reminder>,
}

impl SittingEvent {
    pub fn uid(&self) -> String {
        self.slot.uid()
    }

    /// A digest of everything a calendar shows of the event: equal fingerprints, an unchanged
    /// event.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        for part in [
            self.start.to_rfc3339(),
            self.end.to_rfc3339(),
            self.summary.clone(),
            self.description.clone(),
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        for reminder in &self.reminders {
            hasher.update(reminder.minutes_before.to_le_bytes());
        }
        hex(&hasher.finalize()[..12])
    }
}

/// The sittings of `plan` as events, at the times `clock` gives, in plan order. `curriculum` is
/// the curriculum's id (see [`crate::progress::location::curriculum_id`]).
pub fn events(
    plan: &Plan,
    clock: &Clock,
    curriculum: &str,
    reminders: &[Reminder],
) -> Vec<SittingEvent> {
    let key = key(curriculum);
    let mut reminders = reminders.to_vec();
    reminders.sort_unstable();
    reminders.dedup();
    let mut previous: Option<(NaiveDate, u32)> = None;
    plan.sessions
        .iter()
        .map(|session| {
            let index = match previous {
                Some((date, index)) if date == session.date => index + 1,
                _ => 1,
            };
            previous = Some((session.date, index));
            event(session, clock, &key, index, &reminders)
        })
        .collect()
}

fn event(
    session: &Session,
    clock: &Clock,
    key: &str,
    index: u32,
    reminders: &[Reminder],
) -> SittingEvent {
    let (start, end) = session.span(clock);
    SittingEvent {
        slot: Slot {
            curriculum: key.to_string(),
            date: session.date,
            index,
        },
        start: start.with_timezone(&Utc),
        end: end.with_timezone(&Utc),
        summary: session_title(session),
        description: description(session),
        reminders: reminders.to_vec(),
    }
}

/// What the sitting holds, a line a document, each with its link.
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

/// A curriculum id as it may stand in a UID and a file name (and unescaped in a URL): lowercase
/// ASCII letters, digits and `-` stay as they are, so that the UIDs of such ids never change;
/// every other byte becomes `_` and its two lowercase hex digits (`.` is `_2e`, `_` is `_5f`,
/// `A` is `_41`). As `_` stands only for an escape, two ids never give one key, and a key never
/// holds a `.`, so `learnpath.<key>.` starts the names of one curriculum only. An empty id (which
/// no curriculum has) is `_`.
fn key(curriculum: &str) -> String {
    if curriculum.is_empty() {
        return "_".to_string();
    }
    let mut key = String::with_capacity(curriculum.len());
    for byte in curriculum.bytes() {
        match byte {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => key.push(char::from(byte)),
            _ => key.push_str(&format!("_{byte:02x}")),
        }
    }
    key
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(curriculum: &str) -> Slot {
        Slot {
            curriculum: key(curriculum),
            date: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
            index: 2,
        }
    }

    #[test]
    fn curriculum_ids_become_names_without_dots() {
        assert_eq!(
            key("datacenter-infrastructure"),
            "datacenter-infrastructure"
        );
        assert_eq!(key("my-course-2027"), "my-course-2027");
        assert_eq!(key("My.Course 2027"), "_4dy_2e_43ourse_202027");
        assert_eq!(key("ü"), "_c3_bc");
        assert_eq!(key(""), "_");
        assert_eq!(slot("a.b").uid(), "learnpath.a_2eb.2027-01-04.2@learnpath");
        assert_eq!(slot("a-b").uid(), "learnpath.a-b.2027-01-04.2@learnpath");
        assert!(slot("a.b").name().starts_with(&Slot::prefix("a.b")));
        assert!(!slot("a.b").name().starts_with(&Slot::prefix("a")));
    }

    #[test]
    fn different_curriculum_ids_never_share_a_uid_or_a_prefix() {
        let ids = [
            "my.course",
            "my_course",
            "my-course",
            "My-course",
            "my",
            "my_2ecourse",
            "my_5fcourse",
            "_",
            "",
        ];
        for one in ids {
            for other in ids {
                if one == other {
                    continue;
                }
                assert_ne!(Slot::prefix(one), Slot::prefix(other), "{one} and {other}");
                assert_ne!(slot(one).uid(), slot(other).uid(), "{one} and {other}");
                assert!(
                    !slot(one).uid().starts_with(&Slot::prefix(other)),
                    "a UID of {one} has the prefix of {other}"
                );
                assert!(
                    !slot(one).name().starts_with(&Slot::prefix(other)),
                    "an event name of {one} has the prefix of {other}"
                );
            }
        }
        for one in ids {
            let name = slot(one).name();
            assert_eq!(Slot::of_name(&name, one), Some(slot(one)));
            for other in ids.iter().filter(|other| **other != one) {
                assert_eq!(Slot::of_name(&name, other), None, "{one} as {other}");
            }
        }
        for not_a_slot in [
            "learnpath.my-course.2027-01-04",
            "learnpath.my-course.2027-01-04.x",
            "learnpath.my-course.2027-01-04.02",
            "learnpath.my-course.2027-01-04.2.copy",
            "learnpath.my-course.soon.2",
        ] {
            assert_eq!(Slot::of_name(not_a_slot, "my-course"), None, "{not_a_slot}");
        }
        let prefixes: Vec<String> = ["my.course", "my_course", "my-course"]
            .iter()
            .map(|id| Slot::prefix(id))
            .collect();
        assert_eq!(
            prefixes,
            [
                "learnpath.my_2ecourse.",
                "learnpath.my_5fcourse.",
                "learnpath.my-course."
            ]
        );
    }
}
