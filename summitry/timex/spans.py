"""Handlers for durations ("two-day", "the past 18 months"), sets ("every Monday",
"annually") and clock times ("10:30 a.m.", "noon")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import DAY_PARTS, LEX, SEASONS, SET_ADVERBS, alternation, number_value
from summitry.timex.words import is_time_unit, mod_of, month_number, unit_code, weekday_number


def duration_value(n: float | None, code: str) -> str:
    """TIMEX3 duration: P2D, PT3H, P18M, PXY (vague), P2Y6M (fractional years)."""
    if code == "FN":
        n, code = (n * 2 if n is not None else None), "W"  # a fortnight is two weeks
    if code == "WE" and n is not None:
        n, code = n * 2, "D"  # a weekend is two days
    if code in ("DE", "CE") and n is not None:
        n, code = (
            n * (10 if code == "DE" else 100),
            "Y",
        )  # "two decades" is P20Y, as TimeBank writes it
    if code == "DE" and n is None:
        code = "Y"  # "decades", "decades-long": TimeBank writes PXY
    # TimeML's own letters for the long units: "centuries" PXC (as TimeBank writes it),
    # "millennia" PXL ("two thousand years" P2L)
    letter = {"MIN": "M", "DE": "DE", "CE": "C", "ML": "L", "WE": "WE", "Q": "Q"}.get(code, code)
    prefix = "PT" if is_time_unit(code) else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n):
        if code == "Y" and (n * 12) == int(n * 12):
            whole, months = divmod(int(n * 12), 12)
            return f"P{whole}Y{months}M" if whole else f"P{months}M"
        if code == "H" and (n * 60) == int(n * 60):
            whole, minutes = divmod(int(n * 60), 60)
            return f"PT{whole}H{minutes}M" if whole else f"PT{minutes}M"
        if code == "MIN" and (n * 60) == int(n * 60):
            whole, seconds = divmod(int(n * 60), 60)
            return f"PT{whole}M{seconds}S" if whole else f"PT{seconds}S"
        if code == "D" and (n * 24) == int(n * 24):
            return f"PT{int(n * 24)}H"
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"


_VAGUE = re.compile(
    r"a few|few|several|some|many|a number of|dozens|hundreds|thousands|millions|tens"
    r"|numerous|a handful|various|countless"
)


# "two dollars a day", "30 flights a week", "$5 million a year": a rate, so a SET. The word
# before "a" is an amount or a plural noun; prepositions and verbs ending in -s are not.
_RATE_BEFORE = re.compile(
    r"(?:[\d%$]|\b(?:million|billion|trillion|dozen|hundred|thousand|times|once|twice|[a-z]{2,}s))\s+$",
    re.I,
)
_NOT_RATE_BEFORE = re.compile(rf"\b(?:{alternation(LEX['grammar']['not_plural_nouns'])})\s+$", re.I)
# A singular unit counted by an amount is a rate too: "one flight a day", "six percent a
# year", "a 1.6 billion dollar a year industry", "16 billion doses of flu vaccine a year",
# "30 yuan (3.8 dollars) a month", "at least six a day".
_AMOUNT_WORDS = "one two three four five six seven eight nine ten twelve twenty fifty hundred"
_AMOUNT = rf"(?:\d[\d,.]*(?!\d)|(?:{'|'.join(_AMOUNT_WORDS.split())}|thousand|million|billion)\b)"
_NOT_RATE_NOUN = (
    "to|for|in|on|at|by|with|within|from|into|over|under|after|before|about|around|during"
    "|than|and|or|the|an?|just|only|nearly|almost|barely"
)
_RATE_BEFORE_SINGULAR = re.compile(
    rf"(?:\b{_AMOUNT}\s+(?:[a-z]+\s+)?(?:{alternation(LEX['grammar']['rate_units'])})"
    rf"|\b{_AMOUNT}\s+(?:[a-z]+\s+){{0,2}}of\s+(?:[a-z-]+\s+){{0,3}}"
    rf"(?!(?:{_NOT_RATE_NOUN})\s)[a-z-]+"  # "doses of flu vaccine", not "talk of victory within"
    rf"|\([^()]*\d[^()]*\)"  # "30 yuan (3.8 dollars) a month"
    rf"|\b(?:{'|'.join(_AMOUNT_WORDS.split()[1:])}|thousand))\s+$",  # "at least six a day"
    re.I,
)


# What a rate's "to" leads to: "one flight a day to each city", "barrels a day to the US",
# "1.58 million units a year to two million".
_RATE_TO = (
    r"(?:each|every|the|an?|its|their|his|her|one|two|three|four|five|ten)\b"
    r"|(?!Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Z]"
)


# "a year to March", "a month to pull out", "a day later": spans, not rates.
_NOT_RATE_AFTER = (
    r"\s*-|\s+(?i:later|earlier|after|before|ago)\b|\s+to\s+(?:the\s+end\b|(?!" + _RATE_TO + r"))"
)


_TENS = re.compile(r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty", re.I)


def duration(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "two-day", "three years", "the past 18 months", "more than a week", "decades"."""
    num_text = m.group("num")
    code = unit_code(m.group("unit"))
    if code == "X":
        return None
    if (
        m.group(0).lower().startswith(("a ", "an "))
        and code in ("H", "D", "W", "M", "Y")
        and not re.match(_NOT_RATE_AFTER, ctx.text[end : end + 40])
        and (
            _RATE_BEFORE.search(ctx.text, max(0, start - 30), start)
            or _RATE_BEFORE_SINGULAR.search(ctx.text, max(0, start - 60), start)
        )
        and not _NOT_RATE_BEFORE.search(ctx.text, max(0, start - 30), start)
    ):
        return Reading("SET", duration_value(1, code))
    if num_text:
        words = re.sub(r"\s+", " ", num_text.lower())
        n = number_value(words)
        if n is None and not _VAGUE.match(words):
            return None
        if n is None and not m.group("unit").lower().endswith("s") and "-" not in m.group(0):
            return None  # "tens of thousands of day laborers": a vague count takes a plural
        if words in ("a", "an") and re.search(r"-long$", m.group(0), re.I):
            return None  # "a week-long festival": "week-long" alone is the expression
        if words in ("a", "an") and m.group("unit").lower().endswith("s"):
            return None  # "a decades-long feud": the article belongs to the noun
        if words in ("a", "an") and code in ("S",) and not re.match(r"\s*[,.;]", ctx.after(end)):
            return None  # "a second", as in "a second term"
        half = m.groupdict().get("half") or m.groupdict().get("half2")
        if half and n is not None:
            n += 0.5
    else:
        n = None
    if re.match(r"-[a-z]", ctx.after(end)):
        return None  # "a quarter-owned unit", "a two-year-old": the unit is part of a longer word
    if re.search(r"-old$", m.group(0), re.I) or re.match(r"[\s-]+old\b", ctx.after(end)):
        return None  # "a 6-year-old", "he is 37 years old": an age, not a duration
    fraction = "-" in m.group(0) or re.match(
        r"\s+of\s+(?:the|a|an|all|its|their)\b", ctx.after(end)
    )
    if code == "Q" and fraction and re.match(r"\s+of\b", ctx.after(end)):
        return None  # "three-quarters of the vote" is a fraction
    if code == "Q" and re.match(_SHARE_OF, ctx.text[end : end + 30]):
        return None  # "a quarter of China's auto sales", "a three-quarter percent rise"
    low = m.groupdict().get("low")
    if low and _TENS.fullmatch(low) and m.string[m.end("low") : m.start("num")] == "-":
        n = number_value(f"{low}-{num_text}".lower())  # "thirty-five years": one number
    elif low:
        n = None  # "two to three weeks", "12 to 18 months": a span of unknown length
    mod = mod_of(m.groupdict().get("mod"))
    if m.group("orso") and mod is None:
        mod = "APPROX"  # "a year or so" (TIDES, TimeBank)
    if (
        m.group(0).lower() in ("one day", "some day")
        and not ctx.preceded_by(start, r"for|in|within|of|than|only|just|at\s+least")
    ) and (
        ctx.preceded_by(start, rf"{_MODAL}(?:\s+not)?(?:\s+[a-z]+ly)?")
        or re.match(rf"\s+(?:[a-z]+ly\s+)?{_MODAL}\b", ctx.after(end))
    ):
        # "may one day help", "Islam will one day be", "the Church one day may": an
        # indefinite time ahead (TimeML FUTURE_REF), not a span of a day
        return Reading("DATE", "FUTURE_REF")
    return Reading("DURATION", duration_value(n, code), mod)


