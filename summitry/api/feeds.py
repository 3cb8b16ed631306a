"""The iCal feed: `GET /calendar.ics` with the filters of `GET /api/events`.

The rendering (UIDs, all-day dates, statuses, descriptions) is the export's:
`summitry.export.ical`, so the feed and `summitry export --format ics` agree.

Calendar apps poll feeds, so each answer carries an ETag made of the store's
version (`Store.version`, changed by every write) and the request: a poll
with `If-None-Match` gets a bodiless 304 until the calendar changes, and the
rendered bodies of recent feeds are kept (`FeedCache`) for the same time.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from summitry.api.filters import EventFilters, event_filters
from summitry.api.routes import ERROR_RESPONSES, StoreDep
from summitry.export.ical import render_calendar

router = APIRouter(tags=["feeds"], responses=ERROR_RESPONSES)

ICAL_MEDIA_TYPE = "text/calendar; charset=utf-8"
FEED_CACHE_BYTES = 32 * 1024 * 1024  # rendered feeds kept per process


class FeedCache:
    """Rendered feeds by ETag, least recently used forgotten first past `max_bytes`."""

    def __init__(self, max_bytes: int = FEED_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, etag: str) -> bytes | None:
        with self._lock:
            body = self._bodies.get(etag)
            if body is not None:
                self._bodies.move_to_end(etag)
            return body

    def put(self, etag: str, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if etag in self._bodies:
                return
            self._bodies[etag] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)


def _feed_cache(request: Request) -> FeedCache:
    return request.app.state.feed_cache  # type: ignore[no-any-return]


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
        key = f"{version}\n{limit}\n{base_url}\n{filters.query_string()}"
        etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
        headers["ETag"] = etag
        if etag in _if_none_match(request):
            return Response(status_code=304, headers=headers)
        body = _feed_cache(request).get(etag)
        if body is not None:
            return Response(body, media_type=ICAL_MEDIA_TYPE, headers=headers)
    events = store.list_events(filters.to_query(limit=limit)).events
    body = render_calendar(events, base_url=base_url)
    if etag is not None:
        _feed_cache(request).put(etag, body)
    return Response(body, media_type=ICAL_MEDIA_TYPE, headers=headers)


def _if_none_match(request: Request) -> set[str]:
    value = request.headers.get("if-none-match", "")
    return {tag.strip().removeprefix("W/") for tag in value.split(",") if tag.strip()}
