"""Replayed answers (`summitry.api.replay`): same bytes as the app's, never across a write."""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa

from summitry.api.cache import ResponseCache
from summitry.errors import StoreError
from summitry.store import Store
from summitry.store.schema import events


@pytest.fixture
def routed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tags the routes looked up: each request that reached a route adds one."""
    looked_up: list[str] = []
    original = ResponseCache.get

    def spying(self: ResponseCache, tag: str) -> bytes | None:
        looked_up.append(tag)
        return original(self, tag)

    monkeypatch.setattr(ResponseCache, "get", spying)
    return looked_up


def test_a_repeated_request_gets_the_same_answer_with_its_headers(
    client: httpx.Client, routed: list[str]
) -> None:
    for path, params in [
        ("/api/events", {"country": "KOR", "limit": 2}),
        ("/calendar.ics", {"country": "KOR"}),
    ]:
        first = client.get(path, params=params)
        reached = len(routed)
        again = client.get(path, params=params)
        assert len(routed) == reached  # replayed before routing
        assert first.status_code == again.status_code == 200
        assert again.content == first.content
        for header in ("etag", "content-type", "x-content-type-options", "referrer-policy"):
            assert again.headers[header] == first.headers[header]
        assert again.headers.get("content-disposition") == first.headers.get("content-disposition")


def test_a_write_behind_the_servers_back_is_seen_at_once(
    client: httpx.Client, store: Store, routed: list[str]
) -> None:
    params = {"limit": 500}
    before = client.get("/api/events", params=params).json()
    reached = len(routed)
    assert client.get("/api/events", params=params).json() == before
    assert len(routed) == reached  # replayed
    dropped = before["events"][0]["id"]
    with store._engine.begin() as conn:  # another process's write: only the trigger tells
        conn.execute(sa.delete(events).where(events.c.id == dropped))
    after = client.get("/api/events", params=params).json()
    assert len(routed) == reached + 1  # computed again
    assert after["total"] == before["total"] - 1
    assert dropped not in {e["id"] for e in after["events"]}


def test_other_hosts_get_links_to_themselves(client: httpx.Client) -> None:
    """The feed links each event to its page on the host asked: part of the kept request."""
    one = client.get("/calendar.ics", headers={"Host": "one.example"}).text
    other = client.get("/calendar.ics", headers={"Host": "other.example"}).text
    assert "one.example" in one.replace("\r\n ", "") and "other.example" not in one
    assert "other.example" in other.replace("\r\n ", "")


def test_a_conditional_request_and_an_error_go_to_the_routes(
    client: httpx.Client, routed: list[str]
) -> None:
    etag = client.get("/api/events").headers["etag"]
    reached = len(routed)
    again = client.get("/api/events", headers={"If-None-Match": etag})
    assert (again.status_code, len(routed)) == (304, reached)  # 304 before the body cache
    for _ in range(2):
        assert client.get("/api/events", params={"country": "Atlantis"}).status_code == 422


def test_the_version_reader_reconnects_and_reports_a_lost_store(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = store.version()
    assert version is not None
    reader = store._versions
    assert reader is not None
    reader._connection.close()  # e.g. the server restarted
    assert store.version() == version
    monkeypatch.setattr(reader, "_open", lambda: _failing_connection(store))
    reader._connection.close()
    with pytest.raises(StoreError):
        store.version()


def _failing_connection(store: Store) -> object:
    raise store._engine.dialect.loaded_dbapi.OperationalError("the server is gone")
