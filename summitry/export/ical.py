"""Calendar events as an RFC 5545 calendar (iCalendar), via the `icalendar` package.

The export (`summitry export --format ics`) and the API's `/calendar.ics`
share this renderer.

    CalendarEvent -> VEVENT
      UID          "<event id>@summitry": stable, so a calendar app updates the
                   entry when a newer report changes it instead of adding a copy
      SEQUENCE     the number of reports, so later versions win
      DTSTART/END  all-day dates: the days the time covers (DTEND is exclusive)
      SUMMARY      "Antony Blinken visits South Korea (expected)"
      STATUS       CONFIRMED (occurred, ongoing), TENTATIVE (planned, expected,
                   possible, postponed), CANCELLED (cancelled, denied)
      DESCRIPTION  status, when, participants, then every report oldest first:
                   its status, day, evidence sentence and source
      LOCATION, CATEGORIES (mode, status), URL (the event page, given a base URL)

Events with no usable time cannot be placed on a calendar and are left out.
A time coarser than a day (a week, a month) spans all its days, and the
description says how precise it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar
from icalendar import Event as VEvent

from summitry.merge.records import CalendarEvent
from summitry.merge.timespan import precision_days
from summitry.model import EventStatus

PRODID = "-//summitry//diplomatic engagements calendar//EN"
UID_DOMAIN = "summitry"
MAX_REPORTS_IN_DESCRIPTION = 10

_ICAL_STATUS = {
    EventStatus.OCCURRED: "CONFIRMED",
    EventStatus.ONGOING: "CONFIRMED",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.EXPECTED: "TENTATIVE",
    EventStatus.POSSIBLE: "TENTATIVE",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.DENIED: "CANCELLED",
}


def event_uid(event: CalendarEvent) -> str:
    """The iCal UID: stable for as long as the event's earliest report is."""
    return f"{event.id}@{UID_DOMAIN}"


def event_summary_line(event: CalendarEvent) -> str:
    """ "Antony Blinken visits South Korea (expected)"."""
    return f"{event.title} ({event.status.value})"


def precision_label(event: CalendarEvent) -> str | None:
    """The time value ("2025-W02", "2025-01") when it is coarser than a day, else None."""
    if event.time is None or event.time.value is None or precision_days(event.time) <= 1:
        return None
    return event.time.value


def http_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None (a stored `javascript:` URL is no link)."""
    if not url or ":" not in url:
        return None
    return url.strip() if url.strip().split(":", 1)[0].lower() in ("http", "https") else None


def render_calendar(
    events: Iterable[CalendarEvent],
    *,
    base_url: str | None = None,
    name: str = "summitry: diplomatic engagements",
    stamp: dt.datetime | None = None,
) -> bytes:
    """The calendar as bytes. `base_url` ("http://host:port") links each event to its page.

    `stamp` is every VEVENT's DTSTAMP (default: now, UTC).
    """
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.start is None:
            continue
        calendar.add_component(to_vevent(event, base_url=base_url, stamp=stamp))
    return calendar.to_ical()


def to_vevent(event: CalendarEvent, *, base_url: str | None = None, stamp: dt.datetime) -> VEvent:
    """One VEVENT; `event` must have a start day."""
    if event.start is None:
        raise ValueError(f"{event.id} has no time and cannot be placed on a calendar")
    end = event.end or event.start
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", end + dt.timedelta(days=1))
    vevent.add("summary", event_summary_line(event))
    vevent.add("status", _ICAL_STATUS[event.status])
    vevent.add("transp", "TRANSPARENT")  # an engagement abroad does not make the subscriber busy
    vevent.add("sequence", len(event.history))
    vevent.add("categories", [event.mode.value, event.status.value])
    if event.last_reported:
        vevent.add("last-modified", dt.datetime.combine(event.last_reported, dt.time(), dt.UTC))
    if event.location:
        vevent.add("location", event.location.name)
    url = f"{base_url.rstrip('/')}/events/{event.id}" if base_url else None
    if url:
        vevent.add("url", url)
    vevent.add("description", description(event, url))
    return vevent


def description(event: CalendarEvent, url: str | None = None) -> str:
    """The VEVENT description: status, time, participants, then each report with its source."""
    lines = [f"Status: {event.status.value}"]
    if event.time is not None:
        when = event.time.value or event.time.text
        if event.time.end and event.time.end != event.time.value:
            when = f"{when} to {event.time.end}"
        vague = f" (only known to {_precision_word(event)})" if precision_label(event) else ""
        lines.append(f"When: {when}{vague}")
    if event.location:
        lines.append(f"Where: {event.location.name}")
    participants = ", ".join(p.name for p in event.participants)
    if participants:
        lines.append(f"Participants: {participants}")
    shown = event.history[:MAX_REPORTS_IN_DESCRIPTION]
    for report in shown:
        day = report.reference_day.isoformat() if report.reference_day else "undated"
        lines += ["", f"{report.status.value.capitalize()}, reported {day}:"]
        if report.evidence:
            lines.append(f'"{report.evidence}"')
        source = report.publisher or report.title or report.document_id
        link = http_url(report.url)
        lines.append(f"Source: {source}" + (f" <{link}>" if link else ""))
    hidden = len(event.history) - len(shown)
    if hidden > 0:
        lines += ["", f"... and {hidden} more report(s)."]
    if url:
        lines += ["", f"Details: {url}"]
    return "\n".join(lines)


def _precision_word(event: CalendarEvent) -> str:
    days = precision_days(event.time)
    if days <= 7:
        return "the week"
    if days <= 31:
        return "the month"
    if days <= 92:
        return "the quarter"
    return "the year"
