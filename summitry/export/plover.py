"""Calendar events as PLOVER-style records.

Each calendar event becomes one record through `summitry.events.plover`
(the per-article PLOVER view): a future, hedged or called-off CONSULT is coded
`AGREE`, as PLOVER prescribes, with our status kept in `summitry_status`.
The record's id is the calendar event's, and every source document is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from summitry.events.plover import plover_record
from summitry.merge.records import CalendarEvent
from summitry.model import Document, Event, Span


def plover_records(events: Iterable[CalendarEvent]) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record per calendar event."""
    for merged in events:
        evidence = tuple(Span(0, len(r.evidence), r.evidence) for r in merged.history if r.evidence)
        as_event = Event(
            type=merged.type,
            mode=merged.mode,
            actors=tuple(p.to_actor() for p in merged.actors),
            recipients=tuple(p.to_actor() for p in merged.recipients),
            status=merged.status,
            location=merged.location,
            time=merged.time,
            evidence=evidence,
        )
        newest = merged.history[-1] if merged.history else None
        holder = Document(id=merged.id, text="", publisher=newest.publisher if newest else None)
        record = plover_record(as_event, holder, 0)
        record["id"] = merged.id
        record["title"] = merged.title
        record["source_document"] = newest.document_id if newest else None
        record["source_documents"] = sorted({r.document_id for r in merged.history})
        record["first_reported"] = (
            merged.first_reported.isoformat() if merged.first_reported else None
        )
        record["last_reported"] = merged.last_reported.isoformat() if merged.last_reported else None
        yield record
