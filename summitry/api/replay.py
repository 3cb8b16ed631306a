"""Replaying kept answers to repeated feed and event-list requests, before routing.

`GET /api/events` and `GET /calendar.ics` give the same answer to the same
request for as long as the store version stays (see `cache.py`). Routing,
solving the dependencies and validating the query cost FastAPI about a
millisecond of CPU per request, more than the rest of a repeated request, so
this middleware keeps each 200 answer under its exact request (path, query
string, host) and the version read before it was computed, and replays it
while a fresh read of the version (one SELECT, `Store.version`) still gives
that version. Anything else (other paths, `If-None-Match`, errors) goes
through the app unchanged.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summitry.api.cache import CACHE_BYTES
from summitry.errors import StoreError

REPLAYED_PATHS = frozenset({"/api/events", "/calendar.ics"})

_RequestKey = tuple[str, str, bytes, bytes, str]


@dataclass(frozen=True)
class KeptAnswer:
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ReplayKeptAnswers:
    """ASGI middleware; the app's `state.store` says which version an answer belongs to."""

    def __init__(self, app: ASGIApp, max_bytes: int = CACHE_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._version: int | None = None  # the version every kept answer belongs to
        self._answers: OrderedDict[_RequestKey, KeptAnswer] = OrderedDict()
        self._size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] not in REPLAYED_PATHS
            or any(name == b"if-none-match" for name, _ in scope["headers"])
        ):
            await self.app(scope, receive, send)
            return
        try:
            version = scope["app"].state.store.version()
        except StoreError:
            await self.app(scope, receive, send)  # the route answers 503
            return
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._version:
            self._forget_all(version)
        key = _request_key(scope)
        kept = self._answers.get(key)
        if kept is not None:
            self._answers.move_to_end(key)
            await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
            await send({"type": "http.response.body", "body": kept.body})
            return
        await self.app(scope, receive, self._keeping(key, version, send))

    def _keeping(self, key: _RequestKey, version: int, send: Send) -> Send:
        """`send`, also keeping a 200 answer (as computed at `version` or later)."""
        headers: list[tuple[bytes, bytes]] | None = None
        chunks: list[bytes] = []

        async def send_and_keep(message: Message) -> None:
            nonlocal headers
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body" and headers is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, version, KeptAnswer(tuple(headers), b"".join(chunks)))
            await send(message)

        return send_and_keep

    def _keep(self, key: _RequestKey, version: int, answer: KeptAnswer) -> None:
        # Computed after `version` was read, so at it or at a later version; if later,
        # every later read differs from `version` too, and it is never replayed.
        if version != self._version or len(answer.body) > self.max_bytes or key in self._answers:
            return
        self._answers[key] = answer
        self._size += len(answer.body)
        while self._size > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self._size -= len(dropped.body)

    def _forget_all(self, version: int) -> None:
        self._version = version
        self._answers.clear()
        self._size = 0


def _request_key(scope: Scope) -> _RequestKey:
    """What the answer depends on: the query, and the host and scheme links are made of."""
    host = next((value for name, value in scope["headers"] if name == b"host"), b"")
    return (scope["path"], scope.get("scheme", "http"), scope["query_string"], host, _root(scope))


def _root(scope: Scope) -> str:
    return str(scope.get("root_path", ""))
