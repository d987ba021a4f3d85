"""Python's independent `caldav` client against a CalDAV server, for tests/caldav.rs.

    caldav_client.py mkcalendar URL USER PASSWORD     create the calendar collection URL
    caldav_client.py list URL USER PASSWORD           print its events as JSON, by file name
    caldav_client.py add-foreign URL USER PASSWORD    add an event that learnpath did not write
    caldav_client.py rename-one URL USER PASSWORD     move the first event learnpath wrote to
                                                      imported-copy.ics, its UID kept (as an
                                                      imported copy of an exported file would be)

`list` prints a JSON object: file name -> {uid, summary, start (UTC, ISO 8601), end, sequence,
etag, alarms (minutes before)}.
"""

import json
import sys
from datetime import datetime, timezone
from urllib.parse import unquote, urlparse

import caldav
from caldav.elements import dav


def utc(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def file_name(url):
    return unquote(urlparse(str(url)).path.rstrip("/").rsplit("/", 1)[-1])


def etags(client, url):
    response = client.propfind(url, props='<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>', depth=1)
    found = {}
    for href, props in response.expand_simple_props([dav.GetEtag()]).items():
        etag = props.get(dav.GetEtag.tag)
        if etag:
            found[file_name(href)] = etag
    return found


def listing(client, url):
    calendar = client.calendar(url=url)
    tags = etags(client, url)
    events = {}
    for event in calendar.events():
        component = event.icalendar_component
        alarms = []
        for alarm in component.subcomponents:
            if alarm.name == "VALARM":
                alarms.append(int(-alarm.get("TRIGGER").dt.total_seconds() // 60))
        name = file_name(event.url)
        events[name] = {
            "uid": str(component.get("UID")),
            "summary": str(component.get("SUMMARY")),
            "start": utc(component.get("DTSTART").dt),
            "end": utc(component.get("DTEND").dt),
            "sequence": int(component.get("SEQUENCE", 0)),
            "etag": tags.get(name),
            "alarms": sorted(alarms),
        }
    return events


FOREIGN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//someone else//EN
BEGIN:VEVENT
UID:dentist-appointment@example.org
DTSTAMP:20270101T000000Z
DTSTART:20270105T090000Z
DTEND:20270105T100000Z
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""


def main():
    command, url, user, password = sys.argv[1:5]
    with caldav.DAVClient(url=url, username=user, password=password) as client:
        if command == "mkcalendar":
            response = client.mkcalendar(url)
            if response.status != 201:
                sys.exit(f"MKCALENDAR {url}: HTTP {response.status}")
        elif command == "list":
            json.dump(listing(client, url), sys.stdout, indent=1, sort_keys=True)
        elif command == "add-foreign":
            client.calendar(url=url).save_event(FOREIGN)
        elif command == "rename-one":
            calendar = client.calendar(url=url)
            event = min(
                (e for e in calendar.events() if file_name(e.url).startswith("learnpath.")),
                key=lambda e: file_name(e.url),
            )
            data = event.data
            print(file_name(event.url))
            event.delete()
            target = url.rstrip("/") + "/imported-copy.ics"
            response = client.put(target, data, {"Content-Type": "text/calendar; charset=utf-8"})
            if response.status not in (200, 201, 204):
                sys.exit(f"PUT {target}: HTTP {response.status}")
        else:
            sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
