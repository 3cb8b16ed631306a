"""Page chrome around a scraped article: the page date, the publisher, the body.

In: the text of one article as scraped. Out: a `Chrome` record saying where
the article proper (the body) starts and ends, the page date printed in the
chrome above it and the publisher named below it.

Scraped pages keep some of their furniture around the article:

- **above**: short lines made only of interface words and glyphs and a date,
  e.g. `` date 2024-11-20 + ↺ − 16 px``, ``Share | Print | A A``,
  ``Updated: Nov. 20, 2024 10:32 KST``: every token of such a line must be
  chrome vocabulary (`_UI_WORDS`), a glyph, a number, a unit, or part of a
  date; one ordinary word makes it text. Also breadcrumbs and menus (``Home >
  World > Asia``, ``Home | News | World``) and a dated byline in separated
  fields (``By Jane Doe | March 4, 2025``). The first date found is the page
  date.
- **below**: a wire sign-off (``abc@agency.co.kr(END)``), the same interface
  lines, labelled lists (``Tags: ...``, ``Related articles: ...``), a
  copyright line, and a site name standing alone as the last paragraph
  (``Example.Com``, ``Daily Sentinel``): a short line of one to four
  capitalised words or a domain name, without sentence punctuation. The site
  name (or the owner named in the copyright line) is the publisher.

Nothing is removed from the text: the body is a `Span` into it, so offsets stay
valid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summitry.ingest.dates import MONTHS, WEEKDAYS, find_date

# Interface words of news pages (share bars, font controls, print and save
# buttons, date labels, reading time). Lower case; compared token by token.
_UI_WORDS = frozenset(
    """
    a aa aaa share shares print email e-mail mail tweet facebook twitter x whatsapp
    linkedin telegram kakaotalk line reddit pinterest copy link url save bookmark
    listen audio play pause font size text larger smaller reset zoom px pt em
    comment comments reply menu home search subscribe login log sign in out
    date dated published posted updated modified edited last first on at by
    read reading min mins minute minutes time view views hits
    advertisement ad ads sponsored back to top more next previous prev close
    gallery newsletter translate this article story page
    am pm gmt utc kst jst cst est edt bst cet cest ist sgt hkt
    """.split()
)

# A token made only of symbols: + − ↺ ↻ | • · / ⋯ ▲ ▼ 🔗 and the like.
_GLYPHS = re.compile(r"^[^\w\s]+$")
_NUMBER_OR_UNIT = re.compile(r"^[+\-−]?\d+(?:[.:,]\d+)*(?:px|pt|em|%|st|nd|rd|th)?$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\.?$")
_TOKEN = re.compile(r"[^\s|•·,;]+")
# "Home > World > Asia", "News › Politics", "Home | News | World": three or
# more short capitalised segments between separators (breadcrumbs, menus).
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>›»/|•·]\s")
_BREADCRUMB_SEGMENT = re.compile(r"^[A-Z0-9][^\s.!?]*(?:\s[^\s.!?]+){0,2}$")
# "By Jane Doe | March 4, 2025 | 3 min read": a byline with the date, in
# separated fields (a sentence starting "By March 4, 2025, ..." has none).
_DATED_BYLINE = re.compile(r"^by\s+\w[^|•·]*\s[|•·]\s", re.IGNORECASE)

# Lists under the article: "Tags: diplomacy, Korea", "Related articles:", "Read more: ..."
_TRAILER_LABEL = re.compile(
    r"^(?:tags?|topics?|keywords|related(?: articles| stories| news| content)?|read more|"
    r"see also|more on this(?: story)?|more from [\w .]+)\s*:",
    re.IGNORECASE,
)

_MAX_CHROME_LINE = 100
_MAX_SITE_NAME = 40
_MAX_LINES_EXAMINED = 6

_WIRE_SIGNOFF = re.compile(r"\s*(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*)?\(END\)\s*$")
_EMAIL_ONLY = re.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(.*)$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,12}$")
# A word of a site name: capitalised ("Sentinel", "News.Az", "Al-Monitor",
# every part of a hyphenated word capitalised), or a connector.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.&]*(?:-[A-Z][\w'’.&]*)*|of|the|and|for|&|de|la|el|al)$")


@dataclass(frozen=True)
class Chrome:
    """Where the article proper lies in a scraped text, and what its chrome says.

    `body_start`/`body_end` delimit the body (first and last non-space
    character of the article proper); `page_date` is the date printed above
    it, `publisher` the site name below it.
    """

    body_start: int
    body_end: int
    page_date: dt.date | None = None
    publisher: str | None = None


def find_chrome(text: str) -> Chrome:
    """Split `text` into leading chrome, body and trailing chrome (see module docstring)."""
    start, page_date = _leading_chrome(text)
    end, publisher = _trailing_chrome(text, start)
    # Skip surrounding whitespace so the body starts and ends on text.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Chrome(start, end, page_date, publisher)


def is_chrome_line(line: str) -> bool:
    """True if `line` is page furniture: interface words, glyphs, numbers and a date only."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_CHROME_LINE:
        return False
    if _is_breadcrumb(stripped) or (_DATED_BYLINE.match(stripped) and find_date(stripped)):
        return True
    tokens = _TOKEN.findall(stripped)
    if not tokens:
        return True  # separators only
    return all(_is_chrome_token(token) for token in tokens)


