"""From an `Article` to a `Document` with events: the stages chained.

    Article (ingest) -> spaCy Doc (nlp) -> time expressions (timex)
        -> event frames (events) -> Document

`extract_many` loads the model once and batches with `nlp.pipe`; a document
that fails is yielded as its `InputError`, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache, partial
from itertools import islice
from typing import TYPE_CHECKING

from summitry import ingest, timex
from summitry.deadline import call_with_limit
from summitry.errors import ExtractionError, InputError
from summitry.events.frames import ArticleContext, extract_events
from summitry.model import Article, Document, Event, Span
from summitry.nlp.loading import load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def analysis_pipeline() -> Language:
    """The spaCy model with our components, loaded once per process."""
    from summitry.nlp.array_ruler import use_array_attribute_ruler
    from summitry.nlp.components import add_components
    from summitry.nlp.loading import use_array_lemmatizer

    nlp = load_model()
    use_array_attribute_ruler(nlp)
    use_array_lemmatizer(nlp)
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
    articles: Iterable[Article | InputError],
    *,
    batch_size: int = 16,
    prefilter: bool = False,
    timeout: float | None = None,
) -> Iterator[Document | InputError]:
    """Extract every article in order; failures come back as `InputError`s.

    With `prefilter`, the keyword pre-filter (`summitry.events.prefilter`) runs
    first: an article with no trigger word is not parsed (its `Document` has no
    events), and in the others only the sentences that may hold an engagement,
    with their context, are parsed; the rest is blanked to spaces.

    `timeout`: seconds an article's time and event stages may take
    (`summitry.deadline`); past it, the article is an `ExtractionError`
    ("timed out after ...") and the next one is done.
    """
    nlp = analysis_pipeline()
    iterator = iter(articles)
    while True:
        batch = list(islice(iterator, batch_size))
        if not batch:
            return
        # None: parse the whole text; []: skip the article; else: parse only these spans
        kept = [
            _kept_spans(a.text) if prefilter and isinstance(a, Article) else None for a in batch
        ]
        texts = [
            parse_text(a, spans)
            for a, spans in zip(batch, kept, strict=True)
            if isinstance(a, Article) and spans != []
        ]
        docs = iter(nlp.pipe(texts, batch_size=batch_size))
        for item, spans in zip(batch, kept, strict=True):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                if spans == []:
                    yield _without_events(item)
                    continue
                doc = next(docs)  # parsed with its batch, outside the article's time limit
                yield call_with_limit(
                    timeout, item.id, partial(document_from, item, doc, keep=spans)
                )
            except InputError as exc:
                yield exc
            except Exception as exc:  # a bug on one article must not sink the batch
                yield ExtractionError(item.id, f"extraction failed: {type(exc).__name__}: {exc}")


def _kept_spans(text: str) -> list[tuple[int, int]]:
    """The spans to parse; [] when the article cannot hold an engagement."""
    from summitry.events import prefilter

    if not prefilter.might_hold_engagement(text):
        return []
    return prefilter.kept_spans(text)


def parse_text(article: Article, keep: list[tuple[int, int]] | None = None) -> str:
    """The text the parser sees: page chrome, the dateline and what the pre-filter drops blanked.

    Blanking (not cutting) keeps every character offset valid, and the parser
    no longer reads "SEOUL, March 7 (Yonhap) --" as the subject of the lead.
    """
    text = article.text
    if keep is not None:
        from summitry.events.prefilter import blank_outside

        text = blank_outside(text, keep)
    body = [(article.body.start, article.body.end)]
    if article.dateline is not None:
        # what stands before a dateline is a slug, headline and byline, not the story
        body = [(article.dateline.span.end, article.body.end)]
    chars = [c if c == "\n" else " " for c in text]
    for start, end in body:
        chars[start:end] = text[start:end]
    return _LINE_WRAP.sub(" ", "".join(chars))


# A newline between two words is a wire's line wrap, not a break: the parser
# reads "parties\nhave agreed" badly. Paragraph breaks (blank line, indent) stay.
_LINE_WRAP = re.compile(r"(?<=\S)\n(?=\S)")


def _with_original_text(
    event: Event,
    text: str,
    story_start: int = 0,
    keep: list[tuple[int, int]] | None = None,
) -> Event:
    """Evidence quoted from the article itself (not the blanked parse text), from the
    story's first character on: a headline or dateline blanked for the parser is no evidence.
    With the pre-filter's `keep`, evidence is the longest kept piece of its sentence: the
    parser reads blanked sentences as space within the sentence around them."""
    evidence = []
    for s in event.evidence:
        start, end = max(s.start, story_start), s.end
        if keep is not None:
            pieces = [(max(b, start), min(e, end)) for b, e in keep if b < end and e > start]
            if pieces:
                start, end = max(pieces, key=lambda p: p[1] - p[0])
        if start < end:
            evidence.append(Span(start, end, text[start:end]).strip_edges())
    return replace(event, evidence=tuple(evidence))


def _without_events(article: Article) -> Document:
    """The document of an article the pre-filter skipped: no trigger word, so no event."""
    return _document(article, ())


def document_from(
    article: Article, doc: Doc, *, keep: list[tuple[int, int]] | None = None
) -> Document:
    """Run the time and event stages on an analysed article.

    `keep`: the character spans the pre-filter let through (`doc` was parsed
    from the text blanked outside them); time expressions outside are dropped.
    """
    body = article.body
    # page chrome ("Updated 2026-05-18 | Share") dates the page, not an event
    # the dateline's date is the reference day itself, not an event's
    story_start = article.dateline.span.end if article.dateline else body.start
    # A time expression is read from what comes before it (its anchor, its tense), so
    # after the last sentence the pre-filter kept there is nothing left to read.
    text = article.text if keep is None else article.text[: keep[-1][1] if keep else 0]
    timexes = [
        t
        for t in timex.annotate(text, article.reference_day)
        if story_start <= t.start and t.end <= body.end
    ]
    if keep is not None:
        from summitry.events.prefilter import within

        timexes = [t for t in timexes if within(keep, t.start, t.end)]
    dateline = article.dateline
    context = ArticleContext(
        reference_day=article.reference_day,
        dateline_place=dateline.place if dateline else None,
        agency=dateline.agency if dateline else None,
        publisher=article.publisher,
        body=(article.body.start, article.body.end),
    )
    events = [
        _with_original_text(e, article.text, story_start, keep)
        for e in extract_events(doc, timexes, context)
    ]
    return _document(article, tuple(events))


def _document(article: Article, events: tuple[Event, ...]) -> Document:
    return Document(
        id=article.id,
        text=article.text,
        events=events,
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
