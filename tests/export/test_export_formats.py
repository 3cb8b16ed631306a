"""Every export format, on the calendar of the article series."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from fixtures.series.load_series import all_series, load_series
from icalendar import Calendar

from summitry.export import FORMATS, write_export
from summitry.export.ical import event_summary_line, render_calendar
from summitry.export.tables import COLUMNS
from summitry.merge import mentions_of, merge_mentions
from summitry.merge.records import CalendarEvent
from summitry.model import Event, EventStatus


@pytest.fixture(scope="module")
def calendar() -> list[CalendarEvent]:
    return merge_mentions(m for s in all_series() for d in s.documents for m in mentions_of(d))


def export(events, fmt: str) -> bytes:
    out = io.BytesIO()
    write_export(events, fmt, out)
    return out.getvalue()


def test_jsonl_is_gold_format_one_event_per_line(calendar) -> None:
    lines = export(calendar, "jsonl").decode("utf-8").splitlines()
    assert len(lines) == len(calendar)
    for line, merged in zip(lines, calendar, strict=True):
        record = json.loads(line)
        assert record["id"] == merged.id and record["type"] == "CONSULT"
        # the scorer's fields read back as an Event
        event = Event.from_dict(record)
        assert (event.mode, event.status) == (merged.mode, merged.status)
        assert event.time == (None if merged.time is None else event.time)
        assert record["time"] is None or set(record["time"]) <= {"text", "value", "end"}
        assert [a["name"] for a in record["actors"]] == [p.name for p in merged.actors]
        assert len(record["history"]) == len(merged.history)


def test_csv(calendar) -> None:
    rows = list(csv.DictReader(io.StringIO(export(calendar, "csv").decode("utf-8"))))
    assert len(rows) == len(calendar) and tuple(rows[0]) == COLUMNS
    visit = next(r for r in rows if r["title"] == "Elena Varga visits Japan")
    assert visit["status"] == "occurred" and visit["start"] == "2025-03-24"
    assert (
        visit["status_history"] == "2025-03-03 expected; 2025-03-08 postponed; 2025-03-25 occurred"
    )


def test_parquet(calendar) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(export(calendar, "parquet")))
    assert table.num_rows == len(calendar) and tuple(table.column_names) == COLUMNS
    rows = table.to_pylist()
    assert rows[0]["start"] == calendar[0].start and isinstance(rows[0]["actors"], list)


def test_ics(calendar) -> None:
    parsed = Calendar.from_ical(export(calendar, "ics"))
    vevents = parsed.walk("VEVENT")
    assert len(vevents) == sum(1 for e in calendar if e.start)
    by_uid = {str(v["UID"]): v for v in vevents}
    visit = next(e for e in calendar if e.title == "Elena Varga visits Japan")
    vevent = by_uid[f"{visit.id}@summitry"]
    assert str(vevent["SUMMARY"]) == "Elena Varga visits Japan (occurred)"
    assert vevent["DTSTART"].dt == dt.date(2025, 3, 24) and vevent["DTEND"].dt == dt.date(
        2025, 3, 25
    )
    assert "has been postponed to March 24" in str(vevent["DESCRIPTION"])
    assert "https://news.example/jp/varga-mori-talks" in str(vevent["DESCRIPTION"])
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_ics_uid_is_stable_as_reports_arrive() -> None:
    documents = load_series("varga_tokyo").documents
    early = merge_mentions(m for d in documents[:1] for m in mentions_of(d))
    late = merge_mentions(m for d in documents for m in mentions_of(d))
    stamp = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

    def uids(events: list[CalendarEvent]) -> set[str]:
        rendered = Calendar.from_ical(render_calendar(events, stamp=stamp))
        return {str(v["UID"]) for v in rendered.walk("VEVENT")}

    assert uids(early) == uids(late)
    assert event_summary_line(early[0]).endswith("(expected)")


def test_plover_codes_forecasts_as_agree(calendar) -> None:
    records = [json.loads(line) for line in export(calendar, "plover").decode().splitlines()]
    by_status = {(r["summitry_status"], r["event_type"]) for r in records}
    assert ("occurred", "CONSULT") in by_status and ("planned", "AGREE") in by_status
    assert ("cancelled", "AGREE") in by_status  # PLOVER view: an announced meeting, called off
    for record, merged in zip(records, calendar, strict=True):
        assert record["id"] == merged.id
        assert record["source_documents"] == sorted({r.document_id for r in merged.history})


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_calendar(fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    assert isinstance(export([], fmt), bytes)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export([], "xml")


def test_stream_stays_open(calendar) -> None:
    out = io.BytesIO()
    write_export(calendar, "csv", out)
    assert not out.closed
    assert EventStatus.OCCURRED.value in out.getvalue().decode()
