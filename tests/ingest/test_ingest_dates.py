"""Dates of page furniture, and the year of a year-less dateline date."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.ingest.dates import find_date, nearest_year

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-11-20 + ↺", D(2024, 11, 20)),
        ("2024/11/20", D(2024, 11, 20)),
        ("2024.11.20 10:32", D(2024, 11, 20)),
        ("Posted 20.11.2024", D(2024, 11, 20)),
        ("11/20/2024", D(2024, 11, 20)),
        ("20/11/2024", D(2024, 11, 20)),
        ("03/04/2024", None),  # March 4 or 3 April: ambiguous
        ("Updated Nov. 20, 2024", D(2024, 11, 20)),
        ("20 November 2024", D(2024, 11, 20)),
        ("Sept 5th, 2023", D(2023, 9, 5)),
        ("2025-02-30", None),
        ("no date here", None),
    ],
)
def test_find_date(text, expected):
    found = find_date(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("month", "day", "anchor", "expected"),
    [
        (12, 30, D(2026, 1, 2), D(2025, 12, 30)),
        (1, 2, D(2025, 12, 31), D(2026, 1, 2)),
        (2, 27, D(1987, 2, 26), D(1987, 2, 27)),
        (6, 15, D(2024, 6, 1), D(2024, 6, 15)),
        (2, 29, D(2024, 3, 1), D(2024, 2, 29)),
        (2, 29, D(2026, 3, 1), None),  # no leap year in 2025-2027
        (2, 30, D(2024, 3, 1), None),
    ],
)
def test_nearest_year(month, day, anchor, expected):
    assert nearest_year(month, day, anchor) == expected
