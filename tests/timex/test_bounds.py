"""Parts of named periods, open-ended times, "another year", and anchors by tid."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.timex import annotate

THURSDAY = dt.date(2013, 3, 14)


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        (
            "The summit is set for the second week of May.",
            "the second week of May",
            "2013-W19",
            None,
        ),
        ("They met in the last week of February.", "the last week of February", "2013-W09", None),
        (
            "Talks are due in the third week of this month.",
            "the third week of this month",
            "2013-W12",
            None,
        ),
        (
            "A fair opens the first weekend of June 2014.",
            "the first weekend of June 2014",
            "2014-W23-WE",
            None,
        ),
        ("It is the third day of the offensive.", "the third day", "2013-03-14", None),
        (
            "The law was adopted in the spring of last year.",
            "the spring of last year",
            "2012-SP",
            None,
        ),
        ("Sales rose early in the year.", "early in the year", "2013", "START"),
        ("The law was passed late in 2012.", "late in 2012", "2012", "END"),
        ("The sanctions will stay for another year.", "another year", "P1Y", None),
        ("He will stay at least another month.", "at least another month", "P1M", "EQUAL_OR_MORE"),
        ("The rule covers post-1959 buildings.", "post-1959", "1959", "AFTER"),
        ("The rule covers pre-1990 cars.", "pre-1990", "1990", "BEFORE"),
        ("Delivery is expected in 1994 or later.", "1994 or later", "1994", "ON_OR_AFTER"),
        ("The plan covers 1990 and beyond.", "1990 and beyond", "1990", "ON_OR_AFTER"),
        ("The war ended more than a decade ago.", "more than a decade ago", "2003", "BEFORE"),
        ("He left less than a year ago.", "less than a year ago", "2012", "AFTER"),
        (
            "They ruled for more than half a century.",
            "more than half a century",
            "P50Y",
            "MORE_THAN",
        ),
        ("The rebels held the town for a fortnight.", "a fortnight", "P2W", None),
        ("He left a fortnight ago.", "a fortnight ago", "2013-W09", None),
        ("He was hurt a year and a half ago.", "a year and a half ago", "2011", None),
    ],
)
def test_bounded(text: str, expression: str, value: str, mod: str | None) -> None:
    found = {t.text: t for t in annotate(text, THURSDAY)}
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    assert (found[expression].value, found[expression].mod) == (value, mod)


def test_no_fifth_week_in_february() -> None:
    assert all("week" not in t.text for t in annotate("The fifth week of February 2013.", THURSDAY))


def test_open_end_needs_a_clause_end() -> None:
    # "or later" here starts a new phrase, not an open end of 1994
    found = {t.text for t in annotate("It was 1994 or later today, he said.", THURSDAY)}
    assert "1994" in found


def test_anchor_tids_point_to_the_time_resolved_against() -> None:
    text = "He arrived on March 4. The next day he met the king. He leaves next week."
    found = annotate(text, THURSDAY)
    by_text = {t.text: t for t in found}
    assert by_text["The next day"].anchor_tid == by_text["March 4"].tid
    assert by_text["next week"].anchor_tid == "t0"  # the reference day
    assert annotate("He leaves next week.", None)[0].anchor_tid is None


def test_anchor_tid_of_a_clock_time_on_a_day() -> None:
    found = annotate("They met at 10 p.m. Wednesday. The next day they left.", THURSDAY)
    assert found[1].anchor_tid == found[0].tid


@pytest.mark.parametrize(
    ("text", "last", "value"),
    [
        ("He will tour the region from March 15 to 26, she said.", "26", "2013-03-26"),
        ("The summit was held on March 12-13.", "13", "2013-03-13"),
        ("The talks are on April 24 and 25.", "25", "2013-04-25"),
        ("Talks on March 19-20 ended without a deal.", "20", "2013-03-20"),
        ("Bodies were found on March 2 and 9 respectively.", "9", "2013-03-09"),
        ("He will miss the April 1-15 games.", "15", "2013-04-15"),
        ("The armistice ended the 1950-53 war.", "53", "1953"),
    ],
)
def test_day_range_end_is_a_date(text: str, last: str, value: str) -> None:
    found = {t.text: t for t in annotate(text, THURSDAY)}
    assert found[last].value == value
    assert found[last].anchor_tid is not None


def test_a_number_after_a_date_is_not_always_a_day() -> None:
    found = [
        t.text for t in annotate("On April 24 and 25 percent of voters stayed home.", THURSDAY)
    ]
    assert found == ["April 24"]


@pytest.mark.parametrize(
    ("text", "mod"),
    [("They worked there for over two years.", "MORE_THAN"), ("It evolved over two years.", None)],
)
def test_over_is_more_than_only_as_an_amount(text: str, mod: str | None) -> None:
    [timex] = annotate(text, THURSDAY)
    assert (timex.text, timex.mod) == ("two years", mod)
