"""Wire datelines: "SEOUL, Dec. 30 (Yonhap) --", "ROME, Feb 27 -", "WASHINGTON (AP) --".

In: an article's text and where its body starts, plus a day to anchor the
year (the page date or the caller's dct). Out: a `model.Dateline` with the
place (as printed, in title case: "Seoul", "Nairobi, Kenya"), the date (its
year chosen nearest the anchor: a "Dec. 30" dateline on a Jan. 2 story is the
previous December) and the agency, or None.

A dateline is an upper-case place, optionally a region in title case, then a
month and day and/or an agency in parentheses, then a dash-like separator:

    PLACE[, Region][, Mon. D][ (Agency)] SEP        SEP: -- - — – _ :

Where it is looked for:

1. on the first line of the body ("ROME, Feb 27 -"), or on the second or
   third when the lines above are a headline and a byline (no sentence
   punctuation at their end: HTML pages put the title first);
2. within that, anywhere in the first `SEARCH_WINDOW` characters, for wires
   that print a slug, headline and byline first on the same line (Yonhap:
   "(LEAD) ... By Kim Eun-jung SEOUL, Jan. 2 (Yonhap) --").

At the start of a line a bare "BEIJING —" (a real dash, no date or agency)
is enough, and a title-case place is accepted with a date ("Tokyo, April 17
-"). Inside a line a date is required, and short capitalised words before the
city are taken for the end of the headline ("... FTA SEOUL, Dec. 30"), so
that capitals in a headline are not taken for a place.
"""

from __future__ import annotations

import datetime as dt
import re

from summitry.ingest.dates import MONTH_PATTERN, MONTHS, WEEKDAYS, month_number, nearest_year
from summitry.model import Dateline, Span

SEARCH_WINDOW = 600
"""How far into the body a dateline is looked for (Yonhap slugs and bylines run to ~400)."""

MAX_LINES = 3
"""The dateline starts on one of the first three non-blank lines (after headline and byline)."""

_SENTENCE_END = frozenset(".!?\"'”’")