# What follows a quarter that is a share, not three months: a name, a number, a percentage.
_SHARE_OF = r"\s+(?:of\s+(?:[A-Z]|\d(?!\d{3}\b))|(?i:percent|per\s+cent|percentage|points?)\b)"
_MODAL = r"(?:will|would|may|might|could|can|shall|should|must|'ll|’ll)"


def bare_plural(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "for years", "over the decades", "recent weeks" -> PXY, PXY, PXW; "day-long" -> P1D."""
    word = m.group("unit").lower()
    code = unit_code(word)
    if code == "X":
        return None
    if m.group(0).lower().endswith("-long") and not word.endswith("s"):
        return Reading("DURATION", duration_value(1, code))
    return Reading("DURATION", duration_value(None, code))


def half_unit(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "half an hour", "half a century", "a quarter-century" -> PT30M, P50Y, P25Y."""
    mod = mod_of(m.group("mod"))
    if m.group("unit2"):
        share = 0.5 if (m.group("frac") or m.group("frac2")).lower() == "half" else 0.25
        return Reading("DURATION", duration_value(share, unit_code(m.group("unit2"))), mod)
    return Reading("DURATION", duration_value(0.5, unit_code(m.group("unit"))), mod)


def vague_length(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "for a long time", "for some time", "in a while" -> a DURATION of unknown length."""
    return Reading("DURATION", "PXX")


# "the daily newspaper": an adverb of frequency used as a kind of publication
_PUBLICATION = re.compile(rf"\s+(?:{alternation(LEX['grammar']['publications'])})s?\b", re.I)


# "the daily said", "the party daily Granma", "Le Figaro daily on Friday", "told the weekly
# Welt am Sonntag", "the national news weekly.": a newspaper or magazine
_PAPER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|party|local|national|state|state-run|state-owned|leading|financial"
    r"|business|sports|news|government|opposition|independent|influential|popular|satirical"
    r"|English|English-language|[\w-]+-language|pro-[\w-]+|official|economic|liberal"
    r"|conservative|radical|regional|tabloid|reformist|hardline|[\w-]+-(?:based|selling|leaning"
    r"|circulation|wing))|\b[A-Z][\w'’-]*)\s+$"
)
_PAPER_AFTER = re.compile(
    r"\s*[,.;:)\"“”]|\s+(?:[A-Z]|(?:said|says|reported|reports|quoted|quotes|wrote|writes|"
    r"carried|carries|published|on|in|of|that|which|added|noted|claimed|quoting|citing"
    r"|reporting|representing)\b|[a-z]+ed\b)"  # "the Haaretz daily attributed", "... warned"
)


def set_expression(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "every Monday", "each year", "annually", "twice a week", "Tuesday nights"; with
    TimeML's quant ("every Monday": EVERY) and freq ("twice a week": 2X)."""
    reading = _set_value(m, ctx, start, end)
    if reading is None:
        return None
    gd = m.groupdict()
    said = gd.get("x") or m.group(0)
    quant = "EVERY" if re.match(r"(?i:every|each)\b", said) else None
    freq = _FREQ.get((gd.get("times") or "").lower())
    if freq is None and gd.get("times"):
        count = number_value(gd["times"].split()[0])
        freq = f"{int(count)}X" if count and count == int(count) else None
    return dataclasses.replace(reading, quant=quant, freq=freq)


_FREQ = {"once": "1X", "twice": "2X", "thrice": "3X"}


def _set_value(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """The SET's value: what repeats."""
    gd = m.groupdict()
    if gd.get("adverb"):
        if _PUBLICATION.match(ctx.text, end):
            return None  # "the daily newspaper": a paper, not a rate
        if (
            gd["adverb"].lower() in ("daily", "weekly", "monthly")
            and _PAPER_BEFORE.search(ctx.text, max(0, start - 30), start)
            and not (
                gd["adverb"].lower() != "daily"
                and re.search(r"\ban?\s+$", ctx.text[max(0, start - 4) : start])
            )  # "a monthly Employment Survey" is a rate
            and _PAPER_AFTER.match(ctx.text, end)
        ):
            return None  # "the daily said", "the weekly Bild am Sonntag": the paper itself
        if gd["adverb"][0].isupper() and re.match(r"\s+[A-Z][a-z]", ctx.text[end : end + 3]):
            if not re.search(r"(?:^|[.!?\"”]\s*)$", ctx.text[max(0, start - 3) : start]):
                return None  # "the Daily Mail", "Daily Telegraph": a paper's name
        value = SET_ADVERBS.get(gd["adverb"].lower())
        return Reading("SET", value) if value else None
    if gd.get("wd"):
        number = weekday_number(gd["wd"])
        part = DAY_PARTS.get((gd.get("part") or gd.get("part2") or "").lower())
        return Reading("SET", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""))
    if gd.get("month"):
        return Reading("SET", f"XXXX-{month_number(gd['month']):02d}")
    if gd.get("season"):
        return Reading("SET", f"XXXX-{SEASONS[gd['season'].lower()]}")
    if gd.get("weekends"):
        return Reading("SET", "XXXX-WXX-WE")
    if gd.get("part2"):
        return Reading("SET", f"XXXX-XX-XXT{DAY_PARTS[gd['part2'].lower()]}")
    code = unit_code(gd.get("unit") or "")
    if code == "X":
        return None
    n = number_value(gd["num"]) if gd.get("num") else None if gd.get("vague") else 1.0
    if gd.get("other"):
        n = 2.0
    if code == "WE" and n == 1.0:
        return Reading("SET", "XXXX-WXX-WE")  # "every weekend", as "on weekends"
    return Reading("SET", duration_value(n, code))


def clock_time(m: re.Match[str], ctx: Context, start: int, end: int) -> Reading | None:
    """ "10:30 a.m.", "noon", "midnight", "10 p.m. EST" -> the reference day at that time."""
    gd = m.groupdict()
    if gd.get("word"):
        hour, minute = (0, 0) if gd["word"].lower() == "midnight" else (12, 0)
        # "midnight" is the start of the next day in TIMEX3 (24:00 of this one).
        hour = 24 if gd["word"].lower() == "midnight" else hour
    else:
        hour = int(gd["h"]) if gd["h"].isdigit() else int(number_value(gd["h"]) or 99)
        minute = int(gd.get("min") or 0)
        ampm = (gd.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if not ampm and re.match(r"[.:]\d", ctx.text[end : end + 2]):
            return None  # "in a time of 2:10.33", "1:02:45": a race time, not a clock
        if gd.get("daypart"):  # "at 4 in the morning", "by 7 in the evening"
            if not ctx.preceded_by(
                start, r"at|by|around|about|until|till|before|after|from|to|since|and"
            ):
                return None  # "killed 5 in the morning attack": a count, not a clock
            ampm = "am" if gd["daypart"].lower() == "morning" else "pm"
        if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    clock = f"T{hour:02d}:{minute:02d}"
    # A bare clock time belongs to the day last spoken of, else to the reference day.
    day = ctx.last_day or ctx.reference
    if day is None:
        return Reading("TIME", f"XXXX-XX-XX{clock}")
    return Reading("TIME", f"{day.isoformat()}{clock}", anchor=day.isoformat())


def with_day(clock: Reading, day: dt.date | str) -> Reading:
    """A clock time put on a given day: "10 p.m. Wednesday", "Jan. 5 at noon"."""
    value = clock.value or ""
    at = value.find("T")
    day_text = day if isinstance(day, str) else day.isoformat()
    return Reading("TIME", day_text + (value[at:] if at >= 0 else ""), clock.mod, clock.anchor)
