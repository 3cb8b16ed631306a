"""Hostile content: whatever an article or a request carries is escaped, refused or bounded.

Articles on the open web can put markup and code anywhere: the title, a
name, the place, the evidence sentence, the link. None of it may reach a
page as markup or the database as SQL.
"""

from __future__ import annotations

import re
import socket
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hardening.conftest import LONG_NAME, MARKERS, SCRIPT, SQL, TOKEN

from summitry.api import ApiSettings, BackgroundServer, create_app
from summitry.store import EventQuery, Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def html_pages(client: TestClient, store: Store) -> list[str]:
    """Every kind of HTML page the web calendar draws, over the hostile events."""
    events = store.list_events(EventQuery(limit=None)).events
    pages = ["/", "/calendar", "/calendar?view=week", "/actors", "/countries/KOR", "/countries/JPN"]
    pages += [f"/events/{e.id}" for e in events]
    pages += [f"/actors/{quote(p.key, safe=':/')}" for e in events for p in e.participants]
    pages += [f"/?q={quote(SCRIPT)}", f"/actors?q={quote(SCRIPT)}", f"/calendar?actor={quote(SQL)}"]
    return sorted(set(pages))


def test_no_page_carries_article_markup_unescaped(
    hostile_client: TestClient, hostile_store: Store
) -> None:
    pages = html_pages(hostile_client, hostile_store)
    assert len(pages) > 8
    for path in pages:
        response = hostile_client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        assert response.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        body = response.text
        for marker in MARKERS:
            assert marker not in body, (path, marker)
        hrefs = re.findall(r'href="([^"]*)"', body)
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], path


def test_the_hostile_text_is_shown_as_text(
    hostile_client: TestClient, hostile_store: Store
) -> None:
    event = next(e for e in hostile_store.list_events().events if len(e.participants) == 2)
    body = hostile_client.get(f"/events/{event.id}").text
    assert "&lt;script&gt;alert(" in body  # escaped, not dropped: the reader sees what was written
    assert "Robert&#39;); DROP TABLE events; --" in body


def test_json_and_ical_are_never_sniffed_as_html(hostile_client: TestClient) -> None:
    for path in ("/api/events", "/api/documents", "/api/documents/hostile-0", "/calendar.ics"):
        response = hostile_client.get(path)
        assert response.status_code == 200
        assert not response.headers["content-type"].startswith("text/html")
        assert response.headers["x-content-type-options"] == "nosniff"
    assert SCRIPT in hostile_client.get("/api/documents/hostile-0").json()["document"]["title"]


def test_an_absurdly_long_name_is_stored_whole_and_escaped(
    hostile_client: TestClient, hostile_store: Store
) -> None:
    page = hostile_client.get("/api/events", params={"actor": "Abdulaaaa"}).json()
    assert page["total"] == 1  # the two reports of the visit are one engagement
    names = [a["name"] for e in page["events"] for a in e["actors"]]
    assert LONG_NAME in names
    event = page["events"][0]["id"]
    response = hostile_client.get(f"/events/{event}")
    assert response.status_code == 200 and len(response.content) < 5_000_000


SQL_VALUES = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    "1; DELETE FROM participants",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "%' UNION SELECT record FROM documents --",
    "\x00",
]


@pytest.mark.parametrize("param", ["q", "actor", "country", "mode", "status", "from", "to"])
@pytest.mark.parametrize("value", SQL_VALUES)
def test_sql_looking_filters_are_values_not_code(
    hostile_client: TestClient, hostile_store: Store, param: str, value: str
) -> None:
    before = hostile_store.list_events(EventQuery(limit=None)).total
    for path in ("/api/events", "/calendar.ics", "/", "/calendar"):
        response = hostile_client.get(path, params={param: value})
        assert response.status_code in (200, 400, 422), (path, param, value, response.text[:300])
        if path == "/api/events" and response.status_code == 200 and param in ("q", "actor"):
            # a LIKE wildcard is a literal character: "%" matches no event, not every event
            assert response.json()["total"] < before, (param, value)
    assert hostile_store.list_events(EventQuery(limit=None)).total == before
    assert len(hostile_store.list_documents()) == 3


@pytest.mark.parametrize("path", ["/api/events/{v}", "/events/{v}", "/api/documents/{v}"])
def test_sql_looking_ids_are_not_found(hostile_client: TestClient, path: str) -> None:
    for value in [*SQL_VALUES[:4], "a\x00b"]:
        assert hostile_client.get(path.format(v=quote(value, safe=""))).status_code in (400, 404)


def test_a_very_long_query_is_answered_or_refused(hostile_client: TestClient) -> None:
    response = hostile_client.get("/api/events", params={"q": "x" * 60_000})
    assert response.status_code in (200, 414, 422)
    if response.status_code == 200:
        assert response.json()["total"] == 0


def test_a_50_mb_body_is_refused_before_it_is_read(hostile_store: Store) -> None:
    """Declared length over the limit: 413 at once, without the server reading the body."""
    app = create_app(hostile_store, ApiSettings(token=TOKEN))
    with (
        BackgroundServer(app) as server,
        socket.create_connection((server.host, server.port), timeout=10) as sock,
    ):
        head = (
            "POST /api/documents HTTP/1.1\r\n"
            f"Host: {server.host}\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: text/plain\r\nContent-Length: 52428800\r\n\r\n"
        )
        sock.sendall(head.encode() + b"x" * 65536)  # a little of the 50 MB, then wait
        answer = sock.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]


def test_a_50_mb_chunked_body_is_cut_off(hostile_store: Store) -> None:
    """No declared length: the server counts while reading and stops at the limit."""
    import httpx

    sent = 0

    def fifty_megabytes():
        nonlocal sent
        chunk = b"<div>" * 13_108  # 64 KiB of markup
        while sent < 50 * 1024 * 1024:
            sent += len(chunk)
            yield chunk

    app = create_app(hostile_store, ApiSettings(token=TOKEN))
    with BackgroundServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        try:
            response = client.post(
                "/api/documents",
                content=fifty_megabytes(),
                headers={**AUTH, "Content-Type": "text/html"},
            )
        except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
            return  # the server answered 413 and closed the connection while we were still sending
        assert response.status_code == 413
    assert len(hostile_store.list_documents()) == 3


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_html_is_read_or_refused_quickly(
    hostile_client: TestClient, depth: int
) -> None:
    import time

    from summitry.errors import InputError
    from summitry.ingest import read_html

    story = "<p>The foreign minister will visit Seoul next week, officials said on Monday.</p>"
    page = "<html><body>" + "<div>" * depth + story + "</div>" * depth + "</body></html>"
    started = time.perf_counter()
    try:
        read_html(page, "deep")
    except InputError as error:
        assert error.reason
    assert time.perf_counter() - started < 20
    response = hostile_client.post(
        "/api/documents",
        content=page.encode(),
        params={"id": f"deep-{depth}"},
        headers={**AUTH, "Content-Type": "text/html"},
    )
    assert response.status_code in (200, 201, 422), response.text[:300]
