"""Never lose, never duplicate: SIGKILL `summitry ingest` half-way, run it again.

The first run is killed (SIGKILL: no cleanup, no atexit) once some documents
are stored; the same command then finishes the corpus. Every article must be
stored exactly once, with the events an uninterrupted run gives it.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpus import STORIES

from summitry.batch import run_local
from summitry.ingest import iter_path
from summitry.model import Document

COPIES = 5  # 40 articles: long enough a run to be killed in the middle


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or being migrated
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_ingest_run_finishes_on_the_next_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as out:
        for copy in range(COPIES):
            for number, text in enumerate(STORIES):
                record = {"id": f"s{copy}-{number}", "text": text, "dct": "2025-03-02"}
                out.write(json.dumps(record) + "\n")
    db = tmp_path / "calendar.db"
    command = [sys.executable, "-m", "summitry", "ingest", str(corpus), "--db", str(db),
               "--batch-size", "2", "-q"]

    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored(db) < 4 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored_when_killed = _stored(db)
    assert first.returncode == -signal.SIGKILL, "the first run ended before it was killed"
    assert 0 < stored_when_killed < COPIES * len(STORIES)

    subprocess.run(command, check=True, capture_output=True, timeout=300)

    expected = {
        r.id: len(r.events) for r in run_local(iter_path(corpus)) if isinstance(r, Document)
    }
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
        mentions = dict(
            conn.execute("SELECT document_id, count(*) FROM mentions GROUP BY document_id")
        )
    assert sorted(ids) == sorted(expected)  # none missing, none twice
    assert {i: mentions.get(i, 0) for i in ids} == expected  # each with its events, once
