"""annotate(text, reference_day) -> list[Timex]: the package's entry point.

1. `recognise.candidates` runs every rule over the raw text;
2. `recognise.select` keeps the longest non-overlapping matches that a handler accepts;
3. handlers normalise them left to right, each resolved DATE/TIME becoming the anchor
   of the anaphoric ones after it ("the following day", "a year earlier");
4. a clock time next to a day ("10 p.m. Wednesday", "Jan. 5 at noon", "7:30 p.m. on Thursday
   night") becomes one TIME.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from summitry.timex import periods as cal
from summitry.timex.bounds import day_range_ends, leading_approximation, trailing_bound
from summitry.timex.context import Context, Reading
from summitry.timex.model import Timex
from summitry.timex.recognise import Candidate, candidates, select
from summitry.timex.spans import with_day
from summitry.timex.words import weekday_number

_JOIN_TIME_DAY = re.compile(r"\s*(?:,|on|at|,\s+at|on\s+the)?\s*$", re.I)


def annotate(text: str, reference_day: dt.date | None, *, locale: str = "en-US") -> list[Timex]:
    """The TIMEX3 expressions in `text`, normalised against `reference_day`, sorted by start.

    `locale` decides how "1/2/25" reads ("en-US": month first; others: day first).
    Without a reference day, relative expressions get None or an `XXXX` form.
    """
    if isinstance(reference_day, dt.datetime):
        reference_day = reference_day.date()
    scratch = Context(text, reference_day, locale, screening=True)

    def valid(c: Candidate) -> bool:
        return _read(c, scratch) is not None

    ctx = Context(text, reference_day, locale)
    readings: list[tuple[Candidate, Reading]] = []
    for c in select(candidates(text), valid):
        reading = _read(c, ctx)
        if reading is None:
            continue
        if reading.mod is None and reading.type == "DURATION":
            reading = _outer_modifier(text, c.start, reading)
        end, reading = trailing_bound(text, c.end, reading)
        start, reading = leading_approximation(text, c.start, reading)
        if (start, end) != (c.start, c.end):
            c = dataclasses.replace(c, start=start, end=end)
        if readings and c.rule.name == "weekday" and not c.match.group("rel"):
            reading = _weekday_in_set(text, readings[-1], c, reading)
        if readings and c.rule.name == "set_weekdays":
            readings[-1] = _weekday_before_set(text, readings[-1], c, reading)
        ctx.remember(reading, c.end)
        readings.append((c, reading))
    merged = day_range_ends(text, _merge_clock_times(text, readings))
    found: list[Timex] = []
    tids: dict[str, str] = {reference_day.isoformat(): "t0"} if reference_day else {}
    for i, (start, end, r) in enumerate(merged, start=1):
        tid = f"t{i}"
        found.append(
            Timex(
                start,
                end,
                text[start:end],
                r.type,
                r.value,
                r.mod,
                r.anchor,
                tid,
                tids.get(r.anchor) if r.anchor else None,
                r.quant,
                r.freq,
            )
        )
        if r.value is not None and r.type in ("DATE", "TIME"):
            tids[r.value] = tid  # the latest expression of a value is the one anchored on
            if r.type == "TIME" and r.value[:4].isdigit():
                tids[r.value[:10]] = tid  # "the next day" after "10 p.m. Wednesday"
    return found


_OUTER_MOD = re.compile(r"\b(about|around|over|under)\s+$", re.I)
_AMOUNT_OVER = re.compile(
    r"\b(?:for|in|of|after|within|than|just|well|lasting|lasted|took|spent|since|to)\s+over\s+$",
    re.I,
)
_OUTER_MOD_VALUES = {
    "about": "APPROX",
    "around": "APPROX",
    "over": "MORE_THAN",
    "under": "LESS_THAN",
}


def _outer_modifier(text: str, start: int, reading: Reading) -> Reading:
    """ "about three years": TimeBank leaves "about" outside the expression; its mod stays."""
    found = _OUTER_MOD.search(text, max(0, start - 10), start)
    if found is None:
        return reading
    if found.group(1).lower() == "over" and (
        text.startswith("the", start) or not _AMOUNT_OVER.search(text, max(0, start - 30), start)
    ):
        # "over the past year", "evolved over several years": "during", not "more than";
        # "for over two years", "in over a decade": more than.
        return reading
    return dataclasses.replace(reading, mod=_OUTER_MOD_VALUES[found.group(1).lower()])


_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*$")


def _weekday_in_set(
    text: str, previous: tuple[Candidate, Reading], c: Candidate, reading: Reading
) -> Reading:
    """ "every Monday and Thursday": a weekday listed after a weekly SET is in the SET."""
    pc, pr = previous
    if pr.type != "SET" or not (pr.value or "").startswith("XXXX-WXX-"):
        return reading
    if not _LIST_GAP.match(text[pc.end : c.start]) or c.match.group("part"):
        return reading
    return Reading("SET", f"XXXX-WXX-{weekday_number(c.match.group('wd'))}", quant=pr.quant)


def _weekday_before_set(
    text: str, previous: tuple[Candidate, Reading], c: Candidate, reading: Reading
) -> tuple[Candidate, Reading]:
    """ "on Monday and Tuesday nights": a bare weekday listed before a weekly SET shares it
    (TimeBank: XXXX-WXX-1TNI)."""
    pc, pr = previous
    weekly = (reading.value or "").startswith("XXXX-WXX-")
    if pc.rule.name != "weekday" or pc.match.group("rel") or pc.match.group("part"):
        return previous
    if pr.type != "DATE" or not weekly or not _LIST_GAP.match(text[pc.end : c.start]):
        return previous
    part = (reading.value or "")[len("XXXX-WXX-") + 1 :]  # "TNI" of "Tuesday nights"
    return pc, Reading("SET", f"XXXX-WXX-{weekday_number(pc.match.group('wd'))}{part}")


def _read(c: Candidate, ctx: Context) -> Reading | None:
    try:
        return c.rule.handler(c.match, ctx, c.start, c.end)
    except (ValueError, OverflowError, KeyError, IndexError, AttributeError, TypeError):
        # A malformed match ("Feb. 30", a year out of range) is simply not a date.
        return None


def _merge_clock_times(
    text: str, readings: list[tuple[Candidate, Reading]]
) -> list[tuple[int, int, Reading]]:
    out: list[tuple[int, int, Reading]] = []
    merged = False  # a time already put on its day takes no second day
    for c, r in readings:
        if out and not merged:
            ps, pe, prev = out[-1]
            gap = text[pe : c.start]
            if len(gap) < 12 and _JOIN_TIME_DAY.match(gap):
                day = _day_of(prev) if _is_clock(r) else _day_of(r) if _is_clock(prev) else None
                clock = r if _is_clock(r) else prev
                if day is not None:
                    part = (prev if clock is r else r).value or ""
                    out[-1] = (ps, c.end, with_day(_afternoon_hours(clock, part), day))
                    merged = True
                    continue
        merged = False
        if _is_clock_pair_day(text, out, c.start, r):
            out[-2:] = _clock_pair_on_day(out[-2], out[-1], _day_of(r) or "")
        out.append((c.start, c.end, r))
    return out


_OPEN_PAREN = re.compile(r"\s*\(\s*$")
_CLOSE_PAREN_DAY = re.compile(r"\s*\)\s*,?\s*(?:on\s+)?$", re.I)


def _is_clock_pair_day(
    text: str, out: list[tuple[int, int, Reading]], start: int, r: Reading
) -> bool:
    """ "at 11:45 a.m. (0845 GMT) Tuesday": a local clock, its GMT twin in brackets, a day."""
    if len(out) < 2 or _day_of(r) is None:
        return False
    (_, e1, local), (s2, e2, gmt) = out[-2], out[-1]
    return (
        _is_clock(local)
        and _is_clock(gmt)
        and _OPEN_PAREN.match(text[e1:s2]) is not None
        and _CLOSE_PAREN_DAY.match(text[e2:start]) is not None
    )


def _clock_pair_on_day(
    local: tuple[int, int, Reading], gmt: tuple[int, int, Reading], day: str
) -> list[tuple[int, int, Reading]]:
    """Both clocks on the day named after them; the bracketed one a day off when the two
    hours are more than 12 apart ("11 p.m. (0400 GMT)" is the next day in GMT)."""
    local_hour = int((local[2].value or "")[-5:-3])
    gmt_hour = int((gmt[2].value or "")[-5:-3])
    gmt_day = dt.date.fromisoformat(day)
    if abs(local_hour - gmt_hour) > 12:
        gmt_day += dt.timedelta(days=1 if local_hour > gmt_hour else -1)
    return [
        (local[0], local[1], with_day(local[2], day)),
        (gmt[0], gmt[1], with_day(gmt[2], gmt_day)),
    ]


# The 12-hour clock hours that a part of the day puts after noon ("ten o'clock Tuesday
# night" is 22:00, "2 o'clock Tuesday night" still 02:00).
_PM_HOURS = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(6, 12)}


def _afternoon_hours(clock: Reading, part_value: str) -> Reading:
    """A clock time without a.m./p.m. on an afternoon, evening or night: past noon."""
    hours = _PM_HOURS.get(part_value[-2:]) if _DAY_PART_VALUE.match(part_value) else None
    value = clock.value or ""
    if hours is None or int(value[-5:-3]) not in hours:
        return clock
    return dataclasses.replace(clock, value=f"{value[:-5]}{int(value[-5:-3]) + 12}{value[-3:]}")


def _is_clock(r: Reading) -> bool:
    return (
        r.type == "TIME" and r.value is not None and re.search(r"T\d\d:\d\d$", r.value) is not None
    )


def _day_of(r: Reading) -> str | None:
    if r.type == "TIME" and r.value is not None and _DAY_PART_VALUE.match(r.value):
        return r.value[:10]  # "7:30 p.m. on Thursday night": the clock time is on that day
    if r.type != "DATE" or r.value is None or r.point is None or r.point.unit != cal.DAY:
        return None
    return r.value


_DAY_PART_VALUE = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI)$")
