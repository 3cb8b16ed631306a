"""Where articles come from: bytes, files, directories, JSON Lines corpora, stdin.

In: a path (or ``-`` for stdin) or raw bytes. Out: `Article`s, one per
document, and for every document that cannot be read its `InputError`, in
input order. Iteration never stops at a bad document, and never raises for
one: a corpus of a million lines with three broken ones yields three errors.

File kinds, by suffix:

- ``.txt``, ``.text``: one plain-text article (unless it is an HTML page);
  id = file name without suffix;
- ``.html``, ``.htm``, ``.xhtml``: one page, through trafilatura;
- any of these gzip'd (``.txt.gz``, ``.html.gz``): decompressed as read (at most
  ``max_bytes`` of it: a gzip bomb is too large, not a full disk of memory);
- ``.jsonl``, ``.ndjson`` (optionally ``.gz``): one document per line,
  ``{"id", "text", "dct"}`` and optionally ``title``, ``url``, ``source``
  (or ``html`` instead of ``text``), read line by line, never whole;
- a directory: every such file below it, in sorted order, hidden files
  skipped; ids are paths relative to the directory, without suffix
  ("2024/seoul-visit");
- ``-``: stdin, one document; HTML if it looks like HTML, else text;
- any other file: one document, sniffed like stdin.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

from summitry.errors import InputError
from summitry.ingest.decode import DEFAULT_MAX_BYTES, check_size, decode_bytes, too_large
from summitry.ingest.html import looks_like_html, read_html
from summitry.ingest.reference import parse_dct
from summitry.ingest.text import EMPTY, EMPTY_WHITESPACE, read_text
from summitry.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_ID = "stdin"

_READ_CHUNK = 1 << 20


def read_bytes(
    data: bytes,
    doc_id: str,
    *,
    dct: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    html: bool | None = None,
    declared_charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Article:
    """Load one document from its raw bytes.

    The bytes are decoded (`summitry.ingest.decode.decode_bytes`: BOM, UTF-8,
    declared charset, detection); then read as HTML if `html` is True, or if
    it is None and the text looks like HTML, else as plain text. Raises
    `InputError(doc_id, reason)`.
    """
    doc_id = str(doc_id) if doc_id is not None else "<unknown>"
    parse_dct(dct, doc_id)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError(doc_id, f"data is {type(data).__name__}, not bytes")
    data = bytes(data)
    if not data.strip():
        raise InputError(doc_id, EMPTY if not data else EMPTY_WHITESPACE)
    text = decode_bytes(data, doc_id, declared=declared_charset, max_bytes=max_bytes)
    options: dict[str, Any] = {
        "dct": dct,
        "title": title,
        "url": url,
        "source": source,
        "max_bytes": max_bytes,
        "check_language": check_language,
    }
    if html or (html is None and looks_like_html(text)):
        return read_html(text, doc_id, **options)
    return read_text(text, doc_id, **options)


def iter_path(
    path: str | os.PathLike[str],
    *,
    dct: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Iterator[Article | InputError]:
    """Every document at `path` (a file, a directory, or ``-`` for stdin), in order.

    `dct` is the default document creation time: JSON Lines records that
    carry their own ``dct`` keep it. Documents that cannot be read come back
    as `InputError`s in their place (see the module docstring for file kinds
    and ids). A missing path is one `InputError`.
    """
    options: dict[str, Any] = {"dct": dct, "max_bytes": max_bytes, "check_language": check_language}
    if str(path) == STDIN:
        yield _load(partial(_read_stdin, max_bytes), STDIN_ID, None, options)
        return
    path = Path(path)
    if path.is_dir():
        for file in _files_below(path):
            relative = file.relative_to(path)
            yield from _iter_file(file, _doc_id(relative), options)
    elif path.exists():
        yield from _iter_file(path, _doc_id(Path(path.name)), options)
    else:
        yield InputError(str(path), "no such file or directory")


def _iter_file(path: Path, doc_id: str, options: dict[str, Any]) -> Iterator[Article | InputError]:
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, doc_id, options)
        return
    # .txt files are sniffed too: a saved page is sometimes named .txt, and the
    # test (a doctype or an HTML element first) does not fire on prose.
    kind = True if suffix in HTML_SUFFIXES else None
    yield _load(partial(_read_file, path, doc_id, options["max_bytes"]), doc_id, kind, options)


def _load(
    read: Callable[[], bytes], doc_id: str, html: bool | None, options: dict[str, Any]
) -> Article | InputError:
    try:
        return read_bytes(read(), doc_id, html=html, **options)
    except InputError as error:
        return error


def _read_file(path: Path, doc_id: str, max_bytes: int) -> bytes:
    try:
        check_size(path.stat().st_size, doc_id, max_bytes)
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as handle:
                return _read_stream(handle, doc_id, max_bytes)  # type: ignore[arg-type]
        with path.open("rb") as handle:
            return _read_stream(handle, doc_id, max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:  # truncated or not gzip at all
        raise InputError(doc_id, f"cannot decompress {path}: {exc}") from None
    except OSError as exc:
        raise InputError(doc_id, f"cannot read {path}: {exc.strerror or exc}") from None


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN_ID, "no standard input to read")
    try:
        return _read_stream(stream, STDIN_ID, max_bytes)
    except OSError as exc:
        raise InputError(STDIN_ID, f"cannot read standard input: {exc.strerror or exc}") from None


def _read_stream(stream: IO[bytes], doc_id: str, max_bytes: int) -> bytes:
    """At most `max_bytes` from `stream`; one byte more means the document is too large."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(doc_id, max_bytes)
    return data


