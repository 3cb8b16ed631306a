"""Access: every write needs the token, compared in constant time; no token, no writes; loopback.

The write routes are found by walking the app's routes, so a write endpoint
added later is covered without editing this file.
"""

from __future__ import annotations

import hmac
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hardening.conftest import TOKEN

from summitry.api import ApiSettings, BackgroundServer, create_app, serve
from summitry.api.settings import ApiSettings as Settings
from summitry.cli import build_parser
from summitry.store import Store, open_store

READ_METHODS = {"GET", "HEAD", "OPTIONS"}


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "summitry.db") as store:
        yield store


def all_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every APIRoute of the app, inside included routers too (FastAPI wraps them)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix, route
        inner = getattr(route, "original_router", None)  # FastAPI's included router
        if inner is not None:
            yield from all_routes(inner.routes, prefix)


def write_routes(store: Store) -> list[tuple[str, str]]:
    app = create_app(store, ApiSettings(token=TOKEN))
    found = [
        (method, prefix + route.path)
        for prefix, route in all_routes(app.routes)
        for method in sorted(route.methods - READ_METHODS)
    ]
    reads = [r for _, r in all_routes(app.routes) if r.methods <= READ_METHODS]
    assert len(reads) >= 10, "the walk found the read routes too"
    assert ("POST", "/api/documents") in found
    return found


def client(store: Store, token: str | None) -> TestClient:
    return TestClient(create_app(store, ApiSettings(token=token)), raise_server_exceptions=False)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Bearer {TOKEN}{TOKEN}"},
        {"Authorization": f"Bearer {TOKEN.upper()}"},
        {"Authorization": f"Token {TOKEN}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"X-Api-Key": TOKEN},
        {"Cookie": f"token={TOKEN}"},
        {"Authorization": "Bearer \u00e9t\u00e9".encode("latin-1")},  # not ASCII
    ],
    ids=lambda h: repr(h)[:40],
)
def test_every_write_route_refuses_a_missing_or_wrong_token(
    empty_store: Store, headers: dict[str, str | bytes]
) -> None:
    http = client(empty_store, TOKEN)
    for method, path in write_routes(empty_store):
        response = http.request(method, path, headers=headers, json={"text": "x"})
        assert response.status_code == 401, (method, path, headers)
        assert response.headers["www-authenticate"].startswith("Bearer")
        token_in_query = http.request(method, path, params={"token": TOKEN}, json={"text": "x"})
        assert token_in_query.status_code == 401
    assert empty_store.list_documents() == [] and empty_store.list_errors() == []


@pytest.mark.parametrize("token", [None, "", "   "])
def test_no_token_configured_means_writes_are_off(empty_store: Store, token: str | None) -> None:
    settings = Settings.from_env({"SUMMITRY_TOKEN": token} if token is not None else {})
    assert settings.token is None and not settings.writes_enabled
    http = TestClient(create_app(empty_store, settings), raise_server_exceptions=False)
    for method, path in write_routes(empty_store):
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
            response = http.request(method, path, headers=headers, json={"text": "x"})
            assert response.status_code == 403, (method, path, headers)
    assert http.get("/api/health").json()["writes_enabled"] is False


def test_tokens_are_compared_in_constant_time(
    empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    response = client(empty_store, TOKEN).post(
        "/api/documents", headers={"Authorization": "Bearer guess"}, json={"text": "x"}
    )
    assert response.status_code == 401
    assert compared == [(b"guess", TOKEN.encode())]


def test_read_routes_take_no_other_methods(empty_store: Store) -> None:
    http = client(empty_store, TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("/api/events", "/api/events/x", "/api/actors", "/calendar.ics", "/", "/calendar"):
        for method in ("PUT", "PATCH", "DELETE"):
            assert http.request(method, path, headers=auth).status_code == 405, (method, path)


def test_the_server_binds_loopback_unless_told_otherwise() -> None:
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(BackgroundServer).parameters["host"].default == "127.0.0.1"
    assert build_parser().parse_args(["serve", "--host", "0.0.0.0"]).host == "0.0.0.0"


def test_a_running_server_listens_on_loopback_only(empty_store: Store) -> None:
    import socket

    with BackgroundServer(create_app(empty_store, ApiSettings())) as server:
        assert server.host == "127.0.0.1"
        listening = [s for s in server._server.servers for s in s.sockets]
        assert listening and all(s.getsockname()[0] == "127.0.0.1" for s in listening)
        assert all(s.family == socket.AF_INET for s in listening)
