"""The Dask runner: extraction on a local Dask cluster or on an existing one.

In: articles (an iterator, read as the cluster asks for more). Out: one
`Document` or `InputError` per input, in input order: the same records as
`run_local` gives.

How:

1. articles are cut into chunks of `chunk_size`; at most `in_flight` chunks
   (`CHUNKS_PER_WORKER` a worker by default) are on the cluster at once, so a
   corpus is never held in memory whole;
2. each worker loads the spaCy model once: `ModelPreload`, a worker plugin,
   loads it when the worker starts, into the per-process cache of
   `summitry.pipeline.analysis_pipeline`; the tasks find it there;
3. a chunk runs `pipeline.extract_many` on the worker, exactly as in-process;
4. results come back chunk by chunk, in order; a chunk whose worker died
   (after Dask's own retries) comes back as one `InputError` per article, so no
   article is silently lost.

Workers never write: the caller stores what comes back, so a SQLite store has
one writer. Every Dask import of summitry is in this module.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

from summitry.errors import InputError, SummitryError
from summitry.model import Article, Document

try:
    import dask
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError:  # the optional extra is missing; run_dask says how to get it
    Client = LocalCluster = None  # type: ignore[assignment,misc]
    WorkerPlugin = object  # type: ignore[assignment,misc]

DEFAULT_CHUNK_SIZE = 32
# Chunks on the cluster per worker. Results are taken in input order, so a worker
# that has done everything submitted after the oldest chunk waits for it: with 2 a
# worker, 2 workers on 800 general articles ran 16-24 s for 11.5 s of CPU each;
# with 4, 12 s. The chunks waiting are small (32 articles each).
CHUNKS_PER_WORKER = 4
PLUGIN_NAME = "summitry-model"


class DaskMissingError(SummitryError):
    """`run_dask` was called without the dask extra installed."""


@dataclass(frozen=True)
class _Failure:
    """An `InputError` on its way back from a worker (exceptions with two
    arguments do not survive pickling; this does)."""

    doc_id: str
    reason: str


class ModelPreload(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads summitry's spaCy pipeline once, when a worker starts, not per task."""

    def setup(self, worker: Any) -> None:
        from summitry import pipeline

        pipeline.analysis_pipeline()


def _extract_chunk(
    chunk: list[Article], batch_size: int, prefilter: bool, timeout: float | None = None
) -> list[Document | _Failure]:
    """The task: what `extract_many` gives for `chunk`, in this worker's cached model."""
    from summitry import pipeline

    out: list[Document | _Failure] = []
    results = pipeline.extract_many(
        chunk, batch_size=batch_size, prefilter=prefilter, timeout=timeout
    )
    for result in results:
        if isinstance(result, InputError):
            out.append(_Failure(result.doc_id, result.reason))
        else:
            out.append(result)
    return out


def run_dask(
    articles: Iterable[Article | InputError],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    batch_size: int = 16,
    prefilter: bool = False,
    timeout: float | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    in_flight: int | None = None,
) -> Iterator[Document | InputError]:
    """Extract every article on a Dask cluster; results in input order.

    The cluster is, by the one argument given:

    1. `client`: a connected `distributed.Client` (its cluster is not closed);
    2. `scheduler`: the address of an existing cluster ("tcp://HOST:PORT"),
       whose workers have summitry and its model installed;
    3. `workers`: a local cluster of that many worker processes, one thread
       each, started here and closed when the iteration ends.
    """
    given = [
        name
        for name, value in (("workers", workers), ("scheduler", scheduler), ("client", client))
        if value is not None
    ]
    if len(given) != 1:
        raise ValueError("run_dask needs exactly one of workers=, scheduler=, client=")
    if Client is None:
        raise DaskMissingError("the Dask runner needs the dask extra: pip install 'summitry[dask]'")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler is not None:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                reason = f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                raise SummitryError(reason) from None
        else:
            cluster = local_cluster(workers)
            client = Client(cluster)
    try:
        client.register_plugin(ModelPreload(), name=PLUGIN_NAME)
        workers_now = max(1, len(client.scheduler_info()["workers"]))
        width = in_flight or CHUNKS_PER_WORKER * workers_now
        task = partial(_extract_chunk, batch_size=batch_size, prefilter=prefilter, timeout=timeout)
        yield from _stream(client, iter(articles), task, chunk_size, width)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def _stream(
    client: Any,
    articles: Iterator[Article | InputError],
    task: Callable[[list[Article]], list[Document | _Failure]],
    chunk_size: int,
    in_flight: int,
) -> Iterator[Document | InputError]:
    pending: deque[tuple[list[Article | InputError], Any]] = deque()
    exhausted = False
    while True:
        while not exhausted and len(pending) < in_flight:
            chunk = list(islice(articles, chunk_size))
            if not chunk:
                exhausted = True
                break
            work = [a for a in chunk if isinstance(a, Article)]
            future = client.submit(task, work, pure=False) if work else None
            pending.append((chunk, future))
        if not pending:
            return
        chunk, future = pending.popleft()
        yield from _in_order(chunk, future)


