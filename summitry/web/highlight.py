"""Evidence sentences cut into fragments, some marked: trigger, participants, place, time.

In: a `Mention` (its event's evidence spans, trigger span and participants).
Out: for each evidence span, a list of `Fragment(text, mark)`; `mark` is None
for plain text or "trigger", "participant", "place", "time". The template
writes each fragment escaped inside `<mark class=...>`, so no article text is
ever trusted as HTML.

Where marks overlap, the first claim wins, in this order:

1. the trigger, placed by its character offsets (all offsets point into the
   same document text as the evidence span's);
2. the time expression, by its offsets;
3. participant names and aliases, found as whole words, longest first;
4. the location name, found the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitry.merge.records import Mention
from summitry.model import Span


@dataclass(frozen=True)
class Fragment:
    """A piece of an evidence sentence and how it is marked (None: plain)."""

    text: str
    mark: str | None = None


def evidence_fragments(mention: Mention) -> list[list[Fragment]]:
    """One fragment list per evidence span of the mention (none when it has no evidence)."""
    event = mention.event
    names = sorted(
        {n for actor in event.participants for n in (actor.name, *actor.aliases) if len(n) > 1},
        key=lambda n: (-len(n), n),
    )
    place = event.location.name if event.location else None
    return [
        _fragments(span, event.trigger, event.time.span if event.time else None, names, place)
        for span in event.evidence
        if span.text
    ]


def _fragments(
    evidence: Span, trigger: Span | None, time: Span | None, names: list[str], place: str | None
) -> list[Fragment]:
    text = evidence.text
    claimed: list[tuple[int, int, str]] = []

    def claim(start: int, end: int, mark: str) -> None:
        if 0 <= start < end <= len(text) and all(end <= s or start >= e for s, e, _ in claimed):
            claimed.append((start, end, mark))

    for span, mark in ((trigger, "trigger"), (time, "time")):
        if span is not None:
            start, end = span.start - evidence.start, span.end - evidence.start
            if 0 <= start < end <= len(text) and (not span.text or text[start:end] == span.text):
                claim(start, end, mark)
            elif span.text:  # offsets from another version of the text: fall back to the words
                for found in _whole_word(span.text).finditer(text):
                    claim(found.start(), found.end(), mark)
                    break
    for name in names:
        for found in _whole_word(name).finditer(text):
            claim(found.start(), found.end(), "participant")
    if place:
        for found in _whole_word(place).finditer(text):
            claim(found.start(), found.end(), "place")

    fragments: list[Fragment] = []
    position = 0
    for start, end, mark in sorted(claimed):
        if start > position:
            fragments.append(Fragment(text[position:start]))
        fragments.append(Fragment(text[start:end], mark))
        position = end
    if position < len(text):
        fragments.append(Fragment(text[position:]))
    return fragments


def _whole_word(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
