"""Feeds: conditional GET, new entries only, pages fetched, network errors survived.

A live server on 127.0.0.1 (a free port per test) serves the feed and the pages;
nothing is downloaded from anywhere else.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from summitry.errors import InputError
from summitry.model import Article

pytest.importorskip("feedparser")
from summitry.ingest.feeds import FeedState, poll, watch  # noqa: E402 - after the importorskip

PAGES = {
    "/visit": "HANOI, June 2 - Vietnamese Prime Minister Nguyen Van Binh will visit Canada next "
    "week for talks with Canadian Prime Minister Claire Dubois, his office said on Monday.",
    "/call": "ACCRA, June 3 - Ghanaian President Kwame Asante spoke by phone with Nigerian "
    "President Musa Bello on Tuesday about regional trade, his spokesman said.",
    "/later": "LIMA, June 4 - Peruvian President Rosa Quispe met Bolivian President Juan Mamani "
    "in Lima on Wednesday to discuss water rights along their shared border.",
}


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {p[1:]}</title><link>{base}{p}</link>"
        f"<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>"
        for p in paths
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>{base}/</link><description>test</description>{items}</channel></rss>"
    ).encode()


class Site:
    """What the test server serves, and what it was asked."""

    def __init__(self) -> None:
        self.items = ["/visit", "/call"]
        self.version = 1
        self.failing = False
        self.requests: list[tuple[str, dict[str, str]]] = []


@pytest.fixture()
def site() -> Iterator[tuple[Site, str]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest's output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            state.requests.append((self.path, dict(self.headers.items())))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                if state.failing:
                    self.send_error(503, "try later")
                    return
                etag = f'"v{state.version}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = _rss(base, state.items)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Mon, 02 Jun 2025 08:00:00 GMT")
                self.end_headers()
                self.wfile.write(body)
            elif self.path in PAGES:
                page = f"<html><head><title>{self.path}</title></head><body><article>" \
                    f"<p>{PAGES[self.path]}</p><p>Officials said more meetings would follow " \
                    "in the coming months, on trade, energy and security.</p>" \
                    "</article></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page.encode())
            else:
                self.send_error(404)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_poll_sends_the_validators_back_and_a_304_is_no_news(site: tuple[Site, str]) -> None:
    state_site, base = site
    state = FeedState()
    first = poll(f"{base}/feed.xml", state, timeout=5)
    assert [e.link for e in first] == [f"{base}/visit", f"{base}/call"]
    assert state.etag == '"v1"'
    assert poll(f"{base}/feed.xml", state, timeout=5) == []
    headers = state_site.requests[-1][1]
    assert headers.get("If-None-Match") == '"v1"'
    assert headers.get("If-Modified-Since") == "Mon, 02 Jun 2025 08:00:00 GMT"


def test_watch_fetches_new_articles_and_keeps_going_through_errors(
    site: tuple[Site, str],
) -> None:
    state_site, base = site
    problems: list[tuple[str, str]] = []
    feeds = [f"{base}/feed.xml", "http://127.0.0.1:9/closed.xml"]  # port 9: nothing listens

    def between_rounds(_seconds: float) -> None:
        # what changes on the server while the watcher sleeps
        rounds_done = len(results)
        if rounds_done == 1:
            state_site.failing = True
        elif rounds_done == 2:
            state_site.failing = False
            state_site.items = ["/later", "/visit", "/call", "/missing"]
            state_site.version = 2

    results: list[list[Article | InputError]] = []
    for found in watch(feeds, interval=0, rounds=4, timeout=5, sleep=between_rounds,
                       on_problem=lambda url, reason: problems.append((url, reason))):
        results.append(found)

    first, during_outage, after, unchanged = results
    assert [a.id for a in first] == [f"{base}/visit", f"{base}/call"]
    assert all(isinstance(a, Article) for a in first)
    assert first[0].url == f"{base}/visit" and first[0].title == "Story visit"
    assert "Nguyen Van Binh will visit Canada" in first[0].text
    assert during_outage == []
    assert [getattr(a, "id", None) or a.doc_id for a in after] == [
        f"{base}/later", f"{base}/missing"
    ]
    assert isinstance(after[1], InputError) and "404" in after[1].reason
    assert unchanged == []
    assert any("503" in reason for url, reason in problems if url.endswith("/feed.xml"))
    assert sum(1 for url, _ in problems if url.endswith("/closed.xml")) == 4


def test_known_links_are_not_fetched(site: tuple[Site, str]) -> None:
    state_site, base = site
    (found,) = watch([f"{base}/feed.xml"], rounds=1, timeout=5,
                     known=lambda link: link.endswith("/visit"))
    assert [a.id for a in found] == [f"{base}/call"]
    assert not any(path == "/visit" for path, _ in state_site.requests)
