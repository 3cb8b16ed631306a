"""Counts the hardening tests record (inputs fuzzed, requests sent), shown in the session summary.

Kept in its own module: pytest imports conftest.py under another name than
`hardening.conftest`, so a dict there would not be the one the tests fill.
"""

from __future__ import annotations

FIGURES: dict[str, int] = {}


def count(name: str) -> None:
    FIGURES[name] = FIGURES.get(name, 0) + 1
