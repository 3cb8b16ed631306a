"""Ingesting documents, updating them, and reading the calendar back (every backend)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fixtures.series.load_series import SERIES_NAMES, all_series, load_series
from fixtures.series.records import JAPAN, KOREA, MORI, SEOUL, VARGA, document, event

from summitry.errors import StoreError
from summitry.merge import mentions_of, merge_mentions
from summitry.model import EventStatus, Mode
from summitry.store import EventQuery, IngestOutcome, Store, open_store, resolve_db_url

D1, D2 = dt.date(2025, 3, 3), dt.date(2025, 3, 8)


def ingest_all(store: Store, documents) -> None:
    for doc in documents:
        store.ingest(doc)


def calendar(store: Store) -> list:
    return list(store.iter_events())


def test_empty_store(store: Store) -> None:
    page = store.list_events()
    assert (page.events, page.total) == ((), 0)
    assert store.list_actors() == [] and store.list_documents() == [] and store.list_errors() == []
    assert store.get_event("ev-missing") is None and store.get_document("missing") is None


def test_same_document_twice_changes_nothing(store: Store) -> None:
    doc = document("a", D1, event(), url="https://news.example/a")
    first = store.ingest(doc)
    before = (calendar(store), store.get_document("a"))
    second = store.ingest(doc)
    assert first.outcome is IngestOutcome.ADDED and second.outcome is IngestOutcome.UNCHANGED
    assert second.event_ids == first.event_ids
    assert (calendar(store), store.get_document("a")) == before


def test_new_version_by_id_replaces_its_mentions(store: Store) -> None:
    store.ingest(document("a", D1, event(), event(Mode.MEETING, (VARGA,), (MORI,)), text="v1"))
    result = store.ingest(document("a", D1, event(status=EventStatus.PLANNED), text="v2"))
    assert result.outcome is IngestOutcome.UPDATED and result.replaced == ("a",)
    (only,) = calendar(store)
    assert only.status is EventStatus.PLANNED and [m.key for m in only.mentions] == ["a#0"]
    stored = store.get_document("a")
    assert stored is not None and stored.document.text == "v2" and len(stored.document.events) == 1


def test_new_version_by_url_replaces_the_old_document(store: Store) -> None:
    store.ingest(document("old-id", D1, event(), url="https://news.example/story"))
    store.ingest(document("b", D2, event(status=EventStatus.OCCURRED)))
    result = store.ingest(
        document(
            "new-id",
            D2,
            event(status=EventStatus.POSTPONED, time="2025-03-24"),
            url="https://news.example/story",
        )
    )
    assert result.outcome is IngestOutcome.UPDATED and result.replaced == ("old-id",)
    assert store.get_document("old-id") is None
    keys = sorted(m.key for e in calendar(store) for m in e.mentions)
    assert keys == ["b#0", "new-id#0"]


def test_update_that_splits_an_event(store: Store) -> None:
    store.ingest(document("a", D1, event(time="2025-W11")))
    store.ingest(document("b", D2, event(time="2025-03-12")))
    store.ingest(document("c", D2, event(time="2025-03-14")))
    assert len(calendar(store)) == 1  # b and c both lie in a's week
    store.ingest(document("a", D1, event(time="2025-04-20"), text="corrected"))
    groups = {frozenset(m.key for m in e.mentions) for e in calendar(store)}
    assert groups == {frozenset({"a#0"}), frozenset({"b#0"}), frozenset({"c#0"})}


@pytest.mark.parametrize("name", SERIES_NAMES)
def test_series_in_store_equals_merging_all_at_once(store: Store, name: str) -> None:
    series = load_series(name)
    ingest_all(store, series.documents)
    expected = merge_mentions(m for d in series.documents for m in mentions_of(d))
    assert calendar(store) == expected


def test_ingest_result_names_the_events(store: Store) -> None:
    series = load_series("varga_tokyo")
    results = [store.ingest(d) for d in series.documents]
    assert results[0].event_ids == results[2].event_ids  # same visit, same meeting
    for result in results:
        for event_id in result.event_ids:
            assert store.get_event(event_id) is not None


def test_get_event_has_history_and_evidence(store: Store) -> None:
    ingest_all(store, load_series("varga_tokyo").documents)
    visit = store.list_events(EventQuery(mode=Mode.VISIT)).events[0]
    got = store.get_event(visit.id)
    assert got == visit
    assert [r.status for r in got.history] == [
        EventStatus.EXPECTED,
        EventStatus.POSTPONED,
        EventStatus.OCCURRED,
    ]
    assert got.history[1].evidence.startswith(
        "The visit to Japan of Hungarian Foreign Minister Elena Varga"
    )
    assert got.history[1].url == "https://news.example/jp/varga-visit-postponed"
    assert got.history[1].publisher == "Pacific Daily"
    assert got.mentions[0].event.evidence[0].start > 0


@pytest.fixture
def filled(store: Store) -> Store:
    for series in all_series():
        ingest_all(store, series.documents)
    return store


def titles(page) -> list[str]:
    return [e.title for e in page.events]


FILTERS = [
    (EventQuery(), 7),
    (EventQuery(mode=Mode.VISIT), 3),
    (EventQuery(status=EventStatus.OCCURRED), 4),
    (EventQuery(country="JPN"), 4),
    (EventQuery(country="jpn"), 4),
    (EventQuery(country="ETH"), 1),
    (EventQuery(actor="person:HUN:varga"), 2),
    (EventQuery(actor="varga"), 2),
    (EventQuery(actor="Ferraro"), 1),
    (EventQuery(text="lithium"), 1),
    (EventQuery(text="100%"), 0),
    (EventQuery(date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 6, 30)), 1),
    (EventQuery(date_from=dt.date(2025, 11, 1)), 3),
    (EventQuery(date_to=dt.date(2025, 3, 31)), 2),
    (EventQuery(date_from=dt.date(2026, 6, 1), date_to=dt.date(2026, 6, 1)), 1),  # "next year"
    (EventQuery(country="KOR", mode=Mode.MULTILATERAL, status=EventStatus.OCCURRED), 1),
]


@pytest.mark.parametrize(("query", "count"), FILTERS, ids=[repr(q) for q, _ in FILTERS])
def test_filters(filled: Store, query: EventQuery, count: int) -> None:
    page = filled.list_events(query)
    assert page.total == count and len(page.events) == count
    assert len(list(filled.iter_events(query))) == count


def test_sorted_by_start_then_paged(filled: Store) -> None:
    everything = filled.list_events(EventQuery(limit=None)).events
    starts = [e.start for e in everything]
    assert starts == sorted(starts)
    page = filled.list_events(EventQuery(limit=3, offset=2))
    assert page.total == 7 and page.events == everything[2:5]


def test_actors(filled: Store) -> None:
    actors = {a.key: a for a in filled.list_actors(limit=None)}
    assert actors["person:HUN:varga"].name == "Elena Varga"
    assert actors["person:HUN:varga"].event_count == 2
    assert actors["country:JPN"].event_count == 3  # the meeting names Mori, not Japan
    assert [a.key for a in filled.list_actors(text="mori")] == ["person:JPN:mori"]
    assert {a.key for a in filled.list_actors(country="ARG")} == {"person:ARG:ferraro"}
    assert len(filled.list_actors(limit=2)) == 2


def test_documents_round_trip(filled: Store) -> None:
    for series in all_series():
        for doc in series.documents:
            stored = filled.get_document(doc.id)
            assert stored is not None and stored.document == doc
            assert len(stored.event_ids) == len(doc.events) and all(stored.event_ids)
            assert stored.ingested_at.tzinfo is not None
    listed = filled.list_documents(limit=None)
    assert len(listed) == 12
    assert listed[0].id == "trilateral-3" and listed[0].mention_count == 2


def test_errors(store: Store) -> None:
    store.record_error("bad-1", "empty text", source="feed.jsonl:3")
    store.record_error(None, "undecodable bytes")
    errors = store.list_errors()
    assert [(e.document_id, e.reason, e.source) for e in errors] == [
        ("<unknown>", "undecodable bytes", None),
        ("bad-1", "empty text", "feed.jsonl:3"),
    ]
    assert errors[0].recorded_at.tzinfo is not None


def test_remerge_changes_nothing(filled: Store) -> None:
    before = calendar(filled)
    assert filled.remerge() == len(before)
    assert calendar(filled) == before


def test_reopen_keeps_everything(store_factory) -> None:
    store = store_factory()
    ingest_all(store, load_series("odhiambo_addis").documents)
    before = calendar(store)
    again = open_store(store.url, migrate=False)  # no password to hide in the test URLs
    assert calendar(again) == before
    again.close()


def test_unicode_and_odd_text(store: Store) -> None:
    who = dataclasses.replace(VARGA, name="Élena Várga", aliases=("Várga",))
    doc = document(
        "ü-1",
        D1,
        event(actors=(who,), recipients=(KOREA,), location=SEOUL),
        text="Ünïcödé – 'quotes' %_ \n\t",
    )
    store.ingest(doc)
    assert store.get_document("ü-1").document == doc
    assert store.list_events(EventQuery(actor="várga")).total == 1
    assert store.list_events(EventQuery(country="KOR")).total == 1
    assert store.list_events(EventQuery(actor="JPN")).total == 0
    assert JAPAN not in store.list_events().events[0].participants


@pytest.mark.parametrize(
    ("given", "env", "url"),
    [
        (None, None, "sqlite:///summitry.db"),
        (None, "other.db", "sqlite:///other.db"),
        ("/tmp/x.db", "other.db", "sqlite:////tmp/x.db"),
        ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("sqlite:///:memory:", None, "sqlite:///:memory:"),
    ],
)
def test_resolve_db_url(monkeypatch: pytest.MonkeyPatch, given, env, url) -> None:
    if env is None:
        monkeypatch.delenv("SUMMITRY_DB", raising=False)
    else:
        monkeypatch.setenv("SUMMITRY_DB", env)
    assert resolve_db_url(given) == url


def test_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")


def test_not_a_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x")
