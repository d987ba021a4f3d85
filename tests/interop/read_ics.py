"""Reads an .ics file with the independent `icalendar` package and prints its events as JSON:
one object per VEVENT with uid, summary, and start/end in UTC (ISO 8601)."""

import json
import sys
from datetime import timezone

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())

events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART").astimezone(timezone.utc)
    end = event.decoded("DTEND").astimezone(timezone.utc)
    events.append(
        {
            "uid": str(event.get("UID")),
            "summary": str(event.get("SUMMARY")),
            "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
    )
print(json.dumps({"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")), "events": events}))
