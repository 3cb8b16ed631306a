"""Merging mentions into calendar events (implementation follows)."""

from __future__ import annotations

from collections.abc import Iterable

from summitry.merge.records import CalendarEvent, Mention
from summitry.model import Document


def mentions_of(document: Document) -> list[Mention]:
    """One `Mention` per event of `document`, in the document's order."""
    return [
        Mention(
            document_id=document.id,
            event_index=index,
            event=event,
            reference_day=document.reference_day or document.dct,
            url=document.url,
            title=document.title,
            publisher=document.publisher,
        )
        for index, event in enumerate(document.events)
    ]


def merge_mentions(mentions: Iterable[Mention]) -> list[CalendarEvent]:
    """Cluster mentions of the same engagement into calendar events, sorted by start day then id."""
    raise NotImplementedError
