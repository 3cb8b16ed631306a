"""Calendar points at a granularity, their TIMEX3 values, and arithmetic on them.

A `Point` is a period of the calendar (a day, an ISO week, a month, a
quarter, a year, a decade, ...) represented by its first day. Relative
expressions are resolved by moving points: "a year earlier" moves the last
quarter mentioned by four quarters, "next week" moves the reference day's
week by one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

# Granularities, finest first.
DAY, WEEK, WEEKEND, MONTH, SEASON, QUARTER, HALF, YEAR, DECADE, CENTURY = (
    "D",
    "W",
    "WE",
    "M",
    "S",
    "Q",
    "H",
    "Y",
    "DE",
    "CE",
)
_FINENESS = (DAY, WEEKEND, WEEK, MONTH, SEASON, QUARTER, HALF, YEAR, DECADE, CENTURY)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
MIN_YEAR, MAX_YEAR = 1, 9998


def coarser(unit: str, than: str) -> bool:
    """Whether a period of `unit` is too long to say which period of `than` is meant: a
    year names no month ("1996" then "the end of the month" is not January 1996)."""
    return _FINENESS.index(unit) > max(_FINENESS.index(than), _FINENESS.index(MONTH))


@dataclass(frozen=True)
class Point:
    """A calendar period: its granularity, first day, and season code for seasons."""

    unit: str
    day: dt.date
    season: str | None = None

    @property
    def value(self) -> str:
        """The TIMEX3 value of this period."""
        d = self.day
        if self.unit == DAY:
            return d.isoformat()
        if self.unit in (WEEK, WEEKEND):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if self.unit == WEEKEND else "")
        if self.unit == MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if self.unit == SEASON:
            return f"{d.year:04d}-{self.season}"
        if self.unit == QUARTER:
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.unit == HALF:
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if self.unit == YEAR:
            return f"{d.year:04d}"
        if self.unit == DECADE:
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"


def point(unit: str, day: dt.date, season: str | None = None) -> Point:
    """The `unit`-period that contains `day`, normalised to its first day."""
    if unit == DAY:
        return Point(DAY, day)
    if unit in (WEEK, WEEKEND):
        return Point(unit, day - dt.timedelta(days=day.weekday()))
    if unit == MONTH:
        return Point(MONTH, day.replace(day=1))
    if unit == QUARTER:
        return Point(QUARTER, dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    if unit == HALF:
        return Point(HALF, dt.date(day.year, (day.month - 1) // 6 * 6 + 1, 1))
    if unit == YEAR:
        return Point(YEAR, dt.date(day.year, 1, 1))
    if unit == DECADE:
        return Point(DECADE, dt.date(max(MIN_YEAR, day.year // 10 * 10), 1, 1))
    if unit == CENTURY:
        return Point(CENTURY, dt.date(max(MIN_YEAR, day.year // 100 * 100), 1, 1))
    if unit == SEASON:
        code = season or season_of(day)
        year = day.year - 1 if code == "WI" and day.month < 3 else day.year
        return Point(SEASON, dt.date(year, _SEASON_START[code], 1), code)
    raise ValueError(f"unknown unit {unit!r}")


def season_of(day: dt.date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[day.month - 1]


def delta(unit: str, n: float) -> relativedelta:
    """A calendar step of `n` `unit`s (fractions of months and years become months)."""
    if unit == DAY:
        return relativedelta(days=int(n))
    if unit in (WEEK, WEEKEND):
        return relativedelta(weeks=int(n))
    if unit == MONTH:
        return relativedelta(months=int(n))
    if unit == SEASON:
        return relativedelta(years=int(n))
    if unit == QUARTER:
        return relativedelta(months=int(3 * n))
    if unit == HALF:
        return relativedelta(months=int(6 * n))
    if unit == YEAR:
        return relativedelta(months=int(round(12 * n)))
    if unit == DECADE:
        return relativedelta(years=int(10 * n))
    return relativedelta(years=int(100 * n))


def shift(p: Point, n: float, unit: str | None = None) -> Point | None:
    """`p` moved by `n` `unit`s (default: its own), at its granularity; None off-calendar."""
    try:
        moved = p.day + delta(unit or p.unit, n)
    except (OverflowError, ValueError):
        return None
    if not MIN_YEAR <= moved.year <= MAX_YEAR:
        return None
    return point(p.unit, moved, p.season)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None if it does not exist (Feb. 30) or is off-calendar."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def likely_year(
    reference: dt.date, month: int, day: int | None, direction: int, *, strict: bool = False
) -> int:
    """The year of a (month, day) without one: the nearest to the reference day, where a
    date against the tense (or, without a tense, in the future) counts as farther away.

    News mostly reports the past: "the quarter ended March 31" written in November is
    the March before, although the next March is nearer. `strict` (a verb right by the
    expression set the tense) makes going against the tense much costlier.
    """
    # Only a bare month is held firmly: a day a week or two against the tense is common
    # ("the quarter ended Jan. 31", a deadline set in the past).
    firm = (400 if strict else 150) if day is None else 150
    best, best_score = reference.year, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = safe_date(year, month, day or 15) or safe_date(year, month, 28)
        if candidate is None:
            continue
        if day is None and year == reference.year and month == reference.month:
            return year
        score = day_gap_cost((candidate - reference).days, direction, firm)
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


def day_gap_cost(gap: int, direction: int, firm: int = 150) -> int:
    """How unlikely a day `gap` days from the reference day is: its distance, plus `firm`
    days against the tense (60 ahead without one). A day three days against the tense is
    likelier than one a year off with it ("will guard churches on Christmas Eve, he said")."""
    against = {-1: firm, 0: 60, 1: firm}[direction]
    wrong_way = gap > 0 if direction <= 0 else gap < 0
    return abs(gap) + (against if wrong_way else 0)


def nearest_year(reference: dt.date, month: int, day: int | None, direction: int) -> int:
    """The year that puts (month, day) nearest the reference day, in `direction` if given.

    direction -1: on or before the reference day; +1: on or after; 0: nearest.
    """
    best, best_distance = reference.year, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = safe_date(year, month, day or 15) or safe_date(year, month, 28)
        if candidate is None:
            continue
        gap = (candidate - reference).days
        if day is None and candidate.year == reference.year and month == reference.month:
            gap = 0
        if direction < 0 and gap > 0 or direction > 0 and gap < 0:
            continue
        if best_distance is None or abs(gap) < best_distance:
            best, best_distance = year, abs(gap)
    return best


def weekday_near(reference: dt.date, iso_weekday: int, direction: int) -> dt.date:
    """The day with `iso_weekday` nearest the reference day in `direction` (0: nearest).

    The reference day itself counts in both directions.
    """
    back = (reference.isoweekday() - iso_weekday) % 7
    forward = (iso_weekday - reference.isoweekday()) % 7
    if direction < 0:
        return reference - dt.timedelta(days=back)
    if direction > 0:
        return reference + dt.timedelta(days=forward)
    return (
        reference - dt.timedelta(days=back)
        if back <= forward
        else reference + dt.timedelta(days=forward)
    )
