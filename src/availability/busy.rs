//! Busy time from the learner's own calendars: iCalendar files (RFC 5545) as calendar programs
//! export them, read into the busy time of each date in the learner's time zone.
//!
//! What counts as busy:
//! - an all-day event (DTSTART;VALUE=DATE) blocks each of its dates; DTEND is exclusive, and
//!   without DTEND or DURATION it is one day;
//! - a timed event is busy from DTSTART to DTEND (or DTSTART plus DURATION; nothing without
//!   either), in the learner's local time; an event across midnight counts on both dates;
//! - times with a TZID are in that zone: an IANA name chrono-tz knows, else the zone a
//!   VTIMEZONE of the same file defines under that name (Outlook's Windows names); times
//!   ending in Z are UTC; floating times (neither) are the learner's local time;
//! - RRULE (with COUNT, UNTIL or neither; expanded by the `rrule` crate only as far as the
//!   dates asked for), RDATE (date-times, dates and periods) and EXDATE; the instance DTSTART
//!   names always happens, as calendar programs show it;
//! - an event with a RECURRENCE-ID replaces the instance of its UID's recurring event that
//!   starts then (RANGE=THISANDFUTURE is read as that one instance); a cancelled or
//!   transparent replacement just removes it;
//! - TRANSP:TRANSPARENT ("show as free") and STATUS:CANCELLED events are not busy.
//!
//! Anything the calendar cannot be read for (its shape, a date, a rule, an unknown zone) is an
//! [`Error::Calendar`] naming the file and the line; properties that do not bear on busy time
//! are not looked at. Files are UTF-8, or UTF-16 with a byte order mark; bytes that are neither
//! read as U+FFFD, which no property read here needs.

mod lines;
mod rules;
mod values;
mod zones;

use crate::error::{CalendarProblem, CalendarValue, Error};
use crate::time::zone::Zone;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use lines::{Component, Located, Property};
use rules::Rule;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use values::{Duration, Written};
use zones::{CustomZone, Frame, Zones};

/// Busy time read from one or more iCalendar files.
#[derive(Debug, Clone, Default)]
pub struct BusyCalendar {
    /// The files as shown in messages, in the order read.
    files: Vec<String>,
    zones: Zones,
    events: Vec<Event>,
}

/// The busy time of one date, in the learner's local time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayBusy {
    /// An all-day event is on this date.
    pub all_day: bool,
    /// The timed events' busy time on this date: sorted, merged (touching intervals too), end
    /// exclusive, to the second. An interval that runs to the end of the day ends at 00:00
    /// (`NaiveTime::MIN`), which otherwise never ends one: (18:00, 00:00) is the evening,
    /// (00:00, 00:00) the whole day. All-day events are not in it.
    pub intervals: Vec<(NaiveTime, NaiveTime)>,
    /// The files of the events busy on this date, as shown (the path as given to
    /// [`BusyCalendar::read`]), in the order they were read; for messages such as "5 sittings
    /// shortened by busy events in work.ics".
    pub sources: Vec<String>,
}

/// A VEVENT, as far as busy time goes.
#[derive(Debug, Clone)]
struct Event {
    /// An index in `files`.
    file: usize,
    start: When,
    length: Length,
    rules: Vec<Rule>,
    /// Added instances, with their own length for a PERIOD.
    rdates: Vec<(When, Option<Length>)>,
    /// Instances left out (EXDATE, or replaced by a RECURRENCE-ID), in the start's wall clock.
    excluded: Vec<Exclusion>,
    busy: bool,
}

/// A DTSTART, RDATE, EXDATE or RECURRENCE-ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Date(NaiveDate),
    /// A wall-clock time and where it is.
    Time(NaiveDateTime, Frame),
}

/// How long an instance lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Length {
    /// Whole dates, at least one.
    Days(i64),
    /// Nominal days (DURATION's days and weeks, which keep the time of day across a change
    /// of offset) and exact seconds.
    Time(Duration),
}

/// An instance left out: the one starting at a wall-clock time, or every one on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Exclusion {
    At(NaiveDateTime),
    On(NaiveDate),
}

