"""`summitry serve` as a user runs it, and how the app answers when the store fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from anyio import to_thread
from api.sample_calendar import fill
from fastapi.testclient import TestClient
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from summitry.api import ApiSettings, BackgroundServer, create_app, free_port
from summitry.api.app import ROUTE_THREADS
from summitry.api.server import NoDelayHTTPProtocol
from summitry.errors import StoreError
from summitry.store import open_store


def test_serve_reads_the_store_and_token_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    with open_store(db) as store:
        fill(store)
    port = free_port()
    env = {**os.environ, "SUMMITRY_DB": str(db), "SUMMITRY_TOKEN": "env-token"}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "summitry", "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{url}/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert health.json() == {"status": "ok", "writes_enabled": True}
        assert httpx.get(f"{url}/api/events").json()["total"] == 6
        authorised = httpx.post(
            f"{url}/api/documents", json={}, headers={"Authorization": "Bearer env-token"}
        )
        assert authorised.status_code == 422  # past the token check; the body lacks "text"
    finally:
        process.terminate()
        process.wait(timeout=10)
    output = log.read_text()
    assert f"http://127.0.0.1:{port}/" in output
    assert "writes enabled" in output


class BrokenStore:
    """A store whose database has gone away."""

    def __getattr__(self, name: str) -> object:
        def fail(*args: object, **kwargs: object) -> None:
            raise StoreError("could not connect to server: Connection refused")

        return fail


def test_store_failures_are_503_not_tracebacks() -> None:
    app = create_app(BrokenStore(), ApiSettings(token=None))  # type: ignore[arg-type]
    with BackgroundServer(app) as server, httpx.Client(base_url=server.url) as client:
        api = client.get("/api/events")
        assert api.status_code == 503
        assert "Connection refused" in api.json()["detail"]
        assert client.get("/calendar.ics").status_code == 503
        page = client.get("/calendar")
        assert page.status_code == 503
        assert page.headers["content-type"].startswith("text/html")
        assert "not available" in page.text


def test_served_connections_send_small_segments_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Accepted from a socket bound without `proto` (uvicorn's, for several workers), a
    connection would keep Nagle's algorithm, and each answer would wait on a delayed ACK."""
    monkeypatch.setattr(AutoHTTPProtocol, "connection_made", lambda self, transport: None)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # proto 0, as uvicorn binds
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    with listener, socket.create_connection(listener.getsockname()):
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0

            class Transport:
                def get_extra_info(self, name: str) -> object:
                    return accepted if name == "socket" else None

            protocol = NoDelayHTTPProtocol.__new__(NoDelayHTTPProtocol)
            protocol.connection_made(Transport())
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_the_app_runs_few_route_threads_at_once(tmp_path: Path) -> None:
    """Past a couple of threads, CPU-bound answers only wait for the GIL (see ROUTE_THREADS)."""
    with open_store(tmp_path / "threads.db") as store, TestClient(create_app(store)) as client:
        tokens = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
        assert tokens == ROUTE_THREADS
        assert client.get("/api/events").status_code == 200
