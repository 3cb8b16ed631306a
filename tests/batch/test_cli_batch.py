"""The CLI over the batch layer: errors, --retry-errors, watch (on a 127.0.0.1 server)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from batch_corpus import STORIES

from summitry.cli import main
from summitry.store import open_store


def test_errors_are_listed_then_retried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    db = str(tmp_path / "calendar.db")
    corpus.write_text(
        json.dumps({"id": "good", "text": STORIES[0]}) + "\n"
        + json.dumps({"id": "later", "text": ""}) + "\n"
    )
    assert main(["ingest", str(corpus), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["errors", "--db", db, "--json"]) == 0
    (listed,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["id"] == "later" and listed["source"] == str(corpus)

    corpus.write_text(  # the source was repaired
        json.dumps({"id": "good", "text": STORIES[0]}) + "\n"
        + json.dumps({"id": "later", "text": STORIES[1]}) + "\n"
    )
    assert main(["ingest", "--retry-errors", "--db", db]) == 0
    assert "1 added" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.get_document("later") is not None
        assert store.list_errors() == []  # stored now: no longer listed as a failure
    assert main(["ingest", "--retry-errors", "--db", db]) == 0  # nothing left to retry
    assert "0 added, 0 updated, 0 unchanged, 0 failed" in capsys.readouterr().err


def test_ingest_needs_a_path_or_retry(tmp_path: Path) -> None:
    assert main(["ingest", "--db", str(tmp_path / "x.db")]) == 2


@pytest.fixture()
def feed_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>t{n}</title><link>{base}/story/{n}</link></item>"
                                for n in range(2))
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>' \
                    f"{items}</channel></rss>"
                kind = "application/rss+xml"
            elif self.path.startswith("/story/"):
                text = STORIES[int(self.path.rsplit("/", 1)[1])]
                body = f"<html><body><article><p>{text}</p></article></body></html>"
                kind = "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body.encode())

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_watch_stores_new_articles_once(feed_server: str, tmp_path: Path) -> None:
    pytest.importorskip("feedparser")
    db = str(tmp_path / "calendar.db")
    arguments = ["watch", f"{feed_server}/feed.xml", "--db", db, "--interval", "0.1", "-q"]
    assert main([*arguments, "--rounds", "2"]) == 0
    assert main([*arguments, "--rounds", "1"]) == 0  # a new run: known links are not fetched
    with open_store(db) as store:
        stored = store.list_documents(limit=None)
    assert sorted(d.id for d in stored) == [f"{feed_server}/story/0", f"{feed_server}/story/1"]