/// A VEVENT as read, before RECURRENCE-IDs are matched to their events.
struct Read {
    event: Event,
    uid: Option<String>,
    recurrence_id: Option<When>,
}

/// An interval's end at the end of the day, in seconds.
const DAY: u32 = 86_400;

impl BusyCalendar {
    /// Reads and parses the files (not yet expanded). A file that cannot be read is an
    /// [`Error::Io`]; one that is not a calendar learnpath can read, an [`Error::Calendar`]
    /// with its line.
    pub fn read(paths: &[PathBuf]) -> Result<BusyCalendar, Error> {
        let mut calendar = BusyCalendar::default();
        for path in paths {
            let bytes = std::fs::read(path).map_err(|source| Error::io(path, source))?;
            calendar.add_file(&decode(&bytes), path.display().to_string(), path)?;
        }
        Ok(calendar)
    }

    /// One calendar's text; `shown` names it in messages and in [`DayBusy::sources`].
    pub fn from_text(text: &str, shown: &str) -> Result<BusyCalendar, Error> {
        let mut calendar = BusyCalendar::default();
        calendar.add(text, shown)?;
        Ok(calendar)
    }

    /// Adds another calendar's text; on an error nothing is added.
    pub fn add(&mut self, text: &str, shown: &str) -> Result<(), Error> {
        self.add_file(text, shown.to_string(), Path::new(shown))
    }

    /// True when no event of the calendars is busy (there may be free or cancelled ones).
    pub fn is_empty(&self) -> bool {
        !self.events.iter().any(|event| event.busy)
    }

    /// The files read, as shown.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The busy time on each date from `from` to `to` (inclusive) in the local time of `zone`:
    /// all-day blocks, and timed busy intervals clipped to the date and merged. Dates with
    /// nothing busy are absent.
    pub fn busy_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        zone: &Zone,
    ) -> BTreeMap<NaiveDate, DayBusy> {
        if from > to {
            return BTreeMap::new();
        }
        let mut days = Days {
            from,
            to,
            zone,
            zones: &self.zones,
            window: (NaiveDateTime::from(from), end_of(to)),
            days: BTreeMap::new(),
        };
        let mut instances = Vec::new();
        for event in self.events.iter().filter(|event| event.busy) {
            instances.clear();
            event.instances(days.window, &self.zones, &mut instances);
            for &(wall, length) in &instances {
                days.add(event.file, event.start, wall, length);
            }
        }
        days.days
            .into_iter()
            .map(|(date, day)| (date, day.finish(&self.files)))
            .collect()
    }

    fn add_file(&mut self, text: &str, shown: String, path: &Path) -> Result<(), Error> {
        let zones = self.zones.custom.len();
        let file = self.files.len();
        match self.parse(text, file) {
            Ok(events) => {
                self.events.extend(events);
                self.files.push(shown);
                Ok(())
            }
            Err((line, problem)) => {
                self.zones.custom.truncate(zones);
                Err(Error::Calendar {
                    path: path.to_path_buf(),
                    line,
                    problem,
                })
            }
        }
    }

    /// The events of one file; its VTIMEZONEs go into `zones`.
    fn parse(&mut self, text: &str, file: usize) -> Result<Vec<Event>, Located> {
        let calendars = lines::read(text)?;
        let components = || calendars.iter().flat_map(|calendar| &calendar.children);
        let mut defined = HashMap::new();
        for component in components().filter(|c| c.name == "VTIMEZONE") {
            let zone = CustomZone::read(component)?;
            defined.insert(zone.tzid.clone(), self.zones.custom.len());
            self.zones.custom.push(zone);
        }
        let read = components()
            .filter(|c| c.name == "VEVENT")
            .map(|component| read_event(component, file, &defined, &self.zones))
            .collect::<Result<Vec<Read>, Located>>()?;
        Ok(link(read, &self.zones))
    }
}

/// A file's text: UTF-8, or UTF-16 after its byte order mark (as some Windows programs save
/// it); what is not valid in either reads as U+FFFD.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)]))
            .collect();
        Cow::Owned(String::from_utf16_lossy(&units))
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8_lossy(bytes),
    }
}

