"""The iCal feed: `GET /calendar.ics` with the filters of `GET /api/events`.

The rendering (UIDs, all-day dates, statuses, descriptions) is the export's:
`summitry.export.ical`, so the feed and `summitry export --format ics` agree.

Calendar apps poll feeds, so each answer carries an ETag made of the store's
version (`Store.version`, changed by every write) and the request: a poll
with `If-None-Match` gets a bodiless 304 until the calendar changes, and the
rendered bodies of recent feeds are kept (`ResponseCache`) for the same time.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from summitry.api.cache import ResponseCache, version_tag
from summitry.api.filters import EventFilters, event_filters
from summitry.api.routes import ERROR_RESPONSES, StoreDep, if_none_match
from summitry.export.ical import render_calendar

router = APIRouter(tags=["feeds"], responses=ERROR_RESPONSES)

ICAL_MEDIA_TYPE = "text/calendar; charset=utf-8"


def _feed_cache(request: Request) -> ResponseCache:
    return request.app.state.response_cache  # type: ignore[no-any-return]


@router.get(
    "/calendar.ics",
    summary="iCalendar feed (RFC 5545)",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}, "description": "The feed."},
        304: {"description": "Not modified since the feed with the ETag sent in If-None-Match."},
    },
)
def calendar_feed(
    request: Request, store: StoreDep, filters: Annotated[EventFilters, Depends(event_filters)]
) -> Response:
    """Every dated event matching the filters, as all-day entries with stable UIDs.

    Subscribe to it in a calendar app; filters narrow it, e.g.
    `/calendar.ics?country=KOR&status=expected`.
    """
    limit = request.app.state.settings.max_feed_events
    base_url = str(request.base_url)
    headers = {"Content-Disposition": 'inline; filename="summitry.ics"'}
    version = store.version()
    etag = None
    if version is not None:
        etag = version_tag(version, "calendar.ics", limit, base_url, filters.query_string())
        headers["ETag"] = etag
        if etag in if_none_match(request):
            return Response(status_code=304, headers=headers)
        body = _feed_cache(request).get(etag)
        if body is not None:
            return Response(body, media_type=ICAL_MEDIA_TYPE, headers=headers)
    events = store.list_events(filters.to_query(limit=limit)).events
    body = render_calendar(events, base_url=base_url)
    if etag is not None:
        _feed_cache(request).put(etag, body)
    return Response(body, media_type=ICAL_MEDIA_TYPE, headers=headers)
