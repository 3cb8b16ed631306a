"""Shared fixtures: stores on SQLite (a temp dir per test) and PostgreSQL (a schema per session).

Store tests take `store` (a fresh, empty store) or `store_factory` (a callable
that returns a fresh, empty store each call, for hypothesis examples); both
are parametrized over `sqlite` and `postgresql`. The PostgreSQL server is
`SUMMITRY_TEST_PG` or postgresql://postgres@127.0.0.1:5432/test; its tests
are skipped, with the reason, when the server cannot be reached. The
session's schema (`summitry_test_<random>`) is dropped at the end.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from summitry.store import Store, open_store

PG_SERVER = os.environ.get("SUMMITRY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")
_pg_unreachable: list[str] = []  # why the session's PostgreSQL could not be reached


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str | None]:
    """A store URL on a fresh PostgreSQL schema for this session, or None if unreachable."""
    schema = f"summitry_test_{uuid.uuid4().hex[:12]}"
    try:
        engine = sa.create_engine(PG_SERVER, connect_args={"connect_timeout": 3})
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except Exception as error:  # any driver or connection failure means: no PostgreSQL here
        _pg_unreachable.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        yield None
        return
    separator = "&" if "?" in PG_SERVER else "?"
    yield f"{PG_SERVER}{separator}options={quote(f'-csearch_path={schema}')}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()


_TABLES = ("participants", "events", "mentions", "documents", "errors")


def _empty(store: Store) -> None:
    """Delete every row (PostgreSQL: the session schema is shared by the tests)."""
    with store._engine.begin() as conn:
        if store.dialect == "postgresql":
            conn.exec_driver_sql(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY CASCADE")
        else:
            for table in _TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table}")


@pytest.fixture(params=BACKENDS)
def store_factory(
    request: pytest.FixtureRequest, pg_schema_url: str | None
) -> Iterator[Callable[[], Store]]:
    """A callable returning a fresh, empty `Store` on this test's backend (closed at teardown)."""
    backend = request.param
    if backend == "postgresql" and pg_schema_url is None:
        reason = _pg_unreachable[0] if _pg_unreachable else "not configured"
        pytest.skip(f"PostgreSQL unreachable at {PG_SERVER} ({reason})")
    opened: list[Store] = []  # one store per test, emptied on each further call
    tmp = tempfile.TemporaryDirectory(prefix="summitry-store-")

    def fresh() -> Store:
        if not opened:
            url = str(Path(tmp.name) / "summitry.db") if backend == "sqlite" else pg_schema_url
            opened.append(open_store(url))
        _empty(opened[0])
        return opened[0]

    yield fresh
    for store in opened:
        store.close()
    tmp.cleanup()


@pytest.fixture
def store(store_factory: Callable[[], Store]) -> Store:
    """A fresh, empty store (SQLite in a temp dir, or the session's PostgreSQL schema)."""
    return store_factory()
