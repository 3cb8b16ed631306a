"""The days a TIMEX3-style value covers, so reports of different precision compare.

    "2025-01-05" -> 2025-01-05 .. 2025-01-05
    "2025-W02"   -> 2025-01-06 .. 2025-01-12   (ISO week, Monday to Sunday)
    "2025-01"    -> 2025-01-01 .. 2025-01-31
    "2025-Q1"    -> 2025-01-01 .. 2025-03-31
    "2025"       -> 2025-01-01 .. 2025-12-31

A value with an `end` covers from the start of `value` to the end of `end`.
Values this module does not know (seasons, durations, unresolved) give None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from summitry.model import TimeValue

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def value_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day `value` covers, or None if it is not a calendar value."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if m := _QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            first_month = 3 * quarter - 2
            last = calendar.monthrange(year, first_month + 2)[1]
            return dt.date(year, first_month, 1), dt.date(year, first_month + 2, last)
        if m := _YEAR.match(value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:  # month 13, week 54, February 30: not a calendar value
        return None
    return None


def time_interval(time: TimeValue | None) -> tuple[dt.date, dt.date] | None:
    """The days a reported time covers, `end` included; None if it has no usable value."""
    if time is None:
        return None
    start = value_interval(time.value)
    if start is None:
        return None
    end = value_interval(time.end) if time.end else None
    if end is None or end[1] < start[0]:
        return start
    return start[0], max(start[1], end[1])


def precision_days(time: TimeValue | None) -> int:
    """How many days the value of `time` (without its end) leaves open; large if unknown."""
    interval = value_interval(time.value) if time else None
    if interval is None:
        return 100_000
    return (interval[1] - interval[0]).days + 1
