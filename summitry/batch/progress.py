"""Counts of a running corpus run, for progress bars and the closing summary.

The library never prints (STYLE.md, habit 5): `counted` updates a `RunCounts`
as results go by, and the CLI draws the bar from it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from summitry.errors import InputError
from summitry.model import Document


@dataclass
class RunCounts:
    """What a run has done so far. `words` counts the words of the extracted articles."""

    articles: int = 0
    events: int = 0
    failures: int = 0
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def articles_per_second(self) -> float:
        elapsed = self.elapsed
        return self.articles / elapsed if elapsed > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        elapsed = self.elapsed
        return self.words / elapsed if elapsed > 0 else 0.0


def counted(
    results: Iterable[Document | InputError], counts: RunCounts
) -> Iterator[Document | InputError]:
    """`results` unchanged, with `counts` updated before each one is passed on."""
    for result in results:
        counts.articles += 1
        if isinstance(result, InputError):
            counts.failures += 1
        else:
            counts.events += len(result.events)
            counts.words += len(result.text.split())
        yield result
