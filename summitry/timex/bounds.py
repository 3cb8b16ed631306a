"""Handlers for a part of a named period ("the second week of May") and for open-ended
times ("post-1959", "1994 or later", "more than a decade ago", "a year or more"), for
approximate ones ("around Nov. 1"), and for one more unit ("another year").

TIMEX3 writes an open end as a `mod` on the time it is bounded by (BEFORE, AFTER,
ON_OR_BEFORE, ON_OR_AFTER; EQUAL_OR_MORE, EQUAL_OR_LESS on a duration), and an
approximation as APPROX; the value stays that time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from summitry.timex import periods as cal
from summitry.timex.absolute import ordinal, year_of
from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import LEX, SEASONS, alternation
from summitry.timex.spans import duration_value
from summitry.timex.words import mod_of, month_number, unit_code

_OPEN_ENDS: dict[str, str] = LEX["open_ends"]
_AMOUNT_OPEN_ENDS: dict[str, str] = LEX["amount_open_ends"]  # "three years or more"
_OPEN_END_FOLLOWS = r"(?=\s*(?:[,.;:)!?\"]|$|and\b|but\b|when\b|if\b))"
_TRAILING = re.compile(rf"\s+({alternation(_OPEN_ENDS)}){_OPEN_END_FOLLOWS}", re.I)
_TRAILING_AMOUNT = re.compile(rf"\s+({alternation(_AMOUNT_OPEN_ENDS)}){_OPEN_END_FOLLOWS}", re.I)


def week_of_month(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the second week of May", "the last week of this month", "the first weekend of
    June 2013" -> the ISO week (weekend) that holds most of that stretch of the month."""
    gd = m.groupdict()
    n = ordinal(gd["ord"])
    if n is None or not (n == -1 or 1 <= n <= 5):
        return None
    ref = ctx.reference
    if gd.get("month"):
        month = month_number(gd["month"])
        year = year_of(m)
        if year is None:
            if ref is None:
                return Reading("DATE", None)
            year = cal.likely_year(ref, month, None, ctx.direction(start, end))
    else:
        if ref is None:
            return Reading("DATE", None)
        step = {"last": -1, "next": 1}.get((gd.get("rel") or "").lower(), 0)
        first = cal.shift(cal.point(cal.MONTH, ref), step)
        if first is None:
            return None
        year, month = first.day.year, first.day.month
    first_day = dt.date(year, month, 1)
    next_month = (first_day + dt.timedelta(days=32)).replace(day=1)
    if n == -1:
        middle = next_month - dt.timedelta(days=4)  # the week of the month's last Thursday
    else:
        middle = first_day + dt.timedelta(days=3 + 7 * (n - 1))
        if middle >= next_month:
            return None  # "the fifth week of February"
    if gd["unit"].lower() == "weekend":
        saturday = middle + dt.timedelta(days=(6 - middle.isoweekday()) % 7)
        p = cal.point(cal.WEEKEND, saturday)
    else:
        p = cal.point(cal.WEEK, middle)
    return Reading("DATE", p.value, point=p)


def ordinal_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the second day (of the offensive)", "his first day in office" -> the day last
    spoken of, or the reference day: news counts the days of an event up to the day told."""
    day = ctx.last_day or ctx.reference
    if day is None:
        return Reading("DATE", None)
    p = cal.point(cal.DAY, day)
    return Reading("DATE", p.value, anchor=day.isoformat(), point=p)


def season_of_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the spring of last year", "summer next year" -> that season of that year."""
    if ctx.reference is None:
        return Reading("DATE", None)
    step = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    code = SEASONS[m.group("season").lower()]
    p = cal.Point(cal.SEASON, dt.date(ctx.reference.year + step, 1, 1), code)
    return Reading("DATE", p.value, mod_of(m.group("mod")), ctx.reference.isoformat(), p)


