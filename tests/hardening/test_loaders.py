"""The WARC loader on damaged archives: articles or clear errors, never a crash.

tests/ingest/test_ingest_properties.py covers arbitrary bytes and unicode for
the text, HTML, bytes and JSONL loaders; here, arbitrary bytes and real
archives cut or corrupted at arbitrary places (plain and gzipped).
"""

from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.errors import InputError
from summitry.ingest import iter_warc
from summitry.model import Article

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402 - after the importorskip
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    b"<html><head><title>Talks</title></head><body><article><p>SEOUL, March 3 (Yonhap) --"
    b" The foreign ministers of South Korea and Japan will meet in Tokyo next week, the"
    b" ministry said on Monday.</p></article></body></html>"
)


def archive(gzipped: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for n in range(3):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://news.example/{n}", "response", payload=BytesIO(PAGE), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


ARCHIVES = {False: archive(False), True: archive(True)}


def only_articles_and_errors(data: bytes, suffix: str) -> list[Article | InputError]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"crawl{suffix}"
        path.write_bytes(data)
        results = list(iter_warc(path, check_language=False))
    for result in results:
        assert isinstance(result, Article | InputError), result
        if isinstance(result, InputError):
            assert result.reason and "\n" not in result.reason.strip()
    return results


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".warc", ".warc.gz"]))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    only_articles_and_errors(data, suffix)


@SETTINGS
@given(
    gzipped=st.booleans(),
    cut=st.floats(0, 1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4),
)
def test_cut_and_corrupted_archives(
    gzipped: bool, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(ARCHIVES[gzipped][: int(len(ARCHIVES[gzipped]) * cut)])
    for where, value in flips:
        if data:
            data[int(where * (len(data) - 1))] = value
    results = only_articles_and_errors(bytes(data), ".warc.gz" if gzipped else ".warc")
    if cut == 1 and not flips:
        assert [type(r) for r in results] == [Article] * 3
