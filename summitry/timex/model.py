"""The record this package returns: one TIMEX3 expression found in a text."""

from __future__ import annotations

from dataclasses import dataclass

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A temporal expression and its TIMEX3 normalisation.

    `start`/`end` are character offsets into the annotated text and `text` is
    `text[start:end]`. `value` is a TIMEX3 value (``2025-01-05``, ``2025-W02``,
    ``2025-Q1``, ``P2D``, ``PRESENT_REF``, ``XXXX-WXX-1`` ...) or None when the
    expression needs a reference day that was not given. `mod` is a TIMEX3
    modifier (START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS,
    EQUAL_OR_MORE, BEFORE, AFTER). `anchor` is the value a relative expression
    was resolved against (the reference day or an earlier expression), and
    `anchor_tid` the tid of that expression ("t0" for the reference day, as TimeML
    numbers the document creation time), when it is one. A SET has `quant` "EVERY"
    when a quantifier says so ("every Tuesday") and `freq` when a count of times does
    ("twice a week": value P1W, freq 2X), as TimeML marks them.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    tid: str | None = None
    anchor_tid: str | None = None
    quant: str | None = None
    freq: str | None = None
