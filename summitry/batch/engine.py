"""Choosing the engine of a run: in-process, or a Dask cluster that lives for the run.

    with extraction_engine(workers=2) as extract:
        for path in paths:
            store_them(extract(articles_of(path)))

`extract(articles)` gives one `Document | InputError` per article, in order,
whatever the engine; with Dask, one cluster serves every call of the block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from summitry.batch.local import run_local
from summitry.errors import InputError
from summitry.model import Article, Document

Extract = Callable[[Iterable[Article | InputError]], Iterator[Document | InputError]]


@contextmanager
def extraction_engine(
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int = 16,
    prefilter: bool = False,
    timeout: float | None = None,
) -> Iterator[Extract]:
    """In-process without `workers` and `scheduler`; else on Dask (`summitry.batch.run_dask`)."""
    if workers is None and scheduler is None:
        yield lambda articles: run_local(
            articles, batch_size=batch_size, prefilter=prefilter, timeout=timeout
        )
        return
    from summitry.batch.cluster import dask_client, run_dask

    with dask_client(workers=workers, scheduler=scheduler) as client:
        yield lambda articles: run_dask(
            articles, client=client, batch_size=batch_size, prefilter=prefilter, timeout=timeout
        )
