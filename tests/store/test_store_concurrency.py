"""Writers in parallel (threads, each with its own Store, as separate processes would) end in
the calendar that merging everything at once gives."""

from __future__ import annotations

import threading
from collections.abc import Callable

from fixtures.series.load_series import all_series

from summitry.merge import mentions_of, merge_mentions
from summitry.store import Store, open_store


def test_parallel_writers(store_factory: Callable[[], Store]) -> None:
    store = store_factory()
    documents = [d for s in all_series() for d in s.documents]
    failures: list[BaseException] = []

    def writer(part: list) -> None:
        try:
            with open_store(store.url) as own:
                for doc in part:
                    own.ingest(doc)
                    own.record_error(doc.id, "noted")
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=writer, args=(documents[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    expected = merge_mentions(m for d in documents for m in mentions_of(d))
    assert list(store.iter_events()) == expected
    assert len(store.list_errors(limit=None)) == len(documents)