/// The wall-clock time at the end of `date`.
fn end_of(date: NaiveDate) -> NaiveDateTime {
    values::shifted_days(date.into(), 1)
}

fn read_event(
    component: &Component,
    file: usize,
    defined: &HashMap<String, usize>,
    zones: &Zones,
) -> Result<Read, Located> {
    let reader = EventReader { defined, zones };
    let dtstart = component.property("DTSTART").ok_or((
        component.line,
        CalendarProblem::MissingProperty {
            component: "VEVENT".into(),
            property: "DTSTART",
        },
    ))?;
    let start = reader.when(dtstart, &dtstart.value)?;
    // In this order, so that of two problems the first in the file is named.
    let length = reader.length(component, start)?;
    let rules = reader.rules(component, start)?;
    let rdates = reader.rdates(component)?;
    let mut excluded = Vec::new();
    for property in component.all("EXDATE") {
        for text in property.value.split(',') {
            excluded.push(exclusion(start, reader.when(property, text)?, zones));
        }
    }
    let recurrence_id = component
        .property("RECURRENCE-ID")
        .map(|property| reader.when(property, &property.value))
        .transpose()?;
    let is = |name: &str, value: &str| {
        component
            .property(name)
            .is_some_and(|property| property.value.trim().eq_ignore_ascii_case(value))
    };
    Ok(Read {
        event: Event {
            file,
            start,
            length,
            rules,
            rdates,
            excluded,
            busy: !is("STATUS", "CANCELLED") && !is("TRANSP", "TRANSPARENT"),
        },
        uid: component
            .property("UID")
            .map(|property| property.value.clone()),
        recurrence_id,
    })
}

/// Reads the values of one event's properties: the zones its calendar defines (`VTIMEZONE`)
/// and the zones known to all.
struct EventReader<'a> {
    defined: &'a HashMap<String, usize>,
    zones: &'a Zones,
}

impl EventReader<'_> {
    /// A date or date-time value `text` of `property`, in the frame its `TZID` names.
    fn when(&self, property: &Property, text: &str) -> Result<When, Located> {
        let value = property.param("VALUE");
        let expected = match value {
            Some(kind) if kind.eq_ignore_ascii_case("DATE") => CalendarValue::Date,
            _ => CalendarValue::DateTime,
        };
        let written = values::written(text, value).ok_or_else(|| {
            (
                property.line,
                CalendarProblem::BadValue {
                    property: property.name.clone(),
                    value: lines::shorten(text),
                    expected,
                },
            )
        })?;
        Ok(match written {
            Written::Date(date) => When::Date(date),
            Written::Utc(at) => When::Time(at, Frame::Utc),
            Written::Local(at) => match property.param("TZID") {
                None => When::Time(at, Frame::Floating),
                Some(tzid) => {
                    let frame = zones::resolve(tzid, self.defined).ok_or_else(|| {
                        (
                            property.line,
                            CalendarProblem::UnknownZone {
                                tzid: tzid.to_string(),
                            },
                        )
                    })?;
                    When::Time(at, frame)
                }
            },
        })
    }

    /// How long the event lasts: to its `DTEND`, for its `DURATION`, else a day (a date) or
    /// no time at all (a date-time).
    fn length(&self, component: &Component, start: When) -> Result<Length, Located> {
        match (component.property("DTEND"), component.property("DURATION")) {
            (Some(dtend), _) => {
                let end = self.when(dtend, &dtend.value)?;
                between(start, end, self.zones).ok_or_else(|| mismatch(dtend, start, end))
            }
            (None, Some(duration)) => {
                let written = values::duration(&duration.value)
                    .ok_or_else(|| zones::bad(duration, CalendarValue::Duration))?;
                if written.is_negative() {
                    return Err((
                        duration.line,
                        CalendarProblem::EndBeforeStart {
                            property: "DURATION",
                        },
                    ));
                }
                Ok(match start {
                    When::Date(_) => Length::Days(whole_days(written)),
                    When::Time(..) => Length::Time(written),
                })
            }
            (None, None) => Ok(match start {
                When::Date(_) => Length::Days(1),
                When::Time(..) => Length::Time(Duration::default()),
            }),
        }
    }

    /// The event's `RRULE`s, checked against its start and with `UNTIL` on its wall clock.
    fn rules(&self, component: &Component, start: When) -> Result<Vec<Rule>, Located> {
        let (wall, frame) = wall_of(start);
        let mut rules = Vec::new();
        for property in component.all("RRULE") {
            let mut rule =
                Rule::parse(&property.value).map_err(|reason| zones::bad_rule(property, reason))?;
            rule.set_until(|utc| self.zones.wall(frame, utc));
            rule.check(wall)
                .map_err(|reason| zones::bad_rule(property, reason))?;
            rules.push(rule);
        }
        Ok(rules)
    }

    /// The event's `RDATE`s: dates, date-times or periods (a start with its end or length).
    fn rdates(&self, component: &Component) -> Result<Vec<(When, Option<Length>)>, Located> {
        let mut rdates = Vec::new();
        for property in component.all("RDATE") {
            let period = property
                .param("VALUE")
                .is_some_and(|kind| kind.eq_ignore_ascii_case("PERIOD"));
            for text in property.value.split(',') {
                match text.split_once('/') {
                    Some((first, second)) => rdates.push(self.period(property, first, second)?),
                    None if period => return Err(zones::bad(property, CalendarValue::Period)),
                    None => rdates.push((self.when(property, text)?, None)),
                }
            }
        }
        Ok(rdates)
    }

    /// A period `first/second` of an `RDATE`: a start, then an end or a length.
    fn period(
        &self,
        property: &Property,
        first: &str,
        second: &str,
    ) -> Result<(When, Option<Length>), Located> {
        let bad = || zones::bad(property, CalendarValue::Period);
        let at = self.when(property, first).map_err(|_| bad())?;
        let length = match values::duration(second) {
            Some(duration) if !duration.is_negative() => Length::Time(duration),
            Some(_) => return Err(bad()),
            None => {
                let end = self.when(property, second).map_err(|_| bad())?;
                between(at, end, self.zones).ok_or_else(bad)?
            }
        };
        Ok((at, Some(length)))
    }
}

