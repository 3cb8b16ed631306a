"""From an `Article` to a `Document` with events: the stages chained.

    Article (ingest) -> spaCy Doc (nlp) -> time expressions (timex)
        -> event frames (events) -> Document

`extract_many` loads the model once and batches with `nlp.pipe`; a document
that fails is yielded as its `InputError`, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from summitry import ingest, timex
from summitry.errors import InputError
from summitry.events.frames import ArticleContext, extract_events
from summitry.model import Article, Document
from summitry.nlp.loading import load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def analysis_pipeline() -> Language:
    """The spaCy model with our components, loaded once per process."""
    from summitry.nlp.components import add_components

    nlp = load_model()
    add_components(nlp)
    return nlp


def extract(
    text: str,
    dct: dt.date | str | None = None,
    *,
    doc_id: str = "document",
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Extract the diplomatic engagements that `text` reports.

    `dct` is the publication date (a date or `YYYY-MM-DD`); a dateline or page
    date in the text takes precedence as the reference day. Raises
    `InputError` for text that cannot be read.
    """
    article = ingest.read_text(text, doc_id, dct=dct, title=title, url=url, source=source)
    result = next(extract_many([article]))
    if isinstance(result, InputError):
        raise result
    return result


def extract_many(
    articles: Iterable[Article | InputError], *, batch_size: int = 16
) -> Iterator[Document | InputError]:
    """Extract every article in order; failures come back as `InputError`s."""
    nlp = analysis_pipeline()
    iterator = iter(articles)
    while True:
        batch = list(islice(iterator, batch_size))
        if not batch:
            return
        good = [a for a in batch if isinstance(a, Article)]
        docs = iter(nlp.pipe([a.text for a in good], batch_size=batch_size))
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            doc = next(docs)
            try:
                yield document_from(item, doc)
            except InputError as exc:
                yield exc
            except Exception as exc:  # a bug on one article must not sink the batch
                yield InputError(item.id, f"extraction failed: {type(exc).__name__}: {exc}")


def document_from(article: Article, doc: Doc) -> Document:
    """Run the time and event stages on an analysed article."""
    timexes = timex.annotate(article.text, article.reference_day)
    dateline = article.dateline
    context = ArticleContext(
        reference_day=article.reference_day,
        dateline_place=dateline.place if dateline else None,
        agency=dateline.agency if dateline else None,
        publisher=article.publisher,
        body=(article.body.start, article.body.end),
    )
    events = extract_events(doc, timexes, context)
    return Document(
        id=article.id,
        text=article.text,
        events=tuple(events),
        dct=article.dct,
        reference_day=article.reference_day,
        reference_source=article.reference_source,
        title=article.title,
        url=article.url,
        publisher=article.publisher,
        source=article.source,
        dateline=article.dateline,
        body=article.body,
        warnings=article.warnings,
    )
