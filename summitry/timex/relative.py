"""Handlers for expressions resolved against a time: the reference day ("Sunday",
"next week", "two years ago", "now") or the last time resolved before them in the
text ("the following day", "two days later", "a year earlier").

Without a reference day, deictic expressions get None (never today's date).
"""

from __future__ import annotations

import datetime as dt
import re

from summitry.timex import periods as cal
from summitry.timex.bounds import ago_bound
from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import DAY_PARTS, LEX, REFS, SEASONS, alternation, number_value
from summitry.timex.words import UNIT_GRANULARITY, mod_of, unit_code, weekday_number

_NAMED_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_STEP = {
    "latest": -1,
    "most recent": -1,
    "this": 0,
    "current": 0,
    "present": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "same": 0,
    "that": 0,
    "the same": 0,
    "that same": 0,
}
_ANAPHORIC = {
    "following",
    "previous",
    "prior",
    "preceding",
    "same",
    "that",
    "the same",
    "that same",
}


def _with_part(date: dt.date, part: str | None) -> tuple[str, str]:
    """(type, value) of a day, as TIME with a day-part suffix when one is named."""
    if part:
        code = DAY_PARTS.get(re.sub(r"^(?:mid|early|late)[\s-]?", "", part.lower()))
        if code:
            return "TIME", f"{date.isoformat()}T{code}"
    return "DATE", date.isoformat()


# "today's world", "today's global economy": "today" in the sense of "nowadays"
_NOWADAYS = re.compile(
    rf"['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:{alternation(LEX['nowadays_nouns'])})\b(?!['’-])"
    # the noun ends its phrase: not "today's world championship final"
    r"(?=\s*(?:[^\w\s]|_|$|(?:of|is|are|was|were|has|have|and|or|to|in|with|that|where|what"
    r"|who|which|can|will|would|must|may|might|should|could|does|do)\b))",
    re.I,
)


def named_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "today", "yesterday morning", "tonight", "late tomorrow"."""
    word = re.sub(r"\s+", " ", m.group("named").lower())
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word)
    if word.startswith("tom"):
        word = "tomorrow"  # and its common misspellings
    offset = _NAMED_DAYS.get(word, 0) if offset is None else offset
    part = m.groupdict().get("part") or m.groupdict().get("prepart")
    part = part or ("night" if word == "tonight" else None)
    if word == "today" and not part and _NOWADAYS.match(ctx.text, end):
        return Reading("DATE", "PRESENT_REF")  # "today's youth": nowadays (TIDES), no date
    if ctx.reference is None:
        return Reading("TIME" if part else "DATE", None)
    date = ctx.reference + dt.timedelta(days=offset)
    kind, value = _with_part(date, part)
    return Reading(
        kind, value, mod_of(m.group("mod")), ctx.reference.isoformat(), cal.point(cal.DAY, date)
    )


def day_part(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "this morning", "last night", "the previous night" -> that day's part (TIME);
    "the next morning" -> the next day (DATE, as TimeBank tags it);
    "that night", "in the afternoon" -> the part of the day last spoken of."""
    gd = m.groupdict()
    rel = re.sub(r"\s+", " ", (gd.get("rel") or "that").lower())
    part = (gd.get("part") or gd.get("part2") or "").lower()
    mod = mod_of(gd.get("mod") or gd.get("mod2"))
    if rel in ("the next", "the following"):
        base = ctx.last_day or ctx.reference
        if base is None:
            return Reading("TIME", None)
        date = base + dt.timedelta(days=1)
        return Reading(
            "DATE", date.isoformat(), anchor=base.isoformat(), point=cal.point(cal.DAY, date)
        )
    if rel in ("the previous", "the preceding"):
        # "the previous night": that part of the day before the one last spoken of
        base = ctx.last_day or ctx.reference
        if base is None:
            return Reading("TIME", None)
        kind, value = _with_part(base - dt.timedelta(days=1), part)
        return Reading(kind, value, mod, base.isoformat(), cal.point(cal.DAY, base))
    if rel in ("that", "that same", "the same"):
        # "that night": the part of the day last spoken of.
        base = ctx.last_day or ctx.reference
        if base is None:
            return Reading("TIME", None)
        kind, value = _with_part(base, part)
        return Reading(kind, value, mod, base.isoformat(), cal.point(cal.DAY, base))
    if ctx.reference is None:
        return Reading("TIME", None)
    date = ctx.reference - dt.timedelta(days=1) if rel == "last" else ctx.reference
    kind, value = _with_part(date, part)
    return Reading(kind, value, mod, ctx.reference.isoformat(), cal.point(cal.DAY, date))


