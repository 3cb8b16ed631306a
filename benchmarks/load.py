"""Load: GET /api/events and /calendar.ics under 50 concurrent clients, on loopback.

    .venv/bin/python benchmarks/load.py [--backend sqlite|postgresql|both]
        [--events 100000] [--clients 50] [--duration 30] [--pg URL] [--workers N]

For each backend: a store of 100,000 synthetic calendar events is built with
bulk inserts (SQLite in a temporary directory; PostgreSQL in a new schema of
the server at --pg, dropped afterwards), `summitry serve --workers N` (default:
one per CPU) is started on it in its own processes on 127.0.0.1 (the way users
run it), and 50 clients (keep-alive connections, one asyncio task each, in this
process) send requests back to back for --duration seconds per workload:

- ``events``: ``GET /api/events`` filtered pages of 50 events (a country, a
  month, a mode and status, an actor key, a country and a quarter, in turn);
- ``ics``: ``GET /calendar.ics`` for one country over one month.

Each measurement starts a fresh server (no warm-up): its per-process caches
(answers, totals) start empty, so the first request for each of the 200
distinct paths of a workload, in each worker, computes its answer while the
others queue behind it.

Printed: requests/s and p50/p95/p99 latency (ms) per backend and workload,
the number of non-200 answers, and the p50 of one client alone (a third of
--duration, on another fresh server): the service time without queueing.
The target is p99 < 150 ms for the filtered pages of 50 events. Traffic
goes to 127.0.0.1 only. A script that prints figures, never a test.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import sqlalchemy as sa

from summitry.merge import mentions_of, merge_mentions
from summitry.merge.records import CalendarEvent
from summitry.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventStatus,
    Location,
    Mode,
    ReferenceSource,
    TimeValue,
)
from summitry.store import open_store
from summitry.store.codec import event_row, participant_rows
from summitry.store.schema import events, participants

HOST = "127.0.0.1"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
COUNTRIES = [
    ("KOR", "South Korea", "Seoul"), ("JPN", "Japan", "Tokyo"), ("CHN", "China", "Beijing"),
    ("USA", "United States", "Washington"), ("FRA", "France", "Paris"),
    ("DEU", "Germany", "Berlin"), ("IND", "India", "New Delhi"), ("BRA", "Brazil", "Brasilia"),
    ("KEN", "Kenya", "Nairobi"), ("ETH", "Ethiopia", "Addis Ababa"), ("HUN", "Hungary", "Budapest"),
    ("CHL", "Chile", "Santiago"), ("IDN", "Indonesia", "Jakarta"), ("TUR", "Turkey", "Ankara"),
    ("EGY", "Egypt", "Cairo"), ("MEX", "Mexico", "Mexico City"),
    ("GBR", "United Kingdom", "London"),
    ("ITA", "Italy", "Rome"), ("VNM", "Vietnam", "Hanoi"), ("ZAF", "South Africa", "Pretoria"),
]  # fmt: skip
SURNAMES = [
    "Varga", "Mori", "Odhiambo", "Rivas", "Costa", "Kim", "Park", "Tanaka", "Wang", "Li",
    "Dubois", "Schmidt", "Sharma", "Silva", "Mwangi", "Tesfaye", "Nagy", "Soto", "Wijaya",
    "Yilmaz", "Hassan", "Garcia", "Smith", "Rossi", "Nguyen", "Dlamini", "Sato", "Chen",
]  # fmt: skip
FIRST_DAY = dt.date(2020, 1, 1)
DAYS = 3653  # ten years


# -- the synthetic store ------------------------------------------------------------------


def templates(rng: random.Random, count: int = 400) -> list[CalendarEvent]:
    """Distinct merged events (real titles, participants, history) to copy from."""
    made: list[CalendarEvent] = []
    for n in range(count):
        (code, country, city), (other, other_name, other_city) = rng.sample(COUNTRIES, 2)
        person = Actor(rng.choice(SURNAMES) + f" {n}", ActorKind.PERSON, code, "Foreign Minister")
        mode = rng.choice(list(Mode))
        host = Actor(other_name, ActorKind.COUNTRY, other)
        counterpart = Actor(rng.choice(SURNAMES), ActorKind.PERSON, other, "Foreign Minister")
        recipient = host if mode is Mode.VISIT else counterpart
        text = f"{person.name} of {country} and {recipient.name} will meet in {other_city}."
        event = Event(
            mode=mode,
            actors=(person,),
            recipients=(recipient,),
            status=rng.choice(list(EventStatus)),
            location=Location(other_city, other),
            time=TimeValue("on Monday", "2025-03-10"),
        )
        document = Document(
            id=f"synthetic-{n}",
            text=text,
            events=(event,),
            dct=dt.date(2025, 3, 1),
            reference_day=dt.date(2025, 3, 1),
            reference_source=ReferenceSource.DCT,
            url=f"https://news.example/synthetic/{n}",
            title=text,
            publisher="Synthetic Wire",
        )
        made.extend(merge_mentions(mentions_of(document)))
    return made


def synthetic_events(total: int, seed: int = 6) -> Iterator[CalendarEvent]:
    rng = random.Random(seed)
    pool = templates(rng)
    for n in range(total):
        template = pool[n % len(pool)]
        first = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        last = first + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        value = first.isoformat()
        yield replace(
            template,
            id=f"ev-{n:016x}",
            status=rng.choice(list(EventStatus)),
            time=TimeValue(value, value, end=last.isoformat() if last != first else None),
            start=first,
            end=last,
        )


def fill(url: str, total: int, batch: int = 5000) -> float:
    """Bulk-insert `total` synthetic events (and their participants); returns seconds taken."""
    started = time.perf_counter()
    with open_store(url) as store:
        engine = store._engine  # the benchmark writes rows directly: bulk, no merging
        chunk: list[CalendarEvent] = []
        for event in synthetic_events(total):
            chunk.append(event)
            if len(chunk) == batch:
                _insert(engine, chunk)
                chunk = []
        if chunk:
            _insert(engine, chunk)
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # fresh statistics, as a long-lived store has
    return time.perf_counter() - started


def _insert(engine: sa.Engine, chunk: list[CalendarEvent]) -> None:
    with engine.begin() as conn:
        conn.execute(sa.insert(events), [event_row(e) for e in chunk])
        conn.execute(sa.insert(participants), [r for e in chunk for r in participant_rows(e)])


@contextmanager
def backend_url(backend: str, pg: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="summitry-load-") as directory:
            yield str(Path(directory) / "load.db")
        return
    schema = f"summitry_load_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in pg else "?"
        yield f"{pg}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


# -- the server ---------------------------------------------------------------------------


@contextmanager
def serving(url: str, port: int, workers: int = 1) -> Iterator[subprocess.Popen[bytes]]:
    env = {k: v for k, v in os.environ.items() if k != "SUMMITRY_TOKEN"}
    env["SUMMITRY_DB"] = url
    log = Path(tempfile.gettempdir()) / f"summitry-load-serve-{port}.log"
    print(f"# server log: {log}", flush=True)  # where a non-200 answer is explained
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "summitry", "serve", "--host", HOST, "--port", str(port)),
                *("--workers", str(workers)),
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, _ = asyncio.run(_one(port, "/api/health"))
                if status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("summitry serve did not start")
            time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


async def _one(port: int, path: str) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        return await _request(reader, writer, path)
    finally:
        writer.close()


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str
) -> tuple[int, bytes]:
    """One HTTP/1.1 keep-alive GET; the status and the body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while True:  # chunked
        size = int((await reader.readline()).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


# -- the clients --------------------------------------------------------------------------


def event_paths(rng: random.Random, count: int = 200) -> list[str]:
    """Filtered pages of 50: a country, a month, mode and status, an actor, country and quarter."""
    paths = []
    for n in range(count):
        code = rng.choice(COUNTRIES)[0]
        month = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 31))
        month = month.replace(day=1)
        month_end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        params: dict[str, str] = {
            0: {"country": code},
            1: {"from": month.isoformat(), "to": month_end.isoformat()},
            2: {
                "mode": rng.choice(list(Mode)).value,
                "status": rng.choice(list(EventStatus)).value,
            },
            3: {"actor": rng.choice(SURNAMES)},
            4: {
                "country": code,
                "from": month.isoformat(),
                "to": (month + dt.timedelta(days=91)).isoformat(),
            },
        }[n % 5]
        paths.append("/api/events?" + urlencode({**params, "limit": 50}))
    return paths