/// The length from `start` to `end`: None when they are not both dates or both times, or end
/// comes first. Dates last at least a day; times, exactly as long as between the two instants
/// (a floating end is in the start's zone).
fn between(start: When, end: When, zones: &Zones) -> Option<Length> {
    match (start, end) {
        (When::Date(start), When::Date(end)) => {
            let days = (end - start).num_days();
            (days >= 0).then_some(Length::Days(days.max(1)))
        }
        (When::Time(start, frame), When::Time(end, end_frame)) => {
            let end_frame = match end_frame {
                Frame::Floating => frame,
                other => other,
            };
            let start = match frame {
                Frame::Floating if end_frame != Frame::Floating => zones.instant(end_frame, start),
                _ => zones.instant(frame, start),
            };
            let seconds = (zones.instant(end_frame, end) - start).num_seconds();
            (seconds >= 0).then_some(Length::Time(Duration { days: 0, seconds }))
        }
        _ => None,
    }
}

/// The error for a DTEND (or an RDATE period's end) that `between` refused.
fn mismatch(property: &Property, start: When, end: When) -> Located {
    let problem = match (start, end) {
        (When::Date(_), When::Date(_)) | (When::Time(..), When::Time(..)) => {
            CalendarProblem::EndBeforeStart { property: "DTEND" }
        }
        _ => CalendarProblem::DateAndTime {
            property: property.name.clone(),
        },
    };
    (property.line, problem)
}

/// The whole days a DURATION gives an all-day event: at least one.
fn whole_days(duration: Duration) -> i64 {
    (duration.days + (duration.seconds + i64::from(DAY) - 1) / i64::from(DAY)).max(1)
}

/// A start's wall-clock time (midnight for a date) and its frame.
fn wall_of(start: When) -> (NaiveDateTime, Frame) {
    match start {
        When::Date(date) => (date.into(), Frame::Floating),
        When::Time(at, frame) => (at, frame),
    }
}

