"""Any ingest order gives the same calendar, the one `merge_mentions` gives (hypothesis)."""

from __future__ import annotations

from collections.abc import Callable

from fixtures.series.records import documents_strategy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.merge import mentions_of, merge_mentions
from summitry.model import Document
from summitry.store import Store

STORE_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@STORE_SETTINGS
@given(documents_strategy(), st.randoms(use_true_random=False))
def test_ingest_order_does_not_matter(
    store_factory: Callable[[], Store], documents: list[Document], random
) -> None:
    expected = merge_mentions(m for d in documents for m in mentions_of(d))
    store = store_factory()
    shuffled = list(documents)
    random.shuffle(shuffled)
    for doc in shuffled:
        store.ingest(doc)
    assert list(store.iter_events()) == expected
    for doc in reversed(shuffled):  # ingesting everything again changes nothing
        store.ingest(doc)
    assert list(store.iter_events()) == expected


@STORE_SETTINGS
@given(documents_strategy(max_documents=4))
def test_documents_round_trip(
    store_factory: Callable[[], Store], documents: list[Document]
) -> None:
    store = store_factory()
    for doc in documents:
        store.ingest(doc)
    for doc in documents:
        stored = store.get_document(doc.id)
        assert stored is not None and stored.document == doc


@STORE_SETTINGS
@given(documents_strategy(), documents_strategy(), st.randoms(use_true_random=False))
def test_updates_give_the_calendar_of_the_current_versions(
    store_factory: Callable[[], Store], documents: list[Document], updates: list[Document], random
) -> None:
    """New versions (same ids, other events) replace the old: events split and join as needed."""
    store = store_factory()
    for doc in documents:
        store.ingest(doc)
    current = {d.id: d for d in documents}
    for doc in updates:
        changed = Document(
            id=doc.id,
            text=doc.text + " (updated)",
            events=doc.events,
            dct=doc.dct,
            reference_day=doc.reference_day,
            url=doc.url,
            title=doc.title,
            publisher=doc.publisher,
        )
        if random.random() < 0.5:
            store.ingest(changed)
            current[changed.id] = changed
    expected = merge_mentions(m for d in current.values() for m in mentions_of(d))
    assert list(store.iter_events()) == expected
