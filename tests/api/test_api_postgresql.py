"""The same app over PostgreSQL (the root conftest's session schema; skipped without a server)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from api.calendar_fixtures import TODAY
from api.sample_calendar import fill
from icalendar import Calendar

from summitry.api import ApiSettings, BackgroundServer, create_app
from summitry.store import Store


@pytest.mark.parametrize("store_factory", ["postgresql"], indirect=True)
def test_events_feed_and_pages_on_postgresql(store_factory: Callable[[], Store]) -> None:
    store = store_factory()
    ids = fill(store)
    app = create_app(store, ApiSettings(token=None), today=lambda: TODAY)
    with BackgroundServer(app) as server, httpx.Client(base_url=server.url) as client:
        korea = client.get("/api/events", params={"country": "KOR"}).json()
        assert [e["title"] for e in korea["events"]] == [
            "Antony Blinken visits South Korea",
            "Kenji Mori visits South Korea",
        ]
        (varga,) = ids["doc-varga-tokyo-2"]
        history = client.get(f"/api/events/{varga}").json()["history"]
        assert [h["status"] for h in history] == ["planned", "occurred"]
        feed = Calendar.from_ical(
            client.get("/calendar.ics", params={"status": "cancelled"}).content
        )
        assert [str(e["summary"]) for e in feed.walk("VEVENT")] == [
            "Meeting of African Union, Kenya and Ethiopia in Addis Ababa (cancelled)"
        ]
        assert "Antony Blinken visits South Korea" in client.get("/calendar?date=2025-01-05").text