def _in_order(chunk: list[Article | InputError], future: Any) -> Iterator[Document | InputError]:
    """The results of one chunk, with the loaders' `InputError`s back in their places."""
    results: Iterator[Document | _Failure] = iter(())
    failure: str | None = None
    if future is not None:
        try:
            results = iter(future.result())
        except Exception as exc:  # a dead worker or a lost task: report it per article
            failure = f"worker failed: {type(exc).__name__}: {exc}"
        finally:
            future.release()
    for item in chunk:
        if isinstance(item, InputError):
            yield item
        elif failure is not None:
            yield InputError(item.id, failure)
        else:
            result = next(results)
            if isinstance(result, _Failure):
                yield InputError(result.doc_id, result.reason)
            else:
                yield result


@contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A connected `distributed.Client`: to `scheduler`, or to a new local cluster of
    `workers` processes (one thread each), closed at the end of the block."""
    if Client is None:
        raise DaskMissingError("the Dask runner needs the dask extra: pip install 'summitry[dask]'")
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise SummitryError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    with local_cluster(workers or 1) as cluster, Client(cluster) as client:
        yield client


# Dask's statistical profiler samples every worker thread's stack every 10 ms and holds
# the GIL to do it: 10% of a worker's CPU on extraction, for a dashboard we never open.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}


# Dask's nannies give their workers MALLOC_TRIM_THRESHOLD_=65536, to hand freed memory
# back to the system sooner. Setting it at all turns off glibc's dynamic mmap
# threshold, so every array the parser allocates above 128 KiB is a fresh mmap,
# zero-filled page by page: 800 general articles took 1.8 million page faults and
# 3.9 s of system time in a worker instead of 62,000 and 0.5 s, and the worker used
# 26 s of CPU where the same work in-process used 23 s. Workers stay near 250 MB
# without it. A nanny also leaves it in the environment of the process that starts
# it, where the next cluster's workers would inherit it: hence both steps below.
_TRIM_THRESHOLD = "MALLOC_TRIM_THRESHOLD_"


@contextmanager
def _without_trim_threshold() -> Iterator[None]:
    """Workers started in the block get neither Dask's trim threshold nor this process's."""
    saved = os.environ.pop(_TRIM_THRESHOLD, None)
    environ = {**dask.config.get("distributed.nanny.pre-spawn-environ", {}), _TRIM_THRESHOLD: None}
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
            yield
    finally:
        os.environ.pop(_TRIM_THRESHOLD, None)
        if saved is not None:
            os.environ[_TRIM_THRESHOLD] = saved


def local_cluster(workers: int) -> Any:
    """A `LocalCluster` of `workers` processes, one thread each, on 127.0.0.1, quiet."""
    # the nannies hand the config to their workers
    with dask.config.set(QUIET_WORKERS), _without_trim_threshold():
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