_PLACE_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z]"
_ONE_PLACE = rf"(?:{_PLACE_WORD})(?:[ \t]+(?:{_PLACE_WORD}))*"
_PLACE = rf"{_ONE_PLACE}(?:/{_ONE_PLACE})*"  # "WASHINGTON/LONDON (Reuters) -"
# "Tokyo, April 17 -", "Paris (AFP) -": title-case places are accepted at a
# line start, with a date or an agency.
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:[ \t]+[A-Z][a-z'’.\-]+){0,2}"
_REGION_WORD = r"[A-Z][a-z'’.\-]+|[A-Z]\.(?:[A-Z]\.)+|[A-Z][A-Z'’\-]+"
_MONTH = rf"(?i:{MONTH_PATTERN})"
_REGION = rf"(?!{_MONTH}\b)(?:{_REGION_WORD})(?:[ \t]+(?:{_REGION_WORD})){{0,3}}"
_DAY_MONTH = rf"(?P<day_first>\d{{1,2}})[ \t]+(?P<month_second>{_MONTH})\.?"
_MONTH_DAY = rf"(?P<month>{_MONTH})\.?[ \t]*(?P<day>\d{{1,2}})(?!\d)"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z.&'\- ]{0,29})\)"  # (Yonhap), (AP), (dpa)
_SEPARATOR = r"(?P<sep>--|[-—–_:])"

_DATELINE = re.compile(
    rf"""
    (?:(?P<place>{_PLACE})|(?P<title_place>{_TITLE_PLACE}))
    (?:,[ \t]*(?P<region>{_REGION}))?
    (?:,?[ \t]*(?:{_MONTH_DAY}|{_DAY_MONTH})(?:,[ \t]*(?P<year>\d{{4}}))?)?
    [ \t]*(?:{_AGENCY})?
    [ \t]*{_SEPARATOR}
    """,
    re.VERBOSE,
)

# Upper-case words that open a headline or slug but are never places.
_NOT_PLACES = frozenset(
    "LEAD UPDATE UPDATED URGENT BREAKING ATTN CORRECTED REPEAT ADVISORY EDITORS "
    "NOTE WRAPUP ROUNDUP FOCUS ANALYSIS INTERVIEW PHOTO VIDEO EXCLUSIVE FACTBOX "
    "TEXT FULL PROFILE FEATURE NEWS OFFICIAL".split()
)

# Short words that begin multi-word place names ("LA PAZ", "TEL AVIV"). Other
# words of three letters or fewer before the city of a dateline in running
# text are taken for the end of a headline ("... bilateral FTA SEOUL, Dec. 30").
_PLACE_PARTICLES = frozenset(
    "NEW SAN SAO LA LAS LOS EL DE DA DO DES DU ST. STE. FT. MT. TEL ABU DAR ES "
    "AL PORT CAPE FORT MAR BAN".split()
)


def find_dateline(
    text: str,
    body_start: int = 0,
    anchor: dt.date | None = None,
    *,
    body_end: int | None = None,
) -> Dateline | None:
    """The wire dateline near the start of the body of `text`, or None (see module docstring).

    `anchor` (page date or dct) fixes the year of a dateline date printed
    without one; with no anchor such a date is left None.
    """
    body_end = len(text) if body_end is None else body_end
    window_end = min(body_end, body_start + SEARCH_WINDOW, _search_end(text, body_start))
    position = body_start
    while (match := _DATELINE.search(text, position, window_end)) is not None:
        dateline = _accept(text, match, body_start, anchor)
        if dateline is not None:
            return dateline
        # Retry one character further: a rejected match may hide a dateline inside it.
        position = match.start() + 1
    return None


def _search_end(text: str, start: int) -> int:
    """The end of the lines a dateline may start on.

    The first non-blank line, and each next one while the lines above it are
    a headline or a byline (no sentence punctuation at their end), up to
    `MAX_LINES` lines.
    """
    position = start
    seen = 0
    while position < len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline + 1
        line = text[position:end].strip()
        if line:
            seen += 1
            if seen == MAX_LINES or line[-1] in _SENTENCE_END:
                return end
        position = end
    return len(text)


def _accept(
    text: str, match: re.Match[str], body_start: int, anchor: dt.date | None
) -> Dateline | None:
    start = match.start()
    if not _starts_a_word(text, start):
        return None
    has_date = bool(match.group("month") or match.group("month_second"))
    has_agency = bool(match.group("agency"))
    at_line_start = _at_line_start(text, start, body_start)
    if match.group("title_place"):
        place = match.group("title_place")
        if not (at_line_start and (has_date or has_agency)) or _is_calendar_word(place.split()[0]):
            return None
    else:
        place = match.group("place")
        if not at_line_start:
            place, start = _trim_headline_words(place, start)
        if place.strip(".") in _NOT_PLACES or (len(place) < 3 and "." not in place):
            return None  # "ATTN:", "US -": not a dateline place
    if not (has_date or has_agency):
        # "BEIJING — ...": only at the start of a line, with a real dash.
        if not at_line_start or match.group("sep") not in ("--", "—", "–"):
            return None
    if not at_line_start and not has_date:
        return None
    if not _followed_by_text(text, match.end()):
        return None
    return Dateline(
        span=Span(start, match.end(), text[start : match.end()]),
        place=_place_name(place, match.group("region")),
        date=_dateline_date(match, anchor),
        agency=match.group("agency").strip() if has_agency else None,
    )


def _trim_headline_words(place: str, start: int) -> tuple[str, int]:
    """Drop the leading words of `place` that end a headline rather than begin a city name."""
    words = [(m.group(0), m.start()) for m in re.finditer(r"\S+", place)]
    while len(words) > 1 and len(words[0][0].strip(".")) <= 3:
        if words[0][0] in _PLACE_PARTICLES:
            break
        words = words[1:]
    first_offset = words[0][1]
    return place[first_offset:], start + first_offset


def _is_calendar_word(word: str) -> bool:
    name = word.lower().rstrip(".")
    return name in MONTHS or name in WEEKDAYS or name in ("the", "on", "by")


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'’-")


def _at_line_start(text: str, start: int, body_start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return start <= body_start or not text[max(line_start, body_start) : start].strip()


def _followed_by_text(text: str, end: int) -> bool:
    return bool(re.match(r"\s*\S", text[end : end + 200]))


def _place_name(place: str, region: str | None) -> str:
    name = "/".join(" ".join(_title_word(word) for word in one.split()) for one in place.split("/"))
    if region and region.isupper() and len(region.replace(".", "")) > 2:
        region = " ".join(_title_word(word) for word in region.split())  # but "DC", "D.C." stay
    return f"{name}, {region}" if region else name


def _title_word(word: str) -> str:
    # "ST." -> "St.", "ABU" -> "Abu", "U.N." stays.
    if "." in word.strip(".") and len(word) <= 5:
        return word
    return "-".join(part.capitalize() for part in word.split("-"))


def _dateline_date(match: re.Match[str], anchor: dt.date | None) -> dt.date | None:
    month_name = match.group("month") or match.group("month_second")
    if not month_name:
        return None
    month = month_number(month_name)
    day = int(match.group("day") or match.group("day_first"))
    if month is None:
        return None
    if match.group("year"):
        try:
            return dt.date(int(match.group("year")), month, day)
        except ValueError:
            return None
    if anchor is None:
        return None
    return nearest_year(month, day, anchor)
