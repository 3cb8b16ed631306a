"""Web archives: the HTML pages of a WARC file (plain or gzip'd), streamed with warcio.

In: the path of a ``.warc`` or ``.warc.gz`` file. Out: one `Article` per HTML
response (HTTP 200, Content-Type text/html or application/xhtml+xml), and an
`InputError` for each such page that cannot be read, in archive order; every
other record (requests, metadata, images, redirects, errors) is passed over.
Records are read one at a time: an archive is never loaded whole.

Per page:

- id and url: the record's ``WARC-Target-URI`` (stable across runs, so a resumed
  run knows what it already stored); a record without one gets
  ``<file>#<record number>``;
- declared charset: the ``charset`` of the HTTP Content-Type header;
- dct: the capture day (``WARC-Date``), the last resort of the reference-day
  chain: a dateline or a page date in the HTML wins (`summitry.ingest.reference`).

warcio is an optional extra (``pip install summitry[feeds]``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summitry.errors import InputError
from summitry.ingest.decode import DEFAULT_MAX_BYTES
from summitry.ingest.sources import read_bytes
from summitry.model import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Whether `path` names a WARC file (by its suffix)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def iter_warc(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Iterator[Article | InputError]:
    """The HTML pages archived in `path`, in order (see the module docstring)."""
    name = Path(path).name
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield InputError(name, "reading WARC files needs warcio: pip install 'summitry[feeds]'")
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the generator
    except OSError as exc:
        yield InputError(name, f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        number = 0
        start = 0  # where the last record read begins
        archive = ArchiveIterator(handle)
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                # warcio stops quietly where a record is cut: say that the rest is lost
                if _read_to(archive) != _size(handle) or (
                    number and not _last_record_whole(handle, start)
                ):
                    reason = f"archive is truncated after record {number}: the rest is lost"
                    yield InputError(f"{name}#{number + 1}", reason)
                return
            except Exception as exc:  # warcio fails in many ways on damaged input (load failed,
                # zlib, EOF, AttributeError on a mangled header): each ends what can be read
                yield InputError(f"{name}#{number + 1}", f"cannot read WARC record: {exc}")
                return
            number += 1
            start = archive.offset
            if _is_html_response(record):
                yield _page(record, f"{name}#{number}", max_bytes, check_language)
                continue
            try:
                _drain(record)
            except Exception as exc:  # a damaged record we would have skipped anyway
                yield InputError(f"{name}#{number}", f"cannot read WARC record: {exc}")
                return
            if _truncated(record):
                reason = f"archive is truncated in record {number}: the rest is lost"
                yield InputError(f"{name}#{number}", reason)
                return


def _read_to(archive: Any) -> int:
    """The file offset where the last whole record the iterator read ends."""
    return int(getattr(archive, "offset", 0) or 0)


_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_MAX_HEADER = 1 << 20


def _last_record_whole(handle: Any, start: int) -> bool:
    """Whether the record at `start`, the last of the file, ends as a record must: its
    headers, its Content-Length of content, then blank lines only; in a .warc.gz, all of
    it in one complete gzip member. warcio reads a record cut in its closing blank lines,
    its gzip trailer or right after its headers as if it were whole. Streamed: a large
    last record is not held in memory."""
    handle.seek(start)
    inflater = zlib.decompressobj(wbits=31) if handle.read(2) == b"\x1f\x8b" else None
    handle.seek(start)
    header, length, content, after = b"", -1, 0, 0
    while True:
        chunk = handle.read(1 << 16)
        try:
            data = chunk if inflater is None else inflater.decompress(chunk)
        except zlib.error:
            return False
        if length < 0:
            header += data
            head, blank, data = header.partition(b"\r\n\r\n")
            match = _CONTENT_LENGTH.search(head) if blank else None
            if match is None:
                if blank or not chunk or len(header) > _MAX_HEADER:
                    return False
                continue
            length = int(match.group(1))
        taken = min(len(data), length - content)
        content += taken
        if data[taken:].strip():  # more than blank lines after the content: a record cut short
            return False
        after += len(data) - taken
        if not chunk:
            break
    if inflater is not None and (not inflater.eof or inflater.unused_data.strip()):
        return False
    return content == length and after >= 4


def _drain(record: Any) -> None:
    while record.raw_stream.read(1 << 16):
        pass


def _truncated(record: Any) -> bool:
    """Whether the file ended inside `record` (read to its end): its length was not met.

    warcio reads a whole record through a reader limited to its Content-Length,
    and a limit left over means bytes are missing; a record cut inside its
    headers gets no such reader at all.
    """
    return getattr(record.raw_stream, "limit", None) != 0


def _size(handle: Any) -> int:
    return os.fstat(handle.fileno()).st_size


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    return _media_type(record.http_headers.get_header("Content-Type")) in HTML_TYPES


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    for parameter in (content_type or "").split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _capture_day(record: Any) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _page(
    record: Any, fallback_id: str, max_bytes: int, check_language: bool
) -> Article | InputError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = url or fallback_id
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a damaged payload (bad chunking, bad gzip) of this record only
        return InputError(doc_id, f"cannot read the archived page: {type(exc).__name__}: {exc}")
    if len(data) > max_bytes:
        return InputError(doc_id, f"page is too large (over {max_bytes} bytes)")
    if _truncated(record):
        return InputError(doc_id, "the archived page is truncated")
    try:
        return read_bytes(
            data,
            doc_id,
            dct=_capture_day(record),
            url=url,
            html=True,
            declared_charset=_charset(record.http_headers.get_header("Content-Type")),
            max_bytes=max_bytes,
            check_language=check_language,
        )
    except InputError as error:
        return error
