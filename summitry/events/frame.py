"""The working record of one engagement while an article is read, and what it rests on.

`Frame` is mutable on purpose: folding and discourse rules fill it in; `frames` turns
the survivors into frozen `Event` records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summitry.model import (
    Actor,
    ActorKind,
    Attribution,
    EventStatus,
    Location,
    Mode,
    Span,
    TimeValue,
)
from summitry.nlp import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

    from summitry.nlp.gazetteer import Place


OFFICIAL_ORDER = [
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.DENIED,
    EventStatus.OCCURRED,
    EventStatus.ONGOING,
    EventStatus.PLANNED,
    EventStatus.EXPECTED,
    EventStatus.POSSIBLE,
]


@dataclass(frozen=True)
class ArticleContext:
    reference_day: dt.date | None = None
    dateline_place: str | None = None
    agency: str | None = None
    publisher: str | None = None
    body: tuple[int, int] | None = None


def dateline_place(context: ArticleContext) -> Place | None:
    """The gazetteer place of the dateline: "NAIROBI" or "NAIROBI, Kenya" (the city first)."""
    if not context.dateline_place:
        return None
    whole = gazetteer.lookup_place(context.dateline_place)
    if whole is not None:
        return whole
    return gazetteer.lookup_place(context.dateline_place.split(",")[0].strip())


@dataclass
class Frame:
    mode: Mode
    actors: list[Actor]
    recipients: list[Actor]
    location: Location | None
    time: TimeValue | None
    status: EventStatus
    attribution: list[Attribution]
    evidence: list[Span]
    trigger: Span
    lemma: str
    sentence_index: int
    confidence: float = 0.5
    token: Token | None = None
    status_strength: int = 0
    leg_times: dict[str, TimeValue] = field(default_factory=dict)
    days: int | None = None
    # persons a visit was paid to ("a visit with President Reagan"): they were met too
    met: list[Actor] = field(default_factory=list)

    @property
    def parties(self) -> list[Actor]:
        return self.actors + self.recipients


def party_key(actor: Actor) -> str:
    """Who a party is within one article, where a person's full name is known.

    Not `summitry.merge.actors.actor_key`: across articles one person is
    written many ways, so that key keeps only the surname and country, which
    inside one article would fold two ministers named Kim into one.
    """
    if actor.kind is ActorKind.PERSON:
        return "p:" + actor.name
    if actor.kind is ActorKind.COUNTRY:
        return "c:" + (actor.country or actor.name)
    org = gazetteer.lookup_organization(actor.name)
    return "o:" + (org.full_name if org else actor.name)  # "GCC" and "Gulf Cooperation Council"


def complete(frame: Frame) -> bool:
    parties = frame.parties
    if frame.mode is Mode.VISIT:
        return bool(frame.actors) and bool(frame.recipients)
    if frame.mode is Mode.MULTILATERAL:
        return bool(parties) and (
            len(parties) >= 2 or parties[0].kind in {ActorKind.ORGANIZATION, ActorKind.REGION}
        )
    return len(parties) >= 2


# ------------------------------------------------------------------ folding


def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        day = dt.date.fromisoformat(value)
        return day, day
    if "-W" in value:
        year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if len(value) == 7 and value[4] == "-":
        first = dt.date(int(value[:4]), int(value[5:7]), 1)
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if len(value) == 4 and value.isdigit():
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return None


def times_compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    va, vb = a.value, b.value
    if va == vb or va.startswith(vb) or vb.startswith(va):
        return True
    try:
        ra, rb = value_range(va), value_range(vb)
    except ValueError:
        return False
    if ra is None or rb is None:
        return False
    slack = dt.timedelta(days=3)
    return ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]


def more_specific(a: Location, b: Location) -> bool:
    """A city is more specific than its country."""
    return (
        a.country == b.country
        and gazetteer.country_name(b.country or "") == b.name
        and a.name != b.name
    )
