"""What a corpus run reads: `summitry.ingest.iter_path`, plus WARC files and gzip'd pages.

In: paths (files or folders). Out: `Article`s and `InputError`s, streamed, in order:

1. a ``.warc`` / ``.warc.gz`` file: its HTML responses (`summitry.ingest.iter_warc`);
2. a gzip'd article (``.txt.gz``, ``.text.gz``, ``.html.gz``, ``.htm.gz``): decompressed
   (at most `max_bytes`), then read like the plain file; id = the name without suffixes;
3. a folder: everything `iter_path` reads below it, then the WARC files below it, sorted
   (gzip'd articles inside a folder are still `iter_path`'s: it does not decompress them);
4. anything else (text, HTML, JSON Lines, ``.jsonl.gz``, stdin ``-``): `iter_path`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from summitry.errors import InputError
from summitry.ingest import DEFAULT_MAX_BYTES, is_warc, iter_path, iter_warc, read_bytes
from summitry.model import Article

GZIP_ARTICLE_SUFFIXES = {".txt": False, ".text": False, ".html": True, ".htm": True}


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    dct: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Iterator[Article | InputError]:
    """Every document under `paths`, in order (see the module docstring)."""
    for path in paths:
        where = Path(path) if str(path) != "-" else "-"
        yield from _iter_one(where, dct, max_bytes, check_language)


def _iter_one(
    path: Path | str, dct: dt.date | str | None, max_bytes: int, check_language: bool
) -> Iterator[Article | InputError]:
    if isinstance(path, Path) and path.is_file():
        if is_warc(path):
            yield from iter_warc(path, max_bytes=max_bytes, check_language=check_language)
            return
        html = _gzip_article_kind(path)
        if html is not None:
            yield _gzip_article(path, html, dct, max_bytes, check_language)
            return
    yield from iter_path(path, dct=dct, max_bytes=max_bytes, check_language=check_language)
    if isinstance(path, Path) and path.is_dir():
        for archive in _warcs_below(path):
            yield from iter_warc(archive, max_bytes=max_bytes, check_language=check_language)


def _gzip_article_kind(path: Path) -> bool | None:
    """True for a gzip'd HTML page, False for gzip'd text, None for anything else."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return GZIP_ARTICLE_SUFFIXES.get(suffixes[-2])
    return None


def _gzip_article(
    path: Path, html: bool, dct: dt.date | str | None, max_bytes: int, check_language: bool
) -> Article | InputError:
    doc_id = path.name.split(".")[0] or path.name
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return InputError(doc_id, f"cannot read {path}: {exc}")
    if len(data) > max_bytes:
        return InputError(doc_id, f"document is too large (over {max_bytes} bytes)")
    try:
        return read_bytes(
            data, doc_id, dct=dct, html=html, max_bytes=max_bytes, check_language=check_language
        )
    except InputError as error:
        return error


def _warcs_below(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and is_warc(file):
                yield Path(root, file)
