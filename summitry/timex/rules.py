"""The recognition rules: one regex per kind of expression, and the handler that
normalises what it matches (in `absolute`, `relative` and `spans`).

Regexes are case-sensitive where case decides ("May" the month, "may" the verb)
and use scoped `(?i:...)` groups elsewhere. When a rule has a group named `x`,
only that group is the expression ("twice a week" -> "a week"). Earlier rules
win ties between overlapping matches of equal length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summitry.timex import absolute, relative, spans
from summitry.timex.context import Context, Reading
from summitry.timex.lexicon import HOLIDAYS, REFS, SET_ADVERBS, alternation

Handler = Callable[[re.Match[str], Context, int, int], Reading | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    rf"(?i:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|(?:{_TENS})(?:[-\s](?:{_DIGITS}))?"
    rf"|{_TEENS}|{_DIGITS}|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozen|a\s+hundred"
    rf"|one\s+hundred|an?(?=[\s-]))"
)
VAGUE = r"(?i:a\s+few|few|several|some|many|a\s+number\s+of|dozens\s+of|hundreds\s+of|numerous|a\s+handful\s+of|countless)"
UNIT = r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|weekends?|millennium)(?![a-z])"
UNIT_ONE = r"(?i:second|minute|hour|day|night|week|month|quarter|year|decade|century)(?![a-z])"
PART = r"(?i:morning|afternoon|evening|night)"
WD = r"(?i:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day)(?![a-z])"
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=\s+\d)))(?![a-z])"
)
DAY = r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?!\d|:\d|,\d)"
YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})(?!\d)"
MOD_EDGE = r"(?i:(?P<mod>early|late|mid|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half|latter\s+part|close|rest|remainder)\s+of))[\s-]+"
MOD_AMOUNT = (
    r"(?i:(?P<mod>more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|nearly|almost"
    r"|about|around|approximately|roughly|some|over(?!\s+the\b)|under|just\s+over|just\s+under|upwards\s+of))\s+"
)
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|(?i:local\s+time)))?"
REL = r"(?i:this|last|next|past|previous|coming|current|following|same|prior|upcoming|preceding|that(?:\s+same)?)"
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
)


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


RULES: tuple[Rule, ...] = (
    _rule("month_day", rf"(?<![\w/])(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:(?:,\s*|\s+){YEAR})?", absolute.month_day),
    _rule("day_month", rf"(?<![\w/])(?:{WD},?\s+)?(?:(?i:the)\s+)?{DAY}(?:\s+(?i:of))?\s+{MONTH}(?:,?\s+{YEAR})?", absolute.month_day),
    _rule("numeric_date", r"(?<![\w/.])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})|(?P<iso>\d{4})-(?P<a2>\d{2})-(?P<b2>\d{2}))(?![\w/])", absolute.numeric_date),
    _rule("month", rf"(?<!\w)(?:{MOD_EDGE})?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?{MONTH}(?:(?:,\s*|\s+)(?:(?i:of)\s+)?{YEAR}|\s+(?P<yrel>(?i:last|this|next))\s+(?i:year))?", absolute.month),
    _rule("quarter", rf"(?<!\w)(?:(?i:the|its)\s+(?!\w+-(?i:quarter|half)))?(?:{MOD_EDGE})?(?:(?P<yearpre>(?:1[0-9]|20)\d{{2}}|(?i:this|last|next)\s+year's)\s+)?(?:(?i:fiscal|calendar)\s+)?(?P<ord>(?i:first|second|third|fourth|final)|[1-4](?:st|nd|rd|th))[\s-]+(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:quarter|half))(?![a-z])(?:\s+(?i:of)\s+(?:(?i:the\s+)?(?i:fiscal|calendar)\s+(?i:year\s+)?)?(?P<year>(?:1[0-9]|20)\d{{2}}|(?i:this\s+year|last\s+year|next\s+year)))?", absolute.quarter),
    _rule("quarter_code", rf"(?<!\w)Q(?P<qn>[1-4])(?:\s+{YEAR})?(?!\w)", absolute.quarter),
    _rule("decade", rf"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<dec>(?:1[0-9]|20)\d0|['’]\d0)['’]?s(?!\w)", absolute.decade),
    _rule("decade_short", r"(?<!\w)(?i:the)\s+(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<dec>\d0(?=s)|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))s?(?!\w)", absolute.decade),
    _rule("century", rf"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))[\s-]+(?i:century)(?![a-z])", absolute.century),
    _rule("year", rf"(?<![\w$£€#.,/-])(?:{MOD_EDGE})?(?:(?i:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?|fy|the\s+year)\s*)?(?:(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?i:of))?\s+)?{YEAR}", absolute.year),
    _rule("holiday", rf"(?<!\w)(?P<holiday>(?i:{alternation(HOLIDAYS)}))(?![a-z])(?:\s+{YEAR})?", absolute.holiday),
    _rule("named_day", rf"(?<!\w)(?:(?i:(?P<mod>early|late|earlier|later))\s+)?(?P<named>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))(?![a-z'])(?:\s+(?P<part>{PART}))?", relative.named_day),
    _rule("day_part", rf"(?<!\w)(?P<rel>(?i:this|last|the\s+next|the\s+following))\s+(?P<part>{PART})(?![a-z])", relative.day_part),
    _rule("weekday", rf"(?<!\w)(?:(?P<rel>(?i:last|this(?:\s+coming|\s+past)?|next|coming|past|previous|early|late|earlier|later|the\s+previous|the\s+following|the\s+next|that))\s+)?{WD}(?!s)(?:,?\s+(?P<part>{PART})(?![a-z]))?", relative.weekday),
    _rule("relative_unit", rf"(?<!\w)(?:(?i:(?P<mod>early|late|mid|earlier|later|the\s+(?:beginning|start|end|middle|rest|remainder|first\s+half|second\s+half|latter\s+part|early\s+part)\s+of))[\s-]+(?:(?i:in)\s+)?)?(?:(?i:the)\s+)?(?P<rel>{REL})\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|fiscal\s+year))(?![a-z])", relative.relative_unit),
    _rule("anaphoric_day", r"(?<!\w)(?i:the\s+(?:following|next|previous|preceding|prior|same)\s+day|that\s+(?:same\s+)?day|the\s+day\s+(?:before|after)(?=\s*[,.;]))(?![a-z])", relative.anaphoric_day),
    _rule("weekend", r"(?<!\w)(?i:the\s+weekend)(?![a-z])", relative.weekend),
    _rule("latest_quarter", r"(?<!\w)(?i:(?:the|that|its)\s+(?:(?:latest|current|last|past|previous|prior|preceding|same|recent|most\s+recent|just-ended|year-earlier|year-ago|year\s+earlier|prior-year|comparable|corresponding|fiscal)\s+)+(?:quarter|period)(?:\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:earlier|ago))?|the\s+quarter|that\s+quarter|the\s+(?P<year>(?:1[0-9]|20)\d{2})\s+(?:quarter|period)|last\s+year's\s+(?:quarter|period))(?![a-z-])", relative.latest_quarter),
    _rule("year_earlier", r"(?<!\w)(?i:year-earlier|year-ago)(?![a-z])", relative.year_earlier),
    _rule("shifted", rf"(?<!\w)(?:{MOD_AMOUNT})?(?:(?P<num>{NUM}|{VAGUE})(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+)?(?P<unit>{UNIT})\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|previously|back))(?![a-z])", relative.shifted),
    _rule("in_units", rf"(?<!\w)(?i:in)\s+(?P<x>(?P<num>{NUM})[\s-]+(?P<unit>(?i:days?|weeks?|months?|years?))(?:['’]s?)?(?:\s+(?i:time))?)(?![a-z])", relative.in_units),
    _rule("season", rf"(?<!\w)(?:(?i:the)\s+)?(?:(?i:(?P<mod>early|late|mid))[\s-]+)?(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)(?![a-z])", relative.season),
    _rule("reference_word", rf"(?<!\w)(?i:{alternation(REFS)})(?![a-z])", relative.reference_word),
    _rule("the_year", r"(?<!\w)(?i:the\s+(?:full\s+|fiscal\s+|calendar\s+|entire\s+|whole\s+)?year)(?![a-z'-])(?!\s+(?:ago|earlier|before|later|after)\b)", relative.the_year),
    _rule("duration", rf"(?<!\w)(?:{MOD_AMOUNT})?(?:(?i:the)\s+(?![\w.]+-{UNIT}))?(?:(?i:past|last|next|first|previous|final|coming|following|latest|remaining|preceding|entire|whole|full|initial|ensuing|recent|other|additional|further)\s+)?(?P<num>{NUM}|{VAGUE})(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+(?:(?i:more|additional|full|straight|consecutive|long|extra|further)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?(?:-(?i:long|old))?", spans.duration),
    _rule("bare_plural", r"(?<!\w)(?i:for|over|in|within)\s+(?P<x>(?P<unit>(?i:years|months|weeks|decades|centuries|days|hours|minutes)))(?![a-z])", spans.bare_plural),
    _rule("set_every", rf"(?<!\w)(?i:every|each)\s+(?:(?P<other>(?i:other))\s+|(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", spans.set_expression),
    _rule("set_every_day", rf"(?<!\w)(?i:every|each)\s+(?:{WD}(?:\s+(?P<part>{PART}))?|(?P<part2>{PART})|{MONTH})(?![a-z])", spans.set_expression),
    _rule("set_rate", rf"(?<!\w)(?i:once|twice|thrice|\w+\s+times)\s+(?P<x>(?i:a|an|per|each|every)\s+(?P<unit>{UNIT_ONE}))", spans.set_expression),
    _rule("set_adverb", rf"(?<![\w-])(?P<adverb>(?i:{alternation(SET_ADVERBS)}))(?![a-z-])", spans.set_expression),
    _rule("set_weekdays", rf"(?<!\w)(?i:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day)(?:s(?:\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))?|\s+(?P<part2>(?i:mornings|afternoons|evenings|nights)))(?![a-z])", spans.set_expression),
    _rule("clock_ampm", rf"(?<![\w.:])(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s*(?P<ampm>(?i:a\.\s?m\.?|p\.\s?m\.?|am|pm))(?![a-z]){TZ}", spans.clock_time),
    _rule("clock_24h", rf"(?<![\w.:/])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])(?:\s+(?i:hours|hrs))?{TZ}", spans.clock_time),
    _rule("clock_word", rf"(?<!\w)(?P<word>(?i:noon|midnight|midday))(?![a-z]){TZ}", spans.clock_time),
    _rule("day_of_month", r"(?<!\w)(?i:the)\s+(?P<day>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?=\s*(?:[,.;:)]|(?i:of\s+(?:this|the|last|next)\s+month)|and\b|or\b))", absolute.day_of_month),
)
