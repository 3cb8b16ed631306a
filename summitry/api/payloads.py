"""The JSON the API writes: store records turned into plain dicts.

Events use the record format of `shared/eval/GOLD_FORMAT.md` ("System
output", via `CalendarEvent.to_record`) plus:

- `id`, `title`, `start`, `end`, `history` (already in the record);
- `mention_count`: how many article mentions were merged into the event;
- `sources`: the articles that report it, one per document, oldest first;
- `links`: the event's JSON and HTML addresses.

The event detail adds `participants` (with canonical keys and roles) and
`mentions` (each with its evidence sentences, trigger and source).
"""

from __future__ import annotations

from typing import Any

from summitry.merge.records import CalendarEvent, Mention
from summitry.store import ActorSummary, DocumentSummary, IngestResult, StoredDocument
from summitry.store.listing import listing_record, source


def event_links(event_id: str) -> dict[str, str]:
    return {"self": f"/api/events/{event_id}", "html": f"/events/{event_id}"}


def event_summary(event: CalendarEvent) -> dict[str, Any]:
    """One event of `GET /api/events`: its listing (`summitry.store.listing`) and links."""
    record = listing_record(event)
    record["links"] = event_links(event.id)
    return record


def event_detail(event: CalendarEvent) -> dict[str, Any]:
    """`GET /api/events/{id}`: the summary plus participants and every mention."""
    record = event_summary(event)
    record["participants"] = [p.to_dict() for p in event.participants]
    record["mentions"] = [mention_record(m) for m in event.mentions]
    return record


def mention_record(mention: Mention) -> dict[str, Any]:
    """One mention: what one article said, with its evidence and source."""
    event = mention.event
    return {
        "document_id": mention.document_id,
        "event_index": mention.event_index,
        "reference_day": mention.reference_day.isoformat() if mention.reference_day else None,
        "status": event.status.value,
        "time": event.time.to_dict() if event.time else None,
        "evidence": [span.to_dict() for span in event.evidence],
        "evidence_text": mention.evidence_text,
        "trigger": event.trigger.to_dict() if event.trigger else None,
        "attribution": [a.to_dict() for a in event.attribution],
        "confidence": round(event.confidence, 3),
        "source": source(mention),
    }


def actor_record(actor: ActorSummary) -> dict[str, Any]:
    return {
        "key": actor.key,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "title": actor.title,
        "event_count": actor.event_count,
    }


def document_record(stored: StoredDocument) -> dict[str, Any]:
    """`GET /api/documents/{id}`: metadata, text, and each event with its calendar event id."""
    document = stored.document
    events = []
    for index, event in enumerate(document.events):
        record = event.to_dict()
        record["calendar_event_id"] = (
            stored.event_ids[index] if index < len(stored.event_ids) else None
        )
        events.append(record)
    return {
        "id": document.id,
        "document": document.metadata_dict(),
        "text": document.text,
        "events": events,
        "content_hash": stored.content_hash,
        "ingested_at": stored.ingested_at.isoformat(),
    }


def document_summary_record(summary: DocumentSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "url": summary.url,
        "title": summary.title,
        "publisher": summary.publisher,
        "dct": summary.dct.isoformat() if summary.dct else None,
        "reference_day": summary.reference_day.isoformat() if summary.reference_day else None,
        "reference_source": summary.reference_source.value,
        "content_hash": summary.content_hash,
        "ingested_at": summary.ingested_at.isoformat(),
        "mention_count": summary.mention_count,
    }


def ingest_record(result: IngestResult) -> dict[str, Any]:
    return {
        "document_id": result.document_id,
        "outcome": result.outcome.value,
        "event_ids": list(result.event_ids),
        "replaced": list(result.replaced),
        "links": {"self": f"/api/documents/{result.document_id}"},
    }
