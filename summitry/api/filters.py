"""The event filters shared by the JSON API, the iCal feed and the web pages.

Every route that lists events takes the same query parameters:

    from, to      days (YYYY-MM-DD); events overlapping the window
    country       ISO 3166 alpha-3 code or an English name ("KOR", "South Korea")
    actor         a participant's key ("person:USA:blinken") or part of a name
    mode, status  exact values (see `summitry.model.Mode`, `EventStatus`)
    q             a case-insensitive text search (title, names, place, evidence)

An empty value means "no filter", so a plain HTML form (which sends every
field) works without JavaScript. `EventFilters` keeps what was asked, to
redraw forms and build links; `to_query` turns it into the store's
`EventQuery`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

from summitry.model import EventStatus, Mode
from summitry.store import EventQuery

MAX_PAGE = 500
"""The largest `limit` the JSON API accepts."""

MAX_TEXT = 1000
"""The longest `q` or `actor` accepted (SQLite refuses LIKE patterns over 50,000 bytes)."""

_ISO3 = re.compile(r"^[A-Z]{3}$")


def _blank_is_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


BlankIsNone = BeforeValidator(_blank_is_none)


@dataclass(frozen=True)
class EventFilters:
    """The filters a request asked for, with `country` resolved to its ISO code."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    mode: Mode | None = None
    status: EventStatus | None = None
    q: str | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in asdict(self).values())

    def to_query(self, *, limit: int | None = 100, offset: int = 0, **changes: Any) -> EventQuery:
        """The store query for these filters; `changes` override fields of the query."""
        query = EventQuery(
            date_from=self.date_from,
            date_to=self.date_to,
            country=self.country,
            actor=self.actor,
            mode=self.mode,
            status=self.status,
            text=self.q,
            limit=limit,
            offset=offset,
        )
        return replace(query, **changes) if changes else query

    def params(self) -> dict[str, str]:
        """The filters as query parameters (only those that are set)."""
        raw = {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "country": self.country,
            "actor": self.actor,
            "mode": self.mode.value if self.mode else None,
            "status": self.status.value if self.status else None,
            "q": self.q,
        }
        return {key: value for key, value in raw.items() if value}

    def query_string(self, **extra: Any) -> str:
        """`?from=...&country=...` plus `extra` parameters ("" when there are none)."""
        params: dict[str, Any] = self.params()
        params.update({key: value for key, value in extra.items() if value is not None})
        return "?" + urlencode(params) if params else ""


def resolve_country(value: str) -> str:
    """The ISO alpha-3 code for a code or an English country name.

    1. three letters that are a known code ("kor" -> "KOR");
    2. a country name the gazetteer knows ("South Korea", "U.S.");
    3. otherwise `ValueError`.
    """
    from summitry.nlp.gazetteer import country_name, lookup_country

    text = value.strip()
    code = text.upper()
    if _ISO3.match(code) and country_name(code) != code:
        return code
    found = lookup_country(text)
    if found:
        return found
    raise ValueError(f"unknown country {value!r}: give an ISO 3166 alpha-3 code or an English name")


def event_filters(
    date_from: Annotated[
        dt.date | None,
        Query(alias="from", description="First day of the window (YYYY-MM-DD)."),
        BlankIsNone,
    ] = None,
    date_to: Annotated[
        dt.date | None,
        Query(alias="to", description="Last day of the window (YYYY-MM-DD), included."),
        BlankIsNone,
    ] = None,
    country: Annotated[
        str | None,
        Query(
            description="ISO 3166 alpha-3 code or English name of a participant's"
            " or the venue's country."
        ),
        BlankIsNone,
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description='A participant key ("person:USA:blinken") or part of a name.',
        ),
        BlankIsNone,
    ] = None,
    mode: Annotated[Mode | None, Query(description="Kind of engagement."), BlankIsNone] = None,
    status: Annotated[
        EventStatus | None, Query(description="Current status (not history)."), BlankIsNone
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description="Text in the title, a name, the place or an evidence sentence.",
        ),
        BlankIsNone,
    ] = None,
) -> EventFilters:
    """FastAPI dependency: the filters of the request (422 for a bad value)."""
    if date_from and date_to and date_to < date_from:
        raise HTTPException(422, "'to' is before 'from'")
    resolved = None
    if country is not None:
        try:
            resolved = resolve_country(country)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
    return EventFilters(date_from, date_to, resolved, actor, mode, status, q)
