"""Calendar events as flat rows, for CSV and Parquet.

One row per calendar event. Lists (names, countries, sources) are joined with
"; " in CSV and kept as lists in Parquet.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from summitry.errors import SummitryError
from summitry.merge.records import CalendarEvent

COLUMNS = (
    "id",
    "title",
    "type",
    "mode",
    "status",
    "start",
    "end",
    "time_value",
    "time_end",
    "time_text",
    "location",
    "location_country",
    "actors",
    "actor_countries",
    "recipients",
    "recipient_countries",
    "participant_keys",
    "first_reported",
    "last_reported",
    "reports",
    "status_history",
    "sources",
    "evidence",
)
LIST_COLUMNS = frozenset(
    {
        "actors",
        "actor_countries",
        "recipients",
        "recipient_countries",
        "participant_keys",
        "status_history",
        "sources",
    }
)


def event_row(event: CalendarEvent) -> dict[str, Any]:
    """The flat row of one event; list columns hold lists. `evidence` is the newest report's."""
    newest = event.history[-1] if event.history else None
    return {
        "id": event.id,
        "title": event.title,
        "type": event.type,
        "mode": event.mode.value,
        "status": event.status.value,
        "start": event.start,
        "end": event.end,
        "time_value": event.time.value if event.time else None,
        "time_end": event.time.end if event.time else None,
        "time_text": event.time.text if event.time else None,
        "location": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "actors": [p.name for p in event.actors],
        "actor_countries": [p.country or "" for p in event.actors],
        "recipients": [p.name for p in event.recipients],
        "recipient_countries": [p.country or "" for p in event.recipients],
        "participant_keys": [p.key for p in event.participants],
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
        "reports": len(event.history),
        "status_history": [
            f"{r.reference_day.isoformat() if r.reference_day else 'undated'} {r.status.value}"
            for r in event.history
        ],
        "sources": [r.url or r.document_id for r in event.history],
        "evidence": newest.evidence if newest else None,
    }


def event_rows(events: Iterable[CalendarEvent]) -> Iterator[dict[str, Any]]:
    return (event_row(e) for e in events)


def write_csv(events: Iterable[CalendarEvent], stream: IO[str]) -> int:
    """Write a header and one row per event; returns the number of rows."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in event_rows(events):
        writer.writerow(
            {
                key: "; ".join(value)
                if key in LIST_COLUMNS
                else ("" if value is None else str(value))
                for key, value in row.items()
            }
        )
        count += 1
    return count


def write_parquet(events: Iterable[CalendarEvent], target: str | IO[bytes]) -> int:
    """Write one Parquet table (needs pyarrow, extra `summitry[parquet]`); returns the row count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise SummitryError(
            "Parquet export needs pyarrow: pip install 'summitry[parquet]'"
        ) from error
    text, day, strings = pa.string(), pa.date32(), pa.list_(pa.string())
    types = {column: strings if column in LIST_COLUMNS else text for column in COLUMNS}
    types.update(
        {
            "start": day,
            "end": day,
            "first_reported": day,
            "last_reported": day,
            "reports": pa.int32(),
        }
    )
    schema = pa.schema([(column, types[column]) for column in COLUMNS])
    rows = list(event_rows(events))
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, target)
    return len(rows)
