"""What a handler needs to resolve one expression: the text, the reference day, and the
last times resolved before it (for "the following day", "a year earlier")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summitry.timex import periods as cal
from summitry.timex.periods import Point
from summitry.timex.tense import cue_of, sentence_bounds

# The periods an earnings report speaks of; the first group is set for a span of
# several months ("the nine months", "the first half"), the second for a quarter.
_REPORT_PERIOD = re.compile(
    r"\b(?:((?:six|nine|6|9)[\s-]+months?|first\s+half|year[\s-]+to[\s-]+date)"
    r"|(quarter|three[\s-]+months?))\b",
    re.I,
)


@dataclass(frozen=True)
class Reading:
    """A handler's result: TIMEX3 type, value, modifier, and the point it denotes; a SET
    also its quantifier ("EVERY") and frequency ("2X")."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    point: Point | None = None
    quant: str | None = None
    freq: str | None = None


@dataclass
class Context:
    """The state shared by the handlers while one text is annotated, left to right."""

    text: str
    reference: dt.date | None
    locale: str = "en-US"
    last: Point | None = None
    last_end: int = 0  # where the expression that set `last` ends
    last_day: dt.date | None = None
    last_quarter: Point | None = None
    weekdays: dict[int, dt.date] = field(default_factory=dict)
    # Where the last weekday read ended and the day it was read as: only a weekday
    # named just before starts an itinerary ("Monday and Tuesday ... On Thursday").
    last_weekday: tuple[int, dt.date] | None = None
    # True while candidates are only being screened (no anchors yet): a handler must not
    # reject a match for want of an earlier time that the real pass may have.
    screening: bool = False  # ISO weekday -> first resolved
    _directions: dict[tuple[int, int], tuple[int, float]] = field(default_factory=dict)

    def direction(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 unknown, for the expression at `text[start:end]`."""
        return self.cue(start, end)[0]

    def cue(self, start: int, end: int) -> tuple[int, float]:
        """`direction`, and how far away the verb that decided it is (see `tense.cue_of`)."""
        key = (start, end)
        if key not in self._directions:
            self._directions[key] = cue_of(self.text, start, end)
        return self._directions[key]

    def before(self, start: int, chars: int = 30) -> str:
        """The lower-cased text just before `start`."""
        return self.text[max(0, start - chars) : start].lower()

    def after(self, end: int, chars: int = 30) -> str:
        """The lower-cased text just after `end`."""
        return self.text[end : end + chars].lower()

    def preceded_by(self, start: int, pattern: str) -> bool:
        """Whether the word(s) right before `start` match `pattern` (a regex)."""
        return re.search(rf"\b(?:{pattern})\s*$", self.before(start)) is not None

    def anchor_point(self, unit: str, *, near: int | None = None) -> Point | None:
        """The last resolved time at `unit` granularity, falling back to the reference day
        when there is none or it is too coarse to name one ("1996" names no month).

        With `near` (where the expression starts), only a time named earlier in the same
        sentence counts; one named in a sentence before is passed over."""
        if unit == cal.DAY and self.last_day is not None:
            return cal.point(cal.DAY, self.last_day)
        if unit == cal.QUARTER and self.last_quarter is not None:
            return self.last_quarter
        recent = near is None or self.last_end >= sentence_bounds(self.text, near, near)[0]
        if self.last is not None and recent and not cal.coarser(self.last.unit, unit):
            return cal.point(unit, self.last.day)
        if self.reference is not None:
            return cal.point(unit, self.reference)
        return None

    def comparison_quarter(self, start: int) -> Point | None:
        """The quarter that "a year earlier" at `start` goes back from: the last quarter
        named, unless the sentence so far last spoke of several months ("for the nine
        months, net fell from a year earlier"), whose year-earlier match is a year
        (TimeBank: five of seven such comparisons)."""
        if self.last_quarter is None:
            return None
        so_far = self.text[sentence_bounds(self.text, start, start)[0] : start]
        periods = _REPORT_PERIOD.findall(so_far)
        if periods and periods[-1][0]:
            return None
        return self.last_quarter

    def remember(self, reading: Reading, end: int = 0) -> None:
        """Make a resolved DATE or TIME (ending at `end`) the anchor for the expressions
        after it."""
        p = reading.point
        if p is None or reading.type not in ("DATE", "TIME"):
            return
        self.last = p
        self.last_end = end
        if p.unit == cal.DAY:
            self.last_day = p.day
        elif p.unit == cal.QUARTER:
            self.last_quarter = p
