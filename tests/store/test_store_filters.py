"""Migrations 0005 and 0006: actor names, participant-only totals, the longest span, listings.

Expected answers are computed here in Python from the events themselves, not
with the store's own queries, which share the conditions under test.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
import sqlalchemy as sa
from store.test_store_paging import _calendar, _insert

from summitry.merge.records import CalendarEvent
from summitry.model import EventStatus
from summitry.store import EventQuery, Store
from summitry.store.codec import event_row
from summitry.store.engine import create_store_engine
from summitry.store.listing import listing_json
from summitry.store.migrate import upgrade
from summitry.store.schema import actor_names, events, participants


def _matches_actor(event: CalendarEvent, actor: str) -> bool:
    wanted = actor.strip().lower()
    return any(
        p.key == actor.strip()
        or wanted in p.name.lower()
        or any(wanted in alias.lower() for alias in p.aliases)
        for p in event.participants
    )


def _matches_country(event: CalendarEvent, code: str) -> bool:
    held = event.location is not None and event.location.country == code
    return held or any(p.country == code for p in event.participants)


@pytest.mark.parametrize("actor", ["varga 1", "VARGA 11", "elena", "seoul", "nobody"])
def test_an_actor_alone_is_counted_and_paged_as_its_participants_say(
    store: Store, actor: str
) -> None:
    made = _calendar(120)
    _insert(store, made)
    expected = sorted(
        (e for e in made if _matches_actor(e, actor)),
        key=lambda e: (e.start is None, e.start or dt.date.min, e.id),
    )
    page = store.list_events(EventQuery(actor=actor, limit=10))
    assert page.total == len(expected)
    assert [e.id for e in page.events] == [e.id for e in expected[:10]]


@pytest.mark.parametrize("code", ["KOR", "HUN", "USA"])
def test_a_country_alone_counts_events_held_there_and_its_participants(
    store: Store, code: str
) -> None:
    made = _calendar(120)
    _insert(store, made)
    expected = [e for e in made if _matches_country(e, code)]
    assert store.list_events(EventQuery(country=code, limit=3)).total == len(expected)
    # with another filter the general count applies: the same events
    occurred = [e for e in expected if e.status is EventStatus.OCCURRED]
    query = EventQuery(country=code, status=EventStatus.OCCURRED, limit=3)
    assert store.list_events(query).total == len(occurred)


def test_names_written_behind_the_stores_back_are_found(store: Store) -> None:
    """The trigger notes every new name and alias, whichever code inserts the row."""
    made = _calendar(10)
    _insert(store, made)
    renamed = replace(made[3], id="ev-renamed")
    person = renamed.participants[0]
    renamed = replace(
        renamed,
        participants=(replace(person, aliases=("The Zanzibar Envoy",)), *renamed.participants[1:]),
    )
    _insert(store, [renamed])
    page = store.list_events(EventQuery(actor="zanzibar envoy"))
    assert [e.id for e in page.events] == ["ev-renamed"]
    # an earlier name of the same key stays matched only by the rows that have it
    old_name = person.name.lower()
    with_old = [e.id for e in store.list_events(EventQuery(actor=old_name, limit=None)).events]
    assert "ev-renamed" in with_old  # its name is unchanged, only an alias was added
    with store._engine.connect() as conn:
        names = conn.scalar(
            sa.select(actor_names.c.names).where(actor_names.c.actor_key == person.key)
        )
    assert "the zanzibar envoy" in names.split("\n")


def test_a_key_matched_by_one_rows_name_keeps_other_rows_out(store: Store) -> None:
    made = _calendar(6)
    _insert(store, made)
    key = made[0].participants[0].key
    with store._engine.begin() as conn:
        conn.execute(
            sa.update(participants)
            .where(participants.c.event_id == made[0].id, participants.c.actor_key == key)
            .values(name="Quentin Unique")
        )
    found = store.list_events(EventQuery(actor="quentin unique", limit=None))
    assert [e.id for e in found.events] == [made[0].id]


def test_a_long_event_reaches_a_later_window(store: Store) -> None:
    """The longest span (now read off `ix_events_span_days`) bounds how far back to look."""
    made = _calendar(30)
    long = replace(
        made[1],
        id="ev-long",
        start=dt.date(2024, 6, 1),
        end=dt.date(2025, 3, 1),
    )
    _insert(store, [*made, long])
    window = EventQuery(date_from=dt.date(2025, 2, 1), date_to=dt.date(2025, 2, 3))
    assert [e.id for e in store.list_events(window).events] == ["ev-long"]


def test_0005_backfills_spans_and_names(tmp_path) -> None:
    engine = create_store_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (id, type, mode, status, start_day, end_day, title, search_text,"
            " mention_count, record) VALUES ('ev-1', 'CONSULT', 'visit', 'planned',"
            " '2025-01-03', '2025-01-06', 't', 't', 1, '{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO participants (event_id, actor_key, block_key, mode, name, kind, role,"
            " aliases) VALUES ('ev-1', 'person:HUN:varga', 'person:varga', 'visit',"
            " 'Elena Varga', 'person', 'actor', 'Varga\nThe Minister'),"
            " ('ev-1', 'country:JPN', 'country:JPN', 'visit', 'Japan', 'country', 'recipient', '')"
        )
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT span_days FROM events").scalar() == 3
        names = dict(conn.exec_driver_sql("SELECT actor_key, names FROM actor_names").all())
    assert names == {
        "person:HUN:varga": "elena varga\nvarga\nthe minister",
        "country:JPN": "japan\n",
    }
    engine.dispose()


def test_0006_backfills_listings(tmp_path) -> None:
    made = _calendar(3)
    engine = create_store_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0005")
    rows = [{k: v for k, v in event_row(e).items() if k != "listing"} for e in made]
    with engine.begin() as conn:
        conn.execute(sa.insert(events), rows)
    upgrade(engine)
    with engine.connect() as conn:
        stored = dict(conn.execute(sa.select(events.c.id, events.c.listing)).all())
    assert stored == {e.id: listing_json(e) for e in made}
    engine.dispose()


def test_threads_listing_at_once_all_get_their_totals(store: Store) -> None:
    """Totals are computed once per filter, and a total reading the cached longest span
    inside never waits on itself (the computations hold per-value locks)."""
    made = _calendar(80)
    _insert(store, made)
    queries = [
        EventQuery(country="KOR", date_from=dt.date(2025, 1, 5), limit=5),
        EventQuery(date_from=dt.date(2025, 1, 3), date_to=dt.date(2025, 1, 9), limit=5),
        EventQuery(actor="varga", limit=5),
        EventQuery(status=EventStatus.OCCURRED, date_from=dt.date(2025, 1, 2), limit=5),
    ] * 4
    expected = {q: len(list(store.iter_events(q))) for q in queries}
    with ThreadPoolExecutor(max_workers=8) as pool:
        totals = list(pool.map(lambda q: store.list_events(q).total, queries, timeout=120))
    assert totals == [expected[q] for q in queries]
