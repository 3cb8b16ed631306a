"""A time limit for one article's own stages (time expressions and events).

    document = call_with_limit(30.0, article.id, lambda: document_from(article, doc))
    # raises ExtractionError after 30 s; `time_limit(30.0, article.id)` is the block form

Why two mechanisms:

1. in the main thread (the CLI, `run_local`), a real-time interval timer
   (SIGALRM) interrupts the work wherever Python code runs, so a loop that
   never calls `check()` stops too;
2. elsewhere (Dask workers run tasks in threads, and signals reach only the
   main thread), `check()` calls placed in the extractor's per-trigger loop
   raise once the deadline has passed.

The parser's own time is bounded by the input size limit, not by this: spaCy
parses a batch of articles at once, and interrupting it would lose the batch.
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from summitry.errors import ExtractionError

T = TypeVar("T")

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "summitry_deadline", default=None
)


class _Expired(BaseException):
    """Raised inside the work; a BaseException so that no `except Exception` swallows it."""


def check() -> None:
    """Raise if the current article's time is up (cheap: one clock read)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise _Expired


def call_with_limit(seconds: float | None, doc_id: str, work: Callable[[], T]) -> T:
    """`work()` under `time_limit`, also when the alarm's handler runs while the block is
    being left: Python runs a signal handler at the next bytecode boundary, which can be in
    the context manager's own `__exit__`, before the generator below can catch it."""
    try:
        with time_limit(seconds, doc_id):
            return work()
    except _Expired:
        raise ExtractionError(doc_id, f"timed out after {seconds:g} s") from None


@contextmanager
def time_limit(seconds: float | None, doc_id: str) -> Iterator[None]:
    """Run the block for at most `seconds` (None or <= 0: no limit); see the module docstring."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _deadline.set(time.monotonic() + seconds)
    use_signal = threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer"
    )
    previous = None
    armed = [True]

    def on_alarm(signum: int, frame: object) -> None:
        # Python runs a signal's handler at the next bytecode boundary, which may come after
        # the block is left: an alarm that rang as `check()` raised must not raise again there
        if armed[0]:
            raise _Expired

    if use_signal:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            yield
        finally:  # the alarm may still ring here: the outer block turns it into the error
            armed[0] = False
            if use_signal:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise ExtractionError(doc_id, f"timed out after {seconds:g} s") from None
    finally:
        if use_signal:
            signal.signal(signal.SIGALRM, previous)
        _deadline.reset(token)
