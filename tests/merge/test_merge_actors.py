import datetime as dt

import pytest

from summitry.merge import actor_key
from summitry.merge.timespan import time_interval, value_interval
from summitry.model import Actor, ActorKind, TimeValue

PERSON, COUNTRY, ORG = ActorKind.PERSON, ActorKind.COUNTRY, ActorKind.ORGANIZATION


@pytest.mark.parametrize(
    ("actor", "key"),
    [
        (Actor("Antony Blinken", PERSON, "USA"), "person:USA:blinken"),
        (Actor("Blinken", PERSON, "USA"), "person:USA:blinken"),
        (Actor("Mr. Blinken", PERSON, "USA"), "person:USA:blinken"),
        (Actor("Cho Tae-yul", PERSON, "KOR"), "person:KOR:cho"),
        (Actor("Xi Jinping", PERSON, "CHN"), "person:CHN:xi"),
        (Actor("Fumio Kishida", PERSON, "JPN"), "person:JPN:kishida"),
        (Actor("Martin Luther King Jr.", PERSON, "USA"), "person:USA:king"),
        (Actor("José Núñez", PERSON, "CHL"), "person:CHL:nunez"),
        (Actor("Someone", PERSON, None), "person:-:someone"),
        (Actor("South Korea", COUNTRY, "KOR"), "country:KOR"),
        (Actor("Seoul", COUNTRY, "KOR"), "country:KOR"),
        (Actor("Atlantis", COUNTRY, None), "country:atlantis"),
        (Actor("European Union", ORG, None), "organization:european union"),
    ],
)
def test_actor_key(actor: Actor, key: str) -> None:
    assert actor_key(actor) == key


D = dt.date


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2025-01-05", (D(2025, 1, 5), D(2025, 1, 5))),
        ("2025-01-05T10:00", (D(2025, 1, 5), D(2025, 1, 5))),
        ("2025-W02", (D(2025, 1, 6), D(2025, 1, 12))),
        ("2025-W1", (D(2024, 12, 30), D(2025, 1, 5))),
        ("2025-02", (D(2025, 2, 1), D(2025, 2, 28))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-Q4", (D(2025, 10, 1), D(2025, 12, 31))),
        ("2025", (D(2025, 1, 1), D(2025, 12, 31))),
        ("2025-13", None),
        ("2025-W54", None),
        ("2025-SU", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_value_interval(value: str | None, interval: tuple[dt.date, dt.date] | None) -> None:
    assert value_interval(value) == interval


@pytest.mark.parametrize(
    ("time", "interval"),
    [
        (TimeValue("Jan 5-6", "2025-01-05", "2025-01-06"), (D(2025, 1, 5), D(2025, 1, 6))),
        (
            TimeValue("x", "2025-01-05", "2025-01-01"),
            (D(2025, 1, 5), D(2025, 1, 5)),
        ),  # end before start
        (TimeValue("x", None), None),
        (None, None),
    ],
)
def test_time_interval(time: TimeValue | None, interval: tuple[dt.date, dt.date] | None) -> None:
    assert time_interval(time) == interval