/// An EXDATE or a RECURRENCE-ID, `left_out`, as the instance of an event starting at `start`
/// that it leaves out: a date leaves out that date's instances; a time, the one starting then.
fn exclusion(start: When, left_out: When, zones: &Zones) -> Exclusion {
    match (start, left_out) {
        (_, When::Date(date)) => Exclusion::On(date),
        (When::Date(_), When::Time(at, _)) => Exclusion::On(at.date()),
        (When::Time(..), When::Time(..)) => Exclusion::At(wall_in(start, left_out, zones)),
    }
}

/// The time `other` (an RDATE, EXDATE or RECURRENCE-ID) in the wall clock of an event starting
/// at `start`: converted from its zone to the start's; a floating time is read in the start's
/// zone, and a date means the start's time of day on that date.
fn wall_in(start: When, other: When, zones: &Zones) -> NaiveDateTime {
    match (start, other) {
        (When::Date(_), When::Date(date)) => date.into(),
        (When::Date(_), When::Time(at, _)) => at.date().into(),
        (When::Time(at, _), When::Date(date)) => date.and_time(at.time()),
        (When::Time(_, frame), When::Time(at, other)) => {
            if other == frame || other == Frame::Floating || frame == Frame::Floating {
                at
            } else {
                zones.wall(frame, zones.instant(other, at))
            }
        }
    }
}

/// Matches each event with a RECURRENCE-ID to its recurring event (same UID, in the same
/// file): the instance it names is left out of that one, and it stands as an event of its own.
fn link(read: Vec<Read>, zones: &Zones) -> Vec<Event> {
    // Of events sharing a UID without a RECURRENCE-ID, the first that recurs, else the first.
    let mut masters: HashMap<&str, usize> = HashMap::new();
    for (index, one) in read.iter().enumerate() {
        let (Some(uid), None) = (one.uid.as_deref(), one.recurrence_id) else {
            continue;
        };
        let recurs = |read: &Read| !read.event.rules.is_empty() || !read.event.rdates.is_empty();
        let master = masters.entry(uid).or_insert(index);
        if !recurs(&read[*master]) && recurs(one) {
            *master = index;
        }
    }
    let replaced: Vec<(usize, When)> = read
        .iter()
        .filter_map(|read| {
            let master = *masters.get(read.uid.as_deref()?)?;
            Some((master, read.recurrence_id?))
        })
        .collect();
    let mut events: Vec<Event> = read
        .into_iter()
        .map(|read| {
            let mut event = read.event;
            if read.recurrence_id.is_some() {
                event.rules.clear();
                event.rdates.clear();
            }
            event
        })
        .collect();
    for (master, instance) in replaced {
        let start = events[master].start;
        events[master]
            .excluded
            .push(exclusion(start, instance, zones));
    }
    for event in &mut events {
        event.excluded.sort_unstable();
        event.excluded.dedup();
    }
    events
}

impl Event {
    /// The instances (wall-clock start and length) that may be busy in `window` (wall-clock
    /// times of the learner's zone): every one that ends after its start and starts before its
    /// end, give or take the two days any offset can move a time by.
    fn instances(
        &self,
        window: (NaiveDateTime, NaiveDateTime),
        zones: &Zones,
        out: &mut Vec<(NaiveDateTime, Length)>,
    ) {
        let (start, _) = wall_of(self.start);
        if self.rules.is_empty() && self.rdates.is_empty() {
            out.push((start, self.length));
            return;
        }
        let longest = match self.length {
            Length::Days(days) => days,
            Length::Time(duration) => duration.days + duration.seconds / i64::from(DAY) + 1,
        };
        let low = values::shifted_days(window.0, -2 - longest);
        let high = values::shifted_days(window.1, 2);
        let mut starts = Vec::new();
        for rule in &self.rules {
            rule.expand(start, low, high, &mut starts);
        }
        let first = out.len();
        out.extend(
            std::iter::once(start)
                .chain(starts)
                .map(|at| (at, self.length))
                .chain(self.rdates.iter().map(|&(at, length)| {
                    (
                        wall_in(self.start, at, zones),
                        length.unwrap_or(self.length),
                    )
                }))
                .filter(|(at, _)| (low..=high).contains(at)),
        );
        let added = &mut out[first..];
        added.sort_by_key(|&(at, _)| at);
        let excluded = |at: NaiveDateTime| {
            self.excluded.binary_search(&Exclusion::At(at)).is_ok()
                || self
                    .excluded
                    .binary_search(&Exclusion::On(at.date()))
                    .is_ok()
        };
        let mut previous = None;
        let mut kept = first;
        for index in first..out.len() {
            let (at, length) = out[index];
            if previous != Some(at) && !excluded(at) {
                out[kept] = (at, length);
                kept += 1;
            }
            previous = Some(at);
        }
        out.truncate(kept);
    }
}

