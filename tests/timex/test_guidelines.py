"""Constructs from the TimeML (1.2.1) and TIDES 2005 annotation guidelines, each in a
sentence of our own: (text, expression, type, value, mod), against a Wednesday."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.timex import annotate

WEDNESDAY = dt.date(2013, 3, 20)

CASES = [
    # an approximator before a date or a time is inside the expression, mod APPROX
    ("The fire started around 7:15 p.m.", "around 7:15 p.m.", "TIME", "2013-03-20T19:15", "APPROX"),
    ("The plant will reopen around Nov. 1.", "around Nov. 1", "DATE", "2013-11-01", "APPROX"),
    ("The town was founded around 1990.", "around 1990", "DATE", "1990", "APPROX"),
    (
        "Shots rang out at approximately 3 p.m.",
        "approximately 3 p.m.",
        "TIME",
        "2013-03-20T15:00",
        "APPROX",
    ),
    # ... but "around" as a verb's particle is no approximator
    ("The board will get around Wednesday to the vote.", "Wednesday", "DATE", "2013-03-20", None),
    # "o'clock" names a time of day, on the day after it; evening and night hours are p.m.
    ("The shelling began at ten o'clock.", "ten o'clock", "TIME", "2013-03-20T10:00", None),
    (
        "Polls closed at 10 o'clock Tuesday night.",
        "10 o'clock Tuesday night",
        "TIME",
        "2013-03-19T22:00",
        None,
    ),
    (
        "The vote ended at 8:30 Tuesday evening.",
        "8:30 Tuesday evening",
        "TIME",
        "2013-03-19T20:30",
        None,
    ),
    # "the 1800s" is a century; "the 2000s" the decade
    ("The mill was built in the 1800s.", "the 1800s", "DATE", "18", None),
    ("Coal boomed in the early 1900s.", "the early 1900s", "DATE", "19", "START"),
    ("Prices doubled in the 2000s.", "the 2000s", "DATE", "200", None),
    # "the weekend of March 9" is one expression, as "the week of March 4" is
    (
        "Rallies took place the weekend of March 9.",
        "the weekend of March 9",
        "DATE",
        "2013-W10-WE",
        None,
    ),
    (
        "Talks ran the weekend of Friday, March 8.",
        "the weekend of Friday, March 8",
        "DATE",
        "2013-W10-WE",
        None,
    ),
    # "or so" is part of the expression, mod APPROX
    ("The strike lasted a year or so.", "a year or so", "DURATION", "P1Y", "APPROX"),
    ("Talks could resume in the next year or so.", "the next year or so", "DATE", "2014", "APPROX"),
    # a bounded amount before "ago" bounds the date: point mods, not duration mods
    (
        "The mine closed at least three years ago.",
        "at least three years ago",
        "DATE",
        "2010",
        "ON_OR_BEFORE",
    ),
    (
        "The mine closed no more than a year ago.",
        "no more than a year ago",
        "DATE",
        "2012",
        "ON_OR_AFTER",
    ),
    # an open end after an amount of time: EQUAL_OR_MORE, EQUAL_OR_LESS
    ("The trial may last a year or more.", "a year or more", "DURATION", "P1Y", "EQUAL_OR_MORE"),
    (
        "Each term runs three years or less.",
        "three years or less",
        "DURATION",
        "P3Y",
        "EQUAL_OR_LESS",
    ),
    # a day of the month in words is a full date
    (
        "Fireworks will light up the Fourth of July.",
        "the Fourth of July",
        "DATE",
        "2013-07-04",
        None,
    ),
    ("The rally ended on March fifth.", "March fifth", "DATE", "2013-03-05", None),
    (
        "The summit opens on the twenty-first of March.",
        "the twenty-first of March",
        "DATE",
        "2013-03-21",
        None,
    ),
    # "year-end 2012", "end-2012": the end of that year, one expression
    ("Debt rose by year-end 2012.", "year-end 2012", "DATE", "2012", "END"),
    ("Debt rose by end-2012.", "end-2012", "DATE", "2012", "END"),
    # report codes for quarters and halves, with their year: value YYYY-Qn, YYYY-Hn
    ("Sales rose in 3Q 2012.", "3Q 2012", "DATE", "2012-Q3", None),
    ("Sales rose in H1 2012.", "H1 2012", "DATE", "2012-H1", None),
    # "every weekend" is the set of weekends, as "on weekends" is
    ("Protesters gather each weekend.", "each weekend", "SET", "XXXX-WXX-WE", None),
    # "the previous night": that part of the day before the day last spoken of
    (
        "The storm hit on March 5. Rescuers had arrived the previous evening.",
        "the previous evening",
        "TIME",
        "2013-03-04TEV",
        None,
    ),
    # "today" in the sense of "nowadays" is PRESENT_REF, the day's "today" a date
    ("Children in today's society are online.", "today", "DATE", "PRESENT_REF", None),
    ("In today's global economy, firms must adapt.", "today", "DATE", "PRESENT_REF", None),
    ("Today's world championship final starts at noon.", "Today", "DATE", "2013-03-20", None),
    # "the years to come" is one span, as "the weeks ahead" is
    (
        "The effects will be felt in the years to come.",
        "the years to come",
        "DURATION",
        "PXY",
        None,
    ),
    # a bare hour next to a day is a clock time on it; evening and night hours are p.m.
    ("The ferry sails at 7 this evening.", "7 this evening", "TIME", "2013-03-20T19:00", None),
    ("The ferry sails tonight at 10.", "tonight at 10", "TIME", "2013-03-20T22:00", None),
    # ... but a weekday on its own after "on the" is a day
    ("On the Sunday Obama spoke in Cairo.", "Sunday", "DATE", "2013-03-17", None),
]


@pytest.mark.parametrize(("text", "expression", "kind", "value", "mod"), CASES)
def test_guideline_construct(
    text: str, expression: str, kind: str, value: str, mod: str | None
) -> None:
    found = {t.text: t for t in annotate(text, WEDNESDAY)}
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    timex = found[expression]
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


NON_MARKABLE = [
    # a time word that starts a proper name is no time (TIDES: non-markable proper names)
    "He told the Sunday Times about the deal.",
    "The Tuesday Group of lawmakers met.",
    # a month that is a surname before an ordinal is no date
    "Prime Minister Theresa May first said so.",
    "The H1N1 virus spread in H2 tests.",
    "They met at 3 and left.",
]


@pytest.mark.parametrize("text", NON_MARKABLE)
def test_guideline_non_markable(text: str) -> None:
    assert annotate(text, WEDNESDAY) == []


SETS = [
    # TimeML: a quantifier is quant EVERY, a count of times is freq NX, on the SET
    ("The council meets every Tuesday.", "every Tuesday", "XXXX-WXX-2", "EVERY", None),
    ("The council meets twice a week.", "a week", "P1W", None, "2X"),
    ("Doses are given three times a day.", "a day", "P1D", None, "3X"),
]


@pytest.mark.parametrize(("text", "expression", "value", "quant", "freq"), SETS)
def test_guideline_set_attributes(
    text: str, expression: str, value: str, quant: str | None, freq: str | None
) -> None:
    found = {t.text: t for t in annotate(text, WEDNESDAY)}
    timex = found[expression]
    assert (timex.type, timex.value, timex.quant, timex.freq) == ("SET", value, quant, freq)
