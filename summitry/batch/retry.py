"""Another try for the documents in the store's errors table.

In: a store. Out: the recorded failures' documents, read again from the
sources they were recorded with (`ErrorRecord.source`: the path given to
`summitry ingest`), as `Article`s (or `InputError`s again), in source order.

1. errors are grouped by source; a source that no longer exists gives one
   `InputError` per document;
2. each source is read again (`iter_inputs`), and only the failed documents
   are kept; a source of a whole corpus is streamed, never loaded;
3. documents stored since (a later run got them) are not tried again;
4. errors without a source (or from `summitry watch`: their id is the page URL)
   come back as the page URL's document when the id is an http(s) URL, via
   `summitry.ingest.feeds.fetch_article`, else are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from summitry.batch.inputs import iter_inputs
from summitry.errors import InputError
from summitry.model import Article

if TYPE_CHECKING:
    from summitry.store import Store


def failed_documents(
    store: Store, *, dct: dt.date | str | None = None
) -> Iterator[tuple[str | None, Iterator[Article | InputError]]]:
    """(source, its failed documents read again), source by source (see the module docstring).

    Store a retry's results with the same `source`, so that a document failing
    again is recorded against the place it comes from.
    """
    wanted: dict[str | None, set[str]] = defaultdict(set)
    for error in store.list_errors(limit=None):
        wanted[error.source].add(error.document_id)
    for source, ids in wanted.items():
        pending = {i for i in ids if store.get_document(i) is None}
        if pending:
            yield source, _again(source, pending, dct)


def _again(
    source: str | None, ids: set[str], dct: dt.date | str | None
) -> Iterator[Article | InputError]:
    if source is None or not Path(source).exists():
        yield from _urls_again(ids, source)
        return
    for item in iter_inputs([source], dct=dct):
        key = item.id if isinstance(item, Article) else item.doc_id
        if key in ids:
            yield item


def _urls_again(ids: set[str], source: str | None) -> Iterator[Article | InputError]:
    for doc_id in sorted(ids):
        if doc_id.lower().startswith(("http://", "https://")):
            from summitry.ingest.feeds import FeedEntry, fetch_article

            yield fetch_article(FeedEntry(source or "", doc_id))
        elif source is not None:
            yield InputError(doc_id, f"cannot retry: {source} no longer exists")
