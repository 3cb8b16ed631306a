"""The reference day of an article: the day its relative times ("Friday", "next week") count from.

In: the dates an article offers (its dateline, the date printed on its page,
the caller's document creation time). Out: the day to use and where it came
from, as a `ReferenceSource`.
"""

from __future__ import annotations

import datetime as dt

from summitry.errors import InputError
from summitry.model import Dateline, ReferenceSource


def choose_reference_day(
    dateline: Dateline | None,
    page_date: dt.date | None,
    dct: dt.date | None,
) -> tuple[dt.date | None, ReferenceSource]:
    """Pick the reference day, first available wins:

    1. the dateline date ("SEOUL, Dec. 30 (Yonhap) --"): the day the reporter
       wrote from, which is what "Tuesday" in the story is relative to;
    2. the page date, from page chrome or HTML metadata;
    3. the caller's dct (document creation time, e.g. a feed's date);
    4. none: relative times stay unresolved.
    """
    if dateline is not None and dateline.date is not None:
        return dateline.date, ReferenceSource.DATELINE
    if page_date is not None:
        return page_date, ReferenceSource.PAGE
    if dct is not None:
        return dct, ReferenceSource.DCT
    return None, ReferenceSource.NONE


def parse_dct(value: dt.date | str | None, doc_id: str) -> dt.date | None:
    """The caller's dct as a date: a `date`, a `datetime`, or an ISO string.

    Accepts "YYYY-MM-DD" and ISO date-times ("2024-11-20T08:00:00Z", whose
    date part is taken). An empty string is no dct. Raises `InputError` for
    anything else: "yesterday", "2025-02-30".
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(doc_id, f"dct {value!r} is not a date (expected YYYY-MM-DD)")
    text = value.strip()
    if not text:
        return None
    date_part = text[:10]
    if len(text) > 10 and text[10] not in "T ":
        raise InputError(doc_id, f"dct {value!r} is not a date (expected YYYY-MM-DD)")
    parts = date_part.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts) or len(parts[0]) != 4:
        raise InputError(doc_id, f"dct {value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as exc:
        raise InputError(doc_id, f"impossible dct {value!r}: {exc}") from None
