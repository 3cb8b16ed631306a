"""Runners: extraction over a whole corpus, in this process or on a Dask cluster.

    articles (an iterator: read lazily, never whole)
      -> run_local(articles)                  in-process, nlp.pipe batching
      -> run_dask(articles, workers=N)        a local Dask cluster of N worker processes
      -> run_dask(articles, scheduler=URL)    an existing Dask cluster
      -> Document | InputError, one per article, in input order

Both runners give the same records for the same input (the model and the code
are the same; only where they run differs). They never write: the caller
stores what they yield, one writer for SQLite (`summitry.store.ingest_results`);
`unstored(articles, store)` drops articles a previous, interrupted run already
stored, so running the same command again finishes a corpus without doing the
stored part twice.

Dask is an optional extra (``pip install summitry[dask]``) and is imported only
in `summitry.batch.cluster`, only when `run_dask` is called.
"""

from summitry.batch.engine import extraction_engine
from summitry.batch.inputs import iter_inputs
from summitry.batch.local import run_local, unstored
from summitry.batch.progress import RunCounts

__all__ = [
    "RunCounts",
    "extraction_engine",
    "iter_inputs",
    "run_dask",
    "run_local",
    "unstored",
]


def __getattr__(name: str) -> object:
    # run_dask lives beside the Dask imports; importing summitry.batch must not need Dask.
    if name == "run_dask":
        from summitry.batch.cluster import run_dask

        return run_dask
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
