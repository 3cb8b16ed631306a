"""Answers kept until the calendar changes: keyed by the store's version.

`Store.version()` changes with every write to the calendar (a trigger on the
events table bumps it, whatever process writes), so an answer computed at
one version is the answer to the same request for as long as the version
stays. `version_tag` makes the key (also the ETag); `ResponseCache` keeps
recent answers, per server process, bounded in bytes.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

CACHE_BYTES = 32 * 1024 * 1024  # answers kept per server process


def version_tag(version: int, *request: object) -> str:
    """An ETag (quoted) for the answer to `request` at store `version`."""
    key = "\n".join(map(str, (version, *request)))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


class ResponseCache:
    """Answer bodies by tag, least recently used forgotten first past `max_bytes`."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, tag: str) -> bytes | None:
        with self._lock:
            body = self._bodies.get(tag)
            if body is not None:
                self._bodies.move_to_end(tag)
            return body

    def put(self, tag: str, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if tag in self._bodies:
                return
            self._bodies[tag] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)
