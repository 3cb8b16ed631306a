"""Event language data, read once from `summitry/data/events/`.

Trigger lemmas with their mode, and status cues: both are data files with
their sources noted, checked by `tests/events/test_lexicon.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summitry.model import EventStatus, Mode


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: str
    mode: Mode


def _rows(name: str) -> list[list[str]]:
    text = resources.files("summitry.data").joinpath("events", name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], TriggerEntry]:
    """(lemma, coarse POS) -> entry."""
    out = {}
    for row in _rows("triggers.tsv"):
        entry = TriggerEntry(row[0], row[1], Mode(row[2]))
        out[(entry.lemma, entry.pos)] = entry
    return out


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech or news (reporting_verbs.tsv)."""
    return frozenset(row[0] for row in _rows("reporting_verbs.tsv"))


@lru_cache(maxsize=1)
def status_neutral_reporting_verbs() -> frozenset[str]:
    """The reporting verbs that say nothing of the status of what they report ("say", not
    "confirm"): the status stage stops at these."""
    return frozenset(row[0] for row in _rows("reporting_verbs.tsv") if row[1] == "report")


@lru_cache(maxsize=1)
def status_cues() -> dict[str, EventStatus]:
    """Lower-cased cue (lemma or phrase) -> the status it signals."""
    return {row[0]: EventStatus(row[1]) for row in _rows("status_cues.tsv")}


@lru_cache(maxsize=1)
def region_adjectives() -> frozenset[str]:
    """Lower-cased adjectives that make a group of states a region ("African countries")."""
    return frozenset(row[0].lower() for row in _rows("region_adjectives.tsv"))


@lru_cache(maxsize=1)
def media_outlets() -> frozenset[str]:
    """Lower-cased names of news agencies and outlets: they report engagements, not take part."""
    return frozenset(row[0].lower() for row in _rows("media.tsv"))
