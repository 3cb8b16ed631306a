"""Which mentions merge, and what the merged event says (hand-built records)."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures.series.load_series import SERIES_NAMES, load_series
from fixtures.series.records import (
    ETHIOPIA,
    JAPAN,
    KOREA,
    MORI,
    ODHIAMBO,
    SEOUL,
    TOKYO,
    VARGA,
    country,
    event,
    mention,
    person,
)

from summitry.merge import mentions_of, merge_mentions
from summitry.merge.records import CalendarEvent
from summitry.model import EventStatus, Location, Mode

S = EventStatus
D1, D2, D3 = dt.date(2025, 3, 3), dt.date(2025, 3, 8), dt.date(2025, 3, 25)


def merged_keys(*mentions) -> set[frozenset[str]]:
    return {frozenset(m.key for m in e.mentions) for e in merge_mentions(mentions)}


# Two reports, a (older) and b (newer): do they merge?
PAIRS = [
    ("same day, same everything", event(), event(status=S.OCCURRED), True),
    ("day inside the reported week", event(time="2025-W11"), event(time="2025-03-12"), True),
    ("day inside the reported month", event(time="2025-03"), event(time="2025-03-28"), True),
    ("different days", event(time="2025-03-10"), event(time="2025-03-12"), False),
    ("different weeks", event(time="2025-W11"), event(time="2025-W13"), False),
    (
        "postponed to a new date",
        event(time="2025-03-10"),
        event(time="2025-03-24", status=S.POSTPONED),
        True,
    ),
    (
        "postponed by a year is another event",
        event(time="2025-03-10"),
        event(time="2026-03-24", status=S.POSTPONED),
        False,
    ),
    ("one undated, near its article", event(time=None), event(time="2025-03-10"), True),
    ("surname only", event(actors=(person("Varga", "HUN"),)), event(), True),
    ("different visitors", event(actors=(ODHIAMBO,)), event(), False),
    ("same visitor, other country", event(recipients=(KOREA,), location=SEOUL), event(), False),
    (
        "same visitor, destination only in recipients",
        event(recipients=(KOREA,), location=None),
        event(),
        False,
    ),
    (
        "city and country of the same place",
        event(location=Location("Japan", "JPN")),
        event(location=TOKYO),
        True,
    ),
    ("unknown location", event(location=None), event(), True),
    ("other mode", event(mode=Mode.PHONE), event(), False),
    (
        "meeting, roles swapped",
        event(Mode.MEETING, (VARGA,), (MORI,)),
        event(Mode.MEETING, (MORI,), (VARGA,)),
        True,
    ),
    (
        "meeting: persons on both sides must share one",
        event(Mode.MEETING, (VARGA,), (MORI,)),
        event(Mode.MEETING, (VARGA,), (person("Yuki Sato", "JPN"),)),
        False,
    ),
    (
        "multilateral by countries",
        event(
            Mode.MULTILATERAL,
            (JAPAN, KOREA, country("China", "CHN")),
            (),
            location=SEOUL,
            time="2025-03",
        ),
        event(
            Mode.MULTILATERAL,
            (KOREA, JAPAN, country("China", "CHN")),
            (),
            location=SEOUL,
            time="2025-03-24",
        ),
        True,
    ),
]


@pytest.mark.parametrize(("why", "older", "newer", "merges"), PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(why: str, older, newer, merges: bool) -> None:
    a, b = mention("a", 0, D1, older), mention("b", 0, D2, newer)
    assert (len(merge_mentions([a, b])) == 1) is merges, why


def test_undated_reports_far_apart_stay_apart() -> None:
    a = mention("a", 0, dt.date(2025, 1, 1), event(time=None))
    b = mention("b", 0, dt.date(2025, 9, 1), event(time=None))
    assert len(merge_mentions([a, b])) == 2


def test_one_document_never_reports_one_event_twice() -> None:
    # a's two events both fit b's, but only one of them may join it
    a0, a1 = (
        mention("a", 0, D1, event(time="2025-W11")),
        mention("a", 1, D1, event(time="2025-W11")),
    )
    b = mention("b", 0, D2, event(time="2025-03-12"))
    groups = merged_keys(a0, a1, b)
    assert groups == {frozenset({"a#0", "b#0"}), frozenset({"a#1"})}


def resolved(*reports: tuple[str, dt.date, EventStatus, str | None]) -> CalendarEvent:
    mentions = [
        mention(doc, 0, day, event(status=status, time=time)) for doc, day, status, time in reports
    ]
    (only,) = merge_mentions(mentions)
    return only


LIFECYCLE = [
    (
        "expected, then occurred",
        [("a", D1, S.EXPECTED, "2025-W11"), ("b", D3, S.OCCURRED, "2025-03-12")],
        S.OCCURRED,
        "2025-03-12",
    ),
    (
        "occurred is not overridden by an older forecast",
        [("a", D3, S.OCCURRED, "2025-03-12"), ("b", D1, S.EXPECTED, "2025-W11")],
        S.OCCURRED,
        "2025-03-12",
    ),
    (
        "nor by a newer one",
        [("a", D2, S.OCCURRED, "2025-03-12"), ("b", D3, S.EXPECTED, "2025-W11")],
        S.OCCURRED,
        "2025-03-12",
    ),
    (
        "postponed to a new date",
        [("a", D1, S.PLANNED, "2025-03-10"), ("b", D2, S.POSTPONED, "2025-03-24")],
        S.POSTPONED,
        "2025-03-24",
    ),
    (
        "postponed, then held on the new date",
        [
            ("a", D1, S.PLANNED, "2025-03-10"),
            ("b", D2, S.POSTPONED, "2025-03-24"),
            ("c", D3, S.OCCURRED, "2025-03-24"),
        ],
        S.OCCURRED,
        "2025-03-24",
    ),
    (
        "cancelled without a date keeps the date it had",
        [("a", D1, S.PLANNED, "2025-03-10"), ("b", D2, S.CANCELLED, None)],
        S.CANCELLED,
        "2025-03-10",
    ),
    (
        "a vaguer newer report keeps the precise day",
        [("a", D1, S.PLANNED, "2025-03-12"), ("b", D2, S.EXPECTED, "2025-W11")],
        S.EXPECTED,
        "2025-03-12",
    ),
    (
        "same day: the more final status wins",
        [("b", D2, S.OCCURRED, "2025-03-12"), ("a", D2, S.EXPECTED, "2025-03-12")],
        S.OCCURRED,
        "2025-03-12",
    ),
]


@pytest.mark.parametrize(
    ("why", "reports", "status", "time"), LIFECYCLE, ids=[c[0] for c in LIFECYCLE]
)
def test_lifecycle(why: str, reports, status: EventStatus, time: str) -> None:
    merged = resolved(*reports)
    assert (merged.status, merged.time.value if merged.time else None) == (status, time), why
    assert len(merged.history) == len(reports)
    days = [r.reference_day for r in merged.history]
    assert days == sorted(days)


def test_event_id_is_the_earliest_mention_and_survives_newer_reports() -> None:
    a = mention("a", 0, D1, event(time="2025-W11"))
    b = mention("b", 0, D2, event(time="2025-03-12"))
    c = mention("c", 0, D3, event(time="2025-03-12", status=S.OCCURRED))
    first = merge_mentions([a])[0].id
    assert merge_mentions([a, b])[0].id == first
    assert merge_mentions([c, b, a])[0].id == first


def test_participants_merge_by_canonical_actor() -> None:
    a = mention("a", 0, D1, event(actors=(person("Varga", "HUN"),)))
    b = mention("b", 0, D2, event(actors=(VARGA,)))
    (merged,) = merge_mentions([a, b])
    assert [(p.key, p.name, p.role) for p in merged.participants] == [
        ("person:HUN:varga", "Elena Varga", "actor"),
        ("country:JPN", "Japan", "recipient"),
    ]
    assert merged.participants[0].aliases == ("Varga",)
    assert merged.title == "Elena Varga visits Japan"


@pytest.mark.parametrize(
    ("mode", "actors", "recipients", "location", "title"),
    [
        (Mode.VISIT, (ODHIAMBO,), (ETHIOPIA,), None, "Amina Odhiambo visits Ethiopia"),
        (
            Mode.VISIT,
            (ODHIAMBO,),
            (),
            Location("Addis Ababa", "ETH"),
            "Amina Odhiambo visits Addis Ababa",
        ),
        (Mode.MEETING, (VARGA,), (MORI,), None, "Elena Varga meets Kenji Mori"),
        (Mode.PHONE, (VARGA,), (MORI,), None, "Elena Varga speaks by phone with Kenji Mori"),
        (Mode.PHONE, (VARGA, MORI), (), None, "Elena Varga and Kenji Mori speak by phone"),
        (
            Mode.MULTILATERAL,
            (JAPAN, KOREA, ETHIOPIA),
            (),
            SEOUL,
            "Meeting of Japan, South Korea and Ethiopia in Seoul",
        ),
    ],
)
def test_title(mode, actors, recipients, location, title: str) -> None:
    (merged,) = merge_mentions(
        [mention("a", 0, D1, event(mode, actors, recipients, location=location))]
    )
    assert merged.title == title


@pytest.mark.parametrize("name", SERIES_NAMES)
def test_series_gives_the_expected_calendar(name: str) -> None:
    series = load_series(name)
    calendar = merge_mentions(m for d in series.documents for m in mentions_of(d))
    got = {
        (
            e.mode.value,
            e.status.value,
            e.time.value if e.time else None,
            frozenset(m.key for m in e.mentions),
        )
        for e in calendar
    }
    assert got == {(e.mode, e.status, e.time, e.mentions) for e in series.expected}


def test_calendar_event_round_trips_through_dict() -> None:
    series = load_series("varga_tokyo")
    for merged in merge_mentions(m for d in series.documents for m in mentions_of(d)):
        assert CalendarEvent.from_dict(merged.to_dict()) == merged


@pytest.mark.parametrize(
    ("older", "newer", "merges"),
    [
        ((VARGA,), (MORI,), True),
        ((VARGA,), (JAPAN,), True),  # "talks with Japanese officials"
        ((VARGA, MORI), (), True),
        ((person("Varga", "HUN"),), (MORI, person("Yuki Sato", "JPN")), True),  # more detail
        ((VARGA,), (person("Yuki Sato", "JPN"),), False),
        ((JAPAN,), (country("Hungary", "HUN"),), False),  # no shared canonical actor
    ],
)
def test_meeting_counterparts(older, newer, merges: bool) -> None:
    a = mention("a", 0, D1, event(Mode.MEETING, (VARGA,), (MORI,)))
    b = mention("b", 0, D2, event(Mode.MEETING, older, newer))
    assert (len(merge_mentions([a, b])) == 1) is merges


def test_person_without_country_matches_the_same_surname() -> None:
    a = mention(
        "a",
        0,
        D1,
        event(
            Mode.PHONE,
            (person("Marcos Rivas", "CHL"),),
            (person("Lucia Ferraro", "ARG"),),
            location=None,
        ),
    )
    b = mention(
        "b",
        0,
        D2,
        event(
            Mode.PHONE,
            (person("Lucia Ferraro", "ARG"),),
            (person("Marcos Rivas", None),),
            location=None,
        ),
    )
    (merged,) = merge_mentions([a, b])
    assert sorted(p.key for p in merged.participants) == ["person:ARG:ferraro", "person:CHL:rivas"]
    other = mention(
        "c",
        0,
        D2,
        event(
            Mode.PHONE, (person("Lucia Ferraro", "ARG"),), (person("Rivas", "ESP"),), location=None
        ),
    )
    assert len(merge_mentions([a, other])) == 2


def test_an_undated_report_does_not_chain_two_held_events() -> None:
    held_march = mention("a", 0, D1, event(status=S.OCCURRED, time="2025-03-02"))
    held_june = mention("b", 0, dt.date(2025, 6, 3), event(status=S.OCCURRED, time="2025-06-02"))
    undated = mention("c", 0, None, event(time=None))  # compatible with both
    groups = merged_keys(held_march, held_june, undated)
    assert not any({"a#0", "b#0"} <= group for group in groups)


def test_forecasts_far_apart_are_not_chained() -> None:
    early = mention("a", 0, dt.date(2025, 1, 2), event(time="2025-01-10"))
    late = mention("b", 0, dt.date(2026, 6, 2), event(time="2026-06-10"))
    undated = mention("c", 0, None, event(time=None))
    assert len(merge_mentions([early, late, undated])) == 2
