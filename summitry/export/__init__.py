"""Exports of the calendar: CSV, JSON Lines, Parquet, iCalendar, PLOVER.

    write_export(store.iter_events(query), "jsonl", stream)

Every format takes the same `CalendarEvent`s (so the same `EventQuery`
filters apply) and writes bytes to a binary stream:

- `csv`: one row per event (`tables.COLUMNS`), lists joined with "; ";
- `jsonl`: one event record per line in the GOLD_FORMAT "System output"
  shape (`CalendarEvent.to_record()`: type, mode, actors, recipients,
  location, time, status, plus id, title, start, end and the status history);
- `parquet`: the CSV columns as a typed table (extra `summitry[parquet]`);
- `ics`: an iCalendar file (`ical.render_calendar`), events without a time left out;
- `plover`: one PLOVER-style record per line (`plover.plover_records`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import IO

from summitry.export.ical import render_calendar
from summitry.export.plover import plover_records
from summitry.export.tables import event_row, write_csv, write_parquet
from summitry.merge.records import CalendarEvent

FORMATS = ("csv", "jsonl", "parquet", "ics", "plover")


def _json_line(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def write_export(events: Iterable[CalendarEvent], fmt: str, stream: IO[bytes]) -> int:
    """Write `events` in format `fmt` (one of `FORMATS`) to `stream`; returns how many were written.

    For `ics`, events without a time are not counted.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return write_parquet(events, stream)
    if fmt == "ics":
        placed = [e for e in events if e.start is not None]
        stream.write(render_calendar(placed))
        return len(placed)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt == "csv":
            return write_csv(events, text)
        count = 0
        records = plover_records(events) if fmt == "plover" else (e.to_record() for e in events)
        for record in records:
            text.write(_json_line(record))
            count += 1
        return count
    finally:
        text.flush()
        text.detach()  # leave the caller's stream open


__all__ = [
    "FORMATS",
    "event_row",
    "plover_records",
    "render_calendar",
    "write_csv",
    "write_export",
    "write_parquet",
]
