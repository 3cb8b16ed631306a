"""Small lookups shared by the handlers: month, weekday, modifier and unit words."""

from __future__ import annotations

import re

from summitry.timex import periods as cal
from summitry.timex.lexicon import MONTHS, UNITS, WEEKDAYS

_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "latter part": "END",
    "later part": "END",
    "early part": "START",
    "mid": "MID",
    "middle": "MID",
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}

# Units as granularities of `periods` (durations use the TIMEX3 letters directly).
UNIT_GRANULARITY = {
    "D": cal.DAY,
    "W": cal.WEEK,
    "WE": cal.WEEKEND,
    "M": cal.MONTH,
    "Q": cal.QUARTER,
    "Y": cal.YEAR,
    "DE": cal.DECADE,
    "CE": cal.CENTURY,
}


def month_number(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def mod_of(words: str | None) -> str | None:
    """The TIMEX3 `mod` for a modifier phrase ("early", "the end of", "more than")."""
    if not words:
        return None
    text = re.sub(r"\s+", " ", words.lower()).strip(" -")
    text = re.sub(r"^the |\bof$| in$", "", text).strip()
    if text in _MODS:
        return _MODS[text]
    for key, mod in _MODS.items():
        if re.search(rf"\b{key}\b", text):
            return mod
    return None


def unit_code(word: str) -> str:
    """The TIMEX3 unit letter(s) of a unit word ("weeks" -> "W", "centuries" -> "CE")."""
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    w = w[:-1] if w.endswith("s") else w
    return UNITS.get(w, UNITS.get(w.rstrip("e"), "X"))


def is_time_unit(code: str) -> bool:
    """Whether a unit belongs after the T of a TIMEX3 duration (hours, minutes, seconds)."""
    return code in ("H", "MIN", "S")
