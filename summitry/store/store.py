"""The event store: documents, mentions and the merged calendar, in SQL.

    Document --ingest--> documents + mentions --merge--> events + participants

One SQLite file by default (WAL mode, no server), or PostgreSQL through
psycopg 3 for teams. The schema is created and upgraded by Alembic when the
store is opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from types import TracebackType

from summitry.merge.records import CalendarEvent
from summitry.model import Document
from summitry.store.query import EventQuery
from summitry.store.records import (
    ActorSummary,
    DocumentSummary,
    ErrorRecord,
    EventPage,
    IngestResult,
    StoredDocument,
)

DEFAULT_DB = "summitry.db"
DB_ENV_VAR = "SUMMITRY_DB"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the store to open.

    1. `db` if given (the CLI's `--db`), else
    2. the `SUMMITRY_DB` environment variable, else
    3. `summitry.db` in the working directory.

    A path becomes `sqlite:///path`; `postgresql://` and `postgres://` URLs use
    the psycopg 3 driver; other SQLAlchemy URLs pass through.
    """
    raise NotImplementedError


def open_store(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at `db` (see `resolve_db_url`).

    Raises `StoreError` if the database cannot be reached or migrated, or the
    PostgreSQL driver (extra `summitry[postgres]`) is missing.
    """
    raise NotImplementedError


class Store:
    """A calendar of diplomatic engagements kept in one database.

    Use `open_store()`; a `Store` is a context manager that closes its engine.
    Every write is one transaction. Methods raise `StoreError` on database
    failures.
    """

    url: str

    def close(self) -> None:
        """Release the database connections."""
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def ingest(self, document: Document) -> IngestResult:
        """Store `document` and its events, and merge them into the calendar.

        The same document again (same text and events) changes nothing. A new
        version (same id or same URL, other text or events) replaces the old
        document and its mentions. The calendar events the change can touch
        are recomputed with `merge_mentions`, so the calendar equals merging
        all stored mentions at once, whatever the ingest order.
        """
        raise NotImplementedError

    def record_error(self, document_id: str | None, reason: str, *, source: str | None = None) -> None:
        """Remember that a document could not be read or extracted, and why."""
        raise NotImplementedError

    def remerge(self) -> int:
        """Recompute the whole calendar from the stored mentions; returns the event count."""
        raise NotImplementedError

    # -- reading -------------------------------------------------------------

    def list_events(self, query: EventQuery | None = None) -> EventPage:
        """The events matching `query` (default `EventQuery()`), sorted by start day then id."""
        raise NotImplementedError

    def iter_events(self, query: EventQuery | None = None) -> Iterator[CalendarEvent]:
        """Every event matching `query`, ignoring its limit and offset (for exports)."""
        raise NotImplementedError

    def get_event(self, event_id: str) -> CalendarEvent | None:
        """One event with its participants, history and every mention, or None."""
        raise NotImplementedError

    def list_actors(
        self, *, text: str | None = None, country: str | None = None, limit: int | None = 100, offset: int = 0
    ) -> list[ActorSummary]:
        """Canonical actors (most events first, then key), optionally filtered by name part or country."""
        raise NotImplementedError

    def get_document(self, document_id: str) -> StoredDocument | None:
        """A stored document with its text and events, or None."""
        raise NotImplementedError

    def list_documents(self, *, limit: int | None = 100, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents, newest reference day first, then id."""
        raise NotImplementedError

    def list_errors(self, *, limit: int | None = 100, offset: int = 0) -> list[ErrorRecord]:
        """Recorded ingest failures, newest first."""
        raise NotImplementedError
