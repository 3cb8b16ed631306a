"""summitry.deadline: an article's own stages stop at its time limit; the batch goes on."""

from __future__ import annotations

import signal
import threading

import pytest

from summitry import deadline, pipeline
from summitry.errors import ExtractionError
from summitry.ingest import read_bytes
from summitry.model import Document

STORY = "TOKYO, May 4 - Japan's foreign minister will visit Seoul next week for talks."


def test_alarm_stops_a_loop_that_never_checks() -> None:
    with pytest.raises(ExtractionError, match="timed out after 0.2 s") as caught:
        with deadline.time_limit(0.2, "doc-1"):
            while True:
                pass
    assert caught.value.doc_id == "doc-1"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left to ring later


def test_finished_work_leaves_no_alarm_and_the_old_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with deadline.time_limit(30, "doc-1"):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_outside_the_main_thread_check_raises() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with deadline.time_limit(0.05, "doc-2"):
                while True:
                    deadline.check()
        except ExtractionError as exc:
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert [e.reason for e in caught] == ["timed out after 0.05 s"]


def test_no_limit_and_no_deadline_outside_a_block() -> None:
    deadline.check()  # no block: nothing to raise
    with deadline.time_limit(None, "doc-3"):
        deadline.check()
    with deadline.time_limit(0, "doc-3"):
        deadline.check()


def test_an_article_that_hangs_fails_and_the_next_is_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = pipeline.extract_events
    # warm: the "fine" article's 0.5 s must not pay for loading lexicons another test cleared
    list(pipeline.extract_many([read_bytes(STORY.encode(), "warm-up", dct="2024-05-04")]))

    def hangs_on_the_first(doc, timexes, context):  # type: ignore[no-untyped-def]
        if "HANG" in doc.text:
            while True:
                deadline.check()
        return real(doc, timexes, context)

    monkeypatch.setattr(pipeline, "extract_events", hangs_on_the_first)
    articles = [
        read_bytes(STORY.encode() + b" HANG on.", "stuck", dct="2024-05-04"),
        read_bytes(STORY.encode(), "fine", dct="2024-05-04"),
    ]
    first, second = pipeline.extract_many(articles, timeout=0.5)
    assert isinstance(first, ExtractionError) and first.doc_id == "stuck"
    assert first.reason == "timed out after 0.5 s"
    assert isinstance(second, Document) and second.id == "fine"
    assert [e.mode.value for e in second.events] == ["visit"]


def test_an_alarm_handled_after_the_block_is_left_raises_nothing() -> None:
    """Python runs a signal handler at the next bytecode boundary: an alarm that rang just
    as `check()` raised may be handled after the block, where it must not raise again."""
    with deadline.time_limit(5.0, "doc-late"):
        handler = signal.getsignal(signal.SIGALRM)
    assert callable(handler)
    handler(signal.SIGALRM, None)  # as if delivered late; raised _Expired before


def test_an_alarm_handled_in_the_block_s_exit_is_still_a_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The handler may also run at the start of the context manager's `__exit__`, before
    the block's own cleanup can catch it: `call_with_limit` still reports a time-out."""
    from contextlib import contextmanager

    @contextmanager
    def rings_on_leaving(seconds, doc_id):  # type: ignore[no-untyped-def]
        yield
        raise deadline._Expired  # as the late handler does, outside the block's try

    monkeypatch.setattr(deadline, "time_limit", rings_on_leaving)
    with pytest.raises(ExtractionError, match="timed out after 0.5 s"):
        deadline.call_with_limit(0.5, "doc-exit", lambda: 1)