def ics_paths(rng: random.Random, count: int = 200) -> list[str]:
    paths = []
    for _ in range(count):
        month = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 31))).replace(day=1)
        month_end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        params = {"country": rng.choice(COUNTRIES)[0], "from": month, "to": month_end}
        paths.append("/calendar.ics?" + urlencode({k: str(v) for k, v in params.items()}))
    return paths


async def drive(port: int, paths: list[str], clients: int, duration: float) -> dict[str, Any]:
    latencies: list[float] = []
    failures: dict[int, int] = {}
    items: list[int] = []
    stop = time.perf_counter() + duration

    async def client(seed: int) -> None:
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while time.perf_counter() < stop:
                path = rng.choice(paths)
                started = time.perf_counter()
                status, body = await _request(reader, writer, path)
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    failures[status] = failures.get(status, 0) + 1
                elif path.startswith("/calendar.ics"):
                    items.append(body.count(b"BEGIN:VEVENT"))
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "p99": cuts[98] * 1000,
        "non200": sum(failures.values()),
        "statuses": failures,
        "ics_events": statistics.mean(items) if items else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--pg", default=os.environ.get("SUMMITRY_TEST_PG", DEFAULT_PG))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    rng = random.Random(6)
    workloads = {"events": event_paths(rng), "ics": ics_paths(rng)}

    print(
        f"# {args.events:,} events, {args.clients} clients, {args.duration:.0f} s per workload,"
        f" {HOST}; Python {platform.python_version()}, {os.cpu_count()} CPUs,"
        f" {args.workers} server worker(s); load average {os.getloadavg()[0]:.1f}"
    )
    rows = []
    for backend in backends:
        with backend_url(backend, args.pg) as url:
            seconds = fill(url, args.events)
            print(f"# {backend}: {args.events:,} events inserted in {seconds:.0f} s", flush=True)
            for name, paths in workloads.items():
                # each phase on a fresh server: no answer, total or plan is cached at the start
                with serving(url, args.port, args.workers):
                    figures = asyncio.run(drive(args.port, paths, args.clients, args.duration))
                with serving(url, args.port, args.workers):
                    alone = asyncio.run(drive(args.port, paths, 1, args.duration / 3))
                rows.append((backend, name, {**figures, "alone": alone["p50"]}))
                load = os.getloadavg()[0]
                print(f"# {backend} {name}: done; load average {load:.1f}", flush=True)

    print()
    print(
        "| backend | workload | requests | req/s | p50 ms | p95 ms | p99 ms | non-200"
        " | p50 ms, 1 client |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for backend, name, f in rows:
        label = "GET /api/events (50)" if name == "events" else "GET /calendar.ics"
        print(
            f"| {backend} | {label} | {f['requests']:,.0f} | {f['rps']:.0f} | {f['p50']:.0f}"
            f" | {f['p95']:.0f} | {f['p99']:.0f} | {f['non200']:.0f} | {f['alone']:.0f} |"
        )
    for backend, name, f in rows:
        if f["statuses"]:
            print(f"\n{backend} {name}: non-200 answers by status: {f['statuses']}")
    ics = [f["ics_events"] for _, name, f in rows if name == "ics"]
    if ics:
        print(f"\n(iCal feeds held {statistics.mean(ics):.0f} events on average)")


if __name__ == "__main__":
    main()
