"""WARC files: HTML responses become articles; everything else is passed over."""

from __future__ import annotations

import datetime as dt
import gzip
from io import BytesIO
from pathlib import Path

import pytest

from summitry.errors import InputError
from summitry.ingest.warc import is_warc, iter_warc
from summitry.model import Article

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402 - after the importorskip
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<article><h1>{title}</h1>
<p>{body}</p>
<p>Officials on both sides said further rounds of talks were planned for the spring,
and that trade, fisheries and maritime safety would be on the agenda again.</p>
</article></body></html>"""

VISIT = PAGE.format(
    title="Finnish president to visit Chile",
    body="HELSINKI, April 2 - Finnish President Mikael Lind will visit Chile next week "
    "and meet Chilean President Tomas Rojas in Santiago, his office said on Wednesday.",
)
CALL = PAGE.format(
    title="Leaders speak by phone",
    body="CAIRO, April 3 - Egyptian President Omar Saleh spoke by phone with Kenyan "
    "President Daniel Mwangi on Thursday about regional security, his spokesman said.",
)


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str,
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2025-04-03T10:00:00Z"},
    )
    writer.write_record(record)


def write_archive(path: Path, *, gzipped: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://news.example/visit", VISIT.encode("utf-8"),
                  "text/html; charset=utf-8")
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(writer, "https://news.example/old", b"", "text/html", status="301 Moved")
        request = writer.create_warc_record(
            "https://news.example/call", "request", payload=BytesIO(b"GET /call HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        _response(writer, "https://news.example/call", CALL.encode("cp1252"),
                  "text/html; charset=windows-1252")
        _response(writer, "https://news.example/empty", b"<html><body></body></html>",
                  "text/html")


@pytest.mark.parametrize(("name", "gzipped"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_articles_in_archive_order(
    tmp_path: Path, name: str, gzipped: bool
) -> None:
    path = tmp_path / name
    write_archive(path, gzipped=gzipped)
    assert is_warc(path)
    items = list(iter_warc(path))
    assert [getattr(i, "id", None) or i.doc_id for i in items] == [
        "https://news.example/visit",
        "https://news.example/call",
        "https://news.example/empty",
    ]
    visit, call, empty = items
    assert isinstance(visit, Article) and isinstance(call, Article)
    assert "Finnish President Mikael Lind will visit Chile" in visit.text
    assert visit.url == "https://news.example/visit"
    assert visit.dct == dt.date(2025, 4, 3)
    assert "spoke by phone" in call.text
    assert isinstance(empty, InputError)  # a page with no article is reported, not dropped


@pytest.mark.parametrize("gzipped", [False, True])
@pytest.mark.parametrize("kept", [0.3, 0.5, 0.66, 0.8, 0.95])
def test_a_truncated_archive_ends_with_an_error(tmp_path: Path, gzipped: bool, kept: float) -> None:
    whole = tmp_path / "whole.warc"
    write_archive(whole, gzipped=gzipped)
    data = whole.read_bytes()
    cut = int(len(data) * kept)
    if cut in _record_starts(whole):  # the record ids and dates make lengths vary a little
        cut -= 1  # a cut between two records leaves a whole, shorter archive
    broken = tmp_path / ("broken.warc.gz" if gzipped else "broken.warc")
    broken.write_bytes(data[:cut])
    items = list(iter_warc(broken))
    assert isinstance(items[-1], InputError), "a cut archive must not end quietly"
    assert "truncated" in items[-1].reason


@pytest.mark.parametrize("gzipped", [False, True])
def test_an_archive_cut_anywhere_but_between_records_ends_with_an_error(
    tmp_path: Path, gzipped: bool
) -> None:
    """Also in a record's closing blank lines, its gzip trailer, or right after its
    headers, where warcio reads on as if the record were whole."""
    whole = tmp_path / "whole.warc"
    write_archive(whole, gzipped=gzipped)
    data, starts = whole.read_bytes(), _record_starts(whole)
    broken = tmp_path / ("broken.warc.gz" if gzipped else "broken.warc")
    quiet = []
    for cut in range(1, len(data), 3):
        broken.write_bytes(data[:cut])
        items = list(iter_warc(broken))
        if cut not in starts and not (items and isinstance(items[-1], InputError)):
            quiet.append(cut)
    assert quiet == []


def _record_starts(path: Path) -> set[int]:
    from warcio.archiveiterator import ArchiveIterator

    starts = set()
    with path.open("rb") as handle:
        archive = ArchiveIterator(handle)
        for record in archive:
            starts.add(archive.offset)
            record.raw_stream.read()
    return starts


def test_a_missing_or_non_warc_file_is_one_error(tmp_path: Path) -> None:
    assert [type(i) for i in iter_warc(tmp_path / "nope.warc")] == [InputError]
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip.compress(b"this is not a web archive at all\n" * 20))
    items = list(iter_warc(junk))
    assert len(items) == 1 and isinstance(items[0], InputError)
