"""Handlers for expressions that name their time: dates, months, years, quarters,
decades, centuries and holidays. A missing year is taken nearest the reference day
(in the direction of the tense); without a reference day it stays `XXXX`.

Each handler takes the regex match, the `Context`, and the span, and returns a
`Reading` or None (not a time expression after all).
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from summitry.timex import periods as cal
from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import (
    HOLIDAYS,
    LEX,
    ORDINALS,
    SEASONS,
    TENSE_CUES,
    alternation,
    number_value,
)
from summitry.timex.words import mod_of, month_number

_NEAR_VERB = 10  # tokens (with penalties) within which a verb's tense binds a bare month
# ("changed from a fiscal year to a calendar year in December": ten tokens, one clause)
# A verb in the past right before the noun phrase: "contested the January poll"
_PAST_VERB = rf"[a-z]+ed|{'|'.join(TENSE_CUES['past'])}"
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)?$")


def ordinal(word: str) -> int | None:
    w = word.lower().strip()
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return int(m.group(1))
    return ORDINALS.get(w)


def _day_word(text: str) -> int:
    """A day of the month in words: "eighth" -> 8, "twenty-first" -> 21."""
    tens, _, unit = re.sub(r"[\s-]+", " ", text.lower()).rpartition(" ")
    return {"": 0, "twenty": 20, "thirty": 30}[tens] + (ORDINALS.get(unit) or 0)


# A capitalised word right before a month that is no preposition or determiner (a
# sentence may start "On May first"): the month may be a surname
_NAME_BEFORE = re.compile(
    r"\b(?!(?:On|In|By|Since|Until|Till|From|Before|After|Through|Last|This|Next|Of|And|Or"
    r"|To|Early|Late|Mid|The|That|Around|About|Between)\b)[A-Z][a-z]+\s+$"
)


def _leading_number(text: str) -> int:
    """The number a day ordinal starts with: "13th" -> 13."""
    return int(re.sub(r"\D.*", "", text) or 0)


def year_of(m: re.Match[str], group: str = "year") -> int | None:
    """The year in `group`: four digits, or "'98"/"98" read as the nearest century."""
    text = m.group(group)
    if not text:
        return None
    digits = text.strip("'’")
    if len(digits) == 2:
        return 1900 + int(digits) if int(digits) > 30 else 2000 + int(digits)
    return int(digits)


_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}
# A number that names a thing: "UN resolution 1701", "flight 1549", "Article 2005".
_NUMBERED = re.compile(rf"\b(?:{alternation(LEX['grammar']['numbered_nouns'])})\s*$", re.I)


def _relative_year(m: re.Match[str], ctx: Context) -> int | None:
    """Year from "last year"/"this year"/"next year" words in group `yrel`, if present."""
    rel = (m.groupdict().get("yrel") or "").lower()
    if not rel or ctx.reference is None:
        return None
    return ctx.reference.year + _YEAR_OFFSET.get(rel.split()[0], 0)


_RANGE_END = re.compile(
    r"\s*(?:to|-|–|and|through|till|until)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+\d{1,2})?,?\s+(?:(?P<year>(?:19|20)\d\d)\b|(?P<rel>this|last|next)\s+year\b)"
)


# The end of a range of days that names the year: "(March 3) to 5, 2005", "-13 of 2007",
# "to April 5, 2005".
_DAY_RANGE_YEAR = re.compile(
    r"\s*(?:-|–|to|through|until|till|and)\s*(?:(?P<month>January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
    r"|Dec)\.?\s+)?\d{1,2}(?:st|nd|rd|th)?(?!\d),?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def _range_year(ctx: Context, number: int, end: int) -> int | None:
    """The year of a bare month opening a range that a year closes ("January to September
    this year", "from March to May 2012"); "November to January 2013" starts the year before."""
    m = _RANGE_END.match(ctx.text, end)
    if m is None or ctx.reference is None:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    else:
        year = ctx.reference.year + _YEAR_OFFSET[m.group("rel")]
    return year - 1 if number > month_number(m.group("month")) else year


def _unknown_year(month: int, day: int | None) -> str:
    return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")


def month_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "Jan. 13", "13 January 2025", "Monday, Jan. 13th" -> a day."""
    month = month_number(m.group("month"))
    if m.groupdict().get("dayword"):
        if _NAME_BEFORE.search(ctx.text, max(0, start - 20), start) and not m.group("wd"):
            return None  # "Theresa May first said": a surname, not a month
        day = _day_word(m.group("dayword"))
    else:
        day = _leading_number(m.group("day"))
    year = year_of(m) or _relative_year(m, ctx)
    anchor = None
    if year is None and (closing := _DAY_RANGE_YEAR.match(ctx.text, end)) is not None:
        year = int(closing.group("year"))  # "from March 3 to 5, 2005": the range's year
        if closing.group("month") and month_number(closing.group("month")) < month:
            year -= 1  # "from Dec. 28 to Jan. 3, 2005" starts the year before
    if year is None:
        if ctx.reference is None:
            return (
                Reading("DATE", _unknown_year(month, day))
                if cal.safe_date(2000, month, day)
                else None
            )
        rel = (m.groupdict().get("rel") or "").lower()
        way = {"last": -1, "next": 1}.get(rel) or ctx.direction(start, end)
        year = cal.likely_year(ctx.reference, month, day, way)
        if rel in ("last", "next"):  # "last Oct. 23": strictly before the reference day
            year = cal.nearest_year(ctx.reference, month, day, way)
        elif ctx.preceded_by(start, r"ended(?:\s+on)?"):
            # "the fiscal year ended Jan. 31": a period that has ended closed on or before
            # the reference day, even when the next Jan. 31 is nearer (TimeBank: 19 of 19).
            year = cal.nearest_year(ctx.reference, month, day, -1)
        anchor = ctx.reference.isoformat()
    date = cal.safe_date(year, month, day)
    if date is None:
        return None
    of = (m.groupdict().get("of") or "").lower()
    if of == "week":  # "the week of March 4": that day's week
        week = cal.point(cal.WEEK, date)
        return Reading("DATE", week.value, anchor=anchor, point=week)
    if of == "weekend":  # "the weekend of March 9": the weekend nearest that day
        back = (date.isoweekday() - 6) % 7  # days since Saturday: 0 Sat, 1 Sun, 2 Mon ...
        saturday = date - dt.timedelta(days=back if back <= 3 else back - 7)
        weekend = cal.point(cal.WEEKEND, saturday)
        return Reading("DATE", weekend.value, anchor=anchor, point=weekend)
    p = cal.point(cal.DAY, date)
    return Reading("DATE", p.value, anchor=anchor, point=p)


def numeric_date(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "1/13/25" (month first in en-US, day first elsewhere), "2025-01-13"."""
    if m.group("iso"):
        year, month, day = int(m.group("iso")), int(m.group("a2")), int(m.group("b2"))
    else:
        first, second = int(m.group("a")), int(m.group("b"))
        month, day = (first, second) if ctx.locale.endswith("US") else (second, first)
        if month > 12 >= day:
            month, day = day, month  # "22/03/2013" can only be day first, whatever the locale
        year = year_of(m, "y") or 0
    date = cal.safe_date(year, month, day)
    if date is None:
        return None
    return Reading("DATE", date.isoformat(), point=cal.point(cal.DAY, date))


def month(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "January", "last November", "early March 2025", "June last year" -> a month."""
    gd = m.groupdict()
    if not (gd.get("mod") or gd.get("rel") or gd.get("year") or gd.get("yrel")):
        # A bare "May" or "March" is usually a verb or a name; take it after a preposition.
        if m.group("month").lower()[:3] in ("may", "mar") and not ctx.preceded_by(
            start,
            r"in|since|until|till|by|from|through|during|of|to|before|after|between|and|or|last|the",
        ):
            return None
    number = month_number(m.group("month"))
    mod = mod_of(gd.get("mod"))
    year = year_of(m) or _relative_year(m, ctx)
    anchor = None
    if year is None:
        if ctx.reference is None:
            return Reading("DATE", f"XXXX-{number:02d}", mod)
        rel = (gd.get("rel") or "").lower()
        ref = ctx.reference
        if rel == "last" or rel == "past":
            year = ref.year if number < ref.month else ref.year - 1
        elif rel == "next" or rel == "coming":
            year = ref.year if number > ref.month else ref.year + 1
        elif rel == "this":
            year = ref.year
        elif (shared := _range_year(ctx, number, end)) is not None:
            year = shared  # "from January to September this year": the range's year
        else:
            way, distance = ctx.cue(start, end)
            # A month a year off against the tense is seldom meant when a verb right by it
            # sets the tense ("agreed in April"); a verb farther off is weaker evidence, and
            # so is any verb for a month used as an adjective ("a June meeting").
            attributive = re.match(r"\s+(?:[a-z]+|[A-Z][A-Za-z0-9]+)\b", ctx.text[end : end + 20])
            strict = distance <= _NEAR_VERB and (
                not (
                    attributive
                    and ctx.preceded_by(start, r"a|an|the|its|their|his|her|this|that|[\w.]+['’]s")
                )
                or way < 0
                and ctx.preceded_by(start, rf"(?:{_PAST_VERB})\s+(?:the|its|their|his|her)")
            )
            year = cal.likely_year(ref, number, None, way, strict=strict)
        anchor = ref.isoformat()
    p = cal.point(cal.MONTH, dt.date(year, number, 1))
    return Reading("DATE", p.value, mod, anchor, p)


def year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "1998", "fiscal 1998", "mid-1996", "the end of 1990", "spring 1998"."""
    number = year_of(m)
    if number is None:
        return None
    before = ctx.before(start, 12)
    after = ctx.after(end, 12)
    # "the 1980-1988 war": each end of a range of years is a year of its own.
    range_before = re.search(r"(?<![\d-])(\d{4})-$", before)
    range_after = re.match(r"-(\d{4})(?![\d-])", after)
    if range_before and 0 < number - int(range_before.group(1)) <= 400:
        before = before[: range_before.start()]
    if range_after and 0 < int(range_after.group(1)) - number <= 400:
        after = after[range_after.end() :]
    short_end = re.match(r"[-/](\d{2})(?![\d/-]|[.,]\d)", after)
    if short_end and number % 100 < int(short_end.group(1)):
        after = after[short_end.end() :]  # "the 1950-53 war": the first year of a range
    if (
        re.search(r"[$£€#]\s*$|\d[,.]$|\bno\.\s*$|-$", before)
        or _NUMBERED.search(ctx.before(start, 20))
        or re.match(
            r"\s*(?:%|percent|per\s+cent|[,.]\d|\d|-\d|:\d|\s*(?:million|billion|mw|km|kilo|tons?|feet|meters?|miles?|people|troops)\b)"
            r"|(?:g|kg|km|m|mm|cm|mw|kw|ft)\b",  # "weights of 1000g"
            after,
        )
    ):
        return None  # an amount, a price, "Resolution 1701", "flight 1549": not a year
    if not 1000 <= number <= 2099:
        return None
    season = m.groupdict().get("season")
    if season:
        code = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
        p = cal.Point(cal.SEASON, dt.date(number, 1, 1), code[season.lower()])
        return Reading("DATE", p.value, mod_of(m.group("mod")), point=p)
    p = cal.point(cal.YEAR, dt.date(number, 1, 1))
    return Reading("DATE", p.value, mod_of(m.group("mod")), point=p)


def short_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "in '98", "since '02" -> the latest such year not after the reference year."""
    if not ctx.preceded_by(start, r"in|of|since|until|by|from|to|and|or|through|before|after"):
        return None  # a quotation mark before a number, not a year
    digits = int(m.group("year")[1:])
    ref_year = ctx.reference.year if ctx.reference and 1100 <= ctx.reference.year <= 9999 else 1999
    number = ref_year // 100 * 100 + digits
    if number > ref_year:
        number -= 100
    p = cal.point(cal.YEAR, dt.date(number, 1, 1))
    return Reading("DATE", p.value, point=p)


def decade(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the 1990s", "the '90s", "the late 1970s", "the nineties" -> 199, 197; "the 1800s"
    -> 18."""
    digits = m.group("dec")
    words = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
    if digits.lower() in words:
        value = f"19{words[digits.lower()]}"
    else:
        digits = digits.strip("'’")
        if len(digits) == 2:
            # "the '80s" is the latest such decade begun by the reference year
            ref_year = ctx.reference.year if ctx.reference else 1999
            if not 1100 <= ref_year <= 9999:
                ref_year = 1999  # a reference day far off the calendar tells nothing here
            century = ref_year // 100 - (1 if int(digits) > ref_year % 100 else 0)
            value = f"{century}{digits[0]}"
        elif digits.endswith("00") and digits != "2000":
            # "the 1800s", "the early 1900s": a century (TIDES), not its first decade;
            # "the 2000s" is the decade, in news written since
            value = digits[:2]
        else:
            value = digits[:3]
    return Reading("DATE", value, mod_of(m.group("mod")))


def century(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the 20th century", "the twenty-first century" -> 19, 20."""
    n = ordinal(m.group("ord"))
    if n is None or not 1 <= n <= 30:
        return None
    adjective = m.group(0).lower().endswith("-century")  # "his 19th-century mansion"
    if ctx.preceded_by(start, r"his|her|their|my|your") and not adjective:
        return None  # "Hayden hit his first century of the series": a hundred runs
    return Reading("DATE", f"{n - 1:02d}", mod_of(m.group("mod")))


def holiday(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "Christmas", "Thanksgiving", "Easter" -> that day of the nearest year."""
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    rule = HOLIDAYS.get(name)
    if rule is None:
        return None
    number = year_of(m)
    if number is None and ctx.reference is None:
        return Reading("DATE", None)

    def day_in(y: int) -> dt.date | None:
        if rule.startswith("easter:"):
            return easter(y) + dt.timedelta(days=int(rule.split(":")[1]))
        if rule.startswith("nth:"):
            # nth:MONTH:ISO_WEEKDAY:N[:DAYS_AFTER] ("the Tuesday after the first Monday")
            _, mon, wd, nth, *after = rule.split(":")
            nth_day = _nth_weekday(y, int(mon), int(wd), int(nth))
            return nth_day + dt.timedelta(days=int(after[0]) if after else 0)
        mon, d = rule.split("-")
        return cal.safe_date(y, int(mon), int(d))

    if number is None:
        ref = ctx.reference
        assert ref is not None
        rel = (m.group("rel") or "").lower()
        way = {"last": -1, "next": 1}.get(rel) or ctx.direction(start, end)
        options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := day_in(y))]
        if rel in ("last", "next"):  # "last Christmas": strictly before the reference day
            options = [d for d in options if (d - ref).days * way > 0] or options
        elif rel == "this":  # "this Easter": the one of the reference year
            options = [d for d in options if d.year == ref.year] or options
            way = 0
        # "as Easter week began": a holiday's week has begun up to six days before it
        lead = 6 if m.group("hweek") and way < 0 else 0
        date = min(options, key=lambda d: cal.day_gap_cost((d - ref).days - lead, way))
    else:
        found = day_in(number)
        if found is None:
            return None
        date = found
    if m.group("hweek"):  # "Easter week", "Christmas week": the week the day falls in
        p = cal.point(cal.WEEK, date)
        return Reading("DATE", p.value, point=p)
    if m.group("weekend"):
        # "the Labor Day weekend": the weekend a Monday holiday ends, or the one it falls in
        saturday = date - dt.timedelta(days=(date.isoweekday() - 6) % 7)
        p = cal.point(cal.WEEKEND, saturday)
        return Reading("DATE", p.value, point=p)
    return Reading("DATE", date.isoformat(), point=cal.point(cal.DAY, date))


def _nth_weekday(year: int, month: int, iso_weekday: int, nth: int) -> dt.date:
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (iso_weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    last = (dt.date(year, month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - iso_weekday) % 7)


def quarter(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the fourth quarter", "third-quarter", "Q3 2024", "3Q 2024", "H1 2024", "the first
    half of 1989"."""
    gd = m.groupdict()
    half_code = gd.get("hn") or gd.get("hn2")  # "H1 2012", "2H 2012"
    n = ordinal(gd.get("ord") or gd.get("qn") or half_code or "")
    is_half = bool(half_code) or (gd.get("unit") or "quarter").lower().startswith("half")
    count = 2 if is_half else 4
    if n == -1 or (gd.get("ord") or "").lower() == "latter":
        if not gd.get("year") and (gd.get("ord") or "").lower() in ("last", "latter"):
            return None  # "the last quarter" alone is the latest one (`relative.latest_quarter`)
        n = count
    if n is None or not 1 <= n <= count:
        return None
    if not gd.get("year") and re.match(
        r"\s+of\s+(?:the|a|an|this|that|its|his|her|their)\s+(?!year|fiscal|calendar)",
        ctx.after(end, 40),
    ):
        return None  # "the second half of the 20th century", "the first half of the game"
    unit = cal.HALF if is_half else cal.QUARTER
    number = year_of(m) if gd.get("year") and gd["year"][0].isdigit() else None
    rel = (gd.get("year") or gd.get("yearpre") or "").lower()
    if number is None and gd.get("yearpre") and gd["yearpre"][0].isdigit():
        number = int(gd["yearpre"][:4])
    ref = ctx.reference
    if number is None and ref is not None and rel:
        number = ref.year + (-1 if "last" in rel else 1 if "next" in rel else 0)
    if number is None:
        if ref is None:
            return Reading("DATE", f"XXXX-{'H' if is_half else 'Q'}{n}")
        # The quarter of that number nearest the reference day, the tense deciding a tie.
        here = cal.point(unit, ref)
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            cand = cal.point(unit, dt.date(y, (n - 1) * (12 // count) + 1, 1))
            gap = (cand.day.year - here.day.year) * 12 + cand.day.month - here.day.month
            # Reports look back: a later quarter must be much nearer to be the one meant.
            score = abs(gap) + (6.5 if gap > 0 else 0)
            if best is None or score < best[0]:
                best = (score, cand)
        assert best is not None
        p = best[1]
    else:
        p = cal.point(unit, dt.date(number, (n - 1) * (12 // count) + 1, 1))
    if gd.get("yago"):
        earlier = cal.shift(p, -1, cal.YEAR)
        return Reading("DATE", earlier.value, mod_of(gd.get("mod")), p.value) if earlier else None
    return Reading("DATE", p.value, mod_of(gd.get("mod")), point=p)


def day_of_month(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "the 13th" -> that day of the last month mentioned, or of the reference month."""
    day = _leading_number(m.group("day"))
    base = (
        ctx.last.day
        if ctx.last is not None and ctx.last.unit in (cal.DAY, cal.MONTH)
        else ctx.reference
    )
    if base is None:
        return Reading("DATE", None)
    date = cal.safe_date(base.year, base.month, day)
    if date is None:
        return None
    return Reading(
        "DATE", date.isoformat(), anchor=base.isoformat(), point=cal.point(cal.DAY, date)
    )


def spoken_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    words = re.sub(r"[\s-]+", " ", m.group("spoken").lower()).replace(" and ", " ")
    if words.startswith("two thousand"):
        if not m.group(0).lower().startswith("the year") and words == "two thousand":
            return None  # "two thousand people"
        rest = words[len("two thousand") :].strip()
        number = 2000 + int(number_value(rest) or 0) if rest else 2000
    else:
        head, _, rest = words.partition(" ")
        century = 19 if head == "nineteen" else 20
        rest = rest.replace("oh ", "")
        tail = 0 if rest == "hundred" else number_value(rest)
        if tail is None:
            return None
        number = century * 100 + int(tail)
    if m.group("month"):
        p = cal.point(cal.MONTH, dt.date(number, month_number(m.group("month")), 1))
    elif m.group("season"):  # "the winter of nineteen ninety-four"
        p = cal.Point(cal.SEASON, dt.date(number, 1, 1), SEASONS[m.group("season").lower()])
    else:
        p = cal.point(cal.YEAR, dt.date(number, 1, 1))
    return Reading("DATE", p.value, point=p)
