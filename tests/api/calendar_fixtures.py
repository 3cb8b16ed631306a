"""Fixtures shared by tests/api and tests/web: a filled store served on a free port.

    store     a fresh SQLite store in the test's temp dir (closed afterwards)
    calendar  the hand-built sample calendar ingested into it: {document id: event ids}
    server    the app over that store, live in a thread on a free port, stopped afterwards
    client    an httpx client for that server (the real HTTP stack, not a test transport)
    reader    the same, but one server per test module: for the read-only tables of cases

"Today" is 2025-01-04 for the pages, so the sample has past and upcoming events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api.sample_calendar import fill

from summitry.api import ApiSettings, BackgroundServer, create_app
from summitry.store import Store, open_store

TOKEN = "correct-horse-battery-staple"
TODAY = dt.date(2025, 1, 4)
MAX_BODY = 64 * 1024


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store per test (overrides the root conftest's parametrized one)."""
    with open_store(tmp_path / "summitry.db") as opened:
        yield opened


@pytest.fixture
def calendar(store: Store) -> dict[str, tuple[str, ...]]:
    return fill(store)


@pytest.fixture
def settings() -> ApiSettings:
    return ApiSettings(token=TOKEN, max_body_bytes=MAX_BODY)


@pytest.fixture
def server(
    store: Store, calendar: dict[str, tuple[str, ...]], settings: ApiSettings
) -> Iterator[BackgroundServer]:
    with BackgroundServer(create_app(store, settings, today=lambda: TODAY)) as running:
        yield running


@pytest.fixture
def client(server: BackgroundServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A client of a filled store shared by a module's tests, which must only read."""
    with open_store(tmp_path_factory.mktemp("reader") / "summitry.db") as shared:
        fill(shared)
        app = create_app(
            shared, ApiSettings(token=TOKEN, max_body_bytes=MAX_BODY), today=lambda: TODAY
        )
        with (
            BackgroundServer(app) as running,
            httpx.Client(base_url=running.url, timeout=30) as http,
        ):
            yield http
