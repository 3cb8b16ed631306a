"""An event's listing: the record a list of events shows, kept as JSON text per event.

    CalendarEvent.to_record()        GOLD_FORMAT "System output", id, title, history
    + mention_count                  how many article mentions were merged into it
    + sources                        the articles reporting it, one per document

`codec.event_row` writes it to `events.listing` with the event, so a page of
50 is 50 texts read by id, not 50 events decoded with every mention and
encoded again (about 12 ms a page). It is derived, like `search_text`:
`Store.remerge()` rewrites it, and a row without one (None) is listed from
its record.
"""

from __future__ import annotations

import json
from typing import Any

from summitry.merge.records import CalendarEvent, Mention


def sources(event: CalendarEvent) -> list[dict[str, Any]]:
    """The articles reporting `event`, one per document, in the order of its mentions."""
    seen: dict[str, dict[str, Any]] = {}
    for mention in event.mentions:
        seen.setdefault(mention.document_id, source(mention))
    return list(seen.values())


def source(mention: Mention) -> dict[str, Any]:
    return {
        "document_id": mention.document_id,
        "url": mention.url,
        "title": mention.title,
        "publisher": mention.publisher,
        "reference_day": mention.reference_day.isoformat() if mention.reference_day else None,
    }


def listing_record(event: CalendarEvent) -> dict[str, Any]:
    record = event.to_record()
    record["mention_count"] = len(event.mentions)
    record["sources"] = sources(event)
    return record


def dumps(data: Any) -> str:
    """Compact JSON in insertion order, as the API answers (not `codec.dumps`: no key sort)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def listing_json(event: CalendarEvent) -> str:
    return dumps(listing_record(event))
