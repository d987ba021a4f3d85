use super::*;
use crate::error::exit;
use proptest::prelude::*;

const BERLIN: Zone = Zone::Iana(chrono_tz::Europe::Berlin);
const NEW_YORK: Zone = Zone::Iana(chrono_tz::America::New_York);
const UTC: Zone = Zone::Iana(chrono_tz::UTC);

/// A calendar around `body` (lines separated by '\n'), with CRLF line ends.
fn calendar(body: &str) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for line in body.trim().lines() {
        text.push_str(line.trim_start());
        text.push_str("\r\n");
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The busy days as text: "2027-01-04 all day", "2027-01-05 09:00-10:00 22:00-00:00".
fn show(days: &BTreeMap<NaiveDate, DayBusy>) -> Vec<String> {
    days.iter()
        .map(|(date, day)| {
            let mut text = date.to_string();
            if day.all_day {
                text.push_str(" all day");
            }
            for (start, end) in &day.intervals {
                text.push_str(&format!(
                    " {}-{}",
                    start.format("%H:%M"),
                    end.format("%H:%M")
                ));
            }
            text
        })
        .collect()
}

fn busy(body: &str, from: &str, to: &str, zone: &Zone) -> Vec<String> {
    let calendar = BusyCalendar::from_text(&calendar(body), "test.ics").unwrap();
    show(&calendar.busy_days(date(from), date(to), zone))
}

fn event(lines: &str) -> String {
    format!("BEGIN:VEVENT\nUID:{}\n{lines}\nEND:VEVENT", lines.len())
}

#[test]
fn all_day_events_block_each_of_their_dates() {
    let body = [
        // Three dates: DTEND is exclusive.
        event("DTSTART;VALUE=DATE:20270104\nDTEND;VALUE=DATE:20270107"),
        // No DTEND: one date.
        event("DTSTART;VALUE=DATE:20270110"),
        // A DURATION of two days.
        event("DTSTART;VALUE=DATE:20270112\nDURATION:P2D"),
        // Before the window, reaching into it.
        event("DTSTART;VALUE=DATE:20261230\nDTEND;VALUE=DATE:20270102"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-01", "2027-01-31", &BERLIN),
        [
            "2027-01-01 all day",
            "2027-01-04 all day",
            "2027-01-05 all day",
            "2027-01-06 all day",
            "2027-01-10 all day",
            "2027-01-12 all day",
            "2027-01-13 all day",
        ]
    );
    // The window clips them; dates do not move with the zone.
    assert_eq!(
        busy(&body, "2027-01-05", "2027-01-10", &NEW_YORK),
        [
            "2027-01-05 all day",
            "2027-01-06 all day",
            "2027-01-10 all day"
        ]
    );
}

#[test]
fn timed_events_are_clipped_to_their_date_and_merged() {
    let body = [
        event("DTSTART:20270104T090000\nDTEND:20270104T100000"),
        event("DTSTART:20270104T093000\nDTEND:20270104T110000"),
        // Touching: merged.
        event("DTSTART:20270104T110000\nDURATION:PT1H"),
        event("DTSTART:20270104T140000\nDTEND:20270104T150000"),
        // No DTEND nor DURATION: no time at all.
        event("DTSTART:20270105T090000"),
        // After the window.
        event("DTSTART:20270108T090000\nDTEND:20270108T100000"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-04", "2027-01-07", &BERLIN),
        ["2027-01-04 09:00-12:00 14:00-15:00"]
    );
}

#[test]
fn an_event_across_midnight_counts_on_both_dates() {
    let body = [
        event("DTSTART:20270104T220000\nDTEND:20270105T020000"),
        // Midnight to midnight: the whole day, as an interval.
        event("DTSTART:20270107T000000\nDTEND:20270108T000000"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-01", "2027-01-31", &BERLIN),
        [
            "2027-01-04 22:00-00:00",
            "2027-01-05 00:00-02:00",
            "2027-01-07 00:00-00:00",
        ]
    );
    let days = BusyCalendar::from_text(&calendar(&body), "x.ics")
        .unwrap()
        .busy_days(date("2027-01-04"), date("2027-01-04"), &BERLIN);
    assert_eq!(
        days[&date("2027-01-04")].intervals,
        [(NaiveTime::from_hms_opt(22, 0, 0).unwrap(), NaiveTime::MIN)]
    );
    // Only the part inside the window.
    assert_eq!(
        busy(&body, "2027-01-05", "2027-01-05", &BERLIN),
        ["2027-01-05 00:00-02:00"]
    );
}

#[test]
fn utc_and_zoned_times_are_turned_into_the_learners_local_time() {
    let body = [
        event("DTSTART:20270104T080000Z\nDTEND:20270104T090000Z"),
        event("DTSTART;TZID=America/New_York:20270105T090000\nDTEND;TZID=America/New_York:20270105T100000"),
        // Quoted, and ending in another zone.
        event("DTSTART;TZID=\"Europe/Berlin\":20270106T090000\nDTEND:20270106T090000Z"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-01", "2027-01-31", &BERLIN),
        [
            "2027-01-04 09:00-10:00",
            "2027-01-05 15:00-16:00",
            "2027-01-06 09:00-10:00",
        ]
    );
    assert_eq!(
        busy(&body, "2027-01-01", "2027-01-31", &NEW_YORK),
        [
            "2027-01-04 03:00-04:00",
            "2027-01-05 09:00-10:00",
            "2027-01-06 03:00-04:00",
        ]
    );
    // A POSIX zone, as TZ may give.
    let posix = Zone::Posix(tz::TimeZone::from_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3").unwrap());
    assert_eq!(
        busy(&body, "2027-01-04", "2027-01-04", &posix),
        ["2027-01-04 09:00-10:00"]
    );
}

#[test]
fn floating_times_are_the_learners_local_time() {
    let body = event("DTSTART:20270104T090000\nDTEND:20270104T100000");
    for zone in [&BERLIN, &NEW_YORK, &UTC] {
        assert_eq!(
            busy(&body, "2027-01-01", "2027-01-31", zone),
            ["2027-01-04 09:00-10:00"]
        );
    }
}

/// Outlook's way: a Windows name, defined by a VTIMEZONE whose rules start in 1601.
const OUTLOOK_ZONE: &str = "BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE";

#[test]
fn a_vtimezone_defines_a_zone_that_is_not_an_iana_name() {
    // Wednesdays at 18:00 across the change to summer time on 2027-03-28, seen in UTC.
    let weekly = |tzid: &str| {
        event(&format!(
            "DTSTART;TZID={tzid}:20270317T180000\nDTEND;TZID={tzid}:20270317T190000\nRRULE:FREQ=WEEKLY;COUNT=3"
        ))
    };
    let expected = [
        "2027-03-17 17:00-18:00",
        "2027-03-24 17:00-18:00",
        "2027-03-31 16:00-17:00",
    ];
    let outlook = format!("{OUTLOOK_ZONE}\n{}", weekly("W. Europe Standard Time"));
    assert_eq!(busy(&outlook, "2027-03-01", "2027-04-30", &UTC), expected);
    // The IANA name gives the same.
    assert_eq!(
        busy(&weekly("Europe/Berlin"), "2027-03-01", "2027-04-30", &UTC),
        expected
    );
    // And so does the VTIMEZONE after the events, with an RDATE for its onsets.
    let rdates = "BEGIN:VTIMEZONE
TZID:Custom
BEGIN:STANDARD
DTSTART:20261025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20270328T020000
RDATE:20280326T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE";
    assert_eq!(
        busy(
            &format!("{}\n{rdates}", weekly("Custom")),
            "2027-03-01",
            "2027-04-30",
            &UTC
        ),
        expected
    );
}

#[test]
fn a_zone_that_nothing_defines_is_an_error_naming_it() {
    let text = calendar(&event(
        "DTSTART;TZID=Pacific Standard Time:20270104T090000\nDTEND;TZID=Pacific Standard Time:20270104T100000",
    ));
    let error = BusyCalendar::from_text(&text, "work.ics").unwrap_err();
    assert_eq!(error.code(), exit::DATA);
    assert_eq!(
        error.to_string().lines().next().unwrap(),
        "work.ics:6: the time zone 'Pacific Standard Time' is not an IANA name like Europe/Berlin, and no VTIMEZONE in the file defines it"
    );
}

#[test]
fn recurrences_end_with_count_or_until_or_the_dates_asked_for() {
    let body = [
        event("DTSTART;TZID=Europe/Berlin:20270104T100000\nDTEND;TZID=Europe/Berlin:20270104T110000\nRRULE:FREQ=WEEKLY;COUNT=3"),
        // UNTIL in UTC is 12:00 in Berlin: the instance then is the last.
        event("DTSTART;TZID=Europe/Berlin:20270105T120000\nDURATION:PT30M\nRRULE:FREQ=WEEKLY;UNTIL=20270119T110000Z"),
        // All-day, every other day, until a date.
        event("DTSTART;VALUE=DATE:20270101\nRRULE:FREQ=DAILY;INTERVAL=14;UNTIL=20270115"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-01", "2027-12-31", &BERLIN),
        [
            "2027-01-01 all day",
            "2027-01-04 10:00-11:00",
            "2027-01-05 12:00-12:30",
            "2027-01-11 10:00-11:00",
            "2027-01-12 12:00-12:30",
            "2027-01-15 all day",
            "2027-01-18 10:00-11:00",
            "2027-01-19 12:00-12:30",
        ]
    );
    // No end: only the dates asked for, even from years ago.
    let daily = event("DTSTART:20150601T070000\nDTEND:20150601T073000\nRRULE:FREQ=DAILY");
    assert_eq!(
        busy(&daily, "2027-01-04", "2027-01-06", &BERLIN),
        [
            "2027-01-04 07:00-07:30",
            "2027-01-05 07:00-07:30",
            "2027-01-06 07:00-07:30",
        ]
    );
    // An instance that starts before the window and ends in it.
    let nightly = event("DTSTART:20150601T230000\nDTEND:20150602T010000\nRRULE:FREQ=WEEKLY");
    assert_eq!(
        busy(&nightly, "2027-01-05", "2027-01-05", &BERLIN),
        ["2027-01-05 00:00-01:00"]
    );
    // The first Monday of each month, from 2020.
    let monthly = event("DTSTART:20200106T180000\nDURATION:PT2H\nRRULE:FREQ=MONTHLY;BYDAY=1MO");
    assert_eq!(
        busy(&monthly, "2027-01-01", "2027-03-31", &BERLIN),
        [
            "2027-01-04 18:00-20:00",
            "2027-02-01 18:00-20:00",
            "2027-03-01 18:00-20:00",
        ]
    );
}

#[test]
fn a_recurring_event_keeps_its_time_of_day_across_daylight_saving() {
    // Every Saturday 12:00 in Berlin. DURATION:P1D is a nominal day, to 12:00; a DTEND a day
    // later is an exact 24 hours, so the instance across the change ends at 13:00.
    let nominal = event(
        "DTSTART;TZID=Europe/Berlin:20270320T120000\nDURATION:P1D\nRRULE:FREQ=WEEKLY;COUNT=2",
    );
    let exact = event(
        "DTSTART;TZID=Europe/Berlin:20270320T120000\nDTEND;TZID=Europe/Berlin:20270321T120000\nRRULE:FREQ=WEEKLY;COUNT=2",
    );
    let days = |last: &str| {
        vec![
            "2027-03-20 12:00-00:00".to_string(),
            "2027-03-21 00:00-12:00".to_string(),
            "2027-03-27 12:00-00:00".to_string(),
            format!("2027-03-28 00:00-{last}"),
        ]
    };
    assert_eq!(
        busy(&nominal, "2027-03-01", "2027-03-31", &BERLIN),
        days("12:00")
    );
    assert_eq!(
        busy(&exact, "2027-03-01", "2027-03-31", &BERLIN),
        days("13:00")
    );
    // 02:30 does not exist on 2027-03-28: as RFC 5545 says, it is 03:30.
    let skipped = event("DTSTART;TZID=Europe/Berlin:20270328T023000\nDURATION:PT1H");
    assert_eq!(
        busy(&skipped, "2027-03-28", "2027-03-28", &BERLIN),
        ["2027-03-28 03:30-04:30"]
    );
}

#[test]
fn exdate_leaves_instances_out_and_rdate_adds_them() {
    let body = event(
        "DTSTART;TZID=Europe/Berlin:20270104T100000
        DTEND;TZID=Europe/Berlin:20270104T110000
        RRULE:FREQ=WEEKLY;COUNT=5
        EXDATE;TZID=Europe/Berlin:20270111T100000
        EXDATE:20270118T090000Z,20270201T090000Z
        EXDATE;VALUE=DATE:20270125
        RDATE;TZID=Europe/Berlin:20270106T150000
        RDATE;VALUE=PERIOD:20270107T120000Z/PT30M,20270108T120000Z/20270108T123000Z
        RDATE;VALUE=DATE:20270109",
    );
    assert_eq!(
        busy(&body, "2027-01-01", "2027-12-31", &BERLIN),
        [
            "2027-01-04 10:00-11:00",
            "2027-01-06 15:00-16:00",
            "2027-01-07 13:00-13:30",
            "2027-01-08 13:00-13:30",
            "2027-01-09 10:00-11:00",
        ]
    );
    // An EXDATE on the first instance leaves it out too.
    let first =
        event("DTSTART;VALUE=DATE:20270104\nRRULE:FREQ=DAILY;COUNT=2\nEXDATE;VALUE=DATE:20270104");
    assert_eq!(
        busy(&first, "2027-01-01", "2027-01-31", &BERLIN),
        ["2027-01-05 all day"]
    );
}

#[test]
fn an_override_moves_its_instance_and_a_cancelled_one_removes_it() {
    // The overrides come first: order does not matter.
    let body = "BEGIN:VEVENT
        UID:standup
        RECURRENCE-ID;TZID=Europe/Berlin:20270111T100000
        DTSTART;TZID=Europe/Berlin:20270112T140000
        DTEND;TZID=Europe/Berlin:20270112T150000
        END:VEVENT
        BEGIN:VEVENT
        UID:standup
        RECURRENCE-ID:20270118T090000Z
        DTSTART;TZID=Europe/Berlin:20270118T100000
        DTEND;TZID=Europe/Berlin:20270118T110000
        STATUS:CANCELLED
        END:VEVENT
        BEGIN:VEVENT
        UID:standup
        RECURRENCE-ID;TZID=Europe/Berlin:20270125T100000
        DTSTART;TZID=Europe/Berlin:20270125T100000
        DTEND;TZID=Europe/Berlin:20270125T110000
        TRANSP:TRANSPARENT
        END:VEVENT
        BEGIN:VEVENT
        UID:standup
        DTSTART;TZID=Europe/Berlin:20270104T100000
        DTEND;TZID=Europe/Berlin:20270104T110000
        RRULE:FREQ=WEEKLY;COUNT=5
        END:VEVENT
        BEGIN:VEVENT
        UID:other
        RECURRENCE-ID;TZID=Europe/Berlin:20270104T100000
        DTSTART;TZID=Europe/Berlin:20270104T160000
        DTEND;TZID=Europe/Berlin:20270104T170000
        END:VEVENT";
    assert_eq!(
        busy(body, "2027-01-01", "2027-12-31", &BERLIN),
        [
            "2027-01-04 10:00-11:00 16:00-17:00",
            "2027-01-12 14:00-15:00",
            "2027-02-01 10:00-11:00",
        ]
    );
}

#[test]
fn transparent_and_cancelled_events_are_not_busy() {
    let body = [
        event("DTSTART:20270104T090000\nDTEND:20270104T100000\nTRANSP:TRANSPARENT"),
        event("DTSTART:20270105T090000\nDTEND:20270105T100000\nSTATUS:CANCELLED"),
        event("DTSTART;VALUE=DATE:20270106\nTRANSP:transparent"),
        event("DTSTART:20270107T090000\nDTEND:20270107T100000\nTRANSP:OPAQUE\nSTATUS:CONFIRMED"),
    ]
    .join("\n");
    assert_eq!(
        busy(&body, "2027-01-01", "2027-01-31", &BERLIN),
        ["2027-01-07 09:00-10:00"]
    );
    let free = BusyCalendar::from_text(
        &calendar(&event(
            "DTSTART:20270104T090000\nDTEND:20270104T100000\nSTATUS:CANCELLED",
        )),
        "free.ics",
    )
    .unwrap();
    assert!(free.is_empty());
    assert!(
        BusyCalendar::from_text(&calendar(""), "none.ics")
            .unwrap()
            .is_empty()
    );
    assert!(
        !BusyCalendar::from_text(&calendar(&body), "x.ics")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn each_day_names_the_files_its_busy_time_comes_from() {
    let mut calendar_ = BusyCalendar::from_text(
        &calendar(&event(
            "DTSTART;VALUE=DATE:20270104\nDTEND;VALUE=DATE:20270106",
        )),
        "holidays.ics",
    )
    .unwrap();
    calendar_
        .add(
            &calendar(&event(
                "DTSTART:20270105T090000\nDTEND:20270105T170000\nRRULE:FREQ=DAILY;COUNT=2",
            )),
            "work.ics",
        )
        .unwrap();
    // A file that fails adds nothing.
    assert!(calendar_.add("BEGIN:VCALENDAR\n", "broken.ics").is_err());
    assert_eq!(calendar_.files(), ["holidays.ics", "work.ics"]);
    let days = calendar_.busy_days(date("2027-01-01"), date("2027-01-31"), &BERLIN);
    let sources: Vec<(String, Vec<String>)> = days
        .iter()
        .map(|(date, day)| (date.to_string(), day.sources.clone()))
        .collect();
    let names = |names: &[&str]| {
        names
            .iter()
            .map(|name| name.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sources,
        [
            ("2027-01-04".to_string(), names(&["holidays.ics"])),
            (
                "2027-01-05".to_string(),
                names(&["holidays.ics", "work.ics"])
            ),
            ("2027-01-06".to_string(), names(&["work.ics"])),
        ]
    );
    assert!(days[&date("2027-01-05")].all_day);
    assert!(
        calendar_
            .busy_days(date("2027-01-31"), date("2027-01-01"), &BERLIN)
            .is_empty()
    );
}

/// Malformed calendars: the text, the line the error names, and the start of its message
/// after "bad.ics:LINE: ".
const MALFORMED: &[(&str, usize, &str)] = &[
    ("", 1, "the calendar is empty"),
    ("Subject,Start\n1,2\n", 1, "not an iCalendar file"),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\n",
        1,
        "BEGIN:VCALENDAR is never closed",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n",
        2,
        "this VEVENT has no DTSTART",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20271301T090000\nEND:VEVENT\nEND:VCALENDAR\n",
        3,
        "DTSTART '20271301T090000' is not a date-time",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027-01-04\nEND:VEVENT\nEND:VCALENDAR\n",
        3,
        "DTSTART '2027-01-04' is not a date like 20270104",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nDTEND:20270104T080000\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "DTEND ends this event before its DTSTART",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nDTEND;VALUE=DATE:20270105\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "DTEND must be a date when DTSTART is a date",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nDURATION:1 hour\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "DURATION '1 hour' is not a duration",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nDURATION:-PT1H\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "DURATION ends this event before its DTSTART",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "the recurrence rule 'FREQ=SOMETIMES' is not valid",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nEXDATE:20270104T09\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "EXDATE '20270104T09' is not a date-time",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\nRDATE;VALUE=PERIOD:20270105T090000\nEND:VEVENT\nEND:VCALENDAR\n",
        4,
        "RDATE '20270105T090000' is not a period",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nEND:VTIMEZONE\nEND:VCALENDAR\n",
        2,
        "the VTIMEZONE 'X' has neither",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+01\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\nEND:VCALENDAR\n",
        6,
        "TZOFFSETFROM '+01' is not a UTC offset",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\nEND:VCALENDAR\n",
        4,
        "this STANDARD has no TZOFFSETFROM",
    ),
    (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104T090000\n folded\nSUMMARY no colon\nEND:VEVENT\nEND:VCALENDAR\n",
        5,
        "'SUMMARY no colon' is not an iCalendar line",
    ),
    (
        "BEGIN:VCALENDAR\nEND:VEVENT\n",
        2,
        "END:VEVENT where BEGIN:VCALENDAR is still open",
    ),
];

/// Checks that reading `text` as `bad.ics` fails with a data error that names the file and
/// `line`, starts with `message` and has no help line.
fn assert_malformed(text: &str, line: usize, message: &str) {
    let error = BusyCalendar::from_text(text, "bad.ics").unwrap_err();
    assert_eq!(error.code(), exit::DATA, "{text:?}");
    let Error::Calendar { path, line: at, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(
        (path.as_path(), *at),
        (Path::new("bad.ics"), line),
        "{text:?}"
    );
    let shown = error.to_string();
    let expected = format!("bad.ics:{line}: {message}");
    assert!(
        shown.starts_with(&expected),
        "{shown}\nexpected: {expected}"
    );
    // The help line is the command line's (see `cli::messages`).
    assert!(!shown.contains("help:"), "{shown}");
}

#[test]
fn a_malformed_calendar_names_the_file_the_line_and_the_problem() {
    for &(text, line, message) in MALFORMED {
        assert_malformed(text, line, message);
    }
}

#[test]
fn files_are_read_and_a_missing_one_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work.ics");
    std::fs::write(
        &work,
        calendar(&event("DTSTART:20270104T090000Z\nDTEND:20270104T100000Z")),
    )
    .unwrap();
    // Not UTF-8 in a property that is not read: no matter.
    let mut latin1 =
        calendar(&event("DTSTART;VALUE=DATE:20270105\nSUMMARY:Caf\u{e9}")).into_bytes();
    let at = latin1
        .windows(2)
        .position(|pair| pair == [0xc3, 0xa9])
        .unwrap();
    latin1.splice(at..at + 2, [0xe9]);
    let holidays = dir.path().join("holidays.ics");
    std::fs::write(&holidays, latin1).unwrap();
    // UTF-16 with a byte order mark, as Windows programs may save it.
    let utf16 = dir.path().join("utf16.ics");
    let text = calendar(&event("DTSTART;VALUE=DATE:20270106"));
    let units = text.encode_utf16().flat_map(u16::to_le_bytes);
    std::fs::write(
        &utf16,
        [0xFF, 0xFE].into_iter().chain(units).collect::<Vec<u8>>(),
    )
    .unwrap();
    let calendar_ = BusyCalendar::read(&[work.clone(), holidays.clone(), utf16]).unwrap();
    let days = calendar_.busy_days(date("2027-01-01"), date("2027-01-31"), &UTC);
    assert_eq!(
        show(&days),
        [
            "2027-01-04 09:00-10:00",
            "2027-01-05 all day",
            "2027-01-06 all day"
        ]
    );
    assert_eq!(
        days[&date("2027-01-04")].sources,
        [work.display().to_string()]
    );

    let missing = dir.path().join("missing.ics");
    let error = BusyCalendar::read(&[work.clone(), missing.clone()]).unwrap_err();
    assert_eq!(error.code(), exit::IO);
    assert!(matches!(&error, Error::Io { path, .. } if *path == missing));
    let error = BusyCalendar::read(&[dir.path().to_path_buf()]).unwrap_err();
    assert_eq!(error.code(), exit::IO);

    std::fs::write(&holidays, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n").unwrap();
    let error = BusyCalendar::read(&[work, holidays.clone()]).unwrap_err();
    assert!(matches!(&error, Error::Calendar { path, line: 2, .. } if *path == holidays));
}

/// A calendar with a bit of everything, to cut and garble.
fn everything() -> String {
    calendar(&format!(
        "{OUTLOOK_ZONE}\n{}\n{}\n{}",
        event(
            "DTSTART;TZID=W. Europe Standard Time:20270104T100000\nDTEND;TZID=W. Europe Standard Time:20270104T110000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20271231T000000Z\nEXDATE;TZID=W. Europe Standard Time:20270106T100000\nRDATE;VALUE=PERIOD:20270107T120000Z/PT1H"
        ),
        event("DTSTART;VALUE=DATE:20270110\nDTEND;VALUE=DATE:20270112\nRRULE:FREQ=MONTHLY;COUNT=4"),
        event(
            "RECURRENCE-ID;TZID=Europe/Berlin:20270111T100000\nDTSTART:20270111T230000Z\nDURATION:PT2H\nTRANSP:OPAQUE"
        ),
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random text, a calendar cut anywhere or with a character changed: an answer or an error
    /// with a line of the text, never a panic.
    #[test]
    fn no_text_makes_it_panic(
        noise in "(BEGIN:VCALENDAR\r\n)?[ -~\r\n\t]{0,200}",
        cut in 0usize..2000,
        change in 0usize..2000,
        with in "[ -~\r\n]",
    ) {
        let full = everything();
        let cut = full.char_indices().nth(cut % full.len()).map_or(0, |(at, _)| at);
        let mut changed = full.clone();
        let at = change % full.len();
        changed.replace_range(at..=at, &with);
        for text in [noise.as_str(), &full[..cut], &changed] {
            match BusyCalendar::from_text(text, "p.ics") {
                Ok(calendar) => {
                    calendar.busy_days(date("2026-12-01"), date("2027-12-31"), &BERLIN);
                }
                Err(Error::Calendar { line, .. }) => {
                    prop_assert!(line >= 1 && line <= text.split('\n').count(), "{line}");
                }
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Random rules on random starts: expansion ends, in any zone.
    #[test]
    fn any_rule_expands_without_panic(
        freq in prop::sample::select(vec!["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
        parts in prop::collection::vec(prop::sample::select(vec![
            "INTERVAL=0", "INTERVAL=3", "COUNT=0", "COUNT=70000", "BYDAY=5FR", "BYDAY=-53MO",
            "BYMONTHDAY=-31", "BYMONTHDAY=30", "BYMONTH=2", "BYYEARDAY=-366", "BYWEEKNO=53",
            "BYSETPOS=-1", "BYHOUR=0,23", "BYMINUTE=59", "BYSECOND=60", "WKST=SU",
            "UNTIL=00010101", "UNTIL=99991231T235959Z",
        ]), 0..4),
        year in prop::sample::select(vec![1, 1601, 1970, 2027, 9999]),
    ) {
        let rule = std::iter::once(format!("FREQ={freq}")).chain(parts.iter().map(|part| part.to_string())).collect::<Vec<_>>().join(";");
        let text = calendar(&event(&format!(
            "DTSTART;TZID=Europe/Berlin:{year:04}0131T093000\nDURATION:PT1H\nRRULE:{rule}"
        )));
        if let Ok(calendar) = BusyCalendar::from_text(&text, "r.ics") {
            calendar.busy_days(date("2027-01-01"), date("2027-01-10"), &NEW_YORK);
            calendar.busy_days(date("9999-12-20"), date("9999-12-31"), &UTC);
        }
    }
}
