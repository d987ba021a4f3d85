//! What learnpath last exported to a curriculum's calendar, kept beside the progress file, and
//! how a new export follows on from it: SEQUENCE rises on every event that changed, and the
//! events a new plan no longer has are exported once more as cancelled. Events that started
//! before now are the past: kept as they were, never cancelled.

use super::events::{SittingEvent, Slot};
use crate::error::{Invalid, Result};
use crate::store::{self, Broken, KeptFile, Kind, Problem, Store};
use crate::yaml;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The version of the ledger file's format.
pub const SCHEMA_VERSION: u32 = 1;

/// The ledger's file name beside a progress file named `progress.yaml`.
pub const FILE_NAME: &str = "calendar.yaml";

const HEADER: &str = "\
# learnpath calendar: the events `learnpath export --format ics` last wrote for this curriculum,
# so that the next export updates them (a higher SEQUENCE) and cancels the ones a new plan drops.
";

/// The largest calendar record learnpath reads: an event is about 300 bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// One event as last exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exported {
    pub date: NaiveDate,
    pub index: u32,
    pub sequence: u32,
    pub fingerprint: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    /// When its contents last changed (LAST-MODIFIED).
    pub modified: DateTime<Utc>,
    /// Exported as cancelled: kept so that a plan that needs the slot again exports it with a
    /// higher SEQUENCE than the cancellation's, which clients would otherwise ignore.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
}

/// The largest SEQUENCE: iCalendar's INTEGER is a signed 32-bit number.
pub const MAX_SEQUENCE: u32 = i32::MAX as u32;

/// One more than `sequence`, never past [`MAX_SEQUENCE`].
fn bump(sequence: u32) -> u32 {
    sequence.saturating_add(1).min(MAX_SEQUENCE)
}

/// The events last exported for one curriculum, by UID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub events: BTreeMap<String, Exported>,
}

/// Whether an outgoing event is in the plan or cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Cancelled,
}

/// An event to export, with the SEQUENCE and LAST-MODIFIED the ledger gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub event: SittingEvent,
    pub status: Status,
    pub sequence: u32,
    pub modified: DateTime<Utc>,
}

impl Ledger {
    /// The events to export for `events`, the plan's sittings, at `now`; and the ledger after
    /// it. New events have SEQUENCE 0, changed ones (and cancelled ones planned again) one more
    /// than last time, unchanged ones the same. An event last exported that the plan no longer
    /// has is cancelled once (SEQUENCE one more) and remembered as cancelled, unless it started
    /// before `now`: the past is kept as it is.
    pub fn apply(&self, events: &[SittingEvent], now: DateTime<Utc>) -> (Vec<Outgoing>, Ledger) {
        let mut next = Ledger::default();
        let mut outgoing = Vec::with_capacity(events.len());
        for event in events {
            let uid = event.uid();
            let fingerprint = event.fingerprint();
            let (sequence, modified) = match self.events.get(&uid) {
                None => (0, now),
                Some(last) if !last.cancelled && last.fingerprint == fingerprint => {
                    (last.sequence, last.modified)
                }
                Some(last) => (bump(last.sequence), now),
            };
            next.events
                .insert(uid, exported(event, fingerprint, sequence, modified));
            outgoing.push(Outgoing {
                event: event.clone(),
                status: Status::Confirmed,
                sequence,
                modified,
            });
        }
        for (uid, last) in &self.events {
            if next.events.contains_key(uid) {
                continue;
            }
            if last.start < now {
                // The past, kept; a cancellation in the past can be forgotten.
                if !last.cancelled {
                    next.events.insert(uid.clone(), last.clone());
                }
                continue;
            }
            if last.cancelled {
                next.events.insert(uid.clone(), last.clone());
                continue;
            }
            let sequence = bump(last.sequence);
            outgoing.push(Outgoing {
                event: cancelled(uid, last),
                status: Status::Cancelled,
                sequence,
                modified: now,
            });
            next.events.insert(
                uid.clone(),
                Exported {
                    sequence,
                    modified: now,
                    cancelled: true,
                    ..last.clone()
                },
            );
        }
        (outgoing, next)
    }
}

