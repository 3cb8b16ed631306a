"""`summitry ingest` and `summitry export` end to end on the article series.

The main test replaces extraction with the series' hand-built events (so it
tests the store and the exports, not the extractor); a smoke test runs the
real extractor and only checks that every article is stored or recorded.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fixtures.series.load_series import SERIES_DIR, SERIES_NAMES, all_series

from summitry import extract, pipeline
from summitry.cli import main
from summitry.errors import InputError
from summitry.model import Article, Document
from summitry.store import open_store

HAND_BUILT = {d.id: d for s in all_series() for d in s.documents}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("series") / "series.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for name in SERIES_NAMES:
            for article in json.loads((SERIES_DIR / f"{name}.json").read_text())["articles"]:
                record = {k: article[k] for k in ("id", "text", "dct", "url", "title")}
                out.write(json.dumps(record) + "\n")
    return path


def fake_extract_many(
    articles: Iterable[Article | InputError],
    *,
    batch_size: int = 16,
    prefilter: bool = False,
    timeout: float | None = None,
) -> Iterator[Document | InputError]:
    for article in articles:
        yield article if isinstance(article, InputError) else HAND_BUILT[article.id]


def test_ingest_twice_then_export(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "extract_many", fake_extract_many)
    db = tmp_path / "calendar.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    first = capsys.readouterr().err
    assert "12 added" in first and "0 failed" in first and "16 mentions" in first
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "12 unchanged" in capsys.readouterr().err

    with open_store(db) as store:
        assert store.list_events().total == 7
        assert len(store.list_documents(limit=None)) == 12

    out = tmp_path / "events.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 7 and all(r["type"] == "CONSULT" for r in records)

    out_csv = tmp_path / "events.csv"
    assert (
        main(["export", "--db", str(db), "--format", "csv", "-o", str(out_csv), "--country", "JPN"])
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text())))
    assert len(rows) == 4

    assert (
        main(
            [
                "export",
                "--db",
                str(db),
                "--status",
                "occurred",
                "--mode",
                "visit",
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-31",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert [json.loads(line)["title"] for line in out.read_text().splitlines()] == [
        "Elena Varga visits Japan"
    ]

    for fmt in ("ics", "plover", "parquet"):
        target = tmp_path / f"events.{fmt}"
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 0


def test_failed_documents_are_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "empty-1", "text": "", "dct": "2025-01-01"}\nnot json\n')
    db = tmp_path / "calendar.db"
    assert main(["ingest", str(corpus), "--db", str(db), "--strict"]) == 1
    assert "2 failed" in capsys.readouterr().err
    with open_store(db) as store:
        assert len(store.list_errors()) == 2
        assert all(e.source == str(corpus) for e in store.list_errors())


def test_real_extraction_smoke(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        extract("Blinken met Cho in Seoul on Monday.", "2025-01-06")
    except NotImplementedError:
        pytest.skip("summitry.extract is not implemented yet")
    db = tmp_path / "calendar.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    with open_store(db) as store:
        assert len(store.list_documents(limit=None)) + len(store.list_errors(limit=None)) == 12


def test_ingest_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")]) == 2
