"""Calendar events as an RFC 5545 feed (iCalendar), via the `icalendar` package.

    CalendarEvent -> VEVENT
      UID          "<event id>@summitry": stable, so a calendar app updates the
                   entry when a newer report changes it instead of adding a copy
      SEQUENCE     the number of reports, so later versions win
      DTSTART/END  all-day dates: the days the time covers (DTEND is exclusive)
      SUMMARY      "Antony Blinken visits South Korea (expected)"
      STATUS       CONFIRMED (occurred, ongoing), TENTATIVE (planned, expected,
                   possible, postponed), CANCELLED (cancelled, denied)
      DESCRIPTION  status, when, each report's evidence sentence and source
      LOCATION, CATEGORIES (mode, status), URL (the event page)

Events with no usable time cannot be placed on a calendar and are left out.
A time coarser than a day (a week, a month) spans all its days, and the
description says how precise it is.

`summitry.export` had no iCal writer when this was written; if one appears,
the feed should move to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar
from icalendar import Event as VEvent

from summitry.merge.records import CalendarEvent
from summitry.merge.timespan import precision_days
from summitry.model import EventStatus
from summitry.web.display import safe_url

PRODID = "-//summitry//diplomatic engagements calendar//EN"
UID_DOMAIN = "summitry"
MAX_MENTIONS_IN_DESCRIPTION = 10

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
    return f"{event.id}@{UID_DOMAIN}"


def event_summary_line(event: CalendarEvent) -> str:
    """"Antony Blinken visits South Korea (expected)"."""
    return f"{event.title} ({event.status.value})"


def precision_label(event: CalendarEvent) -> str | None:
    """"week 2025-W02", "month 2025-01"... for times coarser than a day, else None."""
    if event.time is None or event.time.value is None or precision_days(event.time) <= 1:
        return None
    return event.time.value


def render_calendar(
    events: Iterable[CalendarEvent],
    *,
    base_url: str | None = None,
    name: str = "summitry: diplomatic engagements",
    stamp: dt.datetime | None = None,
) -> bytes:
    """The feed as bytes. `base_url` ("http://host:port") makes each event link to its page."""
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
        calendar.add_component(_vevent(event, base_url, stamp))
    return calendar.to_ical()


def _vevent(event: CalendarEvent, base_url: str | None, stamp: dt.datetime) -> VEvent:
    start = event.start
    assert start is not None
    end = event.end or start
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", start)
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
    vevent.add("description", _description(event, url))
    return vevent


def _description(event: CalendarEvent, url: str | None) -> str:
    lines = [f"Status: {event.status.value}"]
    if event.time is not None:
        precision = precision_label(event)
        when = event.time.value or event.time.text
        if event.time.end and event.time.end != event.time.value:
            when = f"{when} to {event.time.end}"
        lines.append(f"When: {when}" + (f" (only known to {_precision_word(event)})" if precision else ""))
    participants = ", ".join(p.name for p in event.participants)
    if participants:
        lines.append(f"Participants: {participants}")
    shown = event.mentions[:MAX_MENTIONS_IN_DESCRIPTION]
    for mention in shown:
        lines.append("")
        day = mention.reference_day.isoformat() if mention.reference_day else "undated"
        lines.append(f"{mention.event.status.value.capitalize()}, reported {day}:")
        if mention.evidence_text:
            lines.append(f'"{mention.evidence_text}"')
        source = mention.publisher or mention.title or mention.document_id
        link = safe_url(mention.url)
        lines.append(f"Source: {source}" + (f" <{link}>" if link else ""))
    hidden = len(event.mentions) - len(shown)
    if hidden > 0:
        lines.append("")
        lines.append(f"... and {hidden} more report(s).")
    if url:
        lines.append("")
        lines.append(f"Details: {url}")
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
