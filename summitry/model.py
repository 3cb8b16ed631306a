"""The records that cross stage boundaries: frozen, typed, JSON-serialisable.

A `Document` is what extraction returns for one article: its metadata (where
its reference day came from, publisher, dateline) and its `Event`s. Every event
carries the evidence it was read from as character offsets into
`Document.text`, so each field can be checked against the article.

`to_dict()` gives the record format of `shared/eval/GOLD_FORMAT.md` ("System
output") plus our extra fields; `from_dict()` reads it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class EventStatus(str, Enum):
    """How certain the report is that the engagement happens (ANNOTATION.md, Status)."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    EXPECTED = "expected"
    POSSIBLE = "possible"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    DENIED = "denied"

    @property
    def coarse(self) -> str:
        """past / ongoing / future / off, the scorer's coarse classes."""
        return _COARSE[self]


_COARSE = {
    EventStatus.OCCURRED: "past",
    EventStatus.ONGOING: "ongoing",
    EventStatus.PLANNED: "future",
    EventStatus.EXPECTED: "future",
    EventStatus.POSSIBLE: "future",
    EventStatus.CANCELLED: "off",
    EventStatus.POSTPONED: "off",
    EventStatus.DENIED: "off",
}


class Mode(str, Enum):
    """The kind of CONSULT engagement."""

    VISIT = "visit"
    MEETING = "meeting"
    PHONE = "phone"
    MULTILATERAL = "multilateral"


class ActorKind(str, Enum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    REGION = "region"


class ReferenceSource(str, Enum):
    """Where a document's reference day came from, in order of preference."""

    DATELINE = "dateline"
    PAGE = "page"
    DCT = "dct"
    NONE = "none"


@dataclass(frozen=True)
class Span:
    """A character range of `Document.text` and the text it covers."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def strip_edges(self) -> Span:
        """The same span without leading and trailing white space."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return Span(self.start + lead, self.end - trail, self.text.strip())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data.get("text", "")))


@dataclass(frozen=True)
class Actor:
    """A participant: a person, a country, an organisation or a region.

    `name` is the fullest form found in the text ("Antony Blinken"), `aliases`
    the other forms that referred to it ("Blinken", "the top diplomat").
    `country` is the ISO 3166-1 alpha-3 code of the state a person or body
    represents (ISO 3166-3 for states that no longer exist), None for
    international organisations.
    """

    name: str
    kind: ActorKind
    country: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind.value, "country": self.country}
        if self.title:
            out["title"] = self.title
        if self.aliases:
            out["aliases"] = list(self.aliases)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=data["name"],
            kind=ActorKind(data.get("kind") or "person"),
            country=data.get("country"),
            title=data.get("title"),
            aliases=tuple(data.get("aliases") or ()),
        )


@dataclass(frozen=True)
class Location:
    """Where the engagement takes place: a city if given, else a country."""

    name: str
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(name=data["name"], country=data.get("country"))


@dataclass(frozen=True)
class TimeValue:
    """When the engagement starts (and ends), as TIMEX3-style values.

    `value` is `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY-Qn` or `YYYY`, or None
    when the expression could not be resolved (no reference day). `text` is
    the expression as written and `span` where it stands.
    """

    text: str
    value: str | None
    end: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "value": self.value}
        if self.end:
            out["end"] = self.end
        if self.span:
            out["start_char"] = self.span.start
            out["end_char"] = self.span.end
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeValue:
        span = None
        if "start_char" in data and "end_char" in data:
            span = Span(int(data["start_char"]), int(data["end_char"]), data.get("text", ""))
        return cls(
            text=data.get("text", ""), value=data.get("value"), end=data.get("end"), span=span
        )


@dataclass(frozen=True)
class Attribution:
    """Who reported the event (`source`) and through which outlets (`via`), nearest first."""

    source: str | None
    via: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "via": list(self.via)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(source=data.get("source"), via=tuple(data.get("via") or ()))


@dataclass(frozen=True)
class Event:
    """One diplomatic engagement as one article reports it."""

    mode: Mode
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    status: EventStatus
    location: Location | None = None
    time: TimeValue | None = None
    attribution: tuple[Attribution, ...] = ()
    evidence: tuple[Span, ...] = ()
    trigger: Span | None = None
    confidence: float = 0.5
    type: str = "CONSULT"

    @property
    def participants(self) -> tuple[Actor, ...]:
        return self.actors + self.recipients

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode.value,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "time": self.time.to_dict() if self.time else None,
            "status": self.status.value,
            "attribution": [a.to_dict() for a in self.attribution],
            "evidence": [e.to_dict() for e in self.evidence],
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            type=data.get("type", "CONSULT"),
            mode=Mode(data["mode"]),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            recipients=tuple(Actor.from_dict(a) for a in data.get("recipients") or ()),
            status=EventStatus(data["status"]),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            time=TimeValue.from_dict(data["time"]) if data.get("time") else None,
            attribution=tuple(Attribution.from_dict(a) for a in data.get("attribution") or ()),
            evidence=tuple(Span.from_dict(e) for e in data.get("evidence") or ()),
            trigger=Span.from_dict(data["trigger"]) if data.get("trigger") else None,
            confidence=float(data.get("confidence", 0.5)),
        )


@dataclass(frozen=True)
class Dateline:
    """A wire dateline such as "SEOUL, Dec. 30 (Yonhap) --"."""

    span: Span
    place: str | None = None
    date: dt.date | None = None
    agency: str | None = None


@dataclass(frozen=True)
class Article:
    """An article as loaded, before extraction (the ingest stage's output).

    `text` is the decoded article text (for HTML, trafilatura's extraction);
    every offset downstream points into it. `body` is the part that holds the
    article proper, without page chrome. `reference_day` is chosen by
    `summitry.ingest.choose_reference_day`: dateline, then page date, then dct.
    """

    id: str
    text: str
    body: Span
    dct: dt.date | None = None
    page_date: dt.date | None = None
    reference_day: dt.date | None = None
    reference_source: ReferenceSource = ReferenceSource.NONE
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source: str | None = None
    dateline: Dateline | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One article and the events read from it.

    `reference_day` is what relative times were resolved against, and
    `reference_source` says where it came from (dateline, page chrome, the
    caller's dct, or none). `body` is the span of `text` that holds the
    article proper (page chrome excluded).
    """

    id: str
    text: str
    events: tuple[Event, ...] = ()
    dct: dt.date | None = None
    reference_day: dt.date | None = None
    reference_source: ReferenceSource = ReferenceSource.NONE
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source: str | None = None
    dateline: Dateline | None = None
    body: Span | None = None
    warnings: tuple[str, ...] = field(default=())

    def metadata_dict(self) -> dict[str, Any]:
        """The document's description without its text or events."""
        dl = self.dateline
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "publisher": self.publisher,
            "dct": self.dct.isoformat() if self.dct else None,
            "reference_day": self.reference_day.isoformat() if self.reference_day else None,
            "reference_source": self.reference_source.value,
            "dateline": None
            if dl is None
            else {
                "text": dl.span.text,
                "place": dl.place,
                "date": dl.date.isoformat() if dl.date else None,
                "agency": dl.agency,
            },
            "body": [self.body.start, self.body.end] if self.body else None,
            "chars": len(self.text),
            "warnings": list(self.warnings),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines record: {"id", "document", "events"}."""
        return {
            "id": self.id,
            "document": self.metadata_dict(),
            "events": [e.to_dict() for e in self.events],
        }