def _is_breadcrumb(line: str) -> bool:
    segments = _BREADCRUMB_SEPARATOR.split(line)
    return len(segments) >= 3 and all(_BREADCRUMB_SEGMENT.match(part.strip()) for part in segments)


def _is_chrome_token(token: str) -> bool:
    word = token.strip(":()[]").lower()
    if not word or _GLYPHS.match(token):
        return True
    return (
        word in _UI_WORDS
        or word.rstrip(".") in MONTHS
        or word.rstrip(".") in WEEKDAYS
        or bool(_NUMBER_OR_UNIT.match(word))
        or bool(_NUMERIC_DATE.match(word))
        or bool(re.fullmatch(r"a[+\-−]", word))  # A+ / A- font buttons
    )


def _lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` from `start`, end excluding the newline."""
    spans = []
    pos = start
    for line in text[start:].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return spans


def _leading_chrome(text: str) -> tuple[int, dt.date | None]:
    """End offset of the chrome lines at the top of `text`, and the page date they print."""
    body_start = 0
    page_date = None
    examined = 0
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        examined += 1
        if examined > _MAX_LINES_EXAMINED or not is_chrome_line(line):
            break
        if page_date is None:
            found = find_date(line)
            page_date = found[0] if found else None
        body_start = end
    return body_start, page_date


def _trailing_chrome(text: str, floor: int) -> tuple[int, str | None]:
    """Start offset of the chrome at the bottom of `text`, and the publisher it names."""
    body_end = len(text)
    publisher = None
    # Only the tail is searched: the sign-off ends the text, and a scan of the
    # whole text would be quadratic on long runs of word characters.
    signoff = _WIRE_SIGNOFF.search(text, max(floor, len(text) - 200))
    if signoff:
        body_end = signoff.start()
    lines = [span for span in _lines(text[:body_end], floor) if text[span[0] : span[1]].strip()]
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - _MAX_LINES_EXAMINED), -1):
        if index == 0:
            break  # never take the whole body for chrome
        start, end = lines[index]
        line = text[start:end].strip()
        standalone = _paragraph_break_before(text, start)
        if is_chrome_line(line) or _EMAIL_ONLY.match(line) or _is_trailer_label(line):
            body_end = start
            continue
        copyright_owner = _copyright_owner(line)
        if copyright_owner is not None:
            publisher = publisher or copyright_owner or None
            body_end = start
            continue
        if publisher is None and standalone and _is_site_name(line):
            publisher = line
            body_end = start
            continue
        break
    return body_end, publisher


def _is_trailer_label(line: str) -> bool:
    return len(line) <= _MAX_CHROME_LINE * 2 and bool(_TRAILER_LABEL.match(line))


def _paragraph_break_before(text: str, start: int) -> bool:
    """True if the line at `start` is preceded by a blank line (a paragraph of its own)."""
    before = text[max(0, start - 4) : start].replace("\r", "")
    return before.endswith("\n\n") or before.endswith("\n \n")


def _is_site_name(line: str) -> bool:
    if len(line) > _MAX_SITE_NAME or line[-1] in ".!?,;:\"'”’)":
        return False
    if _DOMAIN.match(line):
        return True
    words = line.split()
    if not 1 <= len(words) <= 4 or any(char.isdigit() for char in line):
        return False
    if not words[0][0].isupper():
        return False
    return all(_NAME_WORD.match(word) for word in words)


def _copyright_owner(line: str) -> str | None:
    """The owner named in a copyright line ("" if none is named), None if not one."""
    if len(line) > _MAX_CHROME_LINE:
        return None
    match = _COPYRIGHT.match(line)
    if not match:
        return None
    owner = re.sub(r"\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d\b)?", "", match.group(1))
    owner = re.split(r"(?i)[.,]?\s*all rights reserved", owner)[0]
    owner = owner.strip(" .,©-–")
    if owner.lower().startswith("by "):
        owner = owner[3:]
    return owner if owner and _is_site_name(owner) else ""
