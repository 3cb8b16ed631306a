"""How the pages write dates, statuses and countries.

Status marking is by words and classes, never by colour alone: every badge
carries the status word, and its class (`status-expected`, `certainty-future`)
lets the stylesheet draw future engagements dashed, cancelled ones struck
through.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from summitry.merge.records import CalendarEvent
from summitry.merge.timespan import precision_days, value_interval
from summitry.model import EventStatus, Mode

STATUS_LABELS = {
    EventStatus.OCCURRED: "occurred",
    EventStatus.ONGOING: "ongoing",
    EventStatus.PLANNED: "planned",
    EventStatus.EXPECTED: "expected",
    EventStatus.POSSIBLE: "possible",
    EventStatus.CANCELLED: "cancelled",
    EventStatus.POSTPONED: "postponed",
    EventStatus.DENIED: "denied",
}

CERTAINTY_HELP = {
    "future": "announced, expected or possible: not yet happened",
    "past": "reported as having happened",
    "ongoing": "reported as happening now",
    "off": "cancelled, postponed or denied",
}

MODE_LABELS = {
    Mode.VISIT: "visit",
    Mode.MEETING: "meeting",
    Mode.PHONE: "call",
    Mode.MULTILATERAL: "multilateral",
}


def status_classes(status: EventStatus) -> str:
    return f"status-{status.value} certainty-{status.coarse}"


def day_label(day: dt.date) -> str:
    """ "Sun 5 Jan 2025"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def is_day_precise(event: CalendarEvent) -> bool:
    """True when the event's time names a day (a range of days counts)."""
    return event.start is not None and precision_days(event.time) <= 1


def when(event: CalendarEvent) -> str:
    """The event's time as a reader would write it."""
    if event.start is None:
        return "date unknown"
    start, end = event.start, event.end or event.start
    if is_day_precise(event):
        if start == end:
            return day_label(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {start:%b %Y}"
        return f"{day_label(start)} – {day_label(end)}"
    value = event.time.value if event.time else None
    days = precision_days(event.time)
    if value and days <= 7:
        return f"week of {day_label(start)}"
    if value and days <= 31:
        return f"some time in {start:%B %Y}"
    if value and days <= 92:
        return f"some time in Q{(start.month - 1) // 3 + 1} {start.year}"
    if value and value_interval(value):
        return f"some time in {start.year}"
    return f"{day_label(start)} – {day_label(end)}"


@lru_cache(maxsize=1024)
def country_label(code: str | None) -> str:
    """ "KOR" -> "South Korea"; unknown codes as they are; None -> ""."""
    if not code:
        return ""
    from summitry.nlp.gazetteer import country_name

    return country_name(code)


def safe_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None (a `javascript:` URL must not be a link)."""
    from summitry.export.ical import http_url

    return http_url(url)


def path_part(value: str) -> str:
    """`value` quoted for use as one URL path segment ("organization:african union" ->
    "organization:african%20union"); colons stay readable."""
    from urllib.parse import quote

    return quote(value, safe=":")
