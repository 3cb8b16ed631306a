"""From decoded text (and what is known about it) to a `model.Article`.

In: the text of one article, its id, and optionally the caller's dct, a
title, url, source, and a page date and publisher found in HTML metadata.
Out: an `Article` whose body span skips page chrome, with its dateline, page
date, publisher and reference day; or an `InputError` (empty, binary, not
English, impossible dct).

The text itself is never changed: every offset downstream points into it.
"""

from __future__ import annotations

import datetime as dt
import re

from summitry.errors import InputError
from summitry.ingest.chrome import find_chrome
from summitry.ingest.dateline import find_dateline
from summitry.ingest.decode import DEFAULT_MAX_BYTES
from summitry.ingest.decode import too_large as too_large_error
from summitry.ingest.language import looks_english
from summitry.ingest.reference import choose_reference_day, parse_dct
from summitry.model import Article, Dateline, Span

# Control characters that never occur in text (tab, newline, form feed,
# carriage return and escape are allowed; some wire feeds keep them).
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_SURROGATE = re.compile("[\ud800-\udfff]")
_DATELINE_DCT_GAP_DAYS = 7

# The store's column widths (summitry/store/schema.py): longer values cannot be stored.
MAX_ID_LENGTH = 255
MAX_URL_LENGTH = 2048
MAX_PUBLISHER_LENGTH = 255

EMPTY = "empty document"
EMPTY_WHITESPACE = "empty document (whitespace only)"


def read_text(
    text: str,
    doc_id: str,
    *,
    dct: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Article:
    """Load one plain-text article.

    `dct` is the caller's document creation time (a date or "YYYY-MM-DD").
    Raises `InputError(doc_id, reason)` for text that is empty, binary, over
    `max_bytes`, not English (when `check_language`), or only page chrome,
    and for an impossible `dct`.
    """
    return build_article(
        text,
        doc_id,
        dct=dct,
        title=title,
        url=url,
        source=source,
        max_bytes=max_bytes,
        check_language=check_language,
    )


def build_article(
    text: str,
    doc_id: str,
    *,
    dct: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    page_date: dt.date | None = None,
    publisher: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Article:
    """`read_text` plus what a container already knew: the page date and publisher of HTML metadata.

    Metadata wins over what page chrome in the text says.
    """
    doc_id = str(doc_id) if doc_id is not None else "<unknown>"
    if "\x00" in doc_id:
        raise InputError(doc_id.replace("\x00", "\\x00")[:MAX_ID_LENGTH], "NUL character in the id")
    if len(doc_id) > MAX_ID_LENGTH:
        raise InputError(doc_id[:MAX_ID_LENGTH], f"id is over {MAX_ID_LENGTH} characters")
    if url is not None and len(str(url)) > MAX_URL_LENGTH:
        raise InputError(doc_id, f"url is over {MAX_URL_LENGTH} characters")
    dct_day = parse_dct(dct, doc_id)
    _check_text(text, doc_id, max_bytes)
    chrome = find_chrome(text)
    if chrome.body_end <= chrome.body_start:
        raise InputError(doc_id, "no article text (only page chrome)")
    body = Span(chrome.body_start, chrome.body_end, text[chrome.body_start : chrome.body_end])
    if check_language and not looks_english(body.text):
        raise InputError(doc_id, "not English (summitry reads English news only)")
    page_day = page_date or chrome.page_date
    anchor = page_day or dct_day
    dateline = find_dateline(text, chrome.body_start, anchor, body_end=chrome.body_end)
    reference_day, reference_source = choose_reference_day(dateline, page_day, dct_day)

    return Article(
        id=doc_id,
        text=text,
        body=body,
        dct=dct_day,
        page_date=page_day,
        reference_day=reference_day,
        reference_source=reference_source,
        title=_clean(title),
        url=_clean(url),
        publisher=(_clean(publisher) or chrome.publisher or "")[:MAX_PUBLISHER_LENGTH] or None,
        source=_clean(source),
        dateline=dateline,
        warnings=_warnings(text, dateline, anchor),
    )


def _warnings(text: str, dateline: Dateline | None, anchor: dt.date | None) -> tuple[str, ...]:
    """What the reader of the record should know: a year-less dateline, an odd date, lost bytes."""
    warnings = []
    if dateline is not None and dateline.date is None and _prints_a_date(dateline.span.text):
        warnings.append(
            f"dateline {dateline.span.text.strip()!r} has no year"
            " and there is no page date or dct to give it one"
        )
    if dateline is not None and dateline.date is not None and anchor is not None:
        gap = abs((dateline.date - anchor).days)
        if gap > _DATELINE_DCT_GAP_DAYS:
            warnings.append(
                f"dateline date {dateline.date.isoformat()} is {gap} days"
                f" from the page date or dct {anchor.isoformat()}"
            )
    replaced = text.count("\ufffd")
    if replaced:
        warnings.append(f"{replaced} undecodable character(s) replaced by U+FFFD")
    return tuple(warnings)


def _check_text(text: object, doc_id: str, max_bytes: int) -> None:
    if not isinstance(text, str):
        raise InputError(doc_id, f"text is {type(text).__name__}, not a string")
    # A character is one to four bytes: count bytes only when the character count cannot tell.
    too_large = len(text) > max_bytes
    if not too_large and len(text) * 4 > max_bytes:
        too_large = len(text.encode("utf-8", "surrogatepass")) > max_bytes
    if too_large:
        raise too_large_error(doc_id, max_bytes)
    if not text.strip():
        raise InputError(doc_id, EMPTY if not text else EMPTY_WHITESPACE)
    if _SURROGATE.search(text):
        # Only a JSON "\\ud800" escape or a Python caller can make these; no output can encode them.
        raise InputError(doc_id, "invalid text: unpaired surrogate characters")
    if "\x00" in text:
        raise InputError(doc_id, "binary data, not text (NUL characters)")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(doc_id, "binary data, not text (control characters)")


def _prints_a_date(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).replace("\x00", "").strip()  # no database keeps a NUL in text
    return value or None
