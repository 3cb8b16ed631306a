"""Word lists for English time expressions, loaded once from `data/timex/lexicon.json`.

Language data lives in the JSON file (with its source noted there); this
module only loads it and turns word lists into regex alternations.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The lexicon as a dict (cached)."""
    path = resources.files("summitry") / "data" / "timex" / "lexicon.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def alternation(words: list[str] | set[str] | dict[str, Any]) -> str:
    """A regex alternation of `words`, longest first so that the longest wins."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


LEX = load()
NUMBERS: dict[str, int] = LEX["numbers"]
VAGUE_NUMBERS: list[str] = LEX["vague_numbers"]
ORDINALS: dict[str, int] = LEX["ordinals"]
MONTHS: dict[str, int] = LEX["months"]
WEEKDAYS: dict[str, int] = LEX["weekdays"]
SEASONS: dict[str, str] = LEX["seasons"]
DAY_PARTS: dict[str, str] = LEX["day_parts"]
UNITS: dict[str, str] = LEX["units"]
SET_ADVERBS: dict[str, str] = LEX["set_adverbs"]
REFS: dict[str, str] = LEX["refs"]
HOLIDAYS: dict[str, str] = LEX["holidays"]
TENSE_CUES: dict[str, list[str]] = LEX["tense"]

_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def number_value(words: str) -> float | None:
    """The number a numeral phrase denotes ("twenty-four" -> 24, "2 1/2" -> 2.5); None if vague."""
    text = re.sub(r"\s+", " ", words.strip().lower()).replace(",", "")
    if not text:
        return None
    if text in NUMBERS:
        return float(NUMBERS[text])
    fraction = re.fullmatch(r"(?:(\d+) )?(\d+)/(\d+)", text)
    if fraction:
        whole = int(fraction.group(1) or 0)
        return whole + int(fraction.group(2)) / int(fraction.group(3))
    try:
        return float(text)
    except ValueError:
        pass
    parts = re.split(r"[- ]", text)
    total = 0.0
    for part in parts:
        if part in ("and", ""):
            continue
        if part == "hundred":
            total = max(total, 1) * 100
        elif part in NUMBERS:
            total += NUMBERS[part]
        elif part in _UNITS_WORDS:
            total += _UNITS_WORDS[part]
        else:
            return None
    return total
