"""Read TimeML files (the DCT and the raw TEXT) and write them back with our TIMEX3 tags.

`read_timeml(source)` strips every tag from the TEXT element and unescapes entities,
keeping a map from raw-text offsets to offsets in the file, so that
`write_timeml(doc, timexes)` can insert TIMEX3 tags into the original TEXT with
the text otherwise byte-identical. Annotations after TEXT (TLINKs, instances of
the events that are no longer tagged) are dropped; everything before TEXT,
including the DCT, is kept.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from summitry.errors import InputError
from summitry.timex.model import Timex

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_VALUE = re.compile(r'value="(\d{4}-\d{2}-\d{2})')
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file split for annotation.

    `text` is the raw TEXT (tags stripped, entities unescaped); `offsets[i]` is
    where raw character i starts in `source`, `offsets[len(text)]` where TEXT ends.
    """

    source: str
    dct: dt.date | None
    text: str
    offsets: tuple[int, ...]
    text_start: int
    text_end: int


def read_timeml(source: str, name: str = "document") -> TimeMLDocument:
    """Parse a TimeML string; raises `InputError` when it has no TEXT element."""
    m = _TEXT.search(source)
    if m is None:
        raise InputError(name, "no <TEXT> element")
    dct = None
    d = _DCT.search(source)
    if d and (v := _VALUE.search(d.group(1))):
        dct = dt.date.fromisoformat(v.group(1))
    chars: list[str] = []
    offsets: list[int] = []
    pos = m.start(1)
    for t in _TAG_OR_ENTITY.finditer(source, m.start(1), m.end(1)):
        for i in range(pos, t.start()):
            chars.append(source[i])
            offsets.append(i)
        if t.group().startswith("&"):
            chars.append(html.unescape(t.group()))
            offsets.append(t.start())
        pos = t.end()
    for i in range(pos, m.end(1)):
        chars.append(source[i])
        offsets.append(i)
    offsets.append(m.end(1))
    return TimeMLDocument(source, dct, "".join(chars), tuple(offsets), m.start(1), m.end(1))


def write_timeml(doc: TimeMLDocument, timexes: Iterable[Timex]) -> str:
    """The document's TimeML with only our TIMEX3 tags in TEXT, its characters untouched."""
    body = doc.source[doc.text_start : doc.text_end]
    # The original TEXT without its tags (entities kept as written).
    plain_parts: list[str] = []
    plain_index: dict[int, int] = {}
    length = 0
    pos = doc.text_start
    for t in re.finditer(r"<[^>]*>", body):
        start = doc.text_start + t.start()
        for i in range(pos, start):
            plain_index[i] = length + i - pos
        plain_parts.append(doc.source[pos:start])
        length += start - pos
        pos = doc.text_start + t.end()
    for i in range(pos, doc.text_end + 1):
        plain_index[i] = length + i - pos
    plain_parts.append(doc.source[pos : doc.text_end])
    plain = "".join(plain_parts)
    inserts: list[tuple[int, int, str]] = []
    for n, timex in enumerate(sorted(timexes, key=lambda x: x.start), start=1):
        attrs = f'tid="{timex.tid or f"t{n}"}" type="{timex.type}"'
        if timex.value is not None:
            attrs += f" value={quoteattr(timex.value)}"
        if timex.mod:
            attrs += f" mod={quoteattr(timex.mod)}"
        if timex.anchor_tid:
            attrs += f" anchorTimeID={quoteattr(timex.anchor_tid)}"
        if timex.quant:
            attrs += f" quant={quoteattr(timex.quant)}"
        if timex.freq:
            attrs += f" freq={quoteattr(timex.freq)}"
        inserts.append((plain_index[doc.offsets[timex.start]], 1, f"<TIMEX3 {attrs}>"))
        inserts.append((plain_index[doc.offsets[timex.end]], 0, "</TIMEX3>"))
    out: list[str] = []
    last = 0
    for at, _, tag in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(plain[last:at])
        out.append(tag)
        last = at
    out.append(plain[last:])
    return doc.source[: doc.text_start] + "".join(out) + "</TEXT>\n</TimeML>\n"
