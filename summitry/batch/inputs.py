"""What a corpus run reads: `summitry.ingest.iter_path`, plus WARC files.

In: paths (files or folders). Out: `Article`s and `InputError`s, streamed, in order:

1. a ``.warc`` / ``.warc.gz`` file: its HTML responses (`summitry.ingest.iter_warc`);
2. a folder: everything `iter_path` reads below it, then the WARC files below it, sorted;
3. anything else (text, HTML, their gzip'd forms, JSON Lines, ``.jsonl.gz``, stdin ``-``):
   `iter_path`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from summitry.errors import InputError
from summitry.ingest import DEFAULT_MAX_BYTES, is_warc, iter_path, iter_warc
from summitry.model import Article


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
    yield from iter_path(path, dct=dct, max_bytes=max_bytes, check_language=check_language)
    if isinstance(path, Path) and path.is_dir():
        for archive in _warcs_below(path):
            yield from iter_warc(archive, max_bytes=max_bytes, check_language=check_language)


def _warcs_below(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and is_warc(file):
                yield Path(root, file)
