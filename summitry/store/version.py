"""Reading the store version on every request, cheaply.

The version (`store_version`, bumped by a trigger on `events`) is read once
per API request to key cached answers. Through the pool that is a checkout,
a BEGIN, the SELECT and a ROLLBACK (about 0.2 ms on SQLite); on one
connection of its own in autocommit mode it is the SELECT alone, which sees
every transaction committed before it starts, in any process.
"""

from __future__ import annotations

import threading
from typing import Any

import sqlalchemy as sa

_SELECT = "SELECT version FROM store_version WHERE id = 1"


class VersionReader:
    """`read()`: the current store version (None without the table), on a dedicated connection."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._connection: Any = None  # a DBAPI connection, outside the pool
        self._lock = threading.Lock()  # one statement at a time on it

    def read(self) -> int | None:
        with self._lock:
            try:
                return self._select()
            except self._engine.dialect.loaded_dbapi.Error:
                # the server may have restarted: one new connection, then the error stands
                self._discard()
                return self._select()

    def _select(self) -> int | None:
        if self._connection is None:
            self._connection = self._open()
        cursor = self._connection.cursor()
        try:
            cursor.execute(_SELECT)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else int(row[0])

    def _open(self) -> Any:
        proxied = self._engine.raw_connection()
        proxied.detach()  # ours until closed; the pool opens another in its place
        connection = proxied.dbapi_connection
        if self._engine.dialect.name == "postgresql":
            connection.autocommit = True  # no transaction left open between reads
        # SQLite: the engine's connect hook already set isolation_level=None (autocommit)
        return connection

    def _discard(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except self._engine.dialect.loaded_dbapi.Error:
                pass

    def close(self) -> None:
        with self._lock:
            self._discard()
