"""The PLOVER view of a document's events.

PLOVER codes what happened; a meeting that is only announced or expected is,
in PLOVER, an agreement to meet: `AGREE` with the CONSULT mode kept as
context. We keep our own status beside it so nothing is lost.
"""

from __future__ import annotations

from typing import Any

from summitry.model import Document, Event, Mode

# Our `meeting` is PLOVER's CONSULT with no mode (third-party when held in a
# country none of the parties represents).
_PLOVER_MODE = {Mode.VISIT: "visit", Mode.PHONE: "phone", Mode.MULTILATERAL: "multilateral"}


def plover_record(event: Event, document: Document, index: int) -> dict[str, Any]:
    """One PLOVER-style record for `event`."""
    future = event.status.coarse in {"future", "off"}
    mode = _PLOVER_MODE.get(event.mode, "")
    if event.mode is Mode.MEETING and event.location and event.location.country:
        countries = {p.country for p in event.participants if p.country}
        if countries and event.location.country not in countries:
            mode = "third-party"
    actor = event.actors[0] if event.actors else (event.recipients[0] if event.recipients else None)
    recipients = event.recipients if event.actors else event.recipients[1:]
    return {
        "id": f"{document.id}-{index}",
        "event_type": "AGREE" if future else "CONSULT",
        "mode": mode,
        "context": ["diplomatic"],
        "consult_mode": event.mode.value,
        "summitry_status": event.status.value,
        "actor": actor.name if actor else None,
        "actor_country": actor.country if actor else None,
        "recipient": "; ".join(r.name for r in recipients) or None,
        "recipient_country": "; ".join(r.country or "" for r in recipients) or None,
        "date": event.time.value if event.time else None,
        "date_end": event.time.end if event.time else None,
        "location": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "source_document": document.id,
        "publisher": document.publisher,
        "evidence": [e.text for e in event.evidence],
    }


def to_plover(document: Document) -> list[dict[str, Any]]:
    """PLOVER records of every event in `document`."""
    return [plover_record(e, document, i) for i, e in enumerate(document.events)]
