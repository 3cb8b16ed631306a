"""GET /calendar.ics: parsed back with `icalendar` and checked field by field."""

from __future__ import annotations

import datetime as dt

import httpx
from api.sample_calendar import BLINKEN, SEOUL_SENTENCE, SOUTH_KOREA, VARGA, Frame, article
from icalendar import Calendar

from summitry.model import EventStatus, Location, Mode
from summitry.store import Store


def feed(client: httpx.Client, **params: str) -> Calendar:
    response = client.get("/calendar.ics", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar: Calendar) -> dict[str, object]:
    return {str(component["summary"]): component for component in calendar.walk("VEVENT")}


def test_feed_is_valid_and_holds_every_dated_event(client: httpx.Client) -> None:
    calendar = feed(client)
    assert str(calendar["version"]) == "2.0"
    assert "summitry" in str(calendar["prodid"])
    assert sorted(vevents(calendar)) == [
        "Amina Odhiambo speaks by phone with Ethiopia (occurred)",
        "Antony Blinken visits South Korea (expected)",
        "Elena Varga visits Japan (occurred)",
        "Kenji Mori visits South Korea (possible)",
        "Mallory Quill meets Japan (planned)",
        "Meeting of African Union, Kenya and Ethiopia in Addis Ababa (cancelled)",
    ]


def test_day_precise_event_is_all_day_with_evidence_and_source(
    client: httpx.Client, calendar: dict[str, tuple[str, ...]]
) -> None:
    blinken = vevents(feed(client))["Antony Blinken visits South Korea (expected)"]
    start, end = blinken["dtstart"].dt, blinken["dtend"].dt  # type: ignore[index]
    assert type(start) is dt.date and start == dt.date(2025, 1, 5)
    assert type(end) is dt.date and end == dt.date(2025, 1, 7)  # exclusive: the visit lasts 5-6 Jan
    description = str(blinken["description"])  # type: ignore[index]
    assert SEOUL_SENTENCE in description
    assert "Example Wire <https://news.example/blinken-seoul>" in description
    assert str(blinken["status"]) == "TENTATIVE"  # type: ignore[index]
    assert str(blinken["location"]) == "Seoul"  # type: ignore[index]
    (event_id,) = calendar["doc-blinken-seoul"]
    assert str(blinken["uid"]) == f"{event_id}@summitry"  # type: ignore[index]
    assert str(blinken["url"]).endswith(f"/events/{event_id}")  # type: ignore[index]


def test_statuses_map_to_ical_statuses(client: httpx.Client) -> None:
    events = vevents(feed(client))
    status = {
        summary.rsplit(" (", 1)[1].rstrip(")"): str(e["status"]) for summary, e in events.items()
    }  # type: ignore[index]
    assert status == {
        "occurred": "CONFIRMED",
        "expected": "TENTATIVE",
        "possible": "TENTATIVE",
        "planned": "TENTATIVE",
        "cancelled": "CANCELLED",
    }


def test_month_precision_spans_the_month_and_says_so(client: httpx.Client) -> None:
    mori = vevents(feed(client))["Kenji Mori visits South Korea (possible)"]
    assert mori["dtstart"].dt == dt.date(2025, 2, 1)  # type: ignore[index]
    assert mori["dtend"].dt == dt.date(2025, 3, 1)  # type: ignore[index]
    assert "only known to the month" in str(mori["description"])  # type: ignore[index]


def test_filters_apply_to_the_feed(client: httpx.Client) -> None:
    assert sorted(vevents(feed(client, country="KOR"))) == [
        "Antony Blinken visits South Korea (expected)",
        "Kenji Mori visits South Korea (possible)",
    ]
    assert list(vevents(feed(client, status="cancelled", mode="multilateral"))) == [
        "Meeting of African Union, Kenya and Ethiopia in Addis Ababa (cancelled)"
    ]
    assert client.get("/calendar.ics", params={"mode": "lunch"}).status_code == 422


def test_uid_is_stable_when_a_newer_report_updates_the_event(
    client: httpx.Client, store: Store
) -> None:
    before = vevents(feed(client))["Antony Blinken visits South Korea (expected)"]
    sentence = "Blinken arrived in Seoul on Sunday for talks."
    store.ingest(
        article(
            "doc-blinken-arrives",
            dt.date(2025, 1, 5),
            f"Blinken in Seoul\n\n{sentence}",
            [
                Frame(
                    Mode.VISIT,
                    (BLINKEN,),
                    (SOUTH_KOREA,),
                    EventStatus.OCCURRED,
                    sentence,
                    "arrived",
                    "on Sunday",
                    "2025-01-05",
                    None,
                    Location("Seoul", "KOR"),
                ),
            ],
            url="https://news.example/blinken-arrives",
            publisher="Other Daily",
        )
    )
    after = vevents(feed(client))
    assert "Antony Blinken visits South Korea (expected)" not in after
    updated = after["Antony Blinken visits South Korea (occurred)"]
    assert str(updated["uid"]) == str(before["uid"])  # type: ignore[index]
    assert int(updated["sequence"]) > int(before["sequence"])  # type: ignore[index]
    assert str(updated["status"]) == "CONFIRMED"  # type: ignore[index]
    assert "Blinken arrived in Seoul" in str(updated["description"])  # type: ignore[index]


def test_events_without_a_time_are_left_out(client: httpx.Client, store: Store) -> None:
    sentence = "Kenji Mori met Elena Varga for talks."
    store.ingest(
        article(
            "doc-undated",
            dt.date(2025, 1, 3),
            f"Talks\n\n{sentence}",
            [Frame(Mode.MEETING, (VARGA,), (), EventStatus.OCCURRED, sentence, "met")],
            url=None,
            publisher="Example Wire",
        )
    )
    assert client.get("/api/events", params={"q": "Kenji Mori met"}).json()["total"] == 1
    assert all("met" not in summary for summary in vevents(feed(client)))


def test_a_poll_with_the_etag_gets_304_until_the_calendar_changes(
    client: httpx.Client, store: Store
) -> None:
    first = client.get("/calendar.ics", params={"country": "KOR"})
    etag = first.headers["etag"]
    again = client.get("/calendar.ics", params={"country": "KOR"}, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    other = client.get("/calendar.ics", params={"country": "JPN"})
    assert other.headers["etag"] != etag  # the filters are part of the tag
    assert client.get("/calendar.ics", params={"country": "KOR"}).content == first.content
    sentence = "Kenji Mori met Elena Varga for talks."
    store.ingest(
        article(
            "doc-undated",
            dt.date(2025, 1, 3),
            f"Talks\n\n{sentence}",
            [Frame(Mode.MEETING, (VARGA,), (), EventStatus.OCCURRED, sentence, "met")],
            url=None,
            publisher="Example Wire",
        )
    )
    changed = client.get(
        "/calendar.ics", params={"country": "KOR"}, headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
