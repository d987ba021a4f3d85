"""Applies iCalendar files one after another, as a client that imports by UID does, with the
independent `icalendar` package, and prints the events left as JSON.

Usage: apply_by_uid.py FIRST.ics [LATER.ics ...]. An event whose UID is new is added; one whose
UID is held is replaced when its SEQUENCE is higher (an equal or lower one is ignored, as RFC
5546 says); a STATUS:CANCELLED event removes the one it names. Prints {"events": [...]} sorted
by start, each with uid, summary, start and end (UTC), sequence and its alarms' triggers in
minutes before the start.
"""

import json
import sys
from datetime import timezone

import icalendar

held = {}
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        sequence = int(event.get("SEQUENCE", 0))
        if uid in held and sequence <= held[uid]["sequence"]:
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            held.pop(uid, None)
            continue
        alarms = []
        for alarm in event.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            alarms.append(int(-trigger.total_seconds() // 60))
        held[uid] = {
            "uid": uid,
            "summary": str(event.get("SUMMARY")),
            "start": event.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": event.decoded("DTEND").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sequence": sequence,
            "alarms": sorted(alarms),
        }
print(json.dumps({"events": sorted(held.values(), key=lambda e: (e["start"], e["uid"]))}))
