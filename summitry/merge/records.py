"""The records of the calendar: mentions in, calendar events out.

A `Mention` is one `Event` as one article reported it, together with where it
was read (document id, event index, reference day, source). A `CalendarEvent`
is a cluster of mentions that report the same real-world engagement, with the
fields resolved from the newest reports and the full history kept.

These are frozen and JSON-serialisable (`to_dict` / `from_dict`) so the store
can keep them and the API and exports can write them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from summitry.model import (
    Actor,
    ActorKind,
    Event,
    EventStatus,
    Location,
    Mode,
    TimeValue,
)


def _date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Mention:
    """One event as one article reported it.

    `document_id` and `event_index` (the position in `Document.events`) name the
    mention; `reference_day` is the day the article's relative times were read
    against, and orders reports from oldest to newest. `url`, `title`,
    `publisher` describe the source for attribution.
    """

    document_id: str
    event_index: int
    event: Event
    reference_day: dt.date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    @property
    def key(self) -> str:
        """`document_id#event_index`, unique in a store."""
        return f"{self.document_id}#{self.event_index}"

    @property
    def evidence_text(self) -> str:
        """The evidence sentences, joined by a space ("" when there are none)."""
        return " ".join(span.text for span in self.event.evidence if span.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "event_index": self.event_index,
            "reference_day": self.reference_day.isoformat() if self.reference_day else None,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "event": self.event.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(
            document_id=data["document_id"],
            event_index=int(data["event_index"]),
            event=Event.from_dict(data["event"]),
            reference_day=_date_or_none(data.get("reference_day")),
            url=data.get("url"),
            title=data.get("title"),
            publisher=data.get("publisher"),
        )


@dataclass(frozen=True)
class Participant:
    """A participant of a calendar event, merged over its mentions.

    `key` is the canonical actor (`summitry.merge.actor_key`): a person is its
    surname and country ("person:USA:blinken"), a country its ISO code
    ("country:KOR"), an organisation or region its normalised name. `name` is
    the fullest name any mention used, `aliases` the other names seen. `role` is
    "actor" if any mention had it as an actor, else "recipient".
    """

    key: str
    name: str
    kind: ActorKind
    role: str
    country: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()

    def to_actor(self) -> Actor:
        return Actor(self.name, self.kind, self.country, self.title, self.aliases)

    def to_dict(self) -> dict[str, Any]:
        out = self.to_actor().to_dict()
        out["key"] = self.key
        out["role"] = self.role
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(
            key=data["key"],
            name=data["name"],
            kind=ActorKind(data.get("kind") or "person"),
            role=data.get("role") or "actor",
            country=data.get("country"),
            title=data.get("title"),
            aliases=tuple(data.get("aliases") or ()),
        )


@dataclass(frozen=True)
class StatusReport:
    """One step of an event's history: what one article said, and when.

    `reference_day` is the article's reference day; `status` and `time` are as
    that article reported them; `evidence` is its evidence sentence(s).
    """

    reference_day: dt.date | None
    status: EventStatus
    time: TimeValue | None
    document_id: str
    event_index: int
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_day": self.reference_day.isoformat() if self.reference_day else None,
            "status": self.status.value,
            "time": self.time.to_dict() if self.time else None,
            "document_id": self.document_id,
            "event_index": self.event_index,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatusReport:
        return cls(
            reference_day=_date_or_none(data.get("reference_day")),
            status=EventStatus(data["status"]),
            time=TimeValue.from_dict(data["time"]) if data.get("time") else None,
            document_id=data["document_id"],
            event_index=int(data["event_index"]),
            url=data.get("url"),
            title=data.get("title"),
            publisher=data.get("publisher"),
            evidence=data.get("evidence") or "",
        )


@dataclass(frozen=True)
class CalendarEvent:
    """One real-world engagement: a merge cluster of mentions, resolved.

    `id` is stable: derived from the earliest mention (by reference day, then
    document id, then event index), so it survives newer reports of the same
    event and can serve as an iCal UID. `status` and `time` follow the newest
    report (an `occurred` report is never overridden by a forecast); `start`
    and `end` are the days `time` covers (a week or month spans all its days),
    None when no report gave a time. `history` lists every report oldest
    first; `mentions` every mention in canonical order. `title` is a short
    human summary such as "Antony Blinken visits South Korea".
    """

    id: str
    mode: Mode
    status: EventStatus
    participants: tuple[Participant, ...]
    title: str
    time: TimeValue | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    location: Location | None = None
    history: tuple[StatusReport, ...] = ()
    mentions: tuple[Mention, ...] = ()
    type: str = "CONSULT"

    @property
    def actors(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.role == "actor")

    @property
    def recipients(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.role != "actor")

    @property
    def first_reported(self) -> dt.date | None:
        days = [r.reference_day for r in self.history if r.reference_day]
        return min(days) if days else None

    @property
    def last_reported(self) -> dt.date | None:
        days = [r.reference_day for r in self.history if r.reference_day]
        return max(days) if days else None

    def to_record(self) -> dict[str, Any]:
        """The GOLD_FORMAT "System output" event record, plus id, title and sources."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode.value,
            "actors": [p.to_actor().to_dict() for p in self.actors],
            "recipients": [p.to_actor().to_dict() for p in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            # the expression as the deciding report wrote it, without that article's offsets
            "time": {
                k: v for k, v in self.time.to_dict().items() if k not in ("start_char", "end_char")
            }
            if self.time
            else None,
            "status": self.status.value,
            "title": self.title,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "history": [r.to_dict() for r in self.history],
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, losslessly (what the store keeps)."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode.value,
            "status": self.status.value,
            "title": self.title,
            "participants": [p.to_dict() for p in self.participants],
            "time": self.time.to_dict() if self.time else None,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "location": self.location.to_dict() if self.location else None,
            "history": [r.to_dict() for r in self.history],
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CalendarEvent:
        return cls(
            id=data["id"],
            type=data.get("type", "CONSULT"),
            mode=Mode(data["mode"]),
            status=EventStatus(data["status"]),
            title=data.get("title") or "",
            participants=tuple(Participant.from_dict(p) for p in data.get("participants") or ()),
            time=TimeValue.from_dict(data["time"]) if data.get("time") else None,
            start=_date_or_none(data.get("start")),
            end=_date_or_none(data.get("end")),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            history=tuple(StatusReport.from_dict(r) for r in data.get("history") or ()),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions") or ()),
        )
