//! Putting the plan into a calendar collection, stateless against the server so that any
//! sync finishes what a failed one left: list the collection, read our events (those whose
//! file name is the name of one of the curriculum's slots), decide per event, and change only what differs:
//! new events are PUT with `If-None-Match: *`, changed ones with `If-Match` and a SEQUENCE one
//! more than the server's, and those the plan no longer has are deleted with `If-Match`,
//! except those that started before now (the past stays).

use super::client::{Client, Condition, Fetched, Outcome, href_path};
use super::resource::{self, Marks};
use crate::calendar::{SittingEvent, Slot};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// One of our events on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// Its file name in the collection.
    pub file: String,
    pub etag: String,
    pub marks: Marks,
}

/// What to do with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Not on the server: PUT it.
    Create,
    /// On the server and different: PUT it with this SEQUENCE.
    Update { sequence: u32 },
    /// On the server as planned.
    Unchanged,
    /// On the server and no longer planned: delete it.
    Delete,
    /// On the server, no longer planned, and started before now: kept.
    KeepPast,
}

/// What a sync changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    /// Events no longer planned that started before now, left as they are.
    pub kept_past: usize,
}

/// The step for one event: `planned` (the plan's) and `remote` (the server's, by file name).
pub fn decide(planned: Option<&SittingEvent>, remote: Option<&Remote>, now: DateTime<Utc>) -> Step {
    match (planned, remote) {
        (Some(_), None) => Step::Create,
        (Some(event), Some(remote)) => {
            if remote.marks.show(event) {
                Step::Unchanged
            } else {
                Step::Update {
                    sequence: remote.marks.sequence.saturating_add(1),
                }
            }
        }
        (None, Some(remote)) if started(remote) < now => Step::KeepPast,
        (None, Some(_)) => Step::Delete,
        (None, None) => Step::Unchanged,
    }
}

/// The steps for every event planned or on the server, by file name (in date order).
pub fn reconcile<'a>(
    planned: &'a [SittingEvent],
    remote: &'a [Remote],
    now: DateTime<Utc>,
) -> Vec<(String, Option<&'a SittingEvent>, Option<&'a Remote>, Step)> {
    let mut by_file: BTreeMap<String, (Option<&SittingEvent>, Option<&Remote>)> = BTreeMap::new();
    for event in planned {
        by_file.entry(resource::file_name(event)).or_default().0 = Some(event);
    }
    for one in remote {
        by_file.entry(one.file.clone()).or_default().1 = Some(one);
    }
    by_file
        .into_iter()
        .map(|(file, (event, remote))| {
            let step = decide(event, remote, now);
            (file, event, remote, step)
        })
        .collect()
}

/// When a server's event starts: its DTSTART, else the start of its slot's day (from the
/// file name), else now's beginning of time (so that it counts as past and is kept).
fn started(remote: &Remote) -> DateTime<Utc> {
    remote.marks.start.unwrap_or_else(|| {
        slot_date(&remote.file)
            .map(|date| date.and_time(chrono::NaiveTime::MIN).and_utc())
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    })
}

/// The date in a file name `learnpath.<curriculum>.<date>.<n>.ics`.
fn slot_date(file: &str) -> Option<NaiveDate> {
    let mut parts = file.rsplit('.');
    let (_ics, _index, date) = (parts.next()?, parts.next()?, parts.next()?);
    date.parse().ok()
}

/// Syncs `planned`, the sittings of curriculum `curriculum`, into the client's collection at
/// `now`: what it changed.
pub fn sync(
    client: &Client,
    planned: &[SittingEvent],
    curriculum: &str,
    now: DateTime<Utc>,
) -> Result<Report> {
    let remote = ours(client, curriculum)?;
    let mut run = Run {
        client,
        now,
        report: Report::default(),
    };
    for (file, event, remote, step) in reconcile(planned, &remote, now) {
        run.apply(&file, event, remote, step, true)?;
    }
    Ok(run.report)
}

/// Our events in the collection, with what they hold.
fn ours(client: &Client, curriculum: &str) -> Result<Vec<Remote>> {
    let listed = client.list()?;
    let hrefs: Vec<&str> = listed
        .iter()
        .filter(|response| !response.collection)
        .filter(|response| file_of(&response.href).is_some_and(|file| is_ours(&file, curriculum)))
        .map(|response| response.href.as_str())
        .collect();
    Ok(client
        .fetch(&hrefs)?
        .into_iter()
        .filter_map(as_remote)
        .filter(|one| is_ours(&one.file, curriculum))
        .collect())
}

/// Whether a file in the collection is one of `curriculum`'s events: exactly the name of one of
/// its slots and `.ics`. Another curriculum's events are never ours, whatever its id.
fn is_ours(file: &str, curriculum: &str) -> bool {
    file.strip_suffix(".ics")
        .is_some_and(|name| Slot::of_name(name, curriculum).is_some())
}

/// The last segment of an href's path.
fn file_of(href: &str) -> Option<String> {
    let path = href_path(href);
    let file = path.rsplit('/').next()?;
    (!file.is_empty()).then(|| file.to_string())
}

fn as_remote(fetched: Fetched) -> Option<Remote> {
    Some(Remote {
        file: file_of(&fetched.href)?,
        marks: resource::marks(&fetched.data),
        etag: fetched.etag,
    })
}

/// A sync under way: where, when, and what it changed so far.
struct Run<'a> {
    client: &'a Client,
    now: DateTime<Utc>,
    report: Report,
}

