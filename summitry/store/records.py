"""What the store's queries return (besides `CalendarEvent` from `summitry.merge`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from summitry.merge.records import CalendarEvent
from summitry.model import ActorKind, Document, ReferenceSource
from summitry.store.query import EventQuery


class IngestOutcome(StrEnum):
    """What ingesting one document did."""

    ADDED = "added"  # a document the store did not have
    UNCHANGED = "unchanged"  # the same text and events were already stored: nothing written
    UPDATED = "updated"  # same id or URL, new text or events: its mentions were replaced


@dataclass(frozen=True)
class IngestResult:
    """The outcome of `Store.ingest` for one document.

    `event_ids` are the calendar events its mentions now belong to, in the
    order of `Document.events`; `replaced` the ids of stored documents it
    replaced (the same id, or another id with the same URL).
    """

    document_id: str
    outcome: IngestOutcome
    event_ids: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventPage:
    """One page of `Store.list_events`: the events and how many match in all."""

    events: tuple[CalendarEvent, ...]
    total: int
    query: EventQuery


@dataclass(frozen=True)
class ListingPage:
    """One page of `Store.list_event_listings`: each event's id and listing JSON, and the total."""

    ids: tuple[str, ...]
    listings: tuple[str, ...]
    total: int
    query: EventQuery


@dataclass(frozen=True)
class StoredDocument:
    """A document as stored: its metadata, text and extracted events.

    `event_ids[i]` is the calendar event that `document.events[i]` was merged
    into. `content_hash` is the SHA-256 of the text; `ingested_at` is UTC.
    """

    document: Document
    content_hash: str
    ingested_at: dt.datetime
    event_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.document.id


@dataclass(frozen=True)
class DocumentSummary:
    """A stored document without its text, for listings."""

    id: str
    url: str | None
    title: str | None
    publisher: str | None
    dct: dt.date | None
    reference_day: dt.date | None
    reference_source: ReferenceSource
    content_hash: str
    ingested_at: dt.datetime
    mention_count: int


@dataclass(frozen=True)
class ActorSummary:
    """A canonical actor and how many calendar events it takes part in."""

    key: str
    name: str
    kind: ActorKind
    country: str | None
    title: str | None
    event_count: int


@dataclass(frozen=True)
class ErrorRecord:
    """A document that could not be ingested, and why."""

    id: int
    document_id: str
    reason: str
    source: str | None
    recorded_at: dt.datetime
