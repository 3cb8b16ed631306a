"""Creating the SQLAlchemy engine for a store URL: SQLite tuned, PostgreSQL via psycopg 3."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from summitry.errors import StoreError

SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_MMAP_BYTES = 1 << 30
"""Reads map the file instead of copying each page through `read()` (about a third of a
cold page's time on a large calendar); address space only, the OS keeps the pages."""


def create_store_engine(url: str) -> sa.Engine:
    """An engine for `url`; SQLite gets WAL mode, foreign keys and `BEGIN IMMEDIATE` writes.

    Writes on SQLite open with `BEGIN IMMEDIATE` (connection execution option
    `sqlite_immediate=True`) so two writers queue on the busy timeout instead
    of failing when a read transaction tries to become a write.
    """
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as error:
        raise StoreError(f"not a database URL: {url!r}") from error
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401  (checked here to give the extra's name)
        except ImportError as error:
            raise StoreError(
                "PostgreSQL needs psycopg 3: pip install 'summitry[postgres]'"
            ) from error
    try:
        engine = sa.create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except (ImportError, sa.exc.ArgumentError) as error:
        raise StoreError(
            f"cannot open {parsed.render_as_string(hide_password=True)}: {error}"
        ) from error
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    return engine


def _tune_sqlite(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN, so writes can ask for IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL cannot corrupt; a power cut may lose the last commit
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
