"""The JSON API under /api: events, actors, documents, and ingesting one article.

    GET  /api/events             filtered, paged, sorted by date
    GET  /api/events/{id}        participants, place, time, status history, every mention
    GET  /api/actors             canonical participants, most events first
    GET  /api/documents          stored articles, newest first
    GET  /api/documents/{id}     one article: metadata, text, events
    POST /api/documents          ingest one article (bearer token; size limit)
    GET  /api/health             liveness and the store's URL scheme

Routes are plain `def`s: FastAPI runs them in its thread pool, so a slow
query or an extraction does not block the event loop.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError

from summitry.api import payloads
from summitry.api.auth import read_limited_body, require_token
from summitry.api.cache import ResponseCache, version_tag
from summitry.api.filters import MAX_PAGE, MAX_TEXT, EventFilters, event_filters
from summitry.errors import ExtractionError, InputError, ModelError
from summitry.model import Article, Document
from summitry.store import IngestOutcome, Store
from summitry.store.listing import dumps


class ErrorOut(BaseModel):
    """An error answer: a message, or the list of validation errors."""

    detail: str | list[dict[str, Any]]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A NUL character in the path or query."},
    404: {"model": ErrorOut, "description": "No such item."},
    422: {"model": ErrorOut, "description": "A parameter or the body is not valid."},
}
"""Documented on every route: the app's own 422s carry a message, FastAPI's a list."""

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
Offset = Annotated[
    int, Query(ge=0, le=2**62, description="How many matching items to skip.")
]  # bounded: SQLite and PostgreSQL take a 64-bit OFFSET


async def get_store(request: Request) -> Store:  # async: FastAPI runs it without a thread
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(get_store)]
FiltersDep = Annotated[EventFilters, Depends(event_filters)]


@router.get("/health", summary="Liveness check")
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "writes_enabled": request.app.state.settings.writes_enabled}


@router.get(
    "/events",
    summary="List calendar events",
    response_model=dict[str, Any],
    responses={304: {"description": "Not modified since the answer with that ETag."}},
)
def list_events(
    request: Request, store: StoreDep, filters: FiltersDep, limit: Limit = 100, offset: Offset = 0
) -> Response:
    """Events matching the filters, sorted by start day (undated last), then id.

    Each event is a GOLD_FORMAT record plus `id`, `title`, `start`, `end`,
    `history`, `mention_count`, `sources` and `links`. The answer carries an
    ETag: the same request gets a 304 with `If-None-Match` (and the server
    reuses the body it sent) until the calendar changes.
    """
    version = store.version()
    if version is None:
        return Response(_events_body(store, filters, limit, offset), media_type="application/json")
    etag = version_tag(version, "api/events", filters.query_string(limit=limit, offset=offset))
    headers = {"ETag": etag}
    if etag in if_none_match(request):
        return Response(status_code=304, headers=headers)
    cache: ResponseCache = request.app.state.response_cache
    body = cache.get(etag)
    if body is None:
        body = _events_body(store, filters, limit, offset)
        cache.put(etag, body)
    return Response(body, media_type="application/json", headers=headers)


def _events_body(store: Store, filters: EventFilters, limit: int, offset: int) -> bytes:
    """The page as JSON, byte for byte what `JSONResponse` would write for the same dict.

    Each event's listing is stored as JSON (`summitry.store.listing`): it is
    copied in with its links appended, never decoded and encoded again.
    """
    page = store.list_event_listings(filters.to_query(limit=limit, offset=offset))
    following = offset + len(page.ids)
    head = dumps(
        {
            "total": page.total,
            "limit": limit,
            "offset": offset,
            "next": f"/api/events{filters.query_string(limit=limit, offset=following)}"
            if following < page.total
            else None,
            "events": [],
        }
    )
    listed = ",".join(
        # `{...}` + links: the key `event_summary` adds last
        f'{text[:-1]},"links":{dumps(payloads.event_links(event_id))}}}'
        for event_id, text in zip(page.ids, page.listings, strict=True)
    )
    return f"{head[:-2]}{listed}]}}".encode()  # head ends with `"events":[]}`


def if_none_match(request: Request) -> set[str]:
    """The ETags of an `If-None-Match` header (weak ones compared as strong)."""
    value = request.headers.get("if-none-match", "")
    return {tag.strip().removeprefix("W/") for tag in value.split(",") if tag.strip()}


@router.get("/events/{event_id}", summary="One calendar event with its evidence")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return payloads.event_detail(event)


@router.get("/actors", summary="List participants")
def list_actors(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of a name.")] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166 alpha-3 code or country name.")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    filters = event_filters(country=country) if country else EventFilters()
    actors = store.list_actors(text=q or None, country=filters.country, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "actors": [payloads.actor_record(a) for a in actors]}


@router.get("/documents", summary="List stored articles")
def list_documents(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    documents = store.list_documents(limit=limit, offset=offset)
    return {
        "limit": limit,
        "offset": offset,
        "documents": [payloads.document_summary_record(d) for d in documents],
    }


@router.get("/documents/{document_id}", summary="One stored article")
def get_document(document_id: str, store: StoreDep) -> dict[str, Any]:
    stored = store.get_document(document_id)
    if stored is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return payloads.document_record(stored)


class ArticleIn(BaseModel):
    """One article to ingest, as JSON."""

    text: str = Field(description="The article text (plain text or HTML).")
    dct: str | None = Field(None, description="Publication day, YYYY-MM-DD.")
    id: str | None = Field(None, description="Document id; default: a hash of the text.")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="Where the article came from (free text).")


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/documents",
    summary="Ingest one article",
    dependencies=[Depends(require_token)],
    openapi_extra=_INGEST_BODY,
    status_code=201,
    responses={
        200: {"description": "The article was already stored (unchanged or updated)."},
        401: {"description": "No or wrong bearer token."},
        403: {"description": "Writes are disabled (no SUMMITRY_TOKEN on the server)."},
        413: {"description": "The body is over the size limit."},
        422: {"description": "The article cannot be read."},
        503: {"description": "The extraction model is not available."},
    },
)
async def ingest_document(
    request: Request,
    response: Response,
    store: StoreDep,
    dct: Annotated[str | None, Query(description="Publication day, for a raw body.")] = None,
    id: Annotated[str | None, Query(description="Document id, for a raw body.")] = None,
    title: Annotated[str | None, Query(description="Title, for a raw body.")] = None,
    url: Annotated[str | None, Query(description="Source address, for a raw body.")] = None,
) -> dict[str, Any]:
    """Extract the engagements an article reports and merge them into the calendar.

    Send JSON (`{"text": ..., "dct": "2025-01-03", "url": ...}`) or the raw
    article as `text/plain` or `text/html` with metadata in the query string.
    Answers 201 for a new article, 200 for one already stored.
    """
    body = await read_limited_body(request)
    max_bytes = request.app.state.settings.max_body_bytes
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            article_in = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            raise HTTPException(
                422, exc.errors(include_url=False, include_context=False, include_input=False)
            ) from None
    else:
        article_in = None
    doc_id = (article_in.id if article_in else id) or _default_id(body)
    document = await run_in_threadpool(
        _extract,
        body,
        article_in,
        doc_id,
        dct=dct,
        title=title,
        url=url,
        max_bytes=max_bytes,
        html=content_type == "text/html" or None,
    )
    if isinstance(document, InputError):
        await run_in_threadpool(store.record_error, document.doc_id, document.reason, source="api")
        # an extractor failure is ours to fix, not the client's
        raise HTTPException(500 if isinstance(document, ExtractionError) else 422, document.reason)
    result = await run_in_threadpool(store.ingest, document)
    if result.outcome is not IngestOutcome.ADDED:
        response.status_code = 200
    response.headers["Location"] = f"/api/documents/{quote(result.document_id, safe='')}"
    return payloads.ingest_record(result)


def _default_id(body: bytes) -> str:
    return "api-" + hashlib.sha256(body).hexdigest()[:16]


def _extract(
    body: bytes,
    article_in: ArticleIn | None,
    doc_id: str,
    *,
    dct: str | None,
    title: str | None,
    url: str | None,
    max_bytes: int,
    html: bool | None,
) -> Document | InputError:
    """Load and extract one article; an unreadable one comes back as its `InputError`."""
    from summitry import ingest
    from summitry.pipeline import extract_many

    try:
        article: Article
        if article_in is not None:
            options: dict[str, Any] = {
                "dct": article_in.dct,
                "title": article_in.title,
                "url": article_in.url,
                "source": article_in.source or "api",
                "max_bytes": max_bytes,
            }
            if ingest.looks_like_html(article_in.text):
                article = ingest.read_html(article_in.text, doc_id, **options)
            else:
                article = ingest.read_text(article_in.text, doc_id, **options)
        else:
            article = ingest.read_bytes(
                body,
                doc_id,
                dct=dct,
                title=title,
                url=url,
                source="api",
                html=html,
                max_bytes=max_bytes,
            )
        return next(extract_many([article]))
    except InputError as exc:
        return exc
    except (ModelError, NotImplementedError, ImportError) as exc:
        raise HTTPException(503, f"extraction is not available: {exc}") from None
