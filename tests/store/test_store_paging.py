"""Paging `Store.list_events`: ids from the index first, cached totals.

`iter_events` still sorts in one query (start day, undated last, then id), so
it is the reference each page and total are checked against.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
import sqlalchemy as sa

from summitry.merge import mentions_of, merge_mentions
from summitry.merge.records import CalendarEvent
from summitry.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventStatus,
    Location,
    Mode,
    ReferenceSource,
    TimeValue,
)
from summitry.store import EventQuery, Store
from summitry.store.codec import event_row, participant_rows
from summitry.store.schema import events, participants

PLACES = [("KOR", "Seoul"), ("JPN", "Tokyo"), ("HUN", "Budapest"), ("KEN", "Nairobi")]


def _template(n: int, code: str, city: str, other: str) -> CalendarEvent:
    person = Actor(f"Elena Varga {n}", ActorKind.PERSON, other, "Foreign Minister")
    event = Event(
        mode=Mode.VISIT,
        actors=(person,),
        recipients=(Actor(city, ActorKind.COUNTRY, code),),
        status=EventStatus.EXPECTED,
        location=Location(city, code),
        time=TimeValue("on Monday", "2025-03-10"),
    )
    text = f"{person.name} will visit {city}."
    document = Document(
        id=f"paging-{n}",
        text=text,
        events=(event,),
        dct=dt.date(2025, 3, 1),
        reference_day=dt.date(2025, 3, 1),
        reference_source=ReferenceSource.DCT,
    )
    return merge_mentions(mentions_of(document))[0]


def _calendar(count: int, seed: int = 6) -> list[CalendarEvent]:
    """Events on few days (ties broken by id), a fifth of them undated."""
    rng = random.Random(seed)
    made = []
    for n in range(count):
        (code, city), (other, _) = rng.sample(PLACES, 2)
        template = _template(n, code, city, other)
        if n % 5 == 0:
            made.append(replace(template, id=f"ev-{rng.randrange(10**6):06d}-{n}", time=None))
            continue
        first = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(20))
        last = first + dt.timedelta(days=rng.choice((0, 0, 3)))
        made.append(
            replace(
                template,
                id=f"ev-{rng.randrange(10**6):06d}-{n}",
                status=rng.choice(list(EventStatus)),
                time=TimeValue(first.isoformat(), first.isoformat()),
                start=first,
                end=last,
            )
        )
    return made


def _insert(store: Store, made: list[CalendarEvent]) -> None:
    with store._engine.begin() as conn:
        conn.execute(sa.insert(events), [event_row(e) for e in made])
        conn.execute(sa.insert(participants), [r for e in made for r in participant_rows(e)])


QUERIES = [
    EventQuery(),
    EventQuery(country="KOR"),
    EventQuery(actor="varga 1"),
    EventQuery(status=EventStatus.OCCURRED),
    EventQuery(date_from=dt.date(2025, 1, 5), date_to=dt.date(2025, 1, 9)),
    EventQuery(country="JPN", date_from=dt.date(2025, 1, 10)),
    EventQuery(text="nowhere"),
]


@pytest.mark.parametrize("query", QUERIES)
def test_pages_and_totals_match_one_sorted_query(store: Store, query: EventQuery) -> None:
    _insert(store, _calendar(120))
    expected = [e.id for e in store.iter_events(query)]
    for offset, limit in [(0, 7), (5, 50), (0, None), (90, 50), (len(expected) - 2, 5), (500, 3)]:
        page = store.list_events(replace(query, offset=offset, limit=limit))
        end = None if limit is None else offset + limit
        assert [e.id for e in page.events] == expected[offset:end], (offset, limit)
        assert page.total == len(expected)
    assert store.list_events(replace(query, limit=0)).events == ()


def test_a_cached_total_follows_every_write(store: Store) -> None:
    made = _calendar(40)
    _insert(store, made[:30])
    query = EventQuery(country="KOR", limit=5)
    before = store.list_events(query).total
    assert store.list_events(query).total == before  # served from the cache
    _insert(store, made[30:])  # a write behind the store's back still bumps the version
    assert store.list_events(query).total == len(list(store.iter_events(query)))
    with store._engine.begin() as conn:
        conn.execute(sa.delete(events))
    assert store.list_events(query).total == 0
