"""Storing a stream of extraction results: documents in, failures recorded.

    extract_many(iter_path(...)) -> ingest_results(store, ...) -> IngestSummary

A document is stored with `Store.ingest`; an `InputError` (unreadable input,
failed extraction) is recorded with `Store.record_error` under its document
id and reason, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from summitry.errors import InputError
from summitry.model import Document
from summitry.store.records import IngestOutcome, IngestResult
from summitry.store.store import Store


@dataclass
class IngestSummary:
    """What a run did: documents per outcome, mentions stored, failures (id, reason)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    mentions: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failures)


def ingest_results(
    store: Store,
    results: Iterable[Document | InputError],
    *,
    source: str | None = None,
    on_result: Callable[[Document | InputError, IngestResult | None], None] | None = None,
) -> IngestSummary:
    """Store every document of `results`, record every failure; `on_result` sees each one."""
    summary = IngestSummary()
    for item in results:
        if isinstance(item, InputError):
            store.record_error(item.doc_id, item.reason, source=source)
            summary.failures.append((item.doc_id, item.reason))
            if on_result:
                on_result(item, None)
            continue
        result = store.ingest(item)
        if result.outcome is IngestOutcome.ADDED:
            summary.added += 1
        elif result.outcome is IngestOutcome.UPDATED:
            summary.updated += 1
        else:
            summary.unchanged += 1
        if result.outcome is not IngestOutcome.UNCHANGED:
            summary.mentions += len(item.events)
        if on_result:
            on_result(item, result)
    return summary