_SIGNALS = ("earlier", "later", "before", "after")  # "ago", "from now" belong to the date

_CLOCK = r"(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?)(?:\s+[a-z]{2,4})?"
_ITINERARY_REACH = 250  # characters: about the sentence before
_ITINERARY_FROM = 5  # days after the reference day: a weekday of the coming week
_POSSESSIVE_NEAR = 5  # tokens: a future verb this near binds "Friday's draw"
_FAR = 12  # tokens: no verb within reach (tense.cue_of's window)


# A capitalised word right after "the Sunday" that is no month, weekday or part of the
# day starts the rest of a name ("the Sunday Times"); a possessive does not.
_NAME_AFTER_THE = re.compile(
    r"\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|Morning|Afternoon|Evening|Night)[a-z]*\b)[A-Z][a-z]+\b(?!['’]s)"
)


def weekday(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "Sunday", "last Friday", "next Tuesday night", "early Monday".

    The nearest such day in the direction the tense points; the reference day
    itself when it is that weekday and the context is past or reporting.
    """
    if not m.group("rel") and not m.group("part") and _NAME_AFTER_THE.match(ctx.text, end):
        if ctx.preceded_by(start, "(?<!on )the") and m.group("wd")[0].isupper():
            return None  # "the Sunday Times", "the Tuesday Group": a name (TIDES non-markable)
    number = weekday_number(m.group("wd"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    rel = {"this coming": "coming", "this past": "past"}.get(rel, rel)
    part = m.groupdict().get("part") or m.groupdict().get("prepart")
    mod = mod_of(rel) if rel in ("early", "late") else None
    anchor_day = ctx.reference
    if rel in ("the previous", "the following", "the next", "that"):
        anchor_day = ctx.last_day or ctx.reference
    if anchor_day is None:
        return Reading("TIME" if part else "DATE", f"XXXX-WXX-{number}", mod)
    if rel in ("last", "past", "previous", "the previous"):
        date = cal.weekday_near(anchor_day - dt.timedelta(days=1), number, -1)
    elif rel in ("next", "coming", "the following", "the next"):
        date = cal.weekday_near(anchor_day + dt.timedelta(days=1), number, +1)
    elif rel == "this":
        way = ctx.direction(start, end)
        date = cal.weekday_near(anchor_day, number, way if way else +1)
    else:
        way, distance = ctx.cue(start, end)
        planned_near = way > 0 and distance <= _POSSESSIVE_NEAR
        if way == 0 and distance < _FAR:
            way = 1  # "the vote is on Tuesday": in the present tense, a day still to come
        if way == 0 and ctx.preceded_by(start, rf"(?:until|till|by|through)(?:\s+{_CLOCK})?"):
            way = 1  # "postponed until Tuesday": a deadline lies ahead
        if ctx.text.startswith("'s", end) or ctx.text.startswith("’s", end):
            # "get around Wednesday's ruling" reports a past event, whatever verb governs
            # it; "ahead of Tuesday's vote" looks forward, and so does a plan said right by
            # it ("will miss Wednesday's trip", "will be at Friday's draw").
            if not (way > 0 and ctx.preceded_by(start, r"ahead\s+of|until|for") or planned_near):
                way = -1
        if (
            way > 0
            and ctx.last_day is not None
            and ctx.last_weekday is not None
            and ctx.last_weekday[1] == ctx.last_day
            and start - ctx.last_weekday[0] <= _ITINERARY_REACH
            and _ITINERARY_FROM <= (ctx.last_day - anchor_day).days <= 13
            and cal.weekday_near(anchor_day, number, +1) < ctx.last_day
        ):
            # An itinerary: "talks next Monday and Tuesday; on Thursday the envoys meet"
            # counts on from the last day, as long as the account runs within the next two
            # weeks. Only a weekday named just before, and in a coming week, starts one:
            # after "the mandate expires on December 15", "is due to report on Tuesday" is
            # the coming Tuesday; after "will face him on Thursday", "the finals Tuesday"
            # written on a Tuesday is today, not the Tuesday after.
            anchor_day = ctx.last_day
        if way == 0 and number in ctx.weekdays:
            # Without a tense, "Monday" said again in a story is the Monday already named.
            date = ctx.weekdays[number]
        else:
            # Without a tense, news reports what happened: take the past one.
            date = cal.weekday_near(anchor_day, number, way if way else -1)
        ctx.weekdays.setdefault(number, date)
    if not ctx.screening:
        ctx.last_weekday = (end, date)
    kind, value = _with_part(date, part)
    return Reading(kind, value, mod, anchor_day.isoformat(), cal.point(cal.DAY, date))


def relative_unit(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "next week", "this year", "early next week", "the following month", "last spring"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    rel = {"this past": "past", "this coming": "coming"}.get(rel, rel)
    word = re.sub(r"\s+", " ", m.group("unit").lower()).replace("fiscal ", "")
    mod = mod_of(m.group("mod")) or ("APPROX" if m.group("orso") else None)  # "next year or so"
    step = _STEP.get(rel, 0)
    if rel == "next" and ctx.before(start, 4).endswith("the "):
        rel = "following"
    if (
        word == "decade"
        and step < 0
        and mod is None
        and ctx.preceded_by(start, r"for|over|during|throughout")
    ):
        return Reading("DURATION", "P10Y")  # "over the past decade": the span, not the 2000s
    season = SEASONS.get(word)
    unit = cal.SEASON if season else UNIT_GRANULARITY.get(unit_code(word))
    if unit is None:
        return None
    if rel in _ANAPHORIC or rel == "following":
        base = ctx.anchor_point(unit if unit != cal.SEASON else cal.DAY)
    else:
        base = cal.point(unit, ctx.reference) if ctx.reference else None
    if base is None:
        return Reading("DATE", None, mod)
    if season:
        p = cal.point(cal.SEASON, base.day, season)
        if step < 0 and p.day > base.day or step == 0 and rel != "this" and p.day > base.day:
            p = cal.shift(p, -1, cal.YEAR) or p
        elif step < 0 and p.day <= base.day and cal.point(cal.SEASON, base.day).season == season:
            p = cal.shift(p, -1, cal.YEAR) or p
        elif step > 0 and p.day <= base.day:
            p = cal.shift(p, 1, cal.YEAR) or p
    else:
        base = cal.point(unit, base.day)
        moved = cal.shift(base, step) if step else base
        if moved is None:
            return None
        p = moved
    anchor = ctx.reference.isoformat() if ctx.reference else None
    return Reading("DATE", p.value, mod, anchor, p)


def shifted(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "two days later", "a year ago", "six weeks earlier", "three years from now"."""
    way_word = re.sub(r"\s+", " ", m.group("dir").lower())
    if way_word in ("before", "after", "since") and not re.match(
        r"\s*(?:[,.;:)]|$|and\b|but\b)", ctx.after(end)
    ):
        return None
    code = unit_code(m.group("unit"))
    weeks_in_unit = 2 if code == "FN" else 1  # "a fortnight ago": two weeks
    unit = UNIT_GRANULARITY.get("W" if code == "FN" else code)
    if unit is None or unit == cal.WEEKEND:
        return None
    if way_word in _SIGNALS and unit in (cal.DAY, cal.WEEK, cal.MONTH):
        # TimeML reads "three days later" as a DURATION ("three days") that a signal
        # ("later") relates to an event; the duration rule takes it. "A year earlier"
        # stays a DATE: the TE3 training data marks it so in every earnings report.
        return None
    num_text = m.group("num")
    plural = m.group("unit").lower().endswith("s")
    n = number_value(num_text) if num_text else (None if plural else 1.0)
    if m.group("halfa"):
        n = 0.5  # "half a century ago"
    elif (m.group("half") or m.group("half2")) and n is not None:
        n += 0.5  # "two and a half years ago", "a year and a half ago"
    if n is not None:
        n *= weeks_in_unit
    sign = -1 if way_word in ("ago", "earlier", "before", "previously", "back", "since") else 1
    mod = ago_bound(mod_of(m.group("mod")), sign)
    if m.group("orso") and mod is None:
        mod = "APPROX"  # "a week or so ago"
    base: cal.Point | None
    quarter = ctx.comparison_quarter(start) if unit == cal.YEAR and n == 1 else None
    if quarter is not None and way_word != "from now":
        base = quarter  # "a year ago" in an earnings report: that quarter a year before
    elif way_word in ("ago", "from now", "hence", "since", "back"):
        base = cal.point(cal.DAY, ctx.reference) if ctx.reference else None
    else:
        base = ctx.anchor_point(unit)
    if n is None:
        value = {-1: "PAST_REF", 1: "FUTURE_REF"}[sign]
        return Reading("DATE", value, mod)
    if base is None:
        return Reading("DATE", None, mod)
    if base.unit == cal.QUARTER and unit == cal.YEAR:
        p = cal.shift(base, 4 * sign * n, cal.QUARTER)
        # The comparison quarter does not become the quarter the report is about.
        return Reading("DATE", p.value, mod, base.value) if p else None
    else:
        # "a decade ago" names a year (1989), not the decade it falls in.
        at = cal.YEAR if unit in (cal.DECADE, cal.CENTURY) else unit
        p = cal.shift(cal.point(at, base.day), sign * n, unit)
    if p is None:
        return None
    if ctx.preceded_by(start, _COMPARED_WITH):
        # "sales fell 10 percent from a year earlier": a term of comparison, not the time
        # the story goes on about; "the year" after it is still the story's year.
        return Reading("DATE", p.value, mod, base.value)
    return Reading("DATE", p.value, mod, base.value, p)


_COMPARED_WITH = r"from|than|over|on|versus|vs\.?|compared\s+(?:with|to)|against"


def in_units(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "in two weeks" in a future context -> the week two weeks on; else a DURATION."""
    if ctx.direction(start, end) < 0 or ctx.reference is None:
        return None
    if re.search(
        r"\b(?:first|second|third|fourth|fifth|only|last|worst|\w+est)\b[^.;]*$",
        ctx.before(start, 150),
    ):
        # "the first meeting in two months", "the highest in two years", "for the second
        # time in three years": a span
        return None
    code = unit_code(m.group("unit"))
    unit = UNIT_GRANULARITY.get(code)
    n = number_value(m.group("num"))
    if unit is None or n is None or unit == cal.WEEKEND:
        return None
    p = cal.shift(cal.point(unit, ctx.reference), n, unit)
    if p is None:
        return None
    return Reading("DATE", p.value, anchor=ctx.reference.isoformat(), point=p)


_NOT_A_NOUN = r"(?:and|or|but|is|are|was|were|will|would|as|than|to|in|on|at|for|of|if|because)\b"


def reference_word(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "now", "currently", "recently", "the future", "recent years" -> PRESENT_REF etc."""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word in ("the past", "the future") and re.match(
        r"\s+(?:\d|few\b|several\b|many\b|(?:two|three|four|five|six|seven|eight|nine|ten)\b)",
        ctx.after(end),
    ):
        return None  # "the past three summers": a span, not the past
    if word.endswith(" term") and re.match(rf"[\s-]+(?!{_NOT_A_NOUN})[a-z]+\b", ctx.after(end)):
        return None  # "the short term rating": the phrase is an adjective
    value = REFS.get(word)
    if word == "current":
        value = "PRESENT_REF"
    if value is None:
        return None
    return Reading("DATE", value)


def anaphoric_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the following day", "the next day", "the day before", "that day", "the same day"."""
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    step = -1 if re.search(r"previous|before|preceding|prior", phrase) else 1
    if re.search(r"\bthat\b|same", phrase):
        step = 0
        last = ctx.last
        if last is not None and last.unit in (cal.MONTH, cal.YEAR):
            # "killed on Thursday ... most recently last October ... crossed out that same
            # day": the time last named is a month (a year); the day in it is unknown.
            unknown = last.value + ("-XX" if last.unit == cal.MONTH else "-XX-XX")
            return Reading("DATE", unknown, anchor=last.value)
    base = ctx.last_day or ctx.reference
    if base is None:
        return Reading("DATE", None)
    date = base + dt.timedelta(days=step)
    return Reading(
        "DATE", date.isoformat(), anchor=base.isoformat(), point=cal.point(cal.DAY, date)
    )


def weekend(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the weekend", "over the weekend" -> the weekend the tense points to."""
    if ctx.reference is None:
        return Reading("DATE", None)
    way = ctx.direction(start, end)
    saturday = cal.weekday_near(ctx.reference, 6, way if way else -1)
    p = cal.point(cal.WEEKEND, saturday)
    return Reading("DATE", p.value, anchor=ctx.reference.isoformat(), point=p)


def latest_quarter(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the quarter", "the latest quarter", "the year-earlier quarter" (earnings reports)."""
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    if phrase.endswith("same period") and ctx.last_quarter is None and not ctx.screening:
        return None  # "the same period" means a quarter only in a report of quarters
    base = ctx.last_quarter
    latest = cal.shift(cal.point(cal.QUARTER, ctx.reference), -1) if ctx.reference else None
    if re.search(r"latest|most recent|just-ended", phrase) or base is None:
        base = latest  # the last quarter completed before the reference day
    elif "current" in phrase and ctx.reference is not None:
        base = cal.point(cal.QUARTER, ctx.reference)
    if base is None:
        return Reading("DATE", None)
    # "for the nine months, net fell from the 1988 period": a span of months, whose
    # period in another year is that year, not the quarter
    unit = (
        cal.YEAR
        if phrase.endswith("period")
        and ctx.comparison_quarter(start) is None
        and ctx.last_quarter is not None
        else cal.QUARTER
    )
    if m.group("year"):
        p = cal.point(unit, base.day.replace(year=int(m.group("year"))))
        return Reading("DATE", p.value, anchor=base.value)
    if re.search(
        r"year[- ](?:earlier|ago)|prior[- ]year|previous[- ]year|last[- ]year's|last year$", phrase
    ):
        earlier = cal.shift(cal.point(unit, base.day), -4 if unit == cal.QUARTER else -1)
        return Reading("DATE", earlier.value if earlier else None, anchor=base.value)
    if "previous" in phrase or "prior" in phrase or "preceding" in phrase:
        earlier = cal.shift(base, -1)
        return Reading("DATE", earlier.value if earlier else None, anchor=base.value)
    return Reading("DATE", base.value, point=base)


def year_earlier(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "year-earlier", "year-ago" as adjectives -> the last time mentioned, a year before."""
    base = ctx.comparison_quarter(start) or ctx.anchor_point(cal.YEAR)
    if base is None:
        return Reading("DATE", None)
    p = cal.shift(base, -4 if base.unit == cal.QUARTER else -1)
    return Reading("DATE", p.value if p else None, anchor=base.value)


def season(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "in the spring", "this summer" when bare: the season nearest in the tense's direction."""
    if not ctx.preceded_by(
        start,
        r"in|into|during|by|until|over|through|throughout|since|this|last|next|early|late|of"
        r"|for|after|before|till",
    ):
        return None
    if m.group("season").lower() == "fall" and re.match(
        r"\s+of\s+(?!(?:\d{4}|'\d\d|this|last|next|that|the\s+(?:same\s+)?year)\b)",
        ctx.after(end, 40),
    ):
        return None  # "since the fall of Saddam Hussein": a collapse, not autumn
    if m.group("season")[0].isupper() and re.match(r"\s+[A-Z][a-z]", ctx.text[end : end + 3]):
        if not re.search(r"(?:^|[.!?\"”]\s*)$", ctx.text[max(0, start - 3) : start]):
            return None  # "the Summer Games", "the Winter Olympics": a name
    if ctx.reference is None:
        return Reading("DATE", None)
    code = SEASONS[m.group("season").lower()]
    way = ctx.direction(start, end)
    p = cal.point(cal.SEASON, ctx.reference, code)
    if way < 0 and p.day > ctx.reference:
        p = cal.shift(p, -1, cal.YEAR) or p
    elif (
        way > 0
        and cal.shift(p, 1, cal.SEASON) is not None
        and p.day < ctx.reference - dt.timedelta(days=90)
    ):
        p = cal.shift(p, 1, cal.YEAR) or p
    return Reading("DATE", p.value, mod_of(m.groupdict().get("mod")), point=p)


_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
_TITLE_OF = rf"(?:{alternation(LEX['grammar']['title_nouns'])})\s+of"


def the_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the year", "the end of the month": a span of a year after "for"/"over"; else the
    year (month, week) last spoken of, or the reference day's."""
    word = m.group("unit").lower()
    mod = mod_of(m.group("mod"))
    if (
        mod is None
        and word == "week"
        and (
            ctx.preceded_by(start, r"for|earlier in|later in")
            or re.match(r"['’]s\b", ctx.after(end))
        )
    ):
        # "for the week", "the week's busiest session": market reports on the current week.
        base = ctx.anchor_point(cal.WEEK)
        return Reading("DATE", base.value if base else None, point=base)
    edge = m.group("mod")  # "the end of", "the rest of", ... (some have no TIMEX3 mod)
    if not edge and word != "year":
        return None  # "the week", "the month" alone are too often not a date
    if not edge and ctx.preceded_by(start, _TITLE_OF):
        return None  # "player of the year", "Coach of the Year": a title, not a time
    if not edge and (
        re.match(
            rf"\s+(?:ended|ending|(?:to|through)\s+(?:the\s+end\s+of\s+|next\s+)?{_MONTH_START})",
            ctx.after(end),
        )
        or ctx.preceded_by(start, r"over|during|throughout|through|all")
    ):
        # "in the year ended Sept. 30", "for the year to March": a fiscal year, a span
        return Reading("DURATION", "P1Y")
    # "sales for the full year", "For the year, volume rose": the year itself, a DATE (as
    # TimeBank tags it), read below
    # "the first nine months of the year", "the second quarter of the year": a part of
    # that year, so the year is a DATE (as TimeBank tags it), read below.
    unit = {"year": cal.YEAR, "month": cal.MONTH, "week": cal.WEEK, "decade": cal.DECADE}[word]
    # "the year" in a sentence of its own is the story's year, not the last one named
    # ("it reported 480 million for 2005. In the first nine months of the year, ...").
    base = ctx.anchor_point(unit, near=start)
    if base is None:
        return Reading("DATE", None, mod)
    half = re.search(r"(first|second|last|latter)\s+half", (m.group("mod") or "").lower())
    if half and unit == cal.YEAR:  # "the first half of the year": H1 of that year
        month = 1 if half.group(1) == "first" else 7
        p = cal.point(cal.HALF, dt.date(base.day.year, month, 1))
        return Reading("DATE", p.value, point=p)
    return Reading("DATE", base.value, mod, point=base)


def earlier_in(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "earlier in the week", "later that day" -> the week (day) last spoken of."""
    unit = {"day": cal.DAY, "week": cal.WEEK, "month": cal.MONTH, "year": cal.YEAR}[
        m.group("unit").lower()
    ]
    base = ctx.anchor_point(unit)
    if base is None:
        return Reading("DATE", None)
    return Reading("DATE", base.value, anchor=base.value, point=base)


def year_end(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "year-end", "year's end" -> the year last spoken of (or the reference year), mod END."""
    base = ctx.anchor_point(cal.YEAR)
    if ctx.reference is not None and ctx.preceded_by(start, r"since"):
        # "the change is since year-end": the last year-end before the reference day
        base = cal.point(cal.YEAR, dt.date(ctx.reference.year - 1, 1, 1))
    return Reading("DATE", base.value if base else None, "END")