fn exported(
    event: &SittingEvent,
    fingerprint: String,
    sequence: u32,
    modified: DateTime<Utc>,
) -> Exported {
    Exported {
        date: event.slot.date,
        index: event.slot.index,
        sequence,
        fingerprint,
        start: event.start,
        end: event.end,
        summary: event.summary.clone(),
        modified,
        cancelled: false,
    }
}

/// The event a cancellation is written as: the slot and times it had.
fn cancelled(uid: &str, last: &Exported) -> SittingEvent {
    let name = uid.strip_suffix("@learnpath").unwrap_or(uid);
    let curriculum = name
        .strip_prefix("learnpath.")
        .and_then(|rest| rest.split('.').next())
        .unwrap_or_default();
    SittingEvent {
        slot: Slot {
            curriculum: curriculum.to_string(),
            date: last.date,
            index: last.index,
        },
        start: last.start,
        end: last.end,
        summary: last.summary.clone(),
        description: String::new(),
        reminders: Vec::new(),
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerFile {
    schema_version: u32,
    curriculum: String,
    #[serde(default)]
    events: BTreeMap<String, Exported>,
}

/// The calendar record, as the store keeps it: tied to its curriculum; learnpath's alone, so
/// no copy of a hand-edited one is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LedgerKind;

impl Kind for LedgerKind {
    const FILE: KeptFile = KeptFile::CalendarRecord;
    const VERSIONS: &'static [u32] = &[SCHEMA_VERSION];
    const MAX_BYTES: usize = MAX_FILE_BYTES;
    const TIED: bool = true;
    const KEEP_EDITED: bool = false;
    type Value = Ledger;

    fn parse(text: &str, curriculum: &str) -> Result<Ledger, Broken> {
        // The version and the curriculum first, so that another version's file or another
        // curriculum's is named as such rather than by the fields it lacks.
        store::probe::<LedgerKind>(text, curriculum)?;
        let file: LedgerFile = yaml::decode(text)
            .map_err(|error| (error.line, Problem::Invalid(Invalid::Parser(error.message))))?;
        if let Some((uid, _)) = file.events.iter().find(|(_, e)| e.sequence > MAX_SEQUENCE) {
            let line = text
                .lines()
                .position(|line| line.trim_start().starts_with(uid.as_str()))
                .map(|index| index + 1);
            let invalid = Invalid::Sequence {
                uid: uid.clone(),
                most: MAX_SEQUENCE,
            };
            return Err((line, Problem::Invalid(invalid)));
        }
        Ok(Ledger {
            events: file.events,
        })
    }

    fn render(ledger: &Ledger, curriculum: &str) -> Result<String, Broken> {
        let file = LedgerFile {
            schema_version: SCHEMA_VERSION,
            curriculum: curriculum.to_string(),
            events: ledger.events.clone(),
        };
        let body = yaml::encode(&file)
            .map_err(|error| (None, Problem::Invalid(Invalid::Parser(error.message))))?;
        Ok(format!("{HEADER}{body}"))
    }
}

/// Where a curriculum's ledger lives and how it is read and replaced: an atomic write under a
/// lock; a file that cannot be read as this curriculum's ledger is never overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerStore {
    store: Store<LedgerKind>,
}

impl LedgerStore {
    /// `calendar.yaml` beside `progress.yaml`, else `<name>.calendar.yaml` beside `<name>.yaml`.
    pub fn beside(progress: &Path, curriculum: impl Into<String>) -> Self {
        LedgerStore {
            store: Store::new(crate::progress::beside(progress, FILE_NAME), curriculum),
        }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The ledger; empty when nothing was exported yet.
    pub fn load(&self) -> Result<Ledger> {
        Ok(self
            .store
            .load()?
            .map(|loaded| loaded.value)
            .unwrap_or_default())
    }

    /// Reads, changes and writes back the ledger under one exclusive lock (the lock the
    /// progress store takes, on a `.lock` file beside the record), so that two exports at once
    /// each start from what the other wrote and no event is forgotten. `change` gets the ledger
    /// as it is and returns what to write and what to hand back; nothing is written when the
    /// file cannot be read as this curriculum's record, when `change` fails, or when the ledger
    /// is unchanged. The record is written before the caller writes anything from it, so that a
    /// record that cannot be written leaves nothing exported that it does not know of.
    pub fn update<T>(&self, change: impl FnOnce(&Ledger) -> Result<(Ledger, T)>) -> Result<T> {
        let updated = self.store.update(|ledger| {
            let (next, result) = change(ledger)?;
            *ledger = next;
            Ok(result)
        })?;
        Ok(updated.result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event(day: u32, summary: &str) -> SittingEvent {
        let start = Utc.with_ymd_and_hms(2027, 1, day, 19, 0, 0).unwrap();
        SittingEvent {
            slot: Slot {
                curriculum: "c".into(),
                date: start.date_naive(),
                index: 1,
            },
            start,
            end: start + chrono::Duration::minutes(60),
            summary: summary.into(),
            description: String::new(),
            reminders: Vec::new(),
        }
    }

    #[test]
    fn sequence_stops_at_the_largest_icalendar_integer() {
        assert_eq!(bump(5), 6);
        assert_eq!(bump(MAX_SEQUENCE), MAX_SEQUENCE);
        assert_eq!(bump(u32::MAX), MAX_SEQUENCE);
    }

    #[test]
    fn new_changed_unchanged_cancelled_and_past_events() {
        let monday = Utc.with_ymd_and_hms(2027, 1, 4, 0, 0, 0).unwrap();
        let first = [event(4, "a"), event(5, "b"), event(6, "c"), event(7, "d")];
        let (out, ledger) = Ledger::default().apply(&first, monday);
        assert!(
            out.iter()
                .all(|one| one.sequence == 0 && one.modified == monday)
        );
        // On the 6th: the 4th and 5th are past, the 6th changed, the 7th dropped, the 8th new.
        let later = Utc.with_ymd_and_hms(2027, 1, 6, 0, 0, 0).unwrap();
        let second = [event(6, "c2"), event(8, "e")];
        let (out, next) = ledger.apply(&second, later);
        let seen: Vec<(u32, Status, u32)> = out
            .iter()
            .map(|one| {
                (
                    one.event.start.format("%d").to_string().parse().unwrap(),
                    one.status,
                    one.sequence,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (6, Status::Confirmed, 1),
                (8, Status::Confirmed, 0),
                (7, Status::Cancelled, 1)
            ]
        );
        let kept: Vec<NaiveDate> = next.events.values().map(|e| e.date).collect();
        assert_eq!(
            kept.len(),
            5,
            "4th, 5th (past), 6th, 7th (cancelled), 8th: {kept:?}"
        );
        // The 7th is not cancelled twice; planned again, it outranks its cancellation.
        let (out, _) = next.apply(&[event(6, "c2"), event(7, "d"), event(8, "e")], later);
        let seventh: Vec<(Status, u32)> = out
            .iter()
            .filter(|o| o.event.start.format("%d").to_string() == "07")
            .map(|o| (o.status, o.sequence))
            .collect();
        assert_eq!(seventh, [(Status::Confirmed, 2)]);
        let (out, _) = next.apply(&second, later);
        assert!(
            out.iter().all(|o| o.status == Status::Confirmed),
            "cancelled once only"
        );
        // The same plan again: nothing changes, not even LAST-MODIFIED.
        let (again, _) = next.apply(&second, later + chrono::Duration::hours(1));
        assert_eq!(
            again
                .iter()
                .map(|o| (o.sequence, o.modified))
                .collect::<Vec<_>>(),
            [(1, later), (0, later)]
        );
    }
}
