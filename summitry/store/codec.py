"""Rows to records and back: the store's serialisation edge.

JSON is written with sorted keys and no spaces, so equal records give equal
text (the hashes and the "nothing changed" check depend on it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from summitry.merge.actors import block_key
from summitry.merge.compatible import mention_reach
from summitry.merge.records import CalendarEvent, Mention
from summitry.model import Dateline, Document, Event, ReferenceSource, Span
from summitry.store.listing import listing_json


def dumps(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def document_extra(document: Document) -> dict[str, Any]:
    """What `documents.extra` keeps: dateline, body and warnings."""
    dateline = document.dateline
    return {
        "dateline": None
        if dateline is None
        else {
            "span": dateline.span.to_dict(),
            "place": dateline.place,
            "date": _iso(dateline.date),
            "agency": dateline.agency,
        },
        "body": document.body.to_dict() if document.body else None,
        "warnings": list(document.warnings),
    }


def record_hash(document: Document) -> str:
    """A hash of everything stored about `document` except its id."""
    meta = document.metadata_dict()
    meta.pop("id")
    return sha256(
        dumps(
            {
                "meta": meta,
                "extra": document_extra(document),
                "events": [e.to_dict() for e in document.events],
            }
        )
    )


def document_row(document: Document, ingested_at: dt.datetime) -> dict[str, Any]:
    return {
        "id": document.id,
        "url": document.url,
        "title": document.title,
        "publisher": document.publisher,
        "source": document.source,
        "dct": document.dct,
        "reference_day": document.reference_day,
        "reference_source": document.reference_source.value,
        "content_hash": sha256(document.text),
        "record_hash": record_hash(document),
        "ingested_at": ingested_at,
        "text": document.text,
        "extra": dumps(document_extra(document)),
    }


def row_to_document(row: Any, events: tuple[Event, ...]) -> Document:
    extra = json.loads(row.extra)
    dateline = extra.get("dateline")
    return Document(
        id=row.id,
        text=row.text,
        events=events,
        dct=row.dct,
        reference_day=row.reference_day,
        reference_source=ReferenceSource(row.reference_source),
        title=row.title,
        url=row.url,
        publisher=row.publisher,
        source=row.source,
        dateline=None
        if dateline is None
        else Dateline(
            span=Span.from_dict(dateline["span"]),
            place=dateline.get("place"),
            date=_day(dateline.get("date")),
            agency=dateline.get("agency"),
        ),
        body=Span.from_dict(extra["body"]) if extra.get("body") else None,
        warnings=tuple(extra.get("warnings") or ()),
    )


def mention_row(mention: Mention) -> dict[str, Any]:
    event = mention.event
    first = event.evidence[0] if event.evidence else None
    return {
        "document_id": mention.document_id,
        "event_index": mention.event_index,
        "event_id": None,
        "mode": event.mode.value,
        "status": event.status.value,
        "reference_day": mention.reference_day,
        "time_text": event.time.text if event.time else None,
        "time_value": event.time.value if event.time else None,
        "time_end": event.time.end if event.time else None,
        "evidence_start": first.start if first else None,
        "evidence_end": event.evidence[-1].end if first else None,
        "evidence_text": mention.evidence_text or None,
        "record": dumps(event.to_dict()),
    }


def row_to_mention(row: Any) -> Mention:
    """A mention from a `mentions` row joined with its document's url, title, publisher."""
    return Mention(
        document_id=row.document_id,
        event_index=row.event_index,
        event=Event.from_dict(json.loads(row.record)),
        reference_day=row.reference_day,
        url=row.url,
        title=row.title,
        publisher=row.publisher,
    )


def event_reach(event: CalendarEvent) -> tuple[dt.date | None, dt.date | None]:
    """The hull of the mentions' reaches; (None, None) if one of them is unbounded."""
    reaches = [mention_reach(m) for m in event.mentions]
    if not reaches or any(r is None for r in reaches):
        return None, None
    return min(r[0] for r in reaches if r), max(r[1] for r in reaches if r)


def event_row(event: CalendarEvent) -> dict[str, Any]:
    words = [event.title, event.location.name if event.location else ""]
    words += [p.name for p in event.participants] + [
        a for p in event.participants for a in p.aliases
    ]
    words += [r.evidence for r in event.history]
    reach = event_reach(event)
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode.value,
        "status": event.status.value,
        "start_day": event.start,
        "end_day": event.end,
        "time_value": event.time.value if event.time else None,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "title": event.title,
        "search_text": "\n".join(w for w in words if w).lower(),
        "reach_start": reach[0],
        "reach_end": reach[1],
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
        "span_days": (event.end - event.start).days if event.start and event.end else None,
        "mention_count": len(event.mentions),
        "record": dumps(event.to_dict()),
        "listing": listing_json(event),
    }


def participant_rows(event: CalendarEvent) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event.id,
            "actor_key": p.key,
            "block_key": block_key(p.key),
            "mode": event.mode.value,
            "name": p.name,
            "kind": p.kind.value,
            "role": p.role,
            "country": p.country,
            "title": p.title,
            "aliases": "\n".join(p.aliases),
        }
        for p in event.participants
    ]


def row_to_event(row: Any) -> CalendarEvent:
    return CalendarEvent.from_dict(json.loads(row.record))


def utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
