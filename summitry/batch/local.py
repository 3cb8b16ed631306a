"""The in-process runner, and the resume filter shared by every runner.

In: articles (and the `InputError`s of documents that could not be read).
Out: one `Document` or `InputError` per input, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from summitry.errors import InputError
from summitry.model import Article, Document

if TYPE_CHECKING:
    from summitry.store import Store


def run_local(
    articles: Iterable[Article | InputError],
    *,
    batch_size: int = 16,
    prefilter: bool = False,
    timeout: float | None = None,
) -> Iterator[Document | InputError]:
    """Extract every article in this process: one model, `nlp.pipe` batches of `batch_size`.

    `prefilter` skips articles and sentences without a trigger word before
    parsing (`summitry.events.prefilter`); `timeout` limits each article's own
    stages (`summitry.deadline`).
    """
    from summitry import pipeline

    return pipeline.extract_many(
        articles, batch_size=batch_size, prefilter=prefilter, timeout=timeout
    )


def unstored(
    articles: Iterable[Article | InputError],
    store: Store,
    *,
    on_skip: Callable[[Article], None] | None = None,
) -> Iterator[Article | InputError]:
    """The articles `store` does not already hold with the same text; errors pass through.

    A run killed half-way stored each finished article together with its
    events (one transaction per document, `Store.ingest`), so the finished
    ones are skipped here and the rest is done: nothing is missing, nothing is
    done twice. An article whose text changed since is not skipped: storing it
    replaces the old version. Nor is it re-extracted when the extractor
    improved: skipping is for resuming, not for refreshing. `on_skip` hears of
    each article skipped.
    """
    for item in articles:
        if isinstance(item, Article):
            stored = store.get_document(item.id)
            if stored is not None and stored.document.text == item.text:
                if on_skip is not None:
                    on_skip(item)
                continue
        yield item
