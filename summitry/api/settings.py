"""How the HTTP service is configured: the write token and the size limits.

The token comes from the `SUMMITRY_TOKEN` environment variable. Without one,
the service is read-only: `POST /api/documents` answers 403, so a server
started without thought cannot be written to by anyone who can reach it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

TOKEN_ENV_VAR = "SUMMITRY_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
"""Request bodies above 2 MB are refused with 413: a news article is far smaller."""

DEFAULT_MAX_FEED_EVENTS = 5000
"""An iCal feed holds at most this many events (the earliest first)."""


@dataclass(frozen=True)
class ApiSettings:
    """The service's settings.

    - `token`: the bearer token that `POST /api/documents` requires; None (or
      empty) disables writes.
    - `max_body_bytes`: the largest request body accepted.
    - `max_feed_events`: the largest number of events in one iCal feed.
    """

    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_feed_events: int = DEFAULT_MAX_FEED_EVENTS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        """Settings with the token read from `SUMMITRY_TOKEN` (blank means none)."""
        environ = os.environ if environ is None else environ
        token = (environ.get(TOKEN_ENV_VAR) or "").strip() or None
        return cls(token=token)

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)
