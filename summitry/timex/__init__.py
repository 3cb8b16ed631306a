"""Time expressions: recognise TIMEX3 expressions in English news and normalise them
against a reference day.

    >>> import datetime
    >>> [(t.text, t.value) for t in annotate("They met on Tuesday.", datetime.date(2025, 1, 3))]
    [('Tuesday', '2024-12-31')]

`annotate(text, reference_day)` returns `Timex` records; `timeml` reads and writes
TimeML files. Pure Python rules: no model, no network.
"""

from summitry.timex.annotate import annotate
from summitry.timex.model import TIMEX_TYPES, Timex

__all__ = ["TIMEX_TYPES", "Timex", "annotate"]
