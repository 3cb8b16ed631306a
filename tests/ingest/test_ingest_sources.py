"""iter_path and read_bytes: files, directories, JSON Lines, gzip, stdin; errors in place."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
import types

import pytest

from summitry.errors import InputError
from summitry.ingest import iter_path, read_bytes
from summitry.model import Article

ARTICLE = "The foreign minister will visit Hanoi next week for talks, officials said."
WIRE = "ROME, Feb 27 - Leaders of the coalition parties have agreed to meet today."
HTML = (
    "<html><head><title>Talks</title></head><body><article>"
    "<p>The foreign minister will visit Hanoi next week for talks with her counterpart, "
    "officials said on Tuesday.</p><p>The two ministers are expected to sign an agreement "
    "on trade during the visit, a spokesman told reporters.</p></article></body></html>"
)


def ids(results):
    return [(r.id if isinstance(r, Article) else f"!{r.doc_id}") for r in results]


def test_text_file(tmp_path):
    path = tmp_path / "seoul-visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [article] = iter_path(path, dct="2024-05-01")
    assert article.id == "seoul-visit" and article.text == ARTICLE
    assert article.dct == dt.date(2024, 5, 1)


def test_html_file(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(HTML, encoding="utf-8")
    [article] = iter_path(str(path))
    assert article.id == "page" and article.title == "Talks"
    assert "<p>" not in article.text


def test_saved_page_named_txt_is_read_as_html(tmp_path):
    (tmp_path / "saved.txt").write_text(HTML)
    [article] = iter_path(tmp_path / "saved.txt")
    assert article.title == "Talks" and "<p>" not in article.text


def test_unknown_suffix_is_sniffed(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.dat").write_text(HTML)
    [text] = iter_path(tmp_path / "a.md")
    [html] = iter_path(tmp_path / "b.dat")
    assert text.text == ARTICLE and "<p>" not in html.text


def test_jsonl_goes_on_after_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": WIRE,
                "dct": "1987-02-26",
                "title": "Coalition",
                "source": "Reuters",
            }
        ),
        "this is not json",
        json.dumps({"id": "b", "dct": "1987-02-26"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "text": "", "dct": "1987-02-26"}),
        json.dumps({"id": "d", "text": ARTICLE, "dct": "2025-02-30"}),
        json.dumps({"id": "e", "text": 42}),
        json.dumps({"text": ARTICLE}),
        json.dumps({"id": 7, "html": HTML, "url": "https://x.example/7"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_path(path, dct="2024-01-01"))
    assert ids(results) == ["a", "!corpus:2", "!b", "!corpus:5", "!c", "!d", "!e", "corpus:9", "7"]
    first = results[0]
    assert first.reference_day == dt.date(1987, 2, 27) and first.title == "Coalition"
    assert first.source == "Reuters"
    reasons = [r.reason for r in results if isinstance(r, InputError)]
    assert reasons[0].startswith("line 2 is not JSON")
    assert reasons[1] == "line 3 has no 'text'"
    assert reasons[2] == "line 5 is not a JSON object"
    assert reasons[3] == "empty document"
    assert "impossible dct" in reasons[4]
    assert "'text' is int" in reasons[5]
    # A record without its own dct takes the caller's.
    assert results[7].dct == dt.date(2024, 1, 1)
    assert results[8].url == "https://x.example/7"


def test_jsonl_gz_and_bom(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8-sig") as handle:
        handle.write(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    assert ids(iter_path(path)) == ["a"]


def test_jsonl_line_too_large(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "x " * 5000})
    path.write_text(big + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    results = list(iter_path(path, max_bytes=2000))
    assert ids(results) == ["!big:1", "ok"]
    assert "too large" in results[0].reason


def test_jsonl_is_streamed(tmp_path):
    path = tmp_path / "stream.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    results = iter_path(path)
    assert isinstance(results, types.GeneratorType)
    assert next(results).id == "a"
    # Lines appended after the first was read are still seen: the file is read as it goes.
    with path.open("a") as handle:
        handle.write(json.dumps({"id": "b", "text": ARTICLE}) + "\n")
    assert [r.id for r in results] == ["b"]


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.text").write_text(ARTICLE)
    (tmp_path / "sub" / "d.jsonl").write_text(json.dumps({"id": "d1", "text": ARTICLE}) + "\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    assert ids(iter_path(tmp_path)) == ["a", "b", "!empty", "sub/c", "d1"]


def test_gzipped_articles_in_a_directory_are_decompressed(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "hanoi.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "torn.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:20])
    (tmp_path / "plain.txt.gz").write_bytes(b"not gzip at all")
    results = list(iter_path(tmp_path, dct="2024-05-01"))
    assert ids(results) == ["page", "!plain", "!torn", "2024/hanoi"]
    assert "talks with her counterpart" in results[0].text
    assert "cannot decompress" in results[1].reason and "plain.txt.gz" in results[1].reason
    assert results[3].text == ARTICLE


def test_gzip_bomb_is_too_large_not_read_whole(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"talks " * 400_000))  # 2.4 MB from a few kB
    [error] = iter_path(path, max_bytes=100_000)
    assert isinstance(error, InputError) and error.doc_id == "bomb"
    assert "too large" in error.reason


def test_missing_path():
    [error] = iter_path("/nonexistent/corpus.jsonl")
    assert isinstance(error, InputError) and "no such file" in error.reason


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100)
    [error] = iter_path(path, max_bytes=1000)
    assert isinstance(error, InputError) and "too large" in error.reason


@pytest.mark.parametrize(
    ("data", "expected_text"),
    [
        (ARTICLE.encode(), ARTICLE),
        (HTML.encode(), None),
    ],
)
def test_stdin(monkeypatch, data, expected_text):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = iter_path("-")
    assert article.id == "stdin"
    if expected_text is None:
        assert "<p>" not in article.text
    else:
        assert article.text == expected_text


def test_no_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    [error] = iter_path("-")
    assert isinstance(error, InputError) and error.doc_id == "stdin"


def test_stdin_too_large(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))
    [error] = iter_path("-", max_bytes=100)
    assert isinstance(error, InputError) and "too large" in error.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"  \n ", "empty document (whitespace only)"),
        (b"\x00\x01binary\x00", "binary data"),
    ],
)
def test_read_bytes_refused(data, reason):
    with pytest.raises(InputError) as caught:
        read_bytes(data, "raw")
    assert reason in caught.value.reason


def test_read_bytes_forced_kind():
    article = read_bytes(HTML.encode(), "raw", html=False, check_language=False)
    assert article.text.startswith("<html>")
