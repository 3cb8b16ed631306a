"""`GET /api/events` pages spliced from stored listings: the JSON the event records give."""

from __future__ import annotations

import json

import httpx
import pytest
import sqlalchemy as sa

from summitry.api import payloads
from summitry.api.filters import event_filters
from summitry.store import Store
from summitry.store.schema import events

CASES = [
    {},
    {"country": "KOR", "limit": 2},
    {"limit": 1, "offset": 1},
    {"status": "expected"},
    {"actor": "blinken", "limit": 3},
]


def _expected(store: Store, params: dict[str, object]) -> bytes:
    """The body as built before listings were stored: decoded events, encoded by Starlette."""
    filters = event_filters(
        country=params.get("country"), actor=params.get("actor"), status=params.get("status")
    )
    limit, offset = int(params.get("limit", 100)), int(params.get("offset", 0))
    page = store.list_events(filters.to_query(limit=limit, offset=offset))
    following = offset + len(page.events)
    payload = {
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "next": f"/api/events{filters.query_string(limit=limit, offset=following)}"
        if following < page.total
        else None,
        "events": [payloads.event_summary(e) for e in page.events],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize("params", CASES)
def test_a_page_is_the_json_of_its_event_records(
    client: httpx.Client, store: Store, params: dict[str, object]
) -> None:
    assert client.get("/api/events", params=params).content == _expected(store, params)


def test_an_event_without_a_stored_listing_is_listed_from_its_record(
    client: httpx.Client, store: Store
) -> None:
    """Rows written before migration 0006 have none until they are rewritten."""
    before = client.get("/api/events").content
    with store._engine.begin() as conn:
        conn.execute(sa.update(events).values(listing=None))
    assert client.get("/api/events").content == before
