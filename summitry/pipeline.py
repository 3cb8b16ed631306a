"""From an `Article` to a `Document` with events: the stages chained.

    Article (ingest) -> spaCy Doc (nlp) -> time expressions (timex)
        -> event frames (events) -> Document

`extract_many` loads the model once and batches with `nlp.pipe`; a document
that fails is yielded as its `InputError`, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from summitry.errors import InputError
from summitry.model import Article, Document


def extract(
    text: str,
    dct: dt.date | str | None = None,
    *,
    doc_id: str = "document",
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Extract the diplomatic engagements that `text` reports."""
    raise NotImplementedError


def extract_many(
    articles: Iterable[Article | InputError], *, batch_size: int = 16
) -> Iterator[Document | InputError]:
    """Extract every article in order; failures come back as `InputError`s."""
    raise NotImplementedError
