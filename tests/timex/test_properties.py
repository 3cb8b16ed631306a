"""Invariants of annotate(): valid TIMEX3 or nothing, never an exception, deterministic."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.timex import TIMEX_TYPES, annotate

# What a TIMEX3 value may look like (TimeML 1.2.1 value grammar, the forms we emit).
_DATE = (
    r"(?:\d{2,4}|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q\d|-H\d|-(?:SP|SU|FA|WI))?"
)
_TIME = rf"{_DATE}T(?:\d{{2}}:\d{{2}}|MO|AF|EV|NI|MI|DT)"
# WE: "several weekends" (PXWE); a counted weekend is written in days (P4D). C, L: TimeML's
# century and millennium ("centuries" PXC).
_DURATION = r"PT?(?:[\d.]+|X)(?:Y|M|WE|W|D|H|S|DE|C|L|Q|X)(?:\d+[MS])?"
_SET = rf"{_DATE}|{_TIME}|{_DURATION}"
VALUE = re.compile(rf"(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_TIME}|{_DATE}|{_DURATION}|{_SET})")

# Text built from time words and filler, so that the rules actually fire.
WORDS = st.sampled_from(
    "on in the a last next this early late mid- Jan. March May 13 13th 2025 1998 '90s 1/13/25 "
    "Monday Friday week month year quarter fourth two-day three years ago later earlier following "
    "day every each daily now recently said will met expected , . 10:30 a.m. noon tonight "
    "the past 18 months spring fiscal century 20th for a long time half an hour year-end "
    "tommorrow 1400 GMT 22/03/2013 MARCH nineteen ninety-six Christmas Q3 quarter".split()
)
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))
DAYS = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXT, DAYS)
def test_valid_values_or_none(text: str, reference_day: dt.date | None) -> None:
    for timex in annotate(text, reference_day):
        assert timex.type in TIMEX_TYPES
        assert text[timex.start : timex.end] == timex.text and timex.start < timex.end
        assert timex.value is None or VALUE.fullmatch(timex.value), timex


@settings(max_examples=100, deadline=None)
@given(TEXT, DAYS)
def test_deterministic(text: str, reference_day: dt.date | None) -> None:
    assert annotate(text, reference_day) == annotate(text, reference_day)


@settings(max_examples=100, deadline=None)
@given(TEXT, DAYS)
def test_sorted_and_disjoint(text: str, reference_day: dt.date | None) -> None:
    found = annotate(text, reference_day)
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
