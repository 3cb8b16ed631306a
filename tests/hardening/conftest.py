"""Fixtures for the hardening tests: a store full of hostile records, served in-process.

    hostile_store    a SQLite store whose documents carry script tags, HTML in
                     titles and names, SQL-looking text, javascript: links and
                     a 100,000-character name
    hostile_client   a TestClient (in-process ASGI) of the app over that store,
                     with a write token configured

Tests marked `pg_outage` stop a PostgreSQL server; they are moved to the end
of the session so that nothing else runs against a server that is down.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hardening.figures import FIGURES

from summitry.api import ApiSettings, create_app
from summitry.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventStatus,
    Location,
    Mode,
    ReferenceSource,
    Span,
    TimeValue,
)
from summitry.store import Store, open_store

PG_SERVER = os.environ.get("SUMMITRY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TOKEN = "hardening-token-0123456789"
TODAY = dt.date(2025, 3, 1)

SCRIPT = '<script>alert("owned")</script>'
IMG = "<img src=x onerror=alert(1)>"
SQL = "Robert'); DROP TABLE events; --"
LONG_NAME = "Abdul" + "a" * 100_000
HOSTILE_URL = "javascript:alert(document.cookie)"
MARKERS = ("<script>alert", "<img src=x")
"""Tags that must never appear raw in an HTML page (escaped, their text may)."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("hardening figures")
        for name, count in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {count}")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "pg_outage: stops a PostgreSQL server; runs after every other test"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    outage = [item for item in items if item.get_closest_marker("pg_outage")]
    if outage:
        rest = [item for item in items if not item.get_closest_marker("pg_outage")]
        items[:] = rest + outage


def hostile_documents() -> list[Document]:
    """Three articles whose every free-text field is an attack."""
    evidence = f"{SCRIPT} {IMG} met {SQL} in Seoul on 10 March."
    people = (
        Actor(f"{SCRIPT}Kim", ActorKind.PERSON, "KOR", f"Minister {IMG}"),
        Actor(SQL, ActorKind.PERSON, "JPN", "Foreign Minister"),
    )
    meeting = Event(
        mode=Mode.MEETING,
        actors=people[:1],
        recipients=people[1:],
        status=EventStatus.EXPECTED,
        location=Location(f"Seoul{IMG}", "KOR"),
        time=TimeValue(
            "10 March", "2025-03-10", span=Span(len(evidence) - 9, len(evidence) - 1, "10 March")
        ),
        evidence=(Span(0, len(evidence), evidence),),
    )
    visit = Event(
        mode=Mode.VISIT,
        actors=(Actor(LONG_NAME, ActorKind.PERSON, "KEN", "President"),),
        recipients=(Actor("Japan", ActorKind.COUNTRY, "JPN"),),
        status=EventStatus.PLANNED,
        location=Location("Tokyo", "JPN"),
        time=TimeValue("next week", "2025-W12"),
    )
    return [
        Document(
            id=f"hostile-{n}",
            text=f"{evidence}\n{SCRIPT}",
            events=events,
            dct=dt.date(2025, 3, 1),
            reference_day=dt.date(2025, 3, 1),
            reference_source=ReferenceSource.DCT,
            title=f"{SCRIPT}{IMG} title {n}",
            url=f"{HOSTILE_URL}//{n}" if n == 0 else f"https://news.example/{n}?q=<script>",
            publisher=f"{IMG} Wire",
        )
        for n, events in enumerate([(meeting,), (visit,), (meeting, visit)])
    ]


@contextmanager
def pg_schema(prefix: str) -> Iterator[str]:
    """A store URL on a new PostgreSQL schema, dropped afterwards; skips if there is no server."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        engine = sa.create_engine(PG_SERVER, connect_args={"connect_timeout": 3})
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except Exception as error:  # any driver or connection failure means: no PostgreSQL here
        pytest.skip(f"PostgreSQL unreachable at {PG_SERVER}: {type(error).__name__}")
    try:
        yield f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hostile_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The hostile documents in a store on each backend (PostgreSQL refuses what SQLite keeps)."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("hostile") / "summitry.db")
        else:
            url = stack.enter_context(pg_schema("summitry_hostile"))
        store = stack.enter_context(open_store(url))
        for document in hostile_documents():
            store.ingest(document)
        yield store


@pytest.fixture(scope="module")
def hostile_client(hostile_store: Store) -> Iterator[TestClient]:
    app = create_app(hostile_store, ApiSettings(token=TOKEN), today=lambda: TODAY)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "summitry.db"
