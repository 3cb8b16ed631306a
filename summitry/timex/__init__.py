"""Time expressions: recognise TIMEX3 expressions in English news and normalise them
against a reference day.

    >>> import datetime
    >>> [(t.text, t.value) for t in annotate("They met on Tuesday.", datetime.date(2025, 1, 3))]
    [('Tuesday', '2024-12-31')]

Public API:

* `annotate(text, reference_day, *, locale="en-US") -> list[Timex]`, sorted by start;
  `reference_day=None` resolves only what names its year, and never guesses today.
* `Timex`: a frozen record (offsets, text, TIMEX3 type, value, mod, anchor, tid, and
  anchor_tid: the tid of the expression it was resolved against, "t0" for the reference day).
* `read_timeml` / `write_timeml`: TimeML in (DCT and raw TEXT) and out (our TIMEX3
  tags in the original TEXT, its characters untouched).

How it works, by module: `rules` (one regex per kind of expression, tried only near
its trigger words, see `recognise`), `absolute` / `relative` / `spans` / `bounds` (the
handlers that normalise a match; `bounds` also has open ends such as "1994 or later",
approximations such as "around Nov. 1", and the bare day ending a range such as
"March 12-13"), `tense` (which way a weekday or month
points, and how near the verb that says so is), `periods`
(periods and their arithmetic), `lexicon` (word lists from `data/timex/lexicon.json`).
Pure Python rules: no model, no network.
"""

from summitry.timex.annotate import annotate
from summitry.timex.model import TIMEX_TYPES, Timex
from summitry.timex.timeml import TimeMLDocument, read_timeml, write_timeml

__all__ = ["TIMEX_TYPES", "TimeMLDocument", "Timex", "annotate", "read_timeml", "write_timeml"]
