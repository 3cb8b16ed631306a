"""The HTTP face of the calendar: a JSON API, an iCal feed and the web pages.

    Store -> create_app(store) -> FastAPI app -> uvicorn (`serve`, `summitry serve`)

    /api/...        JSON (OpenAPI docs at /api/docs)       routes.py, payloads.py
    /calendar.ics   RFC 5545 feed                          feeds.py (summitry.export.ical)
    /, /calendar, /events/{id}, /countries/{code}, /actors/{key}
                    server-rendered pages                  summitry.web

Filters are shared by all three (filters.py); the write route's guards are
in auth.py; settings (token, limits) in settings.py.
"""

from summitry.api.app import app_for_db, create_app
from summitry.api.server import BackgroundServer, free_port, serve
from summitry.api.settings import TOKEN_ENV_VAR, ApiSettings

__all__ = [
    "TOKEN_ENV_VAR",
    "ApiSettings",
    "BackgroundServer",
    "app_for_db",
    "create_app",
    "free_port",
    "serve",
]