impl Run<'_> {
    /// Carries out one step; when the server's copy changed meanwhile (HTTP 412), reads it
    /// again and decides once more, once.
    fn apply(
        &mut self,
        file: &str,
        event: Option<&SittingEvent>,
        remote: Option<&Remote>,
        step: Step,
        retry: bool,
    ) -> Result<()> {
        let (client, now) = (self.client, self.now);
        let outcome = match (step, event, remote) {
            (Step::Create, Some(event), _) => {
                client.put(file, resource::body(event, 0, now), Condition::New)?
            }
            (Step::Update { sequence }, Some(event), Some(remote)) => {
                let body = resource::body(event, sequence, now);
                client.put(file, body, Condition::Unchanged(&remote.etag))?
            }
            (Step::Delete, _, Some(remote)) => match client.delete(file, &remote.etag)? {
                // Gone already: nothing left to do.
                Outcome::Gone => return Ok(()),
                outcome => outcome,
            },
            (Step::KeepPast, ..) => {
                self.report.kept_past += 1;
                return Ok(());
            }
            _ => {
                self.report.unchanged += 1;
                return Ok(());
            }
        };
        match outcome {
            Outcome::Done | Outcome::Gone => {
                let count = match step {
                    Step::Create => &mut self.report.created,
                    Step::Update { .. } => &mut self.report.updated,
                    _ => &mut self.report.deleted,
                };
                *count += 1;
                Ok(())
            }
            Outcome::Changed if retry => {
                let fresh = client.get(file)?.and_then(as_remote);
                let step = decide(event, fresh.as_ref(), now);
                self.apply(file, event, fresh.as_ref(), step, false)
            }
            Outcome::Changed => Err(Error::Conflict {
                url: client.collection().resource(file),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::resource::tests::event;
    use super::*;
    use chrono::TimeZone;

    fn on_server(event: &SittingEvent, sequence: u32) -> Remote {
        Remote {
            file: resource::file_name(event),
            etag: format!("\"{sequence}\""),
            marks: Marks {
                fingerprint: Some(event.fingerprint()),
                sequence,
                start: Some(event.start),
                end: Some(event.end),
                summary: Some(event.summary.clone()),
            },
        }
    }

    #[test]
    fn each_event_is_created_updated_kept_or_deleted() {
        let now = Utc.with_ymd_and_hms(2027, 1, 10, 12, 0, 0).unwrap();
        let same = event(11, 1, "same");
        let changed = event(12, 1, "changed");
        let new = event(12, 2, "new");
        let dropped_future = event(14, 1, "dropped");
        let dropped_past = event(5, 1, "long ago");
        let mut edited = on_server(&event(12, 1, "as it was"), 4);
        edited.file = resource::file_name(&changed);
        let mut foreign_edit = on_server(&event(13, 1, "x"), 2);
        foreign_edit.marks.fingerprint = None;
        let planned = [
            same.clone(),
            changed.clone(),
            new.clone(),
            event(13, 1, "x"),
        ];
        let remote = [
            on_server(&same, 7),
            edited,
            foreign_edit,
            on_server(&dropped_future, 1),
            on_server(&dropped_past, 0),
        ];
        let steps: Vec<(String, Step)> = reconcile(&planned, &remote, now)
            .into_iter()
            .map(|(file, _, _, step)| (file, step))
            .collect();
        let file = |event: &SittingEvent| resource::file_name(event);
        assert_eq!(
            steps,
            [
                (file(&dropped_past), Step::KeepPast),
                (file(&same), Step::Unchanged),
                (file(&changed), Step::Update { sequence: 5 }),
                (file(&new), Step::Create),
                (file(&event(13, 1, "x")), Step::Update { sequence: 3 }),
                (file(&dropped_future), Step::Delete),
            ]
        );
    }

    #[test]
    fn an_event_without_a_start_is_dated_by_its_file_name() {
        let now = Utc.with_ymd_and_hms(2027, 1, 10, 12, 0, 0).unwrap();
        let mut remote = on_server(&event(11, 1, "a"), 0);
        remote.marks.start = None;
        assert_eq!(decide(None, Some(&remote), now), Step::Delete);
        remote.file = "learnpath.course.2027-01-09.1.ics".to_string();
        assert_eq!(decide(None, Some(&remote), now), Step::KeepPast);
        remote.file = "learnpath.course.garbled.ics".to_string();
        assert_eq!(decide(None, Some(&remote), now), Step::KeepPast);
        assert_eq!(
            slot_date("learnpath.a-b.2027-01-04.12.ics"),
            NaiveDate::from_ymd_opt(2027, 1, 4)
        );
    }

    #[test]
    fn another_curriculums_events_are_never_ours() {
        let names = |id: &str| format!("{}2027-01-04.1.ics", Slot::prefix(id));
        let ids = ["my.course", "my_course", "my-course", "My-course", "my"];
        for one in ids {
            assert!(is_ours(&names(one), one), "{one}");
            for other in ids.iter().filter(|other| **other != one) {
                assert!(
                    !is_ours(&names(one), other),
                    "{one}'s event taken for {other}'s"
                );
            }
        }
        // Before ids were escaped, `my.course` and `my_course` both named `my-course`'s events.
        assert!(!is_ours(
            "learnpath.my-course.2027-01-04.1.ics",
            "my.course"
        ));
        assert!(!is_ours(
            "learnpath.my-course.2027-01-04.1.ics",
            "my_course"
        ));
        assert!(!is_ours(
            "learnpath.my-course.2027-01-04.1.ics.bak",
            "my-course"
        ));
        assert!(!is_ours("learnpath.my-course.notes.ics", "my-course"));
    }
}
