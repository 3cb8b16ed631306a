# ruff: noqa: E501  -- each rule is one regex; broken over lines they are harder to read
"""The recognition rules: one regex per kind of expression, and the handler that
normalises what it matches (in `absolute`, `relative` and `spans`).

Regexes are case-sensitive where case decides ("May" the month, "may" the verb)
and use scoped `(?i:...)` groups elsewhere. When a rule has a group named `x`,
only that group is the expression ("twice a week" -> "a week"). Earlier rules
win ties between overlapping matches of equal length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from summitry.timex import absolute, bounds, relative, spans
from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import HOLIDAYS, REFS, SET_ADVERBS, alternation

Handler = Callable[[re.Match[str], Context, int, int], Reading | None]


@dataclass(frozen=True)
class Rule:
    """A kind of expression. Every match of `regex` contains a match of `trigger` (a
    regex, or a set of lower-case words one of which it cannot do without) and starts at most `REACH` characters before it, so the
    regex is only tried at word starts near a trigger; `handler` normalises the match."""

    name: str
    trigger: re.Pattern[str] | frozenset[str]
    regex: re.Pattern[str]
    handler: Handler


REACH = (
    64  # "the beginning of the fiscal year 1998": the farthest a match starts before its trigger
)


_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    rf"(?i:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|(?:{_TENS})(?:[-\s](?:{_DIGITS}))?"
    rf"|{_TEENS}|{_DIGITS}|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozen|a\s+hundred"
    rf"|one\s+hundred|an?(?=[\s-]))"
)
VAGUE = r"(?i:a\s+few|few|several|some|many|a\s+number\s+of|dozens\s+of|hundreds\s+of|thousands\s+of|millions\s+of|tens\s+of|numerous|a\s+handful\s+of|countless)"
UNIT = r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|weekends?|millennium)(?![a-z])"
UNIT_ONE = r"(?i:second|minute|hour|day|night|week|month|quarter|year|decade|century)(?![a-z])"
# "mid" joins a part of the day ("mid-morning") but "midnight" is a clock time (T24:00).
PART = r"(?!(?i:midnight))(?i:(?:mid|early|late)[\s-]?)?(?i:morning|afternoon|evening|night)"
WD = r"(?i:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day)(?![a-z])"
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
    # Datelines and headlines in capitals: "MARCH 22, 2013", "JAN. 5"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY(?=\s+\d)|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?:\.|(?=\s+\d)))(?![a-zA-Z])"
)
DAY = r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?!\d|:\d|,\d)"
# A day of the month in words: "March eighth", "the fifth of May", "July Fourth"
_DAY_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    "|thirtieth"
)
DAY_WORD = (
    r"(?P<dayword>(?i:(?:twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    rf"|ninth)|thirty[\s-]first|{_DAY_ORDINALS})))(?![\w-])"
)
YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})(?!\d)"
MOD_EDGE = r"(?i:(?P<mod>(?:early|late)\s+in|early|late|mid|end(?=-)|year[\s-]end|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half|last\s+half|latter\s+half|latter\s+part|early\s+part|later\s+part|close|rest|remainder)\s+of))[\s-]+"
MOD_AMOUNT = (
    r"(?i:(?P<mod>more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|nearly|almost"
    r"|approximately|roughly|some|just\s+over|just\s+under|upwards\s+of))\s+"
)
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|(?i:local\s+time)))?"
REL = r"(?i:this\s+past|this\s+coming|this|last|next|past|previous|coming|current|following|same|prior|upcoming|preceding|latest|most\s+recent|that(?:\s+same)?)"
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
)


def _words(text: str | Iterable[str]) -> frozenset[str]:
    """A trigger of lower-case words (every word of the phrases given)."""
    phrases = text.split() if isinstance(text, str) else text
    return frozenset(w for phrase in phrases for w in re.findall(r"[a-z]+", phrase.lower()))


_W_MONTHS = _words(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september"
    " oct october nov november dec december"
)
_W_WEEKDAYS = frozenset(
    f"{stem}day{plural}"
    for stem in (
        "mon",
        "tue",
        "tues",
        "wed",
        "wednes",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "satur",
        "sun",
    )
    for plural in ("", "s")
)
_W_UNITS = _words(
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights"
    " month months quarter quarters year years decade decades century centuries weekend weekends"
    " millennium spring summer fall autumn winter"
)
_W_REFS = _words(REFS)
_W_HOLIDAYS = frozenset(re.findall(r"[a-z]+", name)[0] for name in HOLIDAYS)
_W_ADVERBS = _words(SET_ADVERBS)


def _rule(name: str, trigger: str | frozenset[str], pattern: str, handler: Handler) -> Rule:
    compiled = trigger if isinstance(trigger, frozenset) else re.compile(trigger)
    return Rule(name, compiled, re.compile(pattern), handler)


# "last" without "the" as an adjective ("last three days"), not the verb ("will last a day")
_LAST_ADJ = r"(?<!will\s)(?<!would\s)(?<!could\s)(?<!might\s)(?<!may\s)(?<!can\s)(?<!should\s)(?<!must\s)(?<!to\s)(?<!not\s)(?i:last)(?!\s+(?i:an?)\s)"

RULES: tuple[Rule, ...] = (
    _rule(
        "month_day",
        _W_MONTHS,
        rf"(?<![\w/])(?:(?i:the\s+(?P<of>week(?:end)?)\s+of)\s+)?(?:(?P<rel>(?i:last|this|next))\s+)?(?:{WD},?\s+)?{MONTH}(?:(?:\s+|(?<=\.)(?=\d)){DAY}|\s+(?:(?i:the)\s+)?{DAY_WORD})(?:(?:,\s*|\s+){YEAR})?",
        absolute.month_day,
    ),
    _rule(
        "day_month",
        _W_MONTHS,
        rf"(?<![\w/])(?:(?i:the\s+(?P<of>week(?:end)?)\s+of)\s+)?(?:{WD},?\s+)?(?:(?i:the)\s+)?(?:{DAY}(?:\s+(?i:of))?|(?<=[Tt]he\s){DAY_WORD}\s+(?i:of))\s+{MONTH}(?:,?\s+{YEAR})?",
        absolute.month_day,
    ),
    _rule(
        "week_of_month",
        _words("week weekend"),
        rf"(?<!\w)(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|fifth|last|final)|[1-5](?:st|nd|rd|th))\s+(?P<unit>(?i:week|weekend))\s+(?i:of|in)\s+(?:(?P<rel>(?i:this|last|next))\s+(?i:month)|{MONTH}(?:,?\s+{YEAR})?)(?![a-z])",
        bounds.week_of_month,
    ),
    _rule(
        "open_year",
        r"(?i:pre|post)-",
        rf"(?<![\w-])(?P<side>(?i:pre|post))-{YEAR}(?![\w-])",
        bounds.open_year,
    ),
    _rule(
        "another_unit",
        _words("another"),
        rf"(?<!\w)(?:{MOD_AMOUNT})?(?i:another)\s+(?P<unit>(?i:day|week|month|year|decade|hour|minute|century|quarter))(?![a-z'’-])",
        bounds.another_unit,
    ),
    _rule(
        "ordinal_day",
        _words("day"),
        rf"(?<!\w)(?i:the|its|his|her|their)\s+(?:(?i:{_ORDINAL_WORDS}|last|final|opening|closing)|\d{{1,2}}(?:st|nd|rd|th))\s+(?i:day)(?![\w'’-])",
        bounds.ordinal_day,
    ),
    _rule(
        "season_of_year",
        _words("spring summer fall autumn winter"),
        r"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)(?![a-z])",
        bounds.season_of_year,
    ),
    _rule(
        "numeric_date",
        r"\d/\d|\d-\d\d-",
        r"(?<![\w/.])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})|(?P<iso>\d{4})-(?P<a2>\d{2})-(?P<b2>\d{2}))(?![\w/])",
        absolute.numeric_date,
    ),
    _rule(
        "month",
        _W_MONTHS,
        rf"(?<!\w)(?:{MOD_EDGE})?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?{MONTH}(?:(?:,\s*|\s+)(?:(?i:of)\s+)?{YEAR}|\s+(?:(?i:of)\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year))?",
        absolute.month,
    ),
    _rule(
        "quarter",
        _words("quarter quarters half"),
        rf"(?<!\w)(?:(?i:the|its)\s+(?!\w+-(?i:quarter|half)))?(?:{MOD_EDGE})?(?:(?P<yearpre>(?:1[0-9]|20)\d{{2}}|(?i:this|last|next)\s+year's)\s+)?(?:(?P<yago>(?i:year-ago|year-earlier|year\s+earlier|prior-year|previous-year))\s+)?(?:(?i:fiscal|calendar)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|latter)|[1-4](?:st|nd|rd|th))[\s-]+(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:quarter|half))(?![a-z])(?:\s+(?i:of)\s+(?:(?i:the\s+)?(?i:fiscal|calendar)\s+(?i:year\s+)?)?(?P<year>(?:1[0-9]|20)\d{{2}}|(?i:this\s+year|last\s+year|next\s+year)))?",
        absolute.quarter,
    ),
    _rule(
        "quarter_code", r"Q[1-4]", rf"(?<!\w)Q(?P<qn>[1-4])(?:\s+{YEAR})?(?!\w)", absolute.quarter
    ),
    _rule(
        # "3Q 2012", "H1 2012", "2H 2012": the report codes, with their year (alone "H2" may
        # be hydrogen)
        "period_code",
        frozenset({"q", "h"}),  # the letter of "3Q", "H1" is a word of its own in the index
        rf"(?<!\w)(?:(?P<qn>[1-4])Q|H(?P<hn>[12])|(?P<hn2>[12])H)\s+{YEAR}(?!\w)",
        absolute.quarter,
    ),
    _rule(
        "decade",
        r"0['’]?s",
        r"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<dec>(?:1[0-9]|20)\d0|['’]\d0)['’]?s(?!\w)",
        absolute.decade,
    ),
    _rule(
        "decade_short",
        r"(?i:0s|ties)",
        r"(?<!\w)(?i:the)\s+(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<dec>\d0(?=s)|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))s?(?!\w)",
        absolute.decade,
    ),
    _rule(
        "century",
        _words("century"),
        rf"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))[\s-]+(?i:century)(?![a-z])",
        absolute.century,
    ),
    _rule(
        "year",
        r"(?:1\d|20)\d\d",
        rf"(?<![\w$£€#.,/])(?:(?<=\d{{4}}-)|(?<!-))(?:{MOD_EDGE})?(?:(?i:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?|fy|the\s+year(?:\s+of)?)\s*)?(?:(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?i:of))?\s+)?{YEAR}",
        absolute.year,
    ),
    _rule(
        "short_year",
        r"['’]\d\d",
        r"(?<![\w'’])(?P<year>['’]\d{2})(?![\w'’-])",
        absolute.short_year,
    ),
    _rule(
        "spoken_year",
        _words("nineteen twenty thousand"),
        rf"(?<!\w)(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+|(?i:the\s+year)\s+|(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?i:of)\s+)?(?P<spoken>(?i:(?:nineteen|twenty)[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_DIGITS}))?|{_TEENS}|oh[\s-](?:{_DIGITS})|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_DIGITS}))?))(?![a-z-])",
        absolute.spoken_year,
    ),
    _rule(
        "holiday",
        _W_HOLIDAYS,
        rf"(?<!\w)(?:(?P<rel>(?i:last|next|this))\s+)?(?P<holiday>(?i:{alternation(HOLIDAYS)}))(?![a-z])(?:\s+{YEAR})?(?:(?P<weekend>\s+(?i:holiday\s+)?(?i:weekend))|(?P<hweek>\s+(?i:week)(?![\w-])))?",
        absolute.holiday,
    ),
    _rule(
        "named_day",
        _words("today tonight yesterday tomorrow tommorrow tommorow tomorow"),
        rf"(?<!\w)(?:(?P<prepart>{PART})\s+)?(?:(?i:(?P<mod>early|late|earlier|later))\s+)?(?P<named>(?i:today|tonight|yesterday|tomm?orr?ow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))(?![a-z])(?:\s+(?P<part>{PART}))?",
        relative.named_day,
    ),
    _rule(
        "day_part",
        _words("morning afternoon evening night"),
        rf"(?<!\w)(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<rel>(?i:this|last|the\s+next|the\s+following|the\s+previous|the\s+preceding|that|that\s+same|the\s+same))\s+(?P<part>{PART})(?![a-z])",
        relative.day_part,
    ),
    _rule(
        "in_the_part",
        _words("morning afternoon evening"),
        r"(?<!\w)(?:(?i:in)\s+(?P<x>(?i:the)\s+(?:(?P<mod>(?i:early|late))\s+)?(?P<part>(?i:morning|afternoon|evening)))|(?P<mod2>(?i:mid|early|late))[\s-](?P<part2>(?i:morning|afternoon)))(?![a-z])(?!\s+(?i:of|session|sessions|shift|news|paper|papers|edition|editions|prayers?|trade|trading|deals?|dealings|flights?|shows?)\b)",
        relative.day_part,
    ),
    _rule(
        "weekday",
        _W_WEEKDAYS,
        rf"(?<!\w)(?:(?P<prepart>(?i:(?:early|late)\s+)(?i:morning|afternoon|evening|night))\s+(?=\w+day\b))?(?:(?P<rel>(?i:last|this(?:\s+coming|\s+past)?|next|coming|past|previous|early|late|the\s+previous|the\s+following|the\s+next|that(?!\s+\w+day['’]s)))\s+)?{WD}(?!s)(?:,?\s+(?P<part>{PART})(?![a-z]))?",
        relative.weekday,
    ),
    _rule(
        "relative_unit",
        _W_UNITS,
        rf"(?<!\w)(?:(?i:(?P<mod>early|late|mid|earlier|later|the\s+(?:beginning|start|end|middle|rest|remainder|first\s+half|second\s+half|latter\s+part|early\s+part)\s+of))[\s-]+(?:(?i:in)\s+)?)?(?:(?i:the)\s+)?(?P<rel>{REL})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|fiscal\s+year))(?![a-z])(?P<orso>\s+(?i:or\s+so)(?![a-z]))?",
        relative.relative_unit,
    ),
    _rule(
        "earlier_in",
        _words("earlier later"),
        r"(?<!\w)(?P<mod>(?i:earlier|later))\s+(?i:in|that)\s+(?:(?i:the)\s+)?(?P<unit>(?i:week|month|year))(?![a-z])",
        relative.earlier_in,
    ),
    _rule(
        "anaphoric_day",
        _words("day"),
        r"(?<!\w)(?i:the\s+(?:following|next|previous|preceding|prior|same)\s+day|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?day|the\s+day\s+(?:before|after)(?=\s*[,.;]))(?![a-z])",
        relative.anaphoric_day,
    ),
    _rule("weekend", _words("weekend"), r"(?<!\w)(?i:the\s+weekend)(?![a-z])", relative.weekend),
    _rule(
        "latest_quarter",
        _words("quarter period"),
        r"(?<!\w)(?i:(?:the|that|its)\s+(?:(?:latest|current|last|past|previous|prior|preceding|same|recent|most\s+recent|just-ended|year-earlier|year-ago|year\s+earlier|prior-year|comparable|corresponding|fiscal)\s+)+(?:quarter|period)(?:\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:earlier|ago))?|the\s+quarter|that\s+quarter|the\s+(?P<year>(?:1[0-9]|20)\d{2})\s+(?:quarter|period)|last\s+year's\s+(?:quarter|period))(?![a-z-])",
        relative.latest_quarter,
    ),
    _rule(
        "year_earlier",
        _words("year"),
        r"(?<!\w)(?i:year-earlier|year-ago)(?![a-z])",
        relative.year_earlier,
    ),
    _rule(
        "shifted",
        _words("ago earlier later before after now hence previously back"),
        rf"(?<!\w)(?:{MOD_AMOUNT})?(?:(?P<num>{NUM}|{VAGUE})(?P<half>[\s-]+(?i:and[\s-]+a[\s-]+half))?[\s-]+|(?P<halfa>(?i:half\s+an?))\s+|(?i:the)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?(?P<orso>\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|previously|back))(?![a-z])",
        relative.shifted,
    ),
    _rule(
        "in_units",
        _W_UNITS,
        rf"(?<!\w)(?i:in)\s+(?P<x>(?P<num>{NUM})[\s-]+(?P<unit>(?i:days?|weeks?|months?|years?))(?:['’]s?)?(?:\s+(?i:time))?)(?![a-z])",
        relative.in_units,
    ),
    _rule(
        "season",
        _words("spring summer fall autumn winter"),
        r"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)(?![a-z])",
        relative.season,
    ),
    _rule(
        "reference_word",
        _W_REFS,
        rf"(?<!\w)(?i:{alternation(REFS)})(?![a-z])",
        relative.reference_word,
    ),
    _rule(
        "set_every",
        _words("every each"),
        rf"(?<!\w)(?i:every|each)\s+(?:(?P<other>(?i:other))\s+|(?P<num>{NUM})\s+|(?P<vague>(?i:few|several|couple\s+of))\s+)?(?P<unit>{UNIT})",
        spans.set_expression,
    ),
    _rule(
        "set_every_day",
        _words("every each"),
        rf"(?<!\w)(?i:every|each)\s+(?:{WD}(?:\s+(?P<part>{PART}))?|(?P<part2>{PART})|{MONTH}|(?P<season>(?i:spring|summer|fall|autumn|winter)))(?![a-z])",
        spans.set_expression,
    ),
    _rule(
        "set_weekends",
        _words("weekends"),
        r"(?<!\w)(?i:on|at)\s+(?P<x>(?P<weekends>(?i:weekends)))(?![a-z])",
        spans.set_expression,
    ),
    _rule(
        "set_rate",
        _words("once twice thrice times"),
        rf"(?<!\w)(?P<times>(?i:once|twice|thrice|\w+\s+times))\s+(?P<x>(?i:a|an|per|each|every)\s+(?P<unit>{UNIT_ONE}))",
        spans.set_expression,
    ),
    _rule(
        "set_adverb",
        _W_ADVERBS,
        rf"(?<![\w-])(?P<adverb>(?i:{alternation(SET_ADVERBS)}))(?![a-z-])",
        spans.set_expression,
    ),
    _rule(
        "set_weekdays",
        _W_WEEKDAYS,
        r"(?<!\w)(?i:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day)(?:s(?:\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))?|\s+(?P<part2>(?i:mornings|afternoons|evenings|nights)))(?![a-z])",
        spans.set_expression,
    ),
    _rule(
        "year_end",
        _words("year"),
        r"(?<!\w)(?i:year[- ]end|year's\s+end)(?![a-z])",
        relative.year_end,
    ),
    _rule(
        "the_year",
        _words("year month week decade"),
        rf"(?<!\w)(?:{MOD_EDGE})?(?i:the\s+(?:full\s+|fiscal\s+|calendar\s+|entire\s+|whole\s+)?(?P<unit>year|month|week|decade))(?![a-z'-])(?!\s+(?:ago|earlier|before|later|after)\b)",
        relative.the_year,
    ),
    _rule(
        "duration",
        _W_UNITS,
        rf"(?<!\w)(?:{MOD_AMOUNT})?(?:(?i:the)\s+(?![\w.]+-{UNIT})(?:(?i:past|last|next|first|previous|final|coming|following|latest|remaining|preceding|entire|whole|full|initial|ensuing|recent|other|additional|further)\s+)?|(?:(?i:past|next|first|final|coming|recent|another|additional|further)|{_LAST_ADJ})\s+)?(?:(?P<low>{NUM})\s*(?:(?i:to|or)\s+|-\s*))?(?P<num>{NUM}|{VAGUE})(?P<half>[\s-]+(?i:and[\s-]+a[\s-]+half))?[\s-]+(?:(?i:more|additional|full|straight|consecutive|long|extra|further|trading|business|working)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?(?:-(?i:long|old)|(?P<orso>\s+(?i:or\s+so))(?![a-z]))?",
        spans.duration,
    ),
    _rule(
        # "the weeks ahead", "(for) years to come": a span of unknown length ahead
        "span_ahead",
        _words("ahead come"),
        r"(?<!\w)(?i:the\s+)?(?:(?i:coming|next|few)\s+)?(?P<unit>(?i:days|weeks|months|years|decades))\s+(?i:ahead|to\s+come)(?![a-z])",
        spans.bare_plural,
    ),
    _rule(
        "vague_span",
        _words("recent coming"),
        r"(?<!\w)(?i:recent|coming)\s+(?P<unit>(?i:days|weeks|months|years|decades|quarters))(?![a-z])(?:\s+(?i:or|and)\s+(?i:days|weeks|months|years|decades)(?![a-z]))?",
        spans.bare_plural,
    ),
    _rule(
        "bare_plural",
        _W_UNITS,
        r"(?<!\w)(?i:for|over|in|within|during|through|throughout)\s+(?P<x>(?:(?i:the)\s+)?(?P<unit>(?i:years|months|weeks|decades|centuries|days|hours|minutes))(?![a-z])(?:\s+(?i:or|and)\s+(?i:days|weeks|months|years|decades)(?![a-z]))?)(?!\s+(?i:ago|later|earlier|before|after|of)\b)",
        spans.bare_plural,
    ),
    _rule(
        # "after weeks of talks", "follows months of twists", "years of war": a span of
        # unknown length (TimeML; TimeBank tags three of four). Not "the days of", not
        # "thousands of years of", not "the early hours of Sunday", "working hours of".
        "bare_plural_of",
        _W_UNITS,
        r"(?<![\w-])(?<![Tt]he\s)(?<!of\s)(?<!\d\s)"
        + "".join(
            rf"(?<!{w}\s)" for w in "early small final first opening working office long".split()
        )
        + r"(?<!business\s)(?<!peak\s)"
        r"(?P<unit>(?i:years|months|weeks|decades|days|hours))"
        r"(?=\s+of\s+(?!(?i:the|a|an|this|that|these|those|his|her|its|their|our|my|your|it|them|us"
        r"|today|yesterday|tomorrow|last|next|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
        r"|aug|sep|oct|nov|dec|age)\w*\b)(?!\d)[a-z])",
        spans.bare_plural,
    ),
    _rule(
        # "weeks later", "days after the vote": a span of unknown length that the signal
        # word relates to an event (TimeML keeps "later", "after" out of the expression)
        "bare_plural_signal",
        _words("later earlier before after"),
        r"(?<![\w-])(?<!(?i:the)\s)(?<!(?i:first)\s)(?P<x>(?P<unit>(?i:years|months|weeks|days|hours|minutes)))\s+(?i:later|earlier|before|after)(?![a-z])",
        spans.bare_plural,
    ),
    _rule(
        "bare_plural_verb",
        _W_UNITS,
        r"(?<!\w)(?i:took|take|takes|taking|spent|spend|spends|spending|lasted|lasts|lasting|waited|wait|for\s+the\s+past|for\s+the\s+last)\s+(?P<x>(?P<unit>(?i:years|months|weeks|decades|days|hours)))(?![a-z])(?!\s+(?i:ago|later|earlier|before|after|old)\b)(?!-)",
        spans.bare_plural,
    ),
    _rule(
        "half_unit",
        _words("half quarter"),
        rf"(?<!\w)(?:{MOD_AMOUNT})?(?:(?i:half\s+(?:an?\s+)?)(?P<unit>(?i:hour|day|year|decade|century|minute|week))|(?:(?i:an?)\s+(?P<frac>(?i:half|quarter))-|(?:(?i:an?)\s+)?(?P<frac2>(?i:half|quarter))\s+(?i:of\s+an?)\s+)(?P<unit2>(?i:hour|century)))(?![a-z-])",
        spans.half_unit,
    ),
    _rule(
        "long_adjective",
        _W_UNITS,
        r"(?<!\w)(?P<unit>(?i:day|week|month|year|decade|decades|years|months|weeks|hour|hours|century))-long(?![a-z])",
        spans.bare_plural,
    ),
    _rule(
        "vague_length",
        _words("time while"),
        r"(?<!\w)(?i:for|in|after)\s+(?P<x>(?i:a\s+long\s+time|some\s+time|a\s+while|a\s+long\s+while|quite\s+some\s+time))(?![a-z])",
        spans.vague_length,
    ),
    _rule(
        "clock_ampm",
        r"\d\s*(?i:[ap]\.?\s?m)",
        rf"(?<![\w.:])(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s*(?P<ampm>(?i:a\.\s?m\.?|p\.\s?m\.?|am|pm))(?![a-z]){TZ}",
        spans.clock_time,
    ),
    _rule(
        "clock_in_the",
        _words("morning afternoon evening"),
        r"(?<![\w.:$])(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s+(?:(?i:o['’]clock)\s+)?(?i:in\s+the)\s+(?P<daypart>(?i:morning|afternoon|evening))(?![a-z])",
        spans.clock_time,
    ),
    _rule(
        # "at ten o'clock", "10 o'clock Tuesday night": a clock time (TIDES, TimeML)
        "clock_oclock",
        _words("clock"),
        rf"(?<![\w.:$])(?P<h>1[0-2]|0?[1-9]|(?i:{_DIGITS}|ten|eleven|twelve))\s+(?i:o['’]clock)(?![a-z]){TZ}",
        spans.clock_time,
    ),
    _rule(
        # "at 7 this evening", "by 10 tomorrow morning", "tonight at 10": a bare hour next to
        # a day; the day joins it in `annotate` (and a part of the day after noon makes it p.m.)
        "clock_bare_hour",
        _words("morning afternoon evening night tonight tomorrow yesterday") | _W_WEEKDAYS,
        rf"(?<!\w)(?:(?i:tonight|today|tomorrow|yesterday|{WD})\s+)?(?i:at|by|until|till|before|after|around)\s+(?P<x>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?)(?![\w:%-]|[.,]\d|\s*[ap]\.?m\b|\s+(?i:percent|per|points?)\b)(?:\s+(?:(?i:this|tomorrow|yesterday|last)\s+(?i:morning|afternoon|evening|night)|(?i:tonight|tomorrow|yesterday)|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?i:morning|afternoon|evening|night))?)(?![a-z]))?",
        spans.clock_time,
    ),
    _rule(
        "clock_military",
        r"\d{4}\s+\w",
        r"(?<![\w.:/$])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s+(?:GMT|UTC|BST|CET|EST|EDT|(?i:hours|hrs|local\s+time))(?![a-z])",
        spans.clock_time,
    ),
    _rule(
        "clock_24h",
        r"\d:\d\d",
        rf"(?<![\w.:/])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])(?:\s+(?i:hours|hrs))?{TZ}",
        spans.clock_time,
    ),
    _rule(
        "clock_word",
        _words("noon midnight midday"),
        rf"(?<!\w)(?P<word>(?i:noon|midnight|midday))(?![a-z]){TZ}",
        spans.clock_time,
    ),
    _rule(
        "day_of_month",
        r"\d(?:st|nd|rd|th)",
        r"(?<!\w)(?i:the)\s+(?P<day>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?=\s*(?:[,.;:)]|(?i:of\s+(?:this|the|last|next)\s+month)|and\b|or\b))(?!\s*(?:and|or)\s+(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?i:centur))",
        absolute.day_of_month,
    ),
)
