"""The filter shared by the store, the CLI, the API and the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summitry.model import EventStatus, Mode


@dataclass(frozen=True)
class EventQuery:
    """Which calendar events to list, in which window, sorted by start day.

    Every field narrows the result; the default lists the first 100 events.

    - `date_from`, `date_to`: events whose days (`CalendarEvent.start` ..
      `end`) overlap this window, both days included. Events with no time are
      left out when either bound is set.
    - `country`: ISO 3166 alpha-3 code of a participant (a country, or the
      country a person represents) or of the location.
    - `actor`: a participant's canonical key ("person:USA:blinken") or a
      case-insensitive part of a participant's name or alias.
    - `mode`, `status`: exact values (the current status, not history).
    - `text`: case-insensitive substring of the title, a participant name,
      the location or an evidence sentence.
    - `limit`, `offset`: paging; `limit=None` returns everything.

    Sort order: start day (events without a time last), then id.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    mode: Mode | None = None
    status: EventStatus | None = None
    text: str | None = None
    limit: int | None = 100
    offset: int = 0
