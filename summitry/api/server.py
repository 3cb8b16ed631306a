"""Running the app: in the foreground for `summitry serve`, or in a background thread.

`serve` binds 127.0.0.1 unless told otherwise: the calendar is private until
its owner decides to expose it (and sets `SUMMITRY_TOKEN` before allowing
writes).
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from summitry.api.app import app_for_db
from summitry.api.settings import DEFAULT_HOST, DEFAULT_PORT, ApiSettings
from summitry.store import DB_ENV_VAR, open_store


def serve(
    db: str | os.PathLike[str] | None = None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    settings: ApiSettings | None = None,
    log_level: str = "info",
    workers: int = 1,
) -> None:
    """Serve the store at `db` until interrupted (blocks).

    With `workers` > 1, uvicorn runs that many processes, each with its own
    app and store (a query runs on one CPU; more processes use more). The
    store is migrated here, once, before they start; each process then
    builds its app with `app_from_env`, so `settings` must be the ones
    `ApiSettings.from_env()` gives (as for `summitry serve`) and `db` is
    handed over in `$SUMMITRY_DB`.
    """
    if workers <= 1:
        app = app_for_db(db, settings)
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level=log_level,
            server_header=False,
            http=NoDelayHTTPProtocol,
        )
        return
    if settings is not None and settings != ApiSettings.from_env():
        raise ValueError("several workers read their settings from the environment")
    open_store(db).close()  # migrate once, not in every worker at the same time
    if db is not None:
        os.environ[DB_ENV_VAR] = os.fspath(db)
    uvicorn.run(
        "summitry.api.server:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        http="summitry.api.server:NoDelayHTTPProtocol",
    )


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol, with Nagle's algorithm off on every connection.

    asyncio turns it off only on sockets whose `proto` is TCP; the listening
    socket uvicorn binds for several workers has `proto` 0, and so have the
    connections it accepts. A response then goes out as a header segment and
    a body segment, the second held back until the client acknowledges the
    first, which it delays by up to 40 ms: every answer took 40 ms or more.
    """

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]


def app_from_env() -> FastAPI:
    """The app of one worker process: the store at `$SUMMITRY_DB`, settings from the environment."""
    return app_for_db(None, ApiSettings.from_env())


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BackgroundServer:
    """An app served by uvicorn in a daemon thread, on a free port; a context manager.

    with BackgroundServer(create_app(store)) as server:
        httpx.get(server.url + "/api/events")
    """

    def __init__(self, app: FastAPI, *, host: str = DEFAULT_HOST, port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        config = uvicorn.Config(app, host=host, port=self.port, log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, name=f"summitry-{self.port}", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server on port {self.port} did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
