"""The event store: SQLAlchemy schema, SQLite and PostgreSQL, Alembic migrations.

store = open_store()                 # summitry.db, or $SUMMITRY_DB, or a URL
store.ingest(document)               # -> IngestResult
store.list_events(EventQuery(country="KOR", date_from=date(2025, 1, 1)))
store.get_event(event_id)            # -> CalendarEvent with history and mentions
"""

from summitry.store.bulk import IngestSummary, ingest_results
from summitry.store.query import EventQuery
from summitry.store.records import (
    ActorSummary,
    DocumentSummary,
    ErrorRecord,
    EventPage,
    IngestOutcome,
    IngestResult,
    ListingPage,
    StoredDocument,
)
from summitry.store.store import DB_ENV_VAR, DEFAULT_DB, Store, open_store, resolve_db_url

__all__ = [
    "DB_ENV_VAR",
    "DEFAULT_DB",
    "ActorSummary",
    "DocumentSummary",
    "ErrorRecord",
    "EventPage",
    "EventQuery",
    "IngestOutcome",
    "IngestResult",
    "IngestSummary",
    "ListingPage",
    "Store",
    "StoredDocument",
    "ingest_results",
    "open_store",
    "resolve_db_url",
]
