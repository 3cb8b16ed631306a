"""The runners: in-process and Dask give the same records, in order, nothing lost."""

from __future__ import annotations

from typing import Any

import pytest
from batch_corpus import corpus

from summitry.batch import RunCounts, run_dask, run_local, unstored
from summitry.batch.progress import counted
from summitry.errors import InputError
from summitry.model import Document


def _records(results: Any) -> list[dict]:
    return [
        {"error": r.doc_id, "reason": r.reason} if isinstance(r, InputError) else r.to_dict()
        for r in results
    ]


@pytest.mark.parametrize("prefilter", [False, True])
def test_dask_with_two_workers_gives_the_in_process_records(
    dask_client: Any, prefilter: bool
) -> None:
    articles = corpus(copies=2)
    local = _records(run_local(articles, prefilter=prefilter))
    distributed = _records(
        run_dask(articles, client=dask_client, prefilter=prefilter, chunk_size=3)
    )
    assert distributed == local
    assert len(local) == len(articles)
    assert [r.get("id") or r.get("error") for r in local] == [
        getattr(a, "id", None) or a.doc_id for a in articles
    ]
    assert sum(len(r.get("events", [])) for r in local) >= 8  # the stories do hold events


def test_each_worker_loads_the_model_once(dask_client: Any) -> None:
    list(run_dask(corpus(copies=3), client=dask_client, chunk_size=2))

    def model_loads() -> int:
        from summitry import pipeline

        return pipeline.analysis_pipeline.cache_info().misses

    assert set(dask_client.run(model_loads).values()) == {1}


def test_the_prefilter_skips_articles_without_a_trigger_word() -> None:
    results = list(run_local(corpus(copies=1), prefilter=True))
    general = [r for r in results if isinstance(r, Document) and r.id in {"story-0-3", "story-0-5"}]
    assert len(general) == 2
    assert all(r.events == () for r in general)


@pytest.mark.parametrize(
    "arguments",
    [{}, {"workers": 2, "scheduler": "tcp://127.0.0.1:8786"}, {"workers": 0}],
)
def test_run_dask_needs_exactly_one_cluster(arguments: dict) -> None:
    with pytest.raises(ValueError):
        list(run_dask([], **arguments))


def test_counted_tallies_articles_events_and_failures() -> None:
    counts = RunCounts()
    results = list(counted(run_local(corpus(copies=1)), counts))
    assert counts.articles == len(results) == 9
    assert counts.failures == 1
    assert counts.events == sum(len(r.events) for r in results if isinstance(r, Document))


def test_unstored_skips_what_an_earlier_run_stored(tmp_path: Any) -> None:
    from summitry.store import open_store

    articles = corpus(copies=1)
    with open_store(tmp_path / "calendar.db") as store:
        first = [r for r in run_local(articles[:3]) if isinstance(r, Document)]
        for document in first:
            store.ingest(document)
        left = list(unstored(articles, store))
    ids = [getattr(a, "id", None) or a.doc_id for a in left]
    assert ids == [f"story-0-{n}" for n in range(3, 8)] + ["broken-0"]


def test_the_local_cluster_s_workers_do_not_sample_their_stacks() -> None:
    import dask
    from distributed import Client

    from summitry.batch.cluster import local_cluster

    with local_cluster(1) as cluster, Client(cluster) as client:
        enabled = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert set(enabled.values()) == {False}


def test_the_local_cluster_s_workers_keep_glibc_s_own_trim_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dask's MALLOC_TRIM_THRESHOLD_ made every large parser array a fresh mmap; an earlier
    cluster's nannies leave it in this process's environment, so set it here too."""
    import os

    from distributed import Client

    from summitry.batch.cluster import local_cluster

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with local_cluster(1) as cluster, Client(cluster) as client:
        threshold = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert set(threshold.values()) == {None}
    assert os.environ["MALLOC_TRIM_THRESHOLD_"] == "65536"


class _CountingClient:
    """A stand-in for `distributed.Client` that runs tasks at once and counts how many
    chunks were on the 'cluster' (submitted, result not yet taken) at the same time."""

    def __init__(self, workers: int) -> None:
        self.workers = {f"tcp://w{n}": {} for n in range(workers)}
        self.waiting = 0
        self.most_waiting = 0

    def scheduler_info(self) -> dict:
        return {"workers": self.workers}

    def register_plugin(self, plugin: Any, name: str) -> None:
        pass

    def submit(self, task: Any, chunk: list, pure: bool) -> Any:
        client = self
        client.waiting += 1
        client.most_waiting = max(client.most_waiting, client.waiting)

        class Future:
            def result(self) -> Any:
                client.waiting -= 1
                return [_done(article) for article in chunk]

            def release(self) -> None:
                pass

        return Future()


def _done(article: Any) -> Document:
    from summitry.pipeline import _without_events

    return _without_events(article)


def test_run_dask_keeps_four_chunks_a_worker_on_the_cluster() -> None:
    """The oldest chunk holds the others' results back: two a worker left workers idle."""
    from summitry.model import Article

    articles = [a for a in corpus(copies=6) if isinstance(a, Article)]
    client = _CountingClient(workers=2)
    results = list(run_dask(articles, client=client, chunk_size=2))
    assert [r.id for r in results] == [a.id for a in articles]
    assert client.most_waiting == 8
