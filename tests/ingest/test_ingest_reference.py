"""The reference day fallback chain, and the caller's dct."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.errors import InputError
from summitry.ingest import choose_reference_day, parse_dct
from summitry.model import Dateline, ReferenceSource, Span

D = dt.date
DATED = Dateline(Span(0, 14, "ROME, Feb 27 -"), "Rome", D(1987, 2, 27), None)
UNDATED = Dateline(Span(0, 18, "WASHINGTON (AP) --"), "Washington", None, "AP")


@pytest.mark.parametrize(
    ("dateline", "page_date", "dct", "expected"),
    [
        (DATED, D(1987, 2, 26), D(1987, 2, 25), (D(1987, 2, 27), ReferenceSource.DATELINE)),
        (UNDATED, D(1987, 2, 26), D(1987, 2, 25), (D(1987, 2, 26), ReferenceSource.PAGE)),
        (None, D(1987, 2, 26), D(1987, 2, 25), (D(1987, 2, 26), ReferenceSource.PAGE)),
        (None, None, D(1987, 2, 25), (D(1987, 2, 25), ReferenceSource.DCT)),
        (UNDATED, None, None, (None, ReferenceSource.NONE)),
        (None, None, None, (None, ReferenceSource.NONE)),
    ],
)
def test_choose_reference_day(dateline, page_date, dct, expected):
    assert choose_reference_day(dateline, page_date, dct) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2024-11-20", D(2024, 11, 20)),
        (" 2024-11-20 ", D(2024, 11, 20)),
        ("2024-11-20T08:00:00Z", D(2024, 11, 20)),
        (D(2024, 11, 20), D(2024, 11, 20)),
        (dt.datetime(2024, 11, 20, 8, 0), D(2024, 11, 20)),
    ],
)
def test_parse_dct(value, expected):
    assert parse_dct(value, "doc") == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-02-30", "impossible dct '2025-02-30'"),
        ("yesterday", "dct 'yesterday' is not a date"),
        ("20-11-2024", "is not a date"),
        ("2024/11/20", "is not a date"),
        ("2024-11-20garbage", "is not a date"),
        (20241120, "is not a date"),
    ],
)
def test_impossible_dct(value, reason):
    with pytest.raises(InputError) as caught:
        parse_dct(value, "doc-7")
    assert caught.value.doc_id == "doc-7"
    assert reason in caught.value.reason
