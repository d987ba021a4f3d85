//! Busy calendars: read and expand 500 recurring events (weekly, daily, monthly and yearly, in
//! three zones and floating, with EXDATEs and moved instances) over a year.
//!
//! cargo bench --bench busy

use chrono::NaiveDate;
use learnpath::availability::busy::BusyCalendar;
use learnpath::time::zone::Zone;

fn main() {
    divan::main();
}

/// 500 recurring events starting between 2020 and 2026, and 50 moved instances.
fn calendar() -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
    let zones = [";TZID=Europe/Berlin", ";TZID=America/New_York", "", ""];
    let rules = [
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "FREQ=MONTHLY;BYDAY=1MO,3TH",
        "FREQ=DAILY;COUNT=400",
        "FREQ=WEEKLY;UNTIL=20271001T000000Z",
        "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=15",
        "FREQ=WEEKLY;BYDAY=SA,SU",
    ];
    for event in 0..500usize {
        let zone = zones[event % zones.len()];
        let utc = if zone.is_empty() && event % 8 == 2 {
            "Z"
        } else {
            ""
        };
        let zone = if utc.is_empty() { zone } else { "" };
        let year = 2020 + event % 7;
        let (month, day) = (1 + event % 12, 1 + event % 28);
        let (hour, minute) = (7 + event % 12, (event % 4) * 15);
        let start = format!("{year}{month:02}{day:02}T{hour:02}{minute:02}00{utc}");
        let end = format!("{year}{month:02}{day:02}T{:02}{minute:02}00{utc}", hour + 1);
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:event-{event}\r\nDTSTART{zone}:{start}\r\nDTEND{zone}:{end}\r\nRRULE:{}\r\n",
            rules[event % rules.len()]
        ));
        if event % 5 == 0 {
            text.push_str(&format!(
                "EXDATE{zone}:2027{month:02}{day:02}T{hour:02}{minute:02}00{utc}\r\n"
            ));
        }
        text.push_str("END:VEVENT\r\n");
        if event % 10 == 0 {
            text.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:event-{event}\r\nRECURRENCE-ID{zone}:2027{month:02}{day:02}T{hour:02}{minute:02}00{utc}\r\nDTSTART{zone}:2027{month:02}{day:02}T{:02}{minute:02}00{utc}\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
                hour + 2
            ));
        }
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

#[divan::bench(sample_count = 20)]
fn read_500_recurring_events(bencher: divan::Bencher) {
    let text = calendar();
    bencher.bench(|| BusyCalendar::from_text(divan::black_box(&text), "bench.ics").unwrap());
}

#[divan::bench(sample_count = 20)]
fn busy_days_500_recurring_events_over_a_year(bencher: divan::Bencher) {
    let calendar = BusyCalendar::from_text(&calendar(), "bench.ics").unwrap();
    let zone = Zone::Iana(chrono_tz::Europe::Berlin);
    let (from, to) = (
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
    );
    let days = calendar.busy_days(from, to, &zone);
    assert!(days.len() > 300, "{}", days.len());
    bencher.bench(|| calendar.busy_days(divan::black_box(from), to, &zone));
}
