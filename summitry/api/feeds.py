"""The iCal feed: `GET /calendar.ics` with the filters of `GET /api/events`.

The rendering (UIDs, all-day dates, statuses, descriptions) is the export's:
`summitry.export.ical`, so the feed and `summitry export --format ics` agree.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from summitry.api.filters import EventFilters, event_filters
from summitry.api.routes import ERROR_RESPONSES, StoreDep
from summitry.export.ical import render_calendar

router = APIRouter(tags=["feeds"], responses=ERROR_RESPONSES)

ICAL_MEDIA_TYPE = "text/calendar; charset=utf-8"


@router.get(
    "/calendar.ics",
    summary="iCalendar feed (RFC 5545)",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "The feed."}},
)
def calendar_feed(
    request: Request, store: StoreDep, filters: Annotated[EventFilters, Depends(event_filters)]
) -> Response:
    """Every dated event matching the filters, as all-day entries with stable UIDs.

    Subscribe to it in a calendar app; filters narrow it, e.g.
    `/calendar.ics?country=KOR&status=expected`.
    """
    limit = request.app.state.settings.max_feed_events
    events = store.list_events(filters.to_query(limit=limit)).events
    body = render_calendar(events, base_url=str(request.base_url))
    return Response(
        body,
        media_type=ICAL_MEDIA_TYPE,
        headers={"Content-Disposition": 'inline; filename="summitry.ics"'},
    )
