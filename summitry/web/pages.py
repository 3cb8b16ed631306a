"""The web pages: server-rendered with Jinja2 (autoescaped), filters as plain GET forms.

    GET /                    upcoming engagements first, then the most recent ones
    GET /calendar            month or week timeline (?view=month|week&date=YYYY-MM-DD)
    GET /events/{id}         one engagement: status, history, each evidence sentence
    GET /countries/{code}    engagements involving a country (code or name)
    GET /actors              participants, most engagements first
    GET /actors/{key}        one participant's engagements

Every listing takes the filters of `summitry.api.filters`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from summitry.api.filters import (
    MAX_TEXT,
    BlankIsNone,
    EventFilters,
    event_filters,
    resolve_country,
)
from summitry.merge.records import CalendarEvent
from summitry.model import EventStatus, Mode
from summitry.store import Store
from summitry.web import TEMPLATE_DIR, display
from summitry.web.highlight import evidence_fragments

router = APIRouter(include_in_schema=False)

# Autoescape everything, whatever the template's extension: evidence is article text.
_environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
_environment.globals.update(
    when=display.when,
    day_label=display.day_label,
    status_classes=display.status_classes,
    country_label=display.country_label,
    safe_url=display.safe_url,
    certainty_help=display.CERTAINTY_HELP,
    mode_labels=display.MODE_LABELS,
    statuses=list(EventStatus),
    modes=list(Mode),
)
_environment.filters["path_part"] = display.path_part
templates = Jinja2Templates(env=_environment)

UPCOMING_LIMIT = 50
RECENT_LIMIT = 20
LIST_LIMIT = 200

FiltersDep = Annotated[EventFilters, Depends(event_filters)]


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _today(request: Request) -> dt.date:
    return request.app.state.today()  # type: ignore[no-any-return]


def render(
    request: Request, name: str, context: Mapping[str, Any], status_code: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, dict(context), status_code=status_code)


def render_error(
    request: Request, status_code: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    response = render(
        request,
        "error.html",
        {"status_code": status_code, "message": message, "filters": EventFilters()},
        status_code=status_code,
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


@router.get("/", response_class=HTMLResponse)
def index(request: Request, filters: FiltersDep) -> HTMLResponse:
    """Upcoming engagements (from today on), then the most recent ones, newest first."""
    store, today = _store(request), _today(request)
    upcoming_from = max(today, filters.date_from) if filters.date_from else today
    upcoming = store.list_events(filters.to_query(limit=UPCOMING_LIMIT, date_from=upcoming_from))
    earlier: list[CalendarEvent] = []
    earlier_total = 0
    before = today - dt.timedelta(days=1)
    if filters.date_from is None or filters.date_from <= before:
        until = min(before, filters.date_to) if filters.date_to else before
        # dated events that started before today, most recent first
        count = store.list_events(filters.to_query(limit=1, date_to=until)).total
        earlier_total = count
        page = store.list_events(
            filters.to_query(limit=RECENT_LIMIT, offset=max(0, count - RECENT_LIMIT), date_to=until)
        )
        earlier = [e for e in reversed(page.events) if e.start is not None and e.start < today]
    return render(
        request,
        "index.html",
        {
            "filters": filters,
            "today": today,
            "upcoming": upcoming.events,
            "upcoming_total": upcoming.total,
            "earlier": earlier,
            "earlier_total": earlier_total,
        },
    )


@dataclass
class Day:
    """One cell of the timeline: a day and the day-precise events on it."""

    date: dt.date
    in_period: bool
    is_today: bool
    events: list[CalendarEvent] = field(default_factory=list)


_FIRST_DRAWN, _LAST_DRAWN = dt.date(1, 2, 1), dt.date(9999, 11, 30)


@router.get("/calendar", response_class=HTMLResponse)
def timeline(
    request: Request,
    filters: FiltersDep,
    view: Annotated[Literal["month", "week"] | None, Query(), BlankIsNone] = None,
    date: Annotated[dt.date | None, Query(), BlankIsNone] = None,
) -> HTMLResponse:
    """A month grid or a week strip; events known only to the week or month are listed above it."""
    view = view or "month"
    today = _today(request)
    anchor = date or filters.date_from or today
    if not _FIRST_DRAWN <= anchor <= _LAST_DRAWN:  # the grid and its links need the days around
        raise HTTPException(422, f"the calendar is drawn from {_FIRST_DRAWN} to {_LAST_DRAWN}")
    if view == "week":
        first = anchor - dt.timedelta(days=anchor.weekday())
        weeks = [[first + dt.timedelta(days=i) for i in range(7)]]
        period_start, period_end = first, first + dt.timedelta(days=6)
        previous, following = first - dt.timedelta(days=7), first + dt.timedelta(days=7)
        heading = f"Week of {display.day_label(first)}"
    else:
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(anchor.year, anchor.month)
        period_start = anchor.replace(day=1)
        period_end = period_start.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
        previous = (period_start - dt.timedelta(days=1)).replace(day=1)
        following = period_end + dt.timedelta(days=1)
        heading = f"{period_start:%B %Y}"
    shown_start, shown_end = weeks[0][0], weeks[-1][-1]
    query = filters.to_query(limit=None, date_from=shown_start, date_to=shown_end)
    events = list(_store(request).iter_events(query))

    days = {
        day: Day(day, period_start <= day <= period_end, day == today)
        for week in weeks
        for day in week
    }
    coarse: list[CalendarEvent] = []
    for event in events:
        if not display.is_day_precise(event):
            if (
                event.start
                and event.end
                and event.start <= period_end
                and event.end >= period_start
            ):
                coarse.append(event)
            continue
        assert event.start is not None
        day = event.start
        while day <= (event.end or event.start):
            if day in days:
                days[day].events.append(event)
            day += dt.timedelta(days=1)
    in_period = [
        e
        for e in events
        if e.start and e.start <= period_end and (e.end or e.start) >= period_start
    ]
    return render(
        request,
        "calendar.html",
        {
            "filters": filters,
            "view": view,
            "heading": heading,
            "weeks": [[days[d] for d in week] for week in weeks],
            "coarse": coarse,
            "count": len(in_period),
            "previous": previous,
            "following": following,
            "today": today,
            "period_start": period_start,
        },
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    event = _store(request).get_event(event_id)
    if event is None:
        raise HTTPException(404, f"No engagement with id {event_id!r}.")
    mentions = [(m, evidence_fragments(m)) for m in event.mentions]
    return render(
        request, "event.html", {"event": event, "mentions": mentions, "filters": EventFilters()}
    )


@router.get("/countries/{code}", response_class=HTMLResponse, response_model=None)
def country_page(request: Request, code: str, filters: FiltersDep) -> Response:
    """Engagements a country takes part in or hosts; a name redirects to its code."""
    try:
        iso3 = resolve_country(code)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    if iso3 != code:
        return RedirectResponse(f"/countries/{iso3}{filters.query_string()}", status_code=307)
    store = _store(request)
    scoped = EventFilters(**{**filters.__dict__, "country": iso3})
    page = store.list_events(scoped.to_query(limit=LIST_LIMIT))
    actors = [a for a in store.list_actors(country=iso3, limit=50) if a.kind.value != "country"]
    return render(
        request,
        "country.html",
        {
            "code": iso3,
            "name": display.country_label(iso3),
            "filters": scoped,
            "events": page.events,
            "total": page.total,
            "actors": actors,
            "today": _today(request),
        },
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None
) -> HTMLResponse:
    actors = _store(request).list_actors(text=(q or "").strip() or None, limit=LIST_LIMIT)
    return render(
        request, "actors.html", {"actors": actors, "q": q or "", "filters": EventFilters()}
    )


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, filters: FiltersDep) -> HTMLResponse:
    """One participant (by canonical key, e.g. "person:USA:blinken") and its engagements."""
    store = _store(request)
    scoped = EventFilters(**{**filters.__dict__, "actor": key})
    page = store.list_events(scoped.to_query(limit=LIST_LIMIT))
    participant = next((p for e in page.events for p in e.participants if p.key == key), None)
    if participant is None and not filters.active:
        raise HTTPException(404, f"No participant with key {key!r}.")
    return render(
        request,
        "actor.html",
        {
            "key": key,
            "participant": participant,
            "filters": scoped,
            "events": page.events,
            "total": page.total,
            "today": _today(request),
        },
    )
