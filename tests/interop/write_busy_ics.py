"""Writes busy calendars with the independent `icalendar` package, for tests/busy.rs.

Usage: write_busy_ics.py FOLDER. Writes FOLDER/work.ics: Mondays 18:00-19:30 in Europe/Berlin
from 2027-03-15, four times (across the change to summer time on 2027-03-28), without
2027-03-22 (EXDATE), with 2027-03-29 moved to 2027-03-30 20:00-21:00 (RECURRENCE-ID); an
all-day event on 2027-04-01 and 04-02; a transparent and a cancelled event; one in UTC and one
in floating time; and a VTIMEZONE for Europe/Berlin that icalendar builds from zoneinfo.
FOLDER/renamed.ics is the same with the zone renamed to "Mitteleuropa", which only its
VTIMEZONE defines.
"""

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

BERLIN = ZoneInfo("Europe/Berlin")


def event(uid, start, end, **properties):
    item = Event()
    item.add("uid", uid)
    item.add("summary", uid)
    item.add("dtstamp", datetime(2027, 1, 1, tzinfo=timezone.utc))
    item.add("dtstart", start)
    item.add("dtend", end)
    for name, value in properties.items():
        item.add(name.replace("_", "-"), value)
    return item


calendar = Calendar()
calendar.add("prodid", "-//learnpath tests//python icalendar//EN")
calendar.add("version", "2.0")

monday = datetime(2027, 3, 15, 18, 0, tzinfo=BERLIN)
calendar.add_component(
    event(
        "weekly@test",
        monday,
        monday + timedelta(minutes=90),
        rrule={"freq": "weekly", "count": 4},
        exdate=datetime(2027, 3, 22, 18, 0, tzinfo=BERLIN),
    )
)
moved = event(
    "weekly@test",
    datetime(2027, 3, 30, 20, 0, tzinfo=BERLIN),
    datetime(2027, 3, 30, 21, 0, tzinfo=BERLIN),
    recurrence_id=datetime(2027, 3, 29, 18, 0, tzinfo=BERLIN),
)
calendar.add_component(moved)
calendar.add_component(event("holiday@test", date(2027, 4, 1), date(2027, 4, 3)))
calendar.add_component(
    event(
        "free@test",
        datetime(2027, 3, 16, 12, 0, tzinfo=BERLIN),
        datetime(2027, 3, 16, 13, 0, tzinfo=BERLIN),
        transp="TRANSPARENT",
    )
)
calendar.add_component(
    event(
        "cancelled@test",
        datetime(2027, 3, 17, 12, 0, tzinfo=BERLIN),
        datetime(2027, 3, 17, 13, 0, tzinfo=BERLIN),
        status="CANCELLED",
    )
)
calendar.add_component(
    event(
        "utc@test",
        datetime(2027, 3, 18, 6, 0, tzinfo=timezone.utc),
        datetime(2027, 3, 18, 7, 0, tzinfo=timezone.utc),
    )
)
calendar.add_component(
    event("floating@test", datetime(2027, 3, 19, 9, 0), datetime(2027, 3, 19, 10, 0))
)
calendar.add_missing_timezones(first_date=date(2026, 1, 1), last_date=date(2028, 1, 1))

folder = Path(sys.argv[1])
text = calendar.to_ical()
assert b"BEGIN:VTIMEZONE" in text and b"RECURRENCE-ID;TZID=Europe/Berlin" in text
(folder / "work.ics").write_bytes(text)
(folder / "renamed.ics").write_bytes(text.replace(b"Europe/Berlin", b"Mitteleuropa"))
