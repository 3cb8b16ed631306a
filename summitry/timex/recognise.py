"""Find candidate time expressions in raw text: every rule's matches, then the
longest non-overlapping ones (an earlier rule wins a tie)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summitry.timex.rules import RULES, Rule


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def candidates(text: str) -> list[Candidate]:
    """All rule matches in `text`, trimmed of surrounding whitespace."""
    found: list[Candidate] = []
    for rule in RULES:
        for m in rule.regex.finditer(text):
            start, end = m.span("x") if "x" in rule.regex.groupindex and m.group("x") else m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(Candidate(start, end, rule, m))
    return found


def select(found: list[Candidate], valid: Callable[[Candidate], bool]) -> list[Candidate]:
    """The longest `valid` candidates that do not overlap, in text order."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    ranked = sorted(found, key=lambda c: (c.start - c.end, order[c.rule.name], c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for c in ranked:
        if any(c.start < e and s < c.end for s, e in occupied) or not valid(c):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    return sorted(taken, key=lambda c: c.start)
