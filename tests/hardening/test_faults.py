"""Faults: the database going away mid-ingest, a read-only SQLite file, a full disk.

PostgreSQL is stopped and started again on a private server made for the
test (initdb in a temporary directory, its own port), so the shared server
on 5432 and the tests of other sessions using it are never disturbed. The
test is marked `pg_outage` and runs after every other test all the same.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fixtures.series.records import JAPAN, KOREA, MORI, ODHIAMBO, VARGA, document, event
from hardening.figures import FIGURES

from summitry.errors import StoreError
from summitry.merge import mentions_of, merge_mentions
from summitry.model import Document, Mode
from summitry.store import IngestOutcome, ingest_results, open_store

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def corpus(count: int = 40) -> list[Document]:
    """Documents that report overlapping engagements, so that merges happen across them."""
    people, places = (VARGA, MORI, ODHIAMBO), (JAPAN, KOREA)
    times = ("2025-03-10", "2025-03-12", "2025-W11", "2025-03", None)
    return [
        document(
            f"doc-{n:03}",
            dt.date(2025, 3, 1) + dt.timedelta(days=n % 9),
            event(
                mode=(Mode.VISIT, Mode.MEETING, Mode.PHONE)[n % 3],
                actors=(people[n % 3],),
                recipients=(places[n % 2],),
                time=times[n % 5],
            ),
            url=f"https://news.example/{n}",
        )
        for n in range(count)
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivatePostgres:
    """A throwaway PostgreSQL server in a temporary directory, on its own port."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="summitry-pg-"))
        self.data = self.directory / "data"
        self.port = _free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_postgres, *args], check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8",
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.directory / "log"), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        # fast: active transactions are rolled back and clients disconnected, as in a crash
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    if not (PG_BIN / "initdb").exists() or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip(f"no PostgreSQL server binaries in {PG_BIN}")
    server = PrivatePostgres()
    try:
        server.init()
        server.start()
        yield server
    finally:
        if server.running():
            server.stop()
        shutil.rmtree(server.directory, ignore_errors=True)


@pytest.mark.pg_outage
def test_postgresql_going_away_mid_ingest_loses_nothing(private_postgres: PrivatePostgres) -> None:
    documents = corpus()
    expected = merge_mentions(m for d in documents for m in mentions_of(d))
    failures: list[str] = []
    ingested = threading.Event()
    outage_over = threading.Event()

    def outage() -> None:
        try:
            ingested.wait(30)
            private_postgres.stop()
            time.sleep(1.5)
        finally:
            private_postgres.start()  # up again, whatever happened
            outage_over.set()

    with open_store(private_postgres.url) as store:
        stopper = threading.Thread(target=outage)
        stopper.start()
        try:
            for n, doc in enumerate(documents):
                deadline = time.monotonic() + 60
                while True:
                    try:
                        store.ingest(doc)
                        break
                    except StoreError as error:  # the database went away: wait and go on
                        failures.append(str(error))
                        assert time.monotonic() < deadline, failures[-1]
                        time.sleep(0.1)
                if n == 9:
                    ingested.set()
        finally:
            ingested.set()
            stopper.join(60)
        assert outage_over.is_set()
        FIGURES["PostgreSQL outage: ingest attempts refused, then retried"] = len(failures)
        assert failures, "the outage was not noticed"
        assert all(private_postgres.url.split("@")[1].split("/")[0] in f for f in failures)
        assert len(store.list_documents(limit=None)) == len(documents)
        assert list(store.iter_events()) == expected

        # A batch run cut by the outage resumes by running again: stored documents are unchanged.
        private_postgres.stop()
        with pytest.raises(StoreError):
            ingest_results(store, documents)
        private_postgres.start()
        summary = ingest_results(store, documents)
        assert summary.unchanged == len(documents) and not summary.failures
        assert list(store.iter_events()) == expected


def test_a_read_only_sqlite_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "summitry.db"
    first, second = corpus(2)
    with open_store(path) as store:
        store.ingest(first)
    # root ignores file modes: SQLite's own read-only mode stands in for chmod there
    path.chmod(0o444)
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if os.geteuid() == 0 else str(path)
    with open_store(url) as store:
        assert [d.id for d in store.list_documents()] == [first.id]  # reads still work
        with pytest.raises(StoreError, match="readonly database"):
            store.ingest(second)
        with pytest.raises(StoreError, match="readonly database"):
            store.record_error("doc-x", "why")
        assert [d.id for d in store.list_documents()] == [first.id]


def test_a_full_disk_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    """SQLite's page limit stands in for a full disk: the same SQLITE_FULL error."""
    first, second = corpus(2)
    big = Document(**{**vars(second), "text": second.text + " words" * 200_000})
    limit = {"pages": 0}
    with open_store(tmp_path / "summitry.db") as store:

        @sa.event.listens_for(store._engine, "connect")
        def _cap(dbapi_connection: object, _record: object) -> None:
            if limit["pages"]:
                cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
                cursor.execute(f"PRAGMA max_page_count = {limit['pages']}")
                cursor.close()

        store.ingest(first)
        before = list(store.iter_events())
        store.close()  # new connections get the cap
        with store._engine.connect() as conn:
            limit["pages"] = conn.exec_driver_sql("PRAGMA page_count").scalar() + 5
        store.close()
        with pytest.raises(StoreError, match="database or disk is full"):
            store.ingest(big)
        assert [d.id for d in store.list_documents()] == [first.id]  # the write rolled back
        assert list(store.iter_events()) == before
        limit["pages"] = 0  # space again: the same document goes in
        store.close()
        assert store.ingest(big).outcome is IngestOutcome.ADDED
