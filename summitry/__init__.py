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
]
__version__ = "0.1.0"
