"""The FastAPI application: JSON API, iCal feed and web calendar over one store.

    create_app(store)        serve an open `Store` (the caller closes it)
    app_for_db(db)           open the store at `db` (`--db`, then $SUMMITRY_DB,
                             then summitry.db) and close it on shutdown

Errors become answers, not tracebacks: a `StoreError` is a 503, a missing
page a 404; under /api they are JSON (`{"detail": ...}`), elsewhere a small
HTML page.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import summitry
from summitry.api.cache import ResponseCache
from summitry.api.feeds import router as feed_router
from summitry.api.headers import SecurityHeaders
from summitry.api.replay import ReplayKeptAnswers
from summitry.api.routes import router as api_router
from summitry.api.settings import ApiSettings
from summitry.errors import StoreError
from summitry.nlp.gazetteer import gazetteer
from summitry.store import Store, open_store
from summitry.web import STATIC_DIR
from summitry.web.pages import render_error
from summitry.web.pages import router as page_router

ROUTE_THREADS = 2
"""Threads running the synchronous routes at once, per process (anyio's default: 40).

Decoding and rendering hold the GIL; forty threads doing it at once mostly
wait for it, and so does the event loop that reads requests and replays
cached answers: a burst of uncached iCal feeds (50 clients, two processes)
was served at 10 a second with 40 threads each, 39 with two. Requests past
the limit wait in the event loop, holding no thread.
"""


def create_app(
    store: Store,
    settings: ApiSettings | None = None,
    *,
    today: Callable[[], dt.date] = dt.date.today,
    close_store: bool = False,
) -> FastAPI:
    """The application serving `store`.

    `settings` default to `ApiSettings.from_env()` (the token from
    `SUMMITRY_TOKEN`). `today` decides what "upcoming" means on the web
    pages. With `close_store`, the store is closed when the app shuts down.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the country names behind `country=`, loaded now rather than by the first request
        gazetteer()
        to_thread.current_default_thread_limiter().total_tokens = ROUTE_THREADS
        try:
            yield
        finally:
            if close_store:
                store.close()

    app = FastAPI(
        title="summitry",
        version=summitry.__version__,
        description="A source-attributed calendar of diplomatic engagements, read from the news.",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(_refuse_nul)],
    )
    app.state.store = store
    app.state.settings = settings or ApiSettings.from_env()
    app.state.today = today
    app.state.response_cache = ResponseCache()

    app.include_router(api_router)
    app.include_router(feed_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    app.add_middleware(ReplayKeptAnswers)
    app.add_middleware(SecurityHeaders)  # outermost: replayed answers get the headers too
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    return app


def app_for_db(
    db: str | os.PathLike[str] | None = None, settings: ApiSettings | None = None
) -> FastAPI:
    """Open the store at `db` and serve it; the store closes with the app."""
    return create_app(open_store(db), settings, close_store=True)


async def _refuse_nul(request: Request) -> None:  # async: no thread hop for a check
    """A NUL character in the path or query is a 400: PostgreSQL cannot hold one in text."""
    params = request.query_params.multi_items()
    if "\x00" in request.url.path or any("\x00" in k + v for k, v in params):
        raise HTTPException(400, "NUL characters are not allowed in the path or query")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.endswith(".ics")


async def _store_error(request: Request, exc: Exception) -> Response:
    message = f"the event store is not available: {exc}"
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=503)
    return render_error(request, 503, message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    return render_error(request, exc.status_code, str(exc.detail), headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if _wants_json(request):
        return JSONResponse({"detail": _plain(errors)}, status_code=422)
    message = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in errors
    )
    return render_error(request, 422, message or "invalid request")


def _plain(errors: object) -> object:
    """Validation errors without exception objects (which JSON cannot hold)."""
    if isinstance(errors, list | tuple):
        return [_plain(e) for e in errors]
    if isinstance(errors, dict):
        return {k: _plain(v) for k, v in errors.items() if k not in ("ctx", "url")}
    return errors