/// The busy time gathered for each date.
struct Days<'a> {
    from: NaiveDate,
    to: NaiveDate,
    zone: &'a Zone,
    zones: &'a Zones,
    /// From the start of `from` to the end of `to`, in local time.
    window: (NaiveDateTime, NaiveDateTime),
    days: BTreeMap<NaiveDate, Gathered>,
}

#[derive(Default)]
struct Gathered {
    all_day: bool,
    /// Seconds from midnight, end exclusive; not yet merged.
    intervals: Vec<(u32, u32)>,
    files: Vec<usize>,
}

impl Days<'_> {
    fn day(&mut self, date: NaiveDate, file: usize) -> &mut Gathered {
        let day = self.days.entry(date).or_default();
        if !day.files.contains(&file) {
            day.files.push(file);
        }
        day
    }

    /// One instance of an event that starts at `start`: at the wall-clock time `wall`.
    fn add(&mut self, file: usize, start: When, wall: NaiveDateTime, length: Length) {
        let frame = match (start, length) {
            (When::Time(_, frame), _) => frame,
            (When::Date(_), Length::Time(_)) => Frame::Floating,
            (When::Date(_), Length::Days(days)) => {
                let first = wall.date().max(self.from);
                let last = values::shifted_days(wall, days - 1).date().min(self.to);
                for date in first.iter_days().take_while(|date| *date <= last) {
                    self.day(date, file).all_day = true;
                }
                return;
            }
        };
        let (days, seconds) = match length {
            Length::Days(days) => (days, 0),
            Length::Time(duration) => (duration.days, duration.seconds),
        };
        // The nominal days keep the time of day; the seconds are exact.
        let after_days = values::shifted_days(wall, days);
        let (begin, end) = match frame {
            Frame::Floating => (wall, values::shifted(after_days, seconds)),
            frame => {
                let local = |utc| self.zone.at(utc).naive_local();
                let begin = self.zones.instant(frame, wall);
                let after_days = match days {
                    0 => begin,
                    _ => self.zones.instant(frame, after_days),
                };
                (local(begin), local(values::shifted(after_days, seconds)))
            }
        };
        let begin = begin.max(self.window.0);
        let end = end.min(self.window.1);
        let mut date = begin.date();
        while NaiveDateTime::from(date) < end {
            let midnight = NaiveDateTime::from(date);
            let next = end_of(date);
            let seconds = |at: NaiveDateTime| {
                u32::try_from((at.min(next).max(midnight) - midnight).num_seconds()).unwrap_or(0)
            };
            let (a, b) = (seconds(begin), seconds(end));
            if a < b {
                self.day(date, file).intervals.push((a, b));
            }
            match date.succ_opt() {
                Some(following) => date = following,
                None => break,
            }
        }
    }
}

impl Gathered {
    fn finish(mut self, files: &[String]) -> DayBusy {
        self.intervals.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(self.intervals.len());
        for (start, end) in self.intervals {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        let time = |seconds: u32| {
            NaiveTime::from_num_seconds_from_midnight_opt(seconds % DAY, 0).unwrap_or_default()
        };
        self.files.sort_unstable();
        DayBusy {
            all_day: self.all_day,
            intervals: merged
                .into_iter()
                .map(|(start, end)| (time(start), time(end)))
                .collect(),
            sources: self
                .files
                .into_iter()
                .filter_map(|file| files.get(file).cloned())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