def _iter_jsonl(path: Path, name: str, options: dict[str, Any]) -> Iterator[Article | InputError]:
    """One document per line, streamed; a bad line is an `InputError` and the next line is read."""
    max_bytes = options["max_bytes"]
    try:
        handle: IO[bytes] = (
            gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")  # type: ignore[assignment]
        )
    except OSError as exc:
        yield InputError(name, f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        line_number = 0
        while True:
            try:
                line = handle.readline(max_bytes + 1)
            except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
                where = f"{name}:{line_number + 1}"
                yield InputError(where, f"cannot read line {line_number + 1}: {exc}")
                return
            if not line:
                return
            line_number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                reason = f"line {line_number} is too large (over {max_bytes} bytes)"
                yield InputError(f"{name}:{line_number}", reason)
                continue
            if line.strip():
                yield _jsonl_record(line, line_number, name, options)


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while True:
        chunk = handle.readline(_READ_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_record(
    line: bytes, line_number: int, name: str, options: dict[str, Any]
) -> Article | InputError:
    where = f"{name}:{line_number}"
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return InputError(where, f"line {line_number} is not UTF-8")
    except json.JSONDecodeError as exc:
        reason = f"line {line_number} is not JSON ({exc.msg} at column {exc.colno})"
        return InputError(where, reason)
    except RecursionError:
        return InputError(where, f"line {line_number} is not JSON (nested too deeply)")
    if not isinstance(record, dict):
        return InputError(where, f"line {line_number} is not a JSON object")
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else where
    metadata = {key: _optional_str(record.get(key)) for key in ("title", "url", "source")}
    dct = record.get("dct") if record.get("dct") not in (None, "") else options["dct"]
    loader_options = {**options, **metadata, "dct": dct}
    try:
        if isinstance(record.get("text"), str):
            return read_text(record["text"], doc_id, **loader_options)
        if isinstance(record.get("html"), str):
            return read_html(record["html"], doc_id, **loader_options)
        if "text" in record:
            kind = type(record["text"]).__name__
            return InputError(doc_id, f"line {line_number}: 'text' is {kind}, not a string")
        return InputError(doc_id, f"line {line_number} has no 'text'")
    except InputError as error:
        return error


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _files_below(directory: Path) -> Iterator[Path]:
    """Readable files below `directory`, sorted, skipping hidden ones and unknown kinds."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root, file)
            if not file.startswith(".") and _suffix(path) in _KNOWN_SUFFIXES:
                yield path


def _suffix(path: Path) -> str:
    """The suffix that says what the file is: ".jsonl" for "corpus.jsonl.gz"."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def _doc_id(relative: Path) -> str:
    """The document id of a file: its path without suffix(es) it is known by."""
    name = relative.name
    for _ in range(2):
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and ("." + suffix.lower()) in _KNOWN_SUFFIXES | {".gz"}:
            name = stem
        else:
            break
    return relative.with_name(name).as_posix()
