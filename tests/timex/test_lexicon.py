"""The lexicon data file loads and is consistent with what the rules expect."""

from __future__ import annotations

import re

from summitry.timex import lexicon
from summitry.timex.rules import RULES


def test_lexicon_loads_with_its_source() -> None:
    data = lexicon.load()
    assert data["_source"]
    assert set(lexicon.MONTHS.values()) == set(range(1, 13))
    assert set(lexicon.WEEKDAYS.values()) == set(range(1, 8))


def test_values_are_well_formed() -> None:
    assert set(lexicon.REFS.values()) <= {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert all(re.fullmatch(r"PT?\d+[A-Z]", v) for v in lexicon.SET_ADVERBS.values())
    for rule in lexicon.HOLIDAYS.values():
        assert re.fullmatch(r"\d\d-\d\d|nth:\d+:\d:-?\d(?::\d+)?|easter:-?\d+", rule), rule
    assert set(lexicon.TENSE_CUES) == {
        "future",
        "past",
        "present",
        "ongoing_progressive",
        "not_past_ed",
        "scheduled_base",
        "raising_verbs",
        "deadline_verbs",
    }


def test_numbers() -> None:
    assert lexicon.number_value("twenty-four") == 24
    assert lexicon.number_value("2 1/2") == 2.5
    assert lexicon.number_value("a couple of") == 2
    assert lexicon.number_value("several") is None


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