def another_unit(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "another year", "(at least) another two weeks" -> a duration of that length."""
    code = unit_code(m.group("unit"))
    if code == "X":
        return None
    return Reading("DURATION", duration_value(1, code), mod_of(m.group("mod")))


def open_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "post-1959", "pre-1990" -> that year, mod AFTER / BEFORE."""
    number = year_of(m)
    if number is None:
        return None
    p = cal.point(cal.YEAR, dt.date(number, 1, 1))
    mod = "AFTER" if m.group("side").lower() == "post" else "BEFORE"
    return Reading("DATE", p.value, mod, point=p)


def trailing_bound(text: str, end: int, reading: Reading) -> tuple[int, Reading]:
    """ "1994 or later", "1990 and beyond", "three years or more": the open end joins the
    expression as its mod (ON_OR_AFTER ... for a time, EQUAL_OR_MORE ... for a duration)."""
    if reading.mod is not None:
        return end, reading
    if reading.type == "DURATION":
        ends, pattern = _AMOUNT_OPEN_ENDS, _TRAILING_AMOUNT
    elif reading.type in ("DATE", "TIME") and reading.point is not None:
        ends, pattern = _OPEN_ENDS, _TRAILING
    else:
        return end, reading
    found = pattern.match(text, end)
    if found is None:
        return end, reading
    mod = ends[re.sub(r"\s+", " ", found.group(1).lower())]
    return found.end(), dataclasses.replace(reading, mod=mod)


# "around Nov. 1", "approximately 3 p.m.": TimeML puts the approximator inside the
# expression with mod APPROX (TE3 training data: "around" 3 of 3). Not "about" before a
# date ("worried about the future"), nor "around" as a verb's particle ("get around").
_LEADING_APPROX = re.compile(r"(?:(\w+)\s+)?\b(around|approximately|roughly)\s+$", re.I)
_APPROXIMATORS = ("around", "approximately", "roughly")
_PARTICLE_VERBS = frozenset(
    "get gets got getting come comes came coming turn turns turned turning go goes went going"
    " look looked move moved run ran stick stuck hang hung".split()
)


def leading_approximation(text: str, start: int, reading: Reading) -> tuple[int, Reading]:
    """ "around Nov. 1", "approximately 7:15 p.m." -> the approximator joins the DATE or
    TIME as mod APPROX; durations keep theirs outside (see `annotate._outer_modifier`)."""
    if reading.type not in ("DATE", "TIME") or reading.mod is not None:
        return start, reading
    if not text[max(0, start - 16) : start].rstrip().lower().endswith(_APPROXIMATORS):
        return start, reading  # the cheap test first: most expressions have none
    found = _LEADING_APPROX.search(text, max(0, start - 30), start)
    if found is None or (found.group(1) or "").lower() in _PARTICLE_VERBS:
        return start, reading
    return found.start(2), dataclasses.replace(reading, mod="APPROX")


def ago_bound(mod: str | None, sign: int) -> str | None:
    """ "more than a decade ago" lies before the time it names (BEFORE), "less than a year
    ago" after it (AFTER), "at least three years ago" on or before it (ON_OR_BEFORE), "no
    more than a year ago" on or after it; turned round for "from now". TIDES gives these
    point mods; a duration's (MORE_THAN, EQUAL_OR_MORE ...) never qualifies a date."""
    bounds = {
        "MORE_THAN": ("BEFORE", "AFTER"),
        "LESS_THAN": ("AFTER", "BEFORE"),
        "EQUAL_OR_MORE": ("ON_OR_BEFORE", "ON_OR_AFTER"),
        "EQUAL_OR_LESS": ("ON_OR_AFTER", "ON_OR_BEFORE"),
    }
    if mod not in bounds:
        return mod
    past, future = bounds[mod]
    return past if sign < 0 else future


_RANGE_END = re.compile(
    r"\s*(?:-|–|to|and|or|through|until|till)\s*(\d{1,2})(?!\d|[.,:]\d|-|\s*(?:%|[ap]\.?m\b))"
    r"(?=\s*(?:[,.;:)\"'’]|$)|\s+(?:and|in|at|for|with|when|while|to|as|after|before|of|on|by"
    r"|during|within|across|from|respectively|is|was|are|were|will|would|due|[a-z]+ed"
    r"|summit|meetings?|talks|visit|session|conference|games|event|elections?|vote|polls?)\b)"
)


_YEAR_RANGE_END = re.compile(r"[-–/](\d{2})(?![\d/-]|[.,]\d)")


def day_range_ends(
    text: str, found: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading]]:
    """ "from Nov. 15 to 26", "March 12-13", "April 24 and 25", "March 28 or 29": the bare
    day that ends a range of days (or closes an alternative) is a date of its own, in the
    month of the day that starts it; so is the short year that ends a range of years ("the
    1950-53 war")."""
    out: list[tuple[int, int, Reading]] = []
    for start, end, r in found:
        out.append((start, end, r))
        if r.type != "DATE" or r.point is None or r.value is None:
            continue
        if r.point.unit == cal.YEAR:
            m, first = _YEAR_RANGE_END.match(text, end), r.point.day.year
            if m is None or first % 100 >= int(m.group(1)):
                continue
            p = cal.point(cal.YEAR, dt.date(first // 100 * 100 + int(m.group(1)), 1, 1))
        elif r.point.unit == cal.DAY:
            m, first_day = _RANGE_END.match(text, end), r.point.day
            last = cal.safe_date(first_day.year, first_day.month, int(m.group(1))) if m else None
            if m is None or last is None or last <= first_day:
                continue
            p = cal.point(cal.DAY, last)
        else:
            continue
        out.append((m.start(1), m.end(1), Reading("DATE", p.value, anchor=r.value, point=p)))
    return out
