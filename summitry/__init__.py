"""summitry: a source-attributed calendar of diplomatic engagements, read from the news."""

from summitry.errors import ExtractionError, InputError, ModelError, StoreError, SummitryError
from summitry.model import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    Document,
    Event,
    EventStatus,
    Location,
    Mode,
    Span,
    TimeValue,
)
from summitry.pipeline import extract, extract_many


def open_store(db=None, *, migrate: bool = True):  # noqa: ANN001, ANN201 - typed in summitry.store
    """Open the event store (SQLite by default); see `summitry.store.open_store`.

    Imported lazily so that extraction alone never loads SQLAlchemy.
    """
    from summitry.store import open_store as _open_store

    return _open_store(db, migrate=migrate)


__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Attribution",
    "Document",
    "Event",
    "EventStatus",
    "ExtractionError",
    "InputError",
    "Location",
    "Mode",
    "ModelError",
    "Span",
    "StoreError",
    "SummitryError",
    "TimeValue",
    "extract",
    "extract_many",
    "open_store",
]
__version__ = "0.1.0"
