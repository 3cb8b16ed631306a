"""Find candidate time expressions in raw text: every rule's matches, then the
longest non-overlapping ones (an earlier rule wins a tie)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from summitry.timex.rules import REACH, RULES, Rule


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


_WORD_START = re.compile(r"(?<![\w'’])[\w'’]")
_WORD = re.compile(r"[A-Za-z]+")
# The extent leaves a possessive pronoun out, as the TE3 training data does (23 of 24):
# "its fourth quarter", "his first day" are tagged "fourth quarter", "first day".
_POSSESSIVE = re.compile(r"(?i:its|his|her|their|our|my|your)\s+(?=\S)")


class _Index:
    """Where each word and each word start is in one text, for the trigger lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in _WORD_START.finditer(text)]
        self.words: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in _WORD.finditer(text):
            self.words[m.group().lower()].append(m.span())

    def hits(self, rule: Rule) -> list[tuple[int, int]]:
        if isinstance(rule.trigger, frozenset):
            return [span for w in rule.trigger for span in self.words.get(w, ())]
        return [m.span() for m in rule.trigger.finditer(self.text)]


def _matches(rule: Rule, index: _Index) -> list[re.Match[str]]:
    """Every match of the rule that starts at a word start near one of its triggers.

    Trying the full regex at every character is what costs; trigger words are
    rare, and an expression starts within `REACH` characters before its trigger.
    """
    text, starts = index.text, index.starts
    seen: dict[tuple[int, int], re.Match[str]] = {}
    tried: set[int] = set()
    for hit_start, hit_end in sorted(index.hits(rule)):
        first = bisect_left(starts, hit_start - REACH)
        last = bisect_right(starts, hit_start)
        for s in starts[first:last]:
            # Hits come in order, so the first hit to reach a start is the nearest trigger
            # after it: a match from there that misses that trigger misses all later ones.
            if s in tried:
                continue
            tried.add(s)
            m = rule.regex.match(text, s)
            if m is not None and m.end() >= hit_end:
                seen.setdefault(m.span(), m)
    return list(seen.values())


def candidates(text: str) -> list[Candidate]:
    """All rule matches in `text`, trimmed of surrounding whitespace."""
    found: list[Candidate] = []
    index = _Index(text)
    for rule in RULES:
        for m in _matches(rule, index):
            start, end = m.span("x") if "x" in rule.regex.groupindex and m.group("x") else m.span()
            if possessive := _POSSESSIVE.match(text, start, end):
                start = possessive.end()  # "its fourth quarter": TimeML tags "fourth quarter"
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(Candidate(start, end, rule, m))
    return found


def select(found: list[Candidate], valid: Callable[[Candidate], bool]) -> list[Candidate]:
    """The longest `valid` candidates that do not overlap, in text order."""
    ranked = sorted(found, key=lambda c: (c.start - c.end, _ORDER[c.rule.name], c.start))
    taken: list[Candidate] = []
    occupied = bytearray(max((c.end for c in found), default=0))  # 1 where a taken one lies
    for c in ranked:
        if occupied.find(1, c.start, c.end) != -1 or not valid(c):
            continue
        taken.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: c.start)


_ORDER = {rule.name: i for i, rule in enumerate(RULES)}
