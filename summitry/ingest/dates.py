"""Calendar dates as pages and wires print them, and the year of a year-less date.

In: short strings from page chrome ("date 2024-11-20", "Nov. 20, 2024",
"20.11.2024") and wire datelines ("Dec. 30"). Out: `datetime.date`s, or None
when the string holds no unambiguous date. This is deliberately narrow: it
reads the fixed formats of page furniture, not running text (that is the timex
stage's job).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1,
    "feb": 2, "february": 2,
    "mar": 3, "march": 3,
    "apr": 4, "april": 4,
    "may": 5,
    "jun": 6, "june": 6,
    "jul": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS = frozenset(
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday "
    "fri friday sat saturday sun sunday".split()
)

MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_YEAR_LAST = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "march"), else None."""
    return MONTHS.get(name.lower().rstrip("."))


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first complete calendar date printed in `text`, and where it stands.

    Numeric forms: year first (2024-11-20, 2024/11/20, 2024.11.20), or year
    last with dots or hyphens read day first (20.11.2024) and slashes read
    month first only when the order is unambiguous (11/20/2024, 20/11/2024).
    Written forms: "Nov. 20, 2024", "20 November 2024".
    """
    candidates: list[tuple[int, dt.date, re.Match[str]]] = []
    for match in _YEAR_FIRST.finditer(text):
        date = _safe_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if date:
            candidates.append((match.start(), date, match))
            break
    for match in _YEAR_LAST.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        date = _year_last(first, second, year, match.group(2))
        if date:
            candidates.append((match.start(), date, match))
            break
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = month_number(match.group(1))
        date = _safe_date(int(match.group(3)), month or 0, int(match.group(2)))
        if date:
            candidates.append((match.start(), date, match))
            break
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = month_number(match.group(2))
        date = _safe_date(int(match.group(3)), month or 0, int(match.group(1)))
        if date:
            candidates.append((match.start(), date, match))
            break
    if not candidates:
        return None
    _, date, match = min(candidates, key=lambda c: c[0])
    return date, match


def nearest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with this month and day nearest to `anchor` (previous, same or next year).

    A "Dec. 30" dateline on a story dated Jan. 2 is Dec. 30 of the previous
    year; "Jan. 2" on a story stamped Dec. 31 is next year's. None if no year
    around `anchor` has that day (Feb 30).
    """
    options = [
        date
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (date := _safe_date(year, month, day)) is not None
    ]
    if not options:
        return None
    return min(options, key=lambda date: abs((date - anchor).days))


def _year_last(first: int, second: int, year: int, separator: str) -> dt.date | None:
    if separator == "/":
        if first > 12:
            return _safe_date(year, second, first)
        if second > 12 or first == second:
            return _safe_date(year, first, second)
        return None  # 03/04/2024: March 4 or 3 April, no way to tell
    return _safe_date(year, second, first)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
